"""The command line's contract, run as a user runs it: every command through ``main()`` on
the graph of the bundled corpus, every documented exit code (0, 1, 2, 3, 130), the JSON
export against its schema, the corpus graph against the SHACL shapes, and the installed
``ptkg`` command itself.

Names and dates are read from the graph, never written here.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pyoxigraph as ox
import pytest

from kg.store import STORE_MARKER, GraphStore
from ptkg.build import BuildReport
from queries.export import schema_path

if TYPE_CHECKING:
    from tests.conftest import Cli

PNG = b"\x89PNG"


def _rows(ptkg: Cli, *args: str | Path) -> list[dict[str, Any]]:
    run = ptkg(*args, "--format", "json")
    assert run.code == 0, run.err
    rows: list[dict[str, Any]] = json.loads(run.out)
    return rows


@pytest.fixture(scope="module")
def facts(built: BuildReport) -> dict[str, str]:
    """A model, an actor and a day of the corpus graph, as its queries give them."""
    from queries import run_query

    with GraphStore.open_existing(built.store) as store:
        states = run_query(store, "restrictions").records()
        timeline = run_query(store, "timeline").records()
    model = next(str(r["subject_name"]) for r in states if r["subject_name"])
    day = next(str(r["earliest"]) for r in timeline if r["earliest"] == r["latest"])
    agent = next(str(r["agents"]).split(";")[-1].strip() for r in timeline if r["agents"])
    return {"model": model, "day": day, "agent": agent}


# -- exit 0: every command does its job --------------------------------------------------
def test_cli_query_list_and_named_query(ptkg: Cli, built: BuildReport) -> None:
    listing = ptkg("query", "--list")
    assert listing.code == 0 and "timeline" in listing.out and "state-on-day" in listing.out
    rows = _rows(ptkg, "query", "timeline", "--store", built.store)
    assert len(rows) >= 5 and all(r["latest"] and r["event_type"] for r in rows)


def test_cli_timeline_prints_and_draws(
    ptkg: Cli, built: BuildReport, tmp_path: Path, facts: dict[str, str]
) -> None:
    run = ptkg(
        "timeline", "--store", built.store, "--entity", facts["agent"],
        "--chart", tmp_path / "timeline.png", "--output", tmp_path / "timeline.txt",
    )  # fmt: skip
    assert run.code == 0, run.err
    table = (tmp_path / "timeline.txt").read_text(encoding="utf-8")
    assert facts["agent"] in table and " rows)" in table
    assert (tmp_path / "timeline.png").read_bytes().startswith(PNG)


def test_cli_state_on_a_day_and_over_time(
    ptkg: Cli, built: BuildReport, facts: dict[str, str]
) -> None:
    on_day = _rows(ptkg, "state", "--store", built.store, "--day", facts["day"])
    assert on_day and all("state" in r for r in on_day)
    sequence = _rows(ptkg, "state", "--store", built.store, "--model", facts["model"])
    assert sequence and {r["subject_name"] for r in sequence} == {facts["model"]}


@pytest.mark.parametrize("kind", ["timeline", "states", "network"])
def test_cli_chart_writes_png_and_svg(
    ptkg: Cli, built: BuildReport, tmp_path: Path, kind: str
) -> None:
    run = ptkg("chart", kind, "--store", built.store, "--output", tmp_path / kind)
    assert run.code == 0, run.err
    assert (tmp_path / f"{kind}.png").read_bytes().startswith(PNG)
    assert b"<svg" in (tmp_path / f"{kind}.svg").read_bytes()[:1000]


def test_cli_export_json_follows_its_schema(ptkg: Cli, built: BuildReport, tmp_path: Path) -> None:
    run = ptkg("export", "--store", built.store, "--output", tmp_path / "events.json")
    assert run.code == 0, run.err
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data["events"]) >= 5
    assert all(e["sources"] and e["mentions"] for e in data["events"])
    broken = {**data, "events": [{k: v for k, v in data["events"][0].items() if k != "date"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_cli_export_timelinejs(ptkg: Cli, built: BuildReport, tmp_path: Path) -> None:
    run = ptkg("export", "--store", built.store, "--format", "timelinejs")
    assert run.code == 0, run.err
    timeline = json.loads(run.out)
    assert timeline["events"] and all("start_date" in e for e in timeline["events"])


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".trig", ox.RdfFormat.TRIG), (".nq", ox.RdfFormat.N_QUADS)]
)
def test_cli_export_rdf_holds_the_whole_graph(
    ptkg: Cli, built: BuildReport, tmp_path: Path, suffix: str, fmt: Any
) -> None:
    path = tmp_path / f"graph{suffix}"
    run = ptkg("export", "--store", built.store, "--format", "rdf", "--output", path)
    assert run.code == 0, run.err
    assert built.graph is not None
    assert len(list(ox.parse(path=str(path), format=fmt))) == built.graph.quads
    run = ptkg("export", "--store", built.store, "--format", "rdf", "--output", tmp_path / "g.x")
    assert (run.code, run.error) == (2, "E503")
    assert "FILE.trig or FILE.nq" in run.err  # the fix


def test_cli_validate_corpus_graph_conforms_to_the_shapes(ptkg: Cli, built: BuildReport) -> None:
    for target in (built.store, built.out / "graph.trig"):
        run = ptkg("validate", target)
        assert run.code == 0, run.out
        assert "Conforms: True" in run.out


def test_cli_evaluate_passes_and_fails_at_its_threshold(
    ptkg: Cli, built: BuildReport, corpus_dir: Path
) -> None:
    gold = corpus_dir / "gold" / "seed_events.yaml"
    run = ptkg("evaluate", "--store", built.store, "--gold", gold, "--format", "json")
    assert run.code == 0, run.err
    f1 = json.loads(run.out)["events"]["f1"]
    assert 0.5 < f1 <= 1.0
    at = ptkg("evaluate", "--store", built.store, "--gold", gold, "--min-f1", str(f1))
    assert at.code == 0
    above = ptkg("evaluate", "--store", built.store, "--gold", gold, "--min-f1", str(f1 + 0.01))
    assert above.code == 1
    missing = ptkg("evaluate", "--store", built.store, "--gold", gold.with_name("none.yaml"))
    assert (missing.code, missing.error) == (2, "E141")


# -- exit 1: a check failed ---------------------------------------------------------------
def test_cli_validate_violations_exit_1(ptkg: Cli, tmp_path: Path) -> None:
    graph = ptkg.write(
        tmp_path / "bad.ttl",
        "<https://example.org/doc/x> a <https://schema.org/NewsArticle> .\n",
    )
    run = ptkg("validate", graph)
    assert run.code == 1
    assert "Conforms: False" in run.out and "identifier" in run.out
    missing = ptkg("validate", tmp_path / "none.ttl")
    assert (missing.code, missing.error) == (2, "E701")


def test_cli_build_strict_with_a_skipped_document_exits_1(ptkg: Cli, tmp_path: Path) -> None:
    ptkg.write(tmp_path / "corpus" / "a.txt", ptkg.ARTICLE)
    ptkg.write(tmp_path / "corpus" / "empty.txt", "")
    out = tmp_path / "out"
    assert ptkg("build", tmp_path / "corpus", "--out", out, "--quiet").code == 0
    run = ptkg("build", tmp_path / "corpus", "--out", out, "--quiet", "--strict")
    assert run.code == 1 and run.skipped == {"empty.txt": "E122"}
    assert ptkg.report(out)["documents"] == 1  # the build is in place all the same


# -- exit 2, 3 and 130 --------------------------------------------------------------------
@pytest.mark.parametrize("command", ["query", "timeline", "state", "chart", "export", "evaluate"])
def test_cli_missing_store_exits_2(
    ptkg: Cli, tmp_path: Path, corpus_dir: Path, command: str
) -> None:
    gold = corpus_dir / "gold" / "seed_events.yaml"
    args: dict[str, list[str | Path]] = {
        "query": ["documents"],
        "chart": ["timeline"],
        "evaluate": ["--gold", gold],
    }
    run = ptkg(command, *args.get(command, []), "--store", tmp_path / "none")
    assert (run.code, run.error) == (2, "E501")
    assert "internal error" not in run.err


def test_cli_usage_errors_exit_2(ptkg: Cli) -> None:
    assert ptkg("no-such-command").code == 2
    assert ptkg("state", "--day", "20 June").code == 2
    assert ptkg("query").code == 0  # no name: the list


def test_cli_internal_error_exits_3(
    ptkg: Cli, built: BuildReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("ptkg.cli.query.run_query", bug)
    run = ptkg("query", "documents", "--store", built.store)
    assert run.code == 3
    assert "ptkg: internal error: RuntimeError: a bug (rerun with --debug" in run.err
    debug = ptkg("--debug", "query", "documents", "--store", built.store)
    assert debug.code == 3 and "Traceback" in debug.err


def test_cli_file_system_error_on_a_named_path_exits_2(
    ptkg: Cli, built: BuildReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/out/events.json")

    monkeypatch.setattr("queries.export.write_events", denied)
    run = ptkg("export", "--store", built.store)
    assert (run.code, run.error) == (2, "E320")
    assert "] /srv/out/events.json: Permission denied" in run.err


def test_cli_interrupted_exits_130(
    ptkg: Cli, built: BuildReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("ptkg.cli.timeline.run_query", interrupted)
    run = ptkg("timeline", "--store", built.store)
    assert run.code == 130 and "ptkg: interrupted" in run.err


def test_cli_help_and_version_exit_0(ptkg: Cli) -> None:
    assert ptkg("--help").code == 0
    version = ptkg("--version")
    assert version.code == 0 and version.out.startswith("ptkg ")


# -- the installed command ----------------------------------------------------------------
def _installed_ptkg() -> str:
    found = shutil.which("ptkg", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the ptkg command is not installed beside this Python (make install)")
    return found


@pytest.mark.slow  # runs the installed command in child processes
def test_cli_installed_command_builds_validates_and_is_interrupted(
    ptkg: Cli, tmp_path: Path
) -> None:
    command = _installed_ptkg()
    corpus = ptkg.write(tmp_path / "corpus" / "a.txt", ptkg.ARTICLE).parent
    out = tmp_path / "out"
    built = subprocess.run(
        [command, "build", corpus, "--out", out], capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stderr
    assert "built " in built.stderr and "1 documents" in built.stderr
    checked = subprocess.run(
        [command, "validate", out / "store"], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0 and "Conforms: True" in checked.stdout

    # Ctrl-C while a long query runs: exit 130 at once, with the message.
    store = tmp_path / "pairs"
    graph = GraphStore(store)
    graph.oxigraph.extend(
        ox.Quad(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)))
        for i in range(6000)
    )
    graph.close()
    (store / STORE_MARKER).write_text("test store\n", encoding="utf-8")
    heavy = ptkg.write(
        tmp_path / "pairs.rq",
        "SELECT ?a WHERE { ?a ?p ?x . ?b ?q ?y FILTER(STR(?x) = CONCAT(STR(?y), '-')) }\n",
    )
    running = subprocess.Popen(
        [command, "query", heavy, "--store", store],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until_open(running, store)
    time.sleep(0.3)
    started = time.monotonic()
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=60)
    assert running.returncode == 130, err
    assert "ptkg: interrupted" in err
    assert time.monotonic() - started < 5


def _wait_until_open(process: subprocess.Popen[str], store: Path) -> None:
    """Until ``process`` has the store open (it is then inside ``main()``, querying)."""
    fds = Path(f"/proc/{process.pid}/fd")
    if not fds.parent.exists():
        pytest.skip("needs /proc to see when the query runs")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            targets = [str(fd.readlink()) for fd in fds.iterdir()]
        except OSError:
            targets = []
        if any(t.startswith(str(store)) for t in targets):
            return
        time.sleep(0.05)
    pytest.fail("the query never opened its store")


def test_cli_validate_fails_on_an_inverted_window(
    ptkg: Cli, built: BuildReport, tmp_path: Path
) -> None:
    import rdflib
    from rdflib.namespace import XSD

    from kg.namespace import PTKG, SEM

    graph = rdflib.Dataset()
    graph.parse(built.out / "graph.trig", format="trig")
    context = next(graph.quads((None, rdflib.RDF.type, PTKG.PolicyEvent, None)))[3]
    g = graph.graph(context)
    event = next(
        s
        for s in g.subjects(rdflib.RDF.type, PTKG.PolicyEvent)
        if g.value(s, SEM.hasEarliestBeginTimeStamp) and g.value(s, SEM.hasLatestBeginTimeStamp)
    )
    g.set((event, SEM.hasEarliestBeginTimeStamp, rdflib.Literal("2030-01-02", datatype=XSD.date)))
    g.set((event, SEM.hasLatestBeginTimeStamp, rdflib.Literal("2030-01-01", datatype=XSD.date)))
    broken = tmp_path / "inverted.trig"
    graph.serialize(broken, format="trig")
    run = ptkg("validate", broken)
    assert run.code == 1
    assert "LessThanOrEquals" in run.out and str(event) in run.out


def test_cli_pages_of_a_listing_and_of_the_export(ptkg: Cli, built: BuildReport) -> None:
    whole = json.loads(ptkg("query", "timeline", "--store", built.store, "--format", "json").out)
    page = ptkg(
        "query",
        "timeline",
        "--store",
        built.store,
        "--format",
        "json",
        "--limit",
        "2",
        "--offset",
        "3",
    )
    assert page.code == 0 and json.loads(page.out) == whole[3:5]
    shown = ptkg("timeline", "--store", built.store, "--format", "csv", "--limit", "1")
    assert shown.code == 0 and shown.out.splitlines()[1].endswith(whole[0]["event"])
    export = json.loads(ptkg("export", "--store", built.store).out)
    jsonschema.validate(export, json.loads(schema_path().read_text(encoding="utf-8")))
    one = json.loads(ptkg("export", "--store", built.store, "--limit", "1", "--offset", "2").out)
    assert one["events"] == export["events"][2:3]
    refused = ptkg("query", "timeline", "--store", built.store, "--limit", "0")
    assert refused.code == 2 and "--limit" in refused.err
