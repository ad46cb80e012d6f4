"""The tense of a year-less weekday read from the parse (the tagger's ``tokens``)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.pipeline import Extractor
from extract.records import DateRange, Document

PUBLISHED = date(2026, 9, 20)  # a Sunday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the infinitive of a past verb happened: "appeared to be reached" is past
        ("A deal appeared to be reached Saturday, officials said.", "2026-09-19"),
        ("The firm tried to launch the app Saturday.", "2026-09-19"),
        # "is to be lifted", "is expected to be signed": ahead
        ("The ban is to be lifted on Saturday, officials said.", "2026-09-26"),
        ("The deal is expected to be signed Saturday.", "2026-09-26"),
    ],
)
def test_tense_infinitive_takes_the_time_of_its_governing_verb(
    extractor: Extractor, text: str, day: str
) -> None:
    document = Document("d", text, "d.txt", published=DateRange.day(PUBLISHED))
    (records,) = list(extractor.extract([document]))
    (saturday,) = [t for t in records.timexes if t.span.text == "Saturday"]
    assert saturday.value == day
