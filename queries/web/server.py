"""``ptkg serve``: the SPARQL 1.1 protocol endpoint of a built store, and the timeline page.

The endpoint is Oxigraph's own server (``queries.web.backend``). In front of it stands this
thin HTTP server of the standard library, for only what Oxigraph's server lacks:

* the timeline page and its assets (Oxigraph's server serves its own query editor at
  ``/`` and no other file), and the named queries' text, which the page sends;
* refusing a ``SERVICE`` call: Oxigraph's server would make it, and nothing ptkg serves
  may send a request off this machine (``check_query``, as ``ptkg query`` refuses it);
* a time limit on the whole answer: Oxigraph's ``--timeout-s`` stops the evaluation but
  not an answer that streams on (a SELECT of many rows), and on a timeout it ends a
  200 answer with an error text; here an answer not complete within the limit becomes a
  503 with a message, and the connection to the engine is closed, which stops it;
* swapping in a new build, which the engine cannot do for itself.

Updates are refused here (403) and never forwarded; the engine is read-only as well. The
answers themselves (JSON, XML, CSV, TSV by content negotiation, and the protocol's errors)
are Oxigraph's, passed through unchanged.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from extract.errors import OptionError, PolicyKGError
from kg.errors import QueryError
from queries.library import query_directory
from queries.runner import check_query
from queries.web.backend import Backend, Engine
from queries.web.page import ASSET_TYPES, asset_path, check_assets, query_index, served_page

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_LIMIT = 60.0  # seconds a query may take, answer included
# An answer larger than this is refused: the page and the tools that call an endpoint
# want a question narrowed, not gigabytes.
MAX_ANSWER_BYTES = 256 * 1024 * 1024
MAX_REQUEST_BYTES = 10 * 1024 * 1024
FORWARDED_PARAMS = ("query", "default-graph-uri", "named-graph-uri")
DEFAULT_ACCEPT = "application/sparql-results+json"


class RefusedError(Exception):
    """A request answered with an error status and a message, never sent to the engine."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class Front(ThreadingHTTPServer):
    """The HTTP server: the page, the queries' text, and ``/query`` sent on to the engine."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        engine: Engine,
        *,
        limit: float,
        title: str | None,
        log: Callable[[str], None],
    ) -> None:
        self.engine = engine
        self.limit = limit
        self.page = served_page(title).encode("utf-8")
        self.index = json.dumps(query_index(), ensure_ascii=False).encode("utf-8")
        self.log = log
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: Front
    server_version = "ptkg-serve"
    protocol_version = "HTTP/1.1"

    # -- routes ------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def _route(self, method: str) -> None:
        started = time.monotonic()
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        status = HTTPStatus.OK
        try:
            if path == "/query":
                status = self._query(method, url.query)
            elif path == "/update":
                self._body()
                raise RefusedError(
                    HTTPStatus.FORBIDDEN,
                    "error[E606] this endpoint is read-only: updates are refused",
                )
            elif method == "POST":
                self._body()
                raise RefusedError(HTTPStatus.METHOD_NOT_ALLOWED, f"{path}: only GET here")
            elif path in ("/", "/index.html"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.page, method)
            elif path == "/queries/" or path == "/queries/index.json":
                self._send(HTTPStatus.OK, "application/json", self.server.index, method)
            elif path.startswith("/queries/"):
                self._send(HTTPStatus.OK, "application/sparql-query", self._rq(path), method)
            elif path.startswith("/assets/"):
                name = path.removeprefix("/assets/")
                self._send(HTTPStatus.OK, *self._asset(name), method)
            else:
                raise RefusedError(HTTPStatus.NOT_FOUND, f"{path}: no such page")
        except RefusedError as refused:
            status = refused.status
            self.close_connection = True  # what is left of the request is not read
            self._send(status, "text/plain; charset=utf-8", f"{refused}\n".encode(), method)
        except PolicyKGError as error:  # the engine cannot be started on the build in place
            status = HTTPStatus.SERVICE_UNAVAILABLE
            message = f"error[{error.code}] {error}\n".encode()
            self._send(status, "text/plain; charset=utf-8", message, method)
        elapsed = time.monotonic() - started
        self.server.log(f"{method} {path} {status.value} {elapsed * 1000:.0f} ms")

    def _rq(self, path: str) -> bytes:
        name = path.removeprefix("/queries/")
        parts = name.split("/")
        if (
            not name.endswith(".rq")
            or len(parts) > 2
            or (len(parts) == 2 and parts[0] != "lookups")
            or any(not p or p.startswith(".") for p in parts)
        ):
            raise RefusedError(HTTPStatus.NOT_FOUND, f"{path}: no such query")
        file = query_directory().joinpath(*parts)
        if not file.is_file():
            raise RefusedError(HTTPStatus.NOT_FOUND, f"{path}: no such query")
        return file.read_bytes()

    def _asset(self, name: str) -> tuple[str, bytes]:
        path = asset_path(name)
        if path is None or not path.is_file():
            raise RefusedError(HTTPStatus.NOT_FOUND, f"/assets/{name}: no such file")
        kind = ASSET_TYPES.get(path.suffix, "application/octet-stream")
        return f"{kind}; charset=utf-8", path.read_bytes()

    # -- the SPARQL protocol ---------------------------------------------------------
    def _query(self, method: str, query_string: str) -> HTTPStatus:
        params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        if method == "POST":
            body = self._body()
            kind = self.headers.get_content_type()
            if kind == "application/x-www-form-urlencoded":
                params += urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
            elif kind == "application/sparql-query":
                params.append(("query", body.decode("utf-8")))
            elif kind == "application/sparql-update":
                raise RefusedError(
                    HTTPStatus.FORBIDDEN,
                    "error[E606] this endpoint is read-only: updates are refused",
                )
            else:
                raise RefusedError(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"a query is sent as application/x-www-form-urlencoded or "
                    f"application/sparql-query, not {kind}",
                )
        elif method != "GET":
            raise RefusedError(HTTPStatus.METHOD_NOT_ALLOWED, "/query: GET or POST a query")
        if any(name == "update" for name, _ in params):
            raise RefusedError(
                HTTPStatus.FORBIDDEN, "error[E606] this endpoint is read-only: updates are refused"
            )
        queries = [value for name, value in params if name == "query"]
        if len(queries) != 1:
            raise RefusedError(
                HTTPStatus.BAD_REQUEST,
                "give one query: /query?query=SELECT... (the SPARQL 1.1 protocol)",
            )
        try:
            check_query(queries[0], "query")
        except QueryError as error:
            status = HTTPStatus.FORBIDDEN if error.code == "E606" else HTTPStatus.BAD_REQUEST
            raise RefusedError(status, f"error[{error.code}] {error}") from error
        form = urllib.parse.urlencode([(n, v) for n, v in params if n in FORWARDED_PARAMS])
        accept = self.headers.get("Accept") or DEFAULT_ACCEPT
        with self.server.engine.backend() as backend:
            status, headers, answer = _forward(backend, form.encode(), accept, self.server.limit)
        self._send(status, headers.get("content-type", "text/plain"), answer, method)
        return status

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            raise RefusedError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request is too large")
        return self.rfile.read(length) if length > 0 else b""

    # -- answers ---------------------------------------------------------------------
    def _send(self, status: HTTPStatus, kind: str, body: bytes, method: str = "GET") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # each request is logged once, by _route


def _forward(
    backend: Backend, form: bytes, accept: str, limit: float
) -> tuple[HTTPStatus, dict[str, str], bytes]:
    """Send a query to the engine; its whole answer within ``limit`` seconds, or a 503."""
    deadline = time.monotonic() + limit
    connection = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=limit)
    try:
        connection.request(
            "POST",
            "/query",
            body=form,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        response = connection.getresponse()
        chunks: list[bytes] = []
        size = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            if connection.sock is not None:
                connection.sock.settimeout(left)
            chunk = response.read1(1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise RefusedError(
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    f"error[E610] the answer is larger than {MAX_ANSWER_BYTES >> 20} MiB: "
                    "narrow the query (a LIMIT, an entity, a period)",
                )
            chunks.append(chunk)
        headers = {k.lower(): v for k, v in response.getheaders()}
        return HTTPStatus(response.status), headers, b"".join(chunks)
    except TimeoutError as exc:
        raise RefusedError(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"error[E610] the query did not finish within {limit:g} s: narrow it (a LIMIT, "
            "an entity, a period), or start ptkg serve with a longer --timeout",
        ) from exc
    except (ConnectionError, http.client.HTTPException) as exc:
        raise RefusedError(
            HTTPStatus.BAD_GATEWAY, f"the Oxigraph server did not answer: {exc!s}"
        ) from exc
    finally:
        connection.close()  # an answer cut short stops the engine's work on it


class Server:
    """The endpoint and the page of the store at ``store``, listening once constructed.

    ``serve_forever`` answers requests until ``close`` (or Ctrl-C in the caller); ``notify``
    receives what a person watching the server would want to know (a new build served)."""

    def __init__(
        self,
        store: Path,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        limit: float = DEFAULT_LIMIT,
        title: str | None = None,
        notify: Callable[[str], None] | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        check_assets()
        self.engine = Engine(store, limit=limit, notify=notify)
        self.engine.start()
        try:
            self.front = Front(
                (host, port), self.engine, limit=limit, title=title, log=log or (lambda m: None)
            )
        except OSError as exc:
            self.engine.close()
            raise OptionError(
                "--host/--port",
                f"{host}:{port}",
                f"cannot listen there: {exc.strerror or exc}",
                fix="choose another --port (0: any free one), or stop what listens there",
                code="E205",
            ) from exc
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.front.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    @property
    def store(self) -> Path | None:
        return self.engine.store

    def serve_forever(self) -> None:
        self.front.serve_forever(poll_interval=0.2)

    def start(self) -> None:
        """Serve in a background thread (for a notebook or a test)."""
        self._thread = threading.Thread(target=self.serve_forever, name="ptkg-serve", daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.front.shutdown()
            self._thread.join()
        self.front.server_close()
        self.engine.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
