"""Queries only read the local graph, answer in every form or refuse in words, and stop at a
time limit. Regression tests of issue 14, case 12, run as a user runs them (``ptkg query``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
import pytest

from kg.store import STORE_MARKER, GraphStore
from ptkg.build import BuildReport
from queries import QueryError
from queries.runner import check_query

if TYPE_CHECKING:
    from tests.conftest import Cli


class _Endpoint(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 (shared by the handler instances of one server)

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(500)
        self.end_headers()

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, list[str]]]:
    """A local SPARQL 'endpoint' that records every request made to it."""
    hits: list[str] = []
    handler = type("Endpoint", (_Endpoint,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "service",
    ["SERVICE <{url}>", "service silent <{url}>", "\\u0053ERVICE <{url}>"],
)
def test_query_service_is_refused_without_any_request(
    ptkg: Cli,
    built: BuildReport,
    tmp_path: Path,
    endpoint: tuple[str, list[str]],
    service: str,
) -> None:
    url, hits = endpoint
    query = ptkg.write(
        tmp_path / "remote.rq",
        "SELECT * WHERE { " + service.format(url=url) + " { ?s ?p ?o } }\n",
    )
    run = ptkg("query", query, "--store", built.store)
    assert (run.code, run.error) == (2, "E606")
    assert f"{query}: " in run.err
    assert "remove the SERVICE clause" in run.err  # the fix
    assert hits == []


def test_query_engine_alone_would_call_the_endpoint(
    store: GraphStore, endpoint: tuple[str, list[str]]
) -> None:
    # What the refusal prevents: the engine itself sends the request.
    url, hits = endpoint
    with pytest.raises(OSError):
        list(store.oxigraph.query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
    assert len(hits) == 1


def test_query_service_as_a_name_is_not_refused() -> None:
    text = (
        "PREFIX ex: <http://example.org/>\n"
        "SELECT ?service WHERE { ?service ex:SERVICE 'SERVICE' } # SERVICE in a comment\n"
    )
    assert check_query(text) == "SELECT"


def test_query_ask_construct_describe_answer(ptkg: Cli, built: BuildReport, tmp_path: Path) -> None:
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    ask = ptkg.write(tmp_path / "ask.rq", f"ASK {{ ?e a <{sem}Event> }}\n")
    run = ptkg("query", ask, "--store", built.store, "--format", "json")
    assert run.code == 0 and json.loads(run.out) == [{"answer": True}]
    never = ptkg.write(tmp_path / "never.rq", "ASK { ?e a <urn:ptkg:no-such-class> }\n")
    run = ptkg("query", never, "--store", built.store, "--format", "csv")
    assert run.code == 0 and run.out.splitlines() == ["answer", "False"]
    construct = ptkg.write(
        tmp_path / "construct.rq",
        f"CONSTRUCT {{ ?e a <urn:ptkg:Found> }} WHERE {{ ?e a <{sem}Event> }}\n",
    )
    run = ptkg("query", construct, "--store", built.store, "--format", "json")
    rows = json.loads(run.out)
    assert run.code == 0 and len(rows) >= 5
    assert {(r["predicate"], r["object"]) for r in rows} == {
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "urn:ptkg:Found")
    }
    event = rows[0]["subject"]
    describe = ptkg.write(tmp_path / "describe.rq", f"DESCRIBE <{event}>\n")
    run = ptkg("query", describe, "--store", built.store, "--format", "json")
    described = json.loads(run.out)
    assert run.code == 0 and {r["subject"] for r in described} == {event}
    assert {"subject": event, "predicate": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "object": f"{sem}Event"} in described  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ("query", "timeline", "--param", "type=export_restrction"),
        ("timeline", "--type", "export_restrction"),
        ("chart", "timeline", "--type", "export_restrction", "--output", "{tmp}/chart.png"),
    ],
)
def test_query_type_typo_is_an_error_like_an_unknown_entity(
    ptkg: Cli, built: BuildReport, tmp_path: Path, args: tuple[str, ...]
) -> None:
    run = ptkg(*(a.format(tmp=tmp_path) for a in args), "--store", built.store)
    assert (run.code, run.error) == (2, "E605")
    assert "'export_restrction'" in run.err
    assert "did you mean export_restriction?" in run.err
    assert "ptkg query event-types" in run.err
    entity = ptkg("query", "timeline", "--param", "entity=Nobody At All", "--store", built.store)
    assert (entity.code, entity.error) == (2, "E604")
    assert "'Nobody At All'" in entity.err


def test_query_repeated_param_is_refused(ptkg: Cli, built: BuildReport) -> None:
    run = ptkg(
        "query", "state-on-day", "-p", "day=2026-06-20", "-p", "day=2026-06-21",
        "--store", built.store,
    )  # fmt: skip
    assert (run.code, run.error) == (2, "E603")
    assert "--param day is given twice ('2026-06-20' and '2026-06-21')" in run.err


@pytest.mark.parametrize(
    ("update", "keyword"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
        ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("clear all", "CLEAR"),
        ("DROP GRAPH <urn:g>", "DROP"),
    ],
)
def test_query_update_is_refused_in_words(
    ptkg: Cli, built: BuildReport, tmp_path: Path, update: str, keyword: str
) -> None:
    before = (built.out / "graph.trig").read_bytes()
    query = ptkg.write(tmp_path / "update.rq", update + "\n")
    run = ptkg("query", query, "--store", built.store)
    assert (run.code, run.error) == (2, "E606")
    assert f"({keyword})" in run.err  # the keyword it saw
    assert "expected" not in run.err
    with GraphStore.open_existing(built.store) as store:
        assert len(store) > 0
    assert (built.out / "graph.trig").read_bytes() == before


def test_query_time_limit(ptkg: Cli, tmp_path: Path) -> None:
    # A store of 3,000 triples and a query that compares every pair of them: 9 million
    # comparisons, seconds of work, cut at 0.2 s.
    path = tmp_path / "store"
    store = GraphStore(path)
    store.oxigraph.extend(
        ox.Quad(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)))
        for i in range(3000)
    )
    store.close()
    (path / STORE_MARKER).write_text("test store\n", encoding="utf-8")
    heavy = ptkg.write(
        tmp_path / "pairs.rq",
        "SELECT ?a WHERE { ?a ?p ?x . ?b ?q ?y FILTER(STR(?x) = CONCAT(STR(?y), '-')) }\n",
    )
    run = ptkg("query", heavy, "--store", path, "--timeout", "0.2")
    assert (run.code, run.error) == (2, "E610")
    assert "query 'pairs' did not finish within 0.2 s" in run.err
    light = ptkg.write(tmp_path / "one.rq", "SELECT ?a WHERE { ?a ?p '7' }\n")
    run = ptkg("query", light, "--store", path, "--timeout", "5", "--format", "csv")
    assert run.code == 0 and run.out.splitlines() == ["a", "urn:x:7"]


def test_query_check_refuses_before_the_store_is_read() -> None:
    with pytest.raises(QueryError) as info:
        check_query("PREFIX a: <urn:a:>\n# SELECT\nINSERT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert info.value.code == "E606"
    assert "(INSERT)" in str(info.value)
    assert check_query("# a comment with INSERT\nSELECT * WHERE { ?s ?p 'DELETE' }") == "SELECT"
