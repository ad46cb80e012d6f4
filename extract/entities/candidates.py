"""The candidates of the entity component and what it reads around them.

A ``Candidate`` is one proposed mention (from the gazetteer, a pattern, NER...); the
functions here settle overlaps between candidates and read the tokens around them (a name
after a title, a model's core name, hyphenated names). The component
(``extract.entities.component``) proposes and chooses; these hold no state of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from extract.entities.lexicon import EntityLexicon
from extract.words import is_abbreviation

SPAN_KEY = "entities"  # doc.spans key of the mentions
HYPHENS = "\u2010\u2011\u2012\u2013"
BLOCKED = "_blocked"  # a candidate type that only keeps others off its tokens


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


def occurrences(doc: Doc, words: set[str]) -> list[Token]:
    """Tokens whose text is one of ``words``, found on the ORTH array (no Python loop over
    every token)."""
    if not words:
        return []
    ids = [doc.vocab.strings[w] for w in words if w in doc.vocab.strings]
    if not ids:
        return []
    orths = doc.to_array(ORTH)
    return [doc[int(i)] for i in numpy.nonzero(numpy.isin(orths, ids))[0]]


def variants(names: Iterable[str]) -> list[str]:
    """Each name, and its forms with other hyphen characters (news text mixes them), and a
    dotted abbreviation without its last dot ("U.S President", "U.K-based")."""
    out: list[str] = []
    for name in names:
        forms = [name]
        if name.endswith(".") and "." in name[:-1] and " " not in name:
            forms.append(name[:-1])
        for variant in (
            variant
            for form in forms
            for variant in (form, *(form.replace("-", h) for h in HYPHENS if "-" in form))
        ):
            if variant not in out:
                out.append(variant)
    return out


def expand(pattern: list[dict[str, Any]], family_names: list[str]) -> list[dict[str, Any]]:
    out = []
    for spec in pattern:
        spec = dict(spec)
        if spec.pop("LEXICON", None) == "families":
            spec["ORTH"] = {"IN": family_names}
        out.append(spec)
    return out


def settle_overlaps(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    taken = bytearray(length)
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start)):
        if cand.start >= cand.end or any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = b"\x01" * cand.length
        chosen.append(cand)
    return chosen


def overlaps_any(cand: Candidate, others: Iterable[Candidate]) -> bool:
    return any(o.start < cand.end and cand.start < o.end for o in others)


def is_known(doc: Doc, start: int, end: int, chosen: list[Candidate]) -> bool:
    return any(o.start < end and start < o.end and o.type != "ai_model" for o in chosen)


def name_after(doc: Doc, i: int, lexicon: EntityLexicon) -> int | None:
    """End of a personal name of one to three capitalised words starting at ``i``."""
    end = i
    while end < len(doc) and end - i < 3:
        token = doc[end]
        if not (token.is_title or hyphenated_name(token.text)) or token.pos_ not in (
            "PROPN",
            "NOUN",
        ):
            break
        if token.text in lexicon.ner.stopwords or token.text in lexicon.models.not_names:
            break
        if token.lemma_.lower() in lexicon.instrument_heads:
            break  # "General License": an instrument, no general's name
        end += 1
        if joined_by_hyphen(doc, end):
            end += 2  # "Jean-Pierre", split by the tokenizer
    return end if end > i else None


def joined_by_hyphen(doc: Doc, i: int) -> bool:
    """Whether a hyphen written without spaces at ``i`` joins two capitalised words."""
    return (
        0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and doc[i].text in ("-", *HYPHENS)
        and not doc[i].whitespace_
        and doc[i + 1].is_title
    )


def glued_number(doc: Doc, i: int) -> bool:
    """A number the tokenizer split from the letters it is written with ("5G", "7nm"): a
    word of its own, not a version or a count."""
    return (
        0 <= i < len(doc) - 1
        and doc[i].like_num
        and not doc[i].whitespace_
        and doc[i + 1].text[:1].isalpha()
    )


def hyphenated_name(text: str) -> bool:
    parts = re.split(r"[-\u2010\u2011]", text)
    return len(parts) > 1 and all(p[:1].isupper() for p in parts if p)


def name_keys(word: str) -> set[str]:
    """Keys shared by a name and its one-transposition misspellings (long names only)."""
    if len(word) < 7:
        return {word.lower()}
    lowered = word.lower()
    keys = {lowered}
    for k in range(len(lowered) - 1):
        keys.add(lowered[:k] + lowered[k + 1] + lowered[k] + lowered[k + 2 :])
    return keys


def candidate_ending_at(chosen: Sequence[Candidate], index: int) -> Candidate | None:
    for cand in chosen:
        if cand.end == index:
            return cand
    return None


def candidate_starting_near(chosen: Sequence[Candidate], index: int) -> Candidate | None:
    for cand in chosen:
        if index <= cand.start <= index + 1 and cand.type != BLOCKED:
            return cand
    return None


def core_of(span: Span, lexicon: EntityLexicon) -> str:
    words = [t.text for t in span if lexicon.family_of(t.text) is None or t.i > span.start]
    words = [w for w in words if not lexicon.models.version.match(w)]
    return words[0] if len(words) == 1 else " ".join(words)


def model_cores(chosen: Iterable[Candidate], lexicon: EntityLexicon) -> set[str]:
    cores: set[str] = set()
    for cand in chosen:
        if cand.type != "ai_model":
            continue
        words = cand.name.split()
        if (
            words
            and lexicon.family_of(words[0]) is not None
            and words[0] in (lexicon.family_of(words[0]) or NoFamily).names
        ):
            words = words[1:]
        words = [w for w in words if not lexicon.models.version.match(w)]
        words = [w for w in words if w not in lexicon.models.editions]
        if len(words) == 1 and words[0][:1].isupper() and words[0] not in lexicon.models.not_names:
            cores.add(words[0])
    return cores


class NoFamily:
    names: tuple[str, ...] = ()


def model_context(
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
        owner = candidate_ending_at(chosen, cand.start - 1)
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


def abbreviations_pass(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """ "the US Department of Commerce (DoC)": wherever the document uses the abbreviation
    it defines, it names that entity (and not whatever NER made of it). A company's full
    name given with the short name the gazetteer knows ("Zentrix Telecom Corporation, of
    Shenzhen, China (ZTC Corporation)") is that known company."""
    by_start = {c.start: c for c in chosen}
    by_end = {c.end: c for c in chosen}
    defined: dict[str, Candidate] = {}
    same: dict[int, Candidate] = {}  # a full name's start -> the known entity it is
    for cand in chosen:
        opening = _definition_opens(doc, cand.end)
        if opening is None:
            continue
        first = opening + 1
        names = [cand]
        if (
            first + 1 < len(doc)
            and doc[first].lower_ in _COLLECTIVELY
            and doc[first + 1].text == ","
        ):
            # "Zentrix Telecom Equipment Corporation and Zentrix Kangda Ltd. (collectively,
            # ZTE)": the short name the list goes by abbreviates one of its names
            first += 2
            names = _listed_before(doc, cand, by_end)
        inner = by_start.get(first)
        if inner is not None and inner.source == "gazetteer":
            full = next(
                (c for c in names if is_abbreviation(doc[inner.start].text, _text(doc, c))), None
            )
            if (
                full is not None
                and inner.end < len(doc)
                and doc[inner.end].text == ")"
                and full.source != "gazetteer"
            ):
                same[full.start] = inner
        elif first + 1 < len(doc) and doc[first + 1].text == ")":
            short = doc[first].text
            full = next((c for c in names if is_abbreviation(short, _text(doc, c))), None)
            if short not in defined and full is not None:
                defined[short] = full
    if same:
        chosen = [_as_known(c, same[c.start]) if c.start in same else c for c in chosen]
    if not defined:
        return chosen
    out = [c for c in chosen if not (c.end - c.start == 1 and doc[c.start].text in defined)]
    taken = {i for c in out for i in range(c.start, c.end)}
    for token in doc:
        source = defined.get(token.text)
        if source is not None and token.i not in taken:
            out.append(replace(source, start=token.i, end=token.i + 1, title_start=None))
    return sorted(out, key=lambda c: (c.start, c.end))


# "(collectively, ZTE)": the short name a list of names goes by
_COLLECTIVELY = frozenset({"collectively", "together", "jointly"})


def _text(doc: Doc, cand: Candidate) -> str:
    return doc[cand.start : cand.end].text


def _listed_before(doc: Doc, last: Candidate, by_end: dict[int, Candidate]) -> list[Candidate]:
    """The names of a list that ends with ``last`` ("A, B and C"), in order."""
    names = [last]
    i = last.start
    while True:
        j = i
        while j > 0 and doc[j - 1].lower_ in (",", "and", "the"):
            j -= 1
        before = by_end.get(j)
        if j == i or before is None:
            return names[::-1]
        names.append(before)
        i = before.start


def _definition_opens(doc: Doc, end: int) -> int | None:
    """The "(" that opens the short name a full name ending at ``end`` defines: right after
    it, or after the place it is of (", of Shenzhen, China (ZTC)")."""
    i = end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "of":
        i += 2
    elif i < len(doc) and doc[i].lower_ == "of":
        i += 1
    else:
        return i if i < len(doc) and doc[i].text == "(" else None
    while i < len(doc) and (doc[i].is_title or doc[i].text in (",", "-")):
        i += 1  # the place: "Shenzhen, China", "Hi-New Shenzhen"
    return i if i < len(doc) and doc[i].text == "(" else None


def _as_known(cand: Candidate, known: Candidate) -> Candidate:
    return replace(
        cand,
        type=known.type,
        name=known.name,
        gazetteer_id=known.gazetteer_id,
        affiliation=known.affiliation,
    )


def subunits_pass(
    doc: Doc, chosen: list[Candidate], bodies: Set[str], owners: Set[str]
) -> list[Candidate]:
    """ "the FCC's Wireline Competition Bureau", "the Commission's (FCC) Public Safety
    Bureau": a body the text names as another's belongs to it (its affiliation), so that
    it acts for it."""
    by_end = {c.end: c for c in chosen}
    out = []
    for cand in chosen:
        owner = None
        if cand.type in bodies and cand.affiliation is None and cand.source != "gazetteer":
            i = cand.start - 1
            if i >= 2 and doc[i].text == ")" and doc[i - 2].text == "(":
                i -= 3  # the owner's abbreviation between: "Commission's (FCC) Bureau"
            if i >= 1 and doc[i].text in ("'s", "’s"):
                owner = by_end.get(i) or _described_owner(doc[i - 1], chosen, owners)
        if owner is not None and owner.type in owners:
            cand = replace(cand, affiliation=owner.name)
        out.append(cand)
    return out


def _described_owner(noun: Token, chosen: list[Candidate], owners: Set[str]) -> Candidate | None:
    """ "the department's Office of X": the body named before whose name holds the noun
    (the Commerce Department), the nearest."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" for c in noun.children):
        return None
    word = noun.lower_
    for cand in sorted(chosen, key=lambda c: -c.start):
        if cand.end <= noun.i and cand.type in owners and word in cand.name.lower().split():
            return cand
    return None


def described_names_pass(
    doc: Doc, chosen: list[Candidate], described: Mapping[str, str], company: str
) -> list[Candidate]:
    """ "Portugal's data protection authority, the CNPD", "the CNPD, the country's
    regulator", "privacy watchdog CNPD", "the Capital Markets Authority": a name NER only
    took for an organization (the ``company`` type) is the body the noun set beside it, or
    ending it, describes (``described``: noun -> type, entity_types.yaml
    ``described_by``), wherever the document names it. A noun that is itself part of
    another name ("the Federal Trade Commission, a US agency") tells nothing of a name."""
    covering = {i: c for c in chosen for i in range(c.start, c.end)}
    retyped: dict[str, str] = {}
    for cand in chosen:
        if cand.type != company or cand.source != "ner":
            continue
        last = doc[cand.end - 1]
        own = described.get(last.lower_) if cand.end - cand.start > 1 else None
        if own is not None and last.is_title:
            # "the Capital Markets Authority", "the High Court": a name ending in such a
            # noun names that kind of body itself
            retyped.setdefault(cand.name, own)
            continue
        head = head_token(doc[cand.start : cand.end])
        beside = [t for t in head.children if t.dep_ == "appos"]
        if head.dep_ == "appos":
            beside.append(head.head)
        beside += [t for t in head.lefts if t.dep_ == "compound" and t.i < cand.start]
        for noun in beside:
            kind = described.get(noun.lemma_.lower())
            if kind is not None and noun.pos_ == "NOUN" and noun.i not in covering:
                retyped.setdefault(cand.name, kind)
    if not retyped:
        return chosen
    # found by a rule now: across documents the description outweighs the tagger's guess
    return [
        replace(c, type=retyped[c.name], source="pattern", rule="described")
        if c.name in retyped and c.type == company and c.source == "ner"
        else c
        for c in chosen
    ]


def joined_names_pass(
    doc: Doc, chosen: list[Candidate], described: Mapping[str, str]
) -> list[Candidate]:
    """ "the Telecommunications and Media Authority", "the Competition and Markets
    Authority": a body's name that opens with two words joined by "and", which the tagger
    cuts at "and" (a company "Telecommunications", a body "Media Authority"), is one name:
    a name ending in a noun that describes a body (``described``), after "and" and a
    capitalised word that opens its phrase and that no rule took for a name of its own."""
    covering = {i: c for c in chosen for i in range(c.start, c.end)}
    dropped: set[int] = set()
    out: list[Candidate] = []
    for cand in chosen:
        start = cand.start
        if (
            start >= 2
            and described.get(doc[cand.end - 1].lower_) == cand.type
            and doc[start - 1].lower_ == "and"
            and doc[start - 2].is_title
            and doc[start - 2].is_alpha
            and (start < 3 or (doc[start - 3].pos_ != "PROPN" and start - 3 not in covering))
        ):
            word = covering.get(start - 2)
            if word is None or (word.source == "ner" and word.length == 1):
                if word is not None:
                    dropped.add(id(word))
                name = doc[start - 2 : cand.end].text
                cand = replace(cand, start=start - 2, name=name)
        out.append(cand)
    return [c for c in out if id(c) not in dropped]


def coordination_pass(
    doc: Doc, chosen: list[Candidate], company: str, name_ends: Set[str]
) -> list[Candidate]:
    """ "Zentrix and Intel", "Oracle, Vantage Lake and Corvex": a name coordinated with
    companies is a company too, when nothing else names it, or only NER's guess of a place.
    Words that only end names (``name_ends``, without their dots: "Corp", "Ltd") are no
    name of their own."""
    covering = {i: c for c in chosen for i in range(c.start, c.end)}
    out = list(chosen)
    for cand in chosen:
        if cand.type != company or cand.source == "ner":
            continue
        for other in head_token(doc[cand.start : cand.end]).conjuncts:
            name_like = _name_like(other.text)  # "ZenChat", "Melon8"
            if not (other.is_title or other.is_upper or name_like):
                continue
            if other.pos_ != "PROPN" and not name_like:
                continue
            if _seat_of(other, covering, company):
                continue
            known = covering.get(other.i)
            if known is None:
                start = other.i
                while (
                    start > 0
                    and doc[start - 1].dep_ == "compound"
                    and doc[start - 1].head.i == other.i
                    and doc[start - 1].pos_ == "PROPN"
                    and start - 1 not in covering
                ):
                    start -= 1
                if all(t.text.rstrip(".") in name_ends for t in doc[start : other.i + 1]):
                    continue
                found = Candidate(
                    start,
                    other.i + 1,
                    company,
                    doc[start : other.i + 1].text,
                    "pattern",
                    cand.priority - 1,
                    rule="conjunct",
                )
                out.append(found)
                covering.update({i: found for i in range(start, other.i + 1)})
            elif known.source == "ner" and known.type == "country":
                known.type = company
    return sorted(out, key=lambda c: (c.start, c.end))


def repeated_names_pass(
    doc: Doc,
    chosen: list[Candidate],
    kinds: Set[str],
    company: str = "",
    name_ends: Set[str] = frozenset(),
) -> list[Candidate]:
    """A name a pattern found as a company ("drone maker Korvo") names it wherever else the
    text repeats it ("placed Korvo on the list"), where nothing else does or only NER's
    guess of a person or a place: one name, one sense in one document. ``kinds``: the types
    so spread (organizations and products). A company's name without the words that end
    it (``name_ends``: "Velkor Labs" told again as "Velkor") is spread too, also from a
    name NER found."""
    found = {
        tuple(t.text for t in doc[c.start : c.end]): c
        for c in chosen
        if c.source == "pattern" and c.type in kinds and c.rule != "conjunct"
    }
    for cand in chosen:
        if cand.type != company or cand.source not in ("pattern", "ner"):
            continue
        kept = [t.text for t in doc[cand.start : cand.end]]
        while len(kept) > 1 and kept[-1].rstrip(".") in name_ends:
            kept.pop()
        core = tuple(kept)
        if len(core) < cand.end - cand.start and core[0][:1].isupper():
            found.setdefault(core, cand)
    if not found:
        return chosen
    covering = {i: c for c in chosen for i in range(c.start, c.end)}
    out = list(chosen)
    for words, cand in found.items():
        for first in occurrences(doc, {words[0]}):
            start, end = first.i, first.i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[start:end]) != words:
                continue
            known = {id(c): c for i in range(start, end) if (c := covering.get(i)) is not None}
            if not known:
                copy = replace(cand, start=start, end=end, rule="repeated")
                out.append(copy)
                covering.update({i: copy for i in range(start, end)})
            elif len(known) == 1:
                (other,) = known.values()
                same_span = (other.start, other.end) == (start, end)
                if same_span and other.source == "ner" and other.type in _NER_GUESSES:
                    other.type, other.name = cand.type, cand.name
    return sorted(out, key=lambda c: (c.start, c.end))


# NER's guesses a pattern's reading of the same name overrules
_NER_GUESSES = frozenset({"person", "country", "region", "organization"})


def _seat_of(token: Token, covering: dict[int, Candidate], company: str) -> bool:
    """ "Zentrix Corporation, of Shenzhen, China, and ...": the place a company is of, which
    a parse may coordinate with the companies, is no company."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    owner = covering.get(prep.head.i)
    return owner is not None and owner.type == company


def _name_like(word: str) -> bool:
    """A word the tagger took for a common noun but written as a name ("Melon8", "ZenChat")."""
    return word[:1].isupper() and (
        any(ch.isdigit() for ch in word) or any(ch.isupper() for ch in word[1:])
    )
