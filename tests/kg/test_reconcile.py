"""Reconciliation across documents, on records written as the extraction layer writes them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from extract.records import Count, DateRange, EventRelation, TextSpan
from kg.build import GraphOptions, write_graph
from kg.reconcile import Reconciliation, reconcile
from kg.reconcile.authorities import Authority
from kg.schema import Bodies, EntityType, EntityTypes, EventType, EventTypes, Populations
from kg.store import GraphStore
from queries import run_query
from queries.export import export_events

if TYPE_CHECKING:
    from tests.kg.conftest import DocBuilder, MakeDoc


def _type(type_id: str, **kw: Any) -> EventType:
    fields: dict[str, Any] = dict(
        id=type_id,
        label=type_id.replace("_", " "),
        definition="",
        coarse=type_id,
        plover_category=None,
        plover_mode=None,
        state_effect=None,
        on_timeline=True,
    )
    fields.update(kw)
    return EventType(**fields)


EVENT_TYPES = EventTypes(
    {
        "export_restriction": _type("export_restriction", state_effect="restricted"),
        "partial_lift": _type("partial_lift", state_effect="partially_lifted", family="lift"),
        "full_lift": _type("full_lift", state_effect="lifted", family="lift"),
        "letter": _type(
            "letter", coarse="other", on_timeline=False, instrument_of=("partial_lift", "full_lift")
        ),
        "report": _type("report", on_timeline=False),
        "lawsuit": _type("lawsuit"),
    }
)
ENTITY_TYPES = EntityTypes(
    {
        "administration": EntityType(
            "administration", "administration", "organization", exclusive=True
        )
    }
)


def _with_company_switch() -> EventTypes:
    """The test types and a company switching its own service off (the effective layer)."""
    return EventTypes(
        {
            **EVENT_TYPES.types,
            "access_disable": _type(
                "access_disable",
                coarse="access_change",
                state_effect="restricted",
                layer="effective",
            ),
        }
    )


def _reconcile(*builders: DocBuilder) -> Reconciliation:
    return reconcile([b.build() for b in builders], EVENT_TYPES, ENTITY_TYPES)


def _event(r: Reconciliation, type_id: str) -> int:
    found = [i for i, e in enumerate(r.events) if e.type_id == type_id]
    assert len(found) == 1, [(e.type_id, e.sources) for e in r.events]
    return found[0]


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _order_doc(doc: MakeDoc) -> DocBuilder:
    """An article dating the order: 'Following the June 12 export control order, ...'."""
    a = doc("a")
    s = a.sentence(
        "Following the June 12 export control order, the firm disabled access to Mythos 5."
    )
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    t = a.timex(s, "June 12")
    a.event(s, "export control order", "export_restriction", models=(model,), timex=t)
    return a


def test_reconcile_vague_mention_joins_the_dated_event_and_dates_its_document(doc: MakeDoc) -> None:
    a = _order_doc(doc)
    b = doc("b")
    s = b.sentence("This marks a shift from the previous month's directive on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    t = b.timex(s, "the previous month")
    b.event(s, "directive", "export_restriction", models=(model,), timex=t)
    r = _reconcile(a, b)
    index = _event(r, "export_restriction")
    assert r.events[index].sources == ["a", "b"]
    assert r.windows[index].to_range() == DateRange(_day("2026-06-12"), _day("2026-06-12"))
    # "The previous month" is June: b was written in July.
    assert r.documents["b"].range == DateRange(_day("2026-07-01"), _day("2026-07-31"))
    assert any("previous month" in cue for cue in r.documents["b"].evidence)
    # a reports the June 12 order as past: it was written on or after June 12.
    assert r.documents["a"].range.earliest == _day("2026-06-12")


def test_reconcile_stated_lag_dates_an_undated_event(doc: MakeDoc) -> None:
    a = doc("a")
    s1 = a.sentence("Washington imposed export controls on Mythos 5 on June 12.")
    model = a.entity(s1, "Mythos 5", "Claude Mythos 5", "ai_model")
    order = a.event(
        s1,
        "imposed export controls",
        "export_restriction",
        models=(model,),
        timex=a.timex(s1, "June 12"),
    )
    s2 = a.sentence("It eased them for trusted partners just two weeks after imposing them.")
    a.event(
        s2,
        "eased",
        "partial_lift",
        models=(model,),
        relations=(EventRelation("after", order, (14, 14), TextSpan(0, 1, "two weeks after")),),
    )
    r = _reconcile(a)
    lift = _event(r, "partial_lift")
    assert r.windows[lift].to_range() == DateRange(_day("2026-06-26"), _day("2026-06-26"))
    assert r.precision(lift) == "day"


def test_reconcile_after_with_no_lag_may_be_the_same_day(doc: MakeDoc) -> None:
    """ "After Corvex paid, Commerce lifted the ban": on a day's grain the payment may be
    the lift's day; "shortly after" keeps it within a week."""
    for lag, earliest in ((None, None), ((0, 7), "2026-07-06")):
        a = doc("a")
        s = a.sentence("Commerce lifted the ban on Corvex on July 13 after Corvex paid a fine.")
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        paid = a.event(s, "paid", "lawsuit", agents=(corvex,))
        a.event(
            s,
            "lifted",
            "full_lift",
            affected=(a.entity(s, "Corvex on", "Corvex", "organization"),),
            timex=a.timex(s, "July 13"),
            relations=(EventRelation("after", paid, lag, TextSpan(0, 1, "after")),),
        )
        r = _reconcile(a)
        payment = r.windows[_event(r, "lawsuit")]
        assert payment.hi == _day("2026-07-13").toordinal()
        assert payment.lo == (None if earliest is None else _day(earliest).toordinal())


