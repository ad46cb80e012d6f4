"""Step 5 of the events component: measures a government announces for later.

Reads: the typed drafts, their modality, tense and dates, and the verbs that govern them.
Changes: a restriction or relief told in the future inside what a government or an official
announces, confirms or decides ("the government said companies will be banned from buying
its kit after 1 March", "the ministry confirmed the app will be blocked from Monday")
is a decision taken when announced: asserted, acted by whoever announced it, and its date
becomes the day it takes effect. So is one the text asserts for a later day ("the app
will be blocked from Monday"). Announced without a day it takes effect, it stays a plan
("the president said he would ban the app"): a threat is not a measure. The day of the
announcing verb dates such a decision ("confirmed on Tuesday that the kit will be banned
from March"), and nothing else it tells ("said on Monday it had lifted the ban" dates the
saying): measured on the development stories, dating past acts by it misplaced more
events than it placed. A body's or a company's own act it tells in the present perfect
("announced on Monday that it has added Corvex to the list", "has stopped its sales, the
company said on Friday"), or in the past with a verb of deciding ("announced on Monday
that it added Corvex"), is the exception: done as it is announced.
An act told, with no date of its own, in what a verb of disclosure tells on a day ("it
was revealed on May 7 that the government revoked the licences", "Reuters reported on
Tuesday that the US has revoked them") is dated to that day: the day it became known,
which is the day the news gives it (what "had" been done is older).
What a person or a company agrees to do ("Corvex agreed to pay a fine", "the president
agreed to lift the ban"), of any type, is a pledge: planned.
A measure a government or an official says it will take, and which stays a plan, is news
of its own: the saying is a statement, by the speaker, about the measure's parties, on the
day of the announcing verb ("the department said on Wednesday it will add Corvex to the
list", "the president said he will sign an order delaying the ban"). So is a body's own
act it tells as under way ("announced on Monday that it is adding Corvex to the list"):
the act itself may take effect a day or more later, so the announcement dates only the
statement. A person telling such an act as their own ("we are allowing them to sell," the
president said; "confirmed that Corvex is now allowed to ...") makes a statement, and the
act stays a plan until an instrument enacts it. What is said "in" an instrument ("said in
an executive order that ...") is that instrument's, not a statement beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon, TriggerRule
from extract.events.participants import DocEntities
from extract.events.syntax import (
    has_infinitive_marker,
    has_perfect_auxiliary,
    passive_agent,
    preposition_objects,
    subject_of,
    verb_phrases,
)
from extract.events.timing import PlacedTimex, verb_dated_by
from extract.events.triggers import Trigger
from extract.records import EntityMention

# Up to the announcing verb: through clauses, and a noun the clause describes ("confirmed a
# U-turn, which means that ... will be banned").
_GOVERNED = ("ccomp", "xcomp", "relcl", "advcl", "conj", "dobj", "attr")
_MAX_STEPS = 5
_ANNOUNCED_TAGS = ("VBD", "VBN", "VBZ", "VBP")  # said, has said, says: no longer a plan
# The type of the statement an announced plan is (a type of event_types.yaml), and the rule
# its mention is made by: never matched in the text, only by this step.
PLAN_STATEMENT = "statement"
_PLAN_RULE = TriggerRule(
    id="announced_plan",
    type=PLAN_STATEMENT,
    lemmas=(),
    pos=frozenset({"VERB"}),
    by_actor={},
    clause_party=True,
)


def announced_decisions(
    drafts: list[Draft],
    lexicon: EventLexicon,
    entities: DocEntities,
    placed: list[PlacedTimex],
) -> None:
    words = lexicon.syntax.announcing_verbs
    deciding = lexicon.syntax.deciding_verbs
    anchors = {i for d in drafts for i in d.anchors}
    for draft in drafts:
        if draft.modality == "asserted" and _pledged(draft.head, lexicon, entities):
            draft.modality = "planned"
            continue
        event_type = lexicon.scheme_of(draft.type)
        if event_type is None:
            continue
        if event_type.state_effect is None:
            # "Corvex has paid its fines, its lawyers told the court on Tuesday"
            if draft.timex is None and _present_perfect(draft.head):
                _dated_as_told_by_its_company(draft, entities, placed, lexicon)
            continue
        if draft.trigger.rule.negated and draft.modality == "asserted":
            # "will not ship wafers after May 4": the supply stops that day; "will not
            # supply Corvex until further notice": a refusal in force as the text is written
            if draft.tense == "future" and (draft.timex or draft.effective) is None:
                draft.tense = "present"
            continue
        found = _speaker(draft.head, words, entities)
        dated = (draft.timex or draft.effective) is not None
        decided = found is not None and bool(verb_phrases(found[1]) & deciding) and _body(found[0])
        if draft.tense == "future" and (dated or decided):
            if draft.modality not in ("planned", "asserted"):
                continue
            if draft.modality == "planned" and found is None and not _scheduled(draft):
                continue  # a plan no one with the power to decide it announced
            if _act_a_person_will_take(draft, found):
                draft.modality = "planned"
                continue
            draft.modality = "asserted"
            draft.tense = "past"
            if draft.effective is None:
                draft.effective = draft.timex
            draft.timex = None
            if found is not None and _told_directly(draft, found[1], anchors):
                draft.timex = _day_of(found[1], placed, lexicon)
            # decided when told: around the document's date, unless told on a day of its own
            # (a weekday of a document of unknown date names no day yet)
            day = draft.timex.timex.range if draft.timex is not None else None
            draft.news = day is None or day.earliest != day.latest
        elif found is not None and draft.timex is None and _dated_by_telling(draft, found, decided):
            draft.timex = _day_of(found[1], placed, lexicon)
        elif found is None and draft.timex is None and _present_perfect(draft.head):
            _dated_as_told_by_its_company(draft, entities, placed, lexicon)
        if draft.timex is None and draft.modality == "asserted" and draft.tense == "past":
            # "it was revealed on May 7 that the government revoked the licences": known
            # that day, which is when the news dates it ("had revoked": before it)
            verb = _disclosing(draft.head, lexicon.syntax.disclosing_verbs)
            if verb is not None and not _past_perfect(draft.trigger.light or draft.head):
                draft.timex = _day_of(verb, placed, lexicon)
        if found is not None and not draft.agents:
            draft.agents.append(found[0])
            draft.type = _typed_for(draft, entities.actor_kind(found[0]))
        if event_type.layer == "effective" and not (draft.agents or draft.models):
            # "Chirper said the service was back online": a company's own service, or an
            # app's, told by it with no name of its own
            own = _speaker(draft.head, words, entities, kinds=("company",))
            if own is not None:
                (draft.models if entities.is_product(own[0]) else draft.agents).append(own[0])
        if found is not None and found[1].lemma_.lower() in lexicon.syntax.informing_verbs:
            # "Corvex was informed that its exports will need a licence": whom it binds
            for told in (c for c in found[1].children if c.dep_ == "nsubjpass"):
                mention = entities.resolve(told)
                if mention is not None and mention not in draft.affected + draft.agents:
                    draft.affected.append(mention)


def announced_plans(
    drafts: list[Draft], lexicon: EventLexicon, entities: DocEntities, placed: list[PlacedTimex]
) -> None:
    """Adds a statement for each announcing verb that tells a measure its speaker will take
    and which stays a plan (run after ``announced_decisions``)."""
    if PLAN_STATEMENT not in lexicon.types:
        return
    # an announcing verb's statement: "tweeted that ..." may be a statement's trigger already
    said = {i: d for d in drafts if d.type == PLAN_STATEMENT for i in d.anchors}
    acts = {i for d in drafts if d.type != PLAN_STATEMENT for i in d.anchors}
    # "said it would ban X on Sunday and bar Y later": a verb that told a decision tells
    # the plan it announced with it as part of that decision, no statement of its own
    deciding = {
        found[1].i
        for d in drafts
        if d.modality == "asserted"
        and d.tense == "past"
        and (t := lexicon.scheme_of(d.type)) is not None
        and t.state_effect is not None
        and (found := _speaker(d.head, lexicon.syntax.announcing_verbs, entities)) is not None
    }
    for draft in list(drafts):
        event_type = lexicon.scheme_of(draft.type)
        if event_type is None or event_type.state_effect is None:
            continue
        under_way = draft.modality == "asserted" and (
            _progressive(draft.head) or _present_passive(draft.head)
        )
        if not under_way and (draft.modality != "planned" or draft.tense != "future"):
            continue
        found = _speaker(draft.head, lexicon.syntax.announcing_verbs, entities)
        if found is None or (under_way and not _own_act(draft, found[0])):
            continue
        speaker, verb = found
        if under_way and not _body(speaker):
            # "we are allowing them to sell," the president said: until an instrument
            # enacts it, what a person says is under way is what they say
            draft.modality = "planned"
        statement = said.get(verb.i)
        # a statement only a reaction would make news (rule flag reacts) is news as the
        # plan it announces, unless the plan is not news of its own
        fresh = statement is None or statement.trigger.rule.reacts
        if fresh and any(o.i in acts for o in preposition_objects(verb, "in")):
            continue  # "said in an executive order that ...": the order tells it
        if fresh and verb.i in deciding and not under_way:
            continue
        if statement is not None and statement.trigger.rule.reacts:
            statement.trigger.rule = _PLAN_RULE
        if statement is None:
            statement = Draft(
                members=[Trigger(_PLAN_RULE, verb, verb.i, verb.i + 1, type=PLAN_STATEMENT)],
                anchors={verb.i},
                type=PLAN_STATEMENT,
                agents=[speaker],
                timex=_day_of(verb, placed, lexicon),
            )
            said[verb.i] = statement
            drafts.append(statement)
        for found_in, kept_in in (
            (draft.affected, statement.affected),
            (draft.models, statement.models),
        ):
            kept_in.extend(m for m in found_in if all(k.id != m.id for k in kept_in))


# A weekday of a document of unknown date ("on Friday"): its day once the corpus places it
_WEEKDAY = re.compile(r"XXXX-WXX-[1-7]")


def _day_of(verb: Token, placed: list[PlacedTimex], lexicon: EventLexicon) -> PlacedTimex | None:
    """The date that modifies the announcing verb itself ("has today confirmed", "on
    Tuesday announced"), not one of what it tells ("from December 31")."""
    for item in placed:
        if item.timex.type not in ("DATE", "TIME") or item.timex.function is not None:
            continue
        value = item.timex.range
        weekday = _WEEKDAY.fullmatch(item.timex.value) is not None
        if not weekday and (value is None or value.earliest != value.latest):
            continue  # a day: a weekday of a document of unknown date names one still
        dated = verb_dated_by(item, lexicon.syntax)
        if dated is not None and (dated.i == verb.i or _telling_participle(dated, verb)):
            return item
    return None


def _typed_for(draft: Draft, kind: str | None) -> str:
    """The type of a draft typed with no agent, once whoever announced it acts: "the
    government announced the kit will be removed" is the government's restriction, not a
    company's switch-off."""
    rule = draft.trigger.rule
    if kind is None or draft.type != rule.type_for("unknown"):
        return draft.type
    return rule.type_for(kind) or draft.type


def _disclosing(head: Token, words: frozenset[str]) -> Token | None:
    """The verb of disclosure that governs ``head`` ("Reuters reported on Tuesday that
    ...", "it was revealed that ..."), whoever discloses it."""
    return next(_told_by(head, words), None)


def _told_by(head: Token, words: frozenset[str]) -> Iterator[Token]:
    """The verbs of ``words``, told as done, that govern ``head`` through clauses (up to
    ``_MAX_STEPS``), nearest first."""
    token = head
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _GOVERNED or token.head.i == token.i:
            return
        token = token.head
        if token.lemma_.lower() in words and token.tag_ in _ANNOUNCED_TAGS:
            yield token


def _telling_participle(token: Token, verb: Token) -> bool:
    """ "Posting on social media on Sunday, the president said ...": the participle that
    opens the sentence tells when its subject said it."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.head.i == verb.i
        and token.i < verb.i
        and not any(c.dep_ in ("nsubj", "mark") for c in token.children)
    )


def _act_a_person_will_take(draft: Draft, found: tuple[EntityMention, Token] | None) -> bool:
    """ "I will sign an order on Monday", the president wrote: a day the act itself will
    happen on, told by a person, is a pledge (not a measure taking effect that day, as
    "will be banned from Monday" is, nor a government's decision)."""
    return (
        found is not None
        and not _body(found[0])
        and draft.timex is not None
        and draft.effective is None
        and draft.timex.timex.signal is None
    )


def _told_directly(draft: Draft, verb: Token, anchors: set[int]) -> bool:
    """The measure is what the announcing verb tells, not the object of another act ("said
    today it will challenge the order") nor below another event ("said it will lift the
    ban the court upheld")."""
    token = draft.head
    if token.pos_ in ("NOUN", "PROPN") and token.head.i not in draft.anchors | {verb.i}:
        return False  # "will challenge an order": the object of another act
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i in anchors and token.i not in draft.anchors and token.i != verb.i:
            return False
    return True


def _pledged(head: Token, lexicon: EventLexicon, entities: DocEntities) -> bool:
    """A person or a company that agrees to do something ("the president agreed to lift
    the ban", "Corvex agreed to pay a fine") pledges it; a government or one of its bodies
    that agrees to it ("the department agreed to extend the licence") decides it."""
    if head.dep_ != "xcomp" or head.head.lemma_.lower() not in lexicon.syntax.pledging_verbs:
        return False
    subject = subject_of(head.head)  # "threatening ... and agreeing to let": inherited
    if subject is None:
        return False
    mention = entities.resolve(subject)
    return mention is not None and entities.actor_kind(mention) in ("person", "company")


def _dated_by_telling(draft: Draft, found: tuple[EntityMention, Token], decided: bool) -> bool:
    """A decision told as an infinitive ("on Tuesday announced to ban"), or a body's own act
    told in the present perfect ("announced on Monday that it has added"), or one it
    announces, declares or orders in the past ("announced on Monday that it added": what
    it merely "said" it added may be older)."""
    speaker, verb = found
    if decided and _infinitive_of(draft.head, verb):
        return True
    return (
        _body(speaker)
        and draft.modality == "asserted"
        and (_present_perfect(draft.head) or (decided and draft.head.tag_ == "VBD"))
        and _own_act(draft, speaker)
    )


def _present_perfect(head: Token) -> bool:
    """ "has added", "have lifted": done as the text is written, not before it."""
    return has_perfect_auxiliary(head, ("VBZ", "VBP"))


def _past_perfect(head: Token) -> bool:
    """ "had revoked": done before the time the text speaks of."""
    return has_perfect_auxiliary(head, ("VBD",))


def _progressive(head: Token) -> bool:
    """ "is adding", "are lifting": under way as it is told, done on that day or soon after."""
    return head.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in head.children
    )


def _scheduled(draft: Draft) -> bool:
    """ "Corvex will be barred from providing updates after September 29": a restriction
    the text tells in the passive for a day of its own, neither conditional nor anyone's
    intention, is a measure already decided that takes effect that day."""
    head = draft.head
    return (
        (draft.timex is not None or draft.effective is not None)
        and head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in head.children)
        # "will be barred", not "would be blocked" (what was said or may be)
        and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children)
    )


