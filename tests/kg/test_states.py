"""Restriction states: one state per subject, authority, population and layer on any day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from extract.records import DateRange, EventRelation, TextSpan
from kg.reconcile import Reconciliation, reconcile
from kg.reconcile.states import StateInterval
from kg.reconcile.support import Threshold
from kg.schema import Bodies, EntityTypes, EventType, EventTypes, Populations

if TYPE_CHECKING:
    from tests.kg.conftest import DocBuilder, MakeDoc

ENTITY_TYPES = EntityTypes.load()
_PACKAGED = EventTypes.load()
EVENT_TYPES = EventTypes(
    {
        **_PACKAGED.types,
        # a court order stopping a measure: the measure is suspended, in part
        "court_block": EventType(
            "court_block", "Court blocks", "", "court_ruling", None, None, "partially_lifted", True
        ),
    }
)


# Each step here is told by one document: what states do with it, not what support asks.
ONE_SOURCE = Threshold(min_sources=1)


def _reconcile(*builders: DocBuilder) -> Reconciliation:
    return reconcile(
        [b.build() for b in builders],
        EVENT_TYPES,
        ENTITY_TYPES,
        threshold=ONE_SOURCE,
        bodies=Bodies.load(),
        populations=Populations.load(),
    )


def _act(
    doc: MakeDoc,
    doc_id: str,
    text: str,
    actor: tuple[str, str, str],
    trigger: str,
    type_: str,
    when: str,
    **kw: Any,
) -> Any:
    a = doc(doc_id)
    s = a.sentence(text)
    agent = a.entity(s, actor[0], actor[1], actor[2])
    company = a.entity(s, "Corvex", "Corvex", "organization")
    role = kw.pop("role", "affected")
    roles: dict[str, Any] = (
        {"agents": (company,)} if role == "agent" else {"agents": (agent,), "affected": (company,)}
    )
    # the words that give the day it takes effect or lapses ("from June 1", "until June 30")
    period = {key: a.timex(s, words) for key, words in kw.items() if key in PERIOD}
    a.event(s, trigger, type_, timex=a.timex(s, when), **roles, **period)
    return a


PERIOD = ("effective", "expires")


BIS = ("Bureau of Industry and Security", "Bureau of Industry and Security", "government_agency")
COMMERCE = ("Commerce Department", "US Department of Commerce", "government_agency")
FCC = (
    "Federal Communications Commission",
    "Federal Communications Commission",
    "government_agency",
)
WHOLE = ("US government", "US government", "government")
COURT = ("federal court", "US District Court for the District of Columbia", "court")


def _story(doc: MakeDoc) -> list[Any]:
    return [
        _act(
            doc,
            "a",
            "The Bureau of Industry and Security added Corvex to the Entity List on March 8.",
            BIS,
            "added",
            "designation",
            "March 8",
        ),
        _act(
            doc,
            "b",
            "On March 24, the Commerce Department granted Corvex a temporary licence.",
            COMMERCE,
            "granted",
            "partial_lift",
            "March 24",
        ),
        _act(
            doc,
            "c",
            "The Federal Communications Commission designated Corvex a threat on June 30.",
            FCC,
            "designated",
            "designation",
            "June 30",
        ),
    ]


def _states(r: Reconciliation, authority: str, layer: str = "legal") -> list[StateInterval]:
    return sorted(
        (
            s
            for s in r.states
            if s.subject == "corvex"
            and s.authority == authority
            and s.layer == layer
            and s.population == "all"
        ),
        key=lambda s: s.sequence,
    )


def _on(intervals: list[StateInterval], day: str) -> list[str]:
    d = date.fromisoformat(day).toordinal()
    return [
        s.state
        for s in intervals
        if (s.start_day is None or s.start_day <= d) and (s.end_day is None or d < s.end_day)
    ]


def test_states_kept_per_department_and_combined_for_the_government(doc: MakeDoc) -> None:
    r = _reconcile(*_story(doc))
    commerce = _states(r, "us-department-of-commerce")
    assert [s.state for s in commerce] == ["unrestricted", "restricted", "partially_lifted"]
    assert [s.state for s in _states(r, "federal-communications-commission")] == [
        "unrestricted",
        "restricted",
    ]
    # The government: restricted by Commerce, relieved in part by it; the FCC's later
    # designation adds a restriction but the relief goes on.
    government = _states(r, "united-states")
    assert {s.level for s in government} == {"government"}
    assert [s.state for s in government] == ["unrestricted", "restricted", "partially_lifted"]
    assert _on(government, "2026-07-15") == ["partially_lifted"]
    # Commerce took two of the three steps: its sequence answers for Corvex.
    assert {s.authority for s in r.states if s.principal} == {"us-department-of-commerce"}
    # The United States is named by no document: implied by the gazetteer.
    assert "united-states" in r.authorities.implied


def test_states_one_state_per_authority_on_every_day(doc: MakeDoc) -> None:
    r = _reconcile(*_story(doc))
    for authority in (
        "us-department-of-commerce",
        "federal-communications-commission",
        "united-states",
    ):
        intervals = _states(r, authority)
        for offset in range(365):
            day = date(2026, 1, 1).toordinal() + offset
            assert len(_on(intervals, date.fromordinal(day).isoformat())) == 1


def test_states_a_government_act_binds_every_department(doc: MakeDoc) -> None:
    lift = _act(
        doc,
        "d",
        "The US government lifted all restrictions on Corvex on September 1.",
        WHOLE,
        "lifted",
        "full_lift",
        "September 1",
    )
    r = _reconcile(*_story(doc), lift)
    assert _on(_states(r, "federal-communications-commission"), "2026-10-01") == ["lifted"]
    assert _on(_states(r, "us-department-of-commerce"), "2026-10-01") == ["lifted"]
    assert _on(_states(r, "united-states"), "2026-10-01") == ["lifted"]
    assert _on(_states(r, "united-states"), "2026-08-01") == ["partially_lifted"]


def test_states_a_court_acts_on_the_measure_it_blocks(doc: MakeDoc) -> None:
    a = doc("e")
    s = a.sentence("On May 2, a federal court blocked the Commerce Department's listing of Corvex.")
    court = a.entity(s, "federal court", COURT[1], "court")
    commerce = a.entity(s, "Commerce Department", COMMERCE[1], "government_agency")
    company = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(
        s,
        "blocked",
        "court_block",
        agents=(court,),
        affected=(commerce, company),
        timex=a.timex(s, "May 2"),
    )
    r = _reconcile(*_story(doc)[:1], a)
    # The court's order suspends Commerce's measure: Commerce's state, not a court's own.
    commerce_states = _states(r, "us-department-of-commerce")
    assert _on(commerce_states, "2026-06-01") == ["partially_lifted"]
    assert not [
        i for i in r.states if i.authority == "us-district-court-for-the-district-of-columbia"
    ]


def test_states_a_court_that_bans_and_lets_back_keeps_its_country_s_sequence(
    doc: MakeDoc,
) -> None:
    # The court itself bans Corvex's app, its country named beside it, then lets it back
    # alone: one sequence, the country's.
    banned = doc("g")
    s = banned.sentence("On May 2, a federal court in the United States ordered Corvex blocked.")
    court = banned.entity(s, COURT[0], COURT[1], COURT[2])
    country = banned.entity(s, "United States", "United States", "country")
    company = banned.entity(s, "Corvex", "Corvex", "organization")
    banned.event(
        s,
        "blocked",
        "export_restriction",
        agents=(court, country),
        affected=(company,),
        timex=banned.timex(s, "May 2"),
    )
    lifted = _act(
        doc,
        "h",
        "On July 1, a federal court let Corvex resume.",
        COURT,
        "resume",
        "full_lift",
        "July 1",
    )
    r = _reconcile(banned, lifted)
    corvex = [i for i in r.states if i.subject == "corvex" and i.principal]
    assert {i.authority for i in corvex} == {"united-states"}
    assert _on(corvex, "2026-06-01") == ["restricted"]
    assert _on(corvex, "2026-08-01") == ["lifted"]


def test_states_effective_layer_apart_from_the_legal_state(doc: MakeDoc) -> None:
    dark = _act(
        doc,
        "f",
        "Corvex switched off its service on April 2.",
        ("Corvex", "Corvex", "organization"),
        "switched off",
        "access_disable",
        "April 2",
        role="agent",
    )
    r = _reconcile(*_story(doc), dark)
    effective = _states(r, "corvex", layer="effective")
    assert [s.state for s in effective] == ["unrestricted", "restricted"]
    # The company's switch does not change what the government decided.
    assert _on(_states(r, "us-department-of-commerce"), "2026-04-10") == ["partially_lifted"]


@pytest.mark.parametrize("population", ["trusted_partners"])
def test_states_a_lift_for_some_is_a_partial_lift_for_all(doc: MakeDoc, population: str) -> None:
    a = doc("g")
    s = a.sentence("On March 24, Commerce allowed trusted partners to buy from Corvex.")
    agent = a.entity(s, "Commerce", COMMERCE[1], "government_agency")
    company = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(
        s,
        "allowed",
        "partial_lift",
        agents=(agent,),
        affected=(company,),
        timex=a.timex(s, "March 24"),
        scope=((population, None),),
    )
    r = _reconcile(*_story(doc)[:1], a)
    assert _on(_states(r, "us-department-of-commerce"), "2026-04-01") == ["partially_lifted"]
    partners = [i for i in r.states if i.population == population and i.subject == "corvex"]
    assert partners and {i.state for i in partners} >= {"partially_lifted"}


def test_states_a_government_restriction_leaves_relief_in_place(doc: MakeDoc) -> None:
    more = _act(
        doc,
        "h",
        "The US government designated Corvex a national security threat on July 10.",
        WHOLE,
        "designated",
        "designation",
        "July 10",
    )
    r = _reconcile(*_story(doc)[:2], more)
    # Commerce's licence still relieves the listing: the government's state stays partial
    assert _on(_states(r, "united-states"), "2026-08-01") == ["partially_lifted"]


def test_states_two_governments_decide_apart(doc: MakeDoc) -> None:
    uk = ("UK government", "UK government", "government")
    a = _act(
        doc,
        "u",
        "The US government banned Corvex gear on July 14.",
        WHOLE,
        "banned",
        "export_restriction",
        "July 14",
    )
    b = _act(
        doc,
        "k",
        "The UK government banned Corvex gear on July 14.",
        uk,
        "banned",
        "export_restriction",
        "July 14",
    )
    r = _reconcile(a, b)
    # one day, one subject, one kind of act: two decisions of two governments
    assert len([e for e in r.events if e.type_id == "export_restriction"]) == 2
    assert _on(_states(r, "united-kingdom"), "2026-08-01") == ["restricted"]
    assert _on(_states(r, "united-states"), "2026-08-01") == ["restricted"]


def test_states_a_bureau_and_its_department_report_one_act(doc: MakeDoc) -> None:
    a = _act(
        doc,
        "p",
        "The Bureau of Industry and Security restricted Corvex on April 15.",
        BIS,
        "restricted",
        "export_restriction",
        "April 15",
    )
    b = _act(
        doc,
        "q",
        "The Commerce Department restricted Corvex on April 15.",
        COMMERCE,
        "restricted",
        "export_restriction",
        "April 15",
    )
    r = _reconcile(a, b)
    (event,) = [e for e in r.events if e.type_id == "export_restriction"]
    assert event.sources == ["p", "q"]


def test_states_a_body_no_data_file_places_answers_for_itself(doc: Any) -> None:
    office = ("Maritime Spectrum Office", "Maritime Spectrum Office", "government_agency")
    r = _reconcile(
        _act(
            doc,
            "a",
            "The Maritime Spectrum Office designated Corvex a threat on May 2.",
            office,
            "designated",
            "designation",
            "May 2",
        )
    )
    states = _states(r, "maritime-spectrum-office")
    assert [(s.state, s.principal) for s in states] == [
        ("unrestricted", True),
        ("restricted", True),
    ]


def test_states_steps_no_source_gives_an_actor_still_answer(doc: Any) -> None:
    a = doc("a")
    s = a.sentence("Corvex was added to a trade blacklist on May 2.")
    company = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(s, "added", "designation", timex=a.timex(s, "May 2"), affected=(company,))
    r = _reconcile(a)
    states = _states(r, "")
    assert [(s.state, s.principal) for s in states] == [
        ("unrestricted", True),
        ("restricted", True),
    ]


def test_states_an_unnamed_step_is_the_one_authority_that_takes_such_steps(doc: Any) -> None:
    """Commerce restricts Corvex twice, the FCC designates it; a designation no source gives
    an actor is the FCC's, not the principal authority's."""
    steps = [
        ("a", "The Commerce Department restricted Corvex on March 8.", "restricted", "March 8"),
        ("b", "The Commerce Department restricted Corvex on April 2.", "restricted", "April 2"),
    ]
    builders = [
        _act(doc, doc_id, text, COMMERCE, trigger, "export_restriction", when)
        for doc_id, text, trigger, when in steps
    ]
    builders.append(
        _act(
            doc,
            "e",
            "The Commerce Department lifted its curbs on Corvex on August 1.",
            COMMERCE,
            "lifted",
            "full_lift",
            "August 1",
        )
    )
    builders.append(
        _act(
            doc,
            "c",
            "The Federal Communications Commission designated Corvex a threat on June 30.",
            FCC,
            "designated",
            "designation",
            "June 30",
            effective="June 30",
        )
    )
    d = doc("d")
    s = d.sentence("Corvex was designated again on September 24.")
    company = d.entity(s, "Corvex", "Corvex", "organization")
    d.event(s, "designated", "designation", timex=d.timex(s, "September 24"), affected=(company,))
    r = _reconcile(*builders, d)
    assert {s.authority for s in r.states if s.principal} == {"us-department-of-commerce"}
    fcc = _states(r, "federal-communications-commission")
    assert [s.state for s in fcc] == ["unrestricted", "restricted"]
    commerce = _states(r, "us-department-of-commerce")
    assert [s.state for s in commerce] == ["unrestricted", "restricted", "lifted"]


BUREAU = ("bureau", BIS[1], BIS[2])


def _licence_story(doc: Any, *, extended: bool) -> list[Any]:
    steps = [
        _act(
            doc,
            "a",
            "The Bureau of Industry and Security added Corvex to the Entity List on March 8.",
            BIS,
            "added",
            "designation",
            "March 8",
        ),
        _act(
            doc,
            "b",
            "On March 24, the bureau granted Corvex a licence that runs until June 30.",
            BUREAU,
            "granted",
            "partial_lift",
            "March 24",
            expires="June 30",
        ),
    ]
    if extended:
        steps.append(
            _act(
                doc,
                "c",
                "On June 20, the bureau extended the Corvex licence until September 30.",
                BUREAU,
                "extended",
                "partial_lift",
                "June 20",
                expires="September 30",
            )
        )
    return steps


def test_states_a_licence_that_lapses_restricts_again(doc: Any) -> None:
    states = _states(_reconcile(*_licence_story(doc, extended=False)), "us-department-of-commerce")
    assert _on(states, "2026-05-01") == ["partially_lifted"]
    assert _on(states, "2026-06-30") == ["partially_lifted"]  # valid through its last day
    assert _on(states, "2026-07-01") == ["restricted"]


def test_states_a_licence_extended_before_it_lapses_goes_on(doc: Any) -> None:
    states = _states(_reconcile(*_licence_story(doc, extended=True)), "us-department-of-commerce")
    assert _on(states, "2026-07-15") == ["partially_lifted"]
    assert _on(states, "2026-10-01") == ["restricted"]


def test_states_a_measure_changes_the_state_when_it_is_decided(doc: Any) -> None:
    a = _act(
        doc,
        "a",
        "On March 8, the Commerce Department banned Corvex from June 1.",
        COMMERCE,
        "banned",
        "export_restriction",
        "March 8",
        effective="June 1",
    )
    r = _reconcile(a)
    states = _states(r, "us-department-of-commerce")
    # as the reference timelines read it: restricted from the decision, in force later
    assert _on(states, "2026-03-01") == ["unrestricted"]
    assert _on(states, "2026-04-01") == ["restricted"]
    [ban] = r.events
    assert ban.effective is not None and ban.effective.earliest == date(2026, 6, 1)


def test_states_a_new_restriction_leaves_a_relief_in_force_until_it_is_revoked(
    doc: Any,
) -> None:
    story = _licence_story(doc, extended=False)
    again = _act(
        doc,
        "d",
        "On April 20, the bureau added Corvex to the Entity List again.",
        BUREAU,
        "added",
        "designation",
        "April 20",
    )
    revoked = _act(
        doc,
        "e",
        "On May 12, the bureau revoked the Corvex licence.",
        BUREAU,
        "revoked",
        "licence_revocation",
        "May 12",
    )
    states = _states(_reconcile(*story, again, revoked), "us-department-of-commerce")
    assert _on(states, "2026-04-25") == ["partially_lifted"]
    assert _on(states, "2026-05-20") == ["restricted"]


def test_states_a_government_restriction_stays_at_the_government_level(doc: MakeDoc) -> None:
    ban = _act(
        doc,
        "d",
        "The US government banned Corvex on September 1.",
        WHOLE,
        "banned",
        "export_restriction",
        "September 1",
    )
    relief = _act(
        doc,
        "e",
        "The US government lifted all restrictions on Corvex on October 1.",
        WHOLE,
        "lifted",
        "full_lift",
        "October 1",
    )
    fcc = _act(
        doc,
        "c",
        "The Federal Communications Commission designated Corvex a threat on June 30.",
        FCC,
        "designated",
        "designation",
        "June 30",
    )
    r = _reconcile(ban, relief, fcc)
    # the FCC's own state: its designation, not the government's ban; the government's
    # relief reaches the FCC's measure
    fcc_states = _states(r, "federal-communications-commission")
    assert _on(fcc_states, "2026-05-01") == ["unrestricted"]
    assert _on(fcc_states, "2026-09-15") == ["restricted"]
    assert _on(fcc_states, "2026-10-15") == ["lifted"]
    assert _on(_states(r, "united-states"), "2026-09-15") == ["restricted"]
    # a department with no measure of its own is not lifted by the government's relief
    assert _on(_states(r, "us-department-of-commerce"), "2026-10-15") in ([], ["unrestricted"])


def test_states_a_ban_on_government_devices_leaves_the_public_free(doc: MakeDoc) -> None:
    devices = "government_devices"

    def ban(doc_id: str, population: str | None) -> Any:
        a = doc(doc_id)
        s = a.sentence("On May 4, the government banned Corvex on government devices.")
        agent = a.entity(s, "government", WHOLE[1], "government")
        company = a.entity(s, "Corvex", "Corvex", "organization")
        a.event(
            s,
            "banned",
            "export_restriction",
            agents=(agent,),
            affected=(company,),
            timex=a.timex(s, "May 4"),
            scope=((population, None),) if population else (),
        )
        return a

    r = _reconcile(ban("d1", devices), ban("d2", devices), ban("d3", None))
    public = [s for s in r.states if s.subject == "corvex" and s.population == "all"]
    assert not [s for s in public if s.state == "restricted"]
    scoped = [s for s in r.states if s.population == devices]
    assert {s.state for s in scoped} >= {"restricted"}
    # when most sources that say whom it binds say everyone, it is everyone's state
    r = _reconcile(ban("d1", devices), ban("d2", "all_users"), ban("d3", "all_users"))
    public = [s for s in r.states if s.subject == "corvex" and s.population == "all"]
    assert "restricted" in {s.state for s in public}


def _granted_then_revoked(doc: Any, *grantors: tuple[str, str, str]) -> Reconciliation:
    """Corvex listed on March 8; on March 24 ``grantors`` grant it a licence, which the
    Commerce Department revokes on May 5."""
    documents = _granted_then_revoked_documents(doc, *grantors)
    return _reconcile(*_licence_story(doc, extended=False)[:1], *documents)


def _granted_then_revoked_documents(doc: Any, *grantors: tuple[str, str, str]) -> list[Any]:
    a = doc("g")
    s = a.sentence(
        f"On March 24, the {' and '.join(g[0] for g in grantors)} granted Corvex a licence."
    )
    agents = tuple(a.entity(s, *grantor) for grantor in grantors)
    company = a.entity(s, "Corvex", "Corvex", "organization")
    a.event(
        s,
        "granted",
        "partial_lift",
        agents=agents,
        affected=(company,),
        timex=a.timex(s, "March 24"),
    )
    revoked = _act(
        doc,
        "h",
        "On May 5, the Commerce Department revoked the Corvex licence.",
        COMMERCE,
        "revoked",
        "licence_revocation",
        "May 5",
    )
    return [a, revoked]


def test_states_an_act_of_a_department_named_with_its_government_is_the_departments(
    doc: Any,
) -> None:
    r = _granted_then_revoked(doc, WHOLE, COMMERCE)
    # the government's state is its departments' combined: the relief its department ended
    # is over for the government too
    assert _on(_states(r, "united-states"), "2026-04-01") == ["partially_lifted"]
    assert _on(_states(r, "united-states"), "2026-05-10") == ["restricted"]


def test_states_a_licence_revoked_ends_the_relief_the_government_announced(doc: Any) -> None:
    r = _granted_then_revoked(doc, WHOLE)
    assert _on(_states(r, "united-states"), "2026-04-01") == ["partially_lifted"]
    assert _on(_states(r, "united-states"), "2026-05-10") == ["restricted"]


def test_states_a_licence_revoked_ends_the_relief_of_the_government_wherever_it_reached(
    doc: Any,
) -> None:
    """Listed by the bureau, designated by the FCC; the government's licence relieves both
    measures; the Commerce Department's revocation of it ends that relief in both."""
    designated = _act(
        doc,
        "f",
        "The Federal Communications Commission designated Corvex a threat on March 10.",
        FCC,
        "designated",
        "designation",
        "March 10",
    )
    r = _reconcile(
        *_licence_story(doc, extended=False)[:1],
        designated,
        *_granted_then_revoked_documents(doc, WHOLE),
    )
    assert _on(_states(r, "united-states"), "2026-04-01") == ["partially_lifted"]
    assert _on(_states(r, "united-states"), "2026-05-10") == ["restricted"]


