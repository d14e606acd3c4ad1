"""Language data of the extractors (kg.extract.lang): the registry and the French and English lexicons."""
from __future__ import annotations

import dataclasses
import re

import pytest
import spacy

from extract_fixtures import LANGS, bug
from kg.extract.lang import LANGUAGES, Lexicon, lexicon
from kg.extract.model import FACTORS, MODES

FIELDS = [f.name for f in dataclasses.fields(Lexicon)]
REGEX_FIELDS = [f.name for f in dataclasses.fields(Lexicon) if f.type in ("str", str) and f.name not in ("lang", "model")]
# French has no "X-based" compound, and its press conditional is a rumour even when reported
EMPTY_ALLOWED = {("fr", "based_suffix"), ("fr", "reported_future")}


def test_lang_registry() -> None:
    assert set(LANGUAGES) == set(LANGS)
    for lang in LANGS:
        assert lexicon(lang).lang == lang
        assert lexicon(lang) is lexicon(lang)  # built once


def test_lang_unknown_language_is_named() -> None:
    with pytest.raises(ValueError, match="'de'"):
        lexicon("de")


@pytest.mark.parametrize("lang", LANGS)
def test_lang_spacy_model_is_installed(lang: str) -> None:
    assert spacy.util.is_package(lexicon(lang).model)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FIELDS)
def test_lang_every_field_is_defined(lang: str, name: str) -> None:
    value = getattr(lexicon(lang), name)
    other = getattr(lexicon(next(x for x in LANGS if x != lang)), name)
    assert type(value) is type(other)
    if (lang, name) not in EMPTY_ALLOWED:
        assert value, f"{lang}: {name} is empty"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", REGEX_FIELDS)
def test_lang_regexes_compile(lang: str, name: str) -> None:
    assert isinstance(lexicon(lang).rx(name), re.Pattern)


@pytest.mark.parametrize("lang", LANGS)
def test_lang_legal_forms_compile(lang: str) -> None:
    for form in lexicon(lang).legal_forms:
        re.compile(form)


@pytest.mark.parametrize("lang", LANGS)
def test_lang_factors_and_modes_are_the_models(lang: str) -> None:
    lex = lexicon(lang)
    assert set(lex.factors) == set(FACTORS)
    assert set(lex.modes) == set(MODES)
    assert all(isinstance(lex.rx_factor(k), re.Pattern) for k in FACTORS)
    assert all(isinstance(lex.rx_mode(m), re.Pattern) for m in MODES)


@pytest.mark.parametrize(("lang", "key", "sample"), [
    ("fr", "cost", "de faibles coûts"), ("en", "cost", "low costs"),
    ("fr", "logistics", "la logistique"), ("en", "logistics", "logistics"),
    ("fr", "tax", "une fiscalité avantageuse"), ("en", "tax", "tax breaks"),
    ("fr", "geostrategic", "sa position géographique"), ("en", "geostrategic", "its strategic location"),
    ("fr", "legal_stability", "la stabilité politique"), ("en", "legal_stability", "political stability"),
    ("fr", "export_orientation", "une base d'exportation"), ("en", "export_orientation", "an export base"),
    ("fr", "market_proximity", "la proximité des marchés"), ("en", "market_proximity", "close to customers"),
    ("fr", "supply_chain", "la chaîne d'approvisionnement"), ("en", "supply_chain", "the supply chain"),
    ("fr", "raw_materials", "les matières premières"), ("en", "raw_materials", "raw materials"),
    ("fr", "trade_agreements", "l'accord de libre-échange"), ("en", "trade_agreements", "a free-trade agreement"),
    ("fr", "energy", "une électricité bon marché"), ("en", "energy", "cheap electricity"),
    ("fr", "labour", "la main-d'œuvre qualifiée"), ("en", "labour", "skilled workers"),
    ("fr", "incentives", "les aides publiques"), ("en", "incentives", "government incentives"),
])
def test_lang_factor_words(lang: str, key: str, sample: str) -> None:
    assert lexicon(lang).rx_factor(key).search(sample)


@pytest.mark.parametrize(("lang", "mode", "sample"), [
    ("fr", "maritime", "une ligne maritime"), ("en", "maritime", "shipping lines"),
    ("fr", "rail", "une liaison ferroviaire"), ("en", "rail", "a rail corridor"),
    ("fr", "road", "une liaison routière"), ("en", "road", "a road corridor"),
    ("fr", "air", "le fret aérien"), ("en", "air", "air cargo"),
    pytest.param( "fr", "road", "un corridor routier"),
])
def test_lang_mode_words(lang: str, mode: str, sample: str) -> None:
    assert lexicon(lang).rx_mode(mode).search(sample)


