"""The rows of the listings of events, made from each event's facts.

Reads the facts of one canonical event (``events.rq``, ``participants.rq``,
``sources.rq`` and the export queries' rows); gives the rows the whole-graph listings show
for it, with the columns and values their old joins gave: the timeline, its lanes, the
timeline as known on a day (one row per span of days in which it does not change), the
network's edges, the JSON export. Lists of names are sorted (a join's GROUP_CONCAT gave
them in whatever order it met them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.summary.terms import Term, integer, sort_value, text

Row = dict[str, Term | None]


@dataclass
class EventFacts:
    facts: Row  # the columns of events.rq
    participants: list[Row] = field(default_factory=list)  # participants.rq
    sources: list[Row] = field(default_factory=list)  # sources.rq
    mentions: list[Row] = field(default_factory=list)  # the export queries' rows
    scopes: list[Row] = field(default_factory=list)
    disagreements: list[Row] = field(default_factory=list)
    precedes: list[Row] = field(default_factory=list)  # precedes.rq: the events it came before

    def value(self, name: str) -> str | None:
        found = self.facts.get(name)
        return None if found is None else found["value"]

    @property
    def iri(self) -> str:
        return self.facts["event"]["value"]  # type: ignore[index]

    @property
    def on_timeline(self) -> bool:
        return self.value("on_timeline") in ("true", "1")

    def names(self, role: str) -> list[str | None]:
        """The names of the participants in ``role`` (None for one without a name)."""
        return [(p.get("name") or {}).get("value") for p in self._in(role)]

    def _in(self, role: str) -> Iterator[Row]:
        return (p for p in self.participants if p["role"]["value"] == role)  # type: ignore[index]

    def entities(self) -> set[str]:
        return {p["entity"]["value"] for p in self.participants}  # type: ignore[index]

    def type_keys(self) -> set[str]:
        """The type IRIs a ``type`` parameter selects this event by: its own, its coarse one."""
        return {self.facts["type_iri"]["value"], self.facts["coarse_iri"]["value"]}  # type: ignore[index]

    def order(self) -> tuple[Any, ...]:
        """ORDER BY COALESCE(?earliest, ?latest) ?latest ?event."""
        first = self.facts.get("earliest") or self.facts.get("latest")
        return (sort_value(first), sort_value(self.facts.get("latest")), self.iri)


def in_timeline_order(events: Iterable[EventFacts]) -> list[EventFacts]:
    """The events by date (``EventFacts.order``); among those whose dates sort alike, one a
    source says came first goes first (``ptkg:precedes``), the rest as the dates put them."""
    ordered = sorted(events, key=EventFacts.order)
    result: list[EventFacts] = []
    start = 0
    while start < len(ordered):
        end = start + 1
        while end < len(ordered) and ordered[end].order()[:2] == ordered[start].order()[:2]:
            end += 1
        result.extend(_stated_first(ordered[start:end]))
        start = end
    return result


def _stated_first(run: list[EventFacts]) -> list[EventFacts]:
    """``run`` in a topological order of its stated precedences, ties kept in place (a
    cycle, which the reconciler does not leave, would fall back to the run's order)."""
    if len(run) < 2:
        return run
    iris = {e.iri for e in run}
    before: dict[str, set[str]] = {e.iri: set() for e in run}  # event -> events before it
    for event in run:
        for row in event.precedes:
            later = row["later"]["value"]  # type: ignore[index]
            if later in iris:
                before[later].add(event.iri)
    placed: set[str] = set()
    result: list[EventFacts] = []
    remaining = list(run)
    while remaining:
        ready = next((e for e in remaining if before[e.iri] <= placed), remaining[0])
        remaining.remove(ready)
        placed.add(ready.iri)
        result.append(ready)
    return result


def _concat(values: Iterable[str | None], separator: str) -> Term | None:
    """GROUP_CONCAT(DISTINCT ...) as the store computes it: unbound over no value."""
    found = sorted({v for v in values if v is not None})
    return text(separator.join(found)) if found else None


def timeline_row(event: EventFacts) -> Row:
    f = event.facts
    return {
        "earliest": f.get("earliest"),
        "latest": f.get("latest"),
        "precision": f["precision"],
        "event_type": f["type"],
        "label": f["label"],
        "agents": _concat(event.names("agent"), "; "),
        "models": _concat(event.names("model"), "; "),
        "sources": f["source_count"],
        "event": f["event"],
    }


def lane_rows(event: EventFacts, by: str) -> list[Row]:
    """The event's rows of ``timeline-lanes`` with lanes by ``by`` (model or agent)."""
    f = event.facts
    agents = event.names("agent")
    keys = set(event.names(by)) or {None}
    named_agents = sorted(a for a in agents if a is not None)
    rows = []
    for key in sorted(keys, key=lambda k: (k is not None, k or "")):
        lane = key if by == "agent" or key is not None else next(iter(named_agents), None)
        rows.append(
            {
                "lane": None if lane is None else text(lane),
                "earliest": f.get("earliest"),
                "latest": f.get("latest"),
                "precision": f["precision"],
                "event_type": f["type"],
                "coarse_type": f["coarse_type"],
                "type_label": f.get("type_label"),
                "label": f["label"],
                "agents": _concat(agents, "; "),
                "models": _concat(event.names("model"), "; "),
                "sources": f["source_count"],
                "date_disputed": f["date_disputed"],
                "event": f["event"],
            }
        )
    return rows


def lane_order(row: Row) -> tuple[Any, ...]:
    """ORDER BY ?lane COALESCE(?earliest, ?latest) ?event."""
    first = row.get("earliest") or row.get("latest")
    return (sort_value(row.get("lane")), sort_value(first), row["event"]["value"])  # type: ignore[index]


def export_row(event: EventFacts) -> Row:
    f = event.facts
    names = (
        "event type coarse_type on_timeline label earliest latest precision source_count "
        "independent_sources confidence first_reported_earliest first_reported_latest amount "
        "currency stage"
    )
    return {name: f.get(name) for name in names.split()}


def participant_rows(event: EventFacts) -> list[Row]:
    """The rows of ``export-participants``: those with a name and an entity type."""
    rows: list[Row] = [
        {
            "event": event.facts["event"],
            "role": p["role"],
            "entity": p["entity"],
            "name": p["name"],
            "entity_type": p["entity_type"],
        }
        for p in event.participants
        if p.get("name") and p.get("entity_type")
    ]
    return sorted(rows, key=lambda r: (sort_value(r["role"]), sort_value(r["name"])))


def export_record(event: EventFacts) -> dict[str, Any]:
    """The rows of the export queries about the event, in their order."""

    def ordered(rows: list[Row], *columns: str) -> list[Row]:
        return sorted(rows, key=lambda r: tuple(sort_value(r.get(c)) for c in columns))

    return {
        "event": export_row(event),
        "participants": participant_rows(event),
        "mentions": ordered(event.mentions, "document", "start"),
        "scopes": ordered(event.scopes, "population", "document"),
        "disagreements": ordered(event.disagreements, "disagreement", "document", "value"),
        "precedes": ordered(event.precedes, "later"),
    }


@dataclass(frozen=True)
class Known:
    """The event's row of ``timeline-as-of`` for the days from ``start`` until ``end``
    (exclusive; None: every later day)."""

    start: str
    end: str | None
    row: Row


def known_rows(event: EventFacts) -> list[Known]:
    """The event's rows of ``timeline-as-of``: one per span of days in which it stays the
    same. Its row on day D depends only on which of the dates of its sources and of its
    first report are on or before D, so it changes only on those dates."""
    f = event.facts
    first_earliest, first_latest = (
        event.value("first_reported_earliest"),
        event.value("first_reported_latest"),
    )
    if first_earliest is None or first_latest is None or not event.sources:
        return []
    windows = sorted(
        {
            (s["doc_earliest"]["value"], s["doc_latest"]["value"], s["document"]["value"])  # type: ignore[index]
            for s in event.sources
        }
    )
    changes = sorted(
        {first_earliest, first_latest} | {w[0] for w in windows} | {w[1] for w in windows}
    )
    spans: list[Known] = []
    for number, day in enumerate(changes):
        end = changes[number + 1] if number + 1 < len(changes) else None
        out = [w for w in windows if w[0] <= day]
        if first_earliest > day or not out:
            continue
        row: Row = {
            "earliest": f.get("earliest"),
            "latest": f.get("latest"),
            "precision": f["precision"],
            "event_type": f["type"],
            "label": f["label"],
            "known": text("certain" if first_latest <= day else "possible"),
            "first_reported_earliest": f["first_reported_earliest"],
            "first_reported_latest": f["first_reported_latest"],
            "sources_by_then": integer(len({w[2] for w in out})),
            "certain_sources": integer(len({w[2] for w in out if w[1] <= day})),
            "reported_by": _concat((w[2] for w in out), " "),
            "sources": f["source_count"],
            "event": f["event"],
        }
        if spans and spans[-1].row == row and spans[-1].end == day:
            spans[-1] = Known(spans[-1].start, end, row)  # the same row goes on
        else:
            spans.append(Known(day, end, row))
    return spans


@dataclass
class Edge:
    source: Row  # the agent: name, type, IRI
    relation: str
    target: Row
    events: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)

    def row(self) -> Row:
        return {
            "source": self.source["name"],
            "source_type": self.source["entity_type"],
            "relation": text(self.relation),
            "target": self.target["name"],
            "target_type": self.target["entity_type"],
            "events": integer(len(self.events)),
            "event_types": _concat(self.types, "; "),
            "event_labels": _concat(self.labels, " | "),
            "source_iri": self.source["entity"],
            "target_iri": self.target["entity"],
        }


