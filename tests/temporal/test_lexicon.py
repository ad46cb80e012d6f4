"""The lexicon file: loading, extending, and clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.errors import DataFileError
from extract.temporal import TimexTagger, load_lexicon
from extract.temporal.lexicon import DEFAULT_LEXICON


def bundled_text() -> str:
    return (Path(__file__).resolve().parents[2] / "extract" / "data" / DEFAULT_LEXICON).read_text()


def test_lexicon_a_user_can_add_a_month_name(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(bundled_text().replace("6: [June, Jun]", "6: [June, Jun, Juin]"))
    tagger = TimexTagger(str(path))
    (timex,) = tagger.tag("Signed on Juin 12.", date(2026, 7, 1))
    assert timex.value == "2026-06-12"


def test_lexicon_unknown_list_in_a_pattern_names_it(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(bundled_text().replace("pattern: '(?P<fixed>{fixed})'", "pattern: '{nope}'"))
    with pytest.raises(DataFileError) as info:
        load_lexicon(path)
    assert (info.value.code, info.value.path) == ("E140", str(path))
    assert "{nope}" in info.value.problem  # names the list


def test_lexicon_yaml_boolean_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(bundled_text().replace('throughout, "on",', "throughout, on,"))
    with pytest.raises(DataFileError) as info:
        load_lexicon(path)
    assert (info.value.code, info.value.path) == ("E140", str(path))
    assert info.value.fix and '"on"' in info.value.fix  # says to quote the word


def test_lexicon_unknown_kind_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(bundled_text().replace("kind: fixed", "kind: nonsense"))
    with pytest.raises(DataFileError) as info:
        TimexTagger(str(path))
    assert (info.value.code, info.value.path) == ("E140", str(path))
    assert "'nonsense'" in info.value.problem  # names the kind
    assert info.value.fix  # lists the known ones
