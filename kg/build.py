"""Records of a corpus -> a finished graph store and its exports, swapped in atomically.

Reads: every document's records. Adds: the vocabulary graph (the ontology and the event
type scheme), one named graph per document, and the reconciled graph (canonical entities
and events, restriction states, disagreements).

Quads stream into the store in batches as they are made: a build never holds the whole
graph in memory, only the records and the reconciliation. Then the summary graph (the rows
of the whole-graph listings, ``kg.summary``) is made from what the store holds. Progress
is reported by stage ("graph" per document, then "reconcile", "store", "summary",
"export"), each call saying the work of that stage just done, so a caller can tell where
the time goes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import rdflib
from rdflib.compare import to_canonical_graph

from extract.entities import CorpusKnowledge, load_entity_lexicon
from extract.records import DocumentRecords
from kg.convert import DocumentConverter
from kg.files import replacing, temporary_sibling
from kg.iri import DEFAULT_BASE, Minter
from kg.oxterms import Quad
from kg.reconcile import Reconciliation, Threshold, reconcile
from kg.reconciled_graph import ReconciledWriter
from kg.schema import Bodies, EntityTypes, EventTypes, Populations
from kg.store import STORE_MARKER, GraphStore
from kg.summary import materialise

Progress = Callable[[str, int, int | None], None]

# Quads written to the store at once: large enough for the bulk loader to be efficient,
# small enough that a batch costs a few tens of megabytes at most.
BATCH_QUADS = 100_000


@dataclass(frozen=True)
class GraphOptions:
    base: str = DEFAULT_BASE
    lexicons: tuple[Path, ...] = ()
    threshold: Threshold = field(default_factory=Threshold)  # what the timeline needs


@dataclass(frozen=True)
class GraphSummary:
    documents: int
    quads: int
    reported_events: int
    canonical_events: int  # on the timeline
    candidate_events: int  # too weakly supported for it
    canonical_entities: int
    state_intervals: int
    disagreements: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def vocabulary_file(name: str) -> Path:
    return Path(str(resources.files("kg.vocab").joinpath(name)))


class GraphQuads:
    """Every quad of the graph of ``records``, in a deterministic order, made on demand.

    Iterate once; ``reconciliation`` is set when the document graphs are done and the
    reconciled graph is about to follow.
    """

    def __init__(
        self,
        records: Sequence[DocumentRecords],
        options: GraphOptions,
        progress: Progress | None = None,
    ) -> None:
        self.records = records
        self.options = options
        self.notify = progress or (lambda stage, done, total: None)
        self.reconciliation: Reconciliation | None = None

    def __iter__(self) -> Iterator[Quad]:
        minter = Minter(self.options.base)
        entity_types = EntityTypes.load(self.options.lexicons)
        event_types = EventTypes.load(self.options.lexicons)
        vocab = minter.vocabulary_graph()
        # canonical blank node labels (owl:oneOf lists): the same vocabulary, the same bytes
        ontology = to_canonical_graph(rdflib.Graph().parse(vocabulary_file("ptkg.ttl")))
        for s, p, o in sorted(ontology):
            yield s, p, o, vocab
        for s, p, o in event_types.triples():
            yield s, p, o, vocab
        converter = DocumentConverter(minter, entity_types)
        ordered = sorted(self.records, key=lambda r: r.document.id)
        for done, item in enumerate(ordered, 1):
            yield from converter.quads(item)
            self.notify("graph", done, len(ordered))
        self.notify("reconcile", 0, 1)
        reconciliation = reconcile(
            ordered,
            event_types,
            entity_types,
            self.options.threshold,
            Populations.load(self.options.lexicons),
            Bodies.load(self.options.lexicons),
            CorpusKnowledge(load_entity_lexicon(self.options.lexicons)),
        )
        self.reconciliation = reconciliation
        self.notify("reconcile", 1, 1)
        writer = ReconciledWriter(minter, event_types, entity_types)
        graph = minter.reconciled_graph()
        for s, p, o in writer.triples(reconciliation):
            yield s, p, o, graph


def graph_quads(
    records: Sequence[DocumentRecords],
    options: GraphOptions,
    progress: Progress | None = None,
) -> tuple[list[Quad], Reconciliation]:
    """Every quad of the graph of ``records``, in a deterministic order, and the reconciliation.

    Holds the whole graph in a list: for tests and small corpora. ``write_graph`` streams.
    """
    quads = GraphQuads(records, options, progress)
    collected = list(quads)
    assert quads.reconciliation is not None
    return collected, quads.reconciliation


def write_graph(
    records: Sequence[DocumentRecords],
    store_dir: Path,
    exports: Mapping[str, Path],
    options: GraphOptions,
    progress: Progress | None = None,
) -> GraphSummary:
    """Build the store at ``store_dir`` (replacing any previous one) and write the exports."""
    notify = progress or (lambda stage, done, total: None)
    quads = GraphQuads(records, options, notify)
    with replacing(store_dir) as tmp:
        store = GraphStore(tmp)
        written: list[tuple[Path, Path]] = []
        try:
            count = 0
            for batch in _batches(quads, BATCH_QUADS):
                store.add(batch)
                count += len(batch)
                notify("store", count, None)
            notify("summary", 0, 1)
            materialise(store.oxigraph, str(Minter(options.base).summary_graph()))
            notify("summary", 1, 1)
            store.flush()  # and compact: a freshly bulk-loaded store is slow to query
            size = len(store)
            notify("store", count, count)
            for number, (fmt, path) in enumerate(exports.items(), 1):
                part = temporary_sibling(path)
                written.append((part, path))
                store.dump(part, fmt)
                notify("export", number, len(exports))
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
    reconciliation = quads.reconciliation
    assert reconciliation is not None
    return GraphSummary(
        documents=len(records),
        quads=size,
        reported_events=sum(len(r.events) for r in records),
        canonical_events=sum(1 for s in reconciliation.support if not s.weak),
        candidate_events=sum(1 for s in reconciliation.support if s.weak),
        canonical_entities=len(reconciliation.entities),
        state_intervals=len(reconciliation.states),
        disagreements=len(reconciliation.disagreements),
    )


def _batches(quads: Iterable[Quad], size: int) -> Iterator[list[Quad]]:
    iterator = iter(quads)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
