"""Corpus -> graph: read the documents, extract records (reusing cached ones), build the store.

Everything a build writes (the store, the exports, the record cache, the build report) is
written into a new folder of its own and put in place at the end by one atomic rename,
after it is flushed to the disk (``ptkg.output``): a failed, interrupted or killed build
leaves the previous build as it was, whole. A lock refuses a second build into the same
output directory while one runs.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.corpus import Notice, ReadOptions, Skipped, load_boilerplate, read_corpus
from extract.entities import load_entity_lexicon
from extract.entities.recurring import PARTY_TYPES, lexicon_text, missed_names, recurring_names
from extract.errors import NothingToBuildError, OptionError
from extract.executors import EXECUTORS, ExecutorOptions, StartingWorkers
from extract.executors.local import forks
from extract.nlp import PipelineOptions, resolve_model
from extract.pipeline import ExtractOptions, Extractor
from extract.records import Document, DocumentRecords
from extract.serialize import FORMAT_VERSION, from_json, to_json
from kg.build import GraphOptions, GraphSummary, write_graph
from kg.iri import DEFAULT_BASE
from kg.reconcile import Threshold
from ptkg.output import (
    EXPORT_NAMES,
    RECORDS_FILE,
    REPORT_FILE,
    STORE_DIR,
    BuildOutput,
)

# Changes when what the cache keys on, or what it holds, changes: records cached under
# another version are extracted again (3: each document's own records, before the
# corpus's names; 4: a product's owner as the text says it).
CACHE_KEY_VERSION = 4

Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class BuildOptions:
    corpus: Path
    out: Path = Path("out")
    model: str | None = None
    lexicons: Sequence[Path] = ()
    boilerplate: Sequence[Path] = ()
    batch_size: int = 16
    n_process: int = 1  # worker processes (local, or of a local Dask cluster)
    executor: str = "local"  # where extraction runs: extract.executors.EXECUTORS
    scheduler: str | None = None  # a Dask scheduler's address (executor "dask")
    connect_timeout: float = 10.0  # seconds to reach the scheduler
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
    renamed: int = 0  # extracted again knowing the names other documents found
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
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
            "renamed": self.renamed,
            "skipped": [
                {"source": s.source, "code": s.error.code, "problem": str(s.error)}
                for s in self.skipped
            ],
            "notices": [{"source": n.source, "notice": n.message} for n in self.notices],
            "graph": self.graph.as_dict() if self.graph else None,
            "seconds": round(self.seconds, 2),
        }


def build(options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build the graph of the corpus into ``options.out``. Never prints; raises on failure.

    Raises OptionError for an option that cannot be used, LockedError when another build
    is writing into ``options.out``, and the readers' errors for a corpus that cannot be.
    """
    check_options(options)
    output = BuildOutput(options.out)
    output.check()
    with output.locked():
        return _build(options, output, progress or (lambda stage, done, total: None))


def check_options(options: BuildOptions) -> None:
    """Refuse what no build could use, naming the option and the fix."""
    for option, value in (("--batch-size", options.batch_size), ("--processes", options.n_process)):
        if not isinstance(value, int) or value < 1:
            raise OptionError(option, value, "must be a whole number, 1 or more", code="E201")
    check_executor(options)
    check_base_iri(options.base_iri)
    unknown = sorted(set(options.exports) - set(EXPORT_NAMES))
    if unknown:
        raise OptionError(
            "exports", ", ".join(unknown), f"unknown format: use {', '.join(EXPORT_NAMES)}"
        )
    for option, paths in (("--lexicon", options.lexicons), ("--boilerplate", options.boilerplate)):
        for path in paths:
            if not Path(path).is_file():
                raise OptionError(option, path, "no such file", code="E204")


def check_executor(options: BuildOptions) -> None:
    if options.executor not in EXECUTORS:
        raise OptionError(
            "--executor", options.executor, f"unknown executor: use {', '.join(EXECUTORS)}"
        )
    if options.scheduler is not None and options.executor != "dask":
        raise OptionError(
            "--scheduler",
            options.scheduler,
            "is the address of a Dask scheduler, for --executor dask",
            fix="add --executor dask",
            code="E206",
        )
    if not options.connect_timeout > 0:
        raise OptionError(
            "--connect-timeout", options.connect_timeout, "must be above 0 s", code="E201"
        )
    if options.scheduler is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is not None:
            from extract.executors.dask_cluster import check_address

            check_address(options.scheduler)


