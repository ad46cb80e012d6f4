"""How far the bounds of a vague time expression stretch when sources are compared.

"Early June" is normalised to the first third of June, as TIMEX3 conventions have it; but
writers use "early", "mid" and "late" loosely, and an order of March 12 is "early March" to
many of them. When deciding whether mentions can be one event, and when propagating dates,
a part of a period stretches by half its own length on the side(s) it is open to: early
March covers March 1-15, late March March 16-31, mid-March March 8-23. The mention's own value
in its document's graph keeps the strict normalisation.
"""

from __future__ import annotations

from datetime import timedelta

from extract.records import DateRange

PART_OPERATORS = ("early", "mid", "late")


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
