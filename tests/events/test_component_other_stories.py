"""The event layer on other policy stories: nothing in it is specific to the bundled articles."""

from __future__ import annotations

from collections.abc import Callable

from tests.events.conftest import Result

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
    ban = result.by_trigger("ban")
    assert ban.type == "export_restriction"
    assert ban.timex is None
    assert result.names(ban.affected) == {"TikTok"}


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
