"""Every command has help with an example, and the README documents every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptkg.cli import COMMANDS, build_parser, main

NAMES = ["build", "query", "timeline", "state", "chart", "export", "validate", "evaluate"]


def test_cli_help_lists_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for code in ("0 ", "1 ", "2 ", "3 ", "130"):
        assert f"\n  {code}" in out
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


def test_cli_help_readme_documents_every_command(corpus_dir: Path) -> None:
    readme = (corpus_dir.parent / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"ptkg {name}" in readme, name
    assert len(COMMANDS) == len(NAMES)
    assert build_parser().prog == "ptkg"
