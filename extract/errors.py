"""The project's errors and their codes: the one error module every package imports.

``extract``, ``kg``, ``queries`` and ``ptkg`` all raise the classes defined here (``kg.errors``
re-exports the graph layer's, ``queries`` the query errors), so that one base class,
``PolicyKGError``, catches every error raised on purpose and one table, ``ERROR_CODES``,
numbers them. The module imports nothing of the project: any layer may import it without
depending on another layer's code.

Every error has a stable code, ``E`` and three digits, that tests and users can match
whatever the wording: each class has its own (``ManifestError.code == "E110"``), and where a
class covers several distinct problems the raise site passes a more specific one of the
same family (``ManifestError(path, problem, line=4, code="E113")``). The command
line prints it (``ptkg: error[E113] corpus/manifest.yaml:4: ...``); docs/errors.md lists them
all, written from ``ERROR_CODES`` (``python -m extract.errors > docs/errors.md``) and checked
against it by the tests.

Messages say what went wrong, where (the file and, when known, the line), and how to fix it.
The library raises; only the command line turns these into messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final


@dataclass(frozen=True)
class ErrorCode:
    """One row of the table: a code, the class raised with it, what it means."""

    code: str
    error: str
    meaning: str


# Families: E1xx input (corpus, manifest, documents, data files), E2xx options, E3xx output,
# E4xx the NLP pipeline, E5xx the graph store, E6xx queries, E7xx validation. A code ending
# in 0 is a class's own; the others are the specific problems its raise sites name.
ERROR_CODES: Final[tuple[ErrorCode, ...]] = (
    ErrorCode("E000", "PolicyKGError", "an error of ptkg that has no more specific code"),
    # -- input
    ErrorCode(
        "E100", "InputError", "a corpus file, manifest entry or data file cannot be used as it is"
    ),
    ErrorCode("E110", "ManifestError", "the corpus manifest is malformed: nothing is built"),
    ErrorCode("E111", "ManifestError", "the corpus path given does not exist or cannot be read"),
    ErrorCode(
        "E112", "ManifestError", "a manifest entry has an unknown field, or lacks its 'file'"
    ),
    ErrorCode(
        "E113", "ManifestError", "a date of the manifest is not a date, or not as full as needed"
    ),
    ErrorCode(
        "E114",
        "ManifestError",
        "a CSV manifest's header or a row is malformed (a quote never closed, too many fields)",
    ),
    ErrorCode("E115", "ManifestError", "a document id cannot be used in an IRI, or is used twice"),
    ErrorCode(
        "E116",
        "ManifestError",
        "the manifest is not Unicode text: not valid UTF-8, an unpaired surrogate, a NUL",
    ),
    ErrorCode("E120", "DocumentError", "a document cannot be read: it is skipped, others build"),
    ErrorCode(
        "E121", "DocumentError", "the file cannot be read: not found, a directory, too large"
    ),
    ErrorCode(
        "E122",
        "DocumentError",
        "the file is not text: empty, binary, not valid UTF-8, an unpaired surrogate",
    ),
    ErrorCode("E123", "DocumentError", "the text is longer than one document may be: split it"),
    ErrorCode("E124", "DocumentError", "the text is in another language than the pipeline reads"),
    ErrorCode(
        "E125",
        "DocumentError",
        "no article text: none in the HTML page, or none left after removing boilerplate",
    ),
    ErrorCode(
        "E126",
        "DocumentError",
        "a JSON line is malformed: not JSON, not an object, an unknown or bad field, no text",
    ),
    ErrorCode("E127", "DocumentError", "the file type is not one ptkg reads"),
    ErrorCode("E130", "DuplicateIdError", "two documents of the corpus would have one id"),
    ErrorCode("E140", "DataFileError", "a lexicon, gazetteer or other data file is malformed"),
    ErrorCode("E141", "DataFileError", "a data file cannot be read, or is not valid YAML"),
    ErrorCode("E142", "DataFileError", "a data file of the package is missing: reinstall it"),
    ErrorCode(
        "E143",
        "DataFileError",
        "a program or asset of `ptkg serve` and the timeline page is missing: make install",
    ),
    ErrorCode("E150", "RuleError", "a time resolution rule does not follow its grammar"),
    ErrorCode("E160", "NothingToBuildError", "no document of the corpus could be read"),
    # -- options
    ErrorCode("E200", "OptionError", "an option cannot be used as it is"),
    ErrorCode("E201", "OptionError", "a number option is out of its range"),
    ErrorCode(
        "E202",
        "OptionError",
        "an output path cannot be written: a file where a folder is needed, or the reverse",
    ),
    ErrorCode("E203", "OptionError", "--base-iri is not an absolute IRI"),
    ErrorCode("E204", "OptionError", "a file option (--lexicon, --boilerplate) names no file"),
    ErrorCode("E205", "OptionError", "ptkg serve cannot listen on --host/--port"),
    ErrorCode(
        "E206",
        "OptionError",
        "--scheduler is not a Dask scheduler's address, or none answers there with workers",
    ),
    ErrorCode("E207", "OptionError", "--executor dask without the distributed package: install it"),
    # -- output
    ErrorCode("E300", "OutputError", "an output file or folder cannot be written"),
    ErrorCode("E310", "LockedError", "another ptkg build is writing into the same folder"),
    ErrorCode(
        "E320",
        "OSError",
        "the system will not let ptkg read or write a file named (permission, full disk)",
    ),
    # -- the NLP pipeline
    ErrorCode("E400", "PipelineError", "the NLP pipeline cannot be loaded or run"),
    ErrorCode(
        "E401", "PipelineError", "no spaCy pipeline is installed, or the one named cannot load"
    ),
    ErrorCode(
        "E402", "PipelineError", "a component runs before what it reads (a dependency parse)"
    ),
    ErrorCode(
        "E403",
        "PipelineError",
        "a worker of --executor dask has other versions than the build, or was lost",
    ),
    # -- the graph store
    ErrorCode("E500", "StoreError", "the graph store cannot be opened, written or read"),
    ErrorCode("E501", "StoreError", "no graph store built by ptkg at the path: build one"),
    ErrorCode("E502", "StoreError", "the graph store cannot be opened: damaged, or in use"),
    ErrorCode("E503", "StoreError", "the graph cannot be written out in the format asked"),
    ErrorCode("E504", "StoreError", "the SPARQL server of ptkg serve cannot serve the store"),
    # -- queries
    ErrorCode("E600", "QueryError", "a SPARQL query cannot be run as it is asked"),
    ErrorCode("E601", "QueryError", "no query of that name, and no such .rq file"),
    ErrorCode("E602", "QueryError", "the query cannot be read or parsed (its header, its SPARQL)"),
    ErrorCode(
        "E603", "QueryError", "a parameter is missing, unknown, given twice or not of its type"
    ),
    ErrorCode("E604", "QueryError", "no entity of the graph has that name, or several do"),
    ErrorCode("E605", "QueryError", "no event type of the graph has that id"),
    ErrorCode("E606", "QueryError", "a query refused: an update, or a SERVICE call"),
    ErrorCode("E610", "QueryTimeoutError", "a query did not finish within its time limit"),
    # -- validation
    ErrorCode("E700", "ValidationError", "SHACL validation could not run"),
    ErrorCode("E701", "ValidationError", "nothing to validate: no such store or file, or not RDF"),
)


class PolicyKGError(Exception):
    """Base class of the project's errors.

    ``code`` is the class's code, or the more specific one the raise site gave.
    """

    code: str = "E000"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt as it is (class, message, code, fields) when a worker process sends it
        # back: the subclasses' own constructors take other arguments than the message.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(
    cls: type[PolicyKGError], args: tuple[object, ...], state: dict[str, object]
) -> PolicyKGError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InputError(PolicyKGError):
    """A corpus file, manifest entry or data file cannot be used as it is."""

    code = "E100"

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        line: int | None = None,
        fix: str | None = None,
        code: str | None = None,
    ) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.fix = fix
        where = f"{self.path}:{line}" if line is not None else self.path
        message = f"{where}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message, code=code)


class ManifestError(InputError):
    """The corpus manifest is malformed; no document can be trusted to be read right."""

    code = "E110"


class DocumentError(InputError):
    """One document cannot be read; the others still build."""

    code = "E120"


class DuplicateIdError(InputError):
    """Two documents of one corpus would have the same id: one would hide the other."""

    code = "E130"


class DataFileError(InputError):
    """A lexicon, gazetteer or other data file is malformed."""

    code = "E140"


class NothingToBuildError(PolicyKGError):
    """No document of the corpus could be read."""

    code = "E160"


class OptionError(PolicyKGError):
    """An option given to a command (or a library call) cannot be used as it is."""

    code = "E200"

    def __init__(
        self,
        option: str,
        value: object,
        problem: str,
        *,
        fix: str | None = None,
        code: str | None = None,
    ) -> None:
        self.option = option
        self.value = value
        self.problem = problem
        self.fix = fix
        message = f"{option} {value}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message, code=code)


class OutputError(PolicyKGError):
    """An output file or directory cannot be written (or another build is writing it)."""

    code = "E300"


class LockedError(OutputError):
    """Another process holds the lock of a directory (another build is writing into it)."""

    code = "E310"


class PipelineError(PolicyKGError):
    """The NLP pipeline cannot be loaded or run."""

    code = "E400"


class StoreError(PolicyKGError):
    """The graph store cannot be opened, written or read."""

    code = "E500"


class QueryError(PolicyKGError):
    """A SPARQL query is unknown, malformed or given wrong parameters."""

    code = "E600"


class QueryTimeoutError(QueryError):
    """A query did not finish within its time limit."""

    code = "E610"


class ValidationError(PolicyKGError):
    """SHACL validation could not run (not: the graph does not conform)."""

    code = "E700"


def error_code(code: str) -> ErrorCode:
    """The row of ``code``; KeyError for a code the table does not have."""
    for row in ERROR_CODES:
        if row.code == code:
            return row
    raise KeyError(code)


def error_codes_markdown() -> str:
    """docs/errors.md: the table of codes, as the tests check it."""
    lines = [
        "# Error codes",
        "",
        "<!-- Written from extract/errors.py (ERROR_CODES) by `python -m extract.errors >",
        "docs/errors.md`; a test fails when the two differ. -->",
        "",
        "Every error ptkg raises on purpose has a stable code, printed by the command line",
        "before the message (`ptkg: error[E113] corpus/manifest.yaml:4: ...`) and kept by the",
        "library as the error's `code` attribute. A code ending in 0 is an error class's own;",
        "the others name the specific problems of that class. A document skipped by a build",
        "is reported with its code too (`ptkg: skipped[E122] empty.txt: file is empty`, and",
        '`"code"` in `build.json`). Every one of these errors exits with 2 (see `ptkg --help`).',
        "",
        "| code | error | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| {row.code} | `{row.error}` | {row.meaning} |" for row in ERROR_CODES]
    return "\n".join(lines) + "\n"


__all__ = [
    "ERROR_CODES",
    "DataFileError",
    "DocumentError",
    "DuplicateIdError",
    "ErrorCode",
    "InputError",
    "LockedError",
    "ManifestError",
    "NothingToBuildError",
    "OptionError",
    "OutputError",
    "PipelineError",
    "PolicyKGError",
    "QueryError",
    "QueryTimeoutError",
    "StoreError",
    "ValidationError",
    "error_code",
    "error_codes_markdown",
]

if __name__ == "__main__":
    import sys

    sys.stdout.write(error_codes_markdown())
