"""The rows of the listing of states on a day, one per span of days in which a row holds.

Reads the facts of one state interval (``state-days.rq``); gives its rows of
``state-on-day`` for every day, as spans: the row of the interval on day D depends only on
which of its six dates (the best estimates of its start and end, and the windows in which
it started and ended) are on or before D, so it changes only on those dates. Between two
of them the row is one; where the interval cannot hold (it cannot have started yet, or
must have ended) there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kg.summary.terms import Term, sort_value, text

Row = dict[str, Term | None]

# The columns of state-on-day, in its order (certainty is made for each span).
DAY_COLUMNS = [
    "subject_name",
    "state",
    "certainty",
    "authority_name",
    "from_day",
    "until_day",
    "from_earliest",
    "from_latest",
    "until_earliest",
    "until_latest",
    "started_by",
    "started_by_label",
    "sources",
    "interval",
]
_DATES = tuple(c for c in DAY_COLUMNS if c.startswith(("from_", "until_")))
BEFORE_ALL = ""  # a day before every date (ISO dates compare as their text)


# The first and the last day a date can name (Python's, and so the runner's, date range):
# the first and the last day of a span that has no first or no last day.
FIRST_DAY = date.min.isoformat()
LAST_DAY = date.max.isoformat()


@dataclass(frozen=True)
class DaySpan:
    """The interval's row of ``state-on-day`` for the days from ``first`` to ``last``
    (both included)."""

    first: str
    last: str
    row: Row


def certainty(facts: Row, day: str) -> str | None:
    """How the interval holds on ``day`` (an ISO date, or BEFORE_ALL), as state-on-day
    says it: certain, likely, possible; None when it cannot hold that day."""

    def value(name: str) -> str | None:
        found = facts.get(name)
        return None if found is None else found["value"]

    from_earliest, until_latest = value("from_earliest"), value("until_latest")
    if not (
        (from_earliest is None or from_earliest <= day)
        and (until_latest is None or until_latest > day)
    ):
        return None
    from_latest, until_earliest = value("from_latest"), value("until_earliest")
    started = facts.get("started") is not None
    ended = facts.get("ended_by") is not None
    if (not started or (from_latest is not None and from_latest <= day)) and (
        not ended or (until_earliest is not None and until_earliest > day)
    ):
        return "certain"
    from_day, until_day = value("from_day"), value("until_day")
    if (from_day is None or from_day <= day) and (until_day is None or until_day > day):
        return "likely"
    return "possible"


def day_spans(facts: Row) -> list[DaySpan]:
    """The interval's rows of ``state-on-day``: one per span of days in which it stays the
    same. Each comparison of state-on-day is of the day with one of the interval's dates,
    so a row holds from one date to the next; it is made for the first day of its span."""
    changes = sorted({facts[d]["value"] for d in _DATES if facts.get(d) is not None})  # type: ignore[index]
    starts: list[str | None] = [None, *changes]
    spans: list[DaySpan] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else None
        found = certainty(facts, BEFORE_ALL if start is None else start)
        if found is None:
            continue
        row: Row = {c: facts.get(c) for c in DAY_COLUMNS}
        row["certainty"] = text(found)
        first = FIRST_DAY if start is None else start
        last = LAST_DAY if end is None else _day_before(end)
        if spans and spans[-1].row == row and _day_before(first) == spans[-1].last:
            spans[-1] = DaySpan(spans[-1].first, last, row)  # the same row goes on
        else:
            spans.append(DaySpan(first, last, row))
    return spans


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def day_order(facts: Row) -> tuple[Any, ...]:
    """ORDER BY ?subject_name ?authority_name ?from_day (then the interval, for ties)."""
    return tuple(
        sort_value(facts.get(c)) for c in ("subject_name", "authority_name", "from_day", "interval")
    )