def test_reconcile_partial_and_full_lift_stay_apart_and_are_flagged(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("In a letter dated June 26, Commerce let partners use Mythos 5.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(s, "let partners use", "partial_lift", models=(model,), timex=a.timex(s, "June 26"))
    s2 = a.sentence("Fable 5 remains blocked.")
    fable = a.entity(s2, "Fable 5", "Claude Fable 5", "ai_model")
    a.event(
        s2,
        "remains blocked",
        "export_restriction",
        models=(fable,),
        modality="state",
        tense="present",
    )
    b = doc("b")
    s = b.sentence("Washington has lifted export restrictions on Fable 5 and Mythos 5.")
    both = (
        b.entity(s, "Fable 5", "Claude Fable 5", "ai_model"),
        b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model"),
    )
    b.event(s, "lifted export restrictions", "full_lift", models=both)
    r = _reconcile(a, b)
    partial, full = _event(r, "partial_lift"), _event(r, "full_lift")
    # Fable 5 was still blocked when a reported the partial lift: the full lift came later.
    assert r.windows[full].lo == _day("2026-06-27").toordinal()
    # Two steps at dates that cannot meet: two events, not a dispute about one.
    assert partial != full
    assert not [d for d in r.disagreements if d.aspect == "type"]


def test_reconcile_partial_and_full_lift_of_one_day_are_flagged(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("On June 26, Commerce partly lifted the curbs on Mythos 5.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(s, "partly lifted", "partial_lift", models=(model,), timex=a.timex(s, "June 26"))
    b = doc("b")
    s = b.sentence("On June 26, Commerce lifted the curbs on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "lifted", "full_lift", models=(model,), timex=b.timex(s, "June 26"))
    r = _reconcile(a, b)
    partial, full = _event(r, "partial_lift"), _event(r, "full_lift")
    type_conflicts = [d for d in r.disagreements if d.aspect == "type"]
    assert len(type_conflicts) == 1
    assert sorted(type_conflicts[0].about) == sorted([partial, full])


def test_reconcile_different_models_are_different_events(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("OpenAI limited GPT-5.6 and Commerce restricted Mythos 5 on June 12.")
    gpt = a.entity(s, "GPT-5.6", "GPT-5.6", "ai_model")
    mythos = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    t = a.timex(s, "June 12")
    a.event(s, "limited", "export_restriction", models=(gpt,), timex=t)
    a.event(s, "restricted", "export_restriction", models=(mythos,), timex=t)
    r = _reconcile(a)
    assert len([e for e in r.events if e.type_id == "export_restriction"]) == 2


def test_reconcile_date_disagreement_is_kept_with_both_claims(doc: MakeDoc) -> None:
    a = _order_doc(doc)
    b = doc("b")
    s = b.sentence("The June 13 export control order hit Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(
        s,
        "export control order",
        "export_restriction",
        models=(model,),
        timex=b.timex(s, "June 13"),
    )
    r = _reconcile(a, b)
    index = _event(r, "export_restriction")
    assert r.events[index].sources == ["a", "b"]
    [conflict] = [d for d in r.disagreements if d.aspect == "date"]
    values = sorted(c.value for c in conflict.claims)
    assert values == ["June 12 = 2026-06-12", "June 13 = 2026-06-13"]
    assert {c.doc_id for c in conflict.claims} == {"a", "b"}


def _counted_lift(doc: MakeDoc, counts: dict[str, tuple[str, Count]]) -> Reconciliation:
    """One lift of June 26 told by each document with the count it gives of the partners."""
    builders = []
    for doc_id, (words, count) in counts.items():
        d = doc(doc_id)
        s = d.sentence(f"On June 26 Commerce let {words} use Mythos 5.")
        model = d.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
        d.event(
            s,
            "let",
            "partial_lift",
            models=(model,),
            timex=d.timex(s, "June 26"),
            scope=(("trusted_partners", count),),
        )
        builders.append(d)
    r = _reconcile(*builders)
    assert [e.sources for e in r.events] == [sorted(counts)]  # one event, all its sources
    return r


def test_reconcile_count_disagreement(doc: MakeDoc) -> None:
    r = _counted_lift(
        doc,
        {
            "a": ("more than 100 companies", Count(100, "more_than", "more than 100")),
            "b": ("a dozen companies", Count(12, "exact", "a dozen")),
        },
    )
    [conflict] = [d for d in r.disagreements if d.aspect == "count"]
    assert conflict.about == [0]
    assert sorted((c.value, c.doc_id) for c in conflict.claims) == [
        ("a dozen (exact 12)", "b"),
        ("more than 100 (more_than 100)", "a"),
    ]


@pytest.mark.parametrize(
    "counts",
    [
        {  # the same count, in the same words
            "a": ("more than 100 companies", Count(100, "more_than", "more than 100")),
            "b": ("more than 100 companies", Count(100, "more_than", "more than 100")),
        },
        {  # two counts that can both hold: about 120, and more than 100
            "a": ("about 120 companies", Count(120, "about", "about 120")),
            "b": ("more than 100 companies", Count(100, "more_than", "more than 100")),
        },
    ],
    ids=["same", "compatible"],
)
def test_reconcile_agreeing_counts_are_no_disagreement(
    doc: MakeDoc, counts: dict[str, tuple[str, Count]]
) -> None:
    r = _counted_lift(doc, counts)
    assert [d for d in r.disagreements if d.aspect == "count"] == []


def test_reconcile_exclusive_entities_named_differently_by_sources(doc: MakeDoc) -> None:
    builders = []
    for doc_id, admin in (("a", "Biden administration"), ("b", "Trump administration")):
        d = _order_doc(doc) if doc_id == "a" else doc(doc_id)
        s = d.sentence(f"The {admin} restricted Mythos 5 on June 12.")
        who = d.entity(s, admin, admin, "administration")
        model = d.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
        d.event(
            s,
            "restricted",
            "export_restriction",
            agents=(who,),
            models=(model,),
            timex=d.timex(s, "June 12"),
        )
        builders.append(d)
    r = _reconcile(*builders)
    [conflict] = [d for d in r.disagreements if d.aspect == "administration"]
    assert sorted((c.value, c.doc_id) for c in conflict.claims) == [
        ("Biden administration", "a"),
        ("Trump administration", "b"),
    ]


def test_reconcile_modal_mentions_never_become_events(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("The government is considering allowing access to Fable 5.")
    model = a.entity(s, "Fable 5", "Claude Fable 5", "ai_model")
    a.event(
        s, "allowing access", "full_lift", models=(model,), modality="speculative", tense="present"
    )
    s2 = a.sentence("Reuters reported the news.")
    a.event(s2, "reported", "report")
    r = _reconcile(a)
    assert r.events == []


def test_reconcile_letter_joins_the_act_it_carries_out(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("Commerce partially lifted the ban on Mythos 5.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    # the extraction layer links the letter to the act it carries (extract.events.instruments)
    a.event(s, "partially lifted", "partial_lift", models=(model,), carried_by="v2")
    s2 = a.sentence("The news was confirmed in a letter dated June 26.")
    a.event(s2, "letter", "letter", timex=a.timex(s2, "June 26"))
    r = _reconcile(a)
    assert [e.type_id for e in r.events] == ["partial_lift"]
    index = _event(r, "partial_lift")
    assert r.windows[index].to_range() == DateRange(_day("2026-06-26"), _day("2026-06-26"))


@pytest.mark.parametrize(
    ("day", "state"),
    [
        ("2026-06-01", "unrestricted"),
        ("2026-06-20", "restricted"),
        ("2026-06-26", "partially_lifted"),
    ],
)
def test_reconcile_state_intervals_follow_the_events(doc: MakeDoc, day: str, state: str) -> None:
    a = _order_doc(doc)
    s = a.sentence("On June 26 Commerce let trusted partners use Mythos 5 again.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(
        s,
        "let",
        "partial_lift",
        models=(model,),
        timex=a.timex(s, "June 26"),
        scope=(("trusted_partners", None),),
    )
    r = _reconcile(a)
    ordinal = _day(day).toordinal()
    holding = [
        i.state
        for i in r.states
        if i.population == "all"
        and (i.start is None or (i.start.hi is not None and i.start.hi <= ordinal))
        and (i.end is None or (i.end.lo is not None and i.end.lo > ordinal))
    ]
    assert holding == [state]
    assert {i.population for i in r.states} == {"all", "trusted_partners"}


def test_reconcile_is_independent_of_document_order(doc: MakeDoc) -> None:
    a = _order_doc(doc)
    b = doc("b")
    s = b.sentence("This marks a shift from the previous month's directive on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(
        s,
        "directive",
        "export_restriction",
        models=(model,),
        timex=b.timex(s, "the previous month"),
    )
    one = reconcile([a.build(), b.build()], EVENT_TYPES, ENTITY_TYPES)
    two = reconcile([b.build(), a.build()], EVENT_TYPES, ENTITY_TYPES)
    assert [e.key for e in one.events] == [e.key for e in two.events]
    assert one.windows == two.windows


def test_reconcile_indefinite_weekday_narrows_the_window_to_that_weekday(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("Commerce eased the ban on Mythos 5 on June 21-30.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(
        s,
        "eased",
        "partial_lift",
        models=(model,),
        timex=a.timex(s, "June 21-30"),
        carried_by="v2",  # the letter of the next sentence, as extraction links them
    )
    s2 = a.sentence("Lutnick wrote to Anthropic on a Friday.")
    a.event(s2, "wrote", "letter", timex=a.timex(s2, "Friday"))
    r = _reconcile(a)
    index = _event(r, "partial_lift")
    # June 21-30, 2026 holds one Friday: the 26th.
    assert r.windows[index].to_range() == DateRange(_day("2026-06-26"), _day("2026-06-26"))
    assert len(r.events) == 1  # the letter is the instrument, not an event of its own


def test_reconcile_unattached_instrument_stays_off_the_timeline(
    doc: MakeDoc, tmp_path: Path
) -> None:
    a = doc("a")
    s = a.sentence("Lutnick sent a letter to Anthropic on June 26.")
    who = a.entity(s, "Lutnick", "Howard Lutnick", "person")
    to = a.entity(s, "Anthropic", "Anthropic", "organization")
    a.event(s, "letter", "letter", agents=(who,), affected=(to,), timex=a.timex(s, "June 26"))
    s2 = a.sentence("Anthropic sued Commerce on June 30.")
    company = a.entity(s2, "Anthropic", "Anthropic", "organization")
    commerce = a.entity(s2, "Commerce", "US Department of Commerce", "government_agency")
    a.event(
        s2, "sued", "lawsuit", agents=(company,), affected=(commerce,), timex=a.timex(s2, "June 30")
    )
    records = [a.build()]
    r = _reconcile(a)
    # Kept as an event of its own, dated, with its participants, strong enough for the
    # timeline by its support: only its type keeps it off.
    letter = _event(r, "letter")
    assert r.on_timeline(letter) and r.windows[letter].to_range() == DateRange(
        _day("2026-06-26"), _day("2026-06-26")
    )
    assert r.states == []  # it changes no state
    # The timeline as the graph gives it (the packaged event types: a letter is off it too).
    write_graph(records, tmp_path / "store", {}, GraphOptions())
    with GraphStore.open_existing(tmp_path / "store") as store:
        timeline = run_query(store, "timeline").records()
        candidates = run_query(store, "candidates").records()
    assert [row["event_type"] for row in timeline] == ["lawsuit"]
    assert candidates == []  # not a candidate either: off the timeline by its type


def test_reconcile_early_month_and_a_day_near_its_end_are_one_event(doc: MakeDoc) -> None:
    """'Early June' is normalised to June 1-10, but an order of June 12 is 'early June' too."""
    a = _order_doc(doc)
    b = doc("b")
    s = b.sentence("The move to restrict Mythos 5 took place in early June.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "restrict", "export_restriction", models=(model,), timex=b.timex(s, "early June"))
    r = _reconcile(a, b)
    index = _event(r, "export_restriction")
    assert r.events[index].sources == ["a", "b"]
    assert r.windows[index].to_range() == DateRange(_day("2026-06-12"), _day("2026-06-12"))
    assert [d for d in r.disagreements if d.aspect == "date"] == []


def test_reconcile_almost_months_ago_reaches_the_nearer_month(doc: MakeDoc) -> None:
    """'Almost four months ago' on September 20 is normalised to May, but an order of June 12
    is less than four months back: one event, dated by the day the other source gives."""
    a = _order_doc(doc)
    b = doc("b", dct=DateRange(_day("2026-09-20"), _day("2026-09-20")), inferred=False)
    s = b.sentence("The order to restrict Mythos 5 came almost four months ago.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    t = b.timex(s, "almost four months ago")
    b.event(s, "restrict", "export_restriction", models=(model,), timex=t)
    r = _reconcile(a, b)
    index = _event(r, "export_restriction")
    assert r.events[index].sources == ["a", "b"]
    assert r.windows[index].to_range() == DateRange(_day("2026-06-12"), _day("2026-06-12"))
    assert [d for d in r.disagreements if d.aspect == "date"] == []


def test_reconcile_anonymous_dated_event_is_found_by_its_month(doc: MakeDoc) -> None:
    a = doc("a")
    s = a.sentence("Following the June 12 export control order, trading stopped.")
    a.event(s, "export control order", "export_restriction", timex=a.timex(s, "June 12"))
    b = doc("b")
    s = b.sentence("Commerce restricted Mythos 5 in early June.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "restricted", "export_restriction", models=(model,), timex=b.timex(s, "early June"))
    r = _reconcile(a, b)
    assert [e.sources for e in r.events] == [["a", "b"]]


def test_reconcile_opposite_actions_of_one_coarse_type_stay_apart(doc: MakeDoc) -> None:
    types = EventTypes(
        {
            "access_limit": _type("access_limit", coarse="access_change"),
            "access_restore": _type("access_restore", coarse="access_change"),
        }
    )
    a = doc("a")
    s = a.sentence("The firm limited its model and later restored access to its systems.")
    a.event(s, "limited", "access_limit")
    a.event(s, "restored", "access_restore")
    r = reconcile([a.build()], types, ENTITY_TYPES)
    assert sorted(e.type_id for e in r.events) == ["access_limit", "access_restore"]


def test_reconcile_state_claim_supports_the_interval_it_describes(doc: MakeDoc) -> None:
    a = _order_doc(doc)
    b = doc("b", dct=DateRange(_day("2026-06-20"), _day("2026-06-20")), inferred=False)
    s = b.sentence("Mythos 5 remains restricted.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(
        s,
        "remains restricted",
        "export_restriction",
        models=(model,),
        modality="state",
        tense="present",
    )
    r = _reconcile(a, b)
    supported = {(i.state, c.doc_id) for i in r.states for c in i.supported_by}
    assert supported == {("restricted", "b")}
    assert all(i.population == "all" for i in r.states if i.supported_by)


def test_reconcile_an_official_acts_for_the_body_of_their_role(doc: MakeDoc) -> None:
    entity_types = EntityTypes(
        {
            "person": EntityType("person", "person", "person", actor="person"),
            "government_agency": EntityType(
                "government_agency", "agency", "government_agency", actor="government"
            ),
        }
    )
    a = doc("a")
    s = a.sentence("On June 26 Commerce Secretary Howard Lutnick let partners use Mythos 5.")
    who = a.entity(
        s,
        "Howard Lutnick",
        "Howard Lutnick",
        "person",
        role="Commerce Secretary",
        affiliation="US Department of Commerce",
    )
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(s, "let", "partial_lift", agents=(who,), models=(model,), timex=a.timex(s, "June 26"))
    s2 = a.sentence("The Commerce Department said it acted quickly.")
    a.entity(s2, "Commerce Department", "US Department of Commerce", "government_agency")
    r = reconcile([a.build()], EVENT_TYPES, entity_types)
    assert set(r.events[0].agents) == {"howard-lutnick", "us-department-of-commerce"}


def _dated_order(doc: MakeDoc, doc_id: str, day_words: str) -> DocBuilder:
    a = doc(doc_id)
    s = a.sentence(f"Commerce restricted exports of Mythos 5 on {day_words}.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(s, "restricted", "export_restriction", models=(model,), timex=a.timex(s, day_words))
    return a


def test_reconcile_date_is_the_one_most_sources_give(doc: MakeDoc) -> None:
    docs = [_dated_order(doc, f"d{n}", "June 12") for n in range(3)]
    docs.append(_dated_order(doc, "minority", "June 13"))
    r = _reconcile(*docs)
    index = _event(r, "export_restriction")
    assert len(r.events[index].sources) == 4
    assert r.windows[index].to_range() == DateRange(_day("2026-06-12"), _day("2026-06-12"))
    (dates,) = [d for d in r.disagreements if d.aspect == "date"]
    assert {c.doc_id for c in dates.claims} == {"d0", "d1", "d2", "minority"}
    assert "2026-06-12" in dates.resolution and "minority" in dates.resolution


def test_reconcile_vaguer_date_is_no_disagreement(doc: MakeDoc) -> None:
    r = _reconcile(
        _dated_order(doc, "a", "June 12"),
        _dated_order(doc, "b", "June"),
        _dated_order(doc, "c", "mid-June"),
    )
    index = _event(r, "export_restriction")
    assert r.windows[index].to_range() == DateRange(_day("2026-06-12"), _day("2026-06-12"))
    assert not [d for d in r.disagreements if d.aspect == "date"]


def _ban(builder: DocBuilder, text: str, when: str) -> DocBuilder:
    """A document that says exports to Corvex Systems were banned, dated by ``when``."""
    s = builder.sentence(text)
    company = builder.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    builder.event(
        s, "banned", "export_restriction", affected=(company,), timex=builder.timex(s, when)
    )
    return builder


def test_reconcile_date_without_year_joins_the_event_of_its_year(doc: MakeDoc) -> None:
    # a dates the order with its year; b, an article that gives no year anywhere, says
    # "last month": its year is not the one of its collection but the order's.
    a = _ban(
        doc("a", dct=DateRange(_day("2018-04-20"), _day("2018-04-20")), inferred=False),
        "Commerce banned exports to Corvex Systems on April 15, 2018.",
        "April 15, 2018",
    )
    b = _ban(
        doc("b", anchored=False),
        "Last month, the administration banned exports to Corvex Systems.",
        "Last month",
    )
    r = _reconcile(a, b)
    index = _event(r, "export_restriction")
    assert r.events[index].sources == ["a", "b"]
    assert r.windows[index].to_range() == DateRange(_day("2018-04-15"), _day("2018-04-15"))
    # April was b's "last month": b was written in May 2018
    assert r.documents["b"].range == DateRange(_day("2018-05-01"), _day("2018-05-31"))
    assert r.documents["b"].anchored


def test_reconcile_a_dateline_without_year_keeps_its_day_in_the_year_found(doc: MakeDoc) -> None:
    # b's dateline gives a day and no year ("May 14 (Wire) --"): the corpus finds the year,
    # the dateline the day
    a = _ban(
        doc("a", dct=DateRange(_day("2018-04-20"), _day("2018-04-20")), inferred=False),
        "Commerce banned exports to Corvex Systems on April 15, 2018.",
        "April 15, 2018",
    )
    b = _ban(
        doc("b", dct=DateRange(_day("2026-05-14"), _day("2026-05-14")), anchored=False),
        "Last month, the administration banned exports to Corvex Systems.",
        "Last month",
    )
    r = _reconcile(a, b)
    assert r.documents["b"].range == DateRange(_day("2018-05-14"), _day("2018-05-14"))
    assert r.documents["b"].anchored


def test_reconcile_date_without_year_never_joins_another_month(doc: MakeDoc) -> None:
    a = _ban(
        doc("a", dct=DateRange(_day("2018-04-20"), _day("2018-04-20")), inferred=False),
        "Commerce banned exports to Corvex Systems on April 15, 2018.",
        "April 15, 2018",
    )
    b = _ban(
        doc("b", anchored=False),
        "In June, the administration banned exports to Corvex Systems.",
        "June",
    )
    r = _reconcile(a, b)
    assert len([e for e in r.events if e.type_id == "export_restriction"]) == 2
    assert not r.documents["b"].anchored  # nothing placed it: its assumed date stays


def test_reconcile_a_dateline_without_year_reads_its_dates_from_its_day(doc: MakeDoc) -> None:
    # b's dateline is May 14 of a year it never gives: its "earlier this month" is in May of
    # whichever year, never the April 15 of a's order
    a = _ban(
        doc("a", dct=DateRange(_day("2018-04-20"), _day("2018-04-20")), inferred=False),
        "Commerce banned exports to Corvex Systems on April 15, 2018.",
        "April 15, 2018",
    )
    b = _ban(
        doc("b", dct=DateRange(_day("2026-05-14"), _day("2026-05-14")), anchored=False),
        "Earlier this month, the administration banned exports to Corvex Systems.",
        "Earlier this month",
    )
    r = _reconcile(a, b)
    assert len([e for e in r.events if e.type_id == "export_restriction"]) == 2


def test_reconcile_two_days_of_one_unknown_year_are_two_events(doc: MakeDoc) -> None:
    # b gives no year: its "August 17" and "September 15" are a month apart in any year, so
    # never one event, and the first is a's order of August 17, 2020
    a = _ban(
        doc("a", dct=DateRange(_day("2020-08-20"), _day("2020-08-20")), inferred=False),
        "Commerce banned exports to Corvex Systems on August 17, 2020.",
        "August 17, 2020",
    )
    b = doc("b", anchored=False)
    for text, when in (
        ("On September 15, the administration banned sales to Corvex Systems.", "September 15"),
        ("On August 17, the administration banned exports to Corvex Systems.", "August 17"),
    ):
        s = b.sentence(text)
        company = b.entity(s, "Corvex Systems", "Corvex Systems", "organization")
        b.event(s, "banned", "export_restriction", affected=(company,), timex=b.timex(s, when))
    r = _reconcile(a, b)
    bans = [e for e in r.events if e.type_id == "export_restriction"]
    assert sorted(e.sources for e in bans) == [["a", "b"], ["b"]]
    joined = next(i for i, e in enumerate(r.events) if e.sources == ["a", "b"])
    assert r.windows[joined].to_range() == DateRange(_day("2020-08-17"), _day("2020-08-17"))


def _restored(builder: DocBuilder) -> DocBuilder:
    s = builder.sentence("Corvex restored access to its app on January 19.")
    corvex = builder.entity(s, "Corvex", "Corvex", "organization")
    builder.event(
        s, "restored", "access_restore", agents=(corvex,), timex=builder.timex(s, "January 19")
    )
    return builder


def test_reconcile_an_archived_article_dated_later_by_the_corpus(doc: MakeDoc) -> None:
    """b's year was assumed a year after the latest year it gives (an article collected
    years later): its "January 19" made a restoration no other article tells, and fits the
    one a dated article tells years later. b is of that later year."""
    a = _restored(doc("a", dct=DateRange(_day("2025-01-20"), _day("2025-01-20")), inferred=False))
    archived = DateRange(_day("2021-04-01"), _day("2022-04-29"))
    collected = DateRange(_day("2025-11-23"), _day("2026-11-22"))
    b = _restored(doc("b", dct=archived, moved_from=collected))
    r = _reconcile(a, b)
    restore = _event(r, "access_restore")
    assert r.events[restore].sources == ["a", "b"]
    assert r.windows[restore].to_range() == DateRange(_day("2025-01-19"), _day("2025-01-19"))
    assert r.documents["b"].range.earliest >= _day("2025-01-19")
    assert r.documents["b"].range.latest < _day("2026-01-20")  # within a year of it
    # an article whose year is not an assumption keeps it: two restorations
    c = _restored(doc("c", dct=archived))
    r = _reconcile(a, c)
    assert len([e for e in r.events if e.type_id == "access_restore"]) == 2
    assert r.documents["c"].range.latest <= _day("2022-04-29")


def test_reconcile_an_archived_article_keeps_a_year_others_confirm(doc: MakeDoc) -> None:
    """When another article of known year tells the event b's date made, b's year fits:
    it keeps it, even if a later event of the kind fits the day too."""
    early = _restored(
        doc("early", dct=DateRange(_day("2022-01-20"), _day("2022-01-20")), inferred=False)
    )
    late = _restored(
        doc("late", dct=DateRange(_day("2025-01-20"), _day("2025-01-20")), inferred=False)
    )
    archived = DateRange(_day("2021-04-01"), _day("2022-04-29"))
    b = _restored(
        doc("b", dct=archived, moved_from=DateRange(_day("2025-11-23"), _day("2026-11-22")))
    )
    r = _reconcile(early, late, b)
    assert r.documents["b"].range.latest <= _day("2022-04-29")
    joined = [e.sources for e in r.events if e.type_id == "access_restore"]
    assert ["b", "early"] in joined


def test_reconcile_a_lift_follows_the_restriction_it_lifts(doc: MakeDoc) -> None:
    a = _order_doc(doc)  # the June 12 order on Mythos 5
    b = doc("b", dct=DateRange(_day("2026-07-31"), _day("2026-07-31")), inferred=False)
    s = b.sentence("Commerce has since lifted the restrictions on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "lifted", "full_lift", models=(model,))
    s = b.sentence("Anthropic restored access to Mythos 5.")
    company = b.entity(s, "Anthropic", "Anthropic", "organization")
    b.event(
        s,
        "restored",
        "access_restore",
        agents=(company,),
        models=(b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model"),),
    )
    r = _reconcile(a, b)
    lift = _event(r, "full_lift")
    # no source dates the lift from below: the order it lifts does
    assert r.windows[lift].lo == _day("2026-06-12").toordinal()
    assert r.windows[lift].hi == _day("2026-07-31").toordinal()


def test_reconcile_a_lift_reported_the_day_of_another_measure_follows_the_earlier_one(
    doc: MakeDoc,
) -> None:
    # the June 12 order, then a second measure on the model on July 31, the day a source
    # reports the lift: the lift came before the day's report, after the order
    a = _order_doc(doc)
    c = doc("c", dct=DateRange(_day("2026-08-02"), _day("2026-08-02")), inferred=False)
    s = c.sentence("On July 31, 2026, the agency designated Mythos 5 a risk.")
    model = c.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    c.event(
        s, "designated", "export_restriction", models=(model,), timex=c.timex(s, "July 31, 2026")
    )
    b = doc("b", dct=DateRange(_day("2026-07-31"), _day("2026-07-31")), inferred=False)
    s = b.sentence("Commerce has since eased the restrictions on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "eased", "partial_lift", models=(model,))
    r = _reconcile(a, b, c)
    lift = _event(r, "partial_lift")
    assert r.windows[lift].lo == _day("2026-06-12").toordinal()
    assert r.windows[lift].hi == _day("2026-07-31").toordinal()


def test_reconcile_a_lawsuit_follows_the_measure_on_its_plaintiff(doc: MakeDoc) -> None:
    a = doc("a", dct=DateRange(_day("2026-06-13"), _day("2026-06-13")), inferred=False)
    s = a.sentence("Commerce banned exports to Corvex Systems on June 12.")
    corvex = a.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    a.event(s, "banned", "export_restriction", affected=(corvex,), timex=a.timex(s, "June 12"))
    b = doc("b", dct=DateRange(_day("2026-07-31"), _day("2026-07-31")), inferred=False)
    s = b.sentence("Corvex Systems has sued the Commerce Department.")
    corvex = b.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    b.event(s, "sued", "lawsuit", agents=(corvex,))
    r = reconcile([a.build(), b.build()], EventTypes.load(), ENTITY_TYPES)
    suit = _event(r, "lawsuit")
    assert r.windows[suit].lo == _day("2026-06-12").toordinal()


def test_reconcile_a_step_dated_to_a_month_follows_its_dated_cause(doc: MakeDoc) -> None:
    # the settlement is dated to its day, the fine it set to the month: the payment came
    # after the settlement, within that month
    a = doc("a", dct=DateRange(_day("2018-07-20"), _day("2018-07-20")), inferred=False)
    s = a.sentence("Corvex Systems reached a settlement with Commerce on June 7, 2018.")
    company = a.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    a.event(s, "settlement", "settlement", affected=(company,), timex=a.timex(s, "June 7, 2018"))
    s = a.sentence("Corvex Systems paid the $1 billion fine in June 2018.")
    company = a.entity(s, "Corvex Systems", "Corvex Systems", "organization")
    a.event(s, "paid", "penalty_payment", agents=(company,), timex=a.timex(s, "June 2018"))
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "settlement": _type("settlement", coarse="lawsuit"),
            "penalty_payment": _type("penalty_payment", coarse="other", follows=("lawsuit",)),
        }
    )
    r = reconcile([a.build()], types, ENTITY_TYPES)
    payment = _event(r, "penalty_payment")
    assert r.windows[payment].to_range() == DateRange(_day("2018-06-07"), _day("2018-06-30"))


def test_reconcile_conflicting_order_is_set_aside_and_kept_as_a_disagreement(doc: MakeDoc) -> None:
    # a says the lift came two weeks after the June 12 order; b dates the lift June 20:
    # both cannot hold. The window stays possible and the conflict is kept with its sources.
    a = _order_doc(doc)
    s = a.sentence("Commerce eased the curbs on Mythos 5 two weeks after the order.")
    model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    a.event(
        s,
        "eased",
        "partial_lift",
        models=(model,),
        relations=(EventRelation("after", "v1", (14, 14), TextSpan(0, 1, "two weeks after")),),
    )
    b = doc("b")
    s = b.sentence("On June 20, Commerce eased the curbs on Mythos 5.")
    model = b.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
    b.event(s, "eased", "partial_lift", models=(model,), timex=b.timex(s, "June 20"))
    r = _reconcile(a, b)
    lift = _event(r, "partial_lift")
    window = r.windows[lift]
    assert window.lo is not None and window.hi is not None and window.lo <= window.hi
    (conflict,) = [d for d in r.disagreements if d.aspect == "date" and lift in d.about]
    assert {c.doc_id for c in conflict.claims} == {"a", "b"}
    assert any("set aside" in c.value for c in conflict.claims)


def test_reconcile_participants_are_those_the_sources_support(doc: MakeDoc) -> None:
    def report(doc_id: str, *, aside: bool) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence("Commerce restricted exports of Mythos 5 on June 12, Brazil noted.")
        commerce = a.entity(s, "Commerce", "US Department of Commerce", "government_agency")
        model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
        agents = (commerce,)
        if aside:  # one source also names a party the others do not
            agents = (commerce, a.entity(s, "Brazil", "Brazil", "country"))
        a.event(
            s,
            "restricted",
            "export_restriction",
            agents=agents,
            models=(model,),
            timex=a.timex(s, "June 12"),
        )
        return a

    many = _reconcile(*(report(f"d{n}", aside=n == 0) for n in range(6)))
    event = many.events[_event(many, "export_restriction")]
    assert event.agents == {"us-department-of-commerce"}
    assert len(event.sources) == 6
    # told by fewer documents, every party any names stays
    few = _reconcile(*(report(f"e{n}", aside=n == 0) for n in range(4)))
    assert few.events[_event(few, "export_restriction")].agents == {
        "us-department-of-commerce",
        "brazil",
    }


def test_reconcile_a_ban_on_government_devices_and_a_ban_on_all_stay_apart(
    doc: MakeDoc,
) -> None:
    def ban(doc_id: str, population: str | None) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence("On June 12, Commerce banned Mythos 5 on government devices.")
        model = a.entity(s, "Mythos 5", "Claude Mythos 5", "ai_model")
        a.event(
            s,
            "banned",
            "export_restriction",
            models=(model,),
            timex=a.timex(s, "June 12"),
            scope=((population, None),) if population else (),
        )
        return a

    devices, everyone = "government_devices", "all_users"
    records = [ban("a", devices).build(), ban("b", everyone).build(), ban("c", devices).build()]
    r = reconcile(records, EVENT_TYPES, ENTITY_TYPES, populations=Populations.load())
    assert sorted(e.sources for e in r.events) == [["a", "c"], ["b"]]
    # a source that does not say whom it binds may report either
    silent = [*records[:1], ban("d", None).build()]
    assert (
        len(reconcile(silent, EVENT_TYPES, ENTITY_TYPES, populations=Populations.load()).events)
        == 1
    )
    # without the knowledge of which populations are partial targets, one event
    assert len(reconcile(records, EVENT_TYPES, ENTITY_TYPES).events) == 1


def _remark(doc: MakeDoc, doc_id: str, dct: DateRange, day_words: str | None) -> DocBuilder:
    """'Jane Roe criticised Corvex [on DAY].', in a document written on ``dct``."""
    a = doc(doc_id, dct=dct, inferred=False)
    text = (
        f"Jane Roe criticised Corvex on {day_words}."
        if day_words
        else "Jane Roe criticised Corvex."
    )
    s = a.sentence(text)
    roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    timex = a.timex(s, day_words) if day_words else None
    a.event(s, "criticised", "statement", agents=(roe,), affected=(corvex,), timex=timex)
    return a


def test_reconcile_undated_repeated_act_joins_the_latest_before_its_document(
    doc: MakeDoc,
) -> None:
    types = EventTypes({**EVENT_TYPES.types, "statement": _type("statement", recurs=True)})
    june = DateRange(_day("2026-06-25"), _day("2026-06-25"))
    builders = [
        _remark(doc, "early", june, "June 3"),
        _remark(doc, "late", june, "June 20"),
        _remark(doc, "undated", june, None),
    ]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    sources = {r.windows[i].to_range(): set(e.sources) for i, e in enumerate(r.events)}
    assert sources[DateRange(_day("2026-06-20"), _day("2026-06-20"))] == {"late", "undated"}
    assert sources[DateRange(_day("2026-06-03"), _day("2026-06-03"))] == {"early"}


def test_reconcile_undated_repeated_acts_told_months_apart_or_by_others_are_apart(
    doc: MakeDoc,
) -> None:
    """'Jane Roe criticised Corvex', undated, in an article of March and in one of June:
    two remarks; what John Doe said of Corvex that June is a third."""
    types = EventTypes({**EVENT_TYPES.types, "statement": _type("statement", recurs=True)})
    march = DateRange(_day("2026-03-10"), _day("2026-03-10"))
    june = DateRange(_day("2026-06-25"), _day("2026-06-25"))
    other = doc("other", dct=june, inferred=False)
    s = other.sentence("John Doe criticised Corvex.")
    doe = other.entity(s, "John Doe", "John Doe", "person")
    corvex = other.entity(s, "Corvex", "Corvex", "organization")
    other.event(s, "criticised", "statement", agents=(doe,), affected=(corvex,))
    builders = [
        _remark(doc, "march", march, None),
        _remark(doc, "june", june, None),
        _remark(doc, "june-copy", june, None),
        other,
    ]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert sorted(e.sources for e in r.events) == [["june", "june-copy"], ["march"], ["other"]]
    # an article known only to some days of August is still months from March's
    august = DateRange(_day("2026-08-19"), _day("2026-08-31"))
    builders = [_remark(doc, "march", march, None), _remark(doc, "august", august, None)]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert sorted(e.sources for e in r.events) == [["august"], ["march"]]
    # and one known only to two months of the next year is a year from it
    spring = DateRange(_day("2027-04-01"), _day("2027-05-31"))
    builders = [_remark(doc, "march", march, None), _remark(doc, "spring", spring, None)]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert sorted(e.sources for e in r.events) == [["march"], ["spring"]]


def test_reconcile_undated_repeated_act_of_a_document_of_unknown_year_joins_the_latest(
    doc: MakeDoc,
) -> None:
    """'Jane Roe criticised Corvex', undated, in articles of March 2025 and June 2026 (two
    remarks), and in one whose year is only assumed: that one tells the latest remark,
    whichever document the clustering reads first."""
    types = EventTypes({**EVENT_TYPES.types, "statement": _type("statement", recurs=True)})
    old = _remark(doc, "old", DateRange(_day("2025-03-10"), _day("2025-03-10")), None)
    recent = _remark(doc, "recent", DateRange(_day("2026-06-25"), _day("2026-06-25")), None)
    unknown = doc(
        "a-unknown", dct=DateRange(_day("2025-11-23"), _day("2026-11-22")), anchored=False
    )
    s = unknown.sentence("Jane Roe criticised Corvex.")
    roe = unknown.entity(s, "Jane Roe", "Jane Roe", "person")
    corvex = unknown.entity(s, "Corvex", "Corvex", "organization")
    unknown.event(s, "criticised", "statement", agents=(roe,), affected=(corvex,))
    r = reconcile([b.build() for b in (old, recent, unknown)], types, ENTITY_TYPES)
    assert sorted(e.sources for e in r.events) == [["a-unknown", "recent"], ["old"]]


def _relief(type_id: str) -> EventType:
    return _type(type_id, coarse="partial_lift", state_effect="partially_lifted")


# Three kinds of relief with one effect on the state (a pause, a licence, its extension).
RELIEF_TYPES = EventTypes(
    {
        **EVENT_TYPES.types,
        **{t: _relief(t) for t in ("enforcement_pause", "licence_grant", "licence_extension")},
    }
)


def _pause(doc: MakeDoc, doc_id: str, type_id: str, trigger: str, as_model: bool) -> DocBuilder:
    """'Jane Roe <trigger> for ZenChat on March 3.' ZenChat named as a product or a party."""
    a = doc(doc_id)
    s = a.sentence(f"Jane Roe {trigger} for ZenChat on March 3.")
    roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
    app = a.entity(s, "ZenChat", "ZenChat", "app" if as_model else "organization")
    subject = {"models": (app,)} if as_model else {"affected": (app,)}
    a.event(s, trigger, type_id, agents=(roe,), timex=a.timex(s, "March 3"), **subject)
    return a


def test_reconcile_one_step_named_two_ways_on_one_day_is_one_event(doc: MakeDoc) -> None:
    builders = [
        # an actor both name and no department: the head of government's one decision
        _pause(doc, "a", "enforcement_pause", "paused enforcement", as_model=True),
        _pause(doc, "b", "enforcement_pause", "paused enforcement", as_model=True),
        _pause(doc, "c", "licence_extension", "extended the reprieve", as_model=False),
    ]
    r = reconcile([b.build() for b in builders], RELIEF_TYPES, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]


def _extension(doc: MakeDoc, doc_id: str, day_words: str) -> DocBuilder:
    """'The Commerce Department extended the licence of Corvex on DAY.'"""
    a = doc(doc_id)
    s = a.sentence(f"The Commerce Department extended the licence of Corvex on {day_words}.")
    agency = a.entity(s, "Commerce Department", "US Department of Commerce", "government_agency")
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    timex = a.timex(s, day_words)
    a.event(s, "extended", "licence_extension", agents=(agency,), affected=(corvex,), timex=timex)
    return a


def test_reconcile_report_dated_to_weeks_is_the_step_others_date_to_a_day(
    doc: MakeDoc,
) -> None:
    builders = [_extension(doc, "a", "June 12"), _extension(doc, "b", "June 12")]
    c = doc("c")
    s = c.sentence("Corvex received a new licence in June.")
    corvex = c.entity(s, "Corvex", "Corvex", "organization")
    c.event(s, "licence", "licence_grant", affected=(corvex,), timex=c.timex(s, "June"))
    builders.append(c)
    r = reconcile([b.build() for b in builders], RELIEF_TYPES, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]
    # two steps in that month: nothing tells which one the undated report is
    later = _extension(doc, "d", "June 26")
    r = reconcile([b.build() for b in [*builders, later]], RELIEF_TYPES, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"], ["d"]]


def test_reconcile_report_naming_no_party_is_the_step_of_its_actor_in_its_weeks(
    doc: MakeDoc,
) -> None:
    builders = [_pause(doc, "a", "enforcement_pause", "paused enforcement", as_model=True)]
    builders.append(_pause(doc, "b", "enforcement_pause", "paused enforcement", as_model=True))

    def reprieve(doc_id: str, actor: str) -> DocBuilder:
        c = doc(doc_id)
        s = c.sentence(f"{actor} granted another reprieve in March.")
        who = c.entity(s, actor, actor, "person")
        c.event(s, "reprieve", "licence_grant", agents=(who,), timex=c.timex(s, "March"))
        return c

    r = reconcile(
        [b.build() for b in [*builders, reprieve("c", "Jane Roe")]], RELIEF_TYPES, ENTITY_TYPES
    )
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]
    # another actor's reprieve that month is not that step
    r = reconcile(
        [b.build() for b in [*builders, reprieve("c", "John Doe")]], RELIEF_TYPES, ENTITY_TYPES
    )
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]


def test_reconcile_undated_mentions_join_the_one_event_they_tell(doc: MakeDoc) -> None:
    """One article dates the amendment without naming its sponsor and names her in another
    sentence; another names her and the company, with no date: one event."""
    types = EventTypes(
        {**EVENT_TYPES.types, "bill_introduced": _type("bill_introduced", coarse="announcement")}
    )
    a = doc("a")
    s = a.sentence("An amendment on the curbs was introduced on June 5.")
    a.event(s, "introduced", "bill_introduced", timex=a.timex(s, "June 5"))
    s = a.sentence("Jane Roe introduced it with two colleagues.")
    roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
    a.event(s, "introduced", "bill_introduced", agents=(roe,))
    b = doc("b")
    s = b.sentence("Jane Roe announced an amendment that would restore the curbs on Corvex.")
    roe = b.entity(s, "Jane Roe", "Jane Roe", "person")
    corvex = b.entity(s, "Corvex", "Corvex", "organization")
    b.event(s, "announced", "bill_introduced", agents=(roe,), affected=(corvex,))
    r = reconcile([a.build(), b.build()], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b"]]


def test_reconcile_a_page_date_stamp_gives_way_to_the_day_a_source_names(doc: MakeDoc) -> None:
    """A page whose text opens with its own date ("date 2026-06-14 ...") tells of a licence
    in its first sentence; another source says it was granted on June 10."""
    stamp_day = DateRange(_day("2026-06-14"), _day("2026-06-14"))

    def stamped_page(doc_id: str) -> DocBuilder:
        a = doc(doc_id, dct=stamp_day, inferred=False)
        s = a.sentence("date 2026-06-14 Corvex has been granted a licence by Commerce.")
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(s, "granted", "licence_grant", affected=(corvex,), timex=a.timex(s, "2026-06-14"))
        return a

    b = doc("b", dct=stamp_day, inferred=False)
    s = b.sentence("Commerce granted Corvex the licence on June 10.")
    corvex = b.entity(s, "Corvex", "Corvex", "organization")
    b.event(s, "granted", "licence_grant", affected=(corvex,), timex=b.timex(s, "June 10"))
    r = reconcile([stamped_page("a").build(), b.build()], RELIEF_TYPES, ENTITY_TYPES)
    (event,) = r.events
    assert r.windows[0].to_range() == DateRange(_day("2026-06-10"), _day("2026-06-10"))
    assert sorted(event.sources) == ["a", "b"]
    # alone, the stamp still dates the news it tells
    r = reconcile([stamped_page("a").build()], RELIEF_TYPES, ENTITY_TYPES)
    assert r.windows[0].to_range() == stamp_day


def test_reconcile_an_undated_restriction_naming_no_actor_is_the_step_it_fits(
    doc: MakeDoc,
) -> None:
    """'The curbs on Corvex' with no actor and no date of their own, in an article after
    the listing others date: the listing, whatever kind of restriction the words name."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="designation", state_effect="restricted"
            ),
        }
    )

    def listing(doc_id: str, day: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"The Commerce Department added Corvex to the Entity List on {day}.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(
            s, "added", "list_addition", agents=(agency,), affected=(corvex,), timex=a.timex(s, day)
        )
        return a

    c = doc("c")
    s = c.sentence("The curbs on Corvex have hurt its sales.")
    corvex = c.entity(s, "Corvex", "Corvex", "organization")
    c.event(s, "curbs", "export_restriction", affected=(corvex,))
    builders = [listing("a", "May 16"), listing("b", "May 16"), c]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]
    # two listings it could be: it stays apart
    later = listing("d", "August 19")
    r = reconcile([b.build() for b in [*builders, later]], types, ENTITY_TYPES)
    assert ["c"] in [sorted(e.sources) for e in r.events]


def test_reconcile_an_order_told_alone_is_the_step_its_author_took_that_day(
    doc: MakeDoc,
) -> None:
    """'Jane Roe's executive order on March 3' says neither what it does nor to whom: it is
    the pause of enforcement she ordered that day, not a restriction of its own."""
    builders = [
        _pause(doc, "a", "enforcement_pause", "paused enforcement", as_model=True),
        _pause(doc, "b", "enforcement_pause", "paused enforcement", as_model=True),
    ]

    def order(doc_id: str, author: str) -> DocBuilder:
        c = doc(doc_id)
        s = c.sentence(f"The first delay came through an executive order by {author} on March 3.")
        who = c.entity(s, author, author, "person")
        instrument = c.entity(s, "executive order", "executive order", "legal_instrument")
        c.event(
            s,
            "executive order",
            "export_restriction",
            agents=(who,),
            timex=c.timex(s, "March 3"),
            instrument=instrument,
        )
        return c

    types = EventTypes(
        {**RELIEF_TYPES.types, "export_restriction": EVENT_TYPES.types["export_restriction"]}
    )
    r = reconcile([b.build() for b in [*builders, order("c", "Jane Roe")]], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]
    # another author's order that day is not that step
    r = reconcile([b.build() for b in [*builders, order("c", "John Doe")]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]


def test_reconcile_an_order_told_alone_keeps_the_type_of_the_step_it_is(doc: MakeDoc) -> None:
    """Two sources tell Jane Roe's restriction of Vidly on March 3; a third only that her
    order that day gave 'the app' 45 days to be sold: the restriction, still a
    restriction."""
    types = EventTypes(
        {**EVENT_TYPES.types, "divestment_order": _type("divestment_order", coarse="other")}
    )

    def restriction(doc_id: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence("Jane Roe banned transactions with Vidly on March 3.")
        roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
        vidly = a.entity(s, "Vidly", "Vidly", "app")
        a.event(
            s,
            "banned",
            "export_restriction",
            agents=(roe,),
            models=(vidly,),
            timex=a.timex(s, "March 3"),
        )
        return a

    c = doc("c")
    s = c.sentence(
        "On March 3 Jane Roe issued an executive order giving the app 45 days to be sold."
    )
    roe = c.entity(s, "Jane Roe", "Jane Roe", "person")
    order = c.entity(s, "executive order", "executive order", "legal_instrument")
    c.event(
        s,
        "giving",
        "divestment_order",
        agents=(roe,),
        timex=c.timex(s, "March 3"),
        instrument=order,
    )
    r = reconcile(
        [restriction("a").build(), restriction("b").build(), c.build()], types, ENTITY_TYPES
    )
    assert [(e.type_id, sorted(e.sources)) for e in r.events] == [
        ("export_restriction", ["a", "b", "c"])
    ]


def test_reconcile_orders_one_mention_splits_by_subject_stay_two_acts(doc: MakeDoc) -> None:
    """'Jane Roe signed executive orders banning Vidly and ZenChat on March 3': the
    extraction splits the mention into one order per app, and the two stay two acts even
    where another source names both apps in one breath. A bare order of that day is the
    one far more sources tell."""
    types = EventTypes(
        {**EVENT_TYPES.types, "divestment_order": _type("divestment_order", coarse="other")}
    )

    def orders(doc_id: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence("Jane Roe signed executive orders banning Vidly and ZenChat on March 3.")
        roe = a.entity(s, "Jane Roe", "Jane Roe", "person")
        for app in ("Vidly", "ZenChat"):
            named = a.entity(s, app, app, "app")
            a.event(
                s,
                "orders",
                "export_restriction",
                agents=(roe,),
                models=(named,),
                timex=a.timex(s, "March 3"),
            )
        return a

    def vidly(doc_id: str) -> DocBuilder:
        b = doc(doc_id)
        s = b.sentence("Jane Roe banned Vidly on March 3, and trade with ZenChat too.")
        roe = b.entity(s, "Jane Roe", "Jane Roe", "person")
        apps = tuple(b.entity(s, app, app, "app") for app in ("Vidly", "ZenChat"))
        b.event(
            s,
            "banned",
            "export_restriction",
            agents=(roe,),
            models=apps,
            timex=b.timex(s, "March 3"),
        )
        return b

    c = doc("c")
    s = c.sentence("On March 3 Jane Roe issued an order giving the app 45 days to be sold.")
    roe = c.entity(s, "Jane Roe", "Jane Roe", "person")
    order = c.entity(s, "order", "order", "legal_instrument")
    c.event(
        s,
        "giving",
        "divestment_order",
        agents=(roe,),
        timex=c.timex(s, "March 3"),
        instrument=order,
    )
    r = reconcile([orders("a").build(), vidly("b").build()], types, ENTITY_TYPES)
    assert len([e for e in r.events if e.type_id == "export_restriction"]) == 2
    more = [orders("a"), vidly("b"), vidly("d"), vidly("e"), c]
    r = reconcile([b.build() for b in more], types, ENTITY_TYPES)
    told = sorted(sorted(e.sources) for e in r.events)
    assert told == [["a"], ["a", "b", "c", "d", "e"]]  # the bare order joins the salient one


def test_reconcile_a_step_a_few_sources_put_a_day_off_is_that_step(doc: MakeDoc) -> None:
    """Three articles date the listing of Corvex May 16; one, written after midnight, says
    the bureau restricted Corvex on May 17: one step. Two against two: two steps."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="designation", state_effect="restricted"
            ),
        }
    )

    def step(doc_id: str, trigger: str, type_id: str, day: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"The Commerce Department {trigger} Corvex on {day}.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(s, trigger, type_id, agents=(agency,), affected=(corvex,), timex=a.timex(s, day))
        return a

    listed = [step(d, "listed", "list_addition", "May 16") for d in ("a", "b", "c")]
    late = step("d", "restricted", "export_restriction", "May 17")
    r = reconcile([b.build() for b in [*listed, late]], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c", "d"]]
    assert r.windows[0].to_range() == DateRange(_day("2026-05-16"), _day("2026-05-16"))
    later = step("e", "restricted", "export_restriction", "May 17")
    r = reconcile([b.build() for b in [*listed[:2], late, later]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["d", "e"]]


def test_reconcile_a_judges_ruling_a_source_puts_a_day_off_is_that_ruling(
    doc: MakeDoc,
) -> None:
    """Two articles say Judge Jane Roe blocked the ban on ZenChat on March 3; one says she
    blocked the order on the app stores on March 4: her one ruling."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "court_block": _type("court_block", coarse="court_ruling", state_effect="lifted"),
        }
    )

    def blocked(doc_id: str, party: str, day: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"Judge Jane Roe blocked the measure against {party} on {day}.")
        judge = a.entity(s, "Jane Roe", "Jane Roe", "person")
        target = a.entity(s, party, party, "organization")
        a.event(
            s, "blocked", "court_block", agents=(judge,), affected=(target,), timex=a.timex(s, day)
        )
        return a

    builders = [blocked("a", "ZenChat", "March 3"), blocked("b", "ZenChat", "March 3")]
    r = reconcile(
        [b.build() for b in [*builders, blocked("c", "Corvex", "March 4")]],
        types,
        EntityTypes.load(),
    )
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]
    # as many sources each way: two rulings
    r = reconcile(
        [b.build() for b in [builders[0], blocked("c", "Corvex", "March 4")]],
        types,
        EntityTypes.load(),
    )
    assert len(r.events) == 2


def test_reconcile_a_company_s_step_a_source_puts_a_day_off_is_that_step(doc: MakeDoc) -> None:
    """Two articles say Vidly shut its service down for users in the US on March 3; one
    that Vidly shut down on March 4, naming no one: the company's one step."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "access_disable": _type(
                "access_disable", coarse="access_change", state_effect="restricted"
            ),
        }
    )

    def shut(doc_id: str, day: str, *, party: bool) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"Vidly shut its service down for users of Vidly on {day}.")
        vidly = a.entity(s, "Vidly", "Vidly", "organization")
        affected = (a.entity(s, "Vidly on", "Vidly", "organization"),) if party else ()
        a.event(
            s, "shut", "access_disable", agents=(vidly,), affected=affected, timex=a.timex(s, day)
        )
        return a

    builders = [shut("a", "March 3", party=True), shut("b", "March 3", party=True)]
    r = reconcile(
        [b.build() for b in [*builders, shut("c", "March 4", party=False)]],
        types,
        EntityTypes.load(),
    )
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]


def test_reconcile_news_of_a_document_known_to_the_month_is_of_that_month() -> None:
    """An act a document dated only to its month tells as its news, with no date of its
    own, happened in that month or shortly before it, not at any time before."""
    from extract.records import DocumentDate, EventMention
    from kg.reconcile.claims import NEWS_WITHIN_DAYS, first_window

    sentence = TextSpan(0, 40, "Commerce also added Corvex to the list.")
    mention = EventMention("v1", TextSpan(14, 19, "added"), "list_addition", sentence, news=True)
    month = DocumentDate(DateRange(_day("2026-06-01"), _day("2026-06-30")), inferred=False)
    window = first_window(mention, None, month)
    assert window.lo == _day("2026-06-01").toordinal() - NEWS_WITHIN_DAYS
    assert window.hi == _day("2026-06-30").toordinal()
    year = DocumentDate(DateRange(_day("2026-01-01"), _day("2026-12-31")), inferred=False)
    assert first_window(mention, None, year).lo is None  # a year says little


def test_reconcile_news_of_a_document_of_unknown_year_has_no_made_up_bound(
    doc: MakeDoc,
) -> None:
    """A document no date of which gives a year tells a lawsuit as its news: the lawsuit
    happened before the latest day the document may have been written, and on no day the
    solver could name before that (not sixty years back)."""
    b = doc("b", anchored=False)
    s = b.sentence("Corvex has filed a lawsuit against the Commerce Department.")
    corvex = b.entity(s, "Corvex", "Corvex", "organization")
    b.event(s, "lawsuit", "lawsuit", agents=(corvex,), news=True)
    r = reconcile([b.build()], EVENT_TYPES, ENTITY_TYPES)
    [window] = r.windows
    assert window.lo is None
    assert window.hi == r.documents["b"].range.latest.toordinal()


def test_reconcile_a_document_of_unknown_year_is_placed_only_by_others(doc: MakeDoc) -> None:
    """A document no date of which gives a year tells only events no other document tells:
    its own dates ("in the current December") fit any year and place it in none."""
    assumed = DateRange(_day("2025-11-23"), _day("2025-12-31"))
    b = doc("b", dct=assumed, anchored=False)
    s = b.sentence("Corvex won another extension of its licence in the current December.")
    corvex = b.entity(s, "Corvex", "Corvex", "organization")
    b.event(
        s,
        "extension",
        "export_restriction",
        affected=(corvex,),
        timex=b.timex(s, "the current December"),
        news=True,
    )
    r = reconcile([b.build()], EVENT_TYPES, ENTITY_TYPES)
    assert r.documents["b"].range == assumed
    assert not r.documents["b"].anchored


def test_reconcile_a_report_of_some_weeks_is_the_step_of_its_own_kind(doc: MakeDoc) -> None:
    """Two sources date Commerce's listing of Corvex on May 14, two more its order on
    Corvex on May 15; a report of the next week says Commerce "blacklisted Corvex last
    week": the listing, of its own kind, not the order of that week."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="designation", state_effect="restricted"
            ),
            "designation": _type("designation", coarse="designation", state_effect="restricted"),
        }
    )

    def step(doc_id: str, words: str, type_id: str, day: str, when: str) -> DocBuilder:
        a = doc(doc_id, dct=DateRange(_day(day), _day(day)), inferred=False)
        s = a.sentence(f"The Commerce Department {words} Corvex {when}.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        timex = a.timex(s, when.removeprefix("on "))
        a.event(s, words, type_id, agents=(agency,), affected=(corvex,), timex=timex)
        return a

    builders = [
        step("a", "listed", "list_addition", "2026-05-14", "on May 14"),
        step("b", "listed", "list_addition", "2026-05-15", "on May 14"),
        step("c", "restricted", "export_restriction", "2026-05-15", "on May 15"),
        step("d", "restricted", "export_restriction", "2026-05-16", "on May 15"),
        step("e", "blacklisted", "designation", "2026-05-20", "last week"),
    ]
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b", "e"], ["c", "d"]]


def test_reconcile_a_statement_announcing_the_day_s_step_is_that_step(doc: MakeDoc) -> None:
    """Commerce said on May 15 it restricted Corvex, and restricted Corvex on May 15: the
    statement announces the step. What it says on another day is a statement of its own."""
    types = EventTypes(
        {**EVENT_TYPES.types, "statement": _type("statement", coarse="announcement")}
    )

    def told(doc_id: str, words: str, type_id: str, day: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"The Commerce Department {words} Corvex on {day}.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(
            s,
            words.split()[0],
            type_id,
            agents=(agency,),
            affected=(corvex,),
            timex=a.timex(s, day),
        )
        return a

    step = [told(d, "restricted", "export_restriction", "May 15") for d in ("a", "b")]
    said = told("c", "said it restricted", "statement", "May 15")
    r = reconcile([b.build() for b in [*step, said]], types, ENTITY_TYPES)
    assert [(e.type_id, sorted(e.sources)) for e in r.events] == [
        ("export_restriction", ["a", "b", "c"])
    ]
    later = told("c", "said it restricted", "statement", "May 20")
    r = reconcile([b.build() for b in [*step, later]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]


def test_reconcile_a_licence_extended_on_the_day_it_expired_did_not_lapse(doc: MakeDoc) -> None:
    """Two sources say Commerce extended Corvex's licence on June 12; a third that the
    licence "expired on June 12": the deadline the extension moved, not a lapse. A lapse
    on another day is one."""
    expiry = _type(
        "licence_expiry",
        coarse="export_restriction",
        state_effect="restricted",
        ends_relief=True,
        undone_by=("licence_extension",),
    )
    types = EventTypes({**RELIEF_TYPES.types, "licence_expiry": expiry})

    def lapsed(doc_id: str, day: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"The licence of Corvex expired on {day}.")
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(s, "expired", "licence_expiry", affected=(corvex,), timex=a.timex(s, day))
        return a

    extended = [_extension(doc, "a", "June 12"), _extension(doc, "b", "June 12")]
    r = reconcile([b.build() for b in [*extended, lapsed("c", "June 12")]], types, ENTITY_TYPES)
    assert [(e.type_id, sorted(e.sources)) for e in r.events] == [
        ("licence_extension", ["a", "b", "c"])
    ]
    r = reconcile([b.build() for b in [*extended, lapsed("c", "June 30")]], types, ENTITY_TYPES)
    assert sorted((e.type_id, sorted(e.sources)) for e in r.events) == [
        ("licence_expiry", ["c"]),
        ("licence_extension", ["a", "b"]),
    ]


def test_reconcile_a_listing_of_some_weeks_is_no_order_of_another_kind(doc: MakeDoc) -> None:
    """Commerce restricted Corvex on May 15 (two sources); a report of the next week that
    Commerce "listed Corvex last week" names another kind of act and stays apart, where
    one that it "restricted Corvex last week" is that order."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="designation", state_effect="restricted"
            ),
        }
    )

    def step(doc_id: str, words: str, type_id: str, day: str, when: str) -> DocBuilder:
        a = doc(doc_id, dct=DateRange(_day(day), _day(day)), inferred=False)
        s = a.sentence(f"The Commerce Department {words} Corvex {when}.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        timex = a.timex(s, when.removeprefix("on "))
        a.event(s, words, type_id, agents=(agency,), affected=(corvex,), timex=timex)
        return a

    order = [
        step("a", "restricted", "export_restriction", "2026-05-15", "on May 15"),
        step("b", "restricted", "export_restriction", "2026-05-16", "on May 15"),
    ]
    listed = step("c", "listed", "list_addition", "2026-05-20", "last week")
    r = reconcile([b.build() for b in [*order, listed]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]
    restricted = step("c", "restricted", "export_restriction", "2026-05-20", "last week")
    r = reconcile([b.build() for b in [*order, restricted]], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b", "c"]]


def test_reconcile_a_measure_was_decided_by_the_day_it_took_effect(doc: MakeDoc) -> None:
    """ "The ban on Corvex took effect on June 12": no day it was decided, but no later than
    that; a ban only said to take effect later is no bound on when it was decided."""
    a = doc("a", dct=DateRange(_day("2026-07-01"), _day("2026-07-01")), inferred=False)
    s = a.sentence("The ban on Corvex took effect on June 12.")
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(s, "ban", "export_restriction", affected=(corvex,), effective=a.timex(s, "June 12"))
    (event,) = reconcile([a.build()], EVENT_TYPES, ENTITY_TYPES).events
    assert event.window.latest() == _day("2026-06-12")
    b = doc("b", dct=DateRange(_day("2026-05-01"), _day("2026-05-01")), inferred=False)
    s = b.sentence("The ban on Corvex will take effect on June 12.")
    corvex = b.entity(s, "Corvex", "Corvex", "organization")
    b.event(
        s,
        "ban",
        "export_restriction",
        affected=(corvex,),
        tense="future",
        effective=b.timex(s, "June 12"),
    )
    (event,) = reconcile([b.build()], EVENT_TYPES, ENTITY_TYPES).events
    assert event.window.latest() != _day("2026-06-12")


def test_reconcile_restrictions_of_the_weeks_of_a_listing_are_that_listing(doc: MakeDoc) -> None:
    """Two reports that Commerce added Corvex to a list, and one of "new restrictions" on
    Corvex, all news of the same days with no day of their own: one listing. Restrictions
    told weeks later are another step."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="export_restriction", state_effect="restricted"
            ),
        }
    )

    def news(doc_id: str, text: str, trigger: str, type_id: str, day: str) -> DocBuilder:
        a = doc(doc_id, dct=DateRange(_day(day), _day(day)), inferred=False)
        s = a.sentence(text)
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(s, trigger, type_id, agents=(agency,), affected=(corvex,), news=True)
        return a

    listed = [
        news(
            "a",
            "The Commerce Department added Corvex to the list.",
            "added",
            "list_addition",
            "2026-08-19",
        ),
        news(
            "b",
            "The Commerce Department has added Corvex to its list.",
            "added",
            "list_addition",
            "2026-08-21",
        ),
    ]
    same = news(
        "c",
        "The Commerce Department imposed new restrictions on Corvex.",
        "restrictions",
        "export_restriction",
        "2026-08-20",
    )
    r = reconcile([b.build() for b in [*listed, same]], types, ENTITY_TYPES)
    assert [(e.type_id, sorted(e.sources)) for e in r.events] == [
        ("list_addition", ["a", "b", "c"])
    ]
    later = news(
        "c",
        "The Commerce Department imposed new restrictions on Corvex.",
        "restrictions",
        "export_restriction",
        "2026-10-20",
    )
    r = reconcile([b.build() for b in [*listed, later]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]


def test_reconcile_payments_of_different_sums_are_different_payments(
    doc: MakeDoc, tmp_path: Path
) -> None:
    """No source dates the payments; the sums tell them apart: $1 billion and a rounding of
    it are one payment, $300 million another."""
    types = EventTypes(
        {**EVENT_TYPES.types, "penalty_payment": _type("penalty_payment", amounts=True)}
    )
    told = {
        "a": ("Corvex paid a $1 billion penalty.", "$1 billion", 1e9),
        "b": ("Corvex paid $1.02 billion in penalties.", "$1.02 billion", 1.02e9),
        "c": ("Corvex paid a $300 million fine.", "$300 million", 3e8),
    }
    builders = []
    for doc_id, (text, words, value) in told.items():
        builder = doc(doc_id)
        s = builder.sentence(text)
        corvex = builder.entity(s, "Corvex", "Corvex", "organization")
        builder.event(s, "paid", "penalty_payment", agents=(corvex,), amount=(words, value, "USD"))
        builders.append(builder)
    r = reconcile([b.build() for b in builders], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]
    # each one's label gives the sum most of its sources give
    assert sorted(r.labels) == [
        "Corvex: penalty payment (USD 1 billion)",
        "Corvex: penalty payment (USD 300 million)",
    ]
    # the graph gives each payment the sum most of its sources give
    write_graph([b.build() for b in builders], tmp_path / "store", {}, GraphOptions())
    with GraphStore.open_existing(tmp_path / "store") as store:
        rows = store.query(
            "PREFIX ptkg: <https://w3id.org/ptkg/vocab#> PREFIX schema: <https://schema.org/> "
            "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
            "SELECT ?event ?value WHERE { GRAPH ?g { ?event a sem:Event ; "
            "ptkg:amount [ schema:value ?value ; schema:currency 'USD' ] } }"
        )
        sums = sorted(float(row[1]) for row in rows)
        listed = run_query(store, "export-events").records()
    assert sums == [3e8, 1e9]
    # the export lists each event's sum, in its currency
    # (the timeline's: one publisher's payment is a candidate under the packaged types)
    assert [(float(r["amount"]), r["currency"]) for r in listed if r["amount"]] == [(1e9, "USD")]


def test_reconcile_a_company_cutting_a_party_off_follows_the_restriction_on_it(
    doc: MakeDoc,
) -> None:
    """No source dates Zentra's suspension of business with Corvex from below: it complies
    with the listing of Corvex, and follows it."""
    types = _with_company_switch()
    a = doc("a", dct=DateRange(_day("2026-05-20"), _day("2026-05-20")), inferred=False)
    s = a.sentence("Commerce banned exports to Corvex on May 16.")
    commerce = a.entity(s, "Commerce", "US Department of Commerce", "government_agency")
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(
        s,
        "banned",
        "export_restriction",
        agents=(commerce,),
        affected=(corvex,),
        timex=a.timex(s, "May 16"),
    )
    b = doc("b", dct=DateRange(_day("2026-06-30"), _day("2026-06-30")), inferred=False)
    s = b.sentence("Zentra has suspended its business with Corvex.")
    zentra = b.entity(s, "Zentra", "Zentra", "organization")
    b.event(
        s,
        "suspended",
        "access_disable",
        agents=(zentra,),
        affected=(b.entity(s, "Corvex", "Corvex", "organization"),),
    )
    r = reconcile([a.build(), b.build()], types, ENTITY_TYPES)
    cut = _event(r, "access_disable")
    assert r.windows[cut].lo == _day("2026-05-16").toordinal()
    assert r.windows[cut].hi == _day("2026-06-30").toordinal()
    # told as the news of a page of May 20 (the week before it), it still follows
    c = doc("c", dct=DateRange(_day("2026-05-20"), _day("2026-05-20")), inferred=False)
    s = c.sentence("Zentra has suspended its business with Corvex.")
    c.event(
        s,
        "suspended",
        "access_disable",
        agents=(c.entity(s, "Zentra", "Zentra", "organization"),),
        affected=(c.entity(s, "Corvex", "Corvex", "organization"),),
        news=True,
    )
    r = reconcile([a.build(), c.build()], types, ENTITY_TYPES)
    cut = _event(r, "access_disable")
    assert r.windows[cut].to_range() == DateRange(_day("2026-05-16"), _day("2026-05-20"))


def test_reconcile_two_companies_acting_stay_two_acts_whatever_government_one_names(
    doc: MakeDoc,
) -> None:
    """Zentra cutting Corvex off (a source adds the government it answered) and Brightline
    halting its supplies to Corvex in the same days: no company of one is the other's, no
    government both name, two acts."""
    types = _with_company_switch()
    day = DateRange(_day("2026-05-20"), _day("2026-05-20"))
    a = doc("a", dct=day, inferred=False)
    s = a.sentence("Zentra has suspended its business with Corvex, as the UK government asked.")
    a.event(
        s,
        "suspended",
        "access_disable",
        agents=(
            a.entity(s, "Zentra", "Zentra", "organization"),
            a.entity(s, "UK government", "UK government", "government"),
        ),
        affected=(a.entity(s, "Corvex", "Corvex", "organization"),),
        news=True,
    )
    b = doc("b", dct=day, inferred=False)
    s = b.sentence("Brightline has halted its supplies to Corvex.")
    b.event(
        s,
        "halted",
        "access_disable",
        agents=(b.entity(s, "Brightline", "Brightline", "organization"),),
        affected=(b.entity(s, "Corvex", "Corvex", "organization"),),
        news=True,
    )
    r = reconcile([a.build(), b.build()], types, EntityTypes.load())
    assert sorted(e.sources for e in r.events) == [["a"], ["b"]]


def test_reconcile_a_ruling_by_no_one_is_the_block_a_judge_ordered_that_day(
    doc: MakeDoc,
) -> None:
    """ "On October 30, a federal judge ruled for Vidly's users" and "Judge Jane Roe blocked
    the ban on Friday": one ruling, named by its coarse type in one source."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "court_ruling": _type("court_ruling"),
            "court_block": _type(
                "court_block", coarse="court_ruling", state_effect="partially_lifted"
            ),
        }
    )
    day = DateRange(_day("2020-10-31"), _day("2020-10-31"))
    a = doc("a", dct=day, inferred=False)
    s = a.sentence("Judge Jane Roe blocked the ban on Friday.")
    a.event(
        s,
        "blocked",
        "court_block",
        agents=(a.entity(s, "Jane Roe", "Jane Roe", "person"),),
        timex=a.timex(s, "Friday"),
    )
    b = doc("b", dct=day, inferred=False)
    s = b.sentence("On October 30, a federal judge ruled for the users of Vidly.")
    b.event(
        s,
        "ruled",
        "court_ruling",
        affected=(b.entity(s, "Vidly", "Vidly", "app"),),
        timex=b.timex(s, "October 30"),
    )
    r = reconcile([a.build(), b.build()], types, ENTITY_TYPES)
    assert [(e.type_id, e.sources) for e in r.events] == [("court_block", ["a", "b"])]


def test_reconcile_a_presidents_own_order_is_not_a_departments_rule(doc: MakeDoc) -> None:
    """President Jane Roe signed an order on Corvex on May 15; the Commerce Department
    imposed a licence requirement on Corvex (undated, and "the U.S. Commerce Department" in
    another source): two acts, though both act for the United States. The government as a
    whole ("the US government restricted Corvex") still names either."""

    def act(doc_id: str, text: str, agents: list[tuple[str, str, str, dict[str, str]]]) -> Any:
        a = doc(doc_id)
        s = a.sentence(text)
        a.event(
            s,
            "restricted" if "restricted" in text else "imposed",
            "export_restriction",
            agents=tuple(a.entity(s, w, n, t, **kw) for w, n, t, kw in agents),
            affected=(a.entity(s, "Corvex", "Corvex", "organization"),),
            timex=a.timex(s, "May 15") if "May 15" in text else None,
        )
        return a

    roe = ("Jane Roe", "Jane Roe", "person", {"role": "President", "affiliation": "United States"})
    commerce = ("Commerce Department", "US Department of Commerce", "government_agency", {})
    us = ("U.S.", "United States", "country", {})
    orders = [
        act(d, "On May 15, President Jane Roe restricted Corvex by order.", [roe]) for d in "ab"
    ]
    rule = act("c", "The Commerce Department imposed a licence requirement on Corvex.", [commerce])
    both = act("d", "The U.S. Commerce Department imposed a requirement on Corvex.", [us, commerce])

    def events(*builders: DocBuilder) -> Reconciliation:
        built = [b.build() for b in builders]
        return reconcile(built, EVENT_TYPES, EntityTypes.load(), bodies=Bodies.load())

    r = events(*orders, rule, both)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c", "d"]]
    whole = act("e", "The U.S. government restricted Corvex on May 15.", [us])
    r = events(*orders, whole)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b", "e"]]


def test_reconcile_an_administration_acts_for_the_government_its_leader_heads(
    doc: MakeDoc,
) -> None:
    """ "The Roe administration restricted Corvex", in a corpus where President Jane Roe acts
    for the United States: the administration is that government, as a whole. One named
    after no one the corpus knows stands for no government it can tell."""
    a = doc("a")
    s = a.sentence(
        "On May 15, the Roe administration and the Doe administration restricted Corvex."
    )
    roe_admin = a.entity(s, "Roe administration", "Roe administration", "administration")
    doe_admin = a.entity(s, "Doe administration", "Doe administration", "administration")
    s2 = a.sentence("President Jane Roe of the U.S. spoke.")
    a.entity(s2, "Jane Roe", "Jane Roe", "person", role="President", affiliation="United States")
    a.entity(s2, "U.S.", "United States", "country")
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    for who in (roe_admin, doe_admin):
        a.event(s, "restricted", "export_restriction", agents=(who,), affected=(corvex,))
    r = reconcile([a.build()], EVENT_TYPES, EntityTypes.load(), bodies=Bodies.load())
    assert r.authorities.of("roe-administration") == Authority("united-states", None)
    assert r.authorities.of("doe-administration") is None


def test_reconcile_a_measure_told_by_the_day_it_took_effect_is_that_measure(
    doc: MakeDoc,
) -> None:
    """Two reports of a ban on Corvex decided on June 20 that takes effect on July 20, and a
    later one: "Corvex has been barred since July 20". One ban, dated June 20: the day it
    took effect does not vote on the day it was decided, nor bounds it."""
    decided = []
    for doc_id in ("a", "b"):
        a = doc(doc_id, dct=DateRange(_day("2026-06-21"), _day("2026-06-21")), inferred=False)
        s = a.sentence("On June 20 the Commerce Department banned Corvex from July 20.")
        a.event(
            s,
            "banned",
            "export_restriction",
            agents=(a.entity(s, "Commerce Department", "US Department of Commerce", "agency"),),
            affected=(a.entity(s, "Corvex", "Corvex", "organization"),),
            timex=a.timex(s, "June 20"),
            effective=a.timex(s, "July 20"),
        )
        decided.append(a)
    c = doc("c", dct=DateRange(_day("2026-09-29"), _day("2026-09-29")), inferred=False)
    s = c.sentence("Corvex has been barred since July 20.")
    c.event(
        s,
        "barred",
        "export_restriction",
        affected=(c.entity(s, "Corvex", "Corvex", "organization"),),
        timex=c.timex(s, "July 20"),
    )
    r = reconcile([x.build() for x in (*decided, c)], EVENT_TYPES, ENTITY_TYPES)
    [event] = [e for e in r.events if e.type_id == "export_restriction"]
    assert sorted(event.sources) == ["a", "b", "c"]
    assert r.windows[r.events.index(event)].earliest() == _day("2026-06-20")
    assert r.windows[r.events.index(event)].latest() == _day("2026-06-20")


def test_reconcile_an_agreement_in_principle_and_the_binding_agreement_are_two_steps(
    doc: MakeDoc, tmp_path: Path
) -> None:
    """No source dates the agreements; the steps their words name tell them apart: two
    reports of the preliminary deal are one event, the binding agreement another, and a
    report naming no step may join either."""
    told = {
        "a": ("Zentra signed a preliminary deal with Korvo.", "deal", "preliminary"),
        "b": ("Zentra reached an agreement in principle with Korvo.", "agreement", "preliminary"),
        "c": ("Zentra signed a binding agreement with Korvo.", "agreement", "final"),
    }
    builders = []
    for doc_id, (text, trigger, stage) in told.items():
        builder = doc(doc_id)
        s = builder.sentence(text)
        zentra = builder.entity(s, "Zentra", "Zentra", "organization")
        korvo = builder.entity(s, "Korvo", "Korvo", "organization")
        builder.event(s, trigger, "negotiation", agents=(zentra,), affected=(korvo,), stage=stage)
        builders.append(builder)
    r = reconcile([b.build() for b in builders], EVENT_TYPES, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]
    # the graph says which step each is
    write_graph([b.build() for b in builders], tmp_path / "store", {}, GraphOptions())
    with GraphStore.open_existing(tmp_path / "store") as store:
        rows = store.query(
            "PREFIX ptkg: <https://w3id.org/ptkg/vocab#> "
            "SELECT ?stage (COUNT(DISTINCT ?source) AS ?n) WHERE { GRAPH ?g { "
            "?event ptkg:stage ?stage ; <http://purl.org/dc/terms/source> ?source } } "
            "GROUP BY ?stage"
        )
        assert sorted((str(row[0]), int(row[1])) for row in rows) == [
            ("final", 1),
            ("preliminary", 2),
        ]
        exported = export_events(store)["events"]
    # and so does the JSON export (of the timeline: the binding agreement, one publisher's
    # undated report, is a candidate)
    assert [(e.get("stage"), e["source_count"]) for e in exported] == [("preliminary", 2)]
    # without the words, one agreement
    for builder in builders:
        builder.events[:] = [replace(e, stage=None) for e in builder.events]
    r = reconcile([b.build() for b in builders], EVENT_TYPES, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b", "c"]]


def test_reconcile_same_day_events_sort_in_the_order_a_source_states(
    doc: MakeDoc, tmp_path: Path
) -> None:
    """Two events of one day: the days cannot order them, the text can ("hours after"), and
    the graph, the timeline and the export follow it; two sources stating opposite orders
    leave the order to the days."""

    def suit_then_ban(doc_id: str, opposite: bool = False) -> DocBuilder:
        a = doc(doc_id)
        text = (
            "Corvex sued the department on March 3, hours after Commerce banned its chips."
            if opposite
            else "Commerce banned Corvex chips on March 3, hours after Corvex sued the department."
        )
        s = a.sentence(text)
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        commerce_words = "the department" if opposite else "Commerce"
        commerce = a.entity(s, commerce_words, "US Department of Commerce", "government_agency")
        suit_timex = a.timex(s, "March 3") if opposite else None
        suit = a.event(s, "sued", "lawsuit", agents=(corvex,), timex=suit_timex)
        after = (EventRelation("after", suit, None, TextSpan(0, 1, "hours after")),)
        ban = a.event(
            s,
            "banned",
            "export_restriction",
            agents=(commerce,),
            affected=(corvex,),
            timex=None if opposite else a.timex(s, "March 3"),
            relations=() if opposite else after,
        )
        if opposite:
            a.events[:] = [
                replace(e, relations=(EventRelation("after", ban, None, TextSpan(0, 1, "after")),))
                if e.id == suit
                else e
                for e in a.events
            ]
        return a

    def timeline(*builders: DocBuilder, store: str) -> list[str]:
        r = reconcile([b.build() for b in builders], EVENT_TYPES, ENTITY_TYPES)
        write_graph([b.build() for b in builders], tmp_path / store, {}, GraphOptions())
        with GraphStore.open_existing(tmp_path / store) as graph:
            exported = export_events(graph)["events"]
            stated = graph.query(
                "PREFIX ptkg: <https://w3id.org/ptkg/vocab#> "
                "SELECT ?a ?b WHERE { GRAPH ?g { ?a ptkg:precedes ?b } }"
            )
            assert len(list(stated)) == len(r.precedence)
        days = {(e["date"]["earliest"], e["date"]["latest"]) for e in exported}
        assert days == {("2026-03-03", "2026-03-03")}  # one day: only the text orders them
        by_id = {e["id"]: e["type"] for e in exported}
        assert [by_id[p] for e in exported for p in e.get("precedes", [])] == (
            ["export_restriction"] if r.precedence else []
        )
        return [e["type"] for e in exported]

    # the suit's IRI sorts after the ban's: the stated order, not the name, puts it first
    assert timeline(suit_then_ban("a"), suit_then_ban("b"), store="s1") == [
        "lawsuit",
        "export_restriction",
    ]
    assert timeline(suit_then_ban("a"), suit_then_ban("c", opposite=True), store="s2") == [
        "export_restriction",
        "lawsuit",
    ]


def test_reconcile_a_relief_lapsing_and_a_listing_of_one_day_are_two_steps(
    doc: MakeDoc,
) -> None:
    """A listing and a restriction of one day by one agency are one step named two ways; a
    licence lapsing that day is another step: the relief ends, nothing new is imposed."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "list_addition": _type(
                "list_addition", coarse="designation", state_effect="restricted"
            ),
            "licence_expiry": _type(
                "licence_expiry",
                coarse="export_restriction",
                state_effect="restricted",
                ends_relief=True,
            ),
        }
    )

    def told(doc_id: str, trigger: str, type_id: str) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(f"On August 13 the Commerce Department {trigger} for Corvex.")
        agency = a.entity(
            s, "Commerce Department", "US Department of Commerce", "government_agency"
        )
        corvex = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(
            s, trigger, type_id, agents=(agency,), affected=(corvex,), timex=a.timex(s, "August 13")
        )
        return a

    listed = [told("a", "added affiliates to the list", "list_addition")]
    listed.append(told("b", "imposed export restrictions", "export_restriction"))
    r = reconcile([b.build() for b in listed], types, ENTITY_TYPES)
    assert [sorted(e.sources) for e in r.events] == [["a", "b"]]
    lapsed = told("c", "let the licence expire", "licence_expiry")
    r = reconcile([b.build() for b in [*listed, lapsed]], types, ENTITY_TYPES)
    assert sorted(sorted(e.sources) for e in r.events) == [["a", "b"], ["c"]]


def test_reconcile_news_told_as_some_time_after_another_event_stays_recent(doc: MakeDoc) -> None:
    """ "Beijing told firms to shun Corvex chips, two months after Washington allowed its
    sales": the lead's news, whose time expression only measures how long after another
    event it came, still happened shortly before the article, and the other event about
    two months before that."""
    dct = DateRange(_day("2032-09-13"), _day("2032-09-13"))
    a = doc("a", dct=dct, inferred=False)
    s = a.sentence(
        "Beijing told firms to shun Corvex chips, two months after Washington allowed sales."
    )
    corvex = a.entity(s, "Corvex", "Corvex", "organization")
    allowed = a.event(s, "allowed", "partial_lift", affected=(corvex,))
    lag = a.timex(s, "two months")
    a.event(
        s,
        "told",
        "export_restriction",
        affected=(corvex,),
        timex=lag,
        news=True,
        relations=(EventRelation("after", allowed, (56, 62), TextSpan(0, 1, "after")),),
    )
    # the extraction anchors a lag to the event it is measured from
    a.timexes = [replace(t, anchor=f"event:{allowed}") if t.id == lag else t for t in a.timexes]
    r = _reconcile(a)
    told = r.windows[_event(r, "export_restriction")]
    assert told.lo is not None and told.lo >= _day("2032-09-06").toordinal()
    assert r.windows[_event(r, "partial_lift")].hi <= _day("2032-07-19").toordinal()


def test_reconcile_a_step_told_of_a_company_joins_the_one_told_of_its_product(
    doc: MakeDoc,
) -> None:
    """Two articles name Kestrio and its Zeta Link service together; the one dating the
    court's ruling names the service and the court, a later one the company alone ("the
    court last week ruled against Kestrio"), and is read after it: one ruling, found
    through the company's association with its service."""
    types = EventTypes({**EVENT_TYPES.types, "court_ruling": _type("court_ruling")})

    def day(text: str) -> DateRange:
        return DateRange(_day(text), _day(text))

    def ordered(doc_id: str) -> DocBuilder:
        a = doc(doc_id, dct=day("2026-06-02"), inferred=False)
        s = a.sentence("Kestrio was told to shut its Zeta Link service on June 1.")
        a.event(
            s,
            "told",
            "export_restriction",
            affected=(a.entity(s, "Kestrio", "Kestrio", "organization"),),
            models=(a.entity(s, "Zeta Link", "Zeta Link", "product"),),
            timex=a.timex(s, "June 1"),
        )
        return a

    ruled = doc("c", dct=day("2026-09-03"), inferred=False)
    s = ruled.sentence("The High Court ruled on the Zeta Link order on September 3.")
    court = ruled.entity(s, "High Court", "High Court", "court")
    service = ruled.entity(s, "Zeta Link", "Zeta Link", "product")
    ruled.event(
        s,
        "ruled",
        "court_ruling",
        agents=(court,),
        models=(service,),
        timex=ruled.timex(s, "September 3"),
    )
    later = doc("d", dct=day("2026-09-10"), inferred=False)
    s = later.sentence("The court last week ruled against Kestrio.")
    company = later.entity(s, "Kestrio", "Kestrio", "organization")
    later.event(s, "ruled", "court_ruling", affected=(company,), timex=later.timex(s, "last week"))
    r = reconcile(
        [b.build() for b in [ordered("a"), ordered("b"), ruled, later]], types, EntityTypes.load()
    )
    rulings = [sorted(e.sources) for e in r.events if e.type_id == "court_ruling"]
    assert rulings == [["c", "d"]]


def test_reconcile_as_many_mentions_each_way_the_specific_kind_names_the_event() -> None:
    """Two mentions of an event call it a restriction, two a listing: a listing, more than
    "a restriction" (the alphabet would have said "export_restriction")."""
    from types import SimpleNamespace

    from kg.reconcile.events import CanonicalEvent
    from kg.reconcile.intervals import Window

    listing = _type("list_addition", coarse="designation")
    restriction = EVENT_TYPES.get("export_restriction")
    claims = [SimpleNamespace(type=t) for t in (restriction, listing, restriction, listing)]
    assert CanonicalEvent(claims, Window()).type_id == "list_addition"  # type: ignore[arg-type]
    claims.append(SimpleNamespace(type=restriction))
    assert CanonicalEvent(claims, Window()).type_id == "export_restriction"  # type: ignore[arg-type]


def test_reconcile_as_well_supported_the_day_the_news_of_the_day_gives_wins(
    doc: MakeDoc,
) -> None:
    """A report written on the day says the agency suspended Kestrio's licence on March 14;
    one written months later says March 13: as many sources each way, the report of the
    day is the more direct witness (the earlier day would win on the calendar alone)."""
    types = EventTypes({**EVENT_TYPES.types, "licence_revocation": _type("licence_revocation")})

    def told(doc_id: str, published: str, day: str) -> DocBuilder:
        a = doc(doc_id, dct=DateRange(_day(published), _day(published)), inferred=False)
        s = a.sentence(f"The agency suspended the licence of Kestrio on {day}.")
        agency = a.entity(s, "agency", "Trade Agency", "government_agency")
        target = a.entity(s, "Kestrio", "Kestrio", "organization")
        a.event(
            s,
            "suspended",
            "licence_revocation",
            agents=(agency,),
            affected=(target,),
            timex=a.timex(s, day),
        )
        return a

    r = reconcile(
        [told("a", "2026-03-14", "March 14").build(), told("b", "2026-07-04", "March 13").build()],
        types,
        EntityTypes.load(),
    )
    assert len(r.events) == 1
    assert r.windows[0].earliest() == r.windows[0].latest() == _day("2026-03-14")


def test_reconcile_the_ban_told_undated_is_the_law_that_made_it(doc: MakeDoc) -> None:
    """Kestria's governor signed a law banning Zimble on March 3; two headlines later speak
    of "Kestria's ban on Zimble", undated: the law, named as such. An undated designation
    of Zimble by Kestria is another measure."""
    types = EventTypes(
        {
            **EVENT_TYPES.types,
            "law_enacted": _type(
                "law_enacted", coarse="export_restriction", state_effect="restricted"
            ),
            "designation": _type("designation", state_effect="restricted"),
        }
    )

    def told(doc_id: str, words: str, type_id: str, day: str | None = None) -> DocBuilder:
        a = doc(doc_id)
        s = a.sentence(words)
        state = a.entity(s, "Kestria", "Kestria", "country")
        app = a.entity(s, "Zimble", "Zimble", "organization")
        timex = a.timex(s, day) if day else None
        a.event(s, words.split()[2], type_id, agents=(state,), affected=(app,), timex=timex)
        return a

    law = told(
        "a", "Kestria then signed a law banning Zimble on March 3.", "law_enacted", "March 3"
    )
    bans = [told(d, "Kestria keeps banning Zimble.", "export_restriction") for d in ("b", "c")]
    listed = told("d", "Kestria also designated Zimble.", "designation")
    r = reconcile([b.build() for b in [law, *bans, listed]], types, EntityTypes.load())
    assert sorted((e.type_id, tuple(e.sources)) for e in r.events) == [
        ("designation", ("d",)),
        ("law_enacted", ("a", "b", "c")),
    ]
