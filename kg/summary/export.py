"""An event's entry of the JSON export (queries/schemas/events-1.json), made at build time.

Reads the event's rows of the ``export-*`` listings (``kg.summary.events.export_record``);
gives the object ``ptkg export`` writes for it, kept as JSON text (``ptkg:entry``) so that
an export streams each event's text as it is read, with no work per event.
"""

from __future__ import annotations

from typing import Any

from kg.summary.events import Row
from kg.summary.terms import plain


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _values(rows: list[Row]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in rows]


def export_entry(record: dict[str, Any]) -> dict[str, Any]:
    """The event's entry of the JSON export from its record: the rows of export-events,
    export-participants, export-mentions, export-scopes and export-disagreements."""
    (row,) = _values([record["event"]])
    event: dict[str, Any] = {
        "id": row["event"],
        "type": row["type"],
        "coarse_type": row["coarse_type"],
        "on_timeline": bool(row["on_timeline"]),
        "label": row["label"],
        "date": {
            "earliest": _text(row.get("earliest")),
            "latest": _text(row.get("latest")),
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
            "earliest": _text(row.get("first_reported_earliest")),
            "latest": _text(row.get("first_reported_latest")),
        },
        "mentions": [],
        "conflicts": [],
    }
    if row.get("amount") is not None:
        event["amount"] = {"value": float(row["amount"]), "currency": row["currency"]}
    if row.get("stage") is not None:
        event["stage"] = row["stage"]
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
                    "earliest": _text(mention.get("earliest")),
                    "latest": _text(mention.get("latest")),
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
    event["precedes"] = [r["later"] for r in _values(record["precedes"])]
    return event
