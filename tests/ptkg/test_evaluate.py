"""The scorer on its own: strict, and every kind of mistake costs points."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.schema import EntityTypes
from ptkg.evaluate import Reference, load_reference, score

REFERENCE_YAML = """
events:
  - id: order
    type: export_restriction
    date: {earliest: 2026-06-12, latest: 2026-06-12, precision: day}
    agent: [US Department of Commerce]
    models: [Claude Mythos 5]
  - id: lift
    type: partial_lift
    date: {earliest: 2026-06-26, latest: 2026-06-26, precision: day}
    agent: [US Department of Commerce]
    models: [Claude Mythos 5]
  - id: suit
    type: lawsuit
    date: {earliest: 2026-03-01, latest: 2026-03-31, precision: month}
    agent: [Anthropic]
order:
  - [suit, order]
  - [order, lift]
probes:
  - {day: 2026-06-20, Claude Mythos 5: restricted}
entities:
  - {name: Claude Mythos 5, type: ai_model, aliases: [Mythos 5, Mythos]}
  - {name: US Department of Commerce, type: government_agency, aliases: [Commerce]}
  - {name: Anthropic, type: organization, aliases: []}
"""


def _event(
    event_id: str, type_: str, lo: str | None, hi: str | None, **roles: Any
) -> dict[str, Any]:
    return {
        "id": event_id,
        "type": type_,
        "coarse_type": type_,
        "label": event_id,
        "on_timeline": True,
        "date": {"earliest": lo, "latest": hi, "precision": "day"},
        "agents": [{"name": n} for n in roles.get("agents", [])],
        "affected": [{"name": n} for n in roles.get("affected", [])],
        "models": [{"name": n} for n in roles.get("models", [])],
    }


PERFECT = {
    "events": [
        _event("e-suit", "lawsuit", "2026-03-01", "2026-03-31", agents=["Anthropic"]),
        _event(
            "e-order",
            "export_restriction",
            "2026-06-12",
            "2026-06-12",
            agents=["Commerce"],
            models=["Mythos 5"],
        ),
        _event(
            "e-lift",
            "partial_lift",
            "2026-06-26",
            "2026-06-26",
            agents=["US Department of Commerce"],
            models=["Claude Mythos 5"],
        ),
    ]
}
ENTITIES = [
    {"name": "Claude Mythos 5", "type": "ai_model", "aliases": ["Mythos"]},
    {"name": "US Department of Commerce", "type": "government_agency", "aliases": []},
    {"name": "Anthropic", "type": "organization", "aliases": []},
]


@pytest.fixture
def reference(tmp_path: Path) -> Reference:
    path = tmp_path / "gold.yaml"
    path.write_text(REFERENCE_YAML, encoding="utf-8")
    return load_reference(path)


def _restricted(model: str, authority: str | None, day: date) -> list[str]:
    return ["restricted"] if model == "Claude Mythos 5" else []


def test_evaluate_perfect_graph_scores_one(reference: Reference) -> None:
    s = score(reference, PERFECT, _restricted, ENTITIES)
    assert (s.events.precision, s.events.recall) == (1.0, 1.0)
    assert s.exact_day == (2, 2) and s.order == (2, 2) and s.probes == (1, 1)
    assert s.entities.f1 == 1.0
    assert s.matches == {"order": "e-order", "lift": "e-lift", "suit": "e-suit"}


def test_evaluate_wrong_date_loses_the_match(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"][1]["date"] = {
        "earliest": "2026-07-12",
        "latest": "2026-07-12",
        "precision": "day",
    }
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.recall == pytest.approx(2 / 3)
    assert s.events.precision == pytest.approx(2 / 3)
    assert s.exact_day == (1, 2)
    assert s.order == (0, 2)
    assert any("missed order" in d for d in s.details)


def test_evaluate_wide_window_matches_but_is_not_exact(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"][2]["date"] = {
        "earliest": "2026-06-20",
        "latest": "2026-06-30",
        "precision": "unknown",
    }
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.f1 == 1.0
    assert s.exact_day == (1, 2)


def test_evaluate_wrong_type_loses_the_match(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"][2]["type"] = export["events"][2]["coarse_type"] = "full_lift"
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.matched == 2
    assert "lift" not in s.matches


def test_evaluate_no_shared_participant_is_no_match(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"][0]["agents"] = [{"name": "OpenAI"}]
    s = score(reference, export, _restricted, ENTITIES)
    assert "suit" not in s.matches


def test_evaluate_extra_events_cost_precision_only(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"].append(
        _event("e-x", "lawsuit", "2026-05-01", "2026-05-01", agents=["Anthropic"])
    )
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.recall == 1.0 and s.events.precision == pytest.approx(3 / 4)


def test_evaluate_one_event_matches_one_reference_event(reference: Reference) -> None:
    export = {"events": [PERFECT["events"][1]]}
    # The lift window overlaps nothing else: a single graph event cannot count twice.
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.matched == 1


def test_evaluate_reversed_order_is_wrong(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"][2]["date"] = {
        "earliest": "2026-06-01",
        "latest": "2026-06-30",
        "precision": "month",
    }
    export["events"][1]["date"] = {
        "earliest": "2026-06-12",
        "latest": "2026-06-12",
        "precision": "day",
    }
    s = score(reference, export, _restricted, ENTITIES)
    # The lift now sorts before the order it lifts.
    assert s.order == (1, 2)


def test_evaluate_same_day_order_is_the_order_a_source_states(reference: Reference) -> None:
    """Of two events the graph dates alike, the first is the one it says came first."""
    export = copy.deepcopy(PERFECT)
    weeks = {"earliest": "2026-06-12", "latest": "2026-06-26", "precision": "week"}
    export["events"][1]["date"] = dict(weeks)
    export["events"][2]["date"] = dict(weeks)
    assert score(reference, export, _restricted, ENTITIES).order == (1, 2)
    export["events"][1]["precedes"] = ["e-lift"]
    assert score(reference, export, _restricted, ENTITIES).order == (2, 2)
    # stated the other way round, it is still wrong
    del export["events"][1]["precedes"]
    export["events"][2]["precedes"] = ["e-order"]
    assert score(reference, export, _restricted, ENTITIES).order == (1, 2)


def test_evaluate_probe_needs_exactly_the_reference_state(reference: Reference) -> None:
    s = score(reference, PERFECT, lambda m, a, d: ["partially_lifted", "restricted"], ENTITIES)
    assert s.probes == (0, 1)


def test_evaluate_entity_with_wrong_type_does_not_match(reference: Reference) -> None:
    entities = [dict(e) for e in ENTITIES]
    entities[0]["type"] = "person"
    s = score(reference, PERFECT, _restricted, entities)
    assert s.entities.matched == 2
    assert s.entities.recall == pytest.approx(2 / 3)


def test_evaluate_reads_the_bundled_reference(corpus_dir: Path) -> None:
    reference = load_reference(corpus_dir / "gold" / "seed_events.yaml")
    assert len(reference.events) == 11
    assert ("partial_lift_letter", "full_lift") in reference.order
    assert reference.aliases["pentagon"] == "US Department of Defense"


def test_evaluate_participant_precision_counts_only_entities_in_events(
    reference: Reference,
) -> None:
    entities = [dict(e, events=1) for e in ENTITIES] + [
        {"name": "A quoted analyst", "type": "person", "aliases": [], "events": 0},
        {"name": "Jitterbit", "type": "organization", "aliases": [], "events": 2},
    ]
    s = score(reference, PERFECT, _restricted, entities)
    assert (s.entities.matched, s.entities.predicted) == (3, 5)
    assert (s.participants.matched, s.participants.predicted) == (3, 4)


def test_evaluate_core_events_leave_out_non_core_types(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    export["events"].append(
        _event("e-talks", "negotiation", "2026-05-01", "2026-05-01", agents=["Anthropic"])
    )
    s = score(reference, export, _restricted, ENTITIES)
    assert s.events.predicted == 4 and s.events.precision == pytest.approx(3 / 4)
    assert (s.core.matched, s.core.predicted, s.core.reference) == (3, 3, 3)
    export["events"][0]["type"] = export["events"][0]["coarse_type"] = "report"
    s = score(reference, export, _restricted, ENTITIES)
    assert (s.core.matched, s.core.predicted) == (2, 2)


def test_evaluate_probe_names_the_authority(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(
        REFERENCE_YAML.replace(
            "{day: 2026-06-20, Claude Mythos 5: restricted}",
            "{day: 2026-06-20, Claude Mythos 5: restricted, "
            "'Claude Mythos 5 @ United Kingdom': unrestricted}",
        ),
        encoding="utf-8",
    )
    asked: list[tuple[str, str | None]] = []

    def state_on(subject: str, authority: str | None, day: date) -> list[str]:
        asked.append((subject, authority))
        return ["unrestricted" if authority == "United Kingdom" else "restricted"]

    s = score(load_reference(path), PERFECT, state_on, ENTITIES)
    assert s.probes == (2, 2)
    assert asked == [("Claude Mythos 5", None), ("Claude Mythos 5", "United Kingdom")]


def test_evaluate_participant_matches_through_the_graphs_aliases(reference: Reference) -> None:
    export = copy.deepcopy(PERFECT)
    # the graph names the model by a long form the reference does not list
    export["events"][1]["models"] = [{"name": "Anthropic Claude Mythos Five"}]
    export["events"][1]["agents"] = []
    without = score(reference, export, _restricted, ENTITIES)
    assert "order" not in without.matches
    entities = [
        *ENTITIES,
        {"name": "Anthropic Claude Mythos Five", "type": "ai_model", "aliases": ["Mythos"]},
    ]
    with_aliases = score(reference, export, _restricted, entities)
    assert with_aliases.matches["order"] == "e-order"


def test_evaluate_entity_type_another_reference_calls_by_another_name(
    reference: Reference,
) -> None:
    entities = [dict(e) for e in ENTITIES]
    entities[2]["type"] = "organization"
    renamed = Reference(
        **{
            **reference.__dict__,
            "entity_types": {**reference.entity_types, "Anthropic": "company"},
        }
    )
    strict = score(renamed, PERFECT, _restricted, entities)
    assert strict.entities.matched == 2  # "company" is not "organization" by name
    types = EntityTypes.load()
    s = score(renamed, PERFECT, _restricted, entities, types.scored_as)
    assert s.entities.matched == 3  # entity_types.yaml: organization scored_as company
