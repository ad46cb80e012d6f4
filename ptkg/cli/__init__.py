"""The ``ptkg`` command line: thin commands over the library, which never prints or exits.

An error the library raises on purpose (``extract.errors``) is printed with its code,
``ptkg: error[E113] FILE:LINE: problem (fix)``, and exits with 2; the exit codes are
``ptkg.cli.common.EXIT_CODES``, shown by ``ptkg --help``.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from extract.errors import PolicyKGError
from ptkg.cli import build, chart, evaluate, export, query, serve, state, timeline, validate
from ptkg.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Formatter,
    check_output_options,
    exit_codes_help,
)

COMMANDS = (build, query, timeline, state, chart, export, serve, validate, evaluate)

# The code printed for a file the system will not let ptkg read or write (an OSError).
E_FILE_SYSTEM = "E320"

EPILOG = f"""\
{exit_codes_help()}

Errors are printed with a code, e.g. error[E113]: docs/errors.md lists them.

Example:
  ptkg build corpus/ && ptkg timeline --chart out/timeline.png
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptkg",
        description="Build a dated, sourced knowledge graph of policy events from news "
        "articles, and query it.",
        epilog=EPILOG,
        formatter_class=Formatter,
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    from importlib.metadata import PackageNotFoundError, version

    try:
        package_version = version("policy-timeline-kg")
    except PackageNotFoundError:
        package_version = "unknown"
    parser.add_argument("--version", action="version", version=f"ptkg {package_version}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_output_options(args)
        code: int = args.run(args)
        return code
    except PolicyKGError as error:
        if args.debug:
            traceback.print_exc()
        print(f"ptkg: error[{error.code}] {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("ptkg: interrupted; nothing already built was changed", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except OSError as error:
        if error.filename is None:
            return _internal(error, args.debug)
        # A file or folder the user named cannot be read or written (no permission, a
        # full disk, a path through a file): the user's to fix, not a bug.
        if args.debug:
            traceback.print_exc()
        message = f"{error.filename}: {error.strerror or error}"
        print(f"ptkg: error[{E_FILE_SYSTEM}] {message}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:
        return _internal(error, args.debug)


def _internal(error: Exception, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    print(
        f"ptkg: internal error: {type(error).__name__}: {error} "
        "(rerun with --debug for the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
