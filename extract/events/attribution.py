"""Attribution: who says an event happened, and through which document.

Reads: the attribution cues of extract/data/attribution.yaml, the parse and the entities.
Adds: ``Cue`` items per sentence -- "according to X" phrases (they cover the whole sentence)
and reporting verbs ("Reuters reported that ...", "Corvex confirmed the restoration";
they cover their complement) -- and ``attribution_for`` to pick the innermost cue that
covers a trigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from extract.events.lexicon import AttributionCues
from extract.events.participants import DocEntities
from extract.events.syntax import (
    children,
    is_verbal,
    np_core,
    preposition_objects,
    subject_of,
    with_lemmas,
)
from extract.records import Attribution, EntityMention, TextSpan

_GENERIC_SUBJECTS = frozenset({"you", "we", "i", "one", "people", "some", "many", "experts"})


@dataclass(frozen=True)
class Cue:
    start: int  # token span of the cue
    end: int
    source: EntityMention | None
    instrument: str | None
    instrument_token: Token | None
    covers: frozenset[int]  # tokens whose events it attributes
    depth: int  # smaller = closer to the events it covers

    def record(self, text: str, doc: Doc) -> Attribution:
        span = doc[self.start : self.end]
        start, end = span.start_char, span.end_char
        return Attribution(
            cue=TextSpan(start, end, text[start:end]),
            source=self.source.id if self.source else None,
            instrument=self.instrument,
        )


class AttributionFinder:
    def __init__(self, vocab: Vocab, cues: AttributionCues, make_doc: object) -> None:
        self.cues = cues
        self.according = PhraseMatcher(vocab, attr="LOWER")
        maker = make_doc  # nlp.make_doc
        self.according.add("according", [maker(p) for p in cues.according_to])  # type: ignore[operator]

    def find(self, doc: Doc, entities: DocEntities) -> list[Cue]:
        cues: list[Cue] = []
        for _match_id, start, end in self.according(doc):
            last = doc[end - 1]
            objects = (
                children(last, "pobj") or [t for t in doc[end : end + 6] if t.head.i < end][:1]
            )
            if not objects:
                continue
            obj = objects[0]
            sentence = doc[start].sent
            phrase_end = max(t.i for t in obj.subtree) + 1
            source, instrument, instrument_token = self._source(obj, entities)
            covers = frozenset(range(sentence.start, sentence.end)) - frozenset(
                range(start, phrase_end)
            )
            cues.append(Cue(start, phrase_end, source, instrument, instrument_token, covers, -1))
        for token in with_lemmas(doc, self.cues.reporting_verbs):
            if not is_verbal(token) or token.lemma_.lower() not in self.cues.reporting_verbs:
                continue
            subject = subject_of(token)
            if subject is not None and subject.lower_ in _GENERIC_SUBJECTS:
                continue  # "you could argue that ...": nobody's report
            source = entities.resolve(subject) if subject is not None else None
            if source is None and subject is not None:  # "ChatGPT owner OpenAI confirmed"
                source = next(
                    (
                        m
                        for t in np_core(subject) + children(subject, "appos")
                        if (m := entities.at(t)) is not None and entities.actor_kind(m) is not None
                    ),
                    None,
                )
            if source is None:
                copula = self._copula_subject(token)  # "Axios was the first to report"
                if copula is not None:
                    subject, source = copula, entities.resolve(copula)
            if source is None and (
                subject is None or subject.lemma_.lower() not in self.cues.source_nouns
            ):
                continue  # "the decision indicates ...": no one is reporting
            instrument = None
            instrument_token = None
            for obj in preposition_objects(token, "in") + preposition_objects(token, "via"):
                kind = self.cues.instruments.get(obj.lemma_.lower())
                if kind is not None:
                    instrument, instrument_token = kind, obj
                    if obj.lemma_.lower() == "post" and any(
                        c.lower_ == "blog" for c in obj.children
                    ):
                        instrument = "blog post"
            covered: set[int] = set()
            for child in token.children:
                if child.dep_ in ("ccomp", "xcomp", "dobj", "obj", "advcl", "conj") and (
                    subject is None or child.i != subject.i
                ):
                    if (
                        child.dep_ == "advcl"
                        and not any(
                            m.lower_ in self.cues.as_reported
                            for m in child.children
                            if m.dep_ == "mark"
                        )
                        and child.tag_ != "VBG"
                    ):
                        continue
                    covered.update(t.i for t in child.subtree)
            as_clause = [
                m for m in token.children if m.dep_ == "mark" and m.lower_ in self.cues.as_reported
            ]
            if as_clause and token.dep_ == "advcl" and not covered:  # "as POLITICO reports, ..."
                covered.update(t.i for t in token.head.subtree)
                covered.difference_update(t.i for t in token.subtree)
            if not covered:
                continue
            start = min([token.i, *(t.i for t in ([subject] if subject is not None else []))])
            cues.append(
                Cue(
                    start,
                    token.i + 1,
                    source,
                    instrument,
                    instrument_token,
                    frozenset(covered),
                    _depth(token),
                )
            )
        return cues

    def _source(
        self, obj: Token, entities: DocEntities
    ) -> tuple[EntityMention | None, str | None, Token | None]:
        """Source of "according to <obj>": a channel ("seen by Reuters"), an entity, an author."""
        instrument = self.cues.instruments.get(obj.lemma_.lower())
        instrument_token = obj if instrument else None
        for token in obj.subtree:
            if token.lemma_.lower() in self.cues.channel_verbs and token.dep_ in ("acl", "relcl"):
                for agent in children(token, "agent"):
                    for pobj in children(agent, "pobj"):
                        mention = entities.resolve(pobj)
                        if mention is not None:
                            return mention, instrument, instrument_token
        direct = entities.resolve(obj)
        if (
            direct is not None
            and not entities.is_instrument(direct)
            and not entities.is_product(direct)
        ):
            return direct, instrument, instrument_token
        for preposition in self.cues.author_prepositions:
            for pobj in preposition_objects(obj, preposition):
                mention = entities.resolve(pobj)
                if mention is not None:
                    return mention, instrument, instrument_token
        for child in obj.children:
            if child.dep_ in ("compound", "nmod", "poss"):
                mention = entities.resolve(child)
                if mention is not None:
                    return mention, instrument, instrument_token
        return None, instrument, instrument_token

    @staticmethod
    def _copula_subject(token: Token) -> Token | None:
        """ "Axios was the first to report ...": the subject of the copula."""
        current = token
        for _ in range(3):
            current = current.head
            if current.lemma_ == "be" or current.pos_ == "AUX":
                subjects = children(current, "nsubj")
                return subjects[0] if subjects else None
            if current.head.i == current.i:
                break
        return None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def attribution_for(
    head: Token, cues: list[Cue], exclude: frozenset[int] = frozenset()
) -> Cue | None:
    """The innermost cue covering a trigger (never the trigger's own reporting verb)."""
    covering = [c for c in cues if head.i in c.covers and not (c.start <= head.i < c.end)]
    covering = [c for c in covering if not exclude & frozenset(range(c.start, c.end))]
    if not covering:
        return None
    return max(covering, key=lambda c: (c.depth, -len(c.covers)))
