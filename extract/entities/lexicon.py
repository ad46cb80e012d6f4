"""The entity lexicon: types, gazetteer, model families, roles and patterns, read from data.

Reads: extract/data/entity_types.yaml, gazetteer.yaml, roles.yaml, entity_patterns.yaml, and
any extra YAML files a user passes (each may hold any of their sections). Adds: one frozen
``EntityLexicon``, loaded once per pipeline component. Extra files are merged over the
packaged ones: entries with a known id (or title, or pattern id) replace it, lists grow.

Longer than most modules: every section of the four files is checked here, so that a
mistake in a user's file is reported with its file, entry and fix before any text is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from extract.datafiles import check_pattern, data_sections, packaged_data, strings
from extract.errors import DataFileError
from extract.type_schemes import EntityType, read_entity_type

PACKAGED_FILES = ("entity_types.yaml", "gazetteer.yaml", "roles.yaml", "entity_patterns.yaml")


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    parent: str | None = None
    demonyms: tuple[str, ...] = ()  # a country's adjectives ("Brazilian")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ModelFamily:
    id: str
    name: str
    owner: str | None
    type: str = "ai_model"
    aliases: tuple[str, ...] = ()
    standalone: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Role:
    title: str
    aliases: tuple[str, ...]
    body: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class EntityPattern:
    id: str
    type: str
    pattern: tuple[dict[str, Any], ...]
    strip: tuple[str, ...] = ("the",)
    name: str | None = None  # the entity's name from the kept words: "{} administration"


@dataclass(frozen=True)
class Anaphor:
    words: tuple[str, ...]
    types: tuple[str, ...]


@dataclass(frozen=True)
class NerRules:
    labels: Mapping[str, str | None]
    stopwords: frozenset[str]
    function_words: frozenset[str]
    org_heads: frozenset[str]
    speech_verbs: frozenset[str]
    surname_particles: frozenset[str] = frozenset()
    company_name_endings: frozenset[str] = frozenset()
    owner_verbs: frozenset[str] = frozenset()
    owner_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ModelRules:
    version: re.Pattern[str]
    nouns: frozenset[str]
    editions: frozenset[str]
    not_names: frozenset[str]


@dataclass(frozen=True)
class EntityLexicon:
    types: Mapping[str, EntityType]
    entries: tuple[GazetteerEntry, ...]
    families: tuple[ModelFamily, ...]
    roles: tuple[Role, ...]
    titles: tuple[str, ...]
    title_modifiers: frozenset[str]
    patterns: tuple[EntityPattern, ...]
    ner: NerRules
    models: ModelRules
    instruments: Mapping[str, str]
    outlet_verbs: frozenset[str]
    outlet_after: tuple[str, ...]
    anaphors: tuple[Anaphor, ...]
    files: tuple[str, ...] = field(default=())
    # name -> family look-ups already made (filled as the lexicon is used)
    family_cache: dict[str, ModelFamily | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def actor(self, type_id: str) -> str | None:
        entity_type = self.types.get(type_id)
        return entity_type.actor if entity_type else None

    def is_subject(self, type_id: str) -> bool:
        """True for types a restriction can apply to (entity_types.yaml: subject)."""
        entity_type = self.types.get(type_id)
        return entity_type.subject if entity_type else False

    def is_product(self, type_id: str) -> bool:
        """True for types an event concerns as its models (entity_types.yaml: product)."""
        entity_type = self.types.get(type_id)
        return entity_type.product if entity_type else False

    def is_instrument(self, type_id: str) -> bool:
        """True for orders, letters, rules (entity_types.yaml: instrument)."""
        entity_type = self.types.get(type_id)
        return entity_type.instrument if entity_type else False

    @cached_property
    def instrument_heads(self) -> frozenset[str]:
        """Head words of the instruments' names ("order", "licence", "letter")."""
        return frozenset(phrase.split()[-1].lower() for phrase in self.instruments)

    @property
    def instrument_type(self) -> str:
        """The type instruments found by pattern get (the first with ``instrument``)."""
        for type_id, entity_type in self.types.items():
            if entity_type.instrument:
                return type_id
        raise DataFileError(
            "entity_types.yaml",
            "no entity type is marked `instrument: true`",
            fix="mark the type of orders, letters and rules (legal_instrument)",
        )

    @cached_property
    def governing(self) -> frozenset[str]:
        """Types of the bodies that govern or judge: governments, agencies, courts."""
        return frozenset(
            type_id
            for type_id, entity_type in self.types.items()
            if entity_type.actor in ("government", "court")
        )

    @cached_property
    def bodies(self) -> frozenset[str]:
        """Types of a government's or a country's parts: agencies, courts, legislatures."""
        return frozenset(t for t in self.governing if not self.types[t].whole_government)

    @cached_property
    def described(self) -> Mapping[str, str]:
        """Nouns that tell the type of a name set beside them -> that type."""
        return {word: type_id for type_id, t in self.types.items() for word in t.described_by}

    @cached_property
    def company_type(self) -> str:
        """The type of companies (the first whose actor kind is ``company``)."""
        for type_id, entity_type in self.types.items():
            if entity_type.actor == "company":
                return type_id
        raise DataFileError(
            "entity_types.yaml",
            "no entity type has `actor: company`",
            fix="give the type of companies (organization) `actor: company`",
        )

    def entry(self, entry_id: str) -> GazetteerEntry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None

    def family_of(self, name: str) -> ModelFamily | None:
        """The model family whose name (or alias) is ``name``, or prefixes a versioned token."""
        if name in self.family_cache:
            return self.family_cache[name]
        found = _find_family(self.families, name)
        if len(self.family_cache) < 100_000:
            self.family_cache[name] = found
        return found


