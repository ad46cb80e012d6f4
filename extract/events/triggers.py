"""Trigger finding: words that name a policy event, checked against the rule's conditions.

Reads: the trigger rules of event_types.yaml (compiled once into one spaCy Matcher), the
parse and the document's entities. Adds: ``Trigger`` candidates -- the head word, the rule,
the light verb that carries a noun ("issued an export block"), and the agent, affected
party and type the rule gives for that agent's kind of actor.

Longer than most modules: a rule's conditions (objects, complements, subjects, support)
and the participants they find read the same parse paths, kept side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from extract.events.lexicon import ANY, SUBJECT, EventLexicon, TriggerRule
from extract.events.modality import negated_word
from extract.events.participants import DocEntities
from extract.events.syntax import (
    NOUN_POS,
    argument_owners,
    children,
    complements_of,
    examples,
    first_conjunct,
    inflections,
    is_passive,
    is_verbal,
    makers,
    np_core,
    object_governor,
    objects_of,
    passive_agent,
    plural_antecedent,
    preposition_objects,
    subject_of,
    verb_phrases,
)
from extract.records import EntityMention


@dataclass
class Trigger:
    rule: TriggerRule
    head: Token
    start: int
    end: int
    light: Token | None = None  # a verb carrying a noun trigger ("filed a lawsuit")
    type: str = ""
    agents: list[EntityMention] = field(default_factory=list)
    affected: list[EntityMention] = field(default_factory=list)
    agent_kind: str | None = None
    anaphoric: set[str] = field(default_factory=set)  # participants reached through a pronoun
    objects: list[Token] = field(default_factory=list)  # what the trigger acts on
    modifier: bool = False  # its word modifies the head noun ("designation" of "designation order")

    @property
    def is_noun(self) -> bool:
        return self.head.pos_ in NOUN_POS and not self.head.tag_.startswith("VB")


@dataclass(frozen=True)
class _Entry:
    rule: TriggerRule
    words: tuple[str, ...]
    head: int  # position of the head word in ``words``


def _recipients(verb: Token) -> list[Token]:
    """Whom a verb of dealing goes to ("selling chips to Corvex": "to" as a preposition
    or, as the parser often has it, a dative)."""
    return [
        obj
        for to in verb.children
        if to.dep_ in ("prep", "dative") and to.lower_ == "to"
        for obj in to.children
        if obj.dep_ == "pobj"
    ]


def _governed_by(verb: Token, lemmas: frozenset[str], steps: int = 2) -> bool:
    """ "requires companies to obtain licences": the verb is what another one asks for."""
    for _ in range(steps):
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in lemmas:
            return True
    return False


class TriggerFinder:
    """One Matcher over all rules, built once; conditions checked per candidate."""

    def __init__(self, vocab: Vocab, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        # Every trigger phrase is indexed by its head word: by lemma, and by inflected form for
        # when the tagger got the part of speech (hence the lemma) wrong. One Matcher with two
        # patterns finds the head words; the rest of a phrase is checked around them.
        self.by_lemma: dict[str, list[_Entry]] = {}
        self.by_form: dict[str, list[_Entry]] = {}
        for rule in lexicon.rules:
            for phrase in rule.lemmas:
                # the tokenizer splits "re-establish" into "re", "-", "establish"
                words = tuple(phrase.replace("-", " - ").split())
                head = 0 if _verbal_rule(rule) and " " in phrase else len(words) - 1
                entry = _Entry(rule, words, head)
                self.by_lemma.setdefault(words[head], []).append(entry)
                for form in inflections(words[head]):
                    self.by_form.setdefault(form, []).append(entry)
        self.head_ids = numpy.array(
            sorted({vocab.strings.add(w) for w in (*self.by_lemma, *self.by_form)}), dtype="uint64"
        )
        self.order = {rule.id: n for n, rule in enumerate(lexicon.rules)}
        # fixed expressions whose words are never triggers ("in order to")
        self.idioms = [tuple(p.lower().split()) for p in lexicon.syntax.idioms]

    def _acts_on_relief(self, trigger: Trigger) -> bool:
        """What the trigger acts on is a relief: a waiver, an exemption, or a suspension of a
        restriction ("the suspension of the denial order"), not of a subject."""
        classes = self.lexicon.word_classes
        relief = classes.get("relief_word", frozenset())
        restriction = classes.get("restriction", frozenset())
        for obj in trigger.objects or objects_of(trigger.head):
            lemma = obj.lemma_.lower()
            if lemma not in relief:
                continue
            if lemma not in restriction:
                return True
            if any(o.lemma_.lower() in restriction for o in preposition_objects(obj, "of")):
                return True
        return False

    def _in_idiom(self, doc: Doc, index: int) -> bool:
        word = doc[index].lower_
        for idiom in self.idioms:
            for offset, part in enumerate(idiom):
                if part != word:
                    continue
                start = index - offset
                if (
                    start >= 0
                    and start + len(idiom) <= len(doc)
                    and all(doc[start + k].lower_ == w for k, w in enumerate(idiom))
                ):
                    return True
        return False

    def _candidates(self, doc: Doc) -> list[tuple[TriggerRule, int, int, int]]:
        """(rule, start, end, head index) of every word or phrase a rule names."""
        out: list[tuple[TriggerRule, int, int, int]] = []
        seen: set[tuple[str, int]] = set()
        table = doc.to_array([LEMMA, LOWER])
        for found in numpy.nonzero(numpy.isin(table, self.head_ids).any(axis=1))[0]:
            index = int(found)
            token = doc[index]
            entries = list(self.by_lemma.get(token.lemma_.lower(), ()))
            if not any(token.pos_ in e.rule.pos for e in entries):
                # an inflected form when the tagger got the lemma wrong; never when its own
                # lemma is a trigger of its part of speech ("ruling" is no form of "rule")
                entries += self.by_form.get(token.lower_, ())
            entries.sort(key=lambda e: -len(e.words))  # "export restriction" before "restriction"
            for entry in entries:
                rule = entry.rule
                if (rule.id, index) in seen or token.pos_ not in rule.pos:
                    continue
                start = index - entry.head
                end = start + len(entry.words)
                if (
                    start < 0
                    or end > len(doc)
                    or any(
                        doc[start + k].lower_ != word
                        for k, word in enumerate(entry.words)
                        if k != entry.head
                    )
                ):
                    if not _separated(token, entry.words, entry.head):
                        continue
                    start, end = index, index + 1  # "took the app offline": the verb
                seen.add((rule.id, index))
                out.append((rule, start, end, index))
        return out

    def find(self, doc: Doc, entities: DocEntities) -> list[Trigger]:
        by_head: dict[int, Trigger] = {}
        for rule, start, end, head_index in self._candidates(doc):
            if self._in_idiom(doc, head_index) or self._in_name(doc[head_index], entities):
                continue
            head = doc[head_index]
            # a noun trigger inside a compound names the compound's head ("export control
            # order" is one order)
            while (
                head.dep_ == "compound"
                and head.head.pos_ in NOUN_POS
                and head.head.i > head.i
                and head.head.i - end < 3
                and "VERB" not in rule.pos
            ):
                head = head.head
                end = max(end, head.i + 1)
            trigger = Trigger(rule, head, start, end, modifier=head.i != head_index)
            trigger.light = self._light_verb(head) if trigger.is_noun else None
            if trigger.is_noun and trigger.light is None and rule.governor_acts:
                trigger.light = _supporting_verb(trigger)
            if not self._conditions(trigger, entities):
                continue
            self._participants(trigger, entities)
            trigger.type = self._type(trigger)
            if trigger.agent_kind == "court" and self._court_restricts(trigger, entities):
                # "the court ordered the suspension of Chirper": a court that bans a
                # company or its product acts as the authority that restricts it
                trigger.type = rule.type_for("government")
            if not trigger.type:
                continue
            if rule.on_relief and self._acts_on_relief(trigger):
                trigger.type = rule.on_relief
            previous = by_head.get(head.i)
            if previous is None or self._before(trigger, previous):
                by_head[head.i] = trigger
        triggers = sorted(by_head.values(), key=lambda t: t.head.i)
        return _drop_compound_parts(triggers)

    def _before(self, trigger: Trigger, other: Trigger) -> bool:
        """Which of two triggers on one head word wins: a modifier that names the kind of an
        instrument ("a designation order") over the instrument's own word ("order"); else
        the rule listed first."""
        if trigger.modifier != other.modifier:
            return trigger.modifier and other.rule.content_clause
        return self.order[trigger.rule.id] < self.order[other.rule.id]

    @staticmethod
    def _in_name(token: Token, entities: DocEntities) -> bool:
        """A word of a known body's name ("Office of Foreign Assets Control") is no trigger;
        an instrument's name is one ("the Export Control Order"), and NER's spans are too
        unsure ("Judge Blocks Corvex Ban" taken for an organisation) to hide one."""
        mention = entities.at(token)
        return (
            mention is not None and mention.source != "ner" and not entities.is_instrument(mention)
        )

    # ------------------------------------------------------------------ conditions
    def _conditions(self, trigger: Trigger, entities: DocEntities) -> bool:
        rule = trigger.rule
        head = trigger.head
        if rule.negated and (
            not negated_word(head, self.lexicon.modality)
            or any(
                c.dep_ == "mark" and c.lower_ in self.lexicon.modality.hypothetical_markers
                for c in head.children
            )
        ):
            # "will not ship": only the word negated means what the rule reads; "if it did
            # not sell": a condition, nothing withheld
            return False
        if self._caused_by_a_measure(trigger):
            return False
        checks: list[bool] = []
        if rule.object:
            objects = objects_of(head)
            if not objects and head.dep_ in ("compound", "amod") and head.head.i > head.i:
                objects = [head.head]  # "U.S. lifts curbs on ...": a verb misparsed as modifier
            trigger.objects = objects
            if trigger.light is not None and not objects:
                objects = [o for o in objects_of(trigger.light) if o.i != head.i]
            checks.append(any(self._matches(o, rule.object, entities) for o in objects))
        if rule.complement:
            complements = complements_of(head)
            if rule.infinitive_complement:
                # "told staff they will stop": what was said, no directive
                complements = [c for c in complements if c.dep_ != "ccomp"]
            if "restrictive_verb" in rule.complement:
                # "ordered Corvex to remove the restrictions it places on developers":
                # what undoes a restriction restricts no one
                restriction = self.lexicon.word_classes.get("restriction", frozenset())
                complements = [
                    c
                    for c in complements
                    if not any(o.lemma_.lower() in restriction for o in children(c, "dobj"))
                ]
            checks.append(any(self._matches(c, rule.complement, entities) for c in complements))
        if rule.subject:
            subjects = children(head, "nsubj", "nsubjpass")
            checks.append(any(self._matches(s, rule.subject, entities) for s in subjects))
        if rule.preposition_object:
            objects = children(head, "dobj", "obj")
            # "challenged that designation in court"; "added Corvex and 12 of its affiliates
            # to the list", the list hung on the last of the objects (or on what it counts)
            conjuncts = [c for o in objects for c in o.conjuncts]
            counted = [p for c in conjuncts if c.like_num for p in preposition_objects(c, "of")]
            if any(c.like_num for c in conjuncts):
                # the parser may hang "of its affiliates" on the verb instead of the number
                counted += preposition_objects(head, "of")
            holders = [head, *objects, *conjuncts, *counted]
            if rule.governor_acts and head.pos_ in NOUN_POS and is_verbal(head.head):
                holders.append(head.head)  # "filed an application at the High Court"
            checks.append(
                any(
                    self._matches(obj, classes, entities)
                    for prep, classes in rule.preposition_object.items()
                    for holder in holders
                    for obj in preposition_objects(holder, prep)
                )
            )
        if rule.auxiliary:
            forms = {form for lemma in rule.auxiliary for form in inflections(lemma)}
            checks.append(
                any(
                    c.dep_ in ("aux", "auxpass")
                    and (c.lemma_.lower() in forms or c.lower_ in forms)
                    for c in head.children
                )
            )
        if rule.support:
            checks.append(self._supported(trigger, rule.support, entities))
        if not checks:
            return True
        return any(checks) if rule.either else all(checks)

    def _caused_by_a_measure(self, trigger: Trigger) -> bool:
        """ "The ban has shut down the company", "the order halted its sales": what a
        company does by itself (a switch of the effective layer) told with a measure as its
        subject is that measure's effect, not a step of its own."""
        scheme = self.lexicon.scheme_of(trigger.rule.type)
        if trigger.is_noun or scheme is None or scheme.layer != "effective":
            return False
        restriction = self.lexicon.word_classes.get("restriction", frozenset())
        head = trigger.head
        subjects = [s for s in children(head, "nsubj") if s.tag_ not in ("WDT", "WP")]
        if head.dep_ == "relcl" and not subjects:
            subjects = [head.head]  # "the ban that shut down the company": the ban did
        return any(s.lemma_.lower() in restriction for s in subjects)

    def _matches(self, token: Token, classes: Sequence[str], entities: DocEntities) -> bool:
        if token.lemma_.lower() in self.lexicon.syntax.standing_nouns:
            # "its version of the bill": the bill
            return any(
                self._matches(o, classes, entities) for o in preposition_objects(token, "of")
            )
        for name in classes:
            if name == ANY:
                return True
            if name.startswith("entity:"):
                wanted = name.split(":", 1)[1]
                mention = entities.at(token) or entities.resolve(token)
                if mention is not None and mention.type == wanted:
                    return True
                if wanted == SUBJECT and any(
                    (found := entities.at(t) or entities.resolve(t)) is not None
                    and entities.entity_lexicon.is_subject(found.type)
                    for t in (token, *children(token, "poss"))
                ):
                    return True  # any kind of entity a restriction can apply to, or its share
                if entities.entity_lexicon.is_product(wanted) and entities.models_in(
                    np_core(token)
                ):
                    return True
                continue
            words = self.lexicon.word_classes.get(name, frozenset())
            if token.lemma_.lower() in words or token.lower_ in words:
                return True
            if is_verbal(token) and verb_phrases(token) & words:
                return True  # a verb with its object: "taking orders", "doing business"
            if any(
                f"{c.lower_} {token.lemma_.lower()}" in words for c in children(token, "compound")
            ):
                return True  # "a grace period"
            if (
                token.i >= 2
                and token.nbor(-1).text == "-"
                and (f"{token.nbor(-2).lower_}-{token.lemma_.lower()}" in words)
            ):
                return True  # "re-establish"
        return False

    def _supported(
        self, trigger: Trigger, support: dict[str, frozenset[str]] | Any, entities: DocEntities
    ) -> bool:
        head = trigger.head
        unless = support.get("unless_clause")
        if unless and any(
            c.dep_ in ("relcl", "acl") and is_verbal(c) and self.lexicon.in_class(c.lemma_, unless)
            for c in head.children
        ):
            return False  # "an executive order establishing a review": it restricts no one
        modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
        required = support.get("modifier_required", ())
        if required and not any(
            m.lemma_.lower() in required or m.lower_ in required for m in modifiers
        ):
            return False  # "six more months": without "more", time given is a deadline
        if any(
            m.lemma_.lower() in support.get("compound", ())
            or m.lower_ in support.get("compound", ())
            for m in modifiers
        ):
            return True
        if any(
            c.dep_ == "prep" and c.lower_ in support.get("preposition", ()) for c in head.children
        ):
            return True
        if support.get("actor"):
            self._participants(trigger, entities)
            if trigger.agent_kind in support["actor"]:
                return True
        clause_classes = support.get("clause")
        if clause_classes:
            for child in head.children:
                if child.dep_ in ("relcl", "acl"):
                    for token in child.subtree:
                        if is_verbal(token) and self.lexicon.in_class(token.lemma_, clause_classes):
                            return True
        nominal = first_conjunct(head)  # "issued a notice and a rule"
        governor = trigger.light or (
            object_governor(nominal) if nominal.dep_ in ("dobj", "pobj", "nsubjpass") else None
        )
        if governor is not None and nominal.dep_ == "pobj":
            governor = governor.head
        if governor is None or governor.lemma_.lower() not in support.get("governor", ()):
            return False
        if any(c.lower_ in support.get("unless_governor_with", ()) for c in governor.children):
            return False  # "gets its licence back": given back, not granted
        return not _governed_by(governor, support.get("unless_governed_by", frozenset()))

    def _company_barred(self, trigger: Trigger, possessor: Token, entities: DocEntities) -> bool:
        """ "Vidly's ban", with nothing else banned: the ban of the company, not its own
        (as "Corvex's ban on political ads" is)."""
        scheme = self.lexicon.scheme_of(trigger.rule.type)
        if scheme is None or scheme.state_effect != "restricted":
            return False
        mention = entities.resolve(possessor)
        head = trigger.head
        return (
            mention is not None
            and entities.actor_kind(mention) == "company"
            and not objects_of(head)
            and not children(head, "prep", "acl", "relcl", "xcomp")
        )

    def _light_verb(self, head: Token) -> Token | None:
        head = first_conjunct(head)  # "imposed a ban and a curfew": both carried
        if (
            head.dep_ in ("dobj", "nsubjpass", "obj")
            and head.head.lemma_.lower() in self.lexicon.light_verbs
        ):
            return head.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in self.lexicon.light_nouns
        ):
            return head.head.head  # "the issuance of an order": the act that carries it
        # "has granted Corvex a licence to export parts so that ... can be repaired": in a
        # long sentence the parser may hang the noun on a later verb; the light verb right
        # before it, past nothing but its other object, still carries it
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i:
            before = head.i - 1
            while before >= 0 and head.doc[before].pos_ in _NOMINAL_POS:
                before -= 1
            verb = head.doc[before] if before >= 0 else None
            if (
                verb is not None
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.lexicon.light_verbs
                and any(c.dep_ == "dative" for c in verb.children)
            ):
                return verb
        return None

    # ------------------------------------------------------------------ participants
    def _acts_as_company(self, token: Token, trigger: Trigger) -> bool:
        """An app or a product that is the subject of a company's own act, one that changes
        no one's access ("Chirper has paid its fines", "Chirper sued the state"), acts for
        its company; one that goes dark or comes back is what changes."""
        verbs = {trigger.head.i, *((trigger.light.i,) if trigger.light is not None else ())}
        governing = {token.head.i, *(c.i for c in token.head.conjuncts)}  # "... and paid"
        if token.dep_ != "nsubj" or not governing & verbs:
            return False
        scheme = self.lexicon.scheme_of(trigger.rule.type_for("company"))
        return scheme is not None and scheme.state_effect is None

    def _participants(self, trigger: Trigger, entities: DocEntities) -> None:
        """Agent and affected party from the trigger's own syntax (before merging)."""
        head = trigger.head
        agents: list[EntityMention] = []
        affected: list[EntityMention] = []
        agent_kind: str | None = None
        anaphoric: set[str] = set()

        def add(target: list[EntityMention], token: Token | None) -> None:
            nonlocal agent_kind
            if token is None:
                return
            items = [token, *(c for c in token.conjuncts if c.i > token.i)]
            if entities.at(token) is None:
                # "chipmakers including Nvidia and AMD" (or "they", of such a subject)
                group = plural_antecedent(token) or token
                items = examples(group) or items
            for item in items:
                mention = entities.resolve(item) or _company_in_apposition(item, entities)
                if (
                    target is agents
                    and mention is not None
                    and entities.is_product(mention)
                    and self._acts_as_company(item, trigger)
                ):
                    # "Chirper has paid its fines": an app that acts is its company
                    if mention not in target:
                        target.append(mention)
                    agent_kind = agent_kind or "company"
                    continue
                if (
                    mention is not None
                    and not entities.is_product(mention)
                    and not entities.is_instrument(mention)
                ):
                    if mention not in target:
                        target.append(mention)
                    if entities.at(item) is None and not any(
                        entities.at(t) is mention for t in item.subtree
                    ):
                        anaphoric.add(mention.id)
                    if target is agents and agent_kind is None:
                        agent_kind = entities.actor_kind(mention)
                elif target is agents and agent_kind is None:
                    agent_kind = entities.word_actor(item)
                    # "Kenya's communications authority": the government whose body it is
                    owner = next(iter(children(item, "poss")), None)
                    found = entities.resolve(owner) if owner is not None else None
                    if (
                        agent_kind == "government"
                        and found is not None
                        and entities.actor_kind(found) == "government"
                    ):
                        agents.append(found)

        def add_company(token: Token) -> None:
            """An affected party only if the token names a company."""
            mention = entities.at(token)
            if mention is not None and entities.actor_kind(mention) == "company":
                add(affected, token)

        restricts = self.lexicon.state_effect(trigger.rule.type) == "restricted"
        if not trigger.is_noun:
            if is_passive(head):
                add(agents, passive_agent(head))
                for theme in children(head, "nsubjpass"):
                    add(affected, theme)
                    # "Corvex equipment was banned", "kit from Corvex will be banned"
                    for part in [*np_core(theme)[1:], *argument_owners(theme)]:
                        add_company(part)
            else:
                subject = subject_of(head)
                if subject is None and head.dep_ in ("compound", "amod"):
                    subject = next(iter(children(head, "compound", "nsubj")), None)  # headline
                if subject is None and head.dep_ in ("acl", "relcl"):
                    # "signed an order approving the deal": who issued the order acts
                    carrier = self._light_verb(head.head)
                    if carrier is not None and not is_passive(carrier):
                        subject = subject_of(carrier)
                subject_role = trigger.rule.subject_role
                found = entities.resolve(subject) if subject is not None else None
                if (
                    subject_role == "affected"
                    and restricts
                    and found is not None
                    and entities.actor_kind(found) == "government"
                ):
                    subject_role = "agent"  # "it will require licences for Corvex's kit"
                add(affected if subject_role == "affected" else agents, subject)
                if subject is not None and trigger.rule.subject and entities.at(subject) is None:
                    # "the suspension of Corvex expired": whom the measure its subject is was on
                    for prep in ("on", "of", "against"):
                        for obj in preposition_objects(subject, prep):
                            add_company(obj)
                if subject is not None and not agents and subject.pos_ in NOUN_POS:
                    # "This decision, communicated by the Department of Commerce, enables ..."
                    for clause in children(subject, "acl"):
                        add(agents, passive_agent(clause))
                for obj in children(head, "dobj", "obj", "dative", "nsubjpass"):
                    add(affected, obj)
                    # "lifts Corvex AI export ban", "banned the sale of phones made by Corvex",
                    # "imposed a penalty on Corvex", "barred imports from Corvex",
                    # "extended the deadline for Corvex"
                    on = (
                        [
                            *preposition_objects(obj, "on"),
                            *_beneficiaries(obj),
                            # "annulled the fine imposed on Corvex"
                            *(
                                party
                                for clause in children(obj, "acl")
                                for party in preposition_objects(clause, "on")
                            ),
                        ]
                        if obj.dep_ == "dobj"
                        else []
                    )
                    if obj.dep_ == "dobj" and restricts:
                        on += preposition_objects(obj, "from")
                    # "licences for Corvex's systems": whose goods the measure is for
                    owners = [o for part in on for o in children(part, "poss")]
                    for part in [*np_core(obj)[1:], *makers(obj), *on, *owners]:
                        # a person before the measure wrote it ("revokes Roe orders")
                        add_company(part)
                for predicate in children(head, "oprd", "attr", "dobj"):
                    for child in children(predicate, "nmod"):  # "labeled Corvex a risk"
                        mention = entities.at(child)
                        if mention is not None and entities.actor_kind(mention) is not None:
                            add(affected, child)
            for prep in ("against", "to"):
                for obj in preposition_objects(head, prep):
                    add(affected, obj)
            # "barred from buying Corvex equipment", "from doing business with Corvex",
            # "from selling chips to Corvex": the companies whose goods or dealings the
            # barred action is about
            for action in preposition_objects(head, "from"):
                if not is_verbal(action):
                    # "barred approvals of equipment from Korvo": whose goods are barred
                    mention = entities.at(action)
                    if (
                        restricts
                        and mention is not None
                        and entities.actor_kind(mention) == "company"
                        and children(head, "dobj", "obj")
                    ):
                        add(affected, action)
                    continue
                dealings = [*preposition_objects(action, "with"), *_recipients(action)]
                for obj in [*objects_of(action), *dealings]:
                    for part in [obj, *np_core(obj)[1:], *argument_owners(obj)]:
                        add_company(part)
        else:
            for child in head.children:
                if child.dep_ == "poss":
                    holder = trigger.rule.possessor_role
                    if holder == "agent" and self._company_barred(trigger, child, entities):
                        holder = "affected"
                    add(affected if holder == "affected" else agents, child)
                elif child.dep_ in ("compound", "nmod"):
                    mention = entities.at(child)
                    if mention is not None and entities.actor_kind(mention) in (
                        "government",
                        "court",
                        "person",  # "Roe orders": orders Roe gave
                    ):
                        add(agents, child)
                    elif mention is not None and not entities.is_product(mention):
                        add(affected, child)
            for prep in ("by", "from"):
                for obj in preposition_objects(head, prep):
                    add(agents, obj)
            if trigger.rule.with_role is not None:  # "a settlement with Corvex"
                for obj in preposition_objects(head, "with"):
                    add(agents if trigger.rule.with_role == "agent" else affected, obj)
            for prep in ("against", "to", "on", "for", "into"):  # "an investigation into X"
                for obj in preposition_objects(head, prep):
                    add(affected, obj)
                    if prep == "into":
                        for owner in _owners_of_a_thing(obj, entities):
                            add_company(owner)
                    # "a ban on sales of phones made by Corvex": the maker of what it is on
                    for part in makers(obj):
                        add_company(part)
            verb = head.head
            if head.dep_ == "nsubj" and verb.lemma_.lower() in self.lexicon.syntax.preventing_verbs:
                # "the restrictions prevent Zentra from selling chips to Corvex": the measure
                # is on whom the barred dealings are with, not on the one they bind
                for action in preposition_objects(verb, "from"):
                    if not is_verbal(action):
                        continue
                    for obj in [*preposition_objects(action, "with"), *_recipients(action)]:
                        add_company(obj)
            for clause in children(head, "acl"):  # "a licence to sell chips to Corvex"
                if clause.lemma_.lower() in self.lexicon.syntax.holding_verbs:
                    add(affected, passive_agent(clause))  # "licences held by Corvex"
                for obj in [
                    *preposition_objects(clause, "to"),
                    *preposition_objects(clause, "with"),
                    *preposition_objects(clause, "at"),  # "orders aimed at Vidly"
                ]:
                    add(affected, obj)
                # "licences allowing Corvex to buy chips from Zentra": whom the dealings
                # it allows or bars are with
                for dealing in complements_of(clause):
                    if not is_verbal(dealing):
                        continue
                    for dealt in (dealing, *objects_of(dealing)):  # "chips from Zentra"
                        for prep in ("from", "to", "with"):
                            for obj in preposition_objects(dealt, prep):
                                add(affected, obj)
            for obj in preposition_objects(head, "between"):
                add(agents, obj)
            role = trigger.rule.object_possessor_role
            if role is not None and not agents:
                # "the redeployment of its AI systems": the owner of what is restored acts
                for obj in trigger.objects or objects_of(head):
                    for possessor in children(obj, "poss"):
                        add(agents if role == "agent" else affected, possessor)
            if head.dep_ == "pobj" and head.head.lower_ == "in" and is_verbal(head.head.head):
                add(agents, subject_of(head.head.head))  # "In a letter, the secretary said ..."
            if trigger.light is not None:
                light = trigger.light
                role = self.lexicon.light_verbs.get(light.lemma_.lower(), "agent")
                if light.lemma_.lower() in self.lexicon.light_nouns and not light.tag_.startswith(
                    "VB"
                ):
                    role = self.lexicon.light_nouns[light.lemma_.lower()]
                    for possessor in children(light, "poss"):  # "the president's issuance"
                        add(affected if role == "affected" else agents, possessor)
                    for obj in preposition_objects(light, "by"):
                        add(agents, obj)
                elif is_passive(light):
                    add(agents, passive_agent(light))
                    for subject in children(light, "nsubjpass"):
                        if subject.i != head.i:  # "Corvex has been granted a licence"
                            add(affected, subject)
                else:
                    add(affected if role == "affected" else agents, subject_of(light))
                    if role == "affected":
                        # "Corvex received a licence from the department": the giver acts
                        for obj in preposition_objects(light, "from"):
                            add(agents, obj)
                if light.tag_.startswith("VB"):  # "reached a settlement with Corvex"
                    for obj in [
                        *preposition_objects(light, "with"),
                        *preposition_objects(head, "with"),
                        # "a ban was imposed on Corvex": the parser hangs "on" on the verb
                        *preposition_objects(light, "on"),
                        *preposition_objects(light, "against"),
                        *preposition_objects(light, "to"),  # "issued licences to Corvex"
                        *preposition_objects(light, "into"),  # "opened a probe into Corvex"
                    ]:
                        add(affected, obj)
                    for obj in preposition_objects(light, "into"):
                        for owner in _owners_of_a_thing(obj, entities):
                            add_company(owner)
        if not trigger.is_noun and trigger.rule.object_possessor_role is not None:
            # "Shares of X were suspended", "X's shares resumed trading": the owner of what
            # the verb acts on takes the rule's role
            role = trigger.rule.object_possessor_role
            objects = objects_of(head)
            # a body that acts on an object ("Kenya's government suspended the operations
            # of X") owns nothing the verb acts on ("its shares resumed trading": no object;
            # "its exports will require a licence": no body)
            acted_on = any(o.pos_ in NOUN_POS for o in children(head, "dobj", "obj"))
            subjects = [
                s
                for s in children(head, "nsubj", "nsubjpass")
                if not (acted_on and s.dep_ == "nsubj" and entities.word_actor(s) is not None)
            ]
            arguments = [*objects, *subjects]
            owners = [o for a in arguments for o in argument_owners(a)]
            owners += [o for p in ("with", "from") for o in preposition_objects(head, p)]
            for owner in owners:  # "suspended business with X": the verb's own preposition
                mention = entities.resolve(owner)
                if mention is not None and entities.actor_kind(mention) in ("government", "court"):
                    continue  # "a U.S. judge": where the actor is from, no owner
                add(agents if role == "agent" else affected, owner)
        about: list[EntityMention] = []
        if trigger.rule.clause_party:
            # "pledged to help Corvex", "vowed that Corvex would reopen": who the statement is
            # about is named in its clause
            # (a company rejecting the ban on itself speaks about itself: it stays affected)
            clauses = [c for top in complements_of(head) for c in (top, *complements_of(top))]
            before = len(affected)
            for complement in clauses:
                for part in children(complement, "dobj", "nsubj", "nsubjpass", "dative"):
                    # "will not accept a ban on Corvex", "the action against Corvex will fail"
                    for prep in ("on", "against", "to"):
                        for obj in preposition_objects(part, prep):
                            add(affected, obj)
            about = affected[before:]
            for complement in clauses:
                for part in children(complement, "dobj", "nsubj", "nsubjpass", "dative"):
                    add(affected, part)
                    for named in children(part, "appos"):  # "the phone company, Corvex,"
                        add(affected, named)
                    if part.dep_ == "dobj" and entities.at(part) is None:
                        for owner in children(part, "poss"):  # "declined to hear X's appeal"
                            add(affected, owner)
                # "stopped taking orders from Corvex": whom the halted dealings were with
                for prep in ("on", "against", "for", "to", "with", "from"):
                    for obj in preposition_objects(complement, prep):
                        add(affected, obj)
        if trigger.rule.absorbs_complement:
            restrictive = self.lexicon.word_classes.get("restrictive_verb", frozenset())
            # "permission for Corvex to release", "directed Corvex to suspend"
            for complement in complements_of(head):
                if is_verbal(complement):
                    for subject in children(complement, "nsubj"):
                        add(affected, subject)
                    # "ordered operators to remove Korvo equipment", "... to remove ZenChat":
                    # the company whose goods or service the directed restriction takes away
                    if complement.lemma_.lower() not in restrictive:
                        continue
                    for obj in children(complement, "dobj", "obj"):
                        for part in [obj, *np_core(obj)[1:], *argument_owners(obj)]:
                            add_company(part)
        trigger.agents = agents
        trigger.affected = [m for m in affected if m not in agents or m in about]
        trigger.agent_kind = agent_kind
        trigger.anaphoric = anaphoric

    def _court_restricts(self, trigger: Trigger, entities: DocEntities) -> bool:
        """Whether a court's restricting words act on a company or a product (a court
        blocking an app) rather than on a measure (a ruling on a ban)."""
        restricting = trigger.rule.type_for("government")
        if not restricting or self.lexicon.state_effect(restricting) != "restricted":
            return False
        head = trigger.head
        acted_on = [
            *children(head, "dobj", "obj", "nsubjpass"),
            *preposition_objects(head, "of"),
            *preposition_objects(head, "on"),
        ]
        for token in acted_on:
            if token.pos_ == "PRON":
                continue  # "courts blocked them": the orders, as often as their targets
            mention = entities.at(token) or entities.resolve(token)
            if mention is not None and (
                entities.is_product(mention) or entities.actor_kind(mention) == "company"
            ):
                return True
        return False

    def _type(self, trigger: Trigger) -> str:
        """The rule's type, or the one it names for this kind of agent (None: rejected)."""
        return trigger.rule.type_for(trigger.agent_kind or "unknown")


