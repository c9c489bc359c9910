"""MkDocs hook: a glossary term carries its tooltip once per section, and never in a heading.

The abbreviations in includes/abkuerzungen.md are appended to every page (``pymdownx.snippets``),
and Markdown's ``abbr`` extension turns every mention of a term into an ``<abbr title>``, which
Material shows underlined with a tooltip (``content.tooltips``). A paragraph could so underline
"InMail" five times, headings included. After the page's Markdown is rendered, this hook keeps
the ``<abbr>`` only

- at the first mention of a term in each section: the text before the first ``<h2>``, and each
  ``<h2>`` with everything up to the next one (its ``<h3>`` parts belong to it);
- never inside a heading (``<h1>`` … ``<h6>``): headings stay plain, their terms are explained
  in the text below;
- always in a definition term (``<dt>``): every entry of the A–Z glossary keeps its tooltip.
  Its mention counts as the first one of the section.

Later mentions become plain text. hooks/a11y.py makes the kept mentions reachable by keyboard.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Opening and closing tags of headings and definition terms, and the abbreviations themselves.
_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>h[1-6]|dt)\b[^>]*>|<abbr\b[^>]*>(?P<term>[^<]*)</abbr>",
    re.IGNORECASE,
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Thin out the page's glossary marks (see the module docstring)."""
    return calm_glossary(html)


def calm_glossary(html: str) -> str:
    """Return `html` with ``<abbr>`` kept only where the module docstring says."""
    seen: set[str] = set()
    open_tags = {"heading": 0, "dt": 0}

    def visit(match: re.Match[str]) -> str:
        tag = (match["tag"] or "").lower()
        if tag:
            kind = "dt" if tag == "dt" else "heading"
            open_tags[kind] = max(open_tags[kind] + (-1 if match["close"] else 1), 0)
            if tag == "h2" and not match["close"]:
                seen.clear()
            return match.group()
        term = " ".join(match["term"].split())
        if open_tags["heading"]:
            return match["term"]
        if open_tags["dt"] or term not in seen:
            seen.add(term)
            return match.group()
        return match["term"]

    return _TOKEN.sub(visit, html)
