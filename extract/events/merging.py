"""Step 2 of the events component: triggers that name one event become one ``Draft``.

Reads: the triggers of a document (``triggers.py``) and the parse. Adds: drafts, each with
its member triggers ("issued an export block that prohibited ...", "designated ...,
effectively blacklisting ...", "directed Corvex to suspend access" are one event each)
and its anchors: the tokens whose dependents (dates, scopes, cues) belong to the event.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.syntax import children, path_is_within
from extract.events.triggers import Trigger

# Dependencies along which two triggers may name one event.
_MERGE_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "relcl",
        "pcomp",
        "prep",
        "dobj",
        "pobj",
        "appos",
        "oprd",
        "attr",
        "nsubjpass",
        "compound",
    }
)


_RELIEF = ("lifted", "partially_lifted")


class Merger:
    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        cues = lexicon.relations
        # the last word of a relation cue ("after", "prior to") separates two events
        self.separating = frozenset(
            w for phrase in (*cues.after, *cues.before) for w in phrase.split()[-1:]
        ) | {"prior"}

    def merge(self, triggers: Sequence[Trigger]) -> list[Draft]:
        triggers = self._without_lifted_measures(triggers)
        by_head = {t.head.i: t for t in triggers}
        # "revoked licences ..., barring Corvex from ...": the participle clause on the verb
        # carrying a noun trigger says what the act does, as one on the noun would
        by_light = {t.light.i: t for t in triggers if t.light is not None}
        parent: dict[int, int] = {}
        for trigger in triggers:
            step = trigger.head
            for ancestor in trigger.head.ancestors:
                other = by_head.get(ancestor.i)
                if other is None and _participle_act(trigger.head, step):
                    other = by_light.get(ancestor.i)
                step = ancestor
                if other is None or other is trigger:
                    continue
                if self._mergeable(other, trigger, ancestor):
                    parent[trigger.head.i] = other.head.i
                break
        # a participle clause the parser hung on the verb of an instrument noun ("signed an
        # order on Monday seeking to delay ..."): not an ancestor, still the order's content
        for noun in triggers:
            if not noun.rule.content_clause or noun.head.i in parent:
                continue
            for other in triggers:
                if other is not noun and other.head.i not in parent and _in_clause_of(other, noun):
                    parent[other.head.i] = noun.head.i
        groups: dict[int, list[Trigger]] = {}
        for trigger in triggers:
            root = trigger.head.i
            while root in parent:
                root = parent[root]
            groups.setdefault(root, []).append(trigger)
        drafts = []
        for root, members in groups.items():
            members.sort(key=lambda t: (t.head.i != root, t.head.i))
            members = self._specific_first(_content_first(members))
            draft = Draft(members, instrument_trigger=instrument_of(members))
            self._collect_anchors(draft)
            drafts.append(draft)
        return drafts

    def _specific_first(self, members: list[Trigger]) -> list[Trigger]:
        """A verb of the most general type of its kind yields the place of representative to
        the noun it acts on that names a finer one ("granted Vidly's request for an
        injunction": the injunction, not a ruling); a verb a noun's rule names as its
        carrier yields it to a noun that names its act (``names_its_verb``: "six more
        months")."""
        verb = members[0].head
        for member in members[1:]:
            acts = member.rule.governor_acts
            carried = isinstance(acts, tuple) and verb.lemma_.lower() in acts
            if member.rule.names_its_verb and carried and member.head.head.i == verb.i:
                # "gives operators six more months": more time, not a demand
                return [member, *[m for m in members if m is not member]]
        root = self.lexicon.scheme_of(members[0].type)
        if root is None or root.coarse != root.id:
            return members
        for member in members[1:]:
            found = self.lexicon.scheme_of(member.type)
            if (
                member.rule.governor_acts
                and found is not None
                and found.coarse == root.coarse
                and found.id != root.id
                and member.head.head.i == members[0].head.i
            ):
                return [member, *[m for m in members if m is not member]]
        return members

    def _mergeable(self, upper: Trigger, lower: Trigger, via: Token) -> bool:
        """Whether ``lower`` names the event of ``upper``, which governs it through ``via``
        (its head, or the verb carrying it)."""
        if upper.rule.reports_content or lower.rule.reports_content:
            return False  # "said in a blog post that it may release ...": two mentions
        if (
            lower.rule.content_clause
            and lower.head.dep_ in ("nsubj", "nsubjpass")
            and lower.head.head.i == upper.head.i
        ):
            return True  # "the new order revokes the bans": the order does the revoking
        if not path_is_within(lower.head, via, _MERGE_DEPS):
            return False
        if upper.rule.content_clause and _in_clause_of(lower, upper):
            return True  # "an executive order revoking the bans": one act, the revocation
        marks = self.lexicon.syntax.separating_marks
        for step in (lower.head, *lower.head.ancestors):
            if step.i == via.i:
                break
            if step.dep_ == "prep" and step.lower_ in self.separating:
                return False  # "... two weeks after imposing export controls": two events
            if step.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in marks for c in step.children
            ):
                return False  # "banned X after Y banned Z": two events
        if upper.rule.absorbs_complement:
            return True
        return (
            self._kind(upper.type) == self._kind(lower.type)
            and upper.rule.modality == lower.rule.modality
        )

    def _without_lifted_measures(self, triggers: Sequence[Trigger]) -> list[Trigger]:
        """A restriction named as what a relief acts on ("eased the restrictions", "the ban
        was lifted") is the measure relieved, not a new one; a relief named as what ends
        ("the licence expired", "revoked the licences") is the relief ended."""
        relief = {t.head.i: t for t in triggers if self.lexicon.state_effect(t.type) in _RELIEF}
        ending = {t.head.i: t for t in triggers if self.lexicon.ends_relief(t.type)}
        kept = []
        for trigger in triggers:
            head = trigger.head
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
                head = head.head.head  # "delayed enforcement of the ban": what is delayed
            lifts = relief.get(head.head.i)
            if lifts is None and head.dep_ == "dobj" and head.head.dep_ == "pcomp":
                # "blocked the state from enforcing its ban": what the relief stops applying
                lifts = relief.get(head.head.head.head.i)
            if (
                lifts is not None
                and trigger.is_noun
                and self.lexicon.state_effect(trigger.type) == "restricted"
                and head.dep_ in ("dobj", "nsubjpass")
            ):
                # whom the measure restricted ("the ban on Corvex") the relief relieves
                lifts.affected.extend(m for m in trigger.affected if m not in lifts.affected)
                continue
            ends = ending.get(trigger.head.head.i)
            content = (
                ends is not None
                and ends.is_noun
                and trigger.head.dep_ == "acl"
                and self.lexicon.state_effect(trigger.type) in _RELIEF
            )  # "revoked licences allowing Corvex to buy chips": what the licences allowed
            if content or (
                ends is not None
                and trigger.is_noun
                and self.lexicon.state_effect(trigger.type) in _RELIEF
                and trigger.head.dep_ in ("nsubj", "dobj", "nsubjpass")
            ):
                assert ends is not None
                # "the licence expired", "revoked the licence": the relief that ends
                ends.affected.extend(m for m in trigger.affected if m not in ends.affected)
                continue
            kept.append(trigger)
        return kept

    def _kind(self, type_id: str) -> str:
        """What two triggers of one event share: their coarse type, or the type the text
        decides by degree (a lift)."""
        return type_id if type_id in self.lexicon.by_degree else self.lexicon.coarse(type_id)

    def _collect_anchors(self, draft: Draft) -> None:
        """Tokens whose dependents (dates, scopes, cues) belong to this event."""
        occurrence = self.lexicon.occurrence_verbs
        for member in draft.members:
            draft.anchors.add(member.head.i)
            if member.light is not None:
                draft.anchors.add(member.light.i)
            head = member.head
            # "The move ... took place in early June", "The ban came into force on ..."
            if head.dep_ in ("nsubj", "nsubjpass") or (
                head.head.dep_ in ("nsubj",) and head.dep_ in ("acl", "relcl")
            ):
                verb = head.head if head.dep_.startswith("nsubj") else head.head.head
                phrase = verb.lemma_.lower()
                objects = children(verb, "dobj")
                if objects:
                    # "took effect", "took place"; "entered its second week" tells how long
                    # the measure has lasted, not when it happened
                    phrase = f"{phrase} {objects[0].lower_}"
                if phrase in occurrence:
                    draft.anchors.add(verb.i)


_CLAUSE_DEPS = ("acl", "relcl")
_WITHIN_CLAUSE = ("xcomp", "ccomp", "acl", "relcl")


def _in_clause_of(lower: Trigger, upper: Trigger) -> bool:
    """Whether ``lower`` heads a clause on the noun ``upper``, or the verb a clause's own
    verbs lead to ("an order revoking ...", "an order seeking to delay ..."); also a
    participle clause the parser hung on the verb that governs the noun ("signed an order
    on Monday seeking to delay ...")."""
    noun = upper.head
    governor = noun.head if noun.dep_ in ("dobj", "obj") else None
    token = lower.head
    for _ in range(4):
        if token.dep_ not in (*_WITHIN_CLAUSE, "advcl") or token.head.i == token.i:
            return False
        if token.head.i == noun.i:
            return token.dep_ in _CLAUSE_DEPS
        if governor is not None and token.head.i == governor.i:
            return token.dep_ == "advcl" and token.tag_ == "VBG"
        token = token.head
    return False


def _content_first(members: list[Trigger]) -> list[Trigger]:
    """An instrument noun with a content clause yields the place of representative to the
    clause's trigger: the event is what the order does."""
    root = members[0]
    if not root.rule.content_clause:
        return members
    for member in members[1:]:
        if _in_clause_of(member, root):
            return [member, *[m for m in members if m is not member]]
    return members


def instrument_of(draft_members: list[Trigger]) -> Trigger | None:
    """The instrument noun whose content clause the representative trigger is, if any."""
    rep = draft_members[0]
    for member in draft_members[1:]:
        if member.rule.content_clause and _in_clause_of(rep, member):
            return member
    return None


__all__ = ["Merger", "instrument_of"]


def _participle_act(head: Token, step: Token) -> bool:
    """Whether ``head`` is the participle clause ``step`` ("..., barring Corvex") or its
    object ("..., tightening export restrictions"), not an act further down it."""
    if step.dep_ != "advcl" or step.tag_ != "VBG":
        return False
    return head.i == step.i or (head.dep_ == "dobj" and head.head.i == step.i)
