"""Running named queries with typed, bound parameters, and the results as tables.

Values always reach the engine as bindings of the query's variables, never pasted into its
text. An ``entity`` parameter accepts a name or alias ("Gemini 2") and is looked up to the
canonical entity's IRI; an ``event_type`` parameter accepts a type id ("partial_lift"),
and one the graph does not have is an error, as an unknown entity is.

Queries only read, and only the local graph: an update (INSERT, DELETE, LOAD...) and a
``SERVICE`` call to another endpoint are refused before the engine sees the query
(``check_query``), so no query makes an outgoing request. Every query form answers:
SELECT with its rows, ASK with one row ``answer``, CONSTRUCT and DESCRIBE with the triples
as rows ``subject predicate object``. ``timeout`` bounds the time a query may take.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import json
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.bindings import inline_rows, prepare, sparql_tokens
from kg.errors import QueryError, QueryTimeoutError
from kg.iri import EVENT_TYPE_NS
from kg.store import GraphStore
from queries.library import NamedQuery, find_query, lookup_text
from queries.values import json_value, ox_value


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


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def run_query(
    store: GraphStore,
    query: str | NamedQuery,
    params: Mapping[str, Any] | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a named query (or a .rq path) with parameters given as Python values or strings.

    ``limit`` and ``offset`` give one page of the rows (``limit`` None: all from
    ``offset``). Raises QueryError for a query that cannot run (unknown, malformed, an
    update, a SERVICE call, a parameter that names nothing in the graph) and
    QueryTimeoutError when it takes longer than ``timeout`` seconds (None: no limit). After
    a timeout the engine may go on computing the current row in the background; it stops
    at the next one.
    """
    named = query if isinstance(query, NamedQuery) else find_query(query)
    check_query(named.text, named.path)
    bindings = bind_parameters(store, named, params or {})
    page = _page(limit, offset)
    if timeout is None:
        return _execute(store, named, bindings, threading.Event(), page)
    cancel = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = _execute(store, named, bindings, cancel, page)
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name=f"ptkg-query-{named.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        cancel.set()
        raise QueryTimeoutError(
            f"query {named.name!r} did not finish within {timeout:g} s: give a parameter "
            "that narrows it (an entity, a type, a period), ask for a page of it (--limit), "
            "or allow more time (--timeout)"
        )
    if "error" in outcome:
        raise outcome["error"]
    result: QueryResult = outcome["result"]
    return result


@dataclass(frozen=True)
class QueryRows:
    """A SELECT query's answer as it comes: its columns, then its rows one at a time."""

    columns: list[str]
    rows: Iterator[tuple[Any, ...]]


