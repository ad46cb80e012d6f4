"""spaCy component ``ptkg_events``: typed policy event mentions with their participants.

Reads: the parse, ``doc._.entities`` / ``doc.spans["entities"]`` (ptkg_entities),
``doc._.timexes`` (ptkg_timex; without it, events are undated), and the event lexicon
(extract/data/event_types.yaml, scopes.yaml, modality.yaml, attribution.yaml, plus the
user's files named in ``lexicons``).
Adds: ``doc._.events``, a list of ``EventMention`` (ids "v1", "v2"... in text order).
When a duration dates an event relative to another ("two weeks after imposing export
controls"), the duration's ``Timex`` in ``doc._.timexes`` gets the anchor ``event:<id>``.

The steps, each in its own module: headlines parsed again in sentence case
(``headlines``); triggers found (``triggers``) and merged into one draft per event
(``merging``); each draft described: participants, models, scope, modality, tense,
attribution, instrument (``description``); dated (``timing``, ``dating``); typed (``decide``); read
against the document's other mentions (``discourse``); the lines of a chronology dated by
the day that heads them (``chronology``); generic statements dropped
(``genericity``); events the text orders related (``timing``); letters
linked to the acts they carry (``instruments``); records written (``recording``); a
government notice's own acts given its issuer, adoption day and effective day
(``notices``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.entities.lexicon import load_entity_lexicon
from extract.errors import PipelineError
from extract.events.announcements import announced_decisions, announced_plans
from extract.events.attribution import AttributionFinder
from extract.events.chronology import date_chronology_entries
from extract.events.dating import date_drafts, onsets_after_a_delay
from extract.events.decide import court_refusals, decide_type
from extract.events.description import Describer
from extract.events.discourse import (
    headline_news,
    inherit_modality,
    lead_news,
    reacts_to_nothing,
    reports_an_event,
    separate_news,
    the_document_itself,
    types_from_context,
)
from extract.events.draft import Draft
from extract.events.genericity import is_specific
from extract.events.headlines import Headlines
from extract.events.instruments import link_instruments
from extract.events.lexicon import EventLexicon, load_event_lexicon
from extract.events.merging import Merger
from extract.events.notices import read_notice, the_notice_s_own_acts
from extract.events.participants import DocEntities
from extract.events.recording import rebind, renumber, to_record
from extract.events.scope import ScopeFinder
from extract.events.syntax import Sentences, in_headline
from extract.events.timing import (
    PlacedTimex,
    RelationFinder,
    RelationFound,
    bind_relations,
    place_timexes,
)
from extract.events.triggers import TriggerFinder
from extract.records import EventMention, Timex
from extract.spacy_extensions import register_extensions


@Language.factory(
    "ptkg_events",
    default_config={"lexicons": []},
    requires=["doc._.entities", "token.dep", "token.pos", "token.lemma", "token.morph"],
    assigns=["doc._.events"],
)
def make_event_extractor(nlp: Language, name: str, lexicons: list[str]) -> EventExtractor:
    return EventExtractor(nlp, name, lexicons)


class EventExtractor:
    """Builds its matchers once from the lexicon; ``__call__`` runs the steps on each Doc."""

    def __init__(self, nlp: Language, name: str = "ptkg_events", lexicons: Sequence[str] = ()):
        register_extensions("events", "entities")
        self.name = name
        paths = [Path(p) for p in lexicons]
        self.lexicon: EventLexicon = load_event_lexicon(paths)
        self.entity_lexicon = load_entity_lexicon(paths)
        self.triggers = TriggerFinder(nlp.vocab, self.lexicon)
        self.scopes = ScopeFinder(nlp.vocab, self.lexicon)
        self.attributions = AttributionFinder(nlp.vocab, self.lexicon.attribution, nlp.make_doc)
        self.relations = RelationFinder(nlp.vocab, self.lexicon.relations, nlp.make_doc)
        self.merger = Merger(self.lexicon)
        self.describer = Describer(self.lexicon)
        self.headlines = Headlines(
            nlp, self.triggers.by_form, self.lexicon.syntax.headline_small_words
        )

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("DEP"):
            raise PipelineError(
                f"{self.name} needs a dependency parse: add it after the parser "
                "(extract.nlp.load_pipeline does)",
                code="E402",
            )
        timexes: list[Timex] = list(doc._.timexes or []) if Doc.has_extension("timexes") else []
        headlines = self.headlines.find(doc)
        skip = {i for span in headlines for i in range(span.start, span.end)}
        events, timexes = self._extract(doc, timexes, skip)
        if headlines:
            events.extend(self.headlines.events(doc, headlines, timexes, self._extract))
        events = self._notice_acts(doc, events, timexes)
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        events, new_ids = renumber(events)
        doc._.events = events
        if Doc.has_extension("timexes") and doc._.timexes is not None:
            doc._.timexes = [rebind(t, new_ids) for t in timexes]
        return doc

    def _notice_acts(
        self, doc: Doc, events: list[EventMention], timexes: list[Timex]
    ) -> list[EventMention]:
        """A government notice's own acts: its issuer's, of its adoption (notices.py)."""
        entities = list(doc._.entities or []) if Doc.has_extension("entities") else []
        notice = read_notice(
            doc.text,
            entities,
            timexes,
            self.lexicon.syntax,
            lambda e: self.entity_lexicon.actor(e.type) == "government",
        )
        return events if notice is None else the_notice_s_own_acts(events, notice)

    def _extract(
        self, doc: Doc, timexes: list[Timex], skip: set[int] | None = None
    ) -> tuple[list[EventMention], list[Timex]]:
        """Event mentions of a document (ids "v1"... local to this call) and its timexes,
        durations anchored on the events they offset."""
        skip = skip or set()
        entities = DocEntities.build(doc, self.entity_lexicon, self.lexicon)
        cues = self.attributions.find(doc, entities)
        # "according to a letter ...": the letter is a source here, not an event
        according = {i for c in cues if c.depth < 0 for i in range(c.start, c.end)}
        triggers = [
            t
            for t in self.triggers.find(doc, entities)
            if t.head.i not in according and t.head.i not in skip
        ]
        drafts = self.merger.merge(triggers)
        anchors = {i: n for n, d in enumerate(drafts) for i in d.anchors}
        sentences = Sentences(doc)
        spans = {(s := sentences.of(d.head.i)).start: s for d in drafts}
        scopes = self.scopes.find(doc, [spans[k] for k in sorted(spans)])
        focus = self.describer.focus(entities)
        for number, draft in enumerate(drafts):
            self.describer.describe(draft, entities, cues, scopes, anchors, number)
            self.describer.sentence_fallback(draft, entities, sentences.of(draft.head.i), focus)
        self.describer.linear_fallbacks(doc, drafts, anchors, scopes, entities)
        placed = place_timexes(doc, timexes)
        ignore = self.lexicon.ignore_timex_values
        syntax = self.lexicon.syntax
        dct = doc._.dct if Doc.has_extension("dct") else None
        date_drafts(drafts, placed, anchors, ignore, syntax, dct, self.lexicon.actor_words)
        onsets = onsets_after_a_delay(drafts, placed, anchors, syntax, dct)
        if onsets:
            placed = [onsets.get(p.timex.id, p) for p in placed]
            timexes = [onsets[t.id].timex if t.id in onsets else t for t in timexes]
        for draft in drafts:
            self.describer.party_of_dated_step(draft, entities, sentences.of(draft.head.i), focus)
        for draft in drafts:
            decide_type(draft, self.lexicon)
        court_refusals(drafts, self.lexicon, entities)
        for draft in drafts:
            venue = self.lexicon.scheme_of(draft.type)
            if venue is not None and venue.venue is not None:
                # "asked the High Court to quash the order": the court hears it
                draft.affected = [
                    m for m in draft.affected if entities.actor_kind(m) != venue.venue
                ]
        types_from_context(drafts)
        announced_decisions(drafts, self.lexicon, entities, placed)
        announced_plans(drafts, self.lexicon, entities, placed)
        inherit_modality(drafts, self.lexicon.syntax.demonstratives)
        date_chronology_entries(drafts, placed)
        after_words = self.lexicon.relations.after
        occasions = lead_news(doc, drafts, skip, sentences, placed, dct, after_words)
        separate_news(drafts, self.lexicon.syntax.separate_news_words)
        the_document_itself(drafts)
        related = self._relations(doc, drafts, anchors, placed, sentences)
        for found in occasions:
            related.setdefault(found.source, []).append(found)
            related.setdefault(found.target, [])
        definite = self.lexicon.syntax.definite_determiners
        restated = self._headline_restated(drafts) | self._contents_of_acts(drafts)
        headline_news(drafts, self._coarse)  # once the restated ones are told apart
        kept = sorted(
            (
                n
                for n, d in enumerate(drafts)
                if n not in restated
                and (n in related or is_specific(d, definite, self._needs_party(d.type)))
                and not reports_an_event(d, drafts)
                and not reacts_to_nothing(d, drafts, self.lexicon)
            ),
            key=lambda n: drafts[n].trigger.start,
        )
        ids = {n: f"v{k}" for k, n in enumerate(kept, 1)}
        for n, event_id in ids.items():
            drafts[n].event_id = event_id
        timexes = bind_relations(drafts, related, ids, placed, timexes)
        text = doc.text  # built once: Doc.text joins every token
        link_instruments(text, [drafts[n] for n in kept], self.lexicon, sentences)
        records = []
        for n in kept:
            record = to_record(text, drafts[n], ids[n], sentences)
            records.extend(self._one_per_subject(drafts[n], record))
        named = {
            i
            for r in records
            for i in (
                *r.agents,
                *r.affected,
                *r.models,
                r.instrument,
                r.attribution.source if r.attribution else None,
            )
        }
        titles = [m for m in entities.titles_alone if m.id in named]
        if titles:  # "the President", whom the text names no one as: its entities too
            doc._.entities = [*doc._.entities, *titles]
        return records, timexes

    def _one_per_subject(self, draft: Draft, record: EventMention) -> list[EventMention]:
        """Instruments named in the plural, each on its own subject ("signed executive
        orders banning Vidly and ZenChat", "two orders against Corvex and Zentra"): one act
        per subject, each an event of its own."""
        head = (draft.instrument_trigger or draft.trigger).head
        plural = head.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in head.children
        )
        if not plural or head.lemma_.lower() not in self.lexicon.syntax.distributive_instruments:
            return [record]
        if len(record.models) > 1:
            return [
                replace(record, id=_copy_id(record.id, k), models=(subject,))
                for k, subject in enumerate(record.models)
            ]
        if len(record.affected) > 1:
            return [
                replace(record, id=_copy_id(record.id, k), affected=(subject,))
                for k, subject in enumerate(record.affected)
            ]
        return [record]

    def _headline_restated(self, drafts: list[Draft]) -> set[int]:
        """Acts of a headline in sentence case ("US clears Corvex to resume K20 sales") that
        the lead tells as its news, of the same kind and on the same party ("granted Corvex
        licences on Monday"): one act, told twice; the lead's telling, dated, is kept."""
        lead = [d for d in drafts if d.news and not in_headline(d.trigger.head)]
        if not lead:
            return set()
        out = set()
        for number, draft in enumerate(drafts):
            if draft.news or draft.modality != "asserted" or not in_headline(draft.trigger.head):
                continue
            kind = self._coarse(draft.type)
            parties = {m.name for m in (*draft.models, *draft.affected)}
            # every party the headline names, the lead's act names too (a headline naming
            # another party tells of another act: "Kestrio gets a licence for Corvex")
            if parties and any(
                self._coarse(other.type) == kind
                and parties <= {m.name for m in (*other.models, *other.affected, *other.agents)}
                for other in lead
            ):
                out.add(number)
        return out

    def _contents_of_acts(self, drafts: list[Draft]) -> set[int]:
        """A request told in the participle clause of a suit ("filed a suit at the High
        Court asking it to quash the order"), a deadline in a verb joined to a ban ("bans
        Corvex and gives operators until June 30 to remove its gear"): what the act asks,
        not an act of its own (event_types.yaml ``content_of``)."""
        carriers: dict[int, str | None] = {}
        for draft in drafts:
            for token in (draft.trigger.head, draft.trigger.light):
                if token is not None:
                    carriers[token.i] = self._coarse(draft.type)
        out = set()
        for number, draft in enumerate(drafts):
            scheme = self.lexicon.scheme_of(draft.type)
            head = draft.trigger.head
            clause = (head.dep_ == "advcl" and head.tag_ == "VBG") or head.dep_ == "conj"
            if (
                scheme is not None
                and scheme.content_of
                and clause
                and carriers.get(head.head.i) in scheme.content_of
            ):
                out.add(number)
        return out

    def _coarse(self, type_id: str) -> str | None:
        found = self.lexicon.scheme_of(type_id)
        return found.coarse if found is not None else None

    def _needs_party(self, type_id: str) -> bool:
        type_def = self.lexicon.types.get(type_id)
        return type_def is not None and type_def.needs_party

    def _relations(
        self,
        doc: Doc,
        drafts: list[Draft],
        anchors: dict[int, int],
        placed: list[PlacedTimex],
        sentences: Sentences,
    ) -> dict[int, list[RelationFound]]:
        """Relations the text states, by draft number (both ends are kept as events)."""
        sentence_of = [sentences.of(d.head.i).start for d in drafts]
        policy = [
            (self.lexicon.types[d.type].on_timeline if d.type in self.lexicon.types else True)
            and d.modality == "asserted"
            for d in drafts
        ]
        related: dict[int, list[RelationFound]] = {}
        for found in self.relations.find(doc, anchors, sentence_of, placed, policy):
            related.setdefault(found.source, []).append(found)
            related.setdefault(found.target, [])
        return related


def _copy_id(event_id: str, number: int) -> str:
    """Ids of the acts one mention names (renumbered with the rest afterwards)."""
    return event_id if number == 0 else f"{event_id}~{number}"


__all__ = ["EventExtractor", "make_event_extractor"]
