"""rdflib terms and quads as pyoxigraph's: the one conversion store writes and bindings use."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

Quad = tuple[Node, Node, Node, Node]


def to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_ox_quad(quad: Quad) -> ox.Quad:
    s, p, o, g = quad
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))
