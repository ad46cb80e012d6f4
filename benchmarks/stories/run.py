"""Build and score every development story whose texts are on this machine, and the bundled
corpus, and print one table.

    python -m benchmarks.stories.run                      # every story found, and corpus/
    python -m benchmarks.stories.run --only zte --details # one story, with what went wrong
    python -m benchmarks.stories.run --json /tmp/stories.json

A story is a folder of the reference stories (default ``../shared/dev-stories``) with a
``manifest.jsonl`` and a ``gold_events.yaml``; its texts are rebuilt outside the repository
(that folder's README says how) into ``~/.cache/ptkg-dev-stories/<story>/texts`` (or
``$PTKG_DEV_STORIES/<story>/texts``). Stories without texts are skipped, with a message.

Columns: core-event precision and recall (the reference's core types), all-event F1, exact
day (reference events dated to the day that the graph dates to that day), order pairs,
state probes, inverted windows (events whose earliest date is after their latest: must be
0) and the share of timeline events with no lower date bound.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ptkg.cli.common import worker_count

REPO = Path(__file__).resolve().parents[2]
DEFAULT_STORIES = REPO.parent / "shared" / "dev-stories"
DEFAULT_TEXTS = Path(os.environ.get("PTKG_DEV_STORIES", Path.home() / ".cache/ptkg-dev-stories"))
# Stories written for the benchmark, each with its manifest and its reference timeline.
WRITTEN = Path(__file__).resolve().parent / "written"
# The day the stories' texts were collected (their README): bounds undated documents.
COLLECTED = "2026-11-22"


@dataclass
class Row:
    story: str
    documents: int
    scores: Any  # ptkg.evaluate.Scores
    inverted: int
    open_lower: float
    timeline: int
    seconds: float


def story_manifest(story_dir: Path, texts: Path, out: Path) -> Path:
    """A `ptkg build` manifest listing each text of the story that exists."""
    documents = []
    for line in (story_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        path = texts / f"{entry['id']}.txt"
        if path.is_file():
            documents.append(
                {
                    "id": f"{story_dir.name}-{entry['id']}",
                    "file": str(path),
                    "url": entry.get("url"),
                    "published": str(entry["published"]) if entry.get("published") else None,
                }
            )
    manifest = out / f"{story_dir.name}.yaml"
    manifest.write_text(
        yaml.safe_dump({"collected": COLLECTED, "language": "en", "documents": documents}),
        encoding="utf-8",
    )
    return manifest


def run_story(name: str, manifest: Path, gold: Path, out: Path, full: bool, processes: int) -> Row:
    from kg.store import GraphStore
    from ptkg.build import BuildOptions, build
    from ptkg.evaluate import evaluate_store, load_reference
    from queries.export import export_events

    started = time.perf_counter()
    options = BuildOptions(corpus=manifest, out=out, reuse_records=not full, n_process=processes)
    report = build(options)
    seconds = time.perf_counter() - started
    store = GraphStore.open_existing(report.store)
    try:
        scores = evaluate_store(store, load_reference(gold))
        events = [e for e in export_events(store)["events"] if e.get("on_timeline", True)]
    finally:
        store.close()
    inverted = sum(
        1
        for e in events
        if e["date"]["earliest"]
        and e["date"]["latest"]
        and e["date"]["earliest"] > e["date"]["latest"]
    )
    open_lower = sum(1 for e in events if not e["date"]["earliest"]) / max(1, len(events))
    return Row(name, report.documents, scores, inverted, open_lower, len(events), seconds)


def format_table(rows: list[Row]) -> str:
    header = (
        f"{'story':<8} {'docs':>4} {'events':>6} {'core P':>6} {'core R':>6} {'all F1':>6} "
        f"{'exact day':>9} {'order':>7} {'probes':>7} {'inverted':>8} {'no lower':>8} "
        f"{'build s':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        s = row.scores
        lines.append(
            f"{row.story:<8} {row.documents:>4} {row.timeline:>6} {s.core.precision:>6.2f} "
            f"{s.core.recall:>6.2f} {s.events.f1:>6.2f} "
            f"{_pair(s.exact_day):>9} {_pair(s.order):>7} {_pair(s.probes):>7} "
            f"{row.inverted:>8} {row.open_lower:>8.0%} {row.seconds:>7.1f}"
        )
    return "\n".join(lines)


def _pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.stories.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES, help="reference stories")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="rebuilt texts")
    parser.add_argument(
        "--only", default="", help="comma-separated story names ('corpus', 'drones', ...)"
    )
    parser.add_argument("--out", type=Path, default=None, help="where builds go (default: temp)")
    parser.add_argument("--full", action="store_true", help="extract again, ignore caches")
    parser.add_argument(
        "--processes",
        "-j",
        type=worker_count,
        default="auto",
        help="extraction processes of each build, as `ptkg build -j` (default: auto)",
    )
    parser.add_argument("--details", action="store_true", help="print what went wrong")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores as JSON")
    args = parser.parse_args(argv)

    from ptkg.evaluate import format_scores

    only = {s for s in args.only.split(",") if s}
    out = args.out or Path(tempfile.mkdtemp(prefix="ptkg-stories-"))
    out.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, Path, Path]] = []
    for story_dir in sorted(
        p for p in args.stories.glob("*") if (p / "gold_events.yaml").is_file()
    ):
        if only and story_dir.name not in only:
            continue
        texts = args.texts / story_dir.name / "texts"
        if not texts.is_dir():
            print(
                f"{story_dir.name}: no texts in {texts} (see {args.stories}/README.md)",
                file=sys.stderr,
            )
            continue
        jobs.append(
            (story_dir.name, story_manifest(story_dir, texts, out), story_dir / "gold_events.yaml")
        )
    if not only or "corpus" in only:
        jobs.append(
            (
                "corpus",
                REPO / "corpus" / "manifest.yaml",
                REPO / "corpus" / "gold" / "seed_events.yaml",
            )
        )
    # the stories written for the benchmark (written/README.md)
    for written in sorted(p for p in WRITTEN.glob("*") if (p / "gold.yaml").is_file()):
        if not only or written.name in only:
            jobs.append((written.name, written / "manifest.yaml", written / "gold.yaml"))
    rows = []
    for name, manifest, gold in jobs:
        rows.append(run_story(name, manifest, gold, out / name, args.full, args.processes))
        if args.details:
            print(f"== {name}\n{format_scores(rows[-1].scores)}\n")
    print(format_table(rows))
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    r.story: {
                        "scores": r.scores.as_dict(),
                        "inverted": r.inverted,
                        "open_lower": r.open_lower,
                        "timeline_events": r.timeline,
                    }
                    for r in rows
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
