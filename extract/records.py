"""The records extraction produces: frozen, plain-Python facts with their provenance.

Every later layer (the graph, the queries) reads these and nothing of spaCy. Character
offsets always index ``Document.text``: the cleaned main text of the document, which the
graph stores too, so a quote can always be checked against its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How finely a date is known. A month stays a month: it never becomes its 1st day."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"


@dataclass(frozen=True, order=True)
class DateRange:
    """A closed interval of days [earliest, latest] that contains the true date."""

    earliest: date
    latest: date

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"empty date range: {self.earliest} > {self.latest}")

    @classmethod
    def day(cls, d: date) -> DateRange:
        return cls(d, d)

    @property
    def days(self) -> int:
        """Number of days in the range (1 for a single day)."""
        return (self.latest - self.earliest).days + 1

    def contains(self, d: date) -> bool:
        return self.earliest <= d <= self.latest

    def overlaps(self, other: DateRange) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def intersect(self, other: DateRange) -> DateRange | None:
        lo, hi = max(self.earliest, other.earliest), min(self.latest, other.latest)
        return DateRange(lo, hi) if lo <= hi else None

    def hull(self, other: DateRange) -> DateRange:
        return DateRange(min(self.earliest, other.earliest), max(self.latest, other.latest))

    def shift(self, days: int) -> DateRange:
        delta = timedelta(days=days)
        return DateRange(self.earliest + delta, self.latest + delta)

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"


@dataclass(frozen=True)
class Block:
    """A layout unit of the cleaned text: a title, heading, paragraph or list item."""

    start: int
    end: int
    kind: str  # "title" | "heading" | "paragraph" | "list_item"


@dataclass(frozen=True)
class Document:
    """One article as read from the corpus, before any NLP."""

    id: str
    text: str
    source: str  # where it was read from: a path, or "file.jsonl:LINE"
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateRange | None = None  # a full or partial date when the manifest knows it
    collected: date | None = None
    language: str = "en"
    blocks: tuple[Block, ...] = ()
    checksum: str = ""  # sha256 of ``text``: a changed text is a new version of the document


@dataclass(frozen=True)
class TextSpan:
    """A stretch of ``Document.text`` (character offsets and the words)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A temporal expression, normalised in the spirit of TIMEX3.

    ``anchor`` says what a relative value was resolved against ("none" for an absolute
    expression, "dct" for the document's creation time, "timex:<id>" or "event:<id>"), and
    ``rule`` is the resolution rule of ``extract.temporal.rules`` that gives ``range`` from
    the anchor's date, so the value can be resolved again when a better anchor is known.
    """

    id: str
    span: TextSpan
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2026-06-12, 2026-06, 2026-W25, P2W, XXXX-WXX-5
    range: DateRange | None = None  # for DATE and TIME
    precision: Precision | None = None
    mod: str | None = None  # TIMEX3 mod: EARLY, MID, LATE, BEFORE, AFTER, APPROX, ...
    anchor: str = "none"
    rule: str | None = None
    quant: str | None = None  # for SET: "EVERY", ...
    freq: str | None = None
    signal: str | None = None  # "end" after "until", "through" (a deadline, an expiry);
    #                            "start" after "effective", "as of": it bounds a period and
    #                            dates no event
    function: str | None = None  # TIMEX3 functionInDocument: "CREATION_TIME" for a
    #                              dateline ("May 14 (UPI) --"): the document's own date


@dataclass(frozen=True)
class DocumentDate:
    """The document creation time (DCT): known from the manifest or inferred from the text."""

    range: DateRange
    inferred: bool
    evidence: tuple[str, ...] = ()  # the cues that set each bound, in words
    anchored: bool = True  # False when no date of the text gives a year: the range's year
    #                        is only the default assumption of an undated document
    # The assumed range it had before following the text's latest dated past (an archived
    # article collected years later): the corpus may still place the text later in it
    # (kg.reconcile.archived)
    moved_from: DateRange | None = None


@dataclass(frozen=True)
class EntityMention:
    id: str
    span: TextSpan
    type: str  # an entity type of extract/data/entity_types.yaml
    name: str  # canonical name within the document (gazetteer name or longest form)
    source: str  # "gazetteer" | "pattern" | "ner" | "title" (TITLE_ALONE)
    role: str | None = None  # "Commerce Secretary" for a person
    affiliation: str | None = None  # canonical name of the body a person's role belongs to,
    #                                 or of the body an agency belongs to (its parent)
    gazetteer_id: str | None = None  # the gazetteer entry it matched, when it did
    owner: str | None = None  # a product's: the name of the company the text says owns,
    #                           runs or makes it ("Zimble, the wallet run by Kestrio Labs")


# The source of a mention of a title alone ("the President" in a text that names no
# president): a person whom the corpus names (kg.reconcile.entities.title_holder).
TITLE_ALONE = "title"


@dataclass(frozen=True)
class Count:
    """A number the text gives, with its qualifier: "more than 100" -> (100, "more_than")."""

    value: int
    qualifier: str = "exact"  # exact | more_than | less_than | about | at_least | at_most
    text: str = ""


@dataclass(frozen=True)
class Amount:
    """A sum of money an event is about ("paid a $1 billion penalty"): its value in units
    of its currency (ISO 4217 code), and where the text gives it."""

    value: float
    currency: str
    span: TextSpan


@dataclass(frozen=True)
class Scope:
    """Who a restriction or a lifting applies to."""

    population: str  # a population of extract/data/scopes.yaml, e.g. "foreign_nationals"
    span: TextSpan | None = None
    count: Count | None = None


@dataclass(frozen=True)
class Attribution:
    """Who says so: "according to a letter obtained by POLITICO", "Reuters reported"."""

    cue: TextSpan
    source: str | None = None  # entity mention id of the source (outlet, person, body)
    instrument: str | None = None  # e.g. "letter", "blog post", "statement"


@dataclass(frozen=True)
class EventRelation:
    """A temporal link the text states between two event mentions of the same document.

    ``relation`` is "before" or "after" (this event relative to ``target``); ``lag`` the
    distance in days when given ("two weeks after" -> (14, 14)).
    """

    relation: str
    target: str  # event mention id
    lag: tuple[int, int] | None = None
    cue: TextSpan | None = None


@dataclass(frozen=True)
class EventMention:
    """One mention of a policy event, or of a state ("remains restricted")."""

    id: str
    trigger: TextSpan
    type: str  # an event type of extract/data/event_types.yaml
    sentence: TextSpan
    agents: tuple[str, ...] = ()  # entity mention ids
    affected: tuple[str, ...] = ()
    models: tuple[str, ...] = ()  # AI models or other products concerned
    scope: tuple[Scope, ...] = ()
    timex: str | None = None  # id of the time expression syntax attaches to the trigger
    date: DateRange | None = None  # resolved date of this mention, before reconciliation
    relations: tuple[EventRelation, ...] = ()
    modality: str = "asserted"  # asserted | negated | hypothetical | planned | requested |
    #                             speculative | state
    tense: str = "past"  # past | present | future
    attribution: Attribution | None = None
    instrument: str | None = None  # entity mention id of the order, letter, ... it acts by
    carried_by: str | None = None  # event mention id of the dated letter or determination
    #                                that carries this act (its date dates the act)
    effective: str | None = None  # timex id: when the measure takes effect ("effective May 1")
    expires: str | None = None  # timex id: when it lapses ("a licence through June 30")
    news: bool = False  # told as the document's news: in its headline, or as a new step
    #                     ("adds new affiliates", "another 38 firms"), not a reference back
    amount: Amount | None = None  # the sum paid or agreed, for types whose sum tells them apart
    stage: str | None = None  # the step of a process its words name: "preliminary" ("an
    #                           agreement in principle") or "final" ("a binding agreement")


@dataclass(frozen=True)
class DocumentRecords:
    """Everything extraction found in one document."""

    document: Document
    dct: DocumentDate
    sentences: tuple[TextSpan, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    pipeline: str = ""  # name and version of the NLP pipeline, for provenance
    notes: tuple[str, ...] = field(default=())  # warnings about this document, in words

    def entity(self, mention_id: str) -> EntityMention:
        for mention in self.entities:
            if mention.id == mention_id:
                return mention
        raise KeyError(mention_id)

    def timex(self, timex_id: str) -> Timex:
        for timex in self.timexes:
            if timex.id == timex_id:
                return timex
        raise KeyError(timex_id)
