"""The facts view as CSV: subject, relation, object, qualifier, one fact a row.

The same rows as ``kg facts`` (:mod:`kg.facts`, computed by ``queries/facts.rq`` from the
graph), in RFC 4180 CSV for a spreadsheet: fields holding a comma, a quote or a line break are
quoted, so a sentence-long qualifier survives.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from rdflib import Dataset, Graph

from kg.export import write_atomic
from kg.facts import HEADER, facts


def facts_csv(data: Graph | Dataset) -> str:
    """The facts view of ``data`` as CSV text, header first, rows sorted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(facts(data))
    return out.getvalue()


def write_facts_csv(data: Graph | Dataset, path: Path | str) -> Path:
    """Write the facts view of ``data`` to ``path`` as CSV (UTF-8), atomically."""
    path = Path(path)
    write_atomic(path, facts_csv(data).encode("utf-8"))
    return path
