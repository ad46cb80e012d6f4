"""Registers the project's spaCy components (importing this module is enough)."""

from extract.corpus import blocks as _blocks  # noqa: F401
from extract.entities import component as _entities  # noqa: F401
from extract.events import component as _events  # noqa: F401
from extract.temporal import component as _timex  # noqa: F401
