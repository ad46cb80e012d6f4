"""A synthetic graph of N canonical events in the project's own model, generated fast.

The graph is made of *stories*. A story is two short articles about one company, its two
AI models, one agency (from a pool of agencies shared by many stories), a court, an
official and an outlet: ten canonical events (a restriction, its partial lift reported
with two dates and two counts -- so one date and one count disagreement --, a full lift, a
lawsuit, a ruling, a designation, a release, access changes, an undated investigation),
a state claim, a planned event, a candidate event (a threat that names nobody, kept off
the timeline), eight state intervals.

How it stays the project's model: story 0 is built as ``extract.records`` records and
turned into quads by the project's own code (``kg.build.graph_quads``: the document
converter, reconciliation, the reconciled writer, the IRI minter). Its N-Quads are the
*template*. Story k is the template with its names (fixed-width tokens such as
``Zs0000042``), its dates (shifted by whole months) and the values derived from them
(event keys, text checksums) replaced. ``story_records(k)`` builds the same story's
records directly, so ``render(k)`` can be checked against ``kg.build.graph_quads``
of ``story_records(k)``: tests/benchmarks/test_perf_smoke.py does, quad for quad.

Rendering a story is a string join (about 0.2 ms), so 1,000,000 events (100,000 stories)
take a minute or two to generate, and are loaded by Oxigraph's own N-Quads parser.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from extract.records import (
    Attribution,
    Count,
    DateRange,
    Document,
    DocumentDate,
    DocumentRecords,
    EntityMention,
    EventMention,
    EventRelation,
    Precision,
    Scope,
    TextSpan,
    Timex,
)

EVENTS_PER_STORY = 10
AGENCIES = 997  # agencies shared by stories: each is the actor of about 1 story in 1,000
COURTS = 101
OUTLETS = 23
MONTHS = 600  # stories spread over 50 years from January 2000
PIPELINE_LABEL = "synthetic (benchmarks.perf.synthgraph)"

# Fixed-width tokens in names: story k renames them without moving any character offset.
_TOKENS = {"Zs": 7, "Zq": 4, "Zr": 3, "Zo": 2}
_TOKEN_MODULO = {"Zs": 10**7, "Zq": AGENCIES, "Zr": COURTS, "Zo": OUTLETS}
_DATE = r"(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d])"
_TOKEN = "|".join(f"[Zz]{t[1]}\\d{{{n}}}" for t, n in _TOKENS.items())


def story_base(copy: int) -> tuple[int, int]:
    """(year, month) of story ``copy``'s main month."""
    index = (copy * 37) % MONTHS
    return 2000 + index // 12, index % 12 + 1


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shift_date(day: date, months: int) -> date:
    """The same day ``months`` later; a month's last day stays its month's last day."""
    year, month = shift_month(day.year, day.month, months)
    last = calendar.monthrange(year, month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, month, last)
    return date(year, month, min(day.day, last))


def _token(prefix: str, copy: int) -> str:
    return f"{prefix}{copy % _TOKEN_MODULO[prefix]:0{_TOKENS[prefix]}d}"


