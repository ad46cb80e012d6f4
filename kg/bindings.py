"""Bound query parameters as an inline ``VALUES`` row, where the query planner can use them.

Oxigraph plans a query before it applies ``substitutions`` (rdflib's ``initBindings``), so
a bound variable does not choose the index: "the restrictions of one model" scanned every
state interval of the graph. A ``VALUES`` row at the top of the query's outermost group is
the same binding in the algebra (it is how rdflib itself implements ``initBindings``), and
the planner starts from it. The values are RDF terms written by pyoxigraph in N-Triples
syntax, never text taken from the user, so nothing can change the query's structure.

The row opens every group pattern but OPTIONAL and EXISTS groups (see ``inline_values``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.oxterms import to_ox


def prepare(sparql: str, bindings: Mapping[str, Node]) -> tuple[str, dict[ox.Variable, Any]]:
    """The query text to run and the substitutions left to pass with it.

    Bindings go into the text as VALUES rows where that can be done (``inline_values``);
    otherwise they stay substitutions.
    """
    inlined = inline_values(sparql, bindings) if bindings else None
    if inlined is not None:
        return inlined, {}
    return sparql, {ox.Variable(name): to_ox(value) for name, value in bindings.items()}


def inline_values(sparql: str, bindings: Mapping[str, Node]) -> str | None:
    """``sparql`` with ``bindings`` as a VALUES row opening each of its group patterns.

    Every group gets the row, not only the outermost (but OPTIONAL and EXISTS groups,
    which are looked up row by row with the bindings around them): a UNION branch or a
    nested group is evaluated on its own and would otherwise read the whole graph before
    the join. This is what substitution means: the variable *is* the value everywhere.
    None when that cannot be done safely (a blank node value; a CONSTRUCT or DESCRIBE
    query): the caller then binds by substitution.
    """
    if not bindings:
        return None
    return inline_rows(sparql, list(bindings), [tuple(bindings.values())])


def inline_rows(sparql: str, names: Sequence[str], rows: Sequence[tuple[Node, ...]]) -> str | None:
    """``sparql`` with a VALUES block of ``rows`` of the variables ``names`` opening each
    of its group patterns, as ``inline_values`` places one row (a page of a listing binds
    the positions it covers so). None when that cannot be done safely."""
    if not all(isinstance(v, URIRef | Literal) for row in rows for v in row):
        return None
    openings = _group_openings(sparql)
    if not openings:
        return None
    variables = " ".join(f"?{name}" for name in names)
    data = " ".join("(" + " ".join(str(to_ox(value)) for value in row) + ")" for row in rows)
    block = f" VALUES ({variables}) {{ {data} }} "
    for opening in reversed(openings):
        sparql = sparql[: opening + 1] + block + sparql[opening + 1 :]
    return sparql


def _group_openings(sparql: str) -> list[int] | None:
    """Offsets of the ``{`` of each group pattern of a SELECT or ASK query.

    Not a VALUES data block, an OPTIONAL or EXISTS group, nor a group that holds a
    sub-select (which must stand alone in its braces). Comments, strings and IRIs are
    passed over (``sparql_tokens``), so that a brace or a keyword inside them is not taken
    for syntax. None for another query form.
    """
    openings: list[int] = []
    form: str | None = None
    last_keyword = ""
    in_data = False
    for start, token in sparql_tokens(sparql):
        if in_data:
            in_data = token != "}"  # a VALUES data block: no groups inside
        elif token == "{":
            if form not in ("SELECT", "ASK"):
                return None
            if last_keyword == "VALUES":
                in_data = True
            # An OPTIONAL or EXISTS group is evaluated row by row with the bindings of
            # the group around it: a row there would only make the lookup a join. A MINUS
            # group would remove more if it shared the variable only through the row.
            elif last_keyword not in ("OPTIONAL", "EXISTS", "MINUS") and not _opens_subselect(
                sparql, start + 1
            ):
                openings.append(start)
            last_keyword = ""
        elif token[:1].isalpha() or token[:1] == "_":
            last_keyword = token.upper()
            if form is None and last_keyword in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                form = last_keyword
    return openings


def sparql_tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, token) of the words and punctuation of a SPARQL text, passing over
    comments, strings, IRIs and variables: what its syntax is made of. A word runs over
    letters, digits, "_", "-", ":" and "." ("rdfs:label", "schema:Thing."); QueryError for a
    string never closed."""
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif char in "\"'":
            i = _string_end(text, i)
        elif char == "<" and (closed := _iri_end(text, i)) is not None:
            i = closed
        elif char in "?$":
            i += 1
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
        elif char.isalnum() or char in "_@":
            start = i
            i += 1
            while i < n and (text[i].isalnum() or text[i] in "_-:.@"):
                i += 1
            yield start, text[start:i]
        elif char.isspace():
            i += 1
        else:
            yield i, char
            i += 1


def _opens_subselect(text: str, start: int) -> bool:
    i = start
    while i < len(text):
        if text[i].isspace():
            i += 1
        elif text[i] == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
        else:
            return text[i : i + 6].upper() == "SELECT"
    return False


def _string_end(text: str, start: int) -> int:
    """End of the string literal opening at ``start`` (short or long, either quote, escapes
    skipped); QueryError when it is never closed."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            return i + len(delimiter)
        i += 1
    raise QueryError("the query has a string that is never closed", code="E602")


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
