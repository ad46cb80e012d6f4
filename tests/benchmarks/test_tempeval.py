"""The TempEval-3 benchmark runner on two small TimeML files of our own: halves, saved
outputs, and the scores it prints (the real corpus is not in the repository)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # `benchmarks` is a directory of the repository
from benchmarks.tempeval import run  # noqa: E402
from benchmarks.tempeval.timeml import read_corpus  # noqa: E402

_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{id}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">{dct}</TIMEX3></DCT>
<TEXT>{text}</TEXT>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    halves = {
        "North": (
            "n1",
            "2026-03-04",
            'The mill shut <TIMEX3 tid="t1" type="DATE" value="2026-03-03">yesterday</TIMEX3>.',
        ),
        "South": (
            "s1",
            "2026-03-04",
            'Talks lasted <TIMEX3 tid="t1" type="DURATION" value="P2W">two weeks</TIMEX3> '
            'and end <TIMEX3 tid="t2" type="DATE" value="2026-03-06">Friday</TIMEX3>.',
        ),
    }
    for folder, (doc_id, dct, text) in halves.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{doc_id}.tml").write_text(
            _DOC.format(id=doc_id, dct=dct, text=text), encoding="utf-8"
        )
    return tmp_path


def test_tempeval_subset_reads_one_top_folder(corpus: Path) -> None:
    assert [d.id for d in read_corpus(corpus)] == ["n1", "s1"]
    south = read_corpus(corpus, "south")  # any case
    assert [(d.id, d.subset) for d in south] == [("s1", "South")]
    assert [south[0].text[g.start : g.end] for g in south[0].gold] == ["two weeks", "Friday"]
    with pytest.raises(FileNotFoundError, match="its folders are: North, South"):
        read_corpus(corpus, "East")


def test_tempeval_by_subset_and_load_score_saved_outputs(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run.main([str(corpus), "--out", str(out)]) == 0
    saved = [json.loads(line) for line in (out / "ours.jsonl").read_text().splitlines()]
    assert {r["doc"] for r in saved} == {"n1", "s1"}
    capsys.readouterr()
    # An empty output scored beside ours: ours finds all three, the empty one nothing.
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"doc": "n1", "spans": []}\n', encoding="utf-8")
    code = run.main([str(corpus), "--by-subset", "--load", f"empty={empty}"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "== North: 1 documents, 1 gold TIMEX3s" in printed
    assert "== South: 1 documents, 2 gold TIMEX3s" in printed
    strict = [line.split() for line in printed.splitlines() if line.startswith("strict F1")]
    assert strict[0] == ["strict", "F1", "100.00", "0.00"]  # all, ours then empty


def test_tempeval_unknown_subset_exits_2(corpus: Path) -> None:
    assert run.main([str(corpus), "--subset", "East"]) == 2
