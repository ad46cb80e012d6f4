"""Canonical entities of a corpus: one per real-world entity, with the names it goes by."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from extract.entities import CorpusKnowledge, packaged_entity_lexicon
from kg.build import GraphOptions, write_graph
from kg.reconcile.entities import NamesOnly, canonicalise_entities
from kg.schema import EntityTypes
from kg.store import GraphStore

if TYPE_CHECKING:
    from tests.kg.conftest import DocBuilder, MakeDoc


def test_entities_a_known_entity_carries_the_names_the_gazetteer_knows(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("The Wall Street Journal reported the ban on Corvex.")
    name = "The Wall Street Journal"
    a.entity(s, name, name, "news_outlet", gazetteer_id="wsj")
    records = [a.build()]
    known = canonicalise_entities(records, CorpusKnowledge(packaged_entity_lexicon()))
    assert {"Wall Street Journal", "WSJ"} <= known.get("the-wall-street-journal").aliases
    # without the extraction layer's knowledge, only the names the corpus used
    plain = canonicalise_entities(records, NamesOnly())
    assert plain.get("the-wall-street-journal").aliases == set()


def _titled(doc: MakeDoc, doc_id: str, day: str, role: str, name: str) -> DocBuilder:
    from datetime import date

    from extract.records import DateRange

    when = date.fromisoformat(day)
    a = doc(doc_id, dct=DateRange(when, when), inferred=False)
    s = a.sentence(f"{role} {name} banned Corvex.")
    a.entity(s, name, name, "person", role=role)
    return a


def _title_alone(doc: MakeDoc, doc_id: str, day: str) -> DocBuilder:
    from datetime import date

    from extract.records import TITLE_ALONE, DateRange

    when = date.fromisoformat(day)
    b = doc(doc_id, dct=DateRange(when, when), inferred=False)
    s = b.sentence("The President banned Corvex.")
    b.entity(s, "President", "President", "person", role="President")
    b.entities[-1] = replace(b.entities[-1], source=TITLE_ALONE)
    return b


def test_entities_a_title_alone_names_the_holder_most_texts_of_its_time_name(
    doc: MakeDoc,
) -> None:
    records = [
        _titled(doc, "a", "2019-05-10", "President", "Jane Roe"),
        _titled(doc, "b", "2019-06-10", "President", "Jane Roe"),
        _titled(doc, "c", "2019-06-11", "US President", "Jane Roe"),
        _titled(doc, "d", "2019-06-12", "Vice President", "John Doe"),
        _titled(doc, "e", "2012-06-12", "President", "Ann Lee"),  # of another time
        _title_alone(doc, "f", "2019-05-20"),
    ]
    index = canonicalise_entities([r.build() for r in records], NamesOnly())
    assert index.key("f", "e1") == "jane-roe"
    assert "president" not in index.entities  # no entity of the title itself


def test_entities_a_title_alone_names_no_one_when_the_texts_name_several(
    doc: MakeDoc,
) -> None:
    records = [
        _titled(doc, "a", "2019-05-10", "President", "Jane Roe"),
        _titled(doc, "b", "2019-06-10", "President", "John Doe"),
        _title_alone(doc, "f", "2019-05-20"),
    ]
    # two presidents told as much as each other (of two countries): neither
    index = canonicalise_entities([r.build() for r in records], NamesOnly())
    assert index.key("f", "e1") is None


def test_entities_a_pattern_type_outweighs_the_taggers_guesses(doc: MakeDoc) -> None:
    """ "The platform Kestrio" once (a pattern: a product) against "Kestrio" taken for a
    place in two other articles by the statistical tagger: the entity is a product."""
    builders = []
    for doc_id, text, type_, source in (
        ("a", "The government suspended the platform Kestrio.", "product", "pattern"),
        ("b", "Users lost access to Kestrio.", "country", "ner"),
        ("c", "Kestrio came back online.", "country", "ner"),
    ):
        builder = doc(doc_id)
        s = builder.sentence(text)
        builder.entity(s, "Kestrio", "Kestrio", type_)
        builder.entities[-1] = replace(builder.entities[-1], source=source)
        builders.append(builder)
    index = canonicalise_entities([b.build() for b in builders], NamesOnly())
    assert index.get("kestrio").type == "product"


def test_entities_a_product_s_owner_is_the_company_the_texts_say_runs_it(doc: MakeDoc) -> None:
    """Two articles say Kestrio Labs runs the Zimble app, one that another company does:
    Zimble is Kestrio Labs's (a product no text ties to a company stays nobody's)."""

    def told(doc_id: str, company: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"The regulator warned Zimble, the app run by {company}, and Vidly.")
        a.entity(s, "Zimble", "Zimble", "product", owner=company)
        a.entity(s, company, company, "organization")
        a.entity(s, "Vidly", "Vidly", "product")
        return a

    index = canonicalise_entities(
        [
            told("a", "Kestrio Labs").build(),
            told("b", "Kestrio Labs").build(),
            told("c", "Corvex").build(),
        ],
        NamesOnly(),
        EntityTypes.load(),
    )
    assert index.owners == {"zimble": "kestrio-labs"}


def test_entities_the_graph_names_a_product_s_maker(doc: MakeDoc, tmp_path: Path) -> None:
    a = doc("a")
    s = a.sentence("The regulator warned Zimble, the app run by Kestrio Labs.")
    a.entity(s, "Zimble", "Zimble", "product", owner="Kestrio Labs")
    a.entity(s, "Kestrio Labs", "Kestrio Labs", "organization")
    write_graph([a.build()], tmp_path / "store", {}, GraphOptions())
    with GraphStore.open_existing(tmp_path / "store") as store:
        rows = store.query(
            "PREFIX schema: <https://schema.org/> PREFIX skos: "
            "<http://www.w3.org/2004/02/skos/core#> SELECT ?product ?maker WHERE { GRAPH ?g "
            "{ ?p schema:manufacturer ?m . ?p skos:prefLabel ?product . "
            "?m skos:prefLabel ?maker } }"
        )
        found = [(str(row[0]), str(row[1])) for row in rows]
    assert found == [("Zimble", "Kestrio Labs")]
