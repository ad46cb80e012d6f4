"""The TimelineJS export on the corpus graph, and how date windows become TimelineJS dates.

Format: https://timeline.knightlab.com/docs/json-format.html (a ``title`` slide and
``events`` slides with ``start_date`` {year, month?, day?}, optional ``end_date``,
``text`` {headline, text}, ``group``, ``unique_id``).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kg.store import GraphStore
from ptkg.cli import main
from queries import run_query, timelinejs, timelinejs_dates, write_timelinejs

DATE_KEYS = {"year", "month", "day", "display_date"}


@pytest.fixture(scope="module")
def document(store: GraphStore) -> dict[str, Any]:
    return timelinejs(store)


def _slide(document: dict[str, Any], event_type: str, store: GraphStore) -> dict[str, Any]:
    ids = {
        r["event"].rsplit("/", 1)[-1]
        for r in run_query(store, "timeline", {"type": event_type}).records()
    }
    slides = [s for s in document["events"] if s["unique_id"] in ids]
    assert len(slides) == 1, [s["unique_id"] for s in document["events"]]
    return slides[0]


def test_timelinejs_dates_day_month_year_window_open() -> None:
    assert timelinejs_dates(date(2026, 6, 26), date(2026, 6, 26)) == {
        "start_date": {"year": 2026, "month": 6, "day": 26, "display_date": "26 Jun 2026"}
    }
    assert timelinejs_dates(date(2026, 3, 1), date(2026, 3, 31), "month") == {
        "start_date": {"year": 2026, "month": 3, "display_date": "Mar 2026"}
    }
    assert timelinejs_dates(date(2025, 1, 1), date(2025, 12, 31), "year") == {
        "start_date": {"year": 2025, "display_date": "2025"}
    }
    window = timelinejs_dates(date(2026, 6, 27), date(2026, 7, 31))
    assert window["start_date"] == {
        "year": 2026,
        "month": 6,
        "day": 27,
        "display_date": "27 Jun – 31 Jul 2026",
    }
    assert (window["end_date"]["month"], window["end_date"]["day"]) == (7, 31)
    open_start = timelinejs_dates(None, date(2026, 7, 31))
    assert "end_date" not in open_start
    assert open_start["display_date"] == "by 31 Jul 2026"
    assert timelinejs_dates(date(2026, 6, 13), None)["display_date"] == "from 13 Jun 2026"
    with pytest.raises(ValueError, match="undated"):
        timelinejs_dates(None, None)


def test_timelinejs_has_a_slide_per_dated_timeline_event(
    store: GraphStore, document: dict[str, Any]
) -> None:
    timeline = run_query(store, "timeline").records()
    dated = [r for r in timeline if r["earliest"] or r["latest"]]
    assert len(document["events"]) == len(dated)
    assert document["title"]["text"]["headline"] == "Policy timeline"
    assert document["scale"] == "human"
    ids = [s["unique_id"] for s in document["events"]]
    assert len(set(ids)) == len(ids)
    for slide in document["events"]:
        assert set(slide["start_date"]) <= DATE_KEYS and isinstance(
            slide["start_date"]["year"], int
        )
        if "end_date" in slide:
            start, end = slide["start_date"], slide["end_date"]
            assert date(start["year"], start["month"], start["day"]) < date(
                end["year"], end["month"], end["day"]
            )
        assert slide["text"]["headline"] and "<ul>" in slide["text"]["text"]
        assert slide["group"]


def test_timelinejs_partial_lift_is_a_day_with_its_sources_quoted(
    store: GraphStore, document: dict[str, Any], docs: dict[str, str]
) -> None:
    slide = _slide(document, "partial_lift", store)
    assert slide["start_date"] == {
        "year": 2026,
        "month": 6,
        "day": 26,
        "display_date": "26 Jun 2026",
    }
    assert "end_date" not in slide
    assert slide["group"] == "Claude Mythos 5"
    text = slide["text"]["text"]
    for short in ("000", "001", "004"):
        assert docs[short] in text
    # 001's own words reporting the act, quoted (not the letter that carried it).
    [item] = [i for i in re.findall(r"<li>(.*?)</li>", text) if docs["001"] in i]
    assert "has partially lifted the export ban" in item or "allows a select group" in item
    assert "confirmed in a letter" not in item
    assert text.count("&ldquo;") >= 3


def test_timelinejs_lawsuit_gives_the_month_only(
    store: GraphStore, document: dict[str, Any]
) -> None:
    slide = _slide(document, "lawsuit", store)
    assert slide["start_date"] == {"year": 2026, "month": 3, "display_date": "Mar 2026"}
    assert "end_date" not in slide


def test_timelinejs_escapes_html_of_the_sources(document: dict[str, Any]) -> None:
    texts = " ".join(s["text"]["text"] + s["text"]["headline"] for s in document["events"])
    # 000's headline "... on Anthropic's AI ..." is written with an escaped apostrophe.
    assert "Anthropic&#x27;s AI Amid Security Safeguards" in texts
    tags = set(re.findall(r"</?([a-z]+)", texts))
    assert tags <= {"p", "b", "i", "ul", "li"}


def test_timelinejs_title_and_filters(store: GraphStore) -> None:
    lifts = timelinejs(store, event_type="partial_lift", title="Lifts <1>")
    assert lifts["title"]["text"]["headline"] == "Lifts &lt;1&gt;"
    assert len(lifts["events"]) == 1
    fable = timelinejs(store, entity="Fable 5")
    assert fable["events"] and all("Claude Fable 5" in s["text"]["text"] for s in fable["events"])


def test_timelinejs_written_file_and_command(store: GraphStore, tmp_path: Path) -> None:
    written = tmp_path / "timeline.json"
    text = write_timelinejs(store, written)
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(text)
    by_command = tmp_path / "by-command.json"
    assert (
        main(
            [
                "export",
                "--format",
                "timelinejs",
                "--store",
                str(store.path),
                "--output",
                str(by_command),
            ]
        )
        == 0
    )
    assert json.loads(by_command.read_text(encoding="utf-8")) == json.loads(text)