def _find_family(families: Sequence[ModelFamily], name: str) -> ModelFamily | None:
    for family in families:
        if name in family.names:
            return family
    for family in families:
        for family_name in family.names:
            rest = name[len(family_name) :]
            if name.startswith(family_name) and rest and (rest[0] in "-_ " or rest[0].isdigit()):
                return family
    return None


# --------------------------------------------------------------------------- loading


def load_entity_lexicon(extra: Sequence[str | Path] = ()) -> EntityLexicon:
    """The packaged lexicon merged with the user's files (in order). Raises DataFileError."""
    paths = [packaged_data(name) for name in PACKAGED_FILES] + [Path(p) for p in extra]
    merged = _Merged()
    for path, data in data_sections(paths):
        merged.add(path, data)
    return merged.build(tuple(str(p) for p in paths))


@lru_cache(maxsize=1)
def packaged_entity_lexicon() -> EntityLexicon:
    """The packaged lexicon alone (cached): for functions called without a pipeline."""
    return load_entity_lexicon()


def _require(entry: Mapping[str, Any], key: str, path: Path, what: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"{what}: missing '{key}'", fix=f"give each entry a '{key}'")
    return value.strip()


class _Merged:
    """Accumulates sections from several files; later files win on equal keys."""

    def __init__(self) -> None:
        self.types: dict[str, EntityType] = {}
        self.entries: dict[str, GazetteerEntry] = {}
        self.families: dict[str, ModelFamily] = {}
        self.roles: dict[str, Role] = {}
        self.titles: list[str] = []
        self.title_modifiers: set[str] = set()
        self.patterns: dict[str, EntityPattern] = {}
        self.ner_labels: dict[str, str | None] = {}
        self.ner_lists: dict[str, set[str]] = {
            "stopwords": set(),
            "name_function_words": set(),
            "org_heads": set(),
            "speech_verbs": set(),
            "surname_particles": set(),
            "company_name_endings": set(),
            "owner_verbs": set(),
            "owner_nouns": set(),
        }
        self.model_version: str | None = None
        self.model_lists: dict[str, set[str]] = {
            "nouns": set(),
            "editions": set(),
            "not_names": set(),
        }
        self.instruments: dict[str, str] = {}
        self.outlet_verbs: set[str] = set()
        self.outlet_after: list[str] = []
        self.anaphors: list[Anaphor] = []
        self.type_files: dict[str, Path] = {}

    def add(self, path: Path, data: Mapping[str, Any]) -> None:
        self._types(path, data.get("entity_types"))
        self._ner(path, data.get("ner"))
        for number, entry in enumerate(_list(data.get("entities"), path, "entities"), 1):
            self._entry(path, number, entry)
        for number, entry in enumerate(
            _list(data.get("model_families"), path, "model_families"), 1
        ):
            self._family(path, number, entry)
        for number, entry in enumerate(_list(data.get("roles"), path, "roles"), 1):
            what = f"roles entry {number}"
            title = _require(entry, "title", path, what)
            body = entry.get("body")
            self.roles[title.lower()] = Role(
                title, strings(entry.get("aliases"), path, what), str(body) if body else None
            )
        for title in strings(data.get("titles"), path, "titles"):
            if title not in self.titles:
                self.titles.append(title)
        self.title_modifiers.update(
            w.lower() for w in strings(data.get("title_modifiers"), path, "title_modifiers")
        )
        for number, entry in enumerate(_list(data.get("patterns"), path, "patterns"), 1):
            self._pattern(path, number, entry)
        self._models(path, data.get("models"))
        instruments = data.get("instruments")
        if instruments is not None:
            if not isinstance(instruments, dict):
                raise DataFileError(path, "instruments: expected a mapping noun -> kind")
            self.instruments.update({str(k).lower(): str(v) for k, v in instruments.items()})
        outlets = data.get("outlets")
        if outlets is not None:
            if not isinstance(outlets, dict):
                raise DataFileError(path, "outlets: expected a mapping with 'verbs' and 'after'")
            self.outlet_verbs.update(strings(outlets.get("verbs"), path, "outlets.verbs"))
            self.outlet_after.extend(strings(outlets.get("after"), path, "outlets.after"))
        for number, entry in enumerate(_list(data.get("anaphors"), path, "anaphors"), 1):
            what = f"anaphors entry {number}"
            self.anaphors.append(
                Anaphor(
                    tuple(w.lower() for w in strings(entry.get("words"), path, what)),
                    strings(entry.get("types"), path, what),
                )
            )

    def _types(self, path: Path, section: Any) -> None:
        if section is None:
            return
        if not isinstance(section, dict):
            raise DataFileError(path, "entity_types: expected a mapping id -> fields")
        for type_id, fields in section.items():
            self.types[str(type_id)] = read_entity_type(str(type_id), fields or {}, path)
            self.type_files[str(type_id)] = path

    def _ner(self, path: Path, section: Any) -> None:
        if section is None:
            return
        if not isinstance(section, dict):
            raise DataFileError(path, "ner: expected a mapping")
        labels = section.get("labels") or {}
        if not isinstance(labels, dict):
            raise DataFileError(path, "ner.labels: expected a mapping NER label -> type or null")
        self.ner_labels.update({str(k): (str(v) if v else None) for k, v in labels.items()})
        for key, bucket in self.ner_lists.items():
            bucket.update(strings(section.get(key), path, f"ner.{key}"))

    def _entry(self, path: Path, number: int, entry: Mapping[str, Any]) -> None:
        what = f"entities entry {number}"
        entry_id = _require(entry, "id", path, what)
        self.entries[entry_id] = GazetteerEntry(
            id=entry_id,
            name=_require(entry, "name", path, what),
            type=_require(entry, "type", path, what),
            aliases=strings(entry.get("aliases"), path, what),
            case_sensitive=bool(entry.get("case_sensitive", False)),
            parent=str(entry["parent"]) if entry.get("parent") else None,
            demonyms=strings(entry.get("demonyms"), path, what),
        )
        self.type_files.setdefault(f"entry:{entry_id}", path)

    def _family(self, path: Path, number: int, entry: Mapping[str, Any]) -> None:
        what = f"model_families entry {number}"
        family_id = _require(entry, "id", path, what)
        owner = entry.get("owner")
        self.families[family_id] = ModelFamily(
            id=family_id,
            name=_require(entry, "name", path, what),
            owner=str(owner) if owner else None,
            type=str(entry.get("type", "ai_model")),
            aliases=strings(entry.get("aliases"), path, what),
            standalone=bool(entry.get("standalone", True)),
        )

    def _pattern(self, path: Path, number: int, entry: Mapping[str, Any]) -> None:
        what = f"patterns entry {number}"
        pattern_id = _require(entry, "id", path, what)
        tokens = entry.get("pattern")
        if (
            not isinstance(tokens, list)
            or not tokens
            or not all(isinstance(t, dict) for t in tokens)
        ):
            raise DataFileError(
                path,
                f"pattern {pattern_id!r}: 'pattern' must be a non-empty list of token specs",
                fix="write it as spaCy Matcher patterns, e.g. [{LOWER: department}, {LOWER: of}]",
            )
        check_pattern(tokens, path, f"pattern {pattern_id!r}")
        self.patterns[pattern_id] = EntityPattern(
            pattern_id,
            _require(entry, "type", path, what),
            tuple(tokens),
            tuple(w.lower() for w in strings(entry.get("strip", ["the"]), path, what)),
            _name_template(entry.get("name"), path, what),
        )

    def _models(self, path: Path, section: Any) -> None:
        if section is None:
            return
        if not isinstance(section, dict):
            raise DataFileError(path, "models: expected a mapping")
        if section.get("version"):
            self.model_version = str(section["version"])
            try:
                re.compile(self.model_version)
            except re.error as exc:
                raise DataFileError(
                    path, f"models.version is not a regular expression: {exc}"
                ) from exc
        for key, bucket in self.model_lists.items():
            bucket.update(strings(section.get(key), path, f"models.{key}"))

    def build(self, files: tuple[str, ...]) -> EntityLexicon:
        known_types = set(self.types)
        for entry in self.entries.values():
            if entry.type not in known_types:
                raise DataFileError(
                    self.type_files.get(f"entry:{entry.id}", Path("gazetteer.yaml")),
                    f"entry {entry.id!r} has unknown type {entry.type!r}",
                    fix=f"use one of {', '.join(sorted(known_types))} or add the type",
                )
        for pattern in self.patterns.values():
            if pattern.type not in known_types:
                raise DataFileError(
                    Path("entity_patterns.yaml"),
                    f"pattern {pattern.id!r} has unknown type {pattern.type!r}",
                    fix=f"use one of {', '.join(sorted(known_types))}",
                )
        return EntityLexicon(
            types=dict(self.types),
            entries=tuple(self.entries.values()),
            families=tuple(self.families.values()),
            roles=tuple(self.roles.values()),
            titles=tuple(self.titles),
            title_modifiers=frozenset(self.title_modifiers),
            patterns=tuple(self.patterns.values()),
            ner=NerRules(
                labels=dict(self.ner_labels),
                stopwords=frozenset(self.ner_lists["stopwords"]),
                function_words=frozenset(self.ner_lists["name_function_words"]),
                org_heads=frozenset(self.ner_lists["org_heads"]),
                speech_verbs=frozenset(self.ner_lists["speech_verbs"]),
                surname_particles=frozenset(self.ner_lists["surname_particles"]),
                company_name_endings=frozenset(self.ner_lists["company_name_endings"]),
                owner_verbs=frozenset(self.ner_lists["owner_verbs"]),
                owner_nouns=frozenset(self.ner_lists["owner_nouns"]),
            ),
            models=ModelRules(
                version=re.compile(self.model_version or r"^\d+(\.\d+)*$"),
                nouns=frozenset(self.model_lists["nouns"]),
                editions=frozenset(self.model_lists["editions"]),
                not_names=frozenset(self.model_lists["not_names"]),
            ),
            instruments=dict(self.instruments),
            outlet_verbs=frozenset(self.outlet_verbs),
            outlet_after=tuple(self.outlet_after),
            anaphors=tuple(self.anaphors),
            files=files,
        )


def _list(value: Any, path: Path, what: str) -> Iterable[Mapping[str, Any]]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError(path, f"{what}: expected a list of mappings")
    return value


def _name_template(value: Any, path: Path, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.count("{}") != 1:
        raise DataFileError(
            path,
            f"{what}: 'name' must be a string with one {{}} for the matched words",
            fix='e.g. name: "{} administration"',
        )
    return value
