"""The provenance queries on the graph of the bundled corpus: event-sources,
disagreements, documents, entities, network and the export-* queries.

Facts from the articles: the June 26 letter is reported by 000, 001 (a letter "dated June
26") and 004 (written "on a Friday"); 000 ascribes the policy to "the Biden
administration" while 001, 003 and 004 name the Trump administration; 000 says more than
100 companies and institutions may use Mythos 5; 003 calls the June order "the previous
month's directive", so it was written in July; 000 says "earlier this month" of the June
order and reports the June 26 letter, so it was written between June 26 and 30.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.queries.conftest import RunQuery

MYTHOS = "Claude Mythos 5"
FABLE = "Claude Fable 5"
COMMERCE = "US Department of Commerce"
JUNE_26 = date(2026, 6, 26)


def _partial_lift(rows: RunQuery) -> dict[str, Any]:
    lifts = [r for r in rows("export-events") if r["type"] == "partial_lift"]
    assert len(lifts) == 1
    return dict(lifts[0])


# ---------------------------------------------------------------------------- event-sources


def test_event_sources_of_the_partial_lift_by_words_of_its_label(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    mentions = rows("event-sources", match="PARTIAL lift")
    documents = {r["document"] for r in mentions}
    assert {docs["000"], docs["001"], docs["004"]} <= documents
    # 003's approval for critical infrastructure may be the same step; 002 has no partial lift.
    assert documents <= {docs["000"], docs["001"], docs["003"], docs["004"]}
    quotes = [r["quote"] for r in mentions if r["document"] == docs["001"]]
    assert any("June 26" in q for q in quotes), quotes


def test_event_sources_by_iri_equal_sources_by_label(rows: RunQuery) -> None:
    event = _partial_lift(rows)["event"]
    by_iri = rows("event-sources", event=event)
    by_words = rows("event-sources", match="partial lift")
    assert by_iri and [r["reported"] for r in by_iri] == [r["reported"] for r in by_words]


def test_event_sources_quote_holds_the_trigger(rows: RunQuery) -> None:
    mentions = rows("event-sources", event=_partial_lift(rows)["event"])
    for r in mentions:
        assert r["trigger"] in r["quote"]
        assert r["end"] - r["start"] == len(r["trigger"])
        assert r["published_earliest"] <= r["published_latest"]
        assert r["modality"] == "asserted"


def test_event_sources_match_nothing_gives_no_rows(rows: RunQuery) -> None:
    assert rows("event-sources", match="no event is called this") == []


# ---------------------------------------------------------------------------- disagreements


def test_disagreements_administration_biden_against_trump(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    claims = rows("disagreements", aspect="administration")
    assert claims and {r["aspect_name"] for r in claims} == {"administration"}
    by_document: dict[str, set[str]] = {}
    for r in claims:
        by_document.setdefault(r["document"], set()).add(r["value"])
    assert any("Biden" in v for v in by_document.get(docs["000"], set()))
    trump = {d for d, values in by_document.items() if any("Trump" in v for v in values)}
    assert {docs["001"], docs["003"], docs["004"]} <= trump


def test_disagreements_partial_lift_then_full_lift_are_two_steps(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    # 000, 001 and 004 report a partial lift of Mythos 5; 002 and 003 a full lift of both,
    # later: two different steps, two events, and no dispute about the type of one.
    assert rows("disagreements", aspect="type") == []
    lifts = {r["event_type"]: r for r in rows("timeline") if "lift" in r["event_type"]}
    assert set(lifts) == {"partial_lift", "full_lift"}
    assert lifts["partial_lift"]["latest"] < lifts["full_lift"]["earliest"]


def test_disagreements_aspect_filter(rows: RunQuery) -> None:
    assert rows("disagreements", aspect="no such aspect") == []


# ---------------------------------------------------------------------------- documents


def test_documents_lists_the_five_articles_with_inferred_dates(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    documents = {r["document"]: r for r in rows("documents")}
    assert set(documents) == set(docs.values())
    for r in documents.values():
        assert r["inferred"] is True  # the manifest gives no publication date
        assert r["published_earliest"] <= r["published_latest"] <= date(2026, 11, 22)
        # Every article reports the June 26 letter or the later full lift.
        assert r["published_earliest"] >= JUNE_26
        assert r["evidence"]


def test_documents_003_was_written_in_july(rows: RunQuery, docs: dict[str, str]) -> None:
    doc = {r["document"]: r for r in rows("documents")}[docs["003"]]
    assert doc["published_earliest"] >= date(2026, 7, 1)
    assert doc["published_latest"] <= date(2026, 7, 31)


def test_documents_000_was_written_in_the_last_days_of_june(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    doc = {r["document"]: r for r in rows("documents")}[docs["000"]]
    assert JUNE_26 <= doc["published_earliest"] <= doc["published_latest"] <= date(2026, 6, 30)
    assert doc["events"] >= 2  # the June order and the June 26 letter at least


# ---------------------------------------------------------------------------- entities


def test_entities_models_with_their_aliases(rows: RunQuery) -> None:
    models = {r["name"]: r for r in rows("entities", entity_type="ai_model")}
    assert {MYTHOS, FABLE, "GPT-5.6"} <= set(models)
    assert {r["type"] for r in models.values()} == {"ai_model"}
    assert "Fable 5" in models[FABLE]["aliases"].split("; ")
    assert "Mythos 5" in models[MYTHOS]["aliases"].split("; ")
    assert models[MYTHOS]["documents"] == 5  # every article names Mythos


def test_entities_people_and_agencies(rows: RunQuery) -> None:
    entities = {r["name"]: r for r in rows("entities")}
    assert entities["Howard Lutnick"]["type"] == "person"
    assert "Lutnick" in entities["Howard Lutnick"]["aliases"].split("; ")
    assert entities[COMMERCE]["type"] == "government_agency"
    assert "Commerce Department" in entities[COMMERCE]["aliases"].split("; ")


# ---------------------------------------------------------------------------- network


def test_network_commerce_acts_on_mythos_through_three_events(rows: RunQuery) -> None:
    edges = rows("network", entity="Department of Commerce")
    assert edges
    for r in edges:
        assert COMMERCE in (r["source"], r["target"])
    to_mythos = [r for r in edges if (r["source"], r["target"]) == (COMMERCE, MYTHOS)]
    assert len(to_mythos) == 1
    edge = to_mythos[0]
    assert edge["relation"] == "model" and edge["source_type"] == "government_agency"
    # The order (June 12), the partial lift (June 26) and the full lift.
    assert edge["events"] == 3
    assert set(edge["event_types"].split("; ")) == {
        "export_restriction",
        "partial_lift",
        "full_lift",
    }


def test_network_lawsuit_and_request_edges(rows: RunQuery) -> None:
    edges = {(r["source"], r["relation"], r["target"]): r for r in rows("network")}
    lawsuit = edges[("Anthropic", "affected", "US Department of Defense")]
    assert "lawsuit" in lawsuit["event_types"].split("; ")
    assert lawsuit["target_type"] == "government_agency"
    assert ("Austria", "affected", "European Union") in edges
    assert all(r["events"] >= 1 for r in edges.values())


def test_network_type_filter(rows: RunQuery) -> None:
    lawsuits = rows("network", type="lawsuit")
    assert lawsuits and all(r["event_types"] == "lawsuit" for r in lawsuits)


# ---------------------------------------------------------------------------- export-*


def test_export_events_partial_lift_row(rows: RunQuery) -> None:
    lift = _partial_lift(rows)
    assert (lift["earliest"], lift["latest"], lift["precision"]) == (JUNE_26, JUNE_26, "day")
    assert lift["coarse_type"] == "partial_lift" and lift["on_timeline"] is True
    assert lift["source_count"] >= 3
    assert lift["first_reported_earliest"] >= JUNE_26


def test_export_participants_by_role(rows: RunQuery) -> None:
    participants = rows("export-participants")
    lift = _partial_lift(rows)["event"]
    models = {r["name"] for r in participants if r["event"] == lift and r["role"] == "model"}
    assert models == {MYTHOS}
    lawsuit = {
        (r["role"], r["name"])
        for r in participants
        if r["event"] in {e["event"] for e in rows("export-events") if e["type"] == "lawsuit"}
    }
    assert {("agent", "Anthropic"), ("affected", "US Department of Defense")} <= lawsuit


def test_export_mentions_of_the_partial_lift(rows: RunQuery, docs: dict[str, str]) -> None:
    lift = _partial_lift(rows)["event"]
    mentions = [r for r in rows("export-mentions") if r["event"] == lift]
    assert {docs["000"], docs["001"], docs["004"]} <= {r["document"] for r in mentions}
    for r in mentions:
        assert r["text"] in r["quote"] and r["end"] - r["start"] == len(r["text"])
        assert r["tense"] in {"past", "present", "future"}


def test_export_scopes_more_than_100_companies_from_000(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    lift = _partial_lift(rows)["event"]
    counts = {
        (r["count"], r["qualifier"], r["document"])
        for r in rows("export-scopes")
        if r["event"] == lift and r["count"] is not None
    }
    assert (100, "more_than", docs["000"]) in counts


def test_export_disagreements_about_events(rows: RunQuery, docs: dict[str, str]) -> None:
    claims = rows("export-disagreements")
    events = {e["event"] for e in rows("export-events")}
    assert claims and {r["event"] for r in claims} <= events
    biden = [r for r in claims if r["aspect"] == "administration" and "Biden" in r["value"]]
    assert biden and {r["document"] for r in biden} == {docs["000"]}


@pytest.mark.parametrize(
    "name",
    ["export-events", "export-participants", "export-mentions", "export-scopes"],
)
def test_export_queries_refer_to_the_same_events(rows: RunQuery, name: str) -> None:
    events = {e["event"] for e in rows("export-events")}
    assert {r["event"] for r in rows(name)} <= events