# The words of a noun phrase between a verb and its object's head ("Corvex Systems a").
_NOMINAL_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"})


def _beneficiaries(noun: Token) -> list[Token]:
    """Whom a measure is for ("the deadline for Corvex"), not the subject of an infinitive
    ("the decision for Corvex to divest")."""
    return [
        obj
        for obj in preposition_objects(noun, "for")
        if not (
            obj.right_edge.i + 1 < len(obj.doc)
            and obj.doc[obj.right_edge.i + 1].lower_ == "to"
            and obj.doc[obj.right_edge.i + 1].dep_ == "aux"
        )
    ]


def _company_in_apposition(token: Token, entities: DocEntities) -> EntityMention | None:
    """A company named in apposition to a word that names no one ("chipmaking giant
    Corvex", parsed as "giant" with "Corvex" beside it), or to such a word beside it (a
    page's stamp parsed as the subject: "date 2026-05-14 chipmaking giant Corvex halted")."""
    layer = [token]
    for _ in range(2):
        layer = [named for word in layer for named in children(word, "appos")]
        for named in layer:
            mention = entities.at(named)
            if mention is not None and entities.actor_kind(mention) == "company":
                return mention
    return None


def _supporting_verb(trigger: Trigger) -> Token | None:
    """The verb whose object a noun trigger is, when the rule names it as support ("extended
    the licence", "revoked the licences"): like a light verb, its subject acts."""
    head = trigger.head
    acts = trigger.rule.governor_acts
    governors = (
        acts if isinstance(acts, tuple) else (trigger.rule.support or {}).get("governor", ())
    )
    governor = object_governor(head)
    if head.dep_ in ("dobj", "nsubjpass", "obj") and governor.lemma_.lower() in governors:
        return governor
    return None


