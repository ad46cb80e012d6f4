"""Fixtures shared by the whole suite: the bundled corpus, its graph built once, and the
command line run through ``main()`` as a user would (``ptkg``).

The articles of the command-line tests are two made-up sentences in neutral words: enough
for the real pipeline to find an event and a date, small enough that a build takes a couple
of seconds.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from extract.corpus import ReadOptions, load_boilerplate, read_corpus
from extract.records import Document
from kg.store import GraphStore
from ptkg.build import BuildOptions, BuildReport, build
from ptkg.cli import main

# Fuzz tests (hypothesis): few, repeatable examples in the suite; HYPOTHESIS_PROFILE=fuzz
# runs many random ones. No example database is written into the work tree.
settings.register_profile(
    "suite",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=3000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

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


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def error(self) -> str | None:
        """The code of the error printed (``ptkg: error[E113] ...``), if one was."""
        found = re.search(r"^ptkg: error\[(E\d{3})\] ", self.err, re.M)
        return found.group(1) if found else None

    @property
    def skipped(self) -> dict[str, str]:
        """The documents skipped, each with its code: ``{"empty.txt": "E122"}``."""
        return dict(
            (source, code)
            for code, source in re.findall(r"^ptkg: skipped\[(E\d{3})\] (.+?): ", self.err, re.M)
        )


class Cli:
    """``ptkg("build", corpus, "--out", out)``: the exit code and what was printed; and
    what the tests read of a build."""

    ARTICLE = "The trade agency restricted exports of the model on June 12, officials said.\n"
    OTHER = "The company said on June 20 that it would appeal the order of the agency.\n"

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str | Path) -> Run:
        self.capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse refuses a malformed option with exit 2
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)

    @staticmethod
    def write(path: Path, text: str | bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    @staticmethod
    def report(out: Path) -> dict[str, Any]:
        """The build report of the build in place in ``out``."""
        data: dict[str, Any] = json.loads((out / "build.json").read_text(encoding="utf-8"))
        return data

    def documents(self, out: Path) -> dict[str, dict[str, Any]]:
        """The documents of the graph in ``out`` by id, as `ptkg query documents` gives them."""
        run = self("query", "documents", "--store", out / "store", "--format", "json")
        assert run.code == 0, run.err
        return {row["document"]: row for row in json.loads(run.out)}

    @staticmethod
    def build_folders(out: Path) -> set[str]:
        """The build folders the user-visible outputs resolve into (one when whole)."""
        folders = set()
        for name in ("store", "graph.trig", "records.jsonl", "build.json"):
            real = Path(os.path.realpath(out / name))
            folders.add(real.parent.name if real.exists() else f"missing {name}")
        return folders


@pytest.fixture
def ptkg(capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(capsys)
