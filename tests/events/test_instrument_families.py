"""The instruments of a restriction story and their life, each on sentences of our own.

One test per family of event_types.yaml's scheme: licences (granted, extended, revoked,
lapsed), lists (added, removed), paused enforcement, laws and legislatures, pleas,
fines and penalties, courts blocking measures, appeals, stores and services, statements.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from extract.records import DateRange
from tests.events.conftest import Result, extracted

Run = Callable[..., Result]


def _only(result: Result, *types: str) -> list[str]:
    return [e.type for e in result.events if e.type in types]


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        (
            "The Commerce Department issued a temporary general license to Corvex Systems on "
            "May 20.",
            "May 20",
            "licence_grant",
        ),
        (
            "The Commerce Department extended the temporary general license for Corvex Systems "
            "on August 19.",
            "August 19",
            "licence_extension",
        ),
        ("Commerce revoked the licenses of two suppliers on May 7.", "May 7", "licence_revocation"),
        ("The license expired on August 13.", "August 13", "licence_expiry"),
    ],
)
def test_licences_granted_extended_revoked_lapsed(
    run: Run, text: str, when: str, expected: str
) -> None:
    result = run(text, timexes=[(when, "DATE", "XXXX-XX-XX")])
    assert expected in [e.type for e in result.events]


def test_a_request_for_a_licence_granted_is_the_licence(run: Run) -> None:
    granted = run(
        "On Monday the Commerce Department granted Samsung's request for a licence to sell "
        "chips to Nvidia.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    (licence,) = granted.of_type("licence_grant")
    assert granted.names(licence.affected) == {"Samsung"}
    assert not granted.of_type("request")
    asked = run("Samsung filed a request for a licence to sell chips to Nvidia.")
    assert not asked.of_type("licence_grant")


def test_a_licence_required_is_no_licence_granted(run: Run) -> None:
    required = run("The rule requires Samsung to obtain a licence from Commerce.")
    assert not required.of_type("licence_grant")
    granted = run("Samsung obtained a licence to sell chips to Corvex.")
    assert [e.type for e in granted.events] == ["licence_grant"]


def test_licence_extension_takes_its_agent_from_the_verb(run: Run) -> None:
    result = run(
        "The Commerce Department renewed the reprieve for Corvex Systems on November 18.",
        timexes=[("November 18", "DATE", "XXXX-11-18")],
    )
    (renewal,) = [e for e in result.events if e.type == "licence_extension"]
    assert result.names(renewal.agents) == {"US Department of Commerce"}


def test_lists_add_and_remove(run: Run) -> None:
    added = run(
        "The Bureau of Industry and Security added Corvex Systems to the Entity List on May 16.",
        timexes=[("May 16", "DATE", "XXXX-05-16")],
    )
    assert _only(added, "list_addition") == ["list_addition"]
    removed = run(
        "Corvex Systems was removed from the Entity List on March 29.",
        timexes=[("March 29", "DATE", "XXXX-03-29")],
    )
    (removal,) = [e for e in removed.events if e.type == "list_removal"]
    assert removed.names(removal.affected) == {"Corvex Systems"}


def test_an_inclusion_on_a_list_is_an_addition(run: Run) -> None:
    result = run("Nokia's inclusion on the Entity List stunned its suppliers.")
    (listing,) = result.of_type("list_addition")
    assert result.names(listing.affected) == {"Nokia"}
    # "in addition to" adds nothing to a list
    assert (
        run("This is in addition to the 68 Nokia entities listed in May.").of_type("list_addition")
        == []
    )


def test_a_list_named_after_the_last_of_the_parties_added(run_parsed: Run) -> None:
    # "to the Entity List" hung on "40 of its affiliates", not on "added"
    result = run_parsed(
        "The Commerce Department has added Corvex Systems and 40 of its affiliates to the "
        "Entity List, thereby prohibiting exports of American chips to the company."
    )
    assert [e.type for e in result.events] == ["list_addition"]
    (listing,) = result.events
    assert result.names(listing.affected) == {"Corvex Systems"}


def test_paused_enforcement_and_its_expiry(run: Run) -> None:
    result = run(
        "On Monday the president extended the deadline for the sale until June 19.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1"), ("June 19", "DATE", "XXXX-06-19", "end")],
    )
    (pause,) = [e for e in result.events if e.type == "enforcement_pause"]
    # "until June 19" ends the period: it is the deadline, not the day of the extension
    assert result.timexes[pause.timex].span.text == "Monday"
    assert pause.expires is not None and result.timexes[pause.expires].span.text == "June 19"


def test_a_directive_to_pause_enforcement_is_the_pause(run: Run) -> None:
    paused = run(
        "President Jane Roe's order directed the Justice Department to suspend enforcement of "
        "the ban on June 3.",
        timexes=[("June 3", "DATE", "XXXX-06-03")],
    )
    assert [e.type for e in paused.events] == ["enforcement_pause"]
    # a directive to restrict stays a restriction
    restricted = run(
        "The Commerce Department directed Corvex to suspend access to its model on June 3.",
        timexes=[("June 3", "DATE", "XXXX-06-03")],
    )
    assert [e.type for e in restricted.events] == ["export_restriction"]


def test_an_extension_of_enforcement_is_a_pause(run: Run) -> None:
    result = run(
        "Vidly stayed in the store until the end of President Roe's 75-day extension of the "
        "ban enforcement."
    )
    assert result.by_trigger("extension").type == "enforcement_pause"


def test_a_reprieve_is_of_what_the_document_grants(run: Run) -> None:
    """A reprieve from a ban is the pause a document tells of; a licence document's
    reprieve stays a licence."""
    paused = run(
        "President Jane Roe signed an order extending the deadline for Vidly by 90 days, "
        "granting the company another reprieve from the ban."
    )
    assert paused.by_trigger("reprieve").type == "enforcement_pause"
    licensed = run(
        "Commerce granted Corvex a reprieve, a temporary general licence to serve its customers."
    )
    assert licensed.by_trigger("reprieve").type == "licence_grant"


def test_being_the_first_to_ban_is_to_have_banned(run: Run) -> None:
    """ "the first to ban": an ordinal's infinitive tells what was done, not a purpose."""
    result = run(
        "Governor Jane Roe signed the bill on May 17, making the state the first to ban the app.",
        timexes=[("May 17", "DATE", "XXXX-05-17")],
    )
    assert result.by_trigger("signed").modality == "asserted"


