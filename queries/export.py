"""The stable JSON export of the reconciled events (schema: queries/schemas/events-1.json).

Scripts and notebooks outside the project read this file: its shape only changes with a
new ``schema_version``. Built from the ``export-*`` named queries, so it says exactly what
the graph says.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from kg.files import write_text_atomic
from kg.store import GraphStore
from queries.runner import run_query

SCHEMA_VERSION = "1.1"  # 1.1: independent_sources, confidence
SCHEMA_ID = "https://w3id.org/ptkg/export/events-1.json"


def schema_path() -> Path:
    return Path(str(resources.files("queries.schemas").joinpath("events-1.json")))


def export_events(store: GraphStore) -> dict[str, Any]:
    """The reconciled events as plain data, in date order."""
    events: dict[str, dict[str, Any]] = {}
    for row in run_query(store, "export-events").records():
        events[row["event"]] = {
            "id": row["event"],
            "type": row["type"],
            "coarse_type": row["coarse_type"],
            "on_timeline": bool(row["on_timeline"]),
            "label": row["label"],
            "date": {
                "earliest": _day(row["earliest"]),
                "latest": _day(row["latest"]),
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
                "earliest": _day(row["first_reported_earliest"]),
                "latest": _day(row["first_reported_latest"]),
            },
            "mentions": [],
            "conflicts": [],
        }
    roles = {"agent": "agents", "affected": "affected", "model": "models"}
    for row in run_query(store, "export-participants").records():
        event = events.get(row["event"])
        if event is not None:
            event[roles[row["role"]]].append(
                {"id": row["entity"], "name": row["name"], "type": row["entity_type"]}
            )
    for row in run_query(store, "export-mentions").records():
        event = events.get(row["event"])
        if event is None:
            continue
        event["mentions"].append(
            {
                "document": row["document"],
                "start": int(row["start"]),
                "end": int(row["end"]),
                "text": row["text"],
                "quote": row["quote"],
                "type": row["type"],
                "modality": row["modality"],
                "tense": row["tense"],
                "attributed_to": row["attributed_to"],
                "date": {"earliest": _day(row["earliest"]), "latest": _day(row["latest"])},
            }
        )
    scopes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in run_query(store, "export-scopes").records():
        scope = scopes[row["event"]].setdefault(
            row["population"], {"population": row["population"], "counts": []}
        )
        if row["count"] is not None:
            count = {
                "value": int(row["count"]),
                "qualifier": row["qualifier"] or "exact",
                "source": row["document"],
            }
            if count not in scope["counts"]:
                scope["counts"].append(count)
    for event_id, by_population in scopes.items():
        if event_id in events:
            events[event_id]["scope"] = [by_population[p] for p in sorted(by_population)]
    conflicts: dict[tuple[str, str], dict[str, Any]] = {}
    for row in run_query(store, "export-disagreements").records():
        key = (row["event"], row["disagreement"])
        conflict = conflicts.get(key)
        if conflict is None:
            conflict = {
                "id": row["disagreement"],
                "aspect": row["aspect"],
                "resolution": row["resolution"],
                "claims": [],
            }
            conflicts[key] = conflict
            if row["event"] in events:
                events[row["event"]]["conflicts"].append(conflict)
        claim = {"value": row["value"], "source": row["document"]}
        if claim not in conflict["claims"]:
            conflict["claims"].append(claim)
    for event in events.values():
        event["sources"] = sorted({m["document"] for m in event["mentions"]})
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "events": list(events.values()),
    }


def write_events(store: GraphStore, path: Path | None = None) -> str:
    text = json.dumps(export_events(store), indent=2, ensure_ascii=False)
    if path is not None:
        write_text_atomic(path, text)
    return text


def _day(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)
