"""Interpreters of calendar dates written out: dates, ranges, decades, centuries, holidays.

Reads: matches of the pattern kinds ``date`` ("May 20, 2026", "early May", "the third
quarter", "fiscal 2025"), ``year_range`` ("2014-2016"), ``range`` ("May 12-26", "between
June and August 2025"), ``decade`` ("the 1990s", "the nineties", "the 20th century") and
``holiday`` ("Thanksgiving Day", "Easter 2019"). Gives: their ``Reading``: an absolute rule
when the year is written, else a year-less position the tagger places from the anchor and
the tense (``{seek}``); None when the match is no date after all.
"""

from __future__ import annotations

import re

from extract.records import Precision
from extract.temporal.checks import month_ok, season_ok, year_ok
from extract.temporal.lexicon import holiday_key
from extract.temporal.reading import (
    ANCHOR_NONE,
    SEEK,
    Context,
    Reading,
    capitalised,
    deictic_offset,
    group,
    part_of,
    seek_of,
    with_part,
)


def _year(match: re.Match[str], ctx: Context, name: str = "year") -> str | None:
    text = group(match, name)
    if text is None:
        return None
    year = ctx.lexicon.year(text)
    return f"{year:04d}" if year is not None else None


def read_date(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    year, day = _year(match, ctx), group(match, "day")
    month_word, month_num = group(match, "month"), group(match, "monthnum")
    season, quarter, half = group(match, "season"), group(match, "quarter"), group(match, "half")
    part = part_of(match, ctx)
    # A day anchors an ambiguous month only after it ("May 5"); before it ("Model 5 May
    # Follow") the day needs a cue word of its own ("on 5 May").
    day_first = (
        day is not None and month_word is not None and match.start("day") < match.start("month")
    )
    day_anchors = day is not None and (
        not day_first or ctx.word_before(match.start("day")) in ctx.lexicon.month_cues
    )
    anchored = bool(year or part or day_anchors)
    position: str
    precision: Precision
    if month_word is not None:
        if not month_ok(match, ctx, anchored=anchored):
            return None
        month = lex.months[month_word.lower().rstrip(".")]
    elif month_num is not None:
        month = int(month_num)
    else:
        month = 0
    if month and day:
        position, precision = f"--{month:02d}-{int(day):02d}", Precision.DAY
        weekday = group(match, "weekday")  # "Wednesday, May 15": the year it falls so
        if weekday is not None and year is None:
            position += f"=W{lex.weekdays[weekday.lower().rstrip('.')]}"
    elif month:
        position, precision = f"--{month:02d}", Precision.MONTH
    elif season is not None:
        if not season_ok(match, ctx, anchored=bool(year or part)):
            return None
        position, precision = lex.seasons[season.lower()], Precision.SEASON
    elif quarter is not None:
        number = (
            int(quarter[1]) if quarter.upper().startswith("Q") else lex.ordinals[quarter.lower()]
        )
        position, precision = f"Q{number}", Precision.QUARTER
    elif half is not None:
        position, precision = ("H1" if half.lower() == "first" else "H2"), Precision.HALF
    elif year is not None:
        spelled = not match.group("year").isdigit()
        if not part and not spelled and not group(match, "fiscal") and not year_ok(match, ctx):
            return None
        rule = with_part(year, part)
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            rule,
            Precision.YEAR,
            mod=part[1] if part else None,
            anchor=ANCHOR_NONE,
        )
    else:
        return None
    mod = part[1] if part else None
    if year is not None:
        absolute = f"{year}-{position[2:]}" if position.startswith("--") else f"{year}-{position}"
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            with_part(absolute, part),
            precision,
            mod=mod,
            anchor=ANCHOR_NONE,
        )
    seek = seek_of(deictic_offset(match, ctx))
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        with_part(f"{seek}:{position}", part),
        precision,
        mod=mod,
    )


