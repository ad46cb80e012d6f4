"""spaCy component ``ptkg_attachments``: repairs of the parser's attachments that the
extraction reads.

Reads: the parse. Changes: a phrase standing between a reporting verb and the subject of
the clause it reports modifies the reporting verb. English puts the subject first in a
clause with no "that", so in "the department said on Monday it will add Corvex to the
list" the date can only be the saying's: the parser often hangs it on "add", which would
date the addition (and read "Monday" ahead of the report, as the addition's tense says).
After "that" ("said that on Monday it will add"), the phrase opens the clause and stays.
A clause opened by "that" with a subject of its own, which the parser hangs on the noun of
such a phrase ("confirmed during a press conference that Corvex is allowed to ..."), is
the verb's report too.

A headline (a line of its own with no full stop) tells its news in the present ("Kenya
bans ZenChat"), so a subject and a verb in the past with no object and no auxiliary are a
passive whose "was" is left out ("ZenChat banned in Kenya", "Corvex sanctioned by
Treasury"): the subject is what the act was done to. And a name that ends such a line is
the object of the verb before it, not punctuation, as the parser may label it when the
line break follows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# Dependents that may be a misplaced modifier of the reporting verb: a preposition's
# phrase ("on Monday", "in a statement") or a bare noun of time ("Monday", "today").
_MODIFIERS = ("prep", "npadvmod", "tmod")
_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_ENDS = (".", "!", "?", ":", ";", '"', "”", "'", "’")
HEADLINE_MAX_WORDS = 20


@Language.component("ptkg_attachments", assigns=["token.head", "token.dep"])
def repair_attachments(doc: Doc) -> Doc:
    for clause in [t for t in doc if t.dep_ == "ccomp" and t.head.i < t.i]:
        for modifier in _misplaced(clause):
            modifier.head = clause.head
    for token in doc:
        if _object_read_as_punctuation(token):
            token.dep_ = "dobj"
    for verb in doc:
        subject = _subject_read_as_conjunct(verb)
        if subject is not None:
            subject.head = verb
            subject.dep_ = "nsubj"
    for clause in [t for t in doc if _complement_read_as_relative(t)]:
        clause.head = clause.head.head.head
        clause.dep_ = "ccomp"
    for line in _headlines(doc):
        _passive_headline(line)
    return doc


def _passive_headline(line: Span) -> None:
    """ "Corvex banned in Kenya", "Corvex sanctioned by Treasury" (which the parser may read
    as a name and its participle): the subject is what was done to."""
    verb = line.root
    if verb.pos_ in ("NOUN", "PROPN"):
        clauses = [c for c in verb.rights if c.dep_ == "acl" and c.tag_ == "VBN"]
        if len(clauses) != 1:
            return
        noun, verb = verb, clauses[0]
        verb.head = verb
        verb.dep_ = "ROOT"
        noun.head = verb
        noun.dep_ = "nsubj"
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if (
        verb.tag_ in ("VBD", "VBN")
        and subjects
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "ccomp") for c in verb.children)
    ):
        verb.tag_ = "VBN"
        for subject in subjects:
            subject.dep_ = "nsubjpass"


def _headlines(doc: Doc) -> list[Span]:
    """Sentences that are lines of their own with no closing punctuation."""
    return [sentence for sentence in doc.sents if headline_line(sentence)]


def headline_line(sentence: Span) -> bool:
    """Whether a sentence is a line of its own with no closing punctuation (a headline or
    a subheading, in whatever case)."""
    doc = sentence.doc
    words = [t for t in sentence if not t.is_space]
    if not words or len(words) > HEADLINE_MAX_WORDS or words[-1].text in _ENDS:
        return False
    before = doc[sentence.start - 1] if sentence.start > 0 else None
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    starts_line = before is None or "\n" in before.text + before.whitespace_
    ends_line = after is None or "\n" in words[-1].whitespace_ + after.text
    return starts_line and ends_line


def _object_read_as_punctuation(token: Token) -> bool:
    verb = token.head
    return (
        token.dep_ == "punct"
        and token.text.isalpha()
        and token.pos_ in ("PROPN", "NOUN")
        and verb.pos_ == "VERB"
        and verb.i < token.i
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )


def _subject_read_as_conjunct(verb: Token) -> Token | None:
    """ "... in Osaka, Japan, President Jane Roe confirmed ...": a finite verb with no
    subject, right after a name the parser read as the last of a list before it (or as its
    apposition): the name is the verb's subject."""
    if verb.i == 0 or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in _SUBJECTS or c.dep_ == "csubj" for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.dep_ not in ("conj", "appos") or name.head.i >= name.i:
        return None
    return name if verb.is_ancestor(name) else None


def _complement_read_as_relative(clause: Token) -> bool:
    """ "confirmed during a press conference that Corvex is now allowed to ...": a clause
    opened by "that" with a subject of its own, hung on the noun of a phrase that modifies
    a verb, is what the verb reports (a relative clause has no subject besides "that")."""
    noun = clause.head
    return (
        clause.dep_ in ("relcl", "acl")
        and any(c.dep_ == "mark" and c.text.lower() == "that" for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ == "VERB"
    )


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
