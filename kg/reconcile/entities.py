"""Canonical entities: the reported entities of all documents merged by name and alias.

Reads: the entity mentions of every document. Adds: one ``CanonicalEntity`` per real-world
entity, and the map from each document's mentions to it. Linear in the number of mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from extract.records import DocumentRecords, EntityMention
from kg.iri import slug
from kg.schema import EntityTypes

# Doc-level name -> corpus-level name, as the extraction layer's canonicaliser decides.
CorpusCanonicaliser = Callable[[dict[str, list[EntityMention]]], dict[tuple[str, str], str]]


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


def _default_canonicaliser(
    mentions_by_doc: dict[str, list[EntityMention]],
) -> dict[tuple[str, str], str]:
    """Without the extraction layer's canonicaliser: one entity per distinct name."""
    return {
        (doc_id, mention.name): mention.name
        for doc_id, mentions in mentions_by_doc.items()
        for mention in mentions
    }


def corpus_canonicaliser() -> CorpusCanonicaliser:
    try:
        from extract.entities import canonicalise_corpus
    except ImportError:
        return _default_canonicaliser
    return canonicalise_corpus


def canonicalise_entities(
    records: Sequence[DocumentRecords],
    canonicaliser: CorpusCanonicaliser | None = None,
    entity_types: EntityTypes | None = None,
) -> EntityIndex:
    mentions_by_doc = {r.document.id: list(r.entities) for r in records}
    names = (canonicaliser or corpus_canonicaliser())(mentions_by_doc)
    grouped: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    by_mention: dict[tuple[str, str], str] = {}
    for doc_id, mentions in mentions_by_doc.items():
        for mention in mentions:
            name = names.get((doc_id, mention.name), mention.name)
            key = slug(name)
            grouped[key].append((doc_id, mention))
            by_mention[(doc_id, mention.id)] = key
    entities: dict[str, CanonicalEntity] = {}
    for key, members in sorted(grouped.items()):
        canonical_names = Counter(names.get((doc_id, m.name), m.name) for doc_id, m in members)
        name = sorted(canonical_names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        types = Counter(m.type for _, m in members)
        entity = CanonicalEntity(
            key=key,
            name=name,
            type=sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
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
        entities[key] = entity
    return EntityIndex(entities, by_mention, model_owners(entities), acting_for(entities))


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


def model_owners(entities: dict[str, CanonicalEntity]) -> dict[str, str]:
    """Each model whose family the gazetteer knows -> the company that makes it.

    "GPT-4.5" is OpenAI's: a source naming only the model and one naming only the company
    can then be recognised as reporting the same act.
    """
    try:
        from extract.entities import packaged_entity_lexicon, parse_model_name
    except ImportError:
        return {}
    lexicon = packaged_entity_lexicon()
    owners: dict[str, str] = {}
    for key, entity in entities.items():
        if entity.actor is not None:
            continue  # only products have makers
        family = lexicon.family_of(entity.name)
        if family is None:
            family_name = parse_model_name(entity.name, lexicon).family
            family = lexicon.family_of(family_name) if family_name else None
        if family is not None and family.owner and slug(family.owner) != key:
            owners[key] = slug(family.owner)
    return owners
