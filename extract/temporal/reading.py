"""What an interpreter of a pattern match gives, what it reads, and the helpers they share.

Reads: a match of one of the lexicon's patterns, in its ``Context`` (the text, the lexicon,
the tokens when a parse is at hand, the expressions found so far). Gives: the ``Reading``
type every interpreter returns (TIMEX3 type, resolution rule, precision, mod, anchor), the
anchors a reading can ask for, and what the interpreters share: a match's named groups
(``group``), its part of a period ("early", "the end of": ``part_of``, ``with_part``), its
deictic word ("last", "next": ``deictic_offset``, ``seek_of``).

A rule may hold the placeholder ``{seek}``: the tagger replaces it by ``last``, ``next`` or
``near`` once it knows the tense of the clause (extract/temporal/tense.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.records import Precision
from extract.temporal.lexicon import Lexicon
from extract.temporal.tokens import TokenIndex, TokenInfo

SEEK = "{seek}"

# Anchors a reading can ask for; the tagger turns "previous" and "following" into
# "timex:<id>" (or "dct"), and leaves "event" for the event layer.
ANCHOR_NONE, ANCHOR_DCT, ANCHOR_EVENT = "none", "dct", "event"
ANCHOR_PREVIOUS, ANCHOR_FOLLOWING = "previous", "following"

_WORD_BEFORE = re.compile(r"([\w'’-]+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([\w'’%-]+)")


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


def group(match: re.Match[str], name: str) -> str | None:
    """The text of a named group; None when it matched nothing or the pattern has none."""
    try:
        return match.group(name)
    except IndexError:
        return None


def part_of(match: re.Match[str], ctx: Context) -> tuple[str, str] | None:
    """The rule operator and TIMEX3 mod of the match's part of a period ("early": early,
    START); None when it has none."""
    part = group(match, "part")
    if not part:
        return None
    return ctx.lexicon.parts.get(" ".join(part.lower().split()).rstrip("-"))


def with_part(rule: str, part: tuple[str, str] | None) -> str:
    """``rule`` narrowed by the operator of ``part`` ("early June": ``--06 early``)."""
    return f"{rule} {part[0]}" if part else rule


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def deictic_offset(match: re.Match[str], ctx: Context) -> int | None:
    """The step of the match's deictic word ("last" -1, "this" 0, "next" 1); None when
    it has none, or the lexicon gives its word no step."""
    word = group(match, "deictic")
    return ctx.lexicon.deictic.get(" ".join(word.lower().split())) if word else None


def seek_of(offset: int | None) -> str:
    """The seek direction of a year-less position after a deictic step: "last May" looks
    before the anchor, "next May" after it; otherwise the clause's tense decides
    (``{seek}``)."""
    return {-1: "before", 1: "after"}.get(offset or 0, SEEK)
