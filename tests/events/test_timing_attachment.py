"""Time expressions date the event syntax attaches them to; the order stated becomes relations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from extract.records import DateRange
from tests.events.conftest import Result, extracted

Run = Callable[..., Result]  # conftest.run and run_parsed: text, timexes -> Result


def test_timing_date_attaches_to_the_nominal_order_not_the_main_verb(run_parsed: Run) -> None:
    result = run_parsed(
        "Following the June 12 export control order, Anthropic had disabled access to its flagship "
        "Claude Mythos 5 and Fable 5 models for all users while engaging with the US government.",
        timexes=[("June 12", "DATE", "XXXX-06-12")],
    )
    order = result.by_trigger("export control order")
    disabled = result.by_trigger("disabled")
    assert order.type == "export_restriction"
    assert result.timexes[order.timex or ""].span.text == "June 12"
    assert order.instrument is not None
    assert result.entities[order.instrument].type == "legal_instrument"
    assert disabled.timex is None
    assert disabled.type == "access_disable"
    assert result.names(disabled.agents) == {"Anthropic"}
    assert result.names(disabled.models) == {"Claude Mythos 5", "Fable 5"}
    assert [s.population for s in disabled.scope] == ["all_users"]
    assert [(r.relation, r.target) for r in disabled.relations] == [("after", order.id)]


def test_timing_duration_offset_becomes_a_relation_with_lag(run: Run) -> None:
    result = run(
        "The US government has partially eased restrictions on Anthropic's most advanced "
        "artificial intelligence model, allowing the company to provide access to selected "
        '"trusted partners" just two weeks after imposing export controls over national '
        "security concerns.",
        timexes=[("two weeks", "DURATION", "P2W")],
    )
    eased = result.by_trigger("eased")
    imposed = result.by_trigger("export controls")
    assert eased.type == "partial_lift"
    assert imposed.type == "export_restriction"
    assert [(r.relation, r.target, r.lag) for r in eased.relations] == [
        ("after", imposed.id, (14, 14))
    ]
    duration = result.timexes[eased.timex or ""]
    assert duration.span.text == "two weeks"
    assert duration.anchor == f"event:{imposed.id}"


def test_timing_previous_months_directive(run: Run) -> None:
    result = run(
        "This development marks a significant shift from the previous month's directive, which saw "
        "the Trump administration mandate Anthropic to restrict all foreign nationals, including "
        "its own employees, from accessing these models.",
        timexes=[("the previous month", "DATE", "XXXX-XX")],
    )
    directive = result.by_trigger("directive")
    assert directive.type == "export_restriction"
    assert result.timexes[directive.timex or ""].span.text == "the previous month"
    assert result.names(directive.agents) == {"Trump administration"}
    assert "foreign_nationals" in {s.population for s in directive.scope}
    assert len(result.events) == 1  # "mandate ... to restrict" is the same directive


def test_timing_event_subject_of_took_place(run: Run) -> None:
    result = run(
        "The move to limit AI use by foreign nationals by restricting Anthropic’s Claude Mythos "
        "and Fable 5 took place in early June amid concerns over national security.",
        timexes=[("early June", "DATE", "XXXX-06")],
    )
    [event] = result.events
    assert event.type == "export_restriction"
    assert result.timexes[event.timex or ""].span.text == "early June"
    # alone, "Claude Mythos" has no version to take (in its article it becomes Claude Mythos 5)
    assert result.names(event.models) == {"Claude Mythos", "Fable 5"}


def test_timing_prior_to_gives_before(run_parsed: Run) -> None:
    result = run_parsed(
        "Prior to the full lifting of restrictions, Anthropic had received approval to provide its "
        "models to US organizations involved in operating and defending critical infrastructure."
    )
    approval = result.by_trigger("approval")
    lifting = result.by_trigger("lifting")
    assert [(r.relation, r.target) for r in approval.relations] == [("before", lifting.id)]


def test_timing_cause_verb_orders_events(run: Run) -> None:
    result = run(
        "Earlier in the year, the administration labeled Anthropic a “supply‑chain risk” over "
        "disputed military applications, prompting a lawsuit that the company has already won an "
        "early round in.",
        timexes=[("Earlier in the year", "DATE", "XXXX")],
    )
    label = result.by_trigger("labeled")
    lawsuit = result.by_trigger("lawsuit")
    assert label.type == "designation"
    assert result.timexes[label.timex or ""].span.text == "Earlier in the year"
    assert lawsuit.timex is None
    assert [(r.relation, r.target) for r in lawsuit.relations] == [("after", label.id)]
    ruling = result.by_trigger("won")
    assert ruling.type == "court_ruling"
    assert result.names(ruling.affected) == {"Anthropic"}


def test_timing_dated_letter_carries_the_lift_of_its_paragraph(run: Run) -> None:
    result = run(
        "The move allows a select group to regain access to the Claude Mythos 5 model.\n\n"
        "The news was confirmed in a letter from Commerce Secretary Howard Lutnick to Anthropic "
        "dated June 26.\n\nThe relationship was fraught.",
        timexes=[("June 26", "DATE", "XXXX-06-26")],
    )
    lift = result.by_trigger("allows")
    letter = next(e for e in result.of_type("letter") if e.timex is not None)
    assert lift.timex is None  # syntax gives the lift no date of its own
    assert lift.carried_by == letter.id
    assert lift.instrument == letter.instrument


def test_timing_undated_letter_carries_the_act_of_the_next_sentence(run: Run) -> None:
    result = run(
        "Commerce Secretary Jane Roe wrote to Corvex Systems on behalf of the department. "
        "The Commerce Department lifted the restrictions on Corvex Systems."
    )
    (letter,) = result.of_type("letter")
    (lift,) = result.of_type("partial_lift", "full_lift")
    # the secretary acts for the department: one act, carried by her letter
    assert lift.carried_by == letter.id


def test_timing_undated_letter_leaves_the_act_of_another_agent(run: Run) -> None:
    result = run(
        "Commerce Secretary Jane Roe wrote to Corvex Systems on behalf of the department. "
        "The Defense Department lifted the restrictions on Corvex Systems."
    )
    assert result.of_type("letter")
    (lift,) = result.of_type("partial_lift", "full_lift")
    assert lift.carried_by is None


def test_timing_lead_main_clause_is_the_news_and_background_is_not(run: Run) -> None:
    result = run(
        "The Commerce Department has revoked the export licences of Samsung, barring it from "
        "selling chips to Corvex, two years after the agency added Corvex to the Entity List. "
        "Nvidia later suspended its own shipments to Corvex."
    )
    assert result.by_trigger("licences").news  # the lead's main clause, no date of its own
    assert not result.by_trigger("added").news  # background in a subordinate clause
    assert not result.by_trigger("suspended").news  # a later sentence


def test_timing_a_lead_dating_its_act_days_before_the_document_tells_the_news() -> None:
    def bans(text: str) -> list[bool]:
        records = extracted(text, date(2026, 6, 13))
        found = [e for e in records.events if e.type == "export_restriction"]
        return [e.news for e in sorted(found, key=lambda e: e.trigger.start)]

    lead = "President Jane Roe approved a ban on Zentra phones on government devices Thursday. "
    assert bans(lead + "Officials said Jane Roe approved the ban on Zentra phones Thursday.") == [
        True,
        False,  # the same act told again later is not the lead
    ]
    # a day long before the document: background, even in the lead
    assert bans(lead.replace("Thursday", "on March 2, 2021")) == [False]


def test_timing_a_heading_of_a_section_is_not_the_news(run: Run) -> None:
    result = run(
        "Germany Bans Chip Exports to Samsung\n\n"
        "The government of Germany said it had barred exports of chips to Samsung after "
        "months of talks with the company.\n\n"
        "Background on the Export Ban\n\n"
        "The rules were first written when the two governments quarrelled."
    )
    assert result.by_trigger("Bans").news  # the headline
    assert not result.by_trigger("Export Ban").news  # the title of a section below the lead


def test_timing_lead_act_told_by_the_order_it_signs_is_the_news(run: Run) -> None:
    result = run(
        "President Jane Roe has signed an executive order extending the deadline for the "
        "owner of Vidly to sell the app. Vidly had sued over the law."
    )
    assert result.by_trigger("extending").news  # what the order the lead signs does


def test_timing_lead_paragraph_after_a_dated_lead_tells_the_same_news(run: Run) -> None:
    text = (
        "On March 3, the Commerce Department issued a rule on exports to Corvex. The agency "
        "also added twelve affiliates of Corvex to the Entity List. The Commerce Department had "
        "placed Corvex on the Entity List.\nNvidia suspended its own shipments to Corvex."
    )
    result = run(text, [("March 3", "DATE", "2026-03-03")])
    (added, before) = sorted(result.of_type("list_addition"), key=lambda e: e.trigger.start)
    assert added.news  # the lead's paragraph, after a lead naming its day
    assert not before.news  # told as earlier: "had added"
    assert not result.by_trigger("suspended").news  # the next paragraph


def test_timing_what_a_dated_lead_paragraph_also_did_is_of_the_lead_day(run: Run) -> None:
    lead = "On March 3, the Commerce Department imposed export restrictions on Corvex. "
    result = run(
        lead + "It also added twelve affiliates of Corvex to the Entity List.",
        [("March 3", "DATE", "2026-03-03")],
    )
    restriction = result.by_trigger("export restrictions")
    added = result.by_trigger("added")
    assert added.timex is None
    assert [(r.relation, r.target, r.lag) for r in added.relations] == [
        ("after", restriction.id, (0, 0))
    ]
    plain = run(
        lead + "It added twelve affiliates of Corvex to the Entity List.",
        [("March 3", "DATE", "2026-03-03")],
    )
    assert plain.by_trigger("added").relations == ()  # no "also": only the lead's news


def test_timing_an_instrument_issued_with_another_is_the_leads_act(run: Run) -> None:
    """ "Issued a notice and a final rule": the verb of the first noun issues the second
    too, so the rule is the lead's dated act, and what the paragraph also did is of its
    day."""
    result = run(
        "On March 3, the Commerce Department issued a notice and a final rule affecting "
        "Samsung and its affiliates. It also added twelve affiliates of Samsung to the "
        "Entity List.",
        [("March 3", "DATE", "2026-03-03")],
    )
    rule = result.by_trigger("rule")
    assert rule.type == "export_restriction"
    assert result.timexes[rule.timex].span.text == "March 3"
    added = result.by_trigger("added")
    assert [(r.relation, r.target, r.lag) for r in added.relations] == [("after", rule.id, (0, 0))]


def test_timing_what_a_dated_act_did_by_its_participle_is_of_its_day(run: Run) -> None:
    """ "Published a final rule on March 3, adding Samsung to the list": publishing is no
    event of its own, but the body that published did the adding that day; a law that
    "took effect on Sunday, barring ..." is no actor, and its clause keeps no date."""
    result = run(
        "The Commerce Department published a final rule on March 3, 2031, adding Samsung to "
        "the Entity List.",
        [("March 3, 2031", "DATE", "2031-03-03")],
    )
    added = result.by_trigger("adding")
    assert result.timexes[added.timex].span.text == "March 3, 2031"
    law = run(
        "That law, upheld by the Supreme Court on Friday, took effect on Sunday, barring "
        "Samsung from app stores.",
        [("Friday", "DATE", "2031-03-07"), ("Sunday", "DATE", "2031-03-09")],
    )
    assert all(e.timex is None for e in law.events if e.trigger.text == "barring")


def test_timing_a_described_actor_s_participle_is_of_its_day(run: Run) -> None:
    """ "On Thursday, the regulator set out the steps ..., giving Velkor Robotics until April
    30": the subject is a description of the agent (named in the sentence before), whose
    clause's day dates what its participle did; the deadline is no date of the act."""
    result = run(
        "The ODSK, Norway's data protection authority, said Velkor Robotics had broken the "
        "rules. On Thursday, the regulator set out the steps the company must take, giving "
        "Velkor Robotics until April 30 to comply.",
        [("Thursday", "DATE", "2031-03-20"), ("April 30", "DATE", "2031-04-30", "end")],
    )
    (demand,) = result.of_type("demand")
    assert result.names(demand.agents) == {"ODSK"}
    assert result.timexes[demand.timex].span.text == "Thursday"


