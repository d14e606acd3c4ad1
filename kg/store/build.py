"""``kg build --store``: reports built into a store, incrementally, one transaction each.

The per-report steps are the pipeline's (:mod:`kg.pipeline`): read, extract, build the graph
with one entity registry. What the store adds:

- a report whose file name and content hash the store already holds is skipped, before it is
  extracted (the costly part), so a second run over an unchanged corpus only reads files;
- a report whose file name the store holds with other content replaces that version's graph,
  and nothing else (:meth:`kg.store.Store.add_report`);
- a report with the same text as another (in the store, or earlier in the build) under another
  file name is built once, and noted in ``duplicates``, as the pipeline does;
- the entity registry starts from the entities already in the store, so that a report added
  today gives "Acme" the IRI and label a report of last month gave it, as a build of the whole
  corpus would.

Reports are keyed by file name, as the manifest is: two files of one run with the same name in
different folders would replace each other, so the second is a failure that says so.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.extract.model import Entity
from kg.graph.build import ENTITY_CLASSES
from kg.graph.merge import NAMED_TYPES, EntityRegistry, Identity
from kg.pipeline import (BuildResult, Extractor, Outcome, build_graphs,
                         extract_locally, new_dataset, read_all, sources)
from kg.read import Report
from kg.store.oxigraph import Store
from kg.store.terms import to_rdflib


FLUSH_EVERY = 100  # reports between two flushes of the store's in-memory tables (Store.flush)


@dataclass
class StoreBuildResult(BuildResult):
    """A build into a store: ``reports`` were built (``replaced`` among them: new versions of
    files the store held), ``skipped`` were in the store already, unchanged. ``dataset`` holds
    the graphs built by this run, if the build was asked to keep them."""

    skipped: list[Report] = field(default_factory=list)
    replaced: list[Report] = field(default_factory=list)


def build_into_store(inputs: Iterable[Path | str], store: Store, *, lang: str | None = None,
                     on_report: Callable[[Path], None] | None = None,
                     on_graph: Callable[[Outcome], None] | None = None,
                     keep_graphs: bool = True, extractor: Extractor | None = None) -> StoreBuildResult:
    """Build every report of ``inputs`` (files or folders) that ``store`` lacks into it.

    Each report's graph goes into the store as soon as it is built, in its own transaction;
    ``on_graph`` sees it first (to validate it). With ``keep_graphs`` off, the build holds no
    graph once it is stored, so its memory does not grow with the corpus.
    """
    result = StoreBuildResult(dataset=new_dataset())
    paths = sources(inputs, result.failures)
    outcomes = _triage(read_all(paths, lang), store)
    registry = lambda: registry_of(store)  # noqa: E731  (read from the store when first needed)
    extracted = (extractor or extract_locally)(outcomes)
    for outcome in build_graphs(extracted, registry, into=result.dataset if keep_graphs else None):
        if outcome.skipped:
            result.skipped.append(outcome.report)
        elif outcome.graph is not None:
            if on_graph is not None:
                on_graph(outcome)
            _add(store, outcome, result)
        result.record(outcome)
        outcome.graph = None
        if on_report is not None:
            on_report(outcome.path)
    return result


def _triage(outcomes: Iterable[Outcome], store: Store) -> Iterator[Outcome]:
    """What the store already holds decides, before extraction, what is built:

    - a report the store holds under its file name with the same text is skipped;
    - the same text under another file name (in the store, or earlier in this build) is built
      once, and the file's previous text, if the store had it, goes (it is no longer what the
      file says);
    - two files of this build with one file name: the second is a failure (the store keys
      reports by file name).
    """
    names: dict[str, Path] = {}  # file name -> the report of this build that has it
    texts: dict[str, Path] = {}  # content hash -> the report of this build to be built with that text
    for outcome in outcomes:
        if outcome.to_extract:
            report = outcome.report
            try:
                _claim_name(names, report)
                holder = store.file_with(report.content_hash)
                if holder == report.path.name:
                    outcome.skipped = True
                elif holder is not None or report.content_hash in texts:
                    same = texts.get(report.content_hash) or holder
                    outcome.same_text_as(same)
                    store.remove_report(report.path.name)
                else:
                    texts[report.content_hash] = outcome.path
            except Exception as exc:  # noqa: BLE001  (recorded for this report alone)
                outcome.fail(exc)
        yield outcome


def _claim_name(names: dict[str, Path], report: Report) -> None:
    first = names.setdefault(report.path.name, report.path)
    if first != report.path:
        raise KgError(f"{report.path}: a report of the same file name, {first}, is in this build; "
                      "a store keeps one report per file name: rename one of them")


def _add(store: Store, outcome: Outcome, result: StoreBuildResult) -> None:
    # Outside the per-report error handling: a store that cannot be written stops the build.
    report = outcome.report
    known = store.stored_hash(report.path.name) is not None
    store.add_report(report, outcome.graph)
    if len(result.reports) % FLUSH_EVERY == FLUSH_EVERY - 1:
        store.flush()
    if known:
        result.replaced.append(report)


# --- the registry of the entities already stored ------------------------------------------------

_TYPE_NAMES = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
_NAMES_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?type ?property ?name WHERE {
  VALUES ?type { %s }
  VALUES ?property { rdfs:label skos:prefLabel skos:altLabel }
  ?entity a ?type ; ?property ?name .
}
""" % " ".join(f"<{iri}>" for iri in _TYPE_NAMES)


class StoredRegistry(EntityRegistry):
    """An entity registry that also knows the entities of the reports already stored."""

    def seed(self, iri, type_name: str, label: str, pref_labels: dict[str, str], names: set[str]) -> None:
        """Record a stored entity as the registry would have after building its reports: its
        label and preferred labels fixed, every name it went by pointing at its IRI."""
        self._identities[iri] = Identity(iri=iri, label=label, pref_labels=dict(pref_labels))
        if type_name in NAMED_TYPES:
            self._remember(Entity(key="", type=type_name, name=label, aliases=names), iri)


def registry_of(store: Store) -> StoredRegistry:
    """A registry holding every entity of ``store``, with its labels and names."""
    registry = StoredRegistry()
    found: dict[object, dict] = defaultdict(lambda: {"labels": [], "pref": {}, "names": set(), "types": set()})
    for entity, type_, prop, name in store.ox.query(_NAMES_QUERY):
        seen = found[to_rdflib(entity)]
        seen["types"].add(_TYPE_NAMES[type_.value])
        seen["names"].add(name.value)
        if prop.value.endswith("#label"):
            seen["labels"].append(name.value)
        elif prop.value.endswith("#prefLabel") and name.language:
            pref = seen["pref"]
            pref[name.language] = min(pref.get(name.language, name.value), name.value)
    for iri, seen in sorted(found.items()):
        if seen["labels"]:  # min: one label whatever order the store gives them in
            registry.seed(iri, min(seen["types"]), min(seen["labels"]), seen["pref"], seen["names"])
    return registry
