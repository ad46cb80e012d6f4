"""``ptkg serve`` as the tools of other people use an endpoint: SPARQLWrapper for the named
queries, plain HTTP (urllib) for content negotiation and the refused requests.

Every named query sent to the endpoint, with the parameters bound as the runner binds them,
answers the rows ``ptkg query`` answers; the four result formats come by the Accept header;
an update leaves every quad in place; a SERVICE call is refused before it could leave the
machine; a query over the time limit is cut off; a new build is served once it is in place.
"""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Literal, URIRef
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.bindings import prepare
from kg.store import GraphStore
from ptkg.build import BuildReport
from queries import list_queries, run_query
from queries.library import find_query
from queries.runner import bind_parameters
from queries.web import Server

# Parameters that name things of the bundled corpus, for every named query that has some.
PARAMS: dict[str, dict[str, str]] = {
    "candidates": {"type": "letter"},
    "disagreements": {"aspect": "administration"},
    "entities": {"entity_type": "ai_model"},
    "event-sources": {"match": "partial lift"},
    "event-types": {"coarse": "access_change"},
    "events-by-actor": {"actor": "Anthropic", "in_role": "agent"},
    "network": {"entity": "Claude Mythos 5"},
    "restrictions": {"subject": "Claude Mythos 5", "authority": "US Department of Commerce"},
    "state-on-day": {"day": "2026-06-20", "subject": "Claude Fable 5"},
    "state-on-day-sources": {"day": "2026-06-27", "subject": "Claude Mythos 5"},
    "timeline-as-of": {"day": "2026-06-27", "type": "export_restriction"},
    "timeline-lanes": {"lane_by": "agent", "entity": "Anthropic"},
    "timeline": {"entity": "Claude Mythos 5", "from": "2026-06-01", "to": "2026-06-30"},
}
REQUIRED = {"day": "2026-06-20"}
CASES = [
    pytest.param(named.name, params, label == "params", id=f"{named.name}-{label}")
    for named in list_queries()
    for label, params in (
        ("required", {p.name: REQUIRED[p.name] for p in named.parameters if p.required}),
        ("params", PARAMS.get(named.name)),
    )
    if params is not None
]
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def _python(term: dict[str, str] | None) -> Any:
    """A SPARQL JSON term as ``run_query`` gives a value."""
    if term is None:
        return None
    if term["type"] == "uri":
        return str(URIRef(term["value"]))
    if term["type"] == "bnode":
        return str(BNode(term["value"]))
    value = Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))
    python = value.toPython()
    if isinstance(python, Decimal):
        return float(python)
    return python if not isinstance(python, Literal) else str(python)


def _spread(
    bindings: list[dict[str, Any]], variable: str, member: str | None
) -> list[dict[str, Any]]:
    """Rows packed in one ``rdf:JSON`` column (a query's ``# Rows:`` line) spread out."""
    out = []
    for binding in bindings:
        data = json.loads(binding[variable]["value"])
        if member is not None:
            data = data[member]
        out.extend({**binding, **row} for row in (data if isinstance(data, list) else [data]))
    return out


def _get(url: str, accept: str | None = None, data: bytes | None = None, **headers: str) -> Any:
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as error:
        return error


def _count(endpoint: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})
    with _get(f"{endpoint}?{query}", "text/csv") as answer:
        return int(answer.read().decode().split()[1])


def test_server_says_where_it_listens(served: Any, built: BuildReport) -> None:
    assert served.url.startswith("http://127.0.0.1:")
    assert f"{served.url}query" in served.first_line
    assert str(Path(built.store).resolve()) in served.first_line
    with _get(served.url, "text/html") as answer:
        page = answer.read().decode()
    assert answer.status == 200 and "<title>Policy timeline</title>" in page


@pytest.mark.parametrize(("name", "params", "narrowed"), CASES)
def test_server_named_query_answers_as_ptkg_query(
    served: Any, store: GraphStore, name: str, params: dict[str, str], narrowed: bool
) -> None:
    named = find_query(name)
    expected = run_query(store, named, params)
    bindings = bind_parameters(store, named, params)
    text, substitutions = prepare(named.text_for(bindings), bindings)
    assert not substitutions  # every named query takes its values in its text
    client = SPARQLWrapper(served.endpoint)
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert isinstance(answer, dict)
    hidden = {p.name for p in named.parameters}
    bindings = answer["results"]["bindings"]
    if named.packing is not None:  # rows of the summary graph, packed: a client spreads them
        hidden.add(named.packing.variable)
        bindings = _spread(bindings, named.packing.variable, named.packing.member)
    columns = [v for v in answer["head"]["vars"] if v not in hidden]
    got = [tuple(_python(b.get(c)) for c in columns) for b in bindings]
    assert columns == expected.columns
    assert got == expected.rows
    if narrowed:
        assert got, f"{name} {params}: the parameters should name things of the corpus"