def test_timing_a_licence_the_lead_paragraph_also_extended_is_of_the_lead_day(run: Run) -> None:
    """ "BIS also extended the temporary general license": "also" on the verb that carries
    the noun trigger ties it to the lead's act as well."""
    result = run(
        "On March 3, the Commerce Department imposed export restrictions on Samsung. The "
        "agency also extended the temporary general license for Samsung through June 1.",
        [("March 3", "DATE", "2026-03-03"), ("June 1", "DATE", "2026-06-01", "end")],
    )
    restriction = result.by_trigger("export restrictions")
    (extension,) = result.of_type("licence_extension")
    assert [(r.relation, r.target, r.lag) for r in extension.relations] == [
        ("after", restriction.id, (0, 0))
    ]


def test_timing_lead_paragraph_without_a_day_of_its_own_is_background(run: Run) -> None:
    result = run(
        "The Commerce Department has revoked the export licences of Samsung. The agency also "
        "added Corvex to the Entity List."
    )
    assert result.by_trigger("licences").news
    assert not result.by_trigger("added").news


def test_timing_this_order_telling_what_it_does_is_the_document_itself(run: Run) -> None:
    background = "Corvex Corporation makes network equipment for carriers around the world. "
    result = run(
        background + "In this Order, the Commerce Department takes action to protect networks "
        "from the threat posed by Corvex."
    )
    assert result.by_trigger("Order").news  # dated as the document is
    told = run(background + "The Commerce Department issued this order against Corvex.")
    assert not told.by_trigger("order").news  # an order the text tells of


