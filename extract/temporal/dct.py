"""Date a document: infer its creation time (DCT) as an interval from its own cues.

Cues, each bounding the interval the manifest gives (the prior):

- a date the text gives absolutely or without a year ("May 20", "early May", "in
  March"), mentioned in the past tense: the document was written on or after its first
  day. Year-less dates are placed by ``resolve_range`` in the last such period before the
  prior's end, the reading news calls for; a prior moved after the text's dated past is
  first narrowed to the years they fit as dates of the text's own year
  (``_years_of_own_dates``).
- such a date in the future tense: written on or before its last day.

A dateline ("May 14 (UPI) --", ``extract.temporal.dateline``) is the date itself: the
year the prior gives when it has none.

Relative expressions ("last month", "earlier this month") say nothing about the DCT on
their own; they are re-resolved against the inferred DCT (``reresolve``), and the graph
layer can tighten the DCT further with ``rules.narrow_anchor`` once it knows the date of an
event the document mentions relatively ("the previous month's directive").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from extract.records import DateRange, DocumentDate, Precision, Timex
from extract.temporal.clause import tenses_of
from extract.temporal.dateline import CREATION_TIME
from extract.temporal.reading import SEEK
from extract.temporal.rules import narrow_anchor, parse_rule, resolve_range
from extract.temporal.tagger import just_ahead, value_after_reresolution
from extract.temporal.tense import FUTURE, MODAL, PAST

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# Precisions of a date that can move an undated document's prior to its year.
_MOVING = (Precision.DAY, Precision.WEEK, Precision.MONTH)
# Precisions of a date that can say which year a document was written in.
_DATED = (
    Precision.DAY,
    Precision.WEEK,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.HALF,
    Precision.SEASON,
    Precision.YEAR,
)


def default_prior(collected: date, days: int = 365) -> DateRange:
    """[collected - days + 1, collected]: a document is at most a year old when collected."""
    return DateRange(date.fromordinal(collected.toordinal() - days + 1), collected)


def _is_calendar_cue(timex: Timex) -> bool:
    """A date fixed by the calendar (absolute or year-less), not by the DCT itself."""
    if timex.type not in ("DATE", "TIME") or timex.range is None or timex.rule is None:
        return False
    if timex.value in _REFS or timex.precision in (None, Precision.UNKNOWN):
        return False
    if timex.anchor == "none":
        return True
    if timex.anchor != "dct":
        return False
    head = parse_rule(timex.rule).first
    return head.position is not None and not head.position.weekly


def infer_dct(
    timexes: Iterable[Timex],
    prior: DateRange,
    *,
    published: DateRange | None = None,
    tenses: Mapping[str, str | None] | None = None,
    deadlines: Collection[str] = (),
    movable: bool = False,
) -> DocumentDate:
    """The document's creation time, known (``published``) or inferred from ``timexes``.

    ``prior`` bounds everything (from the manifest: by default the year up to the day the
    document was collected). ``tenses`` maps timex ids to "past", "present" or "future"
    (``tenses_of`` computes it); without it, year-less dates resolved forwards (``next:``)
    count as future and everything else as past. ``deadlines`` are the ids of expressions
    that end a period ("through March 2027", "until June"): they may lie ahead of the
    document, so they never bound it from below.

    A ``movable`` prior is an assumption (an undated document is at most a year older than
    its collection), not a fact: when every date the text gives with its year lies before
    it (an archived article collected years later), the prior moves to follow the latest
    one in the past tense (the article was written after it, within as long as the prior
    lasts). Year-less dates are then read in that period, not in the year of collection.
    """
    if published is not None:
        return DocumentDate(
            published, inferred=False, evidence=(f"published {published} (manifest)",)
        )
    timexes = list(timexes)
    cues = [t for t in timexes if _is_calendar_cue(t)]
    created = next((t for t in timexes if t.function == CREATION_TIME and t.rule), None)

    def tense(timex: Timex) -> str:
        assert timex.rule is not None
        return (tenses or {}).get(timex.id) or _tense_of_rule(timex.rule)

    evidence = [f"prior from the manifest: {prior}"]
    moved = None
    unmoved = prior
    if movable:
        prior, moved = _follow_dated_past(cues, prior, tense, deadlines)
        if moved:
            evidence.append(moved)
            prior, years = _years_of_own_dates(cues, prior, tense, deadlines)
            if years:
                evidence.append(years)
    lower, upper = prior.earliest, prior.latest
    future_cues: list[tuple[date, str]] = []
    for timex in cues:
        assert timex.range is not None and timex.rule is not None
        span = timex.range if timex.anchor == "none" else resolve_range(timex.rule, prior)
        if tense(timex) == FUTURE:
            future_cues.append((span.latest, _describe(timex, "future", "before", span.latest)))
        elif timex.id in deadlines or tense(timex) == MODAL:
            continue
        elif lower < span.earliest <= upper:  # past or present tense
            lower = span.earliest
            evidence.append(_describe(timex, "past", "after", lower))
    for bound, words in sorted(future_cues):
        if lower <= bound < upper:
            upper = bound
            evidence.append(words)
        elif bound < lower:
            evidence.append(f"ignored: {words} (contradicts the lower bound {lower})")
    for ago, named in _ago_on_a_day(timexes):
        # "two weeks ago, on March 14": written that long after that day
        assert ago.rule is not None and named.rule is not None
        # read in the whole prior: the pair names one day of it, which the other cues'
        # guesses of a year-less month ("in February") must not push into another year
        within = prior
        that_day = resolve_range(named.rule, within) if named.anchor != "none" else named.range
        assert that_day is not None
        narrowed = narrow_anchor(ago.rule, within, that_day)
        if narrowed is not None and (narrowed.earliest, narrowed.latest) != (lower, upper):
            lower, upper = narrowed.earliest, narrowed.latest
            told = f"{ago.span.text!r} is {named.span.text!r} ({that_day})"
            evidence.append(f"{told}: written {narrowed}")
    # The year is known when the text gives one for something past (a deadline ahead says
    # little of when the text was written), or when such dates moved the prior.
    anchored = (
        not movable
        or moved is not None
        or any(
            t.id not in deadlines
            and tense(t) != FUTURE
            and t.range is not None
            and t.range.latest >= prior.earliest
            for t in _dated(cues, tense)
        )
    )
    if created is not None:
        assert created.range is not None and created.rule is not None
        day = created.range if created.anchor == "none" else resolve_range(created.rule, prior)
        if created.anchor == "none" or lower <= day.earliest <= upper:
            lower, upper = day.earliest, day.latest
            anchored = anchored or created.anchor == "none"
            if created.anchor == "none":
                moved = None  # a dateline with its year: no assumption left
            evidence.append(f"dateline {created.span.text!r}: written on {day}")
    if not anchored:
        evidence.append("no date of the text gives a year: the year is the prior's assumption")
    return DocumentDate(
        DateRange(lower, upper),
        inferred=True,
        evidence=tuple(evidence),
        anchored=anchored,
        moved_from=unmoved if moved is not None else None,
    )


# At most this many characters between "two weeks ago" and the day it names (", on ").
_AGO_GAP = 6


def _ago_on_a_day(timexes: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Pairs of an amount of time before the document ("two weeks ago") and the day it
    names right after it (", on March 14"): one moment, told two ways."""
    pairs = []
    for ago, day in pairwise(timexes):
        if (
            ago.type == "DATE"
            and ago.anchor == "dct"
            and (ago.rule or "").startswith("-P")
            and day.type == "DATE"
            and day.precision == Precision.DAY
            and day.rule
            and day.anchor in ("dct", "none")
            and day.range is not None
            and 0 <= day.span.start - ago.span.end <= _AGO_GAP
        ):
            pairs.append((ago, day))
    return pairs


