"""The sum of money an event is about: "paid a $1 billion penalty", "fined £5m",
"deposited 400 million dollars in escrow".

Reads: a trigger's parse and the lexicon's money words (event_types.yaml: ``amounts``).
Adds: an ``Amount`` (value, ISO 4217 currency, where the text gives it), for the types
whose sum tells their events apart (``amounts: true``). The sum is looked for in the
trigger's own phrase and its arguments, never in a clause of its own ("after it paid $1
billion, Corvex was fined again"); the first sum in text order wins.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from extract.events.lexicon import MoneyWords
from extract.records import Amount, TextSpan

# Dependents that open a clause or a coordinated phrase of their own: a sum there is not
# this event's.
_OWN_CLAUSES = frozenset(
    {"relcl", "advcl", "ccomp", "xcomp", "acl", "conj", "cc", "parataxis", "csubj", "mark"}
)
# Dependents of a verb trigger that hold what it acts on.
_ARGUMENTS = frozenset({"dobj", "obj", "nsubjpass", "attr", "prep", "dative", "npadvmod"})
_NUMBER = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"


def amount_of(head: Token, words: MoneyWords) -> Amount | None:
    """The first sum of money in the phrase of a trigger ``head`` and its arguments."""
    doc = head.doc
    tokens = sorted(_phrase(head), key=lambda t: t.i)
    if not tokens:
        return None
    pattern = _pattern(tuple(sorted(words.currencies)), tuple(sorted(words.scales)))
    for start, end in _runs(tokens):
        text = doc.text[doc[start].idx : doc[end].idx + len(doc[end])]
        for match in pattern.finditer(text):
            found = _read(match, words)
            if found is not None:
                value, currency = found
                offset = doc[start].idx
                span = TextSpan(offset + match.start(), offset + match.end(), match.group(0))
                return Amount(value, currency, span)
    return None


def _phrase(head: Token) -> set[Token]:
    """The trigger, its arguments' subtrees, and for a trigger that modifies a noun ("a $1
    billion penalty that Corvex paid") that noun's own phrase."""
    found: set[Token] = {head}
    for child in head.children:
        if child.dep_ in _OWN_CLAUSES:
            continue
        if head.pos_ in ("VERB", "AUX") and child.dep_ not in _ARGUMENTS:
            continue
        found.update(_within_clause(child))
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
        found.add(noun)
        for child in noun.children:
            if child.i != head.i and child.dep_ not in _OWN_CLAUSES:
                found.update(_within_clause(child))
    return found


def _within_clause(token: Token) -> set[Token]:
    found = {token}
    for child in token.children:
        if child.dep_ not in _OWN_CLAUSES:
            found.update(_within_clause(child))
    return found


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Consecutive token indices as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for token in tokens:
        if runs and token.i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], token.i)
        else:
            runs.append((token.i, token.i))
    return runs


@cache
def _pattern(currencies: tuple[str, ...], scales: tuple[str, ...]) -> re.Pattern[str]:
    def alternatives(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    signs = tuple(c for c in currencies if not c.isalpha())
    names = tuple(c for c in currencies if c.isalpha())
    scale = rf"(?:\s?(?P<scale>{alternatives(scales)})\b)?" if scales else ""
    parts = []
    if signs:
        parts.append(rf"(?P<sign>{alternatives(signs)})\s?{_NUMBER}{scale}")
    if names:
        after_scale = scale.replace("scale", "scale2")
        number = _NUMBER.replace("num", "num2")
        parts.append(rf"\b{number}{after_scale}\s(?P<name>{alternatives(names)})\b")
    return re.compile("|".join(parts), re.IGNORECASE)


def _read(match: re.Match[str], words: MoneyWords) -> tuple[float, str] | None:
    groups = match.groupdict()
    currency_word = groups.get("sign") or groups.get("name")
    number = groups.get("num") or groups.get("num2")
    if currency_word is None or number is None:
        return None
    scale_word = groups.get("scale") or groups.get("scale2")
    value = float(number.replace(",", ""))
    if scale_word:
        value *= words.scales[scale_word.lower()]
    return value, words.currencies[currency_word.lower()]


__all__ = ["amount_of"]
