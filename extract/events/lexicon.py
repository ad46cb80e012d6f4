"""The event lexicon: event types, trigger rules, scopes, modality and attribution cues.

Reads: extract/data/event_types.yaml, scopes.yaml, modality.yaml, attribution.yaml, and any
extra YAML files a user passes (each may hold any of their sections). Adds: one frozen
``EventLexicon``, loaded once per pipeline component. Extra files merge over the packaged
ones: a type or rule with a known id replaces it, word lists grow.

Longer than most modules: every section of the four files is checked here, so that a
mistake in a user's file is reported with its file, entry and fix before any text is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.datafiles import check_pattern, data_sections, packaged_data, strings
from extract.errors import DataFileError
from extract.type_schemes import ACTOR_KINDS, EventType, read_event_type

PACKAGED_FILES = ("event_types.yaml", "scopes.yaml", "modality.yaml", "attribution.yaml")
DEGREES = ("full", "partial", "authorization")
MODALITIES = ("asserted", "negated", "hypothetical", "planned", "requested", "speculative", "state")
ANY = "any"  # a complement class that accepts every verb
SUBJECT = "subject"  # entity:subject: an entity of any type with subject: true


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    lemmas: tuple[str, ...]
    pos: frozenset[str]
    by_actor: Mapping[str, str | None]
    object: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    # only an infinitive completes it: "told Corvex to stop", not "told staff they will stop"
    infinitive_complement: bool = False
    # its meaning holds its negation: "will not ship chips to X" withholds a supply; only a
    # negated word matches, and the negation is no modality
    negated: bool = False
    subject: tuple[str, ...] = ()
    auxiliary: frozenset[str] = frozenset()
    preposition_object: Mapping[str, tuple[str, ...]] | None = None
    either: bool = False
    support: Mapping[str, frozenset[str]] | None = None
    subject_role: str = "agent"
    object_possessor_role: str | None = None  # "the restoration of its models": agent
    possessor_role: str = "agent"  # a noun trigger's possessor: "Corvex's licence": affected
    with_role: str | None = None  # a noun trigger's "with" object: "a settlement with Corvex"
    degree: str | None = None
    modality: str | None = None
    absorbs_complement: bool = False
    clause_party: bool = False  # "pledged to help X": parties of its clause are affected
    # the verb a noun trigger is the object of acts ("extended the licence": its subject
    # extends): True for the support governors, or the lemmas of the verbs that do
    governor_acts: bool | tuple[str, ...] = False
    content_clause: bool = False  # a clause on the noun says what it does ("an order
    #                               revoking the bans"): the clause's event is the event
    when_limited: str | None = None
    on_relief: str | None = None  # the type when what it acts on is a relief ("lifted the
    #                               suspension of the order": the order applies again)
    names_its_verb: bool = False  # "gives operators six more months": the noun names the
    #                               act of the verb that carries it, whatever that verb's rule
    reports_content: bool = False  # "announced it had lifted the order": no event of its
    #                                own when its clause tells an event that happened
    reacts: bool = False  # an event only when its clause names a measure another imposed
    #                       ("the ministry said the action against Corvex will hurt")
    context_types: tuple[str, ...] = ()  # "the 75-day extension": of a licence or of a
    #                                      deadline, as the document's other mentions say

    def type_for(self, kind: str) -> str:
        """The type a mention gets when its agent is of this actor kind ("unknown": none
        named); "" when the rule rejects it."""
        if kind in self.by_actor:
            return self.by_actor[kind] or ""
        return self.type


@dataclass(frozen=True)
class Population:
    id: str
    label: str
    limits_lift: bool
    patterns: tuple[tuple[dict[str, Any], ...], ...]


@dataclass(frozen=True)
class ModalityCues:
    negated_particles: frozenset[str]
    negated_determiners: frozenset[str]
    negated_verbs: frozenset[str]
    negated_prepositions: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_phrases: tuple[str, ...]
    requested_verbs: frozenset[str]
    requested_nouns: frozenset[str]
    requested_modals: frozenset[str]
    requested_prepositions: frozenset[str]
    planned_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    negotiated_nouns: frozenset[str]  # "terms to lift": their infinitive is planned
    planned_adjectives: frozenset[str]
    planned_subjects: frozenset[str]  # "the bill bans X": what a proposal would do
    # "the law requires X to sell": what a measure in force says, a state, no new act
    state_subjects: frozenset[str]
    # "a licence, which authorizes exports", "it allows Corvex to resume": a measure's
    # doing told in the present simple by one of these pronouns is what it does, a state
    state_pronouns: frozenset[str]
    planned_modals: frozenset[str]
    asserted_with: frozenset[str]
    deciding_verbs: frozenset[str]  # "voted to add": the infinitive is what was decided
    speculative_modals: frozenset[str]
    speculative_adverbs: frozenset[str]
    speculative_adjectives: frozenset[str]
    speculative_verbs: frozenset[str]
    reporting_verbs: frozenset[str]


@dataclass(frozen=True)
class AttributionCues:
    according_to: tuple[str, ...]
    as_reported: frozenset[str]
    reporting_verbs: frozenset[str]
    channel_verbs: frozenset[str]
    author_prepositions: frozenset[str]
    source_nouns: frozenset[str]
    instruments: Mapping[str, str]


@dataclass(frozen=True)
class RelationCues:
    after: tuple[str, ...]
    before: tuple[str, ...]
    follow_verbs: frozenset[str]
    precede_verbs: frozenset[str]
    cause_verbs: frozenset[str]
    soon: frozenset[str] = frozenset()  # "shortly after": within days, the same day too
    at_once: frozenset[str] = frozenset()  # "hours after": that day or the next


@dataclass(frozen=True)
class SyntaxWords:
    """Words of the language the event layer's rules read (event_types.yaml: ``syntax``)."""

    clause_boundaries: frozenset[str]  # words that end a clause ("while", "but", ";")
    separating_marks: frozenset[str]  # marks of a clause that is an event of its own
    other_time_marks: frozenset[str]  # "after the ban was imposed in April": not its date
    argument_prepositions: frozenset[str]  # prepositions whose objects are arguments
    definite_determiners: frozenset[str]  # "the", "this": a definite mention
    demonstratives: frozenset[str]  # "this", "that": a mention pointing back to the last one
    headline_small_words: frozenset[str]  # words a title-case headline leaves lower case
    separate_news_words: frozenset[str]  # "Separately, the Treasury sanctioned ...": news
    sequel_words: frozenset[str]  # "and later lifted it": a step after the one before
    novelty_words: frozenset[str]  # "another", "new", "further": a new step of its kind
    jurisdiction_prepositions: frozenset[str]  # "banned in the UK": where a measure holds
    announcing_verbs: frozenset[str]  # "said X will be banned from May 1": decided then
    deciding_verbs: frozenset[str]  # "announced it will tighten the rules": decided then too
    pledging_verbs: frozenset[str]  # "the president agreed to lift the ban": a pledge
    informing_verbs: frozenset[str]  # "informed Corvex that its exports": "its" is Corvex's
    undergoing_verbs: frozenset[str]  # "informed Corvex that it will need": so is "it"
    complying_verbs: frozenset[str]  # "Corvex complies with the order": bound, not aimed at
    responding_prepositions: frozenset[str]  # "suspended sales following an order"
    own_act_telling_verbs: frozenset[str]  # "its lawyers told the court it has paid"
    preliminary_words: frozenset[str]  # "an agreement in principle", "a framework deal"
    final_words: frozenset[str]  # "a binding agreement", "the final designation"
    holding_verbs: frozenset[str]  # "licences held by Corvex": Corvex holds what is acted on
    onset_prepositions: frozenset[str]  # "banned from March 1": when it takes effect
    onset_verbs: frozenset[str]  # "the ban takes effect on May 1": when it takes effect
    lapsing_verbs: frozenset[str]  # "expired as of August 13": the lapse's own day
    idioms: frozenset[str]  # fixed expressions whose words are no triggers ("in order to")
    distributive_instruments: frozenset[str]  # "executive orders on X and Y": one act each
    collective_nouns: frozenset[str]  # "a group of users calling themselves X": X acts
    member_nouns: frozenset[str]  # "sanctioned twelve Corvex executives": Corvex's people
    identity_verbs: frozenset[str]  # "Tuesday's order marks the fourth extension": one act
    standing_nouns: frozenset[str]  # "passed its version of the bill": the bill
    preventing_verbs: frozenset[str]  # "the rules prevent X from selling to Y": on Y
    notice_issuer_fields: frozenset[str]  # a notice's "AGENCY:", "By the ...:"
    notice_adoption_fields: frozenset[str]  # "Adopted: May 4, 2030"
    notice_effective_fields: frozenset[str]  # "DATES: Effective May 4, 2030."
    disclosing_verbs: frozenset[str]  # "it was revealed on May 7 that ...": known that day
    opposing_prepositions: frozenset[str]  # "the action against Corvex": a move on a party
    speaker_pronouns: frozenset[str]  # "'We will appeal,' Corvex said": the speaker acts
    day_nouns: frozenset[str]  # "May 1 is the day the ban took effect": the clause's day


