"""Year-less and week-less positions, the targets of a rule's seek: May 20, Q3, Friday.

Reads: a position the rule language names (``--05-20``, ``--05``, ``Q3``, ``H1``, ``SU``,
``W5``, ``WE``, ``--11-22+W4``, ``EASTER-2``; parsed by extract/temporal/rules.py). Gives:
its occurrence in a given year or ISO week, its occurrences around a day (what ``last:``,
``next:``, ``before:``, ``after:`` and ``near:`` choose from), and its TIMEX3 value when
no anchor places it (XXXX-05-20, XXXX-WXX-5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extract.records import DateRange
from extract.temporal.calendar import add_days, easter_sunday, months_range, season_range


@dataclass(frozen=True)
class Position:
    """A year-less (or week-less) position: May 20, May, Q3, summer, Friday, the weekend."""

    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    weekday: int | None = None
    weekend: bool = False
    on_or_after: int | None = None  # with month and day: that weekday on or after them
    falls_on: int | None = None  # with month and day: the weekday the text gives the day
    easter: int | None = None  # days from Easter Sunday

    @property
    def weekly(self) -> bool:
        return self.weekday is not None or self.weekend

    def in_year(self, year: int) -> DateRange | None:
        """This position in ``year``; None when it does not exist there (Feb 29)."""
        if not 1 <= year <= 9998:
            return None
        if self.easter is not None:
            return DateRange.day(add_days(easter_sunday(year), self.easter))
        if self.on_or_after is not None and self.month is not None and self.day is not None:
            first = date(year, self.month, self.day)
            return DateRange.day(add_days(first, (self.on_or_after - first.isoweekday()) % 7))
        if self.month is not None and self.day is not None:
            try:
                return DateRange.day(date(year, self.month, self.day))
            except ValueError:
                return None
        if self.month is not None:
            return months_range(year, self.month, 1)
        if self.quarter is not None:
            return months_range(year, 3 * self.quarter - 2, 3)
        if self.half is not None:
            return months_range(year, 6 * self.half - 5, 6)
        if self.season is not None:
            return season_range(self.season, year)
        raise ValueError("weekly position has no yearly occurrence")

    def in_week(self, d: date) -> DateRange:
        """This weekly position in the ISO week of ``d``."""
        monday = add_days(d, 1 - d.isoweekday())
        if self.weekend:
            return DateRange(add_days(monday, 5), add_days(monday, 6))
        assert self.weekday is not None
        return DateRange.day(add_days(monday, self.weekday - 1))

    def around(self, t: date) -> tuple[DateRange, ...]:
        """Occurrences near ``t``, in order, enough for every seek direction."""
        return _around(self, t)

    def underspecified(self) -> str:
        if self.easter is not None:
            return "XXXX-XX-XX"
        if self.on_or_after is not None:
            return f"XXXX-{self.month:02d}-XX"
        if self.month is not None and self.day is not None:
            return f"XXXX-{self.month:02d}-{self.day:02d}"  # its weekday is no TIMEX3 value
        if self.month is not None:
            return f"XXXX-{self.month:02d}"
        if self.quarter is not None:
            return f"XXXX-Q{self.quarter}"
        if self.half is not None:
            return f"XXXX-H{self.half}"
        if self.season is not None:
            return f"XXXX-{self.season}"
        if self.weekend:
            return "XXXX-WXX-WE"
        return f"XXXX-WXX-{self.weekday}"


# Reconciliation re-reads a corpus's year-less dates against many candidate years: the
# same position around the same day is asked for thousands of times.
@lru_cache(maxsize=8192)
def _around(position: Position, t: date) -> tuple[DateRange, ...]:
    if position.weekly:
        return tuple(position.in_week(add_days(t, 7 * k)) for k in (-2, -1, 0, 1, 2))
    # Eight years each way covers February 29.
    found = (position.in_year(t.year + k) for k in range(-8, 9))
    return tuple(r for r in found if r is not None)
