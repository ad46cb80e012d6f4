"""Readers: corpus files -> ``Document`` records, one bad file never stopping the others.

Reads: a manifest (YAML/CSV), a directory, a JSON-lines file or a single article file.
Adds: ``Document`` records with cleaned text, or ``Skipped`` records saying which file could
not be read and why.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from extract.corpus.cleaning import Boilerplate, clean_text
from extract.corpus.manifest import FIELDS, ID_PATTERN, ManifestEntry, entry_from_row, load_manifest
from extract.dates import parse_partial_date
from extract.errors import DocumentError, ManifestError
from extract.records import DateRange, Document

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml", "manifest.csv")
_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Skipped:
    """A document that could not be read, and why."""

    source: str
    error: DocumentError


@dataclass(frozen=True)
class ReadOptions:
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    collected: date | None = None  # default collected date for documents that give none


def read_corpus(path: Path, options: ReadOptions) -> Iterator[Document | Skipped]:
    """Every document of the corpus at ``path``, in manifest (or sorted file) order.

    ``path`` may be a manifest file, a directory (its manifest if it has one, else every
    supported file in it, recursively), a JSON-lines file or a single article file.
    Raises ManifestError when the manifest itself is unusable; a document that cannot be read
    is yielded as ``Skipped`` and the others are still read.
    """
    path = Path(path)
    if not path.exists():
        raise ManifestError(path, "no such file or directory")
    if path.is_dir():
        for name in MANIFEST_NAMES:
            if (path / name).is_file():
                yield from _read_manifest(path / name, options)
                return
        yield from _read_directory(path, options)
    elif path.name.lower() in MANIFEST_NAMES or path.suffix.lower() in (".yaml", ".yml", ".csv"):
        yield from _read_manifest(path, options)
    else:
        entry = ManifestEntry(id=None, file=path.resolve(), collected=options.collected)
        yield from _read_entry(entry, options, str(path))


def _read_manifest(path: Path, options: ReadOptions) -> Iterator[Document | Skipped]:
    manifest = load_manifest(path)
    for entry in manifest.entries:
        if entry.collected is None and options.collected is not None:
            entry = replace(entry, collected=options.collected)
        yield from _read_entry(entry, options, _relative(entry.file, path.parent))


def _read_directory(path: Path, options: ReadOptions) -> Iterator[Document | Skipped]:
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    for file in files:
        entry = ManifestEntry(id=None, file=file.resolve(), collected=options.collected)
        yield from _read_entry(entry, options, _relative(file, path))


def _read_entry(
    entry: ManifestEntry, options: ReadOptions, label: str
) -> Iterator[Document | Skipped]:
    suffix = entry.file.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(entry, options, label)
            return
        raw = _decode(entry.file, label)
        if suffix in HTML_SUFFIXES:
            yield _from_html(entry, raw, options, label)
        elif suffix in TEXT_SUFFIXES:
            text = _strip_markdown(raw) if suffix in (".md", ".markdown") else raw
            yield _document(entry, text, options, label)
        else:
            raise DocumentError(
                label,
                f"unsupported file type {suffix or '(none)'}",
                fix="use .txt, .md, .html or .jsonl",
            )
    except DocumentError as error:
        yield Skipped(label, error)


def _decode(path: Path, label: str) -> str:
    """Bytes -> text, refusing what is not a UTF-8 text article, with the reason."""
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise DocumentError(label, f"file is too large ({size} bytes) for one article")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(label, "file not found", fix="check the manifest's 'file'") from exc
    except IsADirectoryError as exc:
        raise DocumentError(label, "is a directory, not a file") from exc
    except OSError as exc:
        raise DocumentError(label, f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DocumentError(label, "file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentError(label, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            label,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            fix="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8",
        ) from exc


def _document(
    entry: ManifestEntry,
    raw: str,
    options: ReadOptions,
    label: str,
    *,
    page_title: str | None = None,
) -> Document:
    text, blocks = clean_text(raw, options.boilerplate)
    if not text:
        raise DocumentError(label, "no article text left after removing web boilerplate")
    title = entry.title or page_title
    if title is None and blocks and blocks[0].kind == "title":
        title = text[blocks[0].start : blocks[0].end]
    return Document(
        id=entry.id or _id_from_path(entry.file),
        text=text,
        source=label,
        title=title,
        publisher=entry.publisher,
        url=entry.url,
        published=entry.published,
        collected=entry.collected,
        language=entry.language,
        blocks=blocks,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _from_html(entry: ManifestEntry, html: str, options: ReadOptions, label: str) -> Document:
    """Main text of a news page by trafilatura; page metadata fills what the manifest lacks."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only a date the page states: never the file's date or today's.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    extracted: dict[str, Any] | None = result.as_dict() if result is not None else None
    text = str((extracted or {}).get("text") or "")
    if extracted is None or not text.strip():
        raise DocumentError(label, "no article text found in the HTML page")
    title = extracted.get("title") or None
    published = entry.published
    if published is None and extracted.get("date"):
        published = parse_partial_date(str(extracted["date"]))
    entry = replace(
        entry,
        publisher=entry.publisher or extracted.get("sitename") or None,
        url=entry.url or extracted.get("url") or None,
        published=published,
    )
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return _document(entry, text, options, label, page_title=title)


def _read_jsonl(
    entry: ManifestEntry, options: ReadOptions, label: str
) -> Iterator[Document | Skipped]:
    """One document a line: {"text": ..., "id": ..., and any manifest field}."""
    raw = _decode(entry.file, label)
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            yield _jsonl_document(entry, line, options, where, number)
        except DocumentError as error:
            yield Skipped(where, error)
        except ManifestError as error:
            yield Skipped(where, DocumentError(where, error.problem, fix=error.fix))


def _jsonl_document(
    entry: ManifestEntry, line: str, options: ReadOptions, where: str, number: int
) -> Document:
    try:
        row: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(where, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(row, dict):
        raise DocumentError(where, "a line must be a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(where, "no 'text' string")
    fields = {k: row[k] for k in FIELDS if k in row and k != "file"}
    defaults = {
        "publisher": entry.publisher,
        "collected": entry.collected,
        "language": entry.language,
    }
    line_entry = entry_from_row(
        entry.file,
        {"file": entry.file.name, **fields},
        {k: v for k, v in defaults.items() if v},
        number,
    )
    if line_entry.id is None:
        line_entry = replace(line_entry, id=f"{_id_from_path(entry.file)}-{number}")
    return _document(line_entry, text, options, where)


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _strip_markdown(text: str) -> str:
    """Markdown markup that is not text: heading marks, images, link targets."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_HEADING.sub("", text)


def _id_from_path(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._~-]+", "-", path.stem).strip("-._~") or "doc"
    if not ID_PATTERN.fullmatch(stem):
        stem = "doc-" + hashlib.sha1(str(path).encode()).hexdigest()[:12]
    return stem


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base.resolve()))
    except ValueError:
        return str(path)


__all__ = ["DateRange", "ReadOptions", "Skipped", "read_corpus"]
