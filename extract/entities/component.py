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

Longer than most modules: each source of candidates and each second pass (models, people,
outlets) reads the component's matchers; ``candidates.py`` holds what needs no state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract.attachments import headline_line
from extract.entities.candidates import (
    BLOCKED,
    SPAN_KEY,
    Candidate,
    abbreviations_pass,
    candidate_ending_at,
    candidate_starting_near,
    coordination_pass,
    core_of,
    described_names_pass,
    expand,
    glued_number,
    hyphenated_name,
    is_known,
    joined_by_hyphen,
    joined_names_pass,
    model_context,
    model_cores,
    name_after,
    name_keys,
    occurrences,
    overlaps_any,
    repeated_names_pass,
    settle_overlaps,
    subunits_pass,
    variants,
)
from extract.entities.canonical import canonical_names, clean_name, undotted_lead
from extract.entities.lexicon import GazetteerEntry, load_entity_lexicon
from extract.entities.owners import product_owners
from extract.records import EntityMention, TextSpan
from extract.spacy_extensions import add_patterns, register_extensions
from extract.words import inner_capital

_QUOTES = set('"“”‘’«»')

# Priorities of candidate sources: higher wins an overlap, then the longer span.
_P_GAZETTEER = 5
_P_PERSON = 5
_P_MODEL = 5
_P_PATTERN = 3
_P_WEAK_MODEL = 3
_P_INSTRUMENT = 2
_P_BRAND = 2
_P_NER = 1

# A letter or a number standing right after a name's last word makes it a category's label.
_CATEGORY_MARK = re.compile(r"[A-Z]|\d{1,3}")


