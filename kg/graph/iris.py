"""Deterministic, readable IRIs for everything kg writes.

An entity's IRI depends only on what it is (its normalized name, or its GeoNames id), never on
the report or the order of extraction, so that the same company or town gets the same IRI in
every report and graphs of many reports merge by plain union. Facts and evidence are named by
a hash of their content.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.extract.model import Entity
from kg.namespaces import KGR

# Legal forms that end a company's name ("Acme Co., Ltd.", "Acme GmbH & Co. KG", "Acme, S.A."):
# the same company goes with and without them. Each must stand as a word of its own, after a
# space or a comma, so that "Ventisa" keeps its "sa" and "Telecorp" its "corp".
LEGAL_FORMS: tuple[str, ...] = (
    r"co\.?", r"company", r"ltd\.?", r"limited", r"inc\.?", r"incorporated", r"corp\.?",
    r"corporation", r"plc", r"llc", r"pte\.?", r"s\.?a\.?", r"s\.?a\.?s\.?", r"s\.?a\.?r\.?l\.?",
    r"s\.?e\.?", r"s\.?p\.?a\.?", r"s\.?r\.?l\.?", r"gmbh", r"ag", r"kgaa", r"kg", r"&",
    r"n\.?v\.?", r"b\.?v\.?", r"jsc", r"pjsc", r"k\.?k\.?", r"oyj", r"ab", r"asa", r"as",
)
LEGAL = re.compile(rf"(?i)(?:(?:\s*,\s*|\s+)(?:{'|'.join(LEGAL_FORMS)}))+$")


def slug(text: str) -> str:
    """ "Société Générale, S.A." → "societe-generale-s-a"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    # A name with no Latin letter ("长城汽车") leaves nothing: its hash keeps names apart.
    return folded or digest(text)


def digest(*parts: object) -> str:
    """A short, stable hash of the parts (sha1, 16 hex digits)."""
    data = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:16]


def org_name_key(name: str) -> str:
    """The part of an organization's name that identifies it: no legal form, no article."""
    name = LEGAL.sub("", name.strip())
    name = re.sub(r"(?i)^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", name)
    return slug(name)


def entity_iri(entity: Entity) -> URIRef:
    if entity.type == "Organization":
        return KGR[f"org/{org_name_key(entity.name)}"]
    if entity.type == "Person":
        return KGR[f"person/{slug(entity.name)}"]
    if entity.type == "Product":
        return KGR[f"product/{slug(entity.name)}"]
    if entity.geonames_id:
        return KGR[f"place/geonames-{entity.geonames_id}"]
    prefix = (entity.country_code or "xx").lower()
    return KGR[f"place/{prefix}/{slug(entity.name)}"]


def report_iri(content_hash: str) -> URIRef:
    return KGR[f"report/{content_hash[:16]}"]


def fact_iri(kind: str, *key: object) -> URIRef:
    return KGR[f"{kind}/{digest(*key)}"]


def geonames_iri(geonames_id: int) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{geonames_id}/")