def _years_of_own_dates(
    cues: Sequence[Timex],
    prior: DateRange,
    tense: Callable[[Timex], str],
    deadlines: Collection[str],
) -> tuple[DateRange, str | None]:
    """A moved prior (written after a dated past, within a year) narrowed to the calendar
    years its year-less dates fit, news giving the month alone for one of its own year: in
    a text of some year, "in May" in the past tense was written after that year's May 1,
    "November 17" ahead before that year's November 17. Read as the last such period
    before the prior's end instead, "in May" would put a text about last August in the May
    after it."""
    loose = [
        t
        for t in cues
        if t.anchor != "none" and t.id not in deadlines and tense(t) != MODAL and t.rule
    ]
    if not loose:
        return prior, None
    fitting = []
    for year in range(prior.earliest.year, prior.latest.year + 1):
        first, last = date(year, 1, 1), date(year, 12, 31)
        lo, hi = max(prior.earliest, first), min(prior.latest, last)
        for timex in loose:
            assert timex.rule is not None
            if tense(timex) == FUTURE:  # this year's, read forwards from its first day
                hi = min(hi, resolve_range(timex.rule, DateRange(first, first)).latest)
            else:  # this year's, read backwards from its last day
                lo = max(lo, resolve_range(timex.rule, DateRange(last, last)).earliest)
        if lo <= hi:
            fitting.append(DateRange(lo, hi))
    if not fitting or (fitting[0].earliest, fitting[-1].latest) == (prior.earliest, prior.latest):
        return prior, None
    narrowed = DateRange(fitting[0].earliest, fitting[-1].latest)
    return narrowed, (
        f"its dates without a year fit a text written in {narrowed} "
        f"({', '.join(t.span.text for t in loose)})"
    )


