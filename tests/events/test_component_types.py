"""ptkg_events: types, participants, models and scope on sentences of the bundled articles."""

from __future__ import annotations

from collections.abc import Callable

from tests.events.conftest import Result

Run = Callable[..., Result]  # conftest.run and run_parsed: text, timexes -> Result


def test_component_partial_lift_with_scope_and_models(run: Run) -> None:
    result = run(
        "The US has partially lifted export restrictions on Anthropic's flagship AI model, "
        "Claude Mythos 5, allowing access for approved companies after the startup addressed "
        "national security concerns raised by Washington."
    )
    lift = result.by_trigger("lifted")
    assert lift.type == "partial_lift"
    assert result.names(lift.agents) == {"United States"}
    assert result.names(lift.affected) == {"Anthropic"}
    assert result.names(lift.models) == {"Claude Mythos 5"}
    assert {s.population for s in lift.scope} == {"trusted_partners"}
    assert (lift.modality, lift.tense) == ("asserted", "past")


def test_component_full_lift_restoring_global_access(run: Run) -> None:
    result = run(
        "Washington has removed export restrictions on Anthropic’s Claude Fable 5 and Mythos 5 AI "
        "models, reopening global access after weeks of tightened controls on advanced systems."
    )
    lift = result.by_trigger("removed")
    assert lift.type == "full_lift"
    assert result.names(lift.models) == {"Claude Fable 5", "Mythos 5"}
    assert "all_users" in {s.population for s in lift.scope}
    # "reopening global access" is the same event, not a second one
    assert not [e for e in result.events if e.trigger.text == "reopening"]


def test_component_lift_type_follows_its_scope_not_its_word(run: Run) -> None:
    partial = run(
        "Prior to the full lifting of restrictions, Anthropic had received approval to provide "
        "its models to US organizations involved in operating and defending critical "
        "infrastructure."
    )
    approval = partial.by_trigger("approval")
    assert approval.type == "partial_lift"
    assert [s.population for s in approval.scope] == ["critical_infrastructure"]
    assert partial.names(approval.affected) == {"Anthropic"}
    assert partial.by_trigger("lifting").type == "full_lift"  # "full" says so


def test_component_count_of_a_scope(run: Run) -> None:
    result = run(
        "According to a Commerce Department letter seen by Reuters, more than 100 companies and "
        "institutions, including several Fortune 500 firms, will now be allowed to use "
        "Anthropic's Claude Mythos 5 model without requiring an export licence."
    )
    lift = result.by_trigger("allowed")
    assert lift.type == "partial_lift"
    counts = [s.count for s in lift.scope if s.count is not None]
    assert [(c.value, c.qualifier) for c in counts] == [(100, "more_than")]
    assert lift.modality == "asserted"  # "will now be allowed" is in force, not planned
    assert lift.attribution is not None
    assert result.names([lift.attribution.source or ""]) == {"Reuters"}
    assert lift.attribution.instrument == "letter"
    # the letter in "according to a letter ..." is a source, not an event of its own
    assert not result.of_type("letter")


def test_component_lawsuit_and_designation(run: Run) -> None:
    result = run(
        "Earlier in March, Anthropic initiated legal action against the Department of Defense. "
        'This came after the Pentagon designated the company as a "supply chain risk".',
        timexes=[("March", "DATE", "XXXX-03")],
    )
    lawsuit = result.by_trigger("legal action")
    assert lawsuit.type == "lawsuit"
    assert result.names(lawsuit.agents) == {"Anthropic"}
    assert result.names(lawsuit.affected) == {"US Department of Defense"}
    assert result.timexes[lawsuit.timex or ""].span.text == "March"
    designation = result.by_trigger("designated")
    assert designation.type == "designation"
    assert result.names(designation.agents) == {"US Department of Defense"}
    assert result.names(designation.affected) == {"Anthropic"}  # "the company"
    assert [(r.relation, r.target) for r in lawsuit.relations] == [("after", designation.id)]


def test_component_company_access_change_versus_government_restriction(run: Run) -> None:
    result = run(
        "The move comes as ChatGPT owner OpenAI, one of Anthropic’s largest competitors, confirmed "
        "it had restricted its cybersecurity AI model after the U.S. government raised concerns."
    )
    change = result.by_trigger("restricted")
    assert change.type == "access_limit"  # a company restricting its own model
    assert result.names(change.agents) == {"OpenAI"}
    assert change.attribution is not None and result.names([change.attribution.source or ""]) == {
        "OpenAI"
    }
    government = run("The government had earlier suspended access to the model over fears.")
    assert government.by_trigger("suspended").type == "export_restriction"


