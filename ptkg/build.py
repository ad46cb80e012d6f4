"""Corpus -> graph: read the documents, extract records (reusing cached ones), build the store.

Everything a build writes under its output directory (the store, the exports, the record
cache, the build report) is written to temporary names and swapped in at the end, so a
failed or interrupted build leaves the previous build as it was.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.corpus import ReadOptions, Skipped, load_boilerplate, read_corpus
from extract.errors import PolicyKGError
from extract.nlp import PipelineOptions, resolve_model
from extract.pipeline import ExtractOptions, Extractor
from extract.records import Document, DocumentRecords
from extract.serialize import FORMAT_VERSION, from_json, to_json
from kg.build import GraphOptions, GraphSummary, write_graph
from kg.files import write_text_atomic
from kg.iri import DEFAULT_BASE
from kg.reconcile import Threshold

STORE_DIR = "store"
RECORDS_FILE = "records.jsonl"
REPORT_FILE = "build.json"
EXPORT_NAMES = {"trig": "graph.trig", "nquads": "graph.nq"}

Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BuildOptions:
    corpus: Path
    out: Path = Path("out")
    model: str | None = None
    lexicons: Sequence[Path] = ()
    boilerplate: Sequence[Path] = ()
    batch_size: int = 16
    n_process: int = 1
    base_iri: str = DEFAULT_BASE
    exports: Sequence[str] = ("trig",)
    reuse_records: bool = True  # re-extract only new or changed documents
    collected: date | None = None  # default collected date for documents without one
    threshold: Threshold = field(default_factory=Threshold)  # what the timeline needs


@dataclass
class BuildReport:
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    graph: GraphSummary | None = None
    out: Path = Path("out")
    seconds: float = 0.0

    @property
    def store(self) -> Path:
        return self.out / STORE_DIR

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "extracted": self.extracted,
            "reused": self.reused,
            "skipped": [{"source": s.source, "problem": str(s.error)} for s in self.skipped],
            "graph": self.graph.as_dict() if self.graph else None,
            "seconds": round(self.seconds, 2),
        }


class NothingToBuildError(PolicyKGError):
    """No document of the corpus could be read."""


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the graph of the corpus into ``options.out``. Never prints; raises on failure."""
    started = time.perf_counter()
    report = BuildReport(out=options.out)
    notify = progress or (lambda stage, done, total: None)
    read_options = ReadOptions(load_boilerplate(options.boilerplate), options.collected)
    documents: list[Document] = []
    for item in read_corpus(options.corpus, read_options):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            documents.append(item)
    report.documents = len(documents)
    if not documents:
        raise NothingToBuildError(
            f"{options.corpus}: no document could be read ({len(report.skipped)} skipped)"
        )

    fingerprint = pipeline_fingerprint(options)
    cached = _load_cache(options.out / RECORDS_FILE, fingerprint) if options.reuse_records else {}
    todo = [d for d in documents if cached.get(d.id, (None,))[0] != d.checksum]
    report.reused = len(documents) - len(todo)
    fresh: dict[str, DocumentRecords] = {}
    if todo:
        extractor = Extractor(
            ExtractOptions(
                pipeline=PipelineOptions(model=options.model, lexicons=options.lexicons),
                batch_size=options.batch_size,
                n_process=options.n_process,
            )
        )
        notify("extract", 0, len(todo))
        for done, records in enumerate(extractor.extract(todo), 1):
            fresh[records.document.id] = records
            notify("extract", done, len(todo))
    report.extracted = len(fresh)
    all_records = [fresh.get(d.id) or cached[d.id][1] for d in documents]

    graph_options = GraphOptions(
        base=options.base_iri, lexicons=tuple(options.lexicons), threshold=options.threshold
    )
    exports = {fmt: options.out / EXPORT_NAMES[fmt] for fmt in options.exports}
    report.graph = write_graph(
        all_records,
        options.out / STORE_DIR,
        exports,
        graph_options,
        progress=notify,
    )
    write_text_atomic(options.out / RECORDS_FILE, _cache_lines(all_records, fingerprint))
    report.seconds = time.perf_counter() - started
    write_text_atomic(options.out / REPORT_FILE, json.dumps(report.as_dict(), indent=2))
    return report


def pipeline_fingerprint(options: BuildOptions) -> str:
    """Changes whenever extraction could give other records for the same text."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"records-v{FORMAT_VERSION}", resolve_model(options.model)]
    for package in ("policy-timeline-kg", "spacy"):
        try:
            parts.append(f"{package}=={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}==?")
    import extract.data

    packaged = Path(next(iter(extract.data.__path__)))
    for path in [*sorted(packaged.glob("*.yaml")), *options.lexicons, *options.boilerplate]:
        if path.is_file():
            parts.append(hashlib.sha256(path.read_bytes()).hexdigest()[:16])
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def _load_cache(path: Path, fingerprint: str) -> dict[str, tuple[str, DocumentRecords]]:
    """Cached records by document id, when made by the same pipeline; else nothing."""
    if not path.is_file():
        return {}
    cached: dict[str, tuple[str, DocumentRecords]] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline() or "{}")
            if header.get("fingerprint") != fingerprint:
                return {}
            for line in handle:
                records = from_json(DocumentRecords, json.loads(line))
                cached[records.document.id] = (records.document.checksum, records)
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # an unreadable cache only costs a re-extraction
    return cached


def _cache_lines(records: list[DocumentRecords], fingerprint: str) -> Iterator[str]:
    yield json.dumps({"fingerprint": fingerprint, "format": FORMAT_VERSION})
    for item in records:
        yield json.dumps(to_json(item), ensure_ascii=False)
