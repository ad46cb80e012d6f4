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
            "Owners get the bonus on a still undisclosed day in January.",
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
            "The agency, whose inquiry had run out last Monday, extended it to Nov. 20.",
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


# --- expressions the tagger used to miss ----------------------------------------------------


def test_tagger_the_day_before_hangs_on_the_last_date(tagger: TimexTagger) -> None:
    text = "The mill closed on May 4. The day before, the board had met."
    may4, before = tagger.tag(text, date(2026, 7, 1))
    assert (before.span.text, before.type, before.value) == ("The day before", "DATE", "2026-05-03")
    assert before.anchor == f"timex:{may4.id}"
    # Before a noun it is "the day" of that event, which this layer does not date.
    assert tags(tagger, "The board met the day before the vote.", "2026-07-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At that time, nobody expected a sale.", [("that time", "DATE", "PAST_REF")]),
        ("Prices were lower at the time.", [("the time", "DATE", "PAST_REF")]),
        ("He was away at the time of the attack.", []),
    ],
)
def test_tagger_at_that_time(
    tagger: TimexTagger, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert tags(tagger, text, "2026-07-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every winter the pass closes.", ("Every winter", "XXXX-WI")),
        ("Each morning the mayor reads the papers.", ("Each morning", "XXXX-XX-XXTMO")),
        ("The market opens on Sundays.", ("Sundays", "XXXX-WXX-7")),
        ("Choirs sing on Friday nights.", ("Friday nights", "XXXX-WXX-5TNI")),
        ("The club meets every Monday evening.", ("every Monday evening", "XXXX-WXX-1TEV")),
    ],
)
def test_tagger_sets_of_seasons_and_times_of_day(
    tagger: TimexTagger, text: str, expected: tuple[str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01") == [(expected[0], "SET", expected[1])]


def test_tagger_thus_is_not_thursdays(tagger: TimexTagger) -> None:
    assert tags(tagger, "Thus, the plan failed.", "2026-07-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal should close by the end of the year.", ("the end of the year", "2026")),
        ("The deal should close by end of the year.", ("end of the year", "2026")),
        ("The plant closes at the end of the fiscal year.", ("the end of the fiscal year", "2026")),
        (
            "Stocks rose at the end of the second quarter.",
            ("the end of the second quarter", "2026-Q2"),
        ),
        ("Coal will be phased out by the end of the decade.", ("the end of the decade", "202")),
        ("Hiring stops before year end.", ("year end", "2026")),
        ("The bond matures at end-2029.", ("end-2029", "2029")),
    ],
)
def test_tagger_end_of_a_period(tagger: TimexTagger, text: str, expected: tuple[str, str]) -> None:
    [timex] = tagger.tag(text, date(2026, 7, 1))
    assert (timex.span.text, timex.value, timex.mod) == (*expected, "END")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During her first term she cut taxes.", ("her first term", "PXY")),
        ("His tenure was marked by scandal.", ("His tenure", "PXY")),
        ("Their second term in office began badly.", ("Their second term in office", "PXY")),
        ("She won a four-year term as mayor.", ("four-year term", "P4Y")),
    ],
)
def test_tagger_terms_of_office_are_durations(
    tagger: TimexTagger, text: str, expected: tuple[str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01") == [(expected[0], "DURATION", expected[1])]


@pytest.mark.parametrize(
    "text",
    [
        "In the short term, prices will rise.",
        "In terms of cost, it is cheap.",
        "Its long-term aim.",
    ],
)
def test_tagger_term_without_an_owner_or_a_count_is_no_time(tagger: TimexTagger, text: str) -> None:
    assert all(t.type != "DURATION" for t in tagger.tag(text, date(2026, 7, 1)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 2015 study found no effect.", "2015"),
        ("The 2016 elections were close.", "2016"),
        ("Its 2020 rules were strict.", "2020"),
    ],
)
def test_tagger_year_before_a_noun(tagger: TimexTagger, text: str, expected: str) -> None:
    assert tags(tagger, text, "2026-07-01") == [(expected, "DATE", expected)]


def test_tagger_count_before_a_noun_is_no_year(tagger: TimexTagger) -> None:
    assert tags(tagger, "The 2000 workers went on strike.", "2026-07-01") == []


# --- periods of accounts and vague future ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net income rose in the year ended June 30.", ("the year", "DURATION", "P1Y")),
        (
            "For the fiscal year ending in March, it lost money.",
            ("the fiscal year", "DURATION", "P1Y"),
        ),
        ("For the year, revenue was flat.", ("the year", "DATE", "2026")),
        ("Rates will stay low in the near term.", ("the near term", "DATE", "FUTURE_REF")),
    ],
)
def test_tagger_periods_of_accounts(
    tagger: TimexTagger, text: str, expected: tuple[str, str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01")[0] == expected


def test_tagger_the_year_of_something_is_no_time(tagger: TimexTagger) -> None:
    assert tags(tagger, "It was named the year of the ocean.", "2026-07-01") == []


def test_tagger_fixed_words_inside_a_compound_are_no_time(tagger: TimexTagger) -> None:
    # "the year-earlier loss" is one adjective, "year-earlier", not "the year".
    assert tags(tagger, "Sales beat the year-earlier level.", "2026-07-01") == [
        ("year-earlier", "DATE", "2025")
    ]


def test_tagger_the_past_century_is_a_hundred_years(tagger: TimexTagger) -> None:
    assert tags(tagger, "It was the worst flood of the past century.", "2026-07-01") == [
        ("the past century", "DURATION", "P100Y")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The offer was extended until 5 p.m. EST Nov. 9.",
            ("5 p.m. EST Nov. 9", "2026-11-09T17:00"),
        ),
        ("Bids close at 4 pm on Friday.", ("4 pm on Friday", "2026-07-03T16:00")),
        ("The vote opens at 10:00 GMT.", ("10:00 GMT", "2026-07-01T10:00")),
    ],
)
def test_tagger_clock_time_with_its_zone_and_day(
    tagger: TimexTagger, text: str, expected: tuple[str, str]
) -> None:
    assert tags(tagger, text, "2026-07-01") == [(expected[0], "TIME", expected[1])]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # Past tense, but last year's March 12 is eleven months back, this year's weeks ahead.
        ("The minister invited envoys to a ceremony on March 12.", "2026-02-16", "2026-03-12"),
        ("The council agreed to take in two members in early March.", "2026-02-10", "2026-03"),
        # Past tense and a recent date: the last one.
        ("The ceremony was held on March 12.", "2026-06-01", "2026-03-12"),
        ("Officials decided in January to admit them.", "2026-10-25", "2026-01"),
    ],
)
def test_tagger_past_tense_date_just_ahead(
    tagger: TimexTagger, text: str, dct: str, expected: str
) -> None:
    assert tags(tagger, text, dct)[0][2] == expected


