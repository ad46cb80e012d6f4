"""Archived articles whose year the corpus corrects.

Reads: documents' records, the first clustering's canonical events and the claims. Adds: a
new date for each document whose year was only assumed after its latest dated past (an
archived article collected years later, ``DocumentDate.moved_from``) when the corpus
shows that assumption wrong: a date it gives without a year ("restored on January 19")
made an event no other document of known year tells, and fits, in a later year, an event
of the same kind on the same party that documents date to the day or the month. Such a
document is written no earlier than that event and within as long after it as the
assumption allowed (a year), on a day left to the events it tells: reconciliation then
runs again with it.

Measured on the development stories: it corrects two of their 21 archived articles, both
of them misdated, and none dated right (benchmarks/README.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from extract.records import DateRange, DocumentDate, DocumentRecords
from kg.reconcile.claims import Claim
from kg.reconcile.events import CanonicalEvent, fits_some_year

# An event dated to within this many days (a month) can tell a text's year.
PRECISE_DAYS = 31


def corrected_years(
    records: Sequence[DocumentRecords], events: Sequence[CanonicalEvent], claims: Sequence[Claim]
) -> dict[str, DocumentDate]:
    """Document id -> its new date, for the archived documents the corpus places later."""
    anchored = {r.document.id: r.dct.anchored and r.dct.moved_from is None for r in records}
    event_of = {id(c): event for event in events for c in event.all_claims}
    # events dated to within a month, by kind and participant (never all pairs)
    precise: dict[tuple[str, str], list[CanonicalEvent]] = defaultdict(list)
    for event in events:
        if event.window.bounded and event.window.width <= PRECISE_DAYS:
            for key in event.agents | event.affected | event.models:
                precise[(event.coarse, key)].append(event)
    told_by: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if _relative(claim):
            told_by[claim.doc_id].append(claim)
    corrected: dict[str, DocumentDate] = {}
    for record in records:
        dct = record.dct
        doc_id = record.document.id
        if dct.moved_from is None or doc_id not in told_by:
            continue
        # the last day the text may have been written on, had its year not been assumed
        written_by = dct.moved_from.latest
        after = dct.range.latest.toordinal()
        later: list[int] = []
        for claim in told_by[doc_id]:
            own = event_of.get(id(claim))
            if own is not None and any(s != doc_id and anchored.get(s) for s in own.sources):
                continue  # other documents of known year tell its event: the year fits
            fits = [
                e.window.lo
                for key in claim.participants
                for e in precise.get((claim.coarse, key), ())
                if e.window.lo is not None
                and e.window.lo > after
                and fits_some_year(claim, e.window, written_by)
            ]
            if fits:
                later.append(min(fits))
        if later:
            earliest = date.fromordinal(min(later))
            # within as long after it as the assumption allowed (a year), as for the dates
            # the text gives with their year
            latest = min(written_by, earliest + (dct.moved_from.latest - dct.moved_from.earliest))
            corrected[doc_id] = DocumentDate(
                DateRange(earliest, latest),
                inferred=True,
                evidence=(
                    *dct.evidence,
                    f"its dates without a year fit events other documents date after it: "
                    f"written on or after {earliest}, its year unknown",
                ),
                anchored=False,
            )
    return corrected


def _relative(claim: Claim) -> bool:
    """Dated by an expression read from the document's own date ("on January 19")."""
    timex = claim.timex
    return timex is not None and timex.anchor == "dct" and timex.rule is not None


__all__ = ["PRECISE_DAYS", "corrected_years"]
