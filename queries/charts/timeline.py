"""The timeline chart: dates across, one lane per model (or actor), one mark per event.

Drawn from the ``timeline-lanes`` query only. How each date is drawn says how well it is
known:

* a day-precise event is a filled marker on its day, sized by its number of sources;
* an event known only within a window (a month, "after the order and before the
  article") is a bar across every day it may have happened on, with a hollow marker: a
  month-precision event spans its month and never sits on its first day;
* a window open at one end fades out towards the edge of the chart;
* an event whose sources disagree on the date is framed in red and says so.

The marker and colour say the (coarse) event type. Every label gives the type, who acted
(or on which models, in lanes by actor), the date in words and the number of sources;
labels are measured and stacked on rows so that none overlaps another.

Longer than most modules: the layout (rows, lanes, label stacking) and its drawing share
the measures of one figure, and splitting them would pass those measures around.
"""

from __future__ import annotations

import math
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
from queries.charts.style import (
    TypeStyle,
    assign_levels,
    coarse_types,
    new_figure,
    save,
    text_size,
    type_styles,
)
from queries.dates import describe_window_short
from queries.runner import run_query

LANE_BY = ("model", "agent")
NO_LANE = {"model": "(no model or agent)", "agent": "(no agent named)"}
DISPUTED = "#c0152f"
FONT = 8.0
ROW_INCHES = 0.34
WIDTH_INCHES = 15.0