def _present_passive(head: Token) -> bool:
    """ "is now allowed", "are banned": in force as it is told."""
    return head.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in head.children
    )


def _dated_as_told_by_its_company(
    draft: Draft, entities: DocEntities, placed: list[PlacedTimex], lexicon: EventLexicon
) -> None:
    """ "Corvex has stopped selling its drones, the company said on Friday": a company
    telling on a day what it has just done did it that day too."""
    words = lexicon.syntax.own_act_telling_verbs
    company = _speaker(draft.head, words, entities, kinds=("company",))
    if company is not None and draft.modality == "asserted" and _own_act(draft, company[0]):
        draft.timex = _day_of(company[1], placed, lexicon)


def _own_act(draft: Draft, speaker: EntityMention) -> bool:
    """Done by the speaker, or told in the passive with no one else doing it ("said that
    Corvex has been added to the list")."""
    if not draft.agents:
        return any(c.dep_ == "auxpass" for c in draft.head.children)
    return any(a.name == speaker.name for a in draft.agents)


def _infinitive_of(head: Token, verb: Token) -> bool:
    """ "decided to ban", and "voted on Monday to ban" (parsed as a clause of purpose)."""
    if head.head.i != verb.i or head.tag_ != "VB":
        return False
    if head.dep_ == "xcomp":
        return True
    return head.dep_ == "advcl" and has_infinitive_marker(head)


