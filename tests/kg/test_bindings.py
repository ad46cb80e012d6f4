"""Bound parameters as VALUES rows: where they go, and that they mean what substitution does."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.bindings import inline_values

QUERY = """# a comment with a { brace
PREFIX ex: <http://example.org/#>
SELECT ?s ?label ?owner WHERE {
  VALUES ?kind { ex:a ex:b }
  ?s ex:kind ?kind ; ex:owner ?owner .
  { ?s ex:label ?label } UNION { ?s ex:name ?label }
  OPTIONAL { ?s ex:note "{ not a group }" }
  FILTER NOT EXISTS { ?s ex:hidden true }
}"""

OWNER = URIRef("http://example.org/#o1")


def _store() -> ox.Store:
    store = ox.Store()
    ex = "http://example.org/#"
    for s, owner, label, prop in (("s1", "o1", "one", "label"), ("s2", "o2", "two", "name")):
        subject = ox.NamedNode(ex + s)
        store.add(ox.Quad(subject, ox.NamedNode(ex + "kind"), ox.NamedNode(ex + "a")))
        store.add(ox.Quad(subject, ox.NamedNode(ex + "owner"), ox.NamedNode(ex + owner)))
        store.add(ox.Quad(subject, ox.NamedNode(ex + prop), ox.Literal(label)))
    return store


def test_the_row_opens_each_group_but_optional_exists_and_values_blocks() -> None:
    text = inline_values(QUERY, {"owner": OWNER})
    assert text is not None
    row = "VALUES (?owner) { (<http://example.org/#o1>) }"
    assert text.count(row) == 3  # the WHERE group and both UNION branches
    assert 'OPTIONAL { ?s ex:note "{ not a group }" }' in text
    assert "FILTER NOT EXISTS { ?s ex:hidden true }" in text
    assert "# a comment with a { brace" in text


def test_the_row_gives_what_substitution_gives() -> None:
    store = _store()
    text = inline_values(QUERY, {"owner": OWNER})
    assert text is not None
    inlined = sorted(str(r["label"]) for r in store.query(text))
    substituted = sorted(
        str(r["label"])
        for r in store.query(QUERY, substitutions={ox.Variable("owner"): ox.NamedNode(OWNER)})
    )
    assert inlined == substituted == ['"one"']


def test_a_literal_is_written_escaped() -> None:
    text = inline_values("SELECT * WHERE { ?s ?p ?name }", {"name": Literal('say "hi"\n')})
    assert text is not None
    assert r'"say \"hi\"\n"' in text
    assert len(list(ox.Store().query(text))) == 0  # it parses


def test_no_row_for_a_sub_select_group_a_construct_or_a_blank_node() -> None:
    sub = "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }"
    text = inline_values(sub, {"o": OWNER})
    assert text is not None
    assert text.count("VALUES") == 2  # the outer group and the sub-select's own WHERE
    assert "{ SELECT ?s WHERE {" in text  # a sub-select stands alone in its braces
    assert list(ox.Store().query(text)) == []  # and the query still parses
    assert inline_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": OWNER}) is None
    assert inline_values("SELECT * WHERE { ?s ?p ?o }", {"o": BNode()}) is None
    assert inline_values("SELECT * WHERE { ?s ?p ?o }", {}) is None
