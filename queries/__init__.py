"""Reading the graph: the named SPARQL queries, their runner, exports, and charts.

This package only reads a built graph; it knows nothing of the NLP. The public API:

* ``run_query(store, name, params)`` runs a named query (``list_queries()``) with bound
  parameters; its ``QueryResult`` gives records, a table, CSV, JSON or a pandas DataFrame;
* ``export_events`` / ``write_events``: the stable JSON export (schema events-1.json);
* ``timelinejs`` / ``write_timelinejs``: the timeline in TimelineJS JSON;
* ``state_on_day``: the state of a model on a day with one quote per source, in words;
* ``describe_window``: a date window in words;
* charts live in ``queries.charts`` (imported on demand: it loads matplotlib);
* ``QueryError`` (and ``QueryTimeoutError``) is what a query asked wrongly raises, with a
  code (``error.code``) saying which mistake it is (docs/errors.md).
"""

from kg.errors import QueryError, QueryTimeoutError
from queries.answers import SourceQuote, StateAnswer, state_on_day
from queries.dates import describe_window
from queries.export import export_events, write_events
from queries.library import NamedQuery, Parameter, find_query, list_queries
from queries.runner import QueryResult, resolve_entity, run_query
from queries.timelinejs import timelinejs, timelinejs_dates, write_timelinejs

__all__ = [
    "NamedQuery",
    "Parameter",
    "QueryError",
    "QueryResult",
    "QueryTimeoutError",
    "SourceQuote",
    "StateAnswer",
    "describe_window",
    "export_events",
    "find_query",
    "list_queries",
    "resolve_entity",
    "run_query",
    "state_on_day",
    "timelinejs",
    "timelinejs_dates",
    "write_events",
    "write_timelinejs",
]
