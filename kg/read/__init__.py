"""Reading reports: files in, plain text with its language and title out.

:func:`iter_sources` finds report files, :func:`read_report` turns one into a :class:`Report`
(decoding its bytes, stripping HTML or Markdown markup, detecting French or English). Importing
this package does no work: the language detector is built on first use.
"""
from __future__ import annotations

from kg.read.files import SUFFIXES, Report, iter_sources, read_report
from kg.read.language import SUPPORTED_LANGUAGES, detect_language, supported_language

__all__ = [
    "SUFFIXES",
    "SUPPORTED_LANGUAGES",
    "Report",
    "detect_language",
    "iter_sources",
    "read_report",
    "supported_language",
]
