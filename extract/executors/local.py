"""Worker processes of this machine, started once and kept for every batch.

Forked where the system can (Linux): a worker starts in milliseconds, with the modules the
parent already imported and, when the parent hands over its loaded extractor, with its
pipeline too (loading one takes seconds: forked from a loaded parent, no worker loads its
own). Elsewhere spawned: each worker loads the pipeline when it starts, while the parent
goes on reading the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from extract.errors import PolicyKGError

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from extract.pipeline import ExtractOptions, Extractor
    from extract.records import Document, DocumentRecords


def forks() -> bool:
    """Whether workers are forked here, and so start with the parent's loaded pipeline."""
    return "fork" in multiprocessing.get_all_start_methods()


class LocalProcesses:
    """``workers`` processes extracting with ``options``; ``loaded``, an extractor of this
    process with those options, is loaded now and inherited where workers are forked."""

    def __init__(
        self, options: ExtractOptions, workers: int, loaded: Extractor | None = None
    ) -> None:
        context = multiprocessing.get_context("fork" if forks() else "spawn")
        self._workers = workers
        if loaded is not None and context.get_start_method() == "fork":
            loaded.nlp  # noqa: B018  (loaded once, here: every worker forked inherits it)
            self._pool: Pool | None = context.Pool(
                workers, initializer=_adopt_worker, initargs=(loaded,)
            )
        else:
            self._pool = context.Pool(workers, initializer=_init_worker, initargs=(options,))

    @property
    def workers(self) -> int:
        return self._workers

    def map_unordered(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[int, list[DocumentRecords]]]:
        if self._pool is None:
            raise RuntimeError("the worker processes were closed")
        return self._pool.imap_unordered(_worker_batch, enumerate(batches))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> LocalProcesses:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# One per worker process: the pipeline it loaded, or why it could not load it.
_WORKER: Extractor | PolicyKGError | None = None


def _init_worker(options: ExtractOptions) -> None:
    global _WORKER
    from extract.pipeline import Extractor

    try:
        extractor = Extractor(options)
        extractor.nlp  # noqa: B018  (load now, before the first batch arrives)
        _WORKER = extractor
    except PolicyKGError as error:
        # Raised with the first batch, so the parent reports it; an initializer that
        # raises would only make the pool start the worker again, for ever.
        _WORKER = error


def _adopt_worker(extractor: Extractor) -> None:
    global _WORKER
    _WORKER = extractor


def _worker_batch(item: tuple[int, list[Document]]) -> tuple[int, list[DocumentRecords]]:
    index, documents = item
    if isinstance(_WORKER, PolicyKGError):
        raise _WORKER
    assert _WORKER is not None
    return index, _WORKER.extract_batch(documents)
