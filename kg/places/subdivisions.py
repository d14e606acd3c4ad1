"""Names of states, provinces and regions inside countries (ISO 3166-2, from pycountry).

The gazetteer has no sub-national regions; the extractors only need to know that "Thüringen",
"Anhui" or "Catalogne" name one, so that such a name is taken for neither a town nor a company.
Names come in their local form, without their type word ("Anhui Sheng" → "Anhui"), and in their
French and English translations where pycountry has them.
"""
from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry

from kg.places.normalize import fold

TYPE_WORDS = re.compile(r"(?i)\s+(?:sheng|zizhiqu|shi|province|prefecture|oblysy|oblast|region|state)$")


@cache
def subdivision_names() -> frozenset[str]:
    """Folded names of every ISO 3166-2 subdivision, in their local, French and English forms."""
    translations = [_translation(lang) for lang in ("fr", "en")]
    names: set[str] = set()
    for sub in pycountry.subdivisions:
        for name in _forms(sub.name):
            names.add(fold(name))
            for tr in translations:
                names.update(fold(n) for n in _forms(tr(name)))
    return frozenset(n for n in names if len(n) > 2)


def _forms(name: str) -> list[str]:
    """ "Catalunya [Cataluña]" → both; "Anhui Sheng" → also "Anhui"."""
    forms = [p.strip() for p in re.split(r"[\[\]]", name) if p.strip()]
    return forms + [TYPE_WORDS.sub("", f) for f in forms if TYPE_WORDS.search(f)]


def _translation(lang: str):
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return lambda name: name


def is_subdivision(name: str) -> bool:
    return fold(name) in subdivision_names()
