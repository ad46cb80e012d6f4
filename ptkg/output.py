"""A build's output directory: every build whole in its own folder, put in place by one rename.

Layout of ``OUT`` (what users open is at the same paths as ever)::

    OUT/store          -> .ptkg/current/store          the Oxigraph store
    OUT/graph.trig     -> .ptkg/current/graph.trig     the exports
    OUT/graph.nq       -> .ptkg/current/graph.nq       (only after a build with --nquads)
    OUT/records.jsonl  -> .ptkg/current/records.jsonl  the extraction cache
    OUT/build.json     -> .ptkg/current/build.json     the build report
    OUT/.ptkg/current  -> builds/NAME                  the build in place
    OUT/.ptkg/builds/NAME/                             one whole build
    OUT/.ptkg/lock                                     held while a build runs

A build writes everything into a new ``builds/NAME``, flushes it to the disk, then points
``current`` at it by renaming a new link over the old one: a single atomic rename, so a
reader (or a crash) sees either the previous build, whole, or the new one, whole. The
links ``OUT/store`` etc. point through ``current`` and never change. Whatever a killed
build left (its unfinished folder, links, the temporary files of older versions) is removed
by the next build, which holds the lock while it runs: a second build into the same ``OUT``
is refused with a message.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.errors import OptionError, OutputError
from kg.files import (
    DirectoryLock,
    fsync_directory,
    fsync_tree,
    interrupts_deferred,
    remove,
)
from kg.store import STORE_MARKER

STATE_DIR = ".ptkg"
BUILDS_DIR = "builds"
CURRENT = "current"
LOCK_FILE = "lock"

STORE_DIR = "store"
RECORDS_FILE = "records.jsonl"
REPORT_FILE = "build.json"
EXPORT_NAMES = {"trig": "graph.trig", "nquads": "graph.nq"}
# Every name a build owns in OUT, in the order they are linked.
OUTPUT_NAMES = (STORE_DIR, *EXPORT_NAMES.values(), RECORDS_FILE, REPORT_FILE)
# Temporary names of this and of earlier versions (`.store.tmp-PID`, `.graph.trig.old-PID`).
_TEMPORARY = re.compile(
    r"\.(" + "|".join(re.escape(name) for name in OUTPUT_NAMES) + r")\.(tmp|old|link)-\d+"
)


class BuildOutput:
    """The output directory ``out`` of builds."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.state = self.out / STATE_DIR
        self.builds = self.state / BUILDS_DIR
        self.current = self.state / CURRENT
        self._lock = DirectoryLock(self.state / LOCK_FILE, str(self.out))

    # -- before a build ---------------------------------------------------------------
    def check(self) -> None:
        """Refuse an ``out`` a build cannot write into, before any work is done."""
        out = self.out
        if out.exists() and not out.is_dir():
            raise OptionError(
                "--out",
                out,
                "is a file, not a directory",
                fix="give the directory the build writes into, e.g. --out out",
                code="E202",
            )
        for parent in out.absolute().parents:
            if parent.exists() and not parent.is_dir():
                raise OptionError("--out", out, f"{parent} is a file, not a directory", code="E202")
        for name in OUTPUT_NAMES:
            path = out / name
            if path.is_symlink() or not path.exists():
                continue
            legacy_store = name == STORE_DIR and (path / STORE_MARKER).is_file()
            if path.is_dir() and not legacy_store:
                raise OptionError(
                    "--out",
                    out,
                    f"{path} is a folder ptkg did not write, where the build puts its {name}",
                    fix="move that folder away, or build into another --out",
                    code="E202",
                )

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock of ``out`` (refused at once if another build holds it), and first
        remove whatever an earlier, killed build left."""
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot create the build's folder: {exc}") from exc
        with self._lock:
            self.remove_leftovers()
            yield

    def remove_leftovers(self) -> None:
        """Unfinished builds, stray links and the temporary files of killed builds; and the
        links of the build in place, put right if a build was killed before it made them."""
        keep = self.current_build()
        if self.builds.is_dir():
            for folder in self.builds.iterdir():
                if keep is None or folder.resolve() != keep:
                    remove(folder)
        for path in self.state.iterdir():
            if path.name.startswith((f"{CURRENT}.", "legacy-")):
                remove(path)
        for path in self.out.iterdir():
            if _TEMPORARY.fullmatch(path.name):
                remove(path)
        if keep is not None:
            self._link_outputs(keep)

    def current_build(self) -> Path | None:
        """The folder of the build in place, if there is one."""
        if not self.current.is_symlink():
            return None
        target = self.current.resolve()
        return target if target.is_dir() else None

    def previous(self, name: str) -> Path | None:
        """A file of the build in place (also one written by a version of ptkg before
        builds had folders of their own), for reuse: the record cache."""
        build = self.current_build()
        if build is not None:
            path = build / name
            return path if path.exists() else None
        legacy = self.out / name
        return legacy if legacy.is_file() and not legacy.is_symlink() else None

    def is_output(self, path: Path) -> bool:
        """Whether ``path`` is something a build wrote (into this ``out`` or any other):
        what a directory corpus that holds an output directory must not read."""
        if path.name == STATE_DIR:
            return True
        if path.is_dir() and not path.is_symlink() and (path / STORE_MARKER).is_file():
            return True  # a store
        if path.name in OUTPUT_NAMES or _TEMPORARY.fullmatch(path.name):
            parent = path.parent
            return (
                parent.absolute() == self.out.absolute()
                or (parent / STATE_DIR).is_dir()
                or (parent / STORE_DIR / STORE_MARKER).is_file()
            )
        return False

    # -- a build ----------------------------------------------------------------------
    def new_build(self) -> Path:
        """A new, empty folder for a build, in ``out``'s own file system."""
        self.builds.mkdir(parents=True, exist_ok=True)
        while True:
            stamp = time.strftime("%Y%m%dT%H%M%S")
            folder = self.builds / f"build-{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
            try:
                folder.mkdir()  # with the user's umask, as the files in it
            except FileExistsError:
                continue
            return folder

    def commit(self, build: Path) -> None:
        """Put a finished build in place: flush it, then one rename. Ctrl-C is held
        meanwhile, so that a build is either in place whole or not at all."""
        fsync_tree(build)
        fsync_directory(self.builds)
        with interrupts_deferred():
            link = self.state / f"{CURRENT}.{os.getpid()}"
            remove(link)
            link.symlink_to(Path(BUILDS_DIR) / build.name)
            link.replace(self.current)  # the commit: one atomic rename
            fsync_directory(self.state)
            self._link_outputs(build)
            for folder in self.builds.iterdir():
                if folder.name != build.name:
                    remove(folder)

    def discard(self, build: Path) -> None:
        """Remove a build that failed, unless it is the one in place."""
        if self.current_build() != build.resolve():
            remove(build)

    def _link_outputs(self, build: Path) -> None:
        """``OUT/NAME -> .ptkg/current/NAME`` for what the build has; a name it does not
        have (graph.nq after a build without --nquads) is removed."""
        for name in OUTPUT_NAMES:
            path = self.out / name
            target = Path(STATE_DIR) / CURRENT / name
            if not (build / name).exists():
                if path.is_symlink() or path.is_file():
                    path.unlink()
                continue
            if path.is_symlink() and path.readlink() == target:
                continue
            link = self.out / f".{name}.link-{os.getpid()}"
            remove(link)
            link.symlink_to(target)
            if path.is_dir() and not path.is_symlink():
                # The store of a version before builds had folders: moved aside, removed.
                aside = self.state / f"legacy-{name}-{os.getpid()}"
                path.replace(aside)
                link.replace(path)
                remove(aside)
            else:
                link.replace(path)
        fsync_directory(self.out)
