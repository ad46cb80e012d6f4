"""Errors of the graph layer, defined with all the others in ``extract.errors`` (the one error
module every package imports) and re-exported here under the names the graph layer uses."""

from __future__ import annotations

from extract.errors import QueryError, QueryTimeoutError, StoreError, ValidationError

__all__ = ["QueryError", "QueryTimeoutError", "StoreError", "ValidationError"]
