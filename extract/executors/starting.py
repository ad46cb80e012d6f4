"""Workers started ahead of need: while the corpus is read, they load the pipeline."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from extract.executors.base import Executor, ExecutorOptions, start_executor

if TYPE_CHECKING:
    from extract.pipeline import ExtractOptions, Extractor


class StartingWorkers:
    """An executor being started. Local processes are forked at once, from this thread (a
    fork from another thread could copy a lock some import holds); a Dask cluster, which
    takes seconds to start, is started in a thread of its own."""

    def __init__(
        self, options: ExecutorOptions, extract: ExtractOptions, loaded: Extractor | None = None
    ) -> None:
        self._future: Future[Executor | None] = Future()
        if options.kind == "dask":
            threading.Thread(
                target=self._start, args=(options, extract), name="ptkg-workers", daemon=True
            ).start()
        else:
            self._start(options, extract, loaded)

    def _start(
        self, options: ExecutorOptions, extract: ExtractOptions, loaded: Extractor | None = None
    ) -> None:
        try:
            self._future.set_result(start_executor(options, extract, loaded))
        except BaseException as error:
            self._future.set_exception(error)

    def get(self) -> Executor | None:
        """The started executor (None: extract in this process); raises what its start did."""
        return self._future.result()

    def close(self) -> None:
        """Stop the workers, whether or not they were used; an error of their start was
        raised by ``get`` if it mattered."""
        try:
            executor = self._future.result()
        except Exception:
            return
        if executor is not None:
            executor.close()
