"""A step of the events component: each mention read against the document's others.

Reads: the typed, described drafts of one document. Changes: a statement that only tells
an event which happened is that event's report, not an event of its own; a demonstrative
mention ("this licence") is as uncertain as the mention it points back to; a mention whose
rule lets the document decide its type takes the type the document's other mentions use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from extract.events.draft import Draft
from extract.events.syntax import determiner


def reports_an_event(draft: Draft, drafts: Sequence[Draft]) -> bool:
    """A statement that tells an event which happened ("announced it had lifted the order")
    is that event's report, not an event of its own (rule flag ``reports_content``)."""
    if not draft.trigger.rule.reports_content:
        return False
    clause = {t.i for t in draft.trigger.head.subtree} - {draft.trigger.head.i}
    return any(
        other is not draft and other.trigger.head.i in clause and other.modality == "asserted"
        for other in drafts
    )


def inherit_modality(drafts: Sequence[Draft], demonstratives: frozenset[str]) -> None:
    """ "Corvex might get a temporary licence. ... this licence would help its customers":
    a demonstrative mention ("this licence") with no date and no verb of its own refers
    back to the last mention of its type, and is as uncertain as that one."""
    last: dict[str, Draft] = {}
    for draft in sorted(drafts, key=lambda d: d.trigger.head.i):
        rep = draft.trigger
        before = last.get(draft.type)
        if (
            before is not None
            and before.modality != "asserted"
            and draft.modality == "asserted"
            and rep.is_noun
            and rep.light is None
            and draft.timex is None
            and determiner(rep.head) in demonstratives
        ):
            draft.modality = before.modality
        last[draft.type] = draft


def types_from_context(drafts: Sequence[Draft]) -> None:
    """A mention whose rule lets the document decide its type (``context_types``: "the
    60-day extension", of a licence or of a deadline) takes the one of those types the
    document's other mentions use most; the nearest before it breaks a tie."""
    told = [d for d in drafts if not d.trigger.rule.context_types and d.modality == "asserted"]
    for draft in drafts:
        choices = draft.trigger.rule.context_types
        if not choices:
            continue
        counts = Counter(d.type for d in told if d.type in choices)
        if not counts:
            continue
        here = draft.trigger.head.i
        nearest = {d.type: -abs(d.trigger.head.i - here) for d in told if d.type in choices}
        draft.type = max(counts, key=lambda t: (counts[t], nearest[t]))


__all__ = ["inherit_modality", "reports_an_event", "types_from_context"]
