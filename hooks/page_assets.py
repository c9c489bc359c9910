"""MkDocs hook: a style sheet that only some pages need is linked only on those pages.

Every ``<link rel="stylesheet">`` in ``<head>`` is one more request that holds back the first
paint, on every page. mkdocstrings adds its ``assets/_mkdocstrings.css`` to all pages, while
only the API reference shows its objects. `ONLY_WHERE_USED` names such style sheets and how to
recognise a page that uses them; other pages lose the link.

Material's instant navigation keeps this working: on each navigation it compares the new page's
``<head>`` with the current one and adds or removes ``<link>`` elements accordingly.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Style sheet (path as in the site) → HTML that shows a page needs it.
ONLY_WHERE_USED: dict[str, re.Pattern[str]] = {
    # mkdocstrings: documented objects, their symbols in the table of contents, source boxes.
    "assets/_mkdocstrings.css": re.compile(
        r'class="[^"]*\b(?:doc|doc-[\w-]+|mkdocstrings[\w-]*)\b'
    ),
}


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Remove the links to style sheets the page does not use."""
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    head, body = output[:head_end], output[head_end:]
    for sheet, used in ONLY_WHERE_USED.items():
        if used.search(body):
            continue
        link = re.compile(rf'\s*<link rel="stylesheet" href="(?:\.\./)*{re.escape(sheet)}">')
        head = link.sub("", head)
    return head + body
