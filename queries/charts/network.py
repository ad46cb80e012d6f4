"""The network chart: actors and the models or parties their actions were directed at.

Drawn from the ``network`` query. An arrow goes from the agent of an event to each party
it affected (grey) and each model it concerned (blue); its width says how many events
link them. Nodes are coloured by entity type and sized by the number of events they take
part in. They stand on a circle, so that no arrow passes through a node it does not link:
first the entities that only act, then those that act and are acted on, then those only
acted on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kg.store import GraphStore
from queries.charts.style import PALETTE, new_figure, save
from queries.runner import run_query

RELATION_COLORS = {"affected": "#555555", "model": "#1f5fa8"}
FONT = 9.0


@dataclass(frozen=True)
class NetworkEdge:
    source: str
    source_type: str
    relation: str  # affected or model
    target: str
    target_type: str
    events: int
    event_types: tuple[str, ...]


def network_data(
    store: GraphStore,
    *,
    entity: str | None = None,
    event_type: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[NetworkEdge]:
    """The edges of the network: agent -> affected party or model, with event counts;
    ``limit`` and ``offset``: one page of them, those of most events first."""
    params = {"entity": entity, "type": event_type}
    return [
        NetworkEdge(
            source=row["source"],
            source_type=row["source_type"],
            relation=row["relation"],
            target=row["target"],
            target_type=row["target_type"],
            events=int(row["events"]),
            event_types=tuple(sorted(t for t in (row["event_types"] or "").split("; ") if t)),
        )
        for row in run_query(
            store,
            "network",
            params,
            limit=limit,
            offset=offset,
        ).records()
    ]


def network_graph(edges: Sequence[NetworkEdge]) -> Any:
    """The edges as a networkx DiGraph: nodes carry ``entity_type``, edges ``events``,
    ``relations`` and ``event_types`` (an agent may both affect a party and concern it)."""
    import networkx as nx

    graph = nx.DiGraph()
    for edge in edges:
        graph.add_node(edge.source, entity_type=edge.source_type)
        graph.add_node(edge.target, entity_type=edge.target_type)
        if graph.has_edge(edge.source, edge.target):
            data = graph.edges[edge.source, edge.target]
            data["events"] = max(data["events"], edge.events)
            data["relations"] = tuple(sorted({*data["relations"], edge.relation}))
            data["event_types"] = tuple(sorted({*data["event_types"], *edge.event_types}))
        else:
            graph.add_edge(
                edge.source,
                edge.target,
                events=edge.events,
                relations=(edge.relation,),
                event_types=edge.event_types,
            )
    return graph


def draw_network(
    store: GraphStore, path: Path, *, entity: str | None = None, event_type: str | None = None
) -> list[Path]:
    """Draw the chart to ``path`` (.png or .svg; both for any other path)."""
    return save(render_network(network_data(store, entity=entity, event_type=event_type)), path)


def render_network(edges: Sequence[NetworkEdge], *, title: str | None = None) -> Figure:
    """The network of ``edges`` as a figure (nothing is written)."""
    import networkx as nx

    graph = network_graph(edges)
    order = _circle_order(graph)
    count = max(1, len(order))
    figure = new_figure(13.0, 9.0)
    ax = figure.add_axes((0.18, 0.12, 0.64, 0.78))
    ax.set_axis_off()
    ax.set_aspect("equal")
    # On a circle no arrow passes through a node it does not link.
    positions: dict[str, tuple[float, float]] = {}
    for k, node in enumerate(order):
        angle = math.pi / 2 + (k + 0.5) * 2 * math.pi / count
        positions[node] = (math.cos(angle), math.sin(angle))
    types = sorted({str(t) for _, t in graph.nodes(data="entity_type")})
    colors = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    involvement: dict[str, int] = defaultdict(int)
    for u, v, n in graph.edges(data="events"):
        involvement[u] += int(n)
        involvement[v] += int(n)
    nodes = list(graph.nodes)
    sizes = [250 + 120 * involvement[n] for n in nodes]
    if nodes:
        nx.draw_networkx_nodes(
            graph,
            positions,
            ax=ax,
            nodelist=nodes,
            node_size=sizes,
            edgecolors="black",
            linewidths=0.8,
            node_color=[colors[str(graph.nodes[n]["entity_type"])] for n in nodes],
        )
        for u, v, data in sorted(graph.edges(data=True), key=lambda e: -int(e[2]["events"])):
            relation = "model" if "model" in data["relations"] else "affected"
            nx.draw_networkx_edges(
                graph,
                positions,
                edgelist=[(u, v)],
                ax=ax,
                nodelist=nodes,
                node_size=sizes,
                width=_width(int(data["events"])),
                edge_color=RELATION_COLORS[relation],
                alpha=0.7,
                arrowsize=14,
                connectionstyle="arc3,rad=0.2" if graph.has_edge(v, u) else "arc3,rad=0.06",
            )
    for node, (x, y) in positions.items():
        radius = sizes[nodes.index(node)] ** 0.5 / 2 + 4  # points: node sizes are areas
        ax.annotate(
            node,
            (x, y),
            xytext=(radius * x, radius * y),
            textcoords="offset points",
            fontsize=FONT,
            ha="left" if x > 0.15 else "right" if x < -0.15 else "center",
            va="bottom" if y > 0.15 else "top" if y < -0.15 else "center",
        )
    if not nodes:
        ax.text(0.5, 0.5, "No event links two entities", transform=ax.transAxes, ha="center")
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.15)
    figure.text(
        0.03,
        0.955,
        title or "Who acted on whom: actors, parties and models linked by events",
        fontsize=13,
        weight="bold",
    )
    figure.text(
        0.03,
        0.93,
        "Arrow: from the agent of an event to a party it affected or a model it "
        "concerned; width: number of events.",
        fontsize=8.5,
        color="#444444",
    )
    handles: list[Any] = [
        Line2D(
            [],
            [],
            marker="o",
            color=colors[t],
            markeredgecolor="black",
            linestyle="none",
            markersize=9,
            label=t.replace("_", " "),
        )
        for t in types
    ]
    handles += [
        Line2D(
            [],
            [],
            color=RELATION_COLORS["affected"],
            linewidth=2.5,
            label="acted on (affected party)",
        ),
        Line2D([], [], color=RELATION_COLORS["model"], linewidth=2.5, label="concerned (model)"),
    ]
    counts = sorted({int(n) for _, _, n in graph.edges(data="events")})
    for n in sorted({counts[0], counts[len(counts) // 2], counts[-1]} if counts else set()):
        handles.append(
            Line2D(
                [],
                [],
                color="#999999",
                linewidth=_width(n),
                label=f"{n} event{'s' if n != 1 else ''}",
            )
        )
    figure.legend(
        handles=handles, loc="lower center", ncols=min(6, len(handles)), fontsize=8.5, frameon=False
    )
    return figure


def _width(events: int) -> float:
    return 0.8 + 1.6 * events


def _circle_order(graph: Any) -> list[str]:
    """Around the circle: entities that only act, then those that act and are acted on,
    then those only acted on; by type and name within each group."""
    acting = {u for u, _ in graph.edges}
    acted_on = {v for _, v in graph.edges}

    def key(node: str) -> tuple[int, str, str]:
        group = 0 if node not in acted_on else 1 if node in acting else 2
        return (group, str(graph.nodes[node]["entity_type"]), node)

    return sorted(graph.nodes, key=key)
