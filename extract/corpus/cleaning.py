"""Main text of a plain-text article: drop web boilerplate lines, keep the layout as blocks.

Reads: raw text as the reader decoded it. Adds: the cleaned text (blocks joined by blank
lines, whitespace inside a line collapsed) and its blocks, each a title, heading, paragraph
or list item. Offsets of every later record index this cleaned text.

Text wrapped at a fixed width (wire copy, mailing lists, pages saved as text) breaks its
sentences across lines: a line that does not end a sentence goes on in the next when the
next starts in lower case ("The U.S. Senate" / "passed a bill"), and, in a text wrapped so
throughout, whatever the next line starts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from extract.datafiles import load_yaml, packaged_data
from extract.errors import DataFileError
from extract.records import Block

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+")
_INNER_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")


@dataclass(frozen=True)
class BoilerplateRule:
    pattern: re.Pattern[str]
    max_chars: int | None = None

    def matches(self, line: str) -> bool:
        if self.max_chars is not None and len(line) > self.max_chars:
            return False
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class Boilerplate:
    """What the cleaner removes (``lines``) and which headings are never titles."""

    lines: tuple[BoilerplateRule, ...] = ()
    section_headings: frozenset[str] = frozenset()


def load_boilerplate(extra: Iterable[Path] = ()) -> Boilerplate:
    """The packaged boilerplate rules, plus those of the user's files in ``extra``."""
    rules: list[BoilerplateRule] = []
    headings: set[str] = set()
    for path in (packaged_data("boilerplate.yaml"), *extra):
        data = load_yaml(path)
        entries = data.get("lines", []) if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise DataFileError(path, "expected a mapping with a 'lines' list")
        section = data.get("section_headings", [])
        if not isinstance(section, list):
            raise DataFileError(path, "'section_headings' must be a list of strings")
        headings.update(str(h).casefold() for h in section)
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
                raise DataFileError(path, f"entry {number} of 'lines' has no 'pattern' string")
            try:
                pattern = re.compile(entry["pattern"], re.IGNORECASE)
            except re.error as exc:
                raise DataFileError(
                    path, f"entry {number}: invalid regular expression {entry['pattern']!r}: {exc}"
                ) from exc
            max_chars = entry.get("max_chars")
            rules.append(BoilerplateRule(pattern, int(max_chars) if max_chars else None))
    return Boilerplate(tuple(rules), frozenset(headings))


def clean_text(raw: str, boilerplate: Boilerplate) -> tuple[str, tuple[Block, ...]]:
    """Return the cleaned text and its blocks. Empty when nothing but boilerplate remains."""
    kept: list[tuple[str, str]] = []
    lines = [
        _INNER_SPACE.sub(" ", raw_line).strip()
        for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    # a boilerplate line breaks the text around it as a blank line does
    lines = ["" if any(rule.matches(x) for rule in boilerplate.lines) else x for x in lines]
    for line in unwrap(lines):
        if not line or any(rule.matches(line) for rule in boilerplate.lines):
            continue
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :].strip()
            if not line:
                continue
            kept.append((line, "list_item"))
        else:
            kept.append((line, "paragraph" if _looks_like_prose(line) else "heading"))
    # The first heading of an article is its title; a heading repeated verbatim later (the
    # page showed the headline twice) is dropped so it is not read twice.
    blocks: list[Block] = []
    parts: list[str] = []
    seen_headings: set[str] = set()
    offset = 0
    for line, kind in kept:
        if kind == "heading":
            if line in seen_headings:
                continue
            seen_headings.add(line)
            if not blocks and line.casefold() not in boilerplate.section_headings:
                kind = "title"
        if parts:
            offset += 2
        blocks.append(Block(offset, offset + len(line), kind))
        parts.append(line)
        offset += len(line)
    return "\n\n".join(parts), tuple(blocks)


# A text is wrapped throughout when this many of its line breaks cut a sentence before a
# word in lower case, and they are this share of its line breaks between text lines.
WRAPPED_BREAKS = 3
WRAPPED_SHARE = 0.2


def unwrap(lines: list[str]) -> list[str]:
    """The lines of a text with the sentences it wrapped across lines joined again; blank
    lines (paragraph breaks) and list items stay where they are."""

    def cut(a: str, b: str) -> bool:  # a sentence cut before a lower-case word or a number
        if not (a and b) or a.endswith(":"):
            return False
        # "U.S." / "suppliers": no sentence starts in lower case; a line opening with an
        # ISO date is a page's stamp ("2026-05-14 10:00:21 source: ..."), not a number
        # the line before wrapped
        if _ISO_DATE.match(b):
            return False
        return b[0].islower() or (b[0].isdigit() and not _SENTENCE_END.search(a))

    pairs = [(a, b) for a, b in pairwise(lines) if a and b]
    cuts = sum(cut(a, b) for a, b in pairs)
    wrapped = cuts >= WRAPPED_BREAKS and cuts >= WRAPPED_SHARE * len(pairs)
    out: list[str] = []
    for line in lines:
        last = out[-1] if out else ""
        if (
            line
            and last
            and not _BULLET.match(line)
            and (
                cut(last, line)
                # "[June 19, 2018]", "(Reuters)": a line in brackets stands apart
                or (wrapped and not _SENTENCE_END.search(last) and line[0] not in "[(")
            )
        ):
            out[-1] = f"{last} {line}"
        else:
            out.append(line)
    return out


def _looks_like_prose(line: str) -> bool:
    """A paragraph ends like a sentence; a heading is short and unpunctuated."""
    if _SENTENCE_END.search(line):
        return True
    return len(line.split()) > 25
