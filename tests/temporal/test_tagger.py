"""The tagger on real sentences of the seed corpus and on the issue's hard cases."""

from __future__ import annotations

from datetime import date

import pytest

from extract.records import DateRange, Precision, Timex
from extract.temporal import TimexTagger, TokenInfo, resolve

DCT = date(2026, 7, 1)  # a Wednesday


def found(tagger: TimexTagger, text: str, dct: DateRange | date | None = DCT) -> dict[str, Timex]:
    return {t.span.text: t for t in tagger.tag(text, dct)}


def r(a: str, b: str | None = None) -> DateRange:
    return DateRange(date.fromisoformat(a), date.fromisoformat(b or a))


def test_tagger_corpus_june_12_order(tagger: TimexTagger) -> None:
    text = (
        "Following the June 12 export control order, Anthropic had disabled access to its "
        "flagship Claude Mythos 5 and Fable 5 models for all users."
    )
    timexes = tagger.tag(text, DCT)
    assert [t.span.text for t in timexes] == ["June 12"]  # not "5", not "Mythos 5"
    june12 = timexes[0]
    assert (june12.type, june12.value, june12.range) == ("DATE", "2026-06-12", r("2026-06-12"))
    assert (june12.anchor, june12.precision) == ("dct", Precision.DAY)
    # The rule re-resolves: a DCT a year later gives that year's June 12.
    assert june12.rule is not None
    assert resolve(june12.rule, date(2027, 7, 1)) == r("2027-06-12")


def test_tagger_corpus_letter_dated_june_26(tagger: TimexTagger) -> None:
    text = (
        "The news was confirmed in a letter from Commerce Secretary Howard Lutnick to "
        "Anthropic in a letter dated June 26, according to a letter obtained by POLITICO."
    )
    assert found(tagger, text)["June 26"].value == "2026-06-26"


def test_tagger_early_june_is_the_first_third(tagger: TimexTagger) -> None:
    text = "In early June the U.S. Department of Commerce issued an export block."
    early = found(tagger, text)["early June"]
    assert early.range == r("2026-06-01", "2026-06-10")
    assert (early.value, early.precision, early.mod) == ("2026-06", Precision.MONTH, "START")


def test_tagger_month_only_is_never_the_first(tagger: TimexTagger) -> None:
    text = (
        "When Anthropic first announced Mythos in April, it warned that the model was too capable."
    )
    april = found(tagger, text)["April"]
    assert april.range == r("2026-04-01", "2026-04-30")
    assert (april.value, april.precision) == ("2026-04", Precision.MONTH)


def test_tagger_year_only_is_never_january_first(tagger: TimexTagger) -> None:
    year = found(tagger, "The rules were first drafted in 2025.")["2025"]
    assert year.range == r("2025-01-01", "2025-12-31")
    assert (year.value, year.precision, year.anchor) == ("2025", Precision.YEAR, "none")


def test_tagger_may_in_a_title_case_headline_is_a_verb(tagger: TimexTagger) -> None:
    assert tagger.tag("Fable 5 May Follow", DCT) == []
    assert found(tagger, "The rules took effect in May.")["May"].value == "2026-05"


def test_tagger_may_tagged_as_modal_by_tokens_is_not_a_month(tagger: TimexTagger) -> None:
    text = "Prices May Rise"
    tokens = [
        TokenInfo(0, 6, "NNS", "NOUN", "price", "nsubj", 2),
        TokenInfo(7, 10, "MD", "AUX", "may", "aux", 2),
        TokenInfo(11, 15, "VB", "VERB", "rise", "ROOT", 2),
    ]
    assert tagger.tag(text, DCT, tokens) == []


def test_tagger_march_lawsuit_is_a_month(tagger: TimexTagger) -> None:
    text = "The March lawsuit followed the designation. Protesters march on Washington."
    timexes = tagger.tag(text, DCT)
    assert [(t.span.text, t.value) for t in timexes] == [("March", "2026-03")]


def test_tagger_earlier_in_march_from_the_corpus(tagger: TimexTagger) -> None:
    text = "Earlier in March, Anthropic initiated legal action against the Department of Defense."
    assert found(tagger, text)["March"].range == r("2026-03-01", "2026-03-31")


def test_tagger_weekday_before_and_after_the_dct(tagger: TimexTagger) -> None:
    past = found(tagger, "Commerce Secretary Howard Lutnick wrote to Anthropic on Friday.")
    future = found(tagger, "The company will restore access on Friday.")
    # DCT Wednesday 2026-07-01: the Friday before is June 26, the one after July 3.
    assert past["Friday"].value == "2026-06-26"
    assert future["Friday"].value == "2026-07-03"


