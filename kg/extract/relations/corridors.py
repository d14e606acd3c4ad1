"""``corridor_to``: a trade corridor through a town connects it to a region or country.

A corridor cue (``corridor``, ``route maritime``, ``relie``, ``sail on to``, ``connected by rail
to``) in a sentence that names the town, or refers to it (``the port``, ``la ville``), and the
regions or countries named after the cue. The mode is the nearest mode word before each
destination. Places after a market cue (``exporter vers``, ``exports to``) are markets, not
corridor ends; the town's own country is not a destination.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import Context
from kg.extract.mentions import Mention
from kg.extract.model import Fact
from kg.extract.relations import extractor

DESTINATIONS = ("Country", "Region")
TOWN_WORDS = frozenset({"port", "ville", "city", "town", "hub", "terminal", "gateway", "plateforme", "there", "là",
                        "from there", "de là"})


@extractor("corridor_to")
def corridors(ctx: Context, facts: list[Fact]) -> Iterator[Fact]:
    last_city: Mention | None = None
    sites = {f.obj for f in facts if f.relation in ("has_site_in", "investment")}
    for sent in ctx.sents:
        cities = [m for m in ctx.in_sentence(sent, "City") if not ctx.is_dateline(m)]
        city = cities[0] if cities else (last_city if _refers_to_town(sent) else None)
        # "the port", "from there": the last site town named, not a town named in passing
        named_sites = [m for m in cities if m.key in sites]
        if named_sites or (cities and (last_city is None or last_city.key not in sites)):
            last_city = (named_sites or cities)[-1]
        cues = [c for c in ctx.find("corridor", sent) if not ctx.is_hedged(c.start)]
        if city is None or not cues:
            continue
        own_country = ctx.entities[city.key].country_code
        markets = [m.start for m in ctx.find("market", sent)]
        for dest in ctx.in_sentence(sent, *DESTINATIONS):
            if dest.start < cues[0].start or ctx.is_hedged(dest.start) or ctx.entities[dest.key].country_code == own_country \
                    and ctx.entities[dest.key].type == "Country":
                continue
            if any(cues[0].start < m < dest.start for m in markets if not _cue_between(cues, m, dest.start)):
                continue
            mode = _mode(ctx, sent, dest.start)
            if mode is None:
                continue
            yield Fact("corridor_to", city.key, dest.key,
                       ctx.evidence("corridor-cue", min(cues[0].start, dest.start), dest.end, 0.7), mode=mode, qualifier=mode)


def _cue_between(cues: list[Span], market: int, dest: int) -> bool:
    return any(market < c.start < dest for c in cues)


def _refers_to_town(sent: Span) -> bool:
    return any(t.lower_ in TOWN_WORDS and i < 6 for i, t in enumerate(sent))


def _mode(ctx: Context, sent: Span, before: int) -> str | None:
    best: tuple[int, str] | None = None
    for mode, pattern in ctx.lex.modes.items():
        for m in ctx.find(ctx.lex.rx_mode(mode), sent):
            distance = before - m.end if m.end <= before else 1000 + m.start - before
            if best is None or distance < best[0]:
                best = (distance, mode)
    return best[1] if best else None
