"""The corpus manifest: which documents make the corpus and what is known about each.

A manifest is YAML (a mapping with a ``documents`` list and optional corpus-wide defaults)
or CSV (one row per document, the same field names as columns). The format is documented in
docs/corpus.md. Reads: the manifest file. Adds: one ``ManifestEntry`` per document.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from extract.datafiles import fast_loader, load_yaml
from extract.dates import parse_partial_date
from extract.errors import DataFileError, ManifestError
from extract.records import DateRange

FIELDS = ("id", "file", "title", "publisher", "url", "published", "collected", "language")
_DEFAULTABLE = ("publisher", "collected", "language")
# Ids become parts of IRIs: keep them to characters that need no escaping (no "/": see
# docs/model.md on prefixed names).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,199}")


@dataclass(frozen=True)
class ManifestEntry:
    """One document as the manifest describes it. ``file`` is resolved against the manifest."""

    id: str | None
    file: Path
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateRange | None = None
    collected: date | None = None
    language: str = "en"
    line: int | None = None  # where in the manifest, for messages


@dataclass(frozen=True)
class Manifest:
    path: Path
    entries: tuple[ManifestEntry, ...]


def load_manifest(path: Path) -> Manifest:
    """Read a YAML or CSV manifest. Raises ManifestError naming the file and the entry."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows, defaults = _yaml_rows(path)
    elif suffix == ".csv":
        rows, defaults = _csv_rows(path), {}
    else:
        raise ManifestError(path, "a manifest must be .yaml, .yml or .csv")
    entries = [entry_from_row(path, row, defaults, line) for line, row in rows]
    seen: dict[str, int | None] = {}
    for entry in entries:
        if entry.id is None:
            continue
        if entry.id in seen:
            raise ManifestError(
                path,
                f"document id {entry.id!r} is used twice (also at line {seen[entry.id]})",
                line=entry.line,
                fix="give every document its own id",
                code="E115",
            )
        seen[entry.id] = entry.line
    return Manifest(path, tuple(entries))


def check_id(value: str, path: Path, line: int | None) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise ManifestError(
            path,
            f"document id {value!r} is not usable in an IRI",
            line=line,
            fix="use letters, digits, '.', '_', '~' or '-', starting with a letter or digit",
            code="E115",
        )
    return value


class _ManifestLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date stays the text written, so that an
    impossible one (2026-13-45) is reported with its field and line, not by the parser."""


_ManifestLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml_rows(path: Path) -> tuple[list[tuple[int | None, dict[str, Any]]], dict[str, Any]]:
    try:
        data = load_yaml(path, _ManifestLoader)
    except DataFileError as error:
        raise ManifestError(path, error.problem, line=error.line, fix=error.fix) from error
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ManifestError(path, "expected a mapping with a 'documents' list")
    defaults = {key: data[key] for key in _DEFAULTABLE if key in data}
    lines = _yaml_item_lines(path)
    rows: list[tuple[int | None, dict[str, Any]]] = []
    for index, row in enumerate(data["documents"]):
        line = lines[index] if index < len(lines) else None
        if not isinstance(row, dict):
            raise ManifestError(path, f"document {index + 1} is not a mapping", line=line)
        rows.append((line, row))
    return rows, defaults


def _yaml_item_lines(path: Path) -> list[int]:
    """Line numbers of the items of the top-level 'documents' sequence, for messages."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=fast_loader(_ManifestLoader))
    except yaml.YAMLError:  # libyaml is stricter than the reader that took the manifest
        node = yaml.compose(text, Loader=_ManifestLoader)
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "documents" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _csv_rows(path: Path) -> list[tuple[int | None, dict[str, Any]]]:
    """The rows of a CSV manifest, each with its line. A quote left open, a row with more
    fields than the header, a column named twice: refused with the line, never guessed."""
    rows: list[tuple[int | None, dict[str, Any]]] = []
    start = 1
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = [name.strip() for name in next(reader, [])]
            if "file" not in header:
                raise ManifestError(path, "the header has no 'file' column", line=1, code="E114")
            twice = sorted({name for name in header if header.count(name) > 1 and name})
            if twice:
                raise ManifestError(
                    path,
                    f"column(s) {', '.join(twice)} named twice in the header",
                    line=1,
                    code="E114",
                )
            end = reader.line_num
            while True:
                start = end + 1
                values = next(reader, None)
                if values is None:
                    break
                end = reader.line_num
                if not any(v.strip() for v in values):
                    continue  # a blank line
                if end > start and any("\n" in v or "\r" in v for v in values):
                    raise ManifestError(
                        path,
                        f"a quoted field runs from line {start} to line {end}: "
                        "a quote is not closed",
                        line=start,
                        fix='close the quote, or write a quote inside a field as ""',
                    )
                if len(values) > len(header):
                    raise ManifestError(
                        path,
                        f"the row has {len(values)} fields, the header {len(header)}",
                        line=start,
                        fix='quote a field that holds a comma: "Washington, D.C."',
                        code="E114",
                    )
                # A short row leaves its last fields out: they are optional.
                pairs = zip(header, values, strict=False)
                row = {name: (value.strip() or None) for name, value in pairs}
                rows.append((start, {k: v for k, v in row.items() if k}))
    except UnicodeDecodeError as exc:
        raise ManifestError(path, f"not valid UTF-8 at byte {exc.start}", code="E116") from exc
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise ManifestError(
                path,
                "a quote opened in this row is never closed",
                line=start,
                fix='close the quote, or write a quote inside a field as ""',
                code="E114",
            ) from exc
        raise ManifestError(
            path, f"not a readable CSV row: {exc}", line=start, code="E114"
        ) from exc
    except OSError as exc:
        raise ManifestError(path, f"cannot read: {exc.strerror or exc}", code="E111") from exc
    return rows


