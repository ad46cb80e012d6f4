"""TIMEX3 values: how the days a rule resolves to are written (2026-06-12, 2026-W24, XXXX-06).

Reads: a span of days with the precision the expression gives it, and its rule (parsed by
extract/temporal/rules.py). Gives: the TIMEX3 ``value`` of a DATE or TIME: the one period
of that precision the span fits in, the rule's year-less form when the span is wider
(an anchor known only as an interval), or the smallest coarser period that holds it.
"""

from __future__ import annotations

from extract.records import DateRange, Precision
from extract.temporal.calendar import month_end, period, season_of
from extract.temporal.rules import parse_rule


def underspecified_value(rule: str | None, precision: Precision | None) -> str:
    """The TIMEX3 value of a rule whose anchor is unknown: XXXX-06-12, XXXX-WXX-5, XXXX-XX."""
    if rule:
        term = parse_rule(rule).first
        if term.underspecified:
            return term.underspecified
    return {
        Precision.DAY: "XXXX-XX-XX",
        Precision.WEEK: "XXXX-WXX",
        Precision.MONTH: "XXXX-XX",
        Precision.QUARTER: "XXXX-QX",
        Precision.HALF: "XXXX-HX",
        Precision.SEASON: "XXXX-XX",
    }.get(precision or Precision.UNKNOWN, "XXXX")


def timex_value(span: DateRange, precision: Precision, rule: str | None = None) -> str:
    """The TIMEX3 value of the days ``span`` known to ``precision``.

    2026-06-12 (day), 2026-W24 (week; 2026-W24-WE for its weekend), 2026-06 (month),
    2026-Q2, 2026-H1, 2026-SU, 2026, 202 (decade), 20 (century). A span wider than one
    period of its precision gets the rule's year-less form when it has one (XXXX-06-12,
    XXXX-WXX-5), else the smallest coarser period that holds it.
    """
    value = _fitting_value(span, precision)
    if value is not None:
        if value.endswith("-WE") and (rule is None or "WE" not in rule):
            value = value[:-3]  # the last third of a week is not "the weekend"
        return value
    if rule is not None:
        return underspecified_value(rule, precision)
    for coarser in (Precision.MONTH, Precision.YEAR, Precision.DECADE, Precision.CENTURY):
        if _ORDER.index(coarser) > _ORDER.index(precision):
            value = _fitting_value(span, coarser)
            if value is not None:
                return value
    return "XXXX"


_ORDER = (
    Precision.DAY,
    Precision.WEEK,
    Precision.MONTH,
    Precision.QUARTER,
    Precision.SEASON,
    Precision.HALF,
    Precision.YEAR,
    Precision.DECADE,
    Precision.CENTURY,
    Precision.UNKNOWN,
)


def _fitting_value(span: DateRange, precision: Precision) -> str | None:
    start, end = span.earliest, span.latest
    if precision is Precision.DAY:
        return start.isoformat() if start == end else None
    if precision is Precision.WEEK:
        if period("W", start) != period("W", end):
            return None
        year, week, _ = start.isocalendar()
        if span == period("WE", start):
            return f"{year}-W{week:02d}-WE"
        return f"{year}-W{week:02d}"
    if precision is Precision.MONTH:
        return (
            f"{start.year}-{start.month:02d}" if end <= month_end(start.year, start.month) else None
        )
    if precision is Precision.QUARTER:
        same = period("Q", start) == period("Q", end)
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}" if same else None
    if precision is Precision.HALF:
        same = period("H", start) == period("H", end)
        return f"{start.year}-H{(start.month - 1) // 6 + 1}" if same else None
    if precision is Precision.SEASON:
        name, year = season_of(start)
        return f"{year}-{name}" if season_of(end) == (name, year) else None
    if precision is Precision.YEAR:
        return str(start.year) if start.year == end.year else None
    if precision is Precision.DECADE:
        return f"{start.year // 10:03d}" if start.year // 10 == end.year // 10 else None
    if precision is Precision.CENTURY:
        return f"{start.year // 100:02d}" if start.year // 100 == end.year // 100 else None
    return None
