"""The state chart: each subject's restriction state over time as coloured bands.

Drawn from the ``restrictions`` query. A band is solid where the state surely held.
Where a change of state is only known within a window, the window is hatched in the
colour of the new state over that of the old: the change happened on one day of it. The
event that started each state is marked at the change and named above the band (type
and date), its label stacked so that none overlaps another. The last state runs to the
right edge with an arrow: nothing later is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from kg.store import GraphStore
from queries.charts.style import assign_levels, new_figure, save, text_size
from queries.dates import describe_window_short
from queries.runner import run_query

STATE_COLORS = {
    "unrestricted": "#d9d9d9",
    "restricted": "#d7301f",
    "partially_lifted": "#fdae61",
    "lifted": "#1a9850",
}
UNKNOWN_STATE = "#999999"
FONT = 8.0
WIDTH_INCHES = 14.0
ROW_INCHES = 0.3


@dataclass(frozen=True)
class StateBand:
    subject: str  # the subject's name, with its authority when it is not the principal one
    sequence: int
    state: str
    from_earliest: date | None
    from_latest: date | None
    until_earliest: date | None
    until_latest: date | None
    started_by: str | None  # the event's label
    started_by_type: str | None = None
    started_by_event: str | None = None  # the event's IRI

    @property
    def change_label(self) -> str | None:
        """'Partial lift · 26 Jun': the event that started this state, and when."""
        if self.started_by is None:
            return None
        when = describe_window_short(self.from_earliest, self.from_latest)
        return f"{self.started_by_type or self.started_by} · {when}"


def state_data(
    store: GraphStore,
    *,
    subject: str | None = None,
    authority: str | None = None,
    population: str | None = None,
    layer: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StateBand]:
    """Every subject's sequence of states under its principal authority (or only
    ``subject``'s, or under ``authority``), in order; ``limit`` and ``offset``: one page."""
    params = {"subject": subject, "authority": authority, "population": population, "layer": layer}
    return [
        StateBand(
            subject=row["subject_name"]
            if row["principal"]
            else f"{row['subject_name']} @ {row['authority_name']}",
            sequence=int(row["sequence"]),
            state=row["state"],
            from_earliest=row["from_earliest"],
            from_latest=row["from_latest"],
            until_earliest=row["until_earliest"],
            until_latest=row["until_latest"],
            started_by=row["started_by_label"],
            started_by_type=row["started_by_type"],
            started_by_event=row["started_by"],
        )
        for row in run_query(
            store,
            "restrictions",
            params,
            limit=limit,
            offset=offset,
        ).records()
    ]


def draw_states(
    store: GraphStore,
    path: Path,
    *,
    subject: str | None = None,
    authority: str | None = None,
    population: str | None = None,
    layer: str | None = None,
) -> list[Path]:
    """Draw the chart to ``path`` (.png or .svg; both for any other path)."""
    title = None
    if population:
        title = f"Restriction state of each subject for {population.replace('_', ' ')}"
    bands = state_data(
        store, subject=subject, authority=authority, population=population, layer=layer
    )
    return save(render_states(bands, title=title), path)


@dataclass
class _Change:
    band: StateBand
    x0: float  # the change window, in days
    x1: float
    label_x: float
    span: tuple[float, float]
    level: int = 0


