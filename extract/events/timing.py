"""Time: which time expression dates which event, and the order of events the text states.

Reads: ``doc._.timexes`` (the time layer's ``Timex`` records), the parse, the relation cues
of event_types.yaml, and the events' anchor tokens (trigger, light verb, the verb of which
a nominal event is the subject: "The move ... took place in early June").
Adds: for each event the time expression whose syntactic head the event governs most
closely (never simply the nearest date of the sentence: in "Following the March 3 export
control order, the firm had disabled access", March 3 dates the order); and
``EventRelation`` items for "two weeks after imposing export controls", "This came after
the Pentagon designated ...", "prompting a lawsuit", "Prior to the full lifting ...".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extract.events.lexicon import RelationCues, SyntaxWords
from extract.events.syntax import (
    children,
    has_perfect_auxiliary,
    subject_of,
    verb_phrases,
    with_lemmas,
)
from extract.records import EventRelation, Precision, TextSpan, Timex

_PRECISION_RANK = {
    Precision.DAY: 0,
    Precision.WEEK: 1,
    Precision.MONTH: 2,
    Precision.QUARTER: 3,
    Precision.SEASON: 3,
    Precision.HALF: 4,
    Precision.YEAR: 5,
    Precision.DECADE: 6,
    Precision.CENTURY: 7,
    Precision.UNKNOWN: 8,
}
_DURATION = re.compile(r"^P(\d+|X)(D|W|M|Y)$")
# The lag "shortly after" allows, in days: the same day, or within a week; "hours before"
# that day or the next.
SOON_DAYS = (0, 7)
AT_ONCE_DAYS = (0, 1)
_DEMONSTRATIVES = frozenset({"this", "that", "it", "which"})


@dataclass(frozen=True)
class PlacedTimex:
    timex: Timex
    span: Span

    @property
    def head(self) -> Token:
        return self.span.root


def place_timexes(doc: Doc, timexes: Sequence[Timex]) -> list[PlacedTimex]:
    placed = []
    for timex in timexes:
        span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            placed.append(PlacedTimex(timex, span))
    return placed


def lag_days(timex: Timex) -> tuple[int, int] | None:
    """ "P2W" -> (14, 14); "P1M" -> (28, 31); unknown amounts ("PXW") -> None."""
    found = _DURATION.match(timex.value)
    if not found or found.group(1) == "X":
        return None
    n = int(found.group(1))
    unit = found.group(2)
    if unit == "D":
        return (n, n)
    if unit == "W":
        return (7 * n, 7 * n)
    if unit == "M":
        return (28 * n, 31 * n)
    return (365 * n, 366 * n)


def attach_timexes(
    placed: Sequence[PlacedTimex],
    anchors: Mapping[int, int],
    ignore_values: frozenset[str],
    signal: str | None,
    syntax: SyntaxWords,
) -> dict[int, PlacedTimex]:
    """Event number -> the time expression its anchors govern most closely.

    Without ``signal``, the expressions that date an event; with "start" or "end", those
    that start or end the period of a measure ("effective May 1", "until June 30": the
    Timex's ``signal``; "banned from March 1": the object of one of the syntax's onset
    prepositions), which never date the event itself. A date inside a relative clause, or
    an adverbial clause opened by one of the syntax's separating marks ("since it was first
    listed in May"), dates what that clause tells, never an event above it."""
    found: dict[int, list[tuple[int, PlacedTimex]]] = {}
    for item in placed:
        if item.timex.type not in ("DATE", "TIME") or item.timex.value in ignore_values:
            continue
        if _fiscal_label(item):
            continue  # "the FY 2019 defense bill": the name of a budget's year
        if _signal(item, syntax) != signal or item.timex.function is not None:
            continue  # a period's bound, or the document's own date (a dateline)
        dated = _event_dated_by(item, anchors, syntax)
        if dated is not None:
            found.setdefault(dated[0], []).append((dated[1], item))
    chosen: dict[int, PlacedTimex] = {}
    for event, options in found.items():
        options.sort(key=lambda o: (_vagueness(o[1].timex), o[0]))
        chosen[event] = options[0][1]
    return chosen


