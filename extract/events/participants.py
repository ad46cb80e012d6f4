"""Participants of an event: who acts, who is affected, which models, by which instrument.

Reads: the document's entity mentions (``doc._.entities`` and ``doc.spans["entities"]``),
the parse, and the anaphors and actor words of the lexicons. Adds: ``DocEntities``, the
per-document index the event layer asks "which entity is at this token, what kind of actor
is it", with pronoun and definite-description resolution ("it", "the company").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from extract.entities.candidates import HYPHENS
from extract.entities.lexicon import EntityLexicon
from extract.events.lexicon import EventLexicon
from extract.events.syntax import (
    ARTICLE_BELOW,
    NOUN_POS,
    children,
    governing_subjects,
    np_core,
    preposition_objects,
)
from extract.records import TITLE_ALONE, EntityMention, TextSpan


@dataclass
class DocEntities:
    """Entity mentions of one document, indexed by token."""

    doc: Doc
    mentions: Sequence[EntityMention]
    entity_lexicon: EntityLexicon
    event_lexicon: EventLexicon
    token_mention: dict[int, int] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)  # token start of each mention
    anaphor_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a headline read on its own: the mentions of the article below it, whom a description
    # in it ("Kenyan regulator fines Corvex") may name
    below: Sequence[EntityMention] = ()
    # "the President" where the document names no one with that title: a mention of the
    # title alone (source "title"), whom the corpus names (kg.reconcile.entities)
    titles_alone: list[EntityMention] = field(default_factory=list)
    allow_titles_alone: bool = False

    @classmethod
    def build(
        cls, doc: Doc, entity_lexicon: EntityLexicon, event_lexicon: EventLexicon
    ) -> DocEntities:
        mentions: Sequence[EntityMention] = (
            doc._.entities if Doc.has_extension("entities") and doc._.entities else []
        )
        index = cls(doc, list(mentions), entity_lexicon, event_lexicon)
        index.below = doc.user_data.get(ARTICLE_BELOW, ())
        spans = doc.spans.get("entities", [])
        # a document the entity component ran on (not a headline parsed again, whose
        # offsets are its own): the mentions of a title alone can join its entities
        index.allow_titles_alone = bool(spans)
        for number, span in enumerate(spans):
            index.starts.append(span.start)
            for token in span:
                index.token_mention[token.i] = number
        if not spans:  # entities without spans (a test double): align by characters
            for number, mention in enumerate(mentions):
                char_span = doc.char_span(
                    mention.span.start, mention.span.end, alignment_mode="expand"
                )
                if char_span is None:
                    continue
                index.starts.append(char_span.start)
                for token in char_span:
                    index.token_mention[token.i] = number
        for anaphor in entity_lexicon.anaphors:
            for words in anaphor.words:
                index.anaphor_types[words] = anaphor.types
        return index

    # ------------------------------------------------------------------ look-ups
    def at(self, token: Token) -> EntityMention | None:
        number = self.token_mention.get(token.i)
        return self.mentions[number] if number is not None else None

    def in_tokens(self, tokens: Iterable[Token]) -> list[EntityMention]:
        seen: list[int] = []
        for token in tokens:
            number = self.token_mention.get(token.i)
            if number is not None and number not in seen:
                seen.append(number)
        return [self.mentions[n] for n in seen]

    def start_of(self, mention: EntityMention) -> int:
        return self.starts[self.mentions.index(mention)]

    def by_name(self, name: str) -> EntityMention | None:
        for mention in self.mentions:
            if mention.name == name:
                return mention
        return None

    def actor_kind(self, mention: EntityMention) -> str | None:
        kind = self.entity_lexicon.actor(mention.type)
        if kind == "person" and mention.affiliation:
            body = self.by_name(mention.affiliation)
            if body is not None:
                return self.entity_lexicon.actor(body.type) or "person"
            for entry in self.entity_lexicon.entries:
                if entry.name == mention.affiliation:
                    return self.entity_lexicon.actor(entry.type) or "person"
        if kind == "person" and mention.role:
            # "Judge Jane Roe", "U.S. District Judge John Doe": the title says whose act it is
            words = self.event_lexicon.actor_words
            titled = words.get(mention.role.split()[-1].lower())
            if titled is not None:
                return titled
        return kind

    def is_product(self, mention: EntityMention) -> bool:
        """A model, product or app: what an event concerns (its models)."""
        return self.entity_lexicon.is_product(mention.type)

    def is_instrument(self, mention: EntityMention) -> bool:
        """An order, letter, rule or list: what an event acts by."""
        return self.entity_lexicon.is_instrument(mention.type)

    def word_actor(self, token: Token) -> str | None:
        """Actor kind of a common noun ("the government", "the court", "the company")."""
        return self.event_lexicon.actor_words.get(
            token.lemma_.lower()
        ) or self.event_lexicon.actor_words.get(token.lower_)

    # ------------------------------------------------------------------ resolution
    def resolve(self, token: Token) -> EntityMention | None:
        """The entity a noun phrase head names, resolving pronouns and "the company"."""
        direct = self.at(token)
        if direct is not None:
            return direct
        if token.pos_ in NOUN_POS:
            # "the U.S. government": a name inside the noun phrase's own modifiers
            core = [
                t for t in np_core(token) if t.dep_ in ("compound", "nmod") and t.head.i == token.i
            ]
            kind = self.word_actor(token)
            if kind == "government":  # "the government of Kenya"
                core += preposition_objects(token, "of")
            inner = [
                m
                for m in self.in_tokens(core)
                if not self.is_product(m) and self.actor_kind(m) == kind
            ]
            if inner and kind is not None:
                return inner[0]  # the same kind of actor: "a U.S. judge" is no government
            if kind is None and token.lemma_.lower() in self.event_lexicon.syntax.member_nouns:
                # "twelve Corvex executives", "Corvex's subsidiaries", "executives of Corvex"
                members = core + list(children(token, "poss")) + preposition_objects(token, "of")
                body = [m for m in self.in_tokens(members) if not self.is_product(m)]
                if body:
                    return body[0]
            if token.lemma_.lower() in self.event_lexicon.syntax.collective_nouns:
                # "a group of Vidly users calling themselves the Vidly Alliance": the
                # group's name, else the one body its phrase names
                named = [m for m in self.in_tokens(token.subtree) if not self.is_product(m)]
                if named:
                    return named[-1]
        titled = self._title_holder(token)
        if titled is not None:
            return titled
        phrase = self._phrase(token)
        types = self.anaphor_types.get(phrase)
        if types is None:
            return None
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if _expletive(token):
                return None
            return self._antecedent(token, types)
        return self._described(token, types)

    def _title_holder(self, token: Token) -> EntityMention | None:
        """ "the president", "the Commerce Secretary": the person named before with that
        title (roles.yaml titles; "the president" is no vice president), the one named
        most of them (an article about one president that quotes another), the nearest
        of those."""
        if token.pos_ not in NOUN_POS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            return None
        titles = {t.lower() for t in self.entity_lexicon.titles}
        word = token.lower_
        if word not in titles:
            return None
        words = {c.lower_ for c in token.children if c.dep_ == "compound"} | {word}
        holders: list[EntityMention] = []
        for number, mention in enumerate(self.mentions):
            start = self.starts[number] if number < len(self.starts) else -1
            if not 0 <= start < token.i or mention.type != "person" or not mention.role:
                continue
            role = mention.role.lower().split()
            if role[-1] == word and _title_of(role, titles) <= words <= set(role):
                holders.append(mention)
        if not holders:
            return self._title_alone(token, words)
        names = {m.name for m in holders}
        named = Counter(
            m.name
            for number, m in enumerate(self.mentions)
            if m.name in names and number < len(self.starts) and self.starts[number] < token.i
        )
        most = max(named.values())
        return next(m for m in reversed(holders) if named[m.name] == most)

    def _title_alone(self, token: Token, words: set[str]) -> EntityMention | None:
        """ "the President issued an order" in a text that names no president: a person
        known by the title alone, when nothing narrows it to another body ("the president
        of Corvex", "its chairman")."""
        if not self.allow_titles_alone or any(
            c.dep_ in ("prep", "poss") and c.lower_ != "'s" for c in token.children
        ):
            return None
        title = " ".join(t.text for t in token.lefts if t.dep_ == "compound" and t.lower_ in words)
        title = f"{title} {token.text}".strip()
        title = " ".join(w[:1].upper() + w[1:] for w in title.split())
        mention = EntityMention(
            f"title{token.idx}",
            TextSpan(token.idx, token.idx + len(token.text), token.text),
            "person",
            title,
            TITLE_ALONE,
            role=title,
        )
        self.titles_alone.append(mention)
        self.mentions = [*self.mentions, mention]
        self.starts.append(token.i)
        self.token_mention[token.i] = len(self.mentions) - 1
        return mention

    def _described(self, token: Token, types: Sequence[str]) -> EntityMention | None:
        """ "the administration": a mention of the first type named that has one, never
        the subject of the description's own clause ("Corvex cut its ties with the
        chipmaker": the chipmaker is another company): a subject near it, else the one the
        text has named most so far."""
        own_subjects = {s.i for s in _clause_subjects(token)}
        # the subject of a clause of this sentence or the one before ("While Corvex is a
        # Chinese firm, it relies on suppliers such as Zentra ..., which has shut down the
        # company"), before any nearer name
        for wanted in types:
            found, _ = self._recent(token, (wanted,), own_subjects)
            if found is not None:
                return found
        # else the one the text has named most so far (what the article is about), the
        # nearer of two named as often
        for wanted in types:
            named: dict[str | None, list[tuple[int, EntityMention]]] = {}
            for number, mention in enumerate(self.mentions):
                start = self.starts[number] if number < len(self.starts) else -1
                if 0 <= start < token.i and start not in own_subjects and mention.type == wanted:
                    named.setdefault(mention.name, []).append((start, mention))
            if named:
                told = max(named.values(), key=lambda m: (len(m), max(s for s, _ in m)))
                return max(told, key=lambda m: m[0])[1]
        # else, as a headline or a lead does ("Portugal's privacy regulator orders ..."
        # before "the CNPD said"), the one body of that type the text names after it
        for wanted in types:
            later = {
                m.name: m
                for number, m in enumerate(self.mentions)
                if number < len(self.starts) and self.starts[number] > token.i
                if m.type == wanted
            }
            if later:
                return next(iter(later.values())) if len(later) == 1 else None
        # a headline's description: the body of that type its article names most
        for wanted in types:
            ranked = Counter(m.name for m in self.below if m.type == wanted).most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                return next(m for m in self.below if m.name == ranked[0][0])
        return None

    def token_mention_start(self, mention: EntityMention) -> int:
        return self.start_of(mention)

    def _phrase(self, token: Token) -> str:
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            return token.lower_
        dets = [
            c
            for c in token.children
            if c.dep_ in ("det", "poss", "amod", "compound") and c.i < token.i
        ]
        words = " ".join(t.lower_ for t in sorted([*dets, token], key=lambda t: t.i))
        return words if words in self.anaphor_types else f"the {token.lower_}"

    def _antecedent(self, token: Token, types: Sequence[str]) -> EntityMention | None:
        owner = self._owner_of_the_phrase(token, types)
        if owner is not None:
            return owner
        # 0. whom a governing verb of informing tells ("informed Corvex that its exports")
        syntax = self.event_lexicon.syntax
        clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        verb = clause.head if clause is not None and clause.dep_ in ("ccomp", "xcomp") else None
        told_party = token.lower_ == "its" or (
            token.lower_ == "it"
            and token.dep_ == "nsubj"
            and clause is not None
            and clause.lemma_.lower() in syntax.undergoing_verbs
        )
        if told_party and verb is not None and verb.lemma_.lower() in syntax.informing_verbs:
            for told in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
                mention = self.resolve(told) if told.i < token.i else None
                if mention is not None and mention.type in types:
                    return mention
        # 1. the subject of a clause that governs this one ("OpenAI confirmed it had ...")
        for subject in governing_subjects(token):
            mention = self.at(subject)
            if mention is None and subject.pos_ in NOUN_POS:
                # "the department had followed the law when it issued the ban": the body
                # the governing clause's description names
                mention = self._described_subject(subject)
            if mention is not None and mention.type in types:
                return mention
        # 2. the nearest preceding subject of that type in this or the previous sentence,
        # 3. else the nearest preceding mention of that type there.
        found, nearest = self._recent(token, types)
        return found or nearest

    def _owner_of_the_phrase(self, token: Token, types: Sequence[str]) -> EntityMention | None:
        """ "Corvex's challenge to its designation", "Corvex's appeal against their
        listing": a possessive pronoun inside a phrase another name owns is that owner's."""
        if token.tag_ != "PRP$":
            return None
        noun = token.head
        for _ in range(3):  # the pronoun's noun, then the nouns its phrase hangs on
            prep = noun.head
            if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in NOUN_POS:
                return None
            noun = prep.head
            for owner in children(noun, "poss"):
                mention = self.at(owner)
                if mention is not None and mention.type in types:
                    return mention
        return None

    def _described_subject(self, subject: Token) -> EntityMention | None:
        """The entity a definite description that is a clause's subject names ("the
        department"), when the lexicon knows the description."""
        types = self.anaphor_types.get(self._phrase(subject))
        return None if types is None else self._described(subject, types)

    def _recent(
        self, token: Token, types: Sequence[str], skip: Collection[int] = ()
    ) -> tuple[EntityMention | None, EntityMention | None]:
        """Of the mentions of ``types`` before ``token`` in its sentence or the one before
        (none starting at ``skip``): the nearest that is a subject, and the nearest."""
        sentence_start = token.sent.start
        previous = self.doc[sentence_start - 1].sent.start if sentence_start > 0 else sentence_start
        nearest: EntityMention | None = None
        for number in range(len(self.mentions) - 1, -1, -1):
            start = self.starts[number] if number < len(self.starts) else -1
            if start >= token.i or start < previous or start in skip:
                continue
            mention = self.mentions[number]
            if mention.type not in types or self._hyphenated_modifier(start, mention):
                continue
            head = self.doc[start]
            if head.dep_ in ("nsubj", "nsubjpass") or head.head.dep_ in ("nsubj", "nsubjpass"):
                return mention, nearest or mention
            if nearest is None:
                nearest = mention
        return None, nearest

    def _hyphenated_modifier(self, start: int, mention: EntityMention) -> bool:
        """ "The Singapore-owned app", "a US-based firm": a name inside a word that
        describes another is no party a pronoun may stand for."""
        last = start
        while last + 1 < len(self.doc) and self.doc[last + 1].idx < mention.span.end:
            last += 1
        if last + 2 >= len(self.doc) or self.doc[last + 1].text not in ("-", *HYPHENS):
            return False
        return self.doc[last].head.i == last + 2

    def models_in(self, tokens: Iterable[Token]) -> list[EntityMention]:
        return [m for m in self.in_tokens(tokens) if self.is_product(m)]

    def owner_of(self, model: EntityMention) -> EntityMention | None:
        """The company a model belongs to: its possessor in the text (here, else where the
        text names it again: "clears Corvex to resume K20 sales" under "its K20 chips"), or
        its family's owner."""
        owner = self._possessor(self.start_of(model))
        if owner is not None:
            return owner
        for number, other in enumerate(self.mentions):
            if other.name == model.name and other is not model and number < len(self.starts):
                owner = self._possessor(self.starts[number])
                if owner is not None:
                    return owner
        family = self.entity_lexicon.family_of(model.name.split()[0]) if model.name else None
        if family is not None and family.owner:
            return self.by_name(family.owner)
        return None

    def _possessor(self, start: int) -> EntityMention | None:
        """The company that possesses the noun phrase a mention starting at ``start`` heads
        ("its K20 chips", "Corvex's phones")."""
        if start < 0:
            return None
        token = self.doc[start]
        for candidate in (token, *token.ancestors):
            for child in candidate.children:
                if child.dep_ == "poss":
                    owner = self.resolve(child)
                    if owner is not None and self.actor_kind(owner) == "company":
                        return owner
            if candidate.pos_ not in NOUN_POS:
                break
        return None


def _clause_subjects(token: Token) -> list[Token]:
    """The subject of the verb whose clause holds a noun phrase (through the prepositions
    and objects between them), and the names inside that subject ("Corvex's unit")."""
    verb = token
    while verb.dep_ != "ROOT" and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == token.i:
        return []
    return [
        t
        for child in verb.children
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i
        for t in child.subtree
    ]


def _expletive(pronoun: Token) -> bool:
    """ "it was in the interest of security to ban Vidly", "it is time to lift the ban":
    an "it" whose clause's real subject is the infinitive after it names no one."""
    verb = pronoun.head
    return (
        pronoun.lower_ == "it"
        and pronoun.dep_ in ("nsubj", "expl")
        and (pronoun.dep_ == "expl" or verb.lemma_ == "be")
        and any(
            c.dep_ in ("xcomp", "ccomp", "csubj")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )


def _title_of(role: list[str], titles: set[str]) -> set[str]:
    """The words of the longest known title a role ends with ("US President": president;
    "Vice President": vice president)."""
    for i in range(len(role)):
        if " ".join(role[i:]) in titles:
            return set(role[i:])
    return set(role[-1:])