def test_an_order_to_wind_up_a_business_is_a_divestment_order(run: Run) -> None:
    result = run("The Canadian government ordered Samsung to wind up its Canadian business.")
    assert "divestment_order" in [e.type for e in result.events]


def test_laws_signed_and_bills_passed(run: Run) -> None:
    signed = run(
        "President Jane Roe signed the bill into law on May 2.",
        timexes=[("May 2", "DATE", "XXXX-05-02")],
    )
    assert "law_enacted" in [e.type for e in signed.events]
    passed = run(
        "The House passed the bill on March 13.", timexes=[("March 13", "DATE", "XXXX-03-13")]
    )
    (step,) = [e for e in passed.events if e.type == "legislative_step"]
    assert passed.names(step.agents) == {"US House of Representatives"}
    # "its version of the bill" is the bill; a version of events is no law
    version = run("The House passed its version of the defense bill on Thursday.")
    assert [e.type for e in version.events] == ["legislative_step"]
    assert run("The House passed its version of events to reporters.").events == []
    # introducing a bill is a proposal made public, not a step of the law
    introduced = run(
        "Senator Jane Roe introduced an amendment on June 5 to restore the penalties.",
        timexes=[("June 5", "DATE", "XXXX-06-05")],
    )
    (proposal,) = [e for e in introduced.events if e.trigger.text == "introduced"]
    assert proposal.type == "bill_introduced"
    assert introduced.names(proposal.agents) == {"Jane Roe"}


def test_pleas_and_penalties(run: Run) -> None:
    result = run(
        "Corvex Systems pleaded guilty on March 7. It paid the penalty in June.",
        timexes=[("March 7", "DATE", "XXXX-03-07"), ("June", "DATE", "XXXX-06")],
    )
    assert {"settlement", "penalty_payment"} <= {e.type for e in result.events}
    # money put in escrow to answer for future violations is paid too
    escrow = run("Corvex Systems deposited $400 million in escrow at a U.S. bank.")
    assert escrow.by_trigger("deposited").type == "penalty_payment"


