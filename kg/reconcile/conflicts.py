"""Disagreements between sources, kept with every claim and its source.

Reads: canonical events and their claims, the temporal result, canonical entities. Adds:
``Disagreement`` records of these kinds:

* date: sources of one event give dates that cannot all hold;
* count: sources give different counts for the same population of one event;
* exclusive entities: documents that give one event to different entities of a type of
  which only one can hold at a time (the ``exclusive`` entity types of the data files,
  such as an administration);
* type: the same models are said by some sources to have been partly, by others wholly,
  lifted (event types of one ``family``) at dates that may be the same: the graph keeps
  two events, and says why;
* set aside: a statement contradicting the rest of the evidence on a date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.reconcile.claims import Claim
from kg.reconcile.entities import EntityIndex
from kg.reconcile.events import CanonicalEvent
from kg.reconcile.intervals import Window
from kg.reconcile.temporal import Constraint, TemporalResult
from kg.reconcile.values import stated_window
from kg.schema import EntityTypes, EventTypes


@dataclass(frozen=True)
class ClaimValue:
    value: str
    doc_id: str
    claim: Claim | None = None
    entity_mention: tuple[str, str] | None = None  # (doc id, mention id) for entity claims
    window: Window | None = None  # the date this source gives, for date disagreements


@dataclass
class Disagreement:
    key: str
    aspect: str
    about: list[int]  # canonical event indices
    claims: list[ClaimValue]
    resolution: str
    about_entities: list[str] = field(default_factory=list)


def find_disagreements(
    events: Sequence[CanonicalEvent],
    temporal: TemporalResult,
    entities: EntityIndex,
    entity_types: EntityTypes,
    event_types: EventTypes,
    mentions_by_doc: dict[str, list[tuple[str, str]]],
) -> list[Disagreement]:
    found: list[Disagreement] = []
    found.extend(_date_disagreements(events, temporal))
    found.extend(_count_disagreements(events))
    found.extend(_exclusive_entities(events, entities, entity_types, mentions_by_doc))
    found.extend(_family_disagreements(events, temporal.events, event_types, entities))
    return found


def _date_disagreements(
    events: Sequence[CanonicalEvent], temporal: TemporalResult
) -> list[Disagreement]:
    """Dates of one event that cannot both hold: the best-supported one kept, every source's
    date listed. A vaguer date containing the kept one (a month for a day of it) is no conflict."""
    out: list[Disagreement] = []
    set_aside_by_event: dict[int, list[Constraint]] = defaultdict(list)
    claim_event = {id(c): index for index, event in enumerate(events) for c in event.all_claims}
    for constraint in temporal.set_aside:
        if constraint.claim is not None and id(constraint.claim) in claim_event:
            set_aside_by_event[claim_event[id(constraint.claim)]].append(constraint)
    for index, event in enumerate(events):
        if not (event.dissent or set_aside_by_event.get(index)):
            continue
        kept = temporal.events[index]
        # A statement set aside (a date after the document that reports it as past): it
        # is one side of the disagreement.
        claims = [
            ClaimValue(f"set aside: {c.description}", c.claim.doc_id, c.claim)
            for c in set_aside_by_event.get(index, [])
            if c.claim is not None
        ]
        for claim in event.all_claims:
            window = stated_window(claim)
            if window is None or claim.timex is None:
                continue
            claims.append(
                ClaimValue(
                    f"{claim.timex.span.text} = {window}", claim.doc_id, claim, window=window
                )
            )
        if len(claims) < 2:
            # A statement set aside by inference alone (no other source states a date): the
            # solver's choice, not two sources disagreeing.
            continue
        against = sorted({c.doc_id for c in event.dissent})
        out.append(
            Disagreement(
                key=f"{event.key}-date",
                aspect="date",
                about=[index],
                claims=claims,
                resolution=f"kept the date most sources support: {kept}"
                + (f"; {', '.join(against)} date it otherwise" if against else ""),
            )
        )
    return out


def _count_disagreements(events: Sequence[CanonicalEvent]) -> list[Disagreement]:
    out: list[Disagreement] = []
    for index, event in enumerate(events):
        by_population: dict[str, list[ClaimValue]] = defaultdict(list)
        for claim in event.all_claims:
            for scope in claim.mention.scope:
                if scope.count is not None:
                    text = scope.count.text or f"{scope.count.qualifier} {scope.count.value}"
                    by_population[scope.population].append(
                        ClaimValue(
                            f"{text} ({scope.count.qualifier} {scope.count.value})",
                            claim.doc_id,
                            claim,
                        )
                    )
        for population, values in sorted(by_population.items()):
            counts = {_count_range(c) for c in values}
            if len(counts) > 1 and not _ranges_meet(counts):
                out.append(
                    Disagreement(
                        key=f"{event.key}-count-{population}",
                        aspect="count",
                        about=[index],
                        claims=values,
                        resolution="counts kept per source; none chosen",
                    )
                )
    return out


def _count_range(value: ClaimValue) -> tuple[float, float]:
    claim = value.claim
    assert claim is not None
    for scope in claim.mention.scope:
        if scope.count is not None and value.value.startswith(scope.count.text or ""):
            n, q = scope.count.value, scope.count.qualifier
            return {
                "more_than": (n + 1, float("inf")),
                "at_least": (n, float("inf")),
                "less_than": (0, n - 1),
                "at_most": (0, n),
                "about": (n * 0.8, n * 1.2),
            }.get(q, (n, n))
    return (0, float("inf"))


def _ranges_meet(ranges: set[tuple[float, float]]) -> bool:
    lo = max(r[0] for r in ranges)
    hi = min(r[1] for r in ranges)
    return lo <= hi


def _exclusive_entities(
    events: Sequence[CanonicalEvent],
    entities: EntityIndex,
    entity_types: EntityTypes,
    mentions_by_doc: dict[str, list[tuple[str, str]]],
) -> list[Disagreement]:
    """One event whose sources ascribe it to different entities of a type only one of which
    holds at a time (the Trump and the Biden administrations). A source ascribes the event
    to the one such entity it names, as an agent of the event or anywhere in its text; a
    source naming several of them tells history, and ascribes nothing."""
    exclusive = {t for t, spec in entity_types.types.items() if spec.exclusive}
    if not exclusive:
        return []
    named: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {}
    for doc_id, mentions in mentions_by_doc.items():
        for mention_id, key in mentions:
            entity = entities.entities.get(key)
            if entity is not None and entity.type in exclusive:
                by_type = named.setdefault(doc_id, {}).setdefault(entity.type, {})
                by_type.setdefault(key, []).append((doc_id, mention_id))
    out: list[Disagreement] = []
    for index, event in enumerate(events):
        for type_id in sorted(exclusive):
            ascribed: dict[str, list[tuple[str, str]]] = defaultdict(list)
            agents = {c.doc_id: c for c in event.all_claims}
            for doc_id in event.sources:
                in_text = named.get(doc_id, {}).get(type_id, {})
                acting = {
                    key
                    for claim in event.all_claims
                    if claim.doc_id == doc_id
                    for key in claim.agents
                    if key in in_text
                }
                chosen = (
                    acting if len(acting) == 1 else set(in_text) if len(in_text) == 1 else set()
                )
                for key in chosen:
                    ascribed[key].extend(in_text[key][:1])
            if len(ascribed) < 2 or not agents:
                continue
            out.append(
                Disagreement(
                    key=f"{event.key}-{type_id}",
                    aspect=type_id,
                    about=[index],
                    claims=_one_per_document_and_entity(ascribed, entities),
                    resolution="sources ascribe the event to different "
                    + entity_types.types[type_id].label.lower()
                    + "s; each claim is kept with its source",
                    about_entities=sorted(ascribed),
                )
            )
    return out


def _one_per_document_and_entity(
    by_entity: dict[str, list[tuple[str, str]]], entities: EntityIndex
) -> list[ClaimValue]:
    claims: list[ClaimValue] = []
    for key, places in sorted(by_entity.items()):
        seen: set[str] = set()
        for doc_id, mention_id in sorted(places):
            if doc_id in seen:
                continue
            seen.add(doc_id)
            claims.append(ClaimValue(entities.get(key).name, doc_id, None, (doc_id, mention_id)))
    return claims


def _family_disagreements(
    events: Sequence[CanonicalEvent],
    windows: Sequence[Window],
    types: EventTypes,
    entities: EntityIndex,
) -> list[Disagreement]:
    """Same models, same family of types, different types, dates that may be one: two
    accounts of one step kept apart. Dates that cannot meet are two steps (a partial lift,
    then the full lift), no disagreement."""
    by_family: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        family = types.get(event.type_id).family
        if family:
            by_family[family].append(index)
    out: list[Disagreement] = []
    for _, indices in sorted(by_family.items()):
        for position, i in enumerate(indices):
            for j in indices[position + 1 :]:
                a, b = events[i], events[j]
                if a.type_id == b.type_id or not a.models & b.models:
                    continue
                if not windows[i].overlaps(windows[j]):
                    continue
                claims = [
                    ClaimValue(
                        f"{types.get(e.type_id).label}: "
                        + ", ".join(entities.get(m).name for m in sorted(e.models)),
                        doc_id,
                    )
                    for e in (a, b)
                    for doc_id in e.sources
                ]
                out.append(
                    Disagreement(
                        key=f"{a.key}-vs-{b.key}",
                        aspect="type",
                        about=[i, j],
                        claims=claims,
                        resolution=(
                            f"kept as two events ({types.get(a.type_id).label}, "
                            f"{types.get(b.type_id).label}): their dates, scopes or models "
                            "differ, so the sources describe different steps"
                        ),
                    )
                )
    return out