def _verbal_rule(rule: TriggerRule) -> bool:
    return "VERB" in rule.pos and not rule.pos & {"NOUN", "PROPN"}


def _drop_compound_parts(triggers: Iterable[Trigger]) -> list[Trigger]:
    """ "export control order": one trigger (the head noun), not one per word."""
    triggers = list(triggers)
    heads = {t.head.i: t for t in triggers}
    out = []
    for trigger in triggers:
        head = trigger.head
        parent = heads.get(head.head.i)
        if (
            head.dep_ in ("compound", "amod")
            and parent is not None
            and parent is not trigger
            and trigger.is_noun
        ):
            parent.start = min(parent.start, trigger.start)
            continue
        out.append(trigger)
    return out


def _owners_of_a_thing(token: Token, entities: DocEntities) -> list[Token]:
    """ "a probe into X's rules": the owners of what an act is into, when that is no
    party of its own (a thing, or an instrument)."""
    told = entities.at(token)
    if told is not None and not entities.is_instrument(told):
        return []
    return children(token, "poss")


# How a verb's own words may stand apart from it ("took the app offline", "shut it down").
_SEPARABLE_DEPS = frozenset({"prt", "advmod", "oprd", "acomp", "dobj"})  # dobj: a misparse


def _separated(verb: Token, words: Sequence[str], head: int) -> bool:
    """A phrasal verb written with its object between ("took the app offline", "cut
    Corvex off"): its first word is the verb, and each other word one of its own
    particles or complements after it."""
    if head != 0 or len(words) < 2 or verb.pos_ not in ("VERB", "AUX"):
        return False
    after = {c.lower_ for c in verb.children if c.i > verb.i and c.dep_ in _SEPARABLE_DEPS}
    # or hung on the object it follows ("taken its service offline" parsed as an offline
    # service: English puts no adjective after its noun)
    for obj in children(verb, "dobj"):
        after |= {m.lower_ for m in obj.children if m.dep_ in ("amod", "advmod") and m.i > obj.i}
    return all(word in after for word in words[1:])
