"""Abbreviations the tokenizer keeps whole (extract/data/abbreviations.yaml), and the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import DataFileError
from extract.nlp import PipelineOptions, load_abbreviations, load_pipeline


def _tokens(text: str, lexicons: tuple[Path, ...] = ()) -> list[str]:
    nlp = load_pipeline(PipelineOptions(components=("ptkg_blocks",), lexicons=lexicons))
    return [t.text for t in nlp.tokenizer(text)]


def test_an_abbreviation_and_its_full_stop_are_one_word() -> None:
    tokens = _tokens("The Commerce Dept. banned sales, Atty. Gen. Roe said.")
    assert "Dept." in tokens and "Atty." in tokens
    assert tokens[-1] == "."  # a sentence's own full stop stays a word of its own


def test_a_user_file_adds_abbreviations(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("abbreviations: [Min.]\n", encoding="utf-8")
    assert "Min." not in _tokens("The Trade Min. spoke.")
    assert "Min." in _tokens("The Trade Min. spoke.", (path,))
    assert "Dept." in load_abbreviations([path])


def test_an_abbreviation_must_end_in_a_full_stop(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("abbreviations: [Dept]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="full stop") as raised:
        load_abbreviations([path])
    assert "bad.yaml" in str(raised.value)


def test_a_closing_quote_glued_to_the_next_word_splits_off() -> None:
    # a page that lost the space after a quote: the date, the quote and the name apart
    tokens = _tokens("“Sales stop on May 15,”Jane Roe said. “Done.”Then she left.")
    assert tokens[4:10] == ["May", "15", ",", "”", "Jane", "Roe"]
    assert tokens[13:17] == ["Done", ".", "”", "Then"]
    assert "U.S." in _tokens("He wrote “made in the U.S.”Then stopped.")
