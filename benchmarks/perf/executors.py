"""Extraction on workers: one process against local processes, Dask and Ray, same documents.

Usage (from the repository root, with the dev virtualenv)::

    python -m benchmarks.perf.executors                  # 100 copies, 2 workers (~6 min)
    python -m benchmarks.perf.executors --copies 100 --ray   # Ray too, where it is installed
    python -m benchmarks.perf.executors --quick          # 1 copy: the smoke run

The texts are the bundled articles in ``--copies`` renamed, re-dated copies
(``benchmarks.perf.synthcorpus``). Every run is timed as a build runs extraction, from
nothing: loading the pipeline (one process), or starting the workers and loading the
pipeline in each (``local``: ``--workers`` forked processes; ``dask``: a Dask
``LocalCluster`` of ``--workers`` processes of one thread, the pipeline loaded by a worker
plugin; ``ray``: ``ray.init`` and one actor a worker holding the pipeline, batches handed
out by Ray's ``ActorPool``). Ray is not a dependency of the project: ``--ray`` runs it
where it is installed (in a virtualenv of its own, see benchmarks/README.md).

It prints, per run, the seconds until the workers were ready, the total, words/s, the
ratio to one process (target for Dask with two workers on 100 copies: >= 1.8), and
whether its records are those of one process, byte for byte (serialised by
``extract.serialize``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.perf.common import machine_note, table
from benchmarks.perf.extraction import read_documents
from benchmarks.perf.synthcorpus import write_corpus

# (seconds until the workers were ready, serialised records in input order)
Run = Callable[[list[Any]], tuple[float, list[str]]]


def serialised(records: Iterator[Any]) -> list[str]:
    from extract.serialize import to_json

    return [json.dumps(to_json(r), ensure_ascii=False) for r in records]


def one_process(options: Any) -> Run:
    def run(documents: list[Any]) -> tuple[float, list[str]]:
        from extract.pipeline import Extractor

        started = time.perf_counter()
        extractor = Extractor(options)
        extractor.nlp  # noqa: B018
        ready = time.perf_counter() - started
        return ready, serialised(extractor.extract(documents))

    return run


def on_executor(options: Any, kind: str, workers: int) -> Run:
    def run(documents: list[Any]) -> tuple[float, list[str]]:
        from extract.executors import ExecutorOptions, start_executor
        from extract.pipeline import Extractor

        started = time.perf_counter()
        executor = start_executor(ExecutorOptions(kind=kind, workers=workers), options)
        assert executor is not None
        try:
            if kind == "local":
                # forked workers load the pipeline in the background: wait for them, so
                # that "ready" means the same for every executor
                list(executor.map_unordered([[]] * workers))
            ready = time.perf_counter() - started
            return ready, serialised(Extractor(options).extract(documents, None, executor))
        finally:
            executor.close()

    return run


def on_ray(options: Any, workers: int) -> Run:
    def run(documents: list[Any]) -> tuple[float, list[str]]:
        import ray
        from ray.util import ActorPool

        from extract.executors import dispatch_size
        from extract.pipeline import Extractor

        @ray.remote(num_cpus=1)
        class Worker:
            def __init__(self, options: Any) -> None:
                self.extractor = Extractor(options)
                self.extractor.nlp  # noqa: B018

            def ready(self) -> bool:
                return True

            def extract(self, batch: list[Any]) -> list[Any]:
                return self.extractor.extract_batch(batch)

        started = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        try:
            actors = [Worker.remote(options) for _ in range(workers)]  # type: ignore[attr-defined]
            ray.get([a.ready.remote() for a in actors])
            ready = time.perf_counter() - started
            size = dispatch_size(len(documents), options.batch_size, workers)
            batches = [documents[i : i + size] for i in range(0, len(documents), size)]
            pool = ActorPool(actors)
            records = (r for b in pool.map(lambda a, b: a.extract.remote(b), batches) for r in b)
            return ready, serialised(records)
        finally:
            ray.shutdown()

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of the corpus")
    parser.add_argument("--workers", type=int, default=2, help="workers of each executor")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-local", action="store_true", help="leave out local processes")
    parser.add_argument("--ray", action="store_true", help="also Ray actors (if installed)")
    parser.add_argument("--quick", action="store_true", help="1 copy, no local processes")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.copies, args.no_local = 1, True

    from extract.nlp import PipelineOptions
    from extract.pipeline import ExtractOptions

    with tempfile.TemporaryDirectory(prefix="ptkg-executors-") as tmp:
        manifest = write_corpus(args.copies, Path(tmp))
        documents = read_documents(manifest)
    words = sum(len(d.text.split()) for d in documents)
    print(
        f"extraction on workers: {len(documents)} documents, {words:,} words, "
        f"{args.workers} workers, batch size {args.batch_size}; {machine_note()}",
        flush=True,
    )
    # No lexicon of the invented names: this measures throughput, not accuracy.
    options = ExtractOptions(pipeline=PipelineOptions(lexicons=()), batch_size=args.batch_size)
    runs: dict[str, Run] = {"one process": one_process(options)}
    if not args.no_local:
        runs[f"local x{args.workers}"] = on_executor(options, "local", args.workers)
    runs[f"dask x{args.workers}"] = on_executor(options, "dask", args.workers)
    if args.ray:
        runs[f"ray x{args.workers}"] = on_ray(options, args.workers)

    figures: dict[str, dict[str, Any]] = {}
    reference: list[str] | None = None
    for name, run in runs.items():
        started = time.perf_counter()
        ready, records = run(documents)
        total = time.perf_counter() - started
        reference = records if reference is None else reference
        figures[name] = {"ready": ready, "total": total, "same": records == reference}
        print(f"  {name}: {total:.1f} s", flush=True)

    base = figures["one process"]["total"]
    rows = [
        [name, f["ready"], f["total"], words / f["total"], base / f["total"], _yes(f["same"])]
        for name, f in figures.items()
    ]
    print()
    print(table(["run", "ready s", "total s", "words/s", "vs one", "same records"], rows))
    print()
    dask = figures[f"dask x{args.workers}"]
    print(
        f"dask x{args.workers} / one process: {base / dask['total']:.2f} "
        "(target >= 1.80 with 2 workers on 100 copies)"
    )
    print(f"records identical to one process's: {_yes(all(f['same'] for f in figures.values()))}")
    if args.json:
        args.json.write_text(json.dumps({"words": words, "runs": figures}, indent=2), "utf-8")
    return 0


def _yes(value: bool) -> str:
    return "yes" if value else "NO"


if __name__ == "__main__":
    sys.exit(main())
