"""Canonical names: merge the aliases and short forms of an entity, in a document and a corpus.

Reads: names and types of entity mentions (plain strings; no spaCy). Adds: the canonical
name of each mention within its document (``canonical_names``) and the corpus-level name of
each document-level name (``canonicalise_corpus``), which the graph layer calls.

Rules, all linear in the number of mentions (hash look-ups, no all-pairs comparison):
- a gazetteer entry's name is its canonical name;
- a model name is split into family, core and version ("Gemini Ultra 2" -> Gemini / Ultra
  / 2); short forms with the same core merge ("Ultra", "Ultra 2", "Gemini Ultra") and take
  the longest known form, as long as the core has a single version in scope;
- a one-word person name merges with the one full name it is the surname (or first name)
  of; a misspelt surname (one or two letters apart, long names only) merges too;
- a company's names that differ only by the words that end a company's name without
  naming it (entity_types.yaml: ``company_name_endings``) merge across documents: "Korvo
  Robotics Co., Ltd.", "Korvo Robotics" and "Korvo"; so does a one-word name no mention
  gives a product with the one company's name of several words it opens ("Velkor Orbital"
  and "Velkor", not "ZenChat" and "ZenChat Alliance");
- legal instruments ("letter", "export control order") are not proper names: they merge
  within a document but never across documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from extract.entities.lexicon import EntityLexicon, packaged_entity_lexicon
from extract.entities.recurring import CORPUS_PREFIX
from extract.records import EntityMention
from extract.words import is_abbreviation

_DOTTED_LEAD = re.compile(r"^((?:[A-Z]\.){2,})(?= [A-Z])")
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(['’]s?|['’])$")
_LEADING = ("the ", "The ")


def clean_name(text: str) -> str:
    """Surface text -> a name: single spaces, no leading "the", no possessive ending."""
    name = _SPACE.sub(" ", text).strip(" \t\n,.;:\"“”‘’'()[]")
    for prefix in _LEADING:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix) :]
    name = _POSSESSIVE.sub("", name).strip()
    return name or text.strip()


def undotted_lead(name: str) -> str:
    """A body's name with its leading dotted abbreviation written without dots ("U.S.
    District Court": "US District Court", as the gazetteer writes the bodies named after
    their country)."""
    return _DOTTED_LEAD.sub(lambda m: m.group(1).replace(".", ""), name)


@dataclass(frozen=True)
class ModelName:
    family: str | None
    core: str
    version: str | None

    def render(self) -> str:
        parts = [p for p in (self.family, self.core, self.version) if p]
        return " ".join(parts)


def parse_model_name(name: str, lexicon: EntityLexicon) -> ModelName:
    """Split a model name into family, core and version ("Gemini Ultra 2")."""
    words = name.split()
    family: str | None = None
    version: str | None = None
    if words:
        found = lexicon.family_of(words[0])
        if found is not None:
            if words[0] in found.names:
                family = found.name
                words = words[1:]
            else:  # a versioned token such as GPT-4.5: the whole token is the name
                return ModelName(None, name, None)
    if words and lexicon.models.version.match(words[-1]):
        version = words[-1]
        words = words[:-1]
    return ModelName(family, " ".join(words), version)


@dataclass
class _Mention:
    index: int
    type: str
    name: str
    gazetteer_id: str | None


def canonical_names(
    mentions: Sequence[tuple[str, str, str | None]], lexicon: EntityLexicon
) -> list[str]:
    """Canonical name of each (type, name, gazetteer name or None) mention of one document."""
    result = [gaz or name for _type, name, gaz in mentions]
    models = [i for i, (t, _n, g) in enumerate(mentions) if lexicon.is_product(t) and not g]
    _merge_models(models, mentions, result, lexicon)
    persons = [i for i, (t, _n, _g) in enumerate(mentions) if t == "person"]
    _merge_persons(persons, result)
    return result


def _merge_models(
    indexes: Sequence[int],
    mentions: Sequence[tuple[str, str, str | None]],
    result: list[str],
    lexicon: EntityLexicon,
) -> None:
    parsed = {i: parse_model_name(mentions[i][1], lexicon) for i in indexes}
    families: dict[str, Counter[str]] = defaultdict(Counter)
    versions: dict[str, Counter[str]] = defaultdict(Counter)
    for model in parsed.values():
        if not model.core:
            continue
        if model.family:
            families[model.core][model.family] += 1
        if model.version:
            versions[model.core][model.version] += 1
    for i, model in parsed.items():
        if not model.core:
            result[i] = mentions[i][1]
            continue
        family = model.family or _most_common(families.get(model.core))
        version = model.version
        if version is None and len(versions.get(model.core, ())) == 1:
            version = _most_common(versions[model.core])
        result[i] = ModelName(family, model.core, version).render()


def _most_common(counter: Counter[str] | None) -> str | None:
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _merge_persons(indexes: Sequence[int], result: list[str]) -> None:
    full = sorted({result[i] for i in indexes if len(result[i].split()) > 1})
    by_part: dict[str, set[str]] = defaultdict(set)
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    for name in full:
        words = name.split()
        by_part[words[-1]].add(name)
        by_part[words[0]].add(name)
        for key in _skeletons(words[-1]):
            by_skeleton[key].add(name)
    for i in indexes:
        name = result[i]
        if len(name.split()) > 1:
            continue
        candidates = by_part.get(name)
        if not candidates and len(name) >= 7:
            candidates = set().union(*(by_skeleton.get(k, set()) for k in _skeletons(name)))
        if candidates and len(candidates) == 1:
            result[i] = next(iter(candidates))


def _skeletons(word: str) -> Iterable[str]:
    """Keys shared by words one transposition or one deletion apart (for long names only)."""
    if len(word) < 7:
        return ()
    lowered = word.lower()
    keys = {lowered}
    for k in range(len(lowered) - 1):
        keys.add(lowered[:k] + lowered[k + 1] + lowered[k] + lowered[k + 2 :])
    return keys


# --------------------------------------------------------------------------- corpus


def canonicalise_corpus(
    mentions_by_doc: Mapping[str, Sequence[EntityMention]],
    lexicon: EntityLexicon | None = None,
) -> dict[tuple[str, str], str]:
    """(document id, document-level name) -> corpus-level name, for every mention given.

        Linear in the number of mentions. Merges: equal gazetteer ids; equal names of the same
        type; model short forms with the core and version of one corpus-wide model ("Ultra 2"
        in one article, "Gemini Ultra 2" in another; "Ultra" when the corpus knows one version
        of it); full person names that differ only by middle initials; one-word person names
    (and one-word organisations NER found where other documents name that word a person)
    that are the surname of exactly one full name. Legal
        instruments stay per document (a "letter" of one article is not that of another).
    """
    lexicon = lexicon or packaged_entity_lexicon()
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        root = key
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    node_of: dict[tuple[str, str], str] = {}
    names_of: dict[str, Counter[str]] = defaultdict(Counter)
    gaz_name: dict[str, str] = {}
    models: dict[str, list[tuple[str, ModelName]]] = defaultdict(list)
    versions: dict[str, set[str]] = defaultdict(set)
    full_people: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, set[str]] = defaultdict(set)  # a full name without middle initials
    single_people: list[str] = []
    single_person_names: set[str] = set()
    lone_orgs: list[str] = []  # one-word organisations only NER found
    nodes_by_kind: dict[str, set[str]] = defaultdict(set)  # bodies: courts, agencies
    particles = {w.lower() for w in lexicon.ner.surname_particles}  # "van", "de", "al"
    endings = {w.lower().rstrip(".") for w in lexicon.ner.company_name_endings}
    companies: dict[str, set[str]] = defaultdict(set)  # a company's name without endings
    # a company's name of several words by its first word, and the names of one word
    openings: dict[str, set[str]] = defaultdict(set)
    one_word_companies: list[str] = []
    products: set[str] = set()  # names some mention gives a product ("ZenChat")
    acronyms: dict[str, set[str]] = defaultdict(set)  # "pma" -> the nodes it stands for

    for doc_id in sorted(mentions_by_doc):
        for mention in mentions_by_doc[doc_id]:
            coarse = _kind(mention.type, lexicon)
            # instruments stay per document: "the letter" of one is not another's
            if lexicon.is_instrument(mention.type):
                node = f"doc:{doc_id}:{mention.name.lower()}"
            else:
                node = f"name:{coarse}:{mention.name.lower()}"
            node_of[(doc_id, mention.name)] = node
            names_of[node][mention.name] += 1
            find(node)
            letters = mention.span.text.replace(".", "")  # "U.S.", "PMA"
            if letters != mention.name and is_abbreviation(letters, mention.name):
                acronyms[letters.lower()].add(node)
            if mention.gazetteer_id:
                gaz = f"gaz:{mention.gazetteer_id}"
                union(node, gaz)
                entry = lexicon.entry(mention.gazetteer_id)
                if entry is not None:
                    gaz_name[gaz] = entry.name
            if coarse in _BODY_KINDS and not lexicon.is_instrument(mention.type):
                nodes_by_kind[mention.type].add(node)
            if lexicon.is_product(mention.type):
                products.add(mention.name.lower())
            if coarse == "org":
                companies[_company_core(mention.name, endings)].add(node)
                if not mention.gazetteer_id or mention.gazetteer_id.startswith(CORPUS_PREFIX):
                    words = mention.name.split()
                    if len(words) > 1:
                        openings[words[0].lower()].add(node)
                    elif len(words) == 1:
                        one_word_companies.append(node)
            if coarse == "model":
                model = parse_model_name(mention.name, lexicon)
                if model.core:
                    models[model.core.lower()].append((node, model))
                    if model.version:
                        versions[model.core.lower()].add(model.version)
            elif mention.type == "person":
                words = mention.name.split()
                last = _surname(words, particles)
                if len(last) < len(words):
                    full_people[words[-1].lower()].add(node)
                    full_people[" ".join(last).lower()].add(node)  # "van hollen"
                    forms[_without_initials(words)].add(node)
                else:  # "Roe", "Van Hollen": a surname alone
                    single_people.append(node)
                    single_person_names.add(mention.name.lower())
            elif (
                coarse == "org"
                and mention.source == "ner"
                and not mention.gazetteer_id
                and len(mention.name.split()) == 1
            ):
                lone_orgs.append(node)

    for core, members in models.items():
        by_version: dict[str | None, list[str]] = defaultdict(list)
        for node, model in members:
            version = model.version
            if version is None and len(versions[core]) == 1:
                version = next(iter(versions[core]))
            by_version[version].append(node)
        for nodes in by_version.values():
            for node in nodes[1:]:
                union(nodes[0], node)
    # "Jane Q. Roe" and "Jane Roe" are one person: the surname alone then finds one name.
    for same_person in forms.values():
        first, *rest = sorted(same_person)
        for node in rest:
            union(first, node)
    # NER types a surname as an organisation at times ("Roe moved to ..."); where other
    # documents use the same word for a person of the corpus, it is that person.
    single_people += [n for n in lone_orgs if n.rsplit(":", 1)[1] in single_person_names]
    for node in single_people:
        surname = node.rsplit(":", 1)[1]
        targets = full_people.get(surname, set())
        if len({find(t) for t in targets}) == 1:
            union(node, next(iter(targets)))

    _merge_short_names(nodes_by_kind, union, find)
    # "Korvo Robotics Co., Ltd." in one article, "Korvo" in another: one company
    for same_company in companies.values():
        first, *rest = sorted(same_company)
        for node in rest:
            union(first, node)

    # "Velkor Orbital" in one article, "Velkor" in the headline of another: the one company
    # whose name opens with the word, when only one does
    for node in one_word_companies:
        word = node.rsplit(":", 1)[1]
        if word in products:
            continue  # an app's name opens its users' group's ("ZenChat Alliance")
        targets = {find(t) for t in openings.get(word, ())}
        if len(targets) == 1:
            union(node, targets.pop())

    # "the Kestrian Monetary Authority (KMA)" in one article, "KMA" alone in another (of
    # any type the tagger gave it): the body the acronym stood for, when it stood for one
    for node in list(parent):
        if node.startswith("doc:"):
            continue
        word = node.rsplit(":", 1)[1].replace(".", "")
        targets = {find(t) for t in acronyms.get(word, ())}
        if len(targets) == 1:
            union(node, targets.pop())

    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        groups[find(node)].append(node)
    canonical: dict[str, str] = {}
    for root, nodes in groups.items():
        known = [gaz_name[n] for n in nodes if n in gaz_name]
        if known:
            canonical[root] = sorted(known)[0]
            continue
        counts: Counter[str] = Counter()
        for node in nodes:
            counts.update(names_of.get(node, Counter()))
        if not counts:
            continue
        canonical[root] = sorted(
            counts.items(), key=lambda kv: (-_informative(kv[0]), -kv[1], kv[0])
        )[0][0]
    result: dict[tuple[str, str], str] = {}
    for (doc_id, name), node in node_of.items():
        corpus_name = canonical.get(find(node), name)
        if node.startswith("doc:"):
            corpus_name = f"{corpus_name} ({doc_id})"
        result[(doc_id, name)] = corpus_name
    return result


def _company_core(name: str, endings: set[str]) -> str:
    """A company's name without the words that end it without naming it ("Korvo Robotics
    Co., Ltd." -> "korvo"); the name itself when nothing else would be left."""
    words = [w.strip(",.") for w in name.lower().split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in endings:
        words.pop()
    core = " ".join(words)
    return core if len(core) > 1 else name.lower()


def _surname(words: Sequence[str], particles: set[str]) -> list[str]:
    """The last name with the particles before it: "Chris Van Hollen" -> Van Hollen."""
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in particles:
        start -= 1
    return list(words[start:])


# Kinds of names a shorter form of which may name the one body of the corpus it is part of.
_BODY_KINDS = ("court", "gov", "legislature")


def _merge_short_names(
    nodes_by_kind: Mapping[str, set[str]],
    union: Callable[[str, str], None],
    find: Callable[[str], str],
) -> None:
    """ "the Court of Appeals" where the corpus names one court of appeals, "the US Court of
    Appeals for the D.C. Circuit": the short name of a body is the one body of its type
    whose name holds its words in order; with two such bodies it stays apart."""
    for nodes in nodes_by_kind.values():
        words = {n: n.rsplit(":", 1)[1].split() for n in nodes}
        for node, short in words.items():
            if len(short) < 2:
                continue
            holders = {
                find(other)
                for other, long in words.items()
                if len(long) > len(short) and _holds(long, short)
            }
            if len(holders) == 1:
                union(node, holders.pop())


def _holds(long: Sequence[str], short: Sequence[str]) -> bool:
    n = len(short)
    return any(list(long[i : i + n]) == list(short) for i in range(len(long) - n + 1))


def _without_initials(words: Sequence[str]) -> str:
    """A person's name without the initials between the first and last names."""
    middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
    return " ".join([words[0], *middle, words[-1]]).lower()


_INITIAL = re.compile(r"[A-Z]\.?")


def _kind(entity_type: str, lexicon: EntityLexicon) -> str:
    """Types that may name the same thing share a kind for exact-name merging: products,
    companies and outlets, governing bodies (entity_types.yaml: product, actor)."""
    if lexicon.is_product(entity_type):
        return "model"
    actor = lexicon.actor(entity_type)
    if actor in ("company", "media"):
        return "org"
    if actor == "government":
        return "gov"
    return entity_type


def _informative(name: str) -> int:
    """Longer names (more words, then more characters) are the better canonical form."""
    return len(name.split()) * 1000 + len(name)
