"""Canonical entities of a corpus: one per real-world entity, with the names it goes by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.entities import CorpusKnowledge, packaged_entity_lexicon
from kg.reconcile.entities import NamesOnly, canonicalise_entities

if TYPE_CHECKING:
    from tests.kg.conftest import MakeDoc


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
