"""Names of canonical events: a stable key for their IRI and a label for people.

Reads: canonical events, their reconciled windows, canonical entities, the type schemes.
Adds: ``event_key`` ("export-restriction-2026-06-12-3f2a1b": type, date as far as known,
a hash of the first mention) and ``event_label`` ("US Department of Commerce: Partial lift
— Gemini 2").
"""

from __future__ import annotations

from extract.records import Amount, Precision
from kg.iri import short_hash
from kg.reconcile.entities import EntityIndex
from kg.reconcile.events import CanonicalEvent
from kg.reconcile.intervals import Window
from kg.reconcile.temporal import precision_of
from kg.schema import EventTypes


def first_mention(event: CanonicalEvent) -> tuple[str, int]:
    """(document id, offset) of the event's first mention: a stable anchor for sorting."""
    return min(c.order for c in event.all_claims)


def event_key(event: CanonicalEvent, window: Window, used: set[str]) -> str:
    """Readable and deterministic: type, date as far as known, and the first mention."""
    doc_id, start = first_mention(event)
    span = window.to_range()
    precision = precision_of(window)
    if span is not None and precision is Precision.DAY:
        when = span.earliest.isoformat()
    elif span is not None and precision is Precision.MONTH:
        when = span.earliest.isoformat()[:7]
    elif span is not None and precision is Precision.YEAR:
        when = str(span.earliest.year)
    else:
        when = "undated"
    key = f"{event.coarse.replace('_', '-')}-{when}-{short_hash(f'{doc_id}:{start}', 6)}"
    while key in used:
        key += "x"
    used.add(key)
    return key


def event_label(
    event: CanonicalEvent, entities: EntityIndex, types: EventTypes, rank: dict[str, int]
) -> str:
    """'US Department of Commerce: Partial lift — Gemini 2', 'Corvex: Penalty paid (USD 1
    billion)'.

    Of the participants sources name, the label shows the most specific kind first (the
    order of the entity types file: an agency before a government, a government before a
    country), then the most often named.
    """

    def names(role: str, limit: int) -> str:
        counts = event.participants(role)

        def order(kv: tuple[str, int]) -> tuple[int, int, str]:
            entity_type = entities.get(kv[0]).type
            return (rank.get(entity_type, len(rank)), -kv[1], kv[0])

        top = sorted(counts.items(), key=order)[:limit]
        return ", ".join(entities.get(key).name for key, _ in top)

    label = types.get(event.type_id).label
    agents = names("agents", 1)
    text = f"{agents}: {label}" if agents else label[:1].upper() + label[1:]
    models = names("models", 3)
    affected = names("affected", 2)
    if models:
        text += f" — {models}"
    elif affected:
        text += f" — {affected}"
    amount = event.amount
    if amount is not None:
        text += f" ({money(amount)})"
    return text


# Scales a sum is written in: "USD 1.2 billion".
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def money(amount: Amount) -> str:
    """ "USD 1.19 billion", "EUR 400,000"."""
    for scale, word in _SCALES:
        if amount.value >= scale:
            return f"{amount.currency} {amount.value / scale:.3g} {word}"
    return f"{amount.currency} {amount.value:,.0f}"
