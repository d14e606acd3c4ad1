"""What a name names: a town, a country, a region, a person, an organization, or none of these.

The rules, strongest first: the dateline names a place; a legal form or a description right
before the name (``le groupe X``, ``the carmaker X``) makes an organization; a name the
gazetteer knows is a place when NER, a locative preposition or its size say so
(``à Meknès``, ``Sfax``), and an industrial zone or port named after a town stands for the town
(``Varna Gateway``, ``Zona Franca de Vigo``); a name the text calls a town is one, known to
the gazetteer or not (``X, a town of 3,000 people``, ``the town of X``); a person's name has
the shape of one; what NER calls an organization, or bears an organization word, is one;
nationality adjectives, events, exchanges, product codes and units are none. Last, a name typed an organization
anywhere (or the start of a longer organization name) is one everywhere it is not plainly a
place.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import ADJ
from spacy.tokens import Doc, Span

from kg.extract.lang import Lexicon
from kg.extract.mentions import (
    EXCHANGE_WORDS, LOCATIVE, ORG_LABELS, PERSON_LABELS, PLACE_LABELS, PRODUCT_HEADS, Mention, amounts_of, fold,
    text_of,
)
from kg.places import Place, gazetteer
from kg.places.subdivisions import is_subdivision

# Capitalized abbreviations of business words, which NER takes for organizations.
BUSINESS_ABBREVIATIONS = frozenset({"r&d", "m&a", "ipo", "esg", "rse", "ebitda", "ebit", "capex", "opex", "b2b", "b2c"})
LARGE_TOWN = 100_000  # a company-like name is a town only if the town is at least this large
SMALL_TOWN = 15_000  # below this, a town needs its country named in the report, or "à"
NOT_NAMES = frozenset({"NORP", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "MISC-PART", "EVENT-PART", "LAW-PART",
                       "WORK_OF_ART-PART", "DATE", "TIME"})
FACILITY_WORDS = frozenset(
    "gateway port med tech park parc zone zona franca free city cité industrial industriel industrielle "
    "logistics hub terminal airport aéroport dry freeport sez".split()
)
ZONE_HEAD = re.compile(r"(?i)^(?:zone|zona|parc|park|port|cité|free\s+zone|technopole|technopark|plateforme)\b")
COUNTRY_ONLY_BEFORE = frozenset({"en"})  # French: "en Aragon", "en Espagne" name a region or country
GEOGRAPHIC_WORDS = frozenset(
    "sea ocean gulf coast river lake strait bay canal mountains valley desert peninsula island islands "
    "plains prairie prairies steppe steppes highlands lowlands delta "
    "mer océan golfe côte fleuve lac détroit baie canal montagnes vallée désert péninsule île îles "
    "plaine plaines steppe steppes hauts-plateaux delta "
    "atlantic pacific mediterranean caspian baltic arctic atlantique pacifique méditerranée".split()
)
# A trade route named as such is no company: "the Varna Corridor", "le corridor de Varna",
# "the Northern Transport Route".
ROUTE_NAME = re.compile(r"(?i)^(?:corridors?|routes?)\s+(?:de|du|des|d['’])|\b(?:corridors?|route|routes)$")
EVENT_WORDS = re.compile(r"(?i)\b(?:forum|summit|sommet|conference|conférence|congress|congrès|expo|exposition|"
                         r"fair|salon|olympics|jeux|world\s+cup|coupe\s+du\s+monde)$")
PRODUCT_NOUNS = frozenset(  # a name right before one of these names a product: "the X-Trail SUV", "le modèle Y"
    "van vans suv suvs car cars sedan pickup pick-up truck trucks bus buses model models vaccine drug tablet "
    "phone smartphone chip chips engine engines tyre tyres tire tires scooter motorcycle aircraft jet "
    "berline camionnette utilitaire camion camions autobus moteur moteurs vaccin médicament puce".split()
)
SUBSIDIARY_NOUNS = frozenset({"filiale", "filiales", "subsidiary", "subsidiaries", "unit", "units", "arm", "arms",
                              "division", "divisions", "branche", "branches"})
HONORIFICS = frozenset({"m", "mr", "mrs", "ms", "mme", "mlle", "dr", "pr", "prof", "sir", "dame"})
# "X, a town of 3,000 people", "X, un village situé à ...", "the town of X": X is a town.
TOWN_NOUNS = frozenset("town city village commune municipality township borough hamlet "
                       "ville village commune bourgade localité municipalité bourg hameau".split())
CALLED_A_TOWN = 0.95  # the confidence of such a town, which NER's guesses elsewhere yield to
TOWN_APPOSITION_GAP = 3  # words between the comma and the town noun: an article and a few adjectives
TOWN_PREPOSITIONS = {"fr": ("à",), "en": ()}  # French names a town after "à", a country after "en"
COUNTRY_PREPOSITIONS = {"fr": ("en", "au", "aux"), "en": ("in",)}  # "à Valence, en Espagne"
# What opens a locative aside between a town and its country: "X, sur la côte nord de Java, en Indonésie".
ASIDE_PREPOSITIONS = frozenset({"sur", "dans", "près", "au", "à", "on", "near", "in", "at", "about", "some"})
LIST_WORDS = frozenset({"and", "or", "&", "et", "ou"})
TICKER_CUES = frozenset({"ticker", "symbol", "symbole", "code", "codes", "mnémonique"})
MIXED_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[\w-]+$")


def classify_all(doc: Doc, spans: list[tuple[int, int, str]], lex: Lexicon,
                 dateline: tuple[int, int] | None) -> list[Mention]:
    amounts = [(a.start, a.end) for a in amounts_of(doc, lex.lang) if a.kind != "count"]
    spans = [s for s in spans if not _in_amount(doc[s[0]:s[1]], amounts)]
    countries = _country_context(doc, spans, lex)
    acronyms = _product_acronyms(doc, spans)
    mentions = [_classify(doc, s, e, label, lex, countries, dateline, acronyms) for s, e, label in spans]
    _first_words_of_orgs(mentions)
    mentions = [m for m in mentions if m.type != "Drop"]
    _consistent_orgs(doc, mentions, dateline)
    return mentions


def _first_words_of_orgs(mentions: list[Mention]) -> None:
    """A capitalized word opening a sentence is dropped as no name, unless the report names an
    organization that starts with it ("Norvik founder Anders Berg" after "Norvik Group")."""
    firsts = {fold(m.text.split()[0]) for m in mentions if m.type == "Organization" and len(m.text.split()) > 1}
    for m in mentions:
        if m.type == "Drop" and m.end - m.start == 1 and fold(m.text) in firsts:
            m.type, m.confidence = "Organization", 0.6


def _in_amount(span: Span, amounts: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in amounts)


def _country_context(doc: Doc, spans, lex: Lexicon) -> tuple[str, ...]:
    """ISO codes of the countries the report names or whose nationality it uses."""
    codes: list[str] = []
    gaz = gazetteer()
    for start, end, _ in spans:
        text = doc[start:end].text
        place = gaz.resolve(text, kinds=("Country",), lang=lex.lang) or gaz.demonym_country(text)
        if place is not None and place.country_code not in codes:
            codes.append(place.country_code)
    # The adjectives found in the array of tags: no Token object made for the other words.
    for i in numpy.flatnonzero(doc.to_array(POS) == ADJ).tolist():
        place = gaz.demonym_country(doc[i].text)
        if place is not None and place.country_code not in codes:
            codes.append(place.country_code)
    return tuple(codes)


def _product_acronyms(doc: Doc, spans) -> set[str]:
    """Acronyms defined after a lower-case phrase: "batteries lithium-fer-phosphate (LFP)"."""
    found: set[str] = set()
    for start, end, _ in spans:
        if start >= 2 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")":
            before = doc[start - 2]
            if before.text[:1].islower() and doc[start:end].text.replace("-", "").isupper():
                found.add(doc[start:end].text)
    return found


def _classify(doc: Doc, start: int, end: int, label: str, lex: Lexicon, countries: tuple[str, ...],
              dateline: tuple[int, int] | None, acronyms: set[str]) -> Mention:
    span = doc[start:end]
    m = Mention(start, end, span.text, "Other", label)
    if dateline is not None and dateline[0] <= start < dateline[1]:
        return _as_place(m, gazetteer().resolve(span.text, context=countries, lang=lex.lang))
    if EXCHANGE_WORDS.fullmatch(span.text) or span.text.lower() in BUSINESS_ABBREVIATIONS:
        return m  # "la Bourse de Hong Kong": not the French village of Bourse; "R&D", "M&A"
    orgish = _org_evidence(span, lex)
    introduced = _introduced_as_company(doc, span, lex, strict=True)  # "le groupe X" is no town, whatever X's name
    if orgish < 2 and not introduced:
        place = _place_of(doc, span, label, lex, countries, orgish)
        if place is not None:
            return _as_place(m, place)
    if (not orgish and _is_geographic(span, label)) or (lex.lang == "fr" and label in PLACE_LABELS and _before(doc, span) == "en") \
            or (not orgish and label not in ORG_LABELS and is_subdivision(span.text)):
        m.type = "Other"  # "the state of Thuringia", "en Aragon": a province or region the gazetteer lacks
        return m
    if _is_not_a_name(span, label, lex, acronyms):
        m.type = "Drop" if label in NOT_NAMES and not label.endswith("-PART") or _is_demonym(span.text) else "Other"
        return m
    if introduced:
        m.type, m.confidence = "Organization", 0.9
        return m
    called = _called_a_town(doc, span)
    town = _unknown_town(doc, span, label, lex, orgish, countries, called)
    if town is not None:
        _as_place(m, town)
        if called:
            m.confidence = CALLED_A_TOWN
        return m
    honorific = span[0].lower_.rstrip(".") in HONORIFICS and len(span) > 1
    if honorific and len(span.text.split()) == 2:
        m.type, m.confidence = "Person", 0.8  # "Mme Dufresne", "Mr Reyes"
    elif (label in PERSON_LABELS or honorific) and _looks_like_person(doc, span) and not orgish \
            and not _acts_as_company(doc, span, lex):
        m.type, m.confidence = "Person", 0.85
    elif orgish or label in ORG_LABELS or label == "FAC" or label in PERSON_LABELS:
        m.type, m.confidence = "Organization", 0.9 if orgish else 0.8
    elif len(span) == 1 and span[0].is_sent_start and not label and not _acts_as_company(doc, span, lex):
        m.type = "Drop"
    else:
        m.type, m.confidence = "Organization", 0.6
    return m


def _before(doc: Doc, span: Span) -> str:
    return doc[span.start - 1].lower_ if span.start > 0 else ""


def _is_geographic(span: Span, label: str) -> bool:
    """A sea, a coast, a province: "the Caspian Sea", "the state of Thuringia" (an organization may
    bear such a word in its name: "Autorité du canal de Suez")."""
    words = {t.lower_ for t in span}
    before = {t.lower_ for t in span.doc[max(span.start - 3, 0):span.start]}
    return (label not in ORG_LABELS and bool(words & GEOGRAPHIC_WORDS)) or bool(before & {
        "state", "province", "region", "région", "état", "county", "district", "département"})


def _unknown_town(doc: Doc, span: Span, label: str, lex: Lexicon, orgish: int,
                  countries: tuple[str, ...], called: bool) -> Place | None:
    """A town the gazetteer does not know, where the text says it is one: "basé à X", "à X, au
    Portugal", "X-based". Its country is the one named right after it, if any."""
    if orgish or len(span) > 3:
        return None
    if not called:  # "X, a town of 3,000 people" (see _called_a_town)
        if label in ORG_LABELS:
            return None
        before = _before(doc, span)
        after = doc[span.end:span.end + 2].text
        if not (before in TOWN_PREPOSITIONS.get(lex.lang, ()) or after.startswith("-based")):
            return None
    country = None
    for tok in doc[span.end:min(span.end + 6, span.sent.end)]:
        place = gazetteer().resolve(tok.text, kinds=("Country",), lang=lex.lang)
        if place is not None:
            country = place.country_code
            break
    return Place(None, span.text, "City", country, None, None)


