"""Modality and tense of an event mention, from the cues of extract/data/modality.yaml.

Reads: the trigger's head (and the light verb carrying a noun trigger), the parse and the
modality cues. Adds: a modality -- asserted, negated, hypothetical, requested, planned,
speculative or state -- and a tense -- past (simple, perfect, pluperfect), present, future.

A cue counts when it sits on the trigger or on a word governing it through a complement
(xcomp, ccomp, a coordinated verb, a gerund after a preposition, a noun's infinitive).
Adjuncts (a prepositional phrase, an adverbial or relative clause) and subjects stop the
search: "Corvex hopes to restore access after the ban" does not make the ban planned,
and "Lifting the restrictions suggests confidence" does not make the lifting speculative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from extract.events.lexicon import ModalityCues
from extract.events.syntax import (
    has_infinitive_marker,
    has_perfect_auxiliary,
    inflections,
    is_verbal,
)

# Steps along which a governing word's modality reaches the trigger.
_PROPAGATE = frozenset({"xcomp", "ccomp", "conj", "acl", "dobj", "obj", "oprd", "pcomp", "attr"})


@dataclass
class _Chain:
    tokens: list[Token]  # the trigger and the words whose cues apply to it
    stop_prep: Token | None = None  # the preposition the chain ended at ("without ...")
    relative: bool = False  # it ended at the noun a relative clause modifies
    purpose: bool = False  # it passed an infinitive of purpose ("worked to restore")
    subject_of: list[Token] = field(default_factory=list)  # verbs reached from their subject
    # acts coordinated with it ("opposed the move and banned ..."): their auxiliaries and
    # negation are shared, their own verb's meaning is not
    siblings: set[int] = field(default_factory=set)


def _in_order_to(verb: Token) -> bool:
    """An infinitive the parser hung on the noun of "in order to"."""
    head = verb.head
    return verb.dep_ == "acl" and head.lower_ == "order" and head.head.lower_ == "in"


def _ranked(token: Token) -> bool:
    """An ordinal or a superlative ("the first to", "the only one to", "the largest to"),
    whose infinitive tells what was done, not what is meant to be."""
    return token.ent_type_ == "ORDINAL" or token.tag_ == "JJS" or token.lower_ in ("only", "last")


def _chain(token: Token, cues: ModalityCues) -> _Chain:
    """Governors of a token whose cues apply to it (see the module docstring)."""
    result = _Chain([token])
    chain = result.tokens
    current = token
    came_by_pcomp = False
    while current.head.i != current.i:
        dep = current.dep_
        head = current.head
        if dep in ("pcomp", "pobj") and head.dep_ == "prep":
            result.stop_prep = head
            if dep == "pcomp":
                came_by_pcomp = True
                chain.append(head.head)
                current = head.head
                continue
            break
        if dep == "prep" and came_by_pcomp:
            came_by_pcomp = False
            current = head
            continue
        if dep == "relcl":
            result.relative = True
            chain.append(head)
            break
        infinitive = has_infinitive_marker(current)
        if infinitive and _ranked(head):
            break  # "the first state to ban the app": it did, first
        decided = dep == "advcl" and head.lemma_.lower() in cues.deciding_verbs
        if infinitive and not decided and (dep == "advcl" or _in_order_to(current)):
            result.purpose = True  # "working to restore access": not done yet
            break
        if dep in ("csubj", "nsubj") and current.tag_ == "VBG":
            result.subject_of.append(head)  # "maintaining the ban could have set ..."
            break
        if dep not in _PROPAGATE and not (infinitive and decided):
            break
        if dep == "conj" and is_verbal(current) and is_verbal(head):
            result.siblings.add(head.i)
        chain.append(head)
        current = head
    return result


def negated_word(token: Token, cues: ModalityCues) -> bool:
    """Whether a word is negated itself: "not", "never", an adverb negated ("no longer")."""
    return any(
        c.dep_ == "neg"
        or c.lower_ in cues.negated_particles
        or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))
        for c in token.children
        if c.dep_ in ("neg", "advmod", "preconj")
    )


def modality_of(
    head: Token,
    light: Token | None,
    cues: ModalityCues,
    *,
    state: bool = False,
    negation_is_meaning: bool = False,
) -> str:
    """The modality of the mention whose trigger is ``head`` (carried by ``light``);
    ``negation_is_meaning``: the trigger's own negation is part of what it means ("will
    not ship": a supply withheld), no modality."""
    start = light or head
    found_chain = _chain(start, cues)
    chain = found_chain.tokens
    stop_prep = found_chain.stop_prep
    in_relative = found_chain.relative
    if light is not None:
        chain = [head, *chain]
    governors = chain[1:]
    found: set[str] = set()
    if found_chain.purpose and not state:
        found.add("planned")
    for verb in found_chain.subject_of:  # only the auxiliaries of a clause it is subject of
        for child in verb.children:
            if (
                child.dep_ == "aux"
                and child.lower_ in cues.hypothetical_modals | cues.speculative_modals
            ):
                perfect = has_perfect_auxiliary(verb)
                found.add(
                    "hypothetical"
                    if perfect or child.lower_ in cues.hypothetical_modals
                    else "speculative"
                )
    if stop_prep is not None and stop_prep.lower_ in cues.negated_prepositions:
        found.add("negated")
    if (
        stop_prep is not None
        and stop_prep.lower_ in cues.requested_prepositions
        and is_verbal(stop_prep.head)
        and stop_prep.head.lemma_.lower() in cues.requested_verbs
    ):
        # "asked the court for an injunction" (a court denying "a request for" one rules)
        found.add("requested")
    reported_past = any(
        g.lemma_.lower() in cues.reporting_verbs and g.tag_ in ("VBD", "VBN") for g in governors
    )
    for position, token in enumerate(chain):
        lemma = token.lemma_.lower()
        is_governor = position > 0 and token.i != head.i and token.i not in found_chain.siblings
        kids = list(token.children)
        own = token.i == head.i and negation_is_meaning
        if not own and negated_word(token, cues):
            found.add("negated")  # "not", "never", an adverb negated ("no longer allowed")
        if any(c.dep_ == "det" and c.lower_ in cues.negated_determiners for c in kids):
            found.add("negated")
        if is_verbal(token) and _proposal_subject(token, cues.planned_subjects) and not state:
            found.add("planned")  # "the bill bans X", "a bill that bans X"
        for child in kids:
            if child.dep_ in ("mark", "advmod") and child.lower_ in cues.hypothetical_markers:
                found.add("hypothetical")
            if child.dep_ in ("aux", "auxpass"):
                word = child.lower_
                if word in cues.hypothetical_modals:
                    found.add("planned" if reported_past and word == "would" else "hypothetical")
                elif word in cues.planned_modals:
                    asserted = any(
                        c.lower_ in cues.asserted_with for c in kids if c.dep_ == "advmod"
                    ) or (own and negated_word(token, cues))  # "will not ship": refused now
                    if not asserted and not state:
                        found.add("planned")
                elif word in cues.requested_modals:
                    found.add("requested")  # "a licence must be issued": a requirement
                elif word in cues.speculative_modals:
                    has_perfect = has_perfect_auxiliary(token)
                    found.add("hypothetical" if has_perfect and word == "could" else "speculative")
            if child.dep_ == "advmod" and child.lower_ in cues.speculative_adverbs:
                found.add("speculative")
            if child.dep_ == "amod" and not is_verbal(token):
                if child.lower_ in cues.planned_adjectives:
                    found.add("planned")
                elif child.lower_ in cues.speculative_adjectives:
                    found.add("speculative")  # "a possible extension"
        if is_governor:
            forms = {lemma, token.lower_}
            if forms & _forms(cues.negated_verbs):
                found.add("negated")
            if is_verbal(token):
                # "called the ban unfair": a verb that says what its object is asks nothing
                below = chain[position - 1]
                judges = below.dep_ == "dobj" and any(c.dep_ == "oprd" for c in kids)
                if forms & _forms(cues.requested_verbs) and not judges:
                    found.add("requested")
                if forms & _forms(cues.planned_verbs) and not state:
                    found.add("planned")
                if forms & _forms(cues.speculative_verbs):
                    found.add("speculative")
            else:
                if lemma in cues.requested_nouns:
                    found.add("requested")
                if lemma in cues.planned_nouns:
                    found.add("planned")
                below = chain[position - 1]
                if lemma in cues.negotiated_nouns and has_infinitive_marker(below):
                    found.add("planned")
    if any(_headline_infinitive(t) for t in chain) and not state:
        found.add("planned")  # "Corvex to resume sales", "Commerce to add Zentra to list"
    if in_relative:
        phrase = " ".join(t.lower_ for t in chain[-1].subtree if t.i < start.i)
        if any(p in phrase for p in cues.hypothetical_phrases):
            found.add("hypothetical")
    for modality in ("negated", "hypothetical", "requested", "planned", "speculative"):
        if modality in found:
            if state and modality in ("planned", "speculative", "requested"):
                continue
            return modality
    if (
        is_verbal(head)
        and light is None
        and head.tag_ in ("VBZ", "VBP")
        and _proposal_subject(head, cues.state_subjects)
    ):
        return "state"  # "the law requires X to sell": what a measure in force says
    if (
        is_verbal(head)
        and light is None
        and head.tag_ in ("VBZ", "VBP")
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in cues.state_pronouns
            for c in head.children
        )
    ):
        # "a licence, which authorizes exports to X", "it allows X to resume": what a
        # measure does, told in the present simple, no new act
        return "state"
    return "state" if state else "asserted"


