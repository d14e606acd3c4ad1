"""kg.read.markdown: the plain text of Markdown reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import read_report
from kg.read.markdown import markdown_to_text

DATA = Path(__file__).parent / "data" / "read"

GRENOBLE = """\
Norvale Composites ouvre une ligne à Grenoble

Le fabricant de pièces en composite Norvale, basé à Lyon, a inauguré jeudi une ligne de \
production à Grenoble.

Les chiffres

Investissement : 12\u00a0millions d'euros ;

Capacité : 4 000 pièces par an ;

Emplois : 85 postes.

Site | Capacité

Grenoble | 4 000 pièces/an

« Nous voulions rester près des Alpes », a déclaré le directeur
général, Paul Girard."""


def test_read_markdown_report():
    report = read_report(DATA / "ligne-grenoble.fr.md")
    assert report.text == GRENOBLE
    assert report.title == "Norvale Composites ouvre une ligne à Grenoble"
    assert report.lang == "fr"
    assert report.media_type == "text/markdown"
    assert report.name == "ligne-grenoble.fr"


@pytest.mark.parametrize(("source", "text"), [
    ("## Usine *neuve* à __Rouen__", "Usine neuve à Rouen"),
    ("## New **mill** in _Leeds_", "New mill in Leeds"),
    ("Voir [le communiqué](https://example.org/c) ici.", "Voir le communiqué ici."),
    ("See [the filing][1].\n\n[1]: https://example.org/f", "See the filing."),
    ("Before ![a plant](p.png) after", "Before after"),
    ("one\ntwo  \nthree", "one two\nthree"),
    ("Code `x = 1` inline", "Code x = 1 inline"),
    ("```\nhidden()\n```\n\n    indented code\n\nkept", "kept"),
    ("<!-- comment -->\n\nkept", "kept"),
    ("<div>Block <b>html</b></div>\n\nkept", "Block html\n\nkept"),
    ("1. first\n2. second\n\n- third", "first\n\nsecond\n\nthird"),
    ("> quoted\n> text", "quoted text"),
    ("Escaped \\*stars\\* &amp; entities &eacute;", "Escaped *stars* & entities é"),
    ("a\n\n---\n\nb", "a\n\nb"),
    ("---\ntitle: x\n---\nBody.", "Body."),
])
def test_read_markdown_strips_markup(source, text):
    assert markdown_to_text(source)[0] == text


@pytest.mark.parametrize(("source", "title"), [
    ("Intro line.\n\n# Heading one\n\n## Two", "Heading one"),
    ("Setext title\n============\n\nBody.", "Setext title"),
    ("No heading at all.", None),
])
def test_read_markdown_title_is_the_first_heading(source, title):
    assert markdown_to_text(source)[1] == title


def test_read_markdown_without_heading_takes_the_first_sentence(tmp_path):
    path = tmp_path / "note.en.md"
    path.write_text("Kestrel Aero will open a *repair hangar* in Toulouse. Work starts in June.\n",
                    encoding="utf-8")
    assert read_report(path).title == "Kestrel Aero will open a repair hangar in Toulouse."
