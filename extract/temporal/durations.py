"""Interpreters of amounts of time: durations, offsets, terms of office, repetitions.

Reads: matches of the pattern kinds ``duration`` ("two weeks", "about a decade", "in
recent months"), ``offset`` ("three days later", "two years ago", "two weeks after the
vote"), ``term`` ("a four-year term") and ``set`` ("every Monday", "twice a week", "$5 a
month"). Gives: their ``Reading``: a DURATION with its TIMEX3 value (P2W, PT1M30S), a DATE
the offset points to, or a SET; None when the amount measures something else than time ("a
margin of two minutes", "aged 10 months", "a quarter of the staff").
"""

from __future__ import annotations

import re
from fractions import Fraction

from extract.records import Precision
from extract.temporal.lexicon import Unit
from extract.temporal.reading import (
    ANCHOR_DCT,
    ANCHOR_FOLLOWING,
    ANCHOR_NONE,
    ANCHOR_PREVIOUS,
    Context,
    Reading,
    capitalised,
    group,
)

_QUANTITY_BEFORE = re.compile(
    r"(\d|%|\btimes|\btwice|\bonce|\bthrice|\bcents?|\bdollars?)\W*\w*\W*$", re.I
)


def _amount(match: re.Match[str], ctx: Context) -> tuple[Fraction | None, Unit] | None:
    lex = ctx.lexicon
    unit = lex.units[match.group("unit").lower()]
    num = group(match, "num")
    if num is None:
        return None, unit
    value = lex.number(num)
    if value is None or value <= 0:
        return None
    if group(match, "andhalf"):
        value += 0.5  # "a minute and a half"
    elif num.lower() in ("a", "an") and unit.name in ("second", "minute"):
        return None  # "a second time", "a minute detail"
    if unit.name == "quarter" and (
        num.lower() in ("a", "an", "three") or ctx.text[match.end() : match.end() + 3] == " of"
    ):
        return None  # "a quarter of the staff", "three-quarters": fractions
    return Fraction(value).limit_denominator(12) * unit.factor, unit


