"""The state chart: each model's restriction state over time as coloured bands.

Drawn from the ``restrictions`` query. Where a change of state is only known within a
window, the window is hatched: the state may have changed on any day of it. The event that
started each state is named at its start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kg.store import GraphStore
from queries.runner import run_query

STATE_COLORS = {
    "unrestricted": "#d9d9d9",
    "restricted": "#d7301f",
    "partially_lifted": "#fdae61",
    "lifted": "#1a9850",
}


@dataclass(frozen=True)
class StateBand:
    model: str
    sequence: int
    state: str
    from_earliest: date | None
    from_latest: date | None
    until_earliest: date | None
    until_latest: date | None
    started_by: str | None


def state_data(store: GraphStore, *, model: str | None = None) -> list[StateBand]:
    params = {"model": model} if model else {}
    return [
        StateBand(
            model=row["model_name"],
            sequence=int(row["sequence"]),
            state=row["state"],
            from_earliest=row["from_earliest"],
            from_latest=row["from_latest"],
            until_earliest=row["until_earliest"],
            until_latest=row["until_latest"],
            started_by=row["started_by_label"],
        )
        for row in run_query(store, "restrictions", params).records()
    ]


def draw_states(store: GraphStore, path: Path, *, model: str | None = None) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from queries.charts.timeline import _save

    bands = state_data(store, model=model)
    models = sorted({b.model for b in bands})
    known = [
        d
        for b in bands
        for d in (b.from_earliest, b.from_latest, b.until_earliest, b.until_latest)
        if d is not None
    ]
    if known:
        start, end = min(known) - timedelta(days=20), max(known) + timedelta(days=30)
    else:
        start, end = date.today() - timedelta(days=30), date.today()
    fig, ax = plt.subplots(figsize=(12, 1.4 + 0.9 * max(1, len(models))))
    for row, name in enumerate(models):
        for band in [b for b in bands if b.model == name]:
            lo = band.from_latest or band.from_earliest or start
            hi = band.until_earliest or band.until_latest or end
            color = STATE_COLORS.get(band.state, "#999999")
            ax.barh(
                row,
                (hi - lo).days or 1,
                left=mdates.date2num(lo),
                height=0.5,
                color=color,
                edgecolor="white",
            )
            if band.from_earliest and band.from_latest and band.from_latest > band.from_earliest:
                ax.barh(
                    row,
                    (band.from_latest - band.from_earliest).days,
                    left=mdates.date2num(band.from_earliest),
                    height=0.5,
                    color=color,
                    alpha=0.5,
                    hatch="///",
                    edgecolor="white",
                )
            if band.started_by and band.from_earliest:
                ax.annotate(
                    band.state.replace("_", " "),
                    (lo, row + 0.3),
                    fontsize=7,
                    xytext=(2, 2),
                    textcoords="offset points",
                )
    ax.set_yticks(range(len(models)), models)
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.legend(
        handles=[Patch(color=c, label=s.replace("_", " ")) for s, c in STATE_COLORS.items()]
        + [Patch(facecolor="white", edgecolor="grey", hatch="///", label="change within window")],
        loc="upper left",
        fontsize=8,
        ncols=5,
    )
    ax.set_title("Restriction state of each model over time")
    fig.autofmt_xdate()
    fig.tight_layout()
    written = _save(fig, path)
    plt.close(fig)
    return written
