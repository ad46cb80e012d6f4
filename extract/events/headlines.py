"""Step 0 of the events component: title-case headlines, parsed again in sentence case.

Reads: the document (its sentence starts and word shapes), the entity mentions and time
expressions on it. Adds: the headline spans (title-case lines with a word that may be a
trigger: the statistical tagger reads most of their words as proper nouns) and, through
the component's own extraction run on one sentence-cased text holding them all, their
events with offsets mapped back to the document.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

import numpy
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.events.syntax import ARTICLE_BELOW
from extract.records import EventMention, TextSpan, Timex
from extract.words import mixed_case

# The pipes a headline is parsed with again (no NER, none of the project's components).
_BASE_PARSE = (
    "transformer",
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ptkg_attachments",
)

Extract = Callable[[Doc, list[Timex]], tuple[list[EventMention], list[Timex]]]

# Longer than this many words, a line of capitalised words is a sentence of names
# ("... settled with the U.S. Department of Justice, the Treasury's Office of Foreign
# Assets Control and ..."), not a headline.
HEADLINE_MAX_WORDS = 25


class Headlines:
    def __init__(
        self, nlp: Language, trigger_forms: Collection[str], small_words: Collection[str]
    ) -> None:
        self.nlp = nlp
        self.trigger_forms = trigger_forms
        self.small_words = small_words

    def find(self, doc: Doc) -> list[Span]:
        """Title-case lines ("U.S. Lifts Curbs on Corvex's Top AI Models") with a word
        that may be a trigger."""
        if len(doc) == 0:
            return []
        strings = doc.vocab.strings
        small = [strings[w] for w in self.small_words if w in strings]
        table = doc.to_array([SENT_START, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER]).astype("int64")
        starts = numpy.nonzero(table[:, 0] == 1)[0]
        if len(starts) == 0 or starts[0] != 0:
            starts = numpy.concatenate([[0], starts])
        word = (table[:, 1] == 1) & ~numpy.isin(table[:, 4].astype("uint64"), small)
        capital = word & ((table[:, 2] == 1) | (table[:, 3] == 1))
        words = numpy.add.reduceat(word.astype("int64"), starts)
        lengths = numpy.add.reduceat(table[:, 1], starts)  # every word, small ones too
        capitals = numpy.add.reduceat(capital.astype("int64"), starts)
        ends = [*starts[1:].tolist(), len(doc)]
        out = []
        for start, end, n_words, n_capitals, length in zip(
            starts.tolist(), ends, words, capitals, lengths, strict=True
        ):
            if n_words < 3 or length > HEADLINE_MAX_WORDS or n_capitals / n_words < 0.7:
                continue  # a sentence full of names is no headline for being long
            span = doc[start:end]
            while len(span) > 1 and span[-1].is_space:
                span = doc[span.start : span.end - 1]
            if span[-1].text in (".", "?", "!", '"', "”"):
                continue
            # only headlines with a word that may be a trigger are parsed again
            if any(t.lower_ in self.trigger_forms for t in span):
                out.append(span)
        return out

    def events(
        self, doc: Doc, headlines: list[Span], timexes: list[Timex], extract: Extract
    ) -> list[EventMention]:
        """Events of the headlines, read from one sentence-cased text that holds them all (one
        parse, one extraction), with offsets mapped back to the document; each the
        document's news (``EventMention.news``) unless another of its headline's acts acts
        on it, or the headline heads a section below the body's start."""
        pieces: list[str] = []
        blocks: list[tuple[int, int, int]] = []  # (start in the joined text, end, document offset)
        position = 0
        for span in headlines:
            text = _sentence_case(doc, span).rstrip()
            blocks.append((position, position + len(text), span.start_char))
            pieces.append(text + "\n\n")
            position += len(text) + 2
        sub = self.nlp.make_doc("".join(pieces))
        for token in sub:  # each headline is a sentence of its own
            token.is_sent_start = token.i == 0 or sub[token.i - 1].is_space
        sub = self._parse(sub)

        def local(start: int, end: int) -> int | None:
            for begin, finish, offset in blocks:
                if offset <= start and end <= offset + (finish - begin):
                    return begin - offset
            return None

        mentions = []
        for mention in doc._.entities or []:
            shift = local(mention.span.start, mention.span.end)
            if shift is not None:
                moved_span = TextSpan(
                    mention.span.start + shift, mention.span.end + shift, mention.span.text
                )
                mentions.append(replace(mention, span=moved_span))
        sub._.entities = mentions
        sub.user_data[ARTICLE_BELOW] = [
            m for m in doc._.entities or [] if local(m.span.start, m.span.end) is None
        ]
        moved = []
        for timex in timexes:
            shift = local(timex.span.start, timex.span.end)
            if shift is not None:
                timex_span = TextSpan(
                    timex.span.start + shift, timex.span.end + shift, timex.span.text
                )
                moved.append(replace(timex, span=timex_span))
        events, _ = extract(sub, moved)
        heads: dict[str, Token] = {}
        for event in events:
            found = sub.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if found is not None:
                heads[event.id] = found.root
        acts = {token.i for token in heads.values()}
        body = _body_start(doc, headlines)
        text = doc.text
        out = []
        for event in events:
            block = next(b for b in blocks if b[0] <= event.trigger.start < b[1])
            head = heads.get(event.id)
            # "U.S. Lifts Curbs on Corvex": the curbs are what the news acts on, no news
            acted_on = head is not None and (
                (
                    head.dep_ in ("dobj", "pobj")
                    and (head.head.i in acts or head.head.head.i in acts)
                )
                # "lifts curbs" parsed as a modifier of its object
                or any(c.i in acts and c.dep_ in ("compound", "amod") for c in head.lefts)
            )
            shifted = _shift(event, block[2] - block[0], text)
            # a heading below the body's first sentence ("Background on the Ban") titles a
            # section of the article, not its news
            section = body is not None and block[2] > body
            out.append(replace(shifted, news=not acted_on and not section))
        return out

    def _parse(self, sub: Doc) -> Doc:
        """Tag and parse a text with the base pipeline (no NER, none of the project's
        components)."""
        for name, proc in self.nlp.pipeline:
            if name in _BASE_PARSE:
                sub = proc(sub)
        return sub


