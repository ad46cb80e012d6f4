"""Developer report: the event mentions of each document, and their coverage of a reference.

Run ``python -m extract.events.report [--corpus DIR] [--gold FILE] [--doc PREFIX]``.
Without ``--gold`` it lists each document's event mentions (type, modality, tense, trigger,
agents, affected, models, scope, date cue, relations, source). With a reference timeline in
the format of the project's seed gold (``events:`` with ``type``, ``agent``, ``models``,
``sources``), it says for every reference event and every document that mentions it
whether a mention of the same coarse type, asserted, with compatible models and agents was
found, and with which date cue; then lists the asserted timeline mentions that match no
reference event (false positives).

The functions return data; only ``main`` prints.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.datafiles import load_yaml
from extract.entities import EntityLexicon, canonicalise_corpus, packaged_entity_lexicon
from extract.events.lexicon import EventLexicon, load_event_lexicon
from extract.records import DocumentRecords, EventMention

_GOVERNMENT_AS_A_WHOLE = frozenset({"government", "administration", "country"})


@dataclass(frozen=True)
class MentionView:
    doc_id: str
    mention: EventMention
    coarse: str
    agents: frozenset[str]
    affected: frozenset[str]
    models: frozenset[str]
    timex: str | None
    timeline: bool
    types: frozenset[str] = frozenset()  # entity types of the agents

    def line(self) -> str:
        m = self.mention
        scope = ";".join(
            s.population + (f"({s.count.qualifier} {s.count.value})" if s.count else "")
            for s in m.scope
        )
        relations = " ".join(
            f"{r.relation}:{r.target}{list(r.lag) if r.lag else ''}" for r in m.relations
        )
        source = ""
        if m.attribution is not None:
            source = f" src=[{m.attribution.cue.text}]"
        return (
            f"{m.id:>4} {m.type:18} {m.modality:12} {m.tense:7} {m.trigger.text!r:24} "
            f"A={sorted(self.agents)} F={sorted(self.affected)} M={sorted(self.models)} "
            f"S=[{scope}] T={self.timex!r} {relations}{source}"
        )


@dataclass(frozen=True)
class Coverage:
    gold_id: str
    doc_id: str
    gold_type: str
    found: MentionView | None  # best strict match
    loose: MentionView | None  # best mention of the right coarse type, whatever else
    models_ok: bool
    agents_ok: bool


def views(records: Sequence[DocumentRecords], lexicon: EventLexicon) -> list[MentionView]:
    """Every event mention with corpus-level participant names."""
    names = canonicalise_corpus({r.document.id: list(r.entities) for r in records})
    out = []
    for item in records:
        doc_id = item.document.id
        by_id = {e.id: e for e in item.entities}
        timexes = {t.id: t for t in item.timexes}

        def resolve(
            ids: Sequence[str], doc_id: str = doc_id, by_id: Mapping[str, Any] = by_id
        ) -> frozenset[str]:
            return frozenset(
                names.get((doc_id, by_id[i].name), by_id[i].name) for i in ids if i in by_id
            )

        for mention in item.events:
            type_def = lexicon.types.get(mention.type)
            timex = timexes.get(mention.timex) if mention.timex else None
            out.append(
                MentionView(
                    doc_id=doc_id,
                    mention=mention,
                    coarse=lexicon.coarse(mention.type),
                    agents=resolve(mention.agents),
                    affected=resolve(mention.affected),
                    models=resolve(mention.models),
                    timex=timex.span.text if timex is not None else None,
                    timeline=type_def.on_timeline if type_def is not None else True,
                    types=frozenset(by_id[i].type for i in mention.agents if i in by_id),
                )
            )
    return out


def _doc_id(source: str, doc_ids: Sequence[str]) -> str | None:
    stem = Path(source).stem
    return next((d for d in doc_ids if d == stem or d.startswith(stem)), None)


def _agents_match(names: frozenset[str], wanted: set[str], lexicon: EntityLexicon) -> bool:
    """Whether a found agent names a wanted one or a body it belongs to (a department of
    the government), through the gazetteer's `parent` links."""
    by_name = {e.name: e for e in lexicon.entries}
    by_id = {e.id: e for e in lexicon.entries}

    def lineage(name: str) -> set[str]:
        out = {name}
        entry = by_name.get(name)
        while entry is not None and entry.parent:
            entry = by_id.get(entry.parent)
            if entry is not None:
                out.add(entry.name)
        return out

    wanted_lines = set().union(*(lineage(w) for w in wanted)) if wanted else set()
    return any(lineage(n) & wanted_lines for n in names)