def test_timing_a_date_dates_the_when_clause_it_heads(run: Run) -> None:
    result = run(
        "The suspension dates back to March 23, when Samsung agreed to a settlement with Commerce.",
        [("March 23", "DATE", "XXXX-03-23")],
    )
    settlement = result.by_trigger("settlement")
    assert settlement.timex is not None
    assert result.timexes[settlement.timex].span.text == "March 23"


def test_timing_a_fiscal_year_naming_a_bill_dates_no_act(run: Run) -> None:
    result = run(
        "Negotiators adopted softer Samsung language in the FY 2019 defense bill.",
        [("2019", "DATE", "2019")],
    )
    assert result.by_trigger("adopted").timex is None
    dated = run("The Senate adopted the defense bill in 2019.", [("2019", "DATE", "2019")])
    assert dated.by_trigger("adopted").timex is not None


def test_timing_lead_with_its_own_date_is_dated_by_it(run: Run) -> None:
    result = run(
        "The Commerce Department revoked the export licences of Samsung on March 3, barring it "
        "from selling chips to Corvex.",
        [("March 3", "DATE", "2026-03-03")],
    )
    assert not result.by_trigger("licences").news


def test_timing_present_tense_is_not_dated_by_a_past_month() -> None:
    text = (
        "Roe's new executive order revokes the ZenChat and Vidly orders, along with another "
        "in January that targeted eight other apps. The agency revoked the Zentra licence in "
        "January."
    )
    records = extracted(text, date(2026, 6, 9))
    by_trigger = {e.trigger.text: e for e in records.events}
    assert by_trigger["revokes"].date is None  # told in the present: January is another's
    assert by_trigger["licence"].date == DateRange(date(2026, 1, 1), date(2026, 1, 31))


