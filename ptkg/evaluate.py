"""Scoring a built graph against a reference timeline (format: corpus/gold/seed_events.yaml).

Strict by design:

* an event matches a reference event only with the same coarse type, an overlapping date
  window and at least one shared model or participant (names compared through the
  reference's aliases); matching is one-to-one;
* exact-day accuracy counts a reference event given to the day as right only when the
  graph dates it to that very day;
* an ``order`` pair is right when both events are found, the first sorts before the second
  on the timeline (by date; of two events whose dates sort alike, by the order a source
  states, ``precedes``), and the graph does not say the second certainly came first;
* a status probe is right only when the graph gives exactly one state, the reference one;
  a probe key is a subject (``NAME``) or a subject under one authority (``NAME @ AUTHORITY``);
* core events leave out the reference's non-core types (letters, negotiations, reports:
  ``non_core`` in the reference file overrides them) on both sides;
* an entity matches when a name or alias agrees (case-insensitively) and the coarse type
  is the same.

The functions here take plain data (the JSON export, state answers, entity rows), so the
scorer is tested without building any graph.

Longer than most modules: events, dates, order, states and entities are scored by one
matching of reference to graph events, which every measure reads.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.datafiles import load_yaml
from extract.errors import DataFileError

if TYPE_CHECKING:
    from kg.store import GraphStore

# (subject, authority or None, day) -> the states the graph gives
StateLookup = Callable[[str, str | None, date], list[str]]

# Types a reference timeline keeps but does not count as core events.
NON_CORE_TYPES = ("letter", "negotiation", "report")


@dataclass(frozen=True)
class Prf:
    matched: int
    predicted: int
    reference: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.reference if self.reference else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "reference": self.reference,
        }


@dataclass
class Scores:
    events: Prf
    core: Prf  # events of the core types only
    exact_day: tuple[int, int]  # right, reference events given to the day
    order: tuple[int, int]
    probes: tuple[int, int]
    entities: Prf
    participants: Prf  # entities that take part in some event, against the same reference
    matches: dict[str, str] = field(default_factory=dict)  # reference id -> event id
    details: list[str] = field(default_factory=list)  # what went wrong, in words

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": self.events.as_dict(),
            "core_events": self.core.as_dict(),
            "exact_day_accuracy": _ratio(self.exact_day),
            "order_pairs": _ratio(self.order),
            "probes": _ratio(self.probes),
            "entities": self.entities.as_dict(),
            "event_participants": self.participants.as_dict(),
            "matches": self.matches,
            "details": self.details,
        }


def _ratio(pair: tuple[int, int]) -> dict[str, float | int]:
    right, total = pair
    return {"right": right, "total": total, "accuracy": round(right / total, 4) if total else 0.0}


@dataclass(frozen=True)
class Reference:
    events: list[dict[str, Any]]
    order: list[tuple[str, str]]
    probes: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    aliases: dict[str, str]  # lower-cased name or alias -> reference entity name
    entity_types: dict[str, str]  # reference entity name -> type
    non_core: frozenset[str] = frozenset(NON_CORE_TYPES)


def load_reference(path: Path) -> Reference:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise DataFileError(path, "a reference timeline needs an 'events' list")
    entities = list(data.get("entities") or [])
    aliases: dict[str, str] = {}
    entity_types: dict[str, str] = {}
    for entity in entities:
        name = str(entity["name"])
        entity_types[name] = str(entity.get("type", ""))
        for alias in [name, *(entity.get("aliases") or [])]:
            aliases[str(alias).casefold()] = name
    order = [(str(a), str(b)) for a, b in data.get("order") or []]
    return Reference(
        events=list(data["events"]),
        order=order,
        probes=list(data.get("probes") or []),
        entities=entities,
        aliases=aliases,
        entity_types=entity_types,
        non_core=frozenset(str(t) for t in data.get("non_core", NON_CORE_TYPES)),
    )


def probe_subject(key: str) -> tuple[str, str | None]:
    """ "Corvex @ United Kingdom" -> ("Corvex", "United Kingdom"); "Corvex" -> ("Corvex", None)."""
    subject, _, authority = key.partition("@")
    return subject.strip(), authority.strip() or None


def score(
    reference: Reference,
    export: Mapping[str, Any],
    state_on: StateLookup,
    entities: Sequence[Mapping[str, Any]],
    entity_kinds: Callable[[str], Collection[str]] = lambda t: (t,),
) -> Scores:
    predicted = [e for e in export["events"] if e.get("on_timeline", True)]
    # an entity of the graph is the reference's when any of its names is: the reference may
    # know a body by an alias only ("D.C. Circuit"), the graph by its full name
    names_of = {
        str(e["name"]): [str(e["name"]), *[str(a) for a in e.get("aliases") or []]]
        for e in entities
    }
    matches = _match_events(reference, predicted, names_of)
    details: list[str] = []
    by_id = {e["id"]: e for e in predicted}
    core_gold = [g for g in reference.events if g["type"] not in reference.non_core]
    core_predicted = [
        e
        for e in predicted
        if e["type"] not in reference.non_core and e["coarse_type"] not in reference.non_core
    ]
    core_matched = sum(
        1 for g in core_gold if g["id"] in matches and by_id[matches[g["id"]]] in core_predicted
    )
    for gold in reference.events:
        if gold["id"] not in matches:
            details.append(f"missed {gold['id']} ({gold['type']}, {_text(_gold_window(gold))})")
    matched_ids = set(matches.values())
    for event in predicted:
        if event["id"] not in matched_ids:
            details.append(f"extra {event['type']} event: {event['label']} ({_window_text(event)})")

    exact_right = exact_total = 0
    for gold in reference.events:
        window = _gold_window(gold)
        if gold.get("date", {}).get("precision") != "day" or window[0] != window[1]:
            continue
        exact_total += 1
        event = by_id.get(matches.get(gold["id"], ""))
        if event is not None and _window(event) == window:
            exact_right += 1
        elif event is not None:
            details.append(f"{gold['id']}: dated {_window_text(event)}, reference {_text(window)}")

    order_right = 0
    for first, second in reference.order:
        a = by_id.get(matches.get(first, ""))
        b = by_id.get(matches.get(second, ""))
        if a is not None and b is not None and _before(a, b, by_id):
            order_right += 1
        else:
            details.append(f"order {first} < {second} not reconstructed")

    probe_right = probe_total = 0
    for probe in reference.probes:
        day = _as_date(probe["day"])
        for key, expected in probe.items():
            if key == "day":
                continue
            probe_total += 1
            subject, authority = probe_subject(str(key))
            states = state_on(subject, authority, day)
            if states == [expected]:
                probe_right += 1
            else:
                details.append(
                    f"probe {day} {key}: graph says {states or 'nothing'}, reference {expected}"
                )

    entity_prf = _entity_scores(reference, entities, entity_kinds, details)
    taking_part = [e for e in entities if int(e.get("events") or 0) > 0]
    participant_prf = _entity_scores(reference, taking_part, entity_kinds, [])
    return Scores(
        events=Prf(len(matches), len(predicted), len(reference.events)),
        core=Prf(core_matched, len(core_predicted), len(core_gold)),
        exact_day=(exact_right, exact_total),
        order=(order_right, len(reference.order)),
        probes=(probe_right, probe_total),
        entities=entity_prf,
        participants=participant_prf,
        matches=matches,
        details=details,
    )


def evaluate_store(store: GraphStore, reference: Reference) -> Scores:
    """Score a built store against a reference timeline."""
    from kg.errors import QueryError
    from kg.schema import EntityTypes
    from queries import run_query
    from queries.export import export_events
    from queries.runner import resolve_entity

    def state_on(subject: str, authority: str | None, day: date) -> list[str]:
        try:
            resolve_entity(store, subject)
        except QueryError:
            return []  # a subject the graph does not know: it can say nothing of it
        params: dict[str, Any] = {"subject": subject, "day": day, "authority": authority}
        try:
            rows = run_query(store, "state-on-day", params)
        except QueryError:
            return ["unrestricted"]  # an authority the graph never saw act
        answer = {str(r["state"]) for r in rows.records() if r["certainty"] != "possible"}
        # A subject no authority (or not this one) acted on was never restricted by it.
        return sorted(answer) or ["unrestricted"]

    entities = run_query(store, "entities").records()
    for entity in entities:
        entity["aliases"] = [a for a in (entity.get("aliases") or "").split("; ") if a]
    types = EntityTypes.load()
    return score(reference, export_events(store), state_on, entities, types.scored_as)


def _match_events(
    reference: Reference,
    predicted: Sequence[Mapping[str, Any]],
    names_of: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """One-to-one matching, best pairs first (most shared participants, closest dates)."""
    candidates: list[tuple[int, int, str, str]] = []
    for gold in reference.events:
        gold_window = _gold_window(gold)
        gold_names = _gold_participants(gold, reference)
        for event in predicted:
            if event["coarse_type"] != gold["type"] and event["type"] != gold["type"]:
                continue
            window = _window(event)
            if not _overlap(window, gold_window):
                continue
            shared = gold_names & _event_participants(event, reference, names_of or {})
            if not shared:
                continue
            distance = _distance(window, gold_window)
            candidates.append((-len(shared), distance, gold["id"], event["id"]))
    matches: dict[str, str] = {}
    used: set[str] = set()
    for _, _, gold_id, event_id in sorted(candidates):
        if gold_id in matches or event_id in used:
            continue
        matches[gold_id] = event_id
        used.add(event_id)
    return matches


def _gold_participants(gold: Mapping[str, Any], reference: Reference) -> set[str]:
    names: set[str] = set()
    for role in ("agent", "affected", "models"):
        for name in gold.get(role) or []:
            names.add(reference.aliases.get(str(name).casefold(), str(name)))
    return names


def _event_participants(
    event: Mapping[str, Any], reference: Reference, names_of: Mapping[str, Sequence[str]]
) -> set[str]:
    names: set[str] = set()
    for role in ("agents", "affected", "models"):
        for entity in event.get(role) or []:
            name = str(entity["name"])
            for alias in names_of.get(name, [name]):
                found = reference.aliases.get(alias.casefold())
                if found is not None:
                    names.add(found)
            names.add(name)
    return names


def _entity_scores(
    reference: Reference,
    entities: Sequence[Mapping[str, Any]],
    kinds: Callable[[str], Collection[str]],
    details: list[str],
) -> Prf:
    matched: set[str] = set()
    predicted_matched = 0
    for entity in entities:
        names = [str(entity["name"]), *[str(a) for a in entity.get("aliases") or []]]
        found = None
        for name in names:
            gold = reference.aliases.get(name.casefold())
            if gold is not None and reference.entity_types.get(gold) in kinds(str(entity["type"])):
                found = gold
                break
        if found is not None and found not in matched:
            matched.add(found)
            predicted_matched += 1
    for entity in reference.entities:
        if entity["name"] not in matched:
            details.append(f"entity not found: {entity['name']} ({entity.get('type')})")
    return Prf(predicted_matched, len(entities), len(reference.entities))


Window = tuple[date | None, date | None]


def _window(event: Mapping[str, Any]) -> Window:
    d = event["date"]
    return (
        _as_date(d["earliest"]) if d.get("earliest") else None,
        _as_date(d["latest"]) if d.get("latest") else None,
    )


def _gold_window(gold: Mapping[str, Any]) -> Window:
    d = gold.get("date") or {}
    return (
        _as_date(d["earliest"]) if d.get("earliest") else None,
        _as_date(d["latest"]) if d.get("latest") else None,
    )


def _overlap(a: Window, b: Window) -> bool:
    lo = max((x for x in (a[0], b[0]) if x is not None), default=None)
    hi = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi


def _distance(a: Window, b: Window) -> int:
    def mid(w: Window) -> int:
        lo = w[0] or w[1]
        hi = w[1] or w[0]
        if lo is None or hi is None:
            return 0
        return (lo.toordinal() + hi.toordinal()) // 2

    return abs(mid(a) - mid(b))


def _before(
    a: Mapping[str, Any], b: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]
) -> bool:
    wa, wb = _window(a), _window(b)
    if wb[1] is not None and wa[0] is not None and wb[1] < wa[0]:
        return False  # the graph says b certainly came first
    key = _sort_key(wa)
    if key != _sort_key(wb):
        return key < _sort_key(wb)
    # dates that sort alike: the timeline puts first what a source says came first
    seen, todo = {a["id"]}, [a]
    while todo:
        for later in todo.pop().get("precedes", ()):
            event = by_id.get(later)
            if later == b["id"]:
                return True
            if event is not None and later not in seen and _sort_key(_window(event)) == key:
                seen.add(later)
                todo.append(event)
    return False


def _sort_key(window: Window) -> tuple[int, int]:
    lo = window[0] or window[1]
    hi = window[1] or window[0]
    return (lo.toordinal() if lo else 0, hi.toordinal() if hi else 0)


def _window_text(event: Mapping[str, Any]) -> str:
    return _text(_window(event))


def _text(window: Window) -> str:
    lo, hi = window
    if lo == hi and lo is not None:
        return lo.isoformat()
    return f"{lo or '…'}/{hi or '…'}"


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def format_scores(scores: Scores) -> str:
    e, c, n, t = scores.events, scores.core, scores.entities, scores.participants
    lines = [
        f"events     P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}  "
        f"({e.matched} matched, {e.predicted} in graph, {e.reference} in reference)",
        f"core       P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
        f"({c.matched} matched, {c.predicted} in graph, {c.reference} in reference)",
        f"exact day  {scores.exact_day[0]}/{scores.exact_day[1]}",
        f"order      {scores.order[0]}/{scores.order[1]}",
        f"probes     {scores.probes[0]}/{scores.probes[1]}",
        f"entities   P {n.precision:.3f}  R {n.recall:.3f}  F1 {n.f1:.3f}  "
        f"({n.matched} matched, {n.predicted} in graph, {n.reference} in reference)",
        f"  of them in events  P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  "
        f"({t.matched} matched, {t.predicted} take part in events)",
    ]
    if scores.details:
        lines.append("")
        lines.extend(f"  - {d}" for d in scores.details)
    return "\n".join(lines)
