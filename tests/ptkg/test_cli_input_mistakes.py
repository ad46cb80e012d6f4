"""A user's mistakes in the corpus or the options: exit 2 with the error's code, the file,
line, problem and fix, or a skipped document with its code while the others build; never an
internal error (3), never a document lost without a message. Regression tests of issue 14,
cases 1-6 and 13.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extract.errors import OptionError
from ptkg.build import BuildOptions, build

if TYPE_CHECKING:
    from tests.conftest import Cli


def _manifest(ptkg: Cli, folder: Path, body: str) -> Path:
    ptkg.write(folder / "a.txt", ptkg.ARTICLE)
    ptkg.write(folder / "b.txt", ptkg.OTHER)
    return ptkg.write(folder / "manifest.yaml", body)


# -- case 1: a text longer than the pipeline takes ----------------------------------------
def test_cli_long_text_is_skipped_and_the_others_build(ptkg: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    ptkg.write(corpus / "good.txt", ptkg.ARTICLE)
    ptkg.write(corpus / "long.txt", "Officials met again. " * 50_000)  # 1,050,000 characters
    lines = [
        json.dumps({"id": "huge", "text": "word " * 210_000}),
        json.dumps({"id": "ok", "text": ptkg.OTHER}),
    ]
    ptkg.write(corpus / "feed.jsonl", "\n".join(lines) + "\n")
    run = ptkg("build", corpus, "--out", tmp_path / "out", "--quiet")
    assert run.code == 0, run.err
    assert run.skipped == {"long.txt": "E123", "feed.jsonl:1": "E123"}
    assert "long.txt: the text is 1,049,999 characters" in run.err
    assert "split it into several documents" in run.err  # the fix
    assert sorted(ptkg.documents(tmp_path / "out")) == ["good", "ok"]
    assert ptkg.report(tmp_path / "out")["documents"] == 2


# -- case 2: impossible dates in a manifest -----------------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("published", "2026-13-45", "there is no month 13"),
        ("collected", "2026-02-30", "February 2026 has 28 days"),
    ],
)
def test_cli_impossible_manifest_date_names_file_line_and_fix(
    ptkg: Cli, tmp_path: Path, field: str, value: str, why: str
) -> None:
    manifest = _manifest(
        ptkg,
        tmp_path,
        "documents:\n  - id: a\n    file: a.txt\n"
        f"  - id: b\n    file: b.txt\n    {field}: {value}\n",
    )
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2, run.err
    assert run.error == "E113"
    assert f"{manifest}:4: {field} '{value}' is not a date: {why}" in run.err
    assert "write YYYY-MM-DD" in run.err  # the fix
    assert "internal error" not in run.err


def test_cli_impossible_date_in_csv_manifest(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    manifest = ptkg.write(tmp_path / "manifest.csv", "id,file,published\na,a.txt,2026-04-31\n")
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E113"
    assert f"{manifest}:2: published '2026-04-31' is not a date: April 2026 has 30 days" in run.err


# -- case 3: URLs with spaces -------------------------------------------------------------
def test_cli_url_with_a_space_is_repaired_with_a_note(ptkg: Cli, tmp_path: Path) -> None:
    manifest = _manifest(
        ptkg,
        tmp_path / "corpus",
        "documents:\n"
        "  - {id: a, file: a.txt, url: 'https://news.example.org/a story'}\n"
        "  - {id: b, file: b.txt, url: 'http://exa mple.org/x'}\n",
    )
    out = tmp_path / "out"
    run = ptkg("build", manifest, "--out", out, "--quiet")
    assert run.code == 0, run.err
    assert "note a.txt: url 'https://news.example.org/a story' repaired" in run.err
    assert "note b.txt: url 'http://exa mple.org/x' dropped" in run.err
    graph = (out / "graph.trig").read_text(encoding="utf-8")
    assert "<https://news.example.org/a%20story>" in graph
    assert "exa mple" not in graph
    assert [n["source"] for n in ptkg.report(out)["notices"]] == ["a.txt", "b.txt"]


def test_cli_html_og_url_with_a_space_is_repaired(ptkg: Cli, tmp_path: Path) -> None:
    page = ptkg.write(
        tmp_path / "corpus" / "page.html",
        "<html><head><title>Agency limits exports</title>"
        '<meta property="og:url" content="https://news.example.org/world/agency limits">'
        '<meta property="article:published_time" content="2026-03-04T10:00:00Z">'
        "</head><body><article><h1>Agency limits exports</h1><p>"
        + ptkg.ARTICLE * 3
        + "</p></article></body></html>",
    )
    out = tmp_path / "out"
    run = ptkg("build", page, "--out", out, "--quiet")
    assert run.code == 0, run.err
    assert "url 'https://news.example.org/world/agency limits' repaired" in run.err
    assert "<https://news.example.org/world/agency%20limits>" in (out / "graph.trig").read_text(
        encoding="utf-8"
    )
    # case 13: a publication date the page states is known, not inferred
    assert ptkg.documents(out)["page"]["inferred"] is False


def test_cli_base_iri_with_a_space_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    run = ptkg(
        "build", tmp_path / "a.txt", "--out", tmp_path / "out", "--base-iri", "https://ex.org/x y/"
    )
    assert run.code == 2
    assert run.error == "E203"
    assert "--base-iri 'https://ex.org/x y/'" in run.err
    assert "%20" in run.err
    assert not (tmp_path / "out" / "store").exists()


# -- case 4: option mistakes --------------------------------------------------------------
@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        # refused by argparse, before any code of ptkg runs: its own message
        ("--batch-size", "0", "argument --batch-size: '0' is not a whole number of 1 or more"),
        ("--batch-size", "-1", "argument --batch-size: '-1' is not a whole number of 1 or more"),
        (
            "--processes",
            "0",
            "argument --processes/-j: '0' is not a whole number of 1 or more, nor auto",
        ),
        ("--collected", "2026-02-30", "'2026-02-30' is not a day: write YYYY-MM-DD"),
        # refused by the library: the error's code and the value given
        ("--model", "../../no-such-model", "error[E401] spaCy pipeline '../../no-such-model'"),
        ("--lexicon", "missing.yaml", "error[E204] --lexicon missing.yaml:"),
    ],
)
def test_cli_option_mistakes_exit_2(
    ptkg: Cli, tmp_path: Path, option: str, value: str, message: str
) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    run = ptkg("build", tmp_path / "a.txt", "--out", tmp_path / "out", option, value)
    assert run.code == 2
    assert message in run.err
    assert "internal error" not in run.err


def test_cli_out_that_is_a_file_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    readme = ptkg.write(tmp_path / "README.md", "# notes\n")
    run = ptkg("build", tmp_path / "a.txt", "--out", readme)
    assert run.code == 2
    assert run.error == "E202"
    assert f"--out {readme}:" in run.err
    assert readme.read_text(encoding="utf-8") == "# notes\n"


def test_cli_out_holding_a_folder_ptkg_did_not_write_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    mine = ptkg.write(tmp_path / "out" / "store" / "my-notes.txt", "mine\n")
    run = ptkg("build", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E202"
    assert f"--out {tmp_path / 'out'}: {tmp_path / 'out' / 'store'} is a folder" in run.err
    assert mine.read_text(encoding="utf-8") == "mine\n"


def test_cli_output_that_is_a_directory_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    for args in (
        ("export", "--output", tmp_path),
        ("query", "--list", "--output", tmp_path),
        ("timeline", "--chart", tmp_path),
    ):
        run = ptkg(*args, "--store", tmp_path / "nowhere")
        assert run.code == 2, args
        assert run.error == "E202", args
        assert f" {tmp_path}: " in run.err, args


def test_cli_damaged_store_is_a_usage_error(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    out = tmp_path / "out"
    assert ptkg("build", tmp_path / "a.txt", "--out", out, "--quiet").code == 0
    for part in (out / "store").iterdir():
        if part.name != "ptkg-store.txt":
            part.write_bytes(b"damaged")
    run = ptkg("query", "documents", "--store", out / "store")
    assert run.code == 2
    assert run.error == "E502"
    assert f"{out / 'store'}: " in run.err
    assert "build it again" in run.err  # the fix


def test_build_options_checked_by_the_library(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    with pytest.raises(OptionError) as batch:
        build(BuildOptions(corpus=tmp_path / "a.txt", out=tmp_path / "out", batch_size=0))
    assert (batch.value.code, batch.value.option, batch.value.value) == ("E201", "--batch-size", 0)
    with pytest.raises(OptionError) as base:
        build(BuildOptions(corpus=tmp_path / "a.txt", out=tmp_path / "out", base_iri="ex.org/"))
    assert (base.value.code, base.value.option, base.value.value) == (
        "E203",
        "--base-iri",
        "'ex.org/'",
    )
    assert base.value.fix  # says how to write one
    assert not (tmp_path / "out").exists()


# -- case 5: no document lost silently ----------------------------------------------------
def test_cli_same_file_name_in_two_folders_gives_two_documents(ptkg: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "d"
    ptkg.write(corpus / "s1" / "same.txt", ptkg.ARTICLE)
    ptkg.write(corpus / "s2" / "same.txt", ptkg.OTHER)
    ptkg.write(corpus / "x.txt", ptkg.ARTICLE)
    ptkg.write(corpus / "x.md", "# Order\n\n" + ptkg.OTHER)
    ptkg.write(corpus / "alone.txt", ptkg.OTHER)
    out = tmp_path / "out"
    run = ptkg("build", corpus, "--out", out)
    assert run.code == 0, run.err
    assert "5 documents" in run.err
    found = ptkg.documents(out)
    assert sorted(found) == ["alone", "s1-same.txt", "s2-same.txt", "x.md", "x.txt"]


def test_cli_jsonl_id_used_twice_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": ptkg.ARTICLE},
        {"id": "b", "text": ptkg.OTHER},
        {"id": "a", "text": ptkg.OTHER},
    ]
    feed = ptkg.write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    run = ptkg("build", feed, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E130"
    assert "feed.jsonl:3: document id 'a' is already the id of" in run.err
    assert "feed.jsonl:1" in run.err
    assert "give each document its own id" in run.err  # the fix
    assert not (tmp_path / "out" / "store").exists()


def test_cli_manifest_id_that_another_file_takes_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    manifest = _manifest(
        ptkg, tmp_path, "documents:\n  - id: b\n    file: a.txt\n  - file: b.txt\n"
    )
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E130"
    assert "b.txt: document id 'b' is already the id of a.txt" in run.err


# -- case 6: the cache keys on everything that makes a document's graph -------------------
def test_cli_incremental_build_sees_manifest_edits(ptkg: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    entry = "  - id: a\n    file: a.txt\n    title: {title}\n    published: {day}\n"
    second = "  - id: b\n    file: b.txt\n    collected: 2026-07-01\n"
    manifest = _manifest(
        ptkg, corpus, "documents:\n" + entry.format(title="First", day="2026-06-14") + second
    )
    out = tmp_path / "out"
    assert ptkg("build", manifest, "--out", out, "--quiet").code == 0
    assert (ptkg.report(out)["extracted"], ptkg.report(out)["reused"]) == (2, 0)
    ptkg.write(manifest, "documents:\n" + entry.format(title="Second", day="2026-06-15") + second)
    assert ptkg("build", manifest, "--out", out, "--quiet").code == 0
    assert (ptkg.report(out)["extracted"], ptkg.report(out)["reused"]) == (1, 1)
    row = ptkg.documents(out)["a"]
    assert (row["title"], row["published_earliest"]) == ("Second", "2026-06-15")
    ptkg.write(
        manifest,
        "documents:\n"
        + entry.format(title="Second", day="2026-06-15")
        + second.replace("07-01", "07-02"),
    )
    assert ptkg("build", manifest, "--out", out, "--quiet").code == 0
    assert (ptkg.report(out)["extracted"], ptkg.report(out)["reused"]) == (1, 1)


# -- case 13: small lies ------------------------------------------------------------------
def test_cli_known_publication_day_is_not_inferred(ptkg: Cli, tmp_path: Path) -> None:
    manifest = _manifest(
        ptkg,
        tmp_path / "corpus",
        "documents:\n  - {id: a, file: a.txt, published: 2026-06-14}\n"
        "  - {id: b, file: b.txt, collected: 2026-07-01}\n",
    )
    feed = ptkg.write(
        tmp_path / "feed" / "feed.jsonl",
        json.dumps({"id": "j", "text": ptkg.ARTICLE, "published": "2026-06-15"}) + "\n",
    )
    out = tmp_path / "out"
    assert ptkg("build", manifest, "--out", out, "--quiet").code == 0
    found = ptkg.documents(out)
    assert found["a"]["inferred"] is False
    assert found["a"]["published_earliest"] == found["a"]["published_latest"] == "2026-06-14"
    assert found["b"]["inferred"] is True  # only collected: its date is inferred
    assert ptkg("build", feed, "--out", tmp_path / "out2", "--quiet").code == 0
    assert ptkg.documents(tmp_path / "out2")["j"]["inferred"] is False


def test_cli_every_document_skipped_says_why(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "corpus" / "empty.txt", "")
    ptkg.write(tmp_path / "corpus" / "latin.txt", "Beschluß".encode("latin-1"))
    run = ptkg("build", tmp_path / "corpus", "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E160"
    assert "(2 skipped:" in run.err
    assert "empty.txt: " in run.err
    assert "latin.txt: " in run.err


def test_cli_unterminated_quote_in_csv_manifest(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    ptkg.write(tmp_path / "b.txt", ptkg.OTHER)
    manifest = ptkg.write(
        tmp_path / "manifest.csv",
        'id,file,title,publisher\na,a.txt,"An open quote,Wire\nb,b.txt,Fine,Wire\n',
    )
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E114"
    assert f"{manifest}:2: " in run.err


def test_cli_csv_row_with_more_fields_than_the_header(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    manifest = ptkg.write(tmp_path / "manifest.csv", "id,file,title\na,a.txt,Washington, D.C.\n")
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E114"
    assert f"{manifest}:2: the row has 4 fields, the header 3" in run.err


def test_cli_jsonl_unknown_field_is_refused_as_in_a_manifest(ptkg: Cli, tmp_path: Path) -> None:
    lines = [{"id": "a", "text": ptkg.ARTICLE, "author": "X"}, {"id": "b", "text": ptkg.OTHER}]
    feed = ptkg.write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    run = ptkg("build", feed, "--out", tmp_path / "out", "--quiet")
    assert run.code == 0
    assert run.skipped == {f"{feed}:1": "E126"}
    assert f"{feed}:1: unknown field(s) author (known fields are text, id," in run.err
    assert sorted(ptkg.documents(tmp_path / "out")) == ["b"]


def test_cli_unpaired_surrogate_in_a_manifest_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    # found by the fuzz tests: an escaped lone surrogate in YAML crashed the graph writer
    manifest = _manifest(
        ptkg, tmp_path, 'documents:\n  - id: a\n    file: a.txt\n    title: "x \\ud800 y"\n'
    )
    run = ptkg("build", manifest, "--out", tmp_path / "out")
    assert run.code == 2
    assert run.error == "E116"
    assert f"{manifest}:2: title " in run.err
