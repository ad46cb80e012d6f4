"""A build is put in place whole or not at all, whatever stops it; the next build removes what
a killed one left; a second build into the same --out is refused while one runs; a build
never reads its own output. Regression tests of issue 14, cases 7-11.

Kills happen in a child process running ``main()`` with one function patched to kill the
process at a chosen moment (before or after the rename that puts a build in place, while the
store is written, during extraction).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kg.files import DirectoryLock
from kg.store import GraphStore

if TYPE_CHECKING:
    from tests.conftest import Cli

# Runs `ptkg ARGS...` after patching one step to stop the process at MOMENT.
CHILD = r"""
import os, signal, sys, time
from pathlib import Path

moment, args = sys.argv[1], sys.argv[2:]

def die(sig=signal.SIGKILL):
    os.kill(os.getpid(), sig)
    time.sleep(30)

if moment in ("before-swap", "after-swap"):
    original_replace = Path.replace
    def replace(self, target):
        if Path(target).name != "current":
            return original_replace(self, target)
        if moment == "before-swap":
            die()
        result = original_replace(self, target)
        die()
        return result
    Path.replace = replace
elif moment == "store-written":
    import kg.store
    original_flush = kg.store.GraphStore.flush
    def flush(self):
        original_flush(self)
        die()
    kg.store.GraphStore.flush = flush
elif moment == "sigterm-store-written":
    import kg.store
    original_flush = kg.store.GraphStore.flush
    def flush(self):
        original_flush(self)
        die(signal.SIGTERM)
    kg.store.GraphStore.flush = flush
elif moment == "hold-lock":
    import ptkg.output
    original_leftovers = ptkg.output.BuildOutput.remove_leftovers
    def remove_leftovers(self):
        original_leftovers(self)
        (self.out.parent / "locked").write_text(str(os.getpid()))
        while not (self.out.parent / "go").exists():
            time.sleep(0.05)
    ptkg.output.BuildOutput.remove_leftovers = remove_leftovers