# ----------------------------------------------------------------------------- records
@dataclass
class _Writer:
    """Builds one document's text and the records pointing into it."""

    doc_id: str
    base: tuple[int, int]
    parts: list[str] = field(default_factory=list)
    length: int = 0
    sentences: list[TextSpan] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    _sentence_start: int = 0

    def add(self, text: str) -> TextSpan:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return TextSpan(start, self.length, text)

    def begin(self) -> None:
        self._sentence_start = self.length

    def end(self, tail: str = ".") -> TextSpan:
        self.add(tail)
        text = "".join(self.parts)[self._sentence_start : self.length]
        sentence = TextSpan(self._sentence_start, self.length, text)
        self.sentences.append(sentence)
        self.add(" ")
        return sentence

    def entity(self, name: str, type_: str, **extra: str) -> str:
        span = self.add(name)
        mention_id = f"e{len(self.entities) + 1}"
        self.entities.append(EntityMention(mention_id, span, type_, name, "gazetteer", **extra))
        return mention_id

    def day(self, months: int, day_of_month: int) -> tuple[str, DateRange]:
        year, month = shift_month(*self.base, months)
        value = date(year, month, day_of_month)
        span = self.add(value.isoformat())
        return self._timex(span, DateRange.day(value), Precision.DAY)

    def month(self, months: int) -> tuple[str, DateRange]:
        year, month = shift_month(*self.base, months)
        span = self.add(f"{year:04d}-{month:02d}")
        last = calendar.monthrange(year, month)[1]
        days = DateRange(date(year, month, 1), date(year, month, last))
        return self._timex(span, days, Precision.MONTH)

    def _timex(
        self, span: TextSpan, days: DateRange, precision: Precision
    ) -> tuple[str, DateRange]:
        timex_id = f"t{len(self.timexes) + 1}"
        self.timexes.append(Timex(timex_id, span, "DATE", span.text, days, precision))
        return timex_id, days

    def event(self, trigger: TextSpan, type_: str, sentence: TextSpan, **fields: object) -> str:
        event_id = f"v{len(self.events) + 1}"
        self.events.append(EventMention(event_id, trigger, type_, sentence, **fields))  # type: ignore[arg-type]
        return event_id

    def records(self, document: Document, dct: DocumentDate) -> DocumentRecords:
        return DocumentRecords(
            document=document,
            dct=dct,
            sentences=tuple(self.sentences),
            timexes=tuple(self.timexes),
            entities=tuple(self.entities),
            events=tuple(self.events),
            pipeline=PIPELINE_LABEL,
        )

    @property
    def text(self) -> str:
        return "".join(self.parts).rstrip(" ")


def _late(sentence_or_later: TextSpan, text: str) -> TextSpan:
    """The span of ``text`` inside an already written sentence."""
    offset = sentence_or_later.text.index(text)
    start = sentence_or_later.start + offset
    return TextSpan(start, start + len(text), text)


def _day(base: tuple[int, int], months: int, day_of_month: int) -> date:
    year, month = shift_month(*base, months)
    return date(year, month, day_of_month)


def story_names(copy: int) -> dict[str, str]:
    """The names of story ``copy``: company, model_a, model_b, official (its own), agency,
    court and outlet (shared with other stories)."""
    story = _token("Zs", copy)
    return {
        "company": f"Corvina {story}",
        "model_a": f"Aster {story}",
        "model_b": f"Bolt {story}",
        "official": f"Dana {story}",
        "agency": f"Trade Agency {_token('Zq', copy)}",
        "court": f"District Court {_token('Zr', copy)}",
        "outlet": f"Herald {_token('Zo', copy)}",
    }


def story_day(copy: int, months: int, day_of_month: int) -> date:
    """A day of story ``copy``: ``months`` after its main month (the restriction: 0, 12)."""
    return _day(story_base(copy), months, day_of_month)


def story_records(copy: int) -> list[DocumentRecords]:
    """The two documents of story ``copy``, as extraction would give them."""
    base = story_base(copy)
    n = story_names(copy)
    story = _token("Zs", copy)
    return [
        _first_article(
            copy,
            base,
            story,
            n["agency"],
            n["company"],
            n["model_a"],
            n["model_b"],
            n["official"],
            n["outlet"],
        ),
        _second_article(
            copy, base, story, n["agency"], n["court"], n["company"], n["model_a"], n["model_b"]
        ),
    ]


def _document(doc_id: str, text: str, title: str, **dates: object) -> Document:
    return Document(
        id=doc_id,
        text=text,
        source=f"synthetic/{doc_id}.txt",
        title=title,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **dates,  # type: ignore[arg-type]
    )


