"""The article text of an HTML page: its paragraphs, without menus, scripts or page furniture.

Block elements (paragraphs, headings, list items, table rows, ...) become paragraphs separated
by a blank line; inside a paragraph whitespace collapses to single spaces, and ``<br>`` keeps a
line break (two in a row end the paragraph, as old pages use them). The parser (lexbor, through
selectolax) decodes character references.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements that never hold the article's prose.
_DROPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe",
    "svg", "math", "button", "select", "object", "canvas", "audio", "video",
})
# Elements that start and end a paragraph of their own.
_BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "tr", "ul",
})
_CELLS = frozenset({"td", "th"})
CELL_SEPARATOR = " | "

# ASCII whitespace only: a no-break space (French "1 000", "Lyon :") is kept, as in plain text.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_INVISIBLE = re.compile("[\u00ad\u200b\ufeff]")  # soft hyphens and zero-width spaces split words
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class HtmlText:
    """What kg takes from a page: its text, its headline, its declared language."""

    text: str
    title: str | None
    lang: str | None  # the <html lang> attribute, as written


def html_to_text(markup: str) -> HtmlText:
    """The article text of a page, paragraphs separated by blank lines."""
    tree = LexborHTMLParser(markup)
    lang = tree.root.attributes.get("lang") if tree.root is not None else None
    page_title = _text_of(tree.css_first("title"))
    _drop_furniture(tree)
    root = tree.css_first("main") or tree.body
    title = _text_of(root.css_first("h1") if root is not None else None) or page_title
    return HtmlText("\n\n".join(_paragraphs(root)), title, lang)


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of a piece of HTML (a Markdown file's HTML block, for instance)."""
    tree = LexborHTMLParser(fragment, is_fragment=True)
    _drop_furniture(tree)
    return _paragraphs(tree.root)


def _drop_furniture(tree: LexborHTMLParser) -> None:
    """Remove what is not the article: scripts, menus, sidebars, the page's header."""
    tree.strip_tags(sorted(_DROPPED), recursive=True)
    # A <header> of the page holds the logo and menus; one inside an article or <main> holds the
    # headline and the standfirst, which are part of the report.
    for header in tree.css("header"):
        if not _has_ancestor(header, ("article", "main")):
            header.decompose()


def _has_ancestor(node: LexborNode, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _paragraphs(root: LexborNode | None) -> list[str]:
    """Walk the tree in document order and cut it into paragraphs."""
    paragraphs: list[str] = []
    current: list[str] = []
    # An explicit stack rather than recursion: pages can nest deeper than Python's stack.
    stack: list[tuple[LexborNode, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, leaving = stack.pop()
        if leaving or node.tag in _BLOCKS:
            _flush(current, paragraphs)
        if leaving:
            continue
        if node.is_text_node:
            current.append(_SPACES.sub(" ", node.text_content or ""))
        elif node.tag == "br":
            current.append("\n")
        elif node.is_element_node and not _skipped(node):
            if node.tag in _CELLS and "".join(current).strip():
                current.append(CELL_SEPARATOR)
            if node.tag in _BLOCKS:
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    _flush(current, paragraphs)
    return paragraphs


def _skipped(node: LexborNode) -> bool:
    """Hidden from readers, so not part of the article."""
    attrs = node.attributes
    return ("hidden" in attrs or attrs.get("aria-hidden") == "true"
            or bool(_DISPLAY_NONE.search(attrs.get("style") or "")))


def _flush(current: list[str], paragraphs: list[str]) -> None:
    """Close the paragraph being built; ``<br><br>`` inside it splits it in two."""
    raw = _INVISIBLE.sub("", "".join(current))
    current.clear()
    for chunk in _PARAGRAPH_BREAK.split(raw):
        lines = (_SPACES.sub(" ", line).strip() for line in chunk.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)


def _text_of(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    text = _SPACES.sub(" ", _INVISIBLE.sub("", node.text() or "")).strip()
    return text or None
