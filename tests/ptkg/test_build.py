"""Building: skipped documents reported, failed builds change nothing, same input same graph."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.store import GraphStore
from ptkg.build import BuildOptions, BuildReport, NothingToBuildError, build
from ptkg.cli import main


def _sorted_nquads(path: Path) -> list[str]:
    return sorted(line for line in path.read_text(encoding="utf-8").splitlines() if line)


def _small_corpus(tmp_path: Path, corpus_dir: Path, ids: list[str]) -> Path:
    """A copy of part of the bundled corpus with its own manifest."""
    target = tmp_path / "corpus"
    (target / "articles").mkdir(parents=True)
    entries = []
    for doc_id in ids:
        shutil.copy(corpus_dir / "articles" / f"{doc_id}.txt", target / "articles")
        entries.append(f"  - id: {doc_id}\n    file: articles/{doc_id}.txt")
    (target / "manifest.yaml").write_text(
        "collected: 2026-11-22\ndocuments:\n" + "\n".join(entries) + "\n", encoding="utf-8"
    )
    return target


def test_build_writes_store_exports_and_report(built: BuildReport) -> None:
    assert built.documents == 5 and not built.skipped
    assert (built.out / "graph.trig").stat().st_size > 10_000
    assert (built.out / "graph.nq").stat().st_size > 10_000
    assert (built.out / "build.json").is_file()
    assert built.graph is not None and built.graph.canonical_events > 0
    leftovers = [p.name for p in built.out.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    assert leftovers == []


def test_build_is_deterministic(built: BuildReport, tmp_path: Path, corpus_dir: Path) -> None:
    again = build(
        BuildOptions(corpus=corpus_dir / "manifest.yaml", out=tmp_path, exports=("trig", "nquads"))
    )
    assert again.extracted == 5  # a fresh directory: nothing cached
    assert _sorted_nquads(again.out / "graph.nq") == _sorted_nquads(built.out / "graph.nq")
    assert (again.out / "graph.trig").read_bytes() == (built.out / "graph.trig").read_bytes()


def test_build_incremental_equals_full(
    built: BuildReport, tmp_path: Path, corpus_dir: Path
) -> None:
    ids = sorted(p.stem for p in (corpus_dir / "articles").glob("*.txt"))
    corpus = _small_corpus(tmp_path, corpus_dir, ids[:3])
    out = tmp_path / "out"
    first = build(BuildOptions(corpus=corpus, out=out, exports=("nquads",)))
    assert first.extracted == 3
    corpus = _small_corpus(tmp_path / "more", corpus_dir, ids)
    second = build(BuildOptions(corpus=corpus, out=out, exports=("nquads",)))
    assert (second.extracted, second.reused) == (2, 3)
    assert _sorted_nquads(out / "graph.nq") == _sorted_nquads(built.out / "graph.nq")


def test_build_failure_leaves_the_previous_build(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _small_corpus(tmp_path, corpus_dir, ["000_cd1b08e115ba3b17"])
    out = tmp_path / "out"
    build(BuildOptions(corpus=corpus, out=out))
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    quads_before = len(GraphStore.open_existing(out / "store"))

    def fail(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C while exporting

    monkeypatch.setattr(GraphStore, "dump", fail)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(corpus=corpus, out=out, reuse_records=False))
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert after == before  # nothing replaced, no temporary file left behind
    assert len(GraphStore.open_existing(out / "store")) == quads_before


def test_build_reports_skipped_documents_and_strict_fails(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _small_corpus(tmp_path, corpus_dir, ["000_cd1b08e115ba3b17"])
    (corpus / "articles" / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    manifest = corpus / "manifest.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + "  - id: bad\n    file: articles/bad.txt\n  - id: gone\n    file: articles/gone.txt\n",
        encoding="utf-8",
    )
    code = main(["build", str(manifest), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 0
    assert "ptkg: skipped[E122] articles/bad.txt: " in err
    assert "ptkg: skipped[E121] articles/gone.txt: " in err
    report = build(BuildOptions(corpus=manifest, out=tmp_path / "out"))
    assert report.documents == 1
    assert [(s.source, s.error.code) for s in report.skipped] == [
        ("articles/bad.txt", "E122"),
        ("articles/gone.txt", "E121"),
    ]
    skipped = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))["skipped"]
    assert [(s["source"], s["code"]) for s in skipped] == [
        ("articles/bad.txt", "E122"),
        ("articles/gone.txt", "E121"),
    ]
    code = main(["build", str(manifest), "--out", str(tmp_path / "out"), "--quiet", "--strict"])
    assert code == 1


def test_build_nothing_readable_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(NothingToBuildError) as info:
        build(BuildOptions(corpus=tmp_path, out=tmp_path / "out"))
    assert info.value.code == "E160"
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert f"ptkg: error[E160] {tmp_path}: " in capsys.readouterr().err
    assert not (tmp_path / "out" / "store").exists()


def test_build_missing_store_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", "--store", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert f"ptkg: error[E501] {tmp_path / 'nope'}: " in err
    assert "run `ptkg build` first" in err  # the fix


def test_build_threshold_options_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Commerce banned exports on June 12.", encoding="utf-8")
    for option, value in (("--min-sources", "0"), ("--min-confidence", "1.5")):
        with pytest.raises(SystemExit) as stop:
            main(["build", str(tmp_path), "--out", str(tmp_path / "out"), option, value])
        assert stop.value.code == 2
        assert option in capsys.readouterr().err


def test_build_extracts_again_a_document_that_missed_a_party_others_found(tmp_path: Path) -> None:
    """Two articles find the app Zimble by the words around it; the third names it where
    the tagger saw no name: it is extracted again knowing the name. The cache keeps each
    document's own records, so a build that reuses them finds the name again and gives
    what the full build gave, build after build (once the cache held the renamed records,
    and a build reading the names from them read other names)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {
        "a": "The court ordered the suspension of the messaging app Zimble on Friday.",
        "b": "Providers began blocking the messaging app Zimble on Saturday.",
        "c": "Users lost access to Zimble on Saturday.",
    }
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (corpus / "manifest.yaml").write_text(
        "collected: 2031-09-01\ndocuments:\n"
        + "".join(f"  - {{id: {n}, file: {n}.txt, published: 2031-08-31}}\n" for n in texts),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    options = BuildOptions(corpus=corpus / "manifest.yaml", out=out, exports=("nquads",))
    report = build(options)
    assert report.renamed == 1
    cache = (out / "records.jsonl").read_bytes()
    full = _sorted_nquads(out / "graph.nq")
    # the third document's "Zimble" (characters 21-27) names the app too
    assert any("/doc/c#char=21,27>" in line for line in full)
    lines = cache.decode("utf-8").splitlines()[1:]
    own = {
        r["document"]["id"]: [e["span"]["text"] for e in r["entities"]]
        for r in map(json.loads, lines)
    }
    assert "Zimble" not in own["c"]  # what the document gave alone
    for _ in range(2):
        again = build(options)
        assert (again.extracted, again.renamed) == (0, 1)
        assert (out / "records.jsonl").read_bytes() == cache
        assert _sorted_nquads(out / "graph.nq") == full
