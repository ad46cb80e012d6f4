"""A step of the events component: the dates of the drafts.

Reads: the placed time expressions, the drafts' anchors, the document's date. Adds: each
draft's date, the day it takes effect and the day it lapses, as ``timing.attach_timexes``
chooses them, with what the tense and the page say of a date kept or left:

* a date well before the document while the event is told in the present is another
  clause's ("the new order revokes the old ones, along with another in January"), unless it
  is the instrument's own ("the move follows a 2019 order that barred ...": then the act is
  past);
* the page's date stamp parsed into its first sentence dates the news, never what that
  sentence tells in the past perfect nor what it dates itself;
* a participle clause hung on a dated act ("removed X from the list on May 4, ending the
  restrictions") tells what that act did, that day;
* a date before the first of coordinated verbs ("on Monday unveiled new rules and added 140
  firms to its list") dates what each of them tells.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from spacy.tokens import Token

from extract.events.discourse import perfect_past
from extract.events.draft import Draft
from extract.events.lexicon import SyntaxWords
from extract.events.syntax import is_verbal, subjects, verb_phrases
from extract.events.timing import PlacedTimex, attach_timexes, took_effect_on, verb_dated_by
from extract.records import DocumentDate, Precision
from extract.temporal.dateline import page_stamp
from extract.temporal.rules import resolve_range
from extract.temporal.values import timex_value

# A date this long before the document is history: a verb in the present tense does not
# tell of it ("the new order revokes the old ones, along with another in January").
PRESENT_WITHIN_DAYS = 31
# How a date names a noun's own time ("a 2017 order", "the June 12 directive").
_NOUN_DATE_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod", "npadvmod"})


def date_drafts(
    drafts: list[Draft],
    placed: list[PlacedTimex],
    anchors: Mapping[int, int],
    ignore: frozenset[str],
    syntax: SyntaxWords,
    dct: DocumentDate | None,
    actor_words: Collection[str] = (),
) -> None:
    """``actor_words``: the nouns that name an actor ("the authority", event_types.yaml
    ``actor_words``)."""
    # the page's stamp dates an act only when its sentence gives no date of its own
    # ("date 2026-05-14 In May 2024, Commerce added Corvex ...")
    text = placed[0].span.doc.text if placed else ""  # built anew at each access: once here
    stamps = [p for p in placed if page_stamp(text, p.span.start_char)]
    dated = attach_timexes([p for p in placed if p not in stamps], anchors, ignore, None, syntax)
    if stamps:
        for number, item in attach_timexes(placed, anchors, ignore, None, syntax).items():
            if item in stamps and number not in dated:
                dated[number] = item
    for number, item in dated.items():
        draft = drafts[number]
        if _told_as_past(draft, item, dct) or _stamp_of_background(draft, item):
            continue
        draft.timex = item
        if _earlier_instrument(draft, item, dct):
            draft.tense = "past"  # "follows a 2017 order"
    _date_result_clauses(drafts, anchors, placed, syntax, actor_words)
    _date_coordinated_acts(drafts, anchors, placed, syntax)
    for number, item in attach_timexes(placed, anchors, ignore, "start", syntax).items():
        draft = drafts[number]
        draft.effective = item
        lapses = draft.trigger.head.lemma_.lower() in syntax.lapsing_verbs
        if (
            draft.timex is None
            and draft.modality == "asserted"
            and (lapses or took_effect_on(item, syntax))
        ):
            # "the ban took effect on Sunday": news of that day; "the licence expired as of
            # August 13": the lapse's day
            draft.timex = item
    for number, item in attach_timexes(placed, anchors, ignore, "end", syntax).items():
        drafts[number].expires = item


def onsets_after_a_delay(
    drafts: list[Draft],
    placed: list[PlacedTimex],
    anchors: Mapping[int, int],
    syntax: SyntaxWords,
    dct: DocumentDate | None,
) -> dict[str, PlacedTimex]:
    """The day a measure takes effect, told as a delay ("signed on March 3, the law takes
    effect in 180 days", "the ban kicks in in 45 days"): the measure's own day, else the
    document's, shifted by the delay. The delay's expression becomes that date (TIMEX3: a
    point in time); returned by id, so the caller replaces it."""
    found: dict[str, PlacedTimex] = {}
    for item in placed:
        timex = item.timex
        head = item.head
        if timex.type != "DURATION" or head.dep_ != "pobj" or head.head.lower_ != "in":
            continue
        verb = head.head.head
        if not is_verbal(verb) or not verb_phrases(verb) & syntax.onset_verbs:
            continue
        # the measure: the verb's own event, its subject's, or the one the clause is on
        # ("a law banning X, which takes effect in 180 days")
        around = [verb, *subjects(verb), *list(verb.ancestors)[:_ABOVE]]
        number = next((anchors[t.i] for t in around if t.i in anchors), None)
        if number is None or not _SHIFT.fullmatch(timex.value):
            continue
        if drafts[number].effective is not None:
            continue
        draft = drafts[number]
        own = draft.timex.timex if draft.timex is not None else None
        if own is not None and own.range is not None:
            reference, anchor = own.range, f"timex:{own.id}"
        elif dct is not None and dct.anchored and not dct.inferred:
            reference, anchor = dct.range, "dct"
        else:
            continue
        rule = f"+{timex.value}"
        days = resolve_range(rule, reference)
        precision = Precision.DAY if days.earliest == days.latest else Precision.UNKNOWN
        onset = replace(
            timex,
            type="DATE",
            value=timex_value(days, precision, rule),
            range=days,
            precision=precision,
            anchor=anchor,
            rule=rule,
            signal="start",
        )
        draft.effective = found[timex.id] = PlacedTimex(onset, item.span)
    return found


_SHIFT = re.compile(r"P\d+[DWMY]")
_ABOVE = 3  # how far above its verb a delay looks for the measure it tells of


def _date_coordinated_acts(
    drafts: list[Draft],
    anchors: Mapping[int, int],
    placed: list[PlacedTimex],
    syntax: SyntaxWords,
) -> None:
    """The date of the first of coordinated verbs dates the others that have none of their
    own: a date before it, or after it when they share their subject ("fined Corvex on
    Monday and ordered it to ..."); "put X on the list in May, and on Monday agreed to ..."
    dates each by its own, and a word may say the later act came after ("and later lifted
    it")."""
    for draft in drafts:
        head = draft.trigger.head
        if draft.timex is not None or head.dep_ != "conj" or not is_verbal(head):
            continue
        first = head.head
        if not is_verbal(first) or any(
            c.dep_ == "advmod" and c.lower_ in syntax.sequel_words for c in head.children
        ):
            continue
        carrier = anchors.get(first.i)
        found = _date_of_verb(first, placed, syntax)
        if (
            found is None
            and carrier is not None
            and drafts[carrier] is not draft
            and drafts[carrier].trigger.head.i == first.i
        ):
            # the first act's date, wherever the parse hung it (not the page's own date)
            dated = drafts[carrier].timex
            if (
                dated is not None
                and not dated.timex.function
                and not dated.timex.signal
                and not page_stamp(dated.span.doc.text, dated.span.start_char)
            ):
                found = dated
        if found is None:
            continue
        # a date after the first verb dates the second only when they share their subject
        # (one clause: "fined X on Monday and ordered"), not a clause of its own ("was set
        # for March 10, but the extension allowed ...")
        shared = not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        own = first in found.head.ancestors  # its own date, not the report's ("told on")
        if found.span.end <= first.i or (shared and own and found.span.end <= head.i):
            draft.timex = found


def _date_result_clauses(
    drafts: list[Draft],
    anchors: Mapping[int, int],
    placed: list[PlacedTimex],
    syntax: SyntaxWords,
    actor_words: Collection[str],
) -> None:
    """A participle clause hung on a dated act, with no subject or opening word of its own,
    tells what that act did: the same day ("published a rule on March 3, adding Corvex to
    the list", where publishing is no event of its own)."""
    for draft in drafts:
        head = draft.trigger.head
        if draft.timex is not None or head.dep_ != "advcl" or head.tag_ != "VBG":
            continue
        if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in head.children):
            continue
        carrier = anchors.get(head.head.i)
        if carrier is not None and drafts[carrier] is not draft:
            draft.timex = drafts[carrier].timex
        elif (
            carrier is None
            and is_verbal(head.head)
            and _acted_by_its_agent(draft, head.head, actor_words)
        ):
            draft.timex = _date_of_verb(head.head, placed, syntax)


def _date_of_verb(
    verb: Token, placed: list[PlacedTimex], syntax: SyntaxWords
) -> PlacedTimex | None:
    """The first date that modifies ``verb`` itself (not the start or end of a period, nor
    the document's own date)."""
    for item in placed:
        timex = item.timex
        if timex.type not in ("DATE", "TIME") or timex.function or timex.signal:
            continue
        dated = verb_dated_by(item, syntax)
        if dated is not None and dated.i == verb.i:
            return item
    return None


def _acted_by_its_agent(draft: Draft, verb: Token, actor_words: Collection[str]) -> bool:
    """Whether the subject of ``verb`` is one of the draft's agents: the body that published
    the rule adds the company by it ("the Bureau published a rule on May 4, adding ..."),
    unlike a law that "took effect on Sunday, barring ...", whose clause no actor heads."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not draft.agents:
        return False
    # the subject's words up to its head ("Portugal's data protection authority"), not
    # what follows it ("that law, upheld by the Supreme Court")
    start = subject.left_edge.idx
    end = subject.idx + len(subject)
    if any(start <= a.span.start < end for a in draft.agents):
        return True
    # "the authority on Thursday set out ..., giving Corvex until": a pronoun or a word for
    # an actor (event_types.yaml actor_words), the agent's description, naming no one else
    described = subject.pos_ == "PRON" or (
        subject.pos_ == "NOUN" and subject.lemma_.lower() in actor_words
    )
    return described and not any(
        start <= m.span.start < end for m in (*draft.affected, *draft.models)
    )


def _stamp_of_background(draft: Draft, placed: PlacedTimex) -> bool:
    """The page's date stamp parsed into its first sentence ("date 2026-05 Weeks earlier,
    Commerce had banned ..."): it dates the news, never what the sentence tells as earlier
    than it (the past perfect)."""
    if not page_stamp(placed.span.doc.text, placed.span.start_char):
        return False
    return perfect_past(draft.head)


def _told_as_past(draft: Draft, placed: PlacedTimex, dct: DocumentDate | None) -> bool:
    """Whether a date lies well before the document while the event is told in the
    present tense: the date is another clause's, not this event's, unless it is the
    instrument's own."""
    value = placed.timex.range
    if draft.tense != "present" or value is None or dct is None or dct.inferred:
        return False
    if _date_of_noun(draft, placed):
        return False
    return (dct.range.earliest - value.latest).days > PRESENT_WITHIN_DAYS


def _earlier_instrument(draft: Draft, placed: PlacedTimex, dct: DocumentDate | None) -> bool:
    """An instrument told in the present whose own date lies before the document."""
    value = placed.timex.range
    return (
        draft.tense == "present"
        and value is not None
        and dct is not None
        and value.latest < dct.range.earliest
        and _date_of_noun(draft, placed)
    )


def _date_of_noun(draft: Draft, placed: PlacedTimex) -> bool:
    head = placed.head
    noun = head.head
    return (
        head.dep_ in _NOUN_DATE_DEPS
        and noun.i in draft.anchors
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.i not in range(placed.span.start, placed.span.end)
    )


__all__ = ["PRESENT_WITHIN_DAYS", "date_drafts", "onsets_after_a_delay"]
