"""Writing files and directories so that a reader never sees them half-written.

Everything is written under a temporary name beside its target and renamed into place at
the end; on failure (an exception, Ctrl-C) the temporary is removed and the target is left
as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def temporary_sibling(target: Path, kind: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}")


def write_text_atomic(path: Path, lines: Iterable[str] | str) -> None:
    """Write ``lines`` (or one string) to ``path`` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(path)
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            if isinstance(lines, str):
                handle.write(lines if lines.endswith("\n") else lines + "\n")
            else:
                for line in lines:
                    handle.write(line + "\n")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Build into a temporary sibling of ``target``; swap it in only if the block succeeds.

    An interrupted or failed build leaves ``target`` as it was. The swap is two renames
    within one directory.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(target)
    _remove(tmp)
    try:
        yield tmp
    except BaseException:
        _remove(tmp)
        raise
    old = temporary_sibling(target, "old")
    if target.exists():
        target.replace(old)
    tmp.replace(target)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