def check_base_iri(base: str) -> None:
    """An absolute IRI every resource's IRI can start with (no space, a scheme)."""
    import pyoxigraph as ox

    from kg.iri import Minter

    probe = str(Minter(base).document("probe"))
    try:
        ox.NamedNode(probe)
    except ValueError as exc:
        raise OptionError(
            "--base-iri",
            repr(base),
            f"is not an absolute IRI ({exc})",
            fix="write it as https://example.org/data/, with a space written as %20",
            code="E203",
        ) from exc


def _build(options: BuildOptions, output: BuildOutput, notify: Progress) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport(out=options.out)
    fingerprint = pipeline_fingerprint(options)  # first: an unknown model stops the build here
    previous = output.previous(RECORDS_FILE)
    reuse = options.reuse_records and previous is not None and previous.is_file()
    # extracts in this process when no workers do (its pipeline then serves the names too)
    extractor = Extractor(_extract_options(options))
    # With no records to reuse every document is extracted: the workers start now (forked
    # with this process's pipeline, or loading theirs while the corpus is read).
    workers = None if reuse else _start_workers(options, extractor)
    try:
        fresh, cached, documents = _read_and_extract(
            options, report, output, (previous, fingerprint), (workers, extractor), notify
        )
    finally:
        if workers is not None:
            workers.close()
    report.extracted = len(fresh)
    # The cache keeps each document's own records, before the corpus's names: a build
    # reusing them reads the names again from the same records, as a full build does.
    first = [fresh.get(d.id) or cached[d.id][1] for d in documents]
    all_records = _with_recurring_names(extractor, first, report, notify, options)

    graph_options = GraphOptions(
        base=options.base_iri, lexicons=tuple(options.lexicons), threshold=options.threshold
    )
    folder = output.new_build()
    try:
        exports = {fmt: folder / EXPORT_NAMES[fmt] for fmt in options.exports}
        report.graph = write_graph(
            all_records, folder / STORE_DIR, exports, graph_options, progress=notify
        )
        _write_lines(folder / RECORDS_FILE, _cache_lines(first, fingerprint))
        report.seconds = time.perf_counter() - started
        _write_lines(folder / REPORT_FILE, [json.dumps(report.as_dict(), indent=2)])
        output.commit(folder)
    except BaseException:
        output.discard(folder)
        raise
    return report


def _extract_options(options: BuildOptions) -> ExtractOptions:
    return ExtractOptions(
        pipeline=PipelineOptions(model=options.model, lexicons=options.lexicons),
        batch_size=options.batch_size,
        n_process=options.n_process,
    )


def _start_workers(options: BuildOptions, extractor: Extractor) -> StartingWorkers:
    executor = ExecutorOptions(
        kind=options.executor,
        workers=options.n_process,
        scheduler=options.scheduler,
        connect_timeout=options.connect_timeout,
    )
    return StartingWorkers(executor, _extract_options(options), extractor)


def _read_and_extract(
    options: BuildOptions,
    report: BuildReport,
    output: BuildOutput,
    cache: tuple[Path | None, str],
    extraction: tuple[StartingWorkers | None, Extractor],
    notify: Progress,
) -> tuple[dict[str, DocumentRecords], dict[str, tuple[str, DocumentRecords]], list[Document]]:
    """The corpus's documents, the records extracted now and those reused from the cache."""
    read_options = ReadOptions(
        load_boilerplate(options.boilerplate), options.collected, exclude=output.is_output
    )
    documents: list[Document] = []
    for item in read_corpus(options.corpus, read_options, report.notices):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            documents.append(item)
    report.documents = len(documents)
    if not documents:
        raise NothingToBuildError(_nothing_to_build(options.corpus, report.skipped))

    previous, fingerprint = cache
    cached = _load_cache(previous, fingerprint) if options.reuse_records and previous else {}
    keys = {d.id: document_key(d) for d in documents}
    todo = [d for d in documents if cached.get(d.id, (None,))[0] != keys[d.id]]
    report.reused = len(documents) - len(todo)
    if not todo:
        return {}, cached, documents
    workers, extractor = extraction
    started = workers or _start_workers(options, extractor)
    try:
        return _extracted(extractor, todo, started, notify), cached, documents
    finally:
        if workers is None:
            started.close()


