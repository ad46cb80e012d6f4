"""The cross-document canonicaliser: pure Python, linear, no spaCy."""

from __future__ import annotations

from extract.entities import (
    canonicalise_corpus,
    clean_name,
    packaged_entity_lexicon,
    parse_model_name,
)
from extract.records import EntityMention, TextSpan


def mention(
    number: int,
    name: str,
    type_: str,
    gazetteer_id: str | None = None,
    source: str = "pattern",
) -> EntityMention:
    return EntityMention(
        f"e{number}",
        TextSpan(0, len(name), name),
        type_,
        name,
        source,
        gazetteer_id=gazetteer_id,
    )


def test_canonical_corpus_merges_model_short_forms() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Mythos 5", "ai_model")],
            "b": [mention(1, "Claude Mythos 5", "ai_model")],
            "c": [mention(1, "Mythos", "ai_model"), mention(2, "Fable", "ai_model")],
            "d": [mention(1, "Claude Fable 5", "ai_model")],
        }
    )
    assert names[("a", "Mythos 5")] == "Claude Mythos 5"
    assert names[("c", "Mythos")] == "Claude Mythos 5"
    assert names[("c", "Fable")] == "Claude Fable 5"


def test_canonical_corpus_keeps_versions_apart() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Mythos 4", "ai_model")],
            "b": [mention(1, "Mythos 5", "ai_model"), mention(2, "Mythos", "ai_model")],
        }
    )
    assert names[("a", "Mythos 4")] == "Mythos 4"
    assert names[("b", "Mythos 5")] == "Mythos 5"
    assert names[("b", "Mythos")] == "Mythos"  # two versions known: which one is unsure


def test_canonical_corpus_surnames_and_gazetteer_ids() -> None:
    names = canonicalise_corpus(
        {
            "a": [
                mention(1, "Howard Lutnick", "person"),
                mention(
                    2, "US Department of Defense", "government_agency", "us_department_of_defense"
                ),
            ],
            "b": [
                mention(1, "Lutnick", "person"),
                mention(2, "Pentagon", "government_agency", "us_department_of_defense"),
            ],
        }
    )
    assert names[("b", "Lutnick")] == "Howard Lutnick"
    assert names[("b", "Pentagon")] == "US Department of Defense"


def test_canonical_corpus_middle_initials_and_surnames_name_one_person() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Jane Q. Roe", "person")],
            "b": [mention(1, "Jane Roe", "person")],
            "c": [mention(1, "Roe", "person")],
            # NER took the surname for an organisation here; other documents call it a person
            "d": [mention(1, "Roe", "organization", source="ner")],
        }
    )
    assert names[("a", "Jane Q. Roe")] == names[("b", "Jane Roe")]
    assert names[("c", "Roe")] == names[("b", "Jane Roe")]
    assert names[("d", "Roe")] == names[("b", "Jane Roe")]


def test_canonical_corpus_a_surname_with_its_particle_names_the_person() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Jane van der Roe", "person")],
            "b": [mention(1, "Van der Roe", "person")],
            "c": [mention(1, "Roe", "person")],
            "d": [mention(1, "John Van Doe", "person"), mention(2, "Van Doe", "person")],
        }
    )
    assert names[("b", "Van der Roe")] == "Jane van der Roe"
    assert names[("c", "Roe")] == "Jane van der Roe"
    assert names[("d", "Van Doe")] == "John Van Doe"


def test_canonical_corpus_a_short_name_of_the_one_body_that_holds_it() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "US Court of Appeals for the Ninth Circuit", "court")],
            "b": [mention(1, "Court of Appeals", "court")],
            "c": [
                mention(1, "US District Court for the District of Columbia", "court"),
                mention(2, "US District Court for the Eastern District of Texas", "court"),
            ],
            "d": [mention(1, "District Court", "court")],
        }
    )
    assert names[("b", "Court of Appeals")] == "US Court of Appeals for the Ninth Circuit"
    # two district courts hold the words: the short name says not which
    assert names[("d", "District Court")] == "District Court"


