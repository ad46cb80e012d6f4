"""Fixtures of the temporal tests: one tagger, the bundled articles when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.temporal import TimexTagger

# The five seed articles live in the shared folder beside the repository, not in it.
SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture(scope="session")
def tagger() -> TimexTagger:
    return TimexTagger()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the seed corpus is not at {SHARED_CORPUS}")
    return {path.stem[:3]: path.read_text(encoding="utf-8") for path in SHARED_CORPUS.glob("*.txt")}
