"""Where each of the project's spaCy components is defined; importing a module registers it.

Looked up lazily by name (as rdflib looks up plugins), so a pipeline imports only the
components it uses.
"""

from __future__ import annotations

import importlib

from extract.errors import PipelineError

COMPONENT_MODULES = {
    "ptkg_blocks": "extract.corpus.blocks",
    "ptkg_attachments": "extract.attachments",
    "ptkg_timex": "extract.temporal.component",
    "ptkg_entities": "extract.entities.component",
    "ptkg_events": "extract.events.component",
}


def register(name: str) -> None:
    """Import the module that defines component ``name`` (a no-op for spaCy's own)."""
    module = COMPONENT_MODULES.get(name)
    if module is None:
        return
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise PipelineError(f"component {name!r} cannot be loaded from {module}: {exc}") from exc