def _body(mention: EntityMention) -> bool:
    """A government or one of its bodies, not a person: a person's "will" is a pledge."""
    return mention.type != "person"


def _speaker(
    head: Token,
    words: frozenset[str],
    entities: DocEntities,
    kinds: tuple[str, ...] = ("government", "person"),
) -> tuple[EntityMention, Token] | None:
    """The government or official (or another of ``kinds``) whose announcing verb governs
    ``head``, and the verb."""
    for token in _told_by(head, words):
        # "Corvex was informed by the department that ...": the passive's agent tells it
        speakers = [
            *(c for c in token.children if c.dep_ == "nsubj"),
            passive_agent(token),
            *(c for c in token.children if c.dep_ == "nsubjpass"),
        ]
        for child in speakers:
            mention = entities.resolve(child) if child is not None else None
            if mention is None and child is not None and child.pos_ in ("NOUN", "PROPN"):
                # "its lawyers told the court", "the company's spokeswoman said": they speak
                # for whoever they are of
                owner = next((c for c in child.children if c.dep_ == "poss"), None)
                mention = entities.resolve(owner) if owner is not None else None
            if mention is not None and _kind(mention, entities) in kinds:
                return mention, token
    return None


def _kind(mention: EntityMention, entities: DocEntities) -> str | None:
    """The actor kind of a speaker: an app or a product that speaks is its company's voice."""
    return "company" if entities.is_product(mention) else entities.actor_kind(mention)


__all__ = ["announced_decisions"]
