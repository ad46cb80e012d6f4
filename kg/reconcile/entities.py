"""Canonical entities: the reported entities of all documents merged by name and alias.

Reads: the entity mentions of every document. Adds: one ``CanonicalEntity`` per real-world
entity, and the map from each document's mentions to it. Linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from extract.records import TITLE_ALONE, DateRange, DocumentRecords, EntityMention
from kg.iri import slug
from kg.schema import EntityTypes


class EntityKnowledge(Protocol):
    """What the extraction layer knows of names across documents
    (``extract.entities.CorpusKnowledge``)."""

    def canonical_names(
        self, mentions_by_doc: Mapping[str, Sequence[EntityMention]]
    ) -> dict[tuple[str, str], str]:
        """(document id, document-level name) -> corpus-level name."""
        ...

    def owner_of(self, name: str) -> str | None:
        """The maker of the product called ``name``, when known."""
        ...

    def aliases_of(self, gazetteer_id: str) -> tuple[str, ...]:
        """The names the gazetteer knows an entity by ("WSJ" for The Wall Street Journal)."""
        ...


class NamesOnly:
    """Without the extraction layer's knowledge: one entity per distinct name, no makers."""

    def canonical_names(
        self, mentions_by_doc: Mapping[str, Sequence[EntityMention]]
    ) -> dict[tuple[str, str], str]:
        return {
            (doc_id, mention.name): mention.name
            for doc_id, mentions in mentions_by_doc.items()
            for mention in mentions
        }

    def owner_of(self, name: str) -> str | None:
        return None

    def aliases_of(self, gazetteer_id: str) -> tuple[str, ...]:
        return ()


@dataclass
class CanonicalEntity:
    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, EntityMention]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    gazetteer_id: str | None = None
    actor: str | None = None  # the kind of actor its type makes it (entity_types.yaml)

    @property
    def documents(self) -> list[str]:
        return sorted({doc_id for doc_id, _ in self.mentions})


@dataclass
class EntityIndex:
    entities: dict[str, CanonicalEntity]
    by_mention: dict[tuple[str, str], str]  # (doc id, mention id) -> entity key
    owners: dict[str, str] = field(default_factory=dict)  # model key -> its maker's key
    bodies: dict[str, frozenset[str]] = field(default_factory=dict)  # official -> bodies

    def key(self, doc_id: str, mention_id: str) -> str | None:
        return self.by_mention.get((doc_id, mention_id))

    def get(self, key: str) -> CanonicalEntity:
        return self.entities[key]


