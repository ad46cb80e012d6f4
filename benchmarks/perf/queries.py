"""Query latency: every named query on a synthetic graph of 1,000,000 canonical events.

Usage (from the repository root, with the dev virtualenv)::

    python -m benchmarks.perf.queries                        # 1M events on disk (see below)
    python -m benchmarks.perf.queries --store /tmp/ptkg-1m   # keep the store, reuse it later
    python -m benchmarks.perf.queries --quick                # 2,000 events, for the smoke test

The graph is written by ``benchmarks.perf.synthgraph`` in the project's own model (the
document graphs, reported events and mentions, canonical events, state intervals and
disagreements that ``ptkg build`` writes: its stories are rendered from quads made by
``kg``'s own converters) and bulk-loaded into an on-disk Oxigraph store, then compacted
(``optimize``) as ``ptkg build`` does. A sample of three stories is checked with ``ptkg
validate`` (SHACL) first.

Each case runs several times with parameters drawn at random from the data (a model, an
actor, a day, an event) and reports the median of:

* ``runner``: ``queries.run_query`` as the CLI and notebooks call it, entities given by
  name (the runner looks them up), results converted to Python values;
* ``engine``: the same query and bindings on pyoxigraph alone, rows iterated, not converted.

Then, at the largest size rdflib's default in-memory store holds here (``--rdflib-events``;
about 1.8 KB a quad), the same cases on rdflib, on Oxigraph on disk and in memory, for the
ratios. Expected run time with the defaults: about 30 minutes to generate and load the 1M
store (reused when ``--store`` names an existing one), then 20-40 minutes of queries.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.perf.common import machine_note, median, table
from benchmarks.perf.synthgraph import (
    EVENTS_PER_STORY,
    StoryTemplate,
    nquads_chunks,
    stories_for,
    story_day,
    story_names,
)

# "whole": at 20,000 events (issue 17); "page": the first page (100 rows) of a listing
TARGETS = {"one": 0.100, "whole": 1.0, "page": 0.100}
EXPORT_TARGET = 50_000  # events a second, streamed
PAGE = 100
# The joins the listings read before the summary graph (the "before" of the figures).
JOINS = Path(__file__).resolve().parents[2] / "tests" / "data" / "joins"
BYTES_PER_RDFLIB_QUAD = 1800
MARKER = "perf-synthetic.json"

Params = Callable[[random.Random, "Data"], dict[str, Any]]


@dataclass(frozen=True)
class Data:
    """What parameters may be drawn from: the stories of a generated graph."""

    events: int
    template: StoryTemplate

    @property
    def stories(self) -> int:
        return stories_for(self.events)

    def story(self, rng: random.Random) -> int:
        return rng.randrange(self.stories)

    def event_iri(self, rng: random.Random) -> str:
        from kg.iri import Minter

        keys = self.template.event_keys(self.story(rng))
        return str(Minter().event(rng.choice(keys)))


@dataclass(frozen=True)
class Case:
    name: str
    query: str
    kind: str  # "one": about one thing; "whole": the whole graph; "page": its first page
    params: Params
    note: str = ""
    limit: int | None = None


def _none(rng: random.Random, data: Data) -> dict[str, Any]:
    return {}


def _model(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"subject": story_names(data.story(rng))["model_a"]}


def _model_day(rng: random.Random, data: Data) -> dict[str, Any]:
    k = data.story(rng)
    return {"subject": story_names(k)["model_a"], "day": story_day(k, 0, 20).isoformat()}


def _day(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"day": story_day(data.story(rng), 0, 20).isoformat()}


def _company(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"entity": story_names(data.story(rng))["company"]}


def _actor(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"actor": story_names(data.story(rng))["company"]}


def _company_day(rng: random.Random, data: Data) -> dict[str, Any]:
    k = data.story(rng)
    return {"entity": story_names(k)["company"], "day": story_day(k, 2, 1).isoformat()}


def _agency(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"entity": story_names(data.story(rng))["agency"]}


def _event(rng: random.Random, data: Data) -> dict[str, Any]:
    return {"event": data.event_iri(rng)}


def _month(rng: random.Random, data: Data) -> dict[str, Any]:
    k = data.story(rng)
    return {"from": story_day(k, 0, 1).isoformat(), "to": story_day(k, 0, 28).isoformat()}


CASES: tuple[Case, ...] = (
    Case("restrictions: one model", "restrictions", "one", _model),
    Case("state-on-day: one model, one day", "state-on-day", "one", _model_day),
    Case("timeline: one company", "timeline", "one", _company),
    Case(
        "timeline: one agency",
        "timeline",
        "one",
        _agency,
        "an agency acts in 1 story in 1,000: ~700 events at 1M",
    ),
    Case("timeline-lanes: one company", "timeline-lanes", "one", _company),
    Case("event-sources: one event", "event-sources", "one", _event),
    Case("events-by-actor: one company", "events-by-actor", "one", _actor),
    Case("state-on-day-sources: one model, one day", "state-on-day-sources", "one", _model_day),
    Case("timeline-as-of: one company, one day", "timeline-as-of", "one", _company_day),
    Case("timeline: one month", "timeline", "whole", _month, "~1,700 events at 1M"),
    Case("timeline: one type", "timeline", "whole", lambda r, d: {"type": "partial_lift"}),
    Case("timeline: all", "timeline", "whole", _none),
    Case("timeline-lanes: all", "timeline-lanes", "whole", _none),
    Case("state-on-day: all models, one day", "state-on-day", "whole", _day),
    Case("restrictions: all", "restrictions", "whole", _none),
    Case("disagreements: all", "disagreements", "whole", _none),
    Case("disagreements: one aspect", "disagreements", "whole", lambda r, d: {"aspect": "count"}),
    Case("timeline-as-of: all, one day", "timeline-as-of", "whole", _day),
    Case("network: all", "network", "whole", _none),
    Case("event-types", "event-types", "whole", _none),
    Case("documents", "documents", "whole", _none),
    Case("candidates: all", "candidates", "whole", _none),
    Case("entities: all", "entities", "whole", _none),
    Case("entities: one type", "entities", "whole", lambda r, d: {"entity_type": "ai_model"}),
    Case("export-events", "export-events", "whole", _none),
    Case("export-participants", "export-participants", "whole", _none),
    Case("export-mentions", "export-mentions", "whole", _none),
    Case("export-scopes", "export-scopes", "whole", _none),
    Case("export-disagreements", "export-disagreements", "whole", _none),
    Case("event-dates", "event-dates", "whole", _none),
    Case("timeline: first page", "timeline", "page", _none, limit=PAGE),
    Case("timeline-as-of: first page, one day", "timeline-as-of", "page", _day, limit=PAGE),
    Case("restrictions: first page", "restrictions", "page", _none, limit=PAGE),
    Case("timeline-lanes: first page", "timeline-lanes", "page", _none, limit=PAGE),
    Case("export-events: first page", "export-events", "page", _none, limit=PAGE),
)


# --------------------------------------------------------------------------- the data
def _reader(chunks: Iterator[bytes]) -> io.BufferedReader:
    """A file object over generated chunks: the store parses while Python generates."""

    class Chunks(io.RawIOBase):
        def __init__(self) -> None:
            self.pending = b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            while not self.pending:
                try:
                    self.pending = next(chunks)
                except StopIteration:
                    return 0
            n = min(len(buffer), len(self.pending))
            buffer[:n] = self.pending[:n]
            self.pending = self.pending[n:]
            return n

    return io.BufferedReader(Chunks(), 1 << 20)


def ensure_store(path: Path, events: int, log: Callable[[str], None]) -> Path:
    """An on-disk store of ``events`` synthetic events at ``path``; reused when complete."""
    import pyoxigraph as ox

    from kg.iri import Minter
    from kg.store import STORE_MARKER
    from kg.summary import materialise

    wanted = {
        "events": events,
        "per_story": EVENTS_PER_STORY,
        "generator": _generator_id(),
        "summary": 5,  # the version of the summary graph (kg/summary) it holds
    }
    marker = path / MARKER
    if marker.is_file():
        found = json.loads(marker.read_text(encoding="utf-8"))
        if {k: found.get(k) for k in wanted} == wanted:
            log(f"  reusing the store at {path}")
            _log_sizes(found, events, log)
            return path
        if {k: found.get(k) for k in wanted if k != "summary"} == {
            k: v for k, v in wanted.items() if k != "summary"
        }:
            return _summarise_again(path, {**found, **wanted}, events, log)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    store = ox.Store(str(path))
    started = time.perf_counter()
    store.bulk_load(_reader(nquads_chunks(events, 200)), format=ox.RdfFormat.N_QUADS)
    loaded = time.perf_counter() - started
    store.flush()
    started = time.perf_counter()
    store.optimize()
    optimized = time.perf_counter() - started
    size_before = _disk_size(path)
    started = time.perf_counter()
    summary = materialise(store, str(Minter().summary_graph()))
    summarised = time.perf_counter() - started
    store.flush()
    store.optimize()
    size_after = _disk_size(path)
    quads = len(store)
    del store
    log(
        f"  generated and bulk-loaded {quads - summary.quads:,} quads "
        f"({(quads - summary.quads) / events:.0f} per event) in {loaded:.0f} s, compacted in "
        f"{optimized:.0f} s; the summary graph ({summary.quads:,} quads, as `ptkg build` "
        f"writes it) in {summarised:.0f} s"
    )
    wanted["bytes_before_summary"] = size_before
    wanted["bytes_with_summary"] = size_after
    (path / STORE_MARKER).write_text(
        "synthetic graph of benchmarks.perf.queries\n", encoding="utf-8"
    )
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    _log_sizes(wanted, events, log)
    return path


def _summarise_again(
    path: Path, marker: dict[str, Any], events: int, log: Callable[[str], None]
) -> Path:
    """The store's graph as it was generated, its summary graph written again by the
    build's code of now (an earlier version of it wrote the one the store holds)."""
    import pyoxigraph as ox

    from kg.iri import Minter
    from kg.summary import materialise

    store = ox.Store(str(path))
    started = time.perf_counter()
    summary = materialise(store, str(Minter().summary_graph()))
    summarised = time.perf_counter() - started
    store.flush()
    store.optimize()
    del store
    marker["bytes_with_summary"] = _disk_size(path)
    log(
        f"  reusing the store at {path}; its summary graph written again ({summary.quads:,} "
        f"quads, as `ptkg build` writes it now) in {summarised:.0f} s"
    )
    (path / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    _log_sizes(marker, events, log)
    return path


def _disk_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _log_sizes(marker: dict[str, Any], events: int, log: Callable[[str], None]) -> None:
    before, after = marker.get("bytes_before_summary"), marker.get("bytes_with_summary")
    if before and after:
        log(
            f"  on disk, compacted: {before / 1e6:,.0f} MB without the summary graph "
            f"({before / events / 1e3:.1f} KB an event), {after / 1e6:,.0f} MB with it "
            f"({after / events / 1e3:.1f} KB an event, x{after / before:.2f})"
        )


def _generator_id() -> str:
    import hashlib

    template = StoryTemplate()
    return hashlib.sha256(template.render(1).encode("utf-8")).hexdigest()[:16]


def validate_sample(log: Callable[[str], None]) -> bool:
    """``ptkg validate`` on the vocabulary and three stories of the generator."""
    from ptkg.cli import main

    template = StoryTemplate()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.nq"
        sample.write_text(
            template.vocabulary + "".join(template.render(k) for k in (0, 1, 4242)),
            encoding="utf-8",
        )
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = main(["validate", str(sample)])
    log(
        f"  ptkg validate on a sample of 3 stories: exit {code} "
        f"({'conforms' if code == 0 else 'does NOT conform'})"
    )
    if code != 0:
        log(output.getvalue()[-3000:])
    return code == 0


# ------------------------------------------------------------------------ measuring
@dataclass
class Timing:
    runs: list[float]
    rows: list[int]

    @property
    def median(self) -> float:
        return median(self.runs)

    @property
    def median_rows(self) -> int:
        return int(median([float(r) for r in self.rows])) if self.rows else 0


def _entity_iris(named: Any, params: dict[str, Any]) -> dict[str, Any]:
    """The same parameters with entity names replaced by their IRIs (no lookup)."""
    from kg.iri import Minter, slug

    out = dict(params)
    for parameter in named.parameters:
        if parameter.type == "entity" and parameter.name in out:
            out[parameter.name] = str(Minter().entity(slug(str(out[parameter.name]))))
    return out


class Engines:
    """The ways a case is run: the runner, pyoxigraph alone, rdflib, the joins before."""

    def __init__(self, store: Any, limit: int | None = None) -> None:
        self.store = store  # kg.store.GraphStore
        self.limit = limit

    def runner(self, query: str, params: dict[str, Any]) -> int:
        from queries.runner import run_query

        return len(run_query(self.store, query, params, limit=self.limit).rows)

    def engine(self, query: str, params: dict[str, Any]) -> int:
        from kg.bindings import prepare
        from queries.library import find_query
        from queries.runner import bind_parameters

        named = find_query(query)
        bindings = bind_parameters(self.store, named, _entity_iris(named, params))
        text, substitutions = prepare(named.text_for(bindings), bindings)  # as GraphStore.query
        result = self.store.oxigraph.query(
            text, use_default_graph_as_union=True, substitutions=substitutions
        )
        return sum(1 for _ in result)

    def before(self, query: str, params: dict[str, Any]) -> int:
        """The join the listing was before the summary graph, run as the runner ran it
        then: through rdflib's Result, every term converted (a page cut from the whole)."""
        from queries.library import load_query
        from queries.runner import _python, bind_parameters

        named = load_query(JOINS / f"{query}.rq")
        bindings = bind_parameters(self.store, named, params)
        result = self.store.query(named.text_for(bindings), bindings)
        hidden = {p.name for p in named.parameters}
        columns = [str(v) for v in (result.vars or [])]
        keep = [i for i, c in enumerate(columns) if c not in hidden]
        rows = [tuple(_python(row[i]) for i in keep) for row in result]  # type: ignore[index]
        return len(rows[: self.limit] if self.limit is not None else rows)


def rdflib_query(dataset: Any, store: Any, query: str, params: dict[str, Any]) -> int:
    from queries.library import find_query
    from queries.runner import bind_parameters

    named = find_query(query)
    bindings = bind_parameters(store, named, _entity_iris(named, params))
    text = named.text_for(bindings)
    return sum(1 for _ in dataset.query(text, initBindings=bindings))


def measure(
    run: Callable[[str, dict[str, Any]], int],
    case: Case,
    data: Data,
    runs: int,
    budget: float,
    seed: int,
    limit: float | None = None,
) -> Timing:
    """``runs`` runs (fewer when they exceed ``budget`` seconds), new parameters each run.

    A run that takes longer than ``limit`` seconds (default: ``budget``) is given up and
    counts as infinitely long.
    """
    rng = random.Random(seed)
    timing = Timing([], [])
    for _ in range(runs):
        params = case.params(rng, data)
        started = time.perf_counter()
        try:
            with _time_limit(max(1, int(limit or budget))):
                rows = run(case.query, params)
        except _TimeoutError:
            timing.runs.append(float("inf"))
            break
        timing.runs.append(time.perf_counter() - started)
        timing.rows.append(rows)
        if sum(timing.runs) > budget:
            break
    return timing


class _TimeoutError(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise _TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -------------------------------------------------------------------------- reports
def run_main(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    from kg.store import GraphStore
    from queries.library import list_queries
    from queries.runner import resolve_entity

    results: dict[str, Any] = {"events": args.events, "cases": {}, "small": {}}
    covered = {c.query for c in CASES}
    missing = [q.name for q in list_queries() if q.name not in covered]
    if missing:
        log(f"  WARNING: named queries without a benchmark case: {', '.join(missing)}")
    if not validate_sample(log):
        raise SystemExit(1)
    template = StoryTemplate()
    work = Path(tempfile.mkdtemp(prefix="ptkg-perf-queries-"))
    try:
        path = args.store or work / "store-main"
        ensure_store(path, args.events, log)
        data = Data(args.events, template)
        store = GraphStore.open_existing(path)
        engines = Engines(store)
        log(
            f"\nqueries at {args.events:,} events, on-disk store "
            f"(median of up to {args.runs} runs, random parameters)"
        )
        rows = []
        for number, case in enumerate(CASES):
            if (
                args.kind
                and case.kind != args.kind
                and not (args.kind == "whole" and case.kind == "page")
            ):
                continue
            paged = Engines(store, case.limit)
            runner = measure(paged.runner, case, data, args.runs, args.budget, number)
            engine = (
                measure(engines.engine, case, data, args.runs, args.budget, number)
                if case.limit is None
                else None
            )
            before = None
            if case.kind != "one" and (JOINS / f"{case.query}.rq").is_file() and args.before:
                before = measure(
                    paged.before, case, data, args.before, args.budget, number, args.before_timeout
                )
            target = TARGETS[case.kind]
            results["cases"][case.name] = {
                "kind": case.kind,
                "rows": runner.median_rows,
                "runner": runner.runs,
                "engine": engine.runs if engine else None,
                "before": before.runs if before else None,
            }
            rows.append(
                [
                    case.name,
                    case.kind,
                    runner.median_rows,
                    len(runner.runs),
                    runner.median * 1000,
                    engine.median * 1000 if engine else "-",
                    _ms(before.median) if before else "-",
                    f"{before.median / runner.median:,.0f}x" if before else "-",
                    target * 1000,
                    "yes" if runner.median <= target else "no",
                ]
            )
            log(
                f"  {case.name}: runner {runner.median * 1000:,.0f} ms"
                + (f", engine {engine.median * 1000:,.0f} ms" if engine else "")
                + (f", before {_ms(before.median)} ms" if before else "")
                + f", {runner.median_rows:,} rows"
            )
        if args.kind != "one":
            results["export"] = export_rate(store, engines, args, log)
        lookups = [data.story(random.Random(i)) for i in range(args.runs)]
        lookup = []
        for k in lookups:
            started = time.perf_counter()
            resolve_entity(store, story_names(k)["model_a"])
            lookup.append(time.perf_counter() - started)
        results["entity_lookup"] = lookup
        store.close()
        measured = [c for c in CASES if c.name in results["cases"]]
        empty = sorted(
            {c.query for c in measured}
            - {c.query for c in measured if results["cases"][c.name]["rows"] > 0}
        )
        log("")
        log(
            table(
                [
                    "case",
                    "kind",
                    "rows",
                    "runs",
                    "runner ms",
                    "engine ms",
                    "before ms",
                    "before / now",
                    "target ms",
                    "met",
                ],
                rows,
            )
        )
        log(
            f"entity name lookup in the runner (part of every 'one' case given a name): "
            f"median {median(lookup) * 1000:,.0f} ms"
        )
        if empty:
            log(f"WARNING: named queries that returned no rows: {', '.join(empty)}")
        if args.rdflib_events:
            results["small"] = compare_small(args, template, work, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def _ms(seconds: float) -> str:
    return f">{int(seconds)} s" if seconds == float("inf") else f"{seconds * 1000:,.0f}"


def export_rate(
    store: Any, engines: Engines, args: argparse.Namespace, log: Callable[[str], None]
) -> dict[str, Any]:
    """The JSON export streamed whole, in events a second; before: the five joins it was
    made from, through the runner as it was."""
    from queries.export import export_lines

    runs = []
    events = 0
    for _ in range(max(1, min(args.runs, 3))):
        started = time.perf_counter()
        events = sum(1 for line in export_lines(store) if line.startswith("    {"))
        runs.append(time.perf_counter() - started)
    rate = events / median(runs)
    out: dict[str, Any] = {"events": events, "runs": runs, "rate": rate}
    line = (
        f"export streamed: {events:,} events in {median(runs):.2f} s: {rate:,.0f} events/s "
        f"(target {EXPORT_TARGET:,}: {'met' if rate >= EXPORT_TARGET else 'not met'})"
    )
    if args.before:
        started = time.perf_counter()
        for query in ("export-events", "export-participants", "export-mentions"):
            engines.before(query, {})
        for query in ("export-scopes", "export-disagreements"):
            engines.before(query, {})
        out["before"] = time.perf_counter() - started
        line += f"; before, its five joins alone: {out['before']:.1f} s"
    log(line)
    return out


def compare_small(
    args: argparse.Namespace, template: StoryTemplate, work: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    """rdflib's in-memory store vs Oxigraph on disk and in memory, at the same size."""
    import pyoxigraph as ox
    import rdflib

    from kg.iri import Minter
    from kg.store import GraphStore
    from kg.summary import materialise

    events = args.rdflib_events
    quads_per_event = 119
    available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")  # free memory
    fits = int(available * 0.6 / BYTES_PER_RDFLIB_QUAD / quads_per_event)
    if fits < events:
        log(
            f"\nWARNING: rdflib would need about {events * quads_per_event * 1.8 / 1e6:,.0f} MB "
            f"for {events:,} events; only {available / 1e9:.1f} GB free: using {fits:,} events"
        )
        events = max(EVENTS_PER_STORY, fits)
    data = Data(events, template)
    disk = GraphStore.open_existing(ensure_store(work / "store-small", events, log))
    memory = GraphStore(None)  # the same wrapper, over an in-memory Oxigraph store
    started = time.perf_counter()
    memory.oxigraph.bulk_load(_reader(nquads_chunks(events, 200)), format=ox.RdfFormat.N_QUADS)
    summary_graph = str(Minter().summary_graph())
    materialise(memory.oxigraph, summary_graph)
    log(f"  Oxigraph in memory loaded in {time.perf_counter() - started:.0f} s")
    dataset = rdflib.Dataset(default_union=True)
    started = time.perf_counter()
    for chunk in nquads_chunks(events, 200):
        dataset.parse(data=chunk.decode("utf-8"), format="nquads")
    summary = disk.oxigraph.dump(
        format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(summary_graph)
    )
    dataset.graph(rdflib.URIRef(summary_graph)).parse(data=summary.decode("utf-8"), format="nt")
    log(
        f"  rdflib Dataset (default in-memory store) parsed {len(dataset):,} quads in "
        f"{time.perf_counter() - started:.0f} s"
    )
    log(f"\nthe same cases at {events:,} events: engines alone, median seconds")
    out: dict[str, Any] = {"events": events, "cases": {}}
    rows = []
    for number, case in enumerate(CASES):
        on_disk = measure(Engines(disk).engine, case, data, args.runs, args.budget, number)
        in_memory = measure(Engines(memory).engine, case, data, args.runs, args.budget, number)
        try:
            slow = measure(
                lambda q, p: rdflib_query(dataset, disk, q, p),
                case,
                data,
                max(1, args.runs // 2),
                args.budget,
                number,
                limit=args.rdflib_timeout,
            )
            rdflib_seconds = slow.median
            same = slow.rows == on_disk.rows[: len(slow.rows)]
            agree = "-" if rdflib_seconds == float("inf") else "yes" if same else "NO"
        except Exception as exc:  # rdflib fails on some valid queries: say which and why
            rdflib_seconds, agree = float("nan"), f"rdflib error: {type(exc).__name__}"
        out["cases"][case.name] = {
            "disk": on_disk.runs,
            "memory": in_memory.runs,
            "rdflib": rdflib_seconds,
            "rows": on_disk.median_rows,
        }
        rows.append(
            [
                case.name,
                on_disk.median_rows,
                on_disk.median,
                in_memory.median,
                rdflib_seconds if rdflib_seconds != float("inf") else f">{args.rdflib_timeout}",
                rdflib_seconds / on_disk.median if on_disk.median else float("nan"),
                agree,
            ]
        )
        log(f"  {case.name}: rdflib {rdflib_seconds:.2f} s, oxigraph disk {on_disk.median:.3f} s")
    disk.close()
    log("")
    log(
        table(
            [
                "case",
                "rows",
                "oxigraph disk s",
                "oxigraph memory s",
                "rdflib s",
                "rdflib / disk",
                "same rows",
            ],
            rows,
        )
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--store",
        type=Path,
        default=None,
        help="keep the generated store here and reuse it when it exists",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per case (median reported)")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="stop repeating a case after this many seconds"
    )
    parser.add_argument(
        "--rdflib-events",
        type=int,
        default=40_000,
        help="size of the comparison with rdflib (0: skip it)",
    )
    parser.add_argument(
        "--rdflib-timeout", type=int, default=300, help="seconds before an rdflib query is given up"
    )
    parser.add_argument(
        "--kind",
        choices=("one", "whole"),
        default=None,
        help="only the cases about one thing, or only the whole-graph ones (with first pages)",
    )
    parser.add_argument(
        "--before",
        type=int,
        default=1,
        help="runs of each whole-graph case's join as it was before the summary graph (0: skip)",
    )
    parser.add_argument(
        "--before-timeout", type=int, default=120, help="seconds before a join is given up"
    )
    parser.add_argument("--quick", action="store_true", help="2,000 events (smoke test)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.events, args.rdflib_events, args.runs, args.rdflib_timeout = 2_000, 500, 2, 60

    def log(text: str) -> None:
        print(text, flush=True)

    log(f"query benchmark: {args.events:,} events; {machine_note()}")
    results = run_main(args, log)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
