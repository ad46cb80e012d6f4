"""The query library: every .rq file's header, its parameters, the README's list, the
result formats and the errors of a query asked wrongly (the charts: test_charts.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kg.store import GraphStore
from queries import NamedQuery, QueryError, list_queries, run_query

QUERIES = list_queries()
NAMES = [q.name for q in QUERIES]
README = Path(__file__).resolve().parents[2] / "README.md"


def _select_clause(query: NamedQuery) -> str:
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    match = re.search(r"\bSELECT\b(.*?)\bWHERE\b", body, re.S | re.I)
    assert match, query.name
    return match.group(1)


def test_library_has_the_named_queries_researchers_need() -> None:
    assert {
        "timeline",
        "timeline-lanes",
        "timeline-as-of",
        "restrictions",
        "state-on-day",
        "state-on-day-sources",
        "events-by-actor",
        "event-sources",
        "disagreements",
        "network",
        "documents",
        "entities",
        "event-types",
    } <= set(NAMES)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_library_header_has_purpose_parameters_and_example(query: NamedQuery) -> None:
    assert query.title and query.title != query.name
    assert len(query.purpose) > 40
    assert query.example.startswith(f"ptkg query {query.name}")
    given = set(re.findall(r"--param (\w+)=", query.example))
    assert given <= {p.name for p in query.parameters}
    assert {p.name for p in query.parameters if p.required} <= given


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_library_parameters_are_projected(query: NamedQuery) -> None:
    # Oxigraph binds only variables of the SELECT clause.
    projected = set(re.findall(r"\?(\w+)", _select_clause(query)))
    assert {p.name for p in query.parameters} <= projected


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_library_never_tests_a_parameter_with_bound(query: NamedQuery) -> None:
    # Regression: Oxigraph evaluates BOUND(?p) of a substituted parameter as false, so a
    # filter `!BOUND(?p) || ...` kept every row whatever the parameter. Test with COALESCE.
    for parameter in query.parameters:
        assert not re.search(rf"BOUND\s*\(\s*\?{parameter.name}\s*\)", query.text, re.I), (
            f"{query.name}: BOUND(?{parameter.name})"
        )


def test_library_readme_lists_every_named_query() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Named queries", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M)
    assert sorted(listed) == sorted(NAMES)


def test_library_results_as_table_csv_json_and_dataframe(store: GraphStore) -> None:
    result = run_query(store, "documents")
    assert len(result.rows) == 5
    table = result.to_table()
    assert table.splitlines()[0].split()[:2] == ["document", "title"]
    assert table.endswith("(5 rows)")
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert [r["document"] for r in rows] == result.column("document")
    records = json.loads(result.to_json())
    assert records[0]["published_earliest"] == result.rows[0][2].isoformat()
    frame = result.to_dataframe()
    assert list(frame.columns) == result.columns and len(frame) == 5
    assert set(frame["inferred"]) == {True}


def test_library_unknown_query_and_missing_parameter(store: GraphStore) -> None:
    with pytest.raises(QueryError) as unknown:
        run_query(store, "nope")
    assert unknown.value.code == "E601" and "'nope'" in str(unknown.value)
    with pytest.raises(QueryError) as missing:
        run_query(store, "timeline-as-of")
    assert missing.value.code == "E603" and "--param day" in str(missing.value)
    with pytest.raises(QueryError) as nobody:
        run_query(store, "events-by-actor", {"actor": "Nobody At All"})
    assert nobody.value.code == "E604" and "'Nobody At All'" in str(nobody.value)
