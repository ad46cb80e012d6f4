"""Charts drawn from query results (matplotlib): each a library function and a command."""

from queries.charts.states import draw_states, state_data
from queries.charts.timeline import draw_timeline, timeline_data

__all__ = ["draw_states", "draw_timeline", "state_data", "timeline_data"]
