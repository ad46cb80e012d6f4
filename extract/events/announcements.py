"""Step 5 of the events component: measures a government announces for later.

Reads: the typed drafts, their modality, tense and dates, and the verbs that govern them.
Changes: a restriction or relief told in the future inside what a government or an official
announces, confirms or decides ("the government said companies will be banned from buying
its kit after 1 March", "the ministry confirmed the app will be blocked from Monday")
is a decision taken when announced: asserted, acted by whoever announced it, and its date
becomes the day it takes effect. So is one the text asserts for a later day ("the app
will be blocked from Monday"). Announced without a day it takes effect, it stays a plan
("the president said he would ban the app"): a threat is not a measure. The day of the
announcing verb does not date what it tells ("said on Monday it had lifted the ban" dates
the saying): measured on the development stories, dating by it misplaced more events
than it placed.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.participants import DocEntities
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
) -> None:
    words = lexicon.syntax.announcing_verbs
    deciding = lexicon.syntax.deciding_verbs
    for draft in drafts:
        event_type = lexicon.scheme_of(draft.type)
        if event_type is None or event_type.state_effect is None:
            continue
        found = _speaker(draft.head, words, entities)
        dated = (draft.timex or draft.effective) is not None
        decided = found is not None and found[1].lemma_.lower() in deciding and _body(found[0])
        if draft.tense == "future" and (dated or decided):
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
        if found is not None and not draft.agents:
            draft.agents.append(found[0])


def _body(mention: EntityMention) -> bool:
    """A government or one of its bodies, not a person: a person's "will" is a pledge."""
    return mention.type != "person"


def _speaker(
    head: Token, words: frozenset[str], entities: DocEntities
) -> tuple[EntityMention, Token] | None:
    """The government or official whose announcing verb governs ``head``, and the verb."""
    token = head
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _GOVERNED or token.head.i == token.i:
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