def test_component_directive_absorbs_what_it_orders(run: Run) -> None:
    result = run(
        "The move marks a shift in Washington's approach after it had directed Anthropic earlier "
        "this month to suspend access to some of its most powerful AI models.",
        timexes=[("earlier this month", "DATE", "XXXX-XX")],
    )
    order = result.by_trigger("directed")
    assert order.type == "export_restriction"
    assert result.names(order.agents) == {"US government"}
    assert result.names(order.affected) == {"Anthropic"}
    assert result.timexes[order.timex or ""].span.text == "earlier this month"
    assert not [e for e in result.events if e.trigger.text == "suspend"]


def test_component_request_with_agent_and_addressee(run: Run) -> None:
    result = run(
        "It is with this in mind that Austria has asked the EU to consider hosting Anthropic to "
        "preserve access to advanced AI models that have recently been restricted by the U.S."
    )
    request = result.by_trigger("asked")
    assert request.type == "request"
    assert result.names(request.agents) == {"Austria"}
    assert result.names(request.affected) == {"European Union"}
    restricted = result.by_trigger("restricted")
    assert restricted.type == "export_restriction"
    assert result.names(restricted.agents) == {"United States"}


def test_component_headline_is_reparsed(run: Run) -> None:
    result = run("U.S. Lifts Curbs on Anthropic’s Top AI Models, Easing National Security Squeeze")
    lift = result.by_trigger("Lifts")
    assert lift.type == "full_lift"
    assert lift.tense == "present"
    assert result.names(lift.agents) == {"United States"}
    assert result.names(lift.affected) == {"Anthropic"}
    # the headline's news is the lift; the curbs it lifts are what it acts on
    assert lift.news
    assert not result.by_trigger("Curbs").news


def test_component_a_headline_in_the_past_is_a_passive(run: Run) -> None:
    """A headline tells its news in the present: "Samsung Sanctioned By Treasury",
    "ZenChat banned in Kenya" leave out "was": what was done to is their subject."""
    body = "\n\nThe story goes on with more words about the matter at hand today."
    for headline, trigger, agent, affected in (
        (
            "Samsung Sanctioned By Treasury",
            "Sanctioned",
            "US Department of the Treasury",
            "Samsung",
        ),
        ("ZenChat banned in Kenya", "banned", "Kenya", "ZenChat"),
    ):
        result = run(headline + body)
        act = result.by_trigger(trigger)
        assert result.names(act.affected) == {affected}, headline
        assert result.names(act.agents) == {agent}, headline


def test_component_a_long_sentence_of_names_is_no_headline(run: Run) -> None:
    """Many capitalised names do not make a sentence a headline: what it tells is not the
    document's news for being written so."""
    result = run(
        "Corvex makes telecom equipment for carriers around the world, its report says.\n\n"
        "Corvex recently reached a plea agreement and settled with the U.S. Department of "
        "Justice, the U.S. Department of the Treasury's Office of Foreign Assets Control, and "
        "the U.S. Department of Commerce's Bureau of Industry and Security for a Combined "
        "Penalty of Nearly One Billion Dollars"
    )
    assert not [e for e in result.events if e.news]
    assert result.of_type("settlement")


def test_component_possessor_of_restored_object_is_the_agent(run: Run) -> None:
    """Regression: "the redeployment of its AI systems" is done by the company it names."""
    result = run(
        "Anthropic thanked its users. The company also acknowledged the collaborative efforts "
        "that led to the redeployment of its AI systems."
    )
    restore = result.by_trigger("redeployment")
    assert restore.type == "access_restore"
    assert result.names(restore.agents) == {"Anthropic"}


def test_types_lifting_a_portion_of_a_ban_lifts_it_in_part(run: Run) -> None:
    part = run("The Commerce Department lifted a portion of its ban on Huawei.")
    lifted = part.by_trigger("lifted")
    assert lifted.type == "partial_lift"
    assert part.names(lifted.affected) == {"Huawei"}
    whole = run("The Commerce Department lifted its ban on Huawei.")
    assert whole.by_trigger("lifted").type == "full_lift"


def test_types_a_service_available_again_is_restored(run: Run) -> None:
    """ "became accessible again": the service is back; "became available" alone (a new
    phone) restores nothing."""
    thursday = [("Thursday", "DATE", "2031-06-12")]
    back = run("Samsung became accessible again in Kenya on Thursday.", timexes=thursday)
    assert [e.type for e in back.events] == ["access_restore"]
    new = run("Samsung's new phone became available in Kenya on Thursday.", timexes=thursday)
    assert not [e for e in new.events if e.type == "access_restore"]
