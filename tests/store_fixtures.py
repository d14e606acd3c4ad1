"""Small invented reports and their hand-made extractions, for the store and endpoint tests.

No spaCy: each report is a few sentences about an invented company and town, and its
:class:`~kg.extract.model.Extraction` is written by hand, with evidence offsets found in the
text. ``sample(...)`` gives the report and extraction; ``stored(...)`` a store holding samples
built with one entity registry, as a build would, and the same graphs as an rdflib dataset.

Test modules import what they use by name (``from store_fixtures import sample``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph

from kg.extract.model import Entity, Evidence, Extraction, Fact, Quantity
from kg.graph.build import build_graph
from kg.graph.iris import report_iri
from kg.graph.merge import EntityRegistry
from kg.pipeline import new_dataset
from kg.read import Report
from kg.store import Store

TEXTS = {
    "fr": ("{company} a ouvert une usine de {product} à {town}. Le site produira {tonnes} tonnes "
           "de {product} par an. Son directeur, {person}, vise le marché européen."),
    "en": ("{company} opened a {product} plant in {town}. The site will make {tonnes} tonnes of "
           "{product} a year. Its director, {person}, targets the European market."),
}
WORDS = {"fr": {"site": "usine", "role": "directeur"}, "en": {"site": "plant", "role": "director"}}


@dataclass(frozen=True)
class Sample:
    """One invented report: a company, its plant in a town, a capacity, a person."""

    file_name: str
    lang: str
    company: str
    town: str
    product: str
    tonnes: int
    person: str
    extra: str = ""  # text appended, to change a report's content and hash

    @property
    def text(self) -> str:
        words = {"company": self.company, "town": self.town, "product": self.product,
                 "tonnes": f"{self.tonnes:,}".replace(",", " "), "person": self.person}
        return TEXTS[self.lang].format(**words) + self.extra

    def report(self, folder: Path | None = None) -> Report:
        text = self.text
        path = (folder or Path("reports")) / self.file_name
        return Report(path=path, name=path.stem, text=text, lang=self.lang, title=text.split(".")[0],
                      content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                      media_type="text/plain", encoding="utf-8")

    def extraction(self) -> Extraction:
        words = WORDS[self.lang]
        entities = {e.key: e for e in (
            Entity("company", "Organization", self.company, {self.company}),
            Entity("town", "City", self.town, {self.town}, country_code="FR"),
            Entity("product", "Product", self.product),
            Entity("person", "Person", self.person),
        )}
        tonnes = Quantity(Decimal(self.tonnes), "t/yr")
        facts = [
            Fact("has_site_in", "company", "town", self.evidence(self.town), qualifier=words["site"]),
            Fact("capacity", "company", tonnes, self.evidence(f"{self.tonnes:,}".replace(",", " ")),
                 qualifier=self.product),
            Fact("produces", "company", "product", self.evidence(self.product)),
            Fact("holds_role", "person", "company", self.evidence(self.person), qualifier=words["role"]),
        ]
        return Extraction(lang=self.lang, entities=entities, facts=facts)

    def evidence(self, anchor: str) -> Evidence:
        text = self.text
        start = text.index(anchor)
        sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
        sentence_end = text.find(".", start) + 1
        return Evidence(rule="test_store", confidence=0.9, start=start, end=start + len(anchor),
                        sentence=text[sentence_start:sentence_end], anchor=anchor)

    def changed(self, extra: str) -> Sample:
        """The same file with other content."""
        return Sample(self.file_name, self.lang, self.company, self.town, self.product, self.tonnes,
                      self.person, extra)


SAMPLES = (
    Sample("brenmoor-vernclose.fr.txt", "fr", "Brenmoor Céramiques", "Vernclose", "carreaux", 12000, "Ysolde Marquet"),
    Sample("tallis-ostrevaux.en.txt", "en", "Tallis Glassworks", "Ostrevaux", "flat glass", 85000, "Corwin Aldane"),
    Sample("quenneville-maudry.fr.txt", "fr", "Quenneville Acier", "Maudry-sur-Lize", "tubes", 40000, "Anselme Pradier"),
)


def built_graphs(samples: tuple[Sample, ...] = SAMPLES, registry: EntityRegistry | None = None) -> list[tuple[Report, Graph]]:
    """Each sample's report and graph, built in order with one registry, as a build does."""
    registry = registry or EntityRegistry()
    return [(s.report(), build_graph(s.report(), s.extraction(), registry)) for s in samples]


def as_dataset(graphs: list[tuple[Report, Graph]]) -> Dataset:
    """The graphs as a built dataset: one named graph per report."""
    dataset = new_dataset()
    for report, graph in graphs:
        named = dataset.graph(report_iri(report.content_hash))
        for triple in graph:
            named.add(triple)
    return dataset


def stored(folder: Path, samples: tuple[Sample, ...] = SAMPLES) -> Dataset:
    """Make a store in ``folder`` holding ``samples`` (closed again); the same graphs as a dataset."""
    graphs = built_graphs(samples)
    with Store.open(folder) as store:
        for report, graph in graphs:
            store.add_report(report, graph)
    return as_dataset(graphs)


def graph_quads(store: Store, iri: str) -> set[tuple[str, str, str]]:
    """The triples of one named graph of a store, as N-Triples terms."""
    import pyoxigraph as ox

    quads = store.ox.quads_for_pattern(None, None, None, ox.NamedNode(iri))
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}
