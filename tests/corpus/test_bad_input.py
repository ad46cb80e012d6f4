"""Bad input: each problem is named with its code and file, the other documents still build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.corpus import ReadOptions, Skipped, load_boilerplate, read_corpus
from extract.errors import ManifestError
from extract.records import Document

GOOD = "The agency restricted exports of the model on June 12, officials said.\n"


def _read(path: Path) -> tuple[list[Document], list[Skipped]]:
    items = list(read_corpus(path, ReadOptions(load_boilerplate())))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Skipped)],
    )


def _manifest(tmp_path: Path, files: list[str]) -> Path:
    entries = "\n".join(f"  - id: d{i}\n    file: {name}" for i, name in enumerate(files))
    path = tmp_path / "manifest.yaml"
    path.write_text(f"collected: 2026-01-10\ndocuments:\n{entries}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E122"),
        ("blank.txt", b"  \n\n\t\n", "E122"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E122"),
        ("latin1.txt", "Der Beschluß vom März".encode("latin-1"), "E122"),
        ("ads.txt", b"Advertisement\nX\nLoading article...\n", "E125"),
        ("slides.pptx", b"PK\x03\x04", "E127"),
    ],
)
def test_bad_input_is_skipped_with_file_and_problem(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    documents, skipped = _read(_manifest(tmp_path, ["good.txt", name]))
    assert [d.id for d in documents] == ["d0"]
    [item] = skipped
    assert item.source == name
    assert item.error.code == code
    assert str(item.error).startswith(name)


def test_bad_input_missing_file_named_by_manifest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    documents, skipped = _read(_manifest(tmp_path, ["good.txt", "gone.txt"]))
    assert len(documents) == 1
    assert [s.source for s in skipped] == ["gone.txt"]
    assert skipped[0].error.code == "E121"
    assert skipped[0].error.fix  # says where the file is named


def test_bad_input_directory_where_a_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    documents, skipped = _read(_manifest(tmp_path, ["good.txt", "folder.txt"]))
    assert len(documents) == 1
    assert skipped[0].error.code == "E121"
    assert str(skipped[0].error).startswith("folder.txt")


def test_bad_input_invalid_jsonl_line_keeps_the_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": GOOD})
        + "\n{not json\n"
        + json.dumps({"id": "no-text"})
        + "\n"
        + json.dumps({"id": "ok2", "text": GOOD, "published": "June"})
        + "\n"
        + json.dumps({"id": "ok3", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    documents, skipped = _read(path)
    assert [d.id for d in documents] == ["ok1", "ok3"]
    codes = {s.source.rsplit(":", 1)[1]: s.error.code for s in skipped}
    assert codes == {"2": "E126", "3": "E126", "4": "E126"}
    problems = {s.source.rsplit(":", 1)[1]: str(s.error) for s in skipped}
    assert "'June' is not a date" in problems["4"]


@pytest.mark.parametrize(
    ("manifest", "code", "line"),
    [
        ("documents:\n  - id: a\n    file: a.txt\n  - id: a\n    file: b.txt\n", "E115", 4),
        ("documents:\n  - id: a\n    file: a.txt\n    author: X\n", "E112", 2),
        ("documents:\n  - id: a\n    file: a.txt\n    published: 12/06/2026\n", "E113", 2),
        ("documents:\n  - id: a b\n    file: a.txt\n", "E115", 2),
        ("documents:\n  - id: a\n", "E112", 2),
        ("documents: [\n", "E110", 2),
        ("items: []\n", "E110", None),
    ],
)
def test_bad_input_manifest_errors_name_file_and_line(
    tmp_path: Path, manifest: str, code: str, line: int | None
) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(manifest, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        _read(path)
    assert info.value.code == code
    assert (info.value.path, info.value.line) == (str(path), line)
    assert str(info.value).startswith(str(path) + (f":{line}" if line else ""))


def test_bad_input_corpus_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ManifestError) as info:
        _read(tmp_path / "nowhere")
    assert info.value.code == "E111"
    assert info.value.path == str(tmp_path / "nowhere")
