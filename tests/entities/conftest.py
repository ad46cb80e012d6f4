"""Fixtures of the entity tests: the pipeline loaded once, and a helper that runs it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from extract.nlp import PipelineOptions, load_pipeline
from extract.records import EntityMention


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(PipelineOptions(components=("ptkg_blocks", "ptkg_entities")))


@pytest.fixture(scope="session")
def entities(nlp: Language) -> Callable[[str], list[EntityMention]]:
    def _entities(text: str) -> list[EntityMention]:
        return list(nlp(text)._.entities)

    return _entities
