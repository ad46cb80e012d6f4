"""Every command has help with an example, the README documents every command, and the exit
codes are one table (``EXIT_CODES``) that ``ptkg --help`` and the README both show."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from ptkg.cli import COMMANDS, build_parser, main
from ptkg.cli.common import EXIT_CODES, exit_codes_markdown

NAMES = ["build", "query", "timeline", "state", "chart", "export", "serve", "validate", "evaluate"]
README = Path(__file__).resolve().parents[2] / "README.md"


def _commands() -> list[str]:
    """The commands the parser knows, in the order ``ptkg --help`` lists them."""
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(subparsers.choices)


def test_cli_help_commands_are_the_modules_of_ptkg_cli() -> None:
    assert _commands() == NAMES
    assert [c.__name__.rsplit(".", 1)[1] for c in COMMANDS] == NAMES
    assert build_parser().prog == "ptkg"


def test_cli_help_lists_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    codes = [code for code, _ in EXIT_CODES]
    assert codes == [0, 1, 2, 3, 130]
    shown = re.findall(r"^  (\d+) +\S", out.split("Exit codes:", 1)[1], re.M)
    assert [int(c) for c in shown] == codes
    for name in NAMES:
        assert name in out


@pytest.mark.parametrize("name", NAMES)
def test_cli_help_of_each_command_has_an_example(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([name, "--help"])
    out = capsys.readouterr().out
    assert "Example:" in out
    assert f"ptkg {name}" in out.split("Example:")[1]


def test_cli_help_readme_documents_every_command() -> None:
    readme = README.read_text(encoding="utf-8")
    section = readme.split("## The command line", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `ptkg ([a-z]+)[ `]", section, re.M)
    assert documented == _commands()


def test_cli_help_readme_exit_codes_are_the_table_of_the_code() -> None:
    readme = README.read_text(encoding="utf-8")
    assert exit_codes_markdown() in readme
    table = readme.split("| code | when |", 1)[1].split("\n\n", 1)[0]
    assert len(re.findall(r"^\| \d+ \|", table, re.M)) == len(EXIT_CODES)  # no extra rows


@pytest.mark.parametrize(
    ("given", "workers"), [([], None), (["-j", "auto"], None), (["-j", "3"], 3)]
)
def test_cli_build_processes_default_to_the_machines_cpus(
    given: list[str], workers: int | None
) -> None:
    from extract.executors import default_workers

    args = build_parser().parse_args(["build", "corpus", *given])
    assert args.processes == (workers or default_workers())
