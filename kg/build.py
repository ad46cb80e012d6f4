"""Records of a corpus -> a finished graph store and its exports, swapped in atomically.

Reads: every document's records. Adds: the vocabulary graph (the ontology and the event
type scheme), one named graph per document, and the reconciled graph (canonical entities
and events, restriction states, disagreements).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import rdflib

from extract.records import DocumentRecords
from kg.convert import DocumentConverter
from kg.files import replacing, temporary_sibling
from kg.iri import DEFAULT_BASE, Minter
from kg.reconcile import Reconciliation, reconcile
from kg.reconciled_graph import ReconciledWriter
from kg.schema import EntityTypes, EventTypes
from kg.store import STORE_MARKER, GraphStore, Quad

Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class GraphOptions:
    base: str = DEFAULT_BASE
    lexicons: tuple[Path, ...] = ()


@dataclass(frozen=True)
class GraphSummary:
    documents: int
    quads: int
    reported_events: int
    canonical_events: int
    canonical_entities: int
    state_intervals: int
    disagreements: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def vocabulary_file(name: str) -> Path:
    return Path(str(resources.files("kg.vocab").joinpath(name)))


def graph_quads(
    records: Sequence[DocumentRecords],
    options: GraphOptions,
    progress: Progress | None = None,
) -> tuple[list[Quad], Reconciliation]:
    """Every quad of the graph of ``records``, in a deterministic order, and the reconciliation."""
    notify = progress or (lambda stage, done, total: None)
    minter = Minter(options.base)
    entity_types = EntityTypes.load(options.lexicons)
    event_types = EventTypes.load(options.lexicons)
    quads: list[Quad] = []
    vocab = minter.vocabulary_graph()
    ontology = rdflib.Graph().parse(vocabulary_file("ptkg.ttl"))
    quads.extend((s, p, o, vocab) for s, p, o in sorted(ontology))
    quads.extend((s, p, o, vocab) for s, p, o in event_types.triples())
    converter = DocumentConverter(minter, entity_types)
    ordered = sorted(records, key=lambda r: r.document.id)
    for done, item in enumerate(ordered, 1):
        quads.extend(converter.quads(item))
        notify("graph", done, len(ordered))
    reconciliation = reconcile(ordered, event_types, entity_types)
    writer = ReconciledWriter(minter, event_types, entity_types)
    graph = minter.reconciled_graph()
    quads.extend((s, p, o, graph) for s, p, o in writer.triples(reconciliation))
    return quads, reconciliation


def write_graph(
    records: Sequence[DocumentRecords],
    store_dir: Path,
    exports: Mapping[str, Path],
    options: GraphOptions,
    progress: Progress | None = None,
) -> GraphSummary:
    """Build the store at ``store_dir`` (replacing any previous one) and write the exports."""
    quads, reconciliation = graph_quads(records, options, progress)
    with replacing(store_dir) as tmp:
        store = GraphStore(tmp)
        store.add(quads)
        store.flush()
        size = len(store)
        written: list[tuple[Path, Path]] = []
        try:
            for fmt, path in exports.items():
                part = temporary_sibling(path)
                store.dump(part, fmt)
                written.append((part, path))
        except BaseException:
            for part, _ in written:
                part.unlink(missing_ok=True)
            raise
        finally:
            store.close()
        (tmp / STORE_MARKER).write_text(
            "Oxigraph store written by ptkg build; open it with `ptkg query --store`.\n",
            encoding="utf-8",
        )
    for part, path in written:
        part.replace(path)
    return GraphSummary(
        documents=len(records),
        quads=size,
        reported_events=sum(len(r.events) for r in records),
        canonical_events=len(reconciliation.events),
        canonical_entities=len(reconciliation.entities),
        state_intervals=len(reconciliation.states),
        disagreements=len(reconciliation.disagreements),
    )
