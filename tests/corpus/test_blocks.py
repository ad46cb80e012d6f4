"""The ptkg_blocks component: where sentences may start before the parser runs."""

from __future__ import annotations

import spacy

import extract.corpus.blocks  # noqa: F401  (registers the component)


def _starts(text: str) -> dict[str, bool | None]:
    nlp = spacy.blank("en")
    nlp.add_pipe("ptkg_blocks")
    return {t.text: t.is_sent_start for t in nlp(text) if not t.is_space}


def test_every_block_starts_a_sentence() -> None:
    starts = _starts("Zentra Listed\n\nThe agency added Corvex to its list.")
    assert starts["Zentra"] is True
    assert starts["The"] is True


def test_a_word_opening_a_block_is_no_sentence_alone() -> None:
    # the parser sometimes cut "Effective" off as a sentence of its own
    starts = _starts("Trade Alert\n\nEffective March 3, the agency added Corvex to its list.")
    assert starts["Effective"] is True
    assert starts["March"] is False
    assert starts["Alert"] is False  # the headline's second word too


def test_a_line_of_one_word_still_ends_its_block() -> None:
    starts = _starts("Update\nThe agency added Corvex to its list.")
    assert starts["Update"] is True
    assert starts["The"] is True


def test_a_mark_opening_a_block_opens_its_sentence() -> None:
    starts = _starts("- March 3: the agency added Corvex to its list.")
    assert starts["-"] is True
    assert starts["March"] is False  # a bullet and its line are one sentence


def test_no_sentence_starts_inside_a_clause() -> None:
    # the parser cut "(HR 1) Thursday" into two sentences
    starts = _starts("The House passed the act (HR 1) Thursday by a vote. It said so.")
    assert starts["Thursday"] is False
    assert starts["It"] is None  # after a full stop the parser decides
    quoted = _starts('The Senate "passed it." Then it adjourned.')
    assert quoted["Then"] is None


def test_a_word_in_lower_case_starts_no_sentence() -> None:
    # text taken from a scan: "(EAR)! the Bureau" goes on in one sentence
    starts = _starts("Under the rules (EAR)! the agency added Corvex to its list. Then it left.")
    assert starts["the"] is False
    assert starts["Then"] is None
    assert _starts("rules apply.\n\nthe agency left.")["the"] is True  # a block's first word


def test_a_dateline_is_a_sentence_of_its_own() -> None:
    # parsed with the sentence it opens, the place became that sentence's subject
    for text, first in (
        ("NEW DELHI, June 30 (Wire) - The ministry on Monday blocked Chirper.", "The"),
        ("LONDON -- Britain will ban Korvo kit, the government said.", "Britain"),
        ("WASHINGTON (Wire) \u2014 Commerce added Corvex to its list.", "Commerce"),
        ("Headline\nMay 14 (Wire) -- Commerce added Corvex to its list.", "Commerce"),
    ):
        assert _starts(text)[first] is True, text
    # a dash inside a line, or after words in lower case, is no dateline
    assert _starts("The ban - imposed in May - stays.")["imposed"] is False
    assert _starts("Shares fell -- Corvex said so.")["Corvex"] is False
