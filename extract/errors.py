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
