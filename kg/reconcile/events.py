"""Clustering claims into canonical events, within and across documents.

Reads: event claims. Adds: ``CanonicalEvent`` clusters. Two claims are one event when they
have the same coarse type, compatible dates and compatible participants (no two different
models, at least one shared participant unless one side names none). Claims are taken
most precisely dated first, so vague mentions ("the previous month's directive") join the
event a dated mention ("the June 12 order") founded. Candidates are found through an index
on participants and documents, never by comparing all pairs.

An instrument (a letter, a determination) is not an event of its own when its document
mentions the act it carries out next to it: it joins that act, and lends it its date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.reconcile.claims import Claim
from kg.reconcile.entities import EntityIndex
from kg.reconcile.intervals import Window
from kg.schema import EventTypes

# Sources may disagree on a date by this many days and still report the same event; the
# disagreement is kept (see conflicts.py), not hidden.
DATE_TOLERANCE_DAYS = 2
# How far (in sentences) an instrument may be from the act it carries out.
INSTRUMENT_REACH = 1


@dataclass
class CanonicalEvent:
    claims: list[Claim]
    window: Window
    key: str = ""
    instruments: list[Claim] = field(default_factory=list)
    date_conflict: bool = False

    @property
    def all_claims(self) -> list[Claim]:
        return sorted(self.claims + self.instruments, key=lambda c: c.order)

    @property
    def coarse(self) -> str:
        return self.claims[0].coarse

    @property
    def type_id(self) -> str:
        counts = Counter(c.type.id for c in self.claims)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    @property
    def sources(self) -> list[str]:
        return sorted({c.doc_id for c in self.all_claims})

    def participants(self, role: str) -> Counter[str]:
        counts: Counter[str] = Counter()
        for claim in self.all_claims:
            counts.update(getattr(claim, role))
        return counts

    @property
    def models(self) -> frozenset[str]:
        return frozenset(self.participants("models"))

    @property
    def affected(self) -> frozenset[str]:
        return frozenset(self.participants("affected"))

    @property
    def agents(self) -> frozenset[str]:
        return frozenset(self.participants("agents"))


def cluster_claims(
    claims: list[Claim], types: EventTypes, entities: EntityIndex
) -> list[CanonicalEvent]:
    attachments = _instrument_attachments(claims, types, entities)
    acts = [c for c in claims if id(c) not in attachments]
    clusters: list[CanonicalEvent] = []
    by_participant: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_document: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_type: dict[str, list[int]] = defaultdict(list)
    cluster_of: dict[int, int] = {}
    for claim in sorted(acts, key=_specificity):
        candidates: set[int] = set()
        for participant in claim.participants:
            candidates.update(by_participant[(claim.coarse, participant)])
        candidates.update(by_document[(claim.coarse, claim.doc_id)])
        if not claim.participants:
            candidates.update(by_type[claim.coarse])
        best: tuple[float, int] | None = None
        for index in sorted(candidates):
            score = _score(claim, clusters[index])
            if score is not None and (best is None or score > best[0]):
                best = (score, index)
        if best is None:
            clusters.append(CanonicalEvent([claim], claim.window))
            target = len(clusters) - 1
            by_type[claim.coarse].append(target)
        else:
            target = best[1]
            _join(clusters[target], claim)
        cluster_of[id(claim)] = target
        for participant in claim.participants:
            if target not in by_participant[(claim.coarse, participant)]:
                by_participant[(claim.coarse, participant)].append(target)
        if target not in by_document[(claim.coarse, claim.doc_id)]:
            by_document[(claim.coarse, claim.doc_id)].append(target)
    for claim in claims:
        act = attachments.get(id(claim))
        if act is not None:
            event = clusters[cluster_of[id(act)]]
            event.instruments.append(claim)
            joined = event.window.intersect(claim.window)
            if not joined.empty:
                event.window = joined
    return clusters


def _specificity(claim: Claim) -> tuple[float, int, str, int]:
    """Most precisely dated first; then the ones naming most participants."""
    return (claim.window.width, -len(claim.participants), claim.doc_id, claim.mention.trigger.start)


def _score(claim: Claim, event: CanonicalEvent) -> float | None:
    """How well a claim fits an event; None when it cannot be the same event."""
    window = claim.window.intersect(event.window)
    near_conflict = False
    if window.empty:
        if not _within_tolerance(claim.window, event.window):
            return None
        near_conflict = True
    if claim.models and event.models and not claim.models & event.models:
        return None
    shared_models = len(claim.models & event.models)
    shared_affected = len(claim.affected & event.affected)
    shared_agents = len(claim.agents & event.agents)
    same_document = claim.doc_id in event.sources
    if near_conflict and not (shared_models or shared_affected):
        return None
    if claim.affected and event.affected and not shared_affected and not shared_models:
        return None
    score = 3.0 * shared_models + 2.0 * shared_affected + 1.0 * shared_agents
    if (
        score == 0
        and claim.participants
        and (event.agents | event.affected | event.models)
        and not same_document
    ):
        return None  # both name participants and share none: only one document can tie them
    if same_document:
        score += 1.5
    if not claim.participants and not same_document:
        score += 0.1  # an anonymous mention joins another document's event only if unique
    return score - (0.5 if near_conflict else 0.0)


def _within_tolerance(a: Window, b: Window) -> bool:
    if not (a.bounded and b.bounded):
        return False
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    gap = max(a.lo - b.hi, b.lo - a.hi)
    return gap <= DATE_TOLERANCE_DAYS


def _join(event: CanonicalEvent, claim: Claim) -> None:
    event.claims.append(claim)
    joined = event.window.intersect(claim.window)
    if joined.empty:
        event.date_conflict = True
        event.window = event.window.hull(claim.window)
    else:
        event.window = joined


def _instrument_attachments(
    claims: Iterable[Claim], types: EventTypes, entities: EntityIndex
) -> dict[int, Claim]:
    """Instrument claim -> the act it carries out, when its document names the act nearby."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.doc_id].append(claim)
    attachments: dict[int, Claim] = {}
    for doc_claims in by_document.values():
        for claim in doc_claims:
            acts_for = types.get(claim.type.id).instrument_of
            if not acts_for:
                continue
            options = [
                act
                for act in doc_claims
                if act.type.id in acts_for
                and abs(act.sentence_index - claim.sentence_index) <= INSTRUMENT_REACH
                and not act.window.intersect(claim.window).empty
                and _agents_compatible(claim, act, entities)
            ]
            if options:
                attachments[id(claim)] = min(
                    options,
                    key=lambda act: (
                        abs(act.sentence_index - claim.sentence_index),
                        abs(act.mention.trigger.start - claim.mention.trigger.start),
                    ),
                )
    return attachments


def _agents_compatible(a: Claim, b: Claim, entities: EntityIndex) -> bool:
    if not a.agents or not b.agents or a.agents & b.agents:
        return True
    return bool(_with_affiliations(a.agents, entities) & _with_affiliations(b.agents, entities))


def _with_affiliations(keys: frozenset[str], entities: EntityIndex) -> set[str]:
    from kg.iri import slug

    out = set(keys)
    for key in keys:
        entity = entities.entities.get(key)
        if entity is not None:
            out.update(slug(a) for a in entity.affiliations)
    return out
