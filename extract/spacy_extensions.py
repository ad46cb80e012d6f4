"""The ``Doc._`` attributes the project's spaCy components read and write, registered once."""

from __future__ import annotations

from spacy.tokens import Doc


def register_extensions(*names: str) -> None:
    """Register ``Doc._.<name>`` (default None) for each name not registered yet."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


__all__ = ["register_extensions"]
