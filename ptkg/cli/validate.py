"""``ptkg validate``: check a store or an RDF file against the project's SHACL shapes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.validate import validate_target
from ptkg.cli.common import DEFAULT_STORE, EXIT_CHECK_FAILED, EXIT_OK, add_command, write_output


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "validate",
        "check a graph against the SHACL shapes",
        "Validate a store directory or an RDF file (.trig, .nq, .ttl, .nt) against the\n"
        "shapes in kg/vocab/shapes.ttl. Exit 0 when it conforms, 1 when it does not (the\n"
        "report lists each violation), 2 when validation cannot run.",
        "ptkg validate out/store",
    )
    parser.add_argument(
        "target", nargs="?", type=Path, default=DEFAULT_STORE, help="store directory or RDF file"
    )
    parser.add_argument(
        "--report", choices=("text", "turtle"), default="text", help="report format"
    )
    parser.add_argument("--output", "-o", type=Path, default=None, help="write the report here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = validate_target(args.target)
    text = report.text if args.report == "text" else report.graph.serialize(format="turtle")
    write_output(text, args.output)
    return EXIT_OK if report.conforms else EXIT_CHECK_FAILED
