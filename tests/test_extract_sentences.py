"""Sentence boundaries set before parsing (kg.extract.sentences, the ``kg_sentences`` component)."""
from __future__ import annotations

import pytest

from extract_fixtures import bug, parse  # noqa: F401  (fixture)


def _sentences(parse, lang: str, text: str) -> list[str]:
    return [s.text.strip() for s in parse(lang, text).doc.sents]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Valoris Batteries Co., Ltd. a ouvert une usine. Elle emploie 300 personnes.",
     ["Valoris Batteries Co., Ltd. a ouvert une usine.", "Elle emploie 300 personnes."]),
    ("en", "Valoris Batteries Co., Ltd. opened a plant. It employs 300 people.",
     ["Valoris Batteries Co., Ltd. opened a plant.", "It employs 300 people."]),
    ("fr", "M. Dupont a visité le site de Sfax. Il a salué le projet.",
     ["M. Dupont a visité le site de Sfax.", "Il a salué le projet."]),
    ("en", "Mr. Smith visited the site in Pune. He praised the project.",
     ["Mr. Smith visited the site in Pune.", "He praised the project."]),
    ("fr", "« Nous sommes fiers », a déclaré J. Martin. Le site ouvrira en 2026.",
     ["« Nous sommes fiers », a déclaré J. Martin.", "Le site ouvrira en 2026."]),
    ("en", "\"We are proud.\" The plant will open in 2026.",
     ["\"We are proud.\"", "The plant will open in 2026."]),
    ("fr", "La capacité atteindra 3,5 GWh. Le groupe est satisfait.",
     ["La capacité atteindra 3,5 GWh.", "Le groupe est satisfait."]),
    ("en", "It opened on Jan. 5 in Pune. Sales rose.", ["It opened on Jan. 5 in Pune.", "Sales rose."]),
    ("en", "Is the plant ready? Yes, it opens in May.", ["Is the plant ready?", "Yes, it opens in May."]),
    ("fr", "Résultats annuels\n\nLe groupe a publié ses comptes.", ["Résultats annuels", "Le groupe a publié ses comptes."]),
    pytest.param(
        "en", "Kestrel Motors signed a deal with Atlas Cables Ltd. The plant opens in May.",
        ["Kestrel Motors signed a deal with Atlas Cables Ltd.", "The plant opens in May."]),
    pytest.param(
        "fr", "Kestrel Motors a signé avec Atlas Câbles SA. Le site ouvrira en mai.",
        ["Kestrel Motors a signé avec Atlas Câbles SA.", "Le site ouvrira en mai."]),
    pytest.param(
        "en", "The plant is full!  Next year it doubles.", ["The plant is full!", "Next year it doubles."]),
    pytest.param(
        "fr", "L'usine tourne à plein.  Le groupe recrute.", ["L'usine tourne à plein.", "Le groupe recrute."]),
])
def test_sentences_boundaries(parse, lang: str, text: str, expected: list[str]) -> None:
    assert _sentences(parse, lang, text) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'usine de Kestrel Motors est située à\nPune et ouvrira bientôt."),
    ("en", "The plant of Kestrel Motors is in\nPune and opens soon."),
    ("fr", "Le site de St. Louis emploie 50 personnes."),
    ("en", "Kestrel Motors Inc. and Nordkraft Energy AG signed the deal."),
])
def test_sentences_no_break_inside(parse, lang: str, text: str) -> None:
    """A wrapped line, an abbreviation or a legal form ends no sentence."""
    assert len(_sentences(parse, lang, text)) == 1
