"""Names the corpus knows: the parties found in several documents, for the ones that miss them.

Reads: every document's records. Gives: the names of the companies, products and models
that the extraction found (by pattern or by the tagger, not the packaged gazetteer, which
every document knows already) in at least ``MIN_DOCUMENTS`` documents, with the type most
of them give; the documents that name one where no mention was found ("Millions lost
access to Chirper on Saturday", where the small tagger saw no name); and a lexicon file
(the gazetteer's format) that makes a second extraction of those documents know them. The
story's own parties are what a corpus names most, and what one article's tagger misses
another's finds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set

import yaml

from extract.records import DocumentRecords
from extract.words import is_abbreviation

# A name is the corpus's when this many documents find it.
MIN_DOCUMENTS = 2
# The kinds of parties a document may miss and others find.
PARTY_TYPES = frozenset({"organization", "product", "ai_model"})
# The ids of the lexicon's entries (so a later build counts what they found as found).
CORPUS_PREFIX = "corpus_"


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _alone(text: str, found: re.Match[str]) -> bool:
    """Whether a word found in ``text`` stands on its own, not in a longer name: no
    capitalised word right before it on its line (but one ending a sentence) or after it."""
    start, end = found.start(), found.end()
    line = text.rfind("\n", 0, start) + 1
    before = text[max(line, start - _WORD_SPAN) : start]  # the few words before, not the text
    last = before.split()[-1:] if before.endswith(" ") else []
    joined_before = bool(last) and last[0][:1].isupper() and last[0][-1] not in '.!?:"”'
    after = text[end : end + 2]
    joined_after = len(after) > 1 and after[0] == " " and after[1].isupper()
    return not joined_before and not joined_after


# How far before a name to look for a word that joins it to a longer one.
_WORD_SPAN = 40
# A single word written as a name, not in capitals ("Orvane"; "NDAA" is an abbreviation)
_WORD = re.compile(r"[A-Z][a-z][\w'-]*")
# capitalised words, and the small words a body's name holds ("Bureau of Industry and
# Security", "Telecommunications and Media Authority")
_NAME = re.compile(r"[A-Z][\w&.'-]*(?: (?:(?:and|of|for|on|the|de|du|des|la) )*[A-Z][\w&.'-]*)*")


def recurring_names(
    records: Iterable[DocumentRecords], kinds: Set[str] = PARTY_TYPES
) -> dict[str, str]:
    """Name -> entity type, for the parties (of ``kinds``: companies, products, models, and
    the bodies a text's description types) found in ``MIN_DOCUMENTS`` documents or more, by
    a rule at least once (the tagger alone takes "Trump" or "Court" for a company too
    often), with the type the rules give it most (else the tagger's). A name only the
    tagger found is the corpus's too when it is a name of one kind: of that type in most
    of its mentions, never written in lower case, and written in ``MIN_DOCUMENTS``
    documents (a company the small tagger finds once in three mentions)."""
    records = list(records)
    documents: dict[str, set[str]] = defaultdict(set)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    ruled: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        for mention in record.entities:
            name = mention.span.text
            types[name][mention.type] += 1
            known = mention.source == "gazetteer" and not (mention.gazetteer_id or "").startswith(
                CORPUS_PREFIX
            )
            if known or mention.type not in kinds:
                continue  # the packaged gazetteer's names every document knows already
            if len(name) < 3 or not _NAME.fullmatch(name):
                continue
            if name != mention.name and is_abbreviation(name, mention.name):
                continue  # "(PMA)" after the name it stands for: that name's, already known
            documents[name].add(record.document.id)
            if mention.source != "ner":
                ruled[name][mention.type] += 1
    found: dict[str, str] = {}
    for name, where in sorted(documents.items()):
        kind = (ruled[name] or types[name]).most_common(1)[0][0]
        if len(where) >= MIN_DOCUMENTS and ruled[name] and kind in kinds:
            found[name] = kind
    tagged = []
    for name in sorted(documents):
        (kind, count), total = types[name].most_common(1)[0], sum(types[name].values())
        if not ruled[name] and kind in kinds and 2 * count > total and _WORD.fullmatch(name):
            tagged.append(name)
    for name in _names_only(tagged, records):
        found[name] = types[name].most_common(1)[0][0]
    return found


def _names_only(names: list[str], records: list[DocumentRecords]) -> list[str]:
    """Of ``names`` (single words), those written on their own (not inside a longer name:
    "the D.C. Circuit") in ``MIN_DOCUMENTS`` documents or more, and never in lower case (a
    word of the language the tagger took for a name is written so somewhere: "Court")."""
    if not names:
        return []
    written: Counter[str] = Counter()
    common: set[str] = set()
    patterns = {n: (_word_pattern(n), _word_pattern(n.lower())) for n in names}
    for record in records:
        text = record.document.text
        for name, (as_name, as_word) in patterns.items():
            if any(_alone(text, m) for m in as_name.finditer(text)):
                written[name] += 1
            if as_word.search(text):
                common.add(name)
    return [n for n in names if written[n] >= MIN_DOCUMENTS and n not in common]


def missed_names(record: DocumentRecords, names: Mapping[str, str]) -> list[str]:
    """The names of ``names`` that the document's text gives where no mention was found,
    or where only the tagger found it and took it for another type ("the CNPD said", in an
    article that never tells what the CNPD is)."""
    text = record.document.text
    covered = [(m.span.start, m.span.end) for m in record.entities]
    guessed = {m.span.text for m in record.entities if m.source == "ner" and names.get(m.span.text)}
    missed = []
    for name, kind in names.items():
        mistyped = name in guessed and all(
            m.type != kind for m in record.entities if m.span.text == name
        )
        for found in _word_pattern(name).finditer(text):
            if mistyped or not any(
                start < found.end() and found.start() < end for start, end in covered
            ):
                missed.append(name)
                break
    return missed


def lexicon_text(names: Mapping[str, str]) -> str:
    """A lexicon file (extract/data/gazetteer.yaml's format) naming ``names``, each
    matched only as written."""
    entries = [
        {
            "id": CORPUS_PREFIX + re.sub(r"\W+", "_", name.lower()).strip("_"),
            "name": name,
            "type": kind,
            "aliases": [],
            "case_sensitive": True,
        }
        for name, kind in names.items()
    ]
    return yaml.safe_dump({"version": 1, "entities": entries}, sort_keys=False)


__all__ = ["CORPUS_PREFIX", "MIN_DOCUMENTS", "lexicon_text", "missed_names", "recurring_names"]
