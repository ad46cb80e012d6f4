"""Fixtures shared by the whole suite: the bundled corpus, and its graph built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.corpus import ReadOptions, load_boilerplate, read_corpus
from extract.records import Document
from kg.store import GraphStore
from ptkg.build import BuildOptions, BuildReport, build

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
GOLD = CORPUS / "gold" / "seed_events.yaml"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_documents() -> list[Document]:
    items = list(read_corpus(CORPUS, ReadOptions(load_boilerplate())))
    documents = [d for d in items if isinstance(d, Document)]
    assert len(documents) == 5, items
    return documents


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    """The graph of the bundled corpus, built once for the session with the real pipeline."""
    out = tmp_path_factory.mktemp("built")
    return build(BuildOptions(corpus=CORPUS / "manifest.yaml", out=out, exports=("trig", "nquads")))


@pytest.fixture(scope="session")
def store(built: BuildReport) -> Iterator[GraphStore]:
    graph = GraphStore.open_existing(built.store)
    yield graph
    graph.close()
