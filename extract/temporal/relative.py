"""Interpreters of dates said from the present or from the story: "last month", "Friday".

Reads: matches of the pattern kinds ``relative`` ("last year", "the next day", "this
September", "the third quarter of last year"), ``weekday`` ("on Friday", "last Monday
night"), ``weekday_fixed`` ("tomorrow morning") and ``fixed`` (the lexicon's table of set
phrases: "now", "the day before", "at that time"). Gives: their ``Reading``, anchored on the
document date or on the story's last date ("the following month"); None when the match is
no time expression after all.
"""

from __future__ import annotations

import re

from extract.records import Precision
from extract.temporal.checks import weekday_ok
from extract.temporal.reading import (
    ANCHOR_DCT,
    ANCHOR_NONE,
    ANCHOR_PREVIOUS,
    Context,
    Reading,
    capitalised,
    deictic_offset,
    group,
    part_of,
    seek_of,
    with_part,
)


def read_relative(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    unit_word = " ".join(match.group("unit").lower().split())
    deictic_word = group(match, "deictic")
    offset = deictic_offset(match, ctx) if deictic_word else 0
    if group(match, "deictic_year"):  # "the year-ago third quarter"
        offset = -1
    part = part_of(match, ctx)
    mod = part[1] if part else None
    quarter = group(match, "quarter")
    if quarter is not None:  # "the third quarter of last year"
        rule = f"Y{offset or 0:+d} in:Q{lex.ordinals[quarter.lower()]}"
        return Reading(match.start(), match.end(), "DATE", rule, Precision.QUARTER)
    month_word = group(match, "month")
    if month_word is not None and unit_word == "year":  # "June of last year"
        if not capitalised(month_word):
            return None
        rule = with_part(
            f"Y{offset or 0:+d} in:--{lex.months[month_word.lower().rstrip('.')]:02d}", part
        )
        return Reading(match.start(), match.end(), "DATE", rule, Precision.MONTH, mod=mod)
    if unit_word in lex.calendar_units:
        unit, precision = lex.calendar_units[unit_word]
        if unit == "D" and offset != 0:
            # "the next day", "the previous day": relative to the story's last date.
            rule = f"D{offset:+d}"
            return Reading(
                match.start(), match.end(), "DATE", rule, precision, anchor=ANCHOR_PREVIOUS
            )
        if unit == "WE":
            return Reading(
                match.start(), match.end(), "DATE", f"{seek_of(offset)}:WE", precision, mod=mod
            )
        rule = with_part(f"{unit}{offset or 0:+d}", part)
        anaphoric = (
            deictic_word is not None and " ".join(deictic_word.lower().split()) in lex.anaphoric
        )
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            rule,
            precision,
            mod=mod,
            anchor=ANCHOR_PREVIOUS if anaphoric else ANCHOR_DCT,
        )
    if unit_word.rstrip(".") in lex.months:
        if not capitalised(match.group("unit")):
            return None
        position = f"--{lex.months[unit_word.rstrip('.')]:02d}"
        precision = Precision.MONTH
    elif unit_word in lex.seasons:
        position, precision = lex.seasons[unit_word], Precision.SEASON
    else:
        return None
    if offset == 0 and deictic_word is not None and deictic_word.lower() == "this":
        # "this September": the current year's, whatever the tense.
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            with_part(f"Y+0 in:{position}", part),
            precision,
            mod=mod,
        )
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        with_part(f"{seek_of(offset)}:{position}", part),
        precision,
        mod=mod,
    )


def read_weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    if not weekday_ok(match, ctx):
        return None
    lex = ctx.lexicon
    day = lex.weekdays[match.group("weekday").lower().rstrip(".")]
    deictic_word = group(match, "deictic")
    seek = seek_of(deictic_offset(match, ctx))
    part = part_of(match, ctx)
    tod = group(match, "tod")
    time = lex.times_of_day[tod.lower()] if tod else None
    if deictic_word is None and ctx.word_before(match.start()) in lex.indefinite_words:
        # "on a Friday": some Friday, which the text does not place in time.
        return Reading(
            match.start(),
            match.end(),
            "TIME" if time else "DATE",
            None,
            Precision.DAY,
            value=f"XXXX-WXX-{day}" + (f"T{time}" if time else ""),
            anchor=ANCHOR_NONE,
        )
    return Reading(
        match.start(),
        match.end(),
        "TIME" if time else "DATE",
        f"{seek}:W{day}",
        Precision.DAY,
        mod=part[1] if part else None,
        time=time,
    )


def read_day_word(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    entry = lex.fixed[match.group("fixed").lower()]
    part = part_of(match, ctx)
    tod = group(match, "tod")
    time = lex.times_of_day[tod.lower()] if tod else None
    return Reading(
        match.start(),
        match.end(),
        "TIME" if time else "DATE",
        str(entry["rule"]),
        Precision.DAY,
        mod=part[1] if part else None,
        time=time,
    )


_ANCHORS = {"dct": ANCHOR_DCT, "previous": ANCHOR_PREVIOUS, "none": ANCHOR_NONE}


def read_fixed(match: re.Match[str], ctx: Context) -> Reading | None:
    """An entry of the ``fixed`` table. Optional keys of an entry: ``anchor`` (``previous``:
    the story's last date, as "the day before" is), ``after`` (the word before must be one
    of these: "at that time"), ``alone`` (it must end its clause: "the day before," but
    not "the day before the vote"), ``not_before`` and ``not_after`` (words that may not
    follow or precede it: "soon after", "as soon")."""
    entry = ctx.lexicon.fixed[" ".join(match.group("fixed").lower().split())]
    if re.match(r"-\w", ctx.text[match.end() : match.end() + 2]):
        return None  # "the year-earlier profit", "quarter-to-quarter": part of a compound
    if "after" in entry and ctx.word_before(match.start()) not in entry["after"]:
        return None
    following = ctx.text[match.end() : match.end() + 40]
    if entry.get("alone") and re.match(r"\s*[\w$]", following):
        return None
    if ctx.word_after(match.end()).lower() in entry.get("not_before", ()):
        return None
    if ctx.word_before(match.start()) in entry.get("not_after", ()):
        return None
    precision = Precision(entry.get("precision", "unknown"))
    value = entry.get("value")
    return Reading(
        match.start(),
        match.end(),
        str(entry["type"]),
        str(entry["rule"]),
        precision,
        value=str(value) if value else None,
        mod=entry.get("mod"),
        anchor=_ANCHORS[str(entry.get("anchor", "dct"))],
        time=entry.get("tod"),
    )
