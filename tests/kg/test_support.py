"""Support and confidence: what an event needs to be on the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from extract.records import DateRange, DocumentRecords
from kg.reconcile import Reconciliation, Threshold, reconcile
from kg.reconcile.support import publishers
from kg.schema import EventTypes
from tests.kg.test_reconcile import ENTITY_TYPES, EVENT_TYPES

if TYPE_CHECKING:
    from tests.kg.conftest import DocBuilder, MakeDoc


# A statement: news when two publishers carry it, or one completely
STATEMENTS = EventTypes(
    {
        **EVENT_TYPES.types,
        "statement": replace(
            EVENT_TYPES.types["export_restriction"],
            id="statement",
            state_effect=None,
            min_sources=2,
            complete_alone=True,
        ),
    }
)


def _order(doc: MakeDoc, doc_id: str) -> DocBuilder:
    a = doc(doc_id)
    s = a.sentence("Commerce restricted exports of Mythos 5 on June 12.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(s, "restricted", "export_restriction", models=(model,), timex=a.timex(s, "June 12"))
    return a


def _published_by(records: DocumentRecords, publisher: str | None, url: str | None) -> Any:
    return replace(records, document=replace(records.document, publisher=publisher, url=url))


def _run(records: list[DocumentRecords], threshold: Threshold | None = None) -> Reconciliation:
    return reconcile(records, EVENT_TYPES, ENTITY_TYPES, threshold)


def test_support_event_naming_nobody_is_a_candidate(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("A lawsuit followed on June 20.")
    a.event(s, "lawsuit", "lawsuit", timex=a.timex(s, "June 20"))
    r = _run([a.build(), _order(doc, "b").build()])
    by_type = {e.type_id: n for n, e in enumerate(r.events)}
    assert r.support[by_type["lawsuit"]].weak
    assert not r.on_timeline(by_type["lawsuit"])
    assert r.on_timeline(by_type["export_restriction"])


def test_support_copies_of_one_publisher_are_one_voice(doc: MakeDoc) -> None:
    wire = [
        _published_by(_order(doc, "a").build(), None, "https://www.example-wire.com/story"),
        _published_by(_order(doc, "b").build(), None, "https://example-wire.com/copy"),
        _published_by(_order(doc, "c").build(), "Other Daily", None),
    ]
    assert publishers(wire) == {
        "a": "example-wire.com",
        "b": "example-wire.com",
        "c": "other daily",
    }
    r = _run(wire)
    (support,) = r.support
    assert (support.documents, support.independent) == (3, 2)
    one = _run(wire[:1])
    assert support.confidence > one.support[0].confidence


def test_support_threshold_keeps_single_sources_off_the_timeline_and_the_states(
    doc: MakeDoc,
) -> None:
    records = [_order(doc, "a").build()]
    assert _run(records).on_timeline(0)
    assert _run(records).states
    strict = _run(records, Threshold(min_sources=2))
    assert not strict.on_timeline(0)
    assert strict.states == []
    assert not _run(records, Threshold(min_confidence=0.95)).on_timeline(0)


def test_support_a_types_own_min_sources_unless_the_build_sets_one(doc: MakeDoc) -> None:
    strict_types = EventTypes(
        {
            **EVENT_TYPES.types,
            "export_restriction": replace(EVENT_TYPES.types["export_restriction"], min_sources=2),
        }
    )
    one = [_order(doc, "a").build()]
    two = [_order(doc, "a").build(), _order(doc, "b").build()]
    assert not reconcile(one, strict_types, ENTITY_TYPES).on_timeline(0)
    assert reconcile(two, strict_types, ENTITY_TYPES).on_timeline(0)
    # --min-sources given: it applies to every type, below the type's own too
    assert reconcile(one, strict_types, ENTITY_TYPES, Threshold(min_sources=1)).on_timeline(0)


def test_support_one_complete_report_suffices_for_a_type_that_allows_it(doc: MakeDoc) -> None:
    statements = STATEMENTS

    def said(doc_id: str, dated: bool, anchored: bool = True) -> DocumentRecords:
        a = doc(doc_id, anchored=anchored)
        s = a.sentence("Zentra said on June 14 that it rejects the order on Mythos 5.")
        zentra = a.entity(s, "Zentra", "Zentra", "organization")
        model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
        timex = a.timex(s, "June 14") if dated else None
        a.event(s, "said", "statement", agents=(zentra,), models=(model,), timex=timex)
        return a.build()

    assert reconcile([said("a", True)], statements, ENTITY_TYPES).on_timeline(0)
    # with no date of its own the one report is not enough
    assert not reconcile([said("a", False)], statements, ENTITY_TYPES).on_timeline(0)
    # nor with a day of a year its document never gives
    assert not reconcile([said("a", True, anchored=False)], statements, ENTITY_TYPES).on_timeline(0)
    # a type without the flag still needs its two publishers
    strict = EventTypes(
        {
            **statements.types,
            "statement": replace(statements.types["statement"], complete_alone=False),
        }
    )
    assert not reconcile([said("a", True)], strict, ENTITY_TYPES).on_timeline(0)
    # --min-sources given applies as it is
    assert not reconcile(
        [said("a", True)], statements, ENTITY_TYPES, Threshold(min_sources=2)
    ).on_timeline(0)


def test_support_one_complete_report_the_lead_tells_suffices_for_any_type(doc: MakeDoc) -> None:
    """An article's lead that dates an act and names who acted on whom is news the
    article was written for; the same act told in passing needs its two publishers."""
    strict_types = EventTypes(
        {
            **EVENT_TYPES.types,
            "export_restriction": replace(EVENT_TYPES.types["export_restriction"], min_sources=2),
        }
    )

    def banned(news: bool, agent: bool = True) -> DocumentRecords:
        a = doc("a")
        s = a.sentence("Jane Roe approved a ban on Zentra devices on Thursday.")
        roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
        zentra = a.entity(s, "Zentra", "Zentra", "organization")
        a.event(
            s,
            "ban",
            "export_restriction",
            agents=(roe,) if agent else (),
            affected=(zentra,),
            timex=a.timex(s, "Thursday"),
            news=news,
        )
        return a.build()

    assert reconcile([banned(news=True)], strict_types, ENTITY_TYPES).on_timeline(0)
    assert not reconcile([banned(news=False)], strict_types, ENTITY_TYPES).on_timeline(0)
    # the lead's report must be complete: with no agent it is not enough
    assert not reconcile([banned(True, agent=False)], strict_types, ENTITY_TYPES).on_timeline(0)
    # --min-sources given applies as it is
    strict = Threshold(min_sources=2)
    assert not reconcile([banned(news=True)], strict_types, ENTITY_TYPES, strict).on_timeline(0)


def test_support_news_with_no_date_of_its_own_is_dated_by_a_published_article(
    doc: MakeDoc,
) -> None:
    """The lead's "Jane Roe confirmed at a press conference that Zentra may buy again" gives
    no day: an article its publisher dates tells it within days of that day, a report
    complete enough for a statement; an article whose date is only inferred does not."""

    def confirmed(inferred: bool, news: bool = True) -> DocumentRecords:
        a = doc("a", dct=DateRange(date(2026, 6, 29), date(2026, 6, 29)), inferred=inferred)
        s = a.sentence("Jane Roe confirmed at a press conference that Zentra may buy again.")
        roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
        zentra = a.entity(s, "Zentra", "Zentra", "organization")
        a.event(s, "confirmed", "statement", agents=(roe,), affected=(zentra,), news=news)
        return a.build()

    assert reconcile([confirmed(inferred=False)], STATEMENTS, ENTITY_TYPES).on_timeline(0)
    assert not reconcile([confirmed(inferred=True)], STATEMENTS, ENTITY_TYPES).on_timeline(0)
    assert not reconcile([confirmed(False, news=False)], STATEMENTS, ENTITY_TYPES).on_timeline(0)


def test_support_packaged_words_need_two_publishers_or_one_complete_report() -> None:
    """What officials say or threaten is news when several publishers carry it, or one
    tells it completely: a threat one article recalls in passing stays a candidate."""
    packaged = EventTypes.load()
    for type_id in ("statement", "threat"):
        event_type = packaged.types[type_id]
        assert (event_type.min_sources, event_type.complete_alone) == (2, True), type_id


def test_support_a_day_relative_to_a_document_the_corpus_placed_dates_again(
    doc: MakeDoc,
) -> None:
    """A document that gives no year says "on Sunday": no date while its year is unknown;
    once its other events, dated by another document, place it, the day dates again, and
    its one complete report is enough for a type that allows it."""
    statements = STATEMENTS

    def undated(doc_id: str) -> DocumentRecords:
        b = doc(doc_id, dct=DateRange(date(2026, 5, 14), date(2026, 5, 14)), anchored=False)
        s = b.sentence("Last month, the administration banned exports to Corvex Systems.")
        corvex = b.entity(s, "Corvex Systems", "Corvex Systems", "organization")
        b.event(
            s, "banned", "export_restriction", affected=(corvex,), timex=b.timex(s, "Last month")
        )
        s = b.sentence("Zentra condemned the ban on Corvex Systems on Sunday.")
        zentra = b.entity(s, "Zentra", "Zentra", "organization")
        corvex = b.entity(s, "Corvex Systems", "Corvex Systems", "organization")
        b.event(
            s,
            "condemned",
            "statement",
            agents=(zentra,),
            affected=(corvex,),
            timex=b.timex(s, "Sunday"),
        )
        return b.build()

    a = doc("a", dct=DateRange(date(2018, 4, 20), date(2018, 4, 20)), inferred=False)
    s = a.sentence("Commerce banned exports to Corvex Systems on April 15, 2018.")
    corvex = a.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    a.event(
        s, "banned", "export_restriction", affected=(corvex,), timex=a.timex(s, "April 15, 2018")
    )

    placed = reconcile([a.build(), undated("b")], statements, ENTITY_TYPES)
    assert placed.documents["b"].anchored
    (said,) = [n for n, e in enumerate(placed.events) if e.type_id == "statement"]
    # May 14, 2018 was a Monday: "Sunday" is May 13 of that year
    assert placed.windows[said].to_range() == DateRange(date(2018, 5, 13), date(2018, 5, 13))
    assert placed.on_timeline(said)
    # alone, nothing gives the document its year: the day of an assumed year dates nothing
    alone = reconcile([undated("b")], statements, ENTITY_TYPES)
    (said,) = [n for n, e in enumerate(alone.events) if e.type_id == "statement"]
    assert not alone.on_timeline(said)
