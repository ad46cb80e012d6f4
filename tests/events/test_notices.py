"""A government notice's own acts: its issuer's, of its adoption day, in force from its
effective day (extract/events/notices.py), on notices of our own."""

from __future__ import annotations

from datetime import date

from extract.records import DateRange, DocumentRecords
from tests.events.conftest import extracted

RULE = (
    "Protecting Networks From Untrusted Vendors; Korvo Designation\n\n"
    "AGENCY:\n\nFederal Communications Commission.\n\n"
    "ACTION:\n\nFinal rule.\n\n"
    "SUMMARY:\n\nIn this document, the Commission designates Korvo Technologies as a covered "
    "company for the purposes of the rule.\n\n"
    "DATES:\n\nEffective March 2, 2031.\n\n"
    "SUPPLEMENTARY INFORMATION:\n\nThis is a summary of the Report and Order, adopted "
    "January 14, 2031 and released January 16, 2031."
)


def _designations(records: DocumentRecords) -> list[tuple[set[str], DateRange | None, str | None]]:
    names = {e.id: e.name for e in records.entities}
    days = {t.id: t.value for t in records.timexes}
    return [
        ({names[a] for a in e.agents}, e.date, days.get(e.effective or ""))
        for e in records.events
        if e.type == "designation"
    ]


def test_notice_acts_are_the_issuer_s_of_the_adoption_day_in_force_when_effective() -> None:
    found = _designations(extracted(RULE, date(2031, 3, 2)))
    assert found
    for agents, when, effective in found:
        assert agents == {"Federal Communications Commission"}
        assert when == DateRange.day(date(2031, 1, 14))  # adopted, not published
        assert effective == "2031-03-02"


def test_a_notice_that_gives_no_adoption_day_tells_no_news_of_its_own_day() -> None:
    """Published on March 2 with no day of adoption: the designation was adopted some days
    or weeks before, not in the days before the notice as an article's lead is."""
    text = RULE.split("\n\nSUPPLEMENTARY INFORMATION")[0]
    records = extracted(text, date(2031, 3, 2))
    designations = [e for e in records.events if e.type == "designation"]
    assert designations
    for event in designations:
        assert event.date is None and not event.news
    # with its adoption day, it is dated by it
    dated = [e for e in extracted(RULE, date(2031, 3, 2)).events if e.type == "designation"]
    assert all(e.date == DateRange.day(date(2031, 1, 14)) for e in dated)


def test_an_order_signed_by_a_bureau_is_the_bureau_s() -> None:
    text = (
        "ORDER Adopted: May 4, 2031 Released: May 5, 2031 By the Chief, Wireline Safety "
        "Bureau of the Federal Communications Commission: In this Order, the Bureau designates "
        "Korvo Technologies as a covered company."
    )
    ((agents, when, _),) = _designations(extracted(text, date(2031, 5, 5)))
    assert agents and all("Bureau" in a or "Commission" in a for a in agents)
    assert when == DateRange.day(date(2031, 5, 4))


def test_an_article_is_no_notice() -> None:
    # no issuer field opens it: a rule "adopted" on a day the article names is not what
    # its present tense tells of the commission
    text = (
        "Critics of the agency: a rule adopted May 4, 2031 is unfair, Korvo said. The "
        "Federal Communications Commission now designates Korvo Technologies as a covered "
        "company."
    )
    found = _designations(extracted(text, date(2031, 5, 20)))
    assert found
    assert all(when != DateRange.day(date(2031, 5, 4)) for _, when, _ in found)
