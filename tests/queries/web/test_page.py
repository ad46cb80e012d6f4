"""The timeline page in headless Chromium, as a researcher uses it: served by ``ptkg serve``,
and as the one file ``ptkg export --format html`` writes, opened with no network.

It loads with no console error and shows the events of the bundled corpus; a click on the
June 26 event (the partial lift) shows its sources' quotes; a filter narrows the lanes; the
query box runs a named query with a parameter as ``ptkg query`` does, and the page binds
parameters into the very text the Python runner sends.

``PTKG_WRITE_SCREENSHOT=1`` makes the click test write its screenshot to
docs/timeline-page.png, the one the README shows.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.bindings import prepare
from kg.iri import Minter
from kg.store import GraphStore
from kg.summary import materialise
from ptkg.build import BuildReport
from queries import run_query
from queries.library import find_query
from queries.runner import bind_parameters

SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "timeline-page.png"
PARTIAL_LIFT = "Howard Lutnick: Partial lift — Claude Mythos 5"
# Parameters of the corpus for the binding test: every parameter type the runner knows.
BOUND = {
    "timeline": {"entity": "Claude Mythos 5", "type": "export_restriction", "from": "2026-06-01"},
    "state-on-day": {"day": "2026-06-20", "subject": "claude fable 5", "layer": "legal"},
    "restrictions": {"subject": "Mythos 5", "authority": "US Department of Commerce"},
    "event-sources": {"match": 'say "partial"\\ lift\tnow'},
    "entities": {"entity_type": "ai_model"},
    "timeline-lanes": {"lane_by": "agent"},
}


def _partial_lift(store: GraphStore) -> dict[str, Any]:
    [event] = [
        row for row in run_query(store, "export-events").records() if row["label"] == PARTIAL_LIFT
    ]
    assert str(event["earliest"]) == str(event["latest"]) == "2026-06-26"
    return event


def _quotes(store: GraphStore, event: str) -> set[str]:
    return {
        " ".join(str(row["quote"] or row["text"]).split())
        for row in run_query(store, "export-mentions").records()
        if row["event"] == event
    }


def _lanes(page: Any) -> set[str]:
    """The lanes drawn, once vis-timeline has drawn as many as the page says it shows."""
    page.wait_for_function(
        """() => {
          const labels = [...document.querySelectorAll('.vis-labelset .vis-label .vis-inner')];
          return labels.length === Number(document.body.dataset.lanes)
            && labels.every((label) => label.textContent.trim());
        }""",
        timeout=5000,
    )
    texts = page.locator(".vis-labelset .vis-label .vis-inner").all_text_contents()
    return {text.strip() for text in texts}


def _click_partial_lift(page: Any) -> Any:
    item = page.locator(".vis-item.event", has_text="Partial lift").first
    item.click()
    details = page.locator("#details")
    details.locator("h2", has_text=PARTIAL_LIFT).wait_for(timeout=5000)
    return details


def test_page_loads_and_shows_the_events_of_the_corpus(
    served: Any, tab: Any, store: GraphStore
) -> None:
    tab.open(served.url)
    page = tab.page
    events = [r for r in run_query(store, "export-events").records() if r["on_timeline"]]
    assert page.evaluate("document.body.dataset.events") == str(len(events)) == "11"
    shown = page.locator(".vis-item.event")
    assert shown.count() >= len(events)  # an event on two models is on both lanes
    text = " ".join(shown.all_text_contents())
    for label in ("Export restriction", "Partial lift", "Full lift", "Lawsuit"):
        assert label in text
    assert {"Claude Mythos 5", "Claude Fable 5", "Anthropic"} <= _lanes(page)
    # The states of the models as bands: restricted, then partially lifted, then lifted.
    for state in ("restricted", "partially_lifted", "lifted"):
        assert page.locator(f".vis-item.band-{state}").count() >= 1
    # A date known within a window is a bar, a known day a box.
    assert page.locator(".vis-item.event.window").count() >= 1
    assert page.locator(".vis-item.event.day").count() >= 1
    assert tab.errors == []


def test_page_click_on_the_june_26_event_shows_its_sources_quotes(
    served: Any, tab: Any, store: GraphStore, tmp_path: Path
) -> None:
    tab.open(served.url)
    details = _click_partial_lift(tab.page)
    event = _partial_lift(store)
    text = details.inner_text()
    assert "Partial lift" in text and "26 Jun 2026" in text
    assert "Howard Lutnick" in text and "Claude Mythos 5" in text  # who acted, on what
    assert "Why this date" in text
    why = details.locator("li.why-source").all_inner_texts()
    assert any("dates it 26 Jun 2026" in line and "“June 26”" in line for line in why)
    assert any("after Howard Lutnick: Export restriction" in line for line in why)  # two weeks
    shown = {q[1:-1] for q in details.locator("blockquote").all_text_contents()}
    assert shown == _quotes(store, event["event"])
    assert details.locator("li.source").count() == event["source_count"] == 4
    assert tab.errors == []
    # Each source's best sentence first, the others folded away.
    assert details.locator("li.source > blockquote").count() == 4
    tab.page.mouse.move(5, 5)  # no tooltip over the picture
    picture = tmp_path / "timeline-page.png"
    tab.page.set_viewport_size({"width": 1400, "height": 1150})
    tab.page.screenshot(path=str(picture))
    assert picture.stat().st_size > 10_000
    if os.environ.get("PTKG_WRITE_SCREENSHOT"):
        shutil.copyfile(picture, SCREENSHOT)


def test_page_filters_narrow_the_lanes(served: Any, tab: Any) -> None:
    tab.open(served.url)
    page = tab.page
    all_lanes = int(page.evaluate("document.body.dataset.lanes"))
    page.select_option("#filter-entity", "GPT-5.6")
    assert page.evaluate("document.body.dataset.lanes") == "1"
    assert _lanes(page) == {"GPT-5.6"}
    page.select_option("#filter-entity", "")
    page.select_option("#filter-type", "export_restriction")
    assert page.evaluate("document.body.dataset.events") == "1"
    assert _lanes(page) == {"Claude Mythos 5", "Claude Fable 5"}
    page.select_option("#filter-type", "")
    page.fill("#filter-from", "2026-06-20")
    page.fill("#filter-to", "2026-06-30")
    assert 1 < int(page.evaluate("document.body.dataset.events")) < 11
    page.click("#filter-reset")
    assert int(page.evaluate("document.body.dataset.lanes")) == all_lanes > 2
    assert tab.errors == []


def test_page_query_box_runs_a_named_query_as_ptkg_query(
    served: Any, tab: Any, store: GraphStore
) -> None:
    tab.open(served.url)
    page = tab.page
    page.select_option("#query-name", "timeline")
    page.locator("#query-params input[data-param=entity]").fill("claude mythos 5")
    page.click("#query-run")
    page.locator("#query-status", has_text="row").wait_for(timeout=10_000)
    expected = run_query(store, "timeline", {"entity": "claude mythos 5"})
    header = page.locator("#query-result th").all_inner_texts()
    assert header == expected.columns
    assert page.locator("#query-result tbody tr").count() == len(expected.rows) > 0
    # Any SPARQL; an update is refused by the endpoint, and the page says why.
    page.select_option("#query-name", "")
    page.fill("#query-text", "DROP ALL")
    page.click("#query-run")
    page.locator("#query-status.error", has_text="E606").wait_for(timeout=10_000)
    page.fill("#query-text", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    page.click("#query-run")
    page.locator("#query-status", has_text="1 row").wait_for(timeout=10_000)
    assert page.locator("#query-result td").inner_text() == str(len(store))
    # The one error the browser logs is the refused update's status.
    refused = "Failed to load resource: the server responded with a status of 403 (Forbidden)"
    assert tab.errors == [refused]


@pytest.mark.parametrize("name", sorted(BOUND))
def test_page_binds_parameters_into_the_runners_text(
    served: Any, tab: Any, store: GraphStore, name: str
) -> None:
    tab.open(served.url)
    named = find_query(name)
    bindings = bind_parameters(store, named, BOUND[name])
    expected, _ = prepare(named.text_for(bindings), bindings)
    bound = tab.page.evaluate(
        "([name, given]) => ptkg.boundQuery(ptkg.namedQuery(name), given).then(b => b.text)",
        [name, BOUND[name]],
    )
    assert bound == expected


def test_page_writes_literals_as_the_store_does(served: Any, tab: Any) -> None:
    tab.open(served.url)
    for text in ('a"b\\c', "line\nnext\r\ttab", "\x08\x0c\x7f\x1f\x01", "é \u2028 😀", ""):
        assert tab.page.evaluate("(s) => ptkg.literal(s)", text) == str(ox.Literal(text))


def test_page_exported_as_one_file_works_with_no_server(
    ptkg: Any, built: BuildReport, tab: Any, store: GraphStore, tmp_path: Path
) -> None:
    story = tmp_path / "story.html"
    run = ptkg("export", "--format", "html", "--store", built.store, "--output", story)
    assert run.code == 0, run.err
    html = story.read_text(encoding="utf-8")
    assert "<script src=" not in html and 'rel="stylesheet"' not in html
    requests: list[str] = []

    def offline(route: Any) -> None:
        requests.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    tab.page.route("**/*", offline)
    tab.open(story.as_uri())
    assert requests == [story.as_uri()]  # nothing but the file itself
    assert tab.page.evaluate("document.body.dataset.events") == "11"
    details = _click_partial_lift(tab.page)
    shown = {q[1:-1] for q in details.locator("blockquote").all_text_contents()}
    assert shown == _quotes(store, _partial_lift(store)["event"])
    assert tab.page.locator("#query-offline").is_visible()
    assert tab.page.locator("#query-run").is_disabled()
    assert tab.errors == []


def test_page_marks_an_event_whose_sources_disagree_on_its_date(
    built: BuildReport, tab: Any, tmp_path: Path
) -> None:
    # The bundled corpus has no date disagreement: one is added to a copy of its graph, as
    # the reconciliation writes one (docs/model.md, Disagreements).
    from queries.web import write_static_page

    store = GraphStore(tmp_path / "store")
    store.oxigraph.load(path=str(built.out / "graph.trig"), format=ox.RdfFormat.TRIG)
    event = _partial_lift(store)["event"]
    store.oxigraph.update(
        f"""PREFIX ptkg: <https://w3id.org/ptkg/vocab#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        INSERT {{ GRAPH <urn:test> {{
          <urn:test:d> a ptkg:Disagreement ; ptkg:about <{event}> ; ptkg:aspect "date" ;
                       ptkg:resolution "the date most sources give is kept" ;
                       ptkg:claim <urn:test:c1>, <urn:test:c2> .
          <urn:test:c1> ptkg:claimedValue "2026-06-26" ; dcterms:source ?first .
          <urn:test:c2> ptkg:claimedValue "2026-06-25" ; dcterms:source ?second .
        }} }}
        WHERE {{ GRAPH ?g {{ ?first dcterms:identifier "001_c86583a5c4579b80" }}
                 GRAPH ?h {{ ?second dcterms:identifier "004_c0c8e0d5c0ae4aad" }} }}"""
    )
    # as a build does, the rows of the listings are made again from the changed graph
    materialise(store.oxigraph, str(Minter().summary_graph()))
    page = tmp_path / "story.html"
    write_static_page(store, page, "A disputed day")
    store.close()
    tab.open(page.as_uri())
    disputed = tab.page.locator(".vis-item.event.disputed", has_text="Partial lift")
    assert disputed.count() == 1
    assert tab.page.locator(".vis-item.event.disputed", has_text="⚠").count() == 1
    assert "⚠" in disputed.text_content() and "Partial lift" in disputed.text_content()
    details = _click_partial_lift(tab.page)
    warning = details.locator("li.warning").inner_text()
    assert "disagree on the date" in warning and "2026-06-25" in warning
    assert tab.page.title() == "A disputed day"
    assert tab.errors == []


def test_page_missing_assets_are_named_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from extract.errors import DataFileError
    from queries.web import page

    monkeypatch.setattr(page, "_folder", lambda name: tmp_path / name)
    with pytest.raises(DataFileError) as info:
        page.served_page()
    assert info.value.code == "E143"
    assert "make install" in str(info.value) and "page.html" in str(info.value)
