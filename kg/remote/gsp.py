"""A small client of a SPARQL 1.1 store: the Graph Store HTTP Protocol and SELECT queries.

Written against any SPARQL 1.1 store and tested on Virtuoso, whose quirks shape it:

- writes need credentials, and Virtuoso asks for *digest* authentication (on
  ``/sparql-graph-crud-auth``) where Fuseki or GraphDB ask for basic: the scheme is taken from
  the server's own ``WWW-Authenticate`` challenge, so the user only gives a name and a password;
- a SELECT's answer is cut silently at the server's row limit (Virtuoso's ``ResultSetMaxRows``,
  10,000 by default), which only the ``X-SPARQL-MaxRows`` header reveals: such an answer is an
  error here, never a short result;
- error pages are HTML: the message kept is their text, on one line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from kg.errors import KgError, one_line

NTRIPLES = "application/n-triples; charset=utf-8"
SPARQL_JSON = "application/sparql-results+json"
TRUNCATION_HEADER = "X-SPARQL-MaxRows"


class RemoteError(KgError):
    """A triple store could not be reached, refused a request, or holds what it should not."""


@dataclass(frozen=True)
class Remote:
    """Where to push: the store's SPARQL query endpoint and its Graph Store Protocol endpoint."""

    endpoint: str  # e.g. http://127.0.0.1:8890/sparql
    graph_store: str  # e.g. http://127.0.0.1:8890/sparql-graph-crud-auth
    user: str | None = None
    password: str | None = None
    timeout: float = 120.0  # seconds a request may take


class GraphStoreClient:
    """PUT, POST and DELETE of named graphs, and SELECT queries, on one remote store."""

    def __init__(self, remote: Remote) -> None:
        self.remote = remote
        self.session = requests.Session()

    def close(self) -> None:
        self.session.close()

    def put(self, graph: str, body: bytes) -> None:
        """Replace the graph ``graph`` with the N-Triples ``body`` (created if missing)."""
        self._graph_request("PUT", graph, body)

    def post(self, graph: str, body: bytes) -> None:
        """Add the N-Triples ``body`` to the graph ``graph``."""
        self._graph_request("POST", graph, body)

    def delete(self, graph: str) -> None:
        """Drop the graph ``graph``; a graph already gone is no error."""
        self._graph_request("DELETE", graph, None, missing_ok=True)

    def select(self, query: str) -> list[dict[str, str]]:
        """The rows of a SELECT query, each a mapping of variable name to the value's text."""
        response = self._send("POST", self.remote.endpoint, data={"query": query},
                              headers={"Accept": SPARQL_JSON})
        self._check(response, "query")
        if TRUNCATION_HEADER in response.headers:
            raise RemoteError(f"{self.remote.endpoint}: the answer was cut at "
                              f"{response.headers[TRUNCATION_HEADER]} rows (the server's row limit)")
        try:
            bindings = response.json()["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise RemoteError(f"{self.remote.endpoint}: the answer is not SPARQL JSON results "
                              f"({response.headers.get('Content-Type', 'no content type')})") from None
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]

    # --- HTTP -----------------------------------------------------------------------------
    def _graph_request(self, method: str, graph: str, body: bytes | None, missing_ok: bool = False) -> None:
        headers = {"Content-Type": NTRIPLES} if body is not None else {}
        response = self._send(method, self.remote.graph_store, params={"graph": graph},
                              data=body, headers=headers)
        if missing_ok and response.status_code == 404:
            return
        self._check(response, f"{method} <{graph}>")

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        response = self._request(method, url, **kwargs)
        if response.status_code == 401 and self.session.auth is None and self.remote.user:
            # Now that the server said which scheme it wants, answer its challenge.
            self.session.auth = challenge_auth(response, self.remote.user, self.remote.password or "")
            response = self._request(method, url, **kwargs)
        return response

    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            return self.session.request(method, url, timeout=self.remote.timeout, **kwargs)
        except requests.exceptions.Timeout:
            raise RemoteError(f"{url}: no answer within {self.remote.timeout:g} s") from None
        except requests.exceptions.ConnectionError as exc:
            raise RemoteError(f"{url}: cannot connect ({_reason(exc)})") from None
        except requests.exceptions.RequestException as exc:
            raise RemoteError(f"{url}: {one_line(str(exc))}") from None

    def _check(self, response: requests.Response, what: str) -> None:
        if response.status_code < 400:
            return
        url = response.url.split("?")[0]
        if response.status_code == 401:
            if not self.remote.user:
                raise RemoteError(f"{url}: {what} needs credentials: give --user and --password")
            raise RemoteError(f"{url}: {what} refused the credentials of user {self.remote.user!r} (HTTP 401)")
        detail = error_text(response.text, f"{response.status_code} {response.reason}")
        raise RemoteError(f"{url}: {what} failed: HTTP {response.status_code} {response.reason}"
                          + (f": {detail}" if detail else ""))


def challenge_auth(response: requests.Response, user: str, password: str) -> AuthBase:
    """Digest or basic authentication, whichever the server's 401 challenge asks for."""
    challenge = response.headers.get("WWW-Authenticate", "")
    if challenge.lower().startswith("digest"):
        return HTTPDigestAuth(user, password)
    return HTTPBasicAuth(user, password)


_TAG = re.compile(r"<[^>]+>")


def error_text(body: str, status: str = "", limit: int = 200) -> str:
    """The text of an error page (Virtuoso answers in HTML), on one line, less the ``status``
    line it repeats ("HTTP/1.1 403 Forbidden")."""
    text = " ".join(unescape(_TAG.sub(" ", body)).split())
    if status:
        text = re.sub(rf"HTTP/\d(?:\.\d)? {re.escape(status)}", "", text)
        text = " ".join(text.split())
    return one_line(text, limit)


def _reason(exc: Exception) -> str:
    text = str(exc)
    for known in ("Connection refused", "Name or service not known", "No route to host",
                  "Temporary failure in name resolution", "Connection reset"):
        if known in text:
            return known.lower()
    return one_line(text, 120)