_FISCAL = frozenset({"fy", "fiscal"})


def _fiscal_label(item: PlacedTimex) -> bool:
    """A fiscal year naming what follows it ("the FY 2019 NDAA", "the fiscal 2019 budget"):
    a label, not the date of an act."""
    span = item.span
    first = span[0]
    before = span.doc[span.start - 1] if span.start > 0 else None
    fiscal = first.lower_ in _FISCAL or (before is not None and before.lower_ in _FISCAL)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return fiscal and after is not None and after.pos_ in ("NOUN", "PROPN")


def _event_dated_by(
    item: PlacedTimex, anchors: Mapping[int, int], syntax: SyntaxWords
) -> tuple[int, int] | None:
    """(event number, distance) of the event a time expression dates: the first anchor up
    its tree, within its own clause; else an event the verb it modifies leads to by its
    complement ("on Monday agreed to extend the licence": the extension), unless that verb
    announces it (announcements.py dates what is announced)."""
    inside = set(range(item.span.start, item.span.end))
    # "March 23, 2017, when Corvex agreed to a settlement": the clause the date heads
    for clause in item.head.children:
        if clause.dep_ == "relcl" and any(c.lower_ == "when" for c in clause.children):
            event = _event_in(clause, anchors)
            if event is not None:
                return event, 1
    # "September 15 is the day when the ban took effect": the day the clause tells
    day_clause = _day_clause(item, syntax)
    if day_clause is not None:
        event = _event_in(day_clause, anchors)
        if event is not None:
            return event, 1
    # "Its last extension, on Aug. 18, ran for 90 days": a date set off by commas right
    # after a noun of an event is that noun's, wherever the parser hung it
    enclosed = _comma_enclosed(item)
    if enclosed is not None and enclosed.i in anchors:
        return anchors[enclosed.i], 1
    # "the president's May 15, 2019 issuance of an order", parsed as the date's apposition
    for child in item.head.children:
        if child.dep_ == "appos" and child.i in anchors and child.i not in inside:
            return anchors[child.i], 1
    last_step = False
    verb: tuple[Token, int] | None = None
    for distance, token in enumerate((item.head, *item.head.ancestors)):
        if token.i in anchors and token.i not in inside:
            return anchors[token.i], distance
        if verb is None and token.pos_ in ("VERB", "AUX"):
            verb = token, distance
        if last_step or (token.dep_ == "relcl" and not _onset_of_its_noun(token, syntax)):
            break  # "the order, which had been in force since April 15": the noun's date
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            break  # "put X on the list in May, but on Monday agreed to ...": another act
        if (
            token.dep_ == "ccomp"
            and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            break  # "said the department informed it on April 8": the reported clause's date
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ != "nsubj":
            # "the ban, imposed in June, was lifted": the noun's date, never that of what is
            # done to it ("the order signed on May 15 banned ...": the act the noun does)
            last_step = True
            continue
        if (
            token.dep_ == "pcomp"
            and token.pos_ in ("VERB", "AUX")
            and token.head.lower_ in syntax.other_time_marks
        ):
            break  # "reinstated after being removed on January 18": the removal's date
        marks = [c for c in token.children if c.dep_ == "mark"] if token.dep_ == "advcl" else []
        # a date before the word that opens the clause is not in it ("halted shipments this
        # month after its chips were found", parsed as the clause's date): it climbs on
        marks = [m for m in marks if m.i < item.span.start]
        if any(m.lower_ in syntax.other_time_marks for m in marks):
            break  # "ceased operations after the ban was ordered in April": the ban's date
        # "suspended since it was announced in April": the clause dates the event it
        # modifies; "will add 12 affiliates, raising the total since it was first added
        # in March 2023": never one further up
        last_step = any(m.lower_ in syntax.separating_marks for m in marks)
    if verb is not None and verb[1] > 0 and verb[0].lemma_.lower() in syntax.identity_verbs:
        # "Tuesday's order marks the fourth extension": the subject's date is the act's
        subject = next(
            (t for t in (item.head, *item.head.ancestors) if t.head.i == verb[0].i), None
        )
        if subject is not None and subject.dep_ in ("nsubj", "nsubjpass"):
            for obj in verb[0].children:
                if obj.dep_ in ("dobj", "attr", "oprd") and obj.i in anchors:
                    return anchors[obj.i], verb[1] + 1
    if verb is not None and verb[0].lemma_.lower() not in syntax.announcing_verbs:
        for complement in (c for c in verb[0].children if c.dep_ == "xcomp"):
            for node in (complement, *(c for c in complement.children if c.dep_ == "xcomp")):
                if node.i in anchors:
                    return anchors[node.i], verb[1] + 1
        # "on May 4 published a rule extending the licence": the act its object's participle
        # clause tells
        for obj in (c for c in verb[0].children if c.dep_ in ("dobj", "obj")):
            for clause in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"):
                if clause.i in anchors:
                    return anchors[clause.i], verb[1] + 2
        # "responded on Wednesday by adding two firms to its list": the act it was done by,
        # on that day (a period, "kept up the pressure in July by adding ...", tells a course
        # of conduct, not one act)
        means_of_day = item.timex.precision == Precision.DAY
        for means in (
            c for c in verb[0].children if means_of_day and c.dep_ == "prep" and c.lower_ == "by"
        ):
            for node in (c for c in means.children if c.dep_ == "pcomp"):
                if node.i in anchors:
                    return anchors[node.i], verb[1] + 2
    return None


def _day_clause(item: PlacedTimex, syntax: SyntaxWords) -> Token | None:
    """The relative clause of the day a date is said to be ("September 15 is the day when
    the ban took effect", "the date the rule was published was May 21")."""
    head = item.head
    verb = head.head
    if head.dep_ not in ("nsubj", "attr") or verb.lemma_.lower() not in syntax.identity_verbs:
        return None
    for noun in verb.children:
        if noun is head or noun.dep_ not in ("nsubj", "attr"):
            continue
        if noun.lemma_.lower() in syntax.day_nouns:
            return next((c for c in noun.children if c.dep_ == "relcl"), None)
    return None


def _onset_of_its_noun(clause: Token, syntax: SyntaxWords) -> bool:
    """ "The restrictions, which took effect on May 16, ...": a relative clause telling when
    the measure its noun names took effect (the day is the measure's start)."""
    relative = any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children)
    return relative and bool(verb_phrases(clause) & syntax.onset_verbs)


