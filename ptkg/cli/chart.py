"""``ptkg chart``: draw the timeline, the restriction states or the network, as PNG and SVG."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.store import GraphStore
from ptkg.cli.common import DEFAULT_OUT, EXIT_OK, add_command, add_store_option


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "chart",
        "draw the timeline, state or network chart (PNG and SVG)",
        "Draw one chart of the graph:\n"
        "  timeline  events by date, one lane per model (--lanes agent: per actor); vague\n"
        "            dates as bars across their window, disputed dates framed in red\n"
        "  states    each model's restriction state over time as coloured bands, with the\n"
        "            events that changed it\n"
        "  network   actors and the parties and models their actions were directed at\n"
        "--output names the file: .png or .svg writes that format, any other path both\n"
        "(out/timeline -> out/timeline.png and out/timeline.svg).",
        'ptkg chart timeline --entity "Anthropic" --output out/anthropic-timeline',
    )
    parser.add_argument("kind", choices=("timeline", "states", "network"), help="which chart")
    add_store_option(parser)
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        help="file to write (default: out/KIND, as .png and .svg)",
    )
    parser.add_argument(
        "--entity", help="timeline, network: only events of this entity (name, alias or IRI)"
    )
    parser.add_argument(
        "--type", help="timeline, network: only events of this type (e.g. export_restriction)"
    )
    parser.add_argument(
        "--lanes",
        choices=("model", "agent"),
        default="model",
        help="timeline: one lane per model, or per acting agent",
    )
    parser.add_argument("--model", help="states: only this model (name, alias or IRI)")
    parser.add_argument("--population", help="states: a population id (default: all)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from queries.charts import draw_network, draw_states, draw_timeline

    store = GraphStore.open_existing(args.store)
    output = args.output or DEFAULT_OUT / args.kind
    if args.kind == "timeline":
        written = draw_timeline(
            store, output, entity=args.entity, event_type=args.type, lane_by=args.lanes
        )
    elif args.kind == "states":
        written = draw_states(store, output, model=args.model, population=args.population)
    else:
        written = draw_network(store, output, entity=args.entity, event_type=args.type)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
