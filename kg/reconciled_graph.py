"""A ``Reconciliation`` -> the statements of the reconciled named graph.

Reads: the reconciliation. Adds: canonical entities and events (sem:Event) pointing back
to every reported entity/event (prov:wasDerivedFrom), mention (gaf:denotedBy) and document
(dcterms:source); the reconciled document dates with their evidence; restriction state
intervals; disagreements with each claim and its source.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.convert import reported_entity_key
from kg.iri import Minter
from kg.namespace import DCTERMS, GAF, PROV, PTKG, RDF, RDFS, SDO, SEM, SKOS, TIME
from kg.reconcile import Reconciliation
from kg.reconcile.intervals import Window
from kg.reconcile.states import ALL, StateInterval
from kg.reconcile.temporal import precision_of
from kg.schema import LAYER_TERMS, STATE_TERMS, EntityTypes, EventTypes
from kg.terms import (
    PRECISION_UNITS,
    amount_triples,
    boolean_literal,
    date_literal,
    decimal_literal,
    integer_literal,
)

Triple = tuple[URIRef, URIRef, Node]


class ReconciledWriter:
    def __init__(
        self, minter: Minter, event_types: EventTypes, entity_types: EntityTypes | None = None
    ) -> None:
        self.m = minter
        self.types = event_types
        self.entity_types = entity_types or EntityTypes({})

    def triples(self, r: Reconciliation) -> Iterator[Triple]:
        yield from self._documents(r)
        yield from self._entities(r)
        yield from self._implied(r)
        yield from self._events(r)
        yield from self._states(r)
        yield from self._disagreements(r)

    def event_iri(self, r: Reconciliation, index: int) -> URIRef:
        return self.m.event(r.events[index].key)

    def _documents(self, r: Reconciliation) -> Iterator[Triple]:
        for doc_id, dct in sorted(r.documents.items()):
            doc = self.m.document(doc_id)
            yield doc, PTKG.publishedEarliest, date_literal(dct.range.earliest)
            yield doc, PTKG.publishedLatest, date_literal(dct.range.latest)
            yield doc, PTKG.dateInferred, boolean_literal(dct.inferred)
            for cue in dct.evidence:
                yield doc, PTKG.dateEvidence, Literal(cue)

    def _entities(self, r: Reconciliation) -> Iterator[Triple]:
        for key, entity in sorted(r.entities.items()):
            iri = self.m.entity(key)
            acts_for = r.authorities.acts_for(key)
            if acts_for is not None:
                yield iri, PTKG.actsFor, self.m.entity(acts_for)
            yield iri, RDF.type, SEM.Actor
            yield iri, RDF.type, PROV.Entity
            yield iri, RDF.type, self.entity_types.schema_class(entity.type)
            yield iri, RDFS.label, Literal(entity.name)
            yield iri, SKOS.prefLabel, Literal(entity.name)
            yield iri, PTKG.entityType, Literal(entity.type)
            for alias in sorted(entity.aliases):
                yield iri, SKOS.altLabel, Literal(alias)
            for role in sorted(entity.roles):
                yield iri, SDO.jobTitle, Literal(role)
            part_of = SDO.affiliation if entity.actor == "person" else SDO.parentOrganization
            for affiliation in sorted(entity.affiliations):
                yield iri, part_of, Literal(affiliation)
            maker = r.entity_index.owners.get(key)
            if maker is not None and maker in r.entities:
                # the company that makes, owns or runs a product (the lexicon's, or the texts')
                yield iri, SDO.manufacturer, self.m.entity(maker)
            reported = sorted({(d, reported_entity_key(m)) for d, m in entity.mentions})
            for doc_id, local in reported:
                yield iri, PROV.wasDerivedFrom, self.m.local(doc_id, local)
            for doc_id, mention in entity.mentions:
                yield (
                    iri,
                    GAF.denotedBy,
                    self.m.string(doc_id, mention.span.start, mention.span.end),
                )
            for doc_id in entity.documents:
                yield iri, DCTERMS.source, self.m.document(doc_id)

    def _implied(self, r: Reconciliation) -> Iterator[Triple]:
        """Bodies no document names that the authorities of states need (the government
        above an agency): name, type and aliases from the gazetteer."""
        for key, body in sorted(r.authorities.implied.items()):
            iri = self.m.entity(key)
            yield iri, RDF.type, SEM.Actor
            yield iri, RDF.type, PTKG.ImpliedEntity
            yield iri, RDF.type, self.entity_types.schema_class(body.type)
            yield iri, RDFS.label, Literal(body.name)
            yield iri, SKOS.prefLabel, Literal(body.name)
            yield iri, PTKG.entityType, Literal(body.type)
            for alias in sorted(set(body.aliases) - {body.name}):
                yield iri, SKOS.altLabel, Literal(alias)
            acts_for = r.authorities.acts_for(key)
            if acts_for is not None:
                yield iri, PTKG.actsFor, self.m.entity(acts_for)

    def _events(self, r: Reconciliation) -> Iterator[Triple]:
        for index, event in enumerate(r.events):
            iri = self.event_iri(r, index)
            support = r.support[index]
            yield iri, RDF.type, PTKG.CandidateEvent if support.weak else PTKG.PolicyEvent
            yield iri, RDF.type, SEM.Event
            yield iri, SEM.eventType, self.m.event_type(event.type_id)
            yield iri, RDFS.label, Literal(r.labels[index])
            for prop, role in (
                (PTKG.agent, "agents"),
                (PTKG.affected, "affected"),
                (PTKG.concerns, "models"),
            ):
                for key in sorted(event.participants(role)):
                    yield iri, prop, self.m.entity(key)
                    if prop != PTKG.concerns:
                        yield iri, SEM.hasActor, self.m.entity(key)
            yield from _window_triples(iri, r.windows[index], r.precision(index))
            yield iri, PTKG.sourceCount, integer_literal(len(event.sources))
            yield iri, PTKG.independentSources, integer_literal(support.independent)
            yield iri, PTKG.confidence, decimal_literal(support.confidence)
            for doc_id in event.sources:
                yield iri, DCTERMS.source, self.m.document(doc_id)
            for claim in event.all_claims:
                yield iri, PROV.wasDerivedFrom, self.m.local(claim.doc_id, claim.mention.id)
                trigger = claim.mention.trigger
                yield iri, GAF.denotedBy, self.m.string(claim.doc_id, trigger.start, trigger.end)
            reported = r.first_reported(index)
            if reported.lo is not None and reported.hi is not None:
                yield iri, PTKG.firstReportedEarliest, date_literal(reported.earliest())  # type: ignore[arg-type]
                yield iri, PTKG.firstReportedLatest, date_literal(reported.latest())  # type: ignore[arg-type]
            amount = event.amount
            if amount is not None:
                node = self.m.canonical_amount(event.key)
                yield from amount_triples(iri, node, amount.value, amount.currency)
            # reports naming different steps never join: at most one
            for stage in sorted({c.mention.stage for c in event.all_claims if c.mention.stage}):
                yield iri, PTKG.stage, Literal(stage)
            populations = sorted({s.population for c in event.all_claims for s in c.mention.scope})
            for number, population in enumerate(populations):
                node = self.m.canonical_scope(event.key, number)
                yield iri, PTKG.scope, node
                yield node, RDF.type, PTKG.Scope
                yield node, PTKG.population, self.m.population(population)

        for earlier, later in r.precedence:
            yield self.event_iri(r, earlier), PTKG.precedes, self.event_iri(r, later)

    def _states(self, r: Reconciliation) -> Iterator[Triple]:
        for interval in r.states:
            iri = self.m.state_interval(interval.key)
            entity = r.entities[interval.subject]
            yield iri, RDF.type, PTKG.StateInterval
            yield iri, RDFS.label, Literal(_state_label(r, interval, entity.name))
            yield iri, PTKG.subject, self.m.entity(interval.subject)
            if interval.authority:
                yield iri, PTKG.authority, self.m.entity(interval.authority)
            yield iri, PTKG.authorityLevel, Literal(interval.level)
            yield iri, PTKG.principal, boolean_literal(interval.principal)
            yield iri, PTKG.layer, LAYER_TERMS[interval.layer]
            yield iri, PTKG.population, self.m.population(interval.population)
            yield iri, PTKG.state, STATE_TERMS[interval.state]
            yield iri, PTKG.sequence, integer_literal(interval.sequence)
            if interval.started_by is not None:
                yield iri, PTKG.startedBy, self.event_iri(r, interval.started_by)
            if interval.ended_by is not None:
                yield iri, PTKG.endedBy, self.event_iri(r, interval.ended_by)
            for claim in interval.supported_by:
                yield iri, PTKG.supportedBy, self.m.local(claim.doc_id, claim.mention.id)
            if interval.start_day is not None:
                yield iri, PTKG.fromDay, date_literal(date.fromordinal(interval.start_day))
            if interval.end_day is not None:
                yield iri, PTKG.untilDay, date_literal(date.fromordinal(interval.end_day))
            if interval.start is not None:
                if interval.start.lo is not None:
                    yield iri, PTKG.fromEarliest, date_literal(interval.start.earliest())  # type: ignore[arg-type]
                if interval.start.hi is not None:
                    yield iri, PTKG.fromLatest, date_literal(interval.start.latest())  # type: ignore[arg-type]
            if interval.end is not None:
                if interval.end.lo is not None:
                    yield iri, PTKG.untilEarliest, date_literal(interval.end.earliest())  # type: ignore[arg-type]
                if interval.end.hi is not None:
                    yield iri, PTKG.untilLatest, date_literal(interval.end.latest())  # type: ignore[arg-type]

    def _disagreements(self, r: Reconciliation) -> Iterator[Triple]:
        for disagreement in r.disagreements:
            iri = self.m.disagreement(disagreement.key)
            yield iri, RDF.type, PTKG.Disagreement
            yield iri, PTKG.aspect, Literal(disagreement.aspect)
            yield iri, PTKG.resolution, Literal(disagreement.resolution)
            for index in disagreement.about:
                yield iri, PTKG.about, self.event_iri(r, index)
            for key in disagreement.about_entities:
                yield iri, PTKG.about, self.m.entity(key)
            for number, claim in enumerate(disagreement.claims):
                node = self.m.claim(disagreement.key, number)
                yield iri, PTKG.claim, node
                yield node, RDF.type, PTKG.Claim
                yield node, PTKG.claimedValue, Literal(claim.value)
                yield node, DCTERMS.source, self.m.document(claim.doc_id)
                if claim.window is not None:
                    yield from _window_triples(node, claim.window, precision_of(claim.window))
                if claim.claim is not None:
                    mention = claim.claim.mention
                    yield node, PROV.wasDerivedFrom, self.m.local(claim.doc_id, mention.id)
                    yield (
                        node,
                        GAF.denotedBy,
                        self.m.string(claim.doc_id, mention.trigger.start, mention.trigger.end),
                    )
                if claim.entity_mention is not None:
                    doc_id, mention_id = claim.entity_mention
                    entity = r.entity_index
                    for d, m in entity.get(entity.by_mention[(doc_id, mention_id)]).mentions:
                        if d == doc_id and m.id == mention_id:
                            yield node, GAF.denotedBy, self.m.string(d, m.span.start, m.span.end)


def _state_label(r: Reconciliation, interval: StateInterval, subject: str) -> str:
    """'Corvex: restricted (US Department of Commerce)', with the population and the layer when
    they are not everyone's legal state."""
    text = f"{subject}: {interval.state.replace('_', ' ')}"
    details = []
    if interval.authority:
        details.append(r.authorities.name(interval.authority))
    if interval.population != ALL:
        details.append(interval.population.replace("_", " "))
    if interval.layer != "legal":
        details.append(f"{interval.layer} state")
    return f"{text} ({', '.join(details)})" if details else text


def _window_triples(iri: URIRef, window: Window, precision: str) -> Iterator[Triple]:
    """SEM timestamps for a one-day event known to lie in ``window`` (open ends omitted)."""
    if window.lo is not None:
        yield iri, SEM.hasEarliestBeginTimeStamp, date_literal(window.earliest())  # type: ignore[arg-type]
    if window.hi is not None:
        yield iri, SEM.hasLatestBeginTimeStamp, date_literal(window.latest())  # type: ignore[arg-type]
    yield iri, PTKG.precision, Literal(str(precision))
    unit = PRECISION_UNITS.get(precision)
    if unit is not None:
        yield iri, TIME.unitType, unit
