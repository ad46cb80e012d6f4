"""The graph on the web: ``ptkg serve`` (a read-only SPARQL endpoint and the timeline page)
and the timeline page written as one self-contained file (``ptkg export --format html``).

``server`` is the endpoint in front of Oxigraph's own server (``backend``); ``page`` is the
page, whose own files are in ``static/`` and whose third-party ones (vis-timeline) are put
in ``vendor/`` by ``make assets``.
"""

from __future__ import annotations

from queries.web.page import DEFAULT_TITLE, PAGE_QUERIES, static_page, write_static_page
from queries.web.server import DEFAULT_HOST, DEFAULT_LIMIT, DEFAULT_PORT, Server

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_LIMIT",
    "DEFAULT_PORT",
    "DEFAULT_TITLE",
    "PAGE_QUERIES",
    "Server",
    "static_page",
    "write_static_page",
]
