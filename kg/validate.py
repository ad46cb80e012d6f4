"""SHACL validation of a graph store or an RDF file against kg/vocab/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import rdflib

from kg.errors import ValidationError
from kg.store import GraphStore

_FILE_FORMATS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
}


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str
    graph: rdflib.Graph


def shapes_graph() -> rdflib.Graph:
    from kg.build import vocabulary_file

    return rdflib.Graph().parse(vocabulary_file("shapes.ttl"), format="turtle")


def union_graph_of_store(store: GraphStore) -> rdflib.Graph:
    """Every triple of every named graph, as one graph (what the shapes describe)."""
    data = store.oxigraph.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    import pyoxigraph as ox

    graph = rdflib.Graph()
    assert isinstance(data, ox.QueryTriples)
    graph.parse(data=ox.serialize(data, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def union_graph_of_file(path: Path) -> rdflib.Graph:
    fmt = _FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValidationError(
            f"{path}: unknown RDF file type (use {', '.join(sorted(_FILE_FORMATS))})",
            code="E701",
        )
    try:
        if fmt in ("trig", "nquads"):
            dataset = rdflib.Dataset()
            dataset.parse(path, format=fmt)
            graph = rdflib.Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return rdflib.Graph().parse(path, format=fmt)
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(f"{path}: cannot read RDF: {exc}", code="E701") from exc


def validate_graph(data: rdflib.Graph) -> ValidationReport:
    from pyshacl import validate

    try:
        conforms, results, text = validate(
            data,
            shacl_graph=shapes_graph(),
            inference="none",
            advanced=True,
            allow_warnings=True,
        )
    except Exception as exc:
        raise ValidationError(f"SHACL validation could not run: {exc}") from exc
    assert isinstance(results, rdflib.Graph)
    from rdflib.namespace import SH

    violations = len(set(results.subjects(rdflib.RDF.type, SH.ValidationResult)))
    return ValidationReport(bool(conforms), violations, str(text), results)


def validate_target(target: Path) -> ValidationReport:
    """Validate a store directory or an RDF file."""
    if target.is_dir():
        store = GraphStore.open_existing(target)
        try:
            return validate_graph(union_graph_of_store(store))
        finally:
            store.close()
    if not target.exists():
        raise ValidationError(f"{target}: no such store or file", code="E701")
    return validate_graph(union_graph_of_file(target))
