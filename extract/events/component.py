"""spaCy component ``ptkg_events``: typed policy event mentions with their participants.

Reads: the parse, ``doc._.entities`` / ``doc.spans["entities"]`` (ptkg_entities),
``doc._.timexes`` (ptkg_timex; without it, events are undated), and the event lexicon
(extract/data/event_types.yaml, scopes.yaml, modality.yaml, attribution.yaml, plus the
user's files named in ``lexicons``).
Adds: ``doc._.events``, a list of ``EventMention`` (ids "v1", "v2"... in text order).
When a duration dates an event relative to another ("two weeks after imposing export
controls"), the duration's ``Timex`` in ``doc._.timexes`` gets the anchor ``event:<id>``.

Steps: find triggers (triggers.py); merge the triggers that name one event ("issued an
export block that prohibited ...", "designated ..., effectively blacklisting ...",
"directed Anthropic to suspend access"); for each event, gather participants, models,
scope, modality, tense, attribution, instrument and time; drop generic mentions ("export
controls can slow diffusion"); link events the text orders.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy
from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.entities.lexicon import load_entity_lexicon
from extract.errors import PipelineError
from extract.events.attribution import AttributionFinder, Cue, attribution_for
from extract.events.lexicon import LIFT, EventLexicon, load_event_lexicon
from extract.events.modality import modality_of, tense_of
from extract.events.participants import DocEntities
from extract.events.scope import ScopeFinder, ScopeMatch, limited_modifier
from extract.events.syntax import (
    Sentences,
    children,
    determiner,
    finite_governor,
    is_verbal,
    path_is_within,
    subjects,
)
from extract.events.timing import (
    PlacedTimex,
    RelationFinder,
    RelationFound,
    attach_timexes,
    place_timexes,
)
from extract.events.triggers import Trigger, TriggerFinder
from extract.records import EntityMention, EventMention, EventRelation, Scope, Timex
from extract.records import Span as TextSpan

# Dependencies along which two triggers may name one event.
_MERGE_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "relcl",
        "pcomp",
        "prep",
        "dobj",
        "pobj",
        "appos",
        "oprd",
        "attr",
        "nsubjpass",
        "compound",
    }
)
# Argument positions whose words (and models) belong to an event.
_ARGUMENT_DEPS = frozenset(
    {
        "dobj",
        "obj",
        "nsubjpass",
        "attr",
        "oprd",
        "dative",
        "compound",
        "nmod",
        "poss",
        "appos",
        "xcomp",
        "ccomp",
        "acomp",
        "pcomp",
        "acl",
        "amod",
        "npadvmod",
    }
)
_ARGUMENT_PREPS = frozenset(
    {
        "of",
        "on",
        "to",
        "for",
        "from",
        "over",
        "against",
        "under",
        "in",
        "with",
        "by",
        "as",
        "including",
    }
)
_BOUNDARY_WORDS = frozenset(
    {
        "while",
        "but",
        "although",
        "though",
        "whereas",
        "because",
        "after",
        "before",
        "when",
        "as",
        ";",
        ":",
        "—",
        "–",
    }
)
_HEADLINE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "to",
        "for",
        "and",
        "or",
        "with",
        "at",
        "by",
        "from",
        "as",
        "vs",
        "is",
    }
)
_BASE_PARSE = (
    "transformer",
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_SEPARATE_MARKS = frozenset(
    {
        "after",
        "before",
        "because",
        "when",
        "while",
        "since",
        "as",
        "if",
        "unless",
        "although",
        "though",
        "whereas",
        "until",
        "once",
    }
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "poss", "its", "their"})


def _register_extensions() -> None:
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", default=None)


@Language.factory(
    "ptkg_events",
    default_config={"lexicons": []},
    requires=["doc._.entities", "token.dep", "token.pos", "token.lemma", "token.morph"],
    assigns=["doc._.events"],
)
def make_event_extractor(nlp: Language, name: str, lexicons: list[str]) -> EventExtractor:
    return EventExtractor(nlp, name, lexicons)


@dataclass
class Draft:
    """One event in the making: its merged triggers and what was found about it."""

    members: list[Trigger]
    anchors: set[int] = field(default_factory=set)
    type: str = ""
    agents: list[EntityMention] = field(default_factory=list)
    affected: list[EntityMention] = field(default_factory=list)
    models: list[EntityMention] = field(default_factory=list)
    scopes: list[ScopeMatch] = field(default_factory=list)
    limited: Token | None = None
    timex: PlacedTimex | None = None
    modality: str = "asserted"
    tense: str = "past"
    attribution: Cue | None = None
    instrument: EntityMention | None = None
    relations: list[EventRelation] = field(default_factory=list)
    carried_by: Draft | None = None  # a dated letter that carries this act (its date is ours)
    event_id: str = ""

    @property
    def head(self) -> Trigger:
        return self.members[0]


class EventExtractor:
    """Builds its matchers once from the lexicon; ``__call__`` runs them on each document."""

    def __init__(self, nlp: Language, name: str = "ptkg_events", lexicons: Sequence[str] = ()):
        _register_extensions()
        self.name = name
        self.nlp = nlp  # its tagger and parser re-read title-case headlines
        paths = [Path(p) for p in lexicons]
        self.lexicon: EventLexicon = load_event_lexicon(paths)
        self.entity_lexicon = load_entity_lexicon(paths)
        self.triggers = TriggerFinder(nlp.vocab, self.lexicon)
        self.scopes = ScopeFinder(nlp.vocab, self.lexicon)
        self.attributions = AttributionFinder(nlp.vocab, self.lexicon.attribution, nlp.make_doc)
        self.relations = RelationFinder(nlp.vocab, self.lexicon.relations, nlp.make_doc)
        cues = self.lexicon.relations
        self.separating = frozenset(
            w for phrase in (*cues.after, *cues.before) for w in phrase.split()[-1:]
        ) | {"prior"}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("DEP"):
            raise PipelineError(
                f"{self.name} needs a dependency parse: add it after the parser "
                "(extract.nlp.load_pipeline does)"
            )
        timexes: list[Timex] = list(doc._.timexes or []) if Doc.has_extension("timexes") else []
        headlines = self._headlines(doc)
        skip = {i for span in headlines for i in range(span.start, span.end)}
        events, timexes = self._extract(doc, timexes, skip)
        if headlines:
            events.extend(self._headline_events(doc, headlines, timexes))
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        events, new_ids = _renumber(events)
        doc._.events = events
        if Doc.has_extension("timexes") and doc._.timexes is not None:
            doc._.timexes = [_rebind(t, new_ids) for t in timexes]
        return doc

    def _extract(
        self,
        doc: Doc,
        timexes: list[Timex],
        skip: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> tuple[list[EventMention], list[Timex]]:
        """Event mentions of a document (ids "v1"... local to this call) and its timexes,
        durations anchored on the events they offset."""
        entities = DocEntities.build(doc, self.entity_lexicon, self.lexicon)
        cues = self.attributions.find(doc, entities)
        # "according to a letter ...": the letter is a source here, not an event
        according_spans = {i for c in cues if c.depth < 0 for i in range(c.start, c.end)}
        triggers = [
            t
            for t in self.triggers.find(doc, entities)
            if t.head.i not in according_spans and t.head.i not in skip
        ]
        drafts = self._merge(triggers)
        placed = place_timexes(doc, timexes)
        for draft in drafts:
            self._anchor(draft)
        anchors = {i: n for n, d in enumerate(drafts) for i in d.anchors}
        index = Sentences(doc)
        sentences = {(s := index.of(d.head.head.i)).start: s for d in drafts}
        scope_matches = self.scopes.find(doc, [sentences[k] for k in sorted(sentences)])
        for number, draft in enumerate(drafts):
            self._describe(doc, draft, entities, cues)
            draft.scopes = [s for s in scope_matches if _owner(s.head, anchors) == number]
        self._linear_fallbacks(doc, drafts, anchors, scope_matches, entities)
        for number, item in attach_timexes(
            placed, anchors, self.lexicon.ignore_timex_values
        ).items():
            drafts[number].timex = item
        for draft in drafts:
            self._decide_type(draft)
        related = self._relations(doc, drafts, anchors, placed, index)
        ordered = sorted(
            (n for n, d in enumerate(drafts) if n in related or self._specific(d)),
            key=lambda n: drafts[n].head.start,
        )
        ids = {n: f"v{k}" for k, n in enumerate(ordered, 1)}
        for n, event_id in ids.items():
            drafts[n].event_id = event_id
        timexes = self._bind(drafts, related, ids, placed, timexes)
        text = doc.text  # built once: Doc.text joins every token
        self._link_instruments(text, [drafts[n] for n in ordered])
        return [self._record(text, drafts[n], ids[n], index) for n in ordered], timexes

    def _link_instruments(self, text: str, drafts: list[Draft]) -> None:
        """A dated letter is the instrument of the undated policy act it carries: the nearest
        asserted act of a type it may carry (event_types.yaml: ``instrument_of``), in its
        paragraph or else the paragraph before ("The move allows ... . The news was confirmed
        in a letter dated March 3")."""
        breaks = [m.start() for m in _PARAGRAPH.finditer(text)]

        def paragraph(draft: Draft) -> int:
            return bisect.bisect_right(breaks, draft.head.head.idx)

        for letter in drafts:
            type_def = self.lexicon.types.get(letter.type)
            kinds = type_def.instrument_of if type_def is not None else ()
            if not kinds or letter.timex is None:
                continue
            if letter.timex.timex.type not in ("DATE", "TIME") or letter.modality != "asserted":
                continue
            home = paragraph(letter)
            acts = [
                d
                for d in drafts
                if d.type in kinds
                and d.modality == "asserted"
                and d.timex is None
                and d.instrument is None
                and paragraph(d) in (home, home - 1)
            ]
            if not acts:
                continue
            pool = [d for d in acts if paragraph(d) == home] or acts
            nearest = min(pool, key=lambda d: abs(d.head.head.i - letter.head.head.i))
            nearest.instrument = letter.instrument
            nearest.carried_by = letter

    # ------------------------------------------------------------------ headlines
    def _headlines(self, doc: Doc) -> list[Span]:
        """Title-case lines ("U.S. Lifts Curbs on Anthropic's Top AI Models"): the statistical
        tagger reads most of their words as proper nouns, so they are parsed again in
        sentence case."""
        if len(doc) == 0:
            return []
        strings = doc.vocab.strings
        small = [strings[w] for w in _HEADLINE_SMALL_WORDS if w in strings]
        table = doc.to_array([SENT_START, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER]).astype("int64")
        starts = numpy.nonzero(table[:, 0] == 1)[0]
        if len(starts) == 0 or starts[0] != 0:
            starts = numpy.concatenate([[0], starts])
        word = (table[:, 1] == 1) & ~numpy.isin(table[:, 4].astype("uint64"), small)
        capital = word & ((table[:, 2] == 1) | (table[:, 3] == 1))
        words = numpy.add.reduceat(word.astype("int64"), starts)
        capitals = numpy.add.reduceat(capital.astype("int64"), starts)
        ends = [*starts[1:].tolist(), len(doc)]
        out = []
        for start, end, n_words, n_capitals in zip(
            starts.tolist(), ends, words, capitals, strict=True
        ):
            if n_words < 3 or n_capitals / n_words < 0.7:
                continue
            span = doc[start:end]
            while len(span) > 1 and span[-1].is_space:
                span = doc[span.start : span.end - 1]
            if span[-1].text in (".", "?", "!", '"', "”"):
                continue
            # only headlines with a word that may be a trigger are parsed again
            if any(t.lower_ in self.triggers.by_form for t in span):
                out.append(span)
        return out

    @staticmethod
    def _sentence_case(doc: Doc, span: Span) -> str:
        """The headline with ordinary words in lower case (names, acronyms kept): same length,
        so every offset still holds."""
        named = {i for e in doc.spans.get("entities", ()) for i in range(e.start, e.end)}
        words = []
        for token in span:
            keep = (
                token.i == span.start
                or token.i in named
                or token.is_upper
                or _mixed_case(token.text)
            )
            words.append((token.text if keep else token.lower_) + token.whitespace_)
        return "".join(words)

    def _headline_events(
        self, doc: Doc, headlines: list[Span], timexes: list[Timex]
    ) -> list[EventMention]:
        """Events of the headlines, read from one sentence-cased text that holds them all (one
        parse, one extraction), with offsets mapped back to the document."""
        pieces: list[str] = []
        blocks: list[tuple[int, int, int]] = []  # (start in the joined text, end, document offset)
        position = 0
        for span in headlines:
            text = self._sentence_case(doc, span).rstrip()
            blocks.append((position, position + len(text), span.start_char))
            pieces.append(text + "\n\n")
            position += len(text) + 2
        sub = self.nlp.make_doc("".join(pieces))
        for token in sub:  # each headline is a sentence of its own
            token.is_sent_start = token.i == 0 or sub[token.i - 1].is_space
        sub = self._parse(sub)

        def local(start: int, end: int) -> int | None:
            for begin, finish, offset in blocks:
                if offset <= start and end <= offset + (finish - begin):
                    return begin - offset
            return None

        mentions = []
        for mention in doc._.entities or []:
            shift = local(mention.span.start, mention.span.end)
            if shift is not None:
                moved_span = TextSpan(
                    mention.span.start + shift, mention.span.end + shift, mention.span.text
                )
                mentions.append(replace(mention, span=moved_span))
        sub._.entities = mentions
        moved = []
        for timex in timexes:
            shift = local(timex.span.start, timex.span.end)
            if shift is not None:
                timex_span = TextSpan(
                    timex.span.start + shift, timex.span.end + shift, timex.span.text
                )
                moved.append(replace(timex, span=timex_span))
        events, _ = self._extract(sub, moved)
        text = doc.text
        out = []
        for event in events:
            block = next(b for b in blocks if b[0] <= event.trigger.start < b[1])
            out.append(_shift(event, block[2] - block[0], text))
        return out

    def _parse(self, sub: Doc) -> Doc:
        """Tag and parse a text with the base pipeline (no NER, none of the project's
        components)."""
        for name, proc in self.nlp.pipeline:
            if name in _BASE_PARSE:
                sub = proc(sub)
        return sub

    # ------------------------------------------------------------------ merging
    def _merge(self, triggers: Sequence[Trigger]) -> list[Draft]:
        by_head = {t.head.i: t for t in triggers}
        parent: dict[int, int] = {}
        for trigger in triggers:
            for ancestor in trigger.head.ancestors:
                other = by_head.get(ancestor.i)
                if other is None:
                    continue
                if self._mergeable(other, trigger):
                    parent[trigger.head.i] = other.head.i
                break
        groups: dict[int, list[Trigger]] = {}
        for trigger in triggers:
            root = trigger.head.i
            while root in parent:
                root = parent[root]
            groups.setdefault(root, []).append(trigger)
        drafts = []
        for root, members in groups.items():
            members.sort(key=lambda t: (t.head.i != root, t.head.i))
            drafts.append(Draft(members))
        return drafts

    def _mergeable(self, upper: Trigger, lower: Trigger) -> bool:
        if not path_is_within(lower.head, upper.head, _MERGE_DEPS):
            return False
        for step in (lower.head, *lower.head.ancestors):
            if step.i == upper.head.i:
                break
            if step.dep_ == "prep" and step.lower_ in self.separating:
                return False  # "... two weeks after imposing export controls": two events
            if step.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _SEPARATE_MARKS for c in step.children
            ):
                return False  # "banned X after Y banned Z": two events
        if upper.rule.absorbs_complement:
            return True
        coarse = self.lexicon.coarse
        upper_type = coarse(upper.type) if upper.type != LIFT else LIFT
        lower_type = coarse(lower.type) if lower.type != LIFT else LIFT
        return upper_type == lower_type and upper.rule.modality == lower.rule.modality

    def _anchor(self, draft: Draft) -> None:
        """Tokens whose dependents (dates, scopes, cues) belong to this event."""
        for member in draft.members:
            draft.anchors.add(member.head.i)
            if member.light is not None:
                draft.anchors.add(member.light.i)
            head = member.head
            # "The move ... took place in early June", "The ban came into force on ..."
            if head.dep_ in ("nsubj", "nsubjpass") or (
                head.head.dep_ in ("nsubj",) and head.dep_ in ("acl", "relcl")
            ):
                verb = head.head if head.dep_.startswith("nsubj") else head.head.head
                phrase = verb.lemma_.lower()
                objects = children(verb, "dobj")
                if objects:
                    phrase = f"{phrase} {objects[0].lower_}"
                if (
                    verb.lemma_.lower() in self.lexicon.occurrence_verbs
                    or phrase in self.lexicon.occurrence_verbs
                ):
                    draft.anchors.add(verb.i)

    # ------------------------------------------------------------------ description
    def _describe(self, doc: Doc, draft: Draft, entities: DocEntities, cues: list[Cue]) -> None:
        rep = draft.head
        for member in draft.members:
            absorbed = member is not rep and rep.rule.absorbs_complement
            for mention in member.agents:
                # "directed Anthropic to suspend access": Anthropic is told, not telling
                target = draft.affected if absorbed else draft.agents
                if mention not in target:
                    target.append(mention)
            for mention in member.affected:
                if mention not in draft.affected:
                    draft.affected.append(mention)
            for mention in entities.models_in(self._region(member)):
                if mention not in draft.models:
                    draft.models.append(mention)
            if draft.limited is None:
                draft.limited = limited_modifier(member.head, self.lexicon)
        draft.affected = [m for m in draft.affected if m not in draft.agents]
        if not draft.affected and self.lexicon.coarse(
            rep.type if rep.type != LIFT else "partial_lift"
        ) in ("export_restriction", "partial_lift", "full_lift", "designation"):
            draft.affected = self._owners(draft, entities)
        state = rep.rule.modality == "state"
        draft.modality = modality_of(rep.head, rep.light, self.lexicon.modality, state=state)
        if (
            draft.modality == "asserted"
        ):  # a merged member may carry the cue ("is considering allowing")
            for member in draft.members[1:]:
                modality = modality_of(
                    member.head, member.light, self.lexicon.modality, state=state
                )
                if modality not in ("asserted", "state") and not path_is_within(
                    member.head,
                    rep.head,
                    frozenset(
                        {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"}
                    ),
                    1,
                ):
                    draft.modality = modality
                    break
        draft.tense = tense_of(rep.head, rep.light)
        draft.attribution = attribution_for(rep.head, cues)
        draft.instrument = self._instrument(rep, entities, draft.attribution)

    def _owners(self, draft: Draft, entities: DocEntities) -> list[EntityMention]:
        """The companies whose products an event concerns ("restrictions on Anthropic's
        models"): the owner of each model, or the possessor of what the trigger is "on"."""
        owners: list[EntityMention] = []
        agents = {m.name for m in draft.agents}
        for model in draft.models:
            owner = entities.owner_of(model)
            if owner is not None and owner.name not in agents | {o.name for o in owners}:
                owners.append(owner)
        if owners:
            return owners
        for member in draft.members:
            holders = [
                member.head,
                *children(member.head, "dobj", "obj", "nsubjpass"),
                *member.objects,
            ]
            for holder in holders:
                for prep in children(holder, "prep"):
                    if prep.lower_ not in ("on", "to", "of", "against"):
                        continue
                    for obj in children(prep, "pobj"):
                        for part in (obj, *children(obj, "poss", "compound", "nmod")):
                            mention = (
                                entities.resolve(part) if part.dep_ == "poss" else entities.at(part)
                            )
                            if (
                                mention is not None
                                and entities.actor_kind(mention) == "company"
                                and mention.name not in agents | {o.name for o in owners}
                            ):
                                owners.append(mention)
        return owners

    def _region(self, trigger: Trigger) -> list[Token]:
        """Words of the trigger's own clause: its arguments, not a coordinated predicate."""
        head = trigger.head
        tokens: list[Token] = []
        starts = [head]
        if trigger.is_noun:
            starts = [head]
        stack = [c for s in starts for c in s.children if self._argument(c)]
        if trigger.rule.modality == "state":
            stack.extend(subjects(head))
        elif not trigger.is_noun and not children(head, "dobj"):
            stack.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
        if trigger.light is not None:
            stack.extend(
                c
                for c in trigger.light.children
                if c.dep_ in ("dobj", "nsubjpass") and c.i != head.i
            )
        tokens.append(head)
        while stack:
            token = stack.pop()
            tokens.append(token)
            stack.extend(c for c in token.children if not (c.dep_ == "conj" and is_verbal(c)))
        return tokens

    @staticmethod
    def _argument(child: Token) -> bool:
        if child.dep_ == "conj":
            return not is_verbal(child)
        if child.dep_ == "prep":
            return child.lower_ in _ARGUMENT_PREPS
        if child.dep_ == "advcl":
            return not any(c.dep_ == "mark" for c in child.children)
        return child.dep_ in _ARGUMENT_DEPS

    def _instrument(
        self, trigger: Trigger, entities: DocEntities, cue: Cue | None
    ) -> EntityMention | None:
        own = entities.at(trigger.head)
        if own is not None and own.type == "legal_instrument":
            return own
        for token in (trigger.head, trigger.light):
            if token is None:
                continue
            for prep in children(token, "prep"):
                if prep.lower_ in ("in", "by", "through", "via", "under", "with"):
                    for obj in children(prep, "pobj"):
                        mention = entities.at(obj)
                        if mention is not None and mention.type == "legal_instrument":
                            return mention
        if cue is not None and cue.instrument_token is not None:
            mention = entities.at(cue.instrument_token)
            if mention is not None and mention.type == "legal_instrument":
                return mention
        return None

    def _linear_fallbacks(
        self,
        doc: Doc,
        drafts: list[Draft],
        anchors: dict[int, int],
        scopes: list[ScopeMatch],
        entities: DocEntities,
    ) -> None:
        """For a mis-parsed verb trigger, take models and scope from the words after it."""
        for number, draft in enumerate(drafts):
            rep = draft.head
            misparsed = rep.head.pos_ == "ADJ" or rep.head.dep_ in (
                "amod",
                "compound",
                "nmod",
                "npadvmod",
            )
            if rep.is_noun or not misparsed or (draft.models and draft.scopes):
                continue
            window = _window(doc, rep.head, anchors, number)
            if not draft.models:
                draft.models = [m for m in entities.models_in(window)]
            if not draft.scopes:
                inside = {t.i for t in window}
                draft.scopes = [
                    s
                    for s in scopes
                    if s.head.i in inside and _owner(s.head, anchors) in (None, number)
                ]

    def _decide_type(self, draft: Draft) -> None:
        rep = draft.head
        event_type = rep.type
        populations = [self.lexicon.population(s.population) for s in draft.scopes]
        limiting = (
            any(p is not None and p.limits_lift for p in populations) or draft.limited is not None
        )
        general = any(p is not None and not p.limits_lift for p in populations)
        if event_type == LIFT:
            degree = None
            for member in draft.members:
                for child in member.head.children:
                    if (
                        child.dep_ in ("advmod", "amod")
                        and child.lower_ in self.lexicon.partial_modifiers
                    ):
                        degree = "partial"
                    elif (
                        child.dep_ in ("advmod", "amod")
                        and child.lower_ in self.lexicon.full_modifiers
                    ):
                        degree = "full"
            if degree is None:
                if limiting:
                    degree = "partial"
                elif general:
                    degree = "full"
                elif any(m.rule.degree == "partial" for m in draft.members):
                    degree = "partial"
                elif any(m.type == LIFT and m.rule.degree == "full" for m in draft.members):
                    degree = "full"
                else:
                    degree = "partial"  # an authorization: an exemption, the rest stays
            event_type = "partial_lift" if degree == "partial" else "full_lift"
        elif limiting and rep.rule.when_limited:
            event_type = rep.rule.when_limited
        draft.type = event_type
        if draft.limited is not None and not any(
            s.population == "limited_group" for s in draft.scopes
        ):
            draft.scopes.append(
                ScopeMatch(
                    "limited_group", draft.limited.doc[draft.limited.i : draft.limited.i + 1], None
                )
            )
        if not draft.affected and self.lexicon.coarse(event_type) in (
            "export_restriction",
            "partial_lift",
            "full_lift",
        ):
            draft.affected = []

    # ------------------------------------------------------------------ generic vs specific
    def _specific(self, draft: Draft) -> bool:
        """A specific event names a model, a date or a named participant, or is told as a
        past fact about something definite; generic statements ("export controls can slow
        diffusion", "blunt export bans") are not events."""
        rep = draft.head
        if draft.models or draft.timex is not None:
            return True
        anaphoric = {i for member in draft.members for i in member.anaphoric}
        named_agents = [m for m in draft.agents if m.id not in anaphoric]
        named_affected = [m for m in draft.affected if m.id not in anaphoric]
        if rep.rule.modality == "state":
            return bool(
                named_agents
                or named_affected
                or draft.scopes
                or determiner(rep.head) in _DEFINITE
                or any(determiner(s) in _DEFINITE for s in subjects(rep.head))
            )
        perfect_or_past = draft.tense == "past"
        governor = finite_governor(rep.light or rep.head)
        habitual = (
            draft.tense == "present"
            and draft.modality == "asserted"
            and not any(c.dep_ == "aux" and c.lemma_ in ("be", "have") for c in governor.children)
        )
        if not rep.is_noun:
            own_subject = bool(subjects(rep.head)) or rep.head.tag_ not in ("VBG", "VB")
            if named_affected or (named_agents and not habitual and own_subject):
                return True
            if named_agents and draft.modality != "asserted":
                return True  # "Anthropic is working to restore access"
            if not own_subject and draft.modality == "asserted":
                # a participle that only inherits its agent ("limiting access")
                return bool(draft.scopes) and perfect_or_past
            has_args = bool(draft.agents or draft.affected or draft.scopes or rep.agent_kind)
            finite = rep.head.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in rep.head.children
            )
            return has_args and perfect_or_past and finite
        if named_agents or named_affected:
            return True
        det = determiner(rep.head)
        if det is None or det in ("any", "every", "each", "no", "some"):
            return False  # "blunt export bans", "AI export controls", "any future case"
        plural = rep.head.tag_ in ("NNS", "NNPS")
        if det in ("a", "an", "another"):
            return perfect_or_past and not plural
        return det in _DEFINITE and (perfect_or_past or not plural)

    # ------------------------------------------------------------------ relations
    def _relations(
        self,
        doc: Doc,
        drafts: list[Draft],
        anchors: dict[int, int],
        placed: list[PlacedTimex],
        index: Sentences,
    ) -> dict[int, list[RelationFound]]:
        """Relations the text states, by draft number (both ends are kept as events)."""
        sentence_of = [index.of(d.head.head.i).start for d in drafts]
        policy = [
            (self.lexicon.types[d.type].timeline if d.type in self.lexicon.types else True)
            and d.modality == "asserted"
            for d in drafts
        ]
        related: dict[int, list[RelationFound]] = {}
        for found in self.relations.find(doc, anchors, sentence_of, placed, policy):
            related.setdefault(found.source, []).append(found)
            related.setdefault(found.target, [])
        return related

    def _bind(
        self,
        drafts: list[Draft],
        related: dict[int, list[RelationFound]],
        ids: dict[int, str],
        placed: list[PlacedTimex],
        timexes: list[Timex],
    ) -> list[Timex]:
        """Turn found relations into records; anchor "two weeks after X" durations on X."""
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

    # ------------------------------------------------------------------ records
    def _record(self, text: str, draft: Draft, event_id: str, index: Sentences) -> EventMention:
        rep = draft.head
        doc = index.doc
        trigger = (
            doc[rep.start : rep.end]
            if rep.end - rep.start < 4
            else doc[rep.head.i : rep.head.i + 1]
        )
        sentence = index.of(rep.head.i)
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
                sentence.start_char,
                sentence.end_char,
                text[sentence.start_char : sentence.end_char],
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
            attribution=draft.attribution.record(text, index.doc)
            if draft.attribution is not None
            else None,
            instrument=draft.instrument.id if draft.instrument is not None else None,
            carried_by=draft.carried_by.event_id if draft.carried_by is not None else None,
        )


