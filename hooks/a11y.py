"""MkDocs hook: the glossary marks, calm and reachable by keyboard, in one pass over each page.

The abbreviations in includes/abkuerzungen.md apply on every page (hooks/abkuerzungen.py), and
Markdown's ``abbr`` extension turns every mention of a term into an ``<abbr title>``, which
Material shows underlined with a tooltip (``content.tooltips``). A paragraph could so underline
"InMail" five times, headings included. After the page's Markdown is rendered, this hook keeps
the ``<abbr>`` only

- at the first mention of a term in each section: the text before the first ``<h2>``, and each
  ``<h2>`` with everything up to the next one (its ``<h3>`` parts belong to it);
- never inside a heading (``<h1>`` … ``<h6>``): headings stay plain, their terms are explained
  in the text below;
- always in a definition term (``<dt>``): every entry of the A–Z glossary keeps its tooltip.
  Its mention counts as the first one of the section.

Later mentions become plain text. A tooltip opens on hover and when its ``<abbr>`` has focus, but
an ``<abbr>`` cannot receive focus: in the same pass, the first kept mark of each term in a
section gets ``tabindex="0"``, so keyboard users reach every explanation a reader with a mouse
sees (axe, tests/browser/test_accessibility.py). Marks inside links, buttons, labels and
``<summary>`` are skipped: those are focusable already and must not hold a second focus stop.

The other accessibility fixes live where the markup is written: the search dialog's name and the
section toggles' text in overrides/partials/ (search.html, nav-item.html), the notebooks' code
cells (``tabindex="0"``, scrollable by keyboard) in templates/notebook.html.j2. What Material's
JavaScript creates in the browser is fixed in docs/assets/javascripts/barrierefreiheit.js.

The build fails, naming the page, when an ``<abbr>`` is not written as this hook reads it, or
when a notebook page's code cells are not focusable (the template's markup changed).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Opening and closing tags of headings, definition terms and the focusable elements a mark must
# not become a focus stop in, and the marks themselves.
_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>h[1-6]|dt|a|button|label|summary)\b[^>]*>"
    r"|<abbr(?P<attrs>\s[^>]*)?>(?P<term>[^<]*)</abbr>",
    re.IGNORECASE,
)
_ABBR_OPEN = re.compile(r"<abbr\b", re.IGNORECASE)
_NOTEBOOK_CELL = re.compile(r'<div class="highlight-ipynb[^"]*"( tabindex="0")?>')
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Thin out the page's glossary marks and make the kept ones focusable (module docstring)."""
    name = page.file.src_uri
    # A notebook (mkdocs-jupyter): read without content, which comes with its template
    # (hooks/notebooks.py, on_page_context, passes it through this hook again).
    if page.file.src_uri.endswith(".py") and html:
        check_notebook_code(html, name)
    return glossary_marks(html, name)


def glossary_marks(html: str, name: str) -> str:
    """Return `html` (the content of page `name`) with its marks as the module docstring says.

    Raises:
        PluginError: An ``<abbr>`` is not written as ``<abbr title="…">term</abbr>``.

    """
    seen: set[str] = set()
    focused: set[str] = set()
    depth = {"heading": 0, "dt": 0, "focusable": 0}
    marks = 0

    def visit(match: re.Match[str]) -> str:
        nonlocal marks
        tag = (match["tag"] or "").lower()
        if tag:
            kind = "heading" if tag in _HEADINGS else "dt" if tag == "dt" else "focusable"
            depth[kind] = max(depth[kind] + (-1 if match["close"] else 1), 0)
            if tag == "h2" and not match["close"]:
                seen.clear()
                focused.clear()
            return match.group()
        marks += 1
        term = " ".join(match["term"].split())
        if depth["heading"] or (not depth["dt"] and term in seen):
            return match["term"]
        seen.add(term)
        attrs = match["attrs"] or ""
        if depth["focusable"] or "title=" not in attrs or "tabindex" in attrs or term in focused:
            return match.group()
        focused.add(term)
        return f'<abbr tabindex="0"{attrs}>{match["term"]}</abbr>'

    marked = _TOKEN.sub(visit, html)
    if marks != len(_ABBR_OPEN.findall(html)):
        raise PluginError(
            f'{name}: ein <abbr> steht nicht als <abbr title="…">Begriff</abbr> im HTML '
            "(hooks/a11y.py an das neue Markup anpassen)."
        )
    return marked


def check_notebook_code(html: str, name: str) -> None:
    """Fail unless each code cell of notebook `name` is focusable (templates/notebook.html.j2).

    Raises:
        PluginError: The notebook has no code cell, or one the template did not make focusable.

    """
    cells = _NOTEBOOK_CELL.findall(html)
    if not cells or not all(cells):
        raise PluginError(
            f'{name}: Codezellen ohne tabindex="0" oder keine gefunden '
            "(templates/notebook.html.j2 an das Markup von mkdocs-jupyter anpassen)."
        )
