"""The graph store: rdflib's Dataset API over the embedded Oxigraph store.

Writes go straight to pyoxigraph in bulk (rdflib's per-triple ``add`` would be the
bottleneck on large corpora); reads go through rdflib so queries, exports and notebooks use
the standard graph API. The default graph of every query is the union of all named graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from oxrdflib import OxigraphStore
from rdflib import URIRef
from rdflib.term import Node

from kg.bindings import prepare
from kg.errors import StoreError
from kg.namespace import PREFIXES
from kg.oxterms import Quad, to_ox_quad

STORE_MARKER = "ptkg-store.txt"  # written last: a directory without it is not a finished store


class GraphStore:
    """An Oxigraph store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self._ox = ox.Store()
            elif read_only:
                self._ox = ox.Store.read_only(str(path))
            else:
                self._ox = ox.Store(str(path))
        except (OSError, RuntimeError, ValueError) as exc:
            # RocksDB says "Corruption: ..." (a RuntimeError) for a damaged store.
            raise StoreError(
                f"{path}: cannot open the graph store: {exc} (if it is damaged, build it "
                "again with `ptkg build`)",
                code="E502",
            ) from exc
        self.dataset = rdflib.Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace, override=True, replace=True)
        # the prefixes rdflib declares to the engine for a query, for ``solutions`` too
        self._prefixes = {prefix: str(ns) for prefix, ns in self.dataset.namespaces()}

    @classmethod
    def open_existing(cls, path: Path, *, read_only: bool = True) -> GraphStore:
        """Open a store a build finished; refuse a directory that is not one."""
        path = Path(path)
        if not Path(path).is_dir():
            raise StoreError(
                f"{path}: not a graph store built by ptkg: no such directory (run `ptkg "
                "build` first, or pass --store with the store directory it wrote: OUT/store)",
                code="E501",
            )
        if not (path / STORE_MARKER).is_file() and (path / "store" / STORE_MARKER).is_file():
            path = path / "store"  # the output directory of a build: its store
        if not (path / STORE_MARKER).is_file():
            raise StoreError(
                f"{path}: not a graph store built by ptkg (run `ptkg build` first, "
                f"or pass --store with the store directory)",
                code="E501",
            )
        return cls(path, read_only=read_only)

    @property
    def oxigraph(self) -> ox.Store:
        return self._ox

    def add(self, quads: Iterable[Quad], *, bulk: bool = True) -> None:
        """Write quads. ``bulk`` (the default) uses Oxigraph's bulk loader: fast, not
        transactional, for a store nobody else reads yet (a build's temporary store); call
        ``flush`` afterwards. Otherwise one transaction."""
        converted = (to_ox_quad(q) for q in quads)
        if bulk:
            self._ox.bulk_extend(converted)
        else:
            self._ox.extend(list(converted))

    def remove_graph(self, graph: URIRef) -> None:
        node = ox.NamedNode(str(graph))
        if self._ox.contains_named_graph(node):
            self._ox.remove_graph(node)

    def named_graphs(self) -> Iterator[URIRef]:
        for graph in self._ox.named_graphs():
            yield URIRef(graph.value)

    def __len__(self) -> int:
        return len(self._ox)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> rdflib.query.Result:
        """A SPARQL query over the union of all graphs, with values bound, never pasted.

        Bindings become a VALUES row the planner can start from (see ``kg.bindings``).
        """
        values: dict[str, Any] = dict(bindings or {})
        text, substitutions = prepare(sparql, values)
        return self.dataset.query(text, initBindings=values if substitutions else None)

    def solutions(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Any:
        """The query's answer as pyoxigraph gives it (``QuerySolutions`` for a SELECT),
        read row by row with no conversion: rdflib's ``Result`` converts every term of
        every row, which costs more than the query itself on a large listing. The same
        union default graph, prefixes and bindings as ``query``."""
        values: dict[str, Any] = dict(bindings or {})
        text, substitutions = prepare(sparql, values)
        return self._ox.query(
            text,
            use_default_graph_as_union=True,
            prefixes=self._prefixes,
            substitutions=substitutions,
        )

    def dump(self, path: Path, fmt: str) -> None:
        """Write the whole dataset as TriG or N-Quads (by ``fmt``: 'trig' or 'nquads')."""
        formats = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
        if fmt not in formats:
            raise StoreError(
                f"unknown export format {fmt!r}: use one of {', '.join(formats)}", code="E503"
            )
        prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "trig" else None
        try:
            self._ox.dump(str(path), formats[fmt], prefixes=prefixes)
        except OSError as exc:
            raise StoreError(f"{path}: cannot write the graph: {exc}", code="E503") from exc

    def flush(self) -> None:
        """Write everything to disk and compact the store.

        Compaction matters: after a bulk load the indexes are spread over many files, and
        a query scanning an index reads them all (measured: a typed scan over 100k events
        took 2-5x longer before ``optimize`` than after; benchmarks/README.md).
        """
        if self.path is not None and not self.read_only:
            self._ox.flush()
            self._ox.optimize()

    def close(self) -> None:
        """Flush and release the store now, so that its directory can be reopened at once.

        rdflib's Dataset and its store refer to each other: without breaking that cycle here
        the Oxigraph store (and its lock on the directory) lives until the garbage
        collector runs, and a second build into the same directory fails to open it.
        """
        if self.path is not None and not self.read_only:
            self._ox.flush()
        self.dataset.store.close()
        del self.dataset
        del self._ox

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