def test_tagger_possessive_weekday_is_past(tagger: TimexTagger) -> None:
    text = "Anthropic will comply with Friday's letter."
    assert found(tagger, text)["Friday"].value == "2026-06-26"


def test_tagger_weekday_against_a_wide_prior_keeps_its_rule(tagger: TimexTagger) -> None:
    prior = r("2025-11-23", "2026-11-22")
    friday = found(tagger, "Lutnick wrote to Anthropic on Friday.", prior)["Friday"]
    assert friday.value == "XXXX-WXX-5"
    assert friday.rule == "last:W5"


@pytest.mark.parametrize(
    "text",
    [
        "more than 100 companies and institutions",
        "its latest AI model series, GPT-5.6, would initially be rolled out",
        "Claude Mythos 5 and Fable 5",
        "a deal worth $2026 million",
        "2026 employees signed the letter",
    ],
)
def test_tagger_numbers_that_are_not_years(tagger: TimexTagger, text: str) -> None:
    assert tagger.tag(text, DCT) == []


def test_tagger_day_range(tagger: TimexTagger) -> None:
    timexes = tagger.tag("Talks ran June 12-26 in Washington.", DCT)
    assert [t.span.text for t in timexes] == ["June 12-26"]
    assert timexes[0].range == r("2026-06-12", "2026-06-26")
    assert timexes[0].precision is Precision.DAY


def test_tagger_between_two_dates_is_one_range(tagger: TimexTagger) -> None:
    timexes = tagger.tag("The review took place between June 12 and 26.", DCT)
    assert [(t.span.text, t.range) for t in timexes] == [
        ("between June 12 and 26", r("2026-06-12", "2026-06-26"))
    ]


def test_tagger_two_full_dates_are_two_timexes(tagger: TimexTagger) -> None:
    timexes = tagger.tag("It lasted from June 12 to June 26.", DCT)
    assert [(t.span.text, t.value) for t in timexes] == [
        ("June 12", "2026-06-12"),
        ("June 26", "2026-06-26"),
    ]


def test_tagger_footnote_marker_glued_to_a_day(tagger: TimexTagger) -> None:
    # A copied report's footnote "3" stuck to "June 21"; a year or a time stays what it is.
    timexes = tagger.tag("The court approved the plea on June 213 and the fine was paid.", DCT)
    assert [(t.span.text, t.value) for t in timexes] == [("June 213", "2026-06-21")]
    assert [t.value for t in tagger.tag("The court ruled in June 2024.", DCT)] == ["2024-06"]


def test_tagger_date_across_a_year_boundary(tagger: TimexTagger) -> None:
    december = found(tagger, "The order was signed on December 20.", date(2027, 1, 5))
    assert december["December 20"].value == "2026-12-20"


def test_tagger_expressions_inside_quotes(tagger: TimexTagger) -> None:
    text = "“We restored access on June 26,” the company said, ‘earlier this month’."
    timexes = found(tagger, text)
    assert timexes["June 26"].value == "2026-06-26"
    assert timexes["earlier this month"].range == r("2026-07-01", "2026-07-01")


def test_tagger_relative_expressions(tagger: TimexTagger) -> None:
    text = (
        "This development marks a significant shift from the previous month's directive. "
        "Earlier this year, the administration designated Anthropic a risk, and late last "
        "year it began a review. Its relationship with the government has been under "
        "scrutiny in recent months. Officials met yesterday and two weeks ago."
    )
    t = found(tagger, text)
    assert (t["the previous month"].value, t["the previous month"].range) == (
        "2026-06",
        r("2026-06-01", "2026-06-30"),
    )
    assert t["Earlier this year"].range == r("2026-01-01", "2026-07-01")
    assert t["late last year"].range == r("2025-09-01", "2025-12-31")
    assert t["recent months"].range == r("2026-01-01", "2026-07-01")
    assert t["yesterday"].value == "2026-06-30"
    assert t["two weeks ago"].value == "2026-W25"  # June 17 is in ISO week 25


def test_tagger_event_anchored_offset(tagger: TimexTagger) -> None:
    text = (
        "The US government has partially eased restrictions, just two weeks after "
        "imposing export controls over national security concerns."
    )
    offset = found(tagger, text)["two weeks"]
    assert (offset.type, offset.value, offset.anchor, offset.rule) == (
        "DURATION",
        "P2W",
        "event",
        "+P14D",
    )
    assert offset.range is None  # until the event layer binds the event


