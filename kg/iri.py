"""The one place IRIs are minted. The same input always gives the same IRI.

Documents, their named graphs and everything a document says live under the document's
IRI: mentions are NIF strings ``doc#char=start,end`` (RFC 5147 offsets into the cleaned
text), reported entities and events are ``doc#e3``, ``doc#v2``, time expressions ``doc#t1``.
Canonical entities and events, state intervals and disagreements live under the base.
No local name contains "/": a prefixed name with an escaped "/" is read differently by
different SPARQL engines.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/ptkg/data/"
EVENT_TYPE_NS = "https://w3id.org/ptkg/event-type#"
POPULATION_NS = "https://w3id.org/ptkg/population#"
ENTITY_TYPE_NS = "https://w3id.org/ptkg/entity-type#"

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, max_length: int = 60) -> str:
    """'US Department of Commerce' -> 'us-department-of-commerce'; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if not value:
        return "x" + short_hash(text)
    if len(value) > max_length:
        value = value[:max_length].rstrip("-") + "-" + short_hash(text)
    return value


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


class Minter:
    """Mints every IRI of a graph under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    # documents and what they say
    def document(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}")

    def document_graph(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/doc-{doc_id}")

    def context(self, doc_id: str, length: int) -> URIRef:
        return self.string(doc_id, 0, length)

    def string(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}#char={start},{end}")

    def local(self, doc_id: str, local_id: str) -> URIRef:
        """A reported entity, reported event or time expression of a document."""
        return URIRef(f"{self.base}doc/{doc_id}#{local_id}")

    def scope(self, doc_id: str, event_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}#{event_id}-scope{index}")

    def amount(self, doc_id: str, event_id: str) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}#{event_id}-amount")

    def relation(self, doc_id: str, event_id: str, index: int) -> URIRef:
        return URIRef(f"{self.base}doc/{doc_id}#{event_id}-rel{index}")

    # the reconciled graph
    def reconciled_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/reconciled")

    def vocabulary_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/vocabulary")

    def summary_graph(self) -> URIRef:
        """The rows of the whole-graph listings, made from the other graphs (kg.summary)."""
        return URIRef(f"{self.base}graph/summary")

    def entity(self, key: str) -> URIRef:
        return URIRef(f"{self.base}entity/{slug(key)}")

    def event(self, key: str) -> URIRef:
        return URIRef(f"{self.base}event/{key}")

    def canonical_scope(self, event_key: str, index: int) -> URIRef:
        return URIRef(f"{self.base}event/{event_key}-scope{index}")

    def canonical_amount(self, event_key: str) -> URIRef:
        return URIRef(f"{self.base}event/{event_key}-amount")

    def state_interval(self, key: str) -> URIRef:
        return URIRef(f"{self.base}state/{key}")

    def disagreement(self, key: str) -> URIRef:
        return URIRef(f"{self.base}disagreement/{key}")

    def claim(self, disagreement_key: str, index: int) -> URIRef:
        return URIRef(f"{self.base}disagreement/{disagreement_key}-claim{index}")

    # vocabulary-level resources that come from data files
    @staticmethod
    def event_type(type_id: str) -> URIRef:
        return URIRef(EVENT_TYPE_NS + type_id)

    @staticmethod
    def event_type_scheme() -> URIRef:
        return URIRef(EVENT_TYPE_NS.rstrip("#"))

    @staticmethod
    def population(population_id: str) -> URIRef:
        return URIRef(POPULATION_NS + population_id)

    @staticmethod
    def entity_type(type_id: str) -> URIRef:
        return URIRef(ENTITY_TYPE_NS + type_id)
