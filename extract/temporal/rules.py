"""The resolution rules: how the days a time expression denotes follow from an anchor date.

A rule is a short string, stored with every ``Timex`` so that its value can be computed
again when a better anchor is known (a tighter document date, an event's date). This
module parses rules and resolves them against an anchor day or interval; the year-less
positions a seek looks for are extract/temporal/positions.py, and the TIMEX3 value of
what a rule resolves to is written by extract/temporal/values.py.

Grammar::

    rule     := term [" .. " term]       a range: the second term is resolved from the
                                         first day of the first ("May 12-26")
    term     := selector {" " operator}

Selectors (``t`` is the anchor day):

    D-1 W+0 WE-1 M-1 Q+0 H+0 Y-1 E+0 C+0
        the day, ISO week, weekend, month, quarter, half, year, decade or century n
        periods from t's ("yesterday" D-1, "last month" M-1, "this year" Y+0)
    +P14D  -P2W  -P3M  -P1Y
        the single day t shifted by a duration (units D W M Q Y E C)
    past:P6M  coming:P6M
        [t - duration, t] and [t, t + duration] ("in recent months")
    last:X  next:X  before:X  after:X  near:X
        an occurrence of a year-less or week-less position X: the latest one starting on or
        before t (last), the earliest one ending on or after t (next), the latest ending
        before t (before), the earliest starting after t (after), the closest (near).
        X is --MM-DD, --MM, Q1..Q4, H1, H2, SP SU FA WI (seasons), W1..W7 (ISO weekday,
        1 = Monday), WE (weekend), --MM-DD+Wd (the weekday d on or after that day: the
        fourth Thursday of November is --11-22+W4) or EASTER, EASTER-2 (days from Easter
        Sunday). --MM-DD=Wd is a day written with its weekday ("Wednesday, May 15"): when
        the occurrence sought falls on another weekday and the one before it (last,
        before) or after it (next, after) falls on d, that one; a writer's wrong weekday
        moves it by no more than a year.
    2026-06-12  2026-06  2026  2026-Q2  2026-H1  2026-W24  2026-SU  202 (decade)  20 (century)
        absolute: the anchor is not used

Operators, applied left to right to the interval so far:

    early mid late   its first, middle or last third ("early June": June 1-10)
    upto             cut at the anchor: [start, t] ("earlier this month": M+0 upto)
    from             start at the anchor: [t, end] ("later this year": Y+0 from)
    @W @M @Y ...     widen to the whole calendar periods it touches ("two weeks ago": -P2W @W)
    in:X             the position X inside it ("the third quarter of last year": Y-1 in:Q3)

Every rule is monotone: when the anchor moves later, neither bound of the result moves
earlier. ``narrow_anchor`` and ``resolve_range`` rely on that.

Year-less dates ("May 20", "early May", "in March", "the third quarter") are written
with ``last:`` (past tense, the default in news, which reports past events) or ``next:``
(future tense). When the anchor itself is only known as an interval, ``resolve_range``
resolves them from the anchor's latest day (``last:``/``before:``) or earliest day
(``next:``/``after:``) instead of taking the hull over the interval: "May 20" in a
report written some time in the year before 2026-11-22 means 2026-05-20, not "any May
20 of the past two years". With no tense cue and a DCT known to the day, the tagger uses
``near:`` (the closest occurrence); against an interval it falls back to ``last:``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extract.errors import PolicyKGError
from extract.records import DateRange
from extract.temporal.calendar import (
    UNITS,
    add_days,
    add_months,
    months_range,
    period,
    season_range,
    shift_period,
    thirds,
)
from extract.temporal.positions import Position


class RuleError(PolicyKGError, ValueError):
    """A resolution rule does not follow the grammar of ``extract.temporal.rules``."""

    code = "E150"


_PERIOD = re.compile(r"(WE|[DWMQHYEC])([+-]\d+)$")
_SHIFT = re.compile(r"([+-])P(\d+)([DWMQYEC])$")
_SPAN = re.compile(r"(past|coming):P(\d+)([DWMQYEC])$")
_SEEK = re.compile(r"(last|next|before|after|near):(.+)$")
_POSITION = re.compile(
    r"--(\d\d)(?:-(\d\d)(?:=W([1-7]))?)?$|Q([1-4])$|H([12])$|(SP|SU|FA|WI)$|W([1-7])$|(WE)$"
)
_FLOATING = re.compile(r"--(\d\d)-(\d\d)\+W([1-7])$|EASTER([+-]\d{1,2})?$")
_ABSOLUTE = re.compile(
    r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-H([12])|-W(\d\d)|-(SP|SU|FA|WI))?$|(\d{2,3})$"
)
_MONTHS_IN_UNIT = {"D": 0, "W": 0, "M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}
_YEARLY_DIRECTIONS = {"last": "latest", "before": "latest", "next": "earliest", "after": "earliest"}

Resolver = Callable[[date], DateRange]


@dataclass(frozen=True)
class _Term:
    resolve: Resolver
    position: Position | None  # the seek target, when the selector is a seek
    direction: str | None
    underspecified: str | None


@dataclass(frozen=True)
class ParsedRule:
    first: _Term
    second: _Term | None

    def __call__(self, anchor: date) -> DateRange:
        head = self.first.resolve(anchor)
        if self.second is None:
            return head
        return head.hull(self.second.resolve(head.earliest))


@lru_cache(maxsize=4096)
def parse_rule(rule: str) -> ParsedRule:
    """Parse ``rule`` once (cached); raises RuleError naming the faulty part."""
    parts = rule.split(" .. ")
    if not 1 <= len(parts) <= 2 or not all(p.strip() for p in parts):
        raise RuleError(f"rule {rule!r}: expected 'term' or 'term .. term'")
    terms = [_parse_term(part.split(), rule) for part in parts]
    return ParsedRule(terms[0], terms[1] if len(terms) == 2 else None)


def _parse_term(words: list[str], rule: str) -> _Term:
    selector, operators = words[0], words[1:]
    position: Position | None = None
    direction: str | None = None
    base: Resolver
    if match := _PERIOD.match(selector):
        unit, count = match.group(1), int(match.group(2))
        base = _period_selector(unit, count)
    elif match := _SHIFT.match(selector):
        sign = -1 if match.group(1) == "-" else 1
        base = _shift_selector(sign * int(match.group(2)), match.group(3))
    elif match := _SPAN.match(selector):
        base = _span_selector(match.group(1), int(match.group(2)), match.group(3))
    elif match := _SEEK.match(selector):
        direction = match.group(1)
        position = _parse_position(match.group(2), rule)
        base = _seek_selector(direction, position)
    elif _ABSOLUTE.match(selector):
        base = _fixed_selector(absolute_range(selector))
    else:
        raise RuleError(
            f"rule {rule!r}: unknown selector {selector!r} (see extract.temporal.rules)"
        )
    resolver = base
    for operator in operators:
        resolver = _apply(operator, resolver, rule)
    return _Term(resolver, position, direction, position.underspecified() if position else None)


def _parse_position(text: str, rule: str) -> Position:
    floating = _FLOATING.match(text)
    if floating:
        month, day, weekday, easter = floating.groups()
        if month is not None:
            return Position(month=int(month), day=int(day), on_or_after=int(weekday))
        return Position(easter=int(easter or 0))
    match = _POSITION.match(text)
    if not match:
        raise RuleError(
            f"rule {rule!r}: unknown position {text!r} (e.g. --06-12, --06, Q3, W5, "
            "--11-22+W4, EASTER-2)"
        )
    month, day, falls_on, quarter, half, season, weekday, weekend = match.groups()
    return Position(
        month=int(month) if month else None,
        day=int(day) if day else None,
        falls_on=int(falls_on) if falls_on else None,
        quarter=int(quarter) if quarter else None,
        half=int(half) if half else None,
        season=season,
        weekday=int(weekday) if weekday else None,
        weekend=bool(weekend),
    )


def _fixed_selector(span: DateRange) -> Resolver:
    return lambda _t: span


def _period_selector(unit: str, count: int) -> Resolver:
    return lambda t: shift_period(unit, t, count)


def _add(t: date, amount: int, unit: str) -> date:
    if unit == "D":
        return add_days(t, amount)
    if unit == "W":
        return add_days(t, 7 * amount)
    return add_months(t, _MONTHS_IN_UNIT[unit] * amount)


def _shift_selector(amount: int, unit: str) -> Resolver:
    return lambda t: DateRange.day(_add(t, amount, unit))


def _span_selector(kind: str, amount: int, unit: str) -> Resolver:
    if kind == "past":
        return lambda t: DateRange(_add(t, -amount, unit), t)
    return lambda t: DateRange(t, _add(t, amount, unit))


def _seek_selector(direction: str, position: Position) -> Resolver:
    def seek(t: date) -> DateRange:
        found = position.around(t)
        if direction in ("last", "before"):
            hits = [r for r in found if (r.earliest <= t if direction == "last" else r.latest < t)]
            return _on_its_weekday(position, hits[::-1]) if hits else found[0]
        if direction in ("next", "after"):
            hits = [r for r in found if (r.latest >= t if direction == "next" else r.earliest > t)]
            return _on_its_weekday(position, hits) if hits else found[-1]
        return min(found, key=lambda r: _distance(r, t))

    return seek


def _on_its_weekday(position: Position, hits: list[DateRange]) -> DateRange:
    """The first of ``hits`` (nearest first), or the second when only that one falls on
    the weekday the text gives the day."""
    if position.falls_on is None or hits[0].earliest.isoweekday() == position.falls_on:
        return hits[0]
    if len(hits) > 1 and hits[1].earliest.isoweekday() == position.falls_on:
        return hits[1]
    return hits[0]


def _distance(span: DateRange, t: date) -> int:
    if span.contains(t):
        return 0
    return (span.earliest - t).days if t < span.earliest else (t - span.latest).days


def _apply(operator: str, inner: Resolver, rule: str) -> Resolver:
    if operator in ("early", "mid", "late"):
        which = ("early", "mid", "late").index(operator)
        return lambda t: thirds(inner(t), which)
    if operator == "upto":
        return lambda t: _clip(inner(t), None, t)
    if operator == "from":
        return lambda t: _clip(inner(t), t, None)
    if operator.startswith("@") and operator[1:] in UNITS:
        unit = operator[1:]
        return lambda t: _widen(inner(t), unit)
    if operator.startswith("in:"):
        position = _parse_position(operator[3:], rule)
        return lambda t: _inside(inner(t), position)
    raise RuleError(f"rule {rule!r}: unknown operator {operator!r}")


def _clip(span: DateRange, start: date | None, end: date | None) -> DateRange:
    lo = max(span.earliest, start) if start else span.earliest
    hi = min(span.latest, end) if end else span.latest
    if lo > hi:  # the anchor lies outside the span: keep the nearest end, never empty
        return DateRange.day(span.latest if start else span.earliest)
    return DateRange(lo, hi)


def _widen(span: DateRange, unit: str) -> DateRange:
    return period(unit, span.earliest).hull(period(unit, span.latest))


def _inside(span: DateRange, position: Position) -> DateRange:
    if position.weekly:
        return position.in_week(span.earliest)
    occurrence = position.in_year(span.earliest.year)
    return occurrence if occurrence is not None else span


def absolute_range(value: str) -> DateRange:
    """The days of an absolute TIMEX3 date value (2026-06-12, 2026-06, 2026-Q2, 202...)."""
    match = _ABSOLUTE.match(value)
    if not match:
        raise RuleError(f"{value!r} is not an absolute date value")
    year_s, month, day, quarter, half, week, season, short = match.groups()
    if short is not None:
        size = 10 if len(short) == 3 else 100
        first = max(int(short) * size, 1)
        return DateRange(date(first, 1, 1), date(first + size - 1, 12, 31))
    year = int(year_s)
    try:
        if day:
            return DateRange.day(date(year, int(month), int(day)))
        if month:
            return months_range(year, int(month), 1)
        if quarter:
            return months_range(year, 3 * int(quarter) - 2, 3)
        if half:
            return months_range(year, 6 * int(half) - 5, 6)
        if week:
            return period("W", date.fromisocalendar(year, int(week), 1))
        if season:
            return season_range(season, year)
        return DateRange(date(year, 1, 1), date(year, 12, 31))
    except ValueError as error:
        raise RuleError(f"{value!r} is not a valid date: {error}") from None


def resolve(rule: str, anchor: date) -> DateRange:
    """The days ``rule`` denotes when its anchor is the day ``anchor``.

    Monotone non-decreasing in ``anchor`` for both bounds.
    """
    return parse_rule(rule)(anchor)


def resolve_range(rule: str, anchor: DateRange) -> DateRange:
    """The days ``rule`` may denote when its anchor is only known to lie in ``anchor``.

    In general the hull of ``resolve`` over the interval, which by monotonicity is
    [resolve(earliest).earliest, resolve(latest).latest]. Year-less dates are the
    exception (see the module docstring): resolved from the anchor's latest day for past
    reference (``last:``/``before:``), from its earliest day for future reference.
    """
    parsed = parse_rule(rule)
    head = parsed.first
    if head.position is not None and not head.position.weekly and head.direction:
        side = _YEARLY_DIRECTIONS.get(head.direction)
        if side == "latest":
            return parsed(anchor.latest)
        if side == "earliest":
            return parsed(anchor.earliest)
    return DateRange(parsed(anchor.earliest).earliest, parsed(anchor.latest).latest)


def narrow_anchor(rule: str, anchor: DateRange, value: DateRange) -> DateRange | None:
    """The anchor days t in ``anchor`` for which ``resolve(rule, t)`` can meet ``value``.

    The inverse the graph layer uses to tighten a document date from an event's date known
    elsewhere: "the previous month" (M-1) meeting 2026-06-12, with an anchor somewhere in
    [2026-06-01, 2026-11-22], leaves [2026-07-01, 2026-07-31]. None when no day fits.
    Binary search on both bounds, thanks to monotonicity.
    """
    parsed = parse_rule(rule)
    # First day whose resolution ends on or after value.earliest.
    lo = _first_day(anchor, lambda t: parsed(t).latest >= value.earliest)
    # Last day whose resolution starts on or before value.latest.
    hi = _last_day(anchor, lambda t: parsed(t).earliest <= value.latest)
    if lo is None or hi is None or lo > hi:
        return None
    return DateRange(lo, hi)


def _first_day(span: DateRange, holds: Callable[[date], bool]) -> date | None:
    lo, hi = span.earliest.toordinal(), span.latest.toordinal()
    if not holds(span.latest):
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if holds(date.fromordinal(mid)):
            hi = mid
        else:
            lo = mid + 1
    return date.fromordinal(lo)


def _last_day(span: DateRange, holds: Callable[[date], bool]) -> date | None:
    lo, hi = span.earliest.toordinal(), span.latest.toordinal()
    if not holds(span.earliest):
        return None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(date.fromordinal(mid)):
            lo = mid
        else:
            hi = mid - 1
    return date.fromordinal(lo)


__all__ = [
    "ParsedRule",
    "RuleError",
    "absolute_range",
    "narrow_anchor",
    "parse_rule",
    "resolve",
    "resolve_range",
]
