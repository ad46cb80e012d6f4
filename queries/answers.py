"""Answers with their sources: the state of a subject on a day, and who says so, quoted.

Built from the ``state-on-day`` and ``state-on-day-sources`` queries. The answer is the
state that held (``certain``) or most likely held (``likely``) on the day under the
subject's principal authority (or the one asked for); the other states the dates still
allow follow as alternatives (``possible``). Each comes with one quote per source
document: the sentence that best supports it, chosen in this order: a sentence that names
the subject, one whose own date agrees with when the state began, one saying the state
still holds, one of the body rather than the headline, the earliest in the text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from kg.store import GraphStore
from queries.dates import describe_window
from queries.library import lookup_text
from queries.runner import resolve_entity, run_query


@dataclass(frozen=True)
class SourceQuote:
    document: str
    title: str | None
    published_earliest: date
    published_latest: date
    evidence: str  # "set by" (reports the event that set the state) or "says it holds"
    quote: str
    attributed_to: str | None


@dataclass(frozen=True)
class StateAnswer:
    subject: str
    day: date
    state: str
    certainty: str  # certain or likely (the answer), possible (an alternative)
    authority: str | None
    from_earliest: date | None
    from_latest: date | None
    started_by: str | None  # the label of the event that set the state
    sources: tuple[SourceQuote, ...]

    def text(self) -> str:
        """The answer in words, with one quote per source."""
        under = f" under {self.authority}" if self.authority else ""
        lines = [
            f"On {describe_window(self.day, self.day)}, {self.subject} was "
            f"{self.state.replace('_', ' ')}{under} ({self.certainty})"
            + (
                f", since {self.started_by} "
                f"({describe_window(self.from_earliest, self.from_latest)})."
                if self.started_by
                else "."
            )
        ]
        if self.sources:
            lines.append("According to:")
        for source in self.sources:
            name = f"{source.document}" + (f" ({source.title})" if source.title else "")
            said = f"- {name}, {source.evidence}: \u201c{source.quote}\u201d"
            if source.attributed_to:
                said += f" (attributed to {source.attributed_to})"
            lines.append(said)
        return "\n".join(lines)


def state_on_day(
    store: GraphStore,
    subject: str,
    day: date,
    *,
    authority: str | None = None,
    population: str | None = None,
    layer: str | None = None,
) -> list[StateAnswer]:
    """The state of ``subject`` (a name, alias or IRI) on ``day``, then the alternatives the
    dates allow, each with its sources."""
    params: dict[str, Any] = {
        "subject": subject,
        "day": day,
        "authority": authority,
        "population": population,
        "layer": layer,
    }
    states = sorted(
        run_query(store, "state-on-day", params).records(),
        key=lambda row: (row["certainty"] == "possible", str(row["authority_name"] or "")),
    )
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in run_query(store, "state-on-day-sources", params).records():
        evidence[row["interval"]].append(row)
    names = _names(store, subject)
    answers = []
    for state in states:
        rows = evidence.get(state["interval"], [])
        by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_document[row["document"]].append(row)
        sources = tuple(
            _quote(min(found, key=lambda r: _rank(r, names, state)))
            for _, found in sorted(by_document.items())
        )
        answers.append(
            StateAnswer(
                subject=state["subject_name"],
                day=day,
                state=state["state"],
                certainty=state["certainty"],
                authority=state["authority_name"],
                from_earliest=state["from_earliest"],
                from_latest=state["from_latest"],
                started_by=state["started_by_label"],
                sources=sources,
            )
        )
    return answers


def _names(store: GraphStore, subject: str) -> list[str]:
    iri = resolve_entity(store, subject)
    rows = store.query(lookup_text("entity-names"), {"entity": iri})
    names = {str(term) for row in rows for term in row if term is not None}  # type: ignore[union-attr]
    return sorted(names) or [subject]


def _rank(row: dict[str, Any], names: list[str], state: dict[str, Any]) -> tuple[Any, ...]:
    quote = " ".join(str(row["quote"] or "").split())
    title = " ".join(str(row["title"] or "").split())
    lowered = quote.lower()
    names_subject = any(name.lower() in lowered for name in names)
    start, end = state["from_earliest"], state["from_latest"]
    dated = (
        row["mention_earliest"] is not None
        and row["mention_latest"] is not None
        and (start is None or row["mention_latest"] >= start)
        and (end is None or row["mention_earliest"] <= end)
    )
    return (
        not names_subject,
        not dated,
        row["evidence"] != "says it holds",
        bool(title) and quote == title,
        int(row["start"]),
    )


def _quote(row: dict[str, Any]) -> SourceQuote:
    return SourceQuote(
        document=row["document"],
        title=row["title"],
        published_earliest=row["published_earliest"],
        published_latest=row["published_latest"],
        evidence=row["evidence"],
        quote=" ".join(str(row["quote"] or row["trigger"]).split()),
        attributed_to=row["attributed_to"],
    )
