"""MkDocs hook: what the search index holds and what it ranks first.

Searching a term of the glossary ("Antwortgarantie", "OpenLink", "Sterne", "Kein Interesse") should
lead to the glossary page that explains it (tests/browser/test_pages.py types them into the
search). Two things got in the way:

1. Notebook pages (docs/praxis/*.py) put all their code into a single search entry. Material's
   search plugin splits a page into sections at its headings; in a notebook page each heading sits
   inside the ``<div>`` of its Markdown cell, and when that ``<div>`` ends the plugin returns to
   the page's first section. So all code cells landed in one entry of ~20 000 characters per
   notebook, with every identifier in it: "Kein Interesse" found "Ein Jahr Guthaben" first,
   through the variable ``kein_interesse``. The code of code cells is now marked
   ``data-search-exclude``, Material's attribute for "not in the index"; the cells' text and
   outputs stay searchable. So are the cells' ``¶`` permalinks, which Material put into the
   result titles ("Ein Jahr Guthaben¶"). (mkdocs-jupyter's copy buttons, with their "Copied!"
   and a second copy of the code, are removed by hooks/notebooks.py.)
   The attribute goes on the innermost element (the code's ``<pre>``, not its ``<div>``):
   Material's parser compares elements by tag name, so an excluded ``<div>`` would stop being
   excluded at the first inner ``</div>``.
2. A page about one term competes with every page that mentions it often, e.g. the notebook
   "Wie Sterne verloren gehen" against the glossary page "InMail-Feedback und Sterne". The
   glossary's term pages (glossar/*.md except its index) get ``search.boost`` 2, unless their
   front matter sets a boost of their own.

Both run before the search plugin reads the page (``on_page_context``).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

GLOSSARY = "glossar/"
GLOSSARY_BOOST = 2.0

_EXCLUDED = (
    re.compile(r'(<div class="highlight-ipynb[^"]*"[^>]*>\s*<pre)\b'),  # the code
    re.compile(r'(<a class="anchor-link")'),  # the cells' ¶ permalinks
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Boost glossary term pages; keep notebook code out of the index."""
    if page.file.src_uri.startswith(GLOSSARY) and page.file.name != "index":
        search: dict[str, Any] = page.meta.setdefault("search", {})
        search.setdefault("boost", GLOSSARY_BOOST)
    if 'class="jupyter-wrapper"' not in html:
        return html
    for pattern in _EXCLUDED:
        html = pattern.sub(r"\1 data-search-exclude", html)
    return html