def _first_article(
    copy: int,
    base: tuple[int, int],
    story: str,
    agency: str,
    company: str,
    model_a: str,
    model_b: str,
    official: str,
    outlet: str,
) -> DocumentRecords:
    w = _Writer(f"{story.lower()}-d1", base)
    w.begin()
    w.add("On ")
    t1, day1 = w.day(0, 12)
    w.add(", the ")
    e_agency = w.entity(agency, "government_agency")
    w.add(" ordered ")
    e_company = w.entity(company, "organization")
    w.add(" to ")
    restrict = w.add("restrict")
    w.add(" exports of ")
    e_a = w.entity(model_a, "ai_model")
    w.add(" and ")
    e_b = w.entity(model_b, "ai_model")
    s = w.end()
    w.event(
        restrict,
        "export_restriction",
        s,
        agents=(e_agency,),
        affected=(e_company,),
        models=(e_a, e_b),
        timex=t1,
        date=day1,
    )

    w.begin()
    w.add("The company ")  # participants reached through "the company", "the model"
    disabled = w.add("disabled")
    w.add(" access to the model on ")
    t2, day2 = w.day(0, 13)
    s = w.end()
    w.event(disabled, "access_disable", s, agents=(e_company,), models=(e_a,), timex=t2, date=day2)

    w.begin()
    cue = w.add("Two weeks after")
    w.add(" the order, on ")
    t3, day3 = w.day(0, 26)
    w.add(", the agency ")
    eased = w.add("eased")
    w.add(" the restriction on ")
    e_a3 = w.entity(model_a, "ai_model")
    w.add(" for ")
    scope_span = w.add("more than 100 trusted partners")
    w.add(", ")
    according = w.add("according to")
    w.add(" ")
    e_outlet = w.entity(outlet, "news_outlet")
    s = w.end()
    count = Count(100, "more_than", "more than 100")
    w.event(
        eased,
        "partial_lift",
        s,
        agents=(e_agency,),
        models=(e_a3,),
        timex=t3,
        date=day3,
        scope=(Scope("trusted_partners", scope_span, count),),
        relations=(EventRelation("after", "v1", (14, 14), cue),),
        attribution=Attribution(according, e_outlet),
    )

    w.begin()
    e_official = w.entity(official, "person", role="Trade Secretary", affiliation=agency)
    w.add(", the Trade Secretary, ")
    said = w.add("said")
    w.add(" ")
    e_b2 = w.entity(model_b, "ai_model")
    w.add(" remains ")
    restricted = w.add("restricted")
    s = w.end()
    w.event(
        restricted,
        "export_restriction",
        s,
        models=(e_b2,),
        modality="state",
        tense="present",
        attribution=Attribution(said, e_official),
    )

    w.begin()
    w.add("The company ")
    restored = w.add("restored")
    w.add(" access to the model on ")
    t4, day4 = w.day(0, 27)
    s = w.end()
    w.event(restored, "access_restore", s, agents=(e_company,), models=(e_a3,), timex=t4, date=day4)

    w.begin()
    w.add("The agency is considering ")
    lifting = w.add("lifting")
    w.add(" the restriction on ")
    e_b3 = w.entity(model_b, "ai_model")
    s = w.end()
    w.event(lifting, "partial_lift", s, models=(e_b3,), modality="planned", tense="future")

    published = _day(base, 0, 27)
    document = _document(
        w.doc_id,
        w.text,
        f"{agency} eases curbs on {model_a}",
        published=DateRange.day(published),
        collected=_day(base, 1, 2),
    )
    dct = DocumentDate(DateRange.day(published), inferred=False, evidence=("manifest: published",))
    return w.records(document, dct)