def test_states_one_step_named_as_two_kinds_is_one_event(doc: Any) -> None:
    listed = _act(
        doc,
        "l",
        "The Bureau of Industry and Security added Corvex to the Entity List on March 8.",
        BIS,
        "added",
        "list_addition",
        "March 8",
    )
    restricted = [
        _act(
            doc,
            f"r{n}",
            "On March 8, the Commerce Department imposed export restrictions on Corvex.",
            COMMERCE,
            "imposed",
            "export_restriction",
            "March 8",
        )
        for n in range(2)
    ]
    other_day = _act(
        doc,
        "o",
        "On April 2, the Commerce Department imposed export restrictions on Corvex.",
        COMMERCE,
        "imposed",
        "export_restriction",
        "April 2",
    )
    r = _reconcile(listed, *restricted, other_day)
    kinds = sorted((e.type_id, len(e.sources)) for e in r.events)
    # the listing and the restrictions of its day are one step, named by the specific kind
    assert kinds == [("export_restriction", 1), ("list_addition", 3)]


def test_states_two_acts_a_text_relates_stay_two_on_their_day(doc: Any) -> None:
    """ "On March 8 Commerce imposed export restrictions on Corvex. It also added Corvex to
    the Entity List": the text relates the listing to the restrictions, so they are two acts
    of one day, not one act named twice."""
    a = doc("a")
    s1 = a.sentence("On March 8, the Commerce Department imposed export restrictions on Corvex.")
    agent = a.entity(s1, *COMMERCE)
    corvex = a.entity(s1, "Corvex", "Corvex", "organization")
    restricted = a.event(
        s1,
        "imposed",
        "export_restriction",
        agents=(agent,),
        affected=(corvex,),
        timex=a.timex(s1, "March 8"),
    )
    s2 = a.sentence("It also added Corvex to the Entity List.")
    also = EventRelation("after", restricted, (0, 0), TextSpan(0, 1, "also"))
    a.event(
        s2,
        "added",
        "list_addition",
        agents=(agent,),
        affected=(a.entity(s2, "Corvex", "Corvex", "organization"),),
        relations=(also,),
    )
    b = doc("b")
    s3 = b.sentence("The Commerce Department added Corvex to the Entity List on March 8.")
    b.event(
        s3,
        "added",
        "list_addition",
        agents=(b.entity(s3, *COMMERCE),),
        affected=(b.entity(s3, "Corvex", "Corvex", "organization"),),
        timex=b.timex(s3, "March 8"),
    )
    r = _reconcile(a, b)
    kinds = sorted((e.type_id, len(e.sources)) for e in r.events)
    assert kinds == [("export_restriction", 1), ("list_addition", 2)]
    for number in range(len(r.events)):
        assert r.windows[number].to_range() == DateRange(date(2026, 3, 8), date(2026, 3, 8))


