"""The stable JSON export of the reconciled events (schema: queries/schemas/events-1.json).

Scripts and notebooks outside the project read this file: its shape only changes with a
new ``schema_version``. Built from the rows of the ``export-*`` named queries, so it says
exactly what the graph says: the build makes each event's entry from them
(``kg.summary.export``) and keeps it in the summary graph; the export writes the entries
as they are read, one event a line (``export_lines``), so that an export of any size
streams at a steady rate without holding the events (benchmarks/README.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from kg.files import write_text_atomic
from kg.store import GraphStore
from queries.library import load_query, query_directory
from queries.runner import stream_query

SCHEMA_VERSION = "1.4"  # 1.1: independent_sources, confidence; 1.2: amount; 1.3: stage;
#                         1.4: precedes
SCHEMA_ID = "https://w3id.org/ptkg/export/events-1.json"


def schema_path() -> Path:
    return Path(str(resources.files("queries.schemas").joinpath("events-1.json")))


def export_events(store: GraphStore) -> dict[str, Any]:
    """The reconciled events as plain data, in date order."""
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "events": list(event_entries(store)),
    }


def event_entries(
    store: GraphStore, *, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """The events of the export one at a time, in date order, read from the store as they
    are asked for; ``limit`` and ``offset``: one page of them."""
    for (entry,) in _entries(store, limit, offset):
        yield json.loads(entry)


def _entries(store: GraphStore, limit: int | None, offset: int) -> Iterator[tuple[Any, ...]]:
    """Each event's entry as the build wrote it (JSON text), in the export's order."""
    if limit is not None or offset:
        query = load_query(query_directory() / "lookups" / "export-records.rq")
        return stream_query(store, query, limit=limit, offset=offset).rows
    # The whole export: runs of entries as the store gives them, with none of the runner's
    # work per row (each entry is a string already: profiled, that work was a third of the
    # export's time), one row per run (the lookups per row grow with the store).
    chunks = load_query(query_directory() / "lookups" / "export-chunks.rq")
    return (
        (entry,)
        for solution in store.solutions(chunks.text)
        for entry in solution[0].value.split("\n")
    )


def export_lines(store: GraphStore, *, limit: int | None = None, offset: int = 0) -> Iterator[str]:
    """The JSON export as lines of text, one event a line, written as the events come from
    the store (each the text the build wrote for it): no event is held or re-encoded."""
    yield "{"
    yield f'  "$schema": {json.dumps(SCHEMA_ID)},'
    yield f'  "schema_version": {json.dumps(SCHEMA_VERSION)},'
    previous: str | None = None
    for (entry,) in _entries(store, limit, offset):
        if previous is None:
            yield '  "events": ['
        else:
            yield f"    {previous},"
        previous = entry
    if previous is None:
        yield '  "events": []'
    else:
        yield f"    {previous}"
        yield "  ]"
    yield "}"


def write_events(
    store: GraphStore,
    path: Path | None = None,
    *,
    stream: TextIO | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> str | None:
    """Write the JSON export as the events come: to ``path`` (replaced in one step when
    complete), or to ``stream``; with neither, return it as text."""
    lines = export_lines(store, limit=limit, offset=offset)
    if path is not None:
        write_text_atomic(path, lines)
        return None
    if stream is not None:
        for line in lines:
            stream.write(line + "\n")
        return None
    return "\n".join(lines)
