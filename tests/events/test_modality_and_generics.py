"""Modality, tense, state claims, and generic statements that are not events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.events.conftest import Result

Run = Callable[..., Result]  # conftest.run and run_parsed: text, timexes -> Result


def test_modality_an_adverb_negated_negates(run: Run) -> None:
    result = run(
        "Users will no longer be allowed to download Vidly from app stores, the Commerce "
        "Department said."
    )
    assert result.by_trigger("allowed").modality == "negated"


def test_modality_what_a_bill_does_is_planned(run: Run) -> None:
    bill = run("The bill requires Zentra to sell Vidly within 180 days.")
    assert bill.by_trigger("requires").modality == "planned"
    passed = run(
        "The House on Wednesday passed a bill that bans Vidly unless Zentra sells it.",
        timexes=[("Wednesday", "DATE", "XXXX-WXX-3")],
    )
    assert passed.by_trigger("passed").modality == "asserted"


def test_modality_what_a_law_in_force_says_is_a_state(run: Run) -> None:
    law = run("The law, signed in April, requires Zentra to sell Vidly within 180 days.")
    assert law.by_trigger("requires").modality == "state"
    # what a government orders is an act, whatever the tense
    ordered = run("The Commerce Department requires Zentra to sell Vidly within 180 days.")
    assert ordered.by_trigger("requires").modality == "asserted"


def test_modality_what_a_measure_told_by_a_pronoun_does_is_a_state(run: Run) -> None:
    """The present simple of a pronoun's measure tells what it does, not a new act; the
    same verb in the past is the act."""
    for text, trigger in (
        ("The agency issued a licence in 2016, which authorizes exports to Nokia.", "authorizes"),
        ("The deal was signed in June. It allows Nokia to resume buying chips.", "allows"),
    ):
        result = run(text)
        assert result.by_trigger(trigger).modality == "state", text
    act = run("The agency allowed Nokia to resume buying chips.")
    assert act.by_trigger("allowed").modality == "asserted"


def test_modality_a_pledge_named_by_its_noun_is_planned(run_parsed: Run) -> None:
    # a headline's "pledges", read as a noun with the act in its clause
    result = run_parsed("Germany pledges to remove Samsung equipment by 2030")
    assert result.by_trigger("remove").modality == "planned"


def test_modality_what_terms_or_a_deal_would_do_is_planned(run: Run) -> None:
    # what is negotiated is not done: "terms to lift", "an agreement to end"
    for text, trigger in (
        ("Washington and Beijing worked out terms to lift the restrictions on Korvo.", "lift"),
        ("The administration reached an agreement to end the sanctions on Korvo.", "end"),
    ):
        assert run(text).by_trigger(trigger).modality == "planned", text


def test_modality_considering_is_planned(run: Run) -> None:
    result = run(
        "According to a source familiar with the matter, the US government is also considering "
        "allowing Anthropic to restore access to its Fable 5 model, although no timeline has been "
        "announced."
    )
    lift = result.by_trigger("allowing")
    assert lift.modality == "planned"
    assert result.names(lift.models) == {"Fable 5"}
    assert lift.attribution is not None and lift.attribution.cue.text.startswith("According to")
    assert not [e for e in result.events if e.modality == "asserted"]


def test_modality_headline_may_is_not_a_month_nor_an_event(run_parsed: Run) -> None:
    assert run_parsed("Fable 5 May Follow").events == []


def test_modality_coordinated_clauses_keep_their_own_models(run: Run) -> None:
    result = run(
        "The move allows a select group to regain access to the Claude Mythos 5 cybersecurity "
        "model, but the second frontier model, Fable 5, remains blocked — for now — with "
        "discussions ongoing."
    )
    lift = result.by_trigger("allows")
    assert lift.type == "partial_lift"
    assert result.names(lift.models) == {"Claude Mythos 5"}
    state = result.by_trigger("blocked")
    assert (state.type, state.modality) == ("export_restriction", "state")
    assert result.names(state.models) == {"Fable 5"}


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        (
            "Anthropic is working to restore access for approved providers quickly.",
            "restore",
            "planned",
        ),
        (
            "Anthropic hopes to expand availability of Mythos 5 and eventually reinstate the Fable "
            "model for general use.",
            "reinstate",
            "planned",
        ),
        (
            "Despite the leniency granted to Mythos 5, the government's letter explicitly excluded "
            "permission for Anthropic to release Fable.",
            "permission",
            "negated",
        ),
        (
            "He posited that maintaining the ban could have set a problematic precedent.",
            "ban",
            "hypothetical",
        ),
        (
            "OpenAI recently announced that its latest AI model series, GPT-5.6, would initially "
            'be rolled out to a "small group of trusted partners."',
            "rolled out",
            "planned",
        ),
        (
            "Anthropic confirmed the imminent restoration of access to its flagship models.",
            "restoration",
            "planned",
        ),
        ("Restrictions continue for organisations outside the approved list.", "continue", "state"),
    ],
)
def test_modality_cues(run_parsed: Run, text: str, trigger: str, modality: str) -> None:
    assert run_parsed(text).by_trigger(trigger).modality == modality


@pytest.mark.parametrize(
    "text",
    [
        "Export policy can slow diffusion, but it can also fracture the market.",
        "U.S. officials are therefore trying to move from blunt export bans toward more surgical "
        "controls — for example, restricting certain uses, users or integrations rather than "
        "entire models.",
        "The move reflects Washington's evolving approach to AI export controls—protecting "
        "sensitive technologies while allowing trusted commercial partners to access advanced AI "
        "models.",
        "Washington prefers flexible, adaptive controls over rigid product-level bans.",
    ],
)
def test_modality_generic_statements_are_not_events(run: Run, text: str) -> None:
    asserted = [e for e in run(text).events if e.modality == "asserted"]
    assert asserted == [], [(e.trigger.text, e.type) for e in asserted]


def test_modality_tense(run_parsed: Run) -> None:
    assert (
        run_parsed(
            "The United States has lifted export restrictions on Anthropic’s Claude Fable 5 models."
        )
        .by_trigger("lifted")
        .tense
        == "past"
    )
    assert (
        run_parsed("Commerce Secretary Howard Lutnick wrote to Anthropic on a Friday.")
        .by_trigger("wrote")
        .tense
        == "past"
    )


def test_attribution_as_outlet_reports(run: Run) -> None:
    result = run(
        "The news was confirmed in a letter from Commerce Secretary Howard Lutnick to Anthropic in "
        "a letter dated June 26, according to a letter obtained by POLITICO .",
        timexes=[("June 26", "DATE", "XXXX-06-26")],
    )
    dated = [e for e in result.of_type("letter") if e.timex is not None]
    assert len(dated) == 1
    assert result.timexes[dated[0].timex or ""].span.text == "June 26"
    letters = result.of_type("letter")
    assert {frozenset(result.names(e.agents)) for e in letters} >= {frozenset({"Howard Lutnick"})}
    for letter in letters:
        assert letter.attribution is not None
        assert result.names([letter.attribution.source or ""]) == {"POLITICO"}
        assert letter.attribution.instrument == "letter"


def test_attribution_outlet_first_to_report(run: Run) -> None:
    result = run("Semafor was the first to report the government's permission to release Mythos 5.")
    permission = result.by_trigger("permission")
    assert permission.type == "partial_lift"
    assert permission.attribution is not None
    assert result.names([permission.attribution.source or ""]) == {"Semafor"}


def test_modality_possible_noun_trigger_is_speculative(run: Run) -> None:
    result = run("The agency granted Samsung a possible extension of its licence.")
    assert result.by_trigger("extension").modality == "speculative"


def test_modality_obligation_is_a_requirement_not_an_act(run: Run) -> None:
    result = run("A licence must be issued by the agency for any sale of chips to Samsung.")
    assert result.by_trigger("licence").modality == "requested"


def test_modality_in_order_to_is_a_purpose_not_an_act(run: Run) -> None:
    result = run("The agency changed the rule in order to lift the ban on Samsung chips.")
    assert result.by_trigger("lift").modality == "planned"


def test_an_act_carried_by_a_verb_whose_actor_was_named_before_is_specific(run: Run) -> None:
    # "signed binding agreements": no determiner, but a past act of the company named
    result = run(
        "Nokia CEO John Doe informed employees that the company signed binding agreements "
        "to create a joint venture."
    )
    signed = result.by_trigger("agreements")
    assert result.names(signed.agents) == {"Nokia"}
    # with no act, a plural without a determiner stays generic
    assert not run("Binding agreements can take years to negotiate.").events


def test_modality_an_act_coordinated_with_an_objection_is_asserted(run: Run) -> None:
    """ "opposed the move and banned exports": the second act is not what "oppose" governs;
    a shared negation ("did not ban X or restrict Y") still holds for both."""
    done = run("The ministry said it opposed the move and banned exports of gallium to Nokia.")
    assert done.by_trigger("banned").modality == "asserted"
    refused = run("The ministry did not ban Nokia or restrict its sales.")
    assert {e.modality for e in refused.events} == {"negated"}


@pytest.mark.parametrize(
    ("headline", "done", "trigger"),
    [
        ("Samsung to resume chip sales to Nokia", "Samsung resumed chip sales to Nokia.", "resume"),
        ("Commerce to add Samsung to Entity List", "Commerce adds Samsung to Entity List", "add"),
    ],
)
def test_a_headline_infinitive_tells_what_is_to_come(
    run: Run, headline: str, done: str, trigger: str
) -> None:
    assert run(headline).by_trigger(trigger).modality == "planned"
    told = [e for e in run(done).events if e.trigger.text.startswith(trigger[:3])]
    assert [e.modality for e in told] == ["asserted"]


def test_modality_what_a_vote_decides_is_decided(run: Run) -> None:
    """ "Voted 3-2 on Thursday to add": the parser reads the infinitive as a clause of
    purpose, but it is what the vote decided, that day; a vote still planned plans it."""
    voted = run(
        "The Federal Communications Commission voted 3-2 on Thursday to add Samsung to its "
        "Covered List.",
        timexes=[("Thursday", "DATE", "2031-03-06")],
    )
    added = voted.by_trigger("add")
    assert added.modality == "asserted"
    assert voted.timexes[added.timex].span.text == "Thursday"
    planned = run(
        "The Federal Communications Commission plans to vote later this month to add Samsung "
        "to its Covered List.",
        timexes=[],
    )
    assert planned.by_trigger("add").modality == "planned"


def test_modality_calling_a_measure_something_asks_for_nothing(run: Run) -> None:
    """ "called the ban unfair" says what the ban is; it asks for no ban."""
    judged = run("Velkor Robotics called the ban on its drones unfair on Monday.")
    assert judged.by_trigger("ban").modality == "asserted"
