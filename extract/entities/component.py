"""spaCy component ``ptkg_entities``: entity mentions from a gazetteer, patterns and NER.

Reads: tokens, POS tags, the parse (for speech verbs and apposition) and spaCy's NER, plus the
entity lexicon (extract/data/entity_types.yaml, gazetteer.yaml, roles.yaml,
entity_patterns.yaml and the user's files named in the ``lexicons`` setting).
Adds: ``doc._.entities`` (a list of ``EntityMention``, ids "e1", "e2"... in text order) and
``doc.spans["entities"]`` (the same mentions as spans, label = type, ``id_`` = mention id).

Each source proposes candidates; overlaps are settled by priority (gazetteer, titled person
and well-formed model names first, then patterns, then NER) and length. NER output is
filtered by general rules (a headline fragment with a verb or preposition in it is not a
name; "AI" is never a country). Names are then canonicalised within the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract.entities.canonical import canonical_names, clean_name
from extract.entities.lexicon import EntityLexicon, load_entity_lexicon
from extract.errors import DataFileError
from extract.records import EntityMention, TextSpan
from extract.spacy_extensions import register_extensions
from extract.words import inner_capital

SPAN_KEY = "entities"
_HYPHENS = "\u2010\u2011\u2012\u2013"
_QUOTES = set('"“”‘’«»')
_BLOCKED = "_blocked"

# Priorities of candidate sources: higher wins an overlap, then the longer span.
_P_GAZETTEER = 5
_P_PERSON = 5
_P_MODEL = 5
_P_PATTERN = 3
_P_WEAK_MODEL = 3
_P_INSTRUMENT = 2
_P_NER = 1


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    name: str
    source: str
    priority: int
    rule: str = ""
    gazetteer_id: str | None = None
    role: str | None = None
    affiliation: str | None = None
    title_start: int | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


@Language.factory(
    "ptkg_entities",
    default_config={"lexicons": []},
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.entities", "doc.spans"],
)
def make_entity_recogniser(nlp: Language, name: str, lexicons: list[str]) -> EntityRecogniser:
    return EntityRecogniser(nlp, name, lexicons)


class EntityRecogniser:
    """Builds its matchers once from the lexicon; ``__call__`` runs them on each document."""

    def __init__(self, nlp: Language, name: str = "ptkg_entities", lexicons: Sequence[str] = ()):
        register_extensions("entities")
        self.name = name
        self.lexicon = load_entity_lexicon([Path(p) for p in lexicons])
        self.vocab = nlp.vocab
        lex = self.lexicon
        make = nlp.make_doc
        # Gazetteer: several-word aliases in any case, one-word aliases only as written.
        self.gaz_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.gaz_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries = {entry.id: entry for entry in lex.entries}
        for entry in lex.entries:
            lower: list[Doc] = []
            exact: list[Doc] = []
            for alias in _variants(entry.names):
                doc = make(alias)
                (exact if entry.case_sensitive or len(doc) == 1 else lower).append(doc)
            if lower:
                self.gaz_lower.add(f"g:{entry.id}", lower)
            if exact:
                self.gaz_exact.add(f"g:{entry.id}", exact)
        self.families = {family.id: family for family in lex.families}
        family_names = sorted({n for f in lex.families for n in f.names})
        for family in lex.families:
            if family.standalone:
                self.gaz_exact.add(f"f:{family.id}", [make(n) for n in family.names])
        # Titles: tied roles (with a body) and free titles, with optional modifiers.
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_by_key: dict[str, tuple[str, str | None]] = {}
        for number, role in enumerate(lex.roles):
            key = f"r:{number}"
            self.role_by_key[key] = (role.title, role.body)
            self.titles.add(key, [make(n) for n in _variants(role.names)])
        for number, title in enumerate(lex.titles):
            key = f"t:{number}"
            self.role_by_key[key] = (title, None)
            self.titles.add(key, [make(n) for n in _variants([title])])
        # Patterns of the data file, with the {LEXICON: families} macro expanded.
        self.patterns = Matcher(nlp.vocab)
        self.pattern_info = {}
        for pattern in lex.patterns:
            key = f"p:{pattern.id}"
            self.pattern_info[key] = pattern
            try:
                self.patterns.add(key, [_expand(list(pattern.pattern), family_names)])
            except (ValueError, KeyError, TypeError) as exc:
                raise DataFileError(
                    "entity_patterns.yaml",
                    f"pattern {pattern.id!r} is not a valid spaCy Matcher pattern: {exc}",
                    fix="see https://spacy.io/usage/rule-based-matching#matcher",
                ) from exc
        # Models: family + name + version, versioned tokens, name + version, name + "model".
        version = lex.models.version.pattern
        fam = {"ORTH": {"IN": family_names}}
        ver = {"TEXT": {"REGEX": version}}
        name_tok = {"IS_TITLE": True, "ORTH": {"NOT_IN": sorted(lex.models.not_names)}}
        edition = {"ORTH": {"IN": sorted(lex.models.editions)}, "OP": "?"}
        nouns = {"LOWER": {"IN": sorted(n.lower() for n in lex.models.nouns)}}
        prefix = "|".join(re.escape(n) for n in sorted(family_names, key=len, reverse=True))
        self.models = Matcher(nlp.vocab)
        self.models.add("m:family_version", [[fam, ver, edition], [fam, name_tok, ver, edition]])
        self.models.add("m:family_edition", [[fam, {"ORTH": {"IN": sorted(lex.models.editions)}}]])
        self.models.add("m:family_name", [[fam, name_tok]])
        self.models.add(
            "m:versioned_token", [[{"TEXT": {"REGEX": rf"^({prefix})[-_]?v?\d[\w.\-]*$"}}, edition]]
        )
        self.models.add("m:name_version", [[name_tok, ver]])
        proper = {**name_tok, "POS": "PROPN"}
        self.models.add(
            "m:name_noun",
            [
                [proper, nouns],
                [proper, {"ORTH": {"IN": ["AI"]}}, nouns],
                [name_tok, ver, nouns],
                [name_tok, ver, {"ORTH": {"IN": ["AI"]}}, nouns],
            ],
        )
        # Legal instruments: nouns of the data file (several-word ones by their last word).
        self.instrument_heads = {k.split()[-1]: v for k, v in lex.instruments.items()}
        self.instruments = Matcher(nlp.vocab)
        self.instruments.add(
            "i:instrument",
            [[{"LEMMA": {"IN": sorted(self.instrument_heads)}, "POS": {"IN": ["NOUN", "PROPN"]}}]],
        )
        self.outlet_after = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.outlet_after.add("after", [make(p) for p in lex.outlet_after])

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = []
        candidates.extend(self._gazetteer(doc))
        candidates.extend(self._titled_people(doc))
        candidates.extend(self._patterns(doc))
        candidates.extend(self._instruments(doc))
        candidates.extend(self._ner(doc))
        chosen = _resolve(candidates, len(doc))
        chosen = self._models_pass(doc, chosen)
        chosen = self._people_pass(doc, chosen)
        chosen = self._outlets_pass(doc, chosen)
        chosen = [c for c in chosen if c.type != _BLOCKED]
        chosen.sort(key=lambda c: (c.start, c.end))
        self._set(doc, chosen)
        return doc

    def _set(self, doc: Doc, chosen: list[Candidate]) -> None:
        gaz_names = [
            self.entries[c.gazetteer_id].name if c.gazetteer_id in self.entries else None
            for c in chosen
        ]
        names = canonical_names(
            [(c.type, c.name, g) for c, g in zip(chosen, gaz_names, strict=True)], self.lexicon
        )
        mentions: list[EntityMention] = []
        spans: list[Span] = []
        for number, (cand, name) in enumerate(zip(chosen, names, strict=True), 1):
            span = doc[cand.start : cand.end]
            mention_id = f"e{number}"
            mentions.append(
                EntityMention(
                    id=mention_id,
                    span=TextSpan(span.start_char, span.end_char, span.text),
                    type=cand.type,
                    name=name,
                    source=cand.source,
                    role=cand.role,
                    affiliation=cand.affiliation,
                    gazetteer_id=cand.gazetteer_id if cand.source == "gazetteer" else None,
                )
            )
            spans.append(Span(doc, cand.start, cand.end, label=cand.type, span_id=mention_id))
        doc._.entities = mentions
        doc.spans[SPAN_KEY] = spans

    # ------------------------------------------------------------------ sources
    def _gazetteer(self, doc: Doc) -> Iterator[Candidate]:
        strings = self.vocab.strings
        for match_id, start, end in [*self.gaz_lower(doc), *self.gaz_exact(doc)]:
            key = strings[match_id]
            kind, ident = key.split(":", 1)
            if kind == "g":
                entry = self.entries[ident]
                if (
                    end - start == 1
                    and end < len(doc)
                    and doc[end].text[:1].isdigit()
                    and not doc[end].is_punct
                ):
                    continue  # "Fortune 500", "Windows 11": the word is part of another name
                parent = self.entries.get(entry.parent or "")
                yield Candidate(
                    start,
                    end,
                    entry.type,
                    entry.name,
                    "gazetteer",
                    _P_GAZETTEER,
                    rule=key,
                    gazetteer_id=entry.id,
                    affiliation=parent.name if parent is not None else None,
                )
            else:  # a model family named alone ("Claude", "ChatGPT")
                family = self.families[ident]
                yield Candidate(
                    start,
                    end,
                    family.type,
                    doc[start:end].text,
                    "pattern",
                    _P_MODEL - 1,
                    rule=key,
                )

    def _titled_people(self, doc: Doc) -> Iterator[Candidate]:
        """ "Commerce Secretary Jane Roe", "OpenAI co-founder John Doe"."""
        strings = self.vocab.strings
        matches = sorted(self.titles(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        taken_until = -1
        for match_id, start, end in matches:
            if start < taken_until:
                continue
            name_end = _name_after(doc, end, self.lexicon)
            if name_end is None:
                continue
            title, body = self.role_by_key[strings[match_id]]
            if strings[match_id].startswith("t:"):
                title = doc[start:end].text
            role_start = start
            while role_start > 0 and doc[role_start - 1].lower_ in self.lexicon.title_modifiers:
                role_start -= 1
            taken_until = name_end
            yield Candidate(role_start, end, _BLOCKED, "", "pattern", _P_PERSON + 1)
            yield Candidate(
                end,
                name_end,
                "person",
                doc[end:name_end].text,
                "pattern",
                _P_PERSON,
                rule="title",
                role=title,
                affiliation=body,
                title_start=role_start,
            )

    def _patterns(self, doc: Doc) -> Iterator[Candidate]:
        strings = self.vocab.strings
        for match_id, start, end in self.patterns(doc):
            pattern = self.pattern_info[strings[match_id]]
            while start < end and doc[start].lower_ in pattern.strip:
                start += 1
            while end > start and doc[end - 1].lower_ in pattern.strip:
                end -= 1
            if start >= end or any(t.is_space for t in doc[start:end]):
                continue
            name = clean_name(doc[start:end].text)
            yield Candidate(
                start,
                end,
                pattern.type,
                pattern.name.format(name) if pattern.name else name,
                "pattern",
                _P_PATTERN,
                rule=pattern.id,
            )

    def _instruments(self, doc: Doc) -> Iterator[Candidate]:
        for _match_id, start, _end in self.instruments(doc):
            head = doc[start]
            if not any(c.dep_ in ("det", "poss") for c in head.children):
                continue  # "rules", "AI regulation": not one instrument
            first = start
            while first > 0:
                prev = doc[first - 1]
                if (
                    prev.head.i in range(first, start + 1)
                    and prev.dep_ in ("compound", "amod", "nmod", "nummod")
                    and not prev.is_punct
                ):
                    first -= 1
                else:
                    break
            words = [
                t.text for t in doc[first : start + 1] if not t.like_num and t.ent_type_ != "DATE"
            ]
            kind = self.instrument_heads.get(head.lemma_.lower(), head.lemma_.lower())
            name = " ".join(words).lower() if len(words) > 1 else kind
            yield Candidate(
                first,
                start + 1,
                self.lexicon.instrument_type,
                name,
                "pattern",
                _P_INSTRUMENT,
                rule=f"instrument:{kind}",
            )
            if first < start:  # the head alone, when a name takes the modifiers
                yield Candidate(
                    start,
                    start + 1,
                    self.lexicon.instrument_type,
                    kind,
                    "pattern",
                    _P_INSTRUMENT,
                    rule=f"instrument:{kind}",
                )

    def _ner(self, doc: Doc) -> Iterator[Candidate]:
        rules = self.lexicon.ner
        for ent in doc.ents:
            entity_type = rules.labels.get(ent.label_)
            if not entity_type:
                continue
            start, end = ent.start, ent.end
            for i in range(start, end):  # a name never runs across a line break
                if doc[i].is_space or "\n" in doc[i].whitespace_:
                    end = i if doc[i].is_space else i + 1
                    break
            while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
                start += 1
            while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
                end -= 1
            if start >= end:
                continue
            tokens = doc[start:end]
            text = tokens.text
            if text in rules.stopwords or any(t.text in _QUOTES for t in ent):
                continue  # a quoted term ("the “Covered Models”") is not a name
            if not any(t.is_title or t.is_upper or inner_capital(t.text) for t in tokens):
                continue
            if any(
                t.lower_ not in rules.function_words
                and (t.tag_.startswith("VB") or t.tag_ in ("IN", "TO", "MD", "RB", "WDT", "WP"))
                for t in tokens
            ):
                continue  # a headline fragment, not a name
            if entity_type == "person" and tokens[-1].text in rules.org_heads:
                entity_type = "organization"
            if entity_type == "person" and any(t.like_num for t in tokens):
                continue
            yield Candidate(
                start, end, entity_type, clean_name(text), "ner", _P_NER, rule=f"ner:{ent.label_}"
            )

    # ------------------------------------------------------------------ passes
    def _models_pass(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """Model names: strong forms at once; weak ones when the document supports them."""
        strings = self.vocab.strings
        lex = self.lexicon
        strong: list[Candidate] = []
        weak: list[tuple[str, Candidate]] = []
        for match_id, start, end in self.models(doc):
            key = strings[match_id]
            if key == "m:name_noun":
                if start > 0 and doc[start - 1].text in _QUOTES:
                    continue  # a quoted defined term ("the “Covered Models”")
                while end > start and doc[end - 1].lower_ in {n.lower() for n in lex.models.nouns}:
                    end -= 1
                if end > start and doc[end - 1].text == "AI":
                    end -= 1
            span = doc[start:end]
            cand = Candidate(
                start, end, "ai_model", clean_name(span.text), "pattern", _P_MODEL, rule=key
            )
            family = lex.family_of(doc[start].text)
            if family is not None:
                cand.type = family.type
            if key in ("m:family_version", "m:family_edition", "m:versioned_token"):
                strong.append(cand)
            elif key == "m:name_noun":
                cand.priority = _P_WEAK_MODEL
                if not _is_known(doc, start, end, chosen):
                    strong.append(cand)
            else:
                cand.priority = _P_WEAK_MODEL
                weak.append((key, cand))
        chosen = _resolve([*chosen, *strong], len(doc))
        cores = _model_cores(chosen, lex)
        for _round in range(3):
            # NER never blocks a model name, nor does a family named alone ("Claude" of
            # "Gemini Ultra"); everything else does.
            solid = [c for c in chosen if c.source != "ner" and not c.rule.startswith("f:")]
            added: list[Candidate] = []
            for key, cand in weak:
                core = _core_of(doc[cand.start : cand.end], lex)
                supported = core in cores or _model_context(doc, cand, chosen, lex)
                if key == "m:family_name" and doc[cand.start + 1].text in lex.models.editions:
                    supported = True
                if supported and not _overlaps_any(cand, solid):
                    cand.priority = _P_MODEL
                    added.append(cand)
            # Bare core names elsewhere in the text ("Ultra" once "Gemini Ultra 2" is known).
            for token in _occurrences(doc, cores):
                if not _overlaps_any(
                    Candidate(token.i, token.i + 1, "", "", "", 0), [*solid, *added]
                ):
                    end = token.i + 1
                    if end < len(doc) and lex.models.version.match(doc[end].text):
                        end += 1
                    added.append(
                        Candidate(
                            token.i,
                            end,
                            "ai_model",
                            doc[token.i : end].text,
                            "pattern",
                            _P_MODEL,
                            rule="m:core",
                        )
                    )
            if not added:
                break
            chosen = _resolve([*chosen, *added], len(doc))
            cores = _model_cores(chosen, lex)
            weak = [(k, c) for k, c in weak if not _overlaps_any(c, chosen)]
        return chosen

    def _people_pass(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """One-word NER persons need support; bare surnames are found; appositive roles added."""
        rules = self.lexicon.ner
        chosen = _resolve([*chosen, *self._appositive_people(doc, chosen)], len(doc))
        full = [c for c in chosen if c.type == "person" and len(c.name.split()) > 1]
        parts = {c.name.split()[0] for c in full} | {c.name.split()[-1] for c in full}
        skeletons = {k for c in full for k in _name_keys(c.name.split()[-1])}
        kept: list[Candidate] = []
        for cand in chosen:
            single = len(cand.name.split()) == 1
            if (
                cand.type == "organization"
                and cand.source == "ner"
                and single
                and (cand.name in parts or _name_keys(cand.name) & skeletons)
            ):
                cand = replace(cand, type="person")
            if cand.type == "person" and single and cand.source == "ner":
                token = doc[cand.end - 1]
                if (
                    cand.name not in parts
                    and not _name_keys(cand.name) & skeletons
                    and not (
                        token.dep_ in ("nsubj", "nsubjpass")
                        and token.head.lemma_ in rules.speech_verbs
                    )
                ):
                    continue
            kept.append(cand)
        surnames = {c.name.split()[-1] for c in full if " " not in c.name.split()[-1]}
        extra = [
            Candidate(t.i, t.i + 1, "person", t.text, "pattern", _P_WEAK_MODEL, rule="surname")
            for t in _occurrences(doc, surnames)
            if t.is_title and not _overlaps_any(Candidate(t.i, t.i + 1, "", "", "", 0), kept)
        ]
        kept = _resolve([*kept, *extra], len(doc))
        return [self._apposition(doc, c, kept) if c.type == "person" else c for c in kept]

    def _appositive_people(self, doc: Doc, chosen: list[Candidate]) -> Iterator[Candidate]:
        """Names NER missed, followed by a title: "Francesco Bailo, deputy director of ..."."""
        strings = self.vocab.strings
        for match_id, start, _end in self.titles(doc):
            if not strings[match_id].startswith(("t:", "r:")):
                continue
            i = start
            while i > 0 and doc[i - 1].lower_ in ("a", "an", "the", *self.lexicon.title_modifiers):
                i -= 1
            if i < 3 or doc[i - 1].text != ",":
                continue
            name_start = i - 1
            while name_start > 0 and i - 1 - name_start < 3:
                token = doc[name_start - 1]
                if token.pos_ == "PROPN" and (token.is_title or _hyphenated_name(token.text)):
                    name_start -= 1
                else:
                    break
            if i - 1 - name_start >= 2:
                cand = Candidate(
                    name_start,
                    i - 1,
                    "person",
                    doc[name_start : i - 1].text,
                    "pattern",
                    _P_PATTERN,
                    rule="appositive",
                )
                if not _overlaps_any(cand, [c for c in chosen if c.source != "ner"]):
                    yield cand

    def _apposition(self, doc: Doc, cand: Candidate, chosen: list[Candidate]) -> Candidate:
        """ "Bill Connor, president and CEO of Jitterbit" -> role and affiliation."""
        if cand.role is not None:
            if cand.affiliation is None and cand.title_start:
                end = cand.title_start
                if doc[end - 1].tag_ == "POS":
                    end -= 1
                before = _candidate_ending_at(chosen, end)
                if before is not None and self.lexicon.actor(before.type) in (
                    "company",
                    "government",
                ):
                    return replace(cand, affiliation=before.name)
            return cand
        i = cand.end
        if i >= len(doc) or doc[i].text != ",":
            return cand
        i += 1
        after_comma = i
        while i < len(doc) and doc[i].lower_ in ("a", "an", "the", "now"):
            i += 1
        strings = self.vocab.strings
        best: tuple[int, int, str] | None = None
        for match_id, start, end in self.titles(doc[i : min(len(doc), i + 8)]):
            if (
                start - i <= 3
                and all(t.lower_ in self.lexicon.title_modifiers for t in doc[i:start])
                and (best is None or end > best[1] or (end == best[1] and start < best[0]))
            ):
                best = (start, end, strings[match_id])
        if best is None:
            return cand
        t_start, t_end, key = best
        title, body = self.role_by_key[key]
        if key.startswith("t:"):
            first = t_start
            while first > after_comma and doc[first - 1].lower_ in self.lexicon.title_modifiers:
                first -= 1
            title = doc[first:t_end].text
        after = t_end
        affiliation = body
        if affiliation is None and after < len(doc) and doc[after].lower_ in ("of", "at"):
            org = _candidate_starting_near(chosen, after + 1)
            if org is not None:
                affiliation = org.name
        return replace(cand, role=title, affiliation=affiliation)

    def _outlets_pass(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """An unknown organization that reports, or follows "according to", is a news outlet."""
        after_ends = {end for _m, _s, end in self.outlet_after(doc)}
        result = []
        for cand in chosen:
            if cand.type == "organization" and cand.source != "gazetteer":
                head = doc[cand.end - 1]
                reports = head.dep_ == "nsubj" and head.head.lemma_ in self.lexicon.outlet_verbs
                if reports or cand.start in after_ends:
                    cand = replace(cand, type="news_outlet")
            result.append(cand)
        return result


# --------------------------------------------------------------------------- helpers


def _occurrences(doc: Doc, words: set[str]) -> list[Token]:
    """Tokens whose text is one of ``words``, found on the ORTH array (no Python loop over
    every token)."""
    if not words:
        return []
    ids = [doc.vocab.strings[w] for w in words if w in doc.vocab.strings]
    if not ids:
        return []
    orths = doc.to_array(ORTH)
    return [doc[int(i)] for i in numpy.nonzero(numpy.isin(orths, ids))[0]]


def _variants(names: Iterable[str]) -> list[str]:
    """Each name, and its forms with other hyphen characters (news text mixes them)."""
    out: list[str] = []
    for name in names:
        for variant in (name, *(name.replace("-", h) for h in _HYPHENS if "-" in name)):
            if variant not in out:
                out.append(variant)
    return out


def _expand(pattern: list[dict[str, Any]], family_names: list[str]) -> list[dict[str, Any]]:
    out = []
    for spec in pattern:
        spec = dict(spec)
        if spec.pop("LEXICON", None) == "families":
            spec["ORTH"] = {"IN": family_names}
        out.append(spec)
    return out


def _resolve(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    taken = bytearray(length)
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start)):
        if cand.start >= cand.end or any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * cand.length
        chosen.append(cand)
    return chosen


def _overlaps_any(cand: Candidate, others: Iterable[Candidate]) -> bool:
    return any(o.start < cand.end and cand.start < o.end for o in others)


def _is_known(doc: Doc, start: int, end: int, chosen: list[Candidate]) -> bool:
    return any(o.start < end and start < o.end and o.type != "ai_model" for o in chosen)


def _name_after(doc: Doc, i: int, lexicon: EntityLexicon) -> int | None:
    """End of a personal name of one to three capitalised words starting at ``i``."""
    end = i
    while end < len(doc) and end - i < 3:
        token = doc[end]
        if not (token.is_title or _hyphenated_name(token.text)) or token.pos_ not in (
            "PROPN",
            "NOUN",
        ):
            break
        if token.text in lexicon.ner.stopwords or token.text in lexicon.models.not_names:
            break
        end += 1
    return end if end > i else None


def _hyphenated_name(text: str) -> bool:
    parts = re.split(r"[-\u2010\u2011]", text)
    return len(parts) > 1 and all(p[:1].isupper() for p in parts if p)


def _name_keys(word: str) -> set[str]:
    """Keys shared by a name and its one-transposition misspellings (long names only)."""
    if len(word) < 7:
        return {word.lower()}
    lowered = word.lower()
    keys = {lowered}
    for k in range(len(lowered) - 1):
        keys.add(lowered[:k] + lowered[k + 1] + lowered[k] + lowered[k + 2 :])
    return keys


def _candidate_ending_at(chosen: Sequence[Candidate], index: int) -> Candidate | None:
    for cand in chosen:
        if cand.end == index:
            return cand
    return None


def _candidate_starting_near(chosen: Sequence[Candidate], index: int) -> Candidate | None:
    for cand in chosen:
        if index <= cand.start <= index + 1 and cand.type != _BLOCKED:
            return cand
    return None


def _core_of(span: Span, lexicon: EntityLexicon) -> str:
    words = [t.text for t in span if lexicon.family_of(t.text) is None or t.i > span.start]
    words = [w for w in words if not lexicon.models.version.match(w)]
    return words[0] if len(words) == 1 else " ".join(words)


def _model_cores(chosen: Iterable[Candidate], lexicon: EntityLexicon) -> set[str]:
    cores: set[str] = set()
    for cand in chosen:
        if cand.type != "ai_model":
            continue
        words = cand.name.split()
        if (
            words
            and lexicon.family_of(words[0]) is not None
            and words[0] in (lexicon.family_of(words[0]) or _NoFamily).names
        ):
            words = words[1:]
        words = [w for w in words if not lexicon.models.version.match(w)]
        words = [w for w in words if w not in lexicon.models.editions]
        if len(words) == 1 and words[0][:1].isupper() and words[0] not in lexicon.models.not_names:
            cores.add(words[0])
    return cores


class _NoFamily:
    names: tuple[str, ...] = ()


def _model_context(
    doc: Doc, cand: Candidate, chosen: Sequence[Candidate], lex: EntityLexicon
) -> bool:
    """A weak model name is supported by a model noun after it, or a model next to it."""
    nouns = {n.lower() for n in lex.models.nouns}
    after = cand.end
    if after < len(doc) and doc[after].text == "AI":
        after += 1
    if after < len(doc) and doc[after].lower_ in nouns:
        return True
    # "Gemini Ultra and Nano 2", "the second model, Nano 2"
    i = cand.start - 1
    if i >= 1 and doc[i].lower_ in ("and", "or", ",", "&"):
        prev = doc[i - 1]
        if prev.lower_ in nouns:
            return True
        if any(c.type == "ai_model" and c.end == i for c in chosen):
            return True
    j = cand.end
    if (
        j + 1 < len(doc)
        and doc[j].lower_ in ("and", "or", "&")
        and any(c.type == "ai_model" and c.start == j + 1 for c in chosen)
    ):
        return True
    # "Google's Gemini Ultra": an organization's possession
    if cand.start >= 2 and doc[cand.start - 1].tag_ == "POS":
        owner = _candidate_ending_at(chosen, cand.start - 1)
        if owner is not None and owner.type == "organization":
            return lex.family_of(doc[cand.start].text) is not None
    return False


def token_entity_index(doc: Doc) -> dict[int, int]:
    """Token index -> index in ``doc._.entities`` (for the event layer)."""
    index: dict[int, int] = {}
    for number, span in enumerate(doc.spans.get(SPAN_KEY, ())):
        for token in span:
            index[token.i] = number
    return index


def head_token(span: Span) -> Token:
    return span.root
