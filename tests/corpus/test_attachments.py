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
