"""Dates of canonical events and documents, tightened by all the evidence together.

Reads: canonical events (with their claims), document dates, state claims. Adds: the
tightest date window of each event and of each document consistent with every statement:

* a time expression constrains its event, and, when it is relative to its document's date
  ("the previous month's directive"), the event's date constrains the document's date back
  (``extract.temporal.rules.narrow_anchor``): a date one article gives tightens the inferred
  date of another;
* an event reported as having happened lies before its document's date;
* a stated relation ("two weeks after imposing export controls", "prior to the full
  lifting") bounds one event by another, and orders them where their days cannot
  (``TemporalResult.precedence``: the graph's ``ptkg:precedes``);
* a model said to remain restricted is lifted only after the document that says so;
* a document whose dateline gives a day and no year ("May 14 (Wire) --") was written on
  that day of whichever year the rest puts it in.

This is interval propagation to a fixed point (each step only narrows a window, so it
ends). A statement that would leave some window empty contradicts the others: it is set
aside and reported, never allowed to erase what the rest of the evidence says.

Longer than most modules: each kind of evidence is one constraint builder, and they share
the solver's variables and windows.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.records import DateRange, DocumentDate, Precision
from extract.temporal import narrow_anchor, resolve_range
from kg.reconcile.claims import NEWS_WITHIN_DAYS, Claim, dates_itself
from kg.reconcile.events import CanonicalEvent
from kg.reconcile.intervals import Window
from kg.reconcile.vagueness import approximate, part_of, stretched, without_part
from kg.schema import EventTypes

MAX_ROUNDS = 50
# Stand-in for an open bound when a rule needs a closed range.
_FAR = timedelta(days=365 * 200)

Var = tuple[str, object]  # ("event", index) or ("doc", doc id)


@dataclass
class Constraint:
    description: str
    variables: tuple[Var, ...]
    narrow: Callable[[dict[Var, Window]], dict[Var, Window]]
    claim: Claim | None = None
    enabled: bool = True
    # (earlier, later) event indices when the constraint is a stated order between events
    precedes: tuple[int, int] | None = None


@dataclass
class TemporalResult:
    events: list[Window]
    documents: dict[str, DocumentDate]
    set_aside: list[Constraint] = field(default_factory=list)
    # (earlier, later) event pairs a source puts in that order and no other evidence
    # contradicts: the order of events the days alone cannot tell apart
    precedence: list[tuple[int, int]] = field(default_factory=list)


def solve(
    events: Sequence[CanonicalEvent],
    dcts: dict[str, DocumentDate],
    states: Sequence[Claim],
    types: EventTypes,
) -> TemporalResult:
    windows: dict[Var, Window] = {}
    for index, event in enumerate(events):
        windows[("event", index)] = event.window
    for doc_id, dct in dcts.items():
        windows[("doc", doc_id)] = _document_window(dct)
    constraints = _constraints(events, states, types)
    # A dateline's day of the year ("May 14 (Wire) --") holds whatever the year: the shape
    # every window of its document keeps; a statement that would leave no such day is set
    # aside, as one that empties a window is.
    shapes: dict[Var, Callable[[Window], Window]] = {
        ("doc", doc_id): _dateline(dct) for doc_id, dct in dcts.items() if _dateline_day(dct)
    }
    for shaped, shape in shapes.items():
        windows[shaped] = shape(windows[shaped])
    # A worklist: a constraint runs again only when a window it reads has changed, so the
    # work follows the stories that are connected, never the whole corpus at once.
    touching: dict[Var, list[int]] = {}
    for number, constraint in enumerate(constraints):
        for var in constraint.variables:
            touching.setdefault(var, []).append(number)
    queue = deque(range(len(constraints)))
    queued = set(queue)
    budget = MAX_ROUNDS * max(1, len(constraints))
    bounds: dict[str, dict[str, str]] = {doc_id: {} for doc_id in dcts}
    set_aside: list[Constraint] = []
    while queue and budget > 0:
        budget -= 1
        number = queue.popleft()
        queued.discard(number)
        constraint = constraints[number]
        if not constraint.enabled:
            continue
        proposal = {
            var: shapes[var](windows[var].intersect(window)) if var in shapes else window
            for var, window in constraint.narrow(windows).items()
        }
        if any(w.empty or windows[v].intersect(w).empty for v, w in proposal.items()):
            constraint.enabled = False
            set_aside.append(constraint)
            continue
        for var, window in proposal.items():
            old = windows[var]
            new = old.intersect(window)
            if new == old:
                continue
            windows[var] = new
            if var[0] == "doc":
                doc_bounds = bounds[str(var[1])]
                if new.lo != old.lo:
                    doc_bounds["lo"] = f"on or after {new.earliest()}: {constraint.description}"
                if new.hi != old.hi:
                    doc_bounds["hi"] = f"on or before {new.latest()}: {constraint.description}"
            for other in touching[var]:
                if other != number and other not in queued:
                    queue.append(other)
                    queued.add(other)
    # documents that report an event another document reports too
    shared = {
        c.doc_id
        for event in events
        if len({c.doc_id for c in event.all_claims}) > 1
        for c in event.all_claims
    }
    documents: dict[str, DocumentDate] = {}
    for doc_id, dct in dcts.items():
        span = windows[("doc", doc_id)].to_range() or dct.range
        anchored = dct.anchored
        if not anchored:
            # A document of unknown year keeps its assumed date (narrowed within it, or not
            # at all) unless the events it reports, dated by other documents, placed it
            # outside it: its own dates alone say nothing of its year.
            if doc_id not in shared or (
                span.earliest <= dct.range.earliest and dct.range.latest <= span.latest
            ):
                span = dct.range
            elif not (dct.range.earliest <= span.earliest and span.latest <= dct.range.latest):
                anchored = True
        evidence = list(dct.evidence) + [
            bounds[doc_id][k] for k in ("lo", "hi") if k in bounds[doc_id]
        ]
        documents[doc_id] = DocumentDate(
            span, inferred=dct.inferred, evidence=tuple(evidence), anchored=anchored
        )
    precedence = sorted({c.precedes for c in constraints if c.enabled and c.precedes is not None})
    return TemporalResult(
        [windows[("event", i)] for i in range(len(events))], documents, set_aside, precedence
    )


def _constraints(
    events: Sequence[CanonicalEvent], states: Sequence[Claim], types: EventTypes
) -> list[Constraint]:
    timex_constraints: list[Constraint] = []
    relation_constraints: list[Constraint] = []
    report_constraints: list[Constraint] = []
    event_of_mention: dict[tuple[str, str], int] = {}
    for index, event in enumerate(events):
        for claim in event.all_claims:
            event_of_mention[(claim.doc_id, claim.mention.id)] = index
    for index, event in enumerate(events):
        # a minority's date is a disagreement, not a bound; a date of the measure's effect
        # is no date of the event
        dissent = {id(c) for c in (*event.dissent, *event.effect_dated)}
        for claim in event.all_claims:
            if id(claim) not in dissent:
                timex_constraints.extend(_timex_constraints(index, claim, event))
            if claim.mention.tense != "future":
                report_constraints.append(_reported_before_document(index, claim))
            if claim.mention.news and not dates_itself(claim.timex) and claim.mention.date is None:
                report_constraints.append(_news_of_document(index, claim))
            for relation in claim.mention.relations:
                target = event_of_mention.get((claim.doc_id, relation.target))
                if target is not None and target != index:
                    relation_constraints.append(_relation(index, target, relation, claim))
    lifts: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        event_type = types.get(event.type_id)
        if event_type.state_effect == "lifted" and event_type.layer == "legal":
            for model in event.models:
                lifts.setdefault(model, []).append(index)
    for state in states:
        if state.mention.tense != "present":
            continue
        for index in sorted({i for m in state.models for i in lifts.get(m, ())}):
            report_constraints.append(_lifted_after_observed(index, state))
    nature_constraints = _nature_constraints(events, types)
    return timex_constraints + relation_constraints + report_constraints + nature_constraints


def _nature_constraints(events: Sequence[CanonicalEvent], types: EventTypes) -> list[Constraint]:
    """What the kind of an event says of its date, for an event no source dates to its day
    (only when the documents that report it were written bounds it, or a month does): a
    lift follows the restriction of its subject (a full lift, the partial one too), a
    restoration the
    suspension it undoes, a company cutting a party off the restriction on that party; an
    event follows the events of the coarse types its type ``follows`` (event_types.yaml: a
    ruling, the suit of its parties). The latest predecessor that can come before it bounds
    it from below, as the windows narrow."""
    by_key: dict[tuple[str, str], list[int]] = {}
    for index, event in enumerate(events):
        kind = _state_kind(types, event)
        if kind is not None:
            for party in _parties(event, kind):
                by_key.setdefault((kind, party), []).append(index)
        for party in _parties(event, None):
            by_key.setdefault((f"coarse:{event.coarse}", party), []).append(index)
    out: list[Constraint] = []
    for index, event in enumerate(events):
        if event.window.width <= 1 and any(c.dated for c in event.all_claims):
            continue  # a source dates it to its day
        kind = _state_kind(types, event)
        keys = [
            (before, party)
            for before in _STATE_FOLLOWS.get(kind or "", ())
            for party in _parties(event, kind)
        ]
        keys += [
            (f"coarse:{before}", party)
            for before in types.get(event.type_id).follows
            for party in _parties(event, None)
        ]
        options = sorted({other for key in keys for other in by_key.get(key, ()) if other != index})
        if options:
            out.append(_follows(index, options))
    return out


def _state_kind(types: EventTypes, event: CanonicalEvent) -> str | None:
    event_type = types.get(event.type_id)
    if event_type.state_effect is None:
        return None
    return f"{event_type.layer}:{event_type.state_effect}"


# States (layer:state effect) and the states whose events a change to them follows.
_STATE_FOLLOWS = {
    "legal:partially_lifted": ("legal:restricted",),
    "legal:lifted": ("legal:restricted", "legal:partially_lifted"),
    "effective:lifted": ("effective:restricted",),
    # a company cutting a party off complies with the restriction put on that party
    "effective:restricted": ("legal:restricted",),
}


def _parties(event: CanonicalEvent, kind: str | None) -> frozenset[str]:
    """Who an event is about: its subjects; for a company's own switch (an effective state)
    and for the order of events by their types (a court's ruling on a suit), its actors
    too."""
    parties = event.models | event.affected
    if kind is None or kind.startswith("effective:"):
        parties = parties | event.agents
    return parties


def _follows(index: int, options: list[int]) -> Constraint:
    this: Var = ("event", index)
    variables: tuple[Var, ...] = (this, *(("event", o) for o in options))

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        latest = w[this].hi
        starts = [
            lo
            for o in options
            if (lo := w[("event", o)].lo) is not None and (latest is None or lo <= latest)
        ]
        # one that could come before only on the last day the sources leave (a measure
        # of the day the lift was reported) is more likely another step than the one undone
        earlier = [lo for lo in starts if latest is None or lo < latest]
        return {this: Window(max(earlier or starts), None)} if starts else {}

    return Constraint("follows the step it undoes or answers", variables, narrow)


_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")


def _timex_constraints(index: int, claim: Claim, event: CanonicalEvent) -> list[Constraint]:
    timex = claim.timex
    var: Var = ("event", index)
    doc: Var = ("doc", claim.doc_id)
    if timex is None or timex.type not in ("DATE", "TIME"):
        return []
    text = f"“{timex.span.text}”"
    weekday = _WEEKDAY_VALUE.match(timex.value)
    if weekday is not None and timex.rule is None:
        iso_day = int(weekday.group(1))
        return [
            Constraint(
                f"{text} (a weekday)", (var,), lambda w: {var: _on_weekday(w[var], iso_day)}, claim
            )
        ]
    if timex.anchor == "none" and timex.range is not None:
        fixed = Window.of(stretched(timex.range, timex.rule, timex.mod))
        return [Constraint(text, (var,), lambda w: {var: fixed}, claim)]
    if timex.anchor != "dct" or not timex.rule:
        return []
    rule = timex.rule
    part = part_of(rule)
    # A part of a period ("early June") stretches (see vagueness.py); the document date is
    # then narrowed by the whole period, which holds whatever the part means.
    anchor_rule = without_part(rule) if part else rule

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        anchor = w[doc].to_range()
        if anchor is None:
            return {}
        if approximate(rule, timex.mod):
            # "almost three months ago": too loose to date the document by
            return {var: Window.of(stretched(resolve_range(rule, anchor), rule, timex.mod))}
        # The document dates the event, and the event (dated by others) the document: the
        # days of the document that fit the event first, then the event from those days.
        narrowed = narrow_anchor(anchor_rule, anchor, _closed(w[var], anchor))
        if narrowed is None:
            return {doc: Window(1, 0)}  # contradicts the rest: set aside
        return {
            var: Window.of(stretched(resolve_range(rule, narrowed), rule, timex.mod)),
            doc: Window.of(narrowed),
        }

    if timex.range is not None and timex.range.days <= 31:
        description = f"{text} ({timex.range}) as past"
    else:
        description = f"{text} {_corroboration(claim, event)}"
    return [Constraint(description, (var, doc), narrow, claim)]


def _corroboration(claim: Claim, event: CanonicalEvent) -> str:
    """Where else the event is dated, for a reader checking why a document date moved."""
    dated = [
        (other.timex.range.days, other.doc_id, other.timex.span.text)
        for other in event.all_claims
        if other.doc_id != claim.doc_id and other.timex is not None and other.timex.range
    ]
    if dated:
        _, doc_id, text = min(dated)
        return f"names “{claim.mention.trigger.text}”, which {doc_id} dates “{text}”"
    return f"dates “{claim.mention.trigger.text}” relative to the document's own date"


# How far back a document of unknown year may have been written (see Claim.floating).
_YEARS_BACK = 60
_YEAR_DAYS = 366


def _document_window(dct: DocumentDate) -> Window:
    """What is known of a document's date: its range, or, when no date of the text gave
    a year, any day up to its latest possible one."""
    if dct.anchored:
        return Window.of(dct.range)
    latest = dct.range.latest.toordinal()
    return Window(latest - 365 * _YEARS_BACK, latest)


def _dateline_day(dct: DocumentDate) -> bool:
    """Whether a document of unknown year was written on a known day of the year (a
    dateline "May 14 (Wire) --": the assumed year's day)."""
    day = dct.range.earliest
    return not dct.anchored and dct.range.days == 1 and (day.month, day.day) != (2, 29)


def _dateline(dct: DocumentDate) -> Callable[[Window], Window]:
    """The document was written on that day of the year, in whichever year the events it
    reports put it."""
    month, day = dct.range.earliest.month, dct.range.earliest.day
    return lambda window: _on_day_of_year(window, month, day)


def _on_day_of_year(window: Window, month: int, day: int) -> Window:
    """The window shrunk to start and end on that day of a year."""
    if window.empty:
        return window
    lo, hi = window.lo, window.hi
    if lo is not None:
        start = date.fromordinal(lo)
        found = date(start.year, month, day)
        lo = (found if found >= start else date(start.year + 1, month, day)).toordinal()
    if hi is not None:
        end = date.fromordinal(hi)
        found = date(end.year, month, day)
        hi = (found if found <= end else date(end.year - 1, month, day)).toordinal()
    return Window(lo, hi)


def _on_weekday(window: Window, iso_day: int) -> Window:
    """The window shrunk to start and end on the given ISO weekday (1 = Monday)."""
    lo, hi = window.lo, window.hi
    if lo is not None:
        lo += (iso_day - date.fromordinal(lo).isoweekday()) % 7
    if hi is not None:
        hi -= (date.fromordinal(hi).isoweekday() - iso_day) % 7
    return Window(lo, hi)


def _reported_before_document(index: int, claim: Claim) -> Constraint:
    event: Var = ("event", index)
    doc: Var = ("doc", claim.doc_id)

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        return {
            event: Window(None, w[doc].hi),
            doc: Window(w[event].lo, None),
        }

    trigger = claim.mention.trigger.text
    return Constraint(f"reports “{trigger}” as past", (event, doc), narrow, claim)


def _news_of_document(index: int, claim: Claim) -> Constraint:
    """An event told as a document's news happened shortly before the document."""
    event: Var = ("event", index)
    doc: Var = ("doc", claim.doc_id)
    days = NEWS_WITHIN_DAYS

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        doc_lo, event_hi = w[doc].lo, w[event].hi
        if w[doc].width > _YEAR_DAYS:
            doc_lo = None  # a document of unknown year: its earliest day says nothing
        return {
            event: Window(None if doc_lo is None else doc_lo - days, None),
            doc: Window(None, None if event_hi is None else event_hi + days),
        }

    trigger = claim.mention.trigger.text
    return Constraint(f"tells “{trigger}” as its news", (event, doc), narrow, claim)


def _relation(index: int, target: int, relation: object, claim: Claim) -> Constraint:
    from extract.records import EventRelation

    assert isinstance(relation, EventRelation)
    this: Var = ("event", index)
    other: Var = ("event", target)
    # with no lag told, "after" is not before: "after Corvex paid, Commerce lifted the ban"
    # may be one day's news
    lo_lag, hi_lag = relation.lag if relation.lag is not None else (0, None)
    sign = 1 if relation.relation == "after" else -1

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        return {
            this: _offset(w[other], sign, lo_lag, hi_lag),
            other: _offset(w[this], -sign, lo_lag, hi_lag),
        }

    cue = relation.cue.text if relation.cue else relation.relation
    order = (target, index) if sign > 0 else (index, target)
    return Constraint(f"“{cue}”", (this, other), narrow, claim, precedes=order)


def _offset(window: Window, sign: int, lo_lag: int, hi_lag: int | None) -> Window:
    """The window ``sign`` × [lo_lag, hi_lag] days away from ``window``."""
    if sign > 0:
        lo = None if window.lo is None else window.lo + lo_lag
        hi = None if window.hi is None or hi_lag is None else window.hi + hi_lag
    else:
        lo = None if window.lo is None or hi_lag is None else window.lo - hi_lag
        hi = None if window.hi is None else window.hi - lo_lag
    return Window(lo, hi)


def _lifted_after_observed(index: int, state: Claim) -> Constraint:
    event: Var = ("event", index)
    doc: Var = ("doc", state.doc_id)

    def narrow(w: dict[Var, Window]) -> dict[Var, Window]:
        observed = state.window.intersect(w[doc])
        return {event: Window(None if observed.lo is None else observed.lo + 1, None)}

    return Constraint(
        f"“{state.mention.trigger.text}” (still in force when reported)", (event,), narrow, state
    )


def _closed(window: Window, around: DateRange) -> DateRange:
    lo = window.earliest() or (around.earliest - _FAR)
    hi = window.latest() or (around.latest + _FAR)
    return DateRange(lo, hi) if lo <= hi else DateRange(hi, hi)


def precision_of(window: Window) -> Precision:
    """The calendar unit a window is exactly, else ``Precision.UNKNOWN``."""
    span = window.to_range()
    if span is None:
        return Precision.UNKNOWN
    first, last = span.earliest, span.latest
    if first == last:
        return Precision.DAY
    if first.weekday() == 0 and (last - first).days == 6:
        return Precision.WEEK
    next_day = last + timedelta(days=1)
    if first.day == 1 and next_day.day == 1:
        months = (next_day.year - first.year) * 12 + next_day.month - first.month
        if months == 1:
            return Precision.MONTH
        if months == 3 and first.month % 3 == 1:
            return Precision.QUARTER
        if months == 12 and first.month == 1:
            return Precision.YEAR
    return Precision.UNKNOWN


__all__ = ["Constraint", "TemporalResult", "precision_of", "solve"]
