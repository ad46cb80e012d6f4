"""Names the corpus knows: a party other documents found, for the document that missed it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from extract.entities.lexicon import load_entity_lexicon
from extract.entities.recurring import (
    PARTY_TYPES,
    lexicon_text,
    missed_names,
    recurring_names,
)
from extract.records import DocumentRecords
from tests.events.conftest import extracted


def _records(texts: list[str]) -> list[DocumentRecords]:
    """One document per text, each with an id of its own."""
    out = []
    for number, text in enumerate(texts):
        records = extracted(text, date(2031, 8, 30))
        out.append(replace(records, document=replace(records.document, id=f"d{number}")))
    return out


def test_a_party_two_documents_find_is_the_corpus_s_and_a_third_missed_it() -> None:
    records = _records(
        [
            "The court ordered the suspension of the messaging app Zimble on Friday.",
            "Providers began blocking the messaging app Zimble on Saturday.",
            "Users lost access to Zimble on Saturday.",
        ]
    )
    names = recurring_names(records)
    assert names == {"Zimble": "product"}
    assert [missed_names(r, names) for r in records] == [[], [], ["Zimble"]]


def test_a_name_the_tagger_alone_finds_or_mostly_of_another_kind_is_not() -> None:
    # "Trump" taken for a company by the tagger here and there is a person elsewhere
    records = _records(
        [
            "President Trump signed the order on Friday.",
            "Trump said the ban would stay.",
            "The messaging app Zimble was banned.",
        ]
    )
    assert "Trump" not in recurring_names(records)
    assert "Zimble" not in recurring_names(records)  # one document only


def test_the_lexicon_of_recurring_names_is_a_gazetteer_matching_as_written(tmp_path: Path) -> None:
    path = tmp_path / "names.yaml"
    path.write_text(lexicon_text({"Zimble": "product"}), encoding="utf-8")
    (entry,) = yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]
    assert entry["case_sensitive"] is True
    lexicon = load_entity_lexicon([path])
    assert lexicon.entry(entry["id"]).name == "Zimble"


def test_a_body_one_document_describes_is_that_body_where_another_only_names_it() -> None:
    records = _records(
        [
            "Norway's data protection authority, the NDPA, ordered Velkor Robotics to stop "
            "selling its drones on Friday.",
            "The NDPA said on Monday that the order would stay.",
        ]
    )
    assert recurring_names(records) == {}  # bodies are no parties unless asked for
    names = recurring_names(records, {"organization", "government_agency"})
    assert names["NDPA"] == "government_agency"
    # the second document's tagger took it for a company: it is read again knowing it
    assert [missed_names(r, names) for r in records] == [[], ["NDPA"]]


def test_a_name_the_tagger_finds_now_and_then_is_the_corpus_s_when_it_is_only_a_name() -> None:
    records = _records(
        [
            "The European Commission has opened proceedings against Qorvane on Monday.",
            "Qorvane said it would appeal. Qorvane did not comment further.",
            "Regulators fined Qorvane 400 million euros on Friday.",
        ]
    )
    found = [[m.span.text for m in r.entities] for r in records]
    assert "Qorvane" in found[0] and "Qorvane" not in found[2]  # found here, not there
    names = recurring_names(records)
    assert names.get("Qorvane") == "organization"
    assert missed_names(records[0], names) == []
    assert missed_names(records[2], names) == ["Qorvane"]


def test_a_word_the_text_also_writes_in_lower_case_is_no_corpus_name() -> None:
    records = _records(
        [
            "The Circuit ruled against Qorvane on Monday.",
            "The Circuit said the circuit judges agreed.",
        ]
    )
    assert "Circuit" not in recurring_names(records)


def test_a_body_s_name_with_small_words_is_the_corpus_s_whole() -> None:
    """ "the Communications and Media Authority": a name with its small words is the
    corpus's whole."""
    records = _records(
        [
            "Norway's Communications and Media Authority fined Velkor Robotics on Friday.",
            "Velkor Robotics was fined by Norway's Communications and Media Authority.",
        ]
    )
    kinds = PARTY_TYPES | {"government_agency"}
    assert recurring_names(records, kinds).get("Communications and Media Authority") == (
        "government_agency"
    )


def test_an_acronym_told_after_its_name_is_that_name_s_not_a_corpus_name() -> None:
    """ "The Kestrian Monetary Authority (KMA)": the letters are the authority's, known
    already; two documents writing them make no new name to teach the others (which
    would name the authority "KMA" where it was defined)."""
    records = _records(
        [
            "The Kestrian Monetary Authority (KMA) fined Zimble Pay on Friday. The KMA said "
            "more fines could follow.",
            "The Kestrian Monetary Authority (KMA) suspended Zimble Pay's licence on Monday.",
        ]
    )
    assert "KMA" not in recurring_names(records, {"organization", "government_agency"})
