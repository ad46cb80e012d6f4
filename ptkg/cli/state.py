"""``ptkg state``: the restriction state of models on a day, or their sequence of states."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.store import GraphStore
from ptkg.cli.common import (
    EXIT_OK,
    add_command,
    add_format_option,
    add_store_option,
    iso_day,
    write_output,
)
from queries import run_query


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "state",
        "restriction state of models on a day, or over time",
        "With --day: the state of each model (or of --model) on that day, whether it is\n"
        "certain or only possible (dates known within a window), the event that set it and\n"
        "the documents that report it; --quotes answers in words, quoting each source.\n"
        "Without --day: each model's sequence of states.\n"
        "--chart draws the states over time as coloured bands.",
        'ptkg state --model "Gemini 2" --day 2026-06-20 --format json',
    )
    add_store_option(parser)
    parser.add_argument("--model", help="only this model or product (name, alias or IRI)")
    parser.add_argument(
        "--day", type=iso_day, metavar="YYYY-MM-DD", help="the day to answer for"
    )
    parser.add_argument("--population", help="a population id (default: all)")
    add_format_option(parser, ("table", "csv", "json"))
    parser.add_argument("--output", "-o", type=Path, default=None, help="write to this file")
    parser.add_argument("--chart", type=Path, default=None, help="draw the state bands here")
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="with --day and --model: the answer in words, quoting each source once",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = GraphStore.open_existing(args.store)
    params: dict[str, Any] = {"model": args.model, "population": args.population}
    if args.quotes:
        if args.day is None or not args.model:
            from kg.errors import QueryError

            raise QueryError("--quotes needs --day and --model")
        from queries import state_on_day

        answers = state_on_day(store, args.model, args.day, population=args.population)
        text = "\n\n".join(a.text() for a in answers) or f"no state of {args.model} is known"
        write_output(text, args.output)
    elif args.day is not None:
        params["day"] = args.day
        result = run_query(store, "state-on-day", {k: v for k, v in params.items() if v})
        write_output(result.format(args.format), args.output)
    else:
        result = run_query(store, "restrictions", {k: v for k, v in params.items() if v})
        write_output(result.format(args.format), args.output)
    if args.chart is not None:
        from queries.charts import draw_states

        for path in draw_states(store, args.chart, model=args.model, population=args.population):
            print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