# A fraction of a unit written in the next smaller one: (smaller code, how many, whether
# the smaller unit is a time unit). "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S.
_SMALLER_UNIT = {
    ("Y", False): ("M", 12, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def _duration_value(amount: Fraction | None, unit: Unit) -> str:
    prefix = "PT" if unit.time else "P"
    if amount is None:
        return f"{prefix}X{unit.code}"
    if amount.denominator != 1:
        smaller = _SMALLER_UNIT.get((unit.code, unit.time))
        if smaller is not None and (amount * smaller[1]).denominator == 1:
            whole = int(amount)
            rest = int((amount - whole) * smaller[1])
            head = f"{prefix}{whole}{unit.code}" if whole else prefix
            if smaller[2] and not unit.time:
                head += "T"  # "a day and a half": P1DT12H
            return f"{head}{rest}{smaller[0]}"
        return f"{prefix}{float(amount):g}{unit.code}"
    return f"{prefix}{amount}{unit.code}"


def _offset_rule(sign: int, amount: Fraction, unit: Unit) -> str | None:
    if unit.time or amount.denominator != 1:
        return None
    code = unit.code
    n = int(amount)
    if code == "W":  # weeks as days: "+P14D"
        code, n = "D", 7 * n
    return f"{'+' if sign > 0 else '-'}P{n}{code}"


def _approx(match: re.Match[str], ctx: Context) -> tuple[int, str | None]:
    """Where the expression starts and the TIMEX3 mod of "about", "more than", "nearly"...
    before a duration. "over" and "under" are such a modifier only after one of their
    cue words ("for over a decade", "took under an hour"); elsewhere they are a signal
    outside the expression ("over the last five years", "paid over three years")."""
    approx = group(match, "approx")
    if not approx:
        return match.start(), None
    key = " ".join(approx.lower().split())
    cues = ctx.lexicon.approx_cues.get(key)
    if cues is not None and ctx.word_before(match.start("approx")) not in cues:
        start = match.end("approx")
        while start < match.end() and ctx.text[start].isspace():
            start += 1
        return start, None
    return match.start(), ctx.lexicon.approx.get(key)


def read_offset(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    found = _amount(match, ctx)
    if found is None:
        return None
    amount, unit = found
    direction = " ".join(match.group("direction").lower().split())
    sign = lex.offset_words[direction]
    start, mod = _approx(match, ctx)
    follows_event = direction in ("after", "before", "prior to")
    if follows_event or (
        direction in lex.signal_offsets
        and (amount is None or (unit.name, direction) not in lex.dated_offsets)
    ):
        # The duration is the expression and the offset word a signal outside it. "two
        # weeks after imposing the sanctions": the duration offsets the event (or the
        # date) the clause after the offset word names; TIMEX3 tags the duration only.
        # "three days later", "five years from now" ("now" is an expression of its own):
        # its rule still gives the day it points to, from the last date (or the DCT).
        end = match.start("direction")
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        rule = _offset_rule(sign, amount, unit) if amount is not None else None
        if follows_event:
            anchor = ANCHOR_FOLLOWING
        elif not rule:
            anchor = ANCHOR_NONE
        else:
            anchor = ANCHOR_DCT if direction in ("from now", "hence") else ANCHOR_PREVIOUS
        return Reading(
            start,
            end,
            "DURATION",
            rule,
            None,
            value=_duration_value(amount, unit),
            mod=mod,
            anchor=anchor,
        )
    if amount is None or unit.time or unit.precision is None or unit.rule is None:
        if unit.time:
            return Reading(start, match.end(), "TIME", "D+0", Precision.DAY, mod=mod)
        rule = "past:P6M" if sign < 0 else "coming:P6M"
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Reading(start, match.end(), "DATE", rule, Precision.UNKNOWN, value=value, mod=mod)
    shift = _offset_rule(sign, amount, unit)
    if shift is None:
        return None
    widen = {"D": "", "W": " @W", "M": " @M", "Q": " @Q", "Y": " @Y"}[unit.rule]
    precision = (
        Precision.YEAR
        if unit.precision in (Precision.DECADE, Precision.CENTURY)
        else unit.precision
    )
    anchor = ANCHOR_DCT if direction in ("ago", "from now", "hence") else ANCHOR_PREVIOUS
    if direction == "ago" and _compares_with_earlier_period(match, ctx):
        anchor = ANCHOR_PREVIOUS
    return Reading(start, match.end(), "DATE", shift + widen, precision, mod=mod, anchor=anchor)


_PERIOD_WORDS = re.compile(r"\b(quarter|period|half|months)\b", re.I)


def _compares_with_earlier_period(match: re.Match[str], ctx: Context) -> bool:
    """ "profit in the third quarter rose from $5 million a year ago": a comparison of
    periods, where "a year ago" is the named period one year back."""
    lo = max(0, match.start() - 200)
    before = ctx.text[lo : match.start()]
    cut = max(before.rfind(". "), before.rfind("\n"))
    return bool(_PERIOD_WORDS.search(before[cut + 1 :]))


def _is_measure(match: re.Match[str], ctx: Context, unit: Unit) -> bool:
    """A duration that measures something else than time: a margin ("lost the final by
    half a second", "a margin of two minutes", "two minutes behind"), an age ("aged 10
    months"), or the name of a thing ("a two-minute warning")."""
    lex = ctx.lexicon
    start = match.start("approx") if group(match, "approx") else match.start()
    before = re.findall(r"[\w']+", ctx.text[max(0, start - 60) : start].lower())[-7:]
    after = ctx.word_after(match.end()).lower()
    if unit.time and (
        after in lex.margin_after
        or before[-2:] == ["margin", "of"]
        or (before[-1:] == ["by"] and lex.margin_verbs.intersection(before))
    ):
        return True
    if ctx.word_before(start) in lex.age_words:
        return True
    hyphenated = ctx.text[match.start("unit") - 1 : match.start("unit")] == "-"
    return hyphenated and after in lex.measure_nouns


def read_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    vague_unit = group(match, "vague_unit")
    deictic = (group(match, "deictic") or "").lower()
    start, mod = _approx(match, ctx)
    if vague_unit is not None:
        if ctx.text[match.start() - 1 : match.start()] == "-":
            return None  # "three-quarters", "man-hours"
        if lex.number(ctx.word_before(match.start())) is not None:
            return None  # the unit of a number rejected as a measure ("aged 10 months")
        unit = lex.units[vague_unit.lower()]
        amount: Fraction | None = None
    else:
        if group(match, "num") is None and group(match, "vague") is None:
            unit = lex.units[match.group("unit").lower()]
            amount = Fraction(unit.factor)  # "the past decade": ten years
            period = lex.calendar_units.get(unit.name)
            if deictic and period is not None and period[0] not in ("D", "WE", "C"):
                # "the past year", "over the last decade": the calendar period before
                # (or after) the present one, as "last year" is; a count of them ("the
                # past two years") is a duration.
                step = -1 if deictic in ("past", "last", "previous") else 1
                return Reading(start, match.end(), "DATE", f"{period[0]}{step:+d}", period[1])
        else:
            found = _amount(match, ctx)
            if found is None:
                return None
            amount, unit = found
    if vague_unit is None and _is_measure(match, ctx, unit):
        return None
    if (group(match, "num") or "").lower() in ("a", "an") and ctx.text[match.end("unit")] == "-":
        start = match.start("unit")  # "a year-long wait": the article is the noun's
    counted = group(match, "num") is not None or group(match, "vague") is not None
    if group(match, "det") and counted and not deictic and not group(match, "plural"):
        # "the two-week crisis", "the 30-day rate": the article belongs to the noun the
        # duration qualifies; "the nine months" keeps it.
        start = match.end("det")
        while ctx.text[start].isspace():
            start += 1
    value = _duration_value(amount, unit)
    if vague_unit is not None and deictic in ("recent", "past", "coming", "next") and not unit.time:
        # "in recent months", "in coming years": a vague stretch before or after now.
        past = deictic in ("recent", "past")
        span = {"D": "7D", "W": "4W", "M": "6M", "Y": "5Y"}.get(unit.code, "6M")
        return Reading(
            start,
            match.end(),
            "DATE",
            f"{'past' if past else 'coming'}:P{span}",
            Precision.UNKNOWN,
            value="PAST_REF" if past else "FUTURE_REF",
        )
    rule = None
    if deictic in ("past", "last", "recent", "previous", "next", "coming") and not unit.time:
        span = (
            value[1:]
            if amount is not None
            else {"D": "7D", "W": "4W", "M": "6M", "Y": "5Y"}.get(unit.code, "6M")
        )
        rule = (
            f"{'past' if deictic in ('past', 'last', 'recent', 'previous') else 'coming'}:P{span}"
        )
        if not re.fullmatch(r"P\d+[DWMQYEC]", f"P{span}"):
            rule = None
    return Reading(
        start,
        match.end(),
        "DURATION",
        rule,
        None,
        value=value,
        mod=mod,
        anchor=ANCHOR_DCT if rule else ANCHOR_NONE,
    )


def read_set(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    word = group(match, "setword")
    if word is not None:
        entry = lex.set_words[word.lower()]
        return Reading(
            match.start(),
            match.end(),
            "SET",
            None,
            None,
            value=str(entry["value"]),
            anchor=ANCHOR_NONE,
        )
    quant = (group(match, "quant") or "").lower()
    unit_word = match.group("unit").lower()
    if quant in ("per", "a") and not _QUANTITY_BEFORE.search(
        ctx.text, max(0, match.start() - 30), match.start()
    ):
        return None  # "a week" alone is a duration; "$5 a week", "twice a week" are sets
    tod = group(match, "tod")
    if unit_word.rstrip(".") in lex.weekdays:
        if not capitalised(match.group("unit")):
            return None
        if unit_word in lex.ambiguous_weekdays and ctx.text[match.end("unit")] == "s":
            return None  # "Thus", "Sats": not "Thursdays"
        value = f"XXXX-WXX-{lex.weekdays[unit_word.rstrip('.')]}"
        if tod:  # "every Monday night", "Tuesday nights"
            value += f"T{lex.times_of_day[tod.lower()]}"
    elif unit_word in lex.seasons:  # "every winter"
        value = f"XXXX-{lex.seasons[unit_word]}"
    elif unit_word in lex.times_of_day:  # "each morning"
        value = f"XXXX-XX-XXT{lex.times_of_day[unit_word]}"
    elif unit_word.rstrip(".") in lex.months:  # "each July"
        if not capitalised(match.group("unit")):
            return None
        value = f"XXXX-{lex.months[unit_word.rstrip('.')]:02d}"
    else:
        unit = lex.units[unit_word]
        num = group(match, "num")
        amount = Fraction(lex.number(num) or 1) if num else Fraction(1)
        value = _duration_value(amount * unit.factor, unit)
    quant_value = quant.upper() if quant in ("every", "each") else None
    return Reading(
        match.start(),
        match.end(),
        "SET",
        None,
        None,
        value=value,
        quant=quant_value,
        anchor=ANCHOR_NONE,
    )


def read_term(match: re.Match[str], ctx: Context) -> Reading | None:
    """A term of office: "her first term" (PXY), "a four-year term" (P4Y). A counted term
    is tagged without its article or owner ("four-year term"), as durations are."""
    num = group(match, "num") or group(match, "num2")
    start = match.start()
    if num is not None:
        start = match.start("num") if group(match, "num") else match.start("num2")
    if num is None:
        value = "PXY"
    else:
        amount = ctx.lexicon.number(num)
        if amount is None or amount <= 0:
            return None
        value = _duration_value(Fraction(amount).limit_denominator(12), ctx.lexicon.units["year"])
    return Reading(start, match.end(), "DURATION", None, None, value=value, anchor=ANCHOR_NONE)
