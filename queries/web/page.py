"""The timeline page: one HTML page, served by ``ptkg serve`` or written whole as one file.

The page (``static/page.html``, ``static/timeline.js``, ``static/timeline.css``) draws the
story with vis-timeline: events on lanes per subject, vague dates as ranges, disputed
dates marked, each subject's restriction states as bands; filters; the sources of an event
on a click; a query box. It reads the graph only as SPARQL results: served, it sends the
named queries' own text (``queries/sparql/*.rq``, which the server serves) to the endpoint;
written as one file (``static_page``), it carries the results of the same queries, run
here on the same text, and every asset inlined, so it opens with no server and no network.

vis-timeline is not in the repository: ``make assets`` installs the version locked in
``web/package-lock.json`` and copies its standalone build into ``vendor/``.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extract.errors import DataFileError
from kg.files import write_text_atomic
from kg.store import GraphStore
from queries.library import find_query, list_queries

DEFAULT_TITLE = "Policy timeline"

# The named queries the page runs when it opens, each with no parameter: what it draws.
PAGE_QUERIES = (
    "export-events",
    "export-participants",
    "export-mentions",
    "export-disagreements",
    "event-dates",
    "documents",
    "event-types",
    "restrictions",
)

STATIC_FILES = ("page.html", "timeline.js", "timeline.css")
VENDOR_FILES = ("vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css")
# What the server hands out under assets/: the page's own files, then vis-timeline's.
ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".md": "text/markdown"}


def _folder(name: str) -> Path:
    return Path(str(resources.files("queries.web"))) / name


def asset_path(name: str) -> Path | None:
    """The file of an asset the page loads (``timeline.js``, vis-timeline's), or None."""
    for folder, names in (("static", STATIC_FILES), ("vendor", VENDOR_FILES)):
        if name in names:
            return _folder(folder) / name
    return None


def check_assets() -> None:
    """DataFileError when an asset of the page is missing (installed without ``make``)."""
    for folder, names in (("static", STATIC_FILES), ("vendor", VENDOR_FILES)):
        for name in names:
            if not (_folder(folder) / name).is_file():
                raise DataFileError(
                    _folder(folder) / name,
                    "a file of the timeline page is missing (vis-timeline is put there by "
                    "`make assets`, from web/package-lock.json)",
                    fix="run `make install` in the project's folder",
                    code="E143",
                )


def query_index() -> list[dict[str, Any]]:
    """The named queries as the page's query box lists them: name, title, parameters."""
    return [
        {
            "name": named.name,
            "title": named.title,
            "purpose": named.purpose,
            "example": named.example,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "description": p.description,
                }
                for p in named.parameters
            ],
            # rows packed in one column (the query's `# Rows:` line): the page spreads them
            "rows": None
            if named.packing is None
            else {"variable": named.packing.variable, "member": named.packing.member},
        }
        for named in list_queries()
    ]


def served_page(title: str | None = None) -> str:
    """The page as ``ptkg serve`` sends it: assets and queries fetched from the server."""
    check_assets()
    config = {
        "mode": "endpoint",
        "endpoint": "query",
        "queries": "queries/",
        "page_queries": list(PAGE_QUERIES),
        "index": query_index(),
    }
    styles = "".join(
        f'<link rel="stylesheet" href="assets/{name}">'
        for name in ("vis-timeline-graph2d.min.css", "timeline.css")
    )
    scripts = "".join(
        f'<script src="assets/{name}"></script>'
        for name in ("vis-timeline-graph2d.min.js", "timeline.js")
    )
    return _render(title, config, styles, scripts)


def static_page(store: GraphStore, title: str | None = None) -> str:
    """The page as one self-contained file: the results of the page's queries and every
    asset inlined. Its query box needs the endpoint, and says so."""
    check_assets()
    results = {name: page_results(store, name) for name in PAGE_QUERIES}
    config = {
        "mode": "static",
        "page_queries": list(PAGE_QUERIES),
        "results": results,
        "index": query_index(),
    }
    styles = "".join(
        f"<style>{_inline(_read(name), 'style')}</style>"
        for name in ("vis-timeline-graph2d.min.css", "timeline.css")
    )
    scripts = "".join(
        f"<script>{_inline(_read(name), 'script')}</script>"
        for name in ("vis-timeline-graph2d.min.js", "timeline.js")
    )
    return _render(title, config, styles, scripts)


def write_static_page(store: GraphStore, path: Path, title: str | None = None) -> str:
    """The self-contained page, written (atomically) to ``path``."""
    text = static_page(store, title)
    write_text_atomic(path, text)
    return text


def page_results(store: GraphStore, name: str) -> dict[str, Any]:
    """The SPARQL JSON results of a named query the page runs, with no parameter: the very
    text the served page sends, run by the same engine (the default graph the union of the
    named graphs, as the endpoint has it)."""
    text = find_query(name).text_for(())
    solutions = store.oxigraph.query(text, use_default_graph_as_union=True)
    if not isinstance(solutions, ox.QuerySolutions):
        raise TypeError(f"{name}: the page's queries are SELECT queries")
    serialized = solutions.serialize(format=ox.QueryResultsFormat.JSON)
    assert serialized is not None
    data: dict[str, Any] = json.loads(serialized)
    return data


def _render(title: str | None, config: dict[str, Any], styles: str, scripts: str) -> str:
    template = _read("page.html")
    blob = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    # In a <script> element, "<" is the one character that can end it early: as \u003c the
    # JSON reads the same.
    blob = blob.replace("<", "\\u003c")
    return (
        template.replace("{{title}}", html.escape(title or DEFAULT_TITLE))
        .replace("<!--ptkg:styles-->", styles)
        .replace("<!--ptkg:config-->", blob)
        .replace("<!--ptkg:scripts-->", scripts)
    )


def _read(name: str) -> str:
    path = asset_path(name)
    assert path is not None, name
    return path.read_text(encoding="utf-8")


_SOURCE_MAP = re.compile(r"/[*/][#@] sourceMappingURL=[^\n*]*(\*/)?")


def _inline(text: str, element: str) -> str:
    """A script or style sheet made safe to stand inside its element: the closing tag
    cannot occur in it (``<\\/script`` reads the same in JavaScript strings and regular
    expressions), and the source map it refers to is not shipped."""
    text = _SOURCE_MAP.sub("", text)
    return re.sub(f"</({element})", r"<\\/\1", text, flags=re.IGNORECASE)
