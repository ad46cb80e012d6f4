"""General error classes of the time tagger (issue 13), each in sentences of our own.

Every class was found on TimeML news the rules had not been written on; the sentences
here are invented, never taken from that data. Each test asserts the span, type and value
the TimeML conventions give.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.temporal import TimexTagger
from extract.temporal.clause import clause_tense
from extract.temporal.lexicon import default_lexicon
from extract.temporal.tense import FUTURE, PAST


def tags(tagger: TimexTagger, text: str, dct: str) -> list[tuple[str, str, str]]:
    return [(t.span.text, t.type, t.value) for t in tagger.tag(text, date.fromisoformat(dct))]


# --- tense: which verb governs a year-less date --------------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A participle after the date, used as an adjective, is not the clause's verb.
        ("The rule will apply in March to listed firms.", "2026-07-01", ("March", "2027-03")),
        # "completed" is a passive participle: "is expected to be" gives the tense.
        (
            "The merger is expected to be completed in January.",
            "2026-10-01",
            ("January", "2027-01"),
        ),
        # "made" after "be" is a participle too, not a past verb.
        ("The payment will be made on Dec. 7.", "2026-10-30", ("Dec. 7", "2026-12-07")),
        # An adjective in -ed after a determiner says nothing of the tense.
        (
            "Owners get the bonus on a still unspecified date in January.",
            "2026-11-02",
            ("January", "2027-01"),
        ),
        # A past cue inside another expression ("last week") is not the clause's.
        (
            "The firm, which reported last week, expects to pay the dividend on Dec. 7.",
            "2026-10-30",
            ("Dec. 7", "2026-12-07"),
        ),
        # The verb before the date governs it, not a reporting verb after it.
        (
            "The plant will reopen in September, the owners announced.",
            "2026-11-20",
            ("September", "2027-09"),
        ),
    ],
)
def test_tagger_tense_of_the_governing_verb(
    tagger: TimexTagger, text: str, dct: str, expected: tuple[str, str]
) -> None:
    found = {t[0]: t[2] for t in tags(tagger, text, dct)}
    assert found[expected[0]] == expected[1]


def test_clause_tense_skips_the_words_of_other_expressions() -> None:
    lexicon = default_lexicon()
    text = "The board met last Tuesday and votes on Friday."
    friday = text.index("Friday")
    last_tuesday = (text.index("last"), text.index(" and"))
    # Without knowing "last Tuesday" is an expression, "last" reads as a past cue.
    assert clause_tense(text, friday, friday + 6, lexicon) == PAST
    assert clause_tense(text, friday, friday + 6, lexicon, [last_tuesday]) == PAST  # "met"
    text = "Shares halted last Tuesday resume trading on Friday, the exchange will say."
    friday = text.index("Friday")
    assert clause_tense(text, friday, friday + 6, lexicon) == PAST
    skip = [(text.index("last"), text.index(" resume"))]
    # "halted" after a noun heads a (reduced) verb group: still past; the cue after the
    # date only counts when there is none before it.
    assert clause_tense(text, friday, friday + 6, lexicon, skip) == PAST
    text = "On Friday, the exchange will reopen."
    assert clause_tense(text, 3, 9, lexicon) == FUTURE


# --- deadlines: where something was moved to lies ahead --------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # Saturday 2026-07-04: the vote moved to the coming Friday, not the day before.
        ("The vote was postponed until Friday.", "2026-07-04", ("Friday", "2026-07-10")),
        ("The hearing was delayed until March.", "2026-07-01", ("March", "2027-03")),
        (
            "Regulators extended the review, which was due to end last Monday, to Nov. 20.",
            "2026-10-30",
            ("Nov. 20", "2026-11-20"),
        ),
        ("The court put off its ruling until the fall.", "2026-12-10", ("the fall", "2027-FA")),
    ],
)
def test_tagger_postponed_until_lies_ahead(
    tagger: TimexTagger, text: str, dct: str, expected: tuple[str, str]
) -> None:
    found = {t[0]: t[2] for t in tags(tagger, text, dct)}
    assert found[expected[0]] == expected[1]


def test_tagger_until_in_a_past_account_stays_in_the_past(tagger: TimexTagger) -> None:
    # No postponement: the talks ran until the Friday before the report.
    assert tags(tagger, "The talks lasted until Friday.", "2026-07-04") == [
        ("Friday", "DATE", "2026-07-03")
    ]


# --- decades and "the past year": calendar periods, counts of them durations ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices have barely moved over the last decade.", ("the last decade", "DATE", "201")),
        ("Two decades of growth ended abruptly.", ("Two decades", "DURATION", "P20Y")),
        ("About a decade passed before the repeal.", ("About a decade", "DURATION", "P10Y")),
        ("Output rose sharply over the past year.", ("the past year", "DATE", "2025")),
        ("The mill will stay open for the next year.", ("the next year", "DATE", "2027")),
        ("Rents doubled over the past three years.", ("the past three years", "DURATION", "P3Y")),
    ],
)
def test_tagger_decades_and_past_periods(
    tagger: TimexTagger, text: str, expected: tuple[str, str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01") == [expected]


def test_tagger_following_decade_follows_the_year_before(tagger: TimexTagger) -> None:
    text = "The mine opened in 1995 and closed in the following decade."
    assert tags(tagger, text, "2026-07-01") == [
        ("1995", "DATE", "1995"),
        ("the following decade", "DATE", "200"),
    ]


# --- "over" is a signal unless a verb of lasting or "for" makes it "more than" --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The loan will be repaid over three years.", ("three years", "P3Y", None)),
        ("The strike lasted over a week.", ("over a week", "P1W", "MORE_THAN")),
        ("She has led the union for over two decades.", ("over two decades", "P20Y", "MORE_THAN")),
        ("Fares rose over the next few months.", ("the next few months", "PXM", None)),
    ],
)
def test_tagger_over_is_more_than_only_after_a_cue(
    tagger: TimexTagger, text: str, expected: tuple[str, str, str | None]
) -> None:
    [timex] = tagger.tag(text, date(2026, 7, 1))
    assert (timex.span.text, timex.value, timex.mod) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dockers ended the two-week strike.", "two-week"),
        ("Banks use the 90-day rate.", "90-day"),
        ("For the nine months, sales rose.", "the nine months"),
    ],
)
def test_tagger_article_of_a_duration_used_as_an_adjective(
    tagger: TimexTagger, text: str, expected: str
) -> None:
    assert [t.span.text for t in tagger.tag(text, date(2026, 7, 1))] == [expected]


# --- hyphenated year ranges: each year its own expression -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The survey covered 2014-2016 and found little change.", ["2014", "2016"]),
        ("The club's 1998-99 season was its best.", ["1998", "1999"]),
        ("Budgets for 2009-10 were cut.", ["2009", "2010"]),
        ("Losses over 1999–2001 were heavy.", ["1999", "2001"]),
        ("It was filed as 1999-01 in the index.", ["1999"]),  # a month, not two years
    ],
)
def test_tagger_year_ranges_are_two_years(
    tagger: TimexTagger, text: str, expected: list[str]
) -> None:
    timexes = tagger.tag(text, date(2026, 7, 1))
    assert [(t.type, t.value) for t in timexes] == [("DATE", v) for v in expected]
    assert all(t.precision is not None and t.precision.value == "year" for t in timexes)


# --- offsets: a duration and a signal, except "a year earlier" in a comparison --------------


def test_tagger_later_is_a_signal_after_a_duration(tagger: TimexTagger) -> None:
    text = "The mill closed on May 4. Three days later, it reopened."
    may4, three_days = tagger.tag(text, date(2026, 7, 1))
    assert (three_days.span.text, three_days.type, three_days.value) == (
        "Three days",
        "DURATION",
        "P3D",
    )
    # The day it points to is still known, from the date before.
    assert three_days.anchor == f"timex:{may4.id}"
    assert three_days.range is not None and three_days.range.earliest == date(2026, 5, 7)


def test_tagger_from_now_is_a_duration_and_now(tagger: TimexTagger) -> None:
    assert tags(tagger, "Five years from now the grid will look different.", "2026-07-01") == [
        ("Five years", "DURATION", "P5Y"),
        ("now", "DATE", "PRESENT_REF"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some weeks before, the council had resigned.", ("Some weeks", "DURATION", "PXW")),
        ("A day earlier, the board had met.", ("A day", "DURATION", "P1D")),
        ("Profit rose 5% from a year earlier.", ("a year earlier", "DATE", "2025")),
    ],
)
def test_tagger_offsets(tagger: TimexTagger, text: str, expected: tuple[str, str, str]) -> None:
    assert tags(tagger, text, "2026-07-01") == [expected]


# --- measures that are not times ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The mother of a 10-month-old boy spoke to reporters.",
        "A 10-month-old was found unharmed.",
        "Twins aged 10 months were found unharmed.",
        "The referee gave a two-minute warning.",
        "He once ran a four-minute mile.",
        "He lost the final by half a second.",
        "She finished two seconds behind the leader.",
    ],
)
def test_tagger_measures_that_are_not_times(tagger: TimexTagger, text: str) -> None:
    assert tags(tagger, text, "2026-07-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The flight was delayed by two hours.", ("two hours", "PT2H")),
        ("The hearing lasted half an hour.", ("half an hour", "PT30M")),
        ("A minute and a half later, the lights failed.", ("A minute and a half", "PT1M30S")),
        ("They lived in tents for 2 1/2 years.", ("2 1/2 years", "P2Y6M")),
        ("The strike went on two and a half days.", ("two and a half days", "P2DT12H")),
    ],
)
def test_tagger_durations_with_fractions(
    tagger: TimexTagger, text: str, expected: tuple[str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01") == [(expected[0], "DURATION", expected[1])]


# --- race times -----------------------------------------------------------------------------


def test_tagger_race_times_are_durations(tagger: TimexTagger) -> None:
    assert tags(tagger, "She won the marathon in 2:14:07.", "2026-07-01") == [
        ("2:14:07", "DURATION", "PT2H14M7S")
    ]
    assert tags(tagger, "He ran the mile in 3:43.13, a record.", "2026-07-01") == [
        ("3:43.13", "DURATION", "PT3M43.13S")
    ]
    # After "at", a reading with seconds is the time of day.
    assert tags(tagger, "The alarm rang at 10:15:30.", "2026-07-01") == [
        ("10:15:30", "TIME", "2026-07-01T10:15:30")
    ]
