"""Worker processes of this machine, started once and kept: each loads the pipeline when it
starts (while the parent goes on reading the corpus) and keeps it for every batch.

Forked where the system can (Linux): a worker starts in milliseconds, with the modules the
parent already imported; elsewhere spawned.
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


class LocalProcesses:
    def __init__(self, options: ExtractOptions, workers: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._workers = workers
        self._pool: Pool | None = context.Pool(
            workers, initializer=_init_worker, initargs=(options,)
        )

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


def _worker_batch(item: tuple[int, list[Document]]) -> tuple[int, list[DocumentRecords]]:
    index, documents = item
    if isinstance(_WORKER, PolicyKGError):
        raise _WORKER
    assert _WORKER is not None
    return index, _WORKER.extract_batch(documents)