def edge_order(row: Row) -> tuple[Any, ...]:
    """ORDER BY DESC(?events) ?source ?relation ?target (then the IRIs, for ties)."""
    return (
        -int(row["events"]["value"]),  # type: ignore[index]
        *(sort_value(row[c]) for c in ("source", "relation", "target", "source_iri", "target_iri")),
    )


def add_edges(edges: dict[tuple[str | None, str, str, str], Edge], event: EventFacts) -> None:
    """Add the event's edges of the ``network`` (an agent -> a party it acted on or a model
    the event concerns), under every type key the event is selected by and under None (all
    types)."""
    if not event.on_timeline:
        return
    known = [p for p in event.participants if p.get("name") and p.get("entity_type")]
    agents = [p for p in known if p["role"]["value"] == "agent"]  # type: ignore[index]
    targets = [p for p in known if p["role"]["value"] in ("affected", "model")]  # type: ignore[index]
    for agent in agents:
        for target in targets:
            if agent["entity"] == target["entity"]:
                continue
            relation = target["role"]["value"]  # type: ignore[index]
            for key in (None, *sorted(event.type_keys())):
                edge_key = (key, agent["entity"]["value"], relation, target["entity"]["value"])  # type: ignore[index]
                edge = edges.get(edge_key)
                if edge is None:
                    edge = edges[edge_key] = Edge(agent, relation, target)
                edge.events.add(event.iri)
                edge.types.add(event.value("type") or "")
                edge.labels.add(event.value("label") or "")