@dataclass(frozen=True)
class MoneyWords:
    """How sums of money are written (event_types.yaml: ``amounts``)."""

    currencies: Mapping[str, str]  # sign or word (lower case) -> ISO 4217 code
    scales: Mapping[str, int]  # "million" -> 1000000


@dataclass(frozen=True)
class EventLexicon:
    types: Mapping[str, EventType]
    rules: tuple[TriggerRule, ...]
    word_classes: Mapping[str, frozenset[str]]
    actor_words: Mapping[str, str]  # lemma -> actor kind
    light_verbs: Mapping[str, str]  # lemma -> role of the subject
    light_nouns: Mapping[str, str]  # lemma -> role of the possessor ("the president's issuance of")
    occurrence_verbs: frozenset[str]
    relations: RelationCues
    ignore_timex_values: frozenset[str]
    populations: tuple[Population, ...]
    limiting_modifiers: frozenset[str]
    partial_modifiers: frozenset[str]
    full_modifiers: frozenset[str]
    partial_governors: frozenset[str]  # "began lifting the ban": a first step of the lifting
    partial_parts: frozenset[str]  # "lifted a portion of the ban": a part of it
    partial_keepers: frozenset[str]  # "lifted it for some but kept it for others"
    count_qualifiers: Mapping[str, str]
    number_words: Mapping[str, int]
    modality: ModalityCues
    attribution: AttributionCues
    syntax: SyntaxWords
    money: MoneyWords
    # types a rule may give that the text decides: lift -> {partial: ..., full: ...}
    by_degree: Mapping[str, Mapping[str, str]]

    def coarse(self, type_id: str) -> str:
        found = self.types.get(type_id)
        return found.coarse if found else type_id

    def decided(self, type_id: str, degree: str = "partial") -> str:
        """The type a mention of ``type_id`` has at this degree (a ``by_degree`` type is
        decided by the text; every other type is itself)."""
        return self.by_degree.get(type_id, {}).get(degree, type_id)

    def population(self, population_id: str) -> Population | None:
        for population in self.populations:
            if population.id == population_id:
                return population
        return None

    def scheme_of(self, type_id: str) -> EventType | None:
        """The scheme's entry of the type a mention of ``type_id`` is decided to have."""
        return self.types.get(self.decided(type_id))

    def ends_relief(self, type_id: str) -> bool:
        found = self.scheme_of(type_id)
        return found is not None and found.ends_relief

    def state_effect(self, type_id: str) -> str | None:
        found = self.scheme_of(type_id)
        return found.state_effect if found is not None else None

    def in_class(self, lemma: str, classes: Iterable[str]) -> bool:
        lemma = lemma.lower()
        return any(lemma in self.word_classes.get(name, frozenset()) for name in classes)


