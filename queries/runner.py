"""Running named queries with typed, bound parameters, and the results as tables.

Values always reach the engine as bindings of the query's variables, never pasted into its
text. An ``entity`` parameter accepts a name or alias ("Gemini 2") and is looked up to the
canonical entity's IRI; an ``event_type`` parameter accepts a type id ("partial_lift").
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError
from kg.iri import EVENT_TYPE_NS
from kg.store import GraphStore
from queries.library import NamedQuery, find_query

_EXACT_NAME = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?label WHERE {
  ?entity skos:prefLabel ?name ;
          a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> .
  BIND(?name AS ?label)
}
"""
_EXACT_ALIAS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?label WHERE {
  ?entity skos:altLabel ?name ;
          a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> ;
          skos:prefLabel ?label .
}
"""
_ENTITY_LOOKUP = """
PREFIX ptkg: <https://w3id.org/ptkg/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?entity ?label ?name WHERE {
  ?entity a <http://semanticweb.cs.vu.nl/2009/11/sem/Actor> ;
          skos:prefLabel ?label .
  { ?entity skos:prefLabel ?any } UNION { ?entity skos:altLabel ?any }
  FILTER(LCASE(STR(?any)) = LCASE(STR(?name)))
}
"""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Any]:
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def to_dataframe(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if v is None else _plain(v) for v in row])
        return buffer.getvalue()

    def to_json(self) -> str:
        return json.dumps(
            [{k: _json_value(v) for k, v in r.items()} for r in self.records()],
            indent=2,
            ensure_ascii=False,
        )

    def to_table(self, max_width: int = 60) -> str:
        cells = [[_cell(v, max_width) for v in row] for row in self.rows]
        widths = [
            max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(self.columns)
        ]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        for row in cells:
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(line.rstrip() for line in lines)

    def format(self, fmt: str) -> str:
        if fmt == "table":
            return self.to_table()
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            return self.to_json()
        raise QueryError(f"unknown output format {fmt!r}: use table, csv or json")


def run_query(
    store: GraphStore, query: str | NamedQuery, params: Mapping[str, Any] | None = None
) -> QueryResult:
    """Run a named query (or a .rq path) with parameters given as Python values or strings."""
    named = query if isinstance(query, NamedQuery) else find_query(query)
    bindings = bind_parameters(store, named, params or {})
    try:
        result = store.query(named.text_for(bindings), bindings)
    except (SyntaxError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{named.path}: {exc}") from exc
    hidden = {p.name for p in named.parameters}
    columns = [str(v) for v in (result.vars or [])]
    keep = [i for i, c in enumerate(columns) if c not in hidden]
    rows = [tuple(_python(row[i]) for i in keep) for row in result]  # type: ignore[index]
    return QueryResult([columns[i] for i in keep], rows)


def bind_parameters(
    store: GraphStore, named: NamedQuery, params: Mapping[str, Any]
) -> dict[str, Node]:
    for name in params:
        named.parameter(name)  # unknown names are an error, not silently ignored
    bindings: dict[str, Node] = {}
    for parameter in named.parameters:
        value = params.get(parameter.name)
        if value is None or value == "":
            if parameter.required:
                raise QueryError(
                    f"query {named.name!r} needs --param {parameter.name}=... "
                    f"({parameter.type}: {parameter.description})"
                )
            continue
        bindings[parameter.name] = _term(store, parameter.name, parameter.type, value)
    return bindings


def _term(store: GraphStore, name: str, kind: str, value: Any) -> Node:
    try:
        if kind == "date":
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
            return Literal(day.isoformat(), datatype=XSD.date)
        if kind == "integer":
            return Literal(int(value), datatype=XSD.integer)
        if kind == "iri":
            return URIRef(str(value))
        if kind == "event_type":
            text = str(value)
            return URIRef(text if text.startswith("http") else EVENT_TYPE_NS + text)
        if kind == "entity":
            return resolve_entity(store, str(value))
    except ValueError as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid {kind}") from exc
    return Literal(str(value))


def resolve_entity(store: GraphStore, name: str) -> URIRef:
    """The canonical entity whose name or alias is ``name`` (case-insensitive), or an IRI."""
    if name.startswith(("http://", "https://", "urn:")):
        return URIRef(name)
    # The name as written first: an index lookup. Only then any case, which reads every name.
    rows = [
        row
        for lookup in (_EXACT_NAME, _EXACT_ALIAS)
        for row in store.query(lookup, {"name": Literal(name)})
    ]
    if not rows:
        rows = list(store.query(_ENTITY_LOOKUP, {"name": Literal(name)}))
    found = sorted({(str(r[1]), str(r[0])) for r in rows})  # type: ignore[index]
    if not found:
        raise QueryError(f"no entity is named {name!r} in this graph (try `ptkg query entities`)")
    if len(found) > 1:
        options = "; ".join(f"{label} <{iri}>" for label, iri in found)
        raise QueryError(f"{name!r} names several entities: {options}. Pass the IRI instead.")
    return URIRef(found[0][1])


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def _plain(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else _plain(value)
    text = " ".join(text.split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


__all__ = ["QueryResult", "Sequence", "bind_parameters", "resolve_entity", "run_query"]
