"""A builder of extraction records, for testing the graph layer without the NLP.

The records it builds are what the extraction layer produces for short texts; time
expressions are tagged by the real temporal tagger so their rules are the real ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from extract.records import (
    Amount,
    Count,
    DateRange,
    Document,
    DocumentDate,
    DocumentRecords,
    EntityMention,
    EventMention,
    EventRelation,
    Scope,
    TextSpan,
    Timex,
)
from extract.temporal import TimexTagger

PRIOR = DateRange(date(2025, 11, 23), date(2026, 11, 22))


@dataclass
class DocBuilder:
    """Writes a document sentence by sentence, recording mentions at their offsets."""

    doc_id: str
    tagger: TimexTagger
    dct: DateRange = PRIOR
    inferred: bool = True
    anchored: bool = True  # False: no date of the text gives a year
    moved_from: DateRange | None = None  # the prior before following the text's dated past
    text: str = ""
    sentences: list[TextSpan] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)

    def sentence(self, text: str) -> TextSpan:
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += text
        span = TextSpan(start, len(self.text), text)
        self.sentences.append(span)
        return span

    def entity(self, sentence: TextSpan, words: str, name: str, type_: str, **kw: Any) -> str:
        start = self.text.index(words, sentence.start)
        mention_id = f"e{len(self.entities) + 1}"
        self.entities.append(
            EntityMention(
                mention_id,
                TextSpan(start, start + len(words), words),
                type_,
                name,
                "gazetteer",
                **kw,
            )
        )
        return mention_id

    def timex(self, sentence: TextSpan, words: str) -> str:
        start = self.text.index(words, sentence.start)
        found = [t for t in self.tagger.tag(self.text, self.dct) if t.span.start == start]
        assert found, f"the tagger finds no time expression at {words!r}"
        timex = found[0]
        timex_id = f"t{len(self.timexes) + 1}"
        self.timexes.append(
            Timex(
                timex_id,
                timex.span,
                timex.type,
                timex.value,
                timex.range,
                timex.precision,
                timex.mod,
                timex.anchor,
                timex.rule,
            )
        )
        return timex_id

    def event(
        self,
        sentence: TextSpan,
        trigger: str,
        type_: str,
        *,
        agents: tuple[str, ...] = (),
        affected: tuple[str, ...] = (),
        models: tuple[str, ...] = (),
        timex: str | None = None,
        modality: str = "asserted",
        tense: str = "past",
        scope: tuple[tuple[str, Count | None], ...] = (),
        relations: tuple[EventRelation, ...] = (),
        carried_by: str | None = None,
        effective: str | None = None,
        expires: str | None = None,
        instrument: str | None = None,
        news: bool = False,
        amount: tuple[str, float, str] | None = None,  # (words, value, currency)
        stage: str | None = None,
    ) -> str:
        start = self.text.index(trigger, sentence.start)
        sum_told = None
        if amount is not None:
            words, value, currency = amount
            at = self.text.index(words, sentence.start)
            sum_told = Amount(value, currency, TextSpan(at, at + len(words), words))
        event_id = f"v{len(self.events) + 1}"
        date_range = None
        if timex is not None:
            date_range = next(t.range for t in self.timexes if t.id == timex)
        self.events.append(
            EventMention(
                event_id,
                TextSpan(start, start + len(trigger), trigger),
                type_,
                sentence,
                agents=agents,
                affected=affected,
                models=models,
                timex=timex,
                date=date_range,
                modality=modality,
                tense=tense,
                scope=tuple(Scope(p, None, c) for p, c in scope),
                relations=relations,
                carried_by=carried_by,
                effective=effective,
                expires=expires,
                instrument=instrument,
                news=news,
                amount=sum_told,
                stage=stage,
            )
        )
        return event_id

    def build(self) -> DocumentRecords:
        document = Document(
            self.doc_id,
            self.text,
            f"{self.doc_id}.txt",
            collected=date(2026, 11, 22),
            checksum=self.doc_id,
        )
        return DocumentRecords(
            document=document,
            dct=DocumentDate(
                self.dct,
                inferred=self.inferred,
                evidence=("test prior",),
                anchored=self.anchored,
                moved_from=self.moved_from,
            ),
            sentences=tuple(self.sentences),
            timexes=tuple(self.timexes),
            entities=tuple(self.entities),
            events=tuple(self.events),
        )


@pytest.fixture(scope="session")
def tagger() -> TimexTagger:
    return TimexTagger()


# ``doc("a", dct=..., inferred=False)``: a DocBuilder for document "a".
MakeDoc = Callable[..., DocBuilder]


@pytest.fixture
def doc(tagger: TimexTagger) -> MakeDoc:
    def make(doc_id: str, **kw: Any) -> DocBuilder:
        return DocBuilder(doc_id, tagger, **kw)

    return make
