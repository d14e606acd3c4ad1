"""Clauses that are only considered, rumoured, denied or hypothetical (kg.extract.modality).

What the guidelines count: decided and announced plans are facts; what is considered, rumoured,
denied or hypothetical is not. A cue on the main verb hedges its clause but spares a relative
clause inside it; a clause after ``;``, ``mais``, ``but`` stands on its own.
"""
from __future__ import annotations

import pytest

from extract_fixtures import bug, find, parse, shown  # noqa: F401  (fixture)


def _token(ctx, word: str) -> int:
    return next(t.i for t in ctx.doc if t.text == word)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Helvio Materials étudie la possibilité d'une usine à Sfax."),
    ("en", "Helvio Materials is considering a plant in Sfax."),
    ("fr", "Kestrel Motors pourrait annoncer une usine à Chennai."),
    ("en", "Helvio Materials could open a factory in Sfax next year."),
    ("fr", "Helvio Materials envisage une usine à Sfax."),
    ("en", "Kestrel Motors is weighing a plant in Chennai."),
    ("fr", "Selon des rumeurs, Kestrel Motors ouvrira une usine à Chennai."),
    ("en", "Kestrel Motors is rumoured to be eyeing a plant in Chennai."),
    ("en", "Kestrel Motors reportedly plans a plant in Chennai."),
    ("fr", "Helvio Materials n'envisage pas d'usine à Sfax."),
    ("en", "Helvio Materials will not build a plant in Sfax."),
    ("fr", "Helvio Materials ne construira pas d'usine à Sfax."),
    ("fr", "Helvio Materials a abandonné son projet d'usine à Sfax."),
    ("en", "Helvio Materials has scrapped plans for a plant in Sfax."),
    ("fr", "Helvio Materials a renoncé à son projet d'usine à Sfax."),
    ("en", "Kestrel Motors denied reports that it would build a plant in Chennai."),
    ("fr", "Si la demande progresse, Kestrel Motors construira une usine à Chennai."),
    ("en", "If demand grows, Kestrel Motors will build a plant in Chennai."),
    ("en", "Kestrel Motors is expected to announce a plant in Chennai."),
    ("en", "Kestrel Motors said it would consider a plant in Chennai."),
    ("en", "Kestrel Motors would build a plant in Chennai, analysts believe."),
    ("fr", "Kestrel Motors a indiqué que l'usine serait construite à Chennai."),  # the press conditional
])
def test_modality_hedged_site_is_no_fact(parse, lang: str, text: str) -> None:
    ctx = parse(lang, text)
    assert not find(ctx, "has_site_in"), shown(ctx)


@pytest.mark.parametrize(("lang", "text", "subject", "city"), [
    ("fr", "Helvio Materials va construire une usine à Sfax.", "Helvio Materials", "Sfax"),
    ("en", "Helvio Materials is going to build a plant in Sfax.", "Helvio Materials", "Sfax"),
    ("fr", "Helvio Materials prévoit de construire une usine à Sfax.", "Helvio Materials", "Sfax"),
    ("en", "Helvio Materials plans to build a plant in Sfax.", "Helvio Materials", "Sfax"),
    ("fr", "Kestrel Motors a confirmé qu'il construira une usine à Pune.", "Kestrel Motors", "Pune"),
    ("en", "Kestrel Motors confirmed it will build a plant in Pune.", "Kestrel Motors", "Pune"),
    ("fr", "Kestrel Motors a décidé de construire une usine à Pune.", "Kestrel Motors", "Pune"),
    ("en", "Kestrel Motors has decided to build a plant in Pune.", "Kestrel Motors", "Pune"),
    # the future of reported speech
    ("en", "Kestrel Motors said it would build a plant in Pune.", "Kestrel Motors", "Pune"),
    ("en", "Kestrel Motors announced that it would open a plant in Pune in 2027.", "Kestrel Motors", "Pune"),
    # a negation that bears on no verb hedges nothing
    ("en", "Kestrel Motors opened a plant in Pune, no more than 20 km from the port.", "Kestrel Motors", "Pune"),
    ("fr", "Kestrel Motors a ouvert une usine à Pune, non loin de Mumbai.", "Kestrel Motors", "Pune"),
    ("en", "Kestrel Motors opened its first plant in Pune, not far from Mumbai.", "Kestrel Motors", "Pune"),
    # a hedge after the fact, in a clause of its own
    ("fr", "Kestrel Motors a ouvert une usine à Pune, ce qui n'était pas prévu.", "Kestrel Motors", "Pune"),
    ("en", "Kestrel Motors will build a plant in Pune, a city it may also use for exports.", "Kestrel Motors", "Pune"),
    pytest.param(
        "en", "In May, Kestrel Motors opened a plant in Pune.", "Kestrel Motors", "Pune"),
    pytest.param(
        "en", "Kestrel Motors, which did not disclose the cost, opened a plant in Pune.", "Kestrel Motors", "Pune"),
    pytest.param(
        "fr", "Kestrel Motors, qui n'a pas dévoilé le coût, a ouvert une usine à Pune.", "Kestrel Motors", "Pune"),
])
def test_modality_decided_plan_is_a_fact(parse, lang: str, text: str, subject: str, city: str) -> None:
    ctx = parse(lang, text)
    assert find(ctx, "has_site_in", subject, city), shown(ctx)


