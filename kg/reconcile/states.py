"""Restriction state over time, per model or product and per population.

Reads: canonical events with their reconciled dates and the state effect of their types.
Adds: for every model that some state-changing event concerns, the sequence of intervals
in which it was unrestricted, restricted, partially lifted or lifted, each with the event
that started it and the one that ended it. The sequence for population "all" follows
every state-changing event of the model; each population named in an event's scope gets
its own sequence from the events whose scope names it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from extract.records import DocumentDate
from kg.reconcile.claims import Claim
from kg.reconcile.events import CanonicalEvent
from kg.reconcile.intervals import Window
from kg.schema import EventTypes

ALL = "all"


@dataclass(frozen=True)
class StateInterval:
    subject: str  # canonical entity key of the model or product
    population: str
    sequence: int
    state: str
    start: Window | None  # window of the event that started it (None: since always)
    end: Window | None  # window of the event that ended it (None: still in force)
    started_by: int | None  # index of the canonical event
    ended_by: int | None
    supported_by: tuple[Claim, ...] = ()  # state claims saying it held

    def holds_within(self, window: Window) -> bool:
        """Whether the interval may hold at some day of ``window``."""
        start_lo = None if self.start is None else self.start.lo
        end_hi = None if self.end is None else self.end.hi
        return (start_lo is None or window.hi is None or start_lo <= window.hi) and (
            end_hi is None or window.lo is None or window.lo < end_hi
        )

    @property
    def key(self) -> str:
        return f"{self.subject}--{self.population}--{self.sequence}"


def derive_states(
    events: Sequence[CanonicalEvent],
    windows: Sequence[Window],
    types: EventTypes,
    state_claims: Sequence[Claim] = (),
    documents: Mapping[str, DocumentDate] | None = None,
    only: Sequence[int] | None = None,
) -> list[StateInterval]:
    """``only``: the indices of the events that may change a state (default: all)."""
    changes: dict[tuple[str, str], list[tuple[Window, int, str]]] = defaultdict(list)
    for index in range(len(events)) if only is None else only:
        event = events[index]
        effect = types.get(event.type_id).state_effect
        if effect is None:
            continue
        populations = {ALL} | {
            scope.population for claim in event.all_claims for scope in claim.mention.scope
        }
        for model in event.models:
            for population in populations:
                changes[(model, population)].append((windows[index], index, effect))
    intervals: list[StateInterval] = []
    for (model, population), items in sorted(changes.items()):
        items.sort(key=lambda item: (_lo(item[0]), _hi(item[0]), events[item[1]].key))
        previous_window: Window | None = None
        previous_event: int | None = None
        state = "unrestricted"
        for sequence, (window, index, effect) in enumerate(items):
            intervals.append(
                StateInterval(
                    model,
                    population,
                    sequence,
                    state,
                    previous_window,
                    window,
                    previous_event,
                    index,
                )
            )
            previous_window, previous_event, state = window, index, effect
        intervals.append(
            StateInterval(
                model, population, len(items), state, previous_window, None, previous_event, None
            )
        )
    if state_claims:
        intervals = _with_support(intervals, state_claims, types, documents or {})
    return intervals


def _with_support(
    intervals: list[StateInterval],
    claims: Sequence[Claim],
    types: EventTypes,
    documents: Mapping[str, DocumentDate],
) -> list[StateInterval]:
    """Attach each state claim to the interval of its model that it describes."""
    support: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        effect = types.get(claim.type.id).state_effect
        if effect is None:
            continue
        observed = claim.window
        dct = documents.get(claim.doc_id)
        if dct is not None and claim.mention.tense == "present":
            observed = observed.intersect(Window.of(dct.range))
        for number, interval in enumerate(intervals):
            if (
                interval.subject in claim.models
                and interval.population == ALL
                and interval.state == effect
                and interval.holds_within(observed)
            ):
                support[number].append(claim)
    return [
        replace(interval, supported_by=tuple(support[n])) if n in support else interval
        for n, interval in enumerate(intervals)
    ]


def _lo(window: Window) -> float:
    return float("-inf") if window.lo is None else window.lo


def _hi(window: Window) -> float:
    return float("inf") if window.hi is None else window.hi
