"""Fixtures of the event tests: the pipeline loaded once, and a helper that runs it.

The time layer is not part of these tests: ``run(text, timexes=[("June 12", "DATE",
"XXXX-06-12")])`` gives the event layer the time expressions a test names, so a test of
time attachment fails only when the event layer attaches wrongly. ``run_parsed`` does the
same on a parse the test gives (tests/data/parses.conllu), not the model's: a test of one
syntactic rule cannot be broken by a new model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp import PipelineOptions, load_pipeline
from extract.records import (
    DateRange,
    Document,
    DocumentRecords,
    EntityMention,
    EventMention,
    Precision,
    TextSpan,
    Timex,
)

if TYPE_CHECKING:
    from tests.conftest import Parsed

# (text, TIMEX3 type, TIMEX3 value), and optionally the period signal ("start", "end")
TimexSpec = tuple[str, ...]


@dataclass
class Result:
    doc: Doc

    @property
    def events(self) -> list[EventMention]:
        return list(self.doc._.events)

    @property
    def entities(self) -> dict[str, EntityMention]:
        return {e.id: e for e in self.doc._.entities}

    @property
    def timexes(self) -> dict[str, Timex]:
        return {t.id: t for t in (self.doc._.timexes or [])}

    def names(self, ids: Sequence[str]) -> set[str]:
        entities = self.entities
        return {entities[i].name for i in ids}

    def by_trigger(self, text: str) -> EventMention:
        found = [e for e in self.events if e.trigger.text == text]
        assert len(found) == 1, [(e.trigger.text, e.type) for e in self.events]
        return found[0]

    def of_type(self, *types: str) -> list[EventMention]:
        return [e for e in self.events if e.type in types]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(
        PipelineOptions(
            components=("ptkg_blocks", "ptkg_attachments", "ptkg_entities", "ptkg_events")
        )
    )


def _timexes(text: str, timexes: Sequence[TimexSpec]) -> list[Timex]:
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)
    found = []
    for number, (expression, kind, value, *signal) in enumerate(timexes, 1):
        start = text.index(expression)
        span = TextSpan(start, start + len(expression), expression)
        found.append(
            Timex(
                f"t{number}",
                span,
                kind,
                value,
                range=_day(value),
                precision=_precision(value),
                signal=signal[0] if signal else None,
            )
        )
    return found


def _day(value: str) -> DateRange | None:
    """The day a full calendar date names, as the time layer resolves it."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return DateRange(day, day)
    return None


def _precision(value: str) -> Precision | None:
    """How finely a TIMEX3 value gives its date, as the time layer would say."""
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|[\dX]{4}-W[\dX]{2}-\d", value):
        return Precision.DAY
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return Precision.MONTH
    if re.fullmatch(r"\d{4}", value):
        return Precision.YEAR
    return None


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Result]:
    """``run(text, timexes)``: the text parsed by the statistical model, then the events."""

    def _run(text: str, timexes: Sequence[TimexSpec] = ()) -> Result:
        with nlp.select_pipes(disable=["ptkg_events"]):
            doc = nlp(text)
        doc._.timexes = _timexes(text, timexes)
        nlp.get_pipe("ptkg_events")(doc)
        return Result(doc)

    return _run


@pytest.fixture(scope="session")
def run_parsed(blank_pipeline: Callable[..., Language], parsed: Parsed) -> Callable[..., Result]:
    """``run_parsed(text, timexes)``: as ``run``, on the parse tests/data/parses.conllu gives
    the text instead of the model's: for a test of a rule of the event layer."""
    rules = blank_pipeline("ptkg_entities", "ptkg_events")

    def _run(text: str, timexes: Sequence[TimexSpec] = ()) -> Result:
        doc = rules.get_pipe("ptkg_entities")(parsed(rules.vocab, text))
        doc._.timexes = _timexes(text, timexes)
        rules.get_pipe("ptkg_events")(doc)
        return Result(doc)

    return _run


def extracted(text: str, published: date) -> DocumentRecords:
    """The records of one text published on a day, through the whole extraction (dates
    relative to the page resolve, the lead is read against the page's day)."""
    from extract.pipeline import Extractor

    document = Document("d", text, "d.txt", published=DateRange.day(published))
    (records,) = list(Extractor().extract([document]))
    return records