def test_timing_an_instrument_s_own_date_holds_under_a_present_verb() -> None:
    """ "The move follows a 2019 order that barred ...": the year is the order's own, not
    the present tense's; the order was given then, not as the page's news."""
    text = (
        "The move follows a 2019 order by the Department of Homeland Security that barred "
        "federal agencies from using Nokia products."
    )
    records = extracted(text, date(2026, 6, 9))
    (order,) = records.events
    assert order.date == DateRange(date(2019, 1, 1), date(2019, 12, 31))
    assert order.tense == "past" and not order.news


def test_timing_a_date_in_a_clause_of_another_time_dates_only_that_clause(
    run: Run,
) -> None:
    """ "after the ban was imposed in April": April is the ban's, never the halt's; a
    clause of the same time ("when") still dates the event it modifies."""
    after = run(
        "Corvex Systems ceased operations after the ban was imposed in April.",
        timexes=[("April", "DATE", "XXXX-04")],
    )
    assert after.by_trigger("ceased").timex is None
    assert after.timexes[after.by_trigger("ban").timex or ""].span.text == "April"
    # what the clause tells is no event of the scheme: its date still dates nothing above
    visited = run(
        "Samsung halted shipments to Corvex Systems after inspectors visited its plant in March.",
        timexes=[("March", "DATE", "XXXX-03")],
    )
    assert visited.by_trigger("halted").timex is None
    when = run(
        "Samsung halted shipments to Corvex Systems when inspectors visited its plant in March.",
        timexes=[("March", "DATE", "XXXX-03")],
    )
    assert when.timexes[when.by_trigger("halted").timex or ""].span.text == "March"


