"""Step 5 of the events component: specific events, not generic statements.

Reads: a described draft and the parse. Adds: the decision whether it is an event. A
specific event names a model, a date or a named participant, or is told as a past fact
about something definite; generic statements ("export controls can slow diffusion",
"blunt export bans", "any future case") are not events.
"""

from __future__ import annotations

from extract.events.draft import Draft
from extract.events.syntax import determiner, finite_governor, in_headline, subjects


def is_specific(draft: Draft, definite: frozenset[str], needs_party: bool = False) -> bool:
    """``definite``: the determiners of a definite description (event_types.yaml:
    syntax.definite_determiners); ``needs_party``: the draft's type is an event only when
    it names whom or what it is about (event_types.yaml: ``needs_party``)."""
    rep = draft.instrument_trigger or draft.trigger  # an order's content: the order is told
    if needs_party and not (draft.affected or draft.models):
        return False
    if draft.models or draft.timex is not None or draft.expires or draft.effective:
        return True
    anaphoric = {i for member in draft.members for i in member.anaphoric}
    named_agents = [m for m in draft.agents if m.id not in anaphoric]
    named_affected = [m for m in draft.affected if m.id not in anaphoric]
    if rep.rule.modality == "state":
        return bool(
            named_agents
            or named_affected
            or draft.scopes
            or determiner(rep.head) in definite
            or any(determiner(s) in definite for s in subjects(rep.head))
        )
    perfect_or_past = draft.tense == "past"
    governor = finite_governor(rep.light or rep.head)
    habitual = (
        draft.tense == "present"
        and draft.modality == "asserted"
        and not in_headline(rep.head)
        and not any(c.dep_ == "aux" and c.lemma_ in ("be", "have") for c in governor.children)
    )
    if not rep.is_noun:
        own_subject = bool(subjects(rep.head)) or rep.head.tag_ not in ("VBG", "VB")
        if named_affected or (named_agents and not habitual and own_subject):
            return True
        if named_agents and draft.modality != "asserted":
            return True  # "Corvex is working to restore access"
        if not own_subject and draft.modality == "asserted":
            # a participle that only inherits its agent ("limiting access")
            return bool(draft.scopes) and perfect_or_past
        has_args = bool(draft.agents or draft.affected or draft.scopes or rep.agent_kind)
        finite = rep.head.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in rep.head.children
        )
        return has_args and perfect_or_past and finite
    if named_agents or named_affected:
        return True
    if rep.light is not None and draft.agents and perfect_or_past and subjects(rep.light):
        return True  # "the company signed binding agreements": an act by the one named before
    det = determiner(rep.head)
    if det is None or det in ("any", "every", "each", "no", "some"):
        return False  # "blunt export bans", "AI export controls", "any future case"
    plural = rep.head.tag_ in ("NNS", "NNPS")
    if det in ("a", "an", "another"):
        return perfect_or_past and not plural
    return det in definite and (perfect_or_past or not plural)


__all__ = ["is_specific"]
