"""Extraction throughput: our whole extraction against the bare spaCy pipeline, in words/s.

Usage (from the repository root, with the dev virtualenv)::

    python -m benchmarks.perf.extraction                 # 20 copies of the corpus, 3 rounds
    python -m benchmarks.perf.extraction --copies 5 --repeats 1 --quick

The texts are the bundled articles, read and cleaned as ``ptkg build`` reads them, in
``--copies`` renamed and re-dated copies (``benchmarks.perf.synthcorpus``). Each round runs,
in turn (so that the machine's slow moments fall on every run alike):

* ``bare``: ``nlp.pipe`` over the texts with the base model's components that extraction
  uses (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), same batch size: the
  limit of this design;
* ``ours``: ``extract.pipeline.Extractor`` -- blocks, time, entities, events, and the
  records -- on the same texts, one process;
* ``ours x2``: the same on two worker processes (``extract.executors.local``), started
  once before the timed runs and kept, each with the pipeline it loaded, as the one
  process above keeps its own (a build starts them while it reads the corpus);
* ``bare x2``: ``nlp.pipe(n_process=2)``, for reference.

It prints the median words/s of each, and the ratios the targets are stated in: ours /
bare (target >= 0.7) and ours x2 / ours (target >= 1.7).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.perf.common import interleaved, machine_note, median, table
from benchmarks.perf.synthcorpus import write_corpus


def read_documents(manifest: Path) -> list[Any]:
    from extract.corpus import ReadOptions, Skipped, load_boilerplate, read_corpus

    options = ReadOptions(load_boilerplate())
    return [d for d in read_corpus(manifest, options) if not isinstance(d, Skipped)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of the corpus")
    parser.add_argument("--repeats", type=int, default=3, help="rounds (median reported)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: as ptkg)")
    parser.add_argument("--quick", action="store_true", help="2 copies, 1 round, no x2 runs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.copies, args.repeats = 2, 1

    import spacy

    from extract.executors.local import LocalProcesses
    from extract.nlp import BASE_COMPONENTS, PipelineOptions, resolve_model
    from extract.pipeline import ExtractOptions, Extractor

    with tempfile.TemporaryDirectory(prefix="ptkg-extraction-") as tmp:
        manifest = write_corpus(args.copies, Path(tmp))
        documents = read_documents(manifest)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    name = resolve_model(args.model)
    print(
        f"extraction throughput: {len(texts)} documents, {words:,} words, model {name}, "
        f"batch size {args.batch_size}; {machine_note()}",
        flush=True,
    )

    bare = spacy.load(name)
    for unused in [c for c in bare.component_names if c not in BASE_COMPONENTS]:
        bare.remove_pipe(unused)
    # No lexicon of the invented names: this measures throughput, not accuracy.
    pipeline = PipelineOptions(model=args.model, lexicons=())
    options = ExtractOptions(pipeline=pipeline, batch_size=args.batch_size)
    ours = Extractor(options)
    ours.nlp  # load outside the timed runs  # noqa: B018
    workers = LocalProcesses(options, 2) if not args.quick else None

    def run_bare() -> int:
        return sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size))

    def run_bare2() -> int:
        return sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=2))

    def run_ours() -> int:
        return sum(1 for _ in ours.extract(documents))

    def run_ours2() -> int:
        return sum(1 for _ in ours.extract(documents, None, workers))

    runs = {"bare": run_bare, "ours": run_ours}
    if not args.quick:
        runs |= {"ours x2": run_ours2, "bare x2": run_bare2}
    run_bare()  # warm up all before timing
    run_ours()
    if workers is not None:
        run_ours2()
    try:
        times = interleaved(runs, args.repeats)
    finally:
        if workers is not None:
            workers.close()
    speed = {k: words / median(v) for k, v in times.items()}
    rows = [[k, median(times[k]), speed[k], speed[k] / speed["bare"]] for k in runs]
    print()
    print(table(["run", "median s", "words/s", "vs bare"], rows))
    print()
    ratio = speed["ours"] / speed["bare"]
    print(f"ours / bare, one process: {ratio:.2f} (target >= 0.70)")
    if "ours x2" in speed:
        scale = speed["ours x2"] / speed["ours"]
        print(
            f"ours x2 / ours: {scale:.2f} (target >= 1.70); bare x2 / bare: "
            f"{speed['bare x2'] / speed['bare']:.2f}"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"words": words, "times": times}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