@dataclass(frozen=True)
class ChartEvent:
    lane: str
    earliest: date | None
    latest: date | None
    precision: str
    event_type: str
    coarse_type: str
    type_label: str
    label: str
    agents: tuple[str, ...]
    models: tuple[str, ...]
    sources: int
    date_disputed: bool
    event: str

    @property
    def dated(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def is_day(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    @property
    def open_start(self) -> bool:
        return self.earliest is None and self.latest is not None

    @property
    def open_end(self) -> bool:
        return self.latest is None and self.earliest is not None

    def caption(self, lane_by: str = "model") -> str:
        """'Partial lift · US government · 26 Jun · 4 sources': what the label says."""
        others = self.agents if lane_by == "model" else self.models
        parts = [self.type_label]
        if others:
            parts.append(others[0] + (f" +{len(others) - 1}" if len(others) > 1 else ""))
        parts.append(describe_window_short(self.earliest, self.latest))
        parts.append(f"{self.sources} source{'s' if self.sources != 1 else ''}")
        if self.date_disputed:
            parts.append("dates disputed")
        return " · ".join(parts)


def timeline_data(
    store: GraphStore,
    *,
    entity: str | None = None,
    event_type: str | None = None,
    lane_by: str = "model",
    limit: int | None = None,
    offset: int = 0,
) -> list[ChartEvent]:
    """The events the timeline chart draws, one per (lane, event); ``limit`` and
    ``offset``: one page of them, in lane order."""
    if lane_by not in LANE_BY:
        from kg.errors import QueryError

        raise QueryError(f"lanes by {lane_by!r}: use one of {', '.join(LANE_BY)}")
    params = {"entity": entity, "type": event_type, "lane_by": lane_by}
    result = run_query(
        store,
        "timeline-lanes",
        params,
        limit=limit,
        offset=offset,
    )
    return [
        ChartEvent(
            lane=row["lane"] or NO_LANE[lane_by],
            earliest=row["earliest"],
            latest=row["latest"],
            precision=row["precision"],
            event_type=row["event_type"],
            coarse_type=row["coarse_type"],
            type_label=row["type_label"],
            label=row["label"],
            agents=_split(row["agents"]),
            models=_split(row["models"]),
            sources=int(row["sources"]),
            date_disputed=bool(row["date_disputed"]),
            event=row["event"],
        )
        for row in result.records()
    ]


def draw_timeline(
    store: GraphStore,
    path: Path,
    *,
    entity: str | None = None,
    event_type: str | None = None,
    lane_by: str = "model",
) -> list[Path]:
    """Draw the chart to ``path`` (.png or .svg; both for any other path)."""
    events = timeline_data(store, entity=entity, event_type=event_type, lane_by=lane_by)
    figure = render_timeline(events, type_styles(coarse_types(store)), lane_by=lane_by)
    return save(figure, path)


@dataclass
class _Placed:
    event: ChartEvent
    x0: float  # graphic extent, in days (matplotlib date numbers)
    x1: float
    caption: str
    label_x: float  # where the label starts (or ends, aligned right), in days
    label_align: str
    span: tuple[float, float]  # graphic and label together, in pixels
    icon_x: float  # where a window's marker stands, in days
    level: int = 0


def render_timeline(
    events: Sequence[ChartEvent],
    styles: dict[str, TypeStyle],
    *,
    lane_by: str = "model",
    title: str | None = None,
) -> Figure:
    """The timeline of ``events`` as a figure (nothing is written)."""
    dated = [e for e in events if e.dated]
    undated = len({e.event for e in events}) - len({e.event for e in dated})
    styles = dict(styles)
    for event in dated:  # a type the scheme did not list still gets a style
        if event.coarse_type not in styles:
            extra = type_styles([(event.coarse_type, event.coarse_type.replace("_", " "))])
            styles[event.coarse_type] = _nth_style(len(styles), extra[event.coarse_type])
    lanes = _lane_order(dated, NO_LANE.get(lane_by, ""))
    lo, hi = _x_range(dated)
    figure = new_figure(WIDTH_INCHES, 4.0)
    lane_width = max([text_size(figure, lane, 9)[0] for lane in lanes] + [40.0])
    left_px = lane_width + 24
    right_px = 24.0
    axes_px = WIDTH_INCHES * figure.dpi - left_px - right_px
    per_day = axes_px / (hi - lo)

    placed: dict[str, list[_Placed]] = {lane: [] for lane in lanes}
    for event in dated:
        placed[event.lane].append(_place(figure, event, lo, hi, per_day, axes_px, lane_by))
    rows_of: dict[str, int] = {}
    for lane, items in placed.items():
        levels = assign_levels([p.span for p in items], gap=10.0)
        for item, level in zip(items, levels, strict=True):
            item.level = level
        rows_of[lane] = max(levels, default=0) + 1

    total_rows = sum(rows_of.values()) or 1
    top_in, bottom_in = 0.75, 1.3
    height = top_in + bottom_in + ROW_INCHES * (total_rows + 0.6 * len(lanes))
    figure.set_size_inches(WIDTH_INCHES, height)
    dpi = figure.dpi
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
    for number, lane in enumerate(lanes):
        rows = rows_of[lane]
        band = rows + 0.6
        if number % 2 == 0:
            ax.axhspan(y, y + band, color="#f3f3f3", zorder=0, linewidth=0)
        ticks.append(y + band / 2)
        for item in placed[lane]:
            _draw_event(ax, item, y + 0.8 + item.level, styles)
        y += band
    if not lanes:
        ax.text(0.5, 0.5, "No dated event to draw", transform=ax.transAxes, ha="center")
    ax.set_ylim(max(y, 1.0), 0)
    ax.set_yticks(ticks, lanes, fontsize=9)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator(minticks=5, maxticks=14)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator, offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"])
    )
    ax.grid(axis="x", color="#cccccc", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    heading = title or f"Policy events by {'model' if lane_by == 'model' else 'actor'}"
    figure.text(
        left_px / (WIDTH_INCHES * dpi), 1 - 0.3 / height, heading, fontsize=13, weight="bold"
    )
    note = "Each label: type · who acted · when · number of sources."
    if lane_by == "agent":
        note = "Each label: type · models concerned · when · number of sources."
    if undated:
        note += f" {undated} event{'s' if undated != 1 else ''} without any date not drawn."
    figure.text(
        left_px / (WIDTH_INCHES * dpi), 1 - 0.55 / height, note, fontsize=8.5, color="#444444"
    )
    _legend(figure, dated, styles)
    return figure


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(sorted(n for n in (text or "").split("; ") if n))


def _nth_style(index: int, style: TypeStyle) -> TypeStyle:
    from queries.charts.style import MARKERS, PALETTE

    return TypeStyle(MARKERS[index % len(MARKERS)], PALETTE[index % len(PALETTE)], style.label)


def _lane_order(events: Sequence[ChartEvent], no_lane: str) -> list[str]:
    first: dict[str, date] = {}
    for event in events:
        start = event.earliest or event.latest
        assert start is not None
        first[event.lane] = min(first.get(event.lane, start), start)
    return sorted(first, key=lambda lane: (lane == no_lane, first[lane], lane))


def _x_range(events: Sequence[ChartEvent]) -> tuple[float, float]:
    known = [d for e in events for d in (e.earliest, e.latest) if d is not None]
    if not known:
        today = date.today()
        known = [today - timedelta(days=30), today]
    first, last = min(known), max(known) + timedelta(days=1)
    pad = max(7, round((last - first).days * 0.03))
    return (
        float(mdates.date2num(first - timedelta(days=pad))),
        float(mdates.date2num(last + timedelta(days=pad))),
    )


def _marker_size(sources: int) -> float:
    return 6.0 + 2.2 * math.sqrt(max(1, sources))


def _place(
    figure: Figure,
    event: ChartEvent,
    lo: float,
    hi: float,
    per_day: float,
    axes_px: float,
    lane_by: str,
) -> _Placed:
    if event.is_day:
        assert event.earliest is not None
        x0 = x1 = float(mdates.date2num(event.earliest)) + 0.5
    else:
        x0 = float(mdates.date2num(event.earliest)) if event.earliest else lo
        x1 = float(mdates.date2num(event.latest)) + 1 if event.latest else hi
    radius = _marker_size(event.sources) * figure.dpi / 72 / 2
    g0 = (x0 - lo) * per_day - (radius if event.is_day else 0)
    g1 = (x1 - lo) * per_day + (radius if event.is_day else 0)
    caption = event.caption(lane_by)
    width = text_size(figure, caption, FONT)[0] + 6
    gap = 4.0
    # A window's marker is the icon its label starts with, outside the bar: never a point
    # inside the window that could be read as its date.
    icon = 0.0 if event.is_day else 2 * radius + gap
    need = gap + icon + width
    if g1 + need <= axes_px:  # to the right of the mark
        start, align, span = g1 + gap + icon, "left", (g0, g1 + need)
        icon_px = g1 + gap + icon / 2
    elif g0 - need >= 0:  # to its left
        start, align, span = g0 - gap - icon, "right", (g0 - need, g1)
        icon_px = g0 - gap - icon / 2
    else:  # over a bar that fills the chart
        icon_px = max(g0, 0.0) + gap + icon / 2
        start = max(g0, 0.0) + gap + icon
        align, span = "left", (g0, max(g1, start + width))
    return _Placed(
        event, x0, x1, caption, lo + start / per_day, align, span, lo + icon_px / per_day
    )


def _draw_event(ax: Axes, item: _Placed, y: float, styles: dict[str, TypeStyle]) -> None:
    event = item.event
    style = styles[event.coarse_type]
    size = _marker_size(event.sources)
    if event.is_day:
        ax.plot(
            [item.x0],
            [y],
            marker=style.marker,
            markersize=size,
            color=style.color,
            markeredgecolor="black",
            markeredgewidth=0.7,
            linestyle="none",
            zorder=4,
        )
        frame = (item.x0 - 1.5, item.x1 + 1.5)
    else:
        height = 0.42
        if event.open_start or event.open_end:
            _faded_bar(ax, item.x0, item.x1, y, height, style.color, fade_left=event.open_start)
        else:
            ax.add_patch(
                Rectangle(
                    (item.x0, y - height / 2),
                    item.x1 - item.x0,
                    height,
                    facecolor=style.color,
                    alpha=0.3,
                    edgecolor="none",
                    zorder=2,
                )
            )
            ax.add_patch(
                Rectangle(
                    (item.x0, y - height / 2),
                    item.x1 - item.x0,
                    height,
                    facecolor="none",
                    edgecolor=style.color,
                    linewidth=1.0,
                    zorder=3,
                )
            )
        ax.plot(
            [item.icon_x],
            [y],
            marker=style.marker,
            markersize=size * 0.8,
            markerfacecolor="white",
            markeredgecolor=style.color,
            markeredgewidth=1.6,
            linestyle="none",
            zorder=4,
        )
        frame = (item.x0, item.x1)
    if event.date_disputed:
        ax.add_patch(
            Rectangle(
                (frame[0], y - 0.36),
                frame[1] - frame[0],
                0.72,
                facecolor="none",
                edgecolor=DISPUTED,
                linewidth=1.4,
                linestyle=(0, (3, 2)),
                zorder=5,
            )
        )
    ax.text(
        item.label_x,
        y,
        item.caption,
        fontsize=FONT,
        va="center",
        ha=item.label_align,
        zorder=6,
        color=DISPUTED if event.date_disputed else "#111111",
        bbox={
            "boxstyle": "square,pad=0.1",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.75,
        },
    )


def _faded_bar(
    ax: Axes, x0: float, x1: float, y: float, height: float, color: str, *, fade_left: bool
) -> None:
    slices = 14
    step = (x1 - x0) / slices
    for k in range(slices):
        weight = (k + 1) / slices if fade_left else (slices - k) / slices
        ax.add_patch(
            Rectangle(
                (x0 + k * step, y - height / 2),
                step,
                height,
                facecolor=color,
                alpha=0.04 + 0.32 * weight,
                edgecolor="none",
                zorder=2,
            )
        )
    edge = x1 if fade_left else x0
    ax.plot([edge, edge], [y - height / 2, y + height / 2], color=color, linewidth=1.2, zorder=3)
    tip = x0 if fade_left else x1
    ax.plot(
        [tip],
        [y],
        marker="<" if fade_left else ">",
        markersize=5,
        color=color,
        alpha=0.6,
        linestyle="none",
        zorder=3,
    )


def _legend(figure: Figure, events: Sequence[ChartEvent], styles: dict[str, TypeStyle]) -> None:
    present = sorted({e.coarse_type for e in events}, key=lambda t: styles[t].label)
    entries: list[tuple[object, str]] = [
        (
            Line2D(
                [],
                [],
                marker=styles[t].marker,
                color=styles[t].color,
                markeredgecolor="black",
                markeredgewidth=0.6,
                linestyle="none",
                markersize=8,
            ),
            styles[t].label,
        )
        for t in present
    ]
    grey = "#777777"
    entries += [
        (
            Line2D(
                [],
                [],
                marker="o",
                color=grey,
                markeredgecolor="black",
                linestyle="none",
                markersize=8,
            ),
            "known day (bigger: more sources)",
        ),
        (
            (
                Patch(facecolor="#77777755", edgecolor=grey),
                Line2D(
                    [],
                    [],
                    marker="o",
                    markerfacecolor="white",
                    markeredgecolor=grey,
                    markeredgewidth=1.5,
                    linestyle="none",
                    markersize=6,
                ),
            ),
            "window: one day within the bar (hollow marker: type)",
        ),
        (
            (
                Patch(facecolor="#77777730", edgecolor="none"),
                Line2D([], [], marker=">", color=grey, linestyle="none", markersize=5),
            ),
            "fading bar: window open at that end",
        ),
        (
            Patch(facecolor="none", edgecolor=DISPUTED, linestyle="--"),
            "sources disagree on the date",
        ),
    ]
    figure.legend(
        handles=[h for h, _ in entries],
        labels=[label for _, label in entries],
        loc="lower center",
        ncols=4,
        fontsize=8,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
