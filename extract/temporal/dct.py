"""Date a document: infer its creation time (DCT) as an interval from its own cues.

Cues, each bounding the interval the manifest gives (the prior):

- a date the text gives absolutely or without a year ("May 20", "early May", "in
  March"), mentioned in the past tense: the document was written on or after its first
  day. Year-less dates are placed by ``resolve_range`` in the last such period before the
  prior's end, the reading news calls for.
- such a date in the future tense: written on or before its last day.

Relative expressions ("last month", "earlier this month") say nothing about the DCT on
their own; they are re-resolved against the inferred DCT (``reresolve``), and the graph
layer can tighten the DCT further with ``rules.narrow_anchor`` once it knows the date of an
event the document mentions relatively ("the previous month's directive").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from extract.records import DateRange, DocumentDate, Precision, Timex
from extract.temporal.rules import parse_rule, resolve_range
from extract.temporal.tagger import value_after_reresolution
from extract.temporal.tense import FUTURE, PAST, tenses_of

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


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
) -> DocumentDate:
    """The document's creation time, known (``published``) or inferred from ``timexes``.

    ``prior`` bounds everything (from the manifest: by default the year up to the day the
    document was collected). ``tenses`` maps timex ids to "past", "present" or "future"
    (``tenses_of`` computes it); without it, year-less dates resolved forwards (``next:``)
    count as future and everything else as past.
    """
    if published is not None:
        return DocumentDate(
            published, inferred=False, evidence=(f"published {published} (manifest)",)
        )
    lower, upper = prior.earliest, prior.latest
    evidence = [f"prior from the manifest: {prior}"]
    future_cues: list[tuple[date, str]] = []
    for timex in timexes:
        if not _is_calendar_cue(timex):
            continue
        assert timex.range is not None and timex.rule is not None
        tense = (tenses or {}).get(timex.id) or _tense_of_rule(timex.rule)
        if tense == FUTURE:
            future_cues.append(
                (timex.range.latest, _describe(timex, "future", "before", timex.range.latest))
            )
        elif lower < timex.range.earliest <= upper:  # past or present tense
            lower = timex.range.earliest
            evidence.append(_describe(timex, "past", "after", lower))
    for bound, words in sorted(future_cues):
        if lower <= bound < upper:
            upper = bound
            evidence.append(words)
        elif bound < lower:
            evidence.append(f"ignored: {words} (contradicts the lower bound {lower})")
    return DocumentDate(DateRange(lower, upper), inferred=True, evidence=tuple(evidence))


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
    return _with_range(timex, resolve_range(timex.rule, span))


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
