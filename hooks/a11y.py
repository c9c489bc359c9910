"""MkDocs hook: accessibility fixes in the HTML that Material and mkdocs-jupyter write.

axe-core (tests/browser/test_accessibility.py) checks every page; these changes make it pass
without switching any rule off. Colours are fixed in docs/assets/stylesheets/extra.css; what
needs different markup is fixed here, after the page is rendered:

1. Material's search dialog (``role="dialog"``) has no name: it gets ``aria-label="Suche"``.
2. A nav section with an index page (``navigation.indexes``) is a ``<nav>`` labelled by its
   toggle, and that toggle holds only an arrow icon. The sections' landmarks therefore had no
   name (axe: landmark-unique). The toggle gets the section title as visually hidden text, which
   names the toggle and, through ``aria-labelledby``, the landmark. (``aria-label`` is not allowed
   on a ``<label>``, and changing ``aria-labelledby`` itself would break Material, which finds
   the ``<nav>`` by it to update ``aria-expanded``.)
3. Glossary tooltips (``abbr`` + ``content.tooltips``) open on hover and when the ``<abbr>`` has
   focus, but an ``<abbr>`` cannot receive focus. The first occurrence of each term in each
   section of a page's text (split at ``<h2>``, as hooks/calm_glossary.py marks terms) gets
   ``tabindex="0"``, so keyboard users reach every explanation a reader with a mouse sees.
   Occurrences inside links, buttons, labels and ``<summary>`` are skipped: those are focusable
   already and must not contain a second focus stop (such a link leads to the term's page).
4. The code cells of notebook pages scroll sideways, but keyboard users could not scroll them
   (axe: scrollable-region-focusable). Like Material's own code blocks (``<code tabindex="0">``)
   they get ``tabindex="0"``.

All four apply to the pages and to 404.html. The build fails when Material's markup changed so
much that fix 1 no longer finds its target. What Material's JavaScript creates in the browser is
fixed in docs/assets/javascripts/barrierefreiheit.js.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

SEARCH_LABEL = "Suche"

_SEARCH_DIALOG = re.compile(
    r'<div class="md-search"(?P<attrs>[^>]*)\brole="dialog"(?P<rest>[^>]*)>'
)
_NAV_TOGGLE = re.compile(
    r'<label class="md-nav__link[^"]*" for="(?P<for>__nav_[\d_]+)" id="(?P=for)_label"'
    r"(?P<attrs>[^>]*)>(?P<inner>.*?)</label>",
    re.DOTALL,
)
_NAV_TITLE = re.compile(
    r'<label class="md-nav__title" for="(?P<for>__nav_[\d_]+)">(?P<inner>.*?)</label>', re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.DOTALL)
# Opening and closing tags of the elements an <abbr> must not become focusable in, and <abbr>s.
_ABBR_CONTEXT = re.compile(
    r"<(?P<close>/?)(?P<tag>a|button|label|summary)\b[^>]*>"
    r"|<abbr(?P<attrs>\s[^>]*)?>(?P<term>[^<]*)</abbr>"
    r"|(?P<section><h2\b)"
)
_NOTEBOOK_CODE = re.compile(r'<div class="highlight-ipynb(?P<classes>[^"]*)">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Apply the four fixes described in the module docstring."""
    return fix_page(output, page.file.src_path)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for static templates: 404.html is a full page, with search and navigation."""
    if not template_name.endswith(".html"):
        return output_content
    return fix_page(output_content, template_name)


def fix_page(output: str, name: str) -> str:
    """Return the page `output` (built from `name`) with all fixes applied."""
    output = name_search_dialog(output, name)
    output = name_nav_sections(output)
    output = _ARTICLE.sub(lambda match: focusable_abbreviations(match.group()), output)
    return focusable_notebook_code(output)


def name_search_dialog(output: str, name: str) -> str:
    """Give Material's search dialog an accessible name."""
    if 'data-md-component="search"' not in output:
        return output  # a theme without search: nothing to name
    match = _SEARCH_DIALOG.search(output)
    if match is None:
        raise PluginError(
            f"{name}: Suchdialog von Material nicht gefunden "
            "(hooks/a11y.py an das neue Markup anpassen)."
        )
    if "aria-label" in match.group():
        return output
    named = match.group()[:-1] + f' aria-label="{SEARCH_LABEL}">'
    return output[: match.start()] + named + output[match.end() :]


def name_nav_sections(output: str) -> str:
    """Give icon-only section toggles (and so their ``<nav>`` landmarks) the section title."""
    titles = {m["for"]: _text(m["inner"]) for m in _NAV_TITLE.finditer(output)}

    def label(match: re.Match[str]) -> str:
        title = titles.get(match["for"], "")
        if _text(match["inner"]) or not title or "aria-label" in match["attrs"]:
            return match.group()
        inner_start = match.start("inner") - match.start()
        tag = match.group()
        hidden = f'<span class="visually-hidden">{html.escape(title)}</span>'
        return f"{tag[:inner_start]}{hidden}{tag[inner_start:]}"

    return _NAV_TOGGLE.sub(label, output)


def focusable_abbreviations(article: str) -> str:
    """Make each term's first occurrence per section focusable (module docstring, point 3)."""
    seen: set[str] = set()
    inside = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal inside
        if match["section"]:
            seen.clear()
            return match.group()
        if match["tag"]:
            inside += -1 if match["close"] else 1
            inside = max(inside, 0)
            return match.group()
        attrs = match["attrs"] or ""
        term = match["term"].strip()
        if inside or "title=" not in attrs or "tabindex" in attrs or term in seen:
            return match.group()
        seen.add(term)
        return f'<abbr tabindex="0"{attrs}>{match["term"]}</abbr>'

    return _ABBR_CONTEXT.sub(visit, article)


def focusable_notebook_code(output: str) -> str:
    """Let keyboard users scroll the code cells of notebook pages."""
    return _NOTEBOOK_CODE.sub(
        lambda m: f'<div class="highlight-ipynb{m["classes"]}" tabindex="0">', output
    )


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()
