"""Records of one document -> the statements of its own named graph.

Reads: one ``DocumentRecords``. Adds: the document (schema.org / Dublin Core), its text as a
NIF context, every sentence that holds a mention, every mention with its offsets and quote,
the entities and events as this one source reports them (ptkg:ReportedEntity,
ptkg:ReportedEvent), its time expressions, and the document's date, known or inferred.
Nothing here looks at other documents: that is reconciliation's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

from rdflib import Literal, URIRef
from rdflib.term import Node

from extract.records import DocumentRecords, EntityMention, EventMention, TextSpan, Timex
from kg.iri import Minter, slug
from kg.namespace import DCTERMS, GAF, NIF, PROV, PTKG, RDF, RDFS, SDO, SEM
from kg.schema import EntityTypes
from kg.terms import amount_triples, date_literal, date_range_triples, integer_literal

Triple = tuple[URIRef, URIRef, Node]
Quad = tuple[URIRef, URIRef, Node, URIRef]


def reported_entity_key(mention: EntityMention) -> str:
    """Mentions of one name in one document are one reported entity."""
    return "ent-" + slug(mention.name)


class DocumentConverter:
    """Turns each document's records into the quads of its named graph."""

    def __init__(self, minter: Minter, entity_types: EntityTypes) -> None:
        self.minter = minter
        self.entity_types = entity_types

    def quads(self, records: DocumentRecords) -> Iterator[Quad]:
        graph = self.minter.document_graph(records.document.id)
        for s, p, o in self.triples(records):
            yield s, p, o, graph

    def triples(self, records: DocumentRecords) -> Iterator[Triple]:
        writer = _DocumentWriter(self.minter, self.entity_types, records)
        yield from writer.document()
        yield from writer.entities()
        yield from writer.timexes()
        yield from writer.events()
        yield from writer.strings()


