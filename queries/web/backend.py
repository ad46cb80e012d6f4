"""The engine behind ``ptkg serve``: Oxigraph's own SPARQL server, read-only, on one build.

The ``oxigraph`` program comes from PyPI's ``oxigraph`` package, pinned to the version of
``pyoxigraph`` that writes the store: the same engine answers the endpoint and ``ptkg
query``. It runs ``serve-read-only`` on a loopback port of its own, with the union of the
named graphs as the default graph (as the embedded store queries it) and its own query time
limit. Oxigraph opens a store read-only without a lock, and opens every file of it at
once, so that a build can write and swap in a new store meanwhile: the old server goes on
answering from the files it holds open, even after the build removed its folder.

``Engine`` keeps one server on the build in place. Each request asks it for the server to
send to (``Engine.backend``): when the store's links now lead to another build (``ptkg
build`` renamed ``OUT/.ptkg/current``), a server is started on the new build first, then
requests go to it, and the old server is stopped once its last request has been answered.
A server that stopped on its own is started again.
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from extract.errors import DataFileError
from kg.errors import StoreError
from kg.store import STORE_MARKER

# Seconds a server has to answer its first query after it was started.
START_TIMEOUT = 20.0


def oxigraph_program() -> Path:
    """The ``oxigraph`` program installed with ptkg (beside the Python that runs it)."""
    candidates = [
        Path(sysconfig.get_path("scripts")) / "oxigraph",
        Path(sys.executable).parent / "oxigraph",
    ]
    found = shutil.which("oxigraph")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise DataFileError(
        candidates[0],
        "the oxigraph server program is missing: it comes with the `oxigraph` package that "
        "ptkg requires",
        fix="reinstall ptkg: make install, or pip install oxigraph==0.5.13",
        code="E143",
    )


def store_directory(path: Path) -> Path:
    """The store a path names, as the build's links lead to it now: ``OUT`` or
    ``OUT/store`` of a build, or a store directory. StoreError when it is none."""
    path = Path(path)
    if not (path / STORE_MARKER).is_file() and (path / "store" / STORE_MARKER).is_file():
        path = path / "store"
    real = Path(os.path.realpath(path))
    if not (real / STORE_MARKER).is_file():
        raise StoreError(
            f"{path}: not a graph store built by ptkg (run `ptkg build` first, or pass "
            "--store with the store directory it wrote: OUT/store)",
            code="E501",
        )
    return real


@dataclass
class Backend:
    """One running Oxigraph server and the store it serves."""

    store: Path
    port: int
    process: subprocess.Popen[bytes]
    log: IO[bytes]
    active: int = 0
    retired: bool = False
    started: float = field(default_factory=time.monotonic)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def engine_timeout(limit: float) -> int:
    """Oxigraph's own limit, in whole seconds: a little after the front gives up, so the
    front always answers first (with its message), and the engine then stops computing."""
    return math.ceil(limit) + 1


def start_backend(store: Path, limit: float) -> Backend:
    """An Oxigraph server on ``store`` (a real path), answering once this returns."""
    program = oxigraph_program()
    last_error = ""
    for _ in range(3):  # a free port may be taken between choosing and binding it
        port = _free_port()
        log = tempfile.TemporaryFile()  # noqa: SIM115 (the server's, closed when it stops)
        command = [
            str(program),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
            "--timeout-s",
            str(engine_timeout(limit)),
        ]
        # Its own session: Ctrl-C in the terminal reaches ptkg, which stops it in order.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        backend = Backend(store, port, process, log)
        if _wait_ready(backend):
            return backend
        last_error = _read_log(log)
        backend.stop()
        if "in use" not in last_error.lower():
            break
    raise StoreError(
        f"{store}: the Oxigraph server cannot serve this store: {last_error or 'no answer'} "
        "(if it is damaged, build it again with `ptkg build`)",
        code="E504",
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_ready(backend: Backend) -> bool:
    ask = urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if not backend.alive():
            return False
        try:
            with urllib.request.urlopen(f"{backend.url}?{ask}", timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _read_log(log: IO[bytes]) -> str:
    try:
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    except (OSError, ValueError):
        return ""
    return " ".join(text.split())[-500:]


class Engine:
    """The Oxigraph server of the build in place at ``path``, replaced when a build is."""

    def __init__(
        self,
        path: Path,
        *,
        limit: float,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path).absolute()
        self.limit = limit
        self._notify = notify or (lambda message: None)
        self._lock = threading.Lock()
        self._current: Backend | None = None
        self._retiring: list[Backend] = []
        self._closed = False

    def start(self) -> Backend:
        with self._lock:
            if self._current is None:
                self._current = start_backend(store_directory(self.path), self.limit)
            return self._current

    @property
    def store(self) -> Path | None:
        """The store the current server serves (a real path)."""
        current = self._current
        return current.store if current is not None else None

    @contextmanager
    def backend(self) -> Iterator[Backend]:
        """The server to send one request to: that of the build in place now."""
        with self._lock:
            if self._closed:
                raise StoreError("the endpoint is stopping", code="E502")
            backend = self._refresh()
            backend.active += 1
        try:
            yield backend
        finally:
            with self._lock:
                backend.active -= 1
                self._stop_idle()

    def _refresh(self) -> Backend:
        """Called with the lock held: the current server, on the build in place."""
        current = self._current
        try:
            wanted = store_directory(self.path)
        except StoreError:
            wanted = None  # the build's links are gone: go on serving what was served
        if current is not None and current.alive() and (wanted is None or wanted == current.store):
            return current
        store = wanted or (current.store if current is not None else None)
        if store is None:
            raise StoreError(f"{self.path}: no graph store to serve", code="E501")
        fresh = start_backend(store, self.limit)
        self._current = fresh
        if current is not None:
            current.retired = True
            self._retiring.append(current)
            if current.store != fresh.store:
                self._notify(f"serving the new build {fresh.store}")
            else:
                self._notify(f"the Oxigraph server had stopped; started again on {fresh.store}")
        self._stop_idle()
        return fresh

    def _stop_idle(self) -> None:
        """Stop the retired servers that answer no request any more."""
        for backend in list(self._retiring):
            if backend.active == 0:
                backend.stop()
                self._retiring.remove(backend)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            backends = [*self._retiring, *([self._current] if self._current else [])]
            self._retiring.clear()
            self._current = None
        for backend in backends:
            backend.stop()