def test_tagger_that_day_is_the_day_of_the_last_date(tagger: TimexTagger) -> None:
    text = "The blast came on Oct. 23, 2019. Earlier that day, police were warned."
    assert tags(tagger, text, "2026-07-01") == [
        ("Oct. 23, 2019", "DATE", "2019-10-23"),
        ("Earlier that day", "DATE", "2019-10-23"),
    ]
    text = "He fled in June 2019 and returned later that year."
    assert tags(tagger, text, "2026-07-01")[1] == ("later that year", "DATE", "2019")


# --- holidays -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "The raft was found on Thanksgiving Day.",
            "2026-01-07",
            ("Thanksgiving Day", "2025-11-27"),
        ),
        ("Shops were shut last Christmas.", "2026-07-01", ("last Christmas", "2025-12-25")),
        ("Pilgrims came at Easter 2019.", "2026-07-01", ("Easter 2019", "2019-04-21")),
        ("The ferry stops on Good Friday.", "2026-01-20", ("Good Friday", "2026-04-03")),
        ("Voters go to the polls on Election Day.", "2026-10-20", ("Election Day", "2026-11-03")),
    ],
)
def test_tagger_holidays(
    tagger: TimexTagger, text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert tags(tagger, text, dct) == [(expected[0], "DATE", expected[1])]


def test_rules_floating_holidays_and_easter() -> None:
    from extract.temporal.calendar import easter_sunday
    from extract.temporal.rules import resolve

    assert [easter_sunday(y) for y in (2024, 2025, 2026)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
    ]
    # The fourth Thursday of November is the first Thursday on or after the 22nd.
    assert resolve("2026 in:--11-22+W4", date(2000, 1, 1)).earliest == date(2026, 11, 26)


def test_tagger_ambiguous_month_as_a_first_name(tagger: TimexTagger) -> None:
    text = "Ministers from Poland and Jan Novak of Prague signed; talks began in Jan. 2026."
    assert [t.span.text for t in tagger.tag(text, date(2026, 7, 1))] == ["Jan. 2026"]


def test_tagger_hour_in_the_morning(tagger: TimexTagger) -> None:
    assert tags(tagger, "The convoy will leave at 4 in the morning.", "2026-04-05") == [
        ("4 in the morning", "TIME", "2026-04-05T04:00")
    ]
    assert tags(tagger, "Lights go out at ten in the evening.", "2026-04-05") == [
        ("ten in the evening", "TIME", "2026-04-05T22:00")
    ]


def test_tagger_long_adjectives_are_durations(tagger: TimexTagger) -> None:
    text = "After a day-long meeting, months-long talks and a year-long wait, they signed."
    assert tags(tagger, text, "2026-04-05") == [
        ("day-long", "DURATION", "P1D"),
        ("months-long", "DURATION", "PXM"),
        ("year-long", "DURATION", "P1Y"),
    ]


def test_tagger_recent_as_an_adjective_is_no_time(tagger: TimexTagger) -> None:
    assert tags(tagger, "Police blamed the recent attacks on a militia.", "2026-04-05") == []
    assert tags(tagger, "Police recently arrested two men.", "2026-04-05") == [
        ("recently", "DATE", "PAST_REF")
    ]


def test_tagger_an_iso_year_and_month(tagger: TimexTagger) -> None:
    # a page's stamp may give its month only ("date 2026-06"); a range of years stays two
    assert tags(tagger, "date 2026-06 The plant closed weeks earlier.", "2026-06-20")[0] == (
        "2026-06",
        "DATE",
        "2026-06",
    )
    assert [t[2] for t in tags(tagger, "Sales fell in 2014-2016.", "2026-06-20")] == [
        "2014",
        "2016",
    ]
    # the clock time a stamp adds is a time of that day, no duration
    assert tags(tagger, "Corvex banned 2026-06-20 10:00:21 source: wire", "2026-06-20") == [
        ("2026-06-20 10:00:21", "DATE", "2026-06-20")
    ]
