"""The named SPARQL queries of ``queries/sparql`` and what their header comments declare.

Each ``.rq`` file starts with a comment block::

    # One line saying what the query answers.
    #
    # Longer purpose, as many lines as needed.
    #
    # Parameters:
    #   ?subject  entity  required  the subject (a name, an alias or an IRI)
    #   ?day    date    optional  the day to answer for
    #
    # Example: ptkg query state-on-day --param subject="Gemini 2" --param day=2026-06-20

Parameter types: entity, event_type, date, integer, string, iri. Every parameter is also
projected; the runner leaves parameter columns out of results.

Two header lines, before the example, say how a query reads the summary graph
(docs/model.md, The summary layer):

* ``# Rows: ?row`` -- the query's rows are packed, each in the ``rdf:JSON`` literal bound
  to ``?row`` (a JSON object of its columns as SPARQL JSON terms); ``# Rows: ?record
  mentions`` -- in the member ``mentions`` of that literal, a list of rows. The runner (and
  the page) spread them into the columns the query selects, every one from the packed row
  (a column it lacks is unbound); the variable is not a column.
* ``# Pages: ?position ptkg:timelinePosition`` -- the rows come in the order of the integer
  ``?position``, which the property numbers from 0 without gaps: a page of the listing is
  read by binding the positions it covers (index lookups), not by sorting the whole.

A line of the query may end with a guard comment: ``#? name`` keeps the line only when
the parameter ``name`` is given, ``#? !name`` only when it is not; ``#? !entity !position``
only when every condition holds. A page of a listing (``# Pages:``) counts its position
variable as given. An optional parameter
can so select events by a triple pattern the store's index answers (``?event ptkg:agent
?entity .  #? entity``) instead of a filter over every event. Read as plain SPARQL the
guard is a comment: the file stays a valid query for any other tool (with all its
parameters bound).

How the queries are written, so that Oxigraph answers a question about one thing by index
lookups whatever the size of the graph (benchmarks/README.md has the figures):

* a parameter that selects (an entity, a model, an event) appears in a triple pattern,
  not only in a FILTER; the runner binds it in a VALUES row the planner starts from;
* no property paths (``a/b``, ``a|b``): they are evaluated over the whole graph and then
  joined; write the steps as patterns;
* every required pattern comes before the first OPTIONAL or BIND, which end a group's
  patterns (what follows is evaluated on its own and joined);
* each OPTIONAL holds one step, nested for longer chains (``OPTIONAL { ?a :p ?b OPTIONAL
  { ?b :q ?c } }``): a longer OPTIONAL is joined against all its values;
* no sub-select and no UNION branch that needs the outer bindings: both are evaluated on
  their own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import QueryError

_GUARD = re.compile(r"#\?(?P<conditions>(?:\s*!?[A-Za-z_][A-Za-z0-9_]*)+)\s*$")
PARAM_TYPES = ("entity", "event_type", "date", "integer", "string", "iri")
_PARAM = re.compile(
    r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\w+)\s+(?P<need>required|optional)\s*(?P<doc>.*)$"
)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Packing:
    """The rows of a query packed in one column (``# Rows:``)."""

    variable: str
    member: str | None = None


@dataclass(frozen=True)
class Paging:
    """The integer variable a query's rows are ordered by, and the property that numbers
    them (``# Pages:``)."""

    variable: str
    property: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    title: str
    purpose: str
    parameters: tuple[Parameter, ...]
    example: str
    packing: Packing | None = None
    paging: Paging | None = None

    def text_for(self, given: Collection[str]) -> str:
        """The query text for these given parameters: guarded lines kept or left out."""
        if "#?" not in self.text:
            return self.text
        lines = []
        for line in self.text.splitlines(keepends=True):
            guard = _GUARD.search(line)
            if guard is not None and not all(
                (word.lstrip("!") in given) != word.startswith("!")
                for word in guard["conditions"].split()
            ):
                continue
            lines.append(line)
        return "".join(lines)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(
            f"query {self.name!r} has no parameter {name!r} (it takes: {known})", code="E603"
        )


def query_directory() -> Path:
    return Path(str(resources.files("queries.sparql")))


def lookup_text(name: str) -> str:
    """The SPARQL of one of the runner's own lookups (queries/sparql/lookups/NAME.rq)."""
    return (query_directory() / "lookups" / f"{name}.rq").read_text(encoding="utf-8")


def list_queries() -> list[NamedQuery]:
    return [load_query(path) for path in sorted(query_directory().glob("*.rq"))]


def find_query(name_or_path: str) -> NamedQuery:
    """A named query of the library, or a .rq file given by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return load_query(path)
    candidate = query_directory() / f"{name_or_path}.rq"
    if candidate.is_file():
        return load_query(candidate)
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(
        f"no query named {name_or_path!r} and no such .rq file (named queries: {names})",
        code="E601",
    )


def load_query(path: Path) -> NamedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}", code="E602") from exc
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    title = header[0] if header else path.stem
    purpose_lines: list[str] = []
    parameters: list[Parameter] = []
    example = ""
    packing: Packing | None = None
    paging: Paging | None = None
    section = "purpose"
    for number, line in enumerate(header[1:], 2):
        lowered = line.lower()
        if lowered.startswith("parameters:"):
            section = "parameters"
            continue
        if lowered.startswith(("rows:", "pages:")):
            words = line.split(":", 1)[1].split()
            if not words or not words[0].startswith("?") or len(words) > 2:
                raise QueryError(
                    f"{path}:{number}: write '# Rows: ?variable [member]' or "
                    "'# Pages: ?variable prefix:property'",
                    code="E602",
                )
            if lowered.startswith("rows:"):
                packing = Packing(words[0][1:], words[1] if len(words) > 1 else None)
            elif len(words) == 2:
                paging = Paging(words[0][1:], words[1])
            else:
                raise QueryError(
                    f"{path}:{number}: '# Pages:' needs the variable and the property that "
                    "numbers the rows: '# Pages: ?position ptkg:timelinePosition'",
                    code="E602",
                )
            section = "header"
            continue
        if lowered.startswith("example:"):
            example = line.split(":", 1)[1].strip()
            section = "example"
            continue
        if section == "parameters" and line:
            match = _PARAM.match(line)
            if match is None or match["type"] not in PARAM_TYPES:
                raise QueryError(
                    f"{path}:{number}: parameter line must read '?name TYPE required|optional "
                    f"description' with TYPE one of {', '.join(PARAM_TYPES)}",
                    code="E602",
                )
            parameters.append(
                Parameter(match["name"], match["type"], match["need"] == "required", match["doc"])
            )
        elif section == "purpose" and line:
            purpose_lines.append(line)
    return NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        title=title,
        purpose=" ".join(purpose_lines),
        parameters=tuple(parameters),
        example=example,
        packing=packing,
        paging=paging,
    )
