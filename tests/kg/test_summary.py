"""The summary graph says what the joins it replaced say, row for row.

The rewritten listings read the rows the build materialised (kg/summary); the joins they
replaced are kept in tests/data/joins (the queries as they were, but for one mistake of
``timeline-as-of`` noted there). On the graph of the bundled corpus, every listing, with
and without its parameters, gives the rows of its join: the same columns, the same values,
in the same order (the exports list each event's rows together, in the export's order,
where the joins sorted them by event IRI: there the rows are compared as sets). Lists in one
cell ("A; B") are compared as sets: a join's GROUP_CONCAT gave them in any order.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.iri import Minter
from kg.store import GraphStore
from kg.summary import materialise
from ptkg.build import BuildReport
from queries.export import export_events, export_lines
from queries.library import load_query
from queries.runner import QueryResult, run_query

JOINS = Path(__file__).resolve().parents[1] / "data" / "joins"
LISTS = {"agents": "; ", "models": "; ", "reported_by": " ", "event_types": "; "}
LISTS |= {"event_labels": " | ", "evidence": " | ", "aliases": "; ", "about_label": " | "}
LISTS["sources"] = " "

CASES: list[tuple[str, dict[str, str]]] = [
    ("timeline", {}),
    ("timeline", {"entity": "Claude Mythos 5"}),
    ("timeline", {"type": "export_restriction"}),
    ("timeline", {"type": "access_change"}),
    ("timeline", {"from": "2026-06-01", "to": "2026-06-30"}),
    ("timeline-as-of", {"day": "2026-06-25"}),
    ("timeline-as-of", {"day": "2026-06-26"}),
    ("timeline-as-of", {"day": "2026-06-27", "type": "export_restriction"}),
    ("timeline-as-of", {"day": "2026-07-05"}),
    ("timeline-as-of", {"day": "2026-07-30", "entity": "Anthropic"}),
    ("timeline-as-of", {"day": "2026-12-31"}),
    ("timeline-lanes", {}),
    ("timeline-lanes", {"lane_by": "agent"}),
    ("timeline-lanes", {"lane_by": "agent", "entity": "Anthropic"}),
    ("timeline-lanes", {"type": "access_change"}),
    ("network", {}),
    ("network", {"entity": "Claude Mythos 5"}),
    ("network", {"type": "access_change"}),
    ("network", {"type": "export_restriction", "entity": "US Department of Commerce"}),
    ("restrictions", {}),
    ("restrictions", {"subject": "Claude Mythos 5"}),
    ("restrictions", {"subject": "Claude Mythos 5", "authority": "US Department of Commerce"}),
    ("restrictions", {"layer": "effective"}),
    ("restrictions", {"population": "all", "layer": "legal"}),
    ("event-types", {}),
    ("event-types", {"coarse": "access_change"}),
    ("export-events", {}),
    ("export-participants", {}),
    ("export-mentions", {}),
    ("export-scopes", {}),
    ("export-disagreements", {}),
    ("state-on-day", {"day": "2026-06-20"}),
    ("state-on-day", {"day": "2026-07-01"}),
    ("state-on-day", {"day": "2026-12-31"}),
    ("state-on-day", {"day": "2026-06-20", "subject": "Claude Mythos 5"}),
    ("state-on-day", {"day": "2026-07-01", "layer": "effective"}),
    ("state-on-day", {"day": "2026-07-01", "authority": "US Department of Commerce"}),
    ("disagreements", {}),
    ("disagreements", {"aspect": "administration"}),
    ("documents", {}),
    ("entities", {}),
    ("entities", {"entity_type": "ai_model"}),
    ("event-dates", {}),
]
REORDERED = {
    "export-participants",
    "export-mentions",
    "export-scopes",
    "export-disagreements",
}


def _cells(result: QueryResult) -> list[tuple[Any, ...]]:
    return [
        tuple(
            frozenset(v.split(LISTS[c])) if c in LISTS and isinstance(v, str) else v
            for c, v in zip(result.columns, row, strict=True)
        )
        for row in result.rows
    ]


def _join(store: GraphStore, name: str, params: dict[str, str]) -> QueryResult:
    return run_query(store, load_query(JOINS / f"{name}.rq"), params)


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_summary_listing_gives_the_rows_of_its_join(
    store: GraphStore, name: str, params: dict[str, str]
) -> None:
    joined = _join(store, name, params)
    summarised = run_query(store, name, params)
    assert summarised.columns == joined.columns
    if name in REORDERED:
        assert sorted(map(repr, _cells(summarised))) == sorted(map(repr, _cells(joined)))
    else:
        assert _cells(summarised) == _cells(joined)


def test_summary_states_on_every_day_are_the_join(store: GraphStore) -> None:
    """The states on a day change only on the dates of the intervals: on each of them and
    the day before, in both layers, the spans that hold it give the join's rows."""
    dates = run_query(store, "restrictions", {"layer": "effective"}).records()
    dates += run_query(store, "restrictions").records()
    columns = ("from_day", "until_day", "from_earliest", "from_latest")
    columns += ("until_earliest", "until_latest")
    days = {row[c] for row in dates for c in columns if row[c] is not None}
    days |= {day - timedelta(days=1) for day in days}
    certainties = set()
    for day in sorted(days):
        for layer in ("legal", "effective"):
            params = {"day": day.isoformat(), "layer": layer}
            summarised = run_query(store, "state-on-day", params)
            assert _cells(summarised) == _cells(_join(store, "state-on-day", params)), params
            certainties |= set(summarised.column("certainty"))
    assert len(days) > 10
    assert certainties == {"certain", "likely", "possible"}


