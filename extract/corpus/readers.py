"""Readers: corpus files -> ``Document`` records, one bad file never stopping the others.

Reads: a manifest (YAML/CSV), a directory, a JSON-lines file or a single article file.
Adds: ``Document`` records with cleaned text, or ``Skipped`` records saying which file could
not be read and why, and ``Notice``s of what was repaired or dropped on the way (a URL).

No document is lost without a message: every document gets an id no other document of the
corpus has (two files of one name in different folders are told apart by their paths), and
a corpus that gives one id twice is refused (``DuplicateIdError``).

Longer than most modules: one reader per format, each a few functions, behind one entry
point that owns the ids and the messages.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from extract.corpus.cleaning import Boilerplate, clean_text
from extract.corpus.language import detect_language, language_name
from extract.corpus.manifest import FIELDS, ID_PATTERN, ManifestEntry, entry_from_row, load_manifest
from extract.corpus.urls import clean_url
from extract.dates import parse_partial_date
from extract.errors import DocumentError, DuplicateIdError, ManifestError
from extract.records import DateRange, Document

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml", "manifest.csv")
_MAX_BYTES = 20_000_000
# The most characters of cleaned text one document may have: what the NLP pipeline takes at
# once (spaCy's ``max_length``). A longer text is skipped with a message; split it.
MAX_TEXT_CHARS = 1_000_000
# The fields of a JSON line: the manifest's (but 'file') and the text itself.
JSONL_FIELDS = ("text", *(name for name in FIELDS if name != "file"))


@dataclass(frozen=True)
class Skipped:
    """A document that could not be read, and why."""

    source: str
    error: DocumentError


@dataclass(frozen=True)
class Notice:
    """Something a reader repaired or left out of a document that it still read."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class ReadOptions:
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    collected: date | None = None  # default collected date for documents that give none
    # Files and folders a directory corpus must not read (a build's own output inside it):
    # a predicate on paths; a folder for which it holds is not entered.
    exclude: Callable[[Path], bool] | None = None
    language: str = "en"  # the language the pipeline reads: documents in another are skipped


def read_corpus(
    path: Path, options: ReadOptions, notices: list[Notice] | None = None
) -> Iterator[Document | Skipped]:
    """Every document of the corpus at ``path``, in manifest (or sorted file) order.

    ``path`` may be a manifest file, a directory (its manifest if it has one, else every
    supported file in it, recursively), a JSON-lines file or a single article file.
    Raises ManifestError when the manifest itself is unusable and DuplicateIdError when two
    documents would have one id; a document that cannot be read is yielded as ``Skipped``
    and the others are still read. What was repaired or dropped in a document that was read
    (a URL) is appended to ``notices``.
    """
    seen: dict[str, str] = {}
    reader = _Reader(options, notices if notices is not None else [])
    for item in reader.read(Path(path)):
        if isinstance(item, Document):
            first = seen.get(item.id)
            if first is not None:
                raise DuplicateIdError(
                    item.source,
                    f"document id {item.id!r} is already the id of {first}",
                    fix="give each document its own id (the manifest's or the JSON line's "
                    "'id'), or rename one of the files",
                )
            seen[item.id] = item.source
        yield item


