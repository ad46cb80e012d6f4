"""Entity mentions: gazetteer, patterns and NER combined, with canonical names.

Public API (importing this package does not import spaCy; ``extract.entities.component``
does, and registers the ``ptkg_entities`` pipeline component):

- ``load_entity_lexicon(extra_files) -> EntityLexicon``: the data files, merged
- ``canonicalise_corpus(mentions_by_doc) -> {(doc id, doc-level name): corpus name}``
- ``canonical_names``, ``parse_model_name``, ``clean_name``: the canonicaliser's parts
- ``CorpusKnowledge(lexicon)``: corpus-level names and model makers, for the graph
"""

from extract.entities.canonical import (
    ModelName,
    canonical_names,
    canonicalise_corpus,
    clean_name,
    parse_model_name,
)
from extract.entities.knowledge import CorpusKnowledge
from extract.entities.lexicon import EntityLexicon, load_entity_lexicon, packaged_entity_lexicon

__all__ = [
    "CorpusKnowledge",
    "EntityLexicon",
    "ModelName",
    "canonical_names",
    "canonicalise_corpus",
    "clean_name",
    "load_entity_lexicon",
    "packaged_entity_lexicon",
    "parse_model_name",
]
