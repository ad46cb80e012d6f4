"""``Draft``: one event in the making, as the steps of the events component fill it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from extract.events.attribution import Cue
from extract.events.scope import ScopeMatch
from extract.events.timing import PlacedTimex
from extract.events.triggers import Trigger
from extract.records import Amount, EntityMention, EventRelation


@dataclass
class Draft:
    """One event in the making: its merged triggers and what was found about it."""

    members: list[Trigger]  # the first is the representative trigger
    # the order, rule or decision whose content clause the representative is ("signed an
    # executive order delaying the ban"): it says how the event is told
    instrument_trigger: Trigger | None = None
    anchors: set[int] = field(default_factory=set)  # tokens whose dependents are the event's
    type: str = ""
    agents: list[EntityMention] = field(default_factory=list)
    affected: list[EntityMention] = field(default_factory=list)
    models: list[EntityMention] = field(default_factory=list)
    scopes: list[ScopeMatch] = field(default_factory=list)
    limited: Token | None = None
    timex: PlacedTimex | None = None  # the expression that dates the event
    effective: PlacedTimex | None = None  # when the measure takes effect
    expires: PlacedTimex | None = None  # when it lapses
    modality: str = "asserted"
    tense: str = "past"
    attribution: Cue | None = None
    instrument: EntityMention | None = None
    relations: list[EventRelation] = field(default_factory=list)
    carried_by: Draft | None = None  # a dated letter that carries this act (its date is ours)
    news: bool = False  # a new step of its kind ("another", "new"), or in a headline
    amount: Amount | None = None  # the sum it is about ("paid a $1 billion penalty")
    stage: str | None = None  # the step of a process it names ("an agreement in principle")
    event_id: str = ""

    @property
    def trigger(self) -> Trigger:
        """The representative trigger."""
        return self.members[0]

    @property
    def head(self) -> Token:
        """The representative trigger's head token."""
        return self.members[0].head
