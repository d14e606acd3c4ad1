"""``located_in``: the country of every town that other facts name.

From the text when the report names the town's country beside it ("Gyor, Hungary's sixth
city", "Sfax, au sud de la Tunisie"), else from the gazetteer, with that provenance. A town the
gazetteer lacks takes the country of the landmark its distance is given from ("X, a town 25
miles west of Savannah"), else of the country its sentence names after it. Towns only
mentioned in passing (a dateline, a signing venue) take part in no fact and get none.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import Context
from kg.extract.model import Evidence, Fact
from kg.extract.relations import extractor
from kg.places import gazetteer


COUNTRY_OPENERS = frozenset({"en", "au", "aux", "in", ",", "("})  # what comes before a town's country


@extractor("located_in")
def located_in(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for key in _cities_in_facts(ctx, facts):
        city = ctx.entities[key]
        if not city.country_code:
            found = _country_near(ctx, key)
            if found is not None:
                yield Fact("located_in", key, *found)
            continue
        country_key = ctx.country_key(city.country_code)
        yield Fact("located_in", key, country_key, _evidence(ctx, key, country_key))


def _country_near(ctx: Context, city: str) -> tuple[str, Evidence] | None:
    """The country of a town the gazetteer lacks, read from its sentence: the country of a
    landmark after it (a town a few miles from another is in the same country), else a country
    named after it."""
    for m in ctx.mentions:
        if m.key != city:
            continue
        after = [n for n in ctx.in_sentence(ctx.doc[m.start].sent) if n.start >= m.end and n.key]
        for n in after:
            code = ctx.entities[n.key].country_code
            if ctx.entities[n.key].type == "City" and ctx.is_landmark(n) and code:
                return ctx.country_key(code), ctx.evidence("landmark-country", m.start, n.end, 0.7)
        for n in after:  # "..., en France", "..., in Poland"; not "et vendra ses voitures en Allemagne"
            if ctx.entities[n.key].type == "Country" and ctx.doc[n.start - 1].lower_ in COUNTRY_OPENERS \
                    and not _finite_verb(ctx.doc[m.end:n.start]):
                return n.key, ctx.evidence("city-country-in-sentence", m.start, n.end, 0.6)
    return None


def _finite_verb(span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm") for t in span)


def _cities_in_facts(ctx: Context, facts: list[Fact]) -> list[str]:
    keys: list[str] = []
    for f in facts:
        for k in (f.subject, f.obj, f.qualifier):
            if isinstance(k, str) and k in ctx.entities and ctx.entities[k].type == "City" and k not in keys:
                keys.append(k)
    return keys


def _evidence(ctx: Context, city: str, country: str) -> Evidence:
    for m in ctx.mentions:
        if m.key != city:
            continue
        sent = ctx.doc[m.start].sent
        for c in ctx.in_sentence(sent, "Country"):
            if c.key == country and abs(c.start - m.end) <= 8:
                return ctx.evidence("city-country-in-text", min(m.start, c.start), max(m.end, c.end), 0.95)
    place = ctx.entities[city]
    return Evidence(rule="gazetteer-country", confidence=0.9, source=f"geonames:{place.geonames_id}"
                    if place.geonames_id else "geonames")