def _headline_infinitive(verb: Token) -> bool:
    """A sentence whose main verb is an infinitive with a subject of its own: a headline
    telling what is to come ("Corvex to resume sales")."""
    if verb.tag_ != "VB" or not has_infinitive_marker(verb):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    # parsed as a clause on the name before it, in a sentence with no finite verb
    subject = verb.head
    return (
        verb.dep_ in ("acl", "relcl")
        and subject.dep_ == "ROOT"
        and subject.pos_ in ("PROPN", "NOUN")
        and subject.i < verb.i
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent)
    )


def _proposal_subject(verb: Token, subjects: frozenset[str]) -> bool:
    """The verb's subject is a proposal: its own, or the noun its relative clause is on."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            noun = verb.head if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else child
            if noun.lemma_.lower() in subjects:
                return True
    return False


@lru_cache(maxsize=64)
def _forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of the cue verbs ("hopes" is often lemmatised as "hop")."""
    return frozenset(form for lemma in lemmas for form in inflections(lemma))


def tense_of(head: Token, light: Token | None) -> str:
    """past (simple, perfect, pluperfect) | present | future, from auxiliaries and morphology."""
    verb = light or head
    seen = 0
    while not is_verbal(verb) or (verb.tag_ in ("VBG", "VB", "VBN") and not _auxiliaries(verb)):
        if verb.head.i == verb.i or seen > 6:
            break
        if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj") and not _auxiliaries(verb):
            return "past"  # headline style: "Corvex Disabled Access"
        verb = verb.head
        seen += 1
    auxiliaries = _auxiliaries(verb)
    words = [a.lower_ for a in auxiliaries]
    if any(w in ("will", "shall", "'ll", "wo", "would") for w in words):
        return "future"
    if any(a.lemma_ == "have" for a in auxiliaries):
        return "past"
    tags = [a.tag_ for a in auxiliaries] + [verb.tag_]
    if "VBD" in tags:
        return "past"
    if any(t in ("VBZ", "VBP") for t in tags):
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    return "present" if verb.tag_ in ("VB", "VBG") else "past"


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