class _DocumentWriter:
    def __init__(self, minter: Minter, entity_types: EntityTypes, records: DocumentRecords):
        self.m = minter
        self.types = entity_types
        self.r = records
        self.doc_id = records.document.id
        self.doc = minter.document(self.doc_id)
        self.context = minter.context(self.doc_id, len(records.document.text))
        self._strings: dict[tuple[int, int], URIRef] = {}
        self._sentence_of: list[TextSpan] = sorted(records.sentences, key=lambda s: s.start)

    # -- document -----------------------------------------------------------------------
    def document(self) -> Iterator[Triple]:
        d, doc = self.r.document, self.doc
        yield doc, RDF.type, SDO.NewsArticle
        yield doc, RDF.type, PROV.Entity
        yield doc, DCTERMS.identifier, Literal(d.id)
        if d.title:
            yield doc, DCTERMS.title, Literal(d.title)
        if d.publisher:
            yield doc, DCTERMS.publisher, Literal(d.publisher)
        if d.url and urlparse(d.url).scheme in ("http", "https"):
            yield doc, SDO.url, URIRef(d.url)
        yield doc, DCTERMS.language, Literal(d.language)
        yield doc, DCTERMS.source, Literal(d.source)
        yield doc, PTKG.checksum, Literal(d.checksum)
        if d.collected:
            yield doc, PTKG.collected, date_literal(d.collected)
        if d.published and d.published.days == 1:
            yield doc, DCTERMS.issued, date_literal(d.published.earliest)
        # The document's date, inferred with the help of other documents, is written by
        # reconciliation (kg.reconciled_graph), not here.
        if self.r.pipeline:
            yield doc, PTKG.extractedBy, Literal(self.r.pipeline)
        ctx = self.context
        yield ctx, RDF.type, NIF.Context
        yield ctx, RDF.type, NIF.OffsetBasedString
        yield ctx, NIF.isString, Literal(d.text)
        yield ctx, NIF.beginIndex, integer_literal(0)
        yield ctx, NIF.endIndex, integer_literal(len(d.text))
        yield ctx, NIF.sourceUrl, doc

    # -- mentions -------------------------------------------------------------------------
    def string(self, span: TextSpan) -> URIRef:
        """The NIF string of a span; its offsets, quote and sentence are written once."""
        key = (span.start, span.end)
        iri = self._strings.get(key)
        if iri is None:
            iri = self.m.string(self.doc_id, span.start, span.end)
            self._strings[key] = iri
        return iri

    def strings(self) -> Iterator[Triple]:
        text = self.r.document.text
        sentences: dict[tuple[int, int], URIRef] = {}
        for (start, end), iri in sorted(self._strings.items()):
            yield iri, RDF.type, NIF.OffsetBasedString
            yield iri, NIF.beginIndex, integer_literal(start)
            yield iri, NIF.endIndex, integer_literal(end)
            yield iri, NIF.anchorOf, Literal(text[start:end])
            yield iri, NIF.referenceContext, self.context
            sentence = self._sentence(start, end)
            if sentence is not None and (sentence.start, sentence.end) != (start, end):
                s_iri = self.m.string(self.doc_id, sentence.start, sentence.end)
                yield iri, NIF.sentence, s_iri
                sentences[(sentence.start, sentence.end)] = s_iri
        for (start, end), s_iri in sorted(sentences.items()):
            yield s_iri, RDF.type, NIF.Sentence
            if (start, end) in self._strings:
                continue  # already written as a string above
            yield s_iri, RDF.type, NIF.OffsetBasedString
            yield s_iri, NIF.beginIndex, integer_literal(start)
            yield s_iri, NIF.endIndex, integer_literal(end)
            yield s_iri, NIF.anchorOf, Literal(text[start:end])
            yield s_iri, NIF.referenceContext, self.context

    def _sentence(self, start: int, end: int) -> TextSpan | None:
        for sentence in self._sentence_of:
            if sentence.start <= start and end <= sentence.end:
                return sentence
            if sentence.start > start:
                break
        return None

    # -- entities -------------------------------------------------------------------------
    def reported_entity(self, mention_id: str) -> URIRef:
        return self.m.local(self.doc_id, reported_entity_key(self.r.entity(mention_id)))

    def entities(self) -> Iterator[Triple]:
        written: set[URIRef] = set()
        for mention in self.r.entities:
            entity = self.m.local(self.doc_id, reported_entity_key(mention))
            if entity not in written:
                written.add(entity)
                yield entity, RDF.type, PTKG.ReportedEntity
                yield entity, RDF.type, self.types.schema_class(mention.type)
                yield entity, RDFS.label, Literal(mention.name)
                yield entity, PTKG.entityType, Literal(mention.type)
                yield entity, PROV.wasDerivedFrom, self.doc
            if mention.role:
                yield entity, SDO.jobTitle, Literal(mention.role)
            if mention.affiliation:
                person = self.types.actor(mention.type) == "person"
                part_of = SDO.affiliation if person else SDO.parentOrganization
                yield entity, part_of, Literal(mention.affiliation)
            string = self.string(mention.span)
            yield entity, GAF.denotedBy, string
            yield string, PTKG.extractedWith, Literal(mention.source)
            yield string, RDF.type, NIF.Phrase

    # -- time expressions -----------------------------------------------------------------
    def timex_string(self, timex: Timex) -> URIRef:
        return self.string(timex.span)

    def timexes(self) -> Iterator[Triple]:
        for timex in self.r.timexes:
            iri = self.timex_string(timex)
            yield iri, RDF.type, PTKG.TimeExpression
            yield iri, PTKG.timexType, Literal(timex.type)
            yield iri, PTKG.timexValue, Literal(timex.value)
            if timex.mod:
                yield iri, PTKG.timexMod, Literal(timex.mod)
            yield iri, PTKG.resolvedAgainst, Literal(timex.anchor)
            if timex.rule:
                yield iri, PTKG.resolutionRule, Literal(timex.rule)
            if timex.range is not None:
                precision = timex.precision.value if timex.precision else None
                yield from date_range_triples(iri, timex.range, precision)

    # -- events ---------------------------------------------------------------------------
    def events(self) -> Iterator[Triple]:
        for event in self.r.events:
            yield from self.event(event)

    def event(self, event: EventMention) -> Iterator[Triple]:
        iri = self.m.local(self.doc_id, event.id)
        yield iri, RDF.type, PTKG.ReportedEvent
        yield iri, SEM.eventType, self.m.event_type(event.type)
        yield iri, RDFS.label, Literal(event.trigger.text)
        trigger = self.string(event.trigger)
        yield iri, PTKG.trigger, trigger
        yield iri, GAF.denotedBy, trigger
        yield iri, PTKG.modality, Literal(event.modality)
        yield iri, PTKG.tense, Literal(event.tense)
        yield iri, PROV.wasDerivedFrom, self.doc
        for prop, ids in (
            (PTKG.agent, event.agents),
            (PTKG.affected, event.affected),
            (PTKG.concerns, event.models),
        ):
            for mention_id in ids:
                yield iri, prop, self.reported_entity(mention_id)
        for index, scope in enumerate(event.scope):
            node = self.m.scope(self.doc_id, event.id, index)
            yield iri, PTKG.scope, node
            yield node, RDF.type, PTKG.Scope
            yield node, PTKG.population, self.m.population(scope.population)
            if scope.count is not None:
                yield node, PTKG.count, integer_literal(scope.count.value)
                yield node, PTKG.countQualifier, Literal(scope.count.qualifier)
            if scope.span is not None:
                yield node, GAF.denotedBy, self.string(scope.span)
        if event.timex is not None:
            yield iri, PTKG.timeExpression, self.timex_string(self.r.timex(event.timex))
        if event.effective is not None:
            yield iri, PTKG.effectiveTime, self.timex_string(self.r.timex(event.effective))
        if event.expires is not None:
            yield iri, PTKG.expiryTime, self.timex_string(self.r.timex(event.expires))
        if event.date is not None:
            precision = None
            if event.timex is not None:
                timex = self.r.timex(event.timex)
                precision = timex.precision.value if timex.precision else None
            yield from date_range_triples(iri, event.date, precision)
        if event.attribution is not None:
            yield iri, PTKG.attributionCue, self.string(event.attribution.cue)
            if event.attribution.source is not None:
                yield iri, PROV.wasAttributedTo, self.reported_entity(event.attribution.source)
        if event.instrument is not None:
            yield iri, PTKG.instrument, self.reported_entity(event.instrument)
        if event.amount is not None:
            node = self.m.amount(self.doc_id, event.id)
            amount = event.amount
            yield from amount_triples(iri, node, amount.value, amount.currency)
            yield node, GAF.denotedBy, self.string(amount.span)
        for index, relation in enumerate(event.relations):
            node = self.m.relation(self.doc_id, event.id, index)
            yield iri, PTKG.statedRelation, node
            yield node, RDF.type, PTKG.TemporalRelation
            yield node, PTKG.relation, Literal(relation.relation)
            yield node, PTKG.relatedTo, self.m.local(self.doc_id, relation.target)
            if relation.lag is not None:
                yield node, PTKG.minLagDays, integer_literal(relation.lag[0])
                yield node, PTKG.maxLagDays, integer_literal(relation.lag[1])
            if relation.cue is not None:
                yield node, GAF.denotedBy, self.string(relation.cue)
