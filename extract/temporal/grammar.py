"""What a pattern match means: its TIMEX3 type, resolution rule, precision and mod.

Each pattern of the lexicon has a ``kind``; the interpreter of that kind reads the match's
named groups (see the lexicon's header) and returns a ``Reading``, or None when the match
is not a time expression after all ("May" the modal, "2026 million", "the fall of").

A rule may hold the placeholder ``{seek}``: the tagger replaces it by ``last``, ``next`` or
``near`` once it knows the tense of the clause (extract/temporal/tense.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from extract.records import Precision
from extract.temporal.lexicon import Lexicon, Unit, holiday_key
from extract.temporal.tokens import TokenIndex, TokenInfo

SEEK = "{seek}"

# Anchors a reading can ask for; the tagger turns "previous" and "following" into
# "timex:<id>" (or "dct"), and leaves "event" for the event layer.
ANCHOR_NONE, ANCHOR_DCT, ANCHOR_EVENT = "none", "dct", "event"
ANCHOR_PREVIOUS, ANCHOR_FOLLOWING = "previous", "following"

_WORD_BEFORE = re.compile(r"([\w'’-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([\w'’%-]+)")
_QUANTITY_BEFORE = re.compile(
    r"(\d|%|\btimes|\btwice|\bonce|\bthrice|\bcents?|\bdollars?)\W*\w*\W*$", re.I
)


@dataclass(frozen=True)
class Reading:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    rule: str | None
    precision: Precision | None
    value: str | None = None  # fixed TIMEX3 value: PRESENT_REF, P2W, XXXX-WXX-5...
    mod: str | None = None
    anchor: str = ANCHOR_DCT
    time: str | None = None  # TIME part of the value: "MO", "22:00"
    quant: str | None = None
    freq: str | None = None
    whole_range: bool = False  # a range: its value names the period holding both ends


@dataclass
class Context:
    text: str
    lexicon: Lexicon
    tokens: Sequence[TokenInfo] | None = None
    index: TokenIndex | None = None
    spans: tuple[tuple[int, int], ...] = ()  # every expression found, once recognised

    def word_before(self, pos: int) -> str:
        match = _WORD_BEFORE.search(self.text, max(0, pos - 40), pos)
        return match.group(1).lower() if match else ""

    def word_after(self, pos: int) -> str:
        match = _WORD_AFTER.match(self.text[pos : pos + 40])
        return match.group(1) if match else ""

    def tags_at(self, start: int, end: int) -> list[TokenInfo]:
        if self.tokens is None or self.index is None:
            return []
        return [self.tokens[i] for i in self.index.span(start, end)]


Interpreter = Callable[[re.Match[str], Context], "Reading | tuple[Reading, ...] | None"]


def _g(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _part(match: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    part = _g(match, "part")
    if not part:
        return None
    return ctx.lexicon.parts.get(" ".join(part.lower().split()).rstrip("-"))


def _with_part(rule: str, part: tuple[str, str] | None) -> str:
    return f"{rule} {part[0]}" if part else rule


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# --- checks against false positives ------------------------------------------------------


def _month_ok(match: re.Match[str], ctx: Context, *, anchored: bool) -> bool:
    """A month name is a month when capitalised; an ambiguous one ("May", "March") also
    needs a day, a year, a part or a cue word before it, and no verb tag."""
    word = match.group("month")
    if not _capitalised(word):
        return False
    key = word.lower().rstrip(".")
    if key not in ctx.lexicon.ambiguous_months:
        return True
    following = ctx.word_after(match.end("month"))
    if (
        not word.endswith(".")
        and following[:1].isupper()
        and following.isalpha()
        and following.lower() not in ctx.lexicon.months
        and ctx.word_before(match.start("month")) in ("and", "or", ",", "")
    ):
        return False  # "Hungary and Jan Kavan": a name
    tags = ctx.tags_at(match.start("month"), match.end("month"))
    if tags and (tags[0].tag == "MD" or tags[0].pos in ("VERB", "AUX")) and not _g(match, "year"):
        return False
    if anchored:
        return True
    before = ctx.word_before(match.start("month"))
    return before in ctx.lexicon.month_cues or before.endswith(("'s", "’s"))


def _weekday_ok(match: re.Match[str], ctx: Context) -> bool:
    word = match.group("weekday")
    if not _capitalised(word):
        return False
    if word.lower() not in ctx.lexicon.ambiguous_weekdays:
        return True
    after = match.string[match.end("weekday") : match.end("weekday") + 1]
    return after == "." or ctx.word_before(match.start("weekday")) in ctx.lexicon.weekday_cues


def _season_ok(match: re.Match[str], ctx: Context, *, anchored: bool) -> bool:
    if anchored:
        return True
    if ctx.text[match.end() : match.end() + 4].lower() == " of ":
        return False  # "the fall of Rome"
    tags = ctx.tags_at(match.start("season"), match.end("season"))
    if tags and tags[0].pos in ("VERB", "AUX"):
        return False
    return ctx.word_before(match.start("season")) in ctx.lexicon.month_cues


def _year_ok(match: re.Match[str], ctx: Context) -> bool:
    """A bare four-digit number is a year unless it counts something ("2026 million")."""
    start, end = match.start("year"), match.end("year")
    text = ctx.text
    if start > 0 and text[start - 1] in "-–.,":
        return False  # 1,2026 / GPT-2026 / 3.2026
    after = ctx.word_after(end).lower()
    if after in ctx.lexicon.count_words or (
        text[end : end + 1] in ("%", ",") and text[end + 1 : end + 2].isdigit()
    ):
        return False
    before = ctx.word_before(start)
    if before in ctx.lexicon.attributive_words and 1900 <= int(text[start:end]) <= 2099:
        return True  # "the 2016 elections", "a 2019 analysis", "its 2020 rules"
    tags = ctx.tags_at(start, end)
    if tags:
        token = tags[0]
        if token.dep == "nummod" and ctx.tokens is not None:
            head = ctx.tokens[token.head]
            if head.tag == "NNS":
                return False
        return True
    if before in ctx.lexicon.year_cues:
        return True
    # A lower-case plural right after a number that no cue calls a year: a count.
    return not (after.endswith("s") and after.islower() and len(after) > 3)


# --- interpreters --------------------------------------------------------------------------


def _year(match: re.Match[str], ctx: Context, name: str = "year") -> str | None:
    text = _g(match, name)
    if text is None:
        return None
    year = ctx.lexicon.year(text)
    return f"{year:04d}" if year is not None else None


def _date(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    year, day = _year(match, ctx), _g(match, "day")
    month_word, month_num = _g(match, "month"), _g(match, "monthnum")
    season, quarter, half = _g(match, "season"), _g(match, "quarter"), _g(match, "half")
    part = _part(match, ctx)
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
        if not _month_ok(match, ctx, anchored=anchored):
            return None
        month = lex.months[month_word.lower().rstrip(".")]
    elif month_num is not None:
        month = int(month_num)
    else:
        month = 0
    if month and day:
        position, precision = f"--{month:02d}-{int(day):02d}", Precision.DAY
    elif month:
        position, precision = f"--{month:02d}", Precision.MONTH
    elif season is not None:
        if not _season_ok(match, ctx, anchored=bool(year or part)):
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
        if not part and not spelled and not _g(match, "fiscal") and not _year_ok(match, ctx):
            return None
        rule = _with_part(year, part)
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
            _with_part(absolute, part),
            precision,
            mod=mod,
            anchor=ANCHOR_NONE,
        )
    deictic_word = _g(match, "deictic")
    offset = lex.deictic.get(" ".join(deictic_word.lower().split())) if deictic_word else None
    seek = {-1: "before", 1: "after"}.get(offset or 0, SEEK)
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        _with_part(f"{seek}:{position}", part),
        precision,
        mod=mod,
    )


def _year_range(match: re.Match[str], ctx: Context) -> tuple[Reading, ...] | None:
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


def _range(match: re.Match[str], ctx: Context) -> Reading | tuple[Reading, ...] | None:
    lex = ctx.lexicon
    year = _year(match, ctx)
    month_word, month2_word = _g(match, "month"), _g(match, "month2")
    day, day2 = _g(match, "day"), _g(match, "day2")
    if month_word is None:  # "2025-2026"
        return _year_range(match, ctx)
    if not _month_ok(match, ctx, anchored=True) or (month2_word and not _capitalised(month2_word)):
        return None
    joiner = ctx.text[match.end("day") : match.start("day2")] if day and day2 else ""
    if "and" in joiner.lower() and not _g(match, "between"):
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


def _decade(match: re.Match[str], ctx: Context) -> Reading | None:
    part = _part(match, ctx)
    century = _g(match, "century")
    if century is not None:  # "the 20th century" is 19xx
        if not 1 <= int(century) <= 21:
            return None
        return Reading(
            match.start(),
            match.end(),
            "DATE",
            _with_part(f"{int(century) - 1:02d}", part),
            Precision.CENTURY,
            mod=part[1] if part else None,
            anchor=ANCHOR_NONE,
        )
    decade = _g(match, "decade")
    if decade is None:  # "the nineties"
        digits = f"19{ctx.lexicon.decade_words[match.group('decade_words').lower()]}"
    else:
        digits = "19" + decade[1] if decade.startswith("'") else decade[:3]
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        _with_part(digits, part),
        Precision.DECADE,
        mod=part[1] if part else None,
        anchor=ANCHOR_NONE,
    )


def _relative(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    unit_word = " ".join(match.group("unit").lower().split())
    deictic_word = _g(match, "deictic")
    offset = lex.deictic.get(" ".join(deictic_word.lower().split())) if deictic_word else 0
    if _g(match, "deictic_year"):  # "the year-ago third quarter"
        offset = -1
    part = _part(match, ctx)
    mod = part[1] if part else None
    quarter = _g(match, "quarter")
    if quarter is not None:  # "the third quarter of last year"
        rule = f"Y{offset or 0:+d} in:Q{lex.ordinals[quarter.lower()]}"
        return Reading(match.start(), match.end(), "DATE", rule, Precision.QUARTER)
    month_word = _g(match, "month")
    if month_word is not None and unit_word == "year":  # "June of last year"
        if not _capitalised(month_word):
            return None
        rule = _with_part(
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
            seek = {-1: "before", 1: "after"}.get(offset or 0, SEEK)
            return Reading(match.start(), match.end(), "DATE", f"{seek}:WE", precision, mod=mod)
        rule = _with_part(f"{unit}{offset or 0:+d}", part)
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
        if not _capitalised(match.group("unit")):
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
            _with_part(f"Y+0 in:{position}", part),
            precision,
            mod=mod,
        )
    seek = {-1: "before", 1: "after"}.get(offset, SEEK) if offset is not None else SEEK
    return Reading(
        match.start(),
        match.end(),
        "DATE",
        _with_part(f"{seek}:{position}", part),
        precision,
        mod=mod,
    )


def _weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    if not _weekday_ok(match, ctx):
        return None
    lex = ctx.lexicon
    day = lex.weekdays[match.group("weekday").lower().rstrip(".")]
    deictic_word = _g(match, "deictic")
    offset = lex.deictic.get(" ".join(deictic_word.lower().split())) if deictic_word else None
    seek = {-1: "before", 1: "after"}.get(offset or 0, SEEK)
    part = _part(match, ctx)
    tod = _g(match, "tod")
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


def _day_word(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    entry = lex.fixed[match.group("fixed").lower()]
    part = _part(match, ctx)
    tod = _g(match, "tod")
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


def _amount(match: re.Match[str], ctx: Context) -> tuple[Fraction | None, Unit] | None:
    lex = ctx.lexicon
    unit = lex.units[match.group("unit").lower()]
    num = _g(match, "num")
    if num is None:
        return None, unit
    value = lex.number(num)
    if value is None or value <= 0:
        return None
    if _g(match, "andhalf"):
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
    approx = _g(match, "approx")
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


def _offset(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    found = _amount(match, ctx)
    if found is None:
        return None
    amount, unit = found
    direction = " ".join(match.group("direction").lower().split())
    sign = lex.offset_words[direction]
    start, mod = _approx(match, ctx)
    if direction in ("after", "before", "prior to"):
        # "two weeks after imposing the sanctions": the duration offsets the event (or
        # the date) the clause after the offset word names. TIMEX3 tags the duration only.
        end = match.start("direction")
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        rule = _offset_rule(sign, amount, unit) if amount is not None else None
        return Reading(
            start,
            end,
            "DURATION",
            rule,
            None,
            value=_duration_value(amount, unit),
            mod=mod,
            anchor=ANCHOR_FOLLOWING,
        )
    if direction in lex.signal_offsets and (
        amount is None or (unit.name, direction) not in lex.dated_offsets
    ):
        # "three days later", "five years from now": the duration is the expression and
        # the offset word a signal outside it ("now" is an expression of its own). Its
        # rule still gives the day it points to, from the last date (or the DCT).
        end = match.start("direction")
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        rule = _offset_rule(sign, amount, unit) if amount is not None else None
        from_now = direction in ("from now", "hence")
        return Reading(
            start,
            end,
            "DURATION",
            rule,
            None,
            value=_duration_value(amount, unit),
            mod=mod,
            anchor=(ANCHOR_DCT if from_now else ANCHOR_PREVIOUS) if rule else ANCHOR_NONE,
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
    start = match.start("approx") if _g(match, "approx") else match.start()
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


def _duration(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    vague_unit = _g(match, "vague_unit")
    deictic = (_g(match, "deictic") or "").lower()
    start, mod = _approx(match, ctx)
    if vague_unit is not None:
        if ctx.text[match.start() - 1 : match.start()] == "-":
            return None  # "three-quarters", "man-hours"
        if lex.number(ctx.word_before(match.start())) is not None:
            return None  # the unit of a number rejected as a measure ("aged 10 months")
        unit = lex.units[vague_unit.lower()]
        amount: Fraction | None = None
    else:
        if _g(match, "num") is None and _g(match, "vague") is None:
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
    if (_g(match, "num") or "").lower() in ("a", "an") and ctx.text[match.end("unit")] == "-":
        start = match.start("unit")  # "a year-long wait": the article is the noun's
    counted = _g(match, "num") is not None or _g(match, "vague") is not None
    if _g(match, "det") and counted and not deictic and not _g(match, "plural"):
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


def _set(match: re.Match[str], ctx: Context) -> Reading | None:
    lex = ctx.lexicon
    word = _g(match, "setword")
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
    quant = (_g(match, "quant") or "").lower()
    unit_word = match.group("unit").lower()
    if quant in ("per", "a") and not _QUANTITY_BEFORE.search(
        ctx.text, max(0, match.start() - 30), match.start()
    ):
        return None  # "a week" alone is a duration; "$5 a week", "twice a week" are sets
    tod = _g(match, "tod")
    if unit_word.rstrip(".") in lex.weekdays:
        if not _capitalised(match.group("unit")):
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
        if not _capitalised(match.group("unit")):
            return None
        value = f"XXXX-{lex.months[unit_word.rstrip('.')]:02d}"
    else:
        unit = lex.units[unit_word]
        num = _g(match, "num")
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


def _time(match: re.Match[str], ctx: Context) -> Reading | None:
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
        minute = int(_g(match, "minute") or 0)
        ampm = (_g(match, "ampm") or "").lower()
        tod = (_g(match, "tod") or "").lower()
        if tod:  # "4 in the morning", "10 at night"
            ampm = "am" if tod == "morning" or (tod == "night" and hour < 5) else "pm"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    weekday = _g(match, "weekday")
    if weekday is not None:
        if not _capitalised(weekday):
            return None
        rule = f"{SEEK}:W{ctx.lexicon.weekdays[weekday.lower().rstrip('.')]}"
    elif _g(match, "month") is not None and _capitalised(match.group("month")):
        # "5 p.m. EST Nov. 9": the clock time of that day
        month = ctx.lexicon.months[match.group("month").lower().rstrip(".")]
        rule = f"{SEEK}:--{month:02d}-{int(match.group('day')):02d}"
    else:
        rule = "D+0"
        if _g(match, "month") is not None:
            return None  # "10 am may ..." – let the shorter clock time match alone
    return Reading(match.start(), match.end(), "TIME", rule, Precision.DAY, time=clock)


def _elapsed(match: re.Match[str], ctx: Context) -> Reading | None:
    """A race or lap time, "2:14:07" or "3:43.13": the DURATION PT2H14M7S, PT3M43.13S;
    after a cue of a clock reading ("at 10:15:30") the time of day."""
    hour = int(_g(match, "hour") or 0)
    if ctx.word_before(match.start()) in ctx.lexicon.clock_cues:
        if not _g(match, "hour") or hour > 23:
            return None
        clock = f"{hour:02d}:{_g(match, 'minute')}:{_g(match, 'second')}"
        return Reading(match.start(), match.end(), "TIME", "D+0", Precision.DAY, time=clock)
    minute = int(_g(match, "minute") or _g(match, "minute2") or 0)
    second = _g(match, "second") or _g(match, "second2") or "0"
    value = "PT" + (f"{hour}H" if hour else "") + (f"{minute}M" if minute else "")
    if float(second):
        value += f"{float(second):g}S"
    if value == "PT":
        return None
    return Reading(
        match.start(), match.end(), "DURATION", None, None, value=value, anchor=ANCHOR_NONE
    )


def _holiday(match: re.Match[str], ctx: Context) -> Reading | None:
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
    deictic_word = _g(match, "deictic")
    offset = (
        ctx.lexicon.deictic.get(" ".join(deictic_word.lower().split())) if deictic_word else None
    )
    seek = {-1: "before", 1: "after"}.get(offset or 0, SEEK)
    return Reading(match.start(), match.end(), "DATE", f"{seek}:{position}", Precision.DAY)


def _term(match: re.Match[str], ctx: Context) -> Reading | None:
    """A term of office: "her first term" (PXY), "a four-year term" (P4Y). A counted term
    is tagged without its article or owner ("four-year term"), as durations are."""
    num = _g(match, "num") or _g(match, "num2")
    start = match.start()
    if num is not None:
        start = match.start("num") if _g(match, "num") else match.start("num2")
    if num is None:
        value = "PXY"
    else:
        amount = ctx.lexicon.number(num)
        if amount is None or amount <= 0:
            return None
        value = _duration_value(Fraction(amount).limit_denominator(12), ctx.lexicon.units["year"])
    return Reading(start, match.end(), "DURATION", None, None, value=value, anchor=ANCHOR_NONE)


_ANCHORS = {"dct": ANCHOR_DCT, "previous": ANCHOR_PREVIOUS, "none": ANCHOR_NONE}


def _fixed(match: re.Match[str], ctx: Context) -> Reading | None:
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


INTERPRETERS: dict[str, Interpreter] = {
    "date": _date,
    "range": _range,
    "year_range": _year_range,
    "decade": _decade,
    "relative": _relative,
    "weekday": _weekday,
    "weekday_fixed": _day_word,
    "offset": _offset,
    "duration": _duration,
    "set": _set,
    "time": _time,
    "elapsed": _elapsed,
    "term": _term,
    "holiday": _holiday,
    "fixed": _fixed,
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