def test_summary_cases_cover_rows(store: GraphStore) -> None:
    # the comparisons above compare answers, not empty lists (but for the day before the
    # first article was out, when nothing was known)
    empty = [(n, p) for n, p in CASES if not run_query(store, n, p).rows]
    assert empty == [("timeline-as-of", {"day": "2026-06-25"})]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("timeline", {}),
        ("timeline", {"from": "2026-06-01"}),
        ("timeline-as-of", {"day": "2026-07-05"}),
        ("timeline-lanes", {"lane_by": "agent"}),
        ("restrictions", {}),
        ("network", {}),
        ("export-mentions", {}),
    ],
)
def test_summary_pages_put_together_are_the_listing(
    store: GraphStore, name: str, params: dict[str, str]
) -> None:
    whole = run_query(store, name, params).rows
    for size in (1, 3, 5):
        pages = []
        for offset in range(0, len(whole) + size, size):
            page = run_query(store, name, params, limit=size, offset=offset)
            assert len(page.rows) <= size
            pages.extend(page.rows)
        assert pages == whole, size
    assert run_query(store, name, params, offset=2).rows == whole[2:]
    assert run_query(store, name, params, limit=0).rows == []


def test_summary_export_streams_one_event_a_line(store: GraphStore) -> None:
    whole = export_events(store)
    lines = list(export_lines(store))
    assert json.loads("\n".join(lines)) == whole
    events = whole["events"]
    assert len(lines) == len(events) + 6  # one event a line
    assert json.loads(lines[4].rstrip(",")) == events[0]
    assert [e["id"] for e in events] == run_query(store, "export-events").column("event")
    paged = json.loads("\n".join(export_lines(store, limit=2, offset=3)))
    assert paged["events"] == events[3:5]
    assert json.loads("\n".join(export_lines(store, offset=len(events))))["events"] == []


def test_summary_export_reads_runs_of_entries_in_order(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole export reads the entries in runs (two to a run here, 500 by default):
    the same events in the same order as one entry an event."""
    import kg.summary as summary

    monkeypatch.setattr(summary, "EXPORT_CHUNK", 2)
    copy = GraphStore()  # in memory
    copy.oxigraph.extend(store.oxigraph.quads_for_pattern(None, None, None))
    graph = next(str(g) for g in store.named_graphs() if str(g).endswith("/summary"))
    summary.materialise(copy.oxigraph, graph)
    entries = run_query(copy, "export-events").column("event")
    chunks = list(
        copy.solutions(
            "PREFIX ptkg: <https://w3id.org/ptkg/vocab#> SELECT ?c WHERE { ?c a ptkg:ExportChunk }"
        )
    )
    assert len(chunks) == -(-len(entries) // 2) > 1
    assert [e["id"] for e in export_events(copy)["events"]] == entries
    assert export_events(copy) == export_events(store)


def test_summary_export_says_what_the_export_queries_joined(store: GraphStore) -> None:
    """Each event of the export carries the rows the joins give about it."""
    events = {e["id"]: e for e in export_events(store)["events"]}
    for row in _join(store, "export-participants", {}).records():
        role = {"agent": "agents", "affected": "affected", "model": "models"}[row["role"]]
        assert {"id": row["entity"], "name": row["name"], "type": row["entity_type"]} in events[
            row["event"]
        ][role]
    mentions = _join(store, "export-mentions", {}).records()
    assert sum(len(e["mentions"]) for e in events.values()) == len(mentions)
    for row in mentions:
        found = [m for m in events[row["event"]]["mentions"] if m["start"] == row["start"]]
        assert any(m["document"] == row["document"] and m["quote"] == row["quote"] for m in found)
    for row in _join(store, "export-disagreements", {}).records():
        conflict = next(
            c for c in events[row["event"]]["conflicts"] if c["id"] == row["disagreement"]
        )
        assert {"value": row["value"], "source": row["document"]} in conflict["claims"]


def test_summary_materialise_again_follows_a_changed_graph(
    built: BuildReport, tmp_path: Path
) -> None:
    store = GraphStore(tmp_path / "store")
    store.oxigraph.load(path=str(built.out / "graph.trig"), format=ox.RdfFormat.TRIG)
    graph = str(Minter().summary_graph())
    before = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    materialise(store.oxigraph, graph)
    again = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
    assert sorted(again.splitlines()) == sorted(before.splitlines())  # the build's, exactly
    event = next(r for r in run_query(store, "timeline-lanes").records() if r["models"])["event"]
    store.oxigraph.update(
        f"""PREFIX ptkg: <https://w3id.org/ptkg/vocab#>
        INSERT DATA {{ GRAPH <urn:test> {{
          <urn:test:d> a ptkg:Disagreement ; ptkg:about <{event}> ; ptkg:aspect "date" .
        }} }}"""
    )
    assert not any(r["date_disputed"] for r in run_query(store, "timeline-lanes").records())
    materialise(store.oxigraph, graph)
    disputed = {
        r["event"] for r in run_query(store, "timeline-lanes").records() if r["date_disputed"]
    }
    assert disputed == {event}
    assert _cells(run_query(store, "timeline-lanes")) == _cells(_join(store, "timeline-lanes", {}))
    store.close()


def test_summary_missing_is_named_with_the_fix(built: BuildReport, tmp_path: Path) -> None:
    from kg.errors import QueryError

    store = GraphStore(tmp_path / "store")
    store.oxigraph.load(path=str(built.out / "graph.trig"), format=ox.RdfFormat.TRIG)
    store.remove_graph(URIRef(str(Minter().summary_graph())))  # a store built before them
    with pytest.raises(QueryError, match=r"reads the summary graph.*build it again"):
        run_query(store, "timeline")
    assert run_query(store, "candidates").rows  # the joins still answer
    store.close()
