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
# An entry of a chronology: a date opening a line (after a bullet, if any), then a colon or
# a dash ("April 16, 2018: Commerce bans ...", "- May 9 -- Corvex halts ...").
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[*\u2022\u00b7-][ \t]*)?$")
_ENTRY_AFTER = re.compile(r"^(?:,?[ \t]*\d{4})?[ \t]*(?::|--|[-\u2013\u2014])[ \t]")
_ENTRY_PRECISIONS = (Precision.DAY, Precision.MONTH)


# A date a page gives on a line of its own near its head ("June 11, 2029", "Published:
# Monday, June 11, 2029 10:30 AM ET"): what may stand around it on that line, a label of
# a word or two before it (its weekday is part of the date) and a time of day after it.
_STAMP_BEFORE = re.compile(r"^(?:[^\W\d_]+(?:[ \t]+[^\W\d_]+)?:?)?$")
_STAMP_AFTER = re.compile(
    r"^,?[ \t]*(?:(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?"
    r"(?:[ \t]+[A-Z]{2,4})?)?[ \t]*$",
    re.IGNORECASE,
)


def datelines(text: str, timexes: Iterable[Timex]) -> set[str]:
    """The id of the expression that is the text's dateline, if any. A text where several
    lines open so (a chronology: "April 16 -- ...", "May 9: ...") has none. A date with
    its year alone on a line near the head (a page's date under its headline) is one
    too."""
    timexes = list(timexes)
    for timex in timexes:
        if timex.span.start > HEAD_CHARS:
            break
        if timex.type != "DATE" or timex.precision != Precision.DAY or timex.anchor != "none":
            continue
        line_start = text.rfind("\n", 0, timex.span.start) + 1
        line_end = text.find("\n", timex.span.end)
        line_end = len(text) if line_end < 0 else line_end
        if _STAMP_BEFORE.match(text[line_start : timex.span.start].strip()) and _STAMP_AFTER.match(
            text[timex.span.end : line_end]
        ):
            return {timex.id}
    found = [
        timex
        for timex in timexes
        if timex.type == "DATE"
        and timex.precision in _DATELINE_PRECISIONS
        and _PLACE.search(text[max(0, timex.span.start - 80) : timex.span.start])
        and _AFTER.match(text[timex.span.end : timex.span.end + 50])
    ]
    if len(found) == 1 and found[0].span.start <= HEAD_CHARS:
        if any(e.id != found[0].id for e in chronology_entries(text, timexes)):
            return set()
        return {found[0].id}
    return set()


def chronology_entries(text: str, timexes: Iterable[Timex]) -> list[Timex]:
    """Dates heading the lines of a chronology ("May 9, 2018: Corvex halts operations"):
    each dates what its line tells, in whatever tense it is told."""
    return [
        timex
        for timex in timexes
        if timex.type == "DATE"
        and timex.precision in _ENTRY_PRECISIONS
        and timex.range is not None
        and _LINE_START.search(text[max(0, timex.span.start - 10) : timex.span.start])
        and _ENTRY_AFTER.match(text[timex.span.end : timex.span.end + 10])
    ]


def entry_end(text: str, timex: Timex) -> int:
    """Where the chronology entry ``timex`` heads ends: at the end of its line."""
    end = text.find("\n", timex.span.end)
    return len(text) if end < 0 else end


def page_stamp(text: str, start: int) -> bool:
    """Whether a date at ``start`` is the stamp a page opens its text with ("date
    2026-05-14 Corvex halted ..."): the page's own day, not one its sentences tell."""
    return start <= STAMP_CHARS and text[:start].strip().lower() == "date"


__all__ = [
    "CREATION_TIME",
    "STAMP_CHARS",
    "chronology_entries",
    "datelines",
    "entry_end",
    "page_stamp",
]
