"""The ontology's documentation: one HTML page generated from ``ontology/kg.ttl``.

Every class, property and concept of the ontology gets a section with its English and French
labels and definitions, its place in the hierarchy, the standard terms it aligns with, and
for a class, the properties that start from it or lead to it. Generated on demand
(``kg ontology-docs -o ontology.html``), never edited by hand: the page cannot drift from the
ontology. The page is self-contained (inline style, no script) and the same ontology gives
the same bytes.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.errors import KgError
from kg.namespaces import DCTERMS, KG, KG_ONTOLOGY, OWL, PREFIXES, RDF, RDFS, SKOS
from kg.resources import ontology_file
from kg.clikit import fails_cleanly

LANGUAGES = ("en", "fr")
MATCHES = ((SKOS.exactMatch, "exact match"), (SKOS.closeMatch, "close match"),
           (SKOS.relatedMatch, "related match"), (RDFS.seeAlso, "see also"))
_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


@dataclass(frozen=True)
class Section:
    """A group of terms on the page: its title, its anchor and its terms, sorted."""

    title: str
    anchor: str
    terms: tuple[URIRef, ...]


def load_ontology(path: Path | str | None = None) -> Graph:
    """The ontology to document: ``path``, else kg's own (``ontology/kg.ttl``)."""
    graph = Graph()
    try:
        if path is None:
            graph.parse(data=ontology_file("kg.ttl").read_text(encoding="utf-8"), format="turtle")
        else:
            graph.parse(Path(path), format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise KgError(f"{path or 'ontology/kg.ttl'}: cannot read the ontology: {error}") from error
    return graph


def sections(onto: Graph) -> list[Section]:
    """Classes (entities, facts, evidence), properties, then each concept scheme."""
    classes = _terms(onto, OWL.Class)
    facts = {c for c in classes if KG.Statement in _ancestors(onto, c) or c == KG.Statement}
    evidence = {c for c in classes if KG.Evidence in _ancestors(onto, c) or c == KG.Evidence}
    found = [
        Section("Entities", "entities", _sorted(set(classes) - facts - evidence)),
        Section("Facts", "facts", _sorted(facts)),
        Section("Evidence", "evidence", _sorted(evidence)),
        Section("Object properties", "object-properties", _sorted(_terms(onto, OWL.ObjectProperty))),
        Section("Datatype properties", "datatype-properties", _sorted(_terms(onto, OWL.DatatypeProperty))),
    ]
    for scheme in _sorted(_terms(onto, SKOS.ConceptScheme)):
        concepts = [c for c in onto.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)]
        found.append(Section(_text(onto, scheme, RDFS.label) or _local(scheme), _anchor(scheme),
                             (scheme, *_sorted(concepts))))
    return [section for section in found if section.terms]


def _terms(onto: Graph, cls: URIRef) -> list[URIRef]:
    return [t for t in onto.subjects(RDF.type, cls) if isinstance(t, URIRef)]


def _sorted(terms: Iterable[URIRef]) -> tuple[URIRef, ...]:
    return tuple(sorted(set(terms), key=lambda t: (_local(t).casefold(), str(t))))


def _ancestors(onto: Graph, cls: URIRef) -> set[Node]:
    return set(onto.transitive_objects(cls, RDFS.subClassOf)) - {cls}


def _local(iri: Node) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _anchor(iri: Node) -> str:
    return _curie(str(iri)).replace(":", "-")


def _curie(iri: str) -> str:
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _text(onto: Graph, term: Node, prop: URIRef, lang: str = "en") -> str | None:
    values = sorted(str(v) for v in onto.objects(term, prop) if isinstance(v, Literal) and v.language == lang)
    plain = sorted(str(v) for v in onto.objects(term, prop) if isinstance(v, Literal) and not v.language)
    return (values or plain or [None])[0]


# --- rendering -------------------------------------------------------------------------------


