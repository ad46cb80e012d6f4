"""The event layer on other policy stories: nothing in it is specific to the bundled articles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.events.conftest import Result, extracted

Run = Callable[..., Result]  # conftest.run and run_parsed: text, timexes -> Result


def test_other_entity_list_designation(run: Run) -> None:
    result = run(
        "The Commerce Department on Tuesday added Huawei to its Entity List, barring US companies "
        "from selling chips to the Chinese firm without a license.",
        timexes=[("Tuesday", "DATE", "XXXX-WXX-2")],
    )
    added = result.by_trigger("added")
    assert added.type == "list_addition"  # a designation: the list addition of the scheme
    assert result.names(added.agents) == {"US Department of Commerce"}
    assert result.names(added.affected) == {"Huawei"}
    assert result.timexes[added.timex].span.text == "Tuesday"


def test_other_court_blocks_a_ban(run: Run) -> None:
    result = run(
        "A federal judge on Friday blocked the administration's ban on TikTok.",
        timexes=[("Friday", "DATE", "XXXX-WXX-5")],
    )
    ruling = result.by_trigger("blocked")
    assert ruling.type == "court_block"  # a court ruling that suspends the measure
    assert result.timexes[ruling.timex].span.text == "Friday"
    assert result.names(ruling.affected) == {"TikTok"}
    # the ban it blocks is the measure relieved, not a new restriction
    assert [e.type for e in result.events] == ["court_block"]


def test_other_lawsuit_by_an_agency(run: Run) -> None:
    result = run(
        "The Federal Trade Commission sued Microsoft in December to block its acquisition of "
        "Activision.",
        timexes=[("December", "DATE", "XXXX-12")],
    )
    suit = result.by_trigger("sued")
    assert suit.type == "lawsuit"
    assert result.names(suit.agents) == {"Federal Trade Commission"}
    assert result.names(suit.affected) == {"Microsoft"}
    assert result.timexes[suit.timex].span.text == "December"


def test_other_lift_of_sanctions_with_source(run: Run) -> None:
    result = run(
        "The Biden administration lifted sanctions on three Chinese chipmakers last week, "
        "according to Bloomberg."
    )
    lift = result.by_trigger("lifted")
    assert lift.type == "full_lift"
    assert result.names(lift.agents) == {"Biden administration"}
    assert lift.attribution is not None
    assert result.names([lift.attribution.source]) == {"Bloomberg"}


def test_other_speculative_release(run: Run) -> None:
    result = run(
        "OpenAI may release GPT-6 to all users next month, the company said in a blog post."
    )
    release = result.by_trigger("release")
    assert release.type == "release"
    assert release.modality == "speculative"
    assert result.names(release.models) == {"GPT-6"}
    assert release.attribution is not None and release.attribution.instrument == "blog post"


def test_other_the_first_person_of_a_quote_is_its_speaker(run: Run) -> None:
    """ "'I will sign an order on Monday,' the president wrote": the one quoted acts; a
    third person inside the quote does not make the speaker its actor."""
    result = run(
        "“I will sign an executive order on Monday,” President Jane Roe wrote. "
        "“We will appeal the ruling,” Korvo said. "
        "“Zentra will appeal the ruling,” Jane Roe said."
    )
    order, our_appeal, their_appeal = result.of_type("export_restriction", "appeal")
    assert result.names(order.agents) == {"Jane Roe"}
    assert result.names(our_appeal.agents) == {"Korvo"}
    assert result.names(their_appeal.agents) == {"Zentra"}


def test_other_national_government_and_outlet(run: Run) -> None:
    result = run(
        "The Dutch government restricted exports of ASML's most advanced lithography machines "
        "in September, the Financial Times reported."
    )
    restriction = result.by_trigger("restricted")
    assert restriction.type == "export_restriction"
    assert result.names(restriction.agents) == {"Dutch government"}
    assert restriction.attribution is not None
    assert result.names([restriction.attribution.source]) == {"Financial Times"}


def test_other_trading_halt_concerns_the_owner_of_the_shares(run: Run) -> None:
    halted = run("Shares of Nokia were suspended from trading in Helsinki on Monday.")
    event = halted.by_trigger("suspended")
    assert event.type == "trading_halt"
    assert halted.names(event.affected) == {"Nokia"} and not event.agents
    resumed = run("Nokia's shares resumed trading on Friday.")
    event = resumed.by_trigger("resumed")
    assert event.type == "trading_halt"
    assert resumed.names(event.affected) == {"Nokia"}
    by_itself = run("Nokia halted trading in its shares on Monday.")
    event = by_itself.by_trigger("halted")
    assert by_itself.names(event.agents) == {"Nokia"} and not event.affected


def test_other_ban_of_a_company_is_a_restriction(run: Run) -> None:
    result = run("The Commerce Department banned Nokia from buying American chips.")
    ban = result.by_trigger("banned")
    assert ban.type == "export_restriction"
    assert result.names(ban.agents) == {"US Department of Commerce"}
    assert result.names(ban.affected) == {"Nokia"}


def test_other_a_measure_with_no_actor_is_the_government_of_where_it_holds(run: Run) -> None:
    result = run("Nokia equipment was banned in the UK last year.")
    ban = result.by_trigger("banned")
    assert ban.type == "export_restriction"
    assert result.names(ban.agents) == {"United Kingdom"}
    assert result.names(ban.affected) == {"Nokia"}
    # a place that is no government, or a measure whose actor is named, keeps its actor
    named = run("The Commerce Department banned Nokia equipment in Texas.")
    assert named.names(named.by_trigger("banned").agents) == {"US Department of Commerce"}


def test_other_a_measure_announced_for_a_later_day_is_decided(run: Run) -> None:
    result = run(
        "The Commerce Department said on Monday that Nokia will be barred from selling "
        "equipment from March 1.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1"), ("March 1", "DATE", "XXXX-03-01")],
    )
    barred = result.by_trigger("barred")
    assert barred.type == "export_restriction" and barred.modality == "asserted"
    assert result.names(barred.agents) == {"US Department of Commerce"}
    assert result.names(barred.affected) == {"Nokia"}
    assert result.timexes[barred.effective].span.text == "March 1"
    assert barred.timex is None or result.timexes[barred.timex].span.text == "Monday"


def test_other_the_day_a_decision_is_announced_dates_it(run: Run) -> None:
    """The day of the announcing verb dates the decision it tells, not what it does later
    ("from April 1"), nor an act the speaker only objects to."""
    confirmed = run(
        "The Zentran government has today confirmed a U-turn, which means that Nokia kit "
        "will be banned from its networks from April 1.",
        timexes=[("today", "DATE", "2026-03-02"), ("April 1", "DATE", "2026-04-01")],
    )
    ban = confirmed.by_trigger("banned")
    assert ban.modality == "asserted" and not ban.news
    assert confirmed.timexes[ban.timex].span.text == "today"
    assert confirmed.timexes[ban.effective].span.text == "April 1"
    infinitive = run(
        "The Zentran government on March 2 announced to ban Nokia kit from April 1.",
        timexes=[("March 2", "DATE", "2026-03-02"), ("April 1", "DATE", "2026-04-01")],
    )
    assert infinitive.timexes[infinitive.by_trigger("ban").timex].span.text == "March 2"
    challenged = run(
        "The Commerce Department said today it will challenge the order banning Nokia apps "
        "from March 20.",
        timexes=[("today", "DATE", "2026-03-02"), ("March 20", "DATE", "2026-03-20")],
    )
    orders = challenged.of_type("export_restriction")
    assert orders and all(e.timex is None for e in orders)
    # a weekday of a document of unknown date dates the decision still (its day is known
    # once the corpus places the document)
    weekday = run(
        "On Friday, the Commerce Department said it would ban Nokia apps from app stores on "
        "Sunday.",
        timexes=[("Friday", "DATE", "XXXX-WXX-5"), ("Sunday", "DATE", "XXXX-WXX-7")],
    )
    ban = weekday.by_trigger("ban")
    assert weekday.timexes[ban.timex].span.text == "Friday"
    assert weekday.timexes[ban.effective].span.text == "Sunday"


def test_other_a_body_announcing_what_it_has_just_done_dates_it(run: Run) -> None:
    """ "announced Monday that it has added": the body's own act, done as it announces it;
    what it had done ("had lifted") or what another did is not dated by the announcement."""
    own = run(
        "The Commerce Department announced on Monday that it has added Nokia to the Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    assert own.timexes[own.by_trigger("added").timex].span.text == "Monday"
    other = run(
        "The Commerce Department announced on Monday that a court has blocked the ban on Nokia.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    assert other.by_trigger("blocked").timex is None
    # announced (a deciding verb) in the simple past: the decision it announces
    announced = run(
        "The Commerce Department announced on Monday that it added Nokia to the Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    assert announced.timexes[announced.by_trigger("added").timex].span.text == "Monday"
    # merely said so, it may have been done any day before
    said = run(
        "The Commerce Department said on Monday that it added Nokia to the Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    assert said.by_trigger("added").timex is None


def test_other_an_act_disclosed_on_a_day_is_dated_to_it(run: Run) -> None:
    """ "It was revealed on May 7 that ...", "Wire reported on Tuesday that ... has
    revoked": the day it became known dates it; what "had" been done is older."""
    for text, day in (
        ("It was revealed on May 7 that the government revoked licences held by Korvo.", "May 7"),
        (
            "The Wire reported on Tuesday that the government has revoked Korvo's licences.",
            "Tuesday",
        ),
    ):
        result = run(text, timexes=[(day, "DATE", "2030-05-07")])
        revoked = result.of_type("licence_revocation")[0]
        assert revoked.timex is not None, text
        assert result.timexes[revoked.timex].span.text == day, text
    older = run(
        "The Wire reported on Tuesday that the government had revoked Korvo's licences.",
        timexes=[("Tuesday", "DATE", "2030-05-07")],
    )
    assert older.of_type("licence_revocation")[0].timex is None


def test_other_a_measure_a_government_announces_with_no_agent_is_its_own(run: Run) -> None:
    """ "The government announced Korvo kit will be removed by 2027": the government's
    restriction, not a company switching its own service off."""
    result = run(
        "The UK government announced that all Korvo equipment in the 5G network will be "
        "removed by 2027.",
        timexes=[("2027", "DATE", "2027")],
    )
    removed = result.by_trigger("removed")
    assert removed.type == "export_restriction"
    assert result.names(removed.agents) == {"UK government"}