class _Reader:
    def __init__(self, options: ReadOptions, notices: list[Notice]) -> None:
        self.options = options
        self.notices = notices

    def read(self, path: Path) -> Iterator[Document | Skipped]:
        if not path.exists():
            raise ManifestError(path, "no such file or directory", code="E111")
        if path.is_dir():
            for name in MANIFEST_NAMES:
                if (path / name).is_file():
                    yield from self.manifest(path / name)
                    return
            yield from self.directory(path)
        elif path.name.lower() in MANIFEST_NAMES or path.suffix.lower() in (
            ".yaml",
            ".yml",
            ".csv",
        ):
            yield from self.manifest(path)
        else:
            entry = ManifestEntry(id=None, file=path.resolve(), collected=self.options.collected)
            yield from self.entry(entry, str(path), _id_from_path(path))

    def manifest(self, path: Path) -> Iterator[Document | Skipped]:
        manifest = load_manifest(path)
        base = path.parent.resolve()
        implicit = [e.file for e in manifest.entries if e.id is None]
        default_ids = dict(zip(implicit, _default_ids(implicit, base), strict=True))
        for entry in manifest.entries:
            if entry.collected is None and self.options.collected is not None:
                entry = replace(entry, collected=self.options.collected)
            default = default_ids.get(entry.file) or _id_from_path(entry.file)
            yield from self.entry(entry, _relative(entry.file, base), default)

    def directory(self, path: Path) -> Iterator[Document | Skipped]:
        files = _corpus_files(path, self.options.exclude)
        base = path.resolve()
        for file, default in zip(files, _default_ids(files, base), strict=True):
            entry = ManifestEntry(id=None, file=file, collected=self.options.collected)
            yield from self.entry(entry, _relative(file, base), default)

    def entry(
        self, entry: ManifestEntry, label: str, default_id: str
    ) -> Iterator[Document | Skipped]:
        """The document(s) of one file; ``default_id`` when the entry gives none (for JSON
        lines: the prefix of each line's id)."""
        suffix = entry.file.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from self.jsonl(entry, label, default_id)
                return
            raw = _decode(entry.file, label)
            if suffix in HTML_SUFFIXES:
                yield self.html(replace(entry, id=entry.id or default_id), raw, label)
            elif suffix in TEXT_SUFFIXES:
                text = _strip_markdown(raw) if suffix in (".md", ".markdown") else raw
                yield self.document(replace(entry, id=entry.id or default_id), text, label)
            else:
                raise DocumentError(
                    label,
                    f"unsupported file type {suffix or '(none)'}",
                    fix="use .txt, .md, .html or .jsonl",
                    code="E127",
                )
        except DocumentError as error:
            yield Skipped(label, error)

    def document(
        self,
        entry: ManifestEntry,
        raw: str,
        label: str,
        *,
        page_title: str | None = None,
    ) -> Document:
        assert entry.id is not None
        text, blocks = clean_text(raw, self.options.boilerplate)
        if not text:
            raise DocumentError(
                label, "no article text left after removing web boilerplate", code="E125"
            )
        if len(text) > MAX_TEXT_CHARS:
            raise DocumentError(
                label,
                f"the text is {len(text):,} characters long, more than the "
                f"{MAX_TEXT_CHARS:,} one document may have",
                fix="split it into several documents, one article each",
                code="E123",
            )
        reads = self.options.language
        written_in = entry.language if entry.language != reads else None
        written_in = written_in or detect_language(text, expected=reads)
        if written_in is not None and written_in != reads:
            raise DocumentError(
                label,
                f"the text is in {language_name(written_in)}; the pipeline reads "
                f"{language_name(reads)} only, so no event is taken from it",
                fix="leave it out, or give a translation as a document of its own",
                code="E124",
            )
        title = entry.title or page_title
        if title is None and blocks and blocks[0].kind == "title":
            title = text[blocks[0].start : blocks[0].end]
        url = None
        if entry.url:
            cleaned = clean_url(entry.url)
            url = cleaned.url
            if cleaned.note:
                self.notices.append(Notice(label, cleaned.note))
        return Document(
            id=entry.id,
            text=text,
            source=label,
            title=title,
            publisher=entry.publisher,
            url=url,
            published=entry.published,
            collected=entry.collected,
            language=entry.language,
            blocks=blocks,
            checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )

    def html(self, entry: ManifestEntry, html: str, label: str) -> Document:
        """Main text of a news page by trafilatura; page metadata fills what the manifest
        lacks."""
        import trafilatura

        try:
            result: Any = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                # Only a date the page states: never the file's date or today's.
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # a third-party parser on untrusted input: skip the page
            raise DocumentError(
                label,
                f"the HTML page cannot be parsed ({type(exc).__name__}: {exc})",
                code="E125",
            ) from exc
        extracted: dict[str, Any] | None = result.as_dict() if result is not None else None
        text = str((extracted or {}).get("text") or "")
        if extracted is None or not text.strip():
            raise DocumentError(label, "no article text found in the HTML page", code="E125")
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
        return self.document(entry, text, label, page_title=title)

    def jsonl(self, entry: ManifestEntry, label: str, prefix: str) -> Iterator[Document | Skipped]:
        """One document a line: {"text": ..., "id": ..., and any manifest field}."""
        raw = _decode(entry.file, label)
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{label}:{number}"
            try:
                yield self.jsonl_document(entry, line, where, number, prefix)
            except DocumentError as error:
                yield Skipped(where, error)
            except ManifestError as error:
                yield Skipped(
                    where, DocumentError(where, error.problem, fix=error.fix, code="E126")
                )

    def jsonl_document(
        self, entry: ManifestEntry, line: str, where: str, number: int, prefix: str
    ) -> Document:
        try:
            row: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(
                where, f"invalid JSON: {exc.msg} at column {exc.colno}", code="E126"
            ) from exc
        except RecursionError as exc:
            raise DocumentError(where, "invalid JSON: nested too deeply", code="E126") from exc
        if not isinstance(row, dict):
            raise DocumentError(where, "a line must be a JSON object", code="E126")
        unknown = sorted(set(row) - set(JSONL_FIELDS))
        if unknown:
            raise DocumentError(
                where,
                f"unknown field(s) {', '.join(unknown)}",
                fix=f"known fields are {', '.join(JSONL_FIELDS)}",
                code="E126",
            )
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DocumentError(where, "no 'text' string", code="E126")
        if _SURROGATE.search(line) and _has_lone_surrogate(row):
            raise DocumentError(
                where,
                "a string holds an unpaired surrogate escape (\\ud800-\\udfff): not Unicode text",
                fix="write the character itself, or both halves of its surrogate pair",
                code="E122",
            )
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
            line_entry = replace(line_entry, id=f"{prefix}-{number}")
        return self.document(line_entry, text, where)


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _corpus_files(root: Path, exclude: Callable[[Path], bool] | None) -> list[Path]:
    """The files of a directory corpus a reader reads, sorted; folders ``exclude`` names
    are not entered, links to folders not followed."""
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = [d for d in subfolders if not (exclude and exclude(here / d))]
        for name in names:
            file = here / name
            if Path(name).suffix.lower() not in suffixes or (exclude and exclude(file)):
                continue
            if file.is_file():
                found.append(file.absolute())
    return sorted(found)


