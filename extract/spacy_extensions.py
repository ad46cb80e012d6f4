"""What the project's spaCy components share: the ``Doc._`` attributes they read and write
(registered once), and Matcher patterns from data files added with errors that name the file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc

from extract.errors import DataFileError


def register_extensions(*names: str) -> None:
    """Register ``Doc._.<name>`` (default None) for each name not registered yet."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def add_patterns(
    matcher: Matcher, key: str, patterns: Sequence[list[dict[str, Any]]], file: str, what: str
) -> None:
    """``matcher.add(key, patterns)``; DataFileError naming ``file`` and ``what`` (the entry)
    when spaCy rejects a pattern."""
    try:
        matcher.add(key, list(patterns))
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(
            file,
            f"{what} is not a valid spaCy Matcher pattern: {exc}",
            fix="see https://spacy.io/usage/rule-based-matching#matcher",
        ) from exc


__all__ = ["add_patterns", "register_extensions"]
