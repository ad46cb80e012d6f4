"""``ptkg timeline``: the events in date order as a table, and the timeline chart."""

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
    add_page_options,
    add_store_option,
    write_output,
)
from queries import run_query


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "timeline",
        "events in date order, as a table and a chart",
        "Print the reconciled events in date order (the `timeline` query), optionally only\n"
        "those of one entity, type or period, and draw them as a timeline chart\n"
        "(PNG or SVG by the file's extension; both for any other path). The chart is also\n"
        "`ptkg chart timeline`; `ptkg query timeline-as-of` gives the timeline as known on a day.\n"
        "--limit and --offset print one page of the events (the chart draws them all).",
        'ptkg timeline --entity "Anthropic" --chart out/timeline.png',
    )
    add_store_option(parser)
    parser.add_argument("--entity", help="only events of this entity (name, alias or IRI)")
    parser.add_argument("--type", help="only events of this type (e.g. export_restriction)")
    parser.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="period start")
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="period end")
    add_format_option(parser, ("table", "csv", "json"))
    parser.add_argument("--output", "-o", type=Path, default=None, help="write the table here")
    parser.add_argument("--chart", type=Path, default=None, help="write the chart here")
    parser.add_argument(
        "--lanes",
        choices=("model", "agent"),
        default="model",
        help="chart lanes: one per model, or one per acting agent",
    )
    add_page_options(parser, "events")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = GraphStore.open_existing(args.store)
    params = {"entity": args.entity, "type": args.type, "from": args.from_, "to": args.to}
    result = run_query(
        store,
        "timeline",
        params,
        limit=args.limit,
        offset=args.offset,
    )
    write_output(result.format(args.format), args.output)
    if args.chart is not None:
        from queries.charts import draw_timeline

        written = draw_timeline(
            store, args.chart, entity=args.entity, event_type=args.type, lane_by=args.lanes
        )
        for path in written:
            print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
