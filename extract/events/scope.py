"""Scopes and counts: who a restriction or a lifting applies to ("more than 100 companies").

Reads: the populations of extract/data/scopes.yaml (compiled once into one Matcher), count
qualifiers and number words. Adds: ``ScopeMatch`` items per document -- a population, its
token span and the count the text gives -- that the event layer attaches to the event whose
trigger syntactically governs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LIKE_NUM, LOWER
from spacy.matcher import Matcher
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from extract.events.lexicon import EventLexicon
from extract.records import Count, Scope, TextSpan
from extract.spacy_extensions import add_patterns


@dataclass(frozen=True)
class ScopeMatch:
    population: str
    span: Span
    count: Count | None

    @property
    def head(self) -> Token:
        return self.span.root

    def record(self, text: str) -> Scope:
        """The record; ``text`` is the document's text (Doc.text is rebuilt on each call)."""
        start, end = self.span.start_char, self.span.end_char
        span = TextSpan(start, end, text[start:end])
        return Scope(self.population, span, self.count)


class ScopeFinder:
    def __init__(self, vocab: Vocab, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(vocab)
        self.rank: dict[str, int] = {}
        for number, population in enumerate(lexicon.populations):
            self.rank[population.id] = number
            if not population.patterns:
                continue
            add_patterns(
                self.matcher,
                population.id,
                [list(p) for p in population.patterns],
                "scopes.yaml",
                f"population {population.id!r}",
            )
        self.qualifiers = sorted(lexicon.count_qualifiers, key=lambda q: -len(q.split()))
        # The words a scope can start with: sentences without one are not searched.
        first_words: set[str] = set()
        self.any_first = False  # a pattern may start with any word (or any number)
        for population in lexicon.populations:
            for pattern in population.patterns:
                first_words |= _first_words(pattern) or set()
                self.any_first |= _first_words(pattern) is None
        self.first_ids = numpy.array(sorted(hash_string(w) for w in first_words), dtype="uint64")

    def find(self, doc: Doc, sentences: Sequence[Span] | None = None) -> list[ScopeMatch]:
        """Scopes in the given sentences (all of the document by default)."""
        strings = doc.vocab.strings
        spans = []
        for block in self._blocks(doc, sentences):
            for match_id, start, end in self.matcher(block):  # offsets within the block
                spans.append(
                    Span(doc, block.start + start, block.start + end, label=strings[match_id])
                )
        # longest match wins; on equal length, the population listed first in the file
        spans.sort(key=lambda s: (-(s.end - s.start), self.rank.get(s.label_, 99), s.start))
        chosen = [
            s
            for s in filter_spans(spans)
            if not (s[0].like_num and self.number(s[0]) is None)  # "Fortune 500 firms"
        ]
        return [
            ScopeMatch(s.label_, s, self.count(doc, s))
            for s in sorted(chosen, key=lambda s: s.start)
        ]

    def _blocks(self, doc: Doc, sentences: Sequence[Span] | None) -> list[Span]:
        """Runs of consecutive sentences worth searching: asked for, and holding a word a
        scope starts with (one matcher call per run, not per sentence)."""
        chosen = list(sentences) if sentences is not None else list(doc.sents)
        if not chosen:
            return []
        if not self.any_first:
            table = doc.to_array([LOWER, LEMMA, LIKE_NUM]).astype("uint64")
            hit = numpy.isin(table[:, :2], self.first_ids).any(axis=1)
            positions = numpy.nonzero(hit)[0]
            chosen = [
                s
                for s in chosen
                if numpy.searchsorted(positions, s.start) < len(positions)
                and positions[numpy.searchsorted(positions, s.start)] < s.end
            ]
        blocks: list[Span] = []
        for sentence in sorted(chosen, key=lambda s: s.start):
            if blocks and blocks[-1].end == sentence.start:
                blocks[-1] = doc[blocks[-1].start : sentence.end]
            else:
                blocks.append(sentence)
        return blocks

    def count(self, doc: Doc, span: Span) -> Count | None:
        """The number in or just before a scope, with its qualifier ("more than 100")."""
        for token in doc[max(span.start - 3, 0) : span.end]:
            value = self.number(token)
            if value is None:
                continue
            qualifier = "exact"
            start = token.i
            for phrase in self.qualifiers:
                words = phrase.split()
                before = doc[max(token.i - len(words), 0) : token.i]
                if [t.lower_ for t in before] == words:
                    qualifier = self.lexicon.count_qualifiers[phrase]
                    start = before.start
                    break
            return Count(value, qualifier, doc[start : token.i + 1].text)
        return None

    def number(self, token: Token) -> int | None:
        text = token.text.replace(",", "")
        if text.isdigit():
            previous = token.nbor(-1) if token.i > 0 else None
            if token.ent_type_ in ("DATE", "ORDINAL", "TIME"):
                return None
            if previous is not None and previous.is_title and previous.pos_ == "PROPN":
                return None  # a number in a name ("Section 232", "Gemini 2")
            return int(text)
        return self.lexicon.number_words.get(token.lower_) if token.like_num else None


def _first_words(pattern: Sequence[dict[str, Any]]) -> set[str] | None:
    """Words one obligatory token of a pattern must be (lower case): a sentence without any
    of them cannot match it. None when every obligatory token may be any word."""
    for spec in pattern:
        optional = spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0")
        if optional:
            continue
        words: set[str] = set()
        for key in ("LOWER", "LEMMA", "ORTH", "TEXT"):
            value = spec.get(key)
            if isinstance(value, str):
                words.add(value.lower())
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                words |= {str(v).lower() for v in value["IN"]}
        if words:
            return words
    return None


def limited_modifier(token: Token, lexicon: EventLexicon) -> Token | None:
    """An adjective that makes a release or a group limited ("a staggered release")."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in lexicon.limiting_modifiers:
            return child
    return None
