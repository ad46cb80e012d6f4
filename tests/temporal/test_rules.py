"""The resolution rules: values, monotonicity, interval anchors and their inverse."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from extract.records import DateRange, Precision
from extract.temporal import RuleError, narrow_anchor, resolve, resolve_range, timex_value
from extract.temporal.tagger import TimexTagger

JULY_10 = date(2026, 7, 10)
PRIOR = DateRange(date(2025, 11, 23), date(2026, 11, 22))


def d(text: str) -> date:
    return date.fromisoformat(text)


def r(a: str, b: str | None = None) -> DateRange:
    return DateRange(d(a), d(b or a))


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("M-1", r("2026-06-01", "2026-06-30")),  # "the previous month"
        ("M+0 upto", r("2026-07-01", "2026-07-10")),  # "earlier this month"
        ("last:--06 early", r("2026-06-01", "2026-06-10")),  # "early June": days 1-10 of 30
        ("last:--06-12", r("2026-06-12")),  # "June 12", no year, past
        ("before:W5", r("2026-07-03")),  # "last Friday" on Friday 2026-07-10
        ("last:W5", r("2026-07-10")),  # "Friday" (past) on a Friday: that day
        ("-P14D", r("2026-06-26")),  # "two weeks ago", to the day
        ("-P14D @W", r("2026-06-22", "2026-06-28")),  # ... as the ISO week
        ("Y+0 upto", r("2026-01-01", "2026-07-10")),  # "earlier this year"
        ("Y-1 late", r("2025-09-01", "2025-12-31")),  # "late last year": Sep-Dec
        ("2025 mid", r("2025-05-01", "2025-08-31")),  # "mid-2025": May-Aug
        ("past:P6M", r("2026-01-10", "2026-07-10")),  # "in recent months"
        ("Y-1 in:Q3", r("2025-07-01", "2025-09-30")),  # "the third quarter of last year"
        ("last:--06-12 .. next:--06-26", r("2026-06-12", "2026-06-26")),  # "June 12-26"
        ("2026-W24", r("2026-06-08", "2026-06-14")),
        ("202", r("2020-01-01", "2029-12-31")),  # a decade
    ],
)
def test_rules_resolve_examples(rule: str, expected: DateRange) -> None:
    assert resolve(rule, JULY_10) == expected


def test_rules_resolve_across_year_boundary() -> None:
    # "December 20" read on 2027-01-05 in the past tense is last December's.
    assert resolve("last:--12-20", d("2027-01-05")) == r("2026-12-20")
    # "the previous month" in January is December of the year before.
    assert resolve("M-1", d("2027-01-05")) == r("2026-12-01", "2026-12-31")


def test_rules_february_29_skips_common_years() -> None:
    assert resolve("last:--02-29", d("2027-03-01")) == r("2024-02-29")


@pytest.mark.parametrize(
    "rule",
    [
        "M-1",
        "M+0 upto",
        "last:--06 early",
        "next:--06-12",
        "before:W5",
        "after:W5",
        "near:--12-15",
        "-P1M",
        "-P2W @W",
        "Y-1 late",
        "past:P6M",
        "W+0 from",
        "Y+0 in:Q3",
        "last:--12-28 .. next:--01-03",
        "near:W3",
        "last:--05-15=W3",
        "next:--05-15=W3",
    ],
)
def test_rules_resolve_is_monotone(rule: str) -> None:
    days = [date(2024, 1, 1) + timedelta(days=k) for k in range(0, 800, 3)]
    results = [resolve(rule, day) for day in days]
    for before, after in pairwise(results):
        assert before.earliest <= after.earliest and before.latest <= after.latest, rule


def test_rules_a_day_written_with_its_weekday_falls_on_it() -> None:
    """ "Wednesday, May 15" from a report of some day in [2031-05-20, 2032-05-19]: May 15,
    2032 is a Saturday, May 15, 2031 a Thursday; written as a Thursday, 2031; as a
    Saturday, 2032; with a weekday neither year has, the nearest one as without it."""
    prior = r("2031-05-20", "2032-05-19")
    assert resolve_range("last:--05-15=W4", prior) == r("2031-05-15")
    assert resolve_range("last:--05-15=W6", prior) == r("2032-05-15")
    assert resolve_range("last:--05-15=W1", prior) == r("2032-05-15")
    assert resolve_range("next:--05-15=W4", r("2030-05-16")) == r("2031-05-15")
    assert resolve_range("next:--05-15=W5", r("2030-05-16")) == r("2031-05-15")


def test_rules_a_weekday_date_is_read_with_its_weekday() -> None:
    (timex,) = TimexTagger().tag(
        "On Thursday, May 15, the agency added Corvex to its list.", r("2031-05-20", "2032-05-19")
    )
    assert timex.range == r("2031-05-15")
    assert timex.value == "2031-05-15"


def test_rules_resolve_range_takes_the_hull() -> None:
    # "the previous month" from a DCT somewhere in [2026-06-15, 2026-08-10].
    assert resolve_range("M-1", r("2026-06-15", "2026-08-10")) == r("2026-05-01", "2026-07-31")


def test_rules_resolve_range_year_less_date_is_the_latest_before_the_bound() -> None:
    # Not "any June 12 of the prior": the last one before the prior's end.
    assert resolve_range("last:--06-12", PRIOR) == r("2026-06-12")
    assert resolve_range("last:--06 early", PRIOR) == r("2026-06-01", "2026-06-10")


def test_rules_resolve_range_year_less_future_is_the_earliest_after_the_bound() -> None:
    assert resolve_range("next:--06-12", PRIOR) == r("2026-06-12")
    assert resolve_range("next:--01-15", PRIOR) == r("2026-01-15")


def test_rules_narrow_anchor_previous_month_of_june_12() -> None:
    # The example: "the previous month's directive" is the June 12 order.
    anchor = r("2026-06-01", "2026-11-22")
    assert narrow_anchor("M-1", anchor, r("2026-06-12")) == r("2026-07-01", "2026-07-31")


def test_rules_narrow_anchor_earlier_this_month() -> None:
    # "earlier this month" meeting June 12 puts the DCT on June 12-30.
    assert narrow_anchor("M+0 upto", PRIOR, r("2026-06-12")) == r("2026-06-12", "2026-06-30")


def test_rules_narrow_anchor_event_offset() -> None:
    # "two weeks after imposing export controls" (+P14D), the later act on June 26:
    # the export controls were imposed on June 12.
    assert narrow_anchor("+P14D", PRIOR, r("2026-06-26")) == r("2026-06-12")


def test_rules_narrow_anchor_none_when_impossible() -> None:
    assert narrow_anchor("M-1", r("2026-06-01", "2026-06-30"), r("2026-06-12")) is None


@pytest.mark.parametrize(
    ("span", "precision", "value"),
    [
        (r("2026-06-12"), Precision.DAY, "2026-06-12"),
        (r("2026-06-08", "2026-06-14"), Precision.WEEK, "2026-W24"),
        (r("2026-06-01", "2026-06-10"), Precision.MONTH, "2026-06"),
        (r("2026-04-01", "2026-06-30"), Precision.QUARTER, "2026-Q2"),
        (r("2026-06-01", "2026-08-31"), Precision.SEASON, "2026-SU"),
        (r("2026-01-01", "2026-12-31"), Precision.YEAR, "2026"),
        (r("2020-01-01", "2029-12-31"), Precision.DECADE, "202"),
    ],
)
def test_rules_timex_value(span: DateRange, precision: Precision, value: str) -> None:
    assert timex_value(span, precision) == value


def test_rules_timex_value_too_wide_uses_the_year_less_form() -> None:
    # "Friday" against a year-wide prior is no particular Friday.
    assert timex_value(r("2025-11-21", "2026-11-20"), Precision.DAY, "last:W5") == "XXXX-WXX-5"
    assert timex_value(r("2025-10-01", "2026-10-31"), Precision.MONTH, "M-1") == "XXXX-XX"


@pytest.mark.parametrize("rule", ["M-x", "last:June", "M-1 sideways", " .. M-1", "2026-13"])
def test_rules_bad_rule_raises(rule: str) -> None:
    with pytest.raises(RuleError):
        resolve(rule, JULY_10)
