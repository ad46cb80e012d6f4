"""Clustering claims into canonical events, within and across documents.

Reads: event claims. Adds: ``CanonicalEvent`` clusters. Two claims are one event when they
have the same coarse type, compatible dates and compatible participants (no two different
models, at least one shared participant unless one side names none). Claims are taken
most precisely dated first, so vague mentions ("the previous month's directive") join the
event a dated mention ("the March 3 order") founded. Candidates are found through an index
on participants and documents, never by comparing all pairs.

An instrument (a letter, a determination) that carries out an act its document mentions
(the extraction layer links them: ``EventMention.carried_by``) is not an event of its own:
it joins that act, and lends it its date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from extract.records import Amount, DateRange
from extract.temporal import narrow_anchor
from kg.reconcile.authorities import Authorities
from kg.reconcile.claims import NEWS_WITHIN_DAYS, Claim
from kg.reconcile.entities import EntityIndex
from kg.reconcile.intervals import Window
from kg.reconcile.vagueness import without_part
from kg.reconcile.values import stages_apart, sums_apart, vote_amount, vote_date
from kg.schema import EventType, EventTypes, Populations

# Sources may disagree on a date by this many days and still report the same event; the
# disagreement is kept (see conflicts.py), not hidden.
DATE_TOLERANCE_DAYS = 2


@dataclass
class CanonicalEvent:
    claims: list[Claim]
    window: Window
    key: str = ""
    instruments: list[Claim] = field(default_factory=list)
    date_conflict: bool = False
    dissent: tuple[Claim, ...] = ()  # claims whose dates the best-supported date excludes
    named_as: str | None = None  # the type of one step named as two kinds: the specific one
    supported: dict[str, frozenset[str]] | None = None  # participants, once clustering is done
    # claims dated by the day the measure took effect ("barred since July 20"): no vote on
    # the day it was decided
    effect_dated: list[Claim] = field(default_factory=list)

    def dating_claims(self) -> list[Claim]:
        """The claims whose dates tell the day of the event itself."""
        effect = {id(c) for c in self.effect_dated}
        return [c for c in self.all_claims if id(c) not in effect]

    @property
    def all_claims(self) -> list[Claim]:
        return sorted(self.claims + self.instruments, key=lambda c: c.order)

    @property
    def coarse(self) -> str:
        return self.claims[0].coarse

    @property
    def type_id(self) -> str:
        if self.named_as is not None:
            return self.named_as
        counts = Counter(c.type.id for c in self.claims)
        generic = {c.type.id: c.type.id == c.type.coarse for c in self.claims}
        # as many mentions each way: the specific kind ("added to a list") over the
        # general one ("a restriction")
        return min(counts.items(), key=lambda kv: (-kv[1], generic[kv[0]], kv[0]))[0]

    @property
    def sources(self) -> list[str]:
        return sorted({c.doc_id for c in self.all_claims})

    def participants(self, role: str) -> Counter[str]:
        """Mentions naming each participant of ``role``: while claims are clustered, every
        one any source names; once settled, the best-supported ones."""
        counts: Counter[str] = Counter()
        for claim in self.all_claims:
            counts.update(getattr(claim, role))
        if self.supported is not None:
            kept = self.supported[role]
            counts = Counter({key: n for key, n in counts.items() if key in kept})
        return counts

    def settle(self) -> None:
        """Keep the participants the sources support: with many documents, one naming a
        party the others do not is more often a misreading (a quoted official's own
        country, a background clause) than a party of the event."""
        self.supported = {role: _supported(self.all_claims, role) for role in ROLES}

    @property
    def populations(self) -> frozenset[str]:
        """Whom its sources say it binds or relieves (scopes.yaml populations)."""
        return frozenset(s.population for c in self.claims for s in c.mention.scope)

    @property
    def models(self) -> frozenset[str]:
        return frozenset(self.participants("models"))

    @property
    def affected(self) -> frozenset[str]:
        return frozenset(self.participants("affected"))

    @property
    def agents(self) -> frozenset[str]:
        return frozenset(self.participants("agents"))

    @property
    def owners(self) -> frozenset[str]:
        return frozenset(self.participants("owners"))

    @property
    def effective(self) -> DateRange | None:
        """When the measure takes effect, as most of its sources that say so tell it."""
        return _most_told(c.effective for c in self.all_claims)

    @property
    def expires(self) -> DateRange | None:
        """When the measure lapses, as most of its sources that say so tell it."""
        return _most_told(c.expires for c in self.all_claims)

    @property
    def amount(self) -> Amount | None:
        """The sum of money it is about, as most of its sources that give one tell it."""
        return vote_amount(self.all_claims)


ROLES = ("agents", "affected", "models", "owners")


def _supported(claims: Iterable[Claim], role: str) -> frozenset[str]:
    """The participants of ``role`` named by enough documents: all when the best-named one
    has fewer than five (a party a single report names is often real: the official who
    signed); else at least two, and a quarter of the best-named one's."""
    documents: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for key in getattr(claim, role):
            documents[key].add(claim.doc_id)
    if not documents:
        return frozenset()
    top = max(len(d) for d in documents.values())
    needed = 1 if top < 5 else max(2, -(-top // 4))
    return frozenset(key for key, docs in documents.items() if len(docs) >= needed)


def _most_told(ranges: Iterable[DateRange | None]) -> DateRange | None:
    counts = Counter(r for r in ranges if r is not None)
    if not counts:
        return None
    return min(counts, key=lambda r: (-counts[r], r.earliest, r.latest))


def cluster_claims(
    claims: list[Claim],
    types: EventTypes,
    entities: EntityIndex,
    authorities: Authorities | None = None,
    populations: Populations | None = None,
) -> list[CanonicalEvent]:
    attachments = _instrument_attachments(claims)
    acts = [c for c in claims if id(c) not in attachments]
    clusters: list[CanonicalEvent] = []
    cluster_of: dict[int, int] = {}
    context = _Context(
        _government_keys(entities),
        authorities,
        _associations(claims),
        populations or Populations(),
        frozenset(k for k, e in entities.entities.items() if e.actor == "person"),
    )
    index = _ClusterIndex(context.associated)
    for claim in sorted(acts, key=_specificity):
        best: tuple[float, int] | None = None
        for number in sorted(index.candidates(claim)):
            score = _score(claim, clusters[number], context)
            if score is not None and (
                best is None
                or score > best[0]
                or (score == best[0] and _more_recent(claim, clusters[number], clusters[best[1]]))
            ):
                best = (score, number)
        if best is None:
            clusters.append(CanonicalEvent([claim], claim.window))
            target = len(clusters) - 1
        else:
            target = best[1]
            _join(clusters[target], claim)
        cluster_of[id(claim)] = target
        index.add(claim, target, clusters[target])
    for claim in claims:
        act = attachments.get(id(claim))
        if act is not None:
            event = clusters[cluster_of[id(act)]]
            event.instruments.append(claim)
            joined = event.window.intersect(claim.window)
            if not joined.empty:
                event.window = joined
    clusters = _undated_fragments(clusters, context)
    for event in clusters:
        vote = vote_date(event.dating_claims(), event.window)
        event.window, event.dissent = vote.window, vote.dissenting
        event.date_conflict = bool(vote.dissenting)
    events = _one_step_two_kinds(clusters, context)
    for event in events:
        event.settle()
    return events


def _undated_fragments(clusters: list[CanonicalEvent], context: _Context) -> list[CanonicalEvent]:
    """Mentions no source dates from below that the clustering left apart from the event
    they tell ("introduced the amendment" in one article, the senator who "announced" it in
    another, read before the dated report was) join it when it is the one event of their
    type that shares a participant with them and whose window fits theirs."""
    by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
    for number, event in enumerate(clusters):
        for key in event.agents | event.affected | event.models:
            by_key[(event.claims[0].type.id, key)].add(number)
            by_key[(_step_kind(event), key)].add(number)
    absorbed: set[int] = set()
    order = sorted(range(len(clusters)), key=lambda n: len(clusters[n].sources))
    for number in order:
        event = clusters[number]
        if event.window.lo is not None or event.claims[0].type.recurs:
            continue
        # of its own type; or, naming no one who acted, of the same effect on the state;
        # named by its coarse type alone ("the ban" of a state's law), of its effect too
        kinds = [event.claims[0].type.id if event.agents else _step_kind(event)]
        if event.agents and _generic(event):
            kinds.append(_step_kind(event))
        for kind in kinds:
            found = {
                other
                for key in event.agents | event.affected | event.models
                for other in by_key[(kind, key)]
                if other != number
                and other not in absorbed
                # by its effect: only a finer kind of its own coarse type ("a law" for "a
                # ban"; a designation is no ban)
                and (kind == kinds[0] or clusters[other].coarse == event.coarse)
            }
            fitting = [
                other
                for other in found
                if not event.window.intersect(clusters[other].window).empty
                and _compatible(event, clusters[other], context)
                and all(
                    fits_some_year(c, clusters[other].window) for c in event.claims if c.floating
                )
            ]
            if len(fitting) == 1:
                kept = clusters[fitting[0]]
                if _generic(event) and not _generic(kept):
                    kept.named_as = kept.type_id  # the law, more than "the ban"
                _absorb(kept, event)
                absorbed.add(number)
                break
    return [event for number, event in enumerate(clusters) if number not in absorbed]


def _step_kind(event: CanonicalEvent) -> str:
    """What a step does: its effect on the state of its layer, or its type when it changes
    none."""
    kind = event.claims[0].type
    if not kind.state_effect:
        return f"type:{kind.id}"
    # a relief lapsing or revoked is never the same step as a new restriction
    return f"{kind.layer}:{kind.state_effect}" + (":ending" if kind.ends_relief else "")


def _compatible(event: CanonicalEvent, other: CanonicalEvent, context: _Context) -> bool:
    """Neither names a subject or an agent the other contradicts."""
    mine, theirs = _subjects(event), _subjects(other)
    if mine and theirs and not (mine & theirs or context.related_subjects(mine, theirs)):
        return False
    if sums_apart(event.all_claims, other.all_claims):
        return False
    if stages_apart(event.all_claims, other.all_claims):
        return False
    return context.agents(event.agents, other.agents) != "conflict"


def _one_step_two_kinds(clusters: list[CanonicalEvent], context: _Context) -> list[CanonicalEvent]:
    """ "Added Corvex to the Entity List" and "imposed export restrictions on Corvex" on one
    day by one department: one step named as two kinds of act. An event of a type with the
    same effect on the state (or of the same type), on the very same day, on the same
    party, by the same authority joins the best-supported of them, named by the more
    specific type (a type that refines its coarse type: a list addition is more than a
    restriction). Two reports of one step that the dates of their own documents kept apart
    while clustering, and that the votes put on one day, become one event too; so do the
    step a few sources put a day off, an order told alone and a report dated to weeks."""
    by_day: _Days = defaultdict(list)
    for number, event in enumerate(clusters):
        if event.window.bounded and event.window.width == 1:
            by_day[(event.window.lo or 0, _step_kind(event))].append(number)
    absorbed: set[int] = set()
    joins = (
        _same_day,
        _generic_of_the_same_day,
        _a_day_off,
        _orders_told_alone,
        _within_weeks,
        _generic_of_the_same_weeks,
        _announcing,
        _undone,
        _dated_by_effect,
    )
    for join in joins:
        join(clusters, by_day, absorbed, context)
    return [event for number, event in enumerate(clusters) if number not in absorbed]


# (day, what the step does) -> the events of one day that do it
_Days = dict[tuple[int, str], list[int]]
# The coarse type of what officials and companies say.
ANNOUNCEMENT = "announcement"


def _changes_state(kind: str) -> bool:
    """Whether a step kind (``_step_kind``) changes a state, rather than naming a type."""
    return not kind.startswith("type:")


def _steps_of_day(by_day: _Days, *, changing_state: bool = False) -> dict[int, list[int]]:
    """The day's steps whatever they do (or only those that change a state)."""
    steps: dict[int, list[int]] = defaultdict(list)
    for (day, kind), numbers in by_day.items():
        if _changes_state(kind) or not changing_state:
            steps[day].extend(numbers)
    return steps


def _subjects(event: CanonicalEvent) -> frozenset[str]:
    return event.affected | event.models


def _same_day(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    for numbers in by_day.values():
        numbers.sort(key=lambda n: -len(clusters[n].sources))
        for i, keep in enumerate(numbers):
            if keep in absorbed:
                continue
            kept = clusters[keep]
            for other in numbers[i + 1 :]:
                event = clusters[other]
                if other in absorbed or not _subjects(event) & _subjects(kept):
                    continue
                if not event.agents or not _same_author(event, kept, context):
                    continue  # two steps of one day are one only when their authors agree
                _absorb(kept, event)
                absorbed.add(other)


def _generic_of_the_same_day(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """ "On October 30, a federal judge ruled for Corvex's users" and "in a ruling Friday,
    Judge Jane Roe blocked the ban": a step named by its coarse type only, by no one,
    joins the one step of a finer type of that coarse type on its day, when their subjects
    do not differ (one may name none)."""
    steps = _steps_of_day(by_day)
    for number, event in enumerate(clusters):
        window = event.window
        if number in absorbed or event.agents or not _generic(event):
            continue
        if not (window.bounded and window.width == 1):
            continue
        assert window.lo is not None
        fitting = [
            keep
            for keep in steps.get(window.lo, ())
            if keep != number
            and keep not in absorbed
            and not _generic(clusters[keep])
            and clusters[keep].coarse == event.coarse
            and _subjects_agree(event, clusters[keep], context)
        ]
        if len(fitting) == 1:
            _absorb(clusters[fitting[0]], event)
            absorbed.add(number)


def _subjects_agree(event: CanonicalEvent, other: CanonicalEvent, context: _Context) -> bool:
    mine, theirs = _subjects(event), _subjects(other)
    return not (mine and theirs) or bool(mine & theirs) or context.related_subjects(mine, theirs)


def _a_day_off(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """One step that a few sources put a day off the day most give ("on Friday" of a
    report written after midnight): the day before or after, by the same author, on the
    same party or by the same person (a judge) or company, told by at most half as many
    documents."""
    for (day, kind), numbers in by_day.items():
        for number in numbers:
            event = clusters[number]
            if number in absorbed or not event.agents:
                continue
            near = [
                other
                for other in (*by_day.get((day - 1, kind), ()), *by_day.get((day + 1, kind), ()))
                if other not in absorbed
                and 2 * len(event.sources) <= len(clusters[other].sources)
                and (
                    _subjects(event) & _subjects(clusters[other])
                    or context.acting_alike(event.agents & clusters[other].agents)
                )
                and _same_author(event, clusters[other], context)
            ]
            if len(near) == 1:
                _absorb(clusters[near[0]], event)
                absorbed.add(number)


def _orders_told_alone(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """ "An executive order on Jan. 20", telling neither what it does nor to whom: the one
    step its author took that day, whatever that step does; of several, the one far more
    sources tell (the salient one)."""
    for numbers in _steps_of_day(by_day).values():
        for number in numbers:
            event = clusters[number]
            if number in absorbed or not event.agents or not _mostly_bare(event):
                continue
            steps = [
                other
                for other in numbers
                if other != number
                and other not in absorbed
                and not _mostly_bare(clusters[other])
                and _same_author(event, clusters[other], context)
                and event.agents & clusters[other].agents
            ]
            salient = _salient(clusters, steps)
            if salient is not None:
                _absorb(clusters[salient], event, rename=False)  # the step says what it does
                absorbed.add(number)


def _salient(clusters: list[CanonicalEvent], numbers: list[int]) -> int | None:
    """The one event of these, or the one told by at least twice as many documents as any
    other."""
    ranked = sorted(numbers, key=lambda n: -len(clusters[n].sources))
    if len(ranked) == 1:
        return ranked[0]
    if ranked and len(clusters[ranked[0]].sources) >= 2 * len(clusters[ranked[1]].sources):
        return ranked[0]
    return None


def _within_weeks(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """A report dated only to some weeks ("a licence was granted to Corvex" shortly before
    an article) of the one step of that effect on that party, by its author or naming
    none, that other sources date to a day of those weeks: that step, told without its
    day."""
    for number, event in enumerate(clusters):
        window = event.window
        if number in absorbed or event.claims[0].type.state_effect is None:
            continue
        if not _weeks(window):
            continue
        kind = _step_kind(event)
        subjects = _subjects(event)
        assert window.lo is not None and window.hi is not None
        fitting = {
            keep
            for day in range(window.lo, window.hi + 1)  # a few weeks: looked up day by day
            for keep in by_day.get((day, kind), ())
            if keep not in absorbed
            and (
                subjects & _subjects(clusters[keep])
                # naming no party: by an actor the step names too (the president)
                or (not subjects and bool(event.agents & clusters[keep].agents))
            )
            and _same_author(event, clusters[keep], context)
            # a listing told of some weeks is no order of those weeks: only a report that
            # names no more than the kind's effect ("restrictions") may be another kind
            and (_generic(event) or clusters[keep].coarse == event.coarse)
        }
        if len(fitting) > 1:
            fitting = _likeliest_steps(event, fitting, clusters, context)
        if len(fitting) == 1:
            _absorb(clusters[fitting.pop()], event)
            absorbed.add(number)


def _generic_of_the_same_weeks(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """ "New restrictions on Corvex" that the reports of a listing of Corvex tell in the
    same weeks, no day known of either: the listing, named by its effect only. A step
    named by its coarse type joins the one step of a finer type of the same effect on the
    same party, of weeks that overlap its own, whose author does not contradict its."""
    specific: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, event in enumerate(clusters):
        if number in absorbed or _generic(event) or not _weeks(event.window):
            continue
        for subject in _subjects(event):
            specific[(_step_kind(event), subject)].append(number)
    for number, event in enumerate(clusters):
        if number in absorbed or not _generic(event) or not _weeks(event.window):
            continue
        if event.claims[0].type.state_effect is None:
            continue
        fitting = {
            keep
            for subject in _subjects(event)
            for keep in specific.get((_step_kind(event), subject), ())
            if keep not in absorbed
            and not event.window.intersect(clusters[keep].window).empty
            and not _told_apart(event, clusters[keep])
            and context.agents(event.agents, clusters[keep].agents) != "conflict"
        }
        if len(fitting) == 1:
            kept = clusters[fitting.pop()]
            kept.window = kept.window.intersect(event.window)
            kept.named_as = kept.type_id  # the listing, more than "restrictions"
            _absorb(kept, event)
            absorbed.add(number)


def _weeks(window: Window) -> bool:
    """Dated to some days or weeks, not to one day."""
    return window.bounded and 1 < window.width <= STEP_WITHIN_DAYS


def _generic(event: CanonicalEvent) -> bool:
    """Named by its coarse type only ("restrictions"), not by a kind of act that refines it."""
    return event.type_id == event.coarse


def _likeliest_steps(
    event: CanonicalEvent, steps: set[int], clusters: list[CanonicalEvent], context: _Context
) -> set[int]:
    """Of several steps a report of some weeks may be, those of its own kind of act (a
    listing, not an order of that week), then of its own department, when that narrows
    them."""

    def same_kind(keep: int) -> bool:
        return clusters[keep].coarse == event.coarse

    def same_department(keep: int) -> bool:
        return bool(event.agents) and context.agents(event.agents, clusters[keep].agents) == "same"

    for narrower in (same_kind, same_department):
        kept = {keep for keep in steps if narrower(keep)}
        if kept:
            steps = kept
        if len(steps) == 1:
            break
    return steps


def _announcing(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """ "Commerce said on May 15 it was tightening the rule on Corvex", the day Commerce
    tightened it: the statement announces that step, it is not a step of its own."""
    steps_of_day = _steps_of_day(by_day, changing_state=True)
    for (day, kind), numbers in by_day.items():
        if _changes_state(kind):
            continue
        for number in numbers:
            event = clusters[number]
            if number in absorbed or event.coarse != ANNOUNCEMENT or not event.agents:
                continue
            steps = [
                step
                for step in steps_of_day.get(day, ())
                if step not in absorbed
                and _subjects(event) & _subjects(clusters[step])
                and _same_author(event, clusters[step], context)
            ]
            if len(steps) == 1:
                _absorb(clusters[steps[0]], event, rename=False)
                absorbed.add(number)


def _dated_by_effect(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """ "Corvex had been barred since July 20", of a ban decided on June 20 that its
    sources say took effect on July 20: the one step of that effect on that party, by an
    author it does not contradict, dated to its effect. Its dates no longer vote on the
    day the step was taken."""
    by_subject: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, event in enumerate(clusters):
        if number not in absorbed and event.effective is not None:
            for subject in _subjects(event):
                by_subject[(_step_kind(event), subject)].append(number)
    for number, event in enumerate(clusters):
        if number in absorbed or event.effective is not None or not event.window.bounded:
            continue
        fitting = {
            keep
            for subject in _subjects(event)
            for keep in by_subject.get((_step_kind(event), subject), ())
            if keep != number
            and keep not in absorbed
            and all(_in_force_since(c, clusters[keep]) or c.window.lo is None for c in event.claims)
            and _compatible(event, clusters[keep], context)
        }
        if len(fitting) == 1:
            kept = clusters[fitting.pop()]
            _absorb(kept, event, rename=False)
            kept.effect_dated.extend(c for c in event.claims if c.window.bounded)
            absorbed.add(number)


def _undone(
    clusters: list[CanonicalEvent], by_day: _Days, absorbed: set[int], context: _Context
) -> None:
    """A licence said to lapse on the day it was extended did not lapse: what its sources
    tell is the deadline the extension moved (event_types.yaml ``undone_by``)."""
    steps_of_day = _steps_of_day(by_day)
    for number, event in enumerate(clusters):
        if number in absorbed or not (event.window.bounded and event.window.width == 1):
            continue
        undone_by = _type_of(event).undone_by
        if not undone_by:
            continue
        steps = [
            step
            for step in steps_of_day.get(event.window.lo or 0, ())
            if step not in absorbed
            and clusters[step].type_id in undone_by
            and _subjects(event) & _subjects(clusters[step])
            and _same_author(event, clusters[step], context)
        ]
        if len(steps) == 1:
            _absorb(clusters[steps[0]], event, rename=False)
            absorbed.add(number)


def _type_of(event: CanonicalEvent) -> EventType:
    return next(c.type for c in event.claims if c.type.id == event.type_id)


def _mostly_bare(event: CanonicalEvent) -> bool:
    return 2 * sum(_bare(c) for c in event.claims) > len(event.claims)


def _bare(claim: Claim) -> bool:
    """A mention of an instrument alone ("the executive order"): no subject, no content."""
    return claim.mention.instrument is not None and not (claim.affected or claim.models)


# How wide a report's window may be and still tie it to a step of one day.
STEP_WITHIN_DAYS = 31


def _same_author(event: CanonicalEvent, kept: CanonicalEvent, context: _Context) -> bool:
    """No author named, the same department, or an actor both name (the president); never
    two acts one mention tells apart."""
    if _told_apart(event, kept):
        return False
    if not event.agents:
        return True
    acting = context.agents(event.agents, kept.agents)
    return acting == "same" or (acting != "conflict" and bool(event.agents & kept.agents))


def _told_apart(event: CanonicalEvent, other: CanonicalEvent) -> bool:
    """Whether one mention told both ("signed executive orders banning Vidly and ZenChat":
    one act per subject, split by the extraction), or a text relates one to the other ("It
    also added ...", "two weeks after the ban"), so they are two acts."""
    told = {_told_by(c) for c in event.claims}
    if any(_told_by(c) in told for c in other.claims):
        return True
    return _relates_to(event, other) or _relates_to(other, event)


def _relates_to(event: CanonicalEvent, other: CanonicalEvent) -> bool:
    """Whether a mention of ``event`` states its order to a mention of ``other``."""
    targets = {(c.doc_id, r.target) for c in event.claims for r in c.mention.relations}
    return any((c.doc_id, c.mention.id) in targets for c in other.claims)


def _told_by(claim: Claim) -> tuple[str, int, str]:
    """The mention that told a claim, and what it told (one mention may tell one step as
    two kinds: those stay one step)."""
    return (claim.doc_id, claim.mention.trigger.start, claim.type.id)


def _absorb(kept: CanonicalEvent, event: CanonicalEvent, *, rename: bool = True) -> None:
    generic = {c.type.id: c.type.id == c.type.coarse for c in kept.claims + event.claims}
    if rename and generic[kept.type_id] and not generic[event.type_id]:
        kept.named_as = event.type_id  # a listing, more than "a restriction"
    kept.claims.extend(event.claims)
    kept.instruments.extend(event.instruments)
    kept.effect_dated.extend(event.effect_dated)


class _ClusterIndex:
    """Where to look for the event a claim may belong to, without comparing all pairs.

    Events are found by type and a shared participant (or a subject associated with one of
    the claim's: a company and its app) or the same document. The month of a
    dated event is searched only where one side names no participant ("the March 3
    order"), so a claim never scans every event of its month. Only events of the claim's
    own fine type are candidates: disabling access and restoring it are both access
    changes, never one event.
    """

    MAX_MONTHS = 13  # a window wider than a year is found through participants only

    def __init__(self, associated: frozenset[tuple[str, str]] = frozenset()) -> None:
        # a subject's associates (a company and its app) find its events too: sources that
        # name the one or the other may report one event
        self.partners: dict[str, set[str]] = defaultdict(set)
        for x, y in associated:
            self.partners[x].add(y)
        self.by_key: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.anonymous_by_month: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.by_month: dict[tuple[str, str], set[int]] = defaultdict(set)

    def candidates(self, claim: Claim) -> set[int]:
        found: set[int] = set()
        for key in self._keys(claim):
            found |= self.by_key.get(key, set())
        months = self._month_keys(claim.type.id, claim.window)
        index = self.anonymous_by_month if claim.participants else self.by_month
        for key in months:
            found |= index.get(key, set())
        return found

    def add(self, claim: Claim, number: int, event: CanonicalEvent) -> None:
        for key in self._keys(claim):
            self.by_key[key].add(number)
        anonymous = not (event.agents | event.affected | event.models)
        for key in self._month_keys(claim.type.id, event.window):
            self.by_month[key].add(number)
            if anonymous:
                self.anonymous_by_month[key].add(number)

    def _keys(self, claim: Claim) -> list[tuple[str, str]]:
        kind = claim.type.id
        named = set(claim.participants | claim.owners)
        for subject in claim.affected | claim.models:
            named |= self.partners.get(subject, set())
        keys = [(kind, f"p:{p}") for p in sorted(named)]
        keys.append((kind, f"d:{claim.doc_id}"))
        return keys

    def _month_keys(self, kind: str, window: Window) -> list[tuple[str, str]]:
        first, last = window.earliest(), window.latest()
        if first is None or last is None:
            return []
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > self.MAX_MONTHS:
            return []
        keys = []
        year, month = first.year, first.month
        for _ in range(months):
            keys.append((kind, f"m:{year}-{month:02d}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys


def _specificity(claim: Claim) -> tuple[float, bool, int, str, int]:
    """Most precisely dated first (of acts their parties repeat, a document of unknown year
    last: the events it may tell are founded by then); then the ones naming most
    participants."""
    return (
        claim.window.width,
        claim.type.recurs and not claim.dct.anchored,
        -len(claim.participants),
        claim.doc_id,
        claim.mention.trigger.start,
    )


@dataclass(frozen=True)
class _Context:
    """What the scoring of a claim against an event needs of the whole corpus."""

    governments: frozenset[str]  # entities that are governments as a whole
    authorities: Authorities | None  # who acts for which department or government
    associated: frozenset[tuple[str, str]]  # subjects named together by several documents
    populations: Populations  # which populations a restriction of leaves the others free
    people: frozenset[str] = frozenset()  # entities that are persons (a judge, a president)

    def partial_target(self, populations: frozenset[str]) -> bool:
        """Whether one of these populations is one whose restriction leaves the others
        free (government devices)."""
        return any(self.populations.restricts_some(p) for p in populations)

    def acting_alike(self, shared: frozenset[str]) -> bool:
        """Whether actors two events share tie them as a shared party would: a person (a
        judge), or a company acting on its own product (no government, whose departments
        take many steps a day)."""
        return bool(shared & self.people) or (
            self.authorities is not None and bool(self._companies(shared))
        )

    def related_subjects(self, a: frozenset[str], b: frozenset[str]) -> bool:
        return any((x, y) in self.associated for x in a for y in b)

    def agents(self, a: frozenset[str], b: frozenset[str]) -> str:
        """same | compatible | conflict | unknown: what the acting authorities say."""
        if self.authorities is None or not a or not b:
            return "unknown"
        left, right = self.authorities.of_all(a), self.authorities.of_all(b)
        governments = {x.government for x in left} & {x.government for x in right}
        if not governments and self._companies_apart(a, b):
            # two companies, neither tied to the other, and no government both name: two
            # acts (Google cutting a licence, chipmakers halting supplies)
            return "conflict"
        if not left or not right:
            return "unknown"
        if not governments:
            return "conflict"  # two governments (the US and the UK): two decisions
        departments = {x.department for x in left}, {x.department for x in right}
        if {d for d in departments[0] if d} & {d for d in departments[1] if d}:
            return "same"
        if None not in departments[0] and None not in departments[1]:
            return "conflict"  # two departments, neither the government as a whole
        # a head of government in person on one side, departments alone on the other: the
        # president's own order is not a department's rule
        if {self._acting(a), self._acting(b)} == {(True, False), (False, True)}:
            return "conflict"
        return "compatible"

    def _acting(self, keys: frozenset[str]) -> tuple[bool, bool]:
        """Whether a head of government acts in person among these actors (a person acting
        for the government as a whole), and whether a department does ("the U.S. Commerce
        Department")."""
        assert self.authorities is not None
        found = [(k, self.authorities.of(k)) for k in keys]
        head = any(k in self.people and a is not None and a.department is None for k, a in found)
        return head, any(a is not None and a.department for _, a in found)

    def _companies(self, keys: frozenset[str]) -> set[str]:
        assert self.authorities is not None
        entities = self.authorities.entities
        return {k for k in keys if (e := entities.get(k)) is not None and e.actor == "company"}

    def _companies_apart(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Both name companies as actors, none the same or associated ("Corvex sued" and
        "Brightline sued" are two suits; an app and the company that owns it may be one)."""
        left, right = self._companies(a), self._companies(b)
        if not left or not right or left & right:
            return False
        return not self.related_subjects(frozenset(left), frozenset(right))


# Subjects named together in claims of this many documents are associated (a company and
# its app, a firm and its subsidiary): sources naming one or the other may report one event.
ASSOCIATION_DOCUMENTS = 2


def _associations(claims: Iterable[Claim]) -> frozenset[tuple[str, str]]:
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        subjects = sorted(claim.affected | claim.models)
        for i, x in enumerate(subjects):
            for y in subjects[i + 1 :]:
                documents[(x, y)].add(claim.doc_id)
    pairs = {pair for pair, docs in documents.items() if len(docs) >= ASSOCIATION_DOCUMENTS}
    return frozenset(pairs | {(y, x) for x, y in pairs})


def _score(claim: Claim, event: CanonicalEvent, context: _Context) -> float | None:
    """How well a claim fits an event; None when it cannot be the same event."""
    if any(_told_by(c) == _told_by(claim) for c in event.claims):
        return None  # the other act of a mention split by subject
    if claim.type.recurs and not claim.dated and not _written_near(claim, event):
        return None  # "Ross said in a statement" in May and in August: two statements
    window = claim.window.intersect(event.window)
    near_conflict = False
    if claim.floating and not fits_some_year(claim, event.window):
        return None  # "in April" of some year: never a March event
    if claim.floating and any(_other_day_of_its_year(claim, c) for c in event.claims):
        return None  # "on August 17 this year" is not the "September 15" of that year
    if window.empty and _in_force_since(claim, event):
        window = claim.window  # "barred since July 20": the day the measure took effect
    if window.empty:
        if not _within_tolerance(claim.window, event.window):
            return None
        near_conflict = True
    if claim.models and event.models and not claim.models & event.models:
        return None
    if sums_apart([claim], event.claims):
        return None  # a payment of $1 billion is not one of $400 million
    if stages_apart([claim], event.claims):
        return None  # an agreement in principle is not the binding agreement
    if (
        claim.populations
        and event.populations
        and context.partial_target(claim.populations) != context.partial_target(event.populations)
    ):
        return None  # a ban on government devices and a ban on all users: two measures
    shared_models = len(claim.models & event.models)
    shared_affected = len(claim.affected & event.affected)
    shared_agents = len(claim.agents & event.agents)
    same_document = claim.doc_id in event.sources
    related = context.related_subjects(claim.affected | claim.models, event.affected | event.models)
    if near_conflict and not (shared_models or shared_affected or related):
        return None
    if claim.affected and event.affected and not (shared_affected or shared_models or related):
        return None
    acting = context.agents(claim.agents, event.agents)
    if acting == "conflict":
        return None
    named_both = bool(claim.agents and event.agents)
    if claim.type.recurs and named_both and acting != "same" and not shared_agents:
        return None  # what one party said is not what another said
    score = 3.0 * shared_models + 2.0 * shared_affected + 1.0 * shared_agents
    if related and not (shared_models or shared_affected):
        score += 1.0
    if not shared_agents and acting == "same":
        score += 1.0  # the bureau and its department, the secretary and hers
    elif not shared_agents and acting == "compatible":
        score += 0.25
    if score == 0 and (claim.participants | claim.owners) & (
        event.agents | event.affected | event.owners
    ):
        score = 1.0  # one names the model, the other its maker
    if (
        score == 0
        and _all_government(claim.agents, context.governments)
        and _all_government(event.agents, context.governments)
    ):
        # "The Trump administration" and "the US government" act for the same state: a weak
        # link, enough when nothing else contradicts it.
        score = 0.5
    event_participants = event.agents | event.affected | event.models
    if score == 0 and claim.participants and event_participants and not same_document:
        return None  # both name participants and share none: only one document can tie them
    if same_document:
        score += 1.5
    if not claim.participants or not event_participants:
        score += 0.1  # one side names nobody: possible, the weakest link
    return score - (0.5 if near_conflict else 0.0)


def _written_near(claim: Claim, event: CanonicalEvent) -> bool:
    """Whether a document of the event may have been written within the days news is told
    of the claim's (or either's year is not known): an undated report of an act its
    parties repeat tells the latest one, not one told months before."""
    mine = claim.dct
    if not mine.anchored:
        return True
    for other in event.claims:
        theirs = other.dct
        if not theirs.anchored:
            return True
        # the least the documents' dates allow: a month-wide date of 2025 is still years
        # after one of 2020
        gap = max(
            (theirs.range.earliest - mine.range.latest).days,
            (mine.range.earliest - theirs.range.latest).days,
        )
        if gap <= NEWS_WITHIN_DAYS:
            return True
    return False


def _more_recent(claim: Claim, event: CanonicalEvent, other: CanonicalEvent) -> bool:
    """For an undated mention of an act its parties repeat ("the minister criticised
    Corvex"), of two events that fit it equally the later one: a report tells of the
    latest such act before it was written."""
    if not claim.type.recurs or claim.window.lo is not None or claim.floating:
        return False
    # with no lower bound, the one whose sources wrote later
    return (event.window.lo or 0, event.window.hi or 0) > (
        other.window.lo or 0,
        other.window.hi or 0,
    )


def _government_keys(entities: EntityIndex) -> frozenset[str]:
    return frozenset(key for key, e in entities.entities.items() if e.actor == "government")


def _all_government(keys: frozenset[str], governments: frozenset[str]) -> bool:
    return bool(keys) and keys <= governments


# How far back a date of unknown year may lie.
_YEARS_BACK = 60


def _other_day_of_its_year(claim: Claim, other: Claim) -> bool:
    """Two dates one document gives without a year, both read in the year it assumed: they
    lie as far apart in any year, so the one that does not overlap the other is another
    day."""
    if not (other.floating and other.doc_id == claim.doc_id):
        return False
    mine, theirs = claim.mention.date, other.mention.date
    return mine is not None and theirs is not None and not mine.overlaps(theirs)


def fits_some_year(claim: Claim, window: Window, latest: date | None = None) -> bool:
    """Whether a date given without its year (a floating claim) can fall in ``window`` for
    some document date up to ``latest`` (by default the document's latest possible day)."""
    if window.lo is None and window.hi is None:
        return True
    timex, dct = claim.timex, claim.dct
    assert timex is not None and timex.rule is not None
    latest = latest or dct.range.latest
    anchor = DateRange(date.fromordinal(latest.toordinal() - 365 * _YEARS_BACK), latest)
    value = window.to_range() or DateRange(
        window.earliest() or anchor.earliest, window.latest() or latest
    )
    if value.earliest > value.latest:
        return False
    rule = without_part(timex.rule)  # "early April": any day of April may be meant
    if latest == dct.range.latest and dct.range.days == 1:
        # the document's day of the year is known (its dateline): the date is read from
        # that day in whichever year it was written ("earlier this month" of a May 14 page
        # is in May, never in April)
        # the latest year first: a window open below fits there, or in none
        days = (
            _years_earlier(dct.range, dct.range.latest.year - year)
            for year in range(value.latest.year + 1, value.earliest.year - 2, -1)
            if anchor.earliest.year <= year <= latest.year
        )
        return any(d is not None and narrow_anchor(rule, d, value) is not None for d in days)
    return narrow_anchor(rule, anchor, value) is not None


def _years_earlier(span: DateRange, years: int) -> DateRange | None:
    try:
        return DateRange(
            span.earliest.replace(year=span.earliest.year - years),
            span.latest.replace(year=span.latest.year - years),
        )
    except ValueError:
        return None  # February 29 of a year that has none


def _within_tolerance(a: Window, b: Window) -> bool:
    if not (a.bounded and b.bounded):
        return False
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    gap = max(a.lo - b.hi, b.lo - a.hi)
    return gap <= DATE_TOLERANCE_DAYS


def _in_force_since(claim: Claim, event: CanonicalEvent) -> bool:
    """A state or step of a measure dated to the day the event's sources say it took
    effect ("had been barred since July 20", of a ban decided on June 20 that took effect
    on July 20): that measure, dated by its effect."""
    effective = event.effective
    return (
        effective is not None
        and claim.type.state_effect is not None
        and claim.window.bounded
        and not claim.window.intersect(Window.of(effective)).empty
        and not claim.window.intersect(Window(event.window.lo, None)).empty
    )


def _join(event: CanonicalEvent, claim: Claim) -> None:
    event.claims.append(claim)
    if event.window.intersect(claim.window).empty and _in_force_since(claim, event):
        event.effect_dated.append(claim)
        return
    joined = event.window.intersect(claim.window)
    if joined.empty:
        event.date_conflict = True
        event.window = event.window.hull(claim.window)
    else:
        event.window = joined


def _instrument_attachments(claims: Iterable[Claim]) -> dict[int, Claim]:
    """Instrument claim -> the act it carries out, as the extraction layer linked them
    (``EventMention.carried_by``: "In a letter dated March 3 ... As a result, trusted
    companies will no longer need licences")."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.doc_id].append(claim)
    attachments: dict[int, Claim] = {}
    for doc_claims in by_document.values():
        by_id = {c.mention.id: c for c in doc_claims}
        for act in doc_claims:
            carrier = by_id.get(act.mention.carried_by or "")
            if carrier is not None and carrier is not act and id(carrier) not in attachments:
                attachments[id(carrier)] = act
    return attachments
