"""MkDocs hook: names in code blocks without a ``<span class="n">`` of their own.

Pygments (in pymdownx.highlight, mkdocstrings and nbconvert) wraps every name in a code block in
``<span class="n">``. Material colours that span with ``--md-code-hl-name-color``, which both of
its colour schemes set to the code's own colour (``--md-code-fg-color``): the span changes
nothing a reader sees, copies or hears. Yet it was almost a third of all elements in the site's
code blocks (7,282 of 23,800 spans), each one styled, laid out and sent over the wire. So a span
of class ``n`` that holds plain text is replaced by its text; one that holds a link or a tooltip
(mkdocstrings' cross-references) stays. tests/test_hook_code_names.py checks that Material still
gives names the code's colour.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_NAME = re.compile(r'<span class="n">([^<]*)</span>')


def unwrap_names(html: str) -> str:
    """`html` with each ``<span class="n">`` that holds only text replaced by that text."""
    return _NAME.sub(r"\1", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The whole page, its tools' code included (hooks/werkzeuge.py adds them after the content)."""
    return unwrap_names(output)
