"""Support and confidence of canonical events, and the threshold of the timeline.

Reads: canonical events (their claims) and who published each document. Adds: for each
event a ``Support``: how many documents report it, how many independent publishers (two
copies of one wire story are one voice), and a confidence from how each report states it.

A report's weight grows with what it says of the event: a date of its own, who acted, what
or whom it concerned; a publisher that tells it in several sentences weighs a little more.
The confidence is the chance that at least one independent publisher got it right,
1 - prod(1 - w), taking each publisher's best report. An event that names no
participant at all, or whose confidence or independent sources fall below the threshold,
is a weak candidate: kept in its documents' graphs and in the list of candidates, never on
the timeline, in the charts or in the sequence of states.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from extract.records import DocumentRecords
from kg.reconcile.claims import Claim
from kg.reconcile.events import CanonicalEvent

# What a report of an event is worth, by what it states (see the module docstring).
BASE_WEIGHT = 0.3
DATED_WEIGHT = 0.2
AGENT_WEIGHT = 0.2
SUBJECT_WEIGHT = 0.2
RETOLD_WEIGHT = 0.1  # each other sentence of one publisher that reports it (at most 0.2)
# Measured on the development stories (benchmarks/README.md): one document must give two of
# a date, an agent and a subject; an event reported by two publishers needs less.
DEFAULT_MIN_CONFIDENCE = 0.6
# Independent publishers an event needs when its type says nothing (event_types.yaml
# min_sources: restrictions, listings and statements ask for two, measured on the
# development stories: one publisher alone is more often a misread background mention).
DEFAULT_MIN_SOURCES = 1
# A report that dates an event and names its agent and whom or what it concerned.
COMPLETE_REPORT = round(BASE_WEIGHT + DATED_WEIGHT + AGENT_WEIGHT + SUBJECT_WEIGHT, 4)


@dataclass(frozen=True)
class Threshold:
    """What an event needs to be on the timeline. ``min_sources`` None: each type's own
    (event_types.yaml ``min_sources``, else DEFAULT_MIN_SOURCES); a number: every event
    needs that many independent publishers, whatever its type."""

    min_sources: int | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE


@dataclass(frozen=True)
class Support:
    documents: int
    independent: int
    confidence: float
    weak: bool


def publishers(records: Sequence[DocumentRecords]) -> dict[str, str]:
    """Document id -> who published it: the manifest's publisher, else the URL's host, else
    the document itself (unknown publishers count as independent)."""
    out: dict[str, str] = {}
    for item in records:
        document = item.document
        name = (document.publisher or "").strip().casefold()
        if not name and document.url:
            host = urlsplit(document.url).hostname or ""
            name = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        out[document.id] = name or f"document:{document.id}"
    return out


def claim_weight(claim: Claim, placed: Collection[str] = ()) -> float:
    """``placed``: documents of unknown year that the corpus placed (their events, dated
    by other documents, gave the year): a date of theirs relative to them dates again."""
    weight = BASE_WEIGHT
    if (claim.dated or claim.mention.date is not None) and (
        not claim.floating or claim.doc_id in placed
    ):
        weight += DATED_WEIGHT  # a day of a year no date of its text gives dates nothing
    if claim.agents:
        weight += AGENT_WEIGHT
    # a company switching its own service off acts on what it owns: its subject is named
    if claim.affected or claim.models or (claim.agents and claim.type.layer == "effective"):
        weight += SUBJECT_WEIGHT
    return round(weight, 4)


def support_of(
    event: CanonicalEvent,
    publisher_of: Mapping[str, str],
    threshold: Threshold,
    type_min_sources: int = DEFAULT_MIN_SOURCES,
    complete_alone: bool = False,
    placed: Collection[str] = (),
) -> Support:
    """``type_min_sources``: what the event's type asks for itself (event_types.yaml:
    ``min_sources``; a statement is news when several publishers carry it), unless one
    publisher's report is complete (``COMPLETE_REPORT``) and either the type allows that
    (``complete_alone``) or the report is the news of its document (its lead)."""
    best: dict[str, float] = {}
    sentences: dict[str, set[tuple[str, int]]] = {}
    lead_complete = False  # an article leads with it, telling it completely
    for claim in event.all_claims:
        publisher = publisher_of.get(claim.doc_id, f"document:{claim.doc_id}")
        weight = claim_weight(claim, placed)
        best[publisher] = max(best.get(publisher, 0.0), weight)
        lead_complete = lead_complete or (
            claim.mention.news and _as_news(claim, weight) >= COMPLETE_REPORT
        )
        sentences.setdefault(publisher, set()).add((claim.doc_id, claim.sentence_index))
    for publisher, told in sentences.items():
        # told again in other sentences of a publisher's text: a little surer
        best[publisher] = min(0.95, best[publisher] + min(0.2, RETOLD_WEIGHT * (len(told) - 1)))
    doubt = 1.0
    for weight in best.values():
        doubt *= 1.0 - weight
    confidence = round(1.0 - doubt, 4)
    named = bool(event.agents or event.affected or event.models)
    needed = type_min_sources if threshold.min_sources is None else threshold.min_sources
    if threshold.min_sources is None and (
        (complete_alone and confidence >= COMPLETE_REPORT) or lead_complete
    ):
        needed = 1  # one report that dates the event and names who acted on whom
    weak = not named or len(best) < needed or confidence < threshold.min_confidence
    return Support(len(event.sources), len(best), confidence, weak)


def _as_news(claim: Claim, weight: float) -> float:
    """What a document's news is worth: told with no date of its own in an article whose
    publisher gives its day, it happened in the days before that day (the lead's "Trump
    confirmed during a press conference that ..."), dated as much as the timeline needs."""
    if claim.dated or claim.mention.date is not None or claim.dct.inferred:
        return weight
    return round(weight + DATED_WEIGHT, 4)


__all__ = ["Support", "Threshold", "claim_weight", "publishers", "support_of"]
