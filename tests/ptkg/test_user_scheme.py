"""A user adds a kind of subject and a kind of event with a data file only, and the graph
tracks the new subject's state from the new events."""

from __future__ import annotations

from datetime import date

import pytest

from kg.store import GraphStore
from ptkg.build import BuildOptions, build
from queries.answers import state_on_day
from queries.runner import run_query

SCHEME = """
entity_types:
  satellite_network:
    label: satellite network
    schema_org: Service
    subject: true
    product: true
entities:
  - id: orbital_licensing_board
    name: Orbital Licensing Board
    type: government_agency
  - id: skylark_mesh
    name: Skylark Mesh
    type: satellite_network
event_types:
  - id: grounding
    label: Grounding
    definition: A regulator stops a satellite network from operating.
    state_effect: restricted
  - id: clearance
    label: Clearance
    definition: A regulator lets a grounded network operate again.
    state_effect: lifted
triggers:
  - id: ground_verb
    type: grounding
    lemmas: [ground]
    pos: [VERB]
    object: [entity:satellite_network]
  - id: clear_verb
    type: clearance
    lemmas: [clear]
    pos: [VERB]
    object: [entity:satellite_network]
"""

ARTICLES = {
    "grounded": (
        "2031-03-04",
        "Regulator grounds Skylark Mesh\n\nThe Orbital Licensing Board grounded Skylark Mesh "
        "on March 3, 2031, citing interference with weather radar. The operator said it "
        "would comply.\n",
    ),
    "cleared": (
        "2031-06-10",
        "Skylark Mesh may fly again\n\nThe Orbital Licensing Board cleared Skylark Mesh on "
        "June 9, 2031, after the operator moved its frequencies.\n",
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    root = tmp_path_factory.mktemp("user-scheme")
    (root / "corpus" / "articles").mkdir(parents=True)
    entries = []
    for doc_id, (published, text) in ARTICLES.items():
        (root / "corpus" / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        entries.append(
            f"  - id: {doc_id}\n    file: articles/{doc_id}.txt\n"
            f"    publisher: Wire {doc_id}\n    published: {published}"
        )
    (root / "corpus" / "manifest.yaml").write_text(
        "documents:\n" + "\n".join(entries) + "\n", encoding="utf-8"
    )
    (root / "satellites.yaml").write_text(SCHEME, encoding="utf-8")
    report = build(
        BuildOptions(corpus=root / "corpus", out=root / "out", lexicons=(root / "satellites.yaml",))
    )
    return GraphStore.open_existing(report.out / "store")


def test_new_event_types_are_on_the_timeline(store: GraphStore) -> None:
    rows = run_query(store, "timeline", {}).records()
    assert [(r["event_type"], str(r["earliest"]), r["models"]) for r in rows] == [
        ("grounding", "2031-03-03", "Skylark Mesh"),
        ("clearance", "2031-06-09", "Skylark Mesh"),
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2031, 2, 1), ["unrestricted"]),
        (date(2031, 4, 1), ["restricted"]),
        (date(2031, 7, 1), ["lifted"]),
    ],
)
def test_new_subject_kind_has_a_state_per_day(
    store: GraphStore, day: date, expected: list[str]
) -> None:
    answers = state_on_day(store, "Skylark Mesh", day)
    assert [a.state for a in answers if a.certainty == "certain"] == expected
    assert all(a.authority == "Orbital Licensing Board" for a in answers)
