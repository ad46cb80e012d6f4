"""The lexicon file: loading, extending, and clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.errors import DataFileError
from extract.temporal import TimexTagger, load_lexicon
from extract.temporal.lexicon import DEFAULT_LEXICON, CompiledPattern, default_lexicon
from extract.temporal.search import WordIndex


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


def _full_search(pattern: CompiledPattern, text: str) -> list[tuple[int, int]]:
    """What WordIndex.matches must give: the regex over the whole text, left to right."""
    found, pos = [], 0
    while (match := pattern.regex.search(text, pos)) is not None:
        pos = match.end() if match.end() > match.start() else match.start() + 1
        if match.end() > match.start():
            found.append((match.start(), match.end()))
    return found


def test_lexicon_windowed_search_finds_what_the_full_search_finds(
    seed_texts: dict[str, str],
) -> None:
    """Patterns with `needs` are searched only around the words they need: on real text
    and on sentences made to hold matches far from those words, nothing is lost."""
    extra = (
        "On Mondays and Fridays, and every Monday evening, approximately the past several "
        "weeks; about the last two decades; Q3 2024, mid-1990s, the '80s, nineteen "
        "ninety-six; 5 p.m. EST Nov. 9; at 10:15:30 and 2:14:07; her first term in office; "
        "the year ended June 30; as soon as possible; the day before. The near term."
    )
    lexicon = default_lexicon()
    for text in [*seed_texts.values(), extra]:
        for pattern in lexicon.patterns:
            index = WordIndex(text)
            windowed = [(m.start(), m.end()) for m in index.matches(pattern)]
            assert windowed == _full_search(pattern, text), pattern.name


def test_lexicon_needs_must_name_a_known_list(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(bundled_text().replace('needs: ["{office_word}"]', 'needs: ["{offices}"]'))
    with pytest.raises(DataFileError) as info:
        load_lexicon(path)
    assert (info.value.code, info.value.path) == ("E140", str(path))
    assert "{offices}" in info.value.problem  # names the list
