"""Closed namespace classes for every vocabulary term the graph uses.

A mistyped term is an AttributeError, not a silent new IRI. ``PTKG`` mirrors the project
vocabulary in kg/vocab/ptkg.ttl (a test keeps the two equal); SEM, NIF and GAF list the
terms of those standard vocabularies the project uses. rdflib ships the others (PROV, TIME,
SKOS, DCTERMS, SDO for schema.org).
"""

from __future__ import annotations

from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

VOCAB_IRI = "https://w3id.org/ptkg/vocab"


class PTKG(DefinedNamespace):
    """The policy timeline vocabulary (kg/vocab/ptkg.ttl)."""

    _NS = Namespace(VOCAB_IRI + "#")
    _fail = True

    CandidateEvent: URIRef
    Claim: URIRef
    DatesSummary: URIRef
    Disagreement: URIRef
    DisagreementSummary: URIRef
    DocumentSummary: URIRef
    EdgeSummary: URIRef
    EffectiveState: URIRef
    EntitySummary: URIRef
    EventSummary: URIRef
    EventType: URIRef
    EventTypeScheme: URIRef
    ExportChunk: URIRef
    ImpliedEntity: URIRef
    KnownSummary: URIRef
    LaneSummary: URIRef
    LegalState: URIRef
    Lifted: URIRef
    PartiallyLifted: URIRef
    PolicyEvent: URIRef
    Population: URIRef
    ReportedEntity: URIRef
    ReportedEvent: URIRef
    Restricted: URIRef
    RestrictionState: URIRef
    Scope: URIRef
    StateDaySummary: URIRef
    StateInterval: URIRef
    StateLayer: URIRef
    StateSummary: URIRef
    Summary: URIRef
    TemporalRelation: URIRef
    TimeExpression: URIRef
    TypeSummary: URIRef
    Unrestricted: URIRef
    about: URIRef
    actsFor: URIRef
    affected: URIRef
    agent: URIRef
    aspect: URIRef
    amount: URIRef
    attributionCue: URIRef
    authority: URIRef
    authorityKey: URIRef
    authorityLevel: URIRef
    checksum: URIRef
    chunkPosition: URIRef
    claim: URIRef
    claimedValue: URIRef
    coarseType: URIRef
    collected: URIRef
    concerns: URIRef
    confidence: URIRef
    count: URIRef
    countQualifier: URIRef
    dateEvidence: URIRef
    dateInferred: URIRef
    datesPosition: URIRef
    dayListingKey: URIRef
    dayPosition: URIRef
    disagreementPosition: URIRef
    disagreementRows: URIRef
    documentPosition: URIRef
    edgePosition: URIRef
    effectiveTime: URIRef
    endedBy: URIRef
    entityPosition: URIRef
    entityType: URIRef
    entries: URIRef
    entry: URIRef
    expiryTime: URIRef
    exportPosition: URIRef
    exportRow: URIRef
    extractedBy: URIRef
    extractedWith: URIRef
    firstReportedEarliest: URIRef
    firstReportedLatest: URIRef
    fromDay: URIRef
    fromEarliest: URIRef
    fromLatest: URIRef
    heldFrom: URIRef
    heldTo: URIRef
    independentSources: URIRef
    instrument: URIRef
    knownFrom: URIRef
    knownPosition: URIRef
    knownSince: URIRef
    knownUntil: URIRef
    laneBy: URIRef
    lanePosition: URIRef
    layer: URIRef
    listingKey: URIRef
    maxLagDays: URIRef
    mentionRows: URIRef
    minLagDays: URIRef
    modality: URIRef
    onTimeline: URIRef
    participant: URIRef
    participantRows: URIRef
    ploverCategory: URIRef
    ploverMode: URIRef
    population: URIRef
    precedes: URIRef
    precision: URIRef
    principal: URIRef
    publishedEarliest: URIRef
    publishedLatest: URIRef
    relatedTo: URIRef
    relation: URIRef
    resolution: URIRef
    resolutionRule: URIRef
    resolvedAgainst: URIRef
    row: URIRef
    scope: URIRef
    scopeRows: URIRef
    sequence: URIRef
    sourceCount: URIRef
    stage: URIRef
    startedBy: URIRef
    state: URIRef
    stateEffect: URIRef
    statePosition: URIRef
    statedRelation: URIRef
    subject: URIRef
    summarises: URIRef
    supportedBy: URIRef
    tense: URIRef
    timeExpression: URIRef
    timelinePosition: URIRef
    timexMod: URIRef
    timexType: URIRef
    timexValue: URIRef
    trigger: URIRef
    typeKey: URIRef
    typePosition: URIRef
    typedEdgePosition: URIRef
    untilDay: URIRef
    untilEarliest: URIRef
    untilLatest: URIRef


class SEM(DefinedNamespace):
    """The Simple Event Model (van Hage et al. 2011)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    EventType: URIRef
    ActorType: URIRef
    Role: URIRef
    RoleType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    eventType: URIRef
    actorType: URIRef
    roleType: URIRef
    hasSubEvent: URIRef
    subEventOf: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestBeginTimeStamp: URIRef
    hasEarliestEndTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef
    accordingTo: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    String: URIRef
    Phrase: URIRef
    Sentence: URIRef
    OffsetBasedString: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    sentence: URIRef
    sourceUrl: URIRef
    taIdentRef: URIRef
    taClassRef: URIRef


class GAF(DefinedNamespace):
    """The Grounded Annotation Framework (Fokkens et al. 2014), as used by NewsReader."""

    _NS = Namespace("http://groundedannotationframework.org/gaf#")
    _fail = True

    denotedBy: URIRef
    denotes: URIRef


PREFIXES: dict[str, Namespace] = {
    "ptkg": Namespace(VOCAB_IRI + "#"),
    "sem": Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/"),
    "nif": Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"),
    "gaf": Namespace("http://groundedannotationframework.org/gaf#"),
    "prov": Namespace(str(PROV)),
    "time": Namespace(str(TIME)),
    "skos": Namespace(str(SKOS)),
    "schema": Namespace(str(SDO)),
    "dcterms": Namespace(str(DCTERMS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}

__all__ = [
    "DCTERMS",
    "GAF",
    "NIF",
    "OWL",
    "PREFIXES",
    "PROV",
    "PTKG",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "TIME",
    "XSD",
]
