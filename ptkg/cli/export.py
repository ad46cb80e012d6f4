"""``ptkg export``: the reconciled events as stable JSON, as TimelineJS JSON, the timeline
page as one HTML file, or the graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.store import GraphStore
from ptkg.cli.common import (
    EXIT_OK,
    add_command,
    add_page_options,
    add_store_option,
    write_output,
)


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "export",
        "write the reconciled events as JSON or TimelineJS, the timeline page, or the graph",
        "Write every reconciled event with its date window, participants, scope, sources,\n"
        "mentions (offsets and quotes) and conflicts, in the documented, versioned JSON\n"
        "format of queries/schemas/events-1.json; or (--format timelinejs) the timeline in\n"
        "Knight Lab's TimelineJS JSON format, each event with its sources and a quote of\n"
        "each, to publish with TimelineJS (--entity, --type and --title apply to it); or\n"
        "(--format html) the timeline page of `ptkg serve` as one self-contained file, its\n"
        "data and scripts inlined, to publish or mail and open with no server (--title\n"
        "applies); or (--format rdf) the whole graph as TriG or N-Quads by the output's\n"
        "extension. Events are written as they are read, in date order: an export of any\n"
        "size holds one event at a time; --limit and --offset write one page of them\n"
        "(events and timelinejs).",
        "ptkg export --format html --output story.html",
    )
    add_store_option(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=("events", "timelinejs", "html", "rdf"),
        default="events",
        help="events: JSON export; timelinejs: TimelineJS JSON; html: the timeline page as one "
        "file; rdf: the graph (.trig or .nq)",
    )
    parser.add_argument("--output", "-o", type=Path, default=None, help="write to this file")
    parser.add_argument("--entity", help="timelinejs: only events of this entity")
    parser.add_argument("--type", help="timelinejs: only events of this type")
    parser.add_argument(
        "--title", help="timelinejs: the headline of the title slide; html: the page's title"
    )
    add_page_options(parser, "events")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import StoreError
    from queries.export import write_events

    store = GraphStore.open_existing(args.store)
    if args.format == "rdf":
        if args.output is None or args.output.suffix not in (".trig", ".nq"):
            raise StoreError("--format rdf needs --output FILE.trig or FILE.nq", code="E503")
        store.dump(args.output, "trig" if args.output.suffix == ".trig" else "nquads")
        print(f"wrote {args.output}", file=sys.stderr)
        return EXIT_OK
    if args.format == "html":
        from queries.web import static_page, write_static_page

        if args.output is None:
            write_output(static_page(store, args.title), None)
        else:
            write_static_page(store, args.output, args.title)
            print(f"wrote {args.output}", file=sys.stderr)
        return EXIT_OK
    if args.format == "timelinejs":
        from queries.timelinejs import write_timelinejs

        text = write_timelinejs(
            store,
            args.output,
            entity=args.entity,
            event_type=args.type,
            title=args.title,
            limit=args.limit,
            offset=args.offset,
        )
        if args.output is None:
            write_output(text, None)
        return EXIT_OK
    write_events(
        store,
        args.output,
        stream=sys.stdout if args.output is None else None,
        limit=args.limit,
        offset=args.offset,
    )
    return EXIT_OK
