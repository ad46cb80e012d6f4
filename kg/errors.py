"""Errors of the graph layer."""

from __future__ import annotations

from extract.errors import PolicyKGError


class StoreError(PolicyKGError):
    """The graph store cannot be opened, written or read."""


class QueryError(PolicyKGError):
    """A SPARQL query is unknown, malformed or given wrong parameters."""


class ValidationError(PolicyKGError):
    """SHACL validation could not run (not: the graph does not conform)."""


class QueryTimeoutError(QueryError):
    """A query did not finish within its time limit."""