# --------------------------------------------------------------------------- helpers


def _owner(token: Token, anchors: dict[int, int]) -> int | None:
    for current in (token, *token.ancestors):
        if current.i in anchors:
            return anchors[current.i]
    return None


def _window(doc: Doc, head: Token, anchors: dict[int, int], number: int) -> list[Token]:
    """Words after a verb trigger up to the clause's end (for mis-parsed sentences)."""
    out: list[Token] = []
    sentence_end = head.sent.end
    for token in doc[head.i + 1 : sentence_end]:
        if token.lower_ in _BOUNDARY_WORDS or (token.i in anchors and anchors[token.i] != number):
            break
        out.append(token)
    return out


def _mixed_case(text: str) -> bool:
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)


def _shift_span(span: TextSpan | None, offset: int, text: str) -> TextSpan | None:
    if span is None:
        return None
    start, end = span.start + offset, span.end + offset
    return TextSpan(start, end, text[start:end])


def _shift(event: EventMention, offset: int, text: str) -> EventMention:
    """An event of a re-parsed headline, with offsets (and original casing) of the document."""
    trigger = _shift_span(event.trigger, offset, text)
    sentence = _shift_span(event.sentence, offset, text)
    assert trigger is not None and sentence is not None
    attribution = event.attribution
    if attribution is not None:
        cue = _shift_span(attribution.cue, offset, text)
        assert cue is not None
        attribution = replace(attribution, cue=cue)
    return replace(
        event,
        id=f"h:{event.id}",  # ids (and relation targets) of the headline pass
        trigger=trigger,
        sentence=sentence,
        scope=tuple(replace(s, span=_shift_span(s.span, offset, text)) for s in event.scope),
        relations=tuple(replace(r, cue=_shift_span(r.cue, offset, text)) for r in event.relations),
        attribution=attribution,
    )


def _renumber(events: list[EventMention]) -> tuple[list[EventMention], dict[str, str]]:
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


def _rebind(timex: Timex, new_ids: dict[str, str]) -> Timex:
    """A duration anchored on an event ("event:v3") follows the event's final id."""
    if timex.anchor.startswith("event:"):
        old = timex.anchor.split(":", 1)[1]
        if old in new_ids:
            return replace(timex, anchor=f"event:{new_ids[old]}")
    return timex


__all__ = ["EventExtractor", "make_event_extractor"]
