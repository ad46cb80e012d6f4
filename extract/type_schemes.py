"""The two type schemes of the data files, read once for the extraction and the graph.

Reads: the ``entity_types`` section (entity_types.yaml) and the ``event_types`` section
(event_types.yaml), packaged and the user's. What a type does is a flag of its entry
(``product``, ``subject``, ``needs_party``, ``affects_owner``, ``follows``...), never a
comparison of type ids in code: a user adds a type, or changes what one does, in a data
file only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import DataFileError

ACTOR_KINDS = ("government", "company", "court", "media", "person")
STATE_EFFECTS = ("restricted", "partially_lifted", "lifted")
LAYERS = ("legal", "effective")


@dataclass(frozen=True)
class EntityType:
    id: str
    label: str
    coarse: str
    actor: str | None = None  # government | company | court | media | person, or None
    product: bool = False  # a thing an event concerns as its models (a model, an app)
    instrument: bool = False  # an order, a letter, a rule an event acts by
    subject: bool = False  # a restriction can apply to it (a product, an app, a company)
    whole_government: bool = False  # stands for a government as a whole, not a department
    exclusive: bool = False  # only one entity of this type holds at a time (administrations)
    schema_org: str | None = None  # the schema.org class name the graph types it with
    scored_as: tuple[str, ...] = ()  # other names references give its coarse type ("company")
    described_by: tuple[str, ...] = ()  # nouns that, set beside an unknown name, give it this type


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    definition: str = ""
    coarse: str = ""
    plover_category: str | None = None
    plover_mode: str | None = None
    state_effect: str | None = None
    on_timeline: bool = True
    instrument_of: tuple[str, ...] = ()  # acts an event of this type can carry out
    family: str | None = None  # types whose events sources may confuse (partial/full lift)
    layer: str = "legal"  # the state it changes: legal (a government's rule) | effective
    min_sources: int = 1  # independent publishers an event of the type needs for the timeline
    complete_alone: bool = False  # one publisher suffices when its report is complete
    needs_party: bool = False  # an event only when it names whom or what it is about
    affects_owner: bool = False  # no affected party named: the owner of its models is
    follows: tuple[str, ...] = ()  # coarse types of its parties' events it comes after
    ends_relief: bool = False  # a restriction that ends a relief (a licence revoked)
    recurs: bool = False  # the same parties do it often: an undated mention names no one
    undone_by: tuple[str, ...] = ()  # types that, on its day, show it did not happen (renewed)
    first_as: str | None = None  # its type where its government restricted nothing before
    amounts: bool = False  # the sum it is about tells its events apart (two fines, two sums)
    refused_as: str | None = None  # its type when a court declines to take it (a ruling)
    venue: str | None = None  # the actor kind where it is brought (a court, for a suit):
    #                           never a party to it
    content_of: tuple[str, ...] = ()  # coarse types of acts whose clause it tells the content
    #                                   of ("filed a suit asking the court to ...")

    @classmethod
    def unknown(cls, type_id: str) -> EventType:
        """The type of an id no scheme defines: on the timeline, changing no state."""
        return cls(type_id, type_id.replace("_", " "), coarse=type_id)


def read_entity_type(type_id: str, fields: Mapping[str, Any], path: Path) -> EntityType:
    """One ``entity_types`` entry. Raises DataFileError naming the file and the type."""
    actor = fields.get("actor")
    if actor is not None and actor not in ACTOR_KINDS:
        raise DataFileError(
            path,
            f"entity type {type_id!r}: unknown actor {actor!r}",
            fix=f"use one of {', '.join(ACTOR_KINDS)} or null",
        )
    schema_org = fields.get("schema_org") or fields.get("schema")
    return EntityType(
        id=type_id,
        label=str(fields.get("label", type_id.replace("_", " "))),
        coarse=str(fields.get("coarse", fields.get("evaluates_as", type_id))),
        actor=str(actor) if actor is not None else None,
        product=_flag(fields, "product", type_id, path),
        instrument=_flag(fields, "instrument", type_id, path),
        subject=_flag(fields, "subject", type_id, path),
        whole_government=_flag(fields, "whole_government", type_id, path),
        exclusive=_flag(fields, "exclusive", type_id, path),
        schema_org=str(schema_org).removeprefix("schema:") if schema_org else None,
        scored_as=_words(fields.get("scored_as"), "scored_as", type_id, path),
        described_by=tuple(
            w.lower() for w in _words(fields.get("described_by"), "described_by", type_id, path)
        ),
    )


def read_event_type(type_id: str, fields: Mapping[str, Any], path: Path) -> EventType:
    """One ``event_types`` entry. Raises DataFileError naming the file and the type."""
    plover = fields.get("plover") or {}
    if isinstance(plover, str):
        plover = {"category": plover}
    effect = fields.get("state_effect")
    if effect is not None and str(effect) not in STATE_EFFECTS:
        raise DataFileError(
            path,
            f"event type {type_id!r}: unknown state_effect {effect!r}",
            fix=f"use one of {', '.join(STATE_EFFECTS)} or leave it out",
        )
    layer = str(fields.get("layer") or "legal")
    if layer not in LAYERS:
        raise DataFileError(
            path,
            f"event type {type_id!r}: unknown layer {layer!r}",
            fix=f"use one of {', '.join(LAYERS)} or leave it out (legal)",
        )
    min_sources = fields.get("min_sources", 1)
    if isinstance(min_sources, bool) or not isinstance(min_sources, int) or min_sources < 1:
        raise DataFileError(
            path,
            f"event type {type_id!r}: min_sources must be a whole number of at least 1",
        )
    # A type that changes a government's rule concerns the owner of what it restricts
    # unless the file says otherwise.
    affects_owner = fields.get("affects_owner", effect is not None and layer == "legal")
    return EventType(
        id=type_id,
        label=str(fields.get("label", type_id.replace("_", " "))),
        definition=str(fields.get("definition", "")),
        coarse=str(fields.get("coarse", type_id)),
        plover_category=plover.get("category"),
        plover_mode=plover.get("mode"),
        state_effect=str(effect) if effect is not None else None,
        on_timeline=_flag(
            fields, "timeline", type_id, path, default=fields.get("on_timeline", True)
        ),
        instrument_of=_words(fields.get("instrument_of"), "instrument_of", type_id, path),
        family=str(fields["family"]) if fields.get("family") else None,
        layer=layer,
        min_sources=min_sources,
        complete_alone=_flag(fields, "complete_alone", type_id, path),
        needs_party=_flag(fields, "needs_party", type_id, path),
        recurs=_flag(fields, "recurs", type_id, path),
        affects_owner=bool(affects_owner),
        follows=_words(fields.get("follows"), "follows", type_id, path),
        ends_relief=_flag(fields, "ends_relief", type_id, path),
        undone_by=_words(fields.get("undone_by"), "undone_by", type_id, path),
        first_as=str(fields["first_as"]) if fields.get("first_as") else None,
        amounts=_flag(fields, "amounts", type_id, path),
        refused_as=str(fields["refused_as"]) if fields.get("refused_as") else None,
        content_of=_words(fields.get("content_of"), "content_of", type_id, path),
        venue=str(fields["venue"]) if fields.get("venue") else None,
    )


def entries(data: Any, key: str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Entries of a scheme written either as a mapping id -> fields or a list with 'id'.
    A file without the section has none."""
    section = data.get(key) if isinstance(data, dict) else None
    if section is None:
        return
    if isinstance(section, dict):
        for type_id, fields in section.items():
            yield str(type_id), fields if isinstance(fields, dict) else {}
    elif isinstance(section, list):
        for number, fields in enumerate(section, 1):
            if not isinstance(fields, dict) or not fields.get("id"):
                raise DataFileError(path, f"{key} entry {number}: missing 'id'")
            yield str(fields["id"]), fields
    else:
        raise DataFileError(path, f"expected a '{key}' mapping or list")


def _flag(
    fields: Mapping[str, Any], name: str, type_id: str, path: Path, default: bool = False
) -> bool:
    value = fields.get(name, default)
    if not isinstance(value, bool):
        raise DataFileError(path, f"type {type_id!r}: {name} must be true or false, not {value!r}")
    return value


def _words(value: Any, name: str, type_id: str, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(path, f"type {type_id!r}: {name} must be a list of type ids")
    return tuple(value)
