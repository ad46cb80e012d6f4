"""Smoke runs of the performance benchmarks, and the check that their synthetic graph is ours.

Benchmarks are not part of the test suite (they time things; tests never do). These runs
are small, assert what each benchmark computes and that it reports, never how fast, and keep
the commands documented in benchmarks/README.md working.

``benchmarks`` is a folder of the repository, not of the installed package: it is loaded
from its files, and the repository is never put on ``sys.path``, so that ``extract``, ``kg``
and ``queries`` are the ones the rest of the suite imports. The benchmarks run in this
process for the same reason (``build_scaling`` times its builds in child processes of its
own, run from the repository as its README says).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _benchmark(name: str) -> ModuleType:
    """``benchmarks.NAME``, loaded from the repository's files by path."""
    if "benchmarks" not in sys.modules:
        folder = REPO / "benchmarks"
        spec = importlib.util.spec_from_file_location(
            "benchmarks", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        assert spec is not None and spec.loader is not None
        package = importlib.util.module_from_spec(spec)
        sys.modules["benchmarks"] = package
        spec.loader.exec_module(package)
    module = importlib.import_module(f"benchmarks.{name}")
    assert Path(str(module.__file__)).is_relative_to(REPO / "benchmarks")
    return module


def _run(capsys: pytest.CaptureFixture[str], name: str, *args: str) -> str:
    """Run a benchmark's command (``python -m benchmarks.NAME ARGS``); what it printed."""
    capsys.readouterr()
    assert _benchmark(name).main(list(args)) == 0
    return capsys.readouterr().out


def test_perf_benchmarks_use_the_packages_of_the_suite() -> None:
    import extract
    import kg
    import queries

    for loaded in [name for name in sys.modules if name.split(".")[0] == "benchmarks"]:
        del sys.modules[loaded]
    search_path = list(sys.path)
    synthgraph = _benchmark("perf.synthgraph")
    assert synthgraph.__name__ == "benchmarks.perf.synthgraph"
    assert sys.path == search_path
    # the packages the benchmark imports are those of the rest of the suite
    for package in (extract, kg, queries):
        assert sys.modules[package.__name__] is package


@pytest.mark.parametrize("copy", [1, 4242, 99_999])
def test_perf_rendered_story_is_what_the_project_writes_for_its_records(copy: int) -> None:
    """The fast template rendering gives, quad for quad, what kg.build writes."""
    synthgraph = _benchmark("perf.synthgraph")
    template = synthgraph.StoryTemplate()
    rendered = sorted(template.render(copy).splitlines())
    reference = sorted(line.rstrip("\n") for line in synthgraph.story_graph(copy))
    assert rendered == reference
    assert any("PolicyEvent" in line for line in rendered)


def test_perf_synthetic_stories_do_not_share_names_or_months() -> None:
    synthcorpus = _benchmark("perf.synthcorpus")
    stories = synthcorpus.stories(4)
    names = [set(s.names.values()) for s in stories[1:]]
    assert all(a.isdisjoint(b) for i, a in enumerate(names) for b in names[i + 1 :])
    assert synthcorpus.shift_months("on June 12 and in March", 13) == "on July 12 and in April"
    assert synthcorpus.shift_months("Fable 5 May Follow", 1) == "Fable 5 May Follow"


def test_perf_query_benchmark_runs_every_named_query_with_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "perf.queries", "--events", "400", "--runs", "1", "--rdflib-events", "0")
    assert "conforms" in out  # the synthetic graph passes the project's SHACL shapes
    assert "WARNING" not in out, out  # every named query covered, and every one gave rows
    assert "restrictions: one model" in out
    # the summary graph is written as a build writes it, and read by the whole-graph cases
    assert "the summary graph (" in out and "KB an event" in out
    assert "timeline: first page" in out and "export streamed: 400 events" in out


@pytest.mark.slow
def test_perf_build_scaling_quick_finds_one_story_per_copy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "perf.build_scaling", "--quick")
    rows = [line.split() for line in out.splitlines() if line.startswith(("1x ", "2x "))]
    # The correctness table: canonical events found at 2x are twice those at 1x, or near.
    found = {r[0]: int(r[2].replace(",", "")) for r in rows if len(r) == 7}
    assert found["2x"] >= 2 * found["1x"] - 1, out


@pytest.mark.slow
def test_perf_extraction_benchmark_quick_reports_ours_against_bare_spacy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "perf.extraction", "--quick")
    # what it reports, not how fast: the ratio is the benchmark's figure, not a test's
    assert "ours / bare, one process:" in out


@pytest.mark.slow
def test_perf_executors_benchmark_quick_compares_dask_with_one_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "perf.executors", "--quick")
    rows = {line.split()[0] + " " + line.split()[1] for line in out.splitlines()[-8:] if line}
    assert {"one process", "dask x2"} <= rows, out
    # what it checks, not how fast: every executor gave the records of one process
    assert "records identical to one process's: yes" in out, out
    assert "dask x2 / one process:" in out