def ontology_html(onto: Graph | None = None) -> str:
    """The documentation page of ``onto`` (by default kg's ontology), as text."""
    onto = load_ontology() if onto is None else onto
    documented = {t for section in sections(onto) for t in section.terms}
    link = _linker(documented)
    title = _text(onto, KG_ONTOLOGY, DCTERMS.title) or "Ontology"
    body = [f"<h1>{_e(title)}</h1>", _overview(onto, link)]
    body += [_section(onto, section, link) for section in sections(onto)]
    return _PAGE.format(title=_e(title), body="\n".join(body))


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _linker(documented: set[URIRef]) -> Callable[[Node], str]:
    """A term as a link: to its section when the page documents it, else to its IRI."""

    def link(term: Node) -> str:
        if isinstance(term, URIRef):
            target = f"#{_anchor(term)}" if term in documented else str(term)
            return f'<a href="{_e(target)}"><code>{_e(_curie(str(term)))}</code></a>'
        return f"<code>{_e(term)}</code>"

    return link


def _overview(onto: Graph, link: Callable[[Node], str]) -> str:
    parts = []
    for lang in LANGUAGES:
        description = _text(onto, KG_ONTOLOGY, DCTERMS.description, lang)
        if description:
            parts.append(f'<p lang="{lang}">{_e(description)}</p>')
    version = _text(onto, KG_ONTOLOGY, OWL.versionInfo)
    rows = [("IRI", f"<code>{_e(KG_ONTOLOGY)}</code>")] + ([("Version", _e(version))] if version else [])
    rows += [("See also", ", ".join(link(t) for t in sorted(onto.objects(KG_ONTOLOGY, RDFS.seeAlso))))]
    parts.append(_table(rows))
    used = sorted({prefix for prefix, ns in PREFIXES.items() if any(str(t).startswith(str(ns)) for t in _iris(onto))})
    prefixes = "".join(f"<tr><td><code>{p}:</code></td><td><code>{_e(PREFIXES[p])}</code></td></tr>" for p in used)
    parts.append(f'<h2 id="prefixes">Prefixes</h2><table class="prefixes">{prefixes}</table>')
    contents = "".join(f'<li><a href="#{s.anchor}">{_e(s.title)}</a> ({len(s.terms)})</li>' for s in sections(onto))
    parts.append(f"<nav><h2>Contents</h2><ul>{contents}</ul></nav>")
    return "\n".join(parts)


def _iris(onto: Graph) -> Iterator[URIRef]:
    for triple in onto:
        yield from (t for t in triple if isinstance(t, URIRef))


def _section(onto: Graph, section: Section, link: Callable[[Node], str]) -> str:
    entries = "\n".join(_entry(onto, term, link) for term in section.terms)
    return f'<section id="{section.anchor}">\n<h2>{_e(section.title)}</h2>\n{entries}\n</section>'


def _entry(onto: Graph, term: URIRef, link: Callable[[Node], str]) -> str:
    label = _text(onto, term, RDFS.label) or _text(onto, term, SKOS.prefLabel) or _local(term)
    head = f'<h3 id="{_anchor(term)}">{_e(label)} <code class="iri">{_e(_curie(str(term)))}</code></h3>'
    lines = [head, _labels(onto, term)]
    for lang in LANGUAGES:
        definition = _text(onto, term, SKOS.definition, lang)
        if definition:
            lines.append(f'<p lang="{lang}" class="definition">{_e(definition)}</p>')
    lines.append(_table([(name, _cell(name, values, link)) for name, values in _facts(onto, term) if values]))
    return f'<article>\n{"".join(lines)}\n</article>'


def _cell(name: str, values: list[Node], link: Callable[[Node], str]) -> str:
    if name in ("IRI", "notation"):  # the term's own IRI, or literals: text, not links
        return ", ".join(f"<code>{_e(value)}</code>" for value in values)
    return ", ".join(map(link, values))


def _labels(onto: Graph, term: URIRef) -> str:
    names = []
    for lang in LANGUAGES:
        label = _text(onto, term, RDFS.label, lang) or _text(onto, term, SKOS.prefLabel, lang)
        if label:
            names.append(f'<span lang="{lang}">{_e(label)}</span> <small>({lang})</small>')
    return f'<p class="labels">{" · ".join(names)}</p>' if names else ""


