"""Datelines: the date a news item gives itself at the head of its body.

"May 14 (UPI) -- President ...", "WASHINGTON, May 14 (Reuters) - ...", "BEIJING, April
20 --": a date that opens a line near the top of the text, after at most a place name in
capitals and a comma, and before a news agency in parentheses or a dash. It is the
document's creation time (TIMEX3 ``functionInDocument="CREATION_TIME"``), never the date of
an event the item reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.records import Precision, Timex

CREATION_TIME = "CREATION_TIME"
# How far into a text a page's own date stamp may be ("date 2026-05-14 ..." at its head).
STAMP_CHARS = 30
# How far into the text a dateline may open a line (past a headline and a byline).
HEAD_CHARS = 600
_PLACE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][A-Z.'\- ]+(?:,[ \t]*[A-Z][A-Za-z.]+)?,[ \t]*)?$")
_AFTER = re.compile(r"^(?:,?[ \t]*\d{4})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-\u2013\u2014/])")
_DATELINE_PRECISIONS = (Precision.DAY,)


def datelines(text: str, timexes: Iterable[Timex]) -> set[str]:
    """The id of the expression that is the text's dateline, if any. A text where several
    lines open so (a chronology: "April 16 -- ...", "May 9 -- ...") has none."""
    found = [
        timex
        for timex in timexes
        if timex.type == "DATE"
        and timex.precision in _DATELINE_PRECISIONS
        and _PLACE.search(text[max(0, timex.span.start - 80) : timex.span.start])
        and _AFTER.match(text[timex.span.end : timex.span.end + 50])
    ]
    if len(found) == 1 and found[0].span.start <= HEAD_CHARS:
        return {found[0].id}
    return set()


__all__ = ["CREATION_TIME", "datelines"]


def page_stamp(text: str, start: int) -> bool:
    """Whether a date at ``start`` is the stamp a page opens its text with ("date
    2026-05-14 Corvex halted ..."): the page's own day, not one its sentences tell."""
    return start <= STAMP_CHARS and text[:start].strip().lower() == "date"
