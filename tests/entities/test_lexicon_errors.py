"""Errors in a user's entity data files name the file and say how to fix them."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.entities import load_entity_lexicon
from extract.errors import DataFileError


def test_lexicon_unknown_type_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "entities:\n  - {id: x, name: X Corp, type: company_of_sorts}\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        load_entity_lexicon([path])
    assert (info.value.code, info.value.path) == ("E140", str(path))
    assert "'company_of_sorts'" in info.value.problem  # names the type


def test_lexicon_yaml_boolean_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("titles: [on, Director]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_entity_lexicon([path])
    assert (caught.value.code, caught.value.path) == ("E140", str(path))
    assert caught.value.fix and "quote" in caught.value.fix
    assert str(path) in str(caught.value)


def test_lexicon_extra_entry_replaces_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "entities:\n  - {id: anthropic, name: Anthropic PBC, type: organization}\n",
        encoding="utf-8",
    )
    lexicon = load_entity_lexicon([path])
    entry = lexicon.entry("anthropic")
    assert entry is not None and entry.name == "Anthropic PBC"