def _second_article(
    copy: int,
    base: tuple[int, int],
    story: str,
    agency: str,
    court: str,
    company: str,
    model_a: str,
    model_b: str,
) -> DocumentRecords:
    w = _Writer(f"{story.lower()}-d2", base)
    w.begin()
    e_company = w.entity(company, "organization")
    w.add(" ")
    sued = w.add("sued")
    w.add(" the ")
    e_agency = w.entity(agency, "government_agency")
    w.add(" on ")
    t1, day1 = w.day(0, 20)
    s = w.end()
    w.event(sued, "lawsuit", s, agents=(e_company,), affected=(e_agency,), timex=t1, date=day1)

    w.begin()
    w.add("The agency had ")
    restricted = w.add("restricted")
    w.add(" ")
    e_a = w.entity(model_a, "ai_model")
    w.add(" and ")
    e_b = w.entity(model_b, "ai_model")
    w.add(" in ")
    t2, month2 = w.month(0)
    s = w.end()
    w.event(
        restricted,
        "export_restriction",
        s,
        agents=(e_agency,),
        models=(e_a, e_b),
        timex=t2,
        date=month2,
    )

    w.begin()
    w.add("On ")
    t3, day3 = w.day(0, 24)
    w.add(", it ")
    eased = w.add("eased")
    w.add(" curbs on ")
    e_a2 = w.entity(model_a, "ai_model")
    w.add(" for ")
    scope_span = w.add("about 50 trusted partners")
    s = w.end()
    w.event(
        eased,
        "partial_lift",
        s,
        agents=(e_agency,),
        models=(e_a2,),
        timex=t3,
        date=day3,
        scope=(Scope("trusted_partners", scope_span, Count(50, "about", "about 50")),),
    )

    w.begin()
    w.add("The ")
    e_court = w.entity(court, "court")
    w.add(" ")
    ruled = w.add("ruled")
    w.add(" for the company on ")
    t4, day4 = w.day(1, 5)
    s = w.end()
    w.event(ruled, "court_ruling", s, agents=(e_court,), affected=(e_company,), timex=t4, date=day4)

    w.begin()
    w.add("The agency ")
    designated = w.add("designated")
    w.add(" the company a supply chain risk in ")
    t5, month5 = w.month(-3)
    s = w.end()
    w.event(
        designated,
        "designation",
        s,
        agents=(e_agency,),
        affected=(e_company,),
        timex=t5,
        date=month5,
    )

    w.begin()
    w.add("The company ")
    released = w.add("released")
    w.add(" the model in ")
    t6, month6 = w.month(-2)
    s = w.end()
    w.event(released, "release", s, agents=(e_company,), models=(e_a2,), timex=t6, date=month6)

    w.begin()
    w.add("The agency ")
    lifted = w.add("lifted")
    w.add(" all restrictions on ")
    e_b2 = w.entity(model_b, "ai_model")
    w.add(" on ")
    t7, day7 = w.day(2, 10)
    s = w.end()
    w.event(lifted, "full_lift", s, agents=(e_agency,), models=(e_b2,), timex=t7, date=day7)

    w.begin()
    w.add("The agency opened an ")
    investigation = w.add("investigation")
    w.add(" into the company")
    s = w.end()
    w.event(investigation, "investigation", s, agents=(e_agency,), affected=(e_company,))

    w.begin()
    w.add("Critics recalled an earlier ")
    threat = w.add("threat")
    s = w.end()
    w.event(threat, "threat", s)  # names nobody: a candidate, not on the timeline

    document = _document(
        w.doc_id,
        w.text,
        f"{company} wins a round against {agency}",
        collected=_day(base, 2, 27),
    )
    dct = DocumentDate(
        DateRange(_day(base, 2, 15), _day(base, 2, 27)),
        inferred=True,
        evidence=(f"collected on {_day(base, 2, 27).isoformat()}: published shortly before",),
    )
    return w.records(document, dct)


# ---------------------------------------------------------------------------- template
_KEY = re.compile(
    r"^(?P<coarse>.+)-(?P<when>undated|\d{4}(?:-\d{2}){0,2})-(?P<hash>[0-9a-f]{6})"
    r"(?P<x>x*)$"
)


@dataclass(frozen=True)
class _EventKey:
    coarse: str
    when: str
    doc_id: str
    start: int
    suffix: str


class StoryTemplate:
    """Story 0 built by the project's code, and every other story rendered from it."""

    def __init__(self) -> None:
        quads, vocabulary, keys, texts = _story_graph(0)
        self.vocabulary = vocabulary
        self._keys = keys
        self._texts = {checksum: _Parts(text, ()) for checksum, text in texts.items()}
        self._quads = _Parts("".join(quads), tuple(keys) + tuple(self._texts))

    def render(self, copy: int) -> str:
        """The N-Quads of story ``copy``, one quad a line."""
        months = _months_between(story_base(0), story_base(copy))
        values = _token_values(copy)
        values.update(self._quads.date_values(months))
        for checksum, text in self._texts.items():
            rendered = text.render(values | text.date_values(months))
            values[checksum] = hashlib.sha256(rendered.encode("utf-8")).hexdigest()
        values.update(zip(self._keys, self.event_keys(copy), strict=True))
        return self._quads.render(values)

    def event_keys(self, copy: int) -> list[str]:
        """The keys of story ``copy``'s canonical events, as reconciliation mints them."""
        months = _months_between(story_base(0), story_base(copy))
        keys = []
        for parts in self._keys.values():
            doc_id = _substitute_tokens(parts.doc_id, copy)
            when = parts.when if parts.when == "undated" else _shift_text(parts.when, months)
            digest = hashlib.sha256(f"{doc_id}:{parts.start}".encode()).hexdigest()[:6]
            keys.append(f"{parts.coarse}-{when}-{digest}{parts.suffix}")
        return keys


