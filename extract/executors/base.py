"""What every executor offers, how one is chosen, and how its results are put in order."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from extract.errors import OptionError

if TYPE_CHECKING:
    from extract.pipeline import ExtractOptions, Extractor
    from extract.records import Document, DocumentRecords

# "local": worker processes forked on this machine; "dask": a Dask cluster, local or not.
EXECUTORS = ("local", "dask")

# Batches a worker is given are small enough that each worker gets about this many: the
# last ones to finish are then short, and two workers end close together on a small corpus.
BATCHES_PER_WORKER = 4

# Workers a build starts when not told how many: the CPUs this process may run on, at most
# this many (each forked worker comes to hold a copy of much of the pipeline it inherits).
MAX_DEFAULT_WORKERS = 4

T = TypeVar("T")


def default_workers() -> int:
    """Worker processes for this machine: its usable CPUs, 1 to ``MAX_DEFAULT_WORKERS``."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not offered on this system
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_WORKERS))


@dataclass(frozen=True)
class ExecutorOptions:
    kind: str = "local"
    workers: int = 1  # worker processes (local, or of the local Dask cluster)
    scheduler: str | None = None  # a Dask scheduler's address: its cluster's workers
    connect_timeout: float = 10.0  # seconds to reach the scheduler


class Executor(Protocol):
    """Runs batches of extraction on workers that keep their pipeline between batches."""

    @property
    def workers(self) -> int: ...

    def map_unordered(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[int, list[DocumentRecords]]]:
        """(index of the batch, its records), in the order the batches finish."""
        ...

    def close(self) -> None: ...


def start_executor(
    options: ExecutorOptions, extract: ExtractOptions, loaded: Extractor | None = None
) -> Executor | None:
    """Start the workers (they load the pipeline at once, in the background where they
    can; local processes forked from this one inherit ``loaded``'s, an extractor with the
    options ``extract``); None when extraction runs in this process."""
    if options.kind == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise OptionError(
                "--executor",
                "dask",
                "needs the distributed package, which is not installed",
                fix="pip install 'policy-timeline-kg[dask]'",
                code="E207",
            )
        from extract.executors.dask_cluster import DaskExecutor

        return DaskExecutor(extract, options)
    if options.workers <= 1:
        return None
    from extract.executors.local import LocalProcesses

    return LocalProcesses(extract, options.workers, loaded)


def dispatch_size(documents: int, batch_size: int, workers: int) -> int:
    """Documents per batch sent to a worker: at most ``batch_size``, fewer on a small corpus
    so that every worker gets several batches (records do not depend on the batches)."""
    share = math.ceil(documents / max(1, workers * BATCHES_PER_WORKER))
    return max(1, min(batch_size, share))


def in_input_order(
    finished: Iterable[tuple[int, list[T]]], on_done: Callable[[T], None] | None = None
) -> Iterator[T]:
    """The items of batches that finish in any order, in the order of their indices;
    ``on_done`` is called for each item as soon as its batch finishes."""
    waiting: dict[int, list[T]] = {}
    next_index = 0
    for index, items in finished:
        if on_done is not None:
            for item in items:
                on_done(item)
        waiting[index] = items
        while next_index in waiting:
            yield from waiting.pop(next_index)
            next_index += 1
    if waiting:  # an executor lost a batch: never silently short
        missing = sorted(set(range(next_index, max(waiting) + 1)) - set(waiting))
        raise RuntimeError(f"batches {missing} never finished")
