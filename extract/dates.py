"""Calendar helpers shared by the readers and the manifest: partial ISO dates as ranges."""

from __future__ import annotations

import calendar
import re
from datetime import date

from extract.records import DateRange

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_partial_date(text: str) -> DateRange | None:
    """'2026' -> the whole year, '2026-06' -> the whole month, '2026-06-12' -> that day.

    A timestamp ('2026-06-12T09:30:00Z') gives its day. None when the text is not a date.
    """
    match = (
        _PARTIAL.fullmatch(text.strip()[:10]) if "T" in text else _PARTIAL.fullmatch(text.strip())
    )
    if match is None:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return DateRange(day, day)
        if match.group(2):
            month = int(match.group(2))
            last = calendar.monthrange(year, month)[1]
            return DateRange(date(year, month, 1), date(year, month, last))
        return DateRange(date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        return None
