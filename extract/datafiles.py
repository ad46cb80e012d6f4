"""Finding and reading the YAML data files that hold the project's domain knowledge."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from extract.errors import DataFileError


def packaged_data(name: str) -> Path:
    """Path of a data file shipped in ``extract/data``."""
    path = Path(str(resources.files("extract.data").joinpath(name)))
    if not path.is_file():
        raise DataFileError(
            path, "packaged data file is missing", fix="reinstall the package", code="E142"
        )
    return path


# The data files and manifests are read at every start-up, several times a build: libyaml's
# safe loader reads them about ten times as fast as the pure-Python one.
FAST_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FAST_VARIANTS: dict[type[yaml.SafeLoader], type[yaml.SafeLoader]] = {}


def fast_loader(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """``loader`` (``yaml.SafeLoader`` or a subclass that changes only its resolvers or
    constructors) reading in C where libyaml is built in."""
    if loader is yaml.SafeLoader:
        return FAST_SAFE_LOADER
    if FAST_SAFE_LOADER is yaml.SafeLoader:
        return loader  # no libyaml in this PyYAML
    if loader not in _FAST_VARIANTS:
        _FAST_VARIANTS[loader] = type(
            loader.__name__,
            (FAST_SAFE_LOADER,),
            {
                "yaml_implicit_resolvers": loader.yaml_implicit_resolvers,
                "yaml_constructors": loader.yaml_constructors,
            },
        )
    return _FAST_VARIANTS[loader]


def parse_yaml(text: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """``text`` read by libyaml where it is built in; what it refuses is read again by
    ``loader`` itself, whose error (or reading) is then the answer: a mistake gets the same
    message on every install."""
    try:
        return yaml.load(text, Loader=fast_loader(loader))  # a SafeLoader: no arbitrary objects
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return yaml.load(text, Loader=loader)


def load_yaml(path: Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """Parse a YAML file; errors name the file and line.

    ``loader`` is a ``yaml.SafeLoader`` or a subclass (the manifest's keeps dates as text),
    read as ``parse_yaml`` reads.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(path, f"cannot read: {exc.strerror or exc}", code="E141") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"not valid UTF-8 at byte {exc.start}", code="E141") from exc
    try:
        return parse_yaml(text, loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(path, f"invalid YAML: {problem}", line=line, code="E141") from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # A value YAML recognises but cannot build: an impossible date (2026-13-45), an
        # explicit tag on the wrong text (!!int abc), nesting too deep to read.
        raise DataFileError(
            path,
            f"invalid YAML value: {exc or type(exc).__name__}",
            fix="quote the value",
            code="E141",
        ) from exc


def data_sections(paths: Iterable[Path]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each data file's top-level mapping of sections, in order (empty files skipped);
    DataFileError for a file that is not such a mapping."""
    for path in paths:
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise DataFileError(path, "expected a mapping of sections at the top level")
        yield path, data


_BOOLEAN_FIX = 'YAML reads on, off, yes and no as booleans: quote them ("on")'


def strings(value: Any, path: Path, what: str) -> tuple[str, ...]:
    """A word or a list of words of a data file (numbers read as words); DataFileError for
    anything else, and for a word YAML read as true/false."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and any(isinstance(v, bool) for v in value):
        raise DataFileError(path, f"{what}: a word was read as true/false", fix=_BOOLEAN_FIX)
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise DataFileError(path, f"{what}: expected a list of words")
    return tuple(str(v) for v in value)


def check_pattern(pattern: Any, path: Path, what: str) -> None:
    """Reject the YAML booleans that slip into spaCy Matcher patterns (on, no, yes, off)."""
    if isinstance(pattern, dict):
        for key, value in pattern.items():
            if (
                key in ("IN", "NOT_IN")
                and isinstance(value, list)
                and any(isinstance(v, bool) for v in value)
            ):
                raise DataFileError(
                    path, f"{what}: a word was read as true/false", fix=_BOOLEAN_FIX
                )
            check_pattern(value, path, what)
    elif isinstance(pattern, list):
        for item in pattern:
            check_pattern(item, path, what)
