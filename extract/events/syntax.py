"""Dependency-parse helpers the event layer shares: subjects, objects, complements, paths.

Reads: spaCy tokens with POS tags, morphology and a dependency parse. Adds nothing: pure
functions. English parses of news text are noisy (a participle tagged as an adjective, a
headline verb tagged as a noun), so each helper also accepts the common mis-parses.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "relcl", "advcl"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "conj", "parataxis", "csubj"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "following", "since", "until", "to", "upon"})

# Irregular English verb forms (language knowledge, not domain knowledge).
_IRREGULAR = {
    "win": ("won",),
    "take": ("took", "taken"),
    "bring": ("brought",),
    "hold": ("held",),
    "write": ("wrote", "written"),
    "tell": ("told",),
    "begin": ("began", "begun"),
    "lead": ("led",),
    "come": ("came",),
    "see": ("saw", "seen"),
    "give": ("gave", "given"),
    "get": ("got", "gotten"),
    "make": ("made",),
    "say": ("said",),
    "seek": ("sought",),
    "meet": ("met",),
    "find": ("found",),
    "put": (),
    "cut": (),
    "shut": (),
    "set": (),
    "let": (),
}


def inflections(lemma: str) -> set[str]:
    """Regular (and a few irregular) forms of an English verb or noun, lower case."""
    base = lemma.lower()
    forms = {base, base + "s", base + "es", base + "ed", base + "d", base + "ing"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing"}
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    ):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    forms |= set(_IRREGULAR.get(base, ()))
    return forms


def with_lemmas(doc: Doc, lemmas: Iterable[str]) -> list[Token]:
    """Tokens whose lemma or lower-case form is one of ``lemmas`` (or an inflection of one),
    found on the document's attribute arrays rather than by a Python loop over every token."""
    ids = _form_ids(frozenset(lemmas))
    table = doc.to_array([LEMMA, LOWER])
    hits = numpy.nonzero(numpy.isin(table, ids).any(axis=1))[0]
    return [doc[int(i)] for i in hits]


@lru_cache(maxsize=128)
def _form_ids(lemmas: frozenset[str]) -> Any:
    """String-store hashes of every form of the lemmas (hashes do not depend on the vocab)."""
    forms = {form for lemma in lemmas for form in inflections(lemma)}
    return numpy.array(sorted(hash_string(f) for f in forms), dtype="uint64")


class Sentences:
    """Sentence look-up by token index from the sentence-start array (``Token.sent`` walks
    the document each time)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        flags = doc.to_array([SENT_START]).reshape(-1) if len(doc) else numpy.array([])
        starts = numpy.nonzero(flags == 1)[0].tolist()
        if not starts or starts[0] != 0:
            starts = [0, *starts]
        self.starts: list[int] = starts
        self.ends: list[int] = [*starts[1:], len(doc)]

    def of(self, index: int) -> Span:
        k = self.number(index)
        return self.doc[self.starts[k] : self.ends[k]]

    def number(self, index: int) -> int:
        """The position of the sentence that holds token ``index``."""
        return bisect.bisect_right(self.starts, index) - 1


# Dependencies by which a clause still tells its sentence's main act ("has revoked the
# licences", "imposed a ban", "moved to bar", "said it has halted operations").
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "dobj", "xcomp", "ccomp", "conj", "nsubjpass", "attr"})


def is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in token.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and the nouns coordinated with them ("Gemini and Llama")."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.conjuncts if c.i > token.i and not is_verbal(c))
    return out


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, inherited through control, coordination and participles."""
    seen = 0
    current = token
    while seen < 6:
        seen += 1
        own = [c for c in current.children if c.dep_ in ("nsubj", "csubj", "expl")]
        if own:
            # one subject to a verb: of two, the other is a misparse ("WASHINGTON, May 14
            # (Reuters) - The department added ...": the dateline's place), farther away
            subject = min(own, key=lambda c: abs(c.i - current.i))
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subject
        passive = [c for c in current.children if c.dep_ in ("nsubjpass", "csubjpass")]
        if passive:
            return None  # a passive verb's subject is its theme, not its agent
        dep = current.dep_
        head = current.head
        if head.i == current.i:
            return None
        if dep == "xcomp":
            objects = children(head, "dobj", "obj")
            if objects and has_infinitive_marker(current):
                return objects[0]  # "directed Corvex to suspend": object control
            current = head
        elif dep == "acl" and head.pos_ in NOUN_POS:
            # "the government's decision to allow ...": the decision's possessor acts
            owners = children(head, "poss")
            return owners[0] if owners else None
        elif dep == "pcomp" and head.lower_ in _TEMPORAL_PREPOSITIONS:
            return None  # "after imposing controls" is often attached to the wrong verb
        elif dep in ("conj", "advcl", "pcomp", "acl"):
            current = head if dep != "pcomp" else head.head
        elif dep == "relcl":
            return head
        elif dep == "ccomp" and head.lemma_ in ("allow", "let", "enable", "permit", "help"):
            objects = children(head, "dobj", "obj")
            return objects[0] if objects else None
        else:
            return None
    return None


