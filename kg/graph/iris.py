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

LEGAL = re.compile(
    r"(?i)(?:\s*,?\s*(?:co\.?,?\s*ltd\.?|co\.?,?\s*limited|company\s+limited|ltd\.?|limited|inc\.?|corp\.?|"
    r"corporation|s\.?a\.?s?\.?|s\.?e\.?|gmbh|ag|plc|llc|n\.?v\.?|b\.?v\.?|jsc|pjsc|pte\.?\s*ltd\.?))+$"
)


def slug(text: str) -> str:
    """ "Société Générale, S.A." → "societe-generale-s-a"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or digest(text)


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
