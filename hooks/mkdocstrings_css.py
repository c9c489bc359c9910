"""MkDocs hook: mkdocstrings' style sheet only on the pages that show documented objects.

mkdocstrings adds ``assets/_mkdocstrings.css`` to ``extra_css``, which Material links on every
page, while only the API reference shows its objects; every other page would hold back its first
paint for a style sheet it does not use. This hook takes the file off ``extra_css`` again (hooks
run after the plugins), and the API pages ask for it in their front matter
(``styles: [assets/_mkdocstrings.css]``, rendered by overrides/main.html). mkdocstrings still
writes the file. Material's instant navigation adds and removes the ``<link>`` when the reader
moves between pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

STYLE_SHEET = "assets/_mkdocstrings.css"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Remove mkdocstrings' style sheet from the style sheets of every page."""
    if STYLE_SHEET not in config.extra_css:
        raise PluginError(
            f"mkdocstrings_css: {STYLE_SHEET} steht nicht in extra_css; "
            "heißt die Datei von mkdocstrings jetzt anders?"
        )
    config.extra_css.remove(STYLE_SHEET)
    return config