def canonicalise_entities(
    records: Sequence[DocumentRecords],
    knowledge: EntityKnowledge | None = None,
    entity_types: EntityTypes | None = None,
) -> EntityIndex:
    knowledge = knowledge or NamesOnly()
    mentions_by_doc = {r.document.id: list(r.entities) for r in records}
    names = knowledge.canonical_names(mentions_by_doc)
    grouped: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    by_mention: dict[tuple[str, str], str] = {}
    titles_alone: list[tuple[str, EntityMention]] = []
    for doc_id, mentions in mentions_by_doc.items():
        for mention in mentions:
            if mention.source == TITLE_ALONE:
                titles_alone.append((doc_id, mention))
                continue
            name = names.get((doc_id, mention.name), mention.name)
            key = slug(name)
            grouped[key].append((doc_id, mention))
            by_mention[(doc_id, mention.id)] = key
    entities: dict[str, CanonicalEntity] = {}
    for key, members in sorted(grouped.items()):
        canonical_names = Counter(names.get((doc_id, m.name), m.name) for doc_id, m in members)
        name = sorted(canonical_names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        # a type a gazetteer entry or a pattern gives outweighs the statistical tagger's
        # guesses ("platform Kestrio" once against "Kestrio" taken for a place elsewhere)
        types = Counter(m.type for _, m in members)
        found = Counter(m.type for _, m in members if m.source != "ner") or types
        entity = CanonicalEntity(
            key=key,
            name=name,
            type=sorted(found.items(), key=lambda kv: (-kv[1], -types[kv[0]], kv[0]))[0][0],
            mentions=sorted(members, key=lambda dm: (dm[0], dm[1].span.start)),
        )
        if entity_types is not None:
            entity.actor = entity_types.actor(entity.type)
        for _, mention in members:
            for alias in (mention.name, mention.span.text):
                if alias != name:
                    entity.aliases.add(alias)
            if mention.role:
                entity.roles.add(mention.role)
            if mention.affiliation:
                entity.affiliations.add(mention.affiliation)
            if mention.gazetteer_id and entity.gazetteer_id is None:
                entity.gazetteer_id = mention.gazetteer_id
        if entity.gazetteer_id is not None:
            # the names a reader may look it up by, whichever the corpus used
            entity.aliases.update(a for a in knowledge.aliases_of(entity.gazetteer_id) if a != name)
        entities[key] = entity
    if titles_alone:
        dates = {r.document.id: r.dct.range for r in records}
        people = [e for e in entities.values() if e.type == "person" and e.roles]
        for doc_id, mention in titles_alone:
            holder = title_holder(mention, dates[doc_id], people, dates)
            if holder is not None:
                by_mention[(doc_id, mention.id)] = holder
    owners = model_owners(entities, knowledge, names)
    return EntityIndex(entities, by_mention, owners, acting_for(entities))


# Whom "the President" names: the holder of that title in the documents of this many days
# around the one that says it, when they name that person in at least this share of them.
TITLE_WITHIN_DAYS = 365
TITLE_HOLDER_SHARE = 2 / 3


def title_holder(
    mention: EntityMention,
    written: DateRange,
    people: Sequence[CanonicalEntity],
    dates: Mapping[str, DateRange],
) -> str | None:
    """The person a title alone ("the President", in a text that names no president)
    names: of the ``people`` (persons with a role) the corpus gives that title ("President
    Jane Roe"; a vice president is not one), the one most documents written within a year
    of this one name, if they are most of them (several judges of one story: none)."""
    title = (mention.role or mention.name).lower().split()
    counts: Counter[str] = Counter()
    for entity in people:
        if not any(_holds(role, title) for role in entity.roles):
            continue
        near = [
            d
            for d in entity.documents
            if (when := dates.get(d)) is not None
            and abs((when.earliest - written.earliest).days) <= TITLE_WITHIN_DAYS
        ]
        if near:
            counts[entity.key] = len(near)
    if not counts:
        return None
    key, most = counts.most_common(1)[0]
    return key if most >= TITLE_HOLDER_SHARE * sum(counts.values()) else None


def _holds(role: str, title: list[str]) -> bool:
    """Whether a person's role is the title: "US President" is a president, "Vice
    President" is not ("President" names no vice president)."""
    words = role.lower().split()
    if not words or words[-1] != title[-1] or not set(title) <= set(words):
        return False
    return "vice" in title or "vice" not in words


def acting_for(entities: dict[str, CanonicalEntity]) -> dict[str, frozenset[str]]:
    """People -> the government bodies their roles belong to, when the graph has them.

    A secretary who writes a letter in that office acts for the department: an event the
    text gives to "Commerce Secretary Jane Roe" is also the Commerce Department's.
    """
    bodies: dict[str, frozenset[str]] = {}
    for key, entity in entities.items():
        if entity.actor != "person":
            continue
        found = frozenset(
            slug(body)
            for body in entity.affiliations
            if (target := entities.get(slug(body))) is not None and target.actor == "government"
        )
        if found:
            bodies[key] = found
    return bodies


def model_owners(
    entities: dict[str, CanonicalEntity],
    knowledge: EntityKnowledge,
    names: Mapping[tuple[str, str], str] | None = None,
) -> dict[str, str]:
    """Each model whose maker is known -> the company that makes it: the lexicon's (a model
    family's owner), else the company the texts most often say owns, runs or makes it
    ("Zimble, the wallet run by Kestrio Labs": ``EntityMention.owner``).

    "GPT-4.5" is OpenAI's: a source naming only the model and one naming only the company
    can then be recognised as reporting the same act.
    """
    owners: dict[str, str] = {}
    for key, entity in entities.items():
        if entity.actor is not None:
            continue  # only products have makers
        owner = knowledge.owner_of(entity.name)
        if not owner:
            told = Counter(
                maker
                for doc_id, m in entity.mentions
                if m.owner is not None
                and (maker := slug((names or {}).get((doc_id, m.owner), m.owner))) in entities
            )
            owner = min(told.items(), key=lambda kv: (-kv[1], kv[0]))[0] if told else None
        if owner and slug(owner) != key:
            owners[key] = slug(owner)
    return owners
