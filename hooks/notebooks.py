"""MkDocs hook: German, reproducible and accessible notebook pages (docs/praxis/*.py).

mkdocs-jupyter renders a notebook with nbconvert's "lab" template. Three things of that output
do not fit a German site that is checked for accessibility:

1. Images without alt text: nbconvert gives every ``<img>`` that has none the English
   placeholder "No description has been provided for this image". The notebooks here display
   their figures themselves (``zeige_grafik``: an SVG in an ``<img>`` with a German ``alt``), so
   the placeholder only appears when a figure slipped through, e.g. a plain ``plt.show()``. The
   build then fails and names the page.
2. The copy button of each code cell is labelled in English ("Copy to Clipboard", "Copied!").
3. jupytext gives each cell a random id when it reads a ``.py`` notebook, so every build wrote
   different ``id="cell-id=…"`` attributes. They are renumbered in page order.
"""

from __future__ import annotations

import re
from itertools import count

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"

_LABELS = (
    ('aria-label="Copy to Clipboard"', 'aria-label="In die Zwischenablage kopieren"'),
    (">Copied!<", ">Kopiert!<"),
)
_CELL_ID = re.compile(r"cell-id=[0-9a-f]{8,}")
_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r"\salt=\"([^\"]*)\"")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """On notebook pages: refuse images without German alt text, translate, renumber cells."""
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
    for english, german in _LABELS:
        output = output.replace(english, german)
    return renumber_cells(output)


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
