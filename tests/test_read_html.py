"""kg.read.html: the article text of a page, and HTML reports read through read_report."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import read_report
from kg.read.html import html_paragraphs, html_to_text

DATA = Path(__file__).parent / "data" / "read"

VALENCIENNES = """\
Les Fonderies de l’Escaut investissent à Valenciennes

Le fondeur nordiste construira une nouvelle ligne de pièces en aluminium.

Valenciennes, 3\u00a0février — Les Fonderies de l’Escaut, basées à Lille, vont investir \
45\u00a0millions d’euros dans une usine de pièces moulées. Le site emploiera 220\u00a0salariés \
d’ici à 2027.

Selon la direction, le choix du site tient à trois raisons\u00a0:

la proximité du port fluvial de Bruay-sur-l’Escaut\u00a0;

le coût de l’électricité, négocié sur dix ans\u00a0;

un bassin d’emploi formé à la métallurgie.

Contact presse\u00a0:
Claire Martin
Fonderies de l’Escaut & Cie

Capacité | Mise en service

18\u00a0000\u00a0t/an | 2027"""

COLUMBUS = """\
Harbor Polymers picks Ohio for resin plant

COLUMBUS, Ohio — Harbor Polymers Inc., a resin maker based in Houston, said on Tuesday it \
would build a $310\u00a0million plant near Columbus.

The plant is due to open in 2028 and will make 90,000 tonnes of resin a year.

“Ohio gives us rail links to our customers,” said chief executive Dana Ruiz.

Rail access to the Midwest;

Lower power prices;

State tax credits & grants."""


@pytest.mark.parametrize(("name", "text", "title", "lang"), [
    ("usine-valenciennes.fr.html", VALENCIENNES,
     "Les Fonderies de l’Escaut investissent à Valenciennes", "fr"),
    ("plant-columbus.en.html", COLUMBUS, "Harbor Polymers picks Ohio for resin plant", "en"),
])
def test_read_html_report(name, text, title, lang):
    report = read_report(DATA / name)
    assert report.text == text
    assert report.title == title
    assert report.lang == lang
    assert report.media_type == "text/html"
    assert report.name == name.removesuffix(".html")


@pytest.mark.parametrize("name", ["usine-valenciennes.fr.html", "plant-columbus.en.html"])
def test_read_html_drops_page_furniture(name):
    text = read_report(DATA / name).text
    for furniture in ("dataLayer", "trackRead", "font-family", "Industrie", "Home", "Publicité",
                      "À lire aussi", "Mentions légales", "Copyright", "cookies", "bloc"):
        assert furniture not in text


def test_read_html_title_falls_back_to_the_title_element():
    page = html_to_text("<html><head><title>Cable &amp; Wire\n Co: new mill</title></head>"
                        "<body><p>Text.</p></body></html>")
    assert page.title == "Cable & Wire Co: new mill"


@pytest.mark.parametrize(("markup", "lang"), [
    ('<html lang="fr-CA"><body><p>x</p></body></html>', "fr-CA"),
    ("<html><body><p>x</p></body></html>", None),
])
def test_read_html_declared_language(markup, lang):
    assert html_to_text(markup).lang == lang


@pytest.mark.parametrize(("markup", "hint", "expected"), [
    # Too short to tell: the page's own declaration decides.
    ("<html lang='fr'><body><p>Westbrook Steel, Ohio</p></body></html>", "fr", "fr"),
    ("<html lang='en'><body><p>Westbrook Steel, Ohio</p></body></html>", "en", "en"),
    # Long enough: the text wins over a wrong declaration.
    ("<html lang='en'><body><p>Le groupe a annoncé mardi qu’il construirait une deuxième usine "
     "de batteries dans le nord de la France, où il emploie déjà mille salariés.</p></body></html>",
     "en", "fr"),
])
def test_read_html_language_hint(tmp_path, markup, hint, expected):
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    assert read_report(path).lang == expected


@pytest.mark.parametrize(("fragment", "paragraphs"), [
    ("<p>one <b>bold</b>word</p><p>two</p>", ["one boldword", "two"]),
    ("<div>a<div>b</div>c</div>", ["a", "b", "c"]),
    ("<p>line one<br>line two<br/><br>new paragraph</p>", ["line one\nline two", "new paragraph"]),
    ("<p>  spaced \n\t out\u00a0text  </p>", ["spaced out\u00a0text"]),
    ("<p>&eacute;t&eacute; &lt;b&gt; &#x20AC;&#8364; &amp;amp;</p>", ["été <b> €€ &amp;"]),
    ("<ul><li>first</li><li>second <i>item</i></li></ul>", ["first", "second item"]),
    ("<p>Dunker\u00adque<!-- note --></p>", ["Dunkerque"]),
    ("<p>shown</p><p hidden>gone</p><p aria-hidden='true'>gone</p>"
     "<p style='color:red; DISPLAY:none'>gone</p>", ["shown"]),
    ("<table><tr><th>Site</th><td>Lille</td></tr></table>", ["Site | Lille"]),
    ("<p>a</p><hr><p>b</p>", ["a", "b"]),
    ("<p>&nbsp;</p><p>kept</p>", ["kept"]),
])
def test_read_html_paragraphs(fragment, paragraphs):
    assert html_paragraphs(fragment) == paragraphs


def test_read_html_deep_nesting_does_not_overflow():
    depth = 5000
    fragment = "<span>" * depth + "deep" + "</span>" * depth
    assert html_paragraphs(fragment) == ["deep"]


def test_read_html_header_inside_article_is_kept():
    page = html_to_text("<body><header><p>Site menu</p></header><article><header><h1>Headline"
                        "</h1></header><p>Body.</p></article></body>")
    assert page.text == "Headline\n\nBody."
    assert page.title == "Headline"


def test_read_html_decomposed_references_are_composed(tmp_path):
    path = tmp_path / "nfd.html"
    path.write_text("<p>Vall&#xE9;e de l&#x2019;Ise&#x300;re</p>", encoding="ascii")
    assert read_report(path, lang="fr").text == "Vallée de l’Isère"


def test_read_html_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "cp1252.html"
    markup = ('<html><head><meta charset="windows-1252"></head><body><p>L’œuvre coûte 3 M€, '
              "« enfin »</p></body></html>")
    path.write_bytes(markup.encode("cp1252"))
    report = read_report(path, lang="fr")
    assert report.text == "L’œuvre coûte 3 M€, « enfin »"
    assert report.encoding == "cp1252"