def _comma_enclosed(item: PlacedTimex) -> Token | None:
    """The noun before a date (or a preposition and its date) between two commas."""
    doc = item.span.doc
    start = item.span.start
    if start > 0 and doc[start - 1].pos_ == "ADP":
        start -= 1
    end = item.span.end
    if start < 2 or end >= len(doc) or doc[start - 1].text != "," or doc[end].text != ",":
        return None
    noun = doc[start - 2]
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def verb_dated_by(item: PlacedTimex, syntax: SyntaxWords) -> Token | None:
    """The verb a date modifies directly ("on Monday unveiled", "has today confirmed"), not
    through a preposition of onset ("banned from March 1": when a measure starts)."""
    head = item.head
    if head.dep_ in ("npadvmod", "tmod", "advmod"):
        return head.head
    if (
        head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.lower_ not in syntax.onset_prepositions
    ):
        return head.head.head
    return None


def took_effect_on(item: PlacedTimex, syntax: SyntaxWords) -> bool:
    """A date a measure is told to have taken effect on, as news of its own ("the ban took
    effect on Sunday", "has come into force today", "September 15 is the day when the
    rules took effect"): not what will, nor what a relative clause adds of its noun."""
    clause = _day_clause(item, syntax)
    verb = clause or _governing_verb(item)
    if not verb_phrases(verb) & syntax.onset_verbs:
        return False
    if clause is None and verb.dep_ == "relcl":
        return False  # "the restrictions, which took effect on May 16, bar ...": background
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and has_perfect_auxiliary(verb))


