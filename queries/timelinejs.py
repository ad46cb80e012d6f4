"""The timeline in Knight Lab's TimelineJS JSON format, ready to publish.

Format: https://timeline.knightlab.com/docs/json-format.html. One slide per policy event
(the types shown on the timeline) that has a date; a title slide says what was left out.
Dates are given only as finely as the graph knows them, as TimelineJS allows:

* a known day: ``start_date`` with year, month and day;
* a whole calendar month (a month-precision event): year and month only; a whole year:
  the year only;
* any other window: ``start_date`` its earliest and ``end_date`` its latest day (the event
  happened on one day of it); a window open at one end: its known end, said in words in
  ``display_date`` ("by 31 Jul 2026").

Each slide's text names who acted, on whom and on which models, then every source
document with one quote (the sentence that reports the event), and any disagreement
between sources. All text from the graph is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from kg.files import write_text_atomic
from kg.store import GraphStore
from queries.dates import describe_window, is_whole_month, is_whole_year
from queries.export import event_entries
from queries.runner import run_query

DEFAULT_TITLE = "Policy timeline"


def timelinejs(
    store: GraphStore,
    *,
    entity: str | None = None,
    event_type: str | None = None,
    title: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """The TimelineJS document of the graph's timeline (optionally of one entity or type;
    ``limit`` and ``offset``: of one page of the timeline's events)."""
    params = {"entity": entity, "type": event_type}
    wanted = {
        row["event"]
        for row in run_query(
            store,
            "timeline",
            params,
            limit=limit,
            offset=offset,
        ).records()
    }
    type_labels = {r["type"]: r["label"] for r in run_query(store, "event-types").records()}
    documents = {r["document"]: r for r in run_query(store, "documents").records()}
    slides: list[dict[str, Any]] = []
    undated = 0
    found = 0
    for event in event_entries(store):
        if found == len(wanted):
            break  # the events come in date order, read as they are asked for
        if event["id"] not in wanted:
            continue
        found += 1
        earliest = _date(event["date"]["earliest"])
        latest = _date(event["date"]["latest"])
        if earliest is None and latest is None:
            undated += 1
            continue
        slides.append(_slide(event, earliest, latest, type_labels, documents))
    sources = sorted({d for s in slides for d in s["_sources"]})
    for slide in slides:
        del slide["_sources"]
    summary = (
        f"{len(slides)} policy event{'s' if len(slides) != 1 else ''} reported by "
        f"{len(sources)} document{'s' if len(sources) != 1 else ''}, reconciled across "
        "sources. A date given as a range is a window: the event happened on one day of it."
    )
    if undated:
        summary += f" {undated} event{'s' if undated != 1 else ''} without any date left out."
    return {
        "title": {"text": {"headline": html.escape(title or DEFAULT_TITLE), "text": summary}},
        "events": slides,
        "scale": "human",
    }


def write_timelinejs(store: GraphStore, path: Path | None = None, **options: Any) -> str:
    """The TimelineJS JSON text; written (atomically) to ``path`` when one is given."""
    text = json.dumps(timelinejs(store, **options), indent=2, ensure_ascii=False)
    if path is not None:
        write_text_atomic(path, text)
    return text


def timelinejs_dates(
    earliest: date | None, latest: date | None, precision: str | None = None
) -> dict[str, Any]:
    """``start_date`` (and ``end_date``) of a slide for a date window, as finely as known."""
    described = describe_window(earliest, latest, precision)
    if earliest is not None and latest is not None:
        if earliest == latest:
            return {"start_date": _full(earliest, described)}
        if is_whole_month(earliest, latest):
            return {
                "start_date": {
                    "year": earliest.year,
                    "month": earliest.month,
                    "display_date": described,
                }
            }
        if is_whole_year(earliest, latest):
            return {"start_date": {"year": earliest.year, "display_date": described}}
        return {
            "start_date": _full(earliest, described),
            "end_date": _full(latest, described),
            "display_date": described,
        }
    known = earliest or latest
    if known is None:
        raise ValueError("an undated event has no TimelineJS date")
    return {"start_date": _full(known, described), "display_date": described}


