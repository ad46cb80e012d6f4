"""Dating documents: DCT inference on the five seed articles, and re-resolution."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from extract.records import DateRange, DocumentDate, Timex
from extract.temporal import (
    TimexTagger,
    default_prior,
    infer_dct,
    narrow_anchor,
    reresolve,
    reresolve_all,
)
from extract.temporal.dateline import CREATION_TIME, chronology_entries, datelines, entry_end

# The manifest's default prior for the seed articles, collected on 2026-11-22.
SEED_PRIOR = DateRange(date(2025, 11, 23), date(2026, 11, 22))


def r(a: str, b: str | None = None) -> DateRange:
    return DateRange(date.fromisoformat(a), date.fromisoformat(b or a))


def dct_of(tagger: TimexTagger, text: str) -> DocumentDate:
    return infer_dct(tagger.tag(text, SEED_PRIOR), SEED_PRIOR)


# The true publication dates: 000 and 001 report the June 26 letter (late June or July
# 2026), 003 calls the June order "the previous month's directive" (July 2026), 004 has
# the June order and the Friday letter (late June or July), 002 gives no date at all.


def test_dct_article_000_after_the_june_12_order(
    tagger: TimexTagger, seed_texts: dict[str, str]
) -> None:
    # "Following the June 12 export control order, Anthropic had disabled access": past.
    dct = dct_of(tagger, seed_texts["000"])
    assert dct.range == r("2026-06-12", "2026-11-22")
    assert dct.inferred
    assert any("June 12" in cue and "2026-06-12" in cue for cue in dct.evidence)


def test_dct_article_001_after_the_letter_of_june_26(
    tagger: TimexTagger, seed_texts: dict[str, str]
) -> None:
    # "in a letter dated June 26": the latest date it mentions in the past tense.
    dct = dct_of(tagger, seed_texts["001"])
    assert dct.range == r("2026-06-26", "2026-11-22")
    assert dct.range.contains(date(2026, 7, 1))


def test_dct_article_002_has_no_cue_and_keeps_the_prior(
    tagger: TimexTagger, seed_texts: dict[str, str]
) -> None:
    # Only "now", "weeks", "future": wide but honest.
    dct = dct_of(tagger, seed_texts["002"])
    assert dct.range == SEED_PRIOR
    assert dct.inferred


def test_dct_article_003_after_the_march_lawsuit(
    tagger: TimexTagger, seed_texts: dict[str, str]
) -> None:
    # "Earlier in March, Anthropic initiated legal action": the only calendar date;
    # "the previous month's directive" needs the graph layer's help (see below).
    dct = dct_of(tagger, seed_texts["003"])
    assert dct.range == r("2026-03-01", "2026-11-22")
    assert dct.range.contains(date(2026, 7, 15))


def test_dct_article_004_after_early_june(tagger: TimexTagger, seed_texts: dict[str, str]) -> None:
    # "In early June the U.S. Department of Commerce issued an export block".
    dct = dct_of(tagger, seed_texts["004"])
    assert dct.range == r("2026-06-01", "2026-11-22")


def test_dct_graph_layer_can_tighten_003_with_the_june_12_order(
    tagger: TimexTagger, seed_texts: dict[str, str]
) -> None:
    # Once the graph knows "the previous month's directive" is the June 12 order, the
    # rule M-1 pins 003's DCT to July.
    timexes = tagger.tag(seed_texts["003"], SEED_PRIOR)
    previous_month = next(t for t in timexes if t.span.text == "the previous month")
    dct = dct_of(tagger, seed_texts["003"])
    assert previous_month.rule == "M-1"
    assert narrow_anchor(previous_month.rule, dct.range, r("2026-06-12")) == r(
        "2026-07-01", "2026-07-31"
    )


def test_dct_future_mention_is_an_upper_bound(tagger: TimexTagger) -> None:
    text = "The rule was proposed in March. It will take effect on July 1."
    dct = infer_dct(tagger.tag(text, SEED_PRIOR), SEED_PRIOR)
    assert dct.range == r("2026-03-01", "2026-07-01")


def test_dct_published_date_is_not_inferred(tagger: TimexTagger) -> None:
    published = r("2026-07-02")
    dct = infer_dct(
        tagger.tag("It happened on June 26.", SEED_PRIOR), SEED_PRIOR, published=published
    )
    assert (dct.range, dct.inferred) == (published, False)


def test_dct_reresolve_follows_the_better_dct(tagger: TimexTagger) -> None:
    timexes = tagger.tag("The order came earlier this month.", SEED_PRIOR)
    (earlier,) = timexes
    assert earlier.value == "XXXX-XX"  # unknown month against a year-wide prior
    better = reresolve(earlier, DocumentDate(r("2026-06-27", "2026-06-30"), inferred=True))
    assert (better.value, better.range) == ("2026-06", r("2026-06-01", "2026-06-30"))
    assert better.rule == earlier.rule and better.anchor == "dct"


def test_dct_reresolve_reads_a_day_just_after_a_near_dct_as_that_day(
    tagger: TimexTagger,
) -> None:
    """Against a year-wide prior a past "March 20" is the last one; a DCT later known to
    lie just before it (an article updated a day after its stamp) reads it as that day."""
    (day,) = tagger.tag("Corvex said it had shut the service on March 20.", SEED_PRIOR)
    assert day.rule is not None and day.rule.startswith("last:")
    near = reresolve(day, DocumentDate(r("2026-03-18", "2026-03-19"), inferred=True))
    assert near.range == r("2026-03-20")
    far = reresolve(day, DocumentDate(r("2026-03-18", "2026-06-19"), inferred=True))
    assert far.range == r("2026-03-20")  # within the range: the last one
    year = reresolve(day, DocumentDate(r("2026-01-01", "2026-03-19"), inferred=True))
    assert year.range == r("2025-03-20")  # known to months only: a year back


def test_dct_reresolve_all_follows_timex_anchors(tagger: TimexTagger) -> None:
    timexes = tagger.tag("It began last month. A week later, talks resumed.", SEED_PRIOR)
    assert timexes[1].anchor == "timex:t1"
    out = reresolve_all(timexes, r("2026-07-10"))
    assert out[0].value == "2026-06"
    assert out[1].range == r("2026-06-08", "2026-07-07")  # June shifted by a week


def test_dct_default_prior_is_the_year_up_to_collection() -> None:
    assert default_prior(date(2026, 11, 22)) == SEED_PRIOR


# Archived articles: the default prior (a year up to collection) is an assumption the
# text's own dated past may overrule.


def _dct(tagger: TimexTagger, text: str, **options: object) -> DocumentDate:
    from extract.temporal import deadlines_of

    timexes = tagger.tag(text, SEED_PRIOR)
    spans = [(t.id, t.span.start, t.span.end) for t in timexes]
    deadlines = deadlines_of(text, spans, tagger.lexicon)
    return infer_dct(timexes, SEED_PRIOR, deadlines=deadlines, **options)  # type: ignore[arg-type]


def test_dct_archived_article_follows_its_dated_past(tagger: TimexTagger) -> None:
    text = (
        "In an order issued in April 2019, the agency barred exports. The company appealed Oct. 3."
    )
    dct = _dct(tagger, text, movable=True)
    # After April 2019, within a year of it; "Oct. 3" is then October 2019.
    assert dct.range.earliest == date(2019, 10, 3)
    assert dct.range.latest <= date(2020, 4, 30)
    assert any("moves it" in cue for cue in dct.evidence)
    assert dct.moved_from == SEED_PRIOR  # an assumption the corpus may still correct


def test_dct_moved_prior_reads_yearless_dates_in_the_texts_own_year(tagger: TimexTagger) -> None:
    text = (
        "The agency listed Corvex on March 3, 2019. It had warned the firm in January. "
        "Corvex appealed on October 3."
    )
    dct = _dct(tagger, text, movable=True)
    # Not "January" of the year after the listing (which would leave "October 3" before
    # the text's lower bound): both of one year, the text was written after October 3,
    # 2019 and before the next January
    assert dct.range == r("2019-10-03", "2019-12-31")
    assert any("fit a text written in" in cue for cue in dct.evidence)


def test_dct_prior_from_a_known_period_is_never_moved(tagger: TimexTagger) -> None:
    text = "In an order issued in April 2019, the agency barred exports."
    dct = _dct(tagger, text)
    assert dct.range == SEED_PRIOR


def test_dct_recent_date_keeps_the_prior(tagger: TimexTagger) -> None:
    # One dated mention inside the prior: the article is recent, older years are history.
    text = "The ban of March 2, 2026 revived a dispute that began in 2019."
    dct = _dct(tagger, text, movable=True)
    assert dct.range == r("2026-03-02", "2026-11-22")
    assert dct.moved_from is None


def test_dct_deadline_never_dates_the_document(tagger: TimexTagger) -> None:
    text = "The exemption, granted in May 2019, runs until June 30, 2020."
    dct = _dct(tagger, text, movable=True)
    assert dct.range.earliest == date(2019, 5, 1)


def test_dct_a_deadline_s_alternative_is_a_deadline_too(tagger: TimexTagger) -> None:
    """ "Until September 30, instead of June 30": the old deadline, moved, no more dates the
    text than the new one does."""
    text = "The agency said in May 2026 that users may keep the app until September 30, 2026, "
    moved = _dct(tagger, text + "instead of June 30, 2026.", movable=True)
    assert moved.range.earliest == date(2026, 5, 1)
    # a date merely following another is no alternative of it
    later = _dct(tagger, text + "and it said on June 30, 2026 that it had begun.", movable=True)
    assert later.range.earliest == date(2026, 6, 30)


def test_dct_onset_only_ends_the_window(tagger: TimexTagger) -> None:
    # Nothing in the past: the document was written before the period it announces starts.
    text = "As of September 20, 2019, downloads of the app are prohibited."
    dct = _dct(tagger, text, movable=True)
    assert dct.range.latest == date(2019, 9, 20)
    assert dct.range.days == SEED_PRIOR.days


def test_dct_counterfactual_past_is_no_cue() -> None:
    from extract.temporal.tense import MODAL, tense_from_tokens
    from extract.temporal.tokens import TokenIndex, TokenInfo

    # "The term would have ended in 2021": would/have/ended/in/2021, all hanging on "ended".
    words = [
        ("The", "DT", "DET", "the", "det", 1),
        ("term", "NN", "NOUN", "term", "nsubj", 4),
        ("would", "MD", "AUX", "would", "aux", 4),
        ("have", "VB", "AUX", "have", "aux", 4),
        ("ended", "VBN", "VERB", "end", "ROOT", 4),
        ("in", "IN", "ADP", "in", "prep", 4),
        ("2021", "CD", "NUM", "2021", "pobj", 5),
    ]
    tokens, offset = [], 0
    for text, tag, pos, lemma, dep, head in words:
        tokens.append(TokenInfo(offset, offset + len(text), tag, pos, lemma, dep, head))
        offset += len(text) + 1
    assert tense_from_tokens(tokens, TokenIndex(tokens), tokens[6].start) == MODAL


def _with_datelines(tagger: TimexTagger, text: str) -> list[Timex]:
    timexes = tagger.tag(text, SEED_PRIOR)
    created = datelines(text, timexes)
    return [replace(t, function=CREATION_TIME if t.id in created else None) for t in timexes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Board sells unit\n\nMarch 3 (Wire) -- The board of Corvex sold it.", "March 3"),
        ("Board sells unit\nOSLO, March 3 (Wire) - The board sold it on Friday.", "March 3"),
        ("LIMA, Peru, March 3, 2026 -- The board sold it.", "March 3, 2026"),
        ("The board said on March 3 -- a Tuesday -- that it sold it.", None),
        ("Timeline\n\nMarch 3 -- The board meets.\nMarch 9 -- It sells the unit.", None),
        # one line in the dash form among entries of the colon form: a chronology too
        ("Timeline\n\nMarch 3, 2024: The board meets.\nMarch 9 - It sells the unit.", None),
        # a page's date under its headline, on a line of its own
        ("Board sells unit\n\nJune 11, 2029\n\nThe board sold it on Monday.", "June 11, 2029"),
        (
            "Board sells unit\nPublished: Monday, June 11, 2029 10:30 AM ET\nIt sold.",
            "Monday, June 11, 2029",
        ),
        # a date with no year, or a line that says more, is no page's date
        ("Board sells unit\n\nJune 11\n\nThe board sold it on Monday.", None),
        ("Board sells unit\n\nOn June 11, 2029 the board sold it.", None),
    ],
)
def test_dct_dateline_found_at_the_head_of_the_text(
    tagger: TimexTagger, text: str, expected: str | None
) -> None:
    marked = [t.span.text for t in _with_datelines(tagger, text) if t.function == CREATION_TIME]
    assert marked == ([expected] if expected else [])


def test_dct_chronology_entries_head_their_lines(tagger: TimexTagger) -> None:
    text = (
        "Timeline\n\nMarch 3, 2024: The board meets on March 5.\n"
        "- April 2024 -- It sells the unit.\nIt said on May 2: no more."
    )
    entries = chronology_entries(text, tagger.tag(text, SEED_PRIOR))
    assert [t.span.text for t in entries] == ["March 3, 2024", "April 2024"]
    assert [text[t.span.end : entry_end(text, t)] for t in entries] == [
        ": The board meets on March 5.",
        " -- It sells the unit.",
    ]


def test_dct_dateline_is_the_document_date(tagger: TimexTagger) -> None:
    text = "Board sells unit\n\nMarch 3 (Wire) -- The board of Corvex said on Sunday it sold it."
    dct = infer_dct(_with_datelines(tagger, text), SEED_PRIOR, movable=True)
    assert dct.range == r("2026-03-03")
    assert not dct.anchored  # the year is still the prior's assumption
    dated = infer_dct(
        _with_datelines(tagger, "ROME, March 3, 2024 (Wire) - The board met."),
        SEED_PRIOR,
        movable=True,
    )
    assert dated.range == r("2024-03-03") and dated.anchored
    stamped = infer_dct(
        _with_datelines(tagger, "Board sells unit\n\nJune 11, 2029\n\nIt sold the unit."),
        SEED_PRIOR,
        movable=True,
    )
    assert stamped.range == r("2029-06-11") and stamped.anchored


def test_dct_an_amount_of_time_ago_on_a_day_dates_the_text(tagger: TimexTagger) -> None:
    """ "Suspended the licence two weeks ago, on March 14": written two weeks after March
    14, not on any day after it; two dates apart in the text say nothing of each other."""
    prior = r("2026-01-01", "2026-11-22")
    text = "The authority suspended the licence two weeks ago, on March 14."
    dct = infer_dct(tagger.tag(text, prior), prior)
    assert dct.range.earliest >= date(2026, 3, 21) and dct.range.latest <= date(2026, 4, 4)
    apart = "The authority suspended the licence on March 14. Two weeks ago the firm sued."
    assert infer_dct(tagger.tag(apart, prior), prior).range.latest > date(2026, 4, 4)
    # a year-less month that the prior's last weeks also hold ("in February", read as the
    # latest February) does not move the day the pair names into another year
    late = r("2025-02-24", "2026-02-23")
    both = "It warned the firm in February. It suspended the licence two weeks ago, on March 14."
    dct = infer_dct(tagger.tag(both, late), late)
    assert dct.range.earliest >= date(2025, 3, 21) and dct.range.latest <= date(2025, 4, 4)
