"""Step 3 of the events component: what each event is about, and how it is told.

Reads: the drafts, the document's entity mentions (``participants.DocEntities``), scope
matches, attribution cues and the lexicon. Adds to each draft: agents, affected parties and
models (from its members' arguments, the words of its own clause, the owners of restricted
models), its scope, modality and tense, attribution and the instrument it acts by.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.events.amounts import amount_of
from extract.events.attribution import Cue, attribution_for
from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.modality import modality_of, tense_of
from extract.events.participants import DocEntities
from extract.events.scope import ScopeMatch, limited_modifier
from extract.events.stages import stage_of
from extract.events.syntax import (
    RELATIVE_PRONOUNS,
    children,
    determiner,
    has_infinitive_marker,
    is_verbal,
    objects_of,
    path_is_within,
    subject_of,
    subjects,
    verb_phrases,
)
from extract.events.triggers import Trigger
from extract.records import EntityMention

# Argument positions whose words (and models) belong to an event.
_ARGUMENT_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "nsubjpass",
        "attr",
        "oprd",
        "dative",
        "compound",
        "nmod",
        "poss",
        "appos",
        "xcomp",
        "ccomp",
        "acomp",
        "pcomp",
        "acl",
        "amod",
        "npadvmod",
    }
)
# Between a merged member and the representative trigger: a member this close carries its
# own modality cue into the event ("is considering allowing").
_NEAR_MEMBER_DEPS = frozenset(
    {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"}
)


class Describer:
    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def describe(
        self,
        draft: Draft,
        entities: DocEntities,
        cues: list[Cue],
        scopes: list[ScopeMatch],
        owner_of: dict[int, int],
        number: int,
    ) -> None:
        """Participants, scope, modality, tense, attribution and instrument of one draft."""
        rep = draft.trigger
        for member in draft.members:
            absorbed = member is not rep and rep.rule.absorbs_complement
            for mention in member.agents:
                # "directed Corvex to suspend access": Corvex is told, not telling
                target = draft.affected if absorbed else draft.agents
                if mention not in target:
                    target.append(mention)
            for mention in member.affected:
                if mention not in draft.affected:
                    draft.affected.append(mention)
            for mention in entities.models_in(self.region(member)):
                if mention not in draft.models:
                    draft.models.append(mention)
            if draft.limited is None:
                draft.limited = limited_modifier(member.head, self.lexicon)
        if rep.rule.absorbs_complement and draft.models:
            # "Apple and Google were told to remove Chirper from their stores": those told
            # carry out the measure on another's product, which is what it restricts
            owners = {o.name for m in draft.models if (o := entities.owner_of(m)) is not None}
            draft.affected = [
                m
                for m in draft.affected
                if m not in rep.affected or m.name in owners or entities.actor_kind(m) != "company"
            ]
        if not rep.rule.clause_party:  # a statement may be about its own speaker
            draft.affected = [m for m in draft.affected if m not in draft.agents]
        if self._restricting(rep.type):
            # "revoked Trump's orders": whoever imposed them, or an official, is not relieved
            draft.affected = [
                m
                for m in draft.affected
                if entities.actor_kind(m) not in ("government", "court", "person")
            ]
        if not draft.agents and self._restricting(rep.type):
            place = self.jurisdiction(rep, entities)
            if place is not None and place not in draft.affected:
                draft.agents.append(place)
        if not draft.affected and self._about_someone(rep.type):
            draft.affected = self.owners(draft, entities)
        draft.scopes = [s for s in scopes if owner(s.head, owner_of) == number]
        state = rep.rule.modality == "state"
        told = draft.instrument_trigger or rep  # an order "seeking to delay": the order is told
        draft.modality = modality_of(
            told.head,
            told.light,
            self.lexicon.modality,
            state=state,
            negation_is_meaning=told.rule.negated,
        )
        if draft.modality == "asserted":
            # a merged member may carry the cue ("is considering allowing")
            for member in draft.members[1:]:
                if member is told or told is not rep:
                    continue
                modality = modality_of(
                    member.head,
                    member.light,
                    self.lexicon.modality,
                    state=state,
                    negation_is_meaning=member.rule.negated,
                )
                if modality not in ("asserted", "state") and not path_is_within(
                    member.head, rep.head, _NEAR_MEMBER_DEPS, 1
                ):
                    draft.modality = modality
                    break
        draft.tense = tense_of(told.head, told.light)
        scheme = self.lexicon.scheme_of(rep.type)
        if scheme is not None and scheme.amounts:
            draft.amount = amount_of(rep.head, self.lexicon.money)
        draft.stage = stage_of(rep.head, rep.light, self.lexicon.syntax)
        draft.news = draft.news or self._novel(draft)
        draft.attribution = attribution_for(rep.head, cues)
        if not draft.agents:
            speaker = self.speaker_acting(told, draft.attribution)
            if speaker is not None:
                draft.agents.append(speaker)
        draft.instrument = self.instrument(rep, entities, draft.attribution)
        if draft.instrument is None and draft.instrument_trigger is not None:
            # "an executive order giving the app 45 days": the act is by the order
            draft.instrument = self.instrument(draft.instrument_trigger, entities, None)

    def speaker_acting(self, trigger: Trigger, attribution: Cue | None) -> EntityMention | None:
        """ "'I will issue an order on Monday,' the president wrote": the one quoted acts
        when the act's subject is the first person (``syntax.speaker_pronouns``)."""
        if attribution is None or attribution.source is None:
            return None
        subject = subject_of(trigger.light or trigger.head)
        if subject is None or subject.lower_ not in self.lexicon.syntax.speaker_pronouns:
            return None
        return attribution.source

    def jurisdiction(self, trigger: Trigger, entities: DocEntities) -> EntityMention | None:
        """The government of the place a measure holds in, when its text names no one who
        imposed it ("Corvex was banned in the UK", "barred from Britain's networks")."""
        words = self.lexicon.syntax.jurisdiction_prepositions
        for prep in trigger.head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for token in (obj, *(c for c in obj.children if c.dep_ in ("poss", "compound"))):
                    mention = entities.at(token)
                    if mention is not None and entities.actor_kind(mention) == "government":
                        return mention
        return None

    def sentence_fallback(
        self,
        draft: Draft,
        entities: DocEntities,
        sentence: Span,
        focus: frozenset[str],
        *,
        any_type: bool = False,
    ) -> None:
        """With no party named in its clause, an event that restricts or relieves someone, or
        that must name whom it is about, takes the company or product its sentence names that
        the document is about (``focus``), the nearest to its trigger ("The ban is the result
        of Corvex's failure to comply", in an article about Corvex)."""
        if draft.affected or draft.models or not focus:
            return
        rep = draft.trigger
        if not (any_type or self._about_someone(rep.type)) or self._complied_with(rep.head):
            return
        agents = {m.name for m in draft.agents} | {
            m.affiliation for m in draft.agents if m.affiliation
        }
        responding = {m.name for m in self._responding(rep.head, entities)}
        found = [
            (abs(entities.start_of(m) - rep.head.i), m)
            for m in entities.in_tokens(sentence)
            if m.name not in agents and m.name not in responding and m.name in focus
        ]
        if (
            not found
            and len(focus) == 1
            and (self.lexicon.ends_relief(rep.type) or self._acts_on_a_known_measure(rep))
        ):
            # "The temporary licence expired on June 30", "the appeals court vacated the
            # listing", in an article about Corvex: the relief that ends, or the measure
            # the text has named, is that of the one company the article is about
            found = [(0, m) for m in entities.mentions if m.name in focus and m.name not in agents][
                :1
            ]
        if not found:
            return
        nearest = min(found, key=lambda pair: pair[0])[1]
        (draft.models if entities.is_product(nearest) else draft.affected).append(nearest)

    def _acts_on_a_known_measure(self, rep: Trigger) -> bool:
        """ "vacated the listing", "struck down the ban": a verb whose object is a measure
        named by a definite description."""
        restriction = self.lexicon.word_classes.get("restriction", frozenset())
        definite = self.lexicon.syntax.definite_determiners
        return not rep.is_noun and any(
            o.lemma_.lower() in restriction and determiner(o) in definite
            for o in objects_of(rep.head)
        )

    def _responding(self, head: Token, entities: DocEntities) -> list[EntityMention]:
        """Who acts in response to a measure a phrase of their clause names ("Corvex has
        suspended its sales following an order from the US"): the subject of that clause,
        bound by the measure, is not told to be whom it aims at."""
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return []
        if head.head.lower_ not in self.lexicon.syntax.responding_prepositions:
            return []
        verb = head.head.head
        if verb.pos_ != "VERB":
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return [m for s in subjects if (m := entities.resolve(s)) is not None]

    def _complied_with(self, head: Token) -> bool:
        """A measure someone complies with ("Corvex is complying with the order"): who
        complies is bound by it, and whom it is aimed at is not said."""
        if head.dep_ == "dobj":
            verb = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            verb = head.head.head
        else:
            return False
        return bool(verb_phrases(verb) & self.lexicon.syntax.complying_verbs)

    def _about_someone(self, type_id: str) -> bool:
        """Events that restrict or relieve someone, or that must name whom they are about."""
        type_def = self.lexicon.types.get(type_id)
        if type_def is not None and type_def.needs_party:
            return True
        return self._restricting(type_id)

    def party_of_dated_step(
        self, draft: Draft, entities: DocEntities, sentence: Span, focus: frozenset[str]
    ) -> None:
        """A step its sentence dates, of a type that follows its parties' own steps
        (event_types.yaml ``follows``: "the agreement was approved by a federal judge in
        Dallas on March 22", in an article about Corvex's plea), naming no party: the
        company of its sentence the document is about, as ``sentence_fallback`` finds it.
        Undated, such a mention is more often background ("after courts blocked them")."""
        scheme = self.lexicon.scheme_of(draft.trigger.type)
        if draft.timex is None or scheme is None or not scheme.follows:
            return
        self.sentence_fallback(draft, entities, sentence, focus, any_type=True)

    def _restricting(self, type_id: str) -> bool:
        """Events that restrict or relieve someone (event_types.yaml: affects_owner): with
        no affected party named, the owner of the restricted models is affected."""
        type_def = self.lexicon.scheme_of(type_id)
        return type_def is not None and type_def.affects_owner

    @staticmethod
    def focus(entities: DocEntities) -> frozenset[str]:
        """The companies and products a document is about: named at least twice, and at
        least half as often as the most named one."""
        counts: dict[str, int] = {}
        for mention in entities.mentions:
            if entities.is_product(mention) or entities.actor_kind(mention) == "company":
                counts[mention.name] = counts.get(mention.name, 0) + 1
        if not counts:
            return frozenset()
        top = max(counts.values())
        return frozenset(n for n, c in counts.items() if c >= 2 and c * 2 >= top)

    def _novel(self, draft: Draft) -> bool:
        """A word that makes the event a new step of its kind, on a trigger or its object
        ("adds new affiliates", "another 38 firms", "further restricts")."""
        words = self.lexicon.syntax.novelty_words
        for member in draft.members:
            holders = [member.head, *member.objects, *children(member.head, "dobj", "nsubjpass")]
            for holder in holders:
                for child in holder.children:
                    if child.dep_ in ("amod", "advmod", "det", "nummod") and child.lower_ in words:
                        return True
        return False

    def owners(self, draft: Draft, entities: DocEntities) -> list[EntityMention]:
        """The companies whose products an event concerns ("restrictions on Corvex's
        models"): the owner of each model, or the possessor of what the trigger is "on"."""
        owners: list[EntityMention] = []
        agents = {m.name for m in draft.agents}
        for model in draft.models:
            maker = entities.owner_of(model)
            if maker is not None and maker.name not in agents | {o.name for o in owners}:
                owners.append(maker)
        if owners:
            return owners
        for member in draft.members:
            holders = [
                member.head,
                *children(member.head, "dobj", "obj", "nsubjpass"),
                *member.objects,
            ]
            for holder in holders:
                for prep in children(holder, "prep"):
                    if prep.lower_ not in ("on", "to", "of", "against"):
                        continue
                    for obj in children(prep, "pobj"):
                        for part in (obj, *children(obj, "poss", "compound", "nmod")):
                            mention = (
                                entities.resolve(part) if part.dep_ == "poss" else entities.at(part)
                            )
                            if (
                                mention is not None
                                and entities.actor_kind(mention) == "company"
                                and mention.name not in agents | {o.name for o in owners}
                            ):
                                owners.append(mention)
        if owners:
            return owners
        # "revoked the orders aimed at Corvex", "orders that sought to ban Corvex"
        for member in draft.members:
            for obj in [*member.objects, *children(member.head, "dobj", "obj")]:
                for clause in children(obj, "acl", "relcl"):
                    for mention in entities.in_tokens(clause.subtree):
                        if entities.actor_kind(
                            mention
                        ) == "company" and mention.name not in agents | {o.name for o in owners}:
                            owners.append(mention)
        return owners

    def region(self, trigger: Trigger) -> list[Token]:
        """Words of the trigger's own clause: its arguments, not a coordinated predicate."""
        head = trigger.head
        tokens: list[Token] = []
        stack = [c for c in head.children if self._argument(c)]
        if trigger.rule.modality == "state":
            stack.extend(subjects(head))
        elif not trigger.is_noun and not children(head, "dobj"):
            stack.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
        if trigger.light is not None:
            stack.extend(
                c
                for c in trigger.light.children
                if c.dep_ in ("dobj", "nsubjpass") and c.i != head.i
            )
            # "granted Corvex licences to sell its K20 chips": what the instrument permits
            stack.extend(
                c
                for c in trigger.light.children
                if c.dep_ in ("xcomp", "advcl")
                and has_infinitive_marker(c)
                and not children(c, "mark")
            )
        if trigger.is_noun:
            # "the licences that allowed Corvex to sell K20 chips": what the measure does
            stack.extend(
                c
                for c in head.children
                if c.dep_ == "relcl"
                and any(s.dep_ == "nsubj" and s.lower_ in RELATIVE_PRONOUNS for s in c.children)
            )
        tokens.append(head)
        while stack:
            token = stack.pop()
            tokens.append(token)
            stack.extend(c for c in token.children if not (c.dep_ == "conj" and is_verbal(c)))
        return tokens

    def _argument(self, child: Token) -> bool:
        if child.dep_ == "conj":
            return not is_verbal(child)
        if child.dep_ == "prep":
            return child.lower_ in self.lexicon.syntax.argument_prepositions
        if child.dep_ == "advcl":
            return not any(c.dep_ == "mark" for c in child.children)
        return child.dep_ in _ARGUMENT_DEPS

    @staticmethod
    def instrument(
        trigger: Trigger, entities: DocEntities, cue: Cue | None
    ) -> EntityMention | None:
        """The order, letter or rule the event acts by ("in a letter", "under the order")."""
        own = entities.at(trigger.head)
        if own is not None and entities.is_instrument(own):
            return own
        for token in (trigger.head, trigger.light):
            if token is None:
                continue
            for prep in children(token, "prep"):
                if prep.lower_ in ("in", "by", "through", "via", "under", "with"):
                    for obj in children(prep, "pobj"):
                        mention = entities.at(obj)
                        if mention is not None and entities.is_instrument(mention):
                            return mention
        if cue is not None and cue.instrument_token is not None:
            mention = entities.at(cue.instrument_token)
            if mention is not None and entities.is_instrument(mention):
                return mention
        return None

    def linear_fallbacks(
        self,
        doc: Doc,
        drafts: list[Draft],
        anchors: dict[int, int],
        scopes: list[ScopeMatch],
        entities: DocEntities,
    ) -> None:
        """For a mis-parsed verb trigger, take models and scope from the words after it."""
        for number, draft in enumerate(drafts):
            rep = draft.trigger
            misparsed = rep.head.pos_ == "ADJ" or rep.head.dep_ in (
                "amod",
                "compound",
                "nmod",
                "npadvmod",
            )
            if rep.is_noun or not misparsed or (draft.models and draft.scopes):
                continue
            window = self._window(doc, rep.head, anchors, number)
            if not draft.models:
                draft.models = list(entities.models_in(window))
            if not draft.scopes:
                inside = {t.i for t in window}
                draft.scopes = [
                    s
                    for s in scopes
                    if s.head.i in inside and owner(s.head, anchors) in (None, number)
                ]

    def _window(self, doc: Doc, head: Token, anchors: dict[int, int], number: int) -> list[Token]:
        """Words after a verb trigger up to the clause's end (for mis-parsed sentences)."""
        out: list[Token] = []
        boundaries = self.lexicon.syntax.clause_boundaries
        for token in doc[head.i + 1 : head.sent.end]:
            if token.lower_ in boundaries or (token.i in anchors and anchors[token.i] != number):
                break
            out.append(token)
        return out


def owner(token: Token, anchors: dict[int, int]) -> int | None:
    """The draft (by number) whose anchor governs ``token`` most closely, if any."""
    for current in (token, *token.ancestors):
        if current.i in anchors:
            return anchors[current.i]
    return None


__all__ = ["Describer", "owner"]