def render_states(bands: Sequence[StateBand], *, title: str | None = None) -> Figure:
    """The state bands of every subject in ``bands`` as a figure (nothing is written)."""
    subjects = sorted({b.subject for b in bands})
    lo, hi = _x_range(bands)
    figure = new_figure(WIDTH_INCHES, 3.0)
    dpi = figure.dpi
    lane_width = max([text_size(figure, m, 10)[0] for m in subjects] + [40.0])
    left_px, right_px = lane_width + 24, 30.0
    axes_px = WIDTH_INCHES * dpi - left_px - right_px
    per_day = axes_px / (hi - lo)

    changes: dict[str, list[_Change]] = {m: [] for m in subjects}
    for band in bands:
        label = band.change_label
        if label is None or band.from_earliest is None:
            continue
        x0 = _num(band.from_earliest)
        x1 = _num(band.from_latest or band.from_earliest) + (
            1 if band.from_latest and band.from_latest > band.from_earliest else 0
        )
        width = text_size(figure, label, FONT)[0] + 6
        middle = ((x0 + x1) / 2 - lo) * per_day
        start = min(max(middle - width / 2, 0.0), axes_px - width)
        changes[band.subject].append(
            _Change(band, x0, x1, lo + start / per_day, (start, start + width))
        )
    levels_of: dict[str, int] = {}
    for subject, items in changes.items():
        levels = assign_levels([c.span for c in items], gap=8.0)
        for item, level in zip(items, levels, strict=True):
            item.level = level
        levels_of[subject] = max(levels, default=-1) + 1

    band_rows = 1.4  # the band and the ticks of its changes
    rows = sum(levels_of.values()) + (0.4 + band_rows + 0.4) * len(subjects)
    top_in, bottom_in = 0.7, 1.0
    height = top_in + bottom_in + ROW_INCHES * rows
    figure.set_size_inches(WIDTH_INCHES, height)
    ax = figure.add_axes(
        (
            left_px / (WIDTH_INCHES * dpi),
            bottom_in / height,
            axes_px / (WIDTH_INCHES * dpi),
            1 - (top_in + bottom_in) / height,
        )
    )
    y = 0.0
    ticks: list[float] = []
    for subject in subjects:
        stack = levels_of[subject]  # rows of labels above the band
        band_top = y + 0.4 + stack + 0.3
        band_y = band_top + 0.5  # the band's middle
        previous: StateBand | None = None
        for band in sorted((b for b in bands if b.subject == subject), key=lambda b: b.sequence):
            _draw_band(figure, ax, band, previous, band_y, lo, hi, per_day)
            previous = band
        for change in changes[subject]:
            _draw_change(ax, change, band_top, y + 0.4 + (stack - 1 - change.level) + 0.5)
        ticks.append(band_y)
        y += 0.4 + stack + band_rows + 0.4
        ax.axhline(y, color="#dddddd", linewidth=0.8)
    if not subjects:
        ax.text(0.5, 0.5, "No restriction state to draw", transform=ax.transAxes, ha="center")
    ax.set_ylim(max(y, 1.0), 0)
    ax.set_yticks(ticks, subjects, fontsize=10)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator(minticks=6, maxticks=16)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator, offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"])
    )
    ax.grid(axis="x", color="#e3e3e3", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    figure.text(
        left_px / (WIDTH_INCHES * dpi),
        1 - 0.32 / height,
        title or "Restriction state of each subject over time",
        fontsize=13,
        weight="bold",
    )
    figure.text(
        left_px / (WIDTH_INCHES * dpi),
        1 - 0.55 / height,
        "Above each band: the event that changed the state, and when.",
        fontsize=8.5,
        color="#444444",
    )
    present = [s for s in STATE_COLORS if any(b.state == s for b in bands)]
    handles: list[object] = [
        Patch(color=STATE_COLORS[s], label=s.replace("_", " ")) for s in present
    ]
    handles.append(
        Patch(
            facecolor="#f2b8b0",
            edgecolor="#1a9850",
            hatch="////",
            label="changed on one day within the window (old colour, new colour hatched)",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            marker="v",
            color="black",
            linestyle="none",
            markersize=6,
            label="event that changed the state",
        )
    )
    figure.legend(
        handles=handles,
        loc="lower center",
        ncols=len(handles),
        fontsize=8.5,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
    return figure


def _num(day: date) -> float:
    return float(mdates.date2num(day))


def _x_range(bands: Sequence[StateBand]) -> tuple[float, float]:
    known = [
        d
        for b in bands
        for d in (b.from_earliest, b.from_latest, b.until_earliest, b.until_latest)
        if d is not None
    ]
    if not known:
        today = date.today()
        known = [today - timedelta(days=30), today]
    first, last = min(known), max(known)
    pad = max(14, round((last - first).days * 0.15))
    return _num(first - timedelta(days=pad)), _num(last + timedelta(days=pad))


def _draw_band(
    figure: Figure,
    ax: Axes,
    band: StateBand,
    previous: StateBand | None,
    y: float,
    lo: float,
    hi: float,
    per_day: float,
) -> None:
    color = STATE_COLORS.get(band.state, UNKNOWN_STATE)
    height = 0.9
    # Surely in this state: from the latest possible start to the earliest possible end.
    start = _num(band.from_latest) + 1 if band.from_latest else lo
    if band.from_latest is not None and band.from_latest == band.from_earliest:
        start = _num(band.from_latest)
    # The next state's window, if any, is hatched by its own band.
    end = _num(band.until_earliest) if band.until_earliest else hi
    if end > start:
        ax.add_patch(
            Rectangle(
                (start, y - height / 2),
                end - start,
                height,
                facecolor=color,
                edgecolor="none",
                zorder=2,
            )
        )
        name = band.state.replace("_", " ")
        room = (end - start) * per_day
        if text_size(figure, name, 9)[0] + 8 <= room:
            dark = band.state in ("restricted", "lifted")
            ax.text(
                (start + end) / 2,
                y,
                name,
                ha="center",
                va="center",
                fontsize=9,
                color="white" if dark else "black",
                zorder=4,
            )
    # Changed into this state on one day of a window: hatch the new colour over the old.
    if band.from_earliest and band.from_latest and band.from_latest > band.from_earliest:
        x0, x1 = _num(band.from_earliest), _num(band.from_latest) + 1
        before = STATE_COLORS.get(previous.state, UNKNOWN_STATE) if previous else "white"
        ax.add_patch(
            Rectangle(
                (x0, y - height / 2),
                x1 - x0,
                height,
                facecolor=before,
                alpha=0.45,
                edgecolor="none",
                zorder=2,
            )
        )
        ax.add_patch(
            Rectangle(
                (x0, y - height / 2),
                x1 - x0,
                height,
                facecolor="none",
                edgecolor=color,
                hatch="////",
                linewidth=0,
                zorder=2,
            )
        )
        ax.add_patch(
            Rectangle(
                (x0, y - height / 2),
                x1 - x0,
                height,
                facecolor="none",
                edgecolor="#555555",
                linewidth=0.8,
                zorder=3,
            )
        )
    if band.until_earliest is None and band.until_latest is None:
        ax.plot(
            [hi],
            [y],
            marker=">",
            color=color,
            markersize=9,
            linestyle="none",
            clip_on=False,
            zorder=3,
        )


def _draw_change(ax: Axes, change: _Change, band_top: float, label_y: float) -> None:
    middle = (change.x0 + change.x1) / 2
    if change.x1 > change.x0:  # a window: a bracket over it
        ax.plot(
            [change.x0, change.x0, change.x1, change.x1],
            [band_top + 0.05, band_top - 0.12, band_top - 0.12, band_top + 0.05],
            color="black",
            linewidth=0.9,
            zorder=5,
        )
        tip = band_top - 0.12
    else:
        ax.plot(
            [middle, middle], [band_top, band_top + 1.0], color="black", linewidth=1.2, zorder=5
        )
        tip = band_top
    ax.plot(
        [middle], [tip - 0.05], marker="v", color="black", markersize=5, linestyle="none", zorder=5
    )
    ax.plot([middle, middle], [label_y + 0.3, tip - 0.15], color="#666666", linewidth=0.6, zorder=4)
    ax.text(
        change.label_x,
        label_y,
        change.band.change_label or "",
        fontsize=FONT,
        ha="left",
        va="center",
        zorder=6,
        bbox={
            "boxstyle": "square,pad=0.15",
            "facecolor": "white",
            "edgecolor": "#bbbbbb",
            "linewidth": 0.5,
        },
    )
