"""The project vocabulary: the Turtle file and the closed namespace class say the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.build import vocabulary_file
from kg.namespace import PTKG, VOCAB_IRI


def _terms() -> tuple[rdflib.Graph, set[str]]:
    graph = rdflib.Graph().parse(vocabulary_file("ptkg.ttl"))
    ns = VOCAB_IRI + "#"
    return graph, {str(s)[len(ns) :] for s in graph.subjects() if str(s).startswith(ns)}


def test_vocabulary_namespace_class_mirrors_the_turtle_file() -> None:
    _, defined = _terms()
    declared = set(PTKG.__annotations__)
    assert defined == declared


def test_vocabulary_every_term_has_a_label() -> None:
    graph, defined = _terms()
    for name in defined:
        assert (PTKG[name], RDFS.label, None) in graph, name


def test_vocabulary_classes_and_properties_are_commented() -> None:
    graph, defined = _terms()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
    commented: dict[str, set[str]] = {"class": set(), "property": set()}
    for name in defined:
        term = PTKG[name]
        kind = set(graph.objects(term, RDF.type)) & kinds
        if kind:
            assert (term, RDFS.comment, None) in graph, name
            commented["class" if kind == {OWL.Class} else "property"].add(name)
    # both kinds of terms were checked, not only one
    assert {"StateInterval", "Disagreement"} <= commented["class"]
    assert {"layer", "claim", "fromEarliest", "untilLatest"} <= commented["property"]


def test_vocabulary_closed_namespace_rejects_unknown_terms() -> None:
    with pytest.raises(AttributeError):
        PTKG.restrictionStatus  # noqa: B018


def test_vocabulary_files_are_valid_turtle() -> None:
    for name in ("ptkg.ttl", "shapes.ttl"):
        assert len(rdflib.Graph().parse(Path(vocabulary_file(name)))) > 50
