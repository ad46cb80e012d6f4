"""Day intervals with open ends, for reasoning about dates known only within bounds.

A ``Window`` is [lo, hi] in proleptic ordinal days; ``None`` at either end means "no bound
known". Closed ``DateRange`` records convert to and from windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from extract.records import DateRange


@dataclass(frozen=True)
class Window:
    lo: int | None = None
    hi: int | None = None

    @classmethod
    def of(cls, span: DateRange | None) -> Window:
        if span is None:
            return cls()
        return cls(span.earliest.toordinal(), span.latest.toordinal())

    @property
    def empty(self) -> bool:
        return self.lo is not None and self.hi is not None and self.lo > self.hi

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def width(self) -> float:
        if self.lo is None or self.hi is None:
            return float("inf")
        return self.hi - self.lo + 1

    def intersect(self, other: Window) -> Window:
        lo = _max(self.lo, other.lo)
        hi = _min(self.hi, other.hi)
        return Window(lo, hi)

    def hull(self, other: Window) -> Window:
        lo = None if self.lo is None or other.lo is None else min(self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else max(self.hi, other.hi)
        return Window(lo, hi)

    def overlaps(self, other: Window) -> bool:
        return not self.intersect(other).empty

    def shift(self, lo_days: int, hi_days: int) -> Window:
        return Window(
            None if self.lo is None else self.lo + lo_days,
            None if self.hi is None else self.hi + hi_days,
        )

    def contains(self, day: int) -> bool:
        return (self.lo is None or self.lo <= day) and (self.hi is None or day <= self.hi)

    def to_range(self) -> DateRange | None:
        if self.lo is None or self.hi is None or self.empty:
            return None
        return DateRange(date.fromordinal(self.lo), date.fromordinal(self.hi))

    def earliest(self) -> date | None:
        return None if self.lo is None else date.fromordinal(self.lo)

    def latest(self) -> date | None:
        return None if self.hi is None else date.fromordinal(self.hi)

    def __str__(self) -> str:
        lo = self.earliest()
        hi = self.latest()
        if lo is not None and lo == hi:
            return lo.isoformat()
        return f"{lo.isoformat() if lo else '…'}/{hi.isoformat() if hi else '…'}"


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _min(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