@pytest.mark.parametrize(("lang", "name", "sample"), [
    ("fr", "headquarters", "basé à"), ("en", "headquarters", "headquartered in"),
    ("fr", "headquarters", "dont le siège est à"), ("en", "headquarters", "based in"),
    ("fr", "site_nouns", "usine"), ("en", "site_nouns", "plant"),
    ("fr", "site_nouns", "centre de R&D"), ("en", "site_nouns", "R&D centre"),
    ("fr", "roles", "directeur général"), ("en", "roles", "chief executive"),
    ("fr", "role_exclusions", "ministre"), ("en", "role_exclusions", "minister"),
    ("fr", "hedges", "pourrait"), ("en", "hedges", "could"),
    ("fr", "hedges", "étudie la possibilité"), ("en", "hedges", "is considering"),
    ("fr", "negations", "ne construira pas"), ("en", "negations", "not"),
    ("fr", "partnership", "coentreprise"), ("en", "partnership", "joint venture"),
    ("fr", "subsidiary", "filiale de"), ("en", "subsidiary", "subsidiary of"),
    ("fr", "owned_by", "détenue par"), ("en", "owned_by", "owned by"),
    ("fr", "equivalence", "soit"), ("en", "equivalence", "or about"),
    ("fr", "not_investment", "chiffre d'affaires"), ("en", "not_investment", "revenue"),
    ("fr", "not_capacity", "de quoi"), ("en", "not_capacity", "enough to"),
    ("fr", "market", "exporte vers"), ("en", "market", "exports to"),
    ("fr", "corridor", "relie"), ("en", "corridor", "links"),
    ("fr", "descriptions", "le groupe"), ("en", "descriptions", "the company"),
    ("fr", "plural_descriptions", "les deux partenaires"), ("en", "plural_descriptions", "the two companies"),
    ("fr", "listing", "cotée"), ("en", "listing", "listed"),
    ("fr", "investment", "investira"), ("en", "investment", "will invest"),
    ("fr", "rationale", "le choix"), ("en", "rationale", "because"),
])
def test_lang_cue_words(lang: str, name: str, sample: str) -> None:
    assert lexicon(lang).rx(name).search(sample)


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("fr", "SFAX, Tunisie — Helvio Composites a inauguré une usine.", "SFAX"),
    ("fr", "Sfax — Helvio Composites a inauguré une usine.", "Sfax"),
    ("en", "IZMIR, Turkey — Nordkraft Energy opened a battery plant.", "IZMIR"),
])
def test_lang_dateline(lang: str, text: str, place: str) -> None:
    m = re.match(lexicon(lang).dateline, text)
    assert m and m.group("place") == place


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Helvio Composites a inauguré une usine à Sfax."),
    ("en", "Nordkraft Energy opened a battery plant in Izmir — its first abroad."),
])
def test_lang_no_dateline(lang: str, text: str) -> None:
    assert re.match(lexicon(lang).dateline, text) is None


# --- first-character guards (kg.extract.lang.guard) ---------------------------------------------

def _sample_texts() -> list[str]:
    """Every report the tests and examples hold, and text that stresses case and boundaries."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for folder in (root / "tests" / "data", root / "examples")
             for p in sorted(folder.rglob("*")) if p.suffix in {".txt", ".md", ".html"}]
    texts.append("PLANT Usine FACTORY l'USINE «Usine» Plant-based co-entreprise JV-JV Inc.Inc. "
                 "ÉLECTRICITÉ Électricité ſite \u212aelvin İnvest")
    return texts


def _regexes(lang: str) -> list[str]:
    lex = lexicon(lang)
    return ([getattr(lex, name) for name in REGEX_FIELDS if getattr(lex, name)]
            + list(lex.factors.values()) + list(lex.modes.values()))


@pytest.mark.parametrize("lang", LANGS)
def test_lang_guarded_regexes_match_what_the_regexes_match(lang: str) -> None:
    from kg.extract.lang.guard import compile_guarded

    texts = _sample_texts()
    assert len(texts) > 20
    guarded = 0
    for source in _regexes(lang):
        plain, fast = re.compile(source, re.IGNORECASE), compile_guarded(source)
        guarded += fast.pattern != source
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], source
    assert guarded >= len(_regexes(lang)) * 3 // 4  # the lexicons' regexes are nearly all guarded


@pytest.mark.parametrize(("source", "guard"), [
    (r"(?<!\w)(?:plants?|factor(?:y|ies))(?!\w)", "[fp]"),
    (r"(?i)\b(?:set\s+up|formed)\s+by", "[fs]"),  # after the inline flags, which must stay first
    (r"(?<!\w)(?:(?:is\s+|are\s+)?(?:wholly\s+)?owned|controlled)", "[aciow]"),  # optional heads
    (r"(?<!\w)[ée]lectricit[ée]", "[eé]"),
    (r"(?<!\w)(?:\w+\s+)?plant", None),  # "\w": unbounded
    (r"(?<!\w)(?:a|b)?", None),  # may match nothing: no first character
    (r"(?-i:ACME)|acme", None),  # a group with flags of its own
    (r".lant", None),
])
def test_lang_guard_of_a_regex(source: str, guard: str | None) -> None:
    from kg.extract.lang.guard import compile_guarded

    compiled = compile_guarded(source)
    if guard is None:
        assert compiled.pattern == source
    else:
        assert f"(?={guard})" in compiled.pattern
        assert compiled.pattern.replace(f"(?={guard})", "", 1) == source