from ptkg.cli import main
sys.exit(main(args))
"""


def _child(moment: str, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, moment, *(str(a) for a in args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _two_corpora(ptkg: Cli, tmp_path: Path) -> tuple[Path, Path]:
    first = ptkg.write(tmp_path / "first" / "a.txt", ptkg.ARTICLE)
    ptkg.write(tmp_path / "second" / "a.txt", ptkg.ARTICLE)
    ptkg.write(tmp_path / "second" / "b.txt", ptkg.OTHER)
    return first.parent, tmp_path / "second"


def _state(ptkg: Cli, out: Path) -> tuple[set[str], int, list[str]]:
    """Where the outputs point, how many documents the report says, which the store has."""
    folders = ptkg.build_folders(out)
    store = GraphStore.open_existing(out / "store")
    try:
        ids = sorted(str(r[0]) for r in store.query(DOC_IDS))  # type: ignore[index]
    finally:
        store.close()
    return folders, ptkg.report(out)["documents"], ids


DOC_IDS = """SELECT ?id WHERE { ?d a <https://schema.org/NewsArticle> ;
  <http://purl.org/dc/terms/identifier> ?id }"""


def _leftovers(out: Path) -> list[str]:
    builds = out / ".ptkg" / "builds"
    current = (out / ".ptkg" / "current").resolve().name
    stray = [p.name for p in builds.iterdir() if p.name != current]
    stray += [p.name for p in out.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    stray += [p.name for p in (out / ".ptkg").iterdir() if p.name.startswith("current.")]
    return stray


# -- case 7: interrupted or killed around the swap ----------------------------------------
def test_build_ctrl_c_during_the_swap_finishes_it_whole(
    ptkg: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    assert ptkg("build", first, "--out", out, "--quiet").code == 0
    original = Path.replace

    def replace(self: Path, target: Any) -> Any:
        if Path(target).name == "current":
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C at the moment of the swap
        return original(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    run = ptkg("build", second, "--out", out)
    assert run.code == 0, run.err
    assert "nothing already built was changed" not in run.err
    folders, count, ids = _state(ptkg, out)
    assert len(folders) == 1 and count == 2 and ids == ["a", "b"]


def test_build_ctrl_c_before_the_swap_changes_nothing(
    ptkg: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    assert ptkg("build", first, "--out", out, "--quiet").code == 0
    before = _state(ptkg, out)
    report = (out / "build.json").read_bytes()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C while the graph is written

    monkeypatch.setattr(GraphStore, "dump", interrupted)
    run = ptkg("build", second, "--out", out)
    assert run.code == 130
    assert "interrupted; nothing already built was changed" in run.err
    assert _state(ptkg, out) == before
    assert (out / "build.json").read_bytes() == report
    assert _leftovers(out) == []


@pytest.mark.slow  # builds in child processes, each loading the pipeline
@pytest.mark.parametrize("moment", ["before-swap", "after-swap"])
def test_build_killed_at_the_swap_leaves_one_whole_build(
    ptkg: Cli, tmp_path: Path, moment: str
) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    assert ptkg("build", first, "--out", out, "--quiet", "--nquads").code == 0
    child = _child(moment, "build", second, "--out", out, "--quiet", "--nquads")
    child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL
    folders, count, ids = _state(ptkg, out)
    assert len(folders) == 1
    expected = (1, ["a"]) if moment == "before-swap" else (2, ["a", "b"])
    assert (count, ids) == expected
    nquads = (out / "graph.nq").read_text(encoding="utf-8")
    assert ("/doc/b>" in nquads) is (moment == "after-swap")
    # the next build removes what the killed one left, and builds whole
    assert ptkg("build", second, "--out", out, "--quiet").code == 0
    assert _leftovers(out) == []
    assert _state(ptkg, out)[1:] == (2, ["a", "b"])


# -- case 8: leftovers of killed builds ---------------------------------------------------
@pytest.mark.slow  # builds in child processes, each loading the pipeline
def test_build_removes_what_killed_builds_left(ptkg: Cli, tmp_path: Path) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    assert ptkg("build", first, "--out", out, "--quiet").code == 0
    before = _state(ptkg, out)
    terminated = _child("sigterm-store-written", "build", second, "--out", out, "--quiet")
    terminated.communicate(timeout=120)
    assert terminated.returncode == -signal.SIGTERM
    [left_by_sigterm] = _leftovers(out)  # its unfinished build folder
    killed = _child("store-written", "build", second, "--out", out, "--quiet")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    [left_by_sigkill] = _leftovers(out)  # the folder of the first is gone, its own is left
    assert left_by_sigkill != left_by_sigterm
    # and the temporary names earlier versions of ptkg left beside their outputs
    for name in (".store.tmp-4242", ".graph.trig.tmp-4242", ".records.jsonl.tmp-4242"):
        ptkg.write(out / name / "part" if name.startswith(".store") else out / name, "partial")
    assert _state(ptkg, out) == before  # the build in place is untouched meanwhile
    assert ptkg("build", second, "--out", out, "--quiet").code == 0
    assert _leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == [
        ".ptkg",
        "build.json",
        "graph.trig",
        "records.jsonl",
        "store",
    ]


# -- case 9: no stale graph.nq ------------------------------------------------------------
def test_build_without_nquads_removes_the_old_graph_nq(ptkg: Cli, tmp_path: Path) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    assert ptkg("build", first, "--out", out, "--quiet", "--nquads").code == 0
    assert (out / "graph.nq").is_file()
    assert ptkg("build", second, "--out", out, "--quiet").code == 0
    assert not (out / "graph.nq").exists() and not (out / "graph.nq").is_symlink()
    # a graph.nq written by a version of ptkg before build folders is removed too
    ptkg.write(out / "graph.nq", "<urn:a> <urn:b> <urn:c> .\n")
    assert ptkg("build", second, "--out", out, "--quiet").code == 0
    assert not (out / "graph.nq").exists()


def test_build_replaces_the_outputs_of_an_older_version(ptkg: Cli, tmp_path: Path) -> None:
    first, _ = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    ptkg.write(out / "store" / "ptkg-store.txt", "an older build's store\n")
    ptkg.write(out / "graph.trig", "# older\n")
    assert ptkg("build", first, "--out", out, "--quiet").code == 0
    assert (out / "store").is_symlink() and (out / "graph.trig").is_symlink()
    assert _state(ptkg, out)[1:] == (1, ["a"])


# -- case 10: the build never reads its own output ----------------------------------------
@pytest.mark.parametrize("out_name", ["out", "."])
def test_build_of_a_folder_holding_its_output_reads_only_the_corpus(
    ptkg: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out_name: str
) -> None:
    corpus = tmp_path / "corpus"
    ptkg.write(corpus / "a.txt", ptkg.ARTICLE)
    monkeypatch.chdir(corpus)
    args = ("build", ".") if out_name == "out" else ("build", ".", "--out", ".")
    for _ in range(2):
        run = ptkg(*args, "--nquads")
        assert run.code == 0, run.err
        assert "ptkg: skipped" not in run.err
    report = ptkg.report(corpus / out_name)
    assert (report["documents"], report["reused"], report["skipped"]) == (1, 1, [])


def test_build_skips_another_build_output_inside_the_corpus(ptkg: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    ptkg.write(corpus / "a.txt", ptkg.ARTICLE)
    assert ptkg("build", corpus, "--out", corpus / "older", "--quiet").code == 0
    run = ptkg("build", corpus, "--out", tmp_path / "out")
    assert run.code == 0 and "ptkg: skipped" not in run.err
    assert ptkg.report(tmp_path / "out")["documents"] == 1


# -- case 11: one build at a time into one --out ------------------------------------------
@pytest.mark.slow  # builds in child processes, each loading the pipeline
def test_build_second_build_into_the_same_out_is_refused(ptkg: Cli, tmp_path: Path) -> None:
    first, second = _two_corpora(ptkg, tmp_path)
    out = tmp_path / "out"
    holder = _child("hold-lock", "build", first, "--out", out, "--quiet")
    deadline = time.monotonic() + 60
    while not (tmp_path / "locked").exists():
        assert holder.poll() is None, holder.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    run = ptkg("build", second, "--out", out)
    assert (run.code, run.error) == (2, "E310")
    assert f"{out}: another ptkg build (process {holder.pid})" in run.err
    assert "build into another --out" in run.err  # the fix
    (tmp_path / "go").write_text("", encoding="utf-8")
    holder.communicate(timeout=120)
    assert holder.returncode == 0
    assert _state(ptkg, out)[1:] == (1, ["a"])
    assert ptkg("build", second, "--out", out, "--quiet").code == 0  # free again


def test_build_lock_is_held_in_one_process_too(tmp_path: Path, ptkg: Cli) -> None:
    ptkg.write(tmp_path / "a.txt", ptkg.ARTICLE)
    with DirectoryLock(tmp_path / "out" / ".ptkg" / "lock", "out"):
        run = ptkg("build", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert (run.code, run.error) == (2, "E310")
    assert f"(process {os.getpid()})" in run.err
