"""Fixtures of the query tests: run a named query on the graph of the bundled corpus.

The facts the tests assert come from the five articles themselves (and the reference
timeline written by hand from them, corpus/gold/seed_events.yaml), not from the program's
output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kg.store import GraphStore
from queries import run_query

Rows = list[dict[str, Any]]
RunQuery = Callable[..., Rows]

# Document ids of the bundled corpus (corpus/manifest.yaml).
DOC_000 = "000_cd1b08e115ba3b17"
DOC_001 = "001_c86583a5c4579b80"
DOC_002 = "002_f145ca69ac926ede"
DOC_003 = "003_4a0ce682f3855dfc"
DOC_004 = "004_c0c8e0d5c0ae4aad"


@pytest.fixture(scope="session")
def docs() -> dict[str, str]:
    """Short names of the corpus documents: '000' -> its document id."""
    return {d[:3]: d for d in (DOC_000, DOC_001, DOC_002, DOC_003, DOC_004)}


@pytest.fixture(scope="session")
def rows(store: GraphStore) -> RunQuery:
    """``rows("timeline", type="lawsuit")``: the records a named query returns."""

    def run(name: str, **params: Any) -> Rows:
        return run_query(store, name, params).records()

    return run