def _facts(onto: Graph, term: URIRef) -> list[tuple[str, list[Node]]]:
    """What the page says of a term, row by row: (row title, the terms or values it lists)."""
    kinds = [t for t in onto.objects(term, RDF.type) if t in (OWL.FunctionalProperty, OWL.SymmetricProperty,
                                                             OWL.TransitiveProperty, OWL.InverseFunctionalProperty)]
    rows: list[tuple[str, list[Node]]] = [
        ("IRI", [term]),
        ("subclass of", _objects(onto, term, RDFS.subClassOf)),
        ("subproperty of", _objects(onto, term, RDFS.subPropertyOf)),
        ("characteristics", sorted(kinds)),
        ("domain", _class_expressions(onto, onto.objects(term, RDFS.domain))),
        ("range", _class_expressions(onto, onto.objects(term, RDFS.range))),
        ("notation", sorted(onto.objects(term, SKOS.notation))),
        ("in scheme", _objects(onto, term, SKOS.inScheme)),
    ]
    rows += [(name, _objects(onto, term, prop)) for prop, name in MATCHES]
    if (term, RDF.type, OWL.Class) in onto:
        rows += [("subclasses", sorted(t for t in onto.subjects(RDFS.subClassOf, term) if isinstance(t, URIRef))),
                 ("properties from it", _used_by(onto, term, RDFS.domain)),
                 ("properties to it", _used_by(onto, term, RDFS.range))]
    return rows


def _objects(onto: Graph, term: URIRef, prop: URIRef) -> list[Node]:
    return sorted(onto.objects(term, prop), key=str)


def _class_expressions(onto: Graph, nodes: Iterable[Node]) -> list[Node]:
    """Named classes as they are; an ``owl:unionOf`` as the classes it joins."""
    found: list[Node] = []
    for node in nodes:
        union = onto.value(node, OWL.unionOf) if isinstance(node, BNode) else None
        found.extend(Collection(onto, union) if union is not None else [node])
    return sorted(set(found), key=str)


def _used_by(onto: Graph, cls: URIRef, axis: URIRef) -> list[Node]:
    """The properties whose domain (or range) is ``cls`` or a union holding it."""
    return sorted({p for p, value in onto.subject_objects(axis)
                   if isinstance(p, URIRef) and cls in _class_expressions(onto, [value])}, key=str)


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{_e(name)}</th><td>{value}</td></tr>" for name, value in rows)
    return f"<table>{cells}</table>" if cells else ""


def write_ontology_html(path: Path | str, onto: Graph | None = None) -> Path:
    """Write the documentation page of ``onto`` (by default kg's ontology) to ``path``."""
    from kg.export import write_atomic

    path = Path(path)
    write_atomic(path, ontology_html(onto).encode("utf-8"))
    return path


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg ontology-docs">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem;
         line-height: 1.45; color: #222; }}
  h2 {{ border-bottom: 2px solid #1f77b4; padding-bottom: .2rem; margin-top: 2.5rem; }}
  h3 {{ margin: 0 0 .2rem; }}
  article {{ border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }}
  article:target {{ border-color: #1f77b4; box-shadow: 0 0 0 2px #1f77b433; }}
  code {{ font-size: .9em; }}
  .iri {{ color: #666; font-weight: normal; font-size: .8em; }}
  .labels {{ margin: 0; color: #555; }}
  p[lang="fr"] {{ color: #555; font-style: italic; }}
  table {{ border-collapse: collapse; font-size: .9rem; }}
  th {{ text-align: left; vertical-align: top; padding: .15rem 1rem .15rem 0; color: #555;
        font-weight: normal; white-space: nowrap; }}
  td {{ padding: .15rem 0; }}
  .prefixes td:first-child {{ padding-right: 1rem; }}
  a {{ color: #1f77b4; text-decoration: none; }}
  a:hover {{ text-decoration: underline; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


# --- command ---------------------------------------------------------------------------------


@click.command("ontology-docs")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write (default: print the page).")
@click.option("--ontology", type=click.Path(path_type=Path, dir_okay=False),
              help="Turtle ontology to document (default: the bundled ontology/kg.ttl).")
@fails_cleanly
def ontology_docs(output: Path | None, ontology: Path | None) -> None:
    """Generate the ontology's documentation as one HTML page.

    Every class, property and concept, with its labels and definitions in English and French,
    its superclasses, domains, ranges and alignments to standard vocabularies.
    """
    onto = load_ontology(ontology)
    if output is None:
        click.echo(ontology_html(onto), nl=False)
        return
    write_ontology_html(output, onto)
    click.echo(f"kg: wrote {output}", err=True)
