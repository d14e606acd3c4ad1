"""Language data for the extractors: one module per language, plain constants.

Each language module defines ``LEXICON``, a :class:`Lexicon` of regular-expression sources
(matched case-insensitively on the text, on word boundaries) and word lists. The extractors
only ever read ``lexicon(lang)``, so adding a language is adding a module and a line to
``LANGUAGES``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from kg.extract.lang.guard import compile_guarded

LANGUAGES: dict[str, str] = {"fr": "kg.extract.lang.fr", "en": "kg.extract.lang.en"}


@dataclass(frozen=True)
class Lexicon:
    """What the extractors know of one language, as regex sources and word sets."""

    lang: str
    model: str  # the spaCy pipeline package
    # organizations
    legal_forms: tuple[str, ...]  # regex sources of legal-form suffixes, longest first
    org_words: frozenset[str]  # words that make a name an organization's ("Group", "Motors")
    descriptions: str  # "the company", "le groupe", "le constructeur chinois": an org in disguise
    plural_descriptions: str  # "the partners", "les deux groupes": several orgs at once
    pronouns: frozenset[str]  # subject pronouns that may stand for an organization
    plural_pronouns: frozenset[str]
    possessives: frozenset[str]  # "its", "son", "sa", "ses", "leur"
    former: str  # "ancienne", "former": the org is not the site's owner any more
    # places
    dateline: str  # the dateline at the start of a wire report
    distance: str  # "à 37 km de", "25 miles west of": the town right after it is a landmark, not a place of the report's
    # relations: cue regexes
    headquarters: str  # "basé à", "dont le siège est à", "based in", "headquartered in"
    seat: str  # what only an organization has: "dont le siège", "whose headquarters", "headquartered in"
    based_suffix: str  # "-based" (English only; "" when the language has none)
    listing: str  # "coté", "listed", "shares trade"
    listing_code_cue: str  # words right before a listing code: "code", "numéro", "under", "ticker"
    exchange: str  # an exchange's name: "Bourse de X", "X Stock Exchange", "Euronext X"
    site_nouns: str  # "usine", "plant", "site industriel"
    site_verbs: str  # build, operate, open a site
    site_negative: str  # "no country has been selected", "abandonné"
    roles: str  # role and title words
    role_exclusions: str  # roles in government, not in an organization
    corridor: str  # "corridor", "route maritime", "relie"
    modes: dict[str, str]  # mode -> regex
    market: str  # "exporter vers", "exports to": places after it are markets, not corridor ends
    capacity_cues: str  # "capacité", "capacity", "produire"
    not_capacity: str  # "de quoi équiper", "enough to", "total"
    production_verbs: str  # "fabriquer", "produire", "make", "manufacture"
    maker_nouns: str  # "fabricant de", "maker of", "producteur de"
    investment: str
    not_investment: str  # revenue, turnover, market value
    equivalence: str  # "soit", "or about", "the equivalent of": the same amount in another currency
    rationale: str  # "motivé par", "because", "the reasons for"
    factors: dict[str, str]  # factor key -> regex
    partnership: str  # "coentreprise", "joint venture", "consortium"
    owned_by: str  # "owned by", "détenue par"
    subsidiary: str  # "filiale de", "subsidiary of"
    subsidiary_possessive: str  # "sa filiale", "its subsidiary", "its listed arm": parent is the possessor
    hedges: str  # modality: considered, rumoured, hypothetical
    reported_future: frozenset[str]  # hedges that state a plan in reported speech: "said it would build"
    reporting_verbs: frozenset[str]  # lemmas: "say", "announce", "indiquer"
    negations: str  # denied, abandoned
    stopwords_org: frozenset[str] = field(default_factory=frozenset)  # capitalized words that are never orgs

    def rx(self, name: str) -> re.Pattern[str]:
        """The compiled form of one of the regex fields."""
        return _compile(getattr(self, name))

    def rx_factor(self, key: str) -> re.Pattern[str]:
        return _compile(self.factors[key])

    def rx_mode(self, mode: str) -> re.Pattern[str]:
        return _compile(self.modes[mode])


def _compile(source: str) -> re.Pattern[str]:
    return compile_guarded(source, re.IGNORECASE)


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of a supported language (``"fr"``, ``"en"``)."""
    try:
        module = LANGUAGES[lang]
    except KeyError:
        raise ValueError(f"no lexicon for language {lang!r}; supported: {', '.join(LANGUAGES)}") from None
    return import_module(module).LEXICON


def words(*alternatives: str) -> str:
    """A regex source matching any of the alternatives as whole words."""
    return r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
