"""The tense of the clause around a time expression, read from its words alone.

Used by the tagger when it has no parse (``extract.temporal.tense.tense_from_tokens`` is
used when it has one) to pick the direction of a year-less date or a bare weekday. The
cue words come from the lexicon (``future_cues``, ``past_cues``, the regular ``-ed``
suffix); this module decides which cue governs the expression:

- cues inside another time expression say nothing of the clause ("last" in "last
  Thursday", "ago");
- a past form ("revised", "made") is a verb in the past only when it heads its verb
  group: after a determiner it is an adjective ("a revised rule", "a still unspecified
  date"), after a form of "be" a passive participle whose tense is its auxiliary's
  ("will be completed", "to be held", "was extended");
- the nearest cue before the expression governs it (English puts the verb before its
  adverbials); only when there is none before does the nearest cue after it ("On
  Friday, the board will vote").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.temporal.lexicon import Lexicon
from extract.temporal.tense import FUTURE, PAST, sentence_bounds, tense_from_tokens
from extract.temporal.tokens import TokenIndex, TokenInfo

_WORD = re.compile(r"[\w'’]+")


def _words_before(text: str, pos: int, count: int, floor: int = 0) -> list[str]:
    """Up to ``count`` words before ``pos`` (lower case, nearest first)."""
    window = text[max(floor, pos - 12 * count) : pos]
    return [w.lower() for w in reversed(_WORD.findall(window))][:count]


def _heads_verb_group(text: str, start: int, lo: int, lexicon: Lexicon) -> bool:
    """The past form at ``start`` heads a past verb group: it is not an adjective after a
    determiner ("a revised rule"), nor a participle after "be" ("will be made"); adverbs
    between are skipped."""
    for word in _words_before(text, start, 3, lo):
        if word in lexicon.adverbs:
            continue
        return word not in lexicon.attributive_words and word not in lexicon.be_words
    return True


def clause_tense(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    skip: Sequence[tuple[int, int]] = (),
) -> str | None:
    """``past``, ``future`` or None (no cue) for the expression at [start, end).

    ``skip`` holds the spans of the other time expressions of the text: their words are
    not cues of the clause.
    """
    lo, hi = sentence_bounds(text, start, end)
    inside = [(s, e) for s, e in skip if s < hi and e > lo] + [(start, end)]
    before: tuple[int, str] | None = None
    after: tuple[int, str] | None = None
    for cues, tense in ((lexicon.future_cues, FUTURE), (lexicon.past_cues, PAST)):
        for match in cues.finditer(text, lo, hi):
            a, b = match.start(), match.end()
            if any(s <= a < e for s, e in inside):
                continue
            if tense == PAST and not _heads_verb_group(text, a, lo, lexicon):
                continue
            if b <= start:
                if before is None or b > before[0]:
                    before = (b, tense)
            elif after is None or a < after[0]:
                after = (a, tense)
    if before is not None:
        return before[1]
    return after[1] if after is not None else None


def moves_forward(text: str, start: int, lexicon: Lexicon) -> bool:
    """True for a date a postponement points to: "delayed until Friday", "extended its
    offer to Nov. 6", "put off the vote until March": it lies ahead of the report whatever
    the tense of its verb."""
    lo, _ = sentence_bounds(text, start, start)
    words = _words_before(text, start, 12, lo)
    preposition = words[1:2] if words[:1] == ["the"] else words[:1]
    if not preposition or preposition[0] not in lexicon.forward_prepositions:
        return False
    phrase = " " + " ".join(reversed(words)) + " "
    return any(f" {verb} " in phrase for verb in lexicon.forward_verbs)


def tenses_of(
    text: str,
    spans: Sequence[tuple[str, int, int]],
    lexicon: Lexicon,
    tokens: Sequence[TokenInfo] | None = None,
) -> dict[str, str | None]:
    """The tense around each (id, start, end) span: the governing verb when there are
    tokens, else the cue words of its clause (the other spans' words are no cues)."""
    index = TokenIndex(tokens) if tokens else None
    others = [(start, end) for _, start, end in spans]
    tenses: dict[str, str | None] = {}
    for key, start, end in spans:
        tense = None
        if tokens and index is not None:
            tense = tense_from_tokens(tokens, index, start)
        tenses[key] = tense or clause_tense(text, start, end, lexicon, others)
    return tenses


__all__ = ["clause_tense", "moves_forward", "tenses_of"]
