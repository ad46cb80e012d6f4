"""Checks against false positives: is a matched month, weekday, season or year one?

Reads: a match with a ``month``, ``weekday``, ``season`` or ``year`` group and its
``Context`` (the words around it, the tags of its tokens when a parse is at hand, the
lexicon's cue words). Gives: True when the word names a time ("in May", "on Sunday", "the
2016 elections"), False when it is something else: the modal "may", a name ("Jan
Kavan"), "the fall of Rome", a count ("2026 million").
"""

from __future__ import annotations

import re

from extract.temporal.reading import Context, capitalised, group


def month_ok(match: re.Match[str], ctx: Context, *, anchored: bool) -> bool:
    """A month name is a month when capitalised; an ambiguous one ("May", "March") also
    needs a day, a year, a part or a cue word before it, and no verb tag."""
    word = match.group("month")
    if not capitalised(word):
        return False
    key = word.lower().rstrip(".")
    if key not in ctx.lexicon.ambiguous_months:
        return True
    following = ctx.word_after(match.end("month"))
    if (
        not word.endswith(".")
        and following[:1].isupper()
        and following.isalpha()
        and following.lower() not in ctx.lexicon.months
        and ctx.word_before(match.start("month")) in ("and", "or", ",", "")
    ):
        return False  # "Hungary and Jan Kavan": a name
    tags = ctx.tags_at(match.start("month"), match.end("month"))
    if (
        tags
        and (tags[0].tag == "MD" or tags[0].pos in ("VERB", "AUX"))
        and not group(match, "year")
    ):
        return False
    if anchored:
        return True
    before = ctx.word_before(match.start("month"))
    return before in ctx.lexicon.month_cues or before.endswith(("'s", "’s"))


def weekday_ok(match: re.Match[str], ctx: Context) -> bool:
    word = match.group("weekday")
    if not capitalised(word):
        return False
    if word.lower() not in ctx.lexicon.ambiguous_weekdays:
        return True
    after = match.string[match.end("weekday") : match.end("weekday") + 1]
    return after == "." or ctx.word_before(match.start("weekday")) in ctx.lexicon.weekday_cues


def season_ok(match: re.Match[str], ctx: Context, *, anchored: bool) -> bool:
    if anchored:
        return True
    if ctx.text[match.end() : match.end() + 4].lower() == " of ":
        return False  # "the fall of Rome"
    tags = ctx.tags_at(match.start("season"), match.end("season"))
    if tags and tags[0].pos in ("VERB", "AUX"):
        return False
    return ctx.word_before(match.start("season")) in ctx.lexicon.month_cues


def year_ok(match: re.Match[str], ctx: Context) -> bool:
    """A bare four-digit number is a year unless it counts something ("2026 million")."""
    start, end = match.start("year"), match.end("year")
    text = ctx.text
    if start > 0 and text[start - 1] in "-–.,":
        return False  # 1,2026 / GPT-2026 / 3.2026
    after = ctx.word_after(end).lower()
    if after in ctx.lexicon.count_words or (
        text[end : end + 1] in ("%", ",") and text[end + 1 : end + 2].isdigit()
    ):
        return False
    before = ctx.word_before(start)
    if before in ctx.lexicon.attributive_words and 1900 <= int(text[start:end]) <= 2099:
        return True  # "the 2016 elections", "a 2019 analysis", "its 2020 rules"
    tags = ctx.tags_at(start, end)
    if tags:
        token = tags[0]
        if token.dep == "nummod" and ctx.tokens is not None:
            head = ctx.tokens[token.head]
            if head.tag == "NNS":
                return False
        return True
    if before in ctx.lexicon.year_cues:
        return True
    # A lower-case plural right after a number that no cue calls a year: a count.
    return not (after.endswith("s") and after.islower() and len(after) > 3)