def examples(token: Token) -> list[Token]:
    """The names a plural common noun gives as its examples ("chipmakers including Nvidia
    and AMD", "suppliers such as X or Y", "firms like X"): who the noun stands for."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return []
    out: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.lower_ in ("including", "like") or such_as:
            for obj in children(prep, "pobj"):
                out.extend([obj, *(c for c in obj.conjuncts if c.i > obj.i)])
    return out


def governing_subjects(token: Token) -> Iterator[Token]:
    """The subjects of the clauses that govern ``token``, nearest first, that come before
    it and are not part of it ("OpenAI confirmed it had ...": OpenAI for "it")."""
    for ancestor in token.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(ancestor)
        if subject is not None and subject.i < token.i and subject not in token.subtree:
            yield subject


def plural_antecedent(pronoun: Token) -> Token | None:
    """ "chipmakers ... told staff that they will ...": the subject of the clause that
    governs a plural pronoun."""
    if pronoun.lower_ not in ("they", "them"):
        return None
    return next(governing_subjects(pronoun), None)


def subjects(token: Token) -> list[Token]:
    """Subjects of a verb, including those attached to its auxiliary ("Llama 3 remains
    blocked" parsed with "remains" as the auxiliary of "blocked")."""
    out = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    for aux in token.children:
        if aux.dep_ in ("aux", "auxpass"):
            out.extend(c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass"))
    if not out and token.dep_ == "conj":
        out.extend(c for c in token.head.children if c.dep_ in ("nsubj",) and c.i > token.head.i)
    return out


def passive_agent(token: Token) -> Token | None:
    """ "restricted by the U.S." -> U.S."""
    for child in token.children:
        if child.dep_ == "agent":
            objects = children(child, "pobj")
            if objects:
                return objects[0]
    return None


def objects_of(token: Token) -> list[Token]:
    """Direct objects (passive subjects) of a verb; "of"/"on"/compound arguments of a noun."""
    if token.pos_ in NOUN_POS and not token.tag_.startswith("VB"):
        out = [c for c in token.children if c.dep_ in ("compound", "nmod")]
        for prep in children(token, "prep"):
            if prep.lower_ in ("of", "on", "to", "for", "over", "against"):
                out.extend(children(prep, "pobj"))
        return with_conjuncts(out)
    out = [
        c for c in token.children if c.dep_ in OBJECT_DEPS or c.dep_ in ("nsubjpass", "csubjpass")
    ]
    # "models that have been restricted": the relative pronoun stands for the noun
    out = [
        token.head if o.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl" else o for o in out
    ]
    for prep in children(token, "prep"):
        if prep.lower_ in ("on", "to", "of"):
            out.extend(children(prep, "pobj"))
    if not out and token.dep_ == "amod" and token.head.pos_ in NOUN_POS:
        out.append(token.head)  # "the disabled access": a participle misparsed as adjective
    # "withdrew a series of orders": the orders are what is withdrawn
    out.extend(
        pobj
        for o in list(out)
        if o.lemma_.lower() in PARTITIVE_NOUNS
        for prep in children(o, "prep")
        if prep.lower_ == "of"
        for pobj in children(prep, "pobj")
    )
    return with_conjuncts(out)


# Nouns that stand for a quantity of what their "of" names ("a series of orders").
PARTITIVE_NOUNS = frozenset(
    {
        "series",
        "number",
        "set",
        "pair",
        "couple",
        "host",
        "range",
        "raft",
        "slew",
        "batch",
        "string",
        "package",
        "list",
        "group",
        # a part of what their "of" names ("lifted a portion of the ban")
        "portion",
        "part",
        "piece",
        "element",
        "aspect",
    }
)


def has_perfect_auxiliary(verb: Token, tags: tuple[str, ...] = ()) -> bool:
    """ "has added", "had revoked": a verb with its auxiliary "have" (of these tags, when
    given: "VBZ"/"VBP" the present perfect, "VBD" the past perfect); a verb joined to one
    with no auxiliary of its own shares it ("has appointed a representative and paid")."""
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head
    return any(
        c.dep_ == "aux" and c.lemma_ == "have" and (not tags or c.tag_ in tags)
        for c in verb.children
    )


def has_infinitive_marker(verb: Token) -> bool:
    """ "to lift": a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_after_object(verb: Token, clause: Token) -> bool:
    """ "told the firms to stop": an infinitive right after the verb's object."""
    if clause.tag_ != "VB" or not has_infinitive_marker(clause):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(o.right_edge.i + 2 == clause.i for o in objects)


def complements_of(token: Token) -> list[Token]:
    """Verbs (and predicate nouns) that complete a trigger: "allow X to access", "barred X
    from using", "permission to release", "labeled X a risk"."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "acl", "oprd", "acomp") and (
            is_verbal(child) or child.dep_ in ("oprd", "acomp")
        ):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("from", "for", "to"):
            for grandchild in child.children:
                if grandchild.dep_ == "pcomp" and is_verbal(grandchild):
                    out.append(grandchild)
                elif grandchild.dep_ == "pobj":
                    out.extend(
                        g
                        for g in grandchild.children
                        if g.dep_ in ("acl", "relcl", "xcomp") and is_verbal(g)
                    )
        elif child.dep_ == "advcl" and token.pos_ in NOUN_POS and is_verbal(child):
            out.append(child)  # "permission for Corvex to release its model"
        elif child.dep_ == "advcl" and _infinitive_after_object(token, child):
            out.append(child)  # "directed providers to block access", parsed as a purpose
        elif child.dep_ in ("dobj", "obj") and not is_verbal(child):
            # "asked the EU to consider" parsed with the verb under the object
            out.extend(
                g for g in child.children if g.dep_ in ("acl", "xcomp", "relcl") and is_verbal(g)
            )
    for obj in children(token, "dobj", "obj", "oprd", "attr"):
        if obj.pos_ in NOUN_POS or obj.pos_ == "ADJ":
            out.append(obj)  # "labeled Corvex a supply-chain risk": the predicate noun
    for prep in children(token, "prep"):
        if prep.lower_ == "as":
            out.extend(children(prep, "pobj"))
    return out


def first_conjunct(noun: Token) -> Token:
    """The first of the nouns ``noun`` is coordinated with ("issued a notice and a rule":
    "notice"), whose place in the clause it shares; ``noun`` itself when it is the first."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def object_governor(noun: Token) -> Token:
    """The verb whose object ``noun`` is. After a participle with no object of its own, the
    parser hangs a second object on the verb before it ("published a rule extending until
    March the licence": "licence" on "published"): the participle governs it."""
    head = noun.head
    if noun.dep_ not in ("dobj", "obj"):
        return head
    for first in (c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < noun.i):
        for clause in first.children:
            if (
                clause.dep_ == "acl"
                and clause.tag_ in ("VBG", "VBN")
                and clause.i < noun.i
                and not children(clause, "dobj", "obj")
            ):
                return clause
    return head


def preposition_objects(token: Token, preposition: str) -> list[Token]:
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == preposition
        for obj in prep.children
        if obj.dep_ in ("pobj", "pcomp")
    ]


def path_is_within(token: Token, ancestor: Token, allowed: frozenset[str], limit: int = 5) -> bool:
    """Whether ``ancestor`` governs ``token`` in at most ``limit`` steps of ``allowed`` deps."""
    steps = 0
    current = token
    while current.i != ancestor.i:
        if current.dep_ not in allowed or current.head.i == current.i or steps >= limit:
            return False
        current = current.head
        steps += 1
    return True


def finite_governor(token: Token) -> Token:
    """The nearest finite verb governing a word (itself when finite)."""
    for candidate in (token, *token.ancestors):
        if is_verbal(candidate) and (
            "Fin" in candidate.morph.get("VerbForm", [])
            or candidate.tag_ in ("VBD", "VBZ", "VBP", "MD")
            or any(c.dep_ in ("aux", "auxpass") for c in candidate.children)
        ):
            return candidate
    return token.sent.root


# Doc.user_data key of headlines parsed on their own (extract.events.headlines): the entity
# mentions of the article below them
ARTICLE_BELOW = "ptkg_article_below"


def in_headline(token: Token) -> bool:
    """Whether the token is in a headline, whose present tense tells the news ("Corvex sues
    regulator"), not a habit: a headline parsed on its own, or the document's first line
    when it ends with no stop (a headline in sentence case)."""
    doc = token.doc
    if ARTICLE_BELOW in doc.user_data:
        return True
    sentence = token.sent
    # the first word of the text opens the token's sentence (read from the start: a few
    # tokens, not the whole text before a sentence deep in it)
    first = next((t for t in doc if not t.is_space and not t.is_punct), None)
    if first is None or first.i < sentence.start:
        return False
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return last is not None and last.text not in (".", "?", "!", '"', "”", ":")


def determiner(token: Token) -> str | None:
    """ "the" / "a" / "this" / "poss" (a possessor) / None for a bare noun."""
    for child in token.children:
        if child.dep_ == "poss":
            return "poss"
        if child.dep_ == "det":
            return child.lower_
    return None


_CORE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "conj"})


