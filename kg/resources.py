"""Files that ship with kg: the ontology, the SHACL shapes and the named SPARQL queries.

They live at the top of the repository (``ontology/``, ``queries/``) and inside the package as
``kg/ontology`` and ``kg/queries`` (links in a checkout, copies in a wheel), so they are read
with :mod:`importlib.resources` wherever kg is installed.
"""
from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from kg.errors import QueryError


def ontology_file(name: str) -> Traversable:
    """A file of ``ontology/``, e.g. ``kg.ttl`` or ``shapes.ttl``."""
    return files("kg") / "ontology" / name


def queries_dir() -> Traversable:
    return files("kg") / "queries"


def query_names() -> list[str]:
    """The names of the bundled queries, sorted (``facts``, ``sites-by-company``, ...)."""
    return sorted(p.name[:-3] for p in queries_dir().iterdir() if p.name.endswith(".rq"))


def query_text(name: str) -> str:
    """The text of a bundled query, by name (with or without ``.rq``)."""
    stem = name[:-3] if name.endswith(".rq") else name
    path = queries_dir() / f"{stem}.rq"
    if not path.is_file():
        known = ", ".join(query_names()) or "none"
        raise QueryError(f"no bundled query named {stem!r}; known queries: {known}")
    return path.read_text(encoding="utf-8")
