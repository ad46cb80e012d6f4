"""What the commands share: exit codes, help formatting, store and output options, progress."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from extract.errors import OptionError

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

# The exit codes, written once: `ptkg --help` shows them and a test holds the README's table
# to them. Words in `backquotes` are commands and options.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "success"),
    (
        EXIT_CHECK_FAILED,
        "a check failed: `validate` found violations, `build --strict` skipped documents, "
        "`evaluate` fell below `--min-f1`",
    ),
    (
        EXIT_USAGE,
        "a usage or input error, said with its code (docs/errors.md), the file, the line "
        "where there is one, the problem and the fix: a bad option, an unreadable or "
        "malformed manifest, two documents with one id, no document readable, no store or a "
        "damaged one, an unknown query, parameter, entity or event type, a refused query (an "
        "update, `SERVICE`, over `--timeout`), a file the system will not let ptkg read or "
        "write, another build running into the same `--out`",
    ),
    (
        EXIT_INTERNAL,
        "an internal error: a bug (rerun with `--debug` for the traceback, and report it)",
    ),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C): nothing already built was changed"),
)


def exit_codes_help(width: int = 88) -> str:
    """The exit codes as ``ptkg --help`` shows them: one wrapped paragraph a code."""
    lines = ["Exit codes:"]
    for code, meaning in EXIT_CODES:
        lines += textwrap.wrap(
            meaning.replace("`", ""),
            width=width,
            initial_indent=f"  {code:<5}",
            subsequent_indent=" " * 7,
        )
    return "\n".join(lines)


def exit_codes_markdown() -> str:
    """The exit codes as the README's table."""
    rows = ["| code | when |", "|---|---|"]
    rows += [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES]
    return "\n".join(rows)


DEFAULT_OUT = Path("out")
DEFAULT_STORE = DEFAULT_OUT / "store"


class Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Keeps the line breaks of descriptions and examples, and shows defaults."""


def add_command(
    commands: Any, name: str, summary: str, description: str, example: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"Example:\n  {example}",
        formatter_class=Formatter,
    )
    return parser


def positive_int(text: str) -> int:
    """An argparse type: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def worker_count(text: str) -> int:
    """An argparse type: a number of worker processes, or ``auto`` (this machine's CPUs)."""
    if text.strip().lower() == "auto":
        from extract.executors import default_workers

        return default_workers()
    try:
        return positive_int(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number of 1 or more, nor auto"
        ) from None


def positive_seconds(text: str) -> float:
    """An argparse type: a number of seconds, more than 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value


def iso_day(text: str) -> date:
    """An argparse type: a day written YYYY-MM-DD, or a message saying why it is not one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day: write YYYY-MM-DD ({exc})"
        ) from exc


def check_output_options(args: argparse.Namespace) -> None:
    """Refuse an output path that cannot be a file (a directory), before any work."""
    for option in ("output", "chart"):
        path = getattr(args, option, None)
        if path is None:
            continue
        if Path(path).is_dir():
            raise OptionError(
                f"--{option}",
                path,
                "is a directory",
                fix=f"give a file name, e.g. --{option} {Path(path) / 'result'}",
                code="E202",
            )
        for parent in Path(path).absolute().parents:
            if parent.exists() and not parent.is_dir():
                raise OptionError(
                    f"--{option}", path, f"{parent} is a file, not a directory", code="E202"
                )


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_STORE,
        help="graph store directory written by `ptkg build`",
    )


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return value


def add_page_options(parser: argparse.ArgumentParser, what: str = "rows") -> None:
    """--limit and --offset: one page of a listing (read by position from the summary
    graph, not by sorting the whole: the first page of a million events is as quick as
    the first page of a hundred)."""
    parser.add_argument(
        "--limit", type=positive_int, default=None, metavar="N", help=f"at most N {what}"
    )
    parser.add_argument(
        "--offset",
        type=non_negative_int,
        default=0,
        metavar="N",
        help=f"skip the first N {what} (with --limit: the page after them)",
    )


def add_format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument("--format", "-f", choices=choices, default=choices[0], help="output format")


def write_output(text: str, path: Path | None) -> None:
    """Print, or write to a file (never half-written: replaced in one step)."""
    if path is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        from kg.files import write_text_atomic

        write_text_atomic(path, text)


def progress_bars(quiet: bool) -> tuple[Callable[[str, int, int | None], None], Callable[[], None]]:
    """A progress callback drawing one tqdm bar per stage on stderr, and a closer."""
    from tqdm import tqdm

    labels = {
        "extract": "extracting",
        "names": "extracting again with the corpus's names",
        "graph": "building graph",
    }
    bars: dict[str, Any] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        if quiet:
            return
        bar = bars.get(stage)
        if bar is None:
            bar = tqdm(
                total=total,
                desc=labels.get(stage, stage),
                unit="doc",
                file=sys.stderr,
                disable=None,
                leave=False,
            )
            bars[stage] = bar
        bar.n = done
        bar.refresh()

    def close() -> None:
        for bar in bars.values():
            bar.close()

    return update, close
