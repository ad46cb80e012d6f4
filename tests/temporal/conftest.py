"""Fixtures of the temporal tests: one tagger, the bundled articles when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.temporal import TimexTagger

# The five seed articles, as bundled with the repository.
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "articles"


@pytest.fixture(scope="session")
def tagger() -> TimexTagger:
    return TimexTagger()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    assert SHARED_CORPUS.is_dir(), f"the bundled corpus is missing: {SHARED_CORPUS}"
    return {path.stem[:3]: path.read_text(encoding="utf-8") for path in SHARED_CORPUS.glob("*.txt")}
