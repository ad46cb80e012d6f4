"""The runner's values of RDF terms are rdflib's (``Literal.toPython``, decimals as floats)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.summary.terms import term
from queries.values import json_value, literal_value, ox_value

XSD = "http://www.w3.org/2001/XMLSchema#"
LITERALS = [
    ("plain", None, None),
    ("chat", None, "en"),
    ("42", XSD + "integer"),
    ("+7", XSD + "integer"),
    ("007", XSD + "nonNegativeInteger"),
    ("4x2", XSD + "integer"),
    ("1.50", XSD + "decimal"),
    ("-0.5", XSD + "decimal"),
    ("1e3", XSD + "double"),
    ("INF", XSD + "double"),
    ("true", XSD + "boolean"),
    ("0", XSD + "boolean"),
    ("2026-06-12", XSD + "date"),
    ("2026-6-12", XSD + "date"),
    ("20260612", XSD + "date"),
    ("2026-06", XSD + "gYearMonth"),
    ("2026-06-12T10:00:00", XSD + "dateTime"),
    ('{"a":1}', "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"),
    ("x", "https://example.org/own-datatype"),
]


def _rdflib(lexical: str, datatype: str | None, language: str | None) -> Any:
    value = Literal(lexical, lang=language, datatype=URIRef(datatype) if datatype else None)
    python = value.toPython()
    if isinstance(python, Decimal):
        return float(python)
    return python if not isinstance(python, Literal) else str(python)


@pytest.mark.parametrize("literal", LITERALS, ids=[f"{x[0]}-{x[1]}" for x in LITERALS])
def test_values_of_literals_are_rdflibs(literal: tuple[str, ...]) -> None:
    lexical, datatype, language = (*literal, None)[:3]
    expected = _rdflib(lexical, datatype, language)
    got = literal_value(lexical, datatype, language)
    assert (got, type(got)) == (expected, type(expected))
    node = ox.Literal(
        lexical,
        language=language,
        datatype=ox.NamedNode(datatype) if datatype and not language else None,
    )
    assert ox_value(node) == expected
    assert json_value(term(node)) == expected  # as a packed row of the summary graph keeps it


def test_values_of_iris_and_unbound() -> None:
    assert ox_value(ox.NamedNode("https://w3id.org/ptkg/data/event/x")) == (
        "https://w3id.org/ptkg/data/event/x"
    )
    assert json_value({"type": "uri", "value": "urn:x"}) == "urn:x"
    assert ox_value(None) is None and json_value(None) is None
