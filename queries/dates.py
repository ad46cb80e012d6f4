"""Date windows in words: what a chart label or an exported slide says about when.

An event's date is a window: it happened on one day between ``earliest`` and ``latest``
(either end may be open). ``precision`` says how finely the sources give it: a
month-precision event covers its whole month and is written as that month, never as its
first day.
"""

from __future__ import annotations

import calendar
from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(value: date, *, year: bool = True) -> str:
    text = f"{value.day} {MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if year else text


def is_whole_month(earliest: date, latest: date) -> bool:
    last = calendar.monthrange(earliest.year, earliest.month)[1]
    return (
        earliest.day == 1
        and (latest.year, latest.month) == (earliest.year, earliest.month)
        and latest.day == last
    )


def is_whole_year(earliest: date, latest: date) -> bool:
    return (earliest.month, earliest.day) == (1, 1) and latest == date(earliest.year, 12, 31)


def describe_window(
    earliest: date | None, latest: date | None, precision: str | None = None
) -> str:
    """'12 Jun 2026', 'Mar 2026', '27 Jun – 31 Jul 2026', 'by 31 Jul 2026', 'undated'."""
    if earliest is None and latest is None:
        return "undated"
    if earliest is None:
        assert latest is not None
        return f"by {_day(latest)}"
    if latest is None:
        return f"from {_day(earliest)}"
    if earliest == latest:
        return _day(earliest)
    if is_whole_month(earliest, latest):
        return f"{MONTHS[earliest.month - 1]} {earliest.year}"
    if is_whole_year(earliest, latest) and precision == "year":
        return str(earliest.year)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.day}–{_day(latest)}"
    same_year = earliest.year == latest.year
    return f"{_day(earliest, year=not same_year)} – {_day(latest)}"


def describe_window_short(earliest: date | None, latest: date | None) -> str:
    """Without years, for labels on a dated axis: '12 Jun', 'Mar', '27 Jun–31 Jul'."""
    if earliest is None and latest is None:
        return "undated"
    if earliest is None:
        assert latest is not None
        return f"by {_day(latest, year=False)}"
    if latest is None:
        return f"from {_day(earliest, year=False)}"
    if earliest == latest:
        return _day(earliest, year=False)
    if is_whole_month(earliest, latest):
        return MONTHS[earliest.month - 1]
    return f"{_day(earliest, year=False)}–{_day(latest, year=False)}"
