"""spaCy component ``ptkg_attachments``: repairs of the parser's attachments that the
extraction reads.

Reads: the parse. Changes: a phrase standing between a reporting verb and the subject of
the clause it reports modifies the reporting verb. English puts the subject first in a
clause with no "that", so in "the department said on Monday it will add Corvex to the
list" the date can only be the saying's: the parser often hangs it on "add", which would
date the addition (and read "Monday" ahead of the report, as the addition's tense says).
After "that" ("said that on Monday it will add"), the phrase opens the clause and stays.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

# Dependents that may be a misplaced modifier of the reporting verb: a preposition's
# phrase ("on Monday", "in a statement") or a bare noun of time ("Monday", "today").
_MODIFIERS = ("prep", "npadvmod", "tmod")
_SUBJECTS = ("nsubj", "nsubjpass", "expl")


@Language.component("ptkg_attachments", assigns=["token.head"])
def repair_attachments(doc: Doc) -> Doc:
    for clause in [t for t in doc if t.dep_ == "ccomp" and t.head.i < t.i]:
        for modifier in _misplaced(clause):
            modifier.head = clause.head
    return doc


def _misplaced(clause: Token) -> list[Token]:
    """Modifiers of ``clause`` between its governor and its subject, when nothing marks
    the clause's start before them."""
    subject = next((c for c in clause.lefts if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return []
    start = subject.left_edge.i
    if any(c.dep_ == "mark" and c.i < start for c in clause.lefts):
        return []
    return [
        c
        for c in clause.lefts
        if c.dep_ in _MODIFIERS and clause.head.i < c.i and c.right_edge.i < start
    ]


__all__ = ["repair_attachments"]