@pytest.mark.parametrize(
    ("accept", "kind"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_server_negotiates_the_result_format(served: Any, accept: str, kind: str) -> None:
    query = (
        "PREFIX ptkg: <https://w3id.org/ptkg/vocab#> PREFIX rdfs: "
        "<http://www.w3.org/2000/01/rdf-schema#> SELECT ?event ?label "
        "WHERE { ?event a ptkg:PolicyEvent ; rdfs:label ?label } ORDER BY ?event"
    )
    with _get(f"{served.endpoint}?{urllib.parse.urlencode({'query': query})}", accept) as answer:
        assert answer.status == 200
        assert answer.headers.get_content_type() == kind
        body = answer.read().decode("utf-8")
    if kind.endswith("json"):
        labels = [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]
    elif kind.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        labels = [
            b.findtext(f"{ns}literal") or ""
            for b in ET.fromstring(body).iter(f"{ns}binding")
            if b.get("name") == "label"
        ]
    elif kind == "text/csv":
        labels = [row["label"] for row in csv.DictReader(io.StringIO(body))]
    else:
        header, *lines = body.splitlines()
        assert header.split("\t") == ["?event", "?label"]
        labels = [json.loads(line.split("\t")[1]) for line in lines]
    assert len(labels) == 11 and any("Partial lift" in label for label in labels)


def test_server_refuses_updates_and_keeps_every_quad(served: Any, store: GraphStore) -> None:
    before = _count(served.endpoint)
    assert before == len(store)
    update = {"Content-Type": "application/sparql-update"}
    refused = [
        _get(served.url + "update", data=b"DROP ALL", **update),
        _get(served.url + "update", data=b"update=DROP+ALL"),
        _get(served.endpoint, data=b"update=DROP+ALL"),
        _get(served.endpoint, data=b"DROP ALL", **update),
        _get(served.endpoint, data=urllib.parse.urlencode({"query": "DROP ALL"}).encode()),
        _get(served.endpoint + "?" + urllib.parse.urlencode({"query": "CLEAR DEFAULT"})),
    ]
    for answer in refused:
        assert answer.code == 403, answer.read()
        assert b"E606" in answer.read()
    client = SPARQLWrapper(served.endpoint, updateEndpoint=served.url + "update")
    client.setMethod(POST)
    client.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        client.query()
    assert _count(served.endpoint) == before


def test_server_refuses_a_service_call(served: Any) -> None:
    # The call would go to this very server: it is refused before the engine sees it.
    query = f"SELECT * WHERE {{ SERVICE <{served.endpoint}> {{ ?s ?p ?o }} }} LIMIT 1"
    with _get(f"{served.endpoint}?{urllib.parse.urlencode({'query': query})}") as answer:
        assert answer.code == 403
        assert b"E606" in answer.read()


def test_server_serves_the_named_queries_text(served: Any) -> None:
    for named in list_queries():
        with _get(f"{served.url}queries/{named.name}.rq") as answer:
            assert answer.read().decode("utf-8") == named.text
    with _get(f"{served.url}queries/lookups/entity-by-name.rq") as answer:
        assert answer.status == 200
    for path in ("queries/../../pyproject.toml", "queries/lookups/../x.rq", "assets/../server.py"):
        with _get(served.url + path) as answer:
            assert answer.code == 404


def test_server_cuts_off_a_query_over_its_time_limit(built: BuildReport) -> None:
    with Server(built.store, port=0, limit=1.0) as server:
        server.start()
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        started = time.monotonic()
        url = f"{server.url}query?{urllib.parse.urlencode({'query': slow})}"
        with _get(url, "text/csv") as answer:
            assert answer.code == 503
            assert b"E610" in answer.read()
        assert time.monotonic() - started < 5
        assert _count(server.url + "query") == len(GraphStore.open_existing(built.store))


def test_server_serves_a_new_build_once_it_is_in_place(
    ptkg: Any, tmp_path: Path, start_serve: Any
) -> None:
    out = tmp_path / "out"
    corpus = ptkg.write(tmp_path / "corpus" / "a.txt", ptkg.ARTICLE)
    assert ptkg("build", corpus.parent, "--out", out).code == 0
    served = start_serve("--store", out)
    try:
        before = _count(served.endpoint)
        [first_engine] = served.children()
        ptkg.write(tmp_path / "corpus" / "b.txt", ptkg.OTHER)
        assert ptkg("build", corpus.parent, "--out", out).code == 0
        assert _count(served.endpoint) > before  # the new build, with both articles
        deadline = time.monotonic() + 10  # the previous server stops after its last answer
        while first_engine in served.children() and time.monotonic() < deadline:
            time.sleep(0.1)
        [engine] = served.children()
        assert engine != first_engine  # the previous build's server stopped
    finally:
        code, err = served.stop()
    assert code == 0
    assert "serving the new build" in err and "stopped" in err


def test_server_stops_cleanly_on_ctrl_c(built: BuildReport, start_serve: Any) -> None:
    served = start_serve("--store", built.store)
    engines = served.children()
    assert len(engines) == 1
    code, err = served.stop()
    assert code == 0
    assert err.strip().endswith("ptkg serve: stopped")
    time.sleep(0.2)
    assert not Path(f"/proc/{engines[0]}").exists()  # the Oxigraph server is gone too


def test_server_refuses_what_cannot_be_served(
    ptkg: Any, tmp_path: Path, served: Any, built: BuildReport
) -> None:
    run = ptkg("serve", "--store", tmp_path / "nothing")
    assert (run.code, run.error) == (2, "E501")
    port = served.url.rsplit(":", 1)[1].strip("/")  # taken: the session's server listens there
    run = ptkg("serve", "--store", built.store, "--port", port)
    assert (run.code, run.error) == (2, "E205")
    assert "--port" in run.err
