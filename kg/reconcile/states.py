"""Restriction states over time: one state per subject, authority, population and layer.

Reads: the events on the timeline with their reconciled dates, the state effect and layer
of their types, who acted (``authorities``), state claims ("remains restricted"). Adds:
``StateInterval`` sequences, so that on any day each (subject, authority, population,
layer) has exactly one state, with the event that set it.

* Subjects are what an event restricts or relieves: its models and products, and the
  parties it affects whose entity type is a subject (a company on a list, an app), but
  not the known maker of a model it restricts.
* Authorities: a state is kept per department of a government (Commerce, with its
  bureau and its secretary; the FCC) and per government with all its departments. Within
  a department the latest event sets the state. A government's own relief (a head of
  government revoking orders) reaches every department; its own restrictions (an order, a
  law) add to the departments' measures. The government's state combines its
  departments': restricted somewhere and relieved nowhere is restricted, relieved in part
  somewhere is partially lifted, lifted wherever it was restricted is lifted. A court that
  blocks or upholds a measure acts on the state of the authority whose measure it is.
* Populations: a lift for some (trusted partners) is a partial lift of the state for
  everyone; a restriction of one population (government devices) is that population's
  state only.
* Layers: the legal state (governments and courts) and the effective state (a company
  switching its own service off and on) are separate sequences.

Each subject has a principal authority: the department that took most of its legal steps
(two fifths of them at least, and twice as many as any other department), else its
government. A question about the subject without an
authority is answered for it.

Events are ordered by a best day inside their window (the day itself when known, the
middle of a month, the latest possible day when only that is known); each interval keeps
the windows of the events that start and end it, so an answer can say whether a state
surely held on a day or only most likely did.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from extract.records import DocumentDate, Precision
from kg.reconcile.authorities import Authorities, Authority
from kg.reconcile.claims import Claim
from kg.reconcile.events import CanonicalEvent
from kg.reconcile.intervals import Window
from kg.reconcile.temporal import precision_of
from kg.schema import EntityTypes, EventTypes, Populations

ALL = "all"
LEGAL, EFFECTIVE = "legal", "effective"
DEPARTMENT, GOVERNMENT = "department", "government"
UNRESTRICTED, RESTRICTED, PARTIAL, LIFTED = (
    "unrestricted",
    "restricted",
    "partially_lifted",
    "lifted",
)
# A department is a subject's principal authority when it took this share of the steps whose
# authority is known, and twice as many as any other department.
PRINCIPAL_SHARE = 0.4
# A measure said to lapse within this many days of its own step is told with the date it
# replaces ("extended the licence due to expire on June 30"), not its own.
LAPSE_MIN_DAYS = 7
# On one day, restrictions come before the relief granted from them.
_EFFECT_ORDER = {RESTRICTED: 0, PARTIAL: 1, LIFTED: 2}


@dataclass(frozen=True)
class StateInterval:
    subject: str  # canonical entity key of the restricted subject
    authority: str  # entity key of the department or government ("" when unknown)
    level: str  # "department" | "government"
    population: str
    layer: str  # "legal" | "effective"
    sequence: int
    state: str
    start: Window | None  # window of the event that started it (None: since always)
    end: Window | None  # window of the event that ended it (None: still in force)
    started_by: int | None  # index of the canonical event
    ended_by: int | None
    start_day: int | None = None  # best day of the start (ordinal)
    end_day: int | None = None
    principal: bool = False  # the subject's principal authority: answers without one
    supported_by: tuple[Claim, ...] = ()  # state claims saying it held

    def holds_within(self, window: Window) -> bool:
        """Whether the interval may hold at some day of ``window``."""
        start_lo = None if self.start is None else self.start.lo
        end_hi = None if self.end is None else self.end.hi
        return (start_lo is None or window.hi is None or start_lo <= window.hi) and (
            end_hi is None or window.lo is None or window.lo < end_hi
        )

    @property
    def key(self) -> str:
        authority = self.authority or "unknown"
        return f"{self.subject}--{authority}--{self.layer}--{self.population}--{self.sequence}"


@dataclass(frozen=True)
class _Change:
    event: int
    window: Window
    day: int
    effect: str
    authority: Authority | None
    by_person: bool = False  # no authority known, but a person acted (a head of government?)
    lapse_of: str | None = None  # the effect of the measure whose lapse this is
    ends_relief: bool = False  # a restriction that ends a relief (a licence revoked, lapsed)

    def after(self, state: str) -> str:
        """The state this change leaves behind ``state``: a new restriction leaves a partial
        relief in force (the licence still covers what it covers); ending it takes a
        revocation or its lapse."""
        if self.effect == RESTRICTED and state == PARTIAL and not self.ends_relief:
            return PARTIAL
        return self.effect


def best_day(window: Window) -> int | None:
    """One day to order an event by: the day when known, the 15th of a month known as a
    whole, else the middle of its window, else the bound it has."""
    if window.lo is not None and window.hi is not None:
        first = date.fromordinal(window.lo)
        if precision_of(window) is Precision.MONTH:
            return first.replace(day=15).toordinal()
        return (window.lo + window.hi) // 2
    return window.hi if window.hi is not None else window.lo


def _lapse(event: CanonicalEvent, effect: str, day: int) -> tuple[Window, int, str] | None:
    """The change when the measure lapses ("a licence to June 30", "a ban until
    June"): the day after its last day, relief giving way to the restriction it relieved and
    a restriction to its lifting."""
    end = event.expires
    if end is None:
        return None
    after = end.latest.toordinal() + 1
    if after <= day + LAPSE_MIN_DAYS:
        return None  # "extended the licence that expired June 30": the old date, not its own
    return Window(after, after), after, RESTRICTED if effect != RESTRICTED else LIFTED


def _without_renewed_lapses(items: list[_Change]) -> list[_Change]:
    """A lapse happens only to the latest step: one another step follows before it comes
    (an extension of the licence, a lifting, a new ban) does not happen."""
    out = []
    for change in items:
        if change.lapse_of is not None:
            started = next(
                (c.day for c in items if c.event == change.event and c.lapse_of is None),
                change.day,
            )
            if any(
                c.lapse_of is None and c.event != change.event and started < c.day <= change.day
                for c in items
            ):
                continue
        out.append(change)
    return out


def derive_states(
    events: Sequence[CanonicalEvent],
    windows: Sequence[Window],
    types: EventTypes,
    authorities: Authorities,
    entity_types: EntityTypes,
    state_claims: Sequence[Claim] = (),
    documents: Mapping[str, DocumentDate] | None = None,
    only: Sequence[int] | None = None,
    populations: Populations | None = None,
) -> list[StateInterval]:
    """``only``: the indices of the events that may change a state (default: all)."""
    populations = populations or Populations()
    changes: dict[tuple[str, str, str], list[_Change]] = defaultdict(list)
    for index in range(len(events)) if only is None else only:
        event = events[index]
        event_type = types.get(event.type_id)
        effect = event_type.state_effect
        window, day = windows[index], best_day(windows[index])
        if effect is None or day is None:
            continue
        layer = event_type.layer
        acting: list[Authority | None] = list(_authorities(event, layer, authorities)) or [None]
        by_person = any(_actor(authorities, k) == "person" for k in event.agents)
        lapse = _lapse(event, effect, day)
        for subject in _subjects(event, layer, entity_types, authorities):
            for authority in acting:
                for population in _populations(event, effect, populations):
                    found = changes[(subject, layer, population)]
                    found.append(
                        _Change(
                            index,
                            window,
                            day,
                            effect,
                            authority,
                            by_person,
                            ends_relief=event_type.ends_relief,
                        )
                    )
                    if lapse is not None:
                        found.append(
                            _Change(
                                index,
                                lapse[0],
                                lapse[1],
                                lapse[2],
                                authority,
                                by_person,
                                lapse_of=effect,
                                ends_relief=True,
                            )
                        )
    principal = _principals(changes)
    intervals: list[StateInterval] = []
    for (subject, layer, population), items in sorted(changes.items()):
        items = _known_authorities(
            _without_renewed_lapses(items),
            principal.get((subject, layer)),
            lambda number: events[number].type_id,
        )
        items.sort(key=lambda c: (c.day, _EFFECT_ORDER[c.effect], events[c.event].key))
        chosen = principal.get((subject, layer))
        for level, authority_key, sequence in _sequences(items):
            intervals.extend(
                _intervals(
                    subject,
                    authority_key,
                    level,
                    population,
                    layer,
                    sequence,
                    principal=(level, authority_key) == chosen,
                )
            )
    if state_claims:
        intervals = _with_support(intervals, state_claims, types, documents or {})
    return intervals


def first_limits(
    events: Sequence[CanonicalEvent],
    windows: Sequence[Window],
    types: EventTypes,
    authorities: Authorities,
    entity_types: EntityTypes,
    only: Sequence[int],
) -> dict[int, str]:
    """Event index -> the type it is as its government's first step on its subjects
    (event_types.yaml ``first_as``): a partial relief by a government that restricted none
    of them before ("will allow limited use of Corvex's equipment") limits what was free."""
    # each legal step: its day, the governments that took it, the subjects it concerns
    facts: dict[int, tuple[int, set[str], list[str]]] = {}
    firsts: dict[tuple[str, str], int] = {}  # (subject, government) -> its first step's day
    for index in only:
        day = best_day(windows[index])
        event_type = types.get(events[index].type_id)
        if event_type.state_effect is None or event_type.layer != LEGAL or day is None:
            continue
        governments = {a.government for a in _authorities(events[index], LEGAL, authorities)}
        subjects = _subjects(events[index], LEGAL, entity_types, authorities)
        facts[index] = day, governments, subjects
        for key in ((s, g) for s in subjects for g in governments):
            firsts[key] = min(day, firsts.get(key, day))
    out: dict[int, str] = {}
    for index, (day, governments, subjects) in facts.items():
        first_as = types.get(events[index].type_id).first_as
        if first_as is None or not governments or not subjects:
            continue
        if all(firsts[(s, g)] >= day for s in subjects for g in governments):
            out[index] = first_as
    return out


def _subjects(
    event: CanonicalEvent, layer: str, entity_types: EntityTypes, authorities: Authorities
) -> list[str]:
    subjects = set(event.models)
    for key in event.affected - event.owners:  # the maker of a restricted model is not itself
        entity = authorities.entities.get(key)
        if entity is not None and entity_types.is_subject(entity.type):
            subjects.add(key)
    if layer == EFFECTIVE and not subjects:
        subjects |= event.agents  # "the app went dark": the company's own service
    return sorted(subjects)


def _authorities(event: CanonicalEvent, layer: str, authorities: Authorities) -> list[Authority]:
    if layer == EFFECTIVE:
        return [Authority(key, None) for key in sorted(event.agents)]
    courts = {k for k in event.agents if _actor(authorities, k) == "court"}
    acting = authorities.of_all(event.agents - courts)
    if courts and not acting:
        # A court acts on the measure of the authority it rules on, else on its own country's
        # (a court that bans an app, then lets it back: one sequence, the country's).
        acting = authorities.of_all(event.affected) or sorted(
            {Authority(a.government, None) for a in authorities.of_all(courts)},
            key=lambda a: a.government,
        )
    # "the Bureau of Industry and Security" and "the United States" named for one act: the
    # department acted, and the government through it (its state combines the department's)
    departments = {a.government for a in acting if a.department is not None}
    return [a for a in acting if a.department is not None or a.government not in departments]


def _actor(authorities: Authorities, key: str) -> str | None:
    entity = authorities.entities.get(key)
    return entity.actor if entity is not None else None


def _populations(event: CanonicalEvent, effect: str, populations: Populations) -> list[str]:
    named = sorted({s.population for c in event.all_claims for s in c.mention.scope})
    if effect == RESTRICTED and named:
        # a restriction of some only (government devices) is not everyone's state, when
        # most sources that say whom it binds say so ("a limited ban for government devices")
        scoped = [c for c in event.all_claims if c.mention.scope]
        some = [
            c
            for c in scoped
            if any(populations.restricts_some(s.population) for s in c.mention.scope)
        ]
        if 2 * len(some) > len(scoped):
            return [p for p in named if populations.restricts_some(p)]
    return [ALL, *[p for p in named if p != ALL]]


def _known_authorities(
    items: list[_Change],
    principal: tuple[str, str] | None,
    type_of: Callable[[int], str] = lambda number: "",
) -> list[_Change]:
    """Changes whose acting authority no source names go to the one authority that took the
    subject's other steps of that type (an unnamed designation of a company one commission
    designates), else to the subject's principal authority: a step of unknown authority in
    a story is most likely the main authority's. One a person took (an official of no known
    body) goes to that authority's government: a head of government's order is not a
    department's."""
    if all(c.authority is not None for c in items):
        return items
    by_type: dict[str, set[Authority]] = defaultdict(set)
    for c in items:
        if c.authority is not None:
            by_type[type_of(c.event)].add(c.authority)
    items = [
        replace(c, authority=next(iter(alone)))
        if c.authority is None and not c.by_person and len(alone := by_type[type_of(c.event)]) == 1
        else c
        for c in items
    ]
    if all(c.authority is not None for c in items):
        return items
    governments = Counter(c.authority.government for c in items if c.authority is not None)
    if principal is not None and principal[0] == DEPARTMENT:
        known = [c.authority for c in items if c.authority and c.authority.department]
        main = next((a for a in known if a.department == principal[1]), None)
    elif principal is not None:
        main = Authority(principal[1], None)
    else:
        main = None
    if main is None:
        top = sorted(governments.items(), key=lambda kv: (-kv[1], kv[0]))
        main = Authority(top[0][0], None) if top else Authority("", None)
    whole = Authority(main.government, None)
    return [
        replace(c, authority=whole if c.by_person else main) if c.authority is None else c
        for c in items
    ]