def _governing_verb(item: PlacedTimex) -> Token:
    """The word a date hangs on: through its preposition ("took effect on May 1")."""
    head = item.head
    return head.head.head if head.dep_ == "pobj" else head.head


def _signal(item: PlacedTimex, syntax: SyntaxWords) -> str | None:
    if item.timex.signal is not None:
        return item.timex.signal
    head = item.head
    if head.dep_ == "pobj" and head.head.lower_ in syntax.onset_prepositions:
        return "start"
    verb = _day_clause(item, syntax) or _governing_verb(item)
    if verb.pos_ in ("VERB", "AUX") and verb_phrases(verb) & syntax.onset_verbs:
        return "start"  # "the ban takes effect on May 1"
    return None


def _vagueness(timex: Timex) -> int:
    if timex.value.endswith("_REF"):
        return 20
    if timex.precision is not None:
        return _PRECISION_RANK.get(timex.precision, 8)
    return 9


@dataclass(frozen=True)
class RelationFound:
    source: int  # event number
    relation: str  # "after" | "before"
    target: int
    lag: tuple[int, int] | None
    lag_timex: Timex | None
    cue: TextSpan


class RelationFinder:
    def __init__(self, vocab: Vocab, cues: RelationCues, make_doc: object) -> None:
        self.cues = cues
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        maker = make_doc
        self.matcher.add("after", [maker(p) for p in cues.after])  # type: ignore[operator]
        self.matcher.add("before", [maker(p) for p in cues.before])  # type: ignore[operator]

    def _soon(self, first: Token, cue: Token) -> tuple[int, int] | None:
        """ "shortly after", "hours before": the lag a word of the cue's allows, if any."""
        words = {
            c.lower_
            for token in {first, cue}
            for c in token.children
            if c.dep_ in ("advmod", "npadvmod")
        }
        if first.i > 0:
            words.add(first.nbor(-1).lower_)
        if words & self.cues.at_once:
            return AT_ONCE_DAYS
        if words & self.cues.soon:
            return SOON_DAYS
        return None

    def find(
        self,
        doc: Doc,
        anchors: Mapping[int, int],
        event_sentence: Sequence[int],
        placed: Sequence[PlacedTimex],
        policy: Sequence[bool],
    ) -> list[RelationFound]:
        """Relations between events (numbered as in ``anchors``)."""
        strings = doc.vocab.strings
        found: list[RelationFound] = []
        durations = {t.span.root.i: t for t in placed if t.timex.type == "DURATION"}
        for match_id, start, end in self.matcher(doc):
            relation = strings[match_id]
            cue = doc[end - 1]  # "after", or the "to" of "prior to"
            targets = [t for t in cue.children if t.dep_ in ("pobj", "pcomp")]
            if cue.dep_ == "mark":
                clause = cue.head
                target = _event_in(clause, anchors)
                governor = clause.head
            else:
                target = next(
                    (e for t in targets if (e := _event_in(t, anchors)) is not None), None
                )
                governor = doc[start].head if doc[start].dep_ != "ROOT" else cue.head
                if doc[start].dep_ in ("advmod",) and cue.dep_ == "prep":
                    governor = doc[start].head
            if target is None:
                continue
            source = _event_above(governor, anchors)
            if source is None:
                source = self._antecedent(governor, anchors, event_sentence, policy, doc)
            if source is None or source == target:
                continue
            lag_item = next(
                (
                    durations[c.i]
                    for c in doc[start].children
                    if c.dep_ == "npadvmod" and c.i in durations
                ),
                None,
            )
            if lag_item is None:
                # "a day after the authority ordered ...": the parser may hang the amount
                # on the cue, or on the verb of the clause the cue opens (before the cue)
                holders = [cue, *([cue.head] if cue.dep_ == "mark" else [])]
                lag_item = next(
                    (
                        durations[c.i]
                        for holder in holders
                        for c in holder.children
                        if c.dep_ == "npadvmod" and c.i in durations and c.i < cue.i
                    ),
                    None,
                )
            cue_span = doc[start:end]
            lag = lag_days(lag_item.timex) if lag_item else None
            if lag is None:
                lag = self._soon(doc[start], cue)
            found.append(
                RelationFound(
                    source,
                    relation,
                    target,
                    lag,
                    lag_item.timex if lag_item else None,
                    TextSpan(cue_span.start_char, cue_span.end_char, cue_span.text),
                )
            )
        for token in with_lemmas(doc, self.cues.cause_verbs | self.cues.precede_verbs):
            lemma = token.lemma_.lower()
            if lemma in self.cues.cause_verbs or lemma in self.cues.precede_verbs:
                objects = children(token, "dobj", "obj")
                target = next(
                    (e for o in objects if (e := _event_in(o, anchors)) is not None), None
                )
                subject = subject_of(token)
                if subject is not None and (e := _event_in(subject, anchors)) is not None:
                    source = e
                elif token.dep_ in ("advcl", "conj", "xcomp"):
                    source = _event_above(token.head, anchors)
                else:
                    source = None
                if target is None or source is None or source == target:
                    continue
                verb = TextSpan(token.idx, token.idx + len(token.text), token.text)
                if lemma in self.cues.cause_verbs:  # "X prompted Y": Y after X
                    found.append(RelationFound(target, "after", source, None, None, verb))
                else:  # "X preceded Y": X before Y
                    found.append(RelationFound(source, "before", target, None, None, verb))
        return found

    @staticmethod
    def _antecedent(
        governor: Token,
        anchors: Mapping[int, int],
        event_sentence: Sequence[int],
        policy: Sequence[bool],
        doc: Doc,
    ) -> int | None:
        """ "This came after ...": the last policy event of the sentences before."""
        subjects = children(governor, "nsubj")
        if not subjects or subjects[0].lower_ not in _DEMONSTRATIVES:
            return None
        sentence = governor.sent.start
        best: int | None = None
        for event, start in enumerate(event_sentence):
            if (
                start < sentence
                and policy[event]
                and (best is None or start >= event_sentence[best])
            ):
                best = event
        return best