@pytest.mark.parametrize(("lang", "text", "fact_city", "hedged_city"), [
    # a relative clause inside a hedged sentence is spared
    ("en", "Kestrel Motors, which is building a plant in Pune, is considering a second site in Chennai.", "Pune", "Chennai"),
    ("fr", "Kestrel Motors, qui construit une usine à Pune, envisage un second site à Chennai.", "Pune", "Chennai"),
    ("en", "Nordkraft Energy, which operates a plant in Gyor, could build a second one in Pecs.", "Gyor", "Pecs"),
    ("fr", "Nordkraft Energy, qui exploite une usine à Győr, pourrait en construire une seconde à Pécs.", "Győr", "Pécs"),
    # a clause after ";", "mais", "but" stands on its own
    ("en", "Kestrel Motors opened a plant in Pune; it may build another one in Chennai.", "Pune", "Chennai"),
    ("fr", "Kestrel Motors a ouvert une usine à Pune, mais pourrait en construire une autre à Chennai.", "Pune", "Chennai"),
    pytest.param(
        "en", "Kestrel Motors opened a plant in Pune, but a second factory in Chennai may follow.", "Pune", "Chennai"),
    bug("a hedge after the site noun ('une seconde usine à X pourrait suivre') does not reach back to the site",
        "fr", "Kestrel Motors a ouvert une usine à Pune, mais une seconde usine à Chennai pourrait suivre.", "Pune", "Chennai"),
])
def test_modality_scope(parse, lang: str, text: str, fact_city: str, hedged_city: str) -> None:
    ctx = parse(lang, text)
    assert find(ctx, "has_site_in", obj=fact_city), shown(ctx)
    assert not find(ctx, "has_site_in", obj=hedged_city), shown(ctx)


@pytest.mark.parametrize(("lang", "text", "hedged", "free"), [
    ("fr", "Kestrel Motors pourrait construire une usine à Pune.", "usine", None),
    ("en", "Kestrel Motors could build a plant in Pune.", "plant", None),
    ("en", "Kestrel Motors, which is building a plant in Pune, is considering a second site in Chennai.", "Chennai", "Pune"),
    ("fr", "Kestrel Motors, qui construit une usine à Pune, envisage un second site à Chennai.", "Chennai", "Pune"),
    ("fr", "Kestrel Motors a ouvert une usine à Pune, mais pourrait fermer celle de Chennai.", "Chennai", "Pune"),
    ("en", "Kestrel Motors opened a plant in Pune; it may close the one in Chennai.", "Chennai", "Pune"),
])
def test_modality_hedged_tokens(parse, lang: str, text: str, hedged: str, free: str | None) -> None:
    ctx = parse(lang, text)
    assert _token(ctx, hedged) in ctx.hedged
    if free is not None:
        assert _token(ctx, free) not in ctx.hedged


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Kestrel Motors a ouvert une usine à Pune en mai."),
    ("en", "Kestrel Motors opened a plant in Pune."),
    ("fr", "Le groupe Kestrel Motors emploie 900 personnes à Pune."),
])
def test_modality_plain_statement_hedges_nothing(parse, lang: str, text: str) -> None:
    assert parse(lang, text).hedged == set()
