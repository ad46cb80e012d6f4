"""``ptkg build --executor dask``: a local Dask cluster of two workers builds the records
and the graph one process builds, byte for byte; a scheduler that cannot be used is a clean
error naming its address."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ptkg.build import BuildOptions, BuildReport, build

if TYPE_CHECKING:
    from tests.conftest import Cli


def test_build_dask_local_cluster_gives_the_records_and_graph_of_one_process(
    built: BuildReport, tmp_path: Path, corpus_dir: Path
) -> None:
    seen: list[int] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "extract":
            seen.append(done)

    report = build(
        BuildOptions(
            corpus=corpus_dir / "manifest.yaml",
            out=tmp_path,
            exports=("trig", "nquads"),
            executor="dask",
            n_process=2,
        ),
        progress,
    )
    assert report.extracted == 5
    assert seen == [0, 1, 2, 3, 4, 5]
    for name in ("records.jsonl", "graph.nq", "graph.trig"):
        assert (tmp_path / name).read_bytes() == (built.out / name).read_bytes(), name


def _closed_port() -> int:
    """A port of this machine nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_build_dask_unreachable_scheduler_is_a_usage_error_naming_it(
    ptkg: Cli, tmp_path: Path, corpus_dir: Path
) -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}"
    run = ptkg(
        "build", corpus_dir, "--out", tmp_path / "out", "--executor", "dask",
        "--scheduler", address, "--connect-timeout", "0.5",
    )  # fmt: skip
    assert (run.code, run.error) == (2, "E206"), run.err
    assert address in run.err and "dask scheduler" in run.err
    assert "Traceback" not in run.err
    assert not (tmp_path / "out" / "store").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--executor", "dask", "--scheduler", "scheduler-without-port"), "tcp://HOST:PORT"),
        (("--executor", "dask", "--scheduler", "udp://127.0.0.1:8786"), "unknown protocol"),
        (("--scheduler", "tcp://127.0.0.1:8786"), "add --executor dask"),
    ],
)
def test_build_dask_scheduler_option_refused_before_any_work(
    ptkg: Cli, tmp_path: Path, corpus_dir: Path, args: tuple[str, ...], expected: str
) -> None:
    run = ptkg("build", corpus_dir, "--out", tmp_path / "out", *args)
    assert (run.code, run.error) == (2, "E206"), run.err
    assert expected in run.err


def test_build_dask_scheduler_address_builds_on_that_clusters_workers(
    built: BuildReport, ptkg: Cli, tmp_path: Path, corpus_dir: Path
) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        run = ptkg(
            "build", corpus_dir / "manifest.yaml", "--out", tmp_path, "--nquads", "--quiet",
            "--executor", "dask", "--scheduler", address,
        )  # fmt: skip
        assert run.code == 0, run.err
        # the build's client has gone; the worker keeps the pipeline it loaded, for the
        # next build with the same pipeline
        with Client(address) as client:
            plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
        [names] = plugins.values()
        assert [n for n in names if n.startswith("ptkg-pipeline-")], names
    assert (tmp_path / "records.jsonl").read_bytes() == (built.out / "records.jsonl").read_bytes()
    assert (tmp_path / "graph.nq").read_bytes() == (built.out / "graph.nq").read_bytes()