def test_a_fine_imposed_is_a_penalty_with_its_sum(run: Run) -> None:
    fined = run(
        "The European Commission fined Samsung on Thursday.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    penalty = fined.by_trigger("fined")
    assert penalty.type == "penalty_imposed"
    assert fined.names(penalty.agents) == {"European Commission"}
    assert fined.names(penalty.affected) == {"Samsung"}
    imposed = run("The Commerce Department imposed a $1 billion penalty on Samsung.")
    assert imposed.by_trigger("imposed").type == "penalty_imposed"
    assert imposed.by_trigger("imposed").amount is not None
    assert imposed.names(imposed.by_trigger("imposed").affected) == {"Samsung"}
    # paying it is another act
    assert run("Samsung paid the fine in June.").by_trigger("paid").type == "penalty_payment"


def test_a_settlement_reached_with_a_party_is_an_agreement_between_them(run: Run) -> None:
    result = run(
        "On Thursday, the Commerce Department reached a new settlement agreement with Samsung. "
        "Nvidia reached a plea agreement with prosecutors on Monday.",
        timexes=[("Thursday", "DATE", "2018-06-07"), ("Monday", "DATE", "2018-06-04")],
    )
    reached = result.by_trigger("settlement agreement")
    assert reached.type == "negotiation"  # what the talks ended in: no plea, no court
    assert result.names(reached.agents) == {"US Department of Commerce"}
    assert result.names(reached.affected) == {"Samsung"}
    assert result.timexes[reached.timex or ""].span.text == "Thursday"
    plea = result.by_trigger("plea agreement")
    assert plea.type == "settlement"  # a plea stays a step of the case
    assert result.names(plea.agents) == {"Nvidia"}
    assert result.timexes[plea.timex or ""].span.text == "Monday"


def test_court_blocks_a_measure(run: Run) -> None:
    result = run(
        "A federal judge granted a preliminary injunction against the Commerce Department's "
        "ban on Sept. 27.",
        timexes=[("Sept. 27", "DATE", "XXXX-09-27")],
    )
    assert "court_block" in [e.type for e in result.events]


def test_a_court_blocks_a_law_and_a_party_appeals(run: Run) -> None:
    blocked = run(
        "A federal judge on Thursday blocked a state law that would have banned Samsung phones.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    assert "court_block" in [e.type for e in blocked.events]
    for text in (
        "Nokia appealed the ruling on Monday.",
        "Nokia filed an appeal against the decision on Monday.",
        "Nokia said it would appeal to the Supreme Court.",
    ):
        appealed = run(text, timexes=[("Monday", "DATE", "XXXX-WXX-1")] if "Monday" in text else [])
        assert [e.type for e in appealed.events if e.trigger.text.startswith("appeal")] == [
            "appeal"
        ]
    # a suit filed is a lawsuit; following suit is not
    assert [e.type for e in run("Nokia filed suit against the state.").events] == ["lawsuit"]
    assert run("Other companies followed suit.").events == []


def test_a_court_barring_a_government_from_enforcing_its_measure_blocks_it(run: Run) -> None:
    """ "A judge blocked the state from enforcing its ban on ZenChat": the court blocks the
    ban, on whom the ban was; a state blocking a company from selling is its restriction."""
    for text, day in (
        (
            "A federal judge on Thursday blocked Texas from enforcing its ban on ZenChat.",
            "Thursday",
        ),
        (
            "The court on Friday enjoined the department from implementing its rule on Nokia.",
            "Friday",
        ),
    ):
        result = run(text, timexes=[(day, "DATE", "2031-09-11")])
        (block,) = result.of_type("court_block")
        assert result.names(block.affected) <= {"ZenChat", "Nokia"}
        assert result.names(block.affected), text
    barred = run("Texas blocked ZenChat from selling its app.")
    assert [e.type for e in barred.events] == ["export_restriction"]


def test_a_court_s_ruling_is_no_rule(run: Run) -> None:
    """ "after an appeals court ruling": the ruling of a court, not a rule that restricts
    (the inflected forms of trigger words serve only when the tagger got the lemma wrong)."""
    result = run("Nokia removed from the Entity List after appeals court ruling")
    assert [e.type for e in result.events if e.trigger.text == "ruling"] == ["court_ruling"]


def test_a_licence_granted_in_a_long_sentence_is_granted(run: Run) -> None:
    """ "has granted Nokia a licence to export spare parts to Samsung so that ... can be
    repaired": the parser hangs the licence on the last verb; the verb right before it
    still grants it."""
    result = run(
        "The Commerce Department has granted Nokia a licence to export spare parts to Samsung "
        "so that drones already sold to American police and fire departments can be "
        "repaired, Nokia said on Monday.",
        timexes=[("Monday", "DATE", "2031-07-14")],
    )
    (grant,) = result.of_type("licence_grant")
    assert result.names(grant.agents) == {"US Department of Commerce"}
    assert result.names(grant.affected) & {"Samsung", "Nokia"}
    # opening an article, it is the article's news (of the days before it), told by the verb
    # that carries the noun
    lead = extracted(
        "Licence for repairs\n\nThe Commerce Department has granted Nokia a licence to export "
        "spare parts to Samsung so that drones already sold to American police and fire "
        "departments can be repaired, Nokia said on Monday.",
        date(2031, 7, 14),
    )
    (news,) = [e for e in lead.events if e.type == "licence_grant"]
    assert news.news


def test_a_court_that_bans_a_company_s_product_restricts_it(run: Run) -> None:
    """ "The court ordered the suspension of the app ZenChat": a court banning a company or
    its product is the authority restricting it; a court acting on a measure rules on it."""
    result = run(
        "Brazil's Supreme Federal Court on Friday ordered the suspension of the messaging app "
        "ZenChat across the country.",
        timexes=[("Friday", "DATE", "2031-08-29")],
    )
    (ban,) = result.events
    assert ban.type == "export_restriction"
    assert result.names(ban.agents) == {"Supreme Federal Court"}
    blocked = run("A federal judge on Friday blocked the ban on ZenChat.")
    assert [e.type for e in blocked.events] == ["court_block"]
    undone = run("Trump's orders never took effect after courts blocked them.")
    assert not undone.of_type("export_restriction") or all(
        e.trigger.text != "blocked" for e in undone.of_type("export_restriction")
    )


def test_those_told_to_remove_another_s_product_are_not_what_is_restricted(run: Run) -> None:
    """ "Apple and Google were told to remove ZenChat from their app stores": the stores
    carry the measure out; ZenChat is what it restricts. "directed Nokia to suspend access
    to its app": Nokia's own product, Nokia stays whom it binds."""
    told = run("Apple and Google were told to remove the app ZenChat from their app stores.")
    (directive,) = told.of_type("export_restriction")
    assert told.names(directive.models) == {"ZenChat"}
    assert not told.names(directive.affected) & {"Apple", "Google"}
    own = run("The ministry directed Nokia to suspend access to its app ZenChat.")
    (order,) = own.of_type("export_restriction")
    assert "Nokia" in own.names(order.affected)


def test_a_service_back_online_is_restored(run: Run) -> None:
    """ "The app ZenChat was back online on Wednesday", "came back online": access restored
    (the copula is tagged an auxiliary, and still tells it)."""
    for text in (
        "The messaging app ZenChat was back online on Wednesday.",
        "The messaging app ZenChat came back online on Wednesday.",
    ):
        result = run(text, timexes=[("Wednesday", "DATE", "2031-10-08")])
        (restored,) = result.of_type("access_restore")
        assert result.names(restored.models) == {"ZenChat"}, text


def test_a_service_its_owner_says_is_back_is_its_own(run: Run) -> None:
    """ "ZenChat said the service was back online": the speaker's service, an app's (its
    model) or a company's (its agent)."""
    app = run(
        "The court lifted its ban on the messaging app ZenChat on Tuesday. ZenChat said the "
        "service was back online on Wednesday.",
        timexes=[("Tuesday", "DATE", "2031-10-07"), ("Wednesday", "DATE", "2031-10-08")],
    )
    (restored,) = app.of_type("access_restore")
    assert app.names(restored.models) == {"ZenChat"}
    company = run(
        "Kestrio Telecom said the service was back online on Wednesday.",
        timexes=[("Wednesday", "DATE", "2031-10-08")],
    )
    (restored,) = company.of_type("access_restore")
    assert company.names(restored.agents) == {"Kestrio Telecom"}


def test_users_losing_access_to_an_app_are_cut_off(run: Run) -> None:
    result = run(
        "The court suspended the messaging app ZenChat on Friday. Millions of users lost "
        "access to ZenChat on Saturday.",
        timexes=[("Friday", "DATE", "2031-10-03"), ("Saturday", "DATE", "2031-10-04")],
    )
    (lost,) = result.of_type("access_disable")
    assert lost.trigger.text == "lost"
    assert result.names(lost.models) == {"ZenChat"}
    # losing a case, or a licence, is no access lost
    assert not run("Samsung lost its appeal on Friday.").of_type("access_disable")


def test_a_court_turning_away_a_request_rules(run: Run) -> None:
    result = run(
        "The Supreme Court on Monday turned away Samsung's request to halt the law, and the "
        "appeals court denied Nvidia's petition.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    rulings = {e.trigger.text: e for e in result.of_type("court_ruling")}
    assert set(rulings) == {"turned away", "denied"}
    assert result.names(rulings["turned away"].affected) == {"Samsung"}
    assert result.names(rulings["denied"].affected) == {"Nvidia"}
    # a company turning down an offer rules on nothing
    offer = run("Samsung turned down Nvidia's request for a meeting.")
    assert not offer.of_type("court_ruling")


def test_a_dated_ruling_naming_no_party_is_on_the_company_of_its_sentence(run: Run) -> None:
    text = (
        "Samsung reached a plea agreement with the Justice Department. The agreement was "
        "approved by a federal judge in Dallas on March 22, and Samsung paid the fine."
    )
    result = run(text, timexes=[("March 22", "DATE", "XXXX-03-22")])
    approved = result.by_trigger("approved")
    assert approved.type == "court_ruling"
    assert result.names(approved.affected) == {"Samsung"}
    # undated, such a ruling is more often background: it names no one
    undated = run(text.replace(" on March 22", ""))
    assert undated.by_trigger("approved").affected == ()


def test_a_judge_named_by_title_acts_for_the_court(run: Run) -> None:
    result = run(
        "U.S. District Judge Jane Roe extended the term of the Corvex compliance monitor on "
        "Oct. 3.",
        timexes=[("Oct. 3", "DATE", "XXXX-10-03")],
    )
    (ruling,) = [e for e in result.events if e.trigger.text == "extended"]
    assert ruling.type == "court_ruling"
    assert result.names(ruling.agents) == {"Jane Roe"}


def test_stores_services_and_shares(run: Run) -> None:
    stores = run(
        "Apple and Google removed the app from their stores on Jan. 18.",
        timexes=[("Jan. 18", "DATE", "XXXX-01-18")],
    )
    (removal,) = [e for e in stores.events if e.type == "store_removal"]
    assert stores.names(removal.agents) == {"Apple", "Google"}
    dark = run("The app went dark on Saturday.", timexes=[("Saturday", "DATE", "XXXX-WXX-6")])
    assert "access_disable" in [e.type for e in dark.events]
    halted = run(
        "Trading in Corvex Systems shares was halted on April 17.",
        timexes=[("April 17", "DATE", "XXXX-04-17")],
    )
    assert "trading_halt" in [e.type for e in halted.events]


def test_companies_halting_their_operations_and_their_dealings(run: Run) -> None:
    ceased = run("Corvex Systems said in a filing that its major operating activities had ceased.")
    (halt,) = ceased.of_type("operations_halt")
    assert ceased.names(halt.agents) == {"Corvex Systems"}
    # a company's operations stopping is its condition, whatever the verb; an app or a
    # service going dark is access disabled
    for sentence in (
        "Corvex Systems ceased operations on May 9.",
        "Corvex Systems shut down its operations on May 9.",
        "Corvex Systems had shut down Corvex Systems on May 9.",
    ):
        closed = run(sentence, timexes=[("May 9", "DATE", "XXXX-05-09")])
        assert [e.type for e in closed.events] == ["operations_halt"], sentence
    dark = run("The Zimble app shut down on May 9.", timexes=[("May 9", "DATE", "XXXX-05-09")])
    assert [e.type for e in dark.events] == ["access_disable"]
    # a verb and its object as one access verb ("taking orders"); a name's last word
    # ("Co") is a company's, so the name before it acts
    orders = run("Samsung Electronics Co has stopped taking orders from Corvex Systems.")
    (stop,) = orders.of_type("access_disable")
    assert orders.names(stop.agents) == {"Samsung"}
    assert orders.names(stop.affected) == {"Corvex Systems"}
    # business with a party is dealings with it: the party is whom the halt concerns
    dealings = run("Samsung suspended business with Corvex Systems on Monday.")
    (halt,) = dealings.of_type("access_disable")
    assert dealings.names(halt.agents) == {"Samsung"}
    assert dealings.names(halt.affected) == {"Corvex Systems"}


def test_telling_someone_to_stop_is_a_directive_telling_what_one_will_do_is_not(
    run: Run,
) -> None:
    told_to = run("The Commerce Department told Samsung to stop shipping chips to Nokia.")
    assert told_to.by_trigger("told").type == "export_restriction"
    told_that = run("The chipmakers told their staff they will stop shipping chips to Nokia.")
    assert not told_that.of_type("export_restriction")
    (halt,) = told_that.of_type("access_disable")
    assert halt.modality == "planned"


def test_a_company_replacing_its_board(run: Run) -> None:
    replaced = run("Corvex Systems replaced its entire board of directors on Friday.")
    (change,) = replaced.of_type("management_change")
    assert replaced.names(change.agents) == {"Corvex Systems"}
    appointed = run("Shareholders approved the appointment of eight new directors on Friday.")
    assert appointed.of_type("management_change")
    # a country's voters electing a president is no company's management
    elected = run("Voters elected a new president on Sunday.")
    assert not elected.of_type("management_change")


def test_statements_need_to_name_whom_they_are_about(run: Run) -> None:
    about = run(
        "Trade Minister Jane Roe condemned the ban on Corvex Systems on Thursday.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    assert "statement" in [e.type for e in about.events]
    vague = run(
        "The company pledged on Thursday to cooperate with regulators.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    assert "statement" not in [e.type for e in vague.events]


def test_a_pledge_or_an_assurance_told_by_its_noun_is_a_statement(run: Run) -> None:
    """Who gives it acts (its "from", also after the verb of whoever receives it); who
    receives it is what it is about."""
    after = run("Nokia restored its service after assurances from Governor Jane Roe.")
    assurance = after.by_trigger("assurances")
    assert assurance.type == "statement"
    assert after.names(assurance.agents) == {"Jane Roe"}
    received = run(
        "Samsung and Nokia received assurances from the Department of Justice that resuming "
        "sales would not violate federal law."
    )
    given = received.by_trigger("assurances")
    assert received.names(given.agents) == {"US Department of Justice"}
    assert received.names(given.affected) == {"Nokia", "Samsung"}
    # a promise of no one in particular is no statement
    assert not run("The technology holds great promise for farmers.").of_type("statement")


def test_what_a_party_receives_from_another_is_the_giver_s_act(run: Run) -> None:
    result = run("Nokia received a licence from the Commerce Department on Monday.")
    licence = result.by_trigger("licence")
    assert result.names(licence.agents) == {"US Department of Commerce"}
    assert result.names(licence.affected) == {"Nokia"}


def test_beginning_to_lift_a_ban_lifts_it_in_part(run: Run) -> None:
    began = run("The Commerce Department began lifting the ban on Samsung on Monday.")
    assert began.by_trigger("lifting").type == "partial_lift"  # the first step of the lifting
    lifted = run("The Commerce Department lifted the ban on Samsung on Monday.")
    assert lifted.by_trigger("lifted").type == "full_lift"


def test_an_order_is_what_its_clause_says_it_does(run: Run) -> None:
    revoking = run(
        "President Jane Roe signed an executive order revoking the bans on Corvex Systems.",
    )
    (lift,) = [e for e in revoking.events if e.type == "full_lift"]
    assert revoking.names(lift.agents) == {"Jane Roe"}
    assert lift.instrument is not None  # the act is by the order
    assert revoking.entities[lift.instrument].type == "legal_instrument"
    delaying = run(
        "President Jane Roe signed an executive order on Monday seeking to delay by 75 days "
        "the enforcement of a ban on Corvex Systems.",
        timexes=[("Monday", "DATE", "XXXX-WXX-1")],
    )
    (pause,) = [e for e in delaying.events if e.type == "enforcement_pause"]
    assert pause.modality == "asserted"  # the order was signed; what it seeks is its content
    assert not [e for e in delaying.events if e.trigger.text == "order"]


def test_the_sum_a_payment_is_about(run: Run) -> None:
    # a sign before the number, a word of scale, a noun the payment modifies
    fine = run("The deal included a $2.5 billion penalty that Corvex Systems paid in June.")
    amount = fine.by_trigger("paid").amount
    assert amount is not None
    assert (amount.value, amount.currency, amount.span.text) == (2.5e9, "USD", "$2.5 billion")
    # an abbreviated scale; a currency named after the number
    short = run("Corvex Systems deposited $75M in escrow.")
    assert short.by_trigger("deposited").amount.value == 75e6  # type: ignore[union-attr]
    euros = run("Corvex Systems paid 3.2 million euros in fines.")
    paid = euros.by_trigger("paid").amount
    assert paid is not None and (paid.value, paid.currency) == (3.2e6, "EUR")
    # a sum in a clause of its own belongs to that clause's payment, not to this one
    two = run("After Nokia paid a $3 million fine, Samsung paid a penalty as well.")
    first, second = sorted(
        (e for e in two.events if e.type == "penalty_payment"), key=lambda e: e.trigger.start
    )
    assert first.amount is not None and first.amount.value == 3e6
    assert second.amount is None


def test_a_company_that_agrees_to_pay_has_not_paid(run: Run) -> None:
    def paid(text: str) -> list[str]:
        result = run(text)
        return [e.modality for e in result.events if e.type == "penalty_payment"]

    told = "The ban came after Samsung broke a deal in which Samsung {} a $1.2 billion fine."
    assert paid(told.format("paid")) == ["asserted"]
    assert "asserted" not in paid(told.format("agreed to pay"))


def test_the_parties_of_a_licence_revoked(run: Run) -> None:
    # who holds the licences, and whom the dealings they allowed were with
    held = run("The government revoked export licences held by Nvidia and AMD to Huawei.")
    assert held.names(held.by_trigger("licences").affected) == {"Nvidia", "AMD", "Huawei"}
    allowing = run("The government revoked licences allowing Huawei to buy chips from Nvidia.")
    assert allowing.names(allowing.by_trigger("licences").affected) == {"Huawei", "Nvidia"}


def test_a_government_suspending_a_company_s_operations_restricts_the_company(run: Run) -> None:
    suspended = run(
        "The Kenyan government suspended the operations of Corvex Systems on Friday.",
        timexes=[("Friday", "DATE", "XXXX-WXX-5")],
    )
    (restriction,) = suspended.of_type("export_restriction")
    assert suspended.names(restriction.affected) == {"Corvex Systems"}
    assert not suspended.of_type("access_disable")
    # the owner of the acting body's name is who acts, never whose operations stop
    owned = run("Kenya's government suspended the operations of Corvex Systems on Friday.")
    (restriction,) = owned.of_type("export_restriction")
    assert owned.names(restriction.agents) == {"Kenya"}
    assert owned.names(restriction.affected) == {"Corvex Systems"}
    # a company halting its own operations is still its own act
    own = run("Corvex Systems suspended its operations on Friday.")
    assert own.of_type("operations_halt") and not own.of_type("export_restriction")


def test_an_infinitive_after_the_object_completes_a_directive(run: Run) -> None:
    """ "directed providers to block access", parsed as a clause of purpose: the directive."""
    directed = run(
        "The regulator directed all internet service providers to block access to the "
        "ZenChat platform on June 5.",
        timexes=[("June 5", "DATE", "XXXX-06-05")],
    )
    assert [e.type for e in directed.events] == ["export_restriction"]
    assert directed.names(directed.events[0].models) == {"ZenChat"}


def test_a_grace_period_given_is_a_pause_not_an_order_to_sell(run: Run) -> None:
    paused = run(
        "President Jane Roe signed an executive order giving Vidly a grace period to sell its "
        "U.S. operations."
    )
    assert paused.by_trigger("giving").type == "enforcement_pause"
    ordered = run("President Jane Roe signed an executive order giving Vidly 45 days to sell.")
    assert ordered.by_trigger("giving").type == "divestment_order"


def test_a_licence_a_party_is_told_it_needs_restricts_that_party(run: Run) -> None:
    """ "informed Samsung that it would need a licence": a licence requirement the
    government notifies, on the party it tells ("it", "its" are that party)."""
    for text in (
        "The Commerce Department informed Samsung that it would need a license to export its "
        "chips to China.",
        "The Commerce Department informed Samsung that its exports of chips to China will "
        "require a license.",
    ):
        result = run(text)
        (restriction,) = result.of_type("export_restriction")
        assert result.names(restriction.agents) == {"US Department of Commerce"}
        assert result.names(restriction.affected) == {"Samsung"}
        assert restriction.modality == "asserted"


def test_the_government_of_a_country_is_that_country(run: Run) -> None:
    result = run(
        "The government of Kenya on Wednesday lifted its ban on Samsung.",
        timexes=[("Wednesday", "DATE", "XXXX-WXX-3")],
    )
    (lift,) = result.of_type("full_lift")
    assert result.names(lift.agents) == {"Kenya"}
    assert result.names(lift.affected) == {"Samsung"}


def test_a_company_sanctioned_is_designated(run: Run) -> None:
    result = run(
        "The Treasury Department sanctioned Korvo Technologies on Thursday.",
        timexes=[("Thursday", "DATE", "XXXX-WXX-4")],
    )
    (designation,) = result.of_type("designation")
    assert result.names(designation.agents) == {"US Department of the Treasury"}
    assert result.names(designation.affected) == {"Korvo Technologies"}
    # a company sanctioning no one: "Samsung sanctioned the deal" is no measure
    assert not run("Samsung sanctioned the deal with Nokia.").of_type("designation")


def test_a_court_declining_to_hear_a_case_rules_on_its_party(run: Run) -> None:
    result = run("The Supreme Court declined to hear Samsung's appeal on Monday.")
    (ruling,) = result.of_type("court_ruling")
    assert result.names(ruling.affected) == {"Samsung"}
    assert not run("Samsung declined to hear the offer.").of_type("court_ruling")


def test_a_company_and_some_of_its_affiliates_placed_on_a_list(run: Run) -> None:
    result = run("Commerce placed Korvo Technologies and 12 of its affiliates on the Entity List.")
    (addition,) = result.of_type("list_addition")
    assert "Korvo Technologies" in result.names(addition.affected)
    # "of its affiliates" read as a phrase of the verb, the list as one of "affiliates"
    result = run(
        "But the administration put Qualcomm and 114 of its affiliates on its Entity List in "
        "May 2029, which meant US firms were not able to sell to the business."
    )
    (addition,) = result.of_type("list_addition")
    assert "Qualcomm" in result.names(addition.affected)


def test_a_directive_to_remove_a_company_s_goods_restricts_that_company(run: Run) -> None:
    result = run("Britain ordered telecom operators to remove Nokia equipment from their networks.")
    (restriction,) = result.of_type("export_restriction")
    assert result.names(restriction.agents) == {"United Kingdom"}
    assert result.names(restriction.affected) == {"Nokia"}


def test_a_vote_to_bar_a_company_s_goods_is_the_body_s_decision(run: Run) -> None:
    result = run(
        "The FCC voted on Thursday to bar new approvals of equipment from Samsung.",
        timexes=[("Thursday", "DATE", "2024-05-09")],
    )
    (restriction,) = result.of_type("export_restriction")
    assert result.names(restriction.agents) == {"Federal Communications Commission"}
    assert result.names(restriction.affected) == {"Samsung"}
    assert restriction.modality == "asserted"
    assert result.timexes[restriction.timex].span.text == "Thursday"


def test_a_government_suspending_a_company_restricts_it(run: Run) -> None:
    result = run(
        "The Kenyan government suspended Samsung on June 4.",
        timexes=[("June 4", "DATE", "2021-06-04")],
    )
    (restriction,) = result.of_type("export_restriction")
    assert result.names(restriction.affected) == {"Samsung"}
    assert result.timexes[restriction.timex].span.text == "June 4"


def test_whom_a_licence_is_issued_to_and_whom_a_settlement_is_with(run: Run) -> None:
    issued = run(
        "The Commerce Department on Tuesday began issuing licenses to Samsung to sell its "
        "chips to China."
    )
    (grant,) = issued.of_type("licence_grant")
    assert issued.names(grant.affected) == {"Samsung"}
    settled = run(
        "Samsung agreed to pay a fine as part of a settlement with the Commerce Department."
    )
    (settlement,) = settled.of_type("settlement")
    assert settled.names(settlement.affected) == {"US Department of Commerce"}


def test_a_restriction_reinstated_is_in_force_again(run: Run) -> None:
    """ "The denial order was reinstated": a restriction, not access restored ("order" is
    also a word of business: "taking orders")."""
    reinstated = run("The denial order against Samsung was reinstated on Friday.")
    assert [e.type for e in reinstated.events] == ["export_restriction"]
    restored = run("Samsung restored access to its app on Friday.")
    assert [e.type for e in restored.events] == ["access_restore"]


def test_a_court_staying_another_court_s_injunction_rules(run: Run) -> None:
    result = run(
        "An appeals court on Monday stayed the injunction, allowing the ban on Samsung to "
        "take effect.",
        timexes=[("Monday", "DATE", "2025-07-14")],
    )
    (ruling,) = result.of_type("court_ruling")
    assert ruling.trigger.text == "stayed"
    assert result.timexes[ruling.timex].span.text == "Monday"
    # a company does not stay an injunction
    reversed_by = run("Samsung reversed the ruling of its board.")
    assert not [e for e in reversed_by.of_type("court_ruling") if e.trigger.text == "reversed"]


def test_a_suspension_a_court_orders_is_its_ruling(run: Run) -> None:
    result = run(
        "The High Court of Kenya on Friday ordered the suspension of the ZenChat platform.",
        timexes=[("Friday", "DATE", "2031-08-29")],
    )
    suspension = result.by_trigger("suspension")
    assert suspension.type == "court_ruling"
    assert result.names(suspension.models) == {"ZenChat"}


def test_a_service_going_unreachable_and_users_regaining_it(run: Run) -> None:
    """What users see: a service that "became inaccessible" is switched off, one they
    "regained access to" is back."""
    dark = run(
        "ZenChat became inaccessible to most users in Kenya on Saturday.",
        timexes=[("Saturday", "DATE", "2031-08-30")],
    )
    assert [e.type for e in dark.events] == ["access_disable"]
    back = run(
        "Users in Kenya regained access to the ZenChat app on Wednesday.",
        timexes=[("Wednesday", "DATE", "2031-10-08")],
    )
    (restored,) = back.events
    assert restored.type == "access_restore"
    assert back.names(restored.affected + restored.models) == {"ZenChat"}


def test_sanctions_imposed_on_a_named_party_designate_it(run: Run) -> None:
    result = run(
        "The Treasury Department on Monday imposed sanctions on Samsung and three of its "
        "executives.",
        timexes=[("Monday", "DATE", "2031-03-10")],
    )
    (sanctions,) = result.of_type("designation")
    assert result.names(sanctions.agents) == {"US Department of the Treasury"}
    assert result.names(sanctions.affected) == {"Samsung"}
    # sanctions as a topic are no act
    topic = run("Sanctions have hurt the economy for years.", timexes=[])
    assert not topic.of_type("designation")


def test_a_court_annulling_a_fine_rules_on_whom_it_was_imposed(run: Run) -> None:
    result = run(
        "The General Court on Wednesday annulled the 1.2 billion euro fine imposed on Samsung.",
        timexes=[("Wednesday", "DATE", "2031-03-12")],
    )
    ruling = result.by_trigger("annulled")
    assert ruling.type == "court_ruling"
    assert result.names(ruling.agents) == {"General Court of the European Union"}
    assert result.names(ruling.affected) == {"Samsung"}


def test_a_directive_to_strip_a_companys_equipment_restricts_it(run: Run) -> None:
    result = run(
        "The British government on Tuesday ordered telecom operators to strip Samsung "
        "equipment from their 5G networks by 2027.",
        timexes=[("Tuesday", "DATE", "2031-03-11"), ("2027", "DATE", "2027")],
    )
    (directive,) = result.of_type("export_restriction")
    assert result.names(directive.affected) == {"Samsung"}


def test_a_licence_requirement_a_party_was_informed_of_restricts_it(run: Run) -> None:
    """ "Samsung had been informed by the Commerce Department that exports ... would
    require a licence": the department decided it, and it binds Samsung."""
    result = run(
        "Samsung said on Wednesday it had been informed by the Commerce Department that "
        "exports of its chips to China would require a licence.",
        timexes=[("Wednesday", "DATE", "2031-09-10")],
    )
    (required,) = result.of_type("export_restriction")
    assert required.modality == "asserted"
    assert result.names(required.agents) == {"US Department of Commerce"}
    assert "Samsung" in result.names(required.affected)


def test_a_licence_a_government_requires_is_its_restriction(run: Run) -> None:
    """ "The Dutch government said it would require licences for Samsung's machines": the
    government imposes the requirement, on whose goods it is for; "Samsung will need a
    licence" still binds Samsung."""
    result = run(
        "The Dutch government said on Friday it would require export licences for Samsung's "
        "most advanced machines from September 1.",
        timexes=[("Friday", "DATE", "2031-06-27"), ("September 1", "DATE", "2031-09-01")],
    )
    (required,) = result.of_type("export_restriction")
    assert result.names(required.agents) == {"Dutch government"}
    assert result.names(required.affected) == {"Samsung"}
    needed = run("Samsung will now require a licence to sell its machines to Nokia.")
    (bound,) = needed.of_type("export_restriction")
    assert "Samsung" in needed.names(bound.affected)
    assert not bound.agents


def test_a_restriction_undone_in_one_word_or_run_out_is_lifted(run: Run) -> None:
    unblocked = run(
        "Kenya unblocked ZenChat on Tuesday.", timexes=[("Tuesday", "DATE", "2031-09-09")]
    )
    (lift,) = unblocked.events
    assert lift.type == "full_lift"
    assert unblocked.names(lift.agents) == {"Kenya"}
    assert unblocked.names(lift.affected) == {"ZenChat"}
    lapsed = run(
        "The suspension of ZenChat expired on Tuesday.",
        timexes=[("Tuesday", "DATE", "2031-09-09")],
    )
    (expiry,) = lapsed.events
    assert expiry.type == "full_lift"
    assert lapsed.names(expiry.affected) == {"ZenChat"}


def test_a_government_allowing_an_app_to_operate_relieves_it(run: Run) -> None:
    result = run(
        "Kenya reversed course on Tuesday and allowed ZenChat to operate again.",
        timexes=[("Tuesday", "DATE", "2031-09-09")],
    )
    (relief,) = result.events
    assert relief.type in ("partial_lift", "full_lift")
    assert result.names(relief.affected) == {"ZenChat"}


def test_a_countrys_unnamed_body_acts_for_the_country(run: Run) -> None:
    """ "Kenya's communications authority restored access": the government whose body it
    is acts, so restoring access is the government's lift, not a company's switch."""
    result = run(
        "Kenya's communications authority restored access to ZenChat on Tuesday.",
        timexes=[("Tuesday", "DATE", "2031-09-09")],
    )
    (lift,) = result.events
    assert lift.type == "full_lift"
    assert result.names(lift.agents) == {"Kenya"}


def test_instruments_a_request_to_a_court_is_the_case_not_the_block(run: Run) -> None:
    """ "Filed a lawsuit on Monday, asking a judge to block the ban": one lawsuit, and the
    block it asks for is requested, not done."""
    result = run(
        "Samsung filed a lawsuit against the Commerce Department on Monday, asking a judge "
        "to block the ban on its phones.",
        timexes=[("Monday", "DATE", "2031-06-30")],
    )
    asserted = [e.type for e in result.events if e.modality == "asserted"]
    assert asserted == ["lawsuit"]
    assert all(e.modality == "requested" for e in result.of_type("court_block"))


@pytest.mark.parametrize(
    ("text", "trigger", "stage"),
    [
        ("Zentra signed an agreement in principle with Korvo Systems.", "agreement", "preliminary"),
        ("Zentra and Korvo Systems reached a framework deal on Monday.", "deal", "preliminary"),
        ("Zentra signed binding agreements with Korvo Systems.", "agreements", "final"),
        ("The commission issued its final designation of Korvo Systems.", "designation", "final"),
        ("Zentra signed an agreement with Korvo Systems.", "agreement", None),
    ],
)
def test_the_words_of_a_step_name_it(run: Run, text: str, trigger: str, stage: str | None) -> None:
    """An early step of a process and the one that concludes it, by the words before the
    trigger or "in principle" after it; a mention with neither names no step."""
    (event,) = [e for e in run(text).events if e.trigger.text.endswith(trigger)]
    assert event.stage == stage


def test_an_admission_is_the_party_owning_up(run: Run) -> None:
    """What a party admits to a regulator is an act of its own, dated by its clause; a
    country "admitted" to a body admits no fault."""
    result = run(
        "Kestrio Telecom admitted in March that it had not disciplined the engineers.",
        timexes=[("March", "DATE", "2031-03")],
    )
    (admission,) = result.of_type("admission")
    assert result.names(admission.agents) == {"Kestrio Telecom"}
    assert admission.timex is not None
    assert not run("Vietnam was admitted to the trade body in 2007.").of_type("admission")


def test_an_app_that_pays_its_fines_acts_for_its_company(run: Run) -> None:
    """An app named as the subject of a company's own act acts (its "its" is the app, not
    the country its sentence names after it); told by its lawyers on a day in the present
    perfect, the act was done that day, its second verb sharing the first one's "has"."""
    result = run(
        "The messaging app ZenChat was suspended in August. ZenChat has appointed a legal "
        "representative in Peru and paid the fines it owed, its lawyers told the court on "
        "Tuesday.",
        timexes=[("August", "DATE", "2031-08"), ("Tuesday", "DATE", "2031-10-07")],
    )
    paid = result.by_trigger("paid")
    assert paid.type == "penalty_payment"
    assert result.names(paid.agents) == {"ZenChat"}
    assert paid.date is not None and paid.date.earliest.isoformat() == "2031-10-07"
    # an app that goes dark is what changes, not who acts
    dark = run("The messaging app ZenChat went dark on Saturday.")
    (disabled,) = dark.of_type("access_disable")
    assert not disabled.agents
    assert dark.names(disabled.models) == {"ZenChat"}


def test_a_ruling_on_the_measure_an_article_is_about_concerns_its_company() -> None:
    """ "The appeals court vacated the listing", in an article about one company: the
    listing the article has named is that company's; with two companies, no guess."""
    one = extracted(
        "The Commerce Department added Kestrio Telecom to the Entity List in March. Kestrio "
        "Telecom denied any wrongdoing.\n\n"
        "The appeals court on November 20 vacated the listing and sent the matter back.",
        date(2031, 12, 6),
    )
    names = {e.id: e.name for e in one.entities}
    (ruling,) = [e for e in one.events if e.trigger.text == "vacated"]
    assert {names[i] for i in ruling.affected} == {"Kestrio Telecom"}
    two = extracted(
        "The Commerce Department added Kestrio Telecom and Velkor Robotics to the Entity List "
        "in March. Kestrio Telecom and Velkor Robotics denied any wrongdoing.\n\n"
        "The appeals court on November 20 vacated the listing.",
        date(2031, 12, 6),
    )
    (ruling,) = [e for e in two.events if e.trigger.text == "vacated"]
    assert not ruling.affected


def test_what_a_suit_asks_for_is_requested_not_done(run: Run) -> None:
    """ "Sued the department to overturn the ban": the suit is the act, the lifting only
    what it asks a court for; a ruling won in a suit is done."""
    result = run("Kestrio Telecom sued the Commerce Department to overturn the ban on its routers.")
    assert result.by_trigger("sued").modality == "asserted"
    assert result.by_trigger("overturn").modality == "requested"
    won = run("Kestrio Telecom filed a lawsuit that it has already won a first round in.")
    assert won.by_trigger("won").modality == "asserted"


def test_it_after_a_described_body_is_that_body(run: Run) -> None:
    """ "The department had followed the law when it issued the ban": "it" is the body the
    governing clause's description names, not the company named nearer."""
    result = run(
        "The Commerce Department banned Kestrio Telecom routers in February. A court ruled "
        "that the department had followed the law when it issued the ban, rejecting Kestrio "
        "Telecom's appeal.",
    )
    issued = [e for e in result.events if e.trigger.text == "ban"]
    assert issued and all(e.type == "export_restriction" for e in issued)
    assert {n for e in issued for n in result.names(e.agents)} == {"US Department of Commerce"}


def test_a_measure_another_act_acts_on_is_not_the_lead_news() -> None:
    """ "An appeals court on Wednesday upheld the department's ban": the ruling is the news,
    the ban it upholds is older; a ban the lead's own verb imposes is the news."""
    upheld = extracted(
        "A federal appeals court on Wednesday upheld the Commerce Department's ban on Kestrio "
        "Telecom routers.",
        date(2031, 11, 13),
    )
    assert [(e.trigger.text, e.news) for e in upheld.events if e.news] == [("upheld", True)]
    imposed = extracted(
        "The Commerce Department imposed a ban on Kestrio Telecom routers.", date(2031, 11, 13)
    )
    assert [e.trigger.text for e in imposed.events if e.news] == ["ban"]


def test_sanctioned_executives_stand_for_their_company(run: Run) -> None:
    """The people or the units of a company ("twelve Kestrio Telecom executives", "the
    subsidiaries of Kestrio Telecom") put under sanctions affect that company."""
    for text in (
        "The Treasury Department sanctioned twelve Kestrio Telecom executives.",
        "The Treasury Department sanctioned the subsidiaries of Kestrio Telecom.",
    ):
        result = run(text)
        (sanctioned,) = result.of_type("designation")
        assert result.names(sanctioned.affected) == {"Kestrio Telecom"}
    assert not run("The Treasury Department sanctioned twelve executives.").of_type("designation")


def test_what_a_licence_permits_names_its_products(run: Run) -> None:
    """The products a licence lets its holder sell, told by the clause that says what it
    permits, are what granting or revoking it concerns."""
    granted = run(
        "The Commerce Department granted Kestrio Telecom licences to sell its Zeta 40 phones "
        "in China."
    )
    (grant,) = granted.of_type("licence_grant")
    assert granted.names(grant.models) == {"Zeta 40"}
    revoked = run(
        "The Commerce Department revoked the licences that allowed Kestrio Telecom to sell "
        "Zeta 40 phones in China."
    )
    (revocation,) = revoked.of_type("licence_revocation")
    assert revoked.names(revocation.models) == {"Zeta 40"}
    # a relative clause about something else done to the licence names nothing it permits
    other = run("The Commerce Department revoked the licences that Kestrio Telecom held.")
    (revocation,) = other.of_type("licence_revocation")
    assert not revocation.models


def test_a_lapse_as_of_a_day_happened_that_day() -> None:
    """ "Has expired as of August 13": the day the lapse takes effect is its day; and a day
    that bounds a period is not the day of the lead's act, which the paragraph's "also"
    would give to another act."""
    records = extracted(
        "The Commerce Department said the temporary licence of Kestrio Telecom has expired as "
        "of August 13. It also added twelve affiliates of Kestrio Telecom to the Entity List.",
        date(2030, 8, 18),
    )
    (lapse,) = [e for e in records.events if e.type == "licence_expiry"]
    assert lapse.date == DateRange.day(date(2030, 8, 13))
    (added,) = [e for e in records.events if e.type == "list_addition"]
    assert added.date is None and not added.relations


def test_a_date_of_a_reported_clause_is_not_the_saying_s() -> None:
    """ "The company said the department informed it on April 8 that ...": April 8 is the
    day of the informing, not of the saying."""
    records = extracted(
        "Kestrio Telecom said on Tuesday that its sales had fallen. In a filing, the company "
        "said the Commerce Department informed it on April 8 that the licence requirement "
        "would remain in place.",
        date(2032, 4, 14),
    )
    for event in records.events:
        if event.trigger.text == "said":
            assert event.date != DateRange.day(date(2032, 4, 8))


def test_an_act_told_separately_is_news_of_its_article() -> None:
    """ "Separately, the Treasury sanctioned ...": another piece of a dated article's news,
    shortly before it; told "earlier", background of no known day."""
    text = (
        "The Commerce Department on Monday banned the sale of Kestrio Telecom routers.\n\n"
        "The company called the decision unfair.\n\n"
        "{}the Treasury Department sanctioned twelve Kestrio Telecom executives."
    )
    for opening, news in (("Separately, ", True), ("Earlier, ", False)):
        records = extracted(text.format(opening), date(2031, 2, 10))
        (sanctioned,) = [e for e in records.events if e.type == "designation"]
        assert sanctioned.news is news


def test_a_product_s_owner_is_told_where_the_text_names_it_again(run: Run) -> None:
    """ "Cleared Kestrio to resume Zeta 40 sales": the company told to act on a product is
    relieved when the text says elsewhere that the product is its own ("its Zeta 40
    phones"); with no owner told, it only carries out the measure."""
    owned = run(
        "Kestrio Telecom said its Zeta 40 phones sold well in China. The Commerce Department "
        "cleared Kestrio Telecom to resume Zeta 40 sales to China."
    )
    (cleared,) = owned.of_type("partial_lift")
    assert owned.names(cleared.affected) == {"Kestrio Telecom"}
    assert owned.names(cleared.models) == {"Zeta 40"}
    unowned = run(
        "The Commerce Department cleared Kestrio Telecom to resume sales of Zeta 40 phones."
    )
    (cleared,) = unowned.of_type("partial_lift")
    assert not cleared.affected
