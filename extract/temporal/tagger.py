"""The rule-based time tagger: finds time expressions in raw text and normalises them.

Recognition runs the lexicon's regexes (compiled once) over the text, checks each match
(extract/temporal/grammar.py), and keeps the longest non-overlapping ones. Normalisation
fills in the tense-dependent direction of year-less dates and weekdays, picks each
expression's anchor, and resolves its rule (extract/temporal/rules.py) against it.

Anchors recorded on each ``Timex``:

- ``none``: absolute ("May 20, 2026", "2025");
- ``dct``: the document creation time ("last month", "May 20", "Friday");
- ``timex:<id>``: another expression ("a year earlier", "two weeks after May 20");
- ``event``: an offset from an event the following clause names: "two weeks after
  imposing the sanctions" gives the DURATION "two weeks" with rule ``+P14D``, meaning
  "the described time is 14 days after that event". Its range stays None until the event
  layer binds it (anchor ``event:<id>``) and resolves the rule against the event's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from extract.errors import DataFileError
from extract.records import DateRange, Precision, TextSpan, Timex
from extract.temporal.clause import clause_tense, moves_forward
from extract.temporal.grammar import INTERPRETERS, interpret
from extract.temporal.lexicon import Lexicon, default_lexicon, load_lexicon
from extract.temporal.reading import (
    ANCHOR_DCT,
    ANCHOR_EVENT,
    ANCHOR_FOLLOWING,
    ANCHOR_NONE,
    ANCHOR_PREVIOUS,
    SEEK,
    Context,
    Reading,
)
from extract.temporal.rules import resolve, resolve_range
from extract.temporal.search import WordIndex
from extract.temporal.tense import FUTURE, PAST, tense_from_tokens
from extract.temporal.tokens import TokenIndex, TokenInfo, tokens_from_doc
from extract.temporal.values import timex_value, underspecified_value

_REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_ANY_DAY = date(2000, 1, 1)  # absolute rules ignore their anchor


@dataclass(frozen=True)
class _Candidate:
    readings: tuple[Reading, ...]  # one match may hold several expressions ("2014-2016")
    priority: int

    @property
    def start(self) -> int:
        return self.readings[0].start

    @property
    def end(self) -> int:
        return self.readings[-1].end


class TimexTagger:
    """Tags and normalises time expressions. Build once, call ``tag`` per document."""

    def __init__(self, lexicon: Lexicon | str | None = None) -> None:
        if lexicon is None:
            lexicon = default_lexicon()
        elif isinstance(lexicon, str):
            lexicon = load_lexicon(lexicon)
        self.lexicon = lexicon
        for pattern in lexicon.patterns:
            if pattern.kind not in INTERPRETERS:
                raise DataFileError(
                    lexicon.source,
                    f"pattern {pattern.name!r} has unknown kind {pattern.kind!r}",
                    fix=f"use one of {sorted(INTERPRETERS)}",
                )

    def tag(
        self,
        text: str,
        dct: DateRange | date | None = None,
        tokens: Sequence[TokenInfo] | Any | None = None,
    ) -> list[Timex]:
        """The time expressions of ``text`` in text order, ids t1, t2...

        ``dct`` is the document creation time (a day or an interval; None when unknown:
        relative expressions then keep their rule and get no range). ``tokens`` is a
        sequence of TokenInfo or a spaCy Doc of the same text; it helps tell "May" the
        month from the modal and find the tense.
        """
        if tokens is not None and not isinstance(tokens, Sequence):
            tokens = tokens_from_doc(tokens)
        dct_range = DateRange.day(dct) if isinstance(dct, date) else dct
        ctx = Context(text, self.lexicon, tokens, TokenIndex(tokens) if tokens else None)
        readings = self.recognise(ctx)
        ctx.spans = tuple((r.start, r.end) for r in readings)
        return self._normalise(readings, ctx, dct_range)

    def recognise(self, ctx: Context) -> list[Reading]:
        """The longest non-overlapping readings, in text order."""
        candidates: list[_Candidate] = []
        index = WordIndex(ctx.text)
        for pattern in self.lexicon.patterns:
            for match in index.matches(pattern):
                found = interpret(pattern.kind, match, ctx)
                if found is None:
                    # A rejected match may hide a shorter one inside it: "the year" in
                    # "the year-earlier level" hides "year-earlier".
                    index.retry_after(match.start())
                    continue
                readings = (found,) if isinstance(found, Reading) else found
                readings = tuple(r for r in readings if r.end > r.start)
                if readings:
                    candidates.append(_Candidate(readings, pattern.priority))
        candidates.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
        taken: list[_Candidate] = []
        for candidate in candidates:
            if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
                taken.append(candidate)
        return sorted((r for c in taken for r in c.readings), key=lambda r: r.start)

    def _normalise(
        self, readings: list[Reading], ctx: Context, dct: DateRange | None
    ) -> list[Timex]:
        timexes: list[Timex] = []
        for i, reading in enumerate(readings):
            rule = reading.rule
            if rule is not None and SEEK in rule:
                rule = rule.replace(SEEK, self._direction(reading, ctx, dct))
            anchor, anchor_timex = self._anchor(reading, timexes)
            anchor_range = dct if anchor == ANCHOR_DCT else None
            if anchor_timex is not None:
                anchor_range = anchor_timex.range
                if (
                    rule is not None
                    and rule[:2] in ("+P", "-P")
                    and anchor_timex.precision
                    and reading.type == "DATE"
                ):
                    # "a year earlier" than a quarter is that quarter a year before.
                    rule = rule.split(" @")[0]
                    reading = replace(reading, precision=anchor_timex.precision)
            timexes.append(build_timex(f"t{i + 1}", reading, ctx.text, rule, anchor, anchor_range))
        return _bind_following(timexes, readings, ctx.text)

    def _direction(self, reading: Reading, ctx: Context, dct: DateRange | None) -> str:
        """``next`` in the future tense, ``last`` in the past; with no tense cue, the
        occurrence nearest to a DCT known to the day, else the past one (news reports
        what happened). A day of the DCT's own month is taken in the DCT's year whatever
        the tense ("Nov. 21" in a report of Nov. 2), as is a day after "by" or "until"."""
        exact_dct = dct is not None and dct.earliest == dct.latest
        dct_month = dct.earliest.month if dct is not None and exact_dct else None
        if ctx.text[reading.end : reading.end + 2] in ("'s", "’s"):
            return "last"  # "Friday's letter", "the May 20 order's": a past event
        if moves_forward(ctx.text, reading.start, self.lexicon):
            return "next"  # "postponed until Friday": where it was moved to, ahead
        tense = None
        if ctx.tokens is not None and ctx.index is not None:
            tense = tense_from_tokens(ctx.tokens, ctx.index, reading.start)
        if tense is None:
            tense = clause_tense(ctx.text, reading.start, reading.end, self.lexicon, ctx.spans)
        if tense == FUTURE:
            # Quarters and halves are reported once over: "will report third-quarter
            # results" in October means the quarter just ended.
            return "near" if exact_dct and re.search(r":[QH]\d", reading.rule or "") else "next"
        if not exact_dct:
            return "last"
        if tense == PAST and not _in_dct_month(reading, ctx, dct_month):
            assert dct is not None
            return "next" if just_ahead(reading.rule, dct.earliest) else "last"
        return "near"

    @staticmethod
    def _anchor(reading: Reading, done: list[Timex]) -> tuple[str, Timex | None]:
        """The anchor name, and the timex it is when the reading hangs on another one."""
        if reading.rule is None:
            return ANCHOR_NONE, None
        if reading.anchor == ANCHOR_NONE:
            return ANCHOR_NONE, None
        if reading.anchor == ANCHOR_PREVIOUS:
            for previous in reversed(done):
                if (
                    previous.type in ("DATE", "TIME")
                    and previous.range is not None
                    and (previous.value not in _REF_VALUES)
                ):
                    return f"timex:{previous.id}", previous
            return ANCHOR_DCT, None
        if reading.anchor == ANCHOR_FOLLOWING:
            return ANCHOR_EVENT, None  # _bind_following may tie it to a date instead
        return ANCHOR_DCT, None


_MONTH_OF_POSITION = re.compile(r":--(\d\d)")
# A day or month a past-tense clause names is the last one, unless that is most of a year
# back and the next one only weeks ahead: "invited them to a ceremony on March 12",
# written in February, is next month's (news names a date a year back with its year).
_AHEAD_DAYS, _BACK_DAYS = 45, 300


def just_ahead(rule: str | None, dct: date) -> bool:
    """The next occurrence of a year-less day or month is at most _AHEAD_DAYS ahead of
    ``dct`` while the last one ended at least _BACK_DAYS before it."""
    if rule is None or not rule.startswith(f"{SEEK}:--"):
        return False
    position = rule.split()[0].split(":", 1)[1]
    ahead = resolve(f"after:{position}", dct)
    back = resolve(f"last:{position}", dct)
    return (ahead.earliest - dct).days <= _AHEAD_DAYS and (dct - back.latest).days >= _BACK_DAYS


def _in_dct_month(reading: Reading, ctx: Context, dct_month: int | None) -> bool:
    """True for a year-less date of the DCT's month, or a deadline ("by Jan. 14")."""
    if ctx.word_before(reading.start) in ctx.lexicon.deadline_words:
        return True
    match = _MONTH_OF_POSITION.search(reading.rule or "")
    return match is not None and int(match.group(1)) == dct_month