def np_core(token: Token) -> list[Token]:
    """A noun phrase's own words: modifiers and coordinated nouns; no prepositional phrase,
    no apposition (often a mis-attached one)."""
    out = [token]
    stack = [c for c in token.children if c.dep_ in _CORE_DEPS]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ in _CORE_DEPS)
    return out


def np_tokens(token: Token) -> list[Token]:
    """The noun phrase headed by a token, without clauses attached to it."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS and c.dep_ != "punct"]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ not in CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


# "phones made by X": X makes what is acted on (not "owned by": the owner is not its maker)
_MAKING = frozenset({"make", "manufacture", "produce", "develop", "build", "design"})


def makers(token: Token) -> list[Token]:
    """Who made what a noun names, or what its "of" names ("phones made by X", "the sale
    of software developed by X")."""
    return [m for node in [token, *preposition_objects(token, "of")] for m in _made_by(node)]


def _made_by(node: Token) -> list[Token]:
    return [
        a
        for c in children(node, "acl")
        if c.lemma_.lower() in _MAKING and (a := passive_agent(c)) is not None
    ]


def argument_owners(token: Token) -> list[Token]:
    """Who owns an argument that is not itself a name: its possessor ("X's shares"), the
    object of its "of", "from", "to", "with" or "for" ("shares of X", "kit from X",
    "shipments to X", "the licence for X"), its proper-noun modifier
    ("X shares"), who made it ("phones made by X"), and the same one preposition down
    ("trading in X shares", "the sale of phones made by X")."""
    found: list[Token] = []
    for node in [token, *preposition_objects(token, "in"), *preposition_objects(token, "of")]:
        found += children(node, "poss")
        found += [c for c in children(node, "compound", "nmod") if c.pos_ == "PROPN"]
        found += _made_by(node)
        if node is token:
            for preposition in ("of", "from", "to", "with", "for"):
                found += preposition_objects(token, preposition)
    return found


def verb_phrases(verb: Token) -> set[str]:
    """A verb as a lexicon may name it: alone, with its object or adjective ("take effect",
    "taking orders": "take order", "are effective": "be effective"), or with a
    preposition and its object ("come into force")."""
    lemma = verb.lemma_.lower()
    found = {lemma}
    for child in verb.children:
        if child.dep_ in ("dobj", "acomp"):  # "take effect", "be effective"
            found.add(f"{lemma} {child.lemma_.lower()}")
        elif child.dep_ in ("prep", "prt"):
            found.add(f"{lemma} {child.lower_}")
            found.update(
                f"{lemma} {child.lower_} {o.lemma_.lower()}" for o in children(child, "pobj")
            )
    return found