def _called_a_town(doc: Doc, span: Span) -> bool:
    """ "X, a town of 3,000 people", "X, un village situé à ...", "the town of X", "la commune de X":
    the text says X is a town (stronger than NER's label for a name it does not know)."""
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for tok in doc[span.end + 1:min(span.end + 2 + TOWN_APPOSITION_GAP, span.sent.end)]:
            if tok.lower_ in TOWN_NOUNS:  # not "X, the city's largest employer", "a city-owned firm"
                return tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in {"'s", "’s", "-"}
            if tok.pos_ not in {"DET", "ADJ", "NUM", "ADV"}:
                break
    before = doc[max(span.start - 2, 0):span.start]
    return len(before) == 2 and before[0].lower_ in TOWN_NOUNS and before[1].lower_ in {"of", "de", "d'", "d’"}


def _as_place(m: Mention, place: Place | None) -> Mention:
    if place is None:
        m.type = "Drop"
    else:
        m.type, m.place, m.confidence = place.kind, place, 0.9
    return m


def _place_of(doc: Doc, span: Span, label: str, lex: Lexicon, countries: tuple[str, ...], orgish: int) -> Place | None:
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    kinds = ("Country", "Region") if lex.lang == "fr" and before in COUNTRY_ONLY_BEFORE else None
    gaz = gazetteer()
    place = gaz.resolve(span.text, context=countries, lang=lex.lang, kinds=kinds)
    # The country named beside the mention, when it may name a town (not a company's name).
    beside = _country_beside(doc, span, lex) if not orgish and label not in ORG_LABELS else None
    if place is not None and place.kind == "City" and beside not in (None, place.country_code):
        return _in_country(place, span.text, beside, lex)
    if place is not None and _is_place(span, label, place, orgish, before, countries):
        return place
    if (orgish or label in ORG_LABELS) and not ZONE_HEAD.match(span.text):
        return None  # "Ningbo Zhoushan Port" is a company named after its town, not a zone of it
    town = _zone_town(span, lex, countries)
    return _in_country(town, town.name, beside, lex) if town is not None and beside is not None else town


