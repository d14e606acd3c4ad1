"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store or a graph file.

Routes: ``/sparql`` (queries by GET ``?query=``, by POST form-encoded, or by POST
``application/sparql-query``; results chosen by ``Accept``), ``/health`` (JSON: workers
alive, reports and quads served, the limits), ``/`` (a page to type queries in).

The HTTP side is a plain WSGI application (:class:`Endpoint`) served by the standard library's
``wsgiref`` with a thread per request. Chosen over a framework because the endpoint has three
routes and no templates, sessions or middleware: what a framework would add is a dependency,
not code saved. Queries do not run in these threads but in worker processes that can be killed
at their time limit (:mod:`kg.store.runner`), so a slow query never holds the server. wsgiref
speaks HTTP/1.0 (one request a connection), which every client handles; for heavy traffic the
same :class:`Endpoint` runs under any WSGI server (gunicorn, waitress).

Safe on a network: read-only (updates refused with 403, see :mod:`kg.store.safety`), no
``SERVICE``, no foreign graphs, a time limit and a row cap per query, a cap on the size of a
query, and by default bound to 127.0.0.1. When bound to a loopback address, a request naming
another host in its ``Host`` header is refused: that is how a web page would reach a local
endpoint through DNS rebinding.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import socketserver
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from kg.store.protocol import Answer, QueryRequest
from kg.store.runner import QueryPool

MAX_QUERY_BYTES = 1_000_000
HTML = "text/html; charset=utf-8"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
PAGE_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
               "connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
READ_ONLY = "updates are refused: this endpoint is read-only"
Environ = dict[str, Any]


class Endpoint:
    """The WSGI application: routes, protocol parsing, responses. Queries go to ``pool``."""

    def __init__(self, pool: QueryPool, *, check_host: bool = True, max_query_bytes: int = MAX_QUERY_BYTES) -> None:
        self.pool = pool
        self.check_host = check_host
        self.max_query_bytes = max_query_bytes

    def __call__(self, environ: Environ, start_response: Callable) -> Iterable[bytes]:
        answer = self.respond(environ)
        headers = [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body))),
                   ("X-Content-Type-Options", "nosniff"), *answer.headers]
        start_response(f"{answer.status} {_REASONS.get(answer.status, 'Error')}", headers)
        return [answer.body]

    def respond(self, environ: Environ) -> Answer:
        """The answer to one HTTP request."""
        if self.check_host and not _loopback_host(environ.get("HTTP_HOST", "")):
            return Answer.error(403, f"Host {environ.get('HTTP_HOST')!r} refused: this endpoint "
                                     "answers only requests addressed to this machine's loopback")
        route, method = environ.get("PATH_INFO") or "/", environ.get("REQUEST_METHOD", "GET")
        if route not in _ROUTES:
            return Answer.error(404, f"no such page {route}; the endpoint is /sparql, the query page /")
        allowed = ("GET", "POST") if route == "/sparql" else ("GET",)
        if method not in allowed:
            return Answer.error(405, f"{method} is not allowed on {route}; use {' or '.join(allowed)}",
                                ("Allow", ", ".join(allowed)))
        if route == "/health":
            return self.health()
        if route == "/":
            return _page()
        try:
            request = self.request(environ)
        except _BadRequest as exc:
            return Answer.error(exc.status, str(exc))
        if request is None:  # a browser opening /sparql
            return _page()
        return _with_vary(self.pool.answer(request))

    def health(self) -> Answer:
        alive = self.pool.alive()
        status = "ok" if alive else "no worker"
        document = {"status": status, "workers": alive, "of": self.pool.size, **self.pool.info,
                    "timeout": self.pool.timeout, "max_rows": self.pool.max_rows}
        return Answer(200 if alive else 503, JSON, json.dumps(document).encode("utf-8"))

    def request(self, environ: Environ) -> QueryRequest | None:
        """The query request of a GET or POST on /sparql (SPARQL 1.1 Protocol, 2.1)."""
        params = _params(environ.get("QUERY_STRING", ""))
        if environ.get("REQUEST_METHOD") == "POST":
            media = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
            body = self._body(environ)
            if media == FORM:
                params = _params(body)
            elif media == "application/sparql-query":
                params["query"] = [body]
            elif media == "application/sparql-update":
                raise _BadRequest(403, READ_ONLY)
            else:
                raise _BadRequest(415, f"Content-Type {media or '(none)'} is not a query; post "
                                       f"application/sparql-query or {FORM}")
        if "update" in params:
            raise _BadRequest(403, READ_ONLY)
        queries = params.get("query", [])
        accept = environ.get("HTTP_ACCEPT", "")
        if not queries:
            if "text/html" in accept:
                return None
            raise _BadRequest(400, "no query: send it as query=... (GET or form POST) or as an "
                                   "application/sparql-query body")
        if len(queries) > 1:
            raise _BadRequest(400, f"{len(queries)} queries in one request; send one")
        if len(queries[0].encode("utf-8")) > self.max_query_bytes:
            raise _BadRequest(413, f"the query is longer than {self.max_query_bytes} bytes")
        return QueryRequest(queries[0], accept, tuple(params.get("default-graph-uri", [])),
                            tuple(params.get("named-graph-uri", [])))

    def _body(self, environ: Environ) -> str:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise _BadRequest(400, "invalid Content-Length") from None
        if length > self.max_query_bytes:
            raise _BadRequest(413, f"the request body is longer than {self.max_query_bytes} bytes")
        data = environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise _BadRequest(400, "the request body is not UTF-8") from None


class _BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _params(query_string: str) -> dict[str, list[str]]:
    try:
        return parse_qs(query_string, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest(400, "the request's parameters are not percent-encoded UTF-8") from None


def _loopback_host(host: str) -> bool:
    """Whether a ``Host`` header names this machine's loopback (or is absent, as HTTP/1.0 allows)."""
    if not host:
        return True
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _with_vary(answer: Answer) -> Answer:
    return Answer(answer.status, answer.content_type, answer.body, (*answer.headers, ("Vary", "Accept")))


@cache
def _page_bytes() -> bytes:
    return (files("kg") / "static" / "query.html").read_bytes()


def _page() -> Answer:
    return Answer(200, HTML, _page_bytes(), (("Content-Security-Policy", PAGE_POLICY),))


_ROUTES = ("/", "/sparql", "/health")
_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error", 503: "Service Unavailable"}


# --- the HTTP server ---------------------------------------------------------------------------


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a client that hangs must not keep the server from stopping
    quiet = False

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks DNS for this host's full name, which can stall for
        # seconds on a machine without a resolver; the name is only used in CGI variables.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)
        self.setup_environ()


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:  # type: ignore[attr-defined]
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


def make_server(pool: QueryPool, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = False) -> WSGIServer:
    """An HTTP server for an endpoint over ``pool``, bound (port 0: any free port), not yet
    serving: call its ``serve_forever``. ``server.server_port`` is the port it got."""
    server_class = _Server6 if ":" in host else _Server
    server = server_class((host, port), _Handler)
    server.quiet = quiet
    server.set_app(Endpoint(pool, check_host=_is_loopback(host)))
    return server


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def url_of(server: WSGIServer) -> str:
    """The endpoint's URL on ``server``."""
    host, port = server.server_address[:2]
    return f"http://{f'[{host}]' if ':' in str(host) else host}:{port}/sparql"
