"""Charts: the data each one is drawn from (on the corpus graph), how dates and labels are
drawn (on small made-up events where a case is not in the corpus), and the files written.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from kg.store import GraphStore
from ptkg.cli import main
from queries import QueryError, run_query
from queries.charts import (
    ChartEvent,
    StateBand,
    draw_network,
    draw_states,
    draw_timeline,
    network_data,
    network_graph,
    output_paths,
    render_states,
    render_timeline,
    state_data,
    timeline_data,
    type_styles,
)
from queries.charts.style import assign_levels

MYTHOS = "Claude Mythos 5"
FABLE = "Claude Fable 5"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STYLES = type_styles([("appeal", "Appeal"), ("ban", "Ban"), ("lift", "Lift")])


def _event(
    lane: str,
    earliest: date | None,
    latest: date | None,
    event_type: str = "ban",
    *,
    sources: int = 1,
    disputed: bool = False,
    name: str = "",
) -> ChartEvent:
    return ChartEvent(
        lane=lane,
        earliest=earliest,
        latest=latest,
        precision="day" if earliest == latest else "unknown",
        event_type=event_type,
        coarse_type=event_type,
        type_label=event_type.capitalize(),
        label=name or event_type,
        agents=("A ministry",),
        models=(lane,),
        sources=sources,
        date_disputed=disputed,
        event=f"urn:test:{lane}:{event_type}:{earliest}:{latest}:{name}",
    )


def _labels(figure: Figure) -> list[Text]:
    """The label texts drawn in the chart's axes (not tick labels or titles)."""
    return [t for ax in figure.axes for t in ax.texts if t.get_text()]


def _overlaps(figure: Figure) -> list[tuple[str, str]]:
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in _labels(figure)]
    return [
        (a, b)
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b)
    ]


def _assert_png_and_svg(paths: list[Path]) -> None:
    assert sorted(p.suffix for p in paths) == [".png", ".svg"]
    for path in paths:
        data = path.read_bytes()
        assert len(data) > 5_000
        if path.suffix == ".png":
            assert data.startswith(PNG_MAGIC)
        else:
            assert ET.fromstring(data).tag.endswith("svg")


# ---------------------------------------------------------------------------- the chart data


def test_timeline_data_lanes_by_model(store: GraphStore) -> None:
    events = timeline_data(store)
    lifts = [e for e in events if e.event_type == "partial_lift"]
    assert [e.lane for e in lifts] == [MYTHOS]  # Fable 5 stayed restricted
    assert lifts[0].is_day and lifts[0].earliest == date(2026, 6, 26)
    lawsuit = next(e for e in events if e.event_type == "lawsuit")
    # It concerns no model: in the lane of its agent, across the whole of March.
    assert lawsuit.lane == "Anthropic"
    assert (lawsuit.earliest, lawsuit.latest) == (date(2026, 3, 1), date(2026, 3, 31))
    assert lawsuit.caption() == "Lawsuit · Anthropic · Mar · 2 sources"


def test_timeline_data_lanes_by_agent_and_filters(store: GraphStore) -> None:
    events = timeline_data(store, lane_by="agent", event_type="lawsuit")
    assert [(e.lane, e.event_type) for e in events] == [("Anthropic", "lawsuit")]
    assert events[0].caption("agent").startswith("Lawsuit · ")
    fable = timeline_data(store, entity="Fable 5")
    # Events concerning Fable 5, in the lane of each model they concern.
    assert fable and FABLE in {e.lane for e in fable}
    assert all(FABLE in e.models for e in fable)


def test_state_data_sequences_and_changes(store: GraphStore) -> None:
    bands = state_data(store, subject="Fable 5")
    assert [b.state for b in bands] == ["unrestricted", "restricted", "lifted"]
    assert bands[0].change_label is None  # nothing started the state before the order
    assert bands[1].change_label == "Export restriction · 12 Jun"
    mythos = {b.state: b for b in state_data(store, subject="Mythos 5")}
    assert mythos["partially_lifted"].change_label == "Partial lift · 26 Jun"


def test_network_data_edges_and_graph(store: GraphStore) -> None:
    edges = network_data(store)
    lawsuit = [e for e in edges if "lawsuit" in e.event_types]
    assert [(e.source, e.relation, e.target) for e in lawsuit] == [
        ("Anthropic", "affected", "US Department of Defense")
    ]
    graph = network_graph(edges)
    assert graph.nodes[MYTHOS]["entity_type"] == "ai_model"
    assert graph.nodes["Anthropic"]["entity_type"] == "organization"
    models = {v for u, v, d in graph.edges(data=True) if "model" in d["relations"]}
    assert {MYTHOS, FABLE} <= models
    assert all(d["events"] >= 1 for _, _, d in graph.edges(data=True))


# ---------------------------------------------------------------------------- how dates are drawn


def test_timeline_render_month_is_a_bar_across_the_month() -> None:
    march = _event("Model", date(2025, 3, 1), date(2025, 3, 31), name="month")
    figure = render_timeline([march], STYLES)
    ax = figure.axes[0]
    spans = {
        (round(p.get_x(), 3), round(p.get_x() + p.get_width(), 3))
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_width() > 1
    }
    whole_month = (
        round(float(mdates.date2num(date(2025, 3, 1))), 3),
        round(float(mdates.date2num(date(2025, 4, 1))), 3),
    )
    assert whole_month in spans
    # No marker inside the month: its type's marker stands outside the bar.
    inside = [
        x
        for line in ax.lines
        for x in line.get_xdata()  # type: ignore[union-attr]
        if whole_month[0] <= float(x) < whole_month[1]
    ]
    assert inside == []


