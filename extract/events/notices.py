"""A step of the events component: the acts a government notice tells of itself.

A notice of an official gazette (a rule of the Federal Register, an agency's order) opens
with labelled fields: who issues it ("AGENCY: Federal Communications Commission.", "By the
Chief, Wireline Bureau:"), when it was adopted ("Adopted: November 24, 2030", "adopted
November 22, 2030") and when it takes effect ("DATES: Effective January 3, 2031."). The
labels are event_types.yaml ``syntax``: ``notice_issuer_fields``, ``notice_adoption_fields``
and ``notice_effective_fields``.

Reads: the document's text, entities, time expressions and event records. Changes: each
act the notice tells as its own (in its title, as "this Order", or in the present: "the
Commission adopts a rule", "the Order designates Corvex") and names no agent or date of
its own gets the issuer as its agent, the adoption as its date (the notice is published
days or weeks later) and the effective day as the day it takes effect. A notice that gives
no adoption day tells no news of the days before its own: the act is older by an unknown
span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from extract.events.lexicon import SyntaxWords
from extract.records import EntityMention, EventMention, Timex

# Where a notice's fields are: its head, before the body it summarises.
NOTICE_HEAD_CHARS = 1500


@dataclass(frozen=True)
class Notice:
    issuer: EntityMention
    adopted: Timex | None
    effective: Timex | None


def read_notice(
    text: str,
    entities: Sequence[EntityMention],
    timexes: Sequence[Timex],
    syntax: SyntaxWords,
    is_issuer: Callable[[EntityMention], bool],
) -> Notice | None:
    """The fields of a notice, or None when the text opens with no issuer field."""
    head = text[:NOTICE_HEAD_CHARS]
    issuer = None
    for label in sorted(syntax.notice_issuer_fields, key=len, reverse=True):
        # "AGENCY: <body>." on its line or the next; "By the <title>, <body>:"; a label is
        # written with a capital, as a field's is
        quoted = re.escape(label)
        pattern = rf"(?<![\w-]){quoted}(?:\s*:\s*([^\n:]{{3,160}})|\s+([^\n:]{{3,160}}):)"
        for found in re.finditer(pattern, head, re.I):
            if not found.group(0)[0].isupper():
                continue
            value = 1 if found.group(1) is not None else 2
            inside = [
                e
                for e in entities
                if found.start(value) <= e.span.start < found.end(value) and is_issuer(e)
            ]
            if inside:
                issuer = inside[-1]  # "By the Chief, Wireline Bureau": the body, not its chief
                break
        if issuer is not None:
            break
    if issuer is None:
        return None
    return Notice(
        issuer,
        _dated(text, timexes, syntax.notice_adoption_fields),
        _dated(text, timexes, syntax.notice_effective_fields, then="effective"),
    )


def _dated(
    text: str, timexes: Sequence[Timex], labels: Collection[str], then: str = ""
) -> Timex | None:
    """The first day a label heads ("Adopted: May 4, 2030", "DATES: Effective May 4")."""
    words = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    if not words:
        return None
    after = rf"\s*:?\s*(?:{then}\s+)?$" if then else r"\s*:?\s*$"
    for timex in sorted(timexes, key=lambda t: t.span.start):
        if (
            timex.type != "DATE"
            or timex.range is None
            or timex.range.earliest != timex.range.latest
        ):
            continue
        before = text[max(0, timex.span.start - 40) : timex.span.start]
        if re.search(rf"(?<![\w-])(?:{words}){after}", before, re.I):
            return timex
    return None


def the_notice_s_own_acts(events: list[EventMention], notice: Notice) -> list[EventMention]:
    """Each act the notice tells as its own, with the notice's issuer, day and effect."""
    out = []
    for event in events:
        own = event.modality == "asserted" and (event.tense == "present" or event.news)
        if not own:
            out.append(event)
            continue
        adopted = notice.adopted if event.timex is None and event.date is None else None
        effective = notice.effective.id if notice.effective is not None else None
        out.append(
            replace(
                event,
                agents=event.agents or (notice.issuer.id,),
                timex=adopted.id if adopted is not None else event.timex,
                date=adopted.range if adopted is not None else event.date,
                effective=event.effective or effective,
                # adopted on a day it does not give: some days or weeks before it is
                # published, not the news of its day
                news=event.news and (adopted is not None or event.date is not None),
            )
        )
    return out


__all__ = ["Notice", "read_notice", "the_notice_s_own_acts"]