def _compatible(
    view: MentionView, event: Mapping[str, Any], lexicon: EntityLexicon
) -> tuple[bool, bool]:
    """Models compatible (or absent); agents compatible: a found agent is a wanted agent, a
    body above it, or the government as a whole when a government body is wanted."""
    models = set(event.get("models") or [])
    agents = set(event.get("agent") or [])
    models_ok = not models or not view.models or bool(models & view.models)
    government_wanted = any(
        lexicon.actor(e.type) == "government" for e in lexicon.entries if e.name in agents
    )
    agents_ok = (
        not agents
        or not view.agents
        or _agents_match(view.agents, agents, lexicon)
        or (government_wanted and bool(view.types & _GOVERNMENT_AS_A_WHOLE))
    )
    return models_ok, agents_ok


def coverage(
    gold: Mapping[str, Any], mentions: Sequence[MentionView], lexicon: EntityLexicon
) -> list[Coverage]:
    doc_ids = sorted({m.doc_id for m in mentions})
    out = []
    for event in gold.get("events", []):
        wanted_models = set(event.get("models") or [])
        for source in event.get("sources", []):
            doc_id = _doc_id(source, doc_ids)
            if doc_id is None:
                continue
            same_type = [m for m in mentions if m.doc_id == doc_id and m.coarse == event["type"]]
            ranked = sorted(
                same_type,
                key=lambda v: (
                    v.mention.modality != "asserted",
                    not all(_compatible(v, event, lexicon)),
                    not (wanted_models & v.models),
                    not _agents_match(v.agents, set(event.get("agent") or []), lexicon),
                    v.timex is None,
                    v.mention.trigger.start,
                ),
            )
            best = ranked[0] if ranked else None
            strict = (
                best
                if best is not None
                and best.mention.modality == "asserted"
                and all(_compatible(best, event, lexicon))
                else None
            )
            models_ok, agents_ok = _compatible(best, event, lexicon) if best else (False, False)
            out.append(
                Coverage(event["id"], doc_id, event["type"], strict, best, models_ok, agents_ok)
            )
    return out


def false_positives(
    gold: Mapping[str, Any], mentions: Sequence[MentionView], lexicon: EntityLexicon
) -> list[MentionView]:
    """Asserted timeline mentions that match no reference event of their document."""
    doc_ids = sorted({m.doc_id for m in mentions})
    expected: dict[str, list[Mapping[str, Any]]] = {}
    for event in gold.get("events", []):
        for source in event.get("sources", []):
            doc_id = _doc_id(source, doc_ids)
            if doc_id is not None:
                expected.setdefault(doc_id, []).append(event)
    out = []
    for view in mentions:
        if view.mention.modality != "asserted" or not view.timeline:
            continue
        candidates = [e for e in expected.get(view.doc_id, []) if e["type"] == view.coarse]
        if not any(all(_compatible(view, e, lexicon)) for e in candidates):
            out.append(view)
    return out


@dataclass(frozen=True)
class Timing:
    words: int
    bare: float  # seconds of the bare base pipeline (nlp.pipe over the texts)
    entities: float  # seconds of ptkg_entities alone over the same parsed texts
    events: float  # seconds of ptkg_events alone

    def lines(self) -> list[str]:
        return [
            f"{self.words} words; bare base pipeline {self.bare:.2f}s "
            f"({self.words / self.bare:.0f} words/s)",
            f"ptkg_entities {self.entities:.2f}s (+{100 * self.entities / self.bare:.1f}%), "
            f"ptkg_events {self.events:.2f}s (+{100 * self.events / self.bare:.1f}%)",
        ]