class _Parts:
    """A text cut into fixed parts and slots (tokens, dates, and named strings)."""

    def __init__(self, text: str, named: tuple[str, ...]) -> None:
        alternatives = [re.escape(n) for n in sorted(named, key=len, reverse=True)]
        pattern = re.compile("(" + "|".join([*alternatives, _TOKEN, _DATE]) + ")")
        self.parts = pattern.split(text)
        self.slots = list(range(1, len(self.parts), 2))
        self.dates = sorted(
            {self.parts[i] for i in self.slots if re.fullmatch(_DATE, self.parts[i])}
        )

    def date_values(self, months: int) -> dict[str, str]:
        return {d: _shift_text(d, months) for d in self.dates}

    def render(self, values: dict[str, str]) -> str:
        parts = self.parts.copy()
        for index in self.slots:
            parts[index] = values[parts[index]]
        return "".join(parts)


def _months_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    return (b[0] * 12 + b[1]) - (a[0] * 12 + a[1])


def _shift_text(value: str, months: int) -> str:
    if len(value) == 7:
        year, month = shift_month(int(value[:4]), int(value[5:]), months)
        return f"{year:04d}-{month:02d}"
    return shift_date(date.fromisoformat(value), months).isoformat()


def _token_values(copy: int) -> dict[str, str]:
    values: dict[str, str] = {}
    for prefix in _TOKENS:
        template, token = _token(prefix, 0), _token(prefix, copy)
        values[template] = token
        values[template.lower()] = token.lower()
    return values


def _substitute_tokens(text: str, copy: int) -> str:
    for old, new in _token_values(copy).items():
        text = text.replace(old, new)
    return text


def story_graph(copy: int) -> list[str]:
    """Story ``copy``'s N-Quads lines as the project's own code writes them (the reference)."""
    return _story_graph(copy)[0]


def _story_graph(copy: int) -> tuple[list[str], str, dict[str, _EventKey], dict[str, str]]:
    import pyoxigraph as ox

    from kg.build import GraphOptions, graph_quads
    from kg.iri import Minter
    from kg.oxterms import to_ox_quad

    records = story_records(copy)
    quads, reconciliation = graph_quads(records, GraphOptions())
    vocabulary_graph = Minter(GraphOptions().base).vocabulary_graph()
    story = [to_ox_quad(q) for q in quads if q[3] != vocabulary_graph]
    vocabulary = [to_ox_quad(q) for q in quads if q[3] == vocabulary_graph]
    lines = ox.serialize(story, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(True)
    keys: dict[str, _EventKey] = {}
    for event in reconciliation.events:
        match = _KEY.match(event.key)
        assert match is not None, event.key
        doc_id, start = min(c.order for c in event.all_claims)
        keys[event.key] = _EventKey(match["coarse"], match["when"], doc_id, start, match["x"])
    texts = {r.document.checksum: r.document.text for r in records}
    vocabulary_text = ox.serialize(vocabulary, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return lines, vocabulary_text, keys, texts


def stories_for(events: int) -> int:
    return max(1, -(-events // EVENTS_PER_STORY))


def nquads_chunks(events: int, stories_per_chunk: int = 2000) -> Iterator[bytes]:
    """The whole synthetic dataset (vocabulary first) as N-Quads, in chunks of bytes."""
    template = StoryTemplate()
    yield template.vocabulary.encode("utf-8")
    total = stories_for(events)
    for first in range(0, total, stories_per_chunk):
        last = min(total, first + stories_per_chunk)
        yield "".join(template.render(k) for k in range(first, last)).encode("utf-8")


__all__ = [
    "EVENTS_PER_STORY",
    "StoryTemplate",
    "nquads_chunks",
    "stories_for",
    "story_graph",
    "story_records",
]