def entry_from_row(
    path: Path, row: dict[str, Any], defaults: dict[str, Any], line: int | None
) -> ManifestEntry:
    unknown = sorted(set(row) - set(FIELDS))
    if unknown:
        raise ManifestError(
            path,
            f"unknown field(s) {', '.join(unknown)}",
            line=line,
            fix=f"known fields are {', '.join(FIELDS)}",
            code="E112",
        )
    merged = {**defaults, **{k: v for k, v in row.items() if v is not None}}
    for name, value in merged.items():
        if isinstance(value, str) and not _is_unicode(value):
            raise ManifestError(
                path,
                f"{name} holds an unpaired surrogate (\\ud800-\\udfff): not Unicode text",
                line=line,
                fix="write the character itself, or both halves of its surrogate pair",
                code="E116",
            )
    file_value = merged.get("file")
    if not isinstance(file_value, str) or not file_value.strip():
        raise ManifestError(path, "entry has no 'file'", line=line, code="E112")
    if "\x00" in file_value:
        raise ManifestError(path, "the 'file' holds a NUL character", line=line, code="E116")
    raw_id = merged.get("id")
    doc_id = check_id(str(raw_id), path, line) if raw_id is not None else None
    return ManifestEntry(
        id=doc_id,
        file=(path.parent / file_value).resolve(),
        title=_text(merged.get("title")),
        publisher=_text(merged.get("publisher")),
        url=_text(merged.get("url")),
        published=_date_range(merged.get("published"), "published", path, line),
        collected=_day(merged.get("collected"), "collected", path, line),
        language=str(merged.get("language") or "en"),
        line=line,
    )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def _date_range(value: Any, field: str, path: Path, line: int | None) -> DateRange | None:
    if value is None:
        return None
    if isinstance(value, date):
        return DateRange.day(value)
    parsed = parse_partial_date(str(value))
    if parsed is None:
        raise ManifestError(
            path,
            f"{field} {str(value)!r} is not a date{_why_not_a_date(str(value))}",
            line=line,
            fix="write YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known",
            code="E113",
        )
    return parsed


_DATE_SHAPE = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*")


def _why_not_a_date(text: str) -> str:
    """': there is no month 13' for a date of the right shape that no calendar has."""
    match = _DATE_SHAPE.fullmatch(text.split("T", 1)[0])
    if match is None:
        return ""
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return f": there is no month {month}"
    if match[3] is not None:
        days = calendar.monthrange(year, month)[1] if year >= 1 else 31
        if not 1 <= int(match[3]) <= days:
            return f": {calendar.month_name[month]} {year} has {days} days"
    if year < 1:
        return ": there is no year 0"
    return ""


def _day(value: Any, field: str, path: Path, line: int | None) -> date | None:
    span = _date_range(value, field, path, line)
    if span is None:
        return None
    if span.days != 1:
        raise ManifestError(
            path, f"{field} must be a full date (YYYY-MM-DD)", line=line, code="E113"
        )
    return span.earliest
