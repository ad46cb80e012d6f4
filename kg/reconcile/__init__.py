"""Reconciliation: the documents' claims -> canonical entities, events, dates, states, conflicts.

Reads: every document's records. Adds: a ``Reconciliation``, which ``kg.reconciled_graph``
writes into the reconciled named graph. The steps, each in its own module:

1. ``entities``: reported entities merged into canonical ones across documents;
2. ``claims``: reported events with canonical participants and a first date;
3. ``events``: claims clustered into canonical events;
4. ``temporal``: event and document dates tightened by all the evidence together;
5. ``states``: restriction state intervals per model and population;
6. ``conflicts``: what the sources disagree on.

Every step is linear (or n log n) in the number of mentions; the result depends only on
the set of documents, so adding documents and rebuilding gives what a full build gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.records import DocumentDate, DocumentRecords
from kg.iri import short_hash
from kg.reconcile.claims import ClaimSet, build_claims
from kg.reconcile.conflicts import Disagreement, find_disagreements
from kg.reconcile.entities import CanonicalEntity, EntityIndex, canonicalise_entities
from kg.reconcile.events import CanonicalEvent, cluster_claims
from kg.reconcile.intervals import Window
from kg.reconcile.states import StateInterval, derive_states
from kg.reconcile.temporal import precision_of, solve
from kg.schema import EntityTypes, EventTypes


@dataclass
class Reconciliation:
    entity_index: EntityIndex
    events: list[CanonicalEvent]
    windows: list[Window]  # reconciled date of each event, same order
    documents: dict[str, DocumentDate]  # reconciled document dates
    states: list[StateInterval]
    disagreements: list[Disagreement]
    claims: ClaimSet
    labels: list[str]

    @property
    def entities(self) -> dict[str, CanonicalEntity]:
        return self.entity_index.entities

    def precision(self, index: int) -> str:
        return precision_of(self.windows[index])

    def first_reported(self, index: int) -> Window:
        """[earliest, latest] day by which some source had reported the event."""
        dates = [self.documents[d].range for d in self.events[index].sources]
        return Window(
            min(d.earliest for d in dates).toordinal(), min(d.latest for d in dates).toordinal()
        )


def reconcile(
    records: Sequence[DocumentRecords], event_types: EventTypes, entity_types: EntityTypes
) -> Reconciliation:
    entity_index = canonicalise_entities(records, entity_types=entity_types)
    claims = build_claims(records, entity_index, event_types)
    events = cluster_claims(claims.events, event_types, entity_index)
    dcts = {r.document.id: r.dct for r in records}
    temporal = solve(events, dcts, claims.states, event_types)
    order = sorted(
        range(len(events)),
        key=lambda i: (_sort_day(temporal.events[i]), events[i].coarse, _anchor(events[i])),
    )
    events = [events[i] for i in order]
    windows = [temporal.events[i] for i in order]
    temporal.events = windows
    used: set[str] = set()
    for index, event in enumerate(events):
        event.key = _event_key(event, windows[index], used)
    rank = {type_id: n for n, type_id in enumerate(entity_types.types)}
    labels = [_label(event, entity_index, event_types, rank) for event in events]
    states = derive_states(events, windows, event_types, claims.states, temporal.documents)
    mentions_by_doc = {
        r.document.id: [
            (m.id, key) for m in r.entities if (key := entity_index.key(r.document.id, m.id))
        ]
        for r in records
    }
    disagreements = find_disagreements(
        events, temporal, entity_index, entity_types, event_types, mentions_by_doc
    )
    return Reconciliation(
        entity_index=entity_index,
        events=events,
        windows=windows,
        documents=temporal.documents,
        states=states,
        disagreements=disagreements,
        claims=claims,
        labels=labels,
    )


def _sort_day(window: Window) -> tuple[float, float]:
    lo = float("-inf") if window.lo is None else float(window.lo)
    hi = float("inf") if window.hi is None else float(window.hi)
    return (lo if window.lo is not None else hi, hi)


def _anchor(event: CanonicalEvent) -> tuple[str, int]:
    return min(c.order for c in event.all_claims)


def _event_key(event: CanonicalEvent, window: Window, used: set[str]) -> str:
    """Readable and deterministic: type, date as far as known, and the first mention."""
    doc_id, start = _anchor(event)
    span = window.to_range()
    precision = precision_of(window)
    if span is not None and precision == "day":
        when = span.earliest.isoformat()
    elif span is not None and precision == "month":
        when = span.earliest.isoformat()[:7]
    elif span is not None and precision == "year":
        when = str(span.earliest.year)
    else:
        when = "undated"
    key = f"{event.coarse.replace('_', '-')}-{when}-{short_hash(f'{doc_id}:{start}', 6)}"
    while key in used:
        key += "x"
    used.add(key)
    return key


def _label(
    event: CanonicalEvent, entities: EntityIndex, types: EventTypes, rank: dict[str, int]
) -> str:
    """'US Department of Commerce: Partial lift — Gemini 2'.

    Of the participants sources name, the label shows the most specific kind first (the
    order of the entity types file: an agency before a government, a government before a
    country), then the most often named.
    """

    def names(role: str, limit: int) -> str:
        counts = event.participants(role)

        def order(kv: tuple[str, int]) -> tuple[int, int, str]:
            entity_type = entities.get(kv[0]).type
            return (rank.get(entity_type, len(rank)), -kv[1], kv[0])

        top = sorted(counts.items(), key=order)[:limit]
        return ", ".join(entities.get(key).name for key, _ in top)

    label = types.get(event.type_id).label
    agents = names("agents", 1)
    text = f"{agents}: {label}" if agents else label[:1].upper() + label[1:]
    models = names("models", 3)
    affected = names("affected", 2)
    if models:
        text += f" — {models}"
    elif affected:
        text += f" — {affected}"
    return text


__all__ = ["Reconciliation", "reconcile"]
