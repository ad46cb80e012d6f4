"""The ptkg_attachments component: a phrase between a reporting verb and the subject of
the clause it reports modifies the reporting verb.

The parses are written here (the model's would change with the model): each is the one
the parser gave or could give, with the phrase hung on the reported clause's verb.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

import extract.attachments  # noqa: F401  (registers the component)
from extract.attachments import repair_attachments

Arc = tuple[str, int, str]  # word, index of its head, dependency


def _doc(arcs: list[Arc]) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, _, _ in arcs],
        heads=[h for _, h, _ in arcs],
        deps=[d for _, _, d in arcs],
    )


# "The agency said on Monday it will add Corvex to the list ." with "on Monday" on "add"
SAID_ON_MONDAY: list[Arc] = [
    ("The", 1, "det"),
    ("agency", 2, "nsubj"),
    ("said", 2, "ROOT"),
    ("on", 7, "prep"),
    ("Monday", 3, "pobj"),
    ("it", 7, "nsubj"),
    ("will", 7, "aux"),
    ("add", 2, "ccomp"),
    ("Corvex", 7, "dobj"),
    ("to", 7, "prep"),
    ("the", 11, "det"),
    ("list", 9, "pobj"),
    (".", 2, "punct"),
]


def test_a_date_before_the_reported_subject_is_the_sayings() -> None:
    doc = repair_attachments(_doc(SAID_ON_MONDAY))
    assert doc[3].head.text == "said"
    assert doc[4].head.text == "on"  # the phrase moves whole
    assert doc[9].head.text == "add"  # what follows the subject stays with the clause


def test_a_bare_day_before_the_reported_subject_is_the_sayings() -> None:
    # "The agency said Monday it will add Corvex ."
    arcs: list[Arc] = [
        ("The", 1, "det"),
        ("agency", 2, "nsubj"),
        ("said", 2, "ROOT"),
        ("Monday", 6, "npadvmod"),
        ("it", 6, "nsubj"),
        ("will", 6, "aux"),
        ("add", 2, "ccomp"),
        ("Corvex", 6, "dobj"),
        (".", 2, "punct"),
    ]
    doc = repair_attachments(_doc(arcs))
    assert doc[3].head.text == "said"


def test_after_that_the_phrase_opens_the_clause() -> None:
    # "said that on Monday it will add Corvex": the clause's own date
    arcs: list[Arc] = [
        ("The", 1, "det"),
        ("agency", 2, "nsubj"),
        ("said", 2, "ROOT"),
        ("that", 8, "mark"),
        ("on", 8, "prep"),
        ("Monday", 4, "pobj"),
        ("it", 8, "nsubj"),
        ("will", 8, "aux"),
        ("add", 2, "ccomp"),
        ("Corvex", 8, "dobj"),
        (".", 2, "punct"),
    ]
    doc = repair_attachments(_doc(arcs))
    assert doc[4].head.text == "add"


def test_a_clause_before_its_reporting_verb_keeps_its_phrases() -> None:
    # "On Monday it will add Corvex , the agency said ."
    arcs: list[Arc] = [
        ("On", 4, "prep"),
        ("Monday", 0, "pobj"),
        ("it", 4, "nsubj"),
        ("will", 4, "aux"),
        ("add", 8, "ccomp"),
        ("Corvex", 4, "dobj"),
        (",", 8, "punct"),
        ("the", 7, "det"),
        ("agency", 8, "nsubj"),
        ("said", 8, "ROOT"),
        (".", 8, "punct"),
    ]
    doc = repair_attachments(_doc(arcs))
    assert doc[0].head.text == "add"


def _tagged(arcs: list[tuple[str, int, str, str, str]], spaces: list[bool] | None = None) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, *_ in arcs],
        spaces=spaces,
        heads=[h for _, h, _, _, _ in arcs],
        deps=[d for _, _, d, _, _ in arcs],
        pos=[p for *_, p, _ in arcs],
        tags=[t for *_, t in arcs],
    )


def test_a_headline_in_the_past_is_a_passive() -> None:
    # "ZenChat banned in Kenya": "was" left out, ZenChat is what was banned
    doc = repair_attachments(
        _tagged(
            [
                ("ZenChat", 1, "nsubj", "PROPN", "NNP"),
                ("banned", 1, "ROOT", "VERB", "VBD"),
                ("in", 1, "prep", "ADP", "IN"),
                ("Kenya", 2, "pobj", "PROPN", "NNP"),
            ]
        )
    )
    assert doc[0].dep_ == "nsubjpass" and doc[1].tag_ == "VBN"


def test_a_headline_read_as_a_name_and_its_participle_is_a_passive() -> None:
    # "Samsung sanctioned by Treasury" parsed as a noun phrase
    doc = repair_attachments(
        _tagged(
            [
                ("Samsung", 0, "ROOT", "PROPN", "NNP"),
                ("sanctioned", 0, "acl", "VERB", "VBN"),
                ("by", 1, "agent", "ADP", "IN"),
                ("Treasury", 2, "pobj", "PROPN", "NNP"),
            ]
        )
    )
    assert doc[1].dep_ == "ROOT" and doc[1].head.i == 1
    assert doc[0].head.i == 1 and doc[0].dep_ == "nsubjpass"


def test_a_sentence_in_the_past_keeps_its_subject() -> None:
    # "ZenChat grew in Kenya." ends with a full stop: prose, not a headline
    doc = repair_attachments(
        _tagged(
            [
                ("ZenChat", 1, "nsubj", "PROPN", "NNP"),
                ("grew", 1, "ROOT", "VERB", "VBD"),
                ("in", 1, "prep", "ADP", "IN"),
                ("Kenya", 2, "pobj", "PROPN", "NNP"),
                (".", 1, "punct", "PUNCT", "."),
            ]
        )
    )
    assert doc[0].dep_ == "nsubj" and doc[1].tag_ == "VBD"


def test_a_name_ending_a_line_is_the_object_of_its_verb() -> None:
    # "Kenya bans ZenChat" with the name labelled punctuation before the line break
    doc = repair_attachments(
        _tagged(
            [
                ("Kenya", 1, "nsubj", "PROPN", "NNP"),
                ("bans", 1, "ROOT", "VERB", "VBZ"),
                ("ZenChat", 1, "punct", "PROPN", "NNP"),
            ]
        )
    )
    assert doc[2].dep_ == "dobj"
    assert doc[0].dep_ == "nsubj"  # in the present: active


def test_a_that_clause_hung_on_a_phrases_noun_is_the_verbs_report() -> None:
    # "Roe confirmed during a briefing that Corvex is allowed .", the clause on "briefing"
    doc = repair_attachments(
        _tagged(
            [
                ("Roe", 1, "nsubj", "PROPN", "NNP"),
                ("confirmed", 1, "ROOT", "VERB", "VBD"),
                ("during", 1, "prep", "ADP", "IN"),
                ("a", 4, "det", "DET", "DT"),
                ("briefing", 2, "pobj", "NOUN", "NN"),
                ("that", 8, "mark", "SCONJ", "IN"),
                ("Corvex", 8, "nsubjpass", "PROPN", "NNP"),
                ("is", 8, "auxpass", "AUX", "VBZ"),
                ("allowed", 4, "relcl", "VERB", "VBN"),
                (".", 1, "punct", "PUNCT", "."),
            ]
        )
    )
    assert doc[8].dep_ == "ccomp" and doc[8].head.i == 1


def test_a_relative_clause_keeps_its_noun() -> None:
    # "Roe spoke at a briefing that lasted an hour .": "that" is the clause's subject
    doc = repair_attachments(
        _tagged(
            [
                ("Roe", 1, "nsubj", "PROPN", "NNP"),
                ("spoke", 1, "ROOT", "VERB", "VBD"),
                ("at", 1, "prep", "ADP", "IN"),
                ("a", 4, "det", "DET", "DT"),
                ("briefing", 2, "pobj", "NOUN", "NN"),
                ("that", 6, "nsubj", "PRON", "WDT"),
                ("lasted", 4, "relcl", "VERB", "VBD"),
                ("an", 8, "det", "DET", "DT"),
                ("hour", 6, "npadvmod", "NOUN", "NN"),
                (".", 1, "punct", "PUNCT", "."),
            ]
        )
    )
    assert doc[6].dep_ == "relcl" and doc[6].head.i == 4


def test_a_name_read_as_the_last_of_a_list_is_the_subject_of_the_verb_after_it() -> None:
    # "In Lyon , France , Jane Roe confirmed it ." with "Roe" as a conjunct of "Lyon"
    doc = repair_attachments(
        _tagged(
            [
                ("In", 7, "prep", "ADP", "IN"),
                ("Lyon", 0, "pobj", "PROPN", "NNP"),
                (",", 1, "punct", "PUNCT", ","),
                ("France", 1, "conj", "PROPN", "NNP"),
                (",", 3, "punct", "PUNCT", ","),
                ("Jane", 6, "compound", "PROPN", "NNP"),
                ("Roe", 3, "conj", "PROPN", "NNP"),
                ("confirmed", 7, "ROOT", "VERB", "VBD"),
                ("it", 7, "dobj", "PRON", "PRP"),
                (".", 7, "punct", "PUNCT", "."),
            ]
        )
    )
    assert doc[6].dep_ == "nsubj" and doc[6].head.i == 7
    assert doc[3].dep_ == "conj"  # France stays in the list
