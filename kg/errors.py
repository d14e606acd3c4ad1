"""kg's errors: one base class, a few subclasses, each message one clear line.

Every error names the bad value (a file, a query, a shape), says what was expected, and where
it can, the way out. The CLI prints ``str(error)`` and exits 2; it never shows a traceback.
"""
from __future__ import annotations

from pathlib import Path


def one_line(error: object, limit: int = 200) -> str:
    """An error's message (or any text) on one line, cut at ``limit`` characters."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class ReadError(KgError):
    """A report could not be read: not found, empty, binary, undecodable, unsupported."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class GraphLoadError(KgError):
    """A graph file or store could not be loaded."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class QueryError(KgError):
    """A SPARQL query is unknown, unreadable or invalid."""


class ShapesError(KgError):
    """A SHACL shapes file could not be loaded."""


class ModelError(KgError):
    """A spaCy pipeline needed for a language is not installed or cannot be loaded."""
