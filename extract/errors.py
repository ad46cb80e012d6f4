"""The project's exceptions. Every error raised on purpose derives from ``PolicyKGError``.

Messages say what went wrong, where (the file and, when known, the line), and how to fix it.
The library raises; only the command line turns these into messages and exit codes.
"""

from __future__ import annotations

from pathlib import Path


class PolicyKGError(Exception):
    """Base class of the project's errors."""


class InputError(PolicyKGError):
    """A corpus file, manifest entry or data file cannot be used as it is."""

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.fix = fix
        where = f"{self.path}:{line}" if line is not None else self.path
        message = f"{where}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class ManifestError(InputError):
    """The corpus manifest is malformed; no document can be trusted to be read right."""


class DocumentError(InputError):
    """One document cannot be read; the others still build."""


class DataFileError(InputError):
    """A lexicon, gazetteer or other data file is malformed."""


class PipelineError(PolicyKGError):
    """The NLP pipeline cannot be loaded or run."""


class DuplicateIdError(InputError):
    """Two documents of one corpus would have the same id: one would hide the other."""


class OptionError(PolicyKGError):
    """An option given to a command (or a library call) cannot be used as it is."""

    def __init__(self, option: str, value: object, problem: str, *, fix: str | None = None) -> None:
        self.option = option
        self.value = value
        self.problem = problem
        self.fix = fix
        message = f"{option} {value}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class OutputError(PolicyKGError):
    """An output file or directory cannot be written (or another build is writing it)."""
