"""A step of the events component: each mention read against the document's others.

Reads: the typed, described drafts of one document. Changes: a statement that only tells
an event which happened is that event's report, not an event of its own; a demonstrative
mention ("this licence") is as uncertain as the mention it points back to; a mention whose
rule lets the document decide its type takes the type the document's other mentions use;
what the lead sentence tells in its main clause, with no date of its own, is the document's
news, and so is what the rest of its paragraph tells when the lead names its own day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Doc, Span, Token

from extract.attachments import headline_line
from extract.events.draft import Draft
from extract.events.lexicon import EventLexicon
from extract.events.syntax import (
    MAIN_CLAUSE_DEPS,
    Sentences,
    determiner,
    in_headline,
    is_verbal,
)
from extract.events.timing import PlacedTimex, RelationFound
from extract.records import DocumentDate, Precision, TextSpan


def reports_an_event(draft: Draft, drafts: Sequence[Draft]) -> bool:
    """A statement that tells an event which happened ("announced it had lifted the order")
    is that event's report, not an event of its own (rule flag ``reports_content``); one
    that only names an event ("said the ban will hurt both sides") is a statement."""
    if not draft.trigger.rule.reports_content:
        return False
    clause = {t.i for t in draft.trigger.head.subtree} - {draft.trigger.head.i}
    return any(
        other is not draft
        and other.trigger.head.i in clause
        and other.modality == "asserted"
        and (not other.trigger.is_noun or other.trigger.light is not None)
        for other in drafts
    )


def reacts_to_nothing(draft: Draft, drafts: Sequence[Draft], lexicon: EventLexicon) -> bool:
    """A statement that is news only as a reaction (rule flag ``reacts``) whose clause
    names no measure someone other than its speaker took (a restriction, a lift, or a move
    "against" a party)."""
    if not draft.trigger.rule.reacts:
        return False
    head = draft.trigger.head
    clause = {t.i for t in head.subtree} - {head.i}
    opposing = lexicon.syntax.opposing_prepositions
    if any(
        t.lower_ in opposing and t.head.pos_ in ("NOUN", "PROPN")
        for t in head.subtree
        if t.i != head.i
    ):
        return False  # "the action against Corvex", "measures against it": another's act
    speakers = {m.name for m in draft.agents}
    for other in drafts:
        if other is draft or other.trigger.head.i not in clause:
            continue
        scheme = lexicon.scheme_of(other.type)
        if scheme is None or scheme.state_effect is None:
            continue
        if not speakers & {m.name for m in other.agents}:
            return False
    return True


def inherit_modality(drafts: Sequence[Draft], demonstratives: frozenset[str]) -> None:
    """ "Corvex might get a temporary licence. ... this licence would help its customers":
    a demonstrative mention ("this licence") with no date and no verb of its own refers
    back to the last mention of its type, and is as uncertain as that one."""
    last: dict[str, Draft] = {}
    for draft in sorted(drafts, key=lambda d: d.trigger.head.i):
        rep = draft.trigger
        before = last.get(draft.type)
        if (
            before is not None
            and before.modality != "asserted"
            and draft.modality == "asserted"
            and rep.is_noun
            and rep.light is None
            and draft.timex is None
            and determiner(rep.head) in demonstratives
        ):
            draft.modality = before.modality
        last[draft.type] = draft


def types_from_context(drafts: Sequence[Draft]) -> None:
    """A mention whose rule lets the document decide its type (``context_types``: "the
    60-day extension", of a licence or of a deadline) takes the one of those types the
    document's other mentions use most; the nearest before it breaks a tie."""
    told = [d for d in drafts if not d.trigger.rule.context_types and d.modality == "asserted"]
    for draft in drafts:
        choices = draft.trigger.rule.context_types
        if not choices:
            continue
        counts = Counter(d.type for d in told if d.type in choices)
        if not counts:
            continue
        here = draft.trigger.head.i
        nearest = {d.type: -abs(d.trigger.head.i - here) for d in told if d.type in choices}
        draft.type = max(counts, key=lambda t: (counts[t], nearest[t]))


# The lead is the first sentence of the body when it opens the document: within this many
# characters of its start, and at least this many words long (not a caption or a byline).
LEAD_WITHIN_CHARS = 800
LEAD_MIN_WORDS = 8
# A date the lead gives its act is the news's when it is at most this many days before the
# document (a weekday, "yesterday", the day of the week before).
LEAD_NEWS_DAYS = 10


def lead_news(
    doc: Doc,
    drafts: Sequence[Draft],
    skip: set[int],
    sentences: Sentences,
    placed: Sequence[PlacedTimex],
    dct: DocumentDate | None,
    after_words: Collection[str] = (),
) -> list[RelationFound]:
    """ "Commerce has revoked the licences of Corvex's suppliers, ..." opening an article:
    the lead tells the news, so an act its main clause asserts with no date of its own
    happened shortly before the article (``Draft.news``); one it dates to a day shortly
    before the article is the news too ("approved a ban Thursday"). Background lives in subordinate
    clauses ("two years after the ban ...") and later sentences, which keep no date. When
    the lead dates its act to a day, another act its paragraph "also" tells in the past
    happened that day: returns those relations (the same day as the lead's act). What the
    lead's news followed, told in its clause of ``after_words`` with no date of its own
    ("was back on Tuesday, after the authority lifted the limitation"), is news too."""
    lead = _lead(doc, skip, sentences)
    if lead is None:
        return []
    # the rest of its paragraph too, when the lead names a day of its own (not the page's
    # date, which a dateline or a stamp gives to every article)
    days = [
        item
        for item in placed
        if lead.start <= item.span.start < lead.end
        and item.timex.precision == Precision.DAY
        and item.timex.signal is None  # "expired as of May 4": a period's bound, not the news
        and (dct is None or item.timex.range != dct.range)
    ]
    end = _paragraph_end(doc, lead) if days else lead.end
    # the lead's act of its one day: what the paragraph "also" did happened with it
    occasion = _dated_act(drafts, days, lead)
    found: list[RelationFound] = []
    act_heads = {d.trigger.head.i for d in drafts}
    for number, draft in enumerate(drafts):
        head = draft.trigger.head
        if not lead.start <= head.i < end:
            continue
        if draft.timex is not None and (head.i >= lead.end or not _recent(draft.timex, dct)):
            continue
        if draft.modality != "asserted" or draft.tense == "future" or perfect_past(head):
            continue
        # an act told as what an instrument does ("signed an order extending the
        # deadline") is news when the instrument is
        # ... and a noun is told by the verb that carries it ("has granted Corvex a licence")
        trigger = draft.instrument_trigger or draft.trigger
        told = _telling_word(draft)
        if trigger.light is None and trigger.is_noun and told.head.i in act_heads - {head.i}:
            continue  # what another act acts on ("upheld the ban"): that act is the news
        chain = [told] if told.dep_ == "ROOT" else [told, told.head]
        if all(t.dep_ in MAIN_CLAUSE_DEPS for t in chain) and chain[-1].dep_ == "ROOT":
            draft.news = True
            if draft.timex is not None:
                continue  # the lead's act of its own day
            # "It also added ...", "BIS also extended the licence" (on the noun's verb)
            also = next((c for t in chain for c in t.children if c.lower_ in _ALSO), None)
            if occasion is None or also is None or head.i < lead.end or draft.tense != "past":
                continue
            cue = TextSpan(also.idx, also.idx + len(also), also.text)
            found.append(RelationFound(number, "after", occasion, (0, 0), None, cue))
    _what_the_news_followed(drafts, lead, after_words)
    return found


def _what_the_news_followed(
    drafts: Sequence[Draft], lead: Span, after_words: Collection[str]
) -> None:
    """ "Quill was back on Tuesday, after the authority lifted the limitation": an act the
    lead's news follows in a clause of its own, asserted in the past with no date, is the
    news's cause, recent too (background keeps a date or says how long before: "after it
    was listed in 2019", "two years after the agency listed it")."""
    news = {
        _telling_word(d).i for d in drafts if d.news and lead.start <= d.trigger.head.i < lead.end
    }
    for draft in drafts:
        told = _telling_word(draft)
        if draft.news or draft.timex is not None or not lead.start <= told.i < lead.end:
            continue
        if draft.modality != "asserted" or draft.tense != "past":
            continue
        marks = [c for c in told.children if c.dep_ == "mark" and c.lower_ in after_words]
        # "two years after the agency added ...": an amount of time says how long before
        measured = any(c.dep_ == "npadvmod" for t in (told, *marks) for c in t.children)
        if told.dep_ == "advcl" and told.head.i in news and marks and not measured:
            draft.news = True


def _recent(placed: PlacedTimex, dct: DocumentDate | None) -> bool:
    """Whether a date is of the days before the document: the lead's act of such a day is
    its news; of an earlier one ("follows a 2019 order"), background."""
    value = placed.timex.range
    if dct is None or value is None or value.earliest > dct.range.latest:
        return False
    return (dct.range.earliest - value.earliest).days <= LEAD_NEWS_DAYS


# Adverbs by which a sentence adds another act to the lead's ("It also added ...").
_ALSO = frozenset({"also", "additionally", "further"})


def _dated_act(drafts: Sequence[Draft], days: Sequence[PlacedTimex], lead: Span) -> int | None:
    """The number of the lead's one act dated to the one day the lead names, if so."""
    if len({item.timex.range for item in days}) != 1:
        return None
    acts = [
        n
        for n, d in enumerate(drafts)
        if lead.start <= d.trigger.head.i < lead.end
        and d.timex is not None
        and d.timex.timex.id == days[0].timex.id
        and d.modality == "asserted"
    ]
    return acts[0] if len(acts) == 1 else None


def _paragraph_end(doc: Doc, lead: Span) -> int:
    """The end of the lead's paragraph (the cleaned text keeps a paragraph on one line):
    its sentences after the lead tell the same news ("On May 4, Commerce issued a rule ...
    It also added twelve affiliates of Corvex to the Entity List.")."""
    text = doc.text
    found = text.find("\n", lead.start_char + len(lead.text.rstrip()))
    if found < 0:
        return len(doc)
    span = doc.char_span(found, len(text), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def perfect_past(head: Token) -> bool:
    """ "Corvex had been added": told as earlier than the news. Under a verb of saying the
    tense is only shifted back ("announced it had lifted the order" is the news)."""
    return head.dep_ == "ROOT" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in head.children
    )


def _telling_word(draft: Draft) -> Token:
    """The word whose clause tells the act: the verb itself, or the verb that carries a noun
    ("has granted Corvex a licence"), of the instrument when an instrument tells it."""
    trigger = draft.instrument_trigger or draft.trigger
    return trigger.light if trigger.light is not None else trigger.head


def separate_news(drafts: Sequence[Draft], words: frozenset[str]) -> None:
    """ "Separately, the Treasury sanctioned twelve executives": an act an article adds as
    another piece of its news (its main clause opened by one of ``words``) with no date of
    its own happened shortly before the article, as the lead's act does (``Draft.news``)."""
    for draft in drafts:
        if draft.timex is not None or draft.modality != "asserted" or draft.tense == "future":
            continue
        told = _telling_word(draft)
        if told.dep_ != "ROOT" or perfect_past(told):
            continue
        if any(c.dep_ == "advmod" and c.lower_ in words for c in told.children):
            draft.news = True


def headline_news(drafts: Sequence[Draft], coarse: Callable[[str], str | None]) -> None:
    """ "Zimble goes dark in Kestria", "Judge halts ban on ZenChat": the act a headline's main
    verb asserts with no date of its own is the article's news, as the lead's is
    (``Draft.news``), unless the lead tells news of its kind (then that is the news, and
    the headline may sum up more); what it acts on ("ban") is not."""
    told_kinds = {coarse(d.type) for d in drafts if d.news and not in_headline(d.trigger.head)}
    for draft in drafts:
        if draft.news or draft.timex is not None or draft.modality != "asserted":
            continue
        if coarse(draft.type) in told_kinds:
            continue
        if draft.tense == "future" or not in_headline(draft.trigger.head):
            continue
        told = draft.trigger.head
        if draft.trigger.is_noun or draft.instrument_trigger is not None:
            continue  # "grants Corvex a licence": what a licence says may be of any day
        if told.dep_ == "ROOT" or (told.dep_ == "conj" and told.head.dep_ == "ROOT"):
            draft.news = True


def the_document_itself(drafts: Sequence[Draft]) -> None:
    """ "In this Order, the Bureau takes action ...", "This rule amends ...": an instrument
    the text calls "this" while telling in the present what it does is the document
    itself, dated as it is (``Draft.news``)."""
    for draft in drafts:
        rep = draft.trigger
        if not rep.is_noun or draft.timex is not None or draft.tense != "present":
            continue
        if draft.modality == "asserted" and determiner(rep.head) == "this":
            draft.news = True


def _lead(doc: Doc, skip: set[int], sentences: Sentences) -> Span | None:
    """The first sentence of the body: past any headline, long enough, with a verb."""
    for start, end in zip(sentences.starts, sentences.ends, strict=True):
        if doc[start].idx > LEAD_WITHIN_CHARS:
            return None
        span = doc[start:end]
        if any(t.i in skip for t in span):
            continue
        words = [t for t in span if t.is_alpha]
        if len(words) < LEAD_MIN_WORDS or not any(is_verbal(t) and t.dep_ == "ROOT" for t in span):
            continue
        if all(t.is_title or not t.is_lower for t in words) or headline_line(span):
            continue  # a headline the headline finder left (in title or sentence case)
        return span
    return None


__all__ = [
    "inherit_modality",
    "lead_news",
    "perfect_past",
    "reacts_to_nothing",
    "reports_an_event",
    "separate_news",
    "the_document_itself",
    "types_from_context",
]
