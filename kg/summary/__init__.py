"""The summary graph: the rows of the whole-graph listings, materialised when a store is built.

Reads: the reconciled graph, the documents' dates and identifiers, the mentions, the
vocabulary (through the queries of this folder, over the union of the store's graphs).
Adds: one named graph (``…/graph/summary``) in which each row of a listing is a node with
the row packed in one ``rdf:JSON`` literal (``ptkg:row``, ``ptkg:exportRow``...), its position in
the listing's order (an integer: ``ptkg:timelinePosition``...), and the few keys the
listings' parameters select rows by (``ptkg:participant``, ``ptkg:typeKey``...). A listing
then reads one indexed pattern per row and sorts integers, where the joins it replaces
read a dozen patterns per row and sorted strings (docs/model.md, The summary layer).

The rows are made from the same facts the joins read, with the same columns and values;
tests/kg/test_summary.py compares every rewritten listing with the join it replaced. Run
``materialise`` again after changing the graph: it replaces the summary graph whole.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.namespace import PTKG, RDF
from kg.summary.events import (
    Edge,
    EventFacts,
    add_edges,
    edge_order,
    export_record,
    in_timeline_order,
    known_rows,
    lane_order,
    lane_rows,
    timeline_row,
)
from kg.summary.export import export_entry
from kg.summary.states import day_order, day_spans
from kg.summary.terms import Term, boolean, packed, sort_value, term, text

Row = dict[str, Term | None]
BATCH = 50_000
# The rows of the export-* listings about an event, each kept apart (export-events: its row).
EXPORT_ROWS = {
    "participants": str(PTKG.participantRows),
    "mentions": str(PTKG.mentionRows),
    "scopes": str(PTKG.scopeRows),
    "disagreements": str(PTKG.disagreementRows),
}


@dataclass(frozen=True)
class SummaryCounts:
    events: int
    timeline: int
    known: int  # rows of the timeline as of a day (spans of days)
    lanes: int
    edges: int
    states: int
    state_days: int  # rows of the states on a day (spans of days)
    quads: int


def query_text(name: str) -> str:
    return Path(str(resources.files("kg.summary").joinpath(f"{name}.rq"))).read_text(
        encoding="utf-8"
    )


def _n(term_iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(term_iri))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))


def _rows(store: ox.Store, name: str) -> Iterator[Row]:
    solutions = store.query(query_text(name), use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {n: term(solution[n]) for n in names}


class _Writer:
    """Quads of the summary graph, written to the store in batches."""

    def __init__(self, store: ox.Store, graph: str) -> None:
        self.store = store
        self.graph = ox.NamedNode(graph)
        self.pending: list[ox.Quad] = []
        self.count = 0

    def add(self, subject: ox.NamedNode, predicate: str, obj: Any) -> None:
        self.pending.append(ox.Quad(subject, _n(predicate), obj, self.graph))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.store.bulk_extend(self.pending)
        self.count += len(self.pending)
        self.pending = []


def materialise(store: ox.Store, graph: str) -> SummaryCounts:
    """Write (or rewrite) the summary graph ``graph`` of ``store`` from its other graphs."""
    node = ox.NamedNode(graph)
    if store.contains_named_graph(node):
        store.remove_graph(node)
    events = _event_facts(store)
    out = _Writer(store, graph)
    counts = _write_events(out, events)
    states = _write_states(out, store, graph)
    state_days = _write_state_days(out, store)
    _write_types(out, store, graph)
    _write_documents(out, store)
    _write_entities(out, store)
    _write_disagreements(out, store)
    _write_dates(out, store)
    out.flush()
    return SummaryCounts(
        events=len(events),
        timeline=counts["timeline"],
        known=counts["known"],
        lanes=counts["lanes"],
        edges=counts["edges"],
        states=states,
        state_days=state_days,
        quads=out.count,
    )


def _event_facts(store: ox.Store) -> dict[str, EventFacts]:
    events = {r["event"]["value"]: EventFacts(r) for r in _rows(store, "events")}  # type: ignore[index]
    parts: list[tuple[str, Callable[[EventFacts], list[Row]]]] = [
        ("participants", lambda e: e.participants),
        ("sources", lambda e: e.sources),
        ("mentions", lambda e: e.mentions),
        ("scopes", lambda e: e.scopes),
        ("disagreements", lambda e: e.disagreements),
        ("precedes", lambda e: e.precedes),
    ]
    disputed = {r["event"]["value"] for r in _rows(store, "disputed")}  # type: ignore[index]
    for iri, facts in events.items():
        facts.facts["date_disputed"] = boolean(iri in disputed)
    for name, where in parts:
        for row in _rows(store, name):
            event = events.get(row["event"]["value"])  # type: ignore[index]
            if event is not None:
                where(event).append(row)
    return events


def _write_events(out: _Writer, events: dict[str, EventFacts]) -> dict[str, int]:
    ordered = in_timeline_order(events.values())
    lanes: dict[str, list[tuple[tuple[Any, ...], ox.NamedNode]]] = {"model": [], "agent": []}
    edges: dict[tuple[str | None, str, str, str], Edge] = {}
    timeline = known_count = 0
    entries: list[str] = []
    for export_position, event in enumerate(ordered):
        summary = ox.NamedNode(f"{event.iri}#summary")
        out.add(summary, RDF.type, _n(PTKG.EventSummary))
        out.add(summary, PTKG.summarises, ox.NamedNode(event.iri))
        out.add(summary, PTKG.exportPosition, _int(export_position))
        record = export_record(event)
        out.add(summary, PTKG.exportRow, packed(record["event"]))
        for member, predicate in EXPORT_ROWS.items():
            if record[member]:  # a listing's rows of the event, apart: each reads its own
                out.add(summary, predicate, packed(record[member]))
        entry = _json_text(export_entry(record))
        out.add(summary, PTKG.entry, entry)
        entries.append(entry.value)
        add_edges(edges, event)
        if not event.on_timeline:
            continue
        out.add(summary, PTKG.timelinePosition, _int(timeline))
        out.add(summary, PTKG.row, packed(timeline_row(event)))
        for number, known in enumerate(known_rows(event)):
            version = ox.NamedNode(f"{event.iri}#known-{number}")
            out.add(version, RDF.type, _n(PTKG.KnownSummary))
            out.add(version, PTKG.summarises, ox.NamedNode(event.iri))
            out.add(version, PTKG.knownPosition, _int(timeline))
            if known.end is None:
                out.add(version, PTKG.knownSince, _date(known.start))
            else:
                out.add(version, PTKG.knownFrom, _date(known.start))
                out.add(version, PTKG.knownUntil, _date(known.end))
            out.add(version, PTKG.row, packed(known.row))
            known_count += 1
        for by in ("model", "agent"):
            for number, row in enumerate(lane_rows(event, by)):
                lane = ox.NamedNode(f"{event.iri}#lane-{by}-{number}")
                out.add(lane, RDF.type, _n(PTKG.LaneSummary))
                out.add(lane, PTKG.summarises, ox.NamedNode(event.iri))
                out.add(lane, PTKG.row, packed(row))
                lanes[by].append((lane_order(row), lane))
        timeline += 1
    for by, listing in lanes.items():
        for position, (_, lane) in enumerate(sorted(listing, key=lambda item: item[0])):
            out.add(lane, PTKG.laneBy, ox.Literal(by))
            out.add(lane, PTKG.lanePosition, _int(position))
    _write_edges(out, edges)
    _write_export_chunks(out, entries)
    return {
        "timeline": timeline,
        "known": known_count,
        "lanes": sum(len(v) for v in lanes.values()),
        "edges": len(edges),
    }


# Entries of the export one node holds together, so that the whole export reads one row
# per this many events (a page of it still reads the events' own entries).
EXPORT_CHUNK = 500


def _write_export_chunks(out: _Writer, entries: list[str]) -> None:
    """The export's entries in order, EXPORT_CHUNK to a node, one entry a line (an entry is
    JSON on one line: a line break inside a string is escaped)."""
    for number, start in enumerate(range(0, len(entries), EXPORT_CHUNK)):
        node = ox.NamedNode(f"{out.graph.value}#export-chunk-{number}")
        out.add(node, RDF.type, _n(PTKG.ExportChunk))
        out.add(node, PTKG.chunkPosition, _int(number))
        out.add(node, PTKG.entries, ox.Literal("\n".join(entries[start : start + EXPORT_CHUNK])))


def _json_text(value: dict[str, Any]) -> ox.Literal:
    return ox.Literal(
        json.dumps(value, ensure_ascii=False, separators=(",", ":")),
        datatype=ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"),
    )


def _write_edges(out: _Writer, edges: dict[tuple[str | None, str, str, str], Edge]) -> None:
    by_key: dict[str | None, list[Row]] = defaultdict(list)
    for (key, *_), edge in edges.items():
        by_key[key].append(edge.row())
    graph = out.graph.value
    for key, rows in sorted(by_key.items(), key=lambda item: item[0] or ""):
        for position, row in enumerate(sorted(rows, key=edge_order)):
            name = "all" if key is None else key.rsplit("#", 1)[-1]
            node = ox.NamedNode(f"{graph}#edge-{name}-{position}")
            out.add(node, RDF.type, _n(PTKG.EdgeSummary))
            out.add(node, PTKG.row, packed(row))
            if key is None:
                out.add(node, PTKG.edgePosition, _int(position))
            else:
                out.add(node, PTKG.typeKey, ox.NamedNode(key))
                out.add(node, PTKG.typedEdgePosition, _int(position))
            for end in ("source_iri", "target_iri"):
                out.add(node, PTKG.participant, ox.NamedNode(row[end]["value"]))  # type: ignore[index]


STATE_COLUMNS = [
    "subject_name",
    "authority_name",
    "sequence",
    "state",
    "from_day",
    "until_day",
    "from_earliest",
    "from_latest",
    "until_earliest",
    "until_latest",
    "started_by_label",
    "ended_by_label",
    "started_by_type",
    "started_by",
    "ended_by",
    "level",
    "principal",
    "interval",
]


def _write_states(out: _Writer, store: ox.Store, graph: str) -> int:
    rows = sorted(
        _rows(store, "states"),
        key=lambda r: tuple(
            sort_value(r.get(c)) for c in ("subject_name", "authority_name", "sequence", "interval")
        ),
    )
    for position, row in enumerate(rows):
        node = ox.NamedNode(f"{row['interval']['value']}#summary")  # type: ignore[index]
        out.add(node, RDF.type, _n(PTKG.StateSummary))
        out.add(node, PTKG.summarises, ox.NamedNode(row["interval"]["value"]))  # type: ignore[index]
        out.add(node, PTKG.statePosition, _int(position))
        out.add(node, PTKG.row, packed({c: row.get(c) for c in STATE_COLUMNS}))
        _add_state_keys(out, node, row)
    return len(rows)


def _add_state_keys(
    out: _Writer, node: ox.NamedNode, row: Row, listing_key: str = PTKG.listingKey
) -> None:
    """The keys a listing of states selects a row by: its subject, its authority, and
    its listing ("layer population", then " principal" under the principal authority)."""
    out.add(node, PTKG.participant, ox.NamedNode(row["subject"]["value"]))  # type: ignore[index]
    if row.get("held_by"):
        out.add(node, PTKG.authorityKey, ox.NamedNode(row["held_by"]["value"]))  # type: ignore[index]
    listing = f"{row['layer_id']['value']} {row['population_id']['value']}"  # type: ignore[index]
    if row["principal"]["value"] in ("true", "1"):  # type: ignore[index]
        listing += " principal"
    out.add(node, listing_key, ox.Literal(listing))


def _write_state_days(out: _Writer, store: ox.Store) -> int:
    """Each interval's rows of the states on a day, one per span of days (states.py),
    numbered in the listing's order: a day's rows are the spans that hold it."""
    intervals = sorted((_listed(r) for r in _rows(store, "state-days")), key=day_order)
    position = 0
    for facts in intervals:
        interval = facts["interval"]["value"]  # type: ignore[index]
        for number, span in enumerate(day_spans(facts)):
            node = ox.NamedNode(f"{interval}#day-{number}")
            out.add(node, RDF.type, _n(PTKG.StateDaySummary))
            out.add(node, PTKG.summarises, ox.NamedNode(interval))
            out.add(node, PTKG.dayPosition, _int(position))
            out.add(node, PTKG.heldFrom, _date(span.first))
            out.add(node, PTKG.heldTo, _date(span.last))
            out.add(node, PTKG.row, packed(span.row))
            _add_state_keys(out, node, facts, PTKG.dayListingKey)
            position += 1
    return position


TYPE_COLUMNS = [
    "type",
    "label",
    "coarse_type",
    "on_timeline",
    "state_effect",
    "plover_category",
    "plover_mode",
    "events",
    "definition",
    "type_iri",
]


def _write_types(out: _Writer, store: ox.Store, graph: str) -> None:
    rows = sorted(
        _rows(store, "types"),
        key=lambda r: tuple(sort_value(r.get(c)) for c in ("coarse_type", "type", "type_iri")),
    )
    for position, row in enumerate(rows):
        node = ox.NamedNode(f"{graph}#type-{position}")
        out.add(node, RDF.type, _n(PTKG.TypeSummary))
        out.add(node, PTKG.summarises, ox.NamedNode(row["type_iri"]["value"]))  # type: ignore[index]
        out.add(node, PTKG.typePosition, _int(position))
        out.add(node, PTKG.row, packed({c: row.get(c) for c in TYPE_COLUMNS}))
        out.add(node, PTKG.typeKey, ox.NamedNode(row["coarse_iri"]["value"]))  # type: ignore[index]


# The columns that list several values in one cell, and how they are separated.
LISTS = {"evidence": " | ", "aliases": "; ", "about_label": " | ", "sources": " "}


def _listed(row: Row) -> Row:
    """The row with the values of each list column sorted (a GROUP_CONCAT gives them in
    whatever order it meets them): the same graph from the same facts."""
    out = dict(row)
    for column, separator in LISTS.items():
        found = row.get(column)
        if found is not None and found["type"] == "literal" and "datatype" not in found:
            out[column] = text(separator.join(sorted(found["value"].split(separator))))
    return out


def _order(row: Row, *columns: str) -> tuple[Any, ...]:
    return tuple(sort_value(row.get(c)) for c in columns)


def _write_listing(
    out: _Writer, name: str, kind: str, position: str, rows: list[tuple[str, Any]]
) -> None:
    """Nodes ``<graph>#<name>-<n>`` of the class ``kind``, each with its rows (one row, or
    a list), numbered by ``position`` in the order given, each summarising the resource
    (an IRI) given with its rows."""
    graph = out.graph.value
    for number, (about, packed_rows) in enumerate(rows):
        node = ox.NamedNode(f"{graph}#{name}-{number}")
        out.add(node, RDF.type, _n(kind))
        out.add(node, PTKG.summarises, ox.NamedNode(about))
        out.add(node, position, _int(number))
        out.add(node, PTKG.row, packed(packed_rows))


def _write_documents(out: _Writer, store: ox.Store) -> None:
    """ORDER BY ?document (then the IRI)."""
    rows = sorted(
        (_listed(r) for r in _rows(store, "documents")), key=lambda r: _order(r, "document", "doc")
    )
    listing = [(r["doc"]["value"], r) for r in rows]  # type: ignore[index]
    _write_listing(out, "document", PTKG.DocumentSummary, PTKG.documentPosition, listing)


def _write_entities(out: _Writer, store: ox.Store) -> None:
    """ORDER BY DESC(?events) ?name (then the IRI)."""
    rows = sorted(
        (_listed(r) for r in _rows(store, "entities")),
        key=lambda r: (-int(r["events"]["value"]), *_order(r, "name", "entity")),  # type: ignore[index]
    )
    listing = [(r["entity"]["value"], r) for r in rows]  # type: ignore[index]
    _write_listing(out, "entity", PTKG.EntitySummary, PTKG.entityPosition, listing)


def _grouped(rows: list[Row], by: str, *order: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[by]["value"]].append(row)  # type: ignore[index]
    return {key: sorted(found, key=lambda r: _order(r, *order)) for key, found in groups.items()}


def _write_disagreements(out: _Writer, store: ox.Store) -> None:
    """One node per disagreement, its claims' rows together: ORDER BY ?aspect_name
    ?disagreement ?document ?value (then the other columns, for ties)."""
    columns = ("document", "value", "quote", "about_label", "resolution")
    claims = _grouped([_listed(r) for r in _rows(store, "claims")], "disagreement", *columns)
    ordered = sorted(claims.items(), key=lambda item: (*_order(item[1][0], "aspect_name"), item[0]))
    _write_listing(
        out, "disagreement", PTKG.DisagreementSummary, PTKG.disagreementPosition, ordered
    )


def _write_dates(out: _Writer, store: ox.Store) -> None:
    """One node per event, its statements' rows together: ORDER BY ?event ?document ?kind
    ?words (then the other columns, for ties)."""
    columns = "document kind words value earliest latest relation other_label min_lag_days"
    dates = _grouped(list(_rows(store, "dates")), "event", *columns.split(), "max_lag_days")
    _write_listing(out, "dates", PTKG.DatesSummary, PTKG.datesPosition, sorted(dates.items()))


__all__ = ["SummaryCounts", "materialise", "query_text"]
