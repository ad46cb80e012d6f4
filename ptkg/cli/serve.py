"""``ptkg serve``: a read-only SPARQL endpoint of a built store, and the timeline page."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import Any

from ptkg.cli.common import EXIT_OK, add_command, add_store_option, positive_seconds


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "serve",
        "serve the graph: a read-only SPARQL endpoint and the timeline page",
        "Serve a built store over the SPARQL 1.1 protocol at /query (GET and POST; JSON,\n"
        "XML, CSV or TSV results by the Accept header) with Oxigraph's own server, and the\n"
        "timeline page at / (events on lanes per subject, restriction states as bands,\n"
        "filters, each event's sources, a query box for the named queries and any SPARQL).\n"
        "Read-only: updates are refused, and a SERVICE call, which would leave this\n"
        "machine, too. A query has --timeout seconds to answer in full.\n"
        "\n"
        "Serving while building: give the build's output (--store OUT or OUT/store) and\n"
        "run `ptkg build --out OUT` meanwhile; the previous build is served until the new\n"
        "one is put in place, then the new one. Ctrl-C stops the server.",
        "ptkg serve --store out/store --port 7878",
    )
    add_store_option(parser)
    from queries.web import DEFAULT_HOST, DEFAULT_LIMIT, DEFAULT_PORT

    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="the address to listen on (0.0.0.0: every network the machine is on)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="the port to listen on (0: any free one)"
    )
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=DEFAULT_LIMIT,
        metavar="SECONDS",
        help="the time a query has to answer in full",
    )
    parser.add_argument("--title", help="the title of the timeline page")
    parser.add_argument("--quiet", "-q", action="store_true", help="do not log each request")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from queries.web import Server

    def say(message: str) -> None:
        print(f"ptkg serve: {message}", file=sys.stderr, flush=True)

    server = Server(
        args.store,
        host=args.host,
        port=args.port,
        limit=args.timeout,
        title=args.title,
        notify=say,
        log=None if args.quiet else say,
    )
    # Stopped by a service manager or a closed terminal as by Ctrl-C: in order. SIGINT too,
    # which a shell ignores in a program it starts in the background.
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, _interrupt) for sig in signals}
    try:
        print(
            f"ptkg serve: the timeline at {server.url} and the SPARQL endpoint at "
            f"{server.url}query, serving {server.store} (Ctrl-C stops it)",
            flush=True,
        )
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say("stopped")
    return EXIT_OK


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
