"""The timeline queries on the graph of the bundled corpus: timeline, timeline-lanes,
timeline-as-of, events-by-actor.

Facts from the articles: Commerce ordered export controls on Mythos 5 and Fable 5 on June
12 (000 "the June 12 export control order", 001/004 "early June", 003 "the previous
month's directive"); a letter dated June 26 (001) let trusted partners use Mythos 5 only;
Anthropic sued the Department of Defense in March (003, 004); none of the five articles
was out before June 26, the day of the letter they report (002 and 003 report the full
lift that came later still).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from queries import QueryError

if TYPE_CHECKING:
    from tests.queries.conftest import RunQuery

Row = dict[str, Any]

MYTHOS = "Claude Mythos 5"
FABLE = "Claude Fable 5"
JUNE_12 = date(2026, 6, 12)
JUNE_26 = date(2026, 6, 26)


def _names(text: str | None) -> set[str]:
    return {n for n in (text or "").split("; ") if n}


def _may_be_on(row: Row, day: date) -> bool:
    return (row["earliest"] is None or row["earliest"] <= day) and (
        row["latest"] is None or day <= row["latest"]
    )


def _of_type(rows: list[Row], event_type: str) -> list[Row]:
    return [r for r in rows if r["event_type"] == event_type]


# ---------------------------------------------------------------------------- timeline


def test_timeline_dates_the_export_order_june_12_for_both_models(rows: RunQuery) -> None:
    orders = [r for r in _of_type(rows("timeline"), "export_restriction") if _may_be_on(r, JUNE_12)]
    assert orders, "no export restriction that may be dated June 12"
    order = max(orders, key=lambda r: r["sources"])
    assert (order["earliest"], order["latest"], order["precision"]) == (JUNE_12, JUNE_12, "day")
    assert {MYTHOS, FABLE} <= _names(order["models"])
    assert order["sources"] >= 4  # 000, 001, 003 and 004 all report it


def test_timeline_partial_lift_is_june_26_and_concerns_mythos_only(rows: RunQuery) -> None:
    lifts = _of_type(rows("timeline"), "partial_lift")
    assert len(lifts) == 1
    lift = lifts[0]
    assert (lift["earliest"], lift["latest"], lift["precision"]) == (JUNE_26, JUNE_26, "day")
    assert _names(lift["models"]) == {MYTHOS}
    assert lift["sources"] >= 3  # 000, 001 and 004


def test_timeline_lawsuit_is_march_at_month_precision(rows: RunQuery) -> None:
    lawsuits = _of_type(rows("timeline"), "lawsuit")
    assert len(lawsuits) == 1
    lawsuit = lawsuits[0]
    assert (lawsuit["earliest"], lawsuit["latest"]) == (date(2026, 3, 1), date(2026, 3, 31))
    assert lawsuit["precision"] == "month"
    assert "Anthropic" in _names(lawsuit["agents"])


def test_timeline_is_in_date_order(rows: RunQuery) -> None:
    starts = [r["earliest"] or r["latest"] for r in rows("timeline")]
    dated = [d for d in starts if d is not None]
    assert dated == sorted(dated)


def test_timeline_type_filter_keeps_only_that_type(rows: RunQuery) -> None:
    everything = rows("timeline")
    lawsuits = rows("timeline", type="lawsuit")
    assert lawsuits and len(lawsuits) < len(everything)
    assert {r["event_type"] for r in lawsuits} == {"lawsuit"}


def test_timeline_coarse_type_filter_keeps_finer_types(rows: RunQuery) -> None:
    access = rows("timeline", type="access_change")
    # Anthropic disabling access and OpenAI limiting its model are both access changes.
    assert len(access) >= 2
    assert all(r["event_type"].startswith("access_") for r in access)


def test_timeline_entity_filter_by_alias(rows: RunQuery) -> None:
    fable = rows("timeline", entity="Fable 5")
    assert fable and len(fable) < len(rows("timeline"))
    assert all(FABLE in _names(r["models"]) for r in fable)
    # The June 26 letter left Fable 5 restricted: the partial lift is not one of its events.
    assert "partial_lift" not in {r["event_type"] for r in fable}


def test_timeline_period_filter_keeps_events_that_may_fall_in_it(rows: RunQuery) -> None:
    start, end = date(2026, 6, 20), date(2026, 6, 30)
    period = rows("timeline", **{"from": start, "to": end})
    types = {r["event_type"] for r in period}
    assert "partial_lift" in types and "lawsuit" not in types
    for r in period:
        assert r["latest"] is None or r["latest"] >= start
        assert r["earliest"] is None or r["earliest"] <= end


def test_timeline_rejects_unknown_parameter(rows: RunQuery) -> None:
    with pytest.raises(QueryError) as info:
        rows("timeline", model="Fable 5")
    assert info.value.code == "E603"
    assert "'model'" in str(info.value)
    # an optional argument a caller passes as None is not given, whatever its name
    assert rows("timeline", model=None) == rows("timeline")


# ---------------------------------------------------------------------------- timeline-lanes


def test_timeline_lanes_by_model_put_the_partial_lift_in_the_mythos_lane_only(
    rows: RunQuery,
) -> None:
    lanes = rows("timeline-lanes")
    lift_lanes = {r["lane"] for r in lanes if r["event_type"] == "partial_lift"}
    assert lift_lanes == {MYTHOS}
    full_lift_lanes = {r["lane"] for r in lanes if r["coarse_type"] == "full_lift"}
    assert {MYTHOS, FABLE} <= full_lift_lanes


def test_timeline_lanes_by_agent_put_the_lawsuit_in_anthropics_lane(rows: RunQuery) -> None:
    lanes = rows("timeline-lanes", lane_by="agent")
    assert {r["lane"] for r in lanes if r["event_type"] == "lawsuit"} == {"Anthropic"}
    assert MYTHOS not in {r["lane"] for r in lanes}  # a model is no agent


def test_timeline_lanes_flag_date_disputes_as_booleans(rows: RunQuery) -> None:
    lanes = rows("timeline-lanes")
    assert {type(r["date_disputed"]) for r in lanes} == {bool}
    assert {r["coarse_type"] for r in lanes} >= {"export_restriction", "partial_lift"}


# ---------------------------------------------------------------------------- timeline-as-of


def test_timeline_as_of_before_any_article_is_empty(rows: RunQuery) -> None:
    # Every article reports the June 26 letter: none can have been out on June 25.
    assert rows("timeline-as-of", day=date(2026, 6, 25)) == []


def test_timeline_as_of_june_26_knows_the_letter_but_not_the_full_lift(rows: RunQuery) -> None:
    known = rows("timeline-as-of", day=JUNE_26)
    types = {r["event_type"] for r in known}
    assert "partial_lift" in types
    assert "full_lift" not in types  # 002 and 003 report a lifting after June 26
    assert {r["known"] for r in known} <= {"certain", "possible"}


def test_timeline_as_of_end_of_june_knows_the_order_for_certain_from_000(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    # 000 reports the June 26 letter and calls the June order "earlier this month":
    # it was out by June 30.
    known = rows("timeline-as-of", day=date(2026, 6, 30))
    orders = [r for r in _of_type(known, "export_restriction") if _may_be_on(r, JUNE_12)]
    assert any(r["known"] == "certain" and docs["000"] in r["reported_by"].split() for r in orders)
    for r in known:
        assert r["certain_sources"] <= r["sources_by_then"] <= r["sources"]
        assert (r["known"] == "certain") == (r["first_reported_latest"] <= date(2026, 6, 30))


def test_timeline_as_of_type_filter(rows: RunQuery) -> None:
    later = rows("timeline-as-of", day=date(2026, 12, 1), type="full_lift")
    assert later and {r["event_type"] for r in later} == {"full_lift"}
    # Every article was collected on 2026-11-22: all were surely out by December.
    assert {r["known"] for r in later} == {"certain"}


# ---------------------------------------------------------------------------- events-by-actor


def test_events_by_actor_anthropic_as_agent(rows: RunQuery) -> None:
    acted = rows("events-by-actor", actor="Anthropic", in_role="agent")
    assert {r["role"] for r in acted} == {"agent"}
    assert {r["actor_name"] for r in acted} == {"Anthropic"}
    types = {r["event_type"] for r in acted}
    assert "lawsuit" in types  # it sued the Department of Defense
    assert "access_disable" in types  # it disabled access after the order


def test_events_by_actor_commerce_ordered_and_lifted(rows: RunQuery) -> None:
    acted = rows("events-by-actor", actor="Commerce Department", in_role="agent")
    assert {r["actor_name"] for r in acted} == {"US Department of Commerce"}
    coarse = {r["event_type"] for r in acted}
    assert {"export_restriction", "partial_lift", "full_lift"} <= coarse
    orders = _of_type(acted, "export_restriction")
    assert any(r["earliest"] == r["latest"] == JUNE_12 for r in orders)


def test_events_by_actor_model_role_and_type_filter(rows: RunQuery) -> None:
    mythos = rows("events-by-actor", actor="Mythos 5", in_role="model")
    assert "partial_lift" in {r["event_type"] for r in mythos}
    lawsuits = rows("events-by-actor", actor="Anthropic", type="lawsuit")
    assert [(r["role"], r["event_type"]) for r in lawsuits] == [("agent", "lawsuit")]
    assert "US Department of Defense" in _names(lawsuits[0]["others"])


def test_events_by_actor_without_actor_lists_every_actor(rows: RunQuery) -> None:
    everyone = rows("events-by-actor")
    actors = {r["actor_name"] for r in everyone}
    assert {"Anthropic", MYTHOS, FABLE, "Austria"} <= actors
    assert {r["role"] for r in everyone} == {"agent", "affected", "model"}