def test_states_a_relief_where_nothing_was_restricted_limits_what_was_free(
    doc: MakeDoc,
) -> None:
    """The UK allows limited use of Corvex gear (its first step on Corvex): a restriction;
    the US relieves in part a ban of its own: a partial lift."""
    uk = ("UK government", "UK government", "government")
    limited = _act(
        doc,
        "k",
        "The UK government will allow limited use of Corvex gear from January 28.",
        uk,
        "allow",
        "partial_lift",
        "January 28",
    )
    banned = _act(
        doc,
        "u",
        "The US government banned Corvex gear on March 2.",
        WHOLE,
        "banned",
        "export_restriction",
        "March 2",
    )
    eased = _act(
        doc,
        "e",
        "The US government eased its ban on Corvex gear on May 4.",
        WHOLE,
        "eased",
        "partial_lift",
        "May 4",
    )
    r = _reconcile(limited, banned, eased)
    by_doc = {e.sources[0]: e for e in r.events}
    assert by_doc["k"].type_id == "export_restriction"
    assert _on(_states(r, "united-kingdom"), "2026-02-15") == ["restricted"]
    assert by_doc["e"].type_id == "partial_lift"
    assert _on(_states(r, "united-states"), "2026-06-01") == ["partially_lifted"]


def test_states_two_departments_acting_on_one_party_are_two_acts(doc: MakeDoc) -> None:
    """The Commerce Department and the FCC each restricting Corvex in May: two decisions,
    not one told twice, however vague their dates."""
    r = _reconcile(
        _act(
            doc,
            "p",
            "The Commerce Department restricted Corvex in May.",
            COMMERCE,
            "restricted",
            "export_restriction",
            "May",
        ),
        _act(
            doc,
            "q",
            "The Federal Communications Commission restricted Corvex in May.",
            FCC,
            "restricted",
            "export_restriction",
            "May",
        ),
    )
    events = [e for e in r.events if e.type_id == "export_restriction"]
    assert sorted(e.sources[0] for e in events) == ["p", "q"]
