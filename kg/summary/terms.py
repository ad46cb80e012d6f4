"""Values as SPARQL JSON result terms, and rows packed as one ``rdf:JSON`` literal.

A summary keeps a listing's row as the listing's query would give it: each column a term
in the SPARQL 1.1 Query Results JSON Format (``{"type": "literal", "value": "2026-06-12",
"datatype": "...#date"}``), so that the runner, the page and any SPARQL client turn it into
values with the code they already use for results.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
_PLAIN = (XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")

Term = dict[str, str]


def term(node: Any) -> Term | None:
    """A pyoxigraph term (or None: unbound) as a SPARQL JSON term."""
    if node is None:
        return None
    if isinstance(node, ox.NamedNode):
        return {"type": "uri", "value": node.value}
    if isinstance(node, ox.BlankNode):
        return {"type": "bnode", "value": node.value}
    out = {"type": "literal", "value": node.value}
    if node.language:
        out["xml:lang"] = node.language
    elif node.datatype.value not in _PLAIN:
        out["datatype"] = node.datatype.value
    return out


def text(value: str) -> Term:
    return {"type": "literal", "value": value}


def integer(value: int) -> Term:
    return {"type": "literal", "value": str(value), "datatype": XSD + "integer"}


def boolean(value: bool) -> Term:
    return {"type": "literal", "value": "true" if value else "false", "datatype": XSD + "boolean"}


def packed(row: Mapping[str, Term | None] | list[dict[str, Term | None]]) -> ox.Literal:
    """A row (or rows) as one ``rdf:JSON`` literal; unbound columns are left out."""
    if isinstance(row, list):
        value: Any = [{k: v for k, v in r.items() if v is not None} for r in row]
    else:
        value = {k: v for k, v in row.items() if v is not None}
    return ox.Literal(
        json.dumps(value, ensure_ascii=False, separators=(",", ":")),
        datatype=ox.NamedNode(RDF_JSON),
    )


_NUMBERS = {XSD + n for n in ("decimal", "double", "float")}
_WHOLE = {XSD + n for n in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}


def plain(value: Term | None) -> Any:
    """A term as a JSON value of the export: a number, a boolean, or its text (an IRI, a
    string, a date written as ISO)."""
    if value is None:
        return None
    datatype = value.get("datatype")
    if datatype in _WHOLE:
        return int(value["value"])
    if datatype in _NUMBERS:
        return float(value["value"])
    if datatype == XSD + "boolean":
        return value["value"] in ("true", "1")
    return value["value"]


def sort_value(value: Term | None) -> tuple[Any, ...]:
    """A key that orders terms as SPARQL's ORDER BY does for the values listings sort on:
    unbound first, then IRIs, then literals: numbers by value, others by their text."""
    if value is None:
        return (0,)
    if value["type"] == "literal":
        datatype = value.get("datatype", "")
        if datatype in (XSD + "integer", XSD + "decimal", XSD + "double", XSD + "int"):
            return (2, float(value["value"]), "")
        return (2, 0.0, value["value"])
    return (1, 0.0, value["value"])