def _event_in(token: Token, anchors: Mapping[int, int]) -> int | None:
    """The event anchored highest in a subtree (breadth-first from its root)."""
    queue = [token]
    while queue:
        current = queue.pop(0)
        if current.i in anchors:
            return anchors[current.i]
        queue.extend(current.children)
    return None


def _event_above(token: Token, anchors: Mapping[int, int]) -> int | None:
    for current in (token, *token.ancestors):
        if current.i in anchors:
            return anchors[current.i]
    return None


def bind_relations(
    drafts: Sequence[Any],
    related: Mapping[int, list[RelationFound]],
    ids: Mapping[int, str],
    placed: Sequence[PlacedTimex],
    timexes: list[Timex],
) -> list[Timex]:
    """Found relations -> records on the drafts; "two weeks after X" durations anchored on X.

    ``drafts`` are the events component's drafts (``relations``, ``timex``), numbered as in
    ``related`` and ``ids``. Returns the timexes with their new anchors.
    """
    bound: dict[str, str] = {}
    for source, items in related.items():
        if source not in ids:
            continue
        for found in items:
            if found.target not in ids:
                continue
            relation = EventRelation(found.relation, ids[found.target], found.lag, found.cue)
            draft = drafts[source]
            if relation not in draft.relations:
                draft.relations.append(relation)
            if found.lag_timex is not None:
                bound[found.lag_timex.id] = ids[found.target]
                if draft.timex is None:
                    draft.timex = next(
                        (p for p in placed if p.timex.id == found.lag_timex.id), None
                    )
    updated = []
    for timex in timexes:
        if timex.id in bound and not timex.anchor.startswith("event:"):
            timex = replace(timex, anchor=f"event:{bound[timex.id]}")
        updated.append(timex)
    by_id = {t.id: t for t in updated}
    for draft in drafts:
        if draft.timex is not None and draft.timex.timex.id in bound:
            draft.timex = PlacedTimex(by_id[draft.timex.timex.id], draft.timex.span)
    return updated
