"""MkDocs hook: German, reproducible and accessible notebook pages (docs/praxis/*.py).

mkdocs-jupyter renders a notebook with nbconvert's "lab" template. Three things of that output
do not fit a German site that is checked for accessibility:

1. Images without alt text: nbconvert gives every ``<img>`` that has none the English
   placeholder "No description has been provided for this image". The notebooks here display
   their figures themselves (``zeige_grafik``: an SVG in an ``<img>`` with a German ``alt``), so
   the placeholder only appears when a figure slipped through, e.g. a plain ``plt.show()``. The
   build then fails and names the page.
2. Each code cell has mkdocs-jupyter's own copy button: an English label ("Copy to Clipboard",
   "Copied!"), an inline copy of clipboard.js on every notebook page (~2 KB gzip) and the cell's
   code a second time as hidden text, for the button to copy. Material's copy button
   (``content.code.copy`` in mkdocs.yml, labelled in German like on every other page) does the
   same, so mkdocs-jupyter's is removed and the code is wrapped in ``<code>``, the element
   Material puts its button on (`use_materials_copy_button`). The ``<pre>`` gets an id of its
   own: Material names the block after the nearest id, and the cell's ``cell-id=…`` is no valid
   CSS selector for the button's target.
3. jupytext gives each cell a random id when it reads a ``.py`` notebook, so every build wrote
   different ``id="cell-id=…"`` attributes. They are renumbered in page order.
"""

from __future__ import annotations

import re
from itertools import count

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"

# mkdocs-jupyter's copy button: its script (clipboard.js and a listener), the button in each
# code cell, and the cell's code again as hidden text.
_OWN_COPY_BUTTON = (
    re.compile(
        r"<script>\s*\(function \(global, factory\)(?:(?!</script>).)*?ClipboardCopyElement"
        r".*?</script>\s*<script>\s*document\.addEventListener\('clipboard-copy'.*?</script>\s*",
        re.DOTALL,
    ),
    re.compile(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*', re.DOTALL),
    re.compile(r'<div\b[^>]*\bclass="clipboard-copy-txt"[^>]*>[^<]*</div>\s*'),
)
_OWN_COPY_BUTTON_MARKS = ("ClipboardCopyElement", "<clipboard-copy", 'class="clipboard-copy-txt"')
_CELL_CODE = re.compile(
    r'(?P<start><div class="highlight-ipynb[^"]*"[^>]*><pre)(?P<attrs>[^>]*)>'
    r"(?P<empty>(?:<span></span>)?)(?P<code>.*?)</pre>",
    re.DOTALL,
)
_CELL_ID = re.compile(r"cell-id=[0-9a-f]{8,}")
_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r"\salt=\"([^\"]*)\"")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """On notebook pages: refuse images without German alt text, renumber cells."""
    start = output.find('<div class="jupyter-wrapper">')
    if start == -1:
        return output
    notebook = output[start:]
    missing = [tag[:80] for tag in _IMG.findall(notebook) if not _has_alt(tag)]
    if missing:
        listed = "\n  ".join(missing)
        raise PluginError(
            f"{page.file.src_path}: Bild ohne Alternativtext (nbconvert setzte "
            f"„{NBCONVERT_PLACEHOLDER_ALT}“). Zeige Grafiken mit zeige_grafik(fig, alt=…):\n"
            f"  {listed}"
        )
    return renumber_cells(output)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """On notebook pages: Material's copy button instead of mkdocs-jupyter's.

    Done on the content, before the search plugin reads it, so that the hidden second copy of
    the code never reaches the search index.
    """
    if 'class="jupyter-wrapper"' not in html:
        return html
    return use_materials_copy_button(html)


def use_materials_copy_button(html: str) -> str:
    """Remove mkdocs-jupyter's copy button; Material adds its own to ``<pre><code>``."""
    for pattern in _OWN_COPY_BUTTON:
        html = pattern.sub("", html)
    leftover = [name for name in _OWN_COPY_BUTTON_MARKS if name in html]
    if leftover:
        raise PluginError(
            f"notebooks: {leftover} noch in der Seite; hooks/notebooks.py passt nicht mehr zur "
            "Vorlage von mkdocs-jupyter."
        )
    counter = count(1)

    def wrap(match: re.Match[str]) -> str:
        return (
            f'{match["start"]} id="zellcode-{next(counter)}"{match["attrs"]}>{match["empty"]}'
            f"<code>{match['code']}</code></pre>"
        )

    return _CELL_CODE.sub(wrap, html)


def renumber_cells(html: str) -> str:
    """Replace jupytext's random cell ids by ``cell-id=1``, ``cell-id=2``, … in page order."""
    numbers: dict[str, str] = {}
    counter = count(1)

    def stable(match: re.Match[str]) -> str:
        if match.group() not in numbers:
            numbers[match.group()] = f"cell-id={next(counter)}"
        return numbers[match.group()]

    return _CELL_ID.sub(stable, html)


def _has_alt(tag: str) -> bool:
    match = _ALT.search(tag)
    return match is not None and match.group(1).strip() not in ("", NBCONVERT_PLACEHOLDER_ALT)
