"""Step 4 of the events component: the type of each event, from its triggers and scope.

Reads: a described draft (members, scopes, the limiting modifier found) and the lexicon's
populations and degree words. Adds: the draft's type. A lift is partial or full by the
words around it ("partially lifted"), else by its scope (a lift for trusted partners is
partial, for all users full), else by its rules; a release to a limited group is an
access limit (``when_limited``). A limited group the trigger names becomes a scope.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.participants import DocEntities
from extract.events.scope import ScopeMatch

LIMITED_GROUP = "limited_group"  # the population scopes.yaml gives to "a select group"


def decide_type(draft: Draft, lexicon: EventLexicon) -> None:
    rep = draft.trigger
    event_type = _directed_relief(draft, lexicon) or rep.type
    populations = [lexicon.population(s.population) for s in draft.scopes]
    limiting = (
        any(p is not None and p.limits_lift for p in populations) or draft.limited is not None
    )
    general = any(p is not None and not p.limits_lift for p in populations)
    if event_type in lexicon.by_degree:
        event_type = lexicon.decided(event_type, _degree(draft, lexicon, limiting, general))
    elif limiting and rep.rule.when_limited:
        event_type = rep.rule.when_limited
    draft.type = event_type
    if draft.limited is not None and not any(s.population == LIMITED_GROUP for s in draft.scopes):
        draft.scopes.append(
            ScopeMatch(
                LIMITED_GROUP, draft.limited.doc[draft.limited.i : draft.limited.i + 1], None
            )
        )


_RELIEF = ("lifted", "partially_lifted")


def court_refusals(drafts: list[Draft], lexicon: EventLexicon, entities: DocEntities) -> None:
    """ "A federal judge declined to halt the ban": a court's refusal to take an act is a
    ruling of its own (event_types.yaml ``refused_as``), asserted, not an act negated."""
    for draft in drafts:
        scheme = lexicon.scheme_of(draft.type)
        if draft.modality != "negated" or scheme is None or scheme.refused_as is None:
            continue
        courts = [a for a in draft.agents if entities.actor_kind(a) == "court"]
        if courts or (not draft.agents and draft.trigger.agent_kind == "court"):
            draft.type = scheme.refused_as
            draft.modality = "asserted"


def _directed_relief(draft: Draft, lexicon: EventLexicon) -> str | None:
    """A directive whose complement relieves a measure of the government's own ("an order
    directing the Justice Department to suspend enforcement of the ban") is that relief;
    one directing a restriction ("directed Corvex to suspend access") stays a restriction."""
    rep = draft.trigger
    if not rep.rule.absorbs_complement:
        return None
    own = lexicon.scheme_of(rep.type)
    if own is not None and own.state_effect is None:
        return None  # "asked a judge to block the ban": a request, no block
    for member in draft.members[1:]:
        scheme = lexicon.scheme_of(member.type)
        if (
            scheme is not None
            and scheme.state_effect in _RELIEF
            and scheme.layer == "legal"
            and rep.head.i in {a.i for a in member.head.ancestors}
        ):
            return member.type
    return None


def _degree(draft: Draft, lexicon: EventLexicon, limiting: bool, general: bool) -> str:
    """partial or full, for a lift: the last degree word of its members decides."""
    said = None
    for member in draft.members:
        for child in member.head.children:
            if child.dep_ not in ("advmod", "amod"):
                continue
            if child.lower_ in lexicon.partial_modifiers:
                said = "partial"
            elif child.lower_ in lexicon.full_modifiers:
                said = "full"
        head = member.head
        if (
            said is None
            and head.dep_ == "xcomp"
            and head.head.lemma_.lower() in lexicon.partial_governors
        ):
            said = "partial"  # "began lifting the ban": the first step, the rest still holds
        if said is None and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lexicon.partial_parts
            for c in head.children
        ):
            said = "partial"  # "lifted a portion of the ban"
        if said is None and any(
            c.i > head.i
            and c.lemma_.lower() in lexicon.partial_keepers
            and _keeps_the_measure(c, lexicon)
            for c in head.conjuncts
        ):
            said = "partial"  # "lifted it for mobile users but kept it in place on broadband"
    if said is not None:
        return said
    if limiting:
        return "partial"
    if general:
        return "full"
    if any(m.rule.degree == "partial" for m in draft.members):
        return "partial"
    if any(m.type in lexicon.by_degree and m.rule.degree == "full" for m in draft.members):
        return "full"
    return "partial"  # an authorization: an exemption, the rest stays


def _keeps_the_measure(verb: Token, lexicon: EventLexicon) -> bool:
    """ "kept it in place", "kept the ban on broadband": what is kept is the measure (a
    pronoun for it, or a word for a restriction), not another party ("lifts sanctions on
    Corvex but keeps its former chief on the list")."""
    restriction = lexicon.word_classes.get("restriction", frozenset())
    return any(
        o.pos_ == "PRON" or o.lemma_.lower() in restriction
        for o in verb.children
        if o.dep_ in ("dobj", "obj")
    )


__all__ = ["court_refusals", "decide_type"]
