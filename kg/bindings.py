"""Bound query parameters as an inline ``VALUES`` row, where the query planner can use them.

Oxigraph plans a query before it applies ``substitutions`` (rdflib's ``initBindings``), so
a bound variable does not choose the index: "the restrictions of one model" scanned every
state interval of the graph. A ``VALUES`` row at the top of the query's outermost group is
the same binding in the algebra (it is how rdflib itself implements ``initBindings``), and
the planner starts from it. The values are RDF terms written by pyoxigraph in N-Triples
syntax, never text taken from the user, so nothing can change the query's structure.

The binding holds in the outermost group and what it joins (OPTIONALs, ``EXISTS``); a
sub-select or a ``UNION`` branch, evaluated on its own, does not see it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError


def inline_values(sparql: str, bindings: Mapping[str, Node]) -> str | None:
    """``sparql`` with ``bindings`` as a VALUES row opening its WHERE group.

    None when that cannot be done safely (a blank node value, or a query whose first
    group is not its WHERE clause, as in CONSTRUCT): the caller then binds by substitution.
    """
    if not bindings or not all(isinstance(v, URIRef | Literal) for v in bindings.values()):
        return None
    opening = _where_opening(sparql)
    if opening is None:
        return None
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(_ox_term(value)) for value in bindings.values())
    row = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    return sparql[: opening + 1] + row + sparql[opening + 1 :]


def _ox_term(value: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    assert isinstance(value, Literal)
    if value.language:
        return ox.Literal(str(value), language=value.language)
    if value.datatype is not None:
        return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
    return ox.Literal(str(value))


def _where_opening(sparql: str) -> int | None:
    """Offset of the ``{`` that opens a SELECT or ASK query's WHERE group, if it has one.

    Scans past comments, strings and IRIs, so a brace or a keyword inside them is not
    taken for syntax.
    """
    keywords: list[str] = []
    i, n = 0, len(sparql)
    while i < n:
        char = sparql[i]
        if char == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
        elif char in "\"'":
            i = _string_end(sparql, i)
        elif char == "<" and _iri_end(sparql, i) is not None:
            i = _iri_end(sparql, i) or n
        elif char == "{":
            form = next(
                (k for k in keywords if k in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None
            )
            return i if form in ("SELECT", "ASK") else None
        elif char.isalpha():
            start = i
            while i < n and (sparql[i].isalnum() or sparql[i] in "_-:"):
                i += 1
            keywords.append(sparql[start:i].upper())
        else:
            i += 1
    return None


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    long = text.startswith(quote * 3, start)
    delimiter = quote * 3 if long else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            return i + len(delimiter)
        i += 1
    raise QueryError("the query has a string that is never closed")


def _iri_end(text: str, start: int) -> int | None:
    """End of an IRI reference at ``start`` (``<`` up to ``>``, no spaces), else None."""
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == ">":
            return i + 1
        if char.isspace() or char in '<"{}|^`\\':
            return None
        i += 1
    return None
