"""The plain text of a Markdown report: its paragraphs, without the markup.

markdown-it-py (CommonMark, plus GitHub's tables) parses the file; kg keeps the text of every
heading, paragraph, list item and table row as a paragraph of its own. Links keep their text,
images, code blocks and HTML comments go, HTML blocks keep their text. A YAML front matter
block is not part of the report.
"""
from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.read.html import CELL_SEPARATOR, html_paragraphs

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
_SPACES = re.compile(r"[ \t]+")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """The text of a Markdown document (paragraphs apart by blank lines) and its first heading."""
    paragraphs: list[str] = []
    title: str | None = None
    row: list[str] | None = None  # the cells of the table row being read
    in_heading = False
    for token in _parser().parse(_FRONT_MATTER.sub("", source)):
        if token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif text:
                paragraphs.append(text)
                if in_heading and title is None:
                    title = text
        elif token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(CELL_SEPARATOR.join(cell for cell in row if cell))
            row = None
        elif token.type == "html_block":
            paragraphs.extend(html_paragraphs(token.content))
        # fence, code_block and hr carry no prose: dropped.
    return "\n\n".join(p for p in paragraphs if p), title


def _inline_text(children: list[Token]) -> str:
    """The text of one paragraph's inline tokens; a hard break stays a line break."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak" or (child.type == "html_inline"
                                           and child.content.lower().startswith("<br")):
            parts.append("\n")
        # images, inline HTML and the open/close tokens of emphasis and links add no text.
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
