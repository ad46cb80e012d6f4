"""Cleaning plain text: sentences wrapped across lines are joined again, the layout stays."""

from __future__ import annotations

from extract.corpus import load_boilerplate
from extract.corpus.cleaning import clean_text, unwrap


def test_cleaning_a_sentence_cut_before_a_lower_case_word_is_joined() -> None:
    lines = ["The U.S. Senate", "passed the bill on Monday.", "", "Corvex said it would comply."]
    assert unwrap(lines) == [
        "The U.S. Senate passed the bill on Monday.",
        "",
        "Corvex said it would comply.",
    ]


def test_cleaning_a_page_stamp_under_a_headline_is_not_the_headline_wrapped() -> None:
    lines = ["Commerce lifts ban on Corvex", "2026-05-14 10:00:21 source: Wire", "", "Text."]
    assert unwrap(lines) == lines
    # a number the line before wrapped still joins it
    assert unwrap(["Exports of chips rose to", "15 percent."]) == [
        "Exports of chips rose to 15 percent."
    ]


def test_cleaning_a_text_wrapped_throughout_joins_lines_before_capitals_too() -> None:
    lines = [
        "WASHINGTON - The Senate voted 85-10 for the annual National",
        "Defense Authorization Act, which covers military",
        "spending but is used as a vehicle for a broad range of policy",
        "matters. The bill must be reconciled with the one",
        "passed by the House before it can become law.",
        "Corvex declined to comment.",
    ]
    text, blocks = clean_text("\n".join(lines), load_boilerplate())
    assert text.split("\n\n") == [
        "WASHINGTON - The Senate voted 85-10 for the annual National Defense Authorization Act, "
        "which covers military spending but is used as a vehicle for a broad range of policy "
        "matters. The bill must be reconciled with the one passed by the House before it can "
        "become law.",
        "Corvex declined to comment.",
    ]
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_cleaning_headlines_list_items_and_paragraphs_stay_apart() -> None:
    # one line per block, none cut before a lower-case word: nothing to join
    lines = [
        "Corvex Wins a Reprieve",
        "",
        "The Commerce Department extended the licence on Friday.",
        "- It runs to June 30",
        "- It covers existing networks",
        "Officials declined to comment:",
        "no statement followed.",
    ]
    assert unwrap(lines) == lines