def test_timeline_render_day_is_a_marker_on_its_day() -> None:
    day = _event("Model", date(2025, 3, 14), date(2025, 3, 14), sources=4)
    ax = render_timeline([day], STYLES).axes[0]
    xs = [float(x) for line in ax.lines for x in line.get_xdata()]  # type: ignore[union-attr]
    assert xs == [float(mdates.date2num(date(2025, 3, 14))) + 0.5]
    assert [t.get_text() for t in ax.texts] == ["Ban · A ministry · 14 Mar · 4 sources"]


def test_timeline_render_open_window_fades_to_the_edge() -> None:
    open_end = _event("Model", date(2025, 5, 10), None)
    closed = _event("Model", date(2025, 3, 1), date(2025, 3, 2), "lift")
    ax = render_timeline([open_end, closed], STYLES).axes[0]
    start = float(mdates.date2num(date(2025, 5, 10)))
    slices = sorted(
        (p for p in ax.patches if isinstance(p, Rectangle) and p.get_x() >= start),
        key=lambda p: p.get_x(),
    )
    assert len(slices) > 5
    alphas = [p.get_alpha() or 0.0 for p in slices]
    assert alphas == sorted(alphas, reverse=True)  # fading towards the open end
    last = slices[-1]
    assert last.get_x() + last.get_width() == pytest.approx(ax.get_xlim()[1])
    assert "from 10 May" in ax.texts[0].get_text() or "from 10 May" in ax.texts[1].get_text()


def test_timeline_render_disputed_date_is_framed_and_said() -> None:
    disputed = _event("Model", date(2025, 4, 2), date(2025, 4, 20), "lift", disputed=True)
    ax = render_timeline([disputed], STYLES).axes[0]
    frames = [
        p
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_linestyle() not in ("-", "solid")
    ]
    assert len(frames) == 1
    assert "dates disputed" in ax.texts[0].get_text()


def test_timeline_render_crowded_labels_do_not_overlap() -> None:
    crowd = [
        _event("Model", date(2025, 3, 10 + k % 3), date(2025, 3, 10 + k % 3), t, name=str(k))
        for k, t in enumerate(["ban", "lift", "appeal"] * 3)
    ]
    crowd.append(_event("Other model", None, date(2025, 3, 12)))
    figure = render_timeline(crowd, STYLES)
    assert len(_labels(figure)) == len(crowd)
    assert _overlaps(figure) == []


def test_timeline_render_corpus_labels_do_not_overlap(store: GraphStore) -> None:
    from queries.charts import coarse_types

    for lane_by in ("model", "agent"):
        events = timeline_data(store, lane_by=lane_by)
        figure = render_timeline(events, type_styles(coarse_types(store)), lane_by=lane_by)
        assert len(_labels(figure)) == len([e for e in events if e.dated])
        assert _overlaps(figure) == []


def test_states_render_labels_do_not_overlap_and_windows_are_hatched(store: GraphStore) -> None:
    figure = render_states(state_data(store))
    assert _overlaps(figure) == []
    window = StateBand("M", 1, "lifted", date(2025, 6, 27), date(2025, 7, 31), None, None, "Lift")
    before = StateBand("M", 0, "restricted", None, None, date(2025, 6, 27), date(2025, 7, 31), None)
    ax = render_states([before, window]).axes[0]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1
    assert hatched[0].get_width() == pytest.approx(35.0)  # 27 Jun to 31 Jul, both included


def test_style_assign_levels_separates_colliding_spans() -> None:
    assert assign_levels([(0, 10), (5, 15), (11, 20), (16, 30)], gap=0) == [0, 1, 0, 1]
    assert assign_levels([(0, 10), (10, 20)], gap=1) == [0, 1]


# ---------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    "draw", [draw_timeline, draw_states, draw_network], ids=["timeline", "states", "network"]
)
def test_draw_writes_png_and_svg(store: GraphStore, tmp_path: Path, draw: Any) -> None:
    _assert_png_and_svg(draw(store, tmp_path / "chart"))


def test_draw_one_format_by_suffix(store: GraphStore, tmp_path: Path) -> None:
    written = draw_states(store, tmp_path / "only.svg")
    assert written == [tmp_path / "only.svg"] and written[0].is_file()
    assert output_paths(tmp_path / "x.v2") == [tmp_path / "x.v2.png", tmp_path / "x.v2.svg"]


def test_draw_charts_with_nothing_to_draw(store: GraphStore, tmp_path: Path) -> None:
    # A filter that matches nothing still gives a (near empty) chart, not an error.
    types = run_query(store, "event-types").records()
    # a type no event of the corpus has (a coarse type would take in its narrower types)
    unused = next(r["type"] for r in types if r["events"] == 0 and r["type"] != r["coarse_type"])
    for draw in (draw_timeline, draw_network):
        paths: list[Any] = draw(store, tmp_path / "none.png", event_type=unused)
        assert paths[0].read_bytes().startswith(PNG_MAGIC)
    assert draw_states(store, tmp_path / "none.png", subject="GPT-5.6")[0].is_file()
    assert network_data(store, event_type=unused) == []
    assert state_data(store, subject="GPT-5.6") == []  # never restricted


def test_draw_charts_unknown_type_is_an_error(store: GraphStore, tmp_path: Path) -> None:
    # A typo in a type is an error, as an unknown entity is: not an empty chart.
    with pytest.raises(QueryError) as info:
        draw_timeline(store, tmp_path / "none.png", event_type="no_such_type")
    assert info.value.code == "E605"
    assert "'no_such_type'" in str(info.value)
    assert not (tmp_path / "none.png").exists()


def test_cli_chart_unknown_entity_is_a_usage_error(store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "x"
    args = ["chart", "timeline", "--store", str(store.path), "--entity", "Nobody At All"]
    assert main([*args, "--output", str(out)]) == 2
    assert not out.with_suffix(".png").exists()
