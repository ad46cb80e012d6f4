"""Guarded lines: a query line ending in `#? name` is kept only when the parameter is given."""

from __future__ import annotations

from pathlib import Path

from queries.library import find_query, load_query


def test_timeline_selects_by_entity_only_when_one_is_given() -> None:
    timeline = find_query("timeline")
    assert "?event ?entity_role ?entity ." not in timeline.text_for({})
    assert "?event ?entity_role ?entity ." in timeline.text_for({"entity"})
    assert "FILTER(COALESCE(?latest_day >= ?from, true))" in timeline.text_for({"from", "entity"})


def test_a_negated_guard_keeps_its_line_only_without_the_parameter(tmp_path: Path) -> None:
    path = tmp_path / "guarded.rq"
    path.write_text(
        "# Guarded.\n#\n# Parameters:\n#   ?day  date  optional  a day\n"
        "SELECT ?x ?day WHERE {\n"
        "  ?x <http://example.org/on> ?day .  #? day\n"
        "  ?x <http://example.org/undated> true .  #? !day\n"
        "}\n",
        encoding="utf-8",
    )
    query = load_query(path)
    assert "undated" in query.text_for({}) and "/on>" not in query.text_for({})
    assert "undated" not in query.text_for({"day"}) and "/on>" in query.text_for({"day"})
