"""What the entity lexicon knows across documents, for the graph's reconciliation.

Reads: an ``EntityLexicon`` (the packaged data files and the user's). Gives the graph the
corpus-level name of each document-level name and the maker of a known model family, so
``kg`` never reads the lexicon itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from extract.entities.canonical import canonicalise_corpus, parse_model_name
from extract.entities.lexicon import EntityLexicon
from extract.records import EntityMention


class CorpusKnowledge:
    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lexicon = lexicon

    def canonical_names(
        self, mentions_by_doc: Mapping[str, Sequence[EntityMention]]
    ) -> dict[tuple[str, str], str]:
        """(document id, document-level name) -> corpus-level name."""
        return canonicalise_corpus(mentions_by_doc, self.lexicon)

    def aliases_of(self, gazetteer_id: str) -> tuple[str, ...]:
        """The gazetteer entry's name and aliases."""
        entry = self.lexicon.entry(gazetteer_id)
        return (entry.name, *entry.aliases) if entry is not None else ()

    def owner_of(self, name: str) -> str | None:
        """The company that makes the model called ``name``, when its family is known."""
        family = self.lexicon.family_of(name)
        if family is None:
            family_name = parse_model_name(name, self.lexicon).family
            family = self.lexicon.family_of(family_name) if family_name else None
        return family.owner if family is not None and family.owner else None
