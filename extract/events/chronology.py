"""A step of the events component: the entries of a chronology.

Reads: the drafts with their dates, the placed time expressions, the parse. Changes: a line
a date heads ("May 9, 2018: Corvex halts its operations", "June 7 -- Commerce lifts the
ban") tells what happened that day, in the present of a list of dates: what its main clause
asserts, with no date of its own, is dated by the entry and told in the past. Background
in its subordinate clauses ("after the company agrees to pay a fine") keeps no date.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.events.discourse import perfect_past
from extract.events.draft import Draft
from extract.events.syntax import MAIN_CLAUSE_DEPS
from extract.events.timing import PlacedTimex
from extract.temporal.dateline import chronology_entries, entry_end


def date_chronology_entries(drafts: Sequence[Draft], placed: Sequence[PlacedTimex]) -> None:
    if not placed:
        return
    text = placed[0].span.doc.text
    by_id = {item.timex.id: item for item in placed}
    for entry in chronology_entries(text, (item.timex for item in placed)):
        if entry.function is not None:
            continue  # the document's own date
        item = by_id[entry.id]
        end = entry_end(text, entry)
        for draft in drafts:
            head = draft.trigger.head
            if not entry.span.end <= head.idx < end:
                continue
            if draft.timex is not None and draft.timex.timex.id != entry.id:
                continue
            if draft.modality != "asserted" or draft.tense == "future" or perfect_past(head):
                continue
            if not _main_clause((draft.instrument_trigger or draft.trigger).head):
                continue
            draft.timex = item
            if draft.tense == "present":
                draft.tense = "past"


def _main_clause(token: Token) -> bool:
    while token.dep_ != "ROOT":
        if token.dep_ not in MAIN_CLAUSE_DEPS:
            return False
        token = token.head
    return True


__all__ = ["date_chronology_entries"]
