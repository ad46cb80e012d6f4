"""Fixtures shared by the whole suite: the bundled corpus, its records and its graph made
once, and the command line run through ``main()`` as a user would (``ptkg``).

A test that uses the corpus's records or graph (``corpus_records``, ``built``, or a fixture
built on them: ``store``, ``rows``...) runs the real pipeline over the whole corpus first: it
is marked ``slow`` here, and ``pytest -m "not slow"`` leaves it out.

The articles of the command-line tests are two made-up sentences in neutral words: enough
for the real pipeline to find an event and a date, small enough that a build takes a couple
of seconds.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, settings
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.components import register
from extract.corpus import ReadOptions, load_boilerplate, read_corpus
from extract.pipeline import Extractor
from extract.records import Document, DocumentRecords
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


# The fixtures that run the real pipeline over the whole bundled corpus.
CORPUS_FIXTURES = frozenset({"corpus_records", "built"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` every test that needs a corpus fixture, directly or through another."""
    for item in items:
        if CORPUS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def corpus_records(corpus_documents: list[Document]) -> list[DocumentRecords]:
    """The records of the bundled corpus, extracted once for the session with the real
    pipeline (what a build extracts, before the graph)."""
    return list(Extractor().extract(corpus_documents))


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


# -- parses built by hand, for the tests of rules ----------------------------------------
PARSES = TEST_DATA / "parses.conllu"
# ``parsed(vocab, text)``: the Doc of ``text`` as tests/data/parses.conllu parses it.
Parsed = Callable[[Vocab, str], Doc]


def _conllu_documents(path: Path) -> dict[str, list[list[list[str]]]]:
    """The documents of a CoNLL-U file by their text: sentences of rows of ten columns."""
    documents: dict[str, list[list[list[str]]]] = {}
    for block in path.read_text(encoding="utf-8").split("# newdoc id = ")[1:]:
        sentences: list[list[list[str]]] = [[]]
        for line in block.splitlines()[1:]:
            if not line.strip():
                sentences.append([])
            elif not line.startswith("#"):
                sentences[-1].append(line.split("\t"))
        sentences = [s for s in sentences if s]
        text = "".join(
            row[1] + ("" if "SpaceAfter=No" in row[9] else " ") for s in sentences for row in s
        ).rstrip()
        documents[text] = sentences
    return documents


@pytest.fixture(scope="session")
def parsed() -> Parsed:
    """The Doc of a text with the parse tests/data/parses.conllu gives it (words, tags,
    lemmas, morphology, dependencies, named entities), built without a statistical model:
    a test of a rule runs the project's components on the parse its rule is about, which a
    new model cannot change."""
    documents = _conllu_documents(PARSES)

    def build(vocab: Vocab, text: str) -> Doc:
        assert text in documents, f"no parse of {text!r} in {PARSES} (see its README)"
        columns: dict[str, list[Any]] = defaultdict(list)
        for sentence in documents[text]:
            offset = len(columns["words"])
            for number, form, lemma, upos, xpos, feats, head, dep, _, misc in sentence:
                extra = dict(item.split("=", 1) for item in misc.split("|") if "=" in item)
                columns["words"].append(form)
                columns["spaces"].append(extra.get("SpaceAfter") != "No")
                columns["lemmas"].append(lemma)
                columns["pos"].append(upos)
                columns["tags"].append(xpos)
                columns["morphs"].append("" if feats == "_" else feats)
                columns["heads"].append(offset + int(head if head != "0" else number) - 1)
                columns["deps"].append(dep)
                columns["ents"].append(extra.get("NER", "O"))
                columns["sent_starts"].append(number == "1")
        columns["spaces"][-1] = False
        doc = Doc(vocab, **columns)
        assert doc.text == text
        return doc

    return build


@pytest.fixture(scope="session")
def blank_pipeline() -> Callable[..., Language]:
    """``blank_pipeline("ptkg_entities", ...)``: the project's components on a blank English
    pipeline, no statistical model: for Docs whose parse a test gives (``parsed``)."""

    def make(*components: str) -> Language:
        nlp = spacy.blank("en")
        for name in components:
            register(name)
            nlp.add_pipe(name)
        return nlp

    return make
