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
from extract.type_schemes import (
    LAYERS,
    STATE_EFFECTS,
    EntityType,
    EventType,
    entries,
    read_entity_type,
    read_event_type,
)
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

__all__ = [
    "LAYERS",
    "LAYER_TERMS",
    "STATE_EFFECTS",
    "STATE_TERMS",
    "Bodies",
    "Body",
    "EntityType",
    "EntityTypes",
    "EventType",
    "EventTypes",
    "Populations",
]


class EntityTypes:
    def __init__(self, types: Mapping[str, EntityType]) -> None:
        self.types = dict(types)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> EntityTypes:
        types: dict[str, EntityType] = {}
        for path in _scheme_files("entity_types.yaml", extra, "entity_types"):
            for type_id, fields in entries(load_yaml(path), "entity_types", path):
                types[type_id] = read_entity_type(type_id, fields, path)
        return cls(types)

    def schema_class(self, type_id: str) -> URIRef:
        found = self.types.get(type_id)
        if found is None or found.schema_org is None:
            return _DEFAULT_SCHEMA
        return URIRef(str(SDO) + found.schema_org)

    def coarse(self, type_id: str) -> str:
        found = self.types.get(type_id)
        return found.coarse if found else type_id

    def scored_as(self, type_id: str) -> frozenset[str]:
        """The types a reference timeline may give an entity of this type: its coarse type
        and the other names of it (entity_types.yaml: ``scored_as``)."""
        found = self.types.get(type_id)
        if found is None:
            return frozenset({type_id})
        return frozenset({found.coarse, *found.scored_as})

    def actor(self, type_id: str) -> str | None:
        found = self.types.get(type_id)
        return found.actor if found else None

    def is_subject(self, type_id: str) -> bool:
        found = self.types.get(type_id)
        return found.subject if found else False

    def is_exclusive(self, type_id: str) -> bool:
        found = self.types.get(type_id)
        return found.exclusive if found else False

    def is_whole_government(self, type_id: str) -> bool:
        found = self.types.get(type_id)
        return found.whole_government if found else False


class EventTypes:
    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> EventTypes:
        types: dict[str, EventType] = {}
        for path in _scheme_files("event_types.yaml", extra, "event_types"):
            for type_id, fields in entries(load_yaml(path), "event_types", path):
                types[type_id] = read_event_type(type_id, fields, path)
        return cls(types)

    def get(self, type_id: str) -> EventType:
        found = self.types.get(type_id)
        return found if found is not None else EventType.unknown(type_id)

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
            for population, fields in entries(load_yaml(path), "populations", path):
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
        by_id: dict[str, Mapping[str, Any]] = {}
        for path in _scheme_files("gazetteer.yaml", extra, "entities"):
            data = load_yaml(path)
            section = data.get("entities") if isinstance(data, dict) else None
            for number, entry in enumerate(section or [], 1):
                if not isinstance(entry, dict) or "id" not in entry or "name" not in entry:
                    raise DataFileError(path, f"entities entry {number} needs an id and a name")
                by_id[str(entry["id"])] = entry
        bodies: dict[str, Body] = {}
        for entry in by_id.values():
            parent = by_id.get(str(entry.get("parent") or ""))
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
