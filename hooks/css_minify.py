"""MkDocs hook: the site's own style sheets (docs/**/*.css) ship without comments and indentation.

docs/assets/stylesheets/extra.css is loaded by every page, and it explains each of its rules in a
comment (why a colour, which axe rule, which hook). Those comments are for whoever edits the file,
not for the browser: they were over half of its weight on the wire. At build time each ``.css``
file under docs/ (not Material's ``*.min.css``) is written to the site without comments and with
whitespace only where CSS needs it (`minify_css`); the source stays as it is.

The CSS is tokenized with tinycss2, so strings, ``url(…)`` and ``calc(… + …)`` stay intact: only
comments go, runs of whitespace become one space, and a space next to ``{ } ; : , >`` is left out
(before ``:`` it stays, since ``.a :hover`` and ``.a:hover`` differ).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tinycss2  # type: ignore[import-untyped]  # no type information shipped
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# A space after one of these, or before one of the second set, changes nothing.
_NO_SPACE_AFTER = {"{", "}", ";", ":", ",", ">"}
_NO_SPACE_BEFORE = {"{", "}", ";", ",", ">"}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Replace the content of each own style sheet by its minified form."""
    for file in files:
        own = file.generated_by is None and not file.src_uri.endswith(".min.css")
        if own and file.src_uri.endswith(".css"):
            file.content_string = minify_css(file.content_string)
    return files


def minify_css(css: str) -> str:
    """`css` without comments and without whitespace that does not change its meaning."""
    nodes = tinycss2.parse_component_value_list(css, skip_comments=True)
    return str(tinycss2.serialize(_squeeze(nodes))).strip() + "\n"


def _squeeze(nodes: Iterable[Any]) -> list[Any]:
    """The nodes with blocks squeezed inside and needless whitespace tokens left out."""
    tokens = list(nodes)
    kept: list[Any] = []
    for index, node in enumerate(tokens):
        if node.type == "whitespace":
            if kept and kept[-1].type == "whitespace":
                continue  # two runs of whitespace with a comment between them
            before = _mark(kept[-1], end=True) if kept else "{"
            after = _mark(tokens[index + 1], end=False) if index + 1 < len(tokens) else "}"
            if before in _NO_SPACE_AFTER or after in _NO_SPACE_BEFORE:
                continue
            node = tinycss2.ast.WhitespaceToken(node.source_line, node.source_column, " ")
        elif node.type in ("{} block", "() block", "[] block"):
            node.content = _squeeze(node.content)
        elif node.type == "function":
            node.arguments = _squeeze(node.arguments)
        kept.append(node)
    return kept


def _mark(node: Any, *, end: bool) -> str:
    """The punctuation `node` is or (for a ``{}`` block) ends or starts with, else ``""``."""
    if node.type == "literal":
        return str(node.value)
    if node.type == "{} block":
        return "}" if end else "{"
    return ""
