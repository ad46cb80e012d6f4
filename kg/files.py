"""Writing files and directories so that a reader never sees them half-written.

Everything is written under a temporary name beside its target and renamed into place at
the end; on failure (an exception, Ctrl-C) the temporary is removed and the target is left
as it was. What must survive a power cut is flushed to the disk (``fsync``) before it is
renamed into place, and the directory that holds the new name after.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from extract.errors import LockedError


def temporary_sibling(target: Path, kind: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}")


def write_text_atomic(path: Path, lines: Iterable[str] | str) -> None:
    """Write ``lines`` (or one string) to ``path`` in one step, flushed to the disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(path)
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            if isinstance(lines, str):
                handle.write(lines if lines.endswith("\n") else lines + "\n")
            else:
                for line in lines:
                    handle.write(line + "\n")
            _flush(handle)
        tmp.replace(path)
        fsync_directory(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Build into a temporary sibling of ``target``; swap it in only if the block succeeds.

    An interrupted or failed build leaves ``target`` as it was. The swap is two renames
    within one directory: for a target nobody reads yet (a directory inside a build that
    is not in place). ``ptkg.output`` swaps a whole build in one rename.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(target)
    remove(tmp)
    try:
        yield tmp
    except BaseException:
        remove(tmp)
        raise
    old = temporary_sibling(target, "old")
    if target.exists():
        target.replace(old)
    tmp.replace(target)
    remove(old)


def remove(path: Path) -> None:
    """Remove a file, a link or a whole directory; nothing when there is none."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.is_symlink() or path.exists():
        path.unlink()


def fsync_directory(path: Path) -> None:
    """Flush a directory's entries (a rename, a new name) to the disk. POSIX only."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """Flush every file and directory under ``root`` (and ``root``) to the disk."""
    for folder, _, names in os.walk(root, topdown=False):
        for name in names:
            path = Path(folder) / name
            if path.is_symlink():
                continue
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_directory(Path(folder))


def _flush(handle: IO[str]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


class DirectoryLock:
    """An exclusive lock on a directory, held through a lock file in it.

    The operating system releases it when the process ends, however it ends: a killed
    build never leaves a stale lock. A second process is refused at once (``LockedError``),
    with the process id of the holder in the message.
    """

    def __init__(self, lock_file: Path, what: str) -> None:
        self.path = lock_file
        self.what = what
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            holder = _read_holder(self.path)
            raise LockedError(
                f"{self.what}: another ptkg build{holder} is writing into it; wait for it "
                "to finish, or build into another --out"
            ) from exc
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None

    def __enter__(self) -> DirectoryLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _read_holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM while the block runs: for the few steps that put a
    finished build in place, which must either all happen or none. A SIGINT that arrives
    meanwhile is dropped (the block finishes, the build is done); a SIGTERM is delivered
    again after it. In threads other than the main one, nothing is held (signals go to
    the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    held = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, hold) for sig in held}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if signal.SIGTERM in received:
            os.kill(os.getpid(), signal.SIGTERM)
