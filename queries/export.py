"""The stable JSON export of the reconciled events (schema: queries/schemas/events-1.json).

Scripts and notebooks outside the project read this file: its shape only changes with a
new ``schema_version``. Built from the rows of the ``export-*`` named queries, so it says
exactly what the graph says: each event's rows are read together from its record in the
summary graph, and written as they come (``export_lines``), so that an export of any size
streams at a steady rate without holding the events (benchmarks/README.md).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from kg.files import write_text_atomic
from kg.store import GraphStore
from queries.library import load_query, query_directory
from queries.runner import stream_query
from queries.values import json_value

SCHEMA_VERSION = "1.1"  # 1.1: independent_sources, confidence
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
    are asked for (each from its record in the summary graph: the rows the ``export-*``
    queries give about it); ``limit`` and ``offset``: one page of them."""
    records = stream_query(
        store,
        load_query(query_directory() / "lookups" / "export-records.rq"),
        limit=limit,
        offset=offset,
    )
    for (record,) in records.rows:
        yield _entry(json.loads(record))


def _values(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: json_value(v) for k, v in row.items()} for row in rows]


def _entry(record: dict[str, Any]) -> dict[str, Any]:
    """One event of the export from its record: the rows of export-events,
    export-participants, export-mentions, export-scopes and export-disagreements."""
    (row,) = _values([record["event"]])
    event: dict[str, Any] = {
        "id": row["event"],
        "type": row["type"],
        "coarse_type": row["coarse_type"],
        "on_timeline": bool(row["on_timeline"]),
        "label": row["label"],
        "date": {
            "earliest": _day(row.get("earliest")),
            "latest": _day(row.get("latest")),
            "precision": row["precision"],
        },
        "agents": [],
        "affected": [],
        "models": [],
        "scope": [],
        "sources": [],
        "source_count": int(row["source_count"]),
        "independent_sources": int(row["independent_sources"]),
        "confidence": float(row["confidence"]),
        "first_reported": {
            "earliest": _day(row.get("first_reported_earliest")),
            "latest": _day(row.get("first_reported_latest")),
        },
        "mentions": [],
        "conflicts": [],
    }
    roles = {"agent": "agents", "affected": "affected", "model": "models"}
    for part in _values(record["participants"]):
        event[roles[part["role"]]].append(
            {"id": part["entity"], "name": part["name"], "type": part["entity_type"]}
        )
    for mention in _values(record["mentions"]):
        event["mentions"].append(
            {
                "document": mention["document"],
                "start": int(mention["start"]),
                "end": int(mention["end"]),
                "text": mention["text"],
                "quote": mention.get("quote"),
                "type": mention["type"],
                "modality": mention["modality"],
                "tense": mention["tense"],
                "attributed_to": mention.get("attributed_to"),
                "date": {
                    "earliest": _day(mention.get("earliest")),
                    "latest": _day(mention.get("latest")),
                },
            }
        )
    scopes: dict[str, dict[str, Any]] = {}
    for scope_row in _values(record["scopes"]):
        scope = scopes.setdefault(
            scope_row["population"], {"population": scope_row["population"], "counts": []}
        )
        if scope_row.get("count") is not None:
            count = {
                "value": int(scope_row["count"]),
                "qualifier": scope_row.get("qualifier") or "exact",
                "source": scope_row["document"],
            }
            if count not in scope["counts"]:
                scope["counts"].append(count)
    event["scope"] = [scopes[p] for p in sorted(scopes)]
    conflicts: dict[str, dict[str, Any]] = {}
    for claim_row in _values(record["disagreements"]):
        conflict = conflicts.get(claim_row["disagreement"])
        if conflict is None:
            conflict = conflicts[claim_row["disagreement"]] = {
                "id": claim_row["disagreement"],
                "aspect": claim_row["aspect"],
                "resolution": claim_row["resolution"],
                "claims": [],
            }
            event["conflicts"].append(conflict)
        claim = {"value": claim_row["value"], "source": claim_row["document"]}
        if claim not in conflict["claims"]:
            conflict["claims"].append(claim)
    event["sources"] = sorted({m["document"] for m in event["mentions"]})
    return event


def export_lines(store: GraphStore, *, limit: int | None = None, offset: int = 0) -> Iterator[str]:
    """The JSON export as lines of text, written as the events come: the same text as
    ``json.dumps(export_events(store), indent=2)``, without holding the events."""
    yield "{"
    yield f'  "$schema": {json.dumps(SCHEMA_ID)},'
    yield f'  "schema_version": {json.dumps(SCHEMA_VERSION)},'
    previous: str | None = None
    for entry in event_entries(store, limit=limit, offset=offset):
        if previous is None:
            yield '  "events": ['
        else:
            yield previous + ","
        previous = textwrap.indent(json.dumps(entry, indent=2, ensure_ascii=False), "    ")
    if previous is None:
        yield '  "events": []'
    else:
        yield previous
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


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)
