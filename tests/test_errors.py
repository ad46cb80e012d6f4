"""The error codes: one table (``extract.errors.ERROR_CODES``) that every error class, every
code a raise site passes and docs/errors.md agree with, so that none can drift from it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import extract
import kg
import ptkg
import queries
from extract.errors import (
    ERROR_CODES,
    DocumentError,
    InputError,
    ManifestError,
    OptionError,
    PolicyKGError,
    error_code,
    error_codes_markdown,
)

REPO = Path(__file__).resolve().parents[1]
PACKAGES = (extract, kg, queries, ptkg)
TABLE = {row.code: row for row in ERROR_CODES}


def _error_classes() -> list[type[PolicyKGError]]:
    """Every subclass of PolicyKGError the packages define, wherever they define it."""
    for package in PACKAGES:
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
    found: list[type[PolicyKGError]] = []
    todo: list[type[PolicyKGError]] = [PolicyKGError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.__name__)


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for package in PACKAGES:
        for path in sorted(Path(package.__path__[0]).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _codes_passed() -> list[tuple[str, str, str]]:
    """(class called, code given, where) of every ``SomeError(..., code="E...")``."""
    passed = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if isinstance(node.func, ast.Attribute):
                name = node.func.attr
            for keyword in node.keywords:
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    where = f"{path.relative_to(REPO)}:{node.lineno}"
                    passed.append((str(name), str(keyword.value.value), where))
    return passed


def test_errors_codes_are_unique_and_well_formed() -> None:
    codes = [row.code for row in ERROR_CODES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)
    assert codes == sorted(codes)
    assert all(row.meaning and row.meaning == row.meaning.strip() for row in ERROR_CODES)


def test_errors_every_class_has_its_own_code_in_the_table() -> None:
    classes = _error_classes()
    assert {"ManifestError", "QueryError", "LockedError", "RuleError"} <= {
        c.__name__ for c in classes
    }
    own = {}
    for cls in classes:
        assert "code" in vars(cls), f"{cls.__name__} has no code of its own"
        assert TABLE[cls.code].error == cls.__name__, cls.code
        assert cls.code.endswith("0"), f"{cls.__name__}: a class's own code ends in 0"
        own[cls.code] = cls.__name__
    assert len(own) == len(classes)  # no two classes share a code


def test_errors_codes_given_at_raise_sites_are_of_the_class_raised() -> None:
    passed = _codes_passed()
    assert len(passed) > 40
    classes = {c.__name__: c for c in _error_classes()}
    for name, code, where in passed:
        assert code in TABLE, f"{where}: {code} is not in ERROR_CODES"
        assert TABLE[code].error == name, f"{where}: {code} is a code of {TABLE[code].error}"
        assert code[:3] == classes[name].code[:3], f"{where}: {code} is not of its family"


def test_errors_every_code_of_the_table_is_used() -> None:
    used = {cls.code for cls in _error_classes()}
    errors_module = Path(extract.__path__[0]) / "errors.py"
    for path, tree in _sources():
        if path == errors_module:
            continue
        used |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        } & set(TABLE)
    assert sorted(set(TABLE) - used) == []


def test_errors_docs_list_the_table() -> None:
    docs = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    assert docs == error_codes_markdown(), (
        "docs/errors.md differs from ERROR_CODES: python -m extract.errors > docs/errors.md"
    )


def test_errors_code_of_the_class_or_of_the_raise_site() -> None:
    plain = ManifestError("corpus/manifest.yaml", "problem", line=3, fix="the fix")
    assert plain.code == "E110" and ManifestError.code == "E110"
    dated = ManifestError("corpus/manifest.yaml", "problem", line=3, code="E113")
    assert dated.code == "E113" and ManifestError.code == "E110"
    # the code is not part of the message: the command line prints it before
    assert str(dated) == "corpus/manifest.yaml:3: problem"
    assert str(plain) == "corpus/manifest.yaml:3: problem (the fix)"
    assert OptionError("--out", "x", "is a file", code="E202").code == "E202"
    assert isinstance(DocumentError("a.txt", "empty", code="E122"), InputError)
    assert PolicyKGError("anything").code == "E000"


def test_errors_lookup_of_a_code() -> None:
    assert error_code("E113").error == "ManifestError"
    with pytest.raises(KeyError):
        error_code("E999")
