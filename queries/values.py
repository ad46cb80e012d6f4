"""RDF terms of query results as the Python values the runner gives: str, int, float,
bool, date; any other literal as rdflib turns it into a value.

Terms come from pyoxigraph or as SPARQL JSON terms (a packed row of the summary graph).
Read directly, not through rdflib's ``Result``, whose conversion of every term of every
row cost more than the query on a listing of the whole graph; the values are the same
(tests/queries/test_values.py compares them with rdflib's on every kind of literal).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

XSD = "http://www.w3.org/2001/XMLSchema#"
# rdf:JSON too: rdflib has no value for it, and gives its text
_STRINGS = {
    XSD + "string",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON",
}
_INTEGERS = {
    XSD + name
    for name in [
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    ]
}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def literal_value(lexical: str, datatype: str | None, language: str | None = None) -> Any:
    """A literal's value: what rdflib's ``Literal.toPython`` gives, decimals as floats,
    an ill-typed literal as its text."""
    if language or datatype is None or datatype in _STRINGS:
        return lexical
    try:
        if datatype in _INTEGERS and lexical.strip().lstrip("+-").isdigit():
            return int(lexical)
        if datatype in _FLOATS and _plain_number(lexical):
            return float(lexical)
        if datatype == XSD + "boolean" and lexical in _BOOLEANS:
            return _BOOLEANS[lexical]
        if datatype == XSD + "date" and _DAY.fullmatch(lexical):
            return date.fromisoformat(lexical)
    except ValueError:
        pass
    return _by_rdflib(Literal(lexical, lang=language, datatype=URIRef(datatype)))


def _plain_number(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text))


def _by_rdflib(term: Literal) -> Any:
    value = term.toPython()
    if isinstance(value, Decimal):
        return float(value)
    return value if not isinstance(value, Literal) else str(value)


def ox_value(term: Any) -> Any:
    """A pyoxigraph term (None: unbound) as a value."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value, term.language)
    return term.value


_TYPED: dict[tuple[str, str], Any] = {}  # the values of typed literals met: dates, counts...


def json_value(term: dict[str, str] | None) -> Any:
    """A SPARQL JSON term (None: unbound) as a value."""
    if term is None:
        return None
    datatype = term.get("datatype")
    if datatype is None:  # an IRI, a blank node, a string: its text
        return term["value"]
    key = (term["value"], datatype)
    found = _TYPED.get(key, _TYPED)
    if found is _TYPED:
        if len(_TYPED) > 100_000:
            _TYPED.clear()
        found = _TYPED[key] = literal_value(term["value"], datatype)
    return found
