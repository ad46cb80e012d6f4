"""The restriction-state queries on the graph of the bundled corpus: restrictions,
state-on-day, state-on-day-sources.

Facts from the articles (see corpus/gold/seed_events.yaml, `status` and `probes`): both
models were restricted by the June 12 order; the June 26 letter partially lifted the
restriction on Mythos 5 only ("the less-capable Fable model remains restricted", 004);
both were lifted later, by the end of July (003 calls the June order "the previous
month's directive").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.queries.conftest import RunQuery

MYTHOS = "Claude Mythos 5"
FABLE = "Claude Fable 5"
JUNE_12 = date(2026, 6, 12)
JUNE_20 = date(2026, 6, 20)
JUNE_26 = date(2026, 6, 26)

# The probe days of the reference timeline: the state each model was in.
PROBES = [
    (date(2026, 6, 1), MYTHOS, "unrestricted"),
    (date(2026, 6, 1), FABLE, "unrestricted"),
    (JUNE_20, MYTHOS, "restricted"),
    (JUNE_20, FABLE, "restricted"),
    (JUNE_26, MYTHOS, "partially_lifted"),
    (JUNE_26, FABLE, "restricted"),
    (date(2026, 8, 15), MYTHOS, "lifted"),
    (date(2026, 8, 15), FABLE, "lifted"),
]


# ---------------------------------------------------------------------------- restrictions


@pytest.mark.parametrize(
    ("model", "states"),
    [
        (MYTHOS, ["unrestricted", "restricted", "partially_lifted", "lifted"]),
        (FABLE, ["unrestricted", "restricted", "lifted"]),
    ],
)
def test_restrictions_sequence_of_states(rows: RunQuery, model: str, states: list[str]) -> None:
    sequence = rows("restrictions", subject=model)
    assert [r["state"] for r in sequence] == states
    assert [r["sequence"] for r in sequence] == list(range(len(states)))
    assert {r["subject_name"] for r in sequence} == {model}


@pytest.mark.parametrize("model", [MYTHOS, FABLE])
def test_restrictions_start_with_the_june_12_order(rows: RunQuery, model: str) -> None:
    restricted = [r for r in rows("restrictions", subject=model) if r["state"] == "restricted"]
    assert len(restricted) == 1
    assert (restricted[0]["from_earliest"], restricted[0]["from_latest"]) == (JUNE_12, JUNE_12)


def test_restrictions_partial_lift_of_mythos_on_june_26(rows: RunQuery) -> None:
    states = {r["state"]: r for r in rows("restrictions", subject="Mythos 5")}
    partial = states["partially_lifted"]
    assert (partial["from_earliest"], partial["from_latest"]) == (JUNE_26, JUNE_26)
    assert partial["started_by_label"] and partial["started_by"]
    # The state before it ended the day it began.
    assert states["restricted"]["until_earliest"] == JUNE_26


@pytest.mark.parametrize("model", [MYTHOS, FABLE])
def test_restrictions_lifted_after_june_26_and_by_end_of_july(rows: RunQuery, model: str) -> None:
    lifted = [r for r in rows("restrictions", subject=model) if r["state"] == "lifted"]
    assert len(lifted) == 1
    assert lifted[0]["from_earliest"] >= date(2026, 6, 27)
    assert lifted[0]["from_latest"] is not None
    assert lifted[0]["from_latest"] <= date(2026, 7, 31)


def test_restrictions_population_filter(rows: RunQuery) -> None:
    overall = rows("restrictions")
    partners = rows("restrictions", population="trusted_partners")
    assert partners and {r["interval"] for r in partners}.isdisjoint(r["interval"] for r in overall)
    # Only Mythos 5 was opened to trusted partners.
    assert {r["subject_name"] for r in partners} == {MYTHOS}


# ---------------------------------------------------------------------------- state-on-day


@pytest.mark.parametrize(("day", "model", "state"), PROBES)
def test_state_on_day_answers_the_probe_days(
    rows: RunQuery, day: date, model: str, state: str
) -> None:
    answer = rows("state-on-day", day=day, subject=model)
    assert [(r["state"], r["certainty"]) for r in answer] == [(state, "certain")]


def test_state_on_day_fable_june_20_restricted_by_the_june_12_order(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    answer = rows("state-on-day", day=JUNE_20, subject="Fable 5")
    assert [r["state"] for r in answer] == ["restricted"]
    sources = set(answer[0]["sources"].split())
    # 000 names "the June 12 export control order"; 001 and 004 report it too.
    assert {docs["000"], docs["001"], docs["004"]} <= sources
    assert answer[0]["from_earliest"] <= JUNE_12 <= answer[0]["from_latest"]


def test_state_on_day_without_model_answers_for_every_model(rows: RunQuery) -> None:
    answer = rows("state-on-day", day=JUNE_26)
    by_model = {r["subject_name"]: r["state"] for r in answer}
    assert by_model[MYTHOS] == "partially_lifted"
    assert by_model[FABLE] == "restricted"


# ---------------------------------------------------------------------------- state-on-day-sources


def test_state_on_day_sources_quote_the_june_12_order(rows: RunQuery, docs: dict[str, str]) -> None:
    evidence = rows("state-on-day-sources", day=JUNE_20, subject="Fable 5")
    assert {r["state"] for r in evidence} == {"restricted"}
    set_by = [r for r in evidence if r["evidence"] == "set by"]
    assert {r["document"] for r in set_by} >= {docs["000"], docs["001"], docs["004"]}
    quotes_000 = [r["quote"] for r in set_by if r["document"] == docs["000"]]
    assert any("June 12" in q for q in quotes_000), quotes_000


def test_state_on_day_sources_004_says_fable_remains_restricted(
    rows: RunQuery, docs: dict[str, str]
) -> None:
    evidence = rows("state-on-day-sources", day=JUNE_26, subject="Fable 5")
    says = [r for r in evidence if r["evidence"] == "says it holds"]
    assert any(
        r["document"] == docs["004"] and "Fable" in r["quote"] and "remains" in r["quote"]
        for r in says
    ), says
    for r in evidence:
        assert r["trigger"] in r["quote"]


def test_state_on_day_sources_unrestricted_state_has_no_evidence(rows: RunQuery) -> None:
    # No event set the state before the first restriction: nothing to quote.
    assert rows("state-on-day-sources", day=date(2026, 5, 1), subject="Fable 5") == []