def _default_ids(files: list[Path], base: Path) -> list[str]:
    """The id of each file that gives none: its name without suffix, unless another file of
    the corpus has that name too; then its path (``s1/same.txt`` -> ``s1-same.txt``)."""
    stems = [_id_from_path(file) for file in files]
    count = Counter(stems)
    return [
        stem if count[stem] == 1 else _id_from_text(_relative(file, base), file)
        for file, stem in zip(files, stems, strict=True)
    ]


def _decode(path: Path, label: str) -> str:
    """Bytes -> text, refusing what is not a UTF-8 text article, with the reason."""
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise DocumentError(
                label, f"file is too large ({size} bytes) for one article", code="E121"
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(
            label, "file not found", fix="check the manifest's 'file'", code="E121"
        ) from exc
    except IsADirectoryError as exc:
        raise DocumentError(label, "is a directory, not a file", code="E121") from exc
    except OSError as exc:
        raise DocumentError(label, f"cannot read: {exc.strerror or exc}", code="E121") from exc
    if not data.strip():
        raise DocumentError(label, "file is empty", code="E122")
    if b"\x00" in data[:8192]:
        raise DocumentError(label, "binary file (contains NUL bytes), not text", code="E122")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            label,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            fix="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8",
            code="E122",
        ) from exc


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _strip_markdown(text: str) -> str:
    """Markdown markup that is not text: heading marks, images, link targets."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_HEADING.sub("", text)


def _id_from_path(path: Path) -> str:
    return _id_from_text(path.stem, path)


def _id_from_text(text: str, path: Path) -> str:
    value = re.sub(r"[^A-Za-z0-9._~-]+", "-", text).strip("-._~") or "doc"
    if not ID_PATTERN.fullmatch(value):
        value = "doc-" + hashlib.sha1(str(path).encode()).hexdigest()[:12]
    return value


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base.resolve()))
    except ValueError:
        return str(path)


__all__ = ["MAX_TEXT_CHARS", "DateRange", "Notice", "ReadOptions", "Skipped", "read_corpus"]