def _in_country(place: Place, name: str, beside: str, lex: Lexicon) -> Place:
    """``place``, or the town of that ``name`` in the country named beside the mention ("Kendal,
    Indonesia"): when the gazetteer knows none there, a town it lacks, not its namesake elsewhere."""
    if beside == place.country_code:
        return place
    there = gazetteer().resolve(name, context=(beside,), lang=lex.lang, kinds=("City",))
    return there if there is not None and there.country_code == beside else Place(None, name, "City", beside, None, None)


def _country_beside(doc: Doc, span: Span, lex: Lexicon) -> str | None:
    """The ISO code of a country named in apposition right after a name: "X, Indonesia", "X (Chile)",
    "X, en Espagne", "X, on the north coast of Java, in Indonesia"; not one of a list of places
    ("in Lyon, Germany and Spain")."""
    i, stop = span.end, min(len(doc), span.sent.end)
    if i >= stop or doc[i].text not in {",", "("}:
        return None
    found = _country_at(doc, i + 1, stop, lex)
    if found is not None or i + 1 >= stop or doc[i + 1].lower_ not in ASIDE_PREPOSITIONS:
        return found or None
    for j in range(i + 2, min(i + 12, stop)):  # a locative aside first, up to its comma, if it has no verb
        if doc[j].pos_ in {"VERB", "AUX"}:
            return None
        if doc[j].text == ",":
            return _country_at(doc, j + 1, stop, lex) or None
    return None


