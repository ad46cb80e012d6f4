"""Smoke runs of the performance benchmarks, and the check that their synthetic graph is ours.

Benchmarks are not part of the test suite (they time things; tests never do). These runs
are small, assert what each benchmark computes, never how fast, and keep the commands
documented in benchmarks/README.md working.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

sys.path.insert(0, str(REPO))  # `benchmarks` is a directory of the repository, not a package
from benchmarks.perf import synthcorpus, synthgraph  # noqa: E402


def _run(module: str, *args: str, timeout: int = 900) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.parametrize("copy", [1, 4242, 99_999])
def test_a_rendered_story_is_what_the_project_writes_for_its_records(copy: int) -> None:
    """The fast template rendering gives, quad for quad, what kg.build writes."""
    template = synthgraph.StoryTemplate()
    rendered = sorted(template.render(copy).splitlines())
    reference = sorted(line.rstrip("\n") for line in synthgraph.story_graph(copy))
    assert rendered == reference
    assert any("PolicyEvent" in line for line in rendered)


def test_synthetic_stories_do_not_share_names_or_months() -> None:
    stories = synthcorpus.stories(4)
    names = [set(s.names.values()) for s in stories[1:]]
    assert all(a.isdisjoint(b) for i, a in enumerate(names) for b in names[i + 1 :])
    assert synthcorpus.shift_months("on June 12 and in March", 13) == "on July 12 and in April"
    assert synthcorpus.shift_months("Fable 5 May Follow", 1) == "Fable 5 May Follow"


def test_query_benchmark_runs_every_named_query_with_rows() -> None:
    out = _run("benchmarks.perf.queries", "--events", "400", "--runs", "1", "--rdflib-events", "0")
    assert "conforms" in out  # the synthetic graph passes the project's SHACL shapes
    assert "WARNING" not in out, out  # every named query covered, and every one gave rows
    assert "restrictions: one model" in out


@pytest.mark.slow
def test_build_scaling_quick_finds_one_story_per_copy() -> None:
    out = _run("benchmarks.perf.build_scaling", "--quick")
    rows = [line.split() for line in out.splitlines() if line.startswith(("1x ", "2x "))]
    # The correctness table: canonical events found at 2x are twice those at 1x, or near.
    found = {r[0]: int(r[2].replace(",", "")) for r in rows if len(r) == 7}
    assert found["2x"] >= 2 * found["1x"] - 1, out


@pytest.mark.slow
def test_extraction_benchmark_quick_compares_with_bare_spacy() -> None:
    out = _run("benchmarks.perf.extraction", "--quick")
    assert "ours / bare, one process:" in out
    ratio = float(out.split("ours / bare, one process:")[1].split()[0])
    assert 0 < ratio < 2  # a ratio, whatever the machine: both ran on the same texts
