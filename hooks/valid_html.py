"""MkDocs hook: remove what the Nu HTML Checker rejects in the markup of Material.

tests/browser/test_html_validity.py runs the checker over the built site; this change brings it
to zero errors without changing what a reader sees or can do (the empty ``tabindex`` on always-open
navigation sections is left out in overrides/partials/nav-item.html):

Section index pages (``navigation.indexes``) have no ``__toc`` toggle in the navigation, but the
table of contents still has a ``<label for="__toc">`` title. Without its control the label does
nothing; on such pages it becomes a ``<div>`` with the same class and content.

Code blocks carry no line anchors (``anchor_linenums`` is off in mkdocs.yml): no page shows line
numbers, so nobody links to a line, and the anchors made mkdocstrings' signatures repeat the same
``id`` and the code-heavy pages heavier (the Fehler page by 7 KB gzip).

Applies to the pages and to 404.html. The build fails, naming the page, when a page has a
table-of-contents title that the rule no longer finds (Material's markup changed).
"""

from __future__ import annotations

import re
from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

_TOC_TITLE = re.compile(
    r'<label class="md-nav__title" for="__toc">(?P<inner>.*?)</label>', re.DOTALL
)
_TOC_TOGGLE = 'id="__toc"'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Apply the fix described in the module docstring."""
    return fix_page(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for static templates: 404.html is a full page, with navigation."""
    if not template_name.endswith(".html"):
        return output_content
    return fix_page(output_content, template_name)


def fix_page(output: str, name: str) -> str:
    """Return the page `output` (built from `name`) with the fix applied.

    Raises:
        PluginError: A table-of-contents title is not written as expected.

    """
    if _TOC_TOGGLE not in output and 'for="__toc"' in output:
        output, titles = _TOC_TITLE.subn(r'<div class="md-nav__title">\g<inner></div>', output)
        if not titles:
            _changed(name, "Titel des Inhaltsverzeichnisses")
    return output


def _changed(name: str, what: str) -> NoReturn:
    raise PluginError(
        f"{name}: {what} nicht gefunden (hooks/valid_html.py an das Markup anpassen)."
    )
