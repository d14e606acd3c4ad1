"""``located_in``: the country of every town that other facts name.

From the text when the report names the town's country beside it ("Gyor, Hungary's sixth
city", "Meknès, au nord du Maroc"), else from the gazetteer, with that provenance. Towns only
mentioned in passing (a dateline, a signing venue) take part in no fact and get none.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extract.context import Context
from kg.extract.model import Evidence, Fact
from kg.extract.relations import extractor
from kg.places import gazetteer


@extractor("located_in")
def located_in(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    for key in _cities_in_facts(ctx, facts):
        city = ctx.entities[key]
        if not city.country_code:
            continue
        country_key = ctx.country_key(city.country_code)
        yield Fact("located_in", key, country_key, _evidence(ctx, key, country_key))


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
