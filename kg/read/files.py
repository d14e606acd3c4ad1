"""From files on disk to reports: finding them, decoding their bytes, keeping their text.

A report's ``text`` is what every later stage works on, and evidence offsets point into it, so it
is built once here, deterministically: the same bytes always give the same text.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import CharsetMatch, from_bytes

from kg.errors import ReadError
from kg.read.html import html_to_text
from kg.read.language import detect_language, supported_language
from kg.read.markdown import markdown_to_text

MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
SUFFIXES: tuple[str, ...] = tuple(MEDIA_TYPES)

# UTF-32 LE's byte-order mark begins with UTF-16 LE's: it is tested first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# kg reads French and English, so a file that is not UTF-8 is most likely in a Western code page.
# Left to choose among all code pages, charset-normalizer takes short French text in cp1252 for
# cp850 or Mac Central European; it is asked about these first, and about the others only after.
_WESTERN_ENCODINGS = ["cp1252", "iso8859_15"]

TITLE_LENGTH = 120
# Abbreviations that end with a period inside a sentence ("M. Durand", "Westbrook Co. Ltd.").
_ABBREVIATIONS = ("Co", "Corp", "Inc", "Ltd", "Bros", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr",
                  "Mme", "Mlle", "Me", "No", "[A-Z]")
# The end of a sentence: a stop, not after an abbreviation, before what starts a new sentence.
_SENTENCE_END = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
                           + r"[.!?…](?=\s+[«\"“(]?\s*[^\W\d_])")


@dataclass(frozen=True)
class Report:
    """One report, read: the text kg extracts from and what is known about it."""

    path: Path  # as given
    name: str  # the file name without its suffix, e.g. "acme-lyon.fr"
    text: str  # plain text, NFC; evidence offsets refer to it
    lang: str  # "fr" or "en"
    title: str
    content_hash: str  # sha256 hex of text in UTF-8
    media_type: str  # "text/plain", "text/markdown" or "text/html"
    encoding: str  # the encoding the bytes were decoded from


def iter_sources(inputs: Iterable[Path | str]) -> Iterator[Path]:
    """The report files among ``inputs``: files as given, folders walked.

    Folders are walked recursively in sorted order, keeping files with one of :data:`SUFFIXES`
    and skipping hidden files and folders and README files. A file given twice is yielded once.
    Every input is checked before the first is yielded, so a mistyped path fails at once.
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise ReadError(path, "no such file or folder")
    return _unique(_found(path) for path in paths)


def _found(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for folder, subfolders, names in os.walk(path):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            if _is_report_name(name):
                yield Path(folder, name)


def _is_report_name(name: str) -> bool:
    # A folder of reports often carries a README.md that describes them: it is not a report.
    stem, suffix = os.path.splitext(name)
    return (not name.startswith(".") and suffix.lower() in MEDIA_TYPES
            and stem.lower() != "readme")


def _unique(groups: Iterable[Iterator[Path]]) -> Iterator[Path]:
    seen: set[Path] = set()
    for group in groups:
        for path in group:
            if (key := path.resolve()) not in seen:
                seen.add(key)
                yield path


def read_report(path: Path | str, lang: str | None = None) -> Report:
    """Read one report file; ``lang`` forces its language, else it is detected.

    Raises :class:`~kg.errors.ReadError` when the file is missing, a folder, of an unsupported
    type, empty, binary, undecodable, or in a language kg does not read.
    """
    path = Path(path)
    media_type = _checked_media_type(path)
    raw, encoding = decode(_read_bytes(path), path)
    if not raw.strip():
        raise ReadError(path, "the file holds only whitespace, no text")
    text, title, lang_hint = _extract(media_type, _normalise_newlines(raw))
    # Composed characters (NFC) after extraction, since markup can spell decomposed ones.
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReadError(path, f"no text left once its {media_type} markup is removed")
    if lang is None:
        language = detect_language(text, source=path, hint=lang_hint)
    else:
        language = supported_language(lang, source=path)
    return Report(
        path=path, name=path.stem, text=text, lang=language,
        title=_trim_title(title or first_sentence(text)),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        media_type=media_type, encoding=encoding,
    )


def _checked_media_type(path: Path) -> str:
    """The media type of a report file, once it is known to be a file kg reads."""
    if not path.exists():
        raise ReadError(path, "no such file")
    if path.is_dir():
        raise ReadError(path, "is a folder, not a report file (iter_sources walks folders)")
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
        raise ReadError(path, f"unsupported file type {kind}; kg reads {', '.join(SUFFIXES)}")
    return media_type


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(path, f"cannot be read: {error.strerror or error}") from error
    if not data:
        raise ReadError(path, "the file is empty")
    return data


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """The text of ``data`` and the encoding it was decoded from.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then UTF-8; then charset-normalizer,
    asked about Western code pages first. NUL bytes outside UTF-16/32 mean binary content.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding, path), encoding
    if b"\x00" in data:
        raise ReadError(path, "binary content (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _guess_encoding(data)
    if match is None:
        raise ReadError(path, "cannot tell its text encoding (not UTF-8 nor a known code page); "
                              "save it as UTF-8")
    return str(match), codecs.lookup(match.encoding).name


def _decode_as(payload: bytes, encoding: str, path: Path | str) -> str:
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        return payload.decode(codec)
    except UnicodeDecodeError as error:
        name = codec.upper()
        problem = f"starts with a {name} byte-order mark but is not valid {name}"
        raise ReadError(path, problem) from error


def _guess_encoding(data: bytes) -> CharsetMatch | None:
    return (from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
            or from_bytes(data).best())


def _normalise_newlines(text: str) -> str:
    """``\\n`` for every newline, and no byte-order mark left at the start."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _extract(media_type: str, text: str) -> tuple[str, str | None, str | None]:
    """The plain text of a document, its title if the markup gives one, its declared language."""
    if media_type == "text/html":
        page = html_to_text(text)
        return page.text, page.title, page.lang
    if media_type == "text/markdown":
        body, title = markdown_to_text(text)
        return body, title, None
    return text, None, None


def first_sentence(text: str) -> str:
    """The first sentence of the first non-blank line of ``text``."""
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    end = _SENTENCE_END.search(line)
    return line[:end.end()] if end else line


def _trim_title(title: str) -> str:
    """One line of at most :data:`TITLE_LENGTH` characters, cut between words."""
    title = unicodedata.normalize("NFC", " ".join(title.split()))
    if len(title) <= TITLE_LENGTH:
        return title
    cut = title[:TITLE_LENGTH - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-") + "…"
