"""The timeline chart: one lane per model (or agent), one mark per event.

A day-precise event is a point; a vaguer one a bar across every day it may have happened
on (a month-precision event spans its month, never sits on its 1st). The number of sources
is printed beside each mark. Drawn from the ``timeline-lanes`` query only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kg.store import GraphStore
from queries.runner import run_query

MARKERS = {
    "designation": "D",
    "lawsuit": "s",
    "court_ruling": "P",
    "export_restriction": "v",
    "partial_lift": "^",
    "full_lift": "*",
    "access_change": "o",
    "announcement": "h",
}


@dataclass(frozen=True)
class ChartEvent:
    lane: str
    earliest: date | None
    latest: date | None
    precision: str
    event_type: str
    label: str
    sources: int


def timeline_data(
    store: GraphStore, *, entity: str | None = None, event_type: str | None = None
) -> list[ChartEvent]:
    params = {"entity": entity, "type": event_type}
    result = run_query(store, "timeline-lanes", {k: v for k, v in params.items() if v})
    return [
        ChartEvent(
            lane=row["lane"] or "(no agent)",
            earliest=row["earliest"],
            latest=row["latest"],
            precision=row["precision"],
            event_type=row["event_type"],
            label=row["label"],
            sources=int(row["sources"]),
        )
        for row in result.records()
    ]


def draw_timeline(
    store: GraphStore,
    path: Path,
    *,
    entity: str | None = None,
    event_type: str | None = None,
) -> list[Path]:
    """Draw the chart to ``path`` (.png or .svg; both when it has no such suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    events = [
        e
        for e in timeline_data(store, entity=entity, event_type=event_type)
        if e.earliest is not None or e.latest is not None
    ]
    lanes = sorted({e.lane for e in events})
    fig, ax = plt.subplots(figsize=(13, 1.6 + 1.1 * max(1, len(lanes))))
    colors = plt.get_cmap("tab10")
    types = sorted({e.event_type for e in events})
    for row, lane in enumerate(lanes):
        lane_events = [e for e in events if e.lane == lane]
        for k, event in enumerate(lane_events):
            lo = event.earliest or event.latest
            hi = event.latest or event.earliest
            assert lo is not None and hi is not None
            color = colors(types.index(event.event_type) % 10)
            y = row + (0.18 if k % 2 else -0.18)
            if hi > lo:
                ax.plot(
                    mdates.date2num([lo, hi + timedelta(days=1)]),
                    [y, y],
                    color=color,
                    linewidth=6,
                    alpha=0.45,
                    solid_capstyle="butt",
                )
            ax.plot(
                [mdates.date2num(lo + (hi - lo) / 2)],
                [y],
                marker=MARKERS.get(event.event_type, "o"),
                color=color,
                markersize=9,
                markeredgecolor="black",
                linestyle="none",
            )
            ax.annotate(
                f"{event.label} ({event.sources} src)",
                (mdates.date2num(lo + (hi - lo) / 2), y),
                xytext=(6, 9 if k % 2 else -13),
                textcoords="offset points",
                fontsize=7,
            )
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(-0.8, len(lanes) - 0.2)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    handles = [
        Line2D(
            [],
            [],
            marker=MARKERS.get(t, "o"),
            color=colors(i % 10),
            linestyle="none",
            markeredgecolor="black",
            label=t.replace("_", " "),
        )
        for i, t in enumerate(types)
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=8, ncols=min(4, max(1, len(types))))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Policy events by model (bars: dates known only within a window)")
    fig.autofmt_xdate()
    fig.tight_layout()
    written = _save(fig, path)
    plt.close(fig)
    return written


def _save(fig: object, path: Path) -> list[Path]:
    targets = (
        [path]
        if path.suffix.lower() in (".png", ".svg")
        else [path.with_suffix(".png"), path.with_suffix(".svg")]
    )
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(target, dpi=150)  # type: ignore[attr-defined]
    return targets
