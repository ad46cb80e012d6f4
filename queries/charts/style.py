"""What the charts share: figures, markers and colours per type, label placement, saving.

Figures are made with matplotlib's object API on an Agg canvas (no pyplot, no global
backend switch), so the charts draw the same in a script, a test or a notebook. Labels
are placed by measuring their rendered width and stacking those that would collide on
separate rows (``assign_levels``), so no two labels overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kg.store import GraphStore
from queries.runner import run_query

MARKERS = ("v", "^", "D", "s", "P", "*", "o", "h", "X", "p", "<", ">", "d", "8")
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
FORMATS = (".png", ".svg")
DPI = 150


@dataclass(frozen=True)
class TypeStyle:
    marker: str
    color: str
    label: str


def coarse_types(store: GraphStore) -> list[tuple[str, str]]:
    """(id, label) of every coarse event type of the graph's scheme, in a stable order."""
    labels: dict[str, str] = {}
    for row in run_query(store, "event-types").records():
        if row["type"] == row["coarse_type"]:
            labels[row["type"]] = row["label"]
    return sorted(labels.items())


def type_styles(types: Iterable[tuple[str, str]]) -> dict[str, TypeStyle]:
    """A marker and a colour for each (type id, label), in the order given."""
    return {
        type_id: TypeStyle(MARKERS[i % len(MARKERS)], PALETTE[i % len(PALETTE)], label)
        for i, (type_id, label) in enumerate(types)
    }


def new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def text_size(figure: Figure, text: str, fontsize: float, **kwargs: Any) -> tuple[float, float]:
    """Width and height in pixels of ``text`` as the figure would render it."""
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    probe = figure.text(0, 0, text, fontsize=fontsize, **kwargs)
    extent = probe.get_window_extent(renderer=canvas.get_renderer())
    probe.remove()
    return float(extent.width), float(extent.height)


def assign_levels(spans: Sequence[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """A row for each (start, end) span so that spans on one row are ``gap`` apart.

    Greedy in order of start: each span takes the lowest row whose last span ends before
    it starts. Returns the rows in the order of ``spans``.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][1]))
    ends: list[float] = []
    levels = [0] * len(spans)
    for index in order:
        start, end = spans[index]
        for level, last_end in enumerate(ends):
            if last_end + gap <= start:
                ends[level] = end
                levels[index] = level
                break
        else:
            ends.append(end)
            levels[index] = len(ends) - 1
    return levels


def output_paths(path: Path) -> list[Path]:
    """``x.png`` or ``x.svg`` as given; both (``x.png``, ``x.svg``) for any other path."""
    if path.suffix.lower() in FORMATS:
        return [path]
    return [path.with_name(path.name + suffix) for suffix in FORMATS]


def save(figure: Figure, path: Path) -> list[Path]:
    """Write the figure as PNG and/or SVG (see ``output_paths``); returns the files."""
    targets = output_paths(path)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(target, dpi=DPI, metadata=_metadata(target))
    return targets


def _metadata(target: Path) -> dict[str, Any]:
    # No creation date or software version in the files.
    if target.suffix.lower() == ".svg":
        return {"Date": None}
    return {"Software": None}