def test_timing_shortly_after_is_within_days(run: Run) -> None:
    def lags(text: str) -> list[tuple[int, int] | None]:
        result = run(text)
        return [r.lag for r in result.by_trigger("lifted").relations]

    # "shortly after": the same day or within a week; plain "after" says no more than after
    assert lags("Commerce lifted the ban on Nokia shortly after Nokia paid a fine.") == [(0, 7)]
    assert lags("Commerce lifted the ban on Nokia after Nokia paid a fine.") == [None]
    # "hours after": that very day or the next
    assert lags("Commerce lifted the ban on Nokia hours after Nokia paid a fine.") == [(0, 1)]


def test_timing_a_page_stamp_dates_the_news_not_what_had_happened_before(run: Run) -> None:
    earlier = run(
        "date 2026-05 Weeks earlier, the Commerce Department had banned sales to Samsung.",
        [("2026-05", "DATE", "2026-05")],
    )
    assert earlier.by_trigger("banned").timex is None
    news = run(
        "date 2026-05-14 The Commerce Department banned sales to Samsung on national security "
        "grounds.",
        [("2026-05-14", "DATE", "2026-05-14")],
    )
    banned = news.by_trigger("banned")
    assert news.timexes[banned.timex or ""].span.text == "2026-05-14"
    # the stamp's sentence gives a date of its own: that dates the act
    dated = run(
        "date 2026-05-14 In May 2024, the Commerce Department first added Samsung to the "
        "Entity List.",
        [("2026-05-14", "DATE", "2026-05-14"), ("May 2024", "DATE", "2024-05")],
    )
    added = dated.by_trigger("added")
    assert dated.timexes[added.timex or ""].span.text == "May 2024"


def test_timing_the_day_of_a_verb_dates_the_act_it_was_done_by(run: Run) -> None:
    """ "responded on Wednesday by adding ...": the means is the act of that day; a course of
    conduct over a period ("kept up the pressure in July by adding ...") dates no one act."""
    result = run(
        "The ministry responded on Wednesday by adding Nokia to its unreliable entity list.",
        timexes=[("Wednesday", "DATE", "2020-07-15")],
    )
    added = result.by_trigger("adding")
    assert result.timexes[added.timex].span.text == "Wednesday"
    course = run(
        "The ministry kept up the pressure in July by adding Nokia to its unreliable entity list.",
        timexes=[("July", "DATE", "2020-07")],
    )
    assert course.by_trigger("adding").timex is None


