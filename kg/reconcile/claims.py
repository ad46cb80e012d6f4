"""Claims: each reported event of each document, with canonical participants and a first date.

Reads: documents' records and the canonical entity index. Adds: ``Claim`` objects, the unit
reconciliation clusters. Only asserted mentions of timeline types become event claims;
state claims ("remains restricted") are kept apart for the state and disagreement layers;
planned, negated, hypothetical, requested and speculative mentions stay in their
document's graph and never become events that happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.records import DateRange, DocumentDate, DocumentRecords, EventMention, Timex
from extract.temporal.dateline import STAMP_CHARS
from kg.reconcile.entities import EntityIndex
from kg.reconcile.intervals import Window
from kg.reconcile.vagueness import stretched
from kg.schema import EventType, EventTypes

HAPPENED = "asserted"
STATE = "state"
# An event a document tells as its news (its headline, "another", "new"), with no date of
# its own, happened at most this many days before the document was written (measured on
# the development stories: a week keeps the news of one day apart from the step of another
# week that two weeks merged, on no story worse; benchmarks/README.md).
NEWS_WITHIN_DAYS = 7
# ... when the document's own date is known to within this many days (a month).
NEWS_DCT_DAYS = 31


@dataclass(frozen=True)
class Claim:
    doc_id: str
    mention: EventMention
    type: EventType
    agents: frozenset[str]
    affected: frozenset[str]
    models: frozenset[str]
    timex: Timex | None
    dct: DocumentDate
    sentence_index: int
    window: Window  # what this claim alone says of the date, before reconciliation
    owners: frozenset[str] = frozenset()  # makers of its models, implied participants
    effective: DateRange | None = None  # when the measure takes effect, as told here
    expires: DateRange | None = None  # when it lapses, as told here

    @property
    def coarse(self) -> str:
        return self.type.coarse

    @property
    def order(self) -> tuple[str, int]:
        return (self.doc_id, self.mention.trigger.start)

    @property
    def populations(self) -> frozenset[str]:
        return frozenset(s.population for s in self.mention.scope)

    @property
    def participants(self) -> frozenset[str]:
        return self.agents | self.affected | self.models

    @property
    def dated(self) -> bool:
        return self.timex is not None and self.timex.range is not None

    @property
    def stamped(self) -> bool:
        """Dated only by the page's own date at the head of its text ("date 2026-05-14
        Corvex has been granted ..."): news then, on that day or in the days before."""
        return _stamp(self.timex, self.dct)

    @property
    def floating(self) -> bool:
        """Dated relative to a document whose year is unknown ("in April", "last Friday" in
        an article that gives no year): the date fits any year; the event it joins, dated
        by other documents, gives the year."""
        timex = self.timex
        return (
            not self.dct.anchored
            and timex is not None
            and timex.anchor == "dct"
            and timex.rule is not None
        )


@dataclass(frozen=True)
class ClaimSet:
    events: list[Claim]  # asserted mentions of timeline types
    states: list[Claim]  # state claims
    other: list[Claim]  # everything else (modal mentions, off-timeline types)


