"""The type schemes the graph needs from the data files: entity types and event types.

Both schemes are data a user can extend (extract/data/entity_types.yaml and
event_types.yaml, plus the user's own files). The graph turns the event types into SKOS
concepts of a ``ptkg:EventTypeScheme`` and types entities with schema.org classes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from extract.datafiles import load_yaml, packaged_data
from extract.errors import DataFileError
from kg.iri import Minter
from kg.namespace import PTKG, RDF, RDFS, SDO, SKOS
from kg.terms import boolean_literal

# Used when an entity type of the data files names no schema.org class.
_DEFAULT_SCHEMA = SDO.Thing

STATE_TERMS: dict[str, URIRef] = {
    "unrestricted": PTKG.Unrestricted,
    "restricted": PTKG.Restricted,
    "partially_lifted": PTKG.PartiallyLifted,
    "lifted": PTKG.Lifted,
}


LAYER_TERMS: dict[str, URIRef] = {
    "legal": PTKG.LegalState,
    "effective": PTKG.EffectiveState,
}


def _entries(data: Any, key: str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Entries of a scheme written either as a mapping id -> fields or a list with 'id'."""
    section = data.get(key) if isinstance(data, dict) else None
    if isinstance(section, dict):
        for type_id, fields in section.items():
            yield str(type_id), fields if isinstance(fields, dict) else {}
    elif isinstance(section, list):
        for number, fields in enumerate(section, 1):
            if not isinstance(fields, dict) or "id" not in fields:
                raise DataFileError(path, f"entry {number} of '{key}' has no 'id'")
            yield str(fields["id"]), fields
    else:
        raise DataFileError(path, f"expected a '{key}' mapping or list")


@dataclass(frozen=True)
class EntityType:
    id: str
    label: str
    schema_class: URIRef
    coarse: str
    exclusive: bool = False  # only one entity of this type holds at a time (administrations)
    actor: str | None = None  # government | company | court | media | person, or None
    subject: bool = False  # a restriction can apply to it (a product, an app, a company)
    whole_government: bool = False  # stands for a government as a whole, not a department


class EntityTypes:
    def __init__(self, types: Mapping[str, EntityType]) -> None:
        self.types = dict(types)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> EntityTypes:
        types: dict[str, EntityType] = {}
        for path in _scheme_files("entity_types.yaml", extra, "entity_types"):
            for type_id, fields in _entries(load_yaml(path), "entity_types", path):
                schema_name = fields.get("schema_org") or fields.get("schema")
                schema_class = (
                    URIRef(str(SDO) + str(schema_name).removeprefix("schema:"))
                    if schema_name
                    else _DEFAULT_SCHEMA
                )
                types[type_id] = EntityType(
                    id=type_id,
                    label=str(fields.get("label", type_id.replace("_", " "))),
                    schema_class=schema_class,
                    coarse=str(fields.get("coarse", fields.get("evaluates_as", type_id))),
                    exclusive=bool(fields.get("exclusive", False)),
                    actor=str(fields["actor"]) if fields.get("actor") else None,
                    subject=bool(fields.get("subject", False)),
                    whole_government=bool(fields.get("whole_government", False)),
                )
        return cls(types)

    def schema_class(self, type_id: str) -> URIRef:
        entity_type = self.types.get(type_id)
        return entity_type.schema_class if entity_type else _DEFAULT_SCHEMA

    def coarse(self, type_id: str) -> str:
        entity_type = self.types.get(type_id)
        return entity_type.coarse if entity_type else type_id

    def actor(self, type_id: str) -> str | None:
        entity_type = self.types.get(type_id)
        return entity_type.actor if entity_type else None

    def is_subject(self, type_id: str) -> bool:
        entity_type = self.types.get(type_id)
        return entity_type.subject if entity_type else False

    def is_whole_government(self, type_id: str) -> bool:
        entity_type = self.types.get(type_id)
        return entity_type.whole_government if entity_type else False


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    definition: str
    coarse: str
    plover_category: str | None
    plover_mode: str | None
    state_effect: str | None
    on_timeline: bool
    instrument_of: tuple[str, ...] = ()  # acts an event of this type can carry out
    family: str | None = None  # types whose events sources may confuse (partial/full lift)
    layer: str = "legal"  # the state it changes: legal (a government's rule) | effective
    min_sources: int = 1  # independent publishers an event of the type needs for the timeline


