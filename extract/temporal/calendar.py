"""Calendar arithmetic on day intervals: the periods (week, month, quarter...) a day falls in,
and the day Easter falls on.

Unit codes are TIMEX3's: D day, W ISO week, WE weekend (Saturday and Sunday of an ISO
week), M month, Q quarter, H half year, Y year, E decade, C century. Seasons are
meteorological (northern hemisphere): SP March-May, SU June-August, FA September-November,
WI December of year y to February of y+1.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from extract.records import DateRange

UNITS = ("D", "W", "WE", "M", "Q", "H", "Y", "E", "C")
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # season -> first month
_MONTHS_PER = {"M": 1, "Q": 3, "H": 6, "Y": 12}
_YEARS_PER = {"E": 10, "C": 100}

MIN_DATE = date(1, 1, 1)
MAX_DATE = date(9999, 12, 31)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_days(d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return MIN_DATE if days < 0 else MAX_DATE


def months_range(year: int, first_month: int, count: int) -> DateRange:
    start = date(year, first_month, 1)
    last = add_months(start, count - 1)
    return DateRange(start, month_end(last.year, last.month))


def period(unit: str, d: date) -> DateRange:
    """The calendar period of kind ``unit`` that contains ``d``."""
    if unit == "D":
        return DateRange(d, d)
    if unit in ("W", "WE"):
        monday = add_days(d, 1 - d.isoweekday())
        if unit == "W":
            return DateRange(monday, add_days(monday, 6))
        return DateRange(add_days(monday, 5), add_days(monday, 6))
    if unit in _MONTHS_PER:
        size = _MONTHS_PER[unit]
        first = (d.month - 1) // size * size + 1
        return months_range(d.year, first, size)
    if unit in _YEARS_PER:
        size = _YEARS_PER[unit]
        first = max(d.year // size * size, 1)
        return DateRange(date(first, 1, 1), date(min(first + size - 1, 9999), 12, 31))
    raise ValueError(f"unknown calendar unit {unit!r}")


def shift_period(unit: str, d: date, count: int) -> DateRange:
    """The period of kind ``unit`` ``count`` periods after (before, if negative) d's."""
    if unit == "D":
        return period(unit, add_days(d, count))
    if unit in ("W", "WE"):
        return period(unit, add_days(d, 7 * count))
    if unit in _MONTHS_PER:
        return period(unit, add_months(d.replace(day=1), _MONTHS_PER[unit] * count))
    if unit in _YEARS_PER:
        year = min(max(d.year + _YEARS_PER[unit] * count, 1), 9999)
        return period(unit, date(year, 1, 1))
    raise ValueError(f"unknown calendar unit {unit!r}")


def season_range(season: str, year: int) -> DateRange:
    return months_range(year, SEASONS[season], 3)


def season_of(d: date) -> tuple[str, int]:
    """The season containing ``d`` and the year it is named by (winter: its December's)."""
    if d.month in (1, 2):
        return "WI", d.year - 1
    for name, first in SEASONS.items():
        if first <= d.month < first + 3:
            return name, d.year
    return "WI", d.year


def thirds(span: DateRange, which: int) -> DateRange:
    """The first (0), middle (1) or last (2) third of ``span``.

    Whole years (decades, centuries) are cut in years, whole months (years, quarters,
    seasons) in months, anything else in days: "early 2026" is January-April, "early June"
    June 1-10.
    """
    start, end = span.earliest, span.latest
    years = end.year - start.year + 1
    whole_years = start == date(start.year, 1, 1) and end == date(end.year, 12, 31)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if whole_years and years >= 3:
        lo, hi = _cut(years, which)
        return DateRange(date(start.year + lo, 1, 1), date(start.year + hi, 12, 31))
    if whole_months and months >= 3:
        lo, hi = _cut(months, which)
        first = add_months(start, lo)
        last = add_months(start, hi)
        return DateRange(first, month_end(last.year, last.month))
    lo, hi = _cut(span.days, which)
    return DateRange(add_days(start, lo), add_days(start, hi))


def _cut(size: int, which: int) -> tuple[int, int]:
    """Zero-based first and last index of third ``which`` of ``size`` items."""
    bounds = (0, round(size / 3), round(2 * size / 3), size)
    lo, hi = bounds[which], bounds[which + 1] - 1
    return lo, max(lo, hi)


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)