def _country_at(doc: Doc, i: int, stop: int, lex: Lexicon) -> str | None:
    """The code of the country named at token ``i`` (after "en", "in"), "" when it opens a list of
    places, None when no country is named there."""
    if i < stop and doc[i].lower_ in COUNTRY_PREPOSITIONS.get(lex.lang, ()):
        i += 1
    gaz = gazetteer()
    for size in (3, 2, 1):
        end = i + size
        if end > stop:
            continue
        country = gaz.resolve(doc[i:end].text, kinds=("Country",), lang=lex.lang)
        if country is None:
            continue
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in LIST_WORDS or (nxt == "," and end + 1 < len(doc) and gaz.resolve(doc[end + 1].text) is not None):
            return ""  # a list of places, not an apposition
        return country.country_code
    return None


def _is_place(span: Span, label: str, place: Place, orgish: int, before: str, countries: tuple[str, ...]) -> bool:
    """Whether a name the gazetteer knows names that place here, not a company named like it.

    NER's place labels and a locative preposition are strong evidence; a company-like label is
    overruled only by a large town called exactly that ("Milano" the fashion label is not Milan,
    whose Italian name it is). A small town needs its country named in the report, or "à X".
    """
    if place.kind != "City":
        return label not in ORG_LABELS or not orgish
    main = fold(span.text) in {fold(place.name), *(fold(v) for v in place.labels.values())}
    if place.population < SMALL_TOWN and place.country_code not in countries and before not in {"à", "a"}:
        return False
    if label in PLACE_LABELS or label.removesuffix("-PART") in PLACE_LABELS or before in LOCATIVE:
        return orgish < 1 or main
    if label in ORG_LABELS | PERSON_LABELS | {"MISC", "FAC"} or orgish:
        return main and place.population >= LARGE_TOWN and not orgish
    return main  # an alternate name in another language ("Milano" for Milan) is too weak alone