def _body_start(doc: Doc, headlines: list[Span]) -> int | None:
    """Where the body begins: the first sentence outside the headlines that reads as prose
    (enough words, most not capitalised), as a character offset."""
    taken = {i for span in headlines for i in range(span.start, span.end)}
    for sentence in doc.sents:
        if any(t.i in taken for t in sentence):
            continue
        words = [t for t in sentence if t.is_alpha]
        lower = sum(t.is_lower for t in words)
        if len(words) >= BODY_MIN_WORDS and lower >= BODY_MIN_LOWER * len(words):
            return sentence.start_char
    return None


# A sentence of this many words at least, this share of them in lower case, is prose, not
# a heading.
BODY_MIN_WORDS = 8
BODY_MIN_LOWER = 0.4


def _sentence_case(doc: Doc, span: Span) -> str:
    """The headline with ordinary words in lower case (names, acronyms kept): same length,
    so every offset still holds."""
    named = {i for e in doc.spans.get("entities", ()) for i in range(e.start, e.end)}
    words = []
    for token in span:
        keep = token.i == span.start or token.i in named or token.is_upper or mixed_case(token.text)
        words.append((token.text if keep else token.lower_) + token.whitespace_)
    return "".join(words)


def _shift_span(span: TextSpan | None, offset: int, text: str) -> TextSpan | None:
    if span is None:
        return None
    start, end = span.start + offset, span.end + offset
    return TextSpan(start, end, text[start:end])


def _shift(event: EventMention, offset: int, text: str) -> EventMention:
    """An event of a re-parsed headline, with offsets (and original casing) of the document."""
    trigger = _shift_span(event.trigger, offset, text)
    sentence = _shift_span(event.sentence, offset, text)
    assert trigger is not None and sentence is not None
    attribution = event.attribution
    if attribution is not None:
        cue = _shift_span(attribution.cue, offset, text)
        assert cue is not None
        attribution = replace(attribution, cue=cue)
    return replace(
        event,
        id=f"h:{event.id}",  # ids (and relation targets) of the headline pass
        trigger=trigger,
        sentence=sentence,
        scope=tuple(replace(s, span=_shift_span(s.span, offset, text)) for s in event.scope),
        relations=tuple(replace(r, cue=_shift_span(r.cue, offset, text)) for r in event.relations),
        attribution=attribution,
    )


__all__ = ["Headlines"]
