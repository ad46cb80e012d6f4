"""Fixtures of the entity tests: the pipeline loaded once, and helpers that run it on a text
or on a parse given by the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

from extract.nlp import PipelineOptions, load_pipeline
from extract.records import EntityMention

if TYPE_CHECKING:
    from tests.conftest import Parsed


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(PipelineOptions(components=("ptkg_blocks", "ptkg_entities")))


@pytest.fixture(scope="session")
def entities(nlp: Language) -> Callable[[str], list[EntityMention]]:
    def _entities(text: str) -> list[EntityMention]:
        return list(nlp(text)._.entities)

    return _entities


@pytest.fixture(scope="session")
def entities_parsed(
    blank_pipeline: Callable[..., Language], parsed: Parsed
) -> Callable[[str], list[EntityMention]]:
    """As ``entities``, on the parse tests/data/parses.conllu gives the text, not the
    model's: for a test of a rule of the entity layer."""
    rules = blank_pipeline("ptkg_entities")

    def _entities(text: str) -> list[EntityMention]:
        return list(rules.get_pipe("ptkg_entities")(parsed(rules.vocab, text))._.entities)

    return _entities