def read_year_range(match: re.Match[str], ctx: Context) -> tuple[Reading, ...] | None:
    """ "2014-2016", "1998-99": two years, each its own expression (the dash is a signal,
    as "to" is in "from 2014 to 2016"). A second year of two digits takes the first's
    century; "2009-10" is a span of two years only when they follow each other (else it
    could be a month)."""
    year = _year(match, ctx)
    second = match.group("year2")
    if year is None:
        return None
    if len(second) == 2:
        value = int(year) // 100 * 100 + int(second)
        if value <= int(year):
            value += 100
        if int(second) <= 12 and value != int(year) + 1:
            return None
    else:
        value = int(second)
    if not int(year) < value <= int(year) + 100:
        return None
    return (
        Reading(
            match.start("year"), match.end("year"), "DATE", year, Precision.YEAR, anchor=ANCHOR_NONE
        ),
        Reading(
            match.start("year2"),
            match.end("year2"),
            "DATE",
            f"{value:04d}",
            Precision.YEAR,
            anchor=ANCHOR_NONE,
        ),
    )


def read_range(match: re.Match[str], ctx: Context) -> Reading | tuple[Reading, ...] | None:
    lex = ctx.lexicon
    year = _year(match, ctx)
    month_word, month2_word = group(match, "month"), group(match, "month2")
    day, day2 = group(match, "day"), group(match, "day2")
    if month_word is None:  # "2025-2026"
        return read_year_range(match, ctx)
    if not month_ok(match, ctx, anchored=True) or (month2_word and not capitalised(month2_word)):
        return None
    joiner = ctx.text[match.end("day") : match.start("day2")] if day and day2 else ""
    if "and" in joiner.lower() and not group(match, "between"):
        return None  # "April 24 and 25": two dates, not a range
    month = lex.months[month_word.lower().rstrip(".")]
    month2 = lex.months[month2_word.lower().rstrip(".")] if month2_word else month
    if day and day2:
        first, second = (month, int(day)), (month2, int(day2))
        if first >= second and month == month2:
            return None  # "May 26-12" is not a range
        a, b = f"{first[0]:02d}-{first[1]:02d}", f"{second[0]:02d}-{second[1]:02d}"
        precision = Precision.DAY
    else:
        a, b = f"{month:02d}", f"{month2:02d}"
        precision = Precision.MONTH
    if year is not None:
        first_year = int(year) - 1 if (a > b) else int(year)
        rule = f"{first_year}-{a} .. {year}-{b}"
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            rule,
            precision,
            anchor=ANCHOR_NONE,
            whole_range=True,
        )
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        f"{SEEK}:--{a} .. next:--{b}",
        precision,
        whole_range=True,
    )


def read_decade(match: re.Match[str], ctx: Context) -> Reading | None:
    part = part_of(match, ctx)
    century = group(match, "century")
    if century is not None:  # "the 20th century" is 19xx
        if not 1 <= int(century) <= 21:
            return None
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            with_part(f"{int(century) - 1:02d}", part),
            Precision.CENTURY,
            mod=part[1] if part else None,
            anchor=ANCHOR_NONE,
        )
    decade = group(match, "decade")
    if decade is None:  # "the nineties"
        digits = f"19{ctx.lexicon.decade_words[match.group('decade_words').lower()]}"
    else:
        digits = "19" + decade[1] if decade.startswith("'") else decade[:3]
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        with_part(digits, part),
        Precision.DECADE,
        mod=part[1] if part else None,
        anchor=ANCHOR_NONE,
    )


def read_holiday(match: re.Match[str], ctx: Context) -> Reading | None:
    """A holiday by name: "Thanksgiving Day" (the day it falls on, found like a year-less
    date), "Easter 2019" (that year's), "last Christmas"."""
    name = match.group("holiday")
    if not name[:1].isupper():
        return None
    position = ctx.lexicon.holidays[holiday_key(name)]
    year = _year(match, ctx)
    if year is not None:
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            f"{year} in:{position}",
            Precision.DAY,
            anchor=ANCHOR_NONE,
        )
    seek = seek_of(deictic_offset(match, ctx))
    return Reading(match.start(), match.end(), "DATE", f"{seek}:{position}", Precision.DAY)
