"""Step 5 of the events component: measures a government announces for later.

Reads: the typed drafts, their modality, tense and dates, and the verbs that govern them.
Changes: a restriction or relief told in the future inside what a government or an official
announces, confirms or decides ("the government said companies will be banned from buying
its kit after 31 December", "the ministry confirmed the app will be blocked from Monday")
is a decision taken when announced: asserted, acted by whoever announced it, and its date
becomes the day it takes effect. So is one the text asserts for a later day ("the app
will be blocked from Monday"). Announced without a day it takes effect, it stays a plan
("the president said he would ban the app"): a threat is not a measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.participants import DocEntities
from extract.events.timing import PlacedTimex
from extract.records import EntityMention

# Up to the announcing verb: through clauses, and a noun the clause describes ("confirmed a
# U-turn, which means that ... will be banned").
_GOVERNED = ("ccomp", "xcomp", "relcl", "advcl", "conj", "dobj", "attr")
_MAX_STEPS = 5
_ANNOUNCED_TAGS = ("VBD", "VBN", "VBZ", "VBP")  # said, has said, says: no longer a plan


def announced_decisions(
    drafts: list[Draft],
    lexicon: EventLexicon,
    entities: DocEntities,
    placed: Sequence[PlacedTimex] = (),
) -> None:
    words = lexicon.syntax.announcing_verbs
    for draft in drafts:
        event_type = lexicon.types.get(lexicon.decided(draft.type))
        if event_type is None or event_type.state_effect is None:
            continue
        found = _speaker(draft.head, words, entities)
        if draft.tense == "future" and (draft.timex or draft.effective) is not None:
            if draft.modality not in ("planned", "asserted"):
                continue
            if draft.modality == "planned" and found is None:
                continue  # a plan no one with the power to decide it announced
            draft.modality = "asserted"
            draft.tense = "past"
            if draft.effective is None:
                draft.effective = draft.timex
            draft.timex = None
            draft.news = True  # decided when told: around the document's date
        if found is None:
            continue
        speaker, verb = found
        if not draft.agents:
            draft.agents.append(speaker)
        if draft.timex is None and draft.modality == "asserted":
            # "The UK on Tuesday announced to ban ...": the day it was announced
            draft.timex = _date_of(verb, placed, lexicon.ignore_timex_values)


def _date_of(
    verb: Token, placed: Sequence[PlacedTimex], ignore: frozenset[str]
) -> PlacedTimex | None:
    """A date the announcing verb itself governs ("on Tuesday announced", "said Monday")."""
    for item in placed:
        if item.timex.type not in ("DATE", "TIME") or item.timex.value in ignore:
            continue
        if item.timex.signal is not None or item.timex.function is not None:
            continue
        head = item.head
        if head.head is verb or (head.head.dep_ == "prep" and head.head.head is verb):
            return item
    return None


def _speaker(
    head: Token, words: frozenset[str], entities: DocEntities
) -> tuple[EntityMention, Token] | None:
    """The government or official whose announcing verb governs ``head``, and the verb."""
    token = head
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _GOVERNED or token.head is token:
            return None
        token = token.head
        if token.lemma_.lower() not in words or token.tag_ not in _ANNOUNCED_TAGS:
            continue
        for child in token.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            mention = entities.resolve(child)
            if mention is not None and entities.actor_kind(mention) in ("government", "person"):
                return mention, token
    return None


__all__ = ["announced_decisions"]