def _zone_town(span: Span, lex: Lexicon, countries: tuple[str, ...]) -> Place | None:
    """The town an industrial zone or port is named after: "Varna Gateway", "Zona Franca de X"."""
    words = span.text.split()
    gaz = gazetteer()
    for cut in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:cut]), words[cut:]
        if all(w.lower() in FACILITY_WORDS for w in rest):
            place = gaz.resolve(head, context=countries, lang=lex.lang, kinds=("City",))
            if place is not None:
                return place
    if not ZONE_HEAD.match(span.text) and words[-1].lower() not in FACILITY_WORDS:
        return None
    for size in (3, 2, 1):  # "Cité X Y Varna Tech", "Zona Franca de Vigo": the town inside, last first
        for i in range(len(words) - size, 0, -1):
            place = gaz.resolve(" ".join(words[i:i + size]), context=countries, lang=lex.lang, kinds=("City",))
            if place is not None and place.population >= SMALL_TOWN:
                return place
    return None


def _is_not_a_name(span: Span, label: str, lex: Lexicon, acronyms: set[str]) -> bool:  # noqa: C901
    text = span.text
    if label in NOT_NAMES or text in acronyms or EXCHANGE_WORDS.search(text) or EVENT_WORDS.search(text) \
            or ROUTE_NAME.search(text):
        return True
    if _is_demonym(text) or _is_demonym(text.split("-")[0]):
        return True
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if prev in TICKER_CUES or (len(span) == 1 and text.isupper() and span[0].pos_ == "NOUN" and label in ("", "MISC")):
        return True  # a listing code ("ticker EGL"), a common noun in capitals ("le SUV")
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return prev in PRODUCT_HEADS or nxt in PRODUCT_NOUNS or any(MIXED_CODE.match(t.text) for t in span)


DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "lese", "ese", "ish", "i", "ic", "ais", "aise", "ois", "oise", "ien",
                   "ienne", "ain", "aine", "ais", "ano", "ena", "e", "es")


def _is_demonym(word: str) -> bool:
    """ "Chinese", "marocaine", and the nationalities no table lists: "Angolan", "Congolese"."""
    gaz = gazetteer()
    if gaz.demonym_country(word) is not None:
        return True
    if " " in word or not word[:1].isupper() or gaz.resolve(word) is not None:
        return False
    key = fold(word)
    for ending in DEMONYM_ENDINGS:
        stem = key[: -len(ending)] if key.endswith(ending) else None
        if stem and len(stem) >= 4 and gaz.country_starting_with(stem):
            return True
    return False


def _org_evidence(span: Span, lex: Lexicon) -> int:
    """2 for a legal form, 1 for an organization word or an acronym, 0 otherwise."""
    text = span.text
    if any(re.search(r"(?<!\w)(?:" + form + r")$", text) for form in lex.legal_forms):
        return 2
    if any(t.lower_ in lex.org_words for t in span[1:]):
        return 1
    return int(len(span) == 1 and text.isupper() and 2 <= len(text) <= 5 and text.isalpha())