def test_other_a_body_telling_its_act_in_the_passive_did_it_that_day(run: Run) -> None:
    result = run(
        "The Commerce Department said on Monday that Samsung has been added to the Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    listed = result.by_trigger("added")
    assert result.timexes[listed.timex].span.text == "Monday"


def test_other_a_body_telling_its_act_as_under_way_makes_a_statement(run: Run) -> None:
    """ "Said on Monday it is adding": the saying is dated, the addition may take effect a
    day or more later and stays undated."""
    for text in (
        "The Commerce Department said on Monday it is adding Samsung to the Entity List.",
        "The Commerce Department is adding Samsung to the Entity List, it said on Monday.",
    ):
        result = run(text, timexes=[("Monday", "DATE", "2026-03-02")])
        (statement,) = result.of_type("statement")
        assert result.timexes[statement.timex].span.text == "Monday", text
        assert result.names(statement.affected) == {"Samsung"}, text
        listed = result.by_trigger("adding")
        assert listed.modality == "asserted" and listed.timex is None, text
        assert result.names(listed.affected) == {"Samsung"}, text


def test_other_the_day_before_a_reported_clause_dates_the_saying(run: Run) -> None:
    """ "Said on Monday it will add": the parser may hang the day on "add", which would make
    the addition decided for that day; the day is the saying's."""
    result = run(
        "The Commerce Department said on Monday it will add Samsung to the Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    (statement,) = result.of_type("statement")
    assert result.timexes[statement.timex].span.text == "Monday"
    planned = result.by_trigger("add")
    assert planned.modality == "planned"
    assert planned.timex is None and planned.effective is None


def test_other_a_company_telling_what_it_has_just_done_did_it_that_day(run: Run) -> None:
    result = run(
        "Nokia has stopped selling its phones to US customers, the company said on Friday.",
        timexes=[("Friday", "DATE", "2026-03-06")],
    )
    assert result.timexes[result.by_trigger("stopped").timex].span.text == "Friday"


def test_other_a_measure_taking_effect_on_a_day_takes_effect_then(run: Run) -> None:
    """ "The ban takes effect on May 1", "restrictions begin on Friday", "will come into
    force on April 2": the day it takes effect, not the day it was decided."""
    for text, day, value in (
        ("The ban on Nokia takes effect on May 1.", "May 1", "2026-05-01"),
        ("Restrictions on exports to Nokia begin on Friday.", "Friday", "2026-05-08"),
        ("The ban on Nokia will come into force on April 2.", "April 2", "2026-04-02"),
    ):
        result = run(text, timexes=[(day, "DATE", value)])
        (measure,) = result.of_type("export_restriction")
        assert measure.timex is None, text
        assert result.timexes[measure.effective].span.text == day, text
    # "which are effective on May 4" (an article of May 1)
    text = "Commerce issued new restrictions on Nokia, which are effective on May 4."
    records = extracted(text, date(2026, 5, 1))
    (measure,) = [e for e in records.events if e.type == "export_restriction"]
    days = {t.id: t.span.text for t in records.timexes}
    assert days.get(measure.effective or "") == "May 4"
    # a date of the act itself still dates it
    imposed = run(
        "The ban on Nokia was imposed on May 1.", timexes=[("May 1", "DATE", "2026-05-01")]
    )
    assert imposed.timexes[imposed.by_trigger("ban").timex].span.text == "May 1"


def test_other_a_measure_told_to_have_taken_effect_on_a_day_is_news_of_that_day(
    run: Run,
) -> None:
    """ "The ban took effect on May 1", "September 15 is the day when the rules took
    effect": its taking effect is what is told, so that day dates the mention as well as
    starting the measure; a relative clause on the measure's noun only adds background."""
    for text, day, value, trigger in (
        ("The ban on Nokia took effect on May 1.", "May 1", "2026-05-01", "ban"),
        ("The ban on Nokia has come into force today.", "today", "2026-05-06", "ban"),
        (
            "September 15 is the day when the new US ban on Nokia officially took effect.",
            "September 15",
            "2026-09-15",
            "ban",
        ),
    ):
        result = run(text, timexes=[(day, "DATE", value)])
        measure = result.by_trigger(trigger)
        assert result.timexes[measure.effective].span.text == day, text
        assert result.timexes[measure.timex].span.text == day, text
    background = run(
        "The restrictions, which took effect on May 16, bar US firms from selling chips to Nokia.",
        timexes=[("May 16", "DATE", "2022-05-16")],
    ).by_trigger("restrictions")
    assert background.timex is None and background.effective is not None


def test_other_the_day_a_clause_tells_is_the_date_it_is_said_to_be(run: Run) -> None:
    """ "May 15 is the date the department added Nokia to the list", "the day the
    department added Nokia to the list was May 15": the clause of the day is dated."""
    for text in (
        "May 15 is the date the Commerce Department added Nokia to the Entity List.",
        "The day the Commerce Department added Nokia to the Entity List was May 15.",
    ):
        result = run(text, timexes=[("May 15", "DATE", "2026-05-15")])
        addition = result.by_trigger("added")
        assert addition.type == "list_addition", text
        assert result.timexes[addition.timex].span.text == "May 15", text
    # a noun that is no day tells no date of its clause
    deadline = run(
        "May 15 is the deadline the Commerce Department set for Nokia.",
        timexes=[("May 15", "DATE", "2026-05-15")],
    )
    assert all(e.timex is None for e in deadline.events)


def test_other_a_measure_taking_effect_after_a_delay_takes_effect_that_many_days_on(
    run: Run,
) -> None:
    """ "Signed on March 3, 2031, the law takes effect in 180 days": the day 180 days after
    its own day; "will decide in 30 days" tells no measure taking effect."""
    result = run(
        "On March 3, 2031, Texas signed a law banning ReelNest, which takes effect in 180 days.",
        timexes=[("March 3, 2031", "DATE", "2031-03-03"), ("180 days", "DURATION", "P180D")],
    )
    (law,) = result.of_type("law_enacted")
    onset = result.timexes[law.effective]
    assert (onset.type, onset.value, onset.span.text) == ("DATE", "2031-08-30", "180 days")
    assert onset.anchor == f"timex:{law.timex}"
    decided = run(
        "On March 3, 2031, the court said it would decide on the ban on Samsung in 30 days.",
        timexes=[("March 3, 2031", "DATE", "2031-03-03"), ("30 days", "DURATION", "P30D")],
    )
    assert decided.timexes["t2"].type == "DURATION"


def test_other_a_date_the_parser_hung_on_the_act_it_dates(run: Run) -> None:
    """ "The president's May 15, 2019 issuance of an order" parsed as the date with the
    issuance in apposition: the date still dates the order."""
    result = run(
        "The Commerce Department added Nokia to the Entity List on Thursday. Nokia's "
        "inclusion on the Entity List follows the president's May 15, 2019 issuance of a new "
        "Executive Order on Securing the Supply Chain.",
        timexes=[("Thursday", "DATE", "2019-05-16"), ("May 15, 2019", "DATE", "2019-05-15")],
    )
    order = result.by_trigger("Order")
    assert result.timexes[order.timex].span.text == "May 15, 2019"


def test_other_a_plan_an_official_announces_is_a_statement_of_its_own(run: Run) -> None:
    """ "Said it will impose": the measure stays a plan, and the saying is news of its own,
    by the speaker, about the measure's party, on the day it was said; a measure decided
    when announced is no statement besides the decision."""
    said = run(
        "The Commerce Department said on Monday that it will impose new export restrictions "
        "on Nokia.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    (statement,) = said.of_type("statement")
    assert statement.trigger.text == "said" and statement.modality == "asserted"
    assert said.names(statement.agents) == {"US Department of Commerce"}
    assert said.names(statement.affected) == {"Nokia"}
    assert said.timexes[statement.timex].span.text == "Monday"
    announced = run(
        "The Commerce Department announced on Monday that it will impose new export "
        "restrictions on Nokia.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    assert not announced.of_type("statement")
    # a plan announced with a decision is part of it: no statement besides the decision
    both = run(
        "On Monday, the Commerce Department said it would ban Nokia apps from app stores on "
        "Sunday and would bar Nokia from using American networks later.",
        timexes=[("Monday", "DATE", "2026-03-02"), ("Sunday", "DATE", "2026-03-08")],
    )
    assert both.by_trigger("ban").modality == "asserted"
    assert not both.of_type("statement")
    # a plan no government or official is told to have announced is no one's statement
    rumoured = run(
        "Nokia said the government will impose new export restrictions on Samsung.",
        timexes=[],
    )
    assert not rumoured.of_type("statement")


def test_other_a_measure_a_government_announces_is_decided_when_announced(run: Run) -> None:
    """ "Announced it will impose": the decision is the announcement, even with no day it
    takes effect; a body that only says it will, or a person's "would", stays a plan."""
    announced = run(
        "The Commerce Department announced on Monday that it will impose new export "
        "restrictions on Nokia.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    restriction = announced.by_trigger("export restrictions")
    assert restriction.modality == "asserted" and restriction.news
    assert announced.names(restriction.agents) == {"US Department of Commerce"}
    said = run(
        "The Commerce Department said on Monday that it will impose new export restrictions "
        "on Nokia.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    assert all(e.modality != "asserted" for e in said.of_type("export_restriction"))
    # what a government says in a decision it decides
    decision = run(
        "The department will impose new export restrictions on Nokia, the Commerce Department "
        "said on Monday in a decision.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    assert decision.by_trigger("export restrictions").modality == "asserted"


def test_other_what_a_person_agrees_to_is_a_pledge_what_a_body_agrees_to_is_decided(
    run: Run,
) -> None:
    pledged = run("An adviser said President Jane Roe agreed to lift the ban on Nokia.")
    assert pledged.by_trigger("lift").modality == "planned"
    decided = run(
        "The Commerce Department on Monday agreed to extend the temporary general licence "
        "for Nokia.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    assert decided.of_type("licence_extension")[0].modality == "asserted"


def test_other_a_company_s_ban_is_on_the_company_unless_it_bans_something(run: Run) -> None:
    barred = run("Nokia's ban took effect on Monday.", timexes=[("Monday", "DATE", "XXXX-WXX-1")])
    ban = barred.by_trigger("ban")
    assert ban.type == "export_restriction"
    assert barred.names(ban.affected) == {"Nokia"} and not ban.agents
    own = run(
        "Samsung's ban on political ads took effect on Monday.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    assert own.names(own.by_trigger("ban").agents) == {"Samsung"}


def test_other_barred_from_selling_to_a_company_concerns_that_company(run: Run) -> None:
    result = run(
        "Commerce on Monday barred Samsung from selling semiconductors to Nvidia.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    barred = result.by_trigger("barred")
    assert result.names(barred.affected) == {"Samsung", "Nvidia"}


def test_other_an_it_standing_for_what_follows_names_no_one(run: Run) -> None:
    result = run(
        "Samsung makes phones. Lawyers for the administration said it was in the interest of "
        "national security to ban Nvidia."
    )
    ban = result.by_trigger("ban")
    assert ban.type == "export_restriction" and not ban.agents
    assert result.names(ban.affected) == {"Nvidia"}


def test_other_a_threat_without_a_day_stays_a_plan(run: Run) -> None:
    result = run("The president said he would ban Nokia from American networks.")
    ban = result.by_trigger("ban")
    assert ban.modality != "asserted"


def test_other_a_date_a_measure_runs_from_is_when_it_takes_effect(run: Run) -> None:
    result = run(
        "The Commerce Department banned sales to Nokia from March 1.",
        timexes=[("March 1", "DATE", "XXXX-03-01")],
    )
    ban = result.by_trigger("banned")
    assert ban.timex is None
    assert result.timexes[ban.effective].span.text == "March 1"
    # a date the preposition does not govern still dates what it modifies
    shift = run(
        "The decision marks a shift from the previous month's ban on Nokia.",
        timexes=[("the previous month", "DATE", "XXXX-XX")],
    )
    earlier = shift.by_trigger("ban")
    assert earlier.timex is not None and earlier.effective is None


def test_other_words_of_a_fixed_expression_are_no_triggers(run: Run) -> None:
    result = run("The agency eased the restrictions on Nokia in order to protect its customers.")
    assert [e.type for e in result.events] == ["partial_lift"]


@pytest.mark.parametrize(
    "text",
    [
        "President Biden pledged on Sunday to help Nokia get back into business.",
        # the party named in apposition to the clause's object, or as its partner
        "President Biden pledged on Sunday to give the phone maker, Nokia, a way back.",
        "President Biden pledged on Sunday to work with Nokia.",
    ],
)
def test_other_a_statement_is_about_whom_its_clause_names(run: Run, text: str) -> None:
    result = run(text)
    pledge = result.by_trigger("pledged")
    assert pledge.type == "statement"
    assert result.names(pledge.affected) == {"Nokia"}


def test_other_lifting_a_relief_restricts_again(run: Run) -> None:
    result = run(
        "The Commerce Department lifted the suspension of the denial order against Samsung."
    )
    lifted = result.by_trigger("lifted")
    assert lifted.type == "licence_revocation"  # the order applies again
    plain = run("The Commerce Department lifted the ban on Samsung.")
    lift = plain.by_trigger("lifted")
    assert lift.type == "full_lift"
    assert plain.names(lift.affected) == {"Samsung"}  # whom the lifted ban restricted


def test_other_a_date_in_a_relative_clause_dates_its_noun_not_the_event(run: Run) -> None:
    result = run(
        "The Commerce Department lifted its denial order against Samsung, which had been in "
        "effect since April 15, the secretary announced Friday.",
        timexes=[("April 15", "DATE", "XXXX-04-15"), ("Friday", "DATE", "XXXX-WXX-5")],
    )
    lift = result.by_trigger("lifted")
    assert lift.timex is None or result.timexes[lift.timex].span.text == "Friday"


def test_other_suppliers_cutting_off_a_company(run: Run) -> None:
    stopped = run("Intel and Qualcomm stopped supplying Samsung on Monday.")
    event = stopped.by_trigger("stopped")
    assert event.type == "access_disable"
    assert stopped.names(event.agents) == {"Intel", "Qualcomm"}
    assert stopped.names(event.affected) == {"Samsung"}
    shipments = run("Sony stopped shipments to Samsung last week.")
    assert shipments.names(shipments.by_trigger("stopped").affected) == {"Samsung"}
    # stopping what is no access nor supply is no event
    assert not run("Sony stopped the spread of the rumour.").events


def test_other_capping_or_excluding_a_company_restricts_it(run: Run) -> None:
    capped = run("Britain capped Samsung's share of its 5G network at 35 percent.")
    event = capped.by_trigger("capped")
    assert event.type == "export_restriction"
    assert capped.names(event.affected) == {"Samsung"}
    excluded = run("The UK excluded Samsung from the core of its 5G networks.")
    assert excluded.names(excluded.by_trigger("excluded").affected) == {"Samsung"}
    assert not run("The price was capped at ten dollars.").events


def test_other_what_something_threatens_to_do_has_not_happened(run: Run) -> None:
    result = run("The app threatens to allow foreign agencies access to personal data.")
    assert all(e.modality != "asserted" for e in result.events)


def test_other_a_licence_that_expires_concerns_its_holder(run: Run) -> None:
    result = run("Samsung's temporary licence expired on August 13.")
    expired = result.by_trigger("expired")
    assert expired.type == "licence_expiry"
    assert result.names(expired.affected) == {"Samsung"} and not expired.agents
    general = run("The Temporary General License for Samsung expired on August 13.")
    assert "person" not in {m.type for m in general.entities.values()}  # no general "License"
    assert general.names(general.by_trigger("expired").affected) == {"Samsung"}


def test_other_what_a_court_decides_in_a_case(run: Run) -> None:
    plea = run("A federal judge approved Samsung's guilty plea on March 22.")
    approved = plea.by_trigger("approved")
    assert approved.type == "court_ruling"
    assert plea.names(approved.affected) == {"Samsung"}
    monitor = run("A federal judge extended the monitorship of Samsung by two years.")
    assert monitor.names(monitor.by_trigger("extended").affected) == {"Samsung"}
    # a party approving its own settlement is no ruling
    assert "court_ruling" not in {e.type for e in run("Samsung approved the settlement.").events}


def test_other_barred_from_buying_a_companys_goods_restricts_the_company(run: Run) -> None:
    barred = run("Operators will be barred from buying new Samsung 5G equipment.")
    assert barred.names(barred.by_trigger("barred").affected) == {"Samsung"}
    dealing = run("The Commerce Department barred US firms from selling chips to Samsung.")
    assert dealing.names(dealing.by_trigger("barred").affected) == {"Samsung"}
    # whom the barred firms deal with, not the firms barred, nor someone else's goods
    banned = run("Sony was banned from buying Samsung chips.")
    assert banned.names(banned.by_trigger("banned").affected) >= {"Samsung"}


def test_other_a_date_of_a_clause_further_down_dates_no_event_above_it(run: Run) -> None:
    result = run(
        "The administration will add 12 Samsung affiliates to the list, raising the total "
        "to 40 since Samsung was first added in March 2023.",
        timexes=[("March 2023", "DATE", "2023-03")],
    )
    assert result.by_trigger("add").timex is None
    # a clause that modifies the event itself still dates it
    since = run(
        "Trading of Samsung shares was suspended since regulators met the board in April.",
        timexes=[("April", "DATE", "XXXX-04")],
    )
    suspended = since.by_trigger("suspended")
    assert suspended.timex is not None
    assert since.timexes[suspended.timex].span.text == "April"


def test_other_the_act_that_issues_a_measure_dates_it_and_names_its_actor(run: Run) -> None:
    result = run(
        "Samsung protested the Commerce Department's May 15 issuance of an export ban.",
        timexes=[("May 15", "DATE", "XXXX-05-15")],
    )
    ban = result.by_trigger("export ban")
    assert ban.type == "export_restriction"
    assert ban.timex is not None and result.timexes[ban.timex].span.text == "May 15"
    assert result.names(ban.agents) == {"US Department of Commerce"}


def test_other_approving_a_ban_dates_and_names_it(run: Run) -> None:
    result = run(
        "President Jane Roe approved a Samsung ban for government devices Thursday.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    ban = result.by_trigger("ban")
    assert ban.timex is not None and result.timexes[ban.timex].span.text == "Thursday"
    assert result.names(ban.agents) == {"Jane Roe"}
    assert [s.population for s in ban.scope] == ["government_devices"]


def test_other_delaying_the_enforcement_of_a_ban_relieves_whom_it_binds(run: Run) -> None:
    result = run("The president delayed enforcement of the ban on Samsung.")
    assert [e.type for e in result.events] == ["enforcement_pause"]
    assert result.names(result.events[0].affected) == {"Samsung"}


def test_other_a_word_of_a_bodys_name_is_no_trigger(run: Run) -> None:
    result = run("Samsung met the Office of Foreign Assets Control on Monday.")
    assert not result.events  # "Control" names the office, it restricts no one
    named = run("The Export Control Order bars sales to Samsung.")
    assert named.events  # an instrument's name still tells its act


def test_other_approving_a_deal_is_a_relief_by_whoever_issued_the_order(run: Run) -> None:
    result = run(
        "President Donald Trump signed an executive order approving a deal that would see "
        "Samsung's operations sold."
    )
    approving = result.by_trigger("approving")
    assert approving.type == "partial_lift"
    assert result.names(approving.agents) == {"Donald Trump"}
    assert result.names(approving.affected) == {"Samsung"}
    # a company approving a deal lifts nothing
    assert not run("Samsung shareholders approved the merger.").events


def test_other_an_order_that_does_something_else_restricts_no_one(run: Run) -> None:
    result = run(
        "President Donald Trump signed an executive order establishing a review of Samsung."
    )
    assert "export_restriction" not in {e.type for e in result.events}
    plain = run("President Donald Trump signed an executive order against Samsung on Monday.")
    assert [e.type for e in plain.events] == ["export_restriction"]


def test_other_a_ban_averted_has_not_happened(run: Run) -> None:
    result = run("The deal, averting a nationwide ban on Samsung, was reached on Friday.")
    assert all(e.modality != "asserted" for e in result.events if e.type == "export_restriction")


def test_other_a_date_of_a_coordinated_act_dates_that_act_only(run: Run) -> None:
    result = run(
        "In March, the Roe administration put Samsung on a trade blacklist, citing "
        "data security concerns, but on Monday agreed to again extend a temporary licence.",
        timexes=[("March", "DATE", "XXXX-03"), ("Monday", "DATE", "XXXX-WXX-1")],
    )
    put = result.by_trigger("put")
    assert put.timex is not None and result.timexes[put.timex].span.text == "March"


@pytest.mark.parametrize("speaker", ["Samsung", "Samsung Co. Ltd."])
def test_other_a_statement_rejecting_a_ban_on_its_speaker(run: Run, speaker: str) -> None:
    result = run(
        f"{speaker} said in a statement on Monday that it will not accept a ban by Brazil on "
        "the company."
    )
    said = result.by_trigger("said")
    assert said.type == "statement"
    # "Co. Ltd." ends the known company's name: the head of its phrase names it too
    assert result.names(said.agents) == {"Samsung"}
    assert result.names(said.affected) == {"Samsung"}  # it speaks about the ban on itself
    assert result.by_trigger("ban").modality == "negated"


def test_other_a_statement_that_tells_an_event_is_its_report(run: Run) -> None:
    result = run(
        "The Commerce Department said in a statement that it had lifted the denial order on "
        "Samsung."
    )
    assert [e.type for e in result.events] == ["full_lift"]


def test_other_a_statement_and_what_it_tells_stay_two_mentions(run: Run) -> None:
    result = run("Samsung may restore access next month, the company said in a blog post.")
    assert {e.type for e in result.events} >= {"access_restore"}
    assert result.by_trigger("restore").modality != "asserted"


def test_other_this_licence_is_as_uncertain_as_the_licence_it_points_back_to(run: Run) -> None:
    result = run(
        "An official hinted that Samsung might get a temporary licence. The official said "
        "this temporary licence would help its suppliers."
    )
    assert [e.type for e in result.events] == ["licence_grant", "licence_grant"]
    assert all(e.modality == "speculative" for e in result.events)


def test_other_a_licence_belongs_to_its_holder_and_names_whom_it_lets_them_sell_to(
    run: Run,
) -> None:
    result = run(
        "Intel's license to sell to Samsung was issued by the Commerce Department in March 2023.",
        timexes=[("March 2023", "DATE", "2023-03")],
    )
    licence = result.by_trigger("license")
    assert licence.type == "licence_grant"
    assert result.names(licence.agents) == {"US Department of Commerce"}
    assert result.names(licence.affected) == {"Intel", "Samsung"}


def test_other_a_licence_that_lapses_is_that_of_the_company_the_article_is_about(
    run: Run,
) -> None:
    result = run(
        "Samsung said its chip sales will fall. Samsung blamed the rules.\n\n"
        "The Temporary General License has expired on August 13.",
        timexes=[("August 13", "DATE", "XXXX-08-13")],
    )
    expired = result.by_trigger("expired")
    assert expired.type == "licence_expiry"
    assert result.names(expired.affected) == {"Samsung"}


def test_other_a_word_naming_the_kind_of_an_order_gives_its_type(run: Run) -> None:
    result = run("The FCC issued a designation order against Samsung in November.")
    assert [e.type for e in result.events] == ["designation"]
    denial = run("The Commerce Department issued a denial order against Samsung.")
    assert [e.type for e in denial.events] == ["export_restriction"]


def test_other_the_day_an_actor_agreed_to_act_dates_the_act(run: Run) -> None:
    result = run(
        "The administration on Monday agreed to extend a temporary licence for Samsung.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    [extension] = [e for e in result.events if e.type == "licence_extension"]
    assert extension.timex is not None and result.timexes[extension.timex].span.text == "Monday"


def test_other_an_extension_is_of_what_the_document_extends(run: Run) -> None:
    delays = run(
        "President Donald Trump delayed the ban on Samsung on Friday. He has given Samsung "
        "a 60-day extension."
    )
    assert delays.by_trigger("extension").type == "enforcement_pause"
    licences = run(
        "The Commerce Department extended the temporary licence for Samsung on Friday. The "
        "extension runs for 90 days."
    )
    assert {e.type for e in licences.events} == {"licence_extension"}


def test_other_another_group_added_is_the_news(run: Run) -> None:
    result = run("Another 12 affiliates of Samsung have been added to the Entity List.")
    added = result.by_trigger("added")
    assert added.type == "list_addition" and added.news


def test_other_tightening_restrictions_imposes_them(run: Run) -> None:
    result = run("The Commerce Department tightened restrictions on Samsung on Monday.")
    tightened = result.by_trigger("restrictions")
    assert tightened.type == "export_restriction"
    assert result.names(tightened.agents) == {"US Department of Commerce"}


def test_other_what_revoking_licences_does_is_the_revocation(run: Run) -> None:
    barring = run(
        "The Commerce Department has revoked export licences for Nvidia and AMD, barring the "
        "chipmakers from selling processors to Samsung."
    )
    [revoked] = barring.events  # the bar is what the revocation does, not a second act
    assert revoked.type == "licence_revocation"
    assert barring.names(revoked.affected) == {"Nvidia", "AMD", "Samsung"}
    allowing = run(
        "The US has revoked licences allowing Samsung to buy chips from Nvidia, further "
        "tightening export restrictions on the company."
    )
    [revoked] = allowing.events  # what the licences allowed is no relief of its own
    assert revoked.type == "licence_revocation"
    assert "Samsung" in allowing.names(revoked.affected)


def test_other_the_president_is_the_president_the_text_named_most(run: Run) -> None:
    result = run(
        "President Jane Roe criticised Samsung. Vice President John Doe praised Jane Roe. "
        "President Xi Jinping condemned Jane Roe. On Monday the president signed an order "
        "banning Vidly. Later the vice president restricted Nokia."
    )
    order = result.by_trigger("order")
    assert result.names(order.agents) == {"Jane Roe"}  # named most, not the nearest
    restricted = result.by_trigger("restricted")
    assert result.names(restricted.agents) == {"John Doe"}  # no president is vice president


def test_other_a_president_the_text_never_names_is_known_by_the_title(run: Run) -> None:
    result = run("On Monday the President signed an executive order banning Vidly.")
    order = result.by_trigger("order")
    (agent,) = [result.entities[i] for i in order.agents]
    # whom the corpus calls President, kg.reconcile.entities says
    assert (agent.name, agent.source, agent.role) == ("President", "title", "President")
    # a president of a company is no title alone
    company = run("The president of Samsung signed an order banning Vidly.")
    assert all(m.source != "title" for m in company.entities.values())


def test_store_removal_is_about_the_app_not_the_store(run: Run) -> None:
    result = run("Apple and Google removed Snapchat from the App Store and the Google Play Store.")
    removal = result.by_trigger("removed")
    assert removal.type == "store_removal"
    assert result.names(removal.affected + removal.models) == {"Snap"}  # Snapchat's maker


def test_other_orders_in_the_plural_are_one_act_per_subject(run: Run) -> None:
    orders = run(
        "President Jane Roe signed executive orders on Thursday banning Samsung and Nokia "
        "from operating in the US.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    banned = [e for e in orders.events if e.type == "export_restriction"]
    assert sorted(tuple(orders.names(e.affected)) for e in banned) == [("Nokia",), ("Samsung",)]
    assert len({e.id for e in banned}) == 2
    # one order on two companies is one act
    one = run(
        "President Jane Roe signed an executive order on Thursday banning Samsung and Nokia "
        "from operating in the US.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    (single,) = [e for e in one.events if e.type == "export_restriction"]
    assert one.names(single.affected) == {"Samsung", "Nokia"}


def test_other_a_group_acts_as_the_body_its_phrase_names(run: Run) -> None:
    result = run(
        "A group of ZenChat users calling themselves the ZenChat Alliance, filed a lawsuit on "
        "Monday.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    (suit,) = [e for e in result.events if e.type == "lawsuit"]
    assert result.names(suit.agents) == {"ZenChat Alliance"}


def test_other_orders_aimed_at_companies_concern_them(run: Run) -> None:
    result = run(
        "President Jane Roe signed orders aimed at Samsung on Monday.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    (orders,) = [e for e in result.events if e.type == "export_restriction"]
    assert result.names(orders.affected) == {"Samsung"}


def test_other_who_complies_with_an_order_is_not_whom_it_targets(run: Run) -> None:
    # in an article about Samsung, an order Samsung complies with is not thereby on Samsung
    result = run(
        "Samsung makes phones. Complying with the executive order from the White House, "
        "Samsung is suspending business with Nokia. Samsung said it would review the "
        "implications of the order."
    )
    complied = result.by_trigger("order")
    assert complied.type == "export_restriction"
    assert "Samsung" not in result.names(complied.affected)
    suspended = result.by_trigger("suspending")
    assert result.names(suspended.agents) == {"Samsung"}
    assert result.names(suspended.affected) == {"Nokia"}


def test_other_a_supplier_that_will_not_ship_to_a_company_withholds_its_supply(run: Run) -> None:
    stopped = run(
        "In a statement, Nvidia said it had not supplied Nokia since September 15.",
        timexes=[("September 15", "DATE", "2020-09-15", "start")],
    )
    withheld = stopped.by_trigger("supplied")
    assert withheld.type == "access_disable"
    assert withheld.modality == "asserted"  # the negation is what the words mean
    assert stopped.names(withheld.agents) == {"Nvidia"}
    assert stopped.names(withheld.affected) == {"Nokia"}
    # what it will not do is a refusal in force as the text is written; with a day, the
    # supply stops that day
    refused = run("Nvidia will not ship chips to Nokia until further notice.")
    refusal = refused.by_trigger("ship")
    assert (refusal.modality, refusal.tense) == ("asserted", "present")
    dated = run(
        "Nvidia confirmed it will not ship chips to Nokia after September 14.",
        timexes=[("September 14", "DATE", "2020-09-14")],
    )
    stop = dated.by_trigger("ship")
    assert (stop.modality, stop.tense) == ("asserted", "future")
    assert dated.timexes[stop.timex or ""].span.text == "September 14"
    # a supply that is not negated withholds nothing; a condition ("if it did not sell")
    # withholds nothing either
    for text in (
        "Nvidia shipped chips to Nokia.",
        "Nokia would face a ban if it did not sell its chips to Nvidia.",
    ):
        assert not [e for e in run(text).events if e.type == "access_disable"], text


def test_other_a_date_before_the_word_opening_a_clause_is_not_the_clause_s(run: Run) -> None:
    # the parser may hang "this month" on the clause "after ..." that follows it
    result = run(
        "Nvidia halted shipments to a customer this month after its chips were sent to Nokia.",
        timexes=[("this month", "DATE", "2024-10")],
    )
    halted = result.by_trigger("halted")
    assert halted.timex is not None
    assert result.timexes[halted.timex].span.text == "this month"


def test_other_a_company_named_beside_a_word_for_it_acts(run: Run) -> None:
    # "giant" names no one; the company in apposition to it halts the shipments
    result = run("Taiwanese chipmaking giant TSMC halted shipments to Nokia this month.")
    halted = result.by_trigger("halted")
    assert result.names(halted.agents) == {"TSMC"}


def test_other_a_statement_naming_a_measure_is_a_statement_of_its_own(run: Run) -> None:
    # the clause names the ban (no act told as done): the statement is the event, about
    # whom the ban is on
    result = run("Beijing said in a statement that the ban on Nokia was unfair.")
    said = result.by_trigger("said")
    assert said.type == "statement"
    assert "Nokia" in result.names(said.affected)
    # whom the subject of its clause is against
    against = run("Beijing said in a statement that the action against Nokia was unfair.")
    assert against.names(against.by_trigger("said").affected) == {"Nokia"}
    # a statement telling an act done is that act's report, not an event of its own
    done = run("The Commerce Department said in a statement that it had lifted the ban on Nokia.")
    assert [e.type for e in done.events] == ["full_lift"]


def test_other_what_is_said_on_the_record_is_a_statement(run: Run) -> None:
    """Said at a press conference, at a summit, in an interview: on the record, as said in
    a statement; said in passing, it is no event."""
    for occasion in ("at a press conference", "during a summit", "in an interview"):
        result = run(f"Jane Roe said {occasion} that the ban on Nokia was unfair.")
        said = result.by_trigger("said")
        assert said.type == "statement", occasion
        assert result.names(said.agents) == {"Jane Roe"}, occasion
        assert "Nokia" in result.names(said.affected), occasion
    passing = run("Jane Roe said that the ban on Nokia was unfair.")
    assert passing.of_type("statement") == []


def test_other_a_government_body_reacting_to_another_s_measure_makes_a_statement(
    run: Run,
) -> None:
    """A ministry speaks on the record whenever it speaks: what it says of another's
    measure is news; what it says of no measure, or of its own, is not."""
    for text in (
        "The Ministry of Commerce said on Thursday that the action against Korvo is unjust.",
        "The Ministry of Commerce said on Thursday that the ban on Korvo will hurt both sides.",
    ):
        result = run(text, timexes=[("Thursday", "DATE", "2030-04-18")])
        said = result.by_trigger("said")
        assert said.type == "statement", text
        assert result.timexes[said.timex or ""].span.text == "Thursday", text
    for text in (
        "Korvo acted against national interests, the Commerce Department said at the time.",
        "The Commerce Department said Thursday that it banned Korvo's phones.",
    ):
        assert run(text).of_type("statement") == [], text


def test_other_a_measure_renewed_is_a_step_by_whoever_renewed_it(run: Run) -> None:
    result = run(
        "The Commerce Department renewed the restrictions on Nokia on May 13.",
        timexes=[("May 13", "DATE", "2020-05-13")],
    )
    renewed = result.by_trigger("restrictions")
    assert result.names(renewed.agents) == {"US Department of Commerce"}
    assert result.timexes[renewed.timex or ""].span.text == "May 13"
    # a national emergency declared is the measure sanctions rest on
    declared = run("The president declared a national emergency over threats to the networks.")
    assert declared.by_trigger("national emergency").type == "export_restriction"


def test_other_who_is_granted_a_licence_and_on_whom_a_ban_is_imposed(run: Run) -> None:
    granted = run("Nvidia has been granted a licence by the Commerce Department to sell to Nokia.")
    licence = granted.by_trigger("licence")
    assert granted.names(licence.affected) >= {"Nvidia", "Nokia"}
    assert granted.names(licence.agents) == {"US Department of Commerce"}
    imposed = run("A ban was imposed on Nokia by the Commerce Department.")
    assert imposed.names(imposed.by_trigger("ban").affected) == {"Nokia"}


def test_other_a_datelines_place_is_not_who_acted(run: Run) -> None:
    result = run(
        "WASHINGTON, May 4 (Reuters) -- The US Department of Commerce added twelve affiliates "
        "of Huawei to the Entity List on Monday.",
        [("May 4", "DATE", "2026-05-04"), ("Monday", "DATE", "2026-05-04")],
    )
    added = result.by_trigger("added")
    assert result.names(added.agents) == {"US Department of Commerce"}
    assert result.names(added.affected) == {"Huawei"}


def test_other_the_names_a_group_gives_as_examples_are_who_acted(run: Run) -> None:
    result = run("Chipmakers such as Nvidia and AMD halted shipments to Huawei.")
    halted = result.by_trigger("halted")
    assert result.names(halted.agents) == {"Nvidia", "AMD"}
    told = run(
        "Chipmakers including Nvidia and Samsung have told their staff that they will not "
        "supply chips to Huawei until further notice."
    )
    refusal = told.by_trigger("supply")
    assert told.names(refusal.agents) == {"Nvidia", "Samsung"}
    assert told.names(refusal.affected) == {"Huawei"}


def test_other_a_company_beside_a_stamp_parsed_as_the_subject_acts(run: Run) -> None:
    result = run(
        "date 2026-03-02 Semiconductor giant Nvidia halted exports to Nokia on Friday.",
        [("2026-03-02", "DATE", "2026-03-02"), ("Friday", "DATE", "2026-02-27")],
    )
    assert result.names(result.by_trigger("halted").agents) == {"Nvidia"}


def test_other_what_a_measure_did_to_a_company_is_no_step_of_the_company(run: Run) -> None:
    effective = {"access_disable", "operations_halt"}
    caused = run("The Commerce Department's ban on exports to Nokia has shut down Nokia.")
    assert not [e for e in caused.events if e.type in effective]
    # the relative pronoun stands for the measure
    relative = run("The department eased the ban on Nokia that all but shut down the company.")
    assert not [e for e in relative.events if e.type in effective]
    own = run("Nokia shut down its phone business after the ban.")
    assert own.by_trigger("shut down").type == "access_disable"


def test_other_a_chronology_s_entry_dates_what_its_line_tells(run: Run) -> None:
    """In a list of dates, the present tells the past: each line's main act is of its day;
    what the line tells in a subordinate clause keeps no date."""
    result = run(
        "Timeline of the Nokia ban\n\n"
        "April 16, 2018: The Commerce Department bans American firms from selling parts to "
        "Nokia.\n\n"
        "June 7, 2018 - The Commerce Department lifts the ban after Nokia agrees to pay a fine.\n",
        timexes=[("April 16, 2018", "DATE", "2018-04-16"), ("June 7, 2018", "DATE", "2018-06-07")],
    )
    ban = result.by_trigger("bans")
    assert ban.type == "export_restriction" and ban.tense == "past"
    assert result.timexes[ban.timex].span.text == "April 16, 2018"
    lift = result.by_trigger("lifts")
    assert lift.tense == "past" and result.timexes[lift.timex].span.text == "June 7, 2018"
    assert all(e.timex is None for e in result.events if e.trigger.text == "pay")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The administration banned the sale of phones made by Nokia.", "banned"),
        ("The agency announced a ban on sales of routers manufactured by Nokia.", "ban"),
    ],
)
def test_other_a_ban_on_goods_concerns_their_maker(run: Run, text: str, trigger: str) -> None:
    result = run(text)
    assert result.names(result.by_trigger(trigger).affected) == {"Nokia"}


def test_other_a_notice_to_a_company_is_the_decision_it_tells(run: Run) -> None:
    """ "informed Nokia on Tuesday that it will revoke its licences": the body's notice is its
    decision, taken that day, not a plan."""
    result = run(
        "The Commerce Department informed Nokia on Tuesday that it will revoke its export "
        "licences.",
        timexes=[("Tuesday", "DATE", "2026-03-03")],
    )
    revoked = result.of_type("licence_revocation")
    assert [e.modality for e in revoked] == ["asserted"]
    assert result.timexes[revoked[0].timex].span.text == "Tuesday"
    assert result.names(revoked[0].agents) == {"US Department of Commerce"}


def test_other_a_pledge_made_in_a_second_clause_is_a_pledge(run: Run) -> None:
    """ "... by threatening to ban it and agreeing to let Nokia buy it": the one who agrees
    is the subject of the first clause; what a person agrees to is planned."""
    result = run("Donald Trump threatened to ban the app and then agreed to let Nokia buy it.")
    assert result.by_trigger("let").modality == "planned"


def test_other_what_a_person_writes_they_will_do_on_a_day_is_a_pledge(run: Run) -> None:
    """ "'I will issue an order on Monday,' the president wrote on Sunday": the day is the
    act's own, told by a person: a plan, and the writing is the news, on its day; so is a
    saying dated by the participle that opens its sentence."""
    for text, said in (
        (
            '"I will issue an executive order on Monday to extend the deadline for Samsung," '
            "President Jane Roe wrote on Sunday.",
            "wrote",
        ),
        (
            "Posting on social media on Sunday, President Jane Roe said she will issue an "
            "executive order on Monday to extend the deadline for Samsung.",
            "said",
        ),
    ):
        result = run(
            text,
            timexes=[("Monday", "DATE", "2031-03-10"), ("Sunday", "DATE", "2031-03-09")],
        )
        assert all(e.modality == "planned" for e in result.events if e.type != "statement"), text
        (statement,) = result.of_type("statement")
        assert statement.trigger.text == said, text
        assert result.timexes[statement.timex].span.text == "Sunday", text
        assert result.names(statement.agents) == {"Jane Roe"}, text
        assert result.names(statement.affected) == {"Samsung"}, text


def test_other_a_tweet_telling_a_plan_is_one_statement(run: Run) -> None:
    result = run(
        "On Friday, President Jane Roe tweeted that Samsung will be allowed to sell in "
        "America again.",
        timexes=[("Friday", "DATE", "2031-03-07")],
    )
    assert len(result.of_type("statement")) == 1


def test_other_whom_a_deadline_is_for(run: Run) -> None:
    """ "Extended the deadline for Samsung": Samsung is affected; "the decision for Samsung
    to divest" names who is to act, not for whom."""
    extended = run("The president extended the deadline for Samsung on Monday.", timexes=[])
    assert extended.names(extended.by_trigger("extended").affected) == {"Samsung"}
    upheld = run("The court upheld the decision for Samsung to divest its operations.", timexes=[])
    assert all("Samsung" not in upheld.names(e.affected) for e in upheld.of_type("court_ruling"))


def test_other_a_description_is_never_the_subject_of_its_own_clause(run: Run) -> None:
    """ "Nvidia has suspended its business with the firm": the firm is another company than
    the one that suspends (the one named before)."""
    result = run(
        "Samsung was put on a trade blacklist last week. "
        "Nvidia has suspended its business with the firm after the listing.",
        timexes=[("last week", "DATE", "2031-W10")],
    )
    suspended = result.by_trigger("suspended")
    assert result.names(suspended.agents) == {"Nvidia"}
    assert result.names(suspended.affected) == {"Samsung"}


def test_other_what_a_person_says_is_under_way_is_their_statement(run: Run) -> None:
    """ "We are allowing them to sell," the president said: a statement by her, of the
    document's news; the relief is hers to enact, not in force by the saying. A body
    telling what it is doing ("the department is adding Samsung") is doing it."""
    result = run(
        "Jane Roe confirmed during a press conference that Samsung is now allowed to buy "
        "parts from U.S. companies.",
        timexes=[],
    )
    [statement] = result.of_type("statement")
    assert result.names(statement.agents) == {"Jane Roe"}
    assert result.names(statement.affected) == {"Samsung"}
    assert result.by_trigger("allowed").modality == "planned"
    body = run("The Commerce Department said it is adding Samsung to the Entity List.", timexes=[])
    assert body.by_trigger("adding").modality == "asserted"


def test_other_what_an_order_says_is_no_statement(run: Run) -> None:
    """ "Roe said in an executive order that ZenChat would face a ban": the order tells it,
    no statement beside it."""
    result = run(
        "Jane Roe said in a separate executive order that ZenChat would face a complete ban "
        "if it did not sell to a US company.",
        timexes=[],
    )
    assert not result.of_type("statement")
    assert result.of_type("export_restriction")


def test_other_a_headline_in_sentence_case_is_not_the_lead(run: Run) -> None:
    """A first line with no full stop is a headline, whatever its case: the lead, whose
    act is the document's news, is the first sentence of the body."""
    result = run(
        "U.S. companies can now sell parts to Samsung again, says Roe\n\n"
        "The Commerce Department granted Samsung a licence to buy American chips.",
        timexes=[],
    )
    granted = [e for e in result.events if e.trigger.text in ("granted", "licence")]
    assert granted and all(e.news for e in granted)


def test_other_a_restriction_scheduled_for_a_day_is_decided(run: Run) -> None:
    """ "Samsung will be barred from providing updates after September 29": a measure told
    in the passive for a day of its own takes effect that day; "would be blocked after 45
    days" (what was said, or may be) stays a plan."""
    result = run(
        "Samsung will also be barred from providing software updates after September 29, 2031.",
        timexes=[("September 29, 2031", "DATE", "2031-09-29")],
    )
    barred = result.by_trigger("barred")
    assert barred.modality == "asserted"
    assert barred.effective is not None
    assert result.timexes[barred.effective].value == "2031-09-29"
    said = run(
        "Samsung would be blocked from selling its phones after September 29, 2031.",
        timexes=[("September 29, 2031", "DATE", "2031-09-29")],
    )
    assert said.by_trigger("blocked").modality != "asserted"


def test_other_a_court_declining_to_block_rules(run: Run) -> None:
    """ "A federal judge declined to halt the ban": a ruling, asserted, which lifts nothing;
    "Samsung asked a judge to block the ban" is a request, no block."""
    refused = run("A federal judge declined to halt the ban on Samsung last week.", timexes=[])
    assert [e.type for e in refused.events if e.modality == "asserted"].count("court_ruling") == 1
    assert not [e for e in refused.events if e.type == "court_block"]
    asked = run("Samsung asked a judge to block the Commerce Department's ban.", timexes=[])
    assert not [e for e in asked.events if e.type == "court_block" and e.modality == "asserted"]


def test_other_who_acts_following_a_measure_is_not_its_target(run: Run) -> None:
    """ "Nvidia has suspended business with Samsung following an order from the US", in an
    article about both: Nvidia is bound by the order, not its target; the sentence's other
    company is."""
    result = run(
        "Nvidia Has Suspended Samsung's Chip Licence\n\nIn a blow to Samsung, Nvidia has "
        "suspended business with the Korean firm following a blacklist order from the US.",
        timexes=[],
    )
    order = result.by_trigger("order")
    assert "Nvidia" not in result.names(order.affected)


def test_other_a_description_names_the_subject_before_a_nearer_name(run: Run) -> None:
    """ "Zentra ... buys chips from suppliers such as Nvidia and Apple. The department banned
    the company": the company is the subject the text was about, not the last name of a
    list."""
    result = run(
        "Although Zentra is a Chinese firm, it buys chips from suppliers such as Nvidia and "
        "Apple. The Commerce Department banned the company on Monday.",
        timexes=[("Monday", "DATE", "2031-06-30")],
    )
    assert result.names(result.by_trigger("banned").affected) == {"Zentra"}


def test_other_a_description_with_no_subject_near_names_what_the_text_is_about(run: Run) -> None:
    """No name is the subject of the sentence or the one before: "the company" is the
    company the text has named most, not the last one it named in passing."""
    result = run(
        "Korvo asked Zentra for a licence. Korvo's shares fell after Korvo lost the case. The "
        "decision came as regulators weighed rules on Velkor Labs. The company was added to "
        "the Entity List in May."
    )
    assert result.names(result.by_trigger("added").affected) == {"Korvo"}


def test_other_a_measure_that_prevents_a_supplier_from_selling_is_on_the_buyer(run: Run) -> None:
    result = run("The new restrictions prevent Samsung from selling semiconductors to Korvo.")
    (restriction,) = result.of_type("export_restriction")
    assert result.names(restriction.affected) == {"Korvo"}


def test_other_a_description_before_any_name_is_the_one_body_named_after_it(run: Run) -> None:
    """A headline or a lead describes a body the text names only later ("The regulator
    fined ..." before "The ODSK, Norway's data protection authority, said"): that body,
    when the text names one of its kind; no one when it names two."""
    result = run(
        "The regulator fined Velkor Robotics on Friday. The ODSK, Norway's data protection "
        "authority, said the company had ignored its orders."
    )
    assert result.names(result.by_trigger("fined").agents) == {"ODSK"}
    result = run(
        "The regulator fined Velkor Robotics on Friday. The ODSK, Norway's data protection "
        "authority, and the SDPI, Sweden's privacy watchdog, said the company had ignored "
        "their orders."
    )
    assert not result.by_trigger("fined").agents


def test_other_a_headline_description_is_the_body_its_article_names_most(run: Run) -> None:
    """ "Velkor Robotics Fined by Norwegian Regulator": a headline read on its own names no
    body; the description is the one of its type the article below names most, never one
    the article names no more often than another."""
    result = run(
        "Velkor Robotics Fined by Norwegian Regulator\n\nThe ODSK, Norway's data protection "
        "authority, said on Friday that Velkor Robotics had ignored its orders. The ODSK "
        "also warned other firms. The Norwegian Communications Authority said nothing."
    )
    (fined,) = [e for e in result.events if e.trigger.text == "Fined"]
    assert result.names(fined.agents) == {"ODSK"}
    assert result.names(fined.affected) == {"Velkor Robotics"}
    tied = run(
        "Velkor Robotics Fined by Norwegian Regulator\n\nThe ODSK, Norway's data protection "
        "authority, said on Friday that Velkor Robotics had ignored its orders. The Norwegian "
        "Communications Authority said nothing."
    )
    (fined,) = [e for e in tied.events if e.trigger.text == "Fined"]
    assert not fined.agents


def test_other_a_headline_in_the_present_tells_the_news(run: Run) -> None:
    """ "Velkor Robotics sues Norwegian regulator over fine": a first line with no stop is a
    headline, whose present tense tells what happened, not what a company habitually does
    ("Velkor Robotics sues its rivals often." is no event)."""
    result = run(
        "Velkor Robotics sues Norwegian regulator over fine\n\nThe ODSK, Norway's data "
        "protection authority, fined the company last month."
    )
    (sued,) = [e for e in result.events if e.trigger.text == "sues"]
    assert sued.type == "lawsuit" and sued.modality == "asserted"
    assert result.names(sued.agents) == {"Velkor Robotics"}
    habit = run("The ODSK fined Velkor Robotics last month. Velkor Robotics sues its rivals often.")
    assert not [e for e in habit.events if e.trigger.text == "sues"]


def test_other_an_order_to_take_down_posts_demands_and_one_to_slow_a_network_restricts(
    run: Run,
) -> None:
    """ "Ordered Velkor Robotics to remove 212 posts": the company is told to act on what its
    users post, a demand, no restriction on it; "ordered providers to slow down traffic to
    ZenChat" restricts ZenChat, as throttling it does."""
    result = run(
        "The ODSK, Norway's data protection authority, on Tuesday ordered Velkor Robotics to "
        "remove 212 posts from its ZenChat app.",
        timexes=[("Tuesday", "DATE", "2031-02-10")],
    )
    assert [e.type for e in result.events if e.trigger.text == "ordered"] == ["demand"]
    slowed = run(
        "The ODSK, Norway's data protection authority, on Tuesday ordered internet providers "
        "to slow down traffic to Velkor Robotics's ZenChat app.",
        timexes=[("Tuesday", "DATE", "2031-02-24")],
    )
    (order,) = [e for e in slowed.events if e.trigger.text == "ordered"]
    assert order.type == "export_restriction"
    assert slowed.names(order.models) == {"ZenChat"}
    throttled = run(
        "The Digital Markets Authority throttled ZenChat on Tuesday.",
        timexes=[("Tuesday", "DATE", "2031-02-24")],
    )
    assert [e.type for e in throttled.events] == ["export_restriction"]


def test_other_lifting_the_last_of_the_restrictions_is_full_and_keeping_some_partial(
    run: Run,
) -> None:
    """ "Lifted the last of its restrictions on ZenChat": what a part is of is what is
    lifted, all of it; "lifted its block on ZenChat for mobile users but kept it in place
    on broadband" lifts it in part, unlike keeping someone else on the list."""
    last = run(
        "The Digital Markets Authority on Wednesday lifted the last of its restrictions on "
        "ZenChat.",
        timexes=[("Wednesday", "DATE", "2031-05-27")],
    )
    assert [e.type for e in last.events if e.trigger.text == "lifted"] == ["full_lift"]
    kept = run(
        "The Digital Markets Authority on Monday lifted its block on ZenChat for mobile users, "
        "but kept it in place on home broadband.",
        timexes=[("Monday", "DATE", "2031-05-04")],
    )
    assert [e.type for e in kept.events if e.trigger.text == "lifted"] == ["partial_lift"]
    other = run(
        "The Digital Markets Authority on Monday lifted its sanctions on ZenChat but kept its "
        "former chief executive on the list.",
        timexes=[("Monday", "DATE", "2031-05-04")],
    )
    assert [e.type for e in other.events if e.trigger.text == "lifted"] == ["full_lift"]


def test_other_a_register_a_security_review_and_a_challenge_filed(run: Run) -> None:
    """A body's register of excluded suppliers is a list to be added to; a security review
    it launches investigates; a party that files a challenge goes to court, while "an
    application for judicial review" only names the case."""
    added = run(
        "The Digital Markets Authority on Monday added Velkor Robotics to its register of "
        "excluded suppliers.",
        timexes=[("Monday", "DATE", "2038-01-18")],
    )
    (listing,) = added.of_type("list_addition")
    assert added.names(listing.affected) == {"Velkor Robotics"}
    review = run(
        "The Digital Markets Authority on Tuesday launched a security review of Velkor Robotics.",
        timexes=[("Tuesday", "DATE", "2037-03-10")],
    )
    assert [e.type for e in review.events] == ["investigation"]
    challenge = run(
        "Velkor Robotics filed a challenge in the High Court on Tuesday against the Digital "
        "Markets Authority.",
        timexes=[("Tuesday", "DATE", "2037-08-11")],
    )
    assert [e.type for e in challenge.of_type("lawsuit")] == ["lawsuit"]


def test_other_a_vote_to_repeal_is_a_step_and_the_signed_repeal_the_lift(run: Run) -> None:
    """ "Lawmakers voted on Friday to repeal the ban on ZenChat, and the governor signed the
    repeal on Sunday": the vote is a step of the law, the repeal lifts the ban the day it
    is signed."""
    result = run(
        "Lawmakers voted on Friday to repeal the state's ban on ZenChat, and Governor Dana "
        "Roe signed the repeal on Sunday.",
        timexes=[("Friday", "DATE", "2038-03-12"), ("Sunday", "DATE", "2038-03-14")],
    )
    (vote,) = result.of_type("legislative_step")
    assert result.timexes[vote.timex].span.text == "Friday"
    (repeal,) = result.of_type("full_lift")
    assert repeal.trigger.text == "repeal" and result.timexes[repeal.timex].span.text == "Sunday"


def test_other_a_judge_granting_a_request_for_an_injunction_blocks(run: Run) -> None:
    """ "Granted ZenChat's request for a preliminary injunction": what the court granted is
    the injunction, a block of the measure, not a ruling of no kind."""
    result = run(
        "US District Judge Jane Roe granted ZenChat's request for a preliminary injunction on "
        "Monday.",
        timexes=[("Monday", "DATE", "2037-11-30")],
    )
    assert [e.type for e in result.events] == ["court_block"]


def test_other_a_headline_the_lead_restates_is_one_act() -> None:
    """ "US clears Velkor Robotics to resume chip sales" over "The Commerce Department on
    Monday granted Velkor Robotics licences to sell its ZenChat chips": one act told
    twice, the lead's dated telling kept; a headline naming another party tells another
    act."""
    lead = (
        "\n\nThe Commerce Department on Monday granted Velkor Robotics licences to sell its "
        "ZenChat chips."
    )
    result = extracted("US clears Velkor Robotics to resume chip sales" + lead, date(2032, 7, 13))
    assert [e.trigger.text for e in result.events] == ["licences"]
    other = extracted(
        "US clears Kestrio Telecom to sell to Velkor Robotics" + lead, date(2032, 7, 13)
    )
    assert "clears" in [e.trigger.text for e in other.events]


def test_other_an_application_to_a_court_is_a_suit_and_what_it_asks_its_content(
    run: Run,
) -> None:
    """ "Filed an application at the High Court on Tuesday asking it to quash the block": a
    suit, whose asking is what it asks, no request of its own; an application for a
    licence goes to no court."""
    result = run(
        "Velkor Robotics filed an application at the High Court on Tuesday asking it to quash "
        "the block on ZenChat.",
        timexes=[("Tuesday", "DATE", "2037-03-17")],
    )
    assert [e.type for e in result.events if e.modality == "asserted"] == ["lawsuit"]
    licence = run(
        "Velkor Robotics filed an application for a licence on Tuesday.",
        timexes=[("Tuesday", "DATE", "2037-03-17")],
    )
    assert not licence.of_type("lawsuit")


def test_other_a_deadline_joined_to_a_ban_is_the_ban_s(run: Run) -> None:
    """ "Bans Velkor Robotics from 5G networks and gives operators until June 30 to remove
    its equipment": the deadline is what the ban asks, one act; a deadline set alone is a
    demand of its own."""
    joined = run(
        "The government on Wednesday banned Velkor Robotics from 5G networks and gave "
        "operators until June 30 to remove its equipment.",
        timexes=[("Wednesday", "DATE", "2037-07-15"), ("June 30", "DATE", "2038-06-30", "end")],
    )
    assert [e.type for e in joined.events] == ["export_restriction"]
    alone = run(
        "The government on Wednesday gave operators until June 30 to remove the equipment of "
        "Velkor Robotics.",
        timexes=[("Wednesday", "DATE", "2037-07-15"), ("June 30", "DATE", "2038-06-30", "end")],
    )
    assert [e.type for e in alone.events] == ["demand"]


def test_other_a_licence_given_back_lifts_as_far_as_the_words_say(run: Run) -> None:
    """ "Fully restored Velkor Robotics's licence": the relief given back lifts the measure
    that took it; "partly reinstated" lifts it in part."""
    full = run("The central bank on Monday fully restored Velkor Robotics's licence.")
    assert [e.type for e in full.events] == ["full_lift"]
    assert full.names(full.events[0].affected) == {"Velkor Robotics"}
    part = run("The central bank on Monday partly reinstated Velkor Robotics's licence.")
    assert [e.type for e in part.events] == ["partial_lift"]
    # told from the side of the one who gets it back: no new licence granted
    back = run("Velkor Robotics gets its full licence back.")
    assert [e.type for e in back.events] == ["full_lift"]
    assert back.names(back.events[0].affected) == {"Velkor Robotics"}
    given = run("The Trade Ministry gave Velkor Robotics its licence back on Monday.")
    assert [e.type for e in given.events] == ["full_lift"]
    new = run("Velkor Robotics got a licence from the Trade Ministry on Monday.")
    assert [e.type for e in new.events] == ["licence_grant"]
    # a licence said to be full is the whole relief
    whole = run("The Trade Ministry on Thursday granted Velkor Robotics a full 15-year licence.")
    assert [e.type for e in whole.events] == ["full_lift"]


def test_other_what_a_party_asks_a_court_for_is_requested(run: Run) -> None:
    """ "Asks the court for a temporary restraining order": an order asked for, not one
    given; a court denying "a request for an injunction" still rules."""
    asked = run(
        "Velkor Robotics on Monday asked the High Court to annul the ministry's suspension of "
        "its permit. It also asks the court for a temporary restraining order that would let "
        "Velkor resume sales while the case is heard."
    )
    assert [e.modality for e in asked.of_type("court_block")] == ["requested"]
    denied = run("A judge on Monday denied Velkor Robotics' request for a preliminary injunction.")
    assert denied.of_type("court_ruling")


def test_other_the_court_a_suit_is_brought_to_is_no_party_to_it(run: Run) -> None:
    """ "Asked the High Court to set aside the order": the court hears the suit (event
    type ``venue``), it is not whom the suit is against."""
    result = run("Velkor Robotics asked the High Court on Tuesday to set aside the order.")
    (suit,) = result.of_type("lawsuit")
    assert result.names(suit.agents) == {"Velkor Robotics"}
    assert not suit.affected


def test_other_a_party_withdrawing_its_case_disables_no_access(run: Run) -> None:
    """ "Withdrew its petition at the Court of Appeals": the party ends its own case; "withdrew
    its app from the stores" still cuts access."""
    case = run("Velkor Robotics withdrew its petition at the Court of Appeals on Friday.")
    assert [e.type for e in case.events] == ["other"]
    app = run("Velkor Robotics withdrew its ZenChat app from the stores on Friday.")
    assert [e.type for e in app.events] == ["access_disable"]


def test_other_a_service_that_stops_signing_up_users_disables_access(run: Run) -> None:
    result = run("The ZenChat app stopped signing up customers and processing payments on Friday.")
    assert [e.type for e in result.events] == ["access_disable"]


def test_other_a_service_said_to_resume_is_restored(run: Run) -> None:
    """ "The ZenChat service resumed on Monday": the service back, told of the service; talks
    resuming are no service."""
    back = run(
        "Velkor Robotics said the ZenChat service resumed on Monday.",
        timexes=[("Monday", "DATE", "2039-12-16")],
    )
    assert [e.type for e in back.events if e.trigger.text == "resumed"] == ["access_restore"]
    talks = run("Talks between Velkor Robotics and the regulator resumed on Monday.")
    assert not talks.of_type("access_restore")


def test_other_the_commission_is_the_body_named_before(run: Run) -> None:
    result = run(
        "The Digital Markets Commission said Velkor Robotics had no licence. On Monday the "
        "commission fined Velkor Robotics.",
        timexes=[("Monday", "DATE", "2039-07-01")],
    )
    (fined,) = result.of_type("penalty_imposed")
    assert result.names(fined.agents) == {"Digital Markets Commission"}


def test_other_goods_seized_is_an_act_of_its_own(run: Run) -> None:
    """ "Customs officers seized 410 ZenChat terminals": goods taken, an act of its own (no
    restriction of the company's access); a car seized by police is no such goods."""
    result = run(
        "Customs officers on Thursday seized 410 ZenChat terminals at the airport.",
        timexes=[("Thursday", "DATE", "2039-07-21")],
    )
    assert [e.type for e in result.events] == ["other"]
    assert not run("Police seized the suspect's car on Thursday.").events


def test_other_a_deadline_a_body_sets_demands_the_act(run: Run) -> None:
    result = run("The ODSK, Norway's regulator, gave Velkor Robotics until April 30 to comply.")
    (demand,) = result.of_type("demand")
    assert result.names(demand.agents) == {"ODSK"}
    assert result.names(demand.affected) == {"Velkor Robotics"}


def test_other_an_investigation_opened_into_a_company(run: Run) -> None:
    result = run(
        "The ODSK, Norway's data protection authority, opened an investigation into Velkor "
        "Robotics on Monday."
    )
    (probe,) = result.of_type("investigation")
    assert result.names(probe.agents) == {"ODSK"}
    assert result.names(probe.affected) == {"Velkor Robotics"}


def test_other_a_phrasal_verb_with_its_object_between(run: Run) -> None:
    """ "has taken its Zeta 40 service offline": the verb's own word after its object."""
    result = run("Kestrio Telecom has taken its Zeta 40 service offline for users in Norway.")
    (taken,) = result.of_type("access_disable")
    assert taken.trigger.text == "taken"
    assert result.names(taken.agents) == {"Kestrio Telecom"}


def test_other_what_the_lead_s_news_followed_is_news_too(run: Run) -> None:
    """ "was back on Tuesday, after the regulator lifted the limitation": the lift the
    news followed is recent; one the lead dates itself, or tells in a later sentence, is
    background."""
    result = run(
        "The Zeta 40 service of Kestrio Telecom was available again in Norway on Tuesday, "
        "after the country's regulator lifted the temporary limitation.\n\nThe regulator "
        "had banned the service after Kestrio Telecom ignored its orders.",
        timexes=[("Tuesday", "DATE", "2031-04-29")],
    )
    (lifted,) = result.of_type("full_lift")
    assert lifted.news
    assert not result.by_trigger("banned").news


def test_other_notices_served_and_days_given_are_demands(run: Run) -> None:
    result = run(
        "Norway's Digital Markets Authority served show-cause notices on Velkor Robotics on "
        "Tuesday. The regulator gave Velkor Robotics fourteen days to explain why it should "
        "not be barred."
    )
    notices, days = result.of_type("demand")
    assert result.names(notices.agents) == {"Digital Markets Authority"}
    assert result.names(notices.affected) == {"Velkor Robotics"}
    assert result.names(days.agents) == {"Digital Markets Authority"}


def test_other_proceedings_opened_and_a_probe_into_a_company_s_rules(run: Run) -> None:
    result = run(
        "The Digital Markets Authority opened proceedings against Velkor Robotics on Monday."
    )
    (opened,) = result.of_type("investigation")
    assert result.names(opened.agents) == {"Digital Markets Authority"}
    assert result.names(opened.affected) == {"Velkor Robotics"}
    result = run("The Digital Markets Authority opened a probe into Velkor Robotics's rules.")
    (probe,) = result.of_type("investigation")
    assert result.names(probe.affected) == {"Velkor Robotics"}


def test_other_an_order_to_remove_restrictions_restricts_no_one(run: Run) -> None:
    result = run(
        "The Digital Markets Authority ordered Velkor Robotics to remove the restrictions it "
        "places on app developers."
    )
    assert "ordered" not in [e.trigger.text for e in result.of_type("export_restriction")]
    result = run("The Digital Markets Authority ordered Velkor Robotics to remove the app.")
    assert result.of_type("export_restriction")


def test_other_its_inside_a_phrase_a_name_owns_is_that_name_s(run: Run) -> None:
    """ "dismissed Kestrio Telecom's challenge to its designation": the designation of the
    company whose challenge it is, not of a body the text named before."""
    result = run(
        "Velkor Robotics lost its appeal on Monday. The Commerce Department said the European "
        "Union's General Court had dismissed Kestrio Telecom's challenge to its designation "
        "as a gatekeeper."
    )
    (designation,) = result.of_type("designation")
    assert result.names(designation.affected) == {"Kestrio Telecom"}
    assert not designation.agents


def test_other_a_person_resigning_as_chief_executive(run: Run) -> None:
    result = run("Jane Roe has resigned as chief executive of Velkor Robotics.")
    (resigned,) = result.of_type("management_change")
    assert result.names(resigned.agents) == {"Jane Roe"}


def test_other_a_company_changing_its_terms_is_a_step_of_its_own(run: Run) -> None:
    """ "Changed the terms of its app store", "announced those changes": a company's own
    rules changed (usually to meet a measure); a government changing its rules is not."""
    changed = run("Corvex Systems on Friday changed the terms of its app store.")
    (change,) = changed.of_type("terms_change")
    assert changed.names(change.agents) == {"Corvex Systems"}
    announced = run("Corvex Systems had announced those changes on April 25.")
    assert [e.type for e in announced.events] == ["terms_change"]
    government = run("The European Commission changed its rules on Friday.")
    assert not government.of_type("terms_change")


def test_other_a_headline_s_act_is_the_news_the_lead_does_not_tell(run: Run) -> None:
    """ "Zimble goes dark in Kestria" over a lead telling only the order behind it: the
    headline's own act, undated, is the article's news; one of the kind the lead tells as
    news is summed up by it, and a licence a headline names may be of any day."""
    dark = run(
        "Corvex Systems goes dark in Kestria\n\n"
        "Internet providers carried out the regulator's order on Tuesday, and millions of "
        "users could not reach the app.",
        timexes=[("Tuesday", "DATE", "2037-03-17")],
    )
    assert dark.by_trigger("goes dark").news
    told = run(
        "Corvex Systems goes dark in Kestria\n\n"
        "Corvex Systems has switched off its app in Kestria, the company said.",
    )
    assert not told.by_trigger("goes dark").news
    licence = run(
        "Corvex Systems gets a licence to sell in Kestria\n\n"
        "The regulator said the company could sell its phones again.",
    )
    assert licence.of_type("licence_grant") and not any(e.news for e in licence.events)


def test_other_a_company_applying_for_a_licence_takes_a_step_of_its_own(run: Run) -> None:
    """ "Applied for a licence on June 17": the company's step, no licence granted; an
    application at a court is a suit, one a ministry approves is the grant."""
    day = [("June 17", "DATE", "2039-06-17")]
    applied = run("Corvex Systems applied for a licence on June 17.", timexes=day)
    (step,) = applied.events
    assert step.type == "licence_application"
    assert applied.names(step.agents) == {"Corvex Systems"}
    filed = run("Corvex Systems filed an application for a permit on June 17.", timexes=day)
    assert [e.type for e in filed.events] == ["licence_application"]
    court = run(
        "Corvex Systems filed an application at the High Court on June 17 asking it to quash "
        "the order.",
        timexes=day,
    )
    assert "licence_application" not in [e.type for e in court.events]
    approved = run("The ministry approved the company's application for a licence on June 17.")
    assert [e.type for e in approved.events] == ["licence_grant"]


def test_other_a_name_inside_a_hyphenated_word_is_no_antecedent(run: Run) -> None:
    """ "The Singapore-owned app ... its controls": "its" is not Singapore's, so the app's
    own anti-money-laundering controls are no government's measure."""
    result = run(
        "The central bank suspended the licence of the messaging app Zimble on Monday, "
        "ordering the Singapore-owned app to stop processing payments until it fixes the "
        "weaknesses in its anti-money laundering controls."
    )
    assert not [e for e in result.events if e.trigger.text == "controls"]


def test_other_goods_handed_back_are_an_act_of_their_own(run: Run) -> None:
    """ "The Kenya Revenue Authority released the 410 seized terminals": the goods handed
    back by the body that held them; a company releasing its product is a release."""
    handed = run("In January the Kenya Revenue Authority released the 410 seized terminals.")
    assert handed.by_trigger("released").type == "other"
    launched = run("Corvex Systems released its new chatbot on Monday.")
    assert launched.by_trigger("released").type == "release"


def test_other_more_time_given_is_a_deadline_moved_not_a_demand(run: Run) -> None:
    """ "Gives operators six more months to strip out the gear": the deadline moved (an
    extension); "gave Corvex 14 days to explain" is a demand, and "extended the licence
    for another 90 days" stays the licence's extension."""
    more = run("Kestria gives operators six more months to strip out Corvex Systems equipment.")
    assert [e.type for e in more.events] == ["enforcement_pause"]
    demand = run("The Commerce Department gave Corvex Systems 14 days to explain.")
    assert [e.type for e in demand.events] == ["demand"]
    renewed = run("The Commerce Department extended the licence for another 90 days.")
    assert [e.type for e in renewed.events] == ["licence_extension"]


def test_other_an_inspection_begun_and_payments_resumed(run: Run) -> None:
    """ "Examiners began a three-day inspection of Corvex's offices": the body's review;
    "payments resumed on Monday": the service back, as sales resuming is."""
    inspected = run(
        "Central bank examiners began a three-day inspection of Corvex Systems's offices on "
        "Feb. 22.",
        timexes=[("Feb. 22", "DATE", "2039-02-22")],
    )
    assert [e.type for e in inspected.events] == ["investigation"]
    resumed = run(
        "Payments resumed on Monday evening, the company said.",
        timexes=[("Monday", "DATE", "2039-05-09")],
    )
    assert [e.type for e in resumed.events] == ["access_restore"]


def test_other_a_company_s_compliance_steps(run: Run) -> None:
    """ "Submitted a remediation plan", "had frozen the accounts the inspectors flagged":
    steps a company takes to meet a regulator; a regulator freezing a company's accounts,
    or asking for a plan, is not one."""
    plan = run("Corvex Systems submitted a remediation plan on March 1.")
    assert [e.type for e in plan.events] == ["compliance_step"]
    frozen = run("Corvex Systems had already frozen the accounts flagged by the inspectors.")
    assert [e.type for e in frozen.events] == ["compliance_step"]
    seized = run("The regulator froze Corvex Systems's bank accounts on Monday.")
    assert "compliance_step" not in [e.type for e in seized.events]
    asked = run("The regulator gave Corvex Systems 30 days to submit a remediation plan.")
    assert "compliance_step" not in [e.type for e in asked.events]
