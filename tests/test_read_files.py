"""kg.read.files: decoding, plain-text reports, errors and the folder walk."""
from __future__ import annotations

import codecs
import hashlib
import unicodedata
from pathlib import Path

import pytest

from kg.errors import ReadError
from kg.read import SUFFIXES, Report, iter_sources, read_report

FR = ("Le groupe lyonnais Verrerie du Rhône a annoncé mardi l’ouverture d’une usine de "
      "flacons à Vénissieux. L’investissement atteint 40 M€ ; « c’est un cœur industriel "
      "pour la région », a déclaré sa présidente, et l’œuvre sera achevée en 2027.")
EN = ("Northfield Castings said on Monday it would spend £85m on a new foundry in Sheffield, "
      "creating 300 jobs. The company’s chairman called the site “a natural choice” because "
      "of its rail links and skilled workforce.")
LATIN_1 = ("La société Métaux de l'Ardèche a inauguré jeudi son atelier de Privas « près de la "
           "rivière », où travaillent déjà cent vingt salariés formés à la chaudronnerie.")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(("text", "encoding", "expected_encoding"), [
    (FR, "utf-8", "utf-8"),
    (EN, "utf-8", "utf-8"),
    (FR, "utf-8-sig", "utf-8-sig"),
    (FR, "utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    (EN, "utf-16-be-bom", "utf-16-be"),
    (FR, "utf-32", "utf-32-le"),
    (FR, "cp1252", "cp1252"),
    (EN, "cp1252", "cp1252"),
    (LATIN_1, "latin-1", "cp1252"),  # cp1252 and latin-1 agree on every printable character
])
def test_read_files_decodes(tmp_path, text, encoding, expected_encoding):
    data = (codecs.BOM_UTF16_BE + text.encode("utf-16-be") if encoding == "utf-16-be-bom"
            else text.encode(encoding))
    report = read_report(write(tmp_path, "report.txt", data))
    assert report.text == text
    assert report.encoding == expected_encoding


@pytest.mark.parametrize("text", [
    "Coût : 5 M€ ; l’œuvre « finie ».",
    "Élargissement du réseau de chaleur à Besançon : 12 M€ d’ici à l’été, selon l’État.",
])
def test_read_files_decodes_short_cp1252(tmp_path, text):
    report = read_report(write(tmp_path, "short.txt", text.encode("cp1252")), lang="fr")
    assert report.text == text


def test_read_files_plain_text_normalises_newlines_bom_and_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Usine de Vénissieux.")
    path = write(tmp_path, "crlf.fr.txt", "\ufeff" + decomposed + "\r\nDeux lignes.\rTrois.  \n")
    report = read_report(path, lang="fr")
    assert report.text == "Usine de Vénissieux.\nDeux lignes.\nTrois.  \n"
    assert report.encoding == "utf-8-sig"


@pytest.mark.parametrize(("name", "text", "lang"), [
    ("verrerie-venissieux.fr.txt", FR, "fr"),
    ("northfield-sheffield.en.txt", EN, "en"),
])
def test_read_files_report_fields(tmp_path, name, text, lang):
    path = write(tmp_path, name, text)
    report = read_report(path)
    assert report == Report(
        path=path, name=name.removesuffix(".txt"), text=text, lang=lang,
        title=text.split(". ")[0] + ".",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type="text/plain", encoding="utf-8",
    )


def test_read_files_title_is_trimmed_between_words(tmp_path):
    words = " ".join(["une"] + ["très longue phrase sans point"] * 10)
    report = read_report(write(tmp_path, "long.txt", words), lang="fr")
    assert len(report.title) <= 120
    assert report.title.endswith("…")
    assert words.startswith(report.title[:-1])


@pytest.mark.parametrize(("line", "title"), [
    ("M. Durand dirige Acier Co. depuis mars. Il part.", "M. Durand dirige Acier Co. depuis mars."),
    ("Mr. Lee joined Westbrook Inc. in May. He left.", "Mr. Lee joined Westbrook Inc. in May."),
])
def test_read_files_title_is_the_first_sentence(tmp_path, line, title):
    assert read_report(write(tmp_path, "t.txt", line), lang="en").title == title


def test_read_files_same_bytes_same_report(tmp_path):
    first = read_report(write(tmp_path, "a.txt", FR.encode("cp1252")))
    again = read_report(write(tmp_path, "a.txt", FR.encode("cp1252")))
    assert first == again


@pytest.mark.parametrize(("forced", "expected"), [("fr", "fr"), ("EN", "en"), ("en-GB", "en")])
def test_read_files_lang_forces_the_language(tmp_path, forced, expected):
    assert read_report(write(tmp_path, "r.txt", FR), lang=forced).lang == expected


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t\r\n ", "only whitespace"),
    ("blank16.txt", "  \n".encode("utf-16"), "only whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (NUL bytes)"),
    ("noise.txt", bytes(range(1, 256)) * 4, "cannot tell its text encoding"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a", "not valid UTF-16-LE"),
    ("report.pdf", b"%PDF-1.7", "unsupported file type '.pdf'"),
    ("README", b"text", "unsupported file type without a suffix"),
    ("empty.html", b"<html><body><script>x()</script><nav>Menu</nav></body></html>",
     "no text left once its text/html markup is removed"),
])
def test_read_files_errors_name_file_and_problem(tmp_path, name, data, problem):
    path = tmp_path / name if data is None else write(tmp_path, name, data)
    with pytest.raises(ReadError) as caught:
        read_report(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_read_files_error_on_a_folder(tmp_path):
    with pytest.raises(ReadError, match=r": is a folder, not a report file"):
        read_report(tmp_path)


def test_read_files_error_on_a_forced_unsupported_language(tmp_path):
    path = write(tmp_path, "r.txt", FR)
    with pytest.raises(ReadError, match=r"r\.txt: language 'de' is not supported; kg reads fr, en"):
        read_report(path, lang="de")


def test_read_files_error_on_a_german_report(tmp_path):
    path = write(tmp_path, "werk.txt", "Der Maschinenbauer Kessler aus Ulm baut für 60 Millionen "
                                       "Euro ein neues Werk in Sachsen, teilte das Unternehmen am "
                                       "Mittwoch mit. Dort sollen 250 Arbeitsplätze entstehen.")
    with pytest.raises(ReadError, match=r"werk\.txt: the text is in German \(de\); kg reads fr"):
        read_report(path)


def test_read_files_other_code_pages_are_decoded_then_refused(tmp_path):
    russian = ("Металлургический комбинат в Липецке запустит новую линию горячего цинкования "
               "в следующем году, сообщила компания во вторник.")
    path = write(tmp_path, "lipetsk.txt", russian.encode("cp1251"))
    with pytest.raises(ReadError, match=r"lipetsk\.txt: the text is in Russian \(ru\)"):
        read_report(path)
    assert read_report(path, lang="en").text == russian


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ["b.txt", "a.md", "c.html", "d.htm", "e.markdown", "notes.pdf", "data.json",
                 ".hidden.txt", "README.md", "sub/readme.txt", "sub/z.txt", "sub/deeper/y.TXT",
                 "sub/a.txt", ".git/x.txt", "Upper.txt"]:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Une ligne de texte.", encoding="utf-8")
    return tmp_path / "in"


def test_read_files_walks_folders_sorted_and_filtered(tree):
    found = [p.relative_to(tree).as_posix() for p in iter_sources([tree])]
    assert found == ["Upper.txt", "a.md", "b.txt", "c.html", "d.htm", "e.markdown",
                     "sub/a.txt", "sub/z.txt", "sub/deeper/y.TXT"]


def test_read_files_keeps_files_as_given_and_once(tree):
    given = [tree / "notes.pdf", tree / ".hidden.txt", tree / "sub", tree / "sub" / "z.txt"]
    found = [p.relative_to(tree).as_posix() for p in iter_sources(given)]
    assert found == ["notes.pdf", ".hidden.txt", "sub/a.txt", "sub/z.txt", "sub/deeper/y.TXT"]


def test_read_files_missing_input_fails_before_any_file(tree):
    with pytest.raises(ReadError, match=r"nowhere: no such file or folder"):
        iter_sources([tree, tree / "nowhere"])


def test_read_files_suffixes():
    assert SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")
