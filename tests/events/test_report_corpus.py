"""Slow: the event layer over the bundled articles, measured against their reference timeline.

Needs the full pipeline (the time layer included), run once over the corpus (the
``corpus_records`` fixture). The reference is development gold: these
tests check coverage and a bound on false positives, not the exact mentions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.datafiles import load_yaml
from extract.entities import packaged_entity_lexicon
from extract.events.lexicon import load_event_lexicon
from extract.events.report import coverage, false_positives, views
from extract.records import DocumentRecords

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "gold" / "seed_events.yaml"


def test_report_every_reference_event_is_found_in_each_source(
    corpus_records: list[DocumentRecords],
) -> None:
    if not GOLD.is_file():
        pytest.skip(f"no reference timeline at {GOLD}")
    gold = load_yaml(GOLD)
    mentions = views(corpus_records, load_event_lexicon())
    rows = coverage(gold, mentions, packaged_entity_lexicon())
    missing = [(r.gold_id, r.doc_id) for r in rows if r.found is None]
    assert missing == []
    fps = false_positives(gold, mentions, packaged_entity_lexicon())
    assert len(fps) <= 12, [(f.doc_id[:3], f.mention.trigger.text, f.mention.type) for f in fps]


def test_report_dates_the_four_named_events(corpus_records: list[DocumentRecords]) -> None:
    """The designation precedes the lawsuit (March); the order is dated June 12; the letter
    June 26 -- each as a time expression attached to its own mention."""
    by_doc = {r.document.id[:3]: r for r in corpus_records}

    def attached(doc: str, event_type: str) -> set[str]:
        item = by_doc[doc]
        timexes = {t.id: t.span.text for t in item.timexes}
        return {timexes[e.timex] for e in item.events if e.type == event_type and e.timex}

    assert "June 12" in attached("000", "export_restriction")
    assert "June 26" in attached("001", "letter")
    assert "March" in attached("003", "lawsuit")
    lawsuit = next(e for e in by_doc["003"].events if e.type == "lawsuit")
    designation = next(e for e in by_doc["003"].events if e.type == "designation")
    assert ("after", designation.id) in {(r.relation, r.target) for r in lawsuit.relations}


def test_report_records_are_picklable(corpus_records: list[DocumentRecords]) -> None:
    import pickle

    for item in corpus_records:
        assert pickle.loads(pickle.dumps(item.events)) == item.events
        assert pickle.loads(pickle.dumps(item.entities)) == item.entities