_SYNTAX_SECTIONS = (
    "clause_boundaries",
    "separating_marks",
    "other_time_marks",
    "argument_prepositions",
    "definite_determiners",
    "demonstratives",
    "headline_small_words",
    "separate_news_words",
    "sequel_words",
    "novelty_words",
    "jurisdiction_prepositions",
    "announcing_verbs",
    "deciding_verbs",
    "pledging_verbs",
    "informing_verbs",
    "undergoing_verbs",
    "complying_verbs",
    "responding_prepositions",
    "own_act_telling_verbs",
    "preliminary_words",
    "final_words",
    "holding_verbs",
    "onset_prepositions",
    "onset_verbs",
    "lapsing_verbs",
    "idioms",
    "distributive_instruments",
    "collective_nouns",
    "member_nouns",
    "identity_verbs",
    "standing_nouns",
    "preventing_verbs",
    "notice_issuer_fields",
    "notice_adoption_fields",
    "notice_effective_fields",
    "disclosing_verbs",
    "opposing_prepositions",
    "speaker_pronouns",
    "day_nouns",
)


def load_event_lexicon(extra: Sequence[str | Path] = ()) -> EventLexicon:
    """The packaged lexicon merged with the user's files (in order). Raises DataFileError."""
    merged = _Merged()
    paths = [packaged_data(name) for name in PACKAGED_FILES] + [Path(p) for p in extra]
    for path, data in data_sections(paths):
        merged.add(path, data)
    return merged.build()


