"""Descriptions and pronouns resolved to the organizations they stand for (kg.extract.coref)."""
from __future__ import annotations

import pytest

from extract_fixtures import bug, find, parse, shown  # noqa: F401  (fixture)


def _resolved(ctx, phrase: str) -> list[str]:
    """Names of the organizations the first reference written ``phrase`` stands for."""
    for ref in ctx.references:
        if ctx.doc[ref.start:ref.end].text == phrase:
            return sorted(ctx.entities[k].name for k in ref.keys)
    raise AssertionError(f"no reference {phrase!r} in {[ctx.doc[r.start:r.end].text for r in ctx.references]}")


@pytest.mark.parametrize(("lang", "text", "phrase", "expected"), [
    ("fr", "Kestrel Motors a présenté ses résultats. Le groupe construira une usine à Monterrey.",
     "Le groupe", ["Kestrel Motors"]),
    ("en", "Kestrel Motors presented its results. The company will build a plant in Monterrey.",
     "The company", ["Kestrel Motors"]),
    ("fr", "Kestrel Motors a présenté ses résultats. Il construira une usine à Monterrey.", "Il", ["Kestrel Motors"]),
    ("en", "Kestrel Motors presented its results. It will build a plant in Monterrey.", "It", ["Kestrel Motors"]),
    ("fr", "Kestrel Motors a présenté ses résultats. La société est basée à Detroit.", "La société", ["Kestrel Motors"]),
    ("en", "Kestrel Motors presented its results. The carmaker is based in Detroit.", "The carmaker", ["Kestrel Motors"]),
    ("fr", "Kestrel Motors a présenté ses résultats. Le constructeur américain ouvrira un site à Pune.",
     "Le constructeur américain", ["Kestrel Motors"]),
    ("en", "Kestrel Motors presented its results. Its new plant in Pune will open soon.", "Its", ["Kestrel Motors"]),
    ("fr", "Kestrel Motors a présenté ses résultats. Son usine de Pune ouvrira en mai.", "Son", ["Kestrel Motors"]),
    # the subject stays in focus, not the partner named after it
    ("fr", "Kestrel Motors a signé un accord de fourniture avec Nordkraft Energy. Le groupe construira une usine à Pune.",
     "Le groupe", ["Kestrel Motors"]),
    ("en", "Kestrel Motors signed a supply deal with Nordkraft Energy. The company will build a plant in Pune.",
     "The company", ["Kestrel Motors"]),
    # a parent named in a prepositional phrase is no antecedent of a subject pronoun
    ("fr", "Ferrano Automotive est une filiale de Kestrel Motors. Elle construira une usine à Pitesti.",
     "Elle", ["Ferrano Automotive"]),
    ("en", "Ferrano Automotive is a subsidiary of Kestrel Motors. It will build a plant in Pitesti.",
     "It", ["Ferrano Automotive"]),
    # plural descriptions and pronouns stand for the organizations named together
    ("en", "Kestrel Motors and Nordkraft Energy signed a joint venture agreement. "
           "The two companies will build a battery plant in Monterrey.",
     "The two companies", ["Kestrel Motors", "Nordkraft Energy"]),
    ("fr", "Kestrel Motors et Nordkraft Energy ont signé un accord de coentreprise. "
           "Les deux partenaires construiront une usine de batteries à Monterrey.",
     "Les deux partenaires", ["Kestrel Motors", "Nordkraft Energy"]),
    ("en", "Baltica Steel and Ferrovia Logistics signed an agreement. They will build a terminal in Gdansk.",
     "They", ["Baltica Steel", "Ferrovia Logistics"]),
    ("fr", "Baltica Steel et Ferrovia Logistics ont signé un accord. Elles construiront un terminal à Gdansk.",
     "Elles", ["Baltica Steel", "Ferrovia Logistics"]),
    bug("a description in an oblique complement ('supplies batteries to the carmaker') resolves to the "
        "sentence's own subject instead of the carmaker named before",
        "en", "Kestrel Motors opened a plant in Pune. Nordkraft Energy supplies batteries to the carmaker.",
        "the carmaker", ["Kestrel Motors"]),
    bug("a description in an oblique complement ('un contrat avec le constructeur') resolves to the "
        "sentence's own subject instead of the carmaker named before",
        "fr", "Kestrel Motors a ouvert une usine à Pune. Nordkraft Energy a signé un contrat avec le constructeur.",
        "le constructeur", ["Kestrel Motors"]),
])
def test_coref_resolves_to(parse, lang: str, text: str, phrase: str, expected: list[str]) -> None:
    assert _resolved(parse(lang, text), phrase) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le groupe Kestrel Motors a ouvert une usine à Pune."),
    ("en", "The group Kestrel Motors opened a plant in Pune."),
    ("fr", "Le constructeur Kestrel Motors a ouvert une usine à Pune."),
])
def test_coref_description_before_a_name_is_its_determiner(parse, lang: str, text: str) -> None:
    """ "le groupe X" names X once: the description is no separate reference."""
    assert parse(lang, text).references == []


@pytest.mark.parametrize(("lang", "text", "subject", "city"), [
    ("fr", "Kestrel Motors a présenté ses résultats. Le groupe construira une usine à Monterrey.",
     "Kestrel Motors", "Monterrey"),
    ("en", "Kestrel Motors presented its results. The company will build a plant in Monterrey.",
     "Kestrel Motors", "Monterrey"),
    ("fr", "Kestrel Motors a présenté ses résultats. Le constructeur construira une usine à Pune. "
           "Il emploiera 900 personnes.", "Kestrel Motors", "Pune"),
    ("en", "Ferrano Automotive is a subsidiary of Kestrel Motors. It will build a plant in Pitesti.",
     "Ferrano Automotive", "Pitesti"),
])
def test_coref_facts_go_to_the_organization(parse, lang: str, text: str, subject: str, city: str) -> None:
    ctx = parse(lang, text)
    assert [r.text for r in find(ctx, "has_site_in")] == [r.text for r in find(ctx, "has_site_in", subject, city)]
    assert find(ctx, "has_site_in", subject, city), shown(ctx)
