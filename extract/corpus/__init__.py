"""Reading a corpus: manifest, file readers (text, Markdown, HTML, JSON lines), cleaning."""

from extract.corpus.cleaning import Boilerplate, BoilerplateRule, clean_text, load_boilerplate
from extract.corpus.manifest import Manifest, ManifestEntry, load_manifest
from extract.corpus.readers import Notice, ReadOptions, Skipped, read_corpus

__all__ = [
    "Boilerplate",
    "BoilerplateRule",
    "Manifest",
    "ManifestEntry",
    "Notice",
    "ReadOptions",
    "Skipped",
    "clean_text",
    "load_boilerplate",
    "load_manifest",
    "read_corpus",
]
