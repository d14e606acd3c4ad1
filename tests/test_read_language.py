"""kg.read.language: French or English, and a clear refusal of other languages."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.errors import ReadError
from kg.read import SUPPORTED_LANGUAGES, detect_language, supported_language

SHORT = [
    ("Nouvelle usine de freins près de Metz", "fr"),
    ("New brake plant near Metz", "en"),
    ("Le chantier naval de Lorient embauche", "fr"),
    ("Lorient shipyard to hire 200 welders", "en"),
    ("Résultats du premier semestre : chiffre d'affaires en hausse de 8 %", "fr"),
    ("First-half results: sales up 8%", "en"),
    ("Le cimentier Calcia relance son four de Gargenville.", "fr"),
    ("Westbrook Steel shuts its Gary furnace.", "en"),
]

LONG = [
    ("Le constructeur ferroviaire Alstom a annoncé jeudi qu’il allait agrandir son site de "
     "Reichshoffen, en Alsace, pour y assembler des rames régionales à hydrogène. Le projet, "
     "évalué à 50 millions d’euros, doit créer 150 emplois d’ici à la fin de 2026. La direction "
     "met en avant la proximité des fournisseurs allemands et suisses, ainsi qu’un raccordement "
     "ferroviaire direct au réseau national. Les premières rames sortiront des ateliers au "
     "printemps, a précisé le directeur du site lors d’une visite de la préfète.", "fr"),
    ("Le groupe papetier Norske Skog a confirmé la conversion de sa machine de Golbey, dans les "
     "Vosges, à la production de carton ondulé recyclé.", "fr"),
    ("Swedish truck maker Scania said on Wednesday it would build a battery assembly line at its "
     "plant in Zwolle, in the Netherlands, to supply its electric trucks from 2026. The company "
     "did not disclose the cost of the project but said about 200 people would work there. "
     "Zwolle was chosen for its road and inland-waterway links to the group's European "
     "customers, a spokesperson said, adding that the Dutch government had offered no "
     "subsidy.", "en"),
    ("Japanese tyre maker Sumitomo Rubber plans to double output at its plant in Tonawanda, "
     "New York, after winning new orders from American carmakers.", "en"),
]

OTHER = [
    ("Der Maschinenbauer Trumpf erweitert sein Werk in Ditzingen und investiert dafür rund "
     "hundert Millionen Euro, wie das Unternehmen am Dienstag mitteilte.", "German (de)"),
    ("La empresa vasca CAF construirá una nueva planta de trenes en Beasain, con una "
     "inversión de sesenta millones de euros y cuatrocientos empleos.", "Spanish (es)"),
    ("Il gruppo siderurgico Arvedi ha inaugurato a Cremona un nuovo impianto di laminazione, "
     "che darà lavoro a duecento persone entro il prossimo anno.", "Italian (it)"),
    ("Het baggerbedrijf Boskalis opent een nieuwe werf in Papendrecht en neemt daar volgend "
     "jaar tweehonderd mensen in dienst, meldde het bedrijf dinsdag.", "Dutch (nl)"),
    ("A fabricante de cortiça Amorim vai abrir uma nova fábrica em Santa Maria da Feira, com "
     "um investimento de trinta milhões de euros e cem novos empregos.", "Portuguese (pt)"),
    ("Компания «Северсталь» построит новый прокатный стан в Череповце и создаст около двухсот "
     "рабочих мест в течение следующих двух лет, сообщила пресс-служба.", "Russian (ru)"),
    ("宁波的一家汽车零部件企业宣布将在墨西哥蒙特雷投资建设新工厂，预计明年投产，"
     "届时将新增约五百个就业岗位，主要生产铝合金车身结构件和电池托盘。", "Chinese (zh)"),
]


@pytest.mark.parametrize(("text", "lang"), SHORT + LONG)
def test_read_language_detects_french_and_english(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(("text", "name"), OTHER)
def test_read_language_refuses_a_clear_other_language(text, name):
    with pytest.raises(ReadError) as caught:
        detect_language(text, source="r.txt")
    assert str(caught.value) == (f"r.txt: the text is in {name}; kg reads fr, en only "
                                 "(force a language if the detection is wrong)")


@pytest.mark.parametrize("text", [
    "Bosch invests in Dresden wafer fab, says Stefan Hartung",  # German names, English prose
    "Siemens Energy AG, Görlitz",
    "Neues Werk in Sachsen",  # German, but too short to be sure
])
def test_read_language_short_text_gets_french_or_english(text):
    assert detect_language(text) in SUPPORTED_LANGUAGES


@pytest.mark.parametrize(("text", "hint", "lang"), [
    ("Siemens Energy AG, Görlitz", "fr", "fr"),
    ("Siemens Energy AG, Görlitz", "en-GB", "en"),
    ("Siemens Energy AG, Görlitz", "de", detect_language("Siemens Energy AG, Görlitz")),
    (LONG[0][0], "en", "fr"),  # a long text is not overruled by a wrong declaration
])
def test_read_language_hint_decides_short_texts(text, hint, lang):
    assert detect_language(text, hint=hint) == lang


@pytest.mark.parametrize("text", ["2024 — 12 345 ; 67,8 %", "—", "¿?"])
def test_read_language_text_without_words_defaults_to_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("tag", "code"), [("fr", "fr"), ("FR", "fr"), ("fr-CA", "fr"),
                                           ("en_US", "en"), (" en ", "en")])
def test_read_language_supported_language(tag, code):
    assert supported_language(tag) == code


@pytest.mark.parametrize("tag", ["de", "es-ES", "", "french"])
def test_read_language_unsupported_language(tag):
    with pytest.raises(ReadError) as caught:
        supported_language(tag, source="x.txt")
    assert str(caught.value) == f"x.txt: language '{tag}' is not supported; kg reads fr, en"


def test_read_language_import_builds_no_detector():
    code = ("import kg.read, kg.read.language as l; "
            "print(l._detector.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_language_is_read_from_the_opening_of_a_long_text() -> None:
    from kg.read.language import SAMPLE_CHARS

    french = "La coopérative laitière a ouvert une fromagerie dans la vallée, près de la rivière. " * 40
    english = "The dairy cooperative opened a cheese plant in the valley, near the river. " * 200
    assert len(french) >= SAMPLE_CHARS
    assert detect_language(french + english) == "fr"
    assert detect_language(english + french) == "en"