def timing(texts: Sequence[str], repeats: int = 3) -> Timing:
    """Cost of the two components next to the bare base pipeline (best of ``repeats``)."""
    import time

    from extract.nlp import PipelineOptions, load_pipeline

    bare = load_pipeline(PipelineOptions(components=()))
    full = load_pipeline(PipelineOptions())

    def best(run: Any) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    list(bare.pipe(texts[:2]))
    seconds = best(lambda: list(bare.pipe(texts, batch_size=16)))
    with full.select_pipes(disable=["ptkg_entities", "ptkg_events"]):
        parsed = list(full.pipe(texts, batch_size=16))
    entities, events = full.get_pipe("ptkg_entities"), full.get_pipe("ptkg_events")
    return Timing(
        words=sum(len(t.split()) for t in texts),
        bare=seconds,
        entities=best(lambda: [entities(d) for d in parsed]),
        events=best(lambda: [events(d) for d in parsed]),
    )


def _records(corpus: Path) -> list[DocumentRecords]:
    from extract.corpus import ReadOptions, load_boilerplate, read_corpus
    from extract.pipeline import Extractor

    documents = [
        d for d in read_corpus(corpus, ReadOptions(load_boilerplate())) if hasattr(d, "text")
    ]
    return list(Extractor().extract(documents))  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.events.report", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--gold", type=Path, help="reference timeline (YAML)")
    parser.add_argument("--doc", help="only documents whose id starts with this")
    parser.add_argument(
        "--timing",
        type=int,
        metavar="N",
        help="only time the components on the corpus, N times over",
    )
    args = parser.parse_args(argv)
    if args.timing:
        from extract.corpus import ReadOptions, load_boilerplate, read_corpus

        texts = [
            d.text
            for d in read_corpus(args.corpus, ReadOptions(load_boilerplate()))
            if hasattr(d, "text")
        ]
        for line in timing(texts * args.timing).lines():
            print(line)
        return 0
    lexicon = load_event_lexicon()
    records = _records(args.corpus)
    if args.doc:
        records = [r for r in records if r.document.id.startswith(args.doc)]
    mentions = views(records, lexicon)
    for item in records:
        print(f"== {item.document.id}")
        for view in mentions:
            if view.doc_id == item.document.id:
                print(view.line())
    if args.gold is None:
        return 0
    gold = load_yaml(args.gold)
    entity_lexicon = packaged_entity_lexicon()
    rows = coverage(gold, mentions, entity_lexicon)
    print("\n== coverage of the reference events")
    print(
        "   OK: asserted mention of the coarse type, models and agents compatible; "
        "m/a: models/agent named and matching (+), absent (.), different (x)"
    )
    for row in rows:
        got = row.found or row.loose
        status = "OK  " if row.found else ("TYPE" if row.loose else "MISS")
        detail = ""
        if got is not None:
            gold_event = next(e for e in gold["events"] if e["id"] == row.gold_id)
            wanted_models = set(gold_event.get("models") or [])
            m = "+" if wanted_models & got.models else ("." if not got.models else "x")
            a = (
                "+"
                if _agents_match(got.agents, set(gold_event.get("agent") or []), entity_lexicon)
                else ("." if not got.agents else "x")
            )
            detail = (
                f"m{m} a{a} {got.mention.id} {got.mention.type} {got.mention.modality} "
                f"{got.mention.trigger.text!r} M={sorted(got.models)} A={sorted(got.agents)} "
                f"T={got.timex!r}"
            )
        print(f"{status} {row.gold_id:26} {row.doc_id[:3]} {detail}")
    found = sum(1 for r in rows if r.found)
    print(f"\nstrict coverage: {found}/{len(rows)} (event, document) pairs")
    fps = false_positives(gold, mentions, entity_lexicon)
    print(f"\n== asserted timeline mentions matching no reference event: {len(fps)}")
    for view in fps:
        print(f"{view.doc_id[:3]} {view.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
