"""MkDocs hook: remove what the Nu HTML Checker rejects in the markup of Material and mkdocstrings.

tests/browser/test_html_validity.py runs the checker over the built site; these three changes
bring it to zero errors without changing what a reader sees or can do:

1. Material writes ``tabindex=""`` on the labels of navigation sections that are always open
   (``navigation.sections``): its template sets the value only for collapsible sections. An empty
   value is no number, and browsers treat it as a missing attribute, so it is dropped.
2. mkdocstrings highlights every signature as its own code block, each numbered as block 0, so
   ``anchor_linenums`` gives the API pages dozens of identical ``__codelineno-0-1`` anchors.
   Signatures show no line numbers, so nobody can link to their lines: their anchors go.
   The line anchors of the pages' own code blocks stay (they are unique).
3. Section index pages (``navigation.indexes``) have no ``__toc`` toggle in the navigation, but
   the table of contents still has a ``<label for="__toc">`` title. Without its control the
   label does nothing; on such pages it becomes a ``<div>`` with the same class and content.

Applies to the pages and to 404.html.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
_SIGNATURE = re.compile(r'<div class="doc-signature highlight">.*?</code>', re.DOTALL)
_LINE_ANCHOR = re.compile(r'<a id="[^"]*__codelineno-[\d-]+" name="[^"]*" href="[^"]*"></a>')
_TOC_TITLE = re.compile(
    r'<label class="md-nav__title" for="__toc">(?P<inner>.*?)</label>', re.DOTALL
)
_TOC_TOGGLE = 'id="__toc"'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Apply the three fixes described in the module docstring."""
    return fix_page(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for static templates: 404.html is a full page, with navigation."""
    return fix_page(output_content) if template_name.endswith(".html") else output_content


def fix_page(output: str) -> str:
    """Return the page `output` with all three fixes applied."""
    output = _EMPTY_TABINDEX.sub(r"\1", output)
    output = _SIGNATURE.sub(lambda match: _LINE_ANCHOR.sub("", match.group()), output)
    if _TOC_TOGGLE not in output:
        output = _TOC_TITLE.sub(r'<div class="md-nav__title">\g<inner></div>', output)
    return output
