"""Fuzz tests: arbitrary bytes and strings never crash the readers, the manifest loader, the
URL repair or the time normaliser. A bad input is a skipped document or one of the
project's errors (exit 2), never another exception (exit 3).

The number of examples is bounded and the examples derandomized, so the suite stays fast
and repeatable; ``HYPOTHESIS_PROFILE=fuzz`` runs many more, at random (tests/conftest.py).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml
from hypothesis import given
from hypothesis import strategies as st

from extract.corpus import ReadOptions, Skipped, load_boilerplate, load_manifest, read_corpus
from extract.corpus.manifest import FIELDS, ID_PATTERN
from extract.corpus.readers import MAX_TEXT_CHARS
from extract.corpus.urls import clean_url
from extract.errors import PolicyKGError
from extract.records import DateRange, Document
from extract.temporal import TimexTagger

OPTIONS = ReadOptions(load_boilerplate())
TAGGER = TimexTagger()
SUFFIXES = (".txt", ".md", ".html", ".jsonl")

# Words that make the readers and the time normaliser take their less travelled paths.
WORDS = (
    "January", "March", "May", "June", "Sept.", "December", "Monday", "Friday", "last",
    "next", "this", "week", "weeks", "month", "year", "ago", "later", "early", "mid", "late",
    "the", "of", "on", "in", "since", "until", "by", "before", "after", "two", "third",
    "quarter", "spring", "1990s", "today", "yesterday", "tomorrow", "-", "/", ",", ".", "'",
    "st", "th", "#", "**", "[link](x)", "![i](y)", "<p>", "</p>", "<meta", "og:url", "\n",
    "\n\n", "\u00a0", "\u200b", "\ud7ff", "\U0001f600",
)  # fmt: skip
words = st.lists(
    st.one_of(st.sampled_from(WORDS), st.integers(-5, 3000).map(str)), max_size=40
).map(" ".join)
texts = st.one_of(st.text(max_size=300), words)
# JSON escapes a text cannot hold: lone surrogates (\ud800), as scrapers sometimes write.
surrogates = st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=4)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts | surrogates,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _read(path: Path) -> list[Document | Skipped]:
    """Every item read at ``path``; fails the test on any exception but the project's."""
    try:
        items = list(read_corpus(path, OPTIONS))
    except PolicyKGError:
        return []
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Document):
            assert ID_PATTERN.fullmatch(item.id), item.id
            assert item.text and len(item.text) <= MAX_TEXT_CHARS
            item.text.encode("utf-8")  # the graph and the cache take it
            if item.url is not None:
                ox.NamedNode(item.url)
    return items


@given(data=st.binary(max_size=3000), suffix=st.sampled_from((*SUFFIXES, ".yaml", ".csv")))
def test_fuzz_readers_and_manifest_arbitrary_bytes(data: bytes, suffix: str) -> None:
    with _folder() as folder:
        path = folder / f"doc{suffix}"
        path.write_bytes(data)
        _read(path)


@given(text=texts, suffix=st.sampled_from(SUFFIXES))
def test_fuzz_readers_arbitrary_text(text: str, suffix: str) -> None:
    with _folder() as folder:
        path = folder / f"doc{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _read(path)


# A line that is nearly a document: a text, and some of the fields, of any value.
near_documents = st.fixed_dictionaries(
    {"text": st.one_of(words, surrogates.map(lambda bad: "The agency acted. " + bad))},
    optional={name: json_values for name in FIELDS if name != "file"},
)


@given(
    rows=st.lists(
        near_documents
        | st.dictionaries(st.sampled_from([*FIELDS, "text", "other"]), json_values, max_size=6)
        | json_values,
        max_size=5,
    )
)
def test_fuzz_readers_json_lines(rows: list[Any]) -> None:
    with _folder() as folder:
        path = folder / "feed.jsonl"
        lines = [json.dumps(row) for row in rows]
        path.write_text("\n".join(lines), encoding="utf-8")
        items = _read(path)
        ids = [i.id for i in items if isinstance(i, Document)]
        assert len(ids) == len(set(ids))


@given(text=texts, name=st.sampled_from(["manifest.yaml", "manifest.csv"]))
def test_fuzz_manifest_arbitrary_text(text: str, name: str) -> None:
    with _folder() as folder:
        path = folder / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        with suppress(PolicyKGError):
            load_manifest(path)
        _read(path)


values = (
    st.none()
    | st.integers()
    | st.dates().map(str)
    | texts
    | surrogates
    | st.lists(texts, max_size=2)
)


@given(
    entries=st.lists(st.dictionaries(st.sampled_from([*FIELDS, "extra"]), values), max_size=4),
    defaults=st.dictionaries(st.sampled_from(["publisher", "collected", "language"]), values),
    unquoted_date=st.tuples(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)),
)
def test_fuzz_manifest_structured(
    entries: list[dict[str, Any]], defaults: dict[str, Any], unquoted_date: tuple[int, ...]
) -> None:
    with _folder() as folder:
        (folder / "a.txt").write_text("The agency acted on June 12.\n", encoding="utf-8")
        body = yaml.safe_dump({**defaults, "documents": entries}, allow_unicode=True)
        year, month, day = unquoted_date
        body += f"  - file: a.txt\n    published: {year:04d}-{month:02d}-{day:02d}\n"
        path = folder / "manifest.yaml"
        path.write_text(body, encoding="utf-8")
        _read(path)


# The pieces of URLs that break IRI parsers: brackets, percent signs, ports, spaces, controls.
URL_PIECES = (
    *"ab1:/@[]%#?. \\\t\n<>\"{}|^`\u00e9\x00\ufffe\ue000\U000f0000\ud800-_~!$&'()*+,;=",
    "::1", "%41", "%zz", "http://", "https://", "[::1]", "[v1.x]", ":80", ":99999", "\u3000",
)  # fmt: skip
url_like = st.lists(st.sampled_from(URL_PIECES), max_size=30).map("".join)


@given(
    url=st.one_of(
        texts,
        url_like,
        url_like.map(lambda u: "http://" + u),
        url_like.map(lambda u: "https://example.org/" + u),
    )
)
def test_fuzz_url_repair_gives_a_valid_iri_or_nothing(url: str) -> None:
    cleaned = clean_url(url)
    if cleaned.url is not None:
        ox.NamedNode(cleaned.url)  # raises ValueError for an invalid IRI
        assert cleaned.url.startswith(("http://", "https://"))
        assert (cleaned.note is None) == (cleaned.url == url.strip())


@given(
    text=texts,
    dct=st.one_of(
        st.none(),
        st.dates(date(1, 1, 1), date(9999, 12, 1)),
        st.tuples(st.dates(date(1, 1, 1), date(9990, 1, 1)), st.integers(0, 800)).map(
            lambda d: DateRange(d[0], d[0] + timedelta(days=d[1]))
        ),
    ),
)
def test_fuzz_time_normaliser_arbitrary_text(text: str, dct: date | DateRange | None) -> None:
    for timex in TAGGER.tag(text, dct):
        assert 0 <= timex.span.start < timex.span.end <= len(text)
        assert text[timex.span.start : timex.span.end] == timex.span.text