def _principals(
    changes: Mapping[tuple[str, str, str], list[_Change]],
) -> dict[tuple[str, str], tuple[str, str]]:
    """(subject, layer) -> (level, authority key) that answers for the subject."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for (subject, layer, population), items in changes.items():
        if population != ALL:
            continue
        events = {c.event: c.authority for c in items if c.authority is not None}
        departments = Counter(a.department for a in events.values() if a.department)
        governments = Counter(a.government for a in events.values())
        top = sorted(departments.items(), key=lambda kv: (-kv[1], kv[0]))
        second = top[1][1] if len(top) > 1 else 0
        if top and top[0][1] >= PRINCIPAL_SHARE * len(events) and top[0][1] >= 2 * second:
            out[(subject, layer)] = (DEPARTMENT, top[0][0])
        elif governments:
            best = sorted(governments.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            out[(subject, layer)] = (GOVERNMENT, best)
        elif items:
            out[(subject, layer)] = (GOVERNMENT, "")  # no source names who acts: still one
    return out


def _sequences(items: list[_Change]) -> list[tuple[str, str, list[tuple[_Change, str]]]]:
    """Per department and per government: the ordered (change, state after it) pairs."""
    out: list[tuple[str, str, list[tuple[_Change, str]]]] = []
    by_government: dict[str, list[_Change]] = defaultdict(list)
    for change in items:
        assert change.authority is not None
        by_government[change.authority.government].append(change)
    for government, changes in sorted(by_government.items()):
        departments = sorted(
            {c.authority.department for c in changes if c.authority and c.authority.department}
        )
        for department in departments:
            own = [
                c
                for c in changes
                if c.authority is not None and c.authority.department in (department, None)
            ]
            out.append((DEPARTMENT, department, _in_turn(own)))
        out.append((GOVERNMENT, government, _combined(changes)))
    return out


def _in_turn(changes: list[_Change]) -> list[tuple[_Change, str]]:
    """One department's state after each of its changes and its government's: what the
    government restricts as a whole is its own measure (kept at the government level), its
    relief reaches the department's measures, when there are any, and so does its ending of
    the relief a department granted (licences revoked)."""
    state = UNRESTRICTED
    out = []
    for change in changes:
        whole = change.authority is not None and change.authority.department is None
        ends = change.ends_relief and state == PARTIAL  # the licences it revokes
        if whole and (state == UNRESTRICTED or (change.effect == RESTRICTED and not ends)):
            continue
        state = change.after(state)
        out.append((change, state))
    return out


def _combined(changes: list[_Change]) -> list[tuple[_Change, str]]:
    """The government's state after each change: its departments' states combined."""
    state: dict[str | None, str] = {}
    # the departments whose partial relief is the one the government itself granted
    reached: set[str | None] = set()
    sequence: list[tuple[_Change, str]] = []
    current = UNRESTRICTED
    for change in changes:
        assert change.authority is not None
        department = change.authority.department
        if department is None and change.effect != RESTRICTED:
            # relief granted by the government itself reaches every department's measures;
            # a restriction of its own leaves the relief the departments grant in place
            state = {key: change.effect for key in state}
            reached = set(state) if change.effect == PARTIAL else set()
        elif department is None and change.ends_relief:
            # unless it ends that relief (the licences revoked)
            state = {key: change.after(value) for key, value in state.items()}
            reached = set()
        elif change.ends_relief and state.get(None) == PARTIAL:
            # a department's licence lapsing or revoked ends the relief of it the government
            # itself announced, wherever that relief reached
            for key in reached | {None}:
                if state.get(key) == PARTIAL:
                    state[key] = change.after(PARTIAL)
            reached = set()
        state[department] = change.after(state.get(department, UNRESTRICTED))
        if department is not None:
            reached.discard(department)  # its own step now
        combined = combine(state.values())
        if combined != current:
            sequence.append((change, combined))
            current = combined
    return sequence


def combine(states: Iterable[str]) -> str:
    """One state from several authorities' states (see the module docstring)."""
    active = [s for s in states if s != UNRESTRICTED]
    if not active:
        return UNRESTRICTED
    if PARTIAL in active:
        return PARTIAL
    if RESTRICTED in active:
        return RESTRICTED
    return LIFTED