def _full(day: date, display: str) -> dict[str, Any]:
    return {"year": day.year, "month": day.month, "day": day.day, "display_date": display}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _slide(
    event: dict[str, Any],
    earliest: date | None,
    latest: date | None,
    type_labels: dict[str, str],
    documents: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    precision = event["date"]["precision"]
    models = [m["name"] for m in event["models"]]
    agents = [a["name"] for a in event["agents"]]
    group = models[0] if models else agents[0] if agents else "Other"
    text = [
        f"<p><b>When:</b> {html.escape(describe_window(earliest, latest, precision))}"
        f" ({html.escape(precision)} precision)</p>",
        f"<p><b>Type:</b> {html.escape(type_labels.get(event['type'], event['type']))}</p>",
    ]
    for role, names in (
        ("Who acted", agents),
        ("Directed at", [a["name"] for a in event["affected"]]),
        ("Models", models),
    ):
        if names:
            text.append(f"<p><b>{role}:</b> {html.escape(', '.join(names))}</p>")
    by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in event["mentions"]:
        by_document[mention["document"]].append(mention)
    text.append(f"<p><b>Sources ({len(by_document)}):</b></p><ul>")
    for doc_id in sorted(by_document):
        document = documents.get(doc_id, {})
        text.append(f"<li>{_source(doc_id, by_document[doc_id], document, event['type'])}</li>")
    text.append("</ul>")
    for conflict in event["conflicts"]:
        claims = "; ".join(
            f"{html.escape(c['source'])}: {html.escape(c['value'])}" for c in conflict["claims"]
        )
        text.append(
            f"<p><b>Sources disagree on the {html.escape(conflict['aspect'])}:</b> {claims}."
            f" {html.escape(conflict['resolution'])}.</p>"
        )
    slide: dict[str, Any] = {
        **timelinejs_dates(earliest, latest, precision),
        "text": {"headline": html.escape(event["label"]), "text": "".join(text)},
        "group": html.escape(group),
        "unique_id": event["id"].rstrip("/").rsplit("/", 1)[-1],
        "_sources": sorted(by_document),
    }
    return slide


def _source(
    doc_id: str, mentions: list[dict[str, Any]], document: dict[str, Any], event_type: str
) -> str:
    """One source: its title, id and date, and the quote that best reports the event."""
    title = document.get("title")
    quote = _best_quote(mentions, title, event_type)
    published = html.escape(
        describe_window(document.get("published_earliest"), document.get("published_latest"))
    )
    if title:
        head = f"<i>{html.escape(title)}</i> ({html.escape(doc_id)}, published {published})"
    else:
        head = f"{html.escape(doc_id)} (published {published})"
    if quote is None:
        return head
    words = " ".join(str(quote["quote"] or quote["text"]).split())
    said = f"{head}: &ldquo;{html.escape(words)}&rdquo;"
    if quote.get("attributed_to"):
        said += f" (attributed to {html.escape(str(quote['attributed_to']))})"
    return said


def _best_quote(
    mentions: list[dict[str, Any]], title: str | None, event_type: str | None = None
) -> dict[str, Any] | None:
    """The mention to quote: asserted, naming the act itself rather than its instrument (a
    letter), in a sentence of the text rather than the headline, dated if one is, the
    earliest in the text."""
    if not mentions:
        return None
    headline = " ".join((title or "").split())

    def key(m: dict[str, Any]) -> tuple[bool, bool, bool, bool, int]:
        dated = m["date"]["earliest"] is not None or m["date"]["latest"] is not None
        in_headline = bool(headline) and " ".join(str(m["quote"] or "").split()) == headline
        instrument = event_type is not None and m.get("type") != event_type
        return (m["modality"] != "asserted", instrument, in_headline, not dated, int(m["start"]))

    return min(mentions, key=key)