def test_canonical_corpus_keeps_a_company_named_like_nobody() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Jane Roe", "person")],
            # no document names "Roe" a person: the word stays the company NER saw
            "b": [mention(1, "Roe", "organization", source="ner")],
            # two people share the surname: the lone one is neither
            "c": [mention(1, "John Doe", "person"), mention(2, "Mary Doe", "person")],
            "d": [mention(1, "Doe", "person")],
        }
    )
    assert names[("b", "Roe")] == "Roe"
    assert names[("d", "Doe")] == "Doe"


def test_canonical_corpus_instruments_stay_in_their_document() -> None:
    names = canonicalise_corpus(
        {
            "a": [mention(1, "letter", "legal_instrument")],
            "b": [mention(1, "letter", "legal_instrument")],
        }
    )
    assert names[("a", "letter")] != names[("b", "letter")]


def test_canonical_parse_model_name() -> None:
    lexicon = packaged_entity_lexicon()
    parsed = parse_model_name("Claude Mythos 5", lexicon)
    assert (parsed.family, parsed.core, parsed.version) == ("Claude", "Mythos", "5")
    assert parse_model_name("GPT-5.6", lexicon).core == "GPT-5.6"
    assert clean_name("the Pentagon's") == "Pentagon"


def test_canonical_corpus_merges_a_companys_names_without_their_endings() -> None:
    """ "Korvo Robotics Co., Ltd.", "Korvo Robotics" and "Korvo" in three articles: one
    company, named by its longest form; a word that tells which company ("Korvo Marine")
    keeps a name apart."""
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Korvo Robotics Co., Ltd.", "organization", source="ner")],
            "b": [mention(1, "Korvo Robotics", "organization", source="ner")],
            "c": [mention(1, "Korvo", "organization", source="ner")],
            "d": [mention(1, "Korvo Marine", "organization", source="ner")],
        }
    )
    assert names[("b", "Korvo Robotics")] == names[("a", "Korvo Robotics Co., Ltd.")]
    assert names[("c", "Korvo")] == names[("a", "Korvo Robotics Co., Ltd.")]
    assert names[("d", "Korvo Marine")] == "Korvo Marine"


def test_canonical_corpus_a_one_word_name_is_the_one_company_it_opens() -> None:
    """ "Velkor Orbital" in one article, "Velkor" alone in another: one company, when only
    one company's name opens with the word; an app's name ("ZenChat", a product somewhere)
    stays apart from its users' group ("ZenChat Alliance"), and a word opening two names is
    neither's."""
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Velkor Orbital", "organization")],
            "b": [mention(1, "Velkor", "organization", source="ner")],
            "c": [mention(1, "ZenChat Alliance", "organization"), mention(2, "ZenChat", "product")],
            "d": [mention(1, "ZenChat", "organization", source="ner")],
            "e": [mention(1, "Kestrio Orbital", "organization")],
            "f": [
                mention(1, "Kestrio Marine", "organization"),
                mention(2, "Kestrio", "organization"),
            ],
        }
    )
    assert names[("b", "Velkor")] == "Velkor Orbital"
    assert names[("d", "ZenChat")] == "ZenChat"
    assert names[("f", "Kestrio")] == "Kestrio"


def test_canonical_corpus_an_acronym_another_article_defined_names_that_body() -> None:
    """ "The Kestrian Monetary Authority (KMA)" in one article, "KMA" alone in another, even
    typed otherwise by the tagger: the one authority. Letters that are no acronym of a
    defined name stay a name of their own."""
    defined = EntityMention(
        "e2",
        TextSpan(40, 43, "KMA"),
        "government_agency",
        "Kestrian Monetary Authority",
        "pattern",
    )
    names = canonicalise_corpus(
        {
            "a": [mention(1, "Kestrian Monetary Authority", "government_agency"), defined],
            "b": [mention(1, "KMA", "organization", source="ner")],
            "c": [mention(1, "KTA", "organization", source="ner")],
        }
    )
    assert names[("b", "KMA")] == "Kestrian Monetary Authority"
    assert names[("c", "KTA")] == "KTA"
