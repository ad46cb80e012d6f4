"""Where extraction runs: in worker processes of this machine, or on a Dask cluster.

Reads: batches of ``Document`` records. Adds: their ``DocumentRecords``, batch by batch as
workers finish them. Every worker loads the pipeline once, when it starts, and keeps it
for every batch it is given; ``extract.pipeline.Extractor`` puts the batches back in input
order. A build uses as many local processes as the machine has CPUs unless told; the
library's default stays one process with no executor at all.
"""

from extract.executors.base import (
    EXECUTORS,
    Executor,
    ExecutorOptions,
    default_workers,
    dispatch_size,
    in_input_order,
    start_executor,
)
from extract.executors.starting import StartingWorkers

__all__ = [
    "EXECUTORS",
    "Executor",
    "ExecutorOptions",
    "StartingWorkers",
    "default_workers",
    "dispatch_size",
    "in_input_order",
    "start_executor",
]
