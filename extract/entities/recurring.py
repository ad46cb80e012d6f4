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

# A name is the corpus's when this many documents find it.
MIN_DOCUMENTS = 2
# The kinds of parties a document may miss and others find.
PARTY_TYPES = frozenset({"organization", "product", "ai_model"})
# The ids of the lexicon's entries (so a later build counts what they found as found).
CORPUS_PREFIX = "corpus_"
_NAME = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*")


def recurring_names(
    records: Iterable[DocumentRecords], kinds: Set[str] = PARTY_TYPES
) -> dict[str, str]:
    """Name -> entity type, for the parties (of ``kinds``: companies, products, models, and
    the bodies a text's description types) found in ``MIN_DOCUMENTS`` documents or more, by
    a rule at least once (the tagger alone takes "Trump" or "Court" for a company too
    often), with the type the rules give it most (else the tagger's)."""
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
            documents[name].add(record.document.id)
            if mention.source != "ner":
                ruled[name][mention.type] += 1
    found: dict[str, str] = {}
    for name, where in sorted(documents.items()):
        kind = (ruled[name] or types[name]).most_common(1)[0][0]
        if len(where) >= MIN_DOCUMENTS and ruled[name] and kind in kinds:
            found[name] = kind
    return found


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
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
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