def _category_label(doc: Doc, end: int) -> bool:
    """ "Country Group E countries", "Tier 2": the words before ``end`` name a category."""
    if end >= len(doc) or not _CATEGORY_MARK.fullmatch(doc[end].text):
        return False
    glued = not doc[end].whitespace_ and end + 1 < len(doc) and not doc[end + 1].is_punct
    return not glued  # "5G": one word the tokenizer split


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
        # a country by its name, an alias or an adjective of it ("Brazil", "Brazilian")
        self.countries = {
            word.lower(): entry
            for entry in lex.entries
            if entry.type == "country"
            for word in (*entry.names, *entry.demonyms)
        }
        for entry in lex.entries:
            lower: list[Doc] = []
            exact: list[Doc] = []
            for alias in variants(entry.names):
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
            self.titles.add(key, [make(n) for n in variants(role.names)])
        for number, title in enumerate(lex.titles):
            key = f"t:{number}"
            self.role_by_key[key] = (title, None)
            self.titles.add(key, [make(n) for n in variants([title])])
        # Patterns of the data file, with the {LEXICON: families} macro expanded.
        self.patterns = Matcher(nlp.vocab)
        self.pattern_info = {}
        for pattern in lex.patterns:
            key = f"p:{pattern.id}"
            self.pattern_info[key] = pattern
            add_patterns(
                self.patterns,
                key,
                [expand(list(pattern.pattern), family_names)],
                "entity_patterns.yaml",
                f"pattern {pattern.id!r}",
            )
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
        self.instrument_heads = {k.split()[-1]: v for k, v in lex.instruments.items()}  # kinds
        self.name_ends = {h.rstrip(".") for h in lex.ner.org_heads}  # "Corp.", "Ltd"
        # what ends a company's name without naming it ("Labs", "Inc."): "Velkor" again
        self.company_endings = {w.rstrip(".") for w in lex.ner.company_name_endings}
        self.instruments = Matcher(nlp.vocab)
        self.instruments.add(
            "i:instrument",
            [
                [
                    {
                        "LEMMA": {"IN": sorted(self.instrument_heads)},
                        "POS": {"IN": ["NOUN", "PROPN"]},
                    }
                ],
                # a capitalised name ("the Temporary General License") keeps its capital lemma
                [{"LOWER": {"IN": sorted(self.instrument_heads)}, "POS": "PROPN"}],
            ],
        )
        self.outlet_after = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.outlet_after.add("after", [make(p) for p in lex.outlet_after])

    # ------------------------------------------------------------------ main
    @cached_property
    def _spread_types(self) -> frozenset[str]:
        """Types a pattern's name keeps wherever the text repeats it: companies, products."""
        types = self.lexicon.types
        return frozenset({self.lexicon.company_type} | {t for t, e in types.items() if e.product})

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = []
        known = list(self._gazetteer(doc))
        candidates.extend(known)
        # "the General Court": a known body's name, not a general named Court
        candidates.extend(t for t in self._titled_people(doc) if not _inside_known_name(t, known))
        candidates.extend(self._patterns(doc))
        candidates.extend(self._instruments(doc))
        candidates.extend(self._ner(doc))
        covered = {i for c in candidates for i in range(c.start, c.end)}
        candidates.extend(b for b in self._brands(doc) if b.start not in covered)
        self._prefer_longer_names(doc, candidates)
        chosen = settle_overlaps(candidates, len(doc))
        chosen = self._models_pass(doc, chosen)
        chosen = self._people_pass(doc, chosen)
        chosen = self._outlets_pass(doc, chosen)
        chosen = [c for c in chosen if c.type != BLOCKED]
        chosen = described_names_pass(
            doc, chosen, self.lexicon.described, self.lexicon.company_type
        )
        chosen = joined_names_pass(doc, chosen, self.lexicon.described)
        # after the bodies a description types: "Kenya's Capital Markets Authority"
        chosen = subunits_pass(doc, chosen, self.lexicon.bodies, self.lexicon.governing)
        chosen = [self._named_after_its_country(doc, c) for c in chosen]
        chosen = abbreviations_pass(doc, chosen)
        chosen = coordination_pass(doc, chosen, self.lexicon.company_type, self.name_ends)
        chosen = repeated_names_pass(
            doc, chosen, self._spread_types, self.lexicon.company_type, self.company_endings
        )
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
        owned_by = product_owners(doc, chosen, self.lexicon)
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
                    owner=names[owned_by[number - 1]] if number - 1 in owned_by else None,
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
                    and not glued_number(doc, end)
                ):
                    continue  # "Fortune 500", "Windows 11": the word is part of another name
                parent = self.entries.get(entry.parent or "")
                foreign = self._foreign_body(doc, start, end, entry)
                if foreign is not None:
                    yield foreign
                    continue
                if entry.type == self.lexicon.company_type:
                    # "Zentra Corp.": the words that end a company's name are part of it, so
                    # the head of the noun phrase ("Corp.") names the company too
                    while end < len(doc) and doc[end].text.rstrip(".") in self.name_ends:
                        end += 1
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
                    # a name of several words ("Google Play Store") holds its maker's
                    _P_MODEL - 1 if end - start == 1 else _P_GAZETTEER,
                    rule=key,
                )

    def _foreign_body(
        self, doc: Doc, start: int, end: int, entry: GazetteerEntry
    ) -> Candidate | None:
        """ "A Brazilian Supreme Court justice", "Brazil's Supreme Court": a known body's name
        after another country's adjective or possessive names that country's body ("Supreme
        Court of Brazil"), not the known one."""
        if entry.type not in self.lexicon.bodies:
            return None
        first = start
        country = None
        for width in (2, 1):  # "South Korean", "Brazilian"
            if start - width >= 0 and not any(t.is_space for t in doc[start - width : start]):
                country = self.countries.get(doc[start - width : start].text.lower())
                if country is not None:
                    first = start - width
                    break
        if country is None and start >= 2 and doc[start - 1].text in ("'s", "’s"):
            for width in (3, 2, 1):  # "the United States's", "Brazil's"
                if start - 1 - width >= 0:
                    country = self.countries.get(doc[start - 1 - width : start - 1].text.lower())
                    if country is not None:
                        break
        if country is None or country.id == self._country_of(entry):
            return None
        return Candidate(
            first,
            end,
            entry.type,
            f"{doc[start:end].text} of {country.name}",
            "pattern",
            _P_GAZETTEER,
            rule="foreign_body",
            affiliation=country.name,
        )

    def _country_of(self, entry: GazetteerEntry) -> str | None:
        seen = 0
        current: GazetteerEntry | None = entry
        while current is not None and seen < 8:
            if current.type == "country":
                return current.id
            current = self.entries.get(current.parent or "")
            seen += 1
        return None

    def _named_after_its_country(self, doc: Doc, cand: Candidate) -> Candidate:
        """ "the Botswana Communications Commission", "the Nigerian Communications
        Commission": a body the tagger found whose name opens with a country's name or
        adjective belongs to that country (a known body keeps the parent the gazetteer
        gives it, a pattern's name the body it holds)."""
        if cand.type not in self.lexicon.bodies or cand.affiliation or cand.rule != "described":
            return cand  # only a name the tagger found, typed by the noun ending it
        for width in (3, 2, 1):
            if cand.end - cand.start > width:
                country = self.countries.get(doc[cand.start : cand.start + width].text.lower())
                if country is not None:
                    return replace(cand, affiliation=country.name)
        return cand

    def _prefer_longer_names(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A name the patterns find that starts with a known name and goes on with words of
        its own ("KTX Zentra Networks Ltd.", "the Senate Finance Committee") is
        another body, a part of the known one: it takes precedence over it; so does a body
        named after its country ("the U.S. District Court for ..."). Only the words that end
        names ("Corvex Technologies Co. Ltd.") do not make another body."""
        known: dict[tuple[int, str], int] = {}  # (start, type) -> end of the longest
        places: dict[int, int] = {}  # start -> end of a country's name ("U.S. District Court")
        for c in candidates:
            if c.source == "gazetteer":
                known[(c.start, c.type)] = max(c.end, known.get((c.start, c.type), 0))
                entity_type = self.lexicon.types.get(c.type)
                if entity_type is not None and entity_type.whole_government:
                    places[c.start] = max(c.end, places.get(c.start, 0))
        inside = [(c.start, c.end) for c in candidates if c.source == "gazetteer"]
        for cand in candidates:
            if (
                cand.source == "pattern"
                and cand.type in self.lexicon.bodies
                and any(cand.start < start and end <= cand.end for start, end in inside)
                and not any(start <= cand.start and cand.end <= end for start, end in inside)
                # "the US Treasury Department": a known body after only its country's name
                # is that body (the country stays a name of its own)
                and (places.get(cand.start), cand.end) not in inside
            ):
                # "the Ministry of Commerce" is no "Commerce": a body whose name holds a
                # known name after words of its own
                cand.priority = _P_GAZETTEER + 1
                continue
            if (
                cand.source == "ner"
                and cand.end - cand.start > 1
                and doc[cand.end - 1].is_title
                and doc[cand.end - 1].lower_ in self.lexicon.described
                and any(
                    cand.start <= start
                    and end < cand.end
                    # "the U.S. Commerce Department": a known body after its country's name
                    # stays that body
                    and not any(s >= end and e == cand.end for s, e in inside)
                    for start, end in places.items()
                )
            ):
                # "the Botswana Communications Commission": a body named after its country,
                # which the description ending its name types (described_names_pass)
                cand.priority = _P_GAZETTEER + 1
                continue
            end = known.get((cand.start, cand.type))
            if end is None and cand.type in self.lexicon.bodies:
                end = places.get(cand.start)  # a body named after its country
            if cand.source != "pattern" or end is None or end >= cand.end:
                continue
            extra = [t for t in doc[end : cand.end] if t.text.rstrip(".") not in self.name_ends]
            if any(t.is_title or t.is_upper for t in extra):
                cand.priority = _P_GAZETTEER + 1

    def _titled_people(self, doc: Doc) -> Iterator[Candidate]:
        """ "Commerce Secretary Jane Roe", "OpenAI co-founder John Doe"."""
        strings = self.vocab.strings
        matches = sorted(self.titles(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        taken_until = -1
        for match_id, start, end in matches:
            if start < taken_until:
                continue
            name_end = name_after(doc, end, self.lexicon)
            if name_end is None:
                continue
            if doc[name_end - 1].text.rstrip(".") in self.name_ends:
                continue  # "the Justice Department": a body, not a person titled Justice
            title, body = self.role_by_key[strings[match_id]]
            if strings[match_id].startswith("t:"):
                title = doc[start:end].text
            role_start = start
            while role_start > 0 and doc[role_start - 1].lower_ in self.lexicon.title_modifiers:
                role_start -= 1
            taken_until = name_end
            yield Candidate(role_start, end, BLOCKED, "", "pattern", _P_PERSON + 1)
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
            if all(t.text.rstrip(".") in self.name_ends for t in doc[start:end]):
                continue  # "Co Ltd.": the words that end a name, with no name
            if _category_label(doc, end):
                continue  # "Country Group E", "Schedule 1": a category of a rule, no name
            name = clean_name(doc[start:end].text)
            if pattern.type in self.lexicon.bodies:
                name = undotted_lead(name)
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

    def _brands(self, doc: Doc) -> Iterator[Candidate]:
        """A proper noun with an inner capital nothing else named ("ReelNest will be
        banned"): a company's or a service's name."""
        for token in doc:
            if token.pos_ == "PROPN" and _brand(token.text):
                yield Candidate(
                    token.i,
                    token.i + 1,
                    "organization",
                    token.text,
                    "pattern",
                    _P_BRAND,
                    rule="camel_case",
                )

    def _ner(self, doc: Doc) -> Iterator[Candidate]:
        rules = self.lexicon.ner
        written_lower = {t.text for t in doc if t.is_lower and t.is_alpha}
        for ent in doc.ents:
            if (
                len(ent) == 1
                and ent[0].lower_ in written_lower
                and (ent.start == ent.sent.start or _title_case_line(ent.sent))
            ):
                # "Telecom operators block ...": a capital that opens a sentence or marks a
                # title-case headline, on a word the text writes in lower case elsewhere
                continue
            entity_type = rules.labels.get(ent.label_)
            if len(ent) == 1 and _brand(ent.text):
                # "ZenChat", "ReelNest": a camel-case word is a company's or a service's name,
                # whatever place, person or title the tagger took it for
                entity_type = "organization"
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
            # "fined Zentra 1.2 billion euros": a sum after a name is no part of it
            first_number = next(
                (i for i in range(start + 1, end) if doc[i].like_num and doc[i].pos_ == "NUM"),
                None,
            )
            if first_number is not None and doc[start].pos_ == "PROPN" and not doc[start].like_num:
                tail = doc[first_number:end]
                if all(t.like_num or t.lower_ in _SCALES for t in tail) and any(
                    t.lower_ in _SCALES for t in tail
                ):
                    end = first_number
            if start >= end:
                continue
            while joined_by_hyphen(doc, end):
                end += 2  # "Jean-Pierre": NER sometimes stops at the hyphen
            bracket = next((i for i in range(start, end) if doc[i].text == "("), None)
            if bracket is not None:
                end = bracket  # "Homeland Security Bureau (Bureau": the name ends before it
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                if start >= end:
                    continue
            tokens = doc[start:end]
            text = tokens.text
            if _dateline_place(doc, start, end):
                continue  # "WASHINGTON, May 4 (Reuters) -": where the item was filed
            if _SUM.fullmatch(text):
                continue  # "HKD14.96", "US$1.2bn": a sum of money, no name
            if text in rules.stopwords or any(t.text in _QUOTES for t in ent):
                continue  # a quoted term ("the “Covered Models”") is not a name
            if len(tokens) == 1 and self._generic_noun(tokens[0]):
                continue  # "the Department", "the Order": a defined term of legal text
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
            if _category_label(doc, end):
                continue  # "Country Group E": a category of a rule, no name
            yield Candidate(
                start, end, entity_type, clean_name(text), "ner", _P_NER, rule=f"ner:{ent.label_}"
            )

    def _generic_noun(self, token: Token) -> bool:
        """A capitalised common noun that heads names without being one ("Department",
        "Company", "Commission") or names an instrument ("Order", "Rule")."""
        return token.text.istitle() and token.lower_ in self._generic_heads

    @cached_property
    def _generic_heads(self) -> frozenset[str]:
        heads = {h.lower() for h in self.lexicon.ner.org_heads}
        return frozenset(heads | self.lexicon.instrument_heads)

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
            if glued_number(doc, end - 1):
                continue  # "Corvex 5G": the number is part of a word, not a version
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
                if not is_known(doc, start, end, chosen):
                    strong.append(cand)
            else:
                cand.priority = _P_WEAK_MODEL
                weak.append((key, cand))
        chosen = settle_overlaps([*chosen, *strong], len(doc))
        cores = model_cores(chosen, lex)
        for _round in range(3):
            # NER never blocks a model name, nor does a family named alone ("Claude" of
            # "Gemini Ultra"); everything else does.
            solid = [c for c in chosen if c.source != "ner" and not c.rule.startswith("f:")]
            added: list[Candidate] = []
            for key, cand in weak:
                core = core_of(doc[cand.start : cand.end], lex)
                supported = core in cores or model_context(doc, cand, chosen, lex)
                if key == "m:family_name" and doc[cand.start + 1].text in lex.models.editions:
                    supported = True
                if supported and not overlaps_any(cand, solid):
                    cand.priority = _P_MODEL
                    added.append(cand)
            # Bare core names elsewhere in the text ("Ultra" once "Gemini Ultra 2" is known).
            for token in occurrences(doc, cores):
                if not overlaps_any(
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
            chosen = settle_overlaps([*chosen, *added], len(doc))
            cores = model_cores(chosen, lex)
            weak = [(k, c) for k, c in weak if not overlaps_any(c, chosen)]
        return chosen

    def _people_pass(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """One-word NER persons need support; bare surnames are found; appositive roles added."""
        rules = self.lexicon.ner
        chosen = settle_overlaps([*chosen, *self._appositive_people(doc, chosen)], len(doc))
        full = [c for c in chosen if c.type == "person" and len(c.name.split()) > 1]
        parts = {c.name.split()[0] for c in full} | {c.name.split()[-1] for c in full}
        skeletons = {k for c in full for k in name_keys(c.name.split()[-1])}
        kept: list[Candidate] = []
        for cand in chosen:
            single = len(cand.name.split()) == 1
            if (
                cand.type == "organization"
                and cand.source == "ner"
                and single
                and (cand.name in parts or name_keys(cand.name) & skeletons)
            ):
                cand = replace(cand, type="person")
            if cand.type == "person" and single and cand.source == "ner":
                token = doc[cand.end - 1]
                if (
                    cand.name not in parts
                    and not name_keys(cand.name) & skeletons
                    and not (
                        token.dep_ in ("nsubj", "nsubjpass")
                        and token.head.lemma_ in rules.speech_verbs
                    )
                ):
                    continue
            kept.append(cand)
        surnames = {c.name.split()[-1] for c in full if " " not in c.name.split()[-1]}
        # "President Roe" names the person as surely as a full name does
        surnames |= {
            c.name for c in kept if c.type == "person" and c.rule == "title" and " " not in c.name
        }
        extra = [
            Candidate(t.i, t.i + 1, "person", t.text, "pattern", _P_WEAK_MODEL, rule="surname")
            for t in occurrences(doc, surnames)
            if t.is_title and not overlaps_any(Candidate(t.i, t.i + 1, "", "", "", 0), kept)
        ]
        kept = settle_overlaps([*kept, *extra], len(doc))
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
                if token.pos_ == "PROPN" and (token.is_title or hyphenated_name(token.text)):
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
                if not overlaps_any(cand, [c for c in chosen if c.source != "ner"]):
                    yield cand

    def _apposition(self, doc: Doc, cand: Candidate, chosen: list[Candidate]) -> Candidate:
        """ "Bill Connor, president and CEO of Jitterbit" -> role and affiliation."""
        if cand.role is not None:
            if cand.affiliation is None and cand.title_start:
                end = cand.title_start
                if doc[end - 1].tag_ == "POS":
                    end -= 1
                before = candidate_ending_at(chosen, end)
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
            org = candidate_starting_near(chosen, after + 1)
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
        # "a memo reviewed by Variety": a name no one else found, after a cue, is an outlet
        taken = {i for c in chosen for i in range(c.start, c.end)}
        for start in sorted(after_ends - taken):
            end = start
            while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN":
                if not doc[end].is_title or end in taken:
                    break
                end += 1
            # "never told Corvex what ...": a party the text names otherwise is no outlet
            named = {w for c in chosen if c.type != "news_outlet" for w in c.name.split()[:1]}
            if end > start and doc[start:end].text.split()[0] not in named:
                name = doc[start:end].text
                result.append(
                    Candidate(start, end, "news_outlet", name, "pattern", _P_PATTERN, "outlet")
                )
        return sorted(result, key=lambda c: (c.start, c.end))


# A currency's code or sign stuck to an amount ("HKD14.96", "US$1.2bn", "RMB 5.5 billion").
# A product code ("MH370", "A320") has no decimals, currency sign or scale.
_SUM = re.compile(
    r"(?:[A-Z]{2,3}\$|[$€£¥])\s?\d[\d,]*(?:\.\d+)?\s?(?:bn|m|mn|million|billion)?"
    r"|[A-Z]{3}\s?\d[\d,]*(?:\.\d+\s?(?:bn|m|mn|million|billion)?|\s?(?:bn|mn|million|billion))"
)
_BRAND = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")  # "ZenChat", "ReelNest"
_SURNAME = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z]")  # "McCarthy", "DeSantis"


def _brand(text: str) -> bool:
    """A camel-case word that is no surname."""
    return bool(_BRAND.fullmatch(text)) and not _SURNAME.match(text)


# What follows the place of a dateline: a comma (and the date), the agency, a dash.
_DATELINE_AFTER = frozenset({",", "(", "-", "--", "\u2013", "\u2014"})


def _title_case_line(sentence: Span) -> bool:
    """A headline in title case (a line of its own, most of its words capitalised), where a
    capital says nothing of a name."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    if not words or not headline_line(sentence):
        return False
    return sum(t.is_title or t.is_upper for t in words) >= 0.7 * len(words)


def _dateline_place(doc: Doc, start: int, end: int) -> bool:
    """A place in capitals opening a line before the date or the agency of a dateline
    ("WASHINGTON, May 4 (Reuters) -", "BEIJING (AP) --"): where the item was filed, no
    party to what it tells."""
    line_start = start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_
    if not line_start or not all(t.is_upper for t in doc[start:end] if t.is_alpha):
        return False
    return end < len(doc) and doc[end].text in _DATELINE_AFTER


# Words of scale a sum's number may carry ("1.2 billion").
_SCALES = frozenset({"thousand", "million", "billion", "trillion", "mn", "bn", "m", "k"})


def _inside_known_name(candidate: Candidate, known: list[Candidate]) -> bool:
    """Whether a titled person's candidate (or the title it blocks) lies inside a known
    name that also holds the person's name ("General Court")."""
    return any(
        k.start <= candidate.start
        and candidate.end <= k.end
        and k.end - k.start > candidate.end - candidate.start
        for k in known
    )