def test_tagger_offset_from_a_date_binds_to_it(tagger: TimexTagger) -> None:
    t = found(tagger, "A week before June 12, the vote was held.")
    assert (t["A week"].anchor, t["A week"].range) == ("timex:t2", r("2026-06-05"))


def test_tagger_durations_and_sets(tagger: TimexTagger) -> None:
    t = found(
        tagger, "The ban lasted for several weeks. Officials meet every Friday and report daily."
    )
    assert (t["several weeks"].type, t["several weeks"].value) == ("DURATION", "PXW")
    assert (t["every Friday"].type, t["every Friday"].value, t["every Friday"].quant) == (
        "SET",
        "XXXX-WXX-5",
        "EVERY",
    )
    assert t["daily"].value == "P1D"


def test_tagger_full_dates_and_quarters(tagger: TimexTagger) -> None:
    t = found(
        tagger,
        "It was signed on 12 June 2026, filed 2026-06-12, due June 12, 2026, "
        "and booked in the second quarter of 2026, mid-2025 and Q3 2024.",
    )
    assert {t[k].value for k in ("12 June 2026", "2026-06-12", "June 12, 2026")} == {"2026-06-12"}
    assert t["the second quarter of 2026"].value == "2026-Q2"
    assert t["mid-2025"].range == r("2025-05-01", "2025-08-31")
    assert t["Q3 2024"].value == "2024-Q3"


def test_tagger_unknown_dct_keeps_rule_without_range(tagger: TimexTagger) -> None:
    june12 = found(tagger, "the June 12 order", None)["June 12"]
    assert (june12.range, june12.value, june12.anchor) == (None, "XXXX-06-12", "dct")


def test_tagger_ids_follow_text_order(tagger: TimexTagger) -> None:
    timexes = tagger.tag("Yesterday, in March 2026, and on Friday.", DCT)
    assert [t.id for t in timexes] == ["t1", "t2", "t3"]
    assert [t.span.start for t in timexes] == sorted(t.span.start for t in timexes)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # Regressions found on TempEval-3 (news of 1989-2000).
        (
            "Sales fell in the year-ago third quarter.",
            "1989-10-26",
            ("the year-ago third quarter", "1988-Q3"),
        ),
        ("He was born in nineteen ninety-six.", "1998-02-27", ("nineteen ninety-six", "1996")),
        ("They plan a launch this September.", "1998-02-05", ("this September", "1998-09")),
        ("The dividend is payable Dec. 15.", "1989-10-26", ("Dec. 15", "1989-12-15")),
        ("The boy must go home by Jan. 14.", "2000-01-05", ("Jan. 14", "2000-01-14")),
        ("The 20th century ended.", "2000-01-05", ("The 20th century", "19")),
        ("He met officials on Monday, Oct. 26.", "1998-10-25", ("Monday, Oct. 26", "1998-10-26")),
        ("It was a 6-year-old boy.", "2000-01-05", None),
        ("About three-quarters of staff left.", "2000-01-05", None),
    ],
)
def test_tagger_regressions(
    tagger: TimexTagger, text: str, dct: str, expected: tuple[str, str] | None
) -> None:
    timexes = tagger.tag(text, date.fromisoformat(dct))
    if expected is None:
        assert timexes == []
    else:
        assert [(t.span.text, t.value) for t in timexes] == [expected]


def test_tagger_indefinite_weekday_is_some_such_day(tagger: TimexTagger) -> None:
    """Regression: "wrote on a Friday" is some Friday, not the last one before the DCT."""
    dct = date(2026, 7, 1)
    [some] = tagger.tag("Lutnick wrote to Anthropic on a Friday, noting progress.", dct)
    assert (some.value, some.range, some.anchor, some.rule) == ("XXXX-WXX-5", None, "none", None)
    [last] = tagger.tag("Lutnick wrote to Anthropic on Friday, noting progress.", dct)
    assert last.value == "2026-06-26" and last.rule == "last:W5"


def test_tagger_a_count_is_a_number_of_its_own(tagger: TimexTagger) -> None:
    """The digits after a year's dash ("2026-06") or a leading zero are no count of weeks."""
    stamped = found(tagger, "date 2026-06 Weeks earlier, Commerce banned Corvex.")
    assert not [t for t in stamped.values() if t.value == "P6W"]
    assert found(tagger, "It lasted 6 weeks.")["6 weeks"].value == "P6W"
