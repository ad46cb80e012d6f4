"""Part of describing a mention: the step of a process its words name.

"An agreement in principle", "a framework deal", "tentative terms", "the initial
designation" name an early step; "a binding agreement", "the definitive deal", "the final
designation" the one that concludes it. The words are event_types.yaml ``syntax``:
``preliminary_words`` and ``final_words``, read on the trigger's modifiers (an adjective
or a noun before it, "in principle" after it, or after the verb that carries it: "reached
a deal in principle"). A mention naming neither names no step; two naming different
steps are two events (``kg.reconcile``), whatever else they share.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.lexicon import SyntaxWords
from extract.events.syntax import preposition_objects

PRELIMINARY = "preliminary"
FINAL = "final"
# Modifiers that say which step: "binding agreements", "framework deal", "tentatively agreed"
_MODIFIERS = ("amod", "compound", "advmod", "nmod")


def stage_of(head: Token, light: Token | None, syntax: SyntaxWords) -> str | None:
    """``PRELIMINARY``, ``FINAL`` or None for the trigger ``head`` (carried by ``light``)."""
    words = {c.lemma_.lower() for c in head.children if c.dep_ in _MODIFIERS}
    words |= {c.lower_ for c in head.children if c.dep_ in _MODIFIERS}
    for carrier in (head, light):
        if carrier is not None:
            words |= {o.lemma_.lower() for o in preposition_objects(carrier, "in")}
    if words & syntax.preliminary_words:
        return PRELIMINARY
    if words & syntax.final_words:
        return FINAL
    return None


__all__ = ["FINAL", "PRELIMINARY", "stage_of"]
