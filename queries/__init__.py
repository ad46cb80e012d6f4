"""Reading the graph: the named SPARQL queries, their runner, and charts drawn from results.

This package only reads a built graph; it knows nothing of the NLP.
"""

from queries.library import NamedQuery, Parameter, find_query, list_queries
from queries.runner import QueryResult, resolve_entity, run_query

__all__ = [
    "NamedQuery",
    "Parameter",
    "QueryResult",
    "find_query",
    "list_queries",
    "resolve_entity",
    "run_query",
]
