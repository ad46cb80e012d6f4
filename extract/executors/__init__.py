"""Where extraction runs: in worker processes of this machine, or on a Dask cluster.

Reads: batches of ``Document`` records. Adds: their ``DocumentRecords``, batch by batch as
workers finish them. Every worker loads the pipeline once, when it starts, and keeps it
for every batch it is given; ``extract.pipeline.Extractor`` puts the batches back in input
order. One process with no executor at all stays the default.
"""

from extract.executors.base import (
    EXECUTORS,
    Executor,
    ExecutorOptions,
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
    "dispatch_size",
    "in_input_order",
    "start_executor",
]
