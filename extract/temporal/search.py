"""Searching a text for the lexicon's patterns, only near the words each pattern needs.

Reads: a text, and the compiled patterns of the lexicon (extract/temporal/lexicon.py) with
their ``needs``. Gives: a ``WordIndex`` of where each word of the text is, whose
``matches`` yields what a pattern's regex finds over the whole text while running it only
in the windows where a match can start: what keeps the tagger fast on long texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.temporal.lexicon import CompiledPattern

_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# A match starts at most this many characters before the first word it needs ("about
# the past several" before "weeks") and is shorter than _LONGEST (on TempEval-3 at most
# 23 and 34): searching a window of the text from there finds what searching the whole
# text would.
_LEAD = 80
_LONGEST = 120


class WordIndex:
    """Where each word of a text is, to search a pattern with ``needs`` only around them.

    ``matches(pattern)`` yields what ``pattern.regex`` finds searching the whole text left
    to right (each search from the end of the last match, or from ``retry_after``), but
    runs the regex only in the windows where a match can start: at most ``_LEAD``
    characters before one of the words the pattern needs.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: dict[str, list[int]] = {}
        for token in _TOKEN.finditer(text):
            word = token.group()
            key = "#digit" if word[0].isdigit() else word.lower()
            self.positions.setdefault(key, []).append(token.start())
            if key[-1] == "s" and len(key) > 3:  # "Mondays" needs "monday"
                self.positions.setdefault(key[:-1], []).append(token.start())
        self._pos = 0
        self._cache: dict[tuple[frozenset[str], bool], list[tuple[int, int]]] = {}

    def _windows(self, pattern: CompiledPattern) -> list[tuple[int, int]]:
        """Merged [first, last] start positions a match of ``pattern`` may have."""
        if pattern.needs is None:
            return [(0, len(self.text))]
        key = (pattern.needs, pattern.digit)
        if key not in self._cache:
            self._cache[key] = self._windows_of(pattern)
        return self._cache[key]

    def _windows_of(self, pattern: CompiledPattern) -> list[tuple[int, int]]:
        assert pattern.needs is not None
        starts: list[int] = []
        for word in pattern.needs:
            starts.extend(self.positions.get(word, ()))
        if pattern.digit:
            starts.extend(self.positions.get("#digit", ()))
        windows: list[tuple[int, int]] = []
        for start in sorted(starts):
            lo = max(0, start - _LEAD)
            if windows and lo <= windows[-1][1] + 1:
                windows[-1] = (windows[-1][0], start)
            else:
                windows.append((lo, start))
        return windows

    def matches(self, pattern: CompiledPattern) -> Iterator[re.Match[str]]:
        search, size = pattern.regex.search, len(self.text)
        self._pos = 0
        for lo, hi in self._windows(pattern):
            while True:
                start = max(self._pos, lo)
                if start > hi:
                    break
                match = search(self.text, start, min(size, hi + _LONGEST))
                if match is None or match.start() > hi:
                    break
                self._pos = match.end() if match.end() > match.start() else match.start() + 1
                if match.end() > match.start():
                    yield match

    def retry_after(self, start: int) -> None:
        """Search again from just after ``start`` (the last match was rejected)."""
        self._pos = start + 1
