"""``ptkg state``: the restriction state of subjects on a day, or their sequence of states."""

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
        "restriction state of subjects on a day, or over time",
        "With --day: the state of each subject (a model, product, app or company; or only\n"
        "--subject) on that day under its principal authority (or --authority), whether it\n"
        "is certain, likely (the best estimates of the dates) or only possible (another\n"
        "state the dates allow), the event that set it and the documents that report it;\n"
        "--quotes answers in words, quoting each source.\n"
        "Without --day: each subject's sequence of states.\n"
        "--chart draws the states over time as coloured bands.",
        'ptkg state --subject "Gemini 2" --day 2026-06-20 --format json',
    )
    add_store_option(parser)
    parser.add_argument(
        "--subject",
        "--model",
        dest="subject",
        help="only this model, product, app or company (name, alias or IRI)",
    )
    parser.add_argument(
        "--authority",
        help="under this authority: a department, agency, official or government "
        "(default: the subject's principal authority)",
    )
    parser.add_argument(
        "--layer",
        choices=("legal", "effective"),
        default=None,
        help="legal (governments, courts) or effective (the company's own switch); default: legal",
    )
    parser.add_argument("--day", type=iso_day, metavar="YYYY-MM-DD", help="the day to answer for")
    parser.add_argument("--population", help="a population id (default: all)")
    add_format_option(parser, ("table", "csv", "json"))
    parser.add_argument("--output", "-o", type=Path, default=None, help="write to this file")
    parser.add_argument("--chart", type=Path, default=None, help="draw the state bands here")
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="with --day and --subject: the answer in words, quoting each source once",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = GraphStore.open_existing(args.store)
    params: dict[str, Any] = {
        "subject": args.subject,
        "authority": args.authority,
        "population": args.population,
        "layer": args.layer,
    }
    if args.quotes:
        if args.day is None or not args.subject:
            from kg.errors import QueryError

            raise QueryError("--quotes needs --day and --subject", code="E603")
        from queries import state_on_day

        answers = state_on_day(
            store,
            args.subject,
            args.day,
            authority=args.authority,
            population=args.population,
            layer=args.layer,
        )
        text = "\n\n".join(a.text() for a in answers) or (
            f"{args.subject} was unrestricted on {args.day}: no authority had acted on it"
            + (f" (under {args.authority})" if args.authority else "")
        )
        write_output(text, args.output)
    elif args.day is not None:
        params["day"] = args.day
        result = run_query(store, "state-on-day", params)
        write_output(result.format(args.format), args.output)
    else:
        result = run_query(store, "restrictions", params)
        write_output(result.format(args.format), args.output)
    if args.chart is not None:
        from queries.charts import draw_states

        drawn = draw_states(
            store,
            args.chart,
            subject=args.subject,
            authority=args.authority,
            population=args.population,
            layer=args.layer,
        )
        for path in drawn:
            print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
