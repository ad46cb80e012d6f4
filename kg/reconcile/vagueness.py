"""How far the bounds of a vague time expression stretch when sources are compared.

"Early June" is normalised to the first third of June, as TIMEX3 conventions have it; but
writers use "early", "mid" and "late" loosely, and an order of March 12 is "early March" to
many of them. When deciding whether mentions can be one event, and when propagating dates,
a part of a period stretches by half its own length on the side(s) it is open to: early
March covers March 1-15, late March March 16-31, mid-March March 8-23. So does a distance
told as approximate: "almost three months ago" (TIMEX3 mod LESS_THAN) is less far back, up to
one of its units nearer the document's date; "about three months ago" (APPROX) a unit either
way. The mention's own value in its document's graph keeps the strict normalisation.
"""

from __future__ import annotations

import re
from datetime import timedelta

from extract.records import DateRange

PART_OPERATORS = ("early", "mid", "late")
# A rule counting a distance from the anchor ("-P3M @M": three months back), and the days
# one of its units may stretch.
_OFFSET = re.compile(r"^([+-])P\d+([DWMY])\b")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}
_APPROXIMATE = ("LESS_THAN", "APPROX")  # TIMEX3 mods of "almost", "about"


def part_of(rule: str | None) -> str | None:
    """'early', 'mid' or 'late' when the rule takes a part of a period, else None."""
    if not rule:
        return None
    words = rule.split()
    found = [w for w in words[1:] if w in PART_OPERATORS]
    return found[-1] if found else None


def without_part(rule: str) -> str:
    """The rule of the whole period ("June" for "early June")."""
    return " ".join(w for i, w in enumerate(rule.split()) if i == 0 or w not in PART_OPERATORS)


def soften(span: DateRange, part: str | None) -> DateRange:
    if part is None:
        return span
    stretch = timedelta(days=span.days / 2)
    if part == "early":
        return DateRange(span.earliest, span.latest + stretch)
    if part == "late":
        return DateRange(span.earliest - stretch, span.latest)
    return DateRange(span.earliest - stretch / 2, span.latest + stretch / 2)


def approximate(rule: str | None, mod: str | None) -> bool:
    """A distance from the anchor told as approximate ("almost three months ago")."""
    return mod in _APPROXIMATE and _OFFSET.match(rule or "") is not None


def stretched(span: DateRange, rule: str | None, mod: str | None) -> DateRange:
    """``span`` as sources are compared: a part of a period softened, a distance told as
    approximate stretched by one of its units (see the module's note)."""
    span = soften(span, part_of(rule))
    offset = _OFFSET.match(rule or "")
    if offset is None or mod not in _APPROXIMATE:
        return span
    unit = timedelta(days=_UNIT_DAYS[offset.group(2)])
    back = offset.group(1) == "-"
    earlier = unit if mod == "APPROX" or not back else timedelta(0)
    later = unit if mod == "APPROX" or back else timedelta(0)
    return DateRange(span.earliest - earlier, span.latest + later)
