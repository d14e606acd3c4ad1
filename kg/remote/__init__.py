"""External triple stores: pushing kg's graphs to any SPARQL 1.1 store.

:func:`push` sends each report's named graph with the Graph Store HTTP Protocol, replaces older
versions of the same reports, and counts the graphs afterwards. Tested against Virtuoso
(Debian's ``virtuoso-opensource-7``; ``.ci/virtuoso.sh`` starts one).
"""
from __future__ import annotations

from kg.remote.gsp import GraphStoreClient, Remote, RemoteError
from kg.remote.push import PushResult, push

__all__ = ["GraphStoreClient", "PushResult", "Remote", "RemoteError", "push"]
