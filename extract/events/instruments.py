"""Step 6 of the events component: which letter or determination carries which act.

Reads: the drafts kept as events and the event types' ``instrument_of``. Adds: for an act
carried out by a letter, a determination or a notice, ``carried_by`` (and the letter's own
instrument entity): the act then takes the letter's date, and the graph keeps the two as
one event. This is the one place instruments are linked to their acts:

* a dated letter carries the nearest undated act of a type it may carry in its paragraph,
  else in the paragraph before ("The move allows ... . The news was confirmed in a letter
  dated March 3");
* an undated one, the nearest such act in its sentence or the next, whose agents do not
  contradict its own ("Commerce wrote to the firm; the letter lifted the curbs").
"""

from __future__ import annotations

import bisect
import re

from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.syntax import Sentences

_PARAGRAPH = re.compile(r"\n\s*\n")
SENTENCE_REACH = 1  # how far (in sentences) an undated instrument may be from its act


def link_instruments(
    text: str, drafts: list[Draft], lexicon: EventLexicon, sentences: Sentences
) -> None:
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)]

    def paragraph(draft: Draft) -> int:
        return bisect.bisect_right(breaks, draft.head.idx)

    def dated(draft: Draft) -> bool:
        return draft.timex is not None and draft.timex.timex.type in ("DATE", "TIME")

    # dated letters first: their date is what an act most needs from a letter
    for letter in sorted(drafts, key=lambda d: not dated(d)):
        type_def = lexicon.types.get(letter.type)
        kinds = type_def.instrument_of if type_def is not None else ()
        if not kinds or letter.modality != "asserted":
            continue
        acts = [
            d
            for d in drafts
            if d is not letter
            and d.type in kinds
            and d.modality == "asserted"
            and d.carried_by is None
        ]
        if dated(letter):
            home = paragraph(letter)
            pool = [
                d
                for d in acts
                if d.timex is None and d.instrument is None and paragraph(d) in (home, home - 1)
            ]
            pool = [d for d in pool if paragraph(d) == home] or pool
        else:
            here = sentences.number(letter.head.i)
            pool = [
                d
                for d in acts
                if abs(sentences.number(d.head.i) - here) <= SENTENCE_REACH
                and _agents_agree(letter, d)
            ]
        if not pool:
            continue
        nearest = min(pool, key=lambda d: abs(d.head.i - letter.head.i))
        nearest.carried_by = letter
        if nearest.instrument is None:
            nearest.instrument = letter.instrument


def _agents_agree(a: Draft, b: Draft) -> bool:
    """No agents on one side, or one in common (by name or by the body it belongs to)."""
    if not a.agents or not b.agents:
        return True
    names_a = {m.name for m in a.agents} | {m.affiliation for m in a.agents if m.affiliation}
    names_b = {m.name for m in b.agents} | {m.affiliation for m in b.agents if m.affiliation}
    return bool(names_a & names_b)


__all__ = ["link_instruments"]