def test_timing_what_a_dated_act_did_is_of_its_day(run: Run) -> None:
    """ "removed Nokia from the list on May 4, ending the restrictions": the participle tells
    what the removal did, that day."""
    result = run(
        "The Commerce Department removed Nokia from the Entity List on May 4, ending "
        "restrictions that had been in place since March.",
        timexes=[("May 4", "DATE", "2026-05-04"), ("March", "DATE", "2026-03")],
    )
    ending = result.by_trigger("ending")
    assert result.timexes[ending.timex].span.text == "May 4"


def test_timing_a_date_after_after_dates_what_came_before(run: Run) -> None:
    """ "resumed sales after being removed from the platforms on January 18": the date is of
    the removal, not of the resumption, even where the removal is no event of ours."""
    result = run(
        "Nokia resumed sales after being removed from the platforms on January 18.",
        timexes=[("January 18", "DATE", "2026-01-18")],
    )
    assert result.by_trigger("resumed").timex is None


def test_timing_a_date_before_coordinated_acts_dates_each(run: Run) -> None:
    """ "on Monday imposed new export controls and added Nokia to its list": the date opens
    both acts; one after the first verb ("in May, and on Monday agreed ...") its own only."""
    both = run(
        "The administration on Monday imposed new export controls and added Nokia to its "
        "Entity List.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    for trigger in ("export controls", "added"):
        assert both.timexes[both.by_trigger(trigger).timex].span.text == "Monday"
    unveiled = run(
        "The administration on Monday unveiled new export controls on chips.",
        timexes=[("Monday", "DATE", "2026-03-02")],
    )
    controls = unveiled.by_trigger("export controls")  # unveiling them imposes them
    assert unveiled.timexes[controls.timex].span.text == "Monday"
    apart = run(
        "Commerce put Nokia on the Entity List in May, and on Monday agreed to lift the ban.",
        timexes=[("May", "DATE", "2026-05"), ("Monday", "DATE", "2026-06-01")],
    )
    assert apart.timexes[apart.by_trigger("put").timex].span.text == "May"
    assert apart.timexes[apart.by_trigger("lift").timex].span.text == "Monday"


def test_timing_a_date_after_the_first_of_coordinated_acts_dates_the_second_with_its_subject(
    run: Run,
) -> None:
    """ "The authority fined ZenChat on Monday and ordered it to remove the restrictions":
    one subject, one occasion; not when the second clause has its own subject ("was set
    for March 10, but the extension allowed ...") or when a word puts it after ("and later
    lifted it")."""
    both = run(
        "The Digital Markets Authority fined Velkor Robotics 400 million euros on Monday for "
        "breaking the law and ordered "
        "the company to remove the restrictions it places on developers.",
        timexes=[("Monday", "DATE", "2034-10-02")],
    )
    ordered = both.by_trigger("ordered")
    assert ordered.type == "demand"
    assert both.timexes[ordered.timex].span.text == "Monday"
    later = run(
        "The Digital Markets Authority banned ZenChat on Monday and later lifted the ban.",
        timexes=[("Monday", "DATE", "2034-10-02")],
    )
    assert later.by_trigger("lifted").timex is None
    own = run(
        "The deadline was set for March 10, but the extension allowed ZenChat to buy chips.",
        timexes=[("March 10", "DATE", "2034-03-10")],
    )
    assert all(e.timex is None for e in own.events if e.trigger.text == "allowed")


def test_timing_a_date_between_commas_after_an_event_noun_is_its_date(run: Run) -> None:
    """ "Its last extension, on Aug. 18, ran for 90 days": the extension's day (and "last"
    says it is one of a series of extensions)."""
    result = run(
        "The licence has been renewed three times. Its last extension, on Aug. 18, ran for "
        "90 days.",
        timexes=[("Aug. 18", "DATE", "2022-08-18")],
    )
    extension = result.by_trigger("extension")
    assert extension.type == "licence_extension"
    assert result.timexes[extension.timex].span.text == "Aug. 18"


def test_timing_a_relative_clause_telling_when_a_measure_took_effect(run: Run) -> None:
    result = run(
        "The restrictions, which took effect on May 16, bar US firms from selling chips to Nokia.",
        timexes=[("May 16", "DATE", "2022-05-16")],
    )
    restrictions = result.by_trigger("restrictions")
    assert result.timexes[restrictions.effective].span.text == "May 16"
    assert restrictions.timex is None  # when it took effect, not when it was decided


def test_timing_the_date_of_a_subject_one_with_its_act(run: Run) -> None:
    """ "Tuesday's order marks the fourth extension": the order is the extension."""
    result = run(
        "Tuesday's order marks the fourth extension of the deadline for Vidly's owner.",
        timexes=[("Tuesday", "DATE", "2025-09-16")],
    )
    extension = result.by_trigger("extension")
    assert result.timexes[extension.timex].span.text == "Tuesday"


def test_timing_a_rule_published_on_a_day_dates_the_act_its_clause_tells(run: Run) -> None:
    """ "On May 4 the bureau published a rule extending the licence": the publishing day
    dates the extension, even when the parser hangs "the licence" on "published" (an
    "until" phrase between them)."""
    day = ("May 4, 2020", "DATE", "2020-05-04")
    deadline = ("June 30, 2020", "DATE", "2020-06-30", "end")  # "until": a deadline
    for text, timexes in (
        (
            "On May 4, 2020, the bureau published a final rule extending the temporary general "
            "licence for Nokia.",
            [day],
        ),
        (
            "On May 4, 2020, the bureau published a final rule extending until June 30, 2020 "
            "the temporary general licence for Nokia.",
            [day, deadline],
        ),
    ):
        result = run(text, timexes=timexes)
        (extension,) = result.of_type("licence_extension")
        assert result.timexes[extension.timex].span.text == "May 4, 2020", text


def test_a_date_of_a_participle_clause_dates_its_noun_not_what_is_done_to_it(run: Run) -> None:
    lifted = run(
        "The ban on Samsung, imposed in June, was lifted after the company paid a fine.",
        timexes=[("June", "DATE", "XXXX-06")],
    )
    (lift,) = lifted.of_type("full_lift")
    assert lift.timex is None
    # an instrument signed on a day does what it says that day
    signed = run(
        "The order signed on May 15 banned sales to Samsung.",
        timexes=[("May 15", "DATE", "XXXX-05-15")],
    )
    (ban,) = signed.of_type("export_restriction")
    assert signed.timexes[ban.timex].span.text == "May 15"


def test_how_long_a_measure_has_lasted_does_not_date_it(run: Run) -> None:
    """ "The ban entered its second week on Saturday": a day of the measure's course; "the
    ban took effect on Saturday" is when it began."""
    lasted = run(
        "Kenya's suspension of Samsung entered its second week on Saturday.",
        timexes=[("Saturday", "DATE", "2021-06-12")],
    )
    (suspension,) = lasted.of_type("export_restriction")
    assert suspension.timex is None
    began = run(
        "Kenya's suspension of Samsung took effect on Saturday.",
        timexes=[("Saturday", "DATE", "2021-06-12")],
    )
    (suspension,) = began.of_type("export_restriction")
    assert suspension.timex is not None or suspension.effective is not None


def test_timing_an_amount_before_a_clause_s_after_is_its_lag(run: Run) -> None:
    # the parser hangs "a day" on the verb of the clause "after" opens, not on "after"
    result = run(
        "Kestrio Telecom has taken its Zeta 40 service offline for users in Norway, a day "
        "after the country's regulator ordered the company to stop selling it.",
        timexes=[("a day", "DURATION", "P1D")],
    )
    (taken,) = result.of_type("access_disable")
    ordered = result.by_trigger("ordered")
    assert [(r.relation, r.target, r.lag) for r in taken.relations] == [
        ("after", ordered.id, (1, 1))
    ]