def _intervals(
    subject: str,
    authority: str,
    level: str,
    population: str,
    layer: str,
    sequence: list[tuple[_Change, str]],
    *,
    principal: bool,
) -> list[StateInterval]:
    out: list[StateInterval] = []
    previous: _Change | None = None
    state = UNRESTRICTED
    steps = [(c, s) for n, (c, s) in enumerate(sequence) if n == 0 or s != sequence[n - 1][1]]
    for number, (change, new_state) in enumerate([*steps, (None, None)]):
        out.append(
            StateInterval(
                subject=subject,
                authority=authority,
                level=level,
                population=population,
                layer=layer,
                sequence=number,
                state=state,
                start=previous.window if previous is not None else None,
                end=change.window if change is not None else None,
                started_by=previous.event if previous is not None else None,
                ended_by=change.event if change is not None else None,
                start_day=previous.day if previous is not None else None,
                end_day=change.day if change is not None else None,
                principal=principal,
            )
        )
        if change is None or new_state is None:
            break
        previous, state = change, new_state
    return out


def _with_support(
    intervals: list[StateInterval],
    claims: Sequence[Claim],
    types: EventTypes,
    documents: Mapping[str, DocumentDate],
) -> list[StateInterval]:
    """Attach each state claim to the intervals of its subject that it describes."""
    support: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        effect = types.get(claim.type.id).state_effect
        if effect is None:
            continue
        observed = claim.window
        dct = documents.get(claim.doc_id)
        if dct is not None and claim.mention.tense == "present":
            observed = observed.intersect(Window.of(dct.range))
        subjects = claim.models | claim.affected
        for number, interval in enumerate(intervals):
            if (
                interval.subject in subjects
                and interval.population == ALL
                and interval.layer == LEGAL
                and interval.state == effect
                and interval.holds_within(observed)
            ):
                support[number].append(claim)
    return [
        replace(interval, supported_by=tuple(support[n])) if n in support else interval
        for n, interval in enumerate(intervals)
    ]


__all__ = ["ALL", "StateInterval", "best_day", "combine", "derive_states"]
