"""MkDocs hook: style sheets and scripts that only some pages need go only into those pages.

Every ``<link rel="stylesheet">`` in ``<head>`` is one more request that holds back the first
paint, and every script in ``extra_javascript`` is fetched on every page. Two kinds of assets are
therefore limited to the pages that use them:

1. Style sheets (`ONLY_WHERE_USED`): mkdocstrings adds its ``assets/_mkdocstrings.css`` to all
   pages, while only the API reference shows its objects. Other pages lose the link
   (`on_post_page`). Material's instant navigation keeps this working: on each navigation it
   compares the new page's ``<head>`` with the current one and adds or removes ``<link>``
   elements accordingly.
2. Scripts (`SCRIPTS_WHERE_USED`): docs/assets/javascripts/diagramme.js draws the mermaid
   diagrams, which only a few pages have. It is not in ``extra_javascript``; a page with a
   diagram gets ``<script src="…" defer>`` at the end of its content (`on_page_content`), as
   hooks/werkzeuge.py does for the tools. Material's instant navigation runs a script of the new
   page's content when it swaps the page in (before it announces the new page on ``document$``);
   the script guards itself against a second start on the next visit.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Style sheet (path as in the site) → HTML that shows a page needs it.
ONLY_WHERE_USED: dict[str, re.Pattern[str]] = {
    # mkdocstrings: documented objects, their symbols in the table of contents, source boxes.
    "assets/_mkdocstrings.css": re.compile(
        r'class="[^"]*\b(?:doc|doc-[\w-]+|mkdocstrings[\w-]*)\b'
    ),
}

# Script (path as in the site) → HTML of a page's content that shows the page needs it.
SCRIPTS_WHERE_USED: dict[str, re.Pattern[str]] = {
    # ```mermaid fences become <div class="diagramm"> (pymdownx.superfences in mkdocs.yml).
    "assets/javascripts/diagramme.js": re.compile(r'<div class="diagramm"'),
}


def needed_scripts(content: str) -> list[str]:
    """The scripts of `SCRIPTS_WHERE_USED` that a page with this content needs."""
    return [script for script, used in SCRIPTS_WHERE_USED.items() if used.search(content)]


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Append the scripts the page's content needs (see the module docstring, point 2)."""
    tags = ""
    for script in needed_scripts(content):
        file = files.get_file_from_path(script)
        if file is None:
            raise PluginError(f"page_assets: {script} fehlt unter docs/")
        tags += f'<script src="{html.escape(file.url_relative_to(page.file))}" defer></script>\n'
    return content + tags


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
