"""Last step of the events component: drafts -> ``EventMention`` records.

Reads: the finished drafts and the document's sentences. Adds: the records (ids "v1",
"v2"... in text order, relation targets and duration anchors following the final ids),
with character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import replace

from extract.events.draft import Draft
from extract.events.syntax import Sentences
from extract.records import EventMention, Scope, TextSpan, Timex


def to_record(text: str, draft: Draft, event_id: str, sentences: Sentences) -> EventMention:
    rep = draft.trigger
    doc = sentences.doc
    trigger = (
        doc[rep.start : rep.end] if rep.end - rep.start < 4 else doc[rep.head.i : rep.head.i + 1]
    )
    sentence = sentences.of(rep.head.i)
    scopes: list[Scope] = []
    for match in draft.scopes:
        record = match.record(text)
        if record not in scopes:
            scopes.append(record)
    timex = draft.timex.timex if draft.timex is not None else None
    date = timex.range if timex is not None else None
    if date is None and draft.carried_by is not None and draft.carried_by.timex is not None:
        date = draft.carried_by.timex.timex.range  # the date of the letter that carries it
    return EventMention(
        id=event_id,
        trigger=TextSpan(
            trigger.start_char, trigger.end_char, text[trigger.start_char : trigger.end_char]
        ),
        type=draft.type,
        sentence=TextSpan(
            sentence.start_char, sentence.end_char, text[sentence.start_char : sentence.end_char]
        ),
        agents=tuple(m.id for m in draft.agents),
        affected=tuple(m.id for m in draft.affected),
        models=tuple(m.id for m in draft.models),
        scope=tuple(scopes),
        timex=timex.id if timex is not None else None,
        date=date,
        relations=tuple(draft.relations),
        modality=draft.modality,
        tense=draft.tense,
        attribution=draft.attribution.record(text, doc) if draft.attribution is not None else None,
        instrument=draft.instrument.id if draft.instrument is not None else None,
        carried_by=draft.carried_by.event_id if draft.carried_by is not None else None,
        effective=draft.effective.timex.id if draft.effective is not None else None,
        expires=draft.expires.timex.id if draft.expires is not None else None,
        news=draft.news,
        amount=draft.amount,
        stage=draft.stage,
    )


def renumber(events: list[EventMention]) -> tuple[list[EventMention], dict[str, str]]:
    """Ids "v1", "v2"... in text order; relation targets follow. Returns the id map too."""
    new_ids = {event.id: f"v{number}" for number, event in enumerate(events, 1)}
    out = []
    for event in events:
        prefix = event.id.rsplit(":", 1)[0] + ":" if ":" in event.id else ""
        relations = tuple(
            replace(r, target=new_ids.get(prefix + r.target, r.target)) for r in event.relations
        )
        carrier = event.carried_by
        if carrier is not None:
            carrier = new_ids.get(prefix + carrier, carrier)
        out.append(replace(event, id=new_ids[event.id], relations=relations, carried_by=carrier))
    return out, new_ids


def rebind(timex: Timex, new_ids: dict[str, str]) -> Timex:
    """A duration anchored on an event ("event:v3") follows the event's final id."""
    if timex.anchor.startswith("event:"):
        old = timex.anchor.split(":", 1)[1]
        if old in new_ids:
            return replace(timex, anchor=f"event:{new_ids[old]}")
    return timex


__all__ = ["rebind", "renumber", "to_record"]