def stream_query(
    store: GraphStore,
    query: str | NamedQuery,
    params: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryRows:
    """The rows of a SELECT query, read from the store as they are iterated: an export
    writes them as they come instead of holding them all. QueryError as ``run_query``."""
    named = query if isinstance(query, NamedQuery) else find_query(query)
    form = check_query(named.text, named.path)
    if form != "SELECT":
        raise QueryError(f"{named.path}: only a SELECT query's rows can be streamed", code="E602")
    bindings = bind_parameters(store, named, params or {})
    return _select(store, named, bindings, _page(limit, offset))


Page = tuple[int, int | None]  # offset, limit


def _page(limit: int | None, offset: int) -> Page:
    if offset < 0 or (limit is not None and limit < 0):
        raise QueryError("a page needs --limit and --offset of 0 or more", code="E603")
    return offset, limit


def _execute(
    store: GraphStore,
    named: NamedQuery,
    bindings: Mapping[str, Node],
    cancel: threading.Event,
    page: Page,
) -> QueryResult:
    form = check_query(named.text, named.path)
    if form == "SELECT":
        answer = _select(store, named, bindings, page)
        rows = []
        try:
            for row in answer.rows:
                if cancel.is_set():
                    break
                rows.append(row)
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            raise QueryError(f"{named.path}: {exc}", code="E602") from exc
        return QueryResult(answer.columns, rows)
    try:
        result = store.query(named.text_for(bindings), bindings)
        if result.type == "ASK":
            return QueryResult(["answer"], [(bool(result.askAnswer),)])
        assert result.graph is not None
        triples = sorted(
            (tuple(_python(term) for term in triple) for triple in result.graph),
            key=lambda row: tuple(str(v) for v in row),
        )
    except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
        raise QueryError(f"{named.path}: {exc}", code="E602") from exc
    offset, limit = page
    end = None if limit is None else offset + limit
    return QueryResult(["subject", "predicate", "object"], triples[offset:end])


def _select(
    store: GraphStore, named: NamedQuery, bindings: Mapping[str, Node], page: Page
) -> QueryRows:
    offset, limit = page
    if named.packing is not None and not _position_exists(store, "ptkg:typePosition", 0):
        # every build lists the event types: a store with no row of them has no summaries
        raise QueryError(
            f"query {named.name!r} reads the summary graph, which this store has not: it was "
            "built by an earlier version of ptkg; build it again (ptkg build)",
            code="E600",
        )
    text = named.text_for(bindings)
    selective = any(named.parameter(name).type in SELECTIVE for name in bindings)
    if limit is not None and named.paging is not None and not selective:
        # the positions are given: lines guarded by them choose the lookups by position
        text = named.text_for({*bindings, named.paging.variable})
        return _pages(store, named, text, bindings, offset, limit)
    answer = _solution_rows(store, named, text, bindings, None)
    end = None if limit is None else offset + limit
    return QueryRows(answer.columns, itertools.islice(answer.rows, offset, end))


_decode = json.JSONDecoder().decode
# Parameters that select by an index lookup: a page of their (short) answer is cut from it.
SELECTIVE = ("entity", "event_type", "iri")
FIRST_WINDOW = 128  # positions read by the first window of a paged listing
LAST_WINDOW = 65_536


def _pages(
    store: GraphStore,
    named: NamedQuery,
    text: str,
    bindings: Mapping[str, Node],
    offset: int,
    limit: int,
) -> QueryRows:
    """The rows ``offset`` to ``offset + limit`` of a listing numbered by its ``# Pages:``
    property, read window by window of positions (bound as VALUES rows: index lookups),
    each window twice the last, until enough rows have come or the positions end."""
    paging = named.paging
    assert paging is not None

    def window(start: int, size: int) -> QueryRows:
        positions: list[tuple[Node, ...]] = [
            (Literal(n, datatype=XSD.integer),) for n in range(start, start + size)
        ]
        return _solution_rows(store, named, text, bindings, (paging.variable, positions))

    size = max(FIRST_WINDOW, limit)
    first = window(0, size)

    def rows() -> Iterator[tuple[Any, ...]]:
        answer, start, width, skipped, given = first, 0, size, 0, 0
        while given < limit:
            for row in answer.rows:
                if skipped < offset:
                    skipped += 1
                    continue
                yield row
                given += 1
                if given == limit:
                    return
            start += width
            width = min(width * 2, LAST_WINDOW)
            if not _position_exists(store, paging.property, start):
                return
            answer = window(start, width)

    return QueryRows(first.columns, rows())


def _position_exists(store: GraphStore, prop: str, position: int) -> bool:
    return bool(store.solutions(f"ASK {{ ?row {prop} {position} }}"))


def _solution_rows(
    store: GraphStore,
    named: NamedQuery,
    text: str,
    bindings: Mapping[str, Node],
    window: tuple[str, list[tuple[Node, ...]]] | None,
) -> QueryRows:
    """The rows of one run of the query, its values converted as they are read; rows packed
    in one column (``# Rows:``) spread into the columns the query selects."""
    if window is not None:
        prepared, substitutions = prepare(text, dict(bindings))
        placed = inline_rows(prepared, [window[0]], window[1])
        if placed is None or substitutions:
            raise QueryError(f"{named.path}: cannot bind the positions of a page", code="E602")
        text, bindings = placed, {}
    try:
        solutions = store.solutions(text, bindings)
    except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
        raise QueryError(f"{named.path}: {exc}", code="E602") from exc
    names = [v.value for v in solutions.variables]
    packing = named.packing
    hidden = {p.name for p in named.parameters} | ({packing.variable} if packing else set())
    columns = [n for n in names if n not in hidden]

    def rows() -> Iterator[tuple[Any, ...]]:
        for solution in solutions:
            packed = solution[packing.variable] if packing is not None else None
            if packed is None:
                yield tuple(ox_value(solution[c]) for c in columns)
                continue
            data = _decode(packed.value)
            if packing is not None and packing.member is not None:
                data = data.get(packing.member, [])
            # a packed row holds every column of the query: one it lacks is unbound; a term
            # with no datatype (an IRI, a string) is its text, read here without a call
            for row in data if isinstance(data, list) else [data]:
                yield tuple(
                    [
                        None
                        if (cell := row.get(c)) is None
                        else cell["value"]
                        if "datatype" not in cell
                        else json_value(cell)
                        for c in columns
                    ]
                )

    return QueryRows(columns, rows())


def check_query(text: str, source: str | Path = "query") -> str:
    """The query's form (SELECT, ASK, CONSTRUCT or DESCRIBE), or QueryError in words for
    what ``ptkg`` does not run: an update, a SERVICE call to another endpoint.

    Read as the engine reads it: \\u escapes first, then keywords outside comments,
    strings and IRIs (``ex:SERVICE`` or ``?service`` are names, not the keyword).
    """
    words = _keywords(_CODEPOINT.sub(_codepoint, text))
    form = next((w for w in words if w in QUERY_FORMS or w in UPDATE_FORMS or w == "WITH"), "")
    if form in UPDATE_FORMS or form == "WITH":
        raise QueryError(
            f"{source}: this is a SPARQL update ({form}): ptkg only reads the graph and "
            "refuses updates; write a SELECT, ASK, CONSTRUCT or DESCRIBE query",
            code="E606",
        )
    if "SERVICE" in words:
        raise QueryError(
            f"{source}: the query calls another endpoint (SERVICE): ptkg queries only the "
            "local graph and makes no outgoing request; remove the SERVICE clause",
            code="E606",
        )
    return form


def _codepoint(match: re.Match[str]) -> str:
    code = int(match[1] or match[2], 16)
    return chr(code) if code <= 0x10FFFF else match[0]


def _keywords(text: str) -> list[str]:
    """The bare words of a SPARQL text, upper-cased, in order: not in a comment, a string,
    an IRI; not a variable, a prefixed name or a language tag."""
    words = (token.rstrip(".") for _, token in sparql_tokens(text))
    return [word.upper() for word in words if word.isalpha()]


def bind_parameters(
    store: GraphStore, named: NamedQuery, params: Mapping[str, Any]
) -> dict[str, Node]:
    """The parameters as RDF terms; QueryError for an unknown or missing parameter, or a
    value that is not of its type or names nothing in the graph. A parameter given as None
    or "" is not given (callers pass their optional arguments as they are)."""
    for name, value in params.items():
        if value is not None and value != "":
            named.parameter(name)  # unknown names are an error, not silently ignored
    bindings: dict[str, Node] = {}
    for parameter in named.parameters:
        value = params.get(parameter.name)
        if value is None or value == "":
            if parameter.required:
                raise QueryError(
                    f"query {named.name!r} needs --param {parameter.name}=... "
                    f"({parameter.type}: {parameter.description})",
                    code="E603",
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
            return resolve_event_type(store, str(value))
        if kind == "entity":
            return resolve_entity(store, str(value))
    except ValueError as exc:
        raise QueryError(f"parameter {name}: {value!r} is not a valid {kind}", code="E603") from exc
    return Literal(str(value))


def resolve_event_type(store: GraphStore, value: str) -> URIRef:
    """The event type of the graph with this id ("partial_lift") or IRI; QueryError, with
    the closest ids, for one the graph does not have."""
    iri = URIRef(value if value.startswith(("http://", "https://")) else EVENT_TYPE_NS + value)
    known = {URIRef(str(row[0])): str(row[1]) for row in store.query(lookup_text("event-type-ids"))}  # type: ignore[index]
    if iri in known:
        return iri
    close = difflib.get_close_matches(value, sorted(known.values()), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise QueryError(
        f"no event type {value!r} in this graph{hint}: `ptkg query event-types` lists them",
        code="E605",
    )


def resolve_entity(store: GraphStore, name: str) -> URIRef:
    """The canonical entity whose name or alias is ``name`` (case-insensitive), or an IRI."""
    if name.startswith(("http://", "https://", "urn:")):
        return URIRef(name)
    # The name as written first: an index lookup. Only then any case, which reads every name.
    rows = [
        row
        for lookup in ("entity-by-name", "entity-by-alias")
        for row in store.query(lookup_text(lookup), {"name": Literal(name)})
    ]
    if not rows:
        rows = list(store.query(lookup_text("entity-any-case"), {"name": Literal(name)}))
    found = sorted({(str(r[1]), str(r[0])) for r in rows})  # type: ignore[index]
    if not found:
        raise QueryError(
            f"no entity is named {name!r} in this graph (try `ptkg query entities`)", code="E604"
        )
    if len(found) > 1:
        options = "; ".join(f"{label} <{iri}>" for label, iri in found)
        raise QueryError(
            f"{name!r} names several entities: {options}. Pass the IRI instead.", code="E604"
        )
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


__all__ = [
    "QueryResult",
    "QueryRows",
    "Sequence",
    "bind_parameters",
    "check_query",
    "resolve_entity",
    "resolve_event_type",
    "run_query",
    "stream_query",
]