def _extracted(
    extractor: Extractor, todo: list[Document], workers: StartingWorkers, notify: Progress
) -> dict[str, DocumentRecords]:
    """Records of ``todo``, by id; progress as each document is done, in any order."""
    executor = workers.get()
    counted = _counter(notify, "extract", len(todo))
    return {r.document.id: r for r in extractor.extract(todo, counted, executor)}


def _counter(notify: Progress, stage: str, total: int) -> Callable[[DocumentRecords], None]:
    """A callback reporting ``stage``'s progress as each document is done."""
    done = 0
    notify(stage, 0, total)

    def one_done(_: DocumentRecords) -> None:
        nonlocal done
        done += 1
        notify(stage, done, total)

    return one_done


def _with_recurring_names(
    extractor: Extractor,
    records: list[DocumentRecords],
    report: BuildReport,
    notify: Progress,
    options: BuildOptions,
) -> list[DocumentRecords]:
    """The records again, the documents that give a party other documents found (and they
    did not) extracted once more knowing its name (extract/entities/recurring.py): in
    processes forked from this one where the build extracts on local processes (the names'
    lexicon is a file of this machine), else here."""
    described = load_entity_lexicon(options.lexicons).described
    names = recurring_names(records, PARTY_TYPES | set(described.values()))
    missing = {r.document.id: m for r in records if (m := missed_names(r, names))}
    if not missing:
        return records
    todo = [r.document for r in records if r.document.id in missing]
    report.renamed = len(todo)
    known = {name: names[name] for found in missing.values() for name in found}
    with tempfile.TemporaryDirectory(prefix="ptkg-names-") as folder:
        lexicon = Path(folder) / "corpus-names.yaml"
        lexicon.write_text(lexicon_text(known), encoding="utf-8")
        counted = _counter(notify, "names", len(todo))
        local = options.executor == "local" and forks()
        named = extractor.with_lexicons([lexicon], options.n_process if local else 1)
        again = {r.document.id: r for r in named.extract(todo, counted)}
    return [again.get(r.document.id, r) for r in records]


def _nothing_to_build(corpus: Path, skipped: list[Skipped]) -> str:
    if not skipped:
        return f"{corpus}: no document found (give .txt, .md, .html or .jsonl files, or a manifest)"
    shown = "; ".join(str(s.error) for s in skipped[:5])
    more = f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    return f"{corpus}: no document could be read ({len(skipped)} skipped: {shown}{more})"


def _write_lines(path: Path, lines: Iterator[str] | list[str]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def document_key(document: Document) -> str:
    """What a document's records depend on besides the pipeline: all of the document as
    read (text, id, title, dates, URL... everything the manifest says of it), and, for a
    document with no date at all, the day of the build (its date is bounded by it)."""
    data = to_json(document)
    if document.published is None and document.collected is None:
        data["build_day"] = date.today().isoformat()
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(f"v{CACHE_KEY_VERSION}:{encoded}".encode()).hexdigest()


def pipeline_fingerprint(options: BuildOptions) -> str:
    """Changes whenever extraction could give other records for the same text."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [
        f"records-v{FORMAT_VERSION}",
        f"key-v{CACHE_KEY_VERSION}",
        resolve_model(options.model),
    ]
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
                cached[records.document.id] = (document_key(records.document), records)
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # an unreadable cache only costs a re-extraction
    return cached


def _cache_lines(records: list[DocumentRecords], fingerprint: str) -> Iterator[str]:
    yield json.dumps({"fingerprint": fingerprint, "format": FORMAT_VERSION})
    for item in records:
        yield json.dumps(to_json(item), ensure_ascii=False)