def _follow_dated_past(
    cues: Sequence[Timex],
    prior: DateRange,
    tense: Callable[[Timex], str],
    deadlines: Collection[str],
) -> tuple[DateRange, str | None]:
    """The prior moved to where the dates the text gives with their year are, when they all
    lie before it: after the latest one in the past tense; with none in the past tense, up
    to the latest one ahead (a deadline, a date in the future tense)."""
    # A year alone ("since taking office in 2017") is background more often than news: only
    # a month or a day of the past says when the text was written.
    dated = [t for t in _dated(cues, tense) if t.precision in _MOVING]
    past = [t for t in dated if t.id not in deadlines and tense(t) != FUTURE]
    considered = past or dated
    if not considered or any(
        t.range is not None and t.range.latest >= prior.earliest for t in considered
    ):
        return prior, None
    window = timedelta(days=prior.days - 1)
    if past:
        latest = max(past, key=_range_key)
        assert latest.range is not None
        moved = DateRange(latest.range.earliest, min(prior.latest, latest.range.latest + window))
    else:
        latest = max(dated, key=_range_key)
        assert latest.range is not None
        moved = DateRange(latest.range.latest - window, latest.range.latest)
    return moved, (
        f"every date given with its year precedes the prior; the latest, "
        f"{latest.span.text} ({latest.id}), moves it to {moved}"
    )


def _dated(cues: Sequence[Timex], tense: Callable[[Timex], str]) -> list[Timex]:
    """Dates the text gives with their year (not counterfactual ones)."""
    return [
        t
        for t in cues
        if t.anchor == "none"
        and t.range is not None
        and t.precision in _DATED
        and tense(t) != MODAL
    ]


def _range_key(timex: Timex) -> tuple[date, date]:
    assert timex.range is not None
    return (timex.range.latest, timex.range.earliest)


def _tense_of_rule(rule: str) -> str:
    head = parse_rule(rule).first
    return FUTURE if head.direction in ("next", "after") else PAST


def _describe(timex: Timex, tense: str, side: str, bound: date) -> str:
    return (
        f"mentions {timex.span.text} ({timex.id}) in the {tense} tense: "
        f"on or {side} {bound.isoformat()}"
    )


def reresolve(timex: Timex, dct: DocumentDate | DateRange) -> Timex:
    """``timex`` resolved again against a better DCT (only DCT-anchored ones change)."""
    if timex.anchor != "dct" or timex.rule is None:
        return timex
    span = dct.range if isinstance(dct, DocumentDate) else dct
    rule = timex.rule
    if rule.startswith("last:--") and span.days <= KNOWN_WITHIN_DAYS:
        # read as the last one against a vague prior; against a date known to within weeks,
        # as the tagger reads a past day against an exact one (the next, when just ahead)
        seek = SEEK + rule[len("last") :]
        if just_ahead(seek, span.latest):
            rule = "next" + rule[len("last") :]
            timex = replace(timex, rule=rule)
    return _with_range(timex, resolve_range(rule, span))


# A document's date known to within this many days reads a year-less day just ahead of it
# as that day, not as the one a year back.
KNOWN_WITHIN_DAYS = 31


def reresolve_all(timexes: Iterable[Timex], dct: DocumentDate | DateRange) -> list[Timex]:
    """Re-resolve a document's timexes, following "timex:<id>" anchors in text order."""
    done: dict[str, Timex] = {}
    out: list[Timex] = []
    for timex in timexes:
        new = reresolve(timex, dct)
        if timex.anchor.startswith("timex:") and timex.rule is not None:
            anchor = done.get(timex.anchor.split(":", 1)[1])
            if anchor is not None and anchor.range is not None:
                new = _with_range(timex, resolve_range(timex.rule, anchor.range))
        done[timex.id] = new
        out.append(new)
    return out


def _with_range(timex: Timex, value_range: DateRange) -> Timex:
    assert timex.rule is not None
    return replace(
        timex,
        range=value_range,
        value=value_after_reresolution(timex, timex.rule, value_range),
    )


__all__ = ["default_prior", "infer_dct", "reresolve", "reresolve_all", "tenses_of"]
