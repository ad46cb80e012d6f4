"""The tense of the clause a time expression stands in: past, present or future.

Year-less dates and bare weekdays are resolved backwards from the document date in the
past tense (news reports what happened) and forwards in the future tense. With token
information the governing verb decides (here); without it, the cue words of the clause do
(``extract.temporal.clause``, which also gives ``tenses_of``, both readings together).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.temporal.lexicon import Lexicon
from extract.temporal.tokens import TokenIndex, TokenInfo

PAST, PRESENT, FUTURE = "past", "present", "future"
# "would have ended in 2020": a counterfactual, neither what happened nor what will.
MODAL = "modal"
_MODAL_LEMMAS = frozenset({"would", "could", "might", "should", "may", "must"})
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"'“‘(\[]?[A-Z])|\n")
_FUTURE_LEMMAS = frozenset({"will", "shall", "'ll", "wo"})
# Verbs whose infinitive complement lies ahead ("is expected to launch", "is to be lifted").
_PLAN_LEMMAS = frozenset(
    {"expect", "plan", "schedule", "intend", "set", "due", "aim", "hope", "be"}
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence around [start, end), by punctuation and newlines."""
    lo = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        lo = boundary.end()
    after = _SENTENCE_END.search(text, end)
    return lo, after.start() if after else len(text)


def tense_from_tokens(tokens: Sequence[TokenInfo], index: TokenIndex, start: int) -> str | None:
    """The tense of the verb that governs the token at ``start``."""
    i = index.at(start)
    if i is None:
        return None
    verb = _governing_verb(tokens, i)
    if verb is None:
        return None
    for _ in range(3):  # "is expected to launch Friday": climb from the infinitive
        tense, infinitive = _verb_tense(tokens, verb)
        if not infinitive:
            return tense
        head = tokens[verb].head
        if head == verb or tokens[head].pos not in ("VERB", "AUX", "ADJ"):
            return tense
        if tokens[head].lemma.lower() in _PLAN_LEMMAS:
            return FUTURE
        verb = head
    return None


def _governing_verb(tokens: Sequence[TokenInfo], i: int) -> int | None:
    seen = set()
    while i not in seen:
        seen.add(i)
        if tokens[i].pos in ("VERB", "AUX"):
            return i
        head = tokens[i].head
        if head == i:
            return None
        i = head
    return None


def _verb_tense(tokens: Sequence[TokenInfo], verb: int) -> tuple[str | None, bool]:
    """(tense, is a bare infinitive) of ``verb`` from its own tag and its auxiliaries."""
    auxes = [
        t for t in tokens[max(0, verb - 6) : verb] if t.head == verb and t.dep in ("aux", "auxpass")
    ]
    lemmas = {t.lemma.lower() for t in auxes}
    if "have" in lemmas and lemmas & _MODAL_LEMMAS:
        return MODAL, False
    if lemmas & _FUTURE_LEMMAS:
        return FUTURE, False
    tags = {t.tag for t in auxes} | {tokens[verb].tag}
    if "VBD" in tags:
        return PAST, False
    if "have" in lemmas and tokens[verb].tag == "VBN":
        return PAST, False
    if "to" in lemmas and (tokens[verb].tag == "VB" or any(t.tag == "VB" for t in auxes)):
        return None, True  # "to launch", "to be reached": the governing verb says when
    if tags & {"VBZ", "VBP"}:
        return PRESENT, False
    if tokens[verb].tag == "VBN" and not auxes:
        return PAST, False
    return None, False


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


END, START = "end", "start"


def period_signals(
    text: str, spans: Sequence[tuple[str, int, int]], lexicon: Lexicon
) -> dict[str, str]:
    """Expressions that end or start a period, by id: "end" after the lexicon's
    ``deadline_words`` ("until June", "through 2027"), "start" after its ``onset_words``
    ("as of May 1", "effective January 19")."""
    found: dict[str, str] = {}
    previous: tuple[str, int] | None = None  # the expression before and where it ends
    for key, start, end in sorted(spans, key=lambda s: s[1]):
        before = text[max(0, start - 30) : start].lower().rstrip()
        match = _WORD_BEFORE.search(before)
        if match is not None and match.group(1) in lexicon.deadline_words:
            found[key] = END
        elif _ends_with(before, lexicon.onset_words):
            found[key] = START
        elif (
            previous is not None
            and previous[0] in found
            and _ends_with(before, lexicon.alternative_words)
            and len(text[previous[1] : start].split()) <= _ALTERNATIVE_WORDS
        ):
            found[key] = found[previous[0]]  # "until September 30, instead of June 30"
        previous = key, end
    return found


# At most this many words between a date and its alternative (", instead of").
_ALTERNATIVE_WORDS = 3


def _ends_with(before: str, phrases: Sequence[str]) -> bool:
    """Whether the text before a date ends with one of the phrases, as whole words."""
    return any(
        before.endswith(phrase) and not before[: -len(phrase)][-1:].isalnum() for phrase in phrases
    )


def deadlines_of(
    text: str, spans: Sequence[tuple[str, int, int]], lexicon: Lexicon
) -> frozenset[str]:
    """Ids of the expressions that end or start a period (``period_signals``)."""
    return frozenset(period_signals(text, spans, lexicon))
