"""Interpreters of times written as on a clock: "5 p.m.", "noon", "10:15:30", "2:14:07".

Reads: matches of the pattern kinds ``time`` ("5 p.m. Friday", "4 in the morning", "5
p.m. EST Nov. 9") and ``elapsed`` ("2:14:07", "3:43.13"). Gives: a TIME with its clock
reading, or, for a race or lap time, the DURATION it measures; None when the match is no
time after all ("10 am may ...", an hour past 12).
"""

from __future__ import annotations

import re

from extract.records import Precision
from extract.temporal.reading import ANCHOR_NONE, SEEK, Context, Reading, capitalised, group


def read_time(match: re.Match[str], ctx: Context) -> Reading | None:
    hour_text = match.group("hour").lower()
    if hour_text in ("noon", "midday"):
        clock = "12:00"
    elif hour_text == "midnight":
        clock = "24:00"
    else:
        number = ctx.lexicon.number(hour_text)
        if number is None or not 1 <= number <= 12 or not float(number).is_integer():
            return None
        hour = int(number)
        minute = int(group(match, "minute") or 0)
        ampm = (group(match, "ampm") or "").lower()
        tod = (group(match, "tod") or "").lower()
        if tod:  # "4 in the morning", "10 at night"
            ampm = "am" if tod == "morning" or (tod == "night" and hour < 5) else "pm"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    weekday = group(match, "weekday")
    if weekday is not None:
        if not capitalised(weekday):
            return None
        rule = f"{SEEK}:W{ctx.lexicon.weekdays[weekday.lower().rstrip('.')]}"
    elif group(match, "month") is not None and capitalised(match.group("month")):
        # "5 p.m. EST Nov. 9": the clock time of that day
        month = ctx.lexicon.months[match.group("month").lower().rstrip(".")]
        rule = f"{SEEK}:--{month:02d}-{int(match.group('day')):02d}"
    else:
        rule = "D+0"
        if group(match, "month") is not None:
            return None  # "10 am may ..." – let the shorter clock time match alone
    return Reading(match.start(), match.end(), "TIME", rule, Precision.DAY, time=clock)


def read_elapsed(match: re.Match[str], ctx: Context) -> Reading | None:
    """A race or lap time, "2:14:07" or "3:43.13": the DURATION PT2H14M7S, PT3M43.13S;
    after a cue of a clock reading ("at 10:15:30") the time of day."""
    hour = int(group(match, "hour") or 0)
    if ctx.word_before(match.start()) in ctx.lexicon.clock_cues:
        if not group(match, "hour") or hour > 23:
            return None
        clock = f"{hour:02d}:{group(match, 'minute')}:{group(match, 'second')}"
        return Reading(match.start(), match.end(), "TIME", "D+0", Precision.DAY, time=clock)
    minute = int(group(match, "minute") or group(match, "minute2") or 0)
    second = group(match, "second") or group(match, "second2") or "0"
    value = "PT" + (f"{hour}H" if hour else "") + (f"{minute}M" if minute else "")
    if float(second):
        value += f"{float(second):g}S"
    if value == "PT":
        return None
    return Reading(
        match.start(), match.end(), "DURATION", None, None, value=value, anchor=ANCHOR_NONE
    )
