"""The reconciliation, step by step: documents' records -> one coherent story.

Reads: every document's records and the type schemes. Adds: a ``Reconciliation``, which
``kg.reconciled_graph`` writes into the reconciled named graph. Each step is a module of
this package (see its docstring); every step is linear (or n log n) in the number of
mentions, and the result depends only on the set of documents, so adding documents and
rebuilding gives what a full build gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract.records import DocumentDate, DocumentRecords, Precision
from kg.reconcile.archived import corrected_years
from kg.reconcile.authorities import Authorities
from kg.reconcile.claims import ClaimSet, build_claims
from kg.reconcile.conflicts import Disagreement, find_disagreements
from kg.reconcile.entities import (
    CanonicalEntity,
    EntityIndex,
    EntityKnowledge,
    canonicalise_entities,
)
from kg.reconcile.events import CanonicalEvent, cluster_claims
from kg.reconcile.intervals import Window
from kg.reconcile.labels import event_key, event_label, first_mention
from kg.reconcile.states import StateInterval, derive_states, first_limits
from kg.reconcile.support import Support, Threshold, publishers, support_of
from kg.reconcile.temporal import TemporalResult, precision_of, solve
from kg.schema import Bodies, EntityTypes, EventTypes, Populations


@dataclass
class Reconciliation:
    entity_index: EntityIndex
    authorities: Authorities
    events: list[CanonicalEvent]  # every canonical event, weak candidates included
    windows: list[Window]  # reconciled date of each event, same order
    support: list[Support]  # support of each event, same order
    documents: dict[str, DocumentDate]  # reconciled document dates
    states: list[StateInterval]
    disagreements: list[Disagreement]
    claims: ClaimSet
    labels: list[str]
    # (earlier, later) events a source puts in that order, no evidence against it
    precedence: list[tuple[int, int]] = field(default_factory=list)

    @property
    def entities(self) -> dict[str, CanonicalEntity]:
        return self.entity_index.entities

    def precision(self, index: int) -> Precision:
        return precision_of(self.windows[index])

    def on_timeline(self, index: int) -> bool:
        """Strong enough for the timeline, the charts and the states (not a candidate)."""
        return not self.support[index].weak

    def first_reported(self, index: int) -> Window:
        """[earliest, latest] day by which some source had reported the event."""
        dates = [self.documents[d].range for d in self.events[index].sources]
        return Window(
            min(d.earliest for d in dates).toordinal(), min(d.latest for d in dates).toordinal()
        )


def reconcile(
    records: Sequence[DocumentRecords],
    event_types: EventTypes,
    entity_types: EntityTypes,
    threshold: Threshold | None = None,
    populations: Populations | None = None,
    bodies: Bodies | None = None,
    knowledge: EntityKnowledge | None = None,
) -> Reconciliation:
    """``knowledge``: what the extraction layer knows of names across documents; without
    it, one entity per distinct name."""
    threshold = threshold or Threshold()
    entity_index = canonicalise_entities(records, knowledge, entity_types)
    claims, authorities, events, temporal = _events_and_dates(
        records, entity_index, event_types, entity_types, bodies, populations
    )
    corrected = corrected_years(records, events, claims.events)
    if corrected:
        # archived articles the corpus dates later than assumed: read again in their period
        records = [
            replace(r, dct=corrected[r.document.id]) if r.document.id in corrected else r
            for r in records
        ]
        claims, authorities, events, temporal = _events_and_dates(
            records, entity_index, event_types, entity_types, bodies, populations
        )
    dcts = {r.document.id: r.dct for r in records}
    order = sorted(
        range(len(events)),
        key=lambda i: (_sort_day(temporal.events[i]), events[i].coarse, first_mention(events[i])),
    )
    events = [events[i] for i in order]
    windows = [temporal.events[i] for i in order]
    temporal.events = windows
    position = {old: new for new, old in enumerate(order)}
    stated = {(position[a], position[b]) for a, b in temporal.precedence}
    # two sources putting two events in opposite orders leave their order to the days
    temporal.precedence = sorted(p for p in stated if (p[1], p[0]) not in stated)
    publisher_of = publishers(records)
    placed = {
        doc_id
        for doc_id, dct in dcts.items()
        if not dct.anchored and temporal.documents[doc_id].anchored
    }
    support = []
    for event in events:
        event_type = event_types.get(event.type_id)
        support.append(
            support_of(
                event,
                publisher_of,
                threshold,
                event_type.min_sources,
                event_type.complete_alone,
                placed,
            )
        )
    strong = [i for i in range(len(events)) if not support[i].weak]
    for index, first_as in first_limits(
        events, windows, event_types, authorities, entity_types, strong
    ).items():
        events[index].named_as = first_as
    used: set[str] = set()
    for index, event in enumerate(events):
        event.key = event_key(event, windows[index], used)
    rank = {type_id: n for n, type_id in enumerate(entity_types.types)}
    labels = [event_label(event, entity_index, event_types, rank) for event in events]
    states = derive_states(
        events,
        windows,
        event_types,
        authorities,
        entity_types,
        claims.states,
        temporal.documents,
        only=strong,
        populations=populations,
    )
    authorities.settle()
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
        authorities=authorities,
        events=events,
        windows=windows,
        support=support,
        documents=temporal.documents,
        states=states,
        disagreements=disagreements,
        claims=claims,
        labels=labels,
        precedence=temporal.precedence,
    )


def _events_and_dates(
    records: Sequence[DocumentRecords],
    entity_index: EntityIndex,
    event_types: EventTypes,
    entity_types: EntityTypes,
    bodies: Bodies | None,
    populations: Populations | None,
) -> tuple[ClaimSet, Authorities, list[CanonicalEvent], TemporalResult]:
    """Claims clustered into canonical events, and the dates of events and documents."""
    claims = build_claims(records, entity_index, event_types)
    authorities = Authorities(entity_index, entity_types, bodies)
    authorities.learn((c.doc_id, c.agents) for c in claims.events)
    events = cluster_claims(claims.events, event_types, entity_index, authorities, populations)
    dcts = {r.document.id: r.dct for r in records}
    return claims, authorities, events, solve(events, dcts, claims.states, event_types)


def _sort_day(window: Window) -> tuple[float, float]:
    lo = float("-inf") if window.lo is None else float(window.lo)
    hi = float("inf") if window.hi is None else float(window.hi)
    return (lo if window.lo is not None else hi, hi)
