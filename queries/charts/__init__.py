"""Charts drawn from query results (matplotlib, networkx): each a library function and a command.

Every chart has a function returning the data it is drawn from (``timeline_data``,
``state_data``, ``network_data``), one drawing that data as a matplotlib figure without
writing anything (``render_*``), and one writing PNG and SVG files (``draw_*``).
"""

from queries.charts.network import (
    NetworkEdge,
    draw_network,
    network_data,
    network_graph,
    render_network,
)
from queries.charts.states import StateBand, draw_states, render_states, state_data
from queries.charts.style import coarse_types, output_paths, type_styles
from queries.charts.timeline import ChartEvent, draw_timeline, render_timeline, timeline_data

CHARTS = ("timeline", "states", "network")

__all__ = [
    "CHARTS",
    "ChartEvent",
    "NetworkEdge",
    "StateBand",
    "coarse_types",
    "draw_network",
    "draw_states",
    "draw_timeline",
    "network_data",
    "network_graph",
    "output_paths",
    "render_network",
    "render_states",
    "render_timeline",
    "state_data",
    "timeline_data",
    "type_styles",
]
