"""Best-supported values of a canonical event: the date most independent sources give.

Reads: the claims clustered into one event. Adds: a ``DateVote``: the window the evidence
best supports, the claims that agree with it and those that dissent. Each document has
one vote, shared among the dates it gives; a date a document gives relative to its own
inferred date ("last Tuesday" in an undated article) weighs half. A vague date ("June",
"earlier this month") supports every precise date inside it and never dissents from
them: only dates that cannot both hold disagree (two different days). The window is
the best-supported date, narrowed by every agreeing claim; never the union of every
source's guess, nor the narrowest window any one source gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extract.records import Amount
from kg.reconcile.claims import NEWS_WITHIN_DAYS, Claim
from kg.reconcile.intervals import Window
from kg.reconcile.vagueness import stretched

# Weight of a date resolved against a document date that is itself only inferred.
RELATIVE_TO_INFERRED = 0.5
# Weight of a date only the page's date stamp gives.
STAMPED = 0.5
# Sums further apart than this share of the larger are different sums ($892 million and
# $1.19 billion), not two roundings of one ($1.19 billion and $1.2 billion).
SUM_TOLERANCE = 0.05


@dataclass(frozen=True)
class DateVote:
    window: Window
    support: float  # weight of the documents whose dates agree with the window
    agreeing: tuple[Claim, ...] = ()
    dissenting: tuple[Claim, ...] = field(default=())


def stated_window(claim: Claim) -> Window | None:
    """The date a claim states itself (its time expression, softened), or None (also for a
    date that gives no year: ``Claim.floating``)."""
    if claim.floating:
        return None
    timex = claim.timex
    if timex is not None and timex.range is not None and timex.type in ("DATE", "TIME"):
        return Window.of(stretched(timex.range, timex.rule, timex.mod))
    if claim.mention.date is not None:
        return Window.of(claim.mention.date)
    return None


def _weight(claim: Claim) -> float:
    timex = claim.timex
    if timex is not None and timex.anchor == "dct" and claim.dct.inferred:
        return RELATIVE_TO_INFERRED
    return 1.0


def vote_date(claims: Sequence[Claim], fallback: Window) -> DateVote:
    """The best-supported date of one event's claims (``fallback`` when none is dated)."""
    votes: list[tuple[Window, str, float, Claim]] = []
    for claim in claims:
        window = stated_window(claim)
        if window is not None and not window.empty:
            votes.append((window, claim.doc_id, _weight(claim), claim))
    if not votes:
        return DateVote(fallback, 0.0)
    by_doc: dict[str, list[tuple[Window, float]]] = defaultdict(list)
    for window, doc_id, weight, claim in votes:
        if claim.stamped and window.hi is not None:
            # it supports any day of the news it was, and proposes its own day last
            window = Window(window.hi - NEWS_WITHIN_DAYS, window.hi)
            weight *= STAMPED
        by_doc[doc_id].append((window, weight))

    def support(candidate: Window) -> float:
        total = 0.0
        for options in by_doc.values():
            share = 1.0 / len({w for w, _ in options})
            total += max((wt * share for w, wt in options if w.overlaps(candidate)), default=0.0)
        return total

    scored = {window: support(window) for window, *_ in votes}
    told = {window for window, _, _, claim in votes if not claim.stamped}
    # as well supported, as precise: the day a report written nearest after it gives (the
    # news of the day, over a retelling months later)
    lag: dict[Window, int] = {}
    for window, _, _, claim in votes:
        if window.hi is not None:
            days = max(0, claim.dct.range.earliest.toordinal() - window.hi)
            lag[window] = min(days, lag.get(window, days))
    ranked = sorted(
        scored,
        key=lambda w: (-scored[w], w not in told, w.width, lag.get(w, 1 << 30), w.lo or 0),
    )
    chosen = ranked[0]
    for window in ranked[1:]:
        narrowed = chosen.intersect(window)
        if not narrowed.empty:
            chosen = narrowed
    agreeing = tuple(c for w, _, _, c in votes if w.overlaps(chosen))
    dissenting = tuple(c for w, _, _, c in votes if not w.overlaps(chosen))
    return DateVote(chosen, scored[ranked[0]], agreeing, dissenting)


def same_sum(a: Amount, b: Amount) -> bool:
    if a.currency != b.currency:
        return False
    larger = max(a.value, b.value)
    return larger == 0 or abs(a.value - b.value) <= SUM_TOLERANCE * larger


def sums_apart(mine: Iterable[Claim], theirs: Iterable[Claim]) -> bool:
    """Whether both sides give the sum they are about and no sum of one is one of the
    other's: two payments, not two reports of one."""
    a = [c.mention.amount for c in mine if c.mention.amount is not None]
    b = [c.mention.amount for c in theirs if c.mention.amount is not None]
    return bool(a and b) and not any(same_sum(x, y) for x in a for y in b)


def stages_apart(mine: Iterable[Claim], theirs: Iterable[Claim]) -> bool:
    """Whether one side names a step of a process the other names another of ("an agreement
    in principle", "a binding agreement"): two steps, not two reports of one."""
    a = {c.mention.stage for c in mine if c.mention.stage is not None}
    b = {c.mention.stage for c in theirs if c.mention.stage is not None}
    return bool(a and b) and not a & b


def vote_amount(claims: Iterable[Claim]) -> Amount | None:
    """The sum most documents give an event (of the sums that agree, the one told first),
    or None when none gives one."""
    told: list[tuple[str, Amount]] = [
        (c.doc_id, c.mention.amount) for c in claims if c.mention.amount is not None
    ]
    best: tuple[int, Amount] | None = None
    for _, amount in told:
        documents = len({doc for doc, other in told if same_sum(amount, other)})
        if best is None or documents > best[0]:
            best = (documents, amount)
    return best[1] if best is not None else None


__all__ = [
    "DateVote",
    "same_sum",
    "stages_apart",
    "stated_window",
    "sums_apart",
    "vote_amount",
    "vote_date",
]
