"""``ptkg query``: run a named query of the library, or a .rq file, with bound parameters."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.errors import QueryError
from kg.store import GraphStore
from ptkg.cli.common import (
    EXIT_OK,
    add_command,
    add_format_option,
    add_page_options,
    add_store_option,
    positive_seconds,
    write_output,
)
from queries import list_queries, run_query

# Seconds a query may run (--timeout): a question about one thing answers in milliseconds;
# a listing of a very large graph may need more (benchmarks/README.md).
DEFAULT_TIMEOUT = 300.0


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "query",
        "run a named SPARQL query (or a .rq file)",
        "Run a query of the query library (see --list) or a SPARQL file of your own.\n"
        "Parameters are bound to the query's variables, never pasted into its text;\n"
        'an entity parameter takes a name or alias ("Gemini 2") or an IRI.\n'
        "Queries only read the local graph: updates and SERVICE calls are refused. ASK\n"
        "answers with one row (answer), CONSTRUCT and DESCRIBE with the triples as rows.\n"
        "--limit and --offset give one page of the rows: a listing of the whole graph\n"
        "(timeline, timeline-as-of, restrictions...) reads only the rows of that page\n"
        "(ptkg query timeline --limit 100 --offset 200).",
        'ptkg query state-on-day --param subject="Gemini 2" --param day=2026-06-20',
    )
    parser.add_argument("name", nargs="?", help="query name (see --list) or path to a .rq file")
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter; repeatable",
    )
    parser.add_argument("--list", action="store_true", help="list the named queries")
    add_store_option(parser)
    add_format_option(parser, ("table", "csv", "json"))
    parser.add_argument("--output", "-o", type=Path, default=None, help="write to this file")
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up on a query that runs longer than this",
    )
    add_page_options(parser)
    parser.set_defaults(run=run)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["day=2026-06-20"]`` -> ``{"day": "2026-06-20"}``; a name given twice is refused
    (which value was meant cannot be guessed)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?")
        if not sep or not name:
            raise QueryError(f"--param {pair!r}: write NAME=VALUE", code="E603")
        if name in params:
            raise QueryError(
                f"--param {name} is given twice ({params[name]!r} and {value.strip()!r}): "
                "give each parameter once",
                code="E603",
            )
        params[name] = value.strip()
    return params


def run(args: argparse.Namespace) -> int:
    if args.list or not args.name:
        lines = []
        for named in list_queries():
            params = " ".join(
                f"{p.name}=<{p.type}>" if p.required else f"[{p.name}=<{p.type}>]"
                for p in named.parameters
            )
            lines.append(f"{named.name:24} {named.title}")
            if params:
                lines.append(f"{'':24}   params: {params}")
        write_output("\n".join(lines), args.output)
        return EXIT_OK
    store = GraphStore.open_existing(args.store)
    result = run_query(
        store,
        args.name,
        parse_params(args.param),
        timeout=args.timeout,
        limit=args.limit,
        offset=args.offset,
    )
    write_output(result.format(args.format), args.output)
    return EXIT_OK