# --------------------------------------------------------------------------- loading


def _lower_set(value: Any, path: Path, what: str) -> set[str]:
    return {s.lower() for s in strings(value, path, what)}


def _mapping(value: Any, path: Path, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DataFileError(path, f"{what}: expected a mapping")
    return value


def _governor_acts(value: Any, path: Path, what: str) -> bool | tuple[str, ...]:
    if isinstance(value, bool):
        return value
    return tuple(sorted(_lower_set(value, path, f"{what}.governor_acts")))


class _Merged:
    def __init__(self) -> None:
        self.types: dict[str, EventType] = {}
        self.rules: dict[str, TriggerRule] = {}
        self.rule_files: dict[str, Path] = {}
        self.word_classes: dict[str, set[str]] = {}
        self.actor_words: dict[str, str] = {}
        self.light_verbs: dict[str, str] = {}
        self.light_nouns: dict[str, str] = {}
        self.occurrence_verbs: set[str] = set()
        self.relations: dict[str, set[str]] = {
            k: set()
            for k in (
                "after",
                "before",
                "follow_verbs",
                "precede_verbs",
                "cause_verbs",
                "soon",
                "at_once",
            )
        }
        self.ignore_values: set[str] = set()
        self.populations: dict[str, Population] = {}
        self.limiting: set[str] = set()
        self.partial: set[str] = set()
        self.full: set[str] = set()
        self.partial_governors: set[str] = set()
        self.partial_parts: set[str] = set()
        self.partial_keepers: set[str] = set()
        self.qualifiers: dict[str, str] = {}
        self.numbers: dict[str, int] = {}
        self.modality: dict[str, set[str]] = {}
        self.attribution: dict[str, set[str]] = {}
        self.instruments: dict[str, str] = {}
        self.syntax: dict[str, set[str]] = {name: set() for name in _SYNTAX_SECTIONS}
        self.by_degree: dict[str, dict[str, str]] = {}
        self.currencies: dict[str, str] = {}
        self.scales: dict[str, int] = {}

    def add(self, path: Path, data: Mapping[str, Any]) -> None:
        for number, entry in enumerate(_entries(data.get("event_types"), path, "event_types"), 1):
            self._type(path, number, entry)
        for name, by in _mapping(data.get("by_degree"), path, "by_degree").items():
            by = _mapping(by, path, f"by_degree.{name}")
            if set(by) != {"partial", "full"}:
                raise DataFileError(
                    path,
                    f"by_degree.{name}: expected the types of its two degrees",
                    fix=f"write {name}: {{partial: <type>, full: <type>}}",
                )
            self.by_degree[str(name)] = {str(k): str(v) for k, v in by.items()}
        for name, words in _mapping(data.get("word_classes"), path, "word_classes").items():
            self.word_classes.setdefault(str(name), set()).update(
                _lower_set(words, path, f"word_classes.{name}")
            )
        for kind, words in _mapping(data.get("actor_words"), path, "actor_words").items():
            if kind not in ACTOR_KINDS:
                raise DataFileError(
                    path,
                    f"actor_words: unknown actor kind {kind!r}",
                    fix=f"use one of {', '.join(ACTOR_KINDS)}",
                )
            for word in _lower_set(words, path, f"actor_words.{kind}"):
                self.actor_words[word] = str(kind)
        seen: dict[str, int] = {}
        for number, entry in enumerate(_entries(data.get("triggers"), path, "triggers"), 1):
            rule_id = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(rule_id, str) and rule_id in seen:
                # another file's rule of a known id replaces it; within one file the second
                # would silently take the first's place
                raise DataFileError(
                    path,
                    f"triggers entry {number}: id {rule_id!r} is also entry {seen[rule_id]}",
                    fix="give each rule of a file an id of its own",
                )
            if isinstance(rule_id, str):
                seen[rule_id] = number
            self._rule(path, number, entry)
        for verb, role in _mapping(data.get("light_verbs"), path, "light_verbs").items():
            if role not in ("agent", "affected"):
                raise DataFileError(path, f"light_verbs.{verb}: role must be agent or affected")
            self.light_verbs[str(verb).lower()] = str(role)
        for noun, role in _mapping(data.get("light_nouns"), path, "light_nouns").items():
            if role not in ("agent", "affected"):
                raise DataFileError(path, f"light_nouns.{noun}: role must be agent or affected")
            self.light_nouns[str(noun).lower()] = str(role)
        self.occurrence_verbs.update(
            _lower_set(data.get("occurrence_verbs"), path, "occurrence_verbs")
        )
        for key, words in _mapping(data.get("relations"), path, "relations").items():
            if key not in self.relations:
                raise DataFileError(
                    path,
                    f"relations: unknown section {key!r}",
                    fix=f"use {', '.join(self.relations)}",
                )
            self.relations[key].update(_lower_set(words, path, f"relations.{key}"))
        for key, words in _mapping(data.get("syntax"), path, "syntax").items():
            if key not in self.syntax:
                raise DataFileError(
                    path,
                    f"syntax: unknown section {key!r}",
                    fix=f"use {', '.join(self.syntax)}",
                )
            self.syntax[key].update(_lower_set(words, path, f"syntax.{key}"))
        amounts = _mapping(data.get("amounts"), path, "amounts")
        for word, code in _mapping(amounts.get("currencies"), path, "amounts.currencies").items():
            self.currencies[str(word).lower()] = str(code).upper()
        for word, scale in _mapping(amounts.get("scales"), path, "amounts.scales").items():
            if isinstance(scale, bool) or not isinstance(scale, int) or scale < 1:
                raise DataFileError(path, f"amounts.scales.{word}: expected a whole number")
            self.scales[str(word).lower()] = scale
        time = _mapping(data.get("time"), path, "time")
        self.ignore_values.update(strings(time.get("ignore_values"), path, "time.ignore_values"))
        for pop_id, fields in _mapping(data.get("populations"), path, "populations").items():
            self._population(path, str(pop_id), fields)
        self.limiting.update(_lower_set(data.get("limiting_modifiers"), path, "limiting_modifiers"))
        degrees = _mapping(data.get("degree_modifiers"), path, "degree_modifiers")
        self.partial.update(_lower_set(degrees.get("partial"), path, "degree_modifiers.partial"))
        self.full.update(_lower_set(degrees.get("full"), path, "degree_modifiers.full"))
        self.partial_governors.update(
            _lower_set(degrees.get("partial_governors"), path, "degree_modifiers.partial_governors")
        )
        self.partial_parts.update(
            _lower_set(degrees.get("partial_parts"), path, "degree_modifiers.partial_parts")
        )
        self.partial_keepers.update(
            _lower_set(degrees.get("partial_keepers"), path, "degree_modifiers.partial_keepers")
        )
        for phrase, qualifier in _mapping(
            data.get("count_qualifiers"), path, "count_qualifiers"
        ).items():
            self.qualifiers[str(phrase).lower()] = str(qualifier)
        for word, value in _mapping(data.get("number_words"), path, "number_words").items():
            if not isinstance(value, int):
                raise DataFileError(path, f"number_words.{word}: expected an integer")
            self.numbers[str(word).lower()] = value
        for section in ("negated", "hypothetical", "requested", "planned", "speculative", "state"):
            for key, words in _mapping(data.get(section), path, section).items():
                self.modality.setdefault(f"{section}.{key}", set()).update(
                    _lower_set(words, path, f"{section}.{key}")
                )
        if "reporting_verbs" in data and "according_to" not in data:
            self.modality.setdefault("reporting_verbs", set()).update(
                _lower_set(data["reporting_verbs"], path, "reporting_verbs")
            )
        if "according_to" in data or "channel_verbs" in data:
            for key in (
                "according_to",
                "as_reported",
                "reporting_verbs",
                "channel_verbs",
                "author_prepositions",
                "source_nouns",
            ):
                self.attribution.setdefault(key, set()).update(_lower_set(data.get(key), path, key))
            for noun, kind in _mapping(data.get("instruments"), path, "instruments").items():
                self.instruments[str(noun).lower()] = str(kind)

    def _type(self, path: Path, number: int, entry: Mapping[str, Any]) -> None:
        type_id = entry.get("id")
        if not isinstance(type_id, str) or not type_id:
            raise DataFileError(path, f"event_types entry {number}: missing 'id'")
        self.types[type_id] = read_event_type(type_id, entry, path)

    def _rule(self, path: Path, number: int, entry: Mapping[str, Any]) -> None:
        what = f"triggers entry {number}"
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise DataFileError(path, f"{what}: missing 'id'", fix="give each rule an id")
        what = f"trigger rule {rule_id!r}"
        lemmas = strings(entry.get("lemmas"), path, what)
        if not lemmas:
            raise DataFileError(path, f"{what}: no 'lemmas'")
        by_actor = {}
        for kind, type_id in _mapping(entry.get("by_actor"), path, f"{what}.by_actor").items():
            if kind not in (*ACTOR_KINDS, "unknown"):
                raise DataFileError(
                    path,
                    f"{what}: unknown actor kind {kind!r} in by_actor",
                    fix=f"use one of {', '.join(ACTOR_KINDS)}",
                )
            by_actor[str(kind)] = str(type_id) if type_id else None
        support = entry.get("support")
        prep = entry.get("preposition_object")
        degree = entry.get("degree")
        if degree is not None and degree not in DEGREES:
            raise DataFileError(
                path, f"{what}: unknown degree {degree!r}", fix=f"use one of {', '.join(DEGREES)}"
            )
        modality = entry.get("modality")
        if modality is not None and modality not in MODALITIES:
            raise DataFileError(path, f"{what}: unknown modality {modality!r}")
        roles = _mapping(entry.get("roles"), path, f"{what}.roles")
        self.rules[rule_id] = TriggerRule(
            id=rule_id,
            type=str(entry.get("type", "other")),
            lemmas=tuple(s.lower() for s in lemmas),
            pos=frozenset(strings(entry.get("pos"), path, what) or ("VERB", "NOUN")),
            by_actor=by_actor,
            object=strings(entry.get("object"), path, what),
            complement=strings(entry.get("complement"), path, what),
            infinitive_complement=bool(entry.get("infinitive_complement", False)),
            negated=bool(entry.get("negated", False)),
            subject=strings(entry.get("subject"), path, what),
            auxiliary=frozenset(_lower_set(entry.get("auxiliary"), path, what)),
            preposition_object=(
                {
                    str(k).lower(): strings(v, path, what)
                    for k, v in _mapping(prep, path, what).items()
                }
                if prep
                else None
            ),
            either=bool(entry.get("either", False)),
            support=(
                {
                    str(k): frozenset(_lower_set(v, path, what))
                    for k, v in _mapping(support, path, what).items()
                }
                if support
                else None
            ),
            subject_role=str(roles.get("subject", "agent")),
            possessor_role=str(roles.get("possessor", "agent")),
            with_role=str(roles["with"]) if roles.get("with") else None,
            object_possessor_role=(
                str(roles["object_possessor"]) if roles.get("object_possessor") else None
            ),
            degree=degree,
            modality=modality,
            absorbs_complement=bool(entry.get("absorbs_complement", False)),
            clause_party=bool(entry.get("clause_party", False)),
            governor_acts=_governor_acts(entry.get("governor_acts", False), path, what),
            content_clause=bool(entry.get("content_clause", False)),
            reports_content=bool(entry.get("reports_content", False)),
            names_its_verb=bool(entry.get("names_its_verb", False)),
            reacts=bool(entry.get("reacts", False)),
            when_limited=str(entry["when_limited"]) if entry.get("when_limited") else None,
            on_relief=str(entry["on_relief"]) if entry.get("on_relief") else None,
            context_types=tuple(strings(entry.get("context_types") or [], path, what)),
        )
        self.rule_files[rule_id] = path

    def _population(self, path: Path, pop_id: str, fields: Any) -> None:
        fields = _mapping(fields, path, f"populations.{pop_id}")
        patterns = fields.get("patterns") or []
        if not isinstance(patterns, list) or not all(
            isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns
        ):
            raise DataFileError(
                path,
                f"population {pop_id!r}: 'patterns' must be a list of "
                "spaCy Matcher patterns (lists of token specs)",
            )
        check_pattern(patterns, path, f"population {pop_id!r}")
        old = self.populations.get(pop_id)
        self.populations[pop_id] = Population(
            id=pop_id,
            label=str(fields.get("label", old.label if old else pop_id)),
            limits_lift=bool(fields.get("limits_lift", old.limits_lift if old else False)),
            patterns=(*(old.patterns if old else ()), *(tuple(p) for p in patterns)),
        )

    def build(self) -> EventLexicon:
        for name, by in self.by_degree.items():
            for degree, type_id in by.items():
                if type_id not in self.types:
                    raise DataFileError(
                        "event_types.yaml",
                        f"by_degree.{name}.{degree} names unknown type {type_id!r}",
                        fix="add the type to event_types",
                    )
        known = set(self.types) | set(self.by_degree)
        for type_def in self.types.values():
            if type_def.coarse not in self.types:
                raise DataFileError(
                    "event_types.yaml",
                    f"type {type_def.id!r} has coarse type {type_def.coarse!r}, "
                    "which is not itself a type",
                    fix="add the coarse type",
                )
            for field_name in ("refused_as", "first_as"):
                target = getattr(type_def, field_name)
                if target is not None and target not in self.types:
                    raise DataFileError(
                        "event_types.yaml",
                        f"type {type_def.id!r} has {field_name} {target!r}, which is not a type",
                        fix="add that type, or name one of event_types",
                    )
        classes = set(self.word_classes) | {ANY}
        for rule in self.rules.values():
            path = self.rule_files[rule.id]
            targets = [rule.type, *(t for t in rule.by_actor.values() if t)]
            targets += [rule.when_limited] if rule.when_limited else []
            targets += [rule.on_relief] if rule.on_relief else []
            for target in targets:
                if target not in known:
                    raise DataFileError(
                        path,
                        f"trigger rule {rule.id!r} names unknown type {target!r}",
                        fix=f"use one of {', '.join(sorted(known))}",
                    )
            names = [
                *rule.object,
                *rule.complement,
                *rule.subject,
                *(c for cs in (rule.preposition_object or {}).values() for c in cs),
            ]
            for name in names:
                if not name.startswith("entity:") and name not in classes:
                    raise DataFileError(
                        path,
                        f"trigger rule {rule.id!r} names unknown word class {name!r}",
                        fix="define it under word_classes",
                    )
        mod = self.modality
        att = self.attribution
        rel = self.relations
        return EventLexicon(
            types=dict(self.types),
            rules=tuple(self.rules.values()),
            word_classes={k: frozenset(v) for k, v in self.word_classes.items()},
            actor_words=dict(self.actor_words),
            light_verbs=dict(self.light_verbs),
            light_nouns=dict(self.light_nouns),
            occurrence_verbs=frozenset(self.occurrence_verbs),
            relations=RelationCues(
                after=tuple(sorted(rel["after"])),
                before=tuple(sorted(rel["before"])),
                follow_verbs=frozenset(rel["follow_verbs"]),
                precede_verbs=frozenset(rel["precede_verbs"]),
                cause_verbs=frozenset(rel["cause_verbs"]),
                soon=frozenset(rel["soon"]),
                at_once=frozenset(rel["at_once"]),
            ),
            ignore_timex_values=frozenset(self.ignore_values),
            populations=tuple(self.populations.values()),
            limiting_modifiers=frozenset(self.limiting),
            partial_modifiers=frozenset(self.partial),
            full_modifiers=frozenset(self.full),
            partial_governors=frozenset(self.partial_governors),
            partial_parts=frozenset(self.partial_parts),
            partial_keepers=frozenset(self.partial_keepers),
            count_qualifiers=dict(self.qualifiers),
            number_words=dict(self.numbers),
            modality=ModalityCues(
                negated_particles=frozenset(mod.get("negated.particles", ())),
                negated_determiners=frozenset(mod.get("negated.determiners", ())),
                negated_verbs=frozenset(mod.get("negated.verbs", ())),
                negated_prepositions=frozenset(mod.get("negated.prepositions", ())),
                hypothetical_markers=frozenset(mod.get("hypothetical.markers", ())),
                hypothetical_modals=frozenset(mod.get("hypothetical.modals", ())),
                hypothetical_phrases=tuple(sorted(mod.get("hypothetical.phrases", ()))),
                requested_verbs=frozenset(mod.get("requested.verbs", ())),
                requested_nouns=frozenset(mod.get("requested.nouns", ())),
                requested_modals=frozenset(mod.get("requested.modals", ())),
                requested_prepositions=frozenset(mod.get("requested.prepositions", ())),
                planned_verbs=frozenset(mod.get("planned.verbs", ())),
                planned_nouns=frozenset(mod.get("planned.nouns", ())),
                negotiated_nouns=frozenset(mod.get("planned.negotiated", ())),
                planned_adjectives=frozenset(mod.get("planned.adjectives", ())),
                planned_subjects=frozenset(mod.get("planned.subjects", ())),
                state_subjects=frozenset(mod.get("state.subjects", ())),
                state_pronouns=frozenset(mod.get("state.pronouns", ())),
                planned_modals=frozenset(mod.get("planned.modals", ())),
                asserted_with=frozenset(mod.get("planned.asserted_with", ())),
                deciding_verbs=frozenset(mod.get("planned.deciding", ())),
                speculative_modals=frozenset(mod.get("speculative.modals", ())),
                speculative_adverbs=frozenset(mod.get("speculative.adverbs", ())),
                speculative_adjectives=frozenset(mod.get("speculative.adjectives", ())),
                speculative_verbs=frozenset(mod.get("speculative.verbs", ())),
                reporting_verbs=frozenset(mod.get("reporting_verbs", ())),
            ),
            attribution=AttributionCues(
                according_to=tuple(sorted(att.get("according_to", ()))),
                as_reported=frozenset(att.get("as_reported", ())),
                reporting_verbs=frozenset(att.get("reporting_verbs", ())),
                channel_verbs=frozenset(att.get("channel_verbs", ())),
                author_prepositions=frozenset(att.get("author_prepositions", ())),
                source_nouns=frozenset(att.get("source_nouns", ())),
                instruments=dict(self.instruments),
            ),
            syntax=SyntaxWords(**{k: frozenset(v) for k, v in self.syntax.items()}),
            money=MoneyWords(dict(self.currencies), dict(self.scales)),
            by_degree={name: dict(by) for name, by in self.by_degree.items()},
        )


def _entries(value: Any, path: Path, what: str) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if isinstance(value, dict):  # the mapping form: id -> fields
        return [{"id": str(k), **(v or {})} for k, v in value.items()]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError(path, f"{what}: expected a list of mappings")
    return value
