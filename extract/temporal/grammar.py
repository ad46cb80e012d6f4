"""What a pattern match means: the interpreter of each pattern kind, and ``interpret``.

Each pattern of the lexicon has a ``kind``; the interpreter of that kind reads the match's
named groups (see the lexicon's header) and returns a ``Reading`` (extract/temporal/
reading.py), or None when the match is not a time expression after all ("May" the modal,
"2026 million", "the fall of").

The interpreters live by what they read: calendar dates written out (dates.py), dates
said from the present or the story (relative.py), amounts of time (durations.py) and
clock times (clock.py); the checks against false positives they share are in checks.py.
"""

from __future__ import annotations

import re

from extract.temporal.clock import read_elapsed, read_time
from extract.temporal.dates import (
    read_date,
    read_decade,
    read_holiday,
    read_range,
    read_year_range,
)
from extract.temporal.durations import read_duration, read_offset, read_set, read_term
from extract.temporal.reading import Context, Interpreter, Reading
from extract.temporal.relative import read_day_word, read_fixed, read_relative, read_weekday

INTERPRETERS: dict[str, Interpreter] = {
    "date": read_date,
    "range": read_range,
    "year_range": read_year_range,
    "decade": read_decade,
    "relative": read_relative,
    "weekday": read_weekday,
    "weekday_fixed": read_day_word,
    "offset": read_offset,
    "duration": read_duration,
    "set": read_set,
    "time": read_time,
    "elapsed": read_elapsed,
    "term": read_term,
    "holiday": read_holiday,
    "fixed": read_fixed,
}


def interpret(
    kind: str, match: re.Match[str], ctx: Context
) -> Reading | tuple[Reading, ...] | None:
    """The reading of a match, or the readings of the expressions it holds ("2014-2016":
    two years), or None when it is no time expression."""
    interpreter = INTERPRETERS.get(kind)
    if interpreter is None:
        raise KeyError(f"pattern kind {kind!r} has no interpreter; known: {sorted(INTERPRETERS)}")
    return interpreter(match, ctx)
