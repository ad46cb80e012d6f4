"""Readers and cleaning, on the bundled articles and on made-for-test pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extract.corpus import ReadOptions, Skipped, load_boilerplate, read_corpus
from extract.records import DateRange, Document

BOILERPLATE_LINES = (
    "Advertisement",
    "Loading article...",
    "Sources",
    "Source: Original Article",
    "ILLUSTRATIVE",
    "Published: · Region: Global · Category: geopolitics",
)


def _read(path: Path, **options: object) -> list[Document | Skipped]:
    return list(read_corpus(path, ReadOptions(load_boilerplate(), **options)))  # type: ignore[arg-type]


def test_readers_manifest_gives_ids_titles_and_dates(corpus_documents: list[Document]) -> None:
    by_id = {d.id: d for d in corpus_documents}
    assert sorted(by_id) == [
        "000_cd1b08e115ba3b17",
        "001_c86583a5c4579b80",
        "002_f145ca69ac926ede",
        "003_4a0ce682f3855dfc",
        "004_c0c8e0d5c0ae4aad",
    ]
    assert by_id["003_4a0ce682f3855dfc"].title == "Government Reverses Stance on AI Export Controls"
    assert all(d.collected == date(2026, 11, 22) and d.published is None for d in by_id.values())
    assert all(d.language == "en" for d in by_id.values())


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_readers_boilerplate_never_reaches_the_text(
    corpus_documents: list[Document], line: str
) -> None:
    for document in corpus_documents:
        assert line not in document.text.split("\n\n"), (document.id, line)


def test_readers_image_caption_is_dropped(corpus_documents: list[Document]) -> None:
    text = next(d.text for d in corpus_documents if d.id.startswith("002"))
    assert "Wikimedia Commons" not in text
    assert text.startswith("U.S. Lifts Curbs on Anthropic’s Top AI Models")
    # The page repeated its headline; the text keeps it once.
    assert text.count("Easing National Security Squeeze") == 1


def test_readers_blocks_index_the_cleaned_text(corpus_documents: list[Document]) -> None:
    document = next(d for d in corpus_documents if d.id.startswith("000"))
    kinds = [(b.kind, document.text[b.start : b.end]) for b in document.blocks]
    assert kinds[0] == (
        "title",
        "US Relaxes Export Restrictions on Anthropic's AI Amid Security Safeguards",
    )
    assert ("heading", "Fable 5 May Follow") in kinds
    assert any(
        kind == "list_item" and text.startswith("The US has allowed Anthropic")
        for kind, text in kinds
    )


def test_readers_section_heading_is_not_a_title(corpus_documents: list[Document]) -> None:
    document = next(d for d in corpus_documents if d.id.startswith("004"))
    assert document.title is None
    assert document.blocks[0].kind == "heading"


def test_readers_html_main_text_and_page_metadata(test_data: Path) -> None:
    [document] = _read(test_data / "html" / "newswire-page.html")
    assert isinstance(document, Document)
    assert "issued new rules restricting exports of advanced semiconductors" in document.text
    for noise in ("Accept all cookies", "Related stories", "All rights reserved", "Photo by"):
        assert noise not in document.text
    assert document.publisher == "Example Newswire"
    assert document.published == DateRange(date(2025, 3, 14), date(2025, 3, 14))
    assert document.title == "Commerce Department tightens chip export rules"


def test_readers_jsonl_documents_with_manifest_fields(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": "The ministry banned the app on Monday.", "published": "2024-05"},
        {"text": "Regulators fined the company.", "title": "Fine", "collected": "2024-06-02"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == "a1"
    assert first.published == DateRange(date(2024, 5, 1), date(2024, 5, 31))
    assert second.id == "feed-2" and second.title == "Fine"
    assert second.collected == date(2024, 6, 2)
    assert first.source == f"{path}:1"  # the line is part of the provenance


def test_readers_markdown_markup_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Agency blocks merger\n\n![chart](c.png)\nThe [agency](https://x.test) blocked it.\n",
        encoding="utf-8",
    )
    [document] = _read(path)
    assert isinstance(document, Document)
    assert document.text == "Agency blocks merger\n\nThe agency blocked it."
    assert document.title == "Agency blocks merger"


def test_readers_csv_manifest_and_partial_published_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The court ruled against the ban.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        "id,file,title,published,collected\nrul-1,a.txt,Ruling,2025,2025-12-01\n",
        encoding="utf-8",
    )
    [document] = _read(tmp_path / "m.csv")
    assert isinstance(document, Document)
    assert document.published == DateRange(date(2025, 1, 1), date(2025, 12, 31))
    assert document.collected == date(2025, 12, 1)


def test_readers_directory_without_manifest_reads_every_supported_file(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article text.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("First article text.\n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    documents = _read(tmp_path, collected=date(2026, 1, 2))
    assert [d.id for d in documents if isinstance(d, Document)] == ["a", "b"]
    assert all(isinstance(d, Document) and d.collected == date(2026, 1, 2) for d in documents)