def _acts_as_company(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """A name that a company description introduces ("le groupe chinois X", "the wheel maker X"),
    that a relative clause gives a head office, or that runs, opens or owns plants is a
    company, whatever NER's label."""
    if _introduced_as_company(doc, span, lex):
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and lex.rx("seat").match(text_of(doc), doc[span.end + 1].idx):
        return True  # "X, dont le siège est à Oslo, ...", "X, which is headquartered in Leeds, ..."
    root = span.root
    before = doc[span.start - 1] if span.start > 0 else None
    in_apposition = before is not None and (before.text == "," or lex.rx("roles").fullmatch(before.text))
    if root.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"} and not in_apposition:
        verb = root.head  # "X opened a plant", "X est une filiale de Y" (not "the chairman, X, opened")
        objects = [c for c in verb.children if c.dep_ in {"obj", "dobj", "attr", "obl:arg"}]
        if lex.rx("site_verbs").fullmatch(verb.text) and any(lex.rx("site_nouns").fullmatch(o.text) for o in objects):
            return True
        if any(o.lower_ in SUBSIDIARY_NOUNS for o in [verb, *objects]):
            return True  # "X is a subsidiary of Y", "X est une filiale de Y" (copula: the noun heads)
    return False


def _introduced_as_company(doc: Doc, span: Span, lex: Lexicon, strict: bool = False) -> bool:
    """ "le groupe X", "le constructeur chinois X", "the wheel maker X": a company description
    right before the name. ``strict``: nothing but a space between them, and no "X-based" (not
    "the group's Mumbai-based holding")."""
    window = doc[max(span.start - 6, 0):span.start]
    if not len(window):
        return False
    if strict and span.end + 1 < len(doc) and doc[span.end].text == "-":
        return False
    slack = (1, 1) if strict else (3, 2)
    for d in lex.rx("descriptions").finditer(window.text):
        if window.start_char + d.end() >= doc[span.start].idx - slack[0]:
            return True
    for noun in lex.rx("maker_nouns").finditer(window.text):
        if window.start_char + noun.end() >= doc[span.start].idx - slack[1]:
            return True
    return False


def _looks_like_person(doc: Doc, span: Span) -> bool:
    toks = [t for t in span if t.text != "-" and t.lower_.rstrip(".") not in HONORIFICS]
    words = [w for w in span.text.split() if w.lower().rstrip(".") not in HONORIFICS]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and not t.text.isupper() for t in toks):
        return False
    if gazetteer().resolve(words[-1], kinds=("Region",)) is not None:
        return False  # "Acme Africa" is a company's arm, not a person
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].text.isupper():
        return False  # "Ferrovie dello Stato (FS)": people are not given acronyms
    return gazetteer().resolve(toks[0].text, kinds=("Country",)) is None


def _consistent_orgs(doc: Doc, mentions: list[Mention], dateline: tuple[int, int] | None) -> None:
    """A name that is an organization somewhere, or begins a longer organization's name, is an
    organization wherever it is not plainly a place (a place label, a locative before it, the
    dateline, or a large town of that very name)."""
    towns = {fold(m.text): m.place for m in mentions if m.place is not None and m.type == "City"
             and (m.label in PLACE_LABELS or (m.start > 0 and doc[m.start - 1].lower_ in LOCATIVE))}
    called = {fold(m.text): m.place for m in mentions if m.type == "City" and m.confidence == CALLED_A_TOWN}
    for m in mentions:  # a guess ("Sines est relié...") yields to "à Sines" elsewhere
        if m.type in ("Organization", "Other") and m.confidence <= 0.6 and fold(m.text) in towns:
            m.type, m.place, m.confidence = "City", towns[fold(m.text)], 0.8
        elif m.type in ("Organization", "Other") and m.confidence <= 0.8 and fold(m.text) in called:
            m.type, m.place, m.confidence = "City", called[fold(m.text)], 0.8  # NER's label, against "X, a town"
    orgs = {fold(m.text) for m in mentions if m.type == "Organization"}
    # names a legal form or a description ("le groupe X") vouches for outweigh a place label elsewhere
    sure = {fold(m.text) for m in mentions if m.type == "Organization" and m.confidence >= 0.9}
    firsts = {o.split()[0] for o in orgs if len(o.split()) > 1}
    for m in mentions:
        key = fold(m.text)
        if m.type == "Organization" or not (key in orgs or (m.type == "City" and key in firsts)):
            continue
        if dateline is not None and dateline[0] <= m.start < dateline[1]:
            continue
        before = doc[m.start - 1].lower_ if m.start > 0 else ""
        if m.place is not None and ((m.label in PLACE_LABELS and key not in sure) or before in LOCATIVE
                                    or m.place.kind != "City"
                                    or (key not in orgs and m.place.population >= LARGE_TOWN)):
            continue
        if m.type in ("City", "Other", "Person"):
            m.type, m.place, m.confidence = "Organization", None, 0.7
    surnames = {m.text.split()[-1] for m in mentions if m.type == "Person"}
    for m in mentions:
        if m.type == "Organization" and m.text in surnames and m.label in PERSON_LABELS:
            m.type = "Person"  # "Jonathan Reyes ... Reyes said"