def build_timex(
    tid: str,
    reading: Reading,
    text: str,
    rule: str | None,
    anchor: str,
    anchor_range: DateRange | None,
) -> Timex:
    """The Timex of a reading whose rule and anchor are settled."""
    span = TextSpan(reading.start, reading.end, text[reading.start : reading.end])
    value_range = _resolve(rule, anchor, anchor_range)
    return Timex(
        id=tid,
        span=span,
        type=reading.type,
        value=_value(reading, rule, value_range),
        range=value_range,
        precision=reading.precision,
        mod=reading.mod,
        anchor=anchor,
        rule=rule,
        quant=reading.quant,
        freq=reading.freq,
    )


def _resolve(rule: str | None, anchor: str, anchor_range: DateRange | None) -> DateRange | None:
    if rule is None:
        return None
    if anchor == ANCHOR_NONE:
        return resolve(rule, _ANY_DAY)
    if anchor_range is None:
        return None
    return resolve_range(rule, anchor_range)


def _value(reading: Reading, rule: str | None, value_range: DateRange | None) -> str:
    if reading.value is not None:
        return reading.value
    if reading.precision is None:
        return "XXXX"
    if value_range is None:
        value = underspecified_value(rule, reading.precision)
    elif reading.whole_range:
        value = timex_value(value_range, reading.precision)
    else:
        value = timex_value(value_range, reading.precision, rule)
    return f"{value}T{reading.time}" if reading.time else value


def _bind_following(timexes: list[Timex], readings: list[Reading], text: str) -> list[Timex]:
    """Tie "two weeks after May 20" to the date that follows; the rest stay event-anchored."""
    out = list(timexes)
    for i, reading in enumerate(readings):
        if reading.anchor != ANCHOR_FOLLOWING or reading.rule is None or i + 1 >= len(out):
            continue
        following = out[i + 1]
        gap = text[reading.end : following.span.start].split()
        if len(gap) > 2 or following.type not in ("DATE", "TIME") or following.range is None:
            continue
        out[i] = build_timex(
            out[i].id, reading, text, reading.rule, f"timex:{following.id}", following.range
        )
    return out


def value_after_reresolution(timex: Timex, rule: str, value_range: DateRange | None) -> str:
    """The value a re-resolved timex gets: fixed values stay, dates follow the new range."""
    if timex.value in _REF_VALUES or timex.type in ("DURATION", "SET"):
        return timex.value
    time = timex.value.split("T", 1)[1] if "T" in timex.value else None
    if value_range is None:
        value = underspecified_value(rule, timex.precision)
    else:
        value = timex_value(value_range, timex.precision or Precision.UNKNOWN, rule)
    return f"{value}T{time}" if time else value
