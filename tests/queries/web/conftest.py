"""Fixtures of the endpoint and page tests: ``ptkg serve`` run as a person runs it, and a
headless Chromium driven by Playwright.

``served`` starts ``ptkg serve --port 0`` on the graph of the bundled corpus in a child
process, reads the address it prints, and stops it as Ctrl-C does. ``browser`` is the
system's Chromium (Debian's package, /usr/bin/chromium, or the one PTKG_CHROMIUM names):
Playwright downloads no browser of its own. `make test` installs Chromium when it is
missing; without it these tests fail, saying so, rather than being skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ptkg.build import BuildReport

PTKG = Path(sys.executable).parent / "ptkg"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # No connection is tried to any host but the test's own server.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@dataclass
class Served:
    """A running ``ptkg serve``: its address, its process and what it printed."""

    url: str
    process: subprocess.Popen[str]
    first_line: str

    @property
    def endpoint(self) -> str:
        return self.url + "query"

    def children(self) -> list[int]:
        """The processes it started (the Oxigraph server), from any of its threads: a new
        build's server is started by the thread that answers the request that finds it."""
        found: list[int] = []
        for path in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            try:
                found += [int(pid) for pid in path.read_text().split()]
            except OSError:  # the thread ended meanwhile
                continue
        return sorted(found)

    def stop(self) -> tuple[int, str]:
        """Stop it as Ctrl-C does: its exit code and what it said on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return self.process.returncode, err


def serve(*args: str | Path) -> Served:
    """Start ``ptkg serve ARGS --port 0`` and wait until it says where it listens."""
    process = subprocess.Popen(
        [str(PTKG), "serve", "--port", "0", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"the timeline at (http://\S+/) ", line)
    if found is None:
        process.kill()
        _, err = process.communicate()
        pytest.fail(f"ptkg serve did not start: {line!r} {err}")
    return Served(found.group(1), process, line)


@pytest.fixture(scope="session")
def start_serve() -> Any:
    """``start_serve("--store", path)``: a ``Served`` (see ``serve``)."""
    return serve


@pytest.fixture(scope="session")
def served(built: BuildReport) -> Iterator[Served]:
    """``ptkg serve`` of the bundled corpus's graph, for the whole session."""
    running = serve("--store", built.store, "--quiet")
    yield running
    running.stop()


def chromium_path() -> str:
    path = os.environ.get("PTKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail(
            "the page tests need Chromium and none is installed: `make test` installs "
            "Debian's (apt-get install chromium), or set PTKG_CHROMIUM to a Chromium program"
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@dataclass
class Page:
    """A browser tab and every console error and uncaught exception it reported."""

    page: Any
    errors: list[str]

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready]", timeout=20_000)
        assert self.page.evaluate("document.body.dataset.ready") == "true", self.errors


@pytest.fixture
def tab(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield Page(page, errors)
    context.close()
