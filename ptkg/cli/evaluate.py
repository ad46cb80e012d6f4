"""``ptkg evaluate``: score the graph against a reference timeline."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kg.store import GraphStore
from ptkg.cli.common import EXIT_CHECK_FAILED, EXIT_OK, add_command, add_store_option, write_output


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "evaluate",
        "score the graph against a reference timeline",
        "Compare the graph's canonical events with a reference timeline (YAML, format of\n"
        "corpus/gold/seed_events.yaml): event precision/recall/F1 (same coarse type,\n"
        "overlapping dates, a shared model or participant), exact-day accuracy, order\n"
        "pairs, state probes, and entity precision/recall. Lists what was missed.",
        "ptkg evaluate --gold corpus/gold/seed_events.yaml --min-f1 0.9",
    )
    add_store_option(parser)
    parser.add_argument("--gold", type=Path, required=True, help="reference timeline (YAML)")
    parser.add_argument("--format", "-f", choices=("text", "json"), default="text")
    parser.add_argument(
        "--min-f1", type=float, default=None, help="exit with 1 when event F1 is below this"
    )
    parser.add_argument("--output", "-o", type=Path, default=None, help="write to this file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ptkg.evaluate import evaluate_store, format_scores, load_reference

    reference = load_reference(args.gold)
    store = GraphStore.open_existing(args.store)
    scores = evaluate_store(store, reference)
    if args.format == "json":
        write_output(json.dumps(scores.as_dict(), indent=2), args.output)
    else:
        write_output(format_scores(scores), args.output)
    if args.min_f1 is not None and round(scores.events.f1, 4) < args.min_f1:  # as printed
        return EXIT_CHECK_FAILED
    return EXIT_OK