def build_claims(
    records: Sequence[DocumentRecords], entities: EntityIndex, types: EventTypes
) -> ClaimSet:
    events: list[Claim] = []
    states: list[Claim] = []
    other: list[Claim] = []
    for item in records:
        doc_id = item.document.id
        sentence_starts = sorted(s.start for s in item.sentences)
        timexes = {t.id: t for t in item.timexes}

        def keys(ids: Sequence[str], doc_id: str = doc_id) -> frozenset[str]:
            return frozenset(k for i in ids if (k := entities.key(doc_id, i)) is not None)

        def acting(ids: Sequence[str], doc_id: str = doc_id) -> frozenset[str]:
            """Agents, with the body each official acts for ("Commerce Secretary Roe")."""
            found = set(keys(ids, doc_id))
            for key in list(found):
                found.update(entities.bodies.get(key, ()))
            return frozenset(found)

        for mention in item.events:
            timex = timexes.get(mention.timex) if mention.timex else None
            claim = Claim(
                doc_id=doc_id,
                mention=mention,
                type=types.get(mention.type),
                agents=acting(mention.agents),
                affected=keys(mention.affected),
                models=keys(mention.models),
                timex=timex,
                dct=item.dct,
                sentence_index=_index(sentence_starts, mention.sentence.start),
                window=first_window(mention, timex, item.dct),
                effective=_bound(timexes.get(mention.effective or ""), item.dct),
                expires=_bound(timexes.get(mention.expires or ""), item.dct),
            )
            if claim.effective is not None and mention.tense != "future":
                # decided by the day it took effect
                decided = claim.window.intersect(Window(None, claim.effective.latest.toordinal()))
                if not decided.empty:
                    claim = replace(claim, window=decided)
            models = claim.models
            owners = frozenset(o for m in models if (o := entities.owners.get(m)) is not None)
            if owners:
                claim = replace(claim, owners=owners)
            if mention.modality == STATE:
                states.append(claim)
            elif mention.modality == HAPPENED and (
                claim.type.on_timeline or claim.type.instrument_of
            ):
                # An instrument (a letter) is off the timeline itself but lends its date
                # to the act it carries out (see events.py).
                events.append(claim)
            else:
                other.append(claim)
    key = _claim_order
    return ClaimSet(sorted(events, key=key), sorted(states, key=key), sorted(other, key=key))


def first_window(mention: EventMention, timex: Timex | None, dct: DocumentDate) -> Window:
    """The date one mention gives: its time expression, and no later than its document. A
    date relative to a document of unknown year gives no year: only the bound of the
    document (see ``Claim.floating``)."""
    window = Window.of(mention.date) if mention.date is not None else Window()
    floating = not dct.anchored and timex is not None and timex.anchor == "dct"
    if floating:
        window = Window()
    elif _stamp(timex, dct):
        assert timex is not None and timex.range is not None
        day = timex.range.latest.toordinal()
        window = Window(day - NEWS_WITHIN_DAYS, day)
    elif timex is not None and timex.range is not None:
        window = Window.of(stretched(timex.range, timex.rule, timex.mod))
    if (
        mention.news
        and mention.date is None
        and not dates_itself(timex)
        and dct.anchored
        and dct.range.days <= NEWS_DCT_DAYS
    ):
        # told as the document's news, with no date of its own: shortly before it was
        # written (when that is known within days; a guessed year of writing says little)
        window = Window(dct.range.earliest.toordinal() - NEWS_WITHIN_DAYS, None)
    if mention.modality in (HAPPENED, STATE) and mention.tense != "future":
        # Reported as having happened: by the time the document was written. A date after
        # the document contradicts it; the date is kept, and the solver sets aside one.
        reported = window.intersect(Window(None, dct.range.latest.toordinal()))
        if not reported.empty:
            window = reported
    return window


def dates_itself(timex: Timex | None) -> bool:
    """Whether a mention's time expression gives it a date: not only how long after
    another event it came ("two months after Washington allowed it": a lag, anchored to
    that event)."""
    return timex is not None and not (
        timex.type == "DURATION" and timex.anchor.startswith("event:")
    )


def _stamp(timex: Timex | None, dct: DocumentDate) -> bool:
    return (
        timex is not None
        and timex.span.start <= STAMP_CHARS
        and timex.range is not None
        and timex.range == dct.range
        and timex.range.earliest == timex.range.latest
    )


def _bound(timex: Timex | None, dct: DocumentDate) -> DateRange | None:
    """The day a period starts or ends, as one mention gives it; None when its year is
    unknown (relative to a document of unknown year)."""
    if timex is None or timex.range is None:
        return None
    if not dct.anchored and timex.anchor == "dct":
        return None
    return timex.range


def _index(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def _claim_order(claim: Claim) -> tuple[str, int, str]:
    return (claim.doc_id, claim.mention.trigger.start, claim.mention.id)
