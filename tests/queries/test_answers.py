"""The state of a model on a day in words, with one quote per source (queries.answers).

Facts from the articles: both models were restricted by the June 12 order (000: "the June
12 export control order"); after the June 26 letter Fable 5 stayed restricted (001:
"Fable 5, remains blocked"; 004: "the less-capable Fable model remains restricted", words
004 attributes to Commerce Secretary Howard Lutnick).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.store import GraphStore
from ptkg.cli import main
from queries import QueryError, state_on_day


def test_answers_fable_on_june_20_restricted_with_quotes(
    store: GraphStore, docs: dict[str, str]
) -> None:
    answers = state_on_day(store, "Fable 5", date(2026, 6, 20))
    assert [(a.subject, a.state, a.certainty) for a in answers] == [
        ("Claude Fable 5", "restricted", "certain")
    ]
    answer = answers[0]
    by_document = {s.document: s for s in answer.sources}
    assert len(by_document) == len(answer.sources)  # one quote per document
    assert {docs["000"], docs["001"], docs["004"]} <= set(by_document)
    assert "June 12" in by_document[docs["000"]].quote
    for source in answer.sources:
        assert source.quote and "\n" not in source.quote
        assert source.published_earliest <= source.published_latest
    text = answer.text()
    assert text.startswith(
        "On 20 Jun 2026, Claude Fable 5 was restricted under US Department of Commerce (certain)"
    )
    assert text.count("\n- ") == len(answer.sources)


def test_answers_fable_remains_restricted_after_the_letter(
    store: GraphStore, docs: dict[str, str]
) -> None:
    (answer,) = state_on_day(store, "Claude Fable 5", date(2026, 6, 26))
    assert answer.state == "restricted"
    says = {s.document: s for s in answer.sources if s.evidence == "says it holds"}
    assert docs["004"] in says and "remains restricted" in says[docs["004"]].quote
    assert says[docs["004"]].attributed_to == "Howard Lutnick"


def test_answers_unknown_model_is_an_error(store: GraphStore) -> None:
    with pytest.raises(QueryError) as info:
        state_on_day(store, "No Such Model", date(2026, 6, 20))
    assert info.value.code == "E604"
    assert "'No Such Model'" in str(info.value)


def test_answers_state_command_with_quotes(
    store: GraphStore, tmp_path: Path, docs: dict[str, str]
) -> None:
    out = tmp_path / "answer.txt"
    args = ["state", "--store", str(store.path), "--model", "Fable 5", "--day", "2026-06-20"]
    assert main([*args, "--quotes", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Claude Fable 5 was restricted" in text and docs["004"] in text
    assert main(["state", "--store", str(store.path), "--quotes"]) == 2
