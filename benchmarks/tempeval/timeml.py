"""Read TimeML documents: the text content of TEXT, its gold TIMEX3s and the DCT.

Offsets index the text content of the TEXT element (tags removed, entities decoded), the
text both taggers are given.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Annotation:
    """One TIMEX3: gold, or a tagger's output mapped back to the text."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    id: str
    text: str
    dct: date
    gold: tuple[Annotation, ...]
    subset: str = ""  # the top folder it was found in under the corpus directory: TimeBank


def read_document(path: Path) -> TimeMLDocument:
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if dct_timex is None or text_el is None:
        raise ValueError(f"{path}: no DCT/TIMEX3 or TEXT element; is it a TimeML document?")
    dct = date.fromisoformat(dct_timex.get("value", "")[:10])
    pieces: list[str] = []
    gold: list[Annotation] = []
    _walk(text_el, pieces, gold)
    return TimeMLDocument(path.stem, "".join(pieces), dct, tuple(gold))


def _walk(element: ET.Element, pieces: list[str], gold: list[Annotation]) -> None:
    """Append the element's text content, recording TIMEX3 offsets on the way."""
    start = sum(map(len, pieces))
    if element.text:
        pieces.append(element.text)
    for child in element:
        _walk(child, pieces, gold)
        if child.tail:
            pieces.append(child.tail)
    if element.tag == "TIMEX3":
        end = sum(map(len, pieces))
        gold.append(Annotation(start, end, element.get("type", ""), element.get("value", "")))


def subset_of(path: Path, directory: Path) -> str:
    """The top folder of ``path`` under ``directory`` ("" for a file right in it)."""
    parts = path.relative_to(directory).parts
    return parts[0] if len(parts) > 1 else ""


def read_corpus(directory: Path, subset: str | None = None) -> list[TimeMLDocument]:
    """All ``*.tml`` documents under ``directory``, in path order; with ``subset``, only
    those under its top folder of that name (any case: "timebank", "AQUAINT")."""
    paths = sorted(directory.rglob("*.tml"))
    if not paths:
        raise FileNotFoundError(f"{directory}: no *.tml file found (give a TimeML directory)")
    if subset is not None:
        folders = sorted({subset_of(path, directory) for path in paths} - {""})
        paths = [p for p in paths if subset_of(p, directory).lower() == subset.lower()]
        if not paths:
            raise FileNotFoundError(
                f"{directory}: no folder {subset!r} holding *.tml files; "
                f"its folders are: {', '.join(folders) or 'none'}"
            )
    return [replace(read_document(path), subset=subset_of(path, directory)) for path in paths]