class EventTypes:
    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> EventTypes:
        types: dict[str, EventType] = {}
        for path in _scheme_files("event_types.yaml", extra, "event_types"):
            for type_id, fields in _entries(load_yaml(path), "event_types", path):
                plover = fields.get("plover") or {}
                if isinstance(plover, str):
                    plover = {"category": plover}
                effect = fields.get("state_effect")
                if effect is not None and str(effect) not in STATE_TERMS:
                    raise DataFileError(
                        path,
                        f"event type {type_id!r}: unknown state_effect {effect!r}",
                        fix=f"use one of {', '.join(STATE_TERMS)} or leave it out",
                    )
                types[type_id] = EventType(
                    id=type_id,
                    label=str(fields.get("label", type_id.replace("_", " "))),
                    definition=str(fields.get("definition", "")),
                    coarse=str(fields.get("coarse", type_id)),
                    plover_category=plover.get("category"),
                    plover_mode=plover.get("mode"),
                    state_effect=str(effect) if effect is not None else None,
                    on_timeline=bool(fields.get("timeline", fields.get("on_timeline", True))),
                    instrument_of=tuple(str(t) for t in fields.get("instrument_of") or ()),
                    family=str(fields["family"]) if fields.get("family") else None,
                    layer=_layer(fields.get("layer"), type_id, path),
                    min_sources=int(fields.get("min_sources", 1)),
                )
        return cls(types)

    def get(self, type_id: str) -> EventType:
        found = self.types.get(type_id)
        if found is None:
            return EventType(
                type_id, type_id.replace("_", " "), "", type_id, None, None, None, True
            )
        return found

    def coarse(self, type_id: str) -> str:
        return self.get(type_id).coarse

    def triples(self) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
        """The scheme as SKOS concepts, for the vocabulary graph."""
        scheme = Minter.event_type_scheme()
        yield scheme, RDF.type, PTKG.EventTypeScheme
        yield scheme, RDF.type, SKOS.ConceptScheme
        yield scheme, RDFS.label, Literal("Policy event types", lang="en")
        for event_type in sorted(self.types.values(), key=lambda t: t.id):
            concept = Minter.event_type(event_type.id)
            yield concept, RDF.type, PTKG.EventType
            yield concept, RDF.type, SKOS.Concept
            yield concept, SKOS.inScheme, scheme
            yield concept, SKOS.notation, Literal(event_type.id)
            yield concept, SKOS.prefLabel, Literal(event_type.label, lang="en")
            yield concept, RDFS.label, Literal(event_type.label, lang="en")
            if event_type.definition:
                yield concept, SKOS.definition, Literal(event_type.definition, lang="en")
            yield concept, PTKG.coarseType, Minter.event_type(event_type.coarse)
            if event_type.plover_category:
                yield concept, PTKG.ploverCategory, Literal(event_type.plover_category)
            if event_type.plover_mode:
                yield concept, PTKG.ploverMode, Literal(event_type.plover_mode)
            if event_type.state_effect:
                yield concept, PTKG.stateEffect, STATE_TERMS[event_type.state_effect]
            yield concept, PTKG.onTimeline, boolean_literal(event_type.on_timeline)


class Populations:
    """The populations of scopes.yaml, as far as the graph needs them: which ones a
    restriction may target without being everyone's (a ban on government devices)."""

    def __init__(self, partial_targets: frozenset[str] = frozenset()) -> None:
        self.partial_targets = partial_targets

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Populations:
        partial: set[str] = set()
        for path in _scheme_files("scopes.yaml", extra, "populations"):
            for population, fields in _entries(load_yaml(path), "populations", path):
                if fields.get("limits_restriction"):
                    partial.add(population)
                else:
                    partial.discard(population)
        return cls(frozenset(partial))

    def restricts_some(self, population: str) -> bool:
        """True when a restriction of this population leaves everyone else's state alone."""
        return population in self.partial_targets


@dataclass(frozen=True)
class Body:
    """A body of the gazetteer: a government, one of its departments or agencies, a court."""

    name: str
    type: str
    parent: str | None  # the name of the body it belongs to
    aliases: tuple[str, ...] = ()


class Bodies:
    """The gazetteer's bodies and what each belongs to (gazetteer.yaml: ``parent``), by name:
    the graph needs them to tell a department and its government even when the texts never
    name the government."""

    def __init__(self, bodies: Mapping[str, Body]) -> None:
        self.by_name = dict(bodies)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Bodies:
        entries: dict[str, Mapping[str, Any]] = {}
        for path in _scheme_files("gazetteer.yaml", extra, "entities"):
            data = load_yaml(path)
            section = data.get("entities") if isinstance(data, dict) else None
            for number, entry in enumerate(section or [], 1):
                if not isinstance(entry, dict) or "id" not in entry or "name" not in entry:
                    raise DataFileError(path, f"entities entry {number} needs an id and a name")
                entries[str(entry["id"])] = entry
        bodies: dict[str, Body] = {}
        for entry in entries.values():
            parent = entries.get(str(entry.get("parent") or ""))
            aliases = entry.get("aliases") or []
            bodies[str(entry["name"])] = Body(
                name=str(entry["name"]),
                type=str(entry.get("type", "")),
                parent=str(parent["name"]) if parent is not None else None,
                aliases=tuple(str(a) for a in aliases if isinstance(a, str)),
            )
        return cls(bodies)

    def get(self, name: str) -> Body | None:
        return self.by_name.get(name)


LAYERS = tuple(LAYER_TERMS)


def _layer(value: Any, type_id: str, path: Path) -> str:
    layer = str(value or "legal")
    if layer not in LAYERS:
        raise DataFileError(
            path,
            f"event type {type_id!r}: unknown layer {layer!r}",
            fix=f"use one of {', '.join(LAYERS)} or leave it out (legal)",
        )
    return layer


def _scheme_files(name: str, extra: Iterable[Path], key: str) -> list[Path]:
    """The packaged file (when present) and the user's files that define ``key``."""
    files: list[Path] = []
    with contextlib.suppress(DataFileError):
        files.append(packaged_data(name))
    for path in extra:
        data = load_yaml(path)
        if isinstance(data, dict) and key in data:
            files.append(path)
    return files
