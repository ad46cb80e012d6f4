"""The dates of a chronology's entries: a year-less one takes its year from the entry before.

Reads: a document's text and its time expressions. Changes: in a chronology (lines a date
heads: "June 6, 2039 - The commission orders ...", "June 8 - Velkor says ..."), a date given
without a year that follows an entry dated with its year is read from that entry, in the
direction the list runs (oldest first unless its dated entries say otherwise), not from
the document's date: a timeline published in April lists the June before it, not the
June after. Entries before any year is given stay read from the document's date, whose
year the corpus may still place (``kg.reconcile``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.records import Timex
from extract.temporal.dateline import chronology_entries
from extract.temporal.rules import resolve_range
from extract.temporal.tagger import value_after_reresolution

# Directions of a year-less date's rule (extract.temporal.rules) this re-reads.
_SEEKING = ("near", "last", "next")


def anchor_chronology(text: str, timexes: Sequence[Timex]) -> list[Timex]:
    """``timexes`` with each year-less chronology entry anchored on the entry before it."""
    entries = [t for t in chronology_entries(text, timexes) if t.function is None]
    dated = [t.range.earliest for t in entries if t.anchor == "none" and t.range is not None]
    if not dated:
        return list(timexes)
    # a list of the newest first runs backwards
    direction = "last" if len(dated) > 1 and dated == sorted(dated, reverse=True) else "next"
    changed: dict[str, Timex] = {}
    previous: Timex | None = None
    for entry in entries:
        if entry.anchor == "none":
            previous = entry
            continue
        seek, _, rest = (entry.rule or "").partition(":")
        if (
            previous is None
            or previous.range is None
            or entry.anchor != "dct"
            or seek not in _SEEKING
            or not rest
        ):
            previous = None  # a year the list does not give: the rest stays as read
            continue
        rule = f"{direction}:{rest}"
        try:
            found = resolve_range(rule, previous.range)
        except ValueError:
            previous = None
            continue
        entry = replace(
            entry,
            anchor=f"timex:{previous.id}",
            rule=rule,
            range=found,
            value=value_after_reresolution(entry, rule, found),
        )
        changed[entry.id] = entry
        previous = entry
    return [changed.get(t.id, t) for t in timexes]


__all__ = ["anchor_chronology"]
