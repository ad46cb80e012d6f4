"""Which language a document is written in, told by its most frequent function words.

Reads: the cleaned text and the language profiles of extract/data/languages.yaml. Adds: the
language code the text is most likely in, or None when the text is too short or no
language is clear. Cheap (one pass over the words) and with no model: enough to keep an
article in another language out of an English pipeline, with a message naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.datafiles import load_yaml, packaged_data
from extract.errors import DataFileError

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Fewer words than this say too little to tell a language.
MIN_WORDS = 20
# A language is clear when this share of the words are its function words and it is
# ahead of the next one by this factor.
MIN_SHARE = 0.08
MARGIN = 1.5
# A text with fewer of a language's function words than this is not in that language, even
# when no profile tells which one it is ("und": undetermined).
MAX_FOREIGN_SHARE = 0.03
UNDETERMINED = "und"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: frozenset[str]


def load_languages(extra: Iterable[Path] = ()) -> dict[str, Language]:
    merged: dict[str, tuple[str, set[str]]] = {}
    for path in [packaged_data("languages.yaml"), *extra]:
        data = load_yaml(path)
        section = data.get("languages") if isinstance(data, dict) else None
        if section is None:
            continue
        if not isinstance(section, dict):
            raise DataFileError(path, "languages: expected a mapping code -> name and words")
        for code, fields in section.items():
            if not isinstance(fields, dict) or not isinstance(fields.get("words"), list):
                raise DataFileError(path, f"languages.{code}: needs a list of words")
            name, words = merged.get(str(code), (str(fields.get("name", code)), set()))
            words.update(str(w).lower() for w in fields["words"])
            merged[str(code)] = (str(fields.get("name", name)), words)
    return {code: Language(code, name, frozenset(words)) for code, (name, words) in merged.items()}


@lru_cache(maxsize=1)
def packaged_languages() -> Mapping[str, Language]:
    return load_languages()


def detect_language(
    text: str, languages: Mapping[str, Language] | None = None, expected: str = "en"
) -> str | None:
    """The code of the language ``text`` is clearly in; ``und`` when it is clearly not in
    the ``expected`` one but none of the profiles fits; None when the text says too little."""
    profiles = languages if languages is not None else packaged_languages()
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < MIN_WORDS:
        return None
    shares: list[tuple[float, str]] = []
    for code, language in profiles.items():
        hits = sum(1 for w in words if w in language.words)
        shares.append((hits / len(words), code))
    shares.sort(reverse=True)
    best_share, best = shares[0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    if best_share >= MIN_SHARE and best_share >= MARGIN * runner_up:
        return best
    expected_share = next((share for share, code in shares if code == expected), None)
    if expected_share is not None and expected_share < MAX_FOREIGN_SHARE:
        return UNDETERMINED
    return None


def language_name(code: str, languages: Mapping[str, Language] | None = None) -> str:
    if code == UNDETERMINED:
        return "a language the profiles do not know"
    profiles = languages if languages is not None else packaged_languages()
    found = profiles.get(code)
    return found.name if found is not None else code


__all__ = ["UNDETERMINED", "Language", "detect_language", "language_name", "load_languages"]
