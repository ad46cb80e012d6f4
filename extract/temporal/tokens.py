"""Token information the tagger can use: a light, spaCy-free view of a parsed text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple


class TokenInfo(NamedTuple):
    """One token: character offsets, fine and coarse tags, lemma, dependency, head index."""

    start: int
    end: int
    tag: str
    pos: str
    lemma: str
    dep: str
    head: int


def tokens_from_doc(doc: Any) -> list[TokenInfo]:
    """The TokenInfo view of a spaCy ``Doc`` (duck-typed: spaCy is not imported here)."""
    return [
        TokenInfo(t.idx, t.idx + len(t.text), t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i)
        for t in doc
    ]


class TokenIndex:
    """Finds the tokens under a character span."""

    def __init__(self, tokens: Sequence[TokenInfo]) -> None:
        self.tokens = tokens
        self._starts = [t.start for t in tokens]

    def at(self, char: int) -> int | None:
        """Index of the token covering ``char`` (or starting right after it)."""
        i = bisect_right(self._starts, char) - 1
        if i < 0:
            return 0 if self.tokens else None
        return i

    def span(self, start: int, end: int) -> range:
        first = self.at(start)
        last = self.at(max(start, end - 1))
        if first is None or last is None:
            return range(0)
        return range(first, last + 1)
