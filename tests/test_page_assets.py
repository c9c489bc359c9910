"""Per-page assets: each page's front matter names exactly the scripts and style sheets it needs.

overrides/main.html renders ``styles:`` as ``<link rel="stylesheet">`` and ``scripts:`` as a
deferred ``<script>``; a page that forgets one shows a broken diagram or tool, a page that names one
it does not need makes every reader download it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from mkdocstrings_css import STYLE_SHEET as MKDOCSTRINGS_CSS
from werkzeuge import TOOLS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ASSET_KEYS = ("styles", "scripts")

_MERMAID_FENCE = re.compile(r"^```mermaid\s*$", re.M)
_AUTODOC = re.compile(r"^::: [\w.]+", re.M)
_TOOL_MARKER = re.compile(r'<div data-werkzeug="(?P<name>[a-z-]+)"></div>')


def _has_tool(text: str, name: str | None = None) -> bool:
    """Whether the Markdown places a tool (hooks/werkzeuge.py), or this one tool."""
    return any(name in (None, hit["name"]) for hit in _TOOL_MARKER.finditer(text))


def _places(tool: str) -> Callable[[str], bool]:
    """The rule for one tool's own script: the page places that tool."""
    return lambda text: _has_tool(text, tool)


# Asset (path relative to docs/) → whether a page's Markdown needs it.
NEEDED_BY: dict[str, Callable[[str], bool]] = {
    # ```mermaid fences become <div class="diagramm">, drawn by diagramme.js.
    "assets/javascripts/diagramme.js": lambda text: bool(_MERMAID_FENCE.search(text)),
    # `::: module` renders documented objects, styled by mkdocstrings' sheet.
    MKDOCSTRINGS_CSS: lambda text: bool(_AUTODOC.search(text)),
    # A tool marker becomes the tool's form: its style sheet, the shared helper and its script.
    "assets/stylesheets/werkzeuge.css": _has_tool,
    "assets/javascripts/werkzeuge/gemeinsam.js": _has_tool,
    **{f"assets/javascripts/werkzeuge/{tool}.js": _places(tool) for tool in TOOLS},
}
# Assets that a plugin writes into the site; they are not files under docs/.
GENERATED = {MKDOCSTRINGS_CSS}

PAGES = sorted(DOCS.rglob("*.md"))


def declared_assets(page: Path) -> list[str]:
    """The paths the page's front matter lists under `styles` and `scripts`."""
    _, meta = get_data(page.read_text(encoding="utf-8"))
    assets: list[str] = []
    for key in ASSET_KEYS:
        value = meta.get(key, [])
        assert isinstance(value, list), f"{page}: {key} muss eine Liste sein"
        assets += value
    return assets


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_page_declares_exactly_the_assets_it_needs(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    declared = set(declared_assets(page))
    unknown = declared - NEEDED_BY.keys()
    assert not unknown, f"Keine Regel in NEEDED_BY für {sorted(unknown)}"
    needed = {asset for asset, needs in NEEDED_BY.items() if needs(text)}
    assert not needed - declared, f"fehlt in der Kopfzeile: {sorted(needed - declared)}"
    assert not declared - needed, f"unnötig geladen: {sorted(declared - needed)}"


def test_every_declared_asset_exists() -> None:
    declared = {asset for page in PAGES for asset in declared_assets(page)}
    assert declared, "keine Seite nennt ein Asset: liest der Test die Kopfzeilen?"
    missing = [a for a in sorted(declared) if a not in GENERATED and not (DOCS / a).is_file()]
    assert not missing, f"nicht unter docs/: {missing}"


def test_asset_rules_recognise_what_they_are_for() -> None:
    """Each rule fires on its own marker and not on a page without it."""
    samples = {
        "assets/javascripts/diagramme.js": "```mermaid\nflowchart TD\n```\n",
        MKDOCSTRINGS_CSS: "::: inmail_explained.network\n",
        "assets/stylesheets/werkzeuge.css": '<div data-werkzeug="kanal-finder"></div>\n',
        "assets/javascripts/werkzeuge/gemeinsam.js": '<div data-werkzeug="sterne-rechner"></div>\n',
        **{
            f"assets/javascripts/werkzeuge/{tool}.js": f'<div data-werkzeug="{tool}"></div>\n'
            for tool in TOOLS
        },
    }
    assert samples.keys() == NEEDED_BY.keys()
    for asset, needs in NEEDED_BY.items():
        assert needs(samples[asset]), asset
        assert not needs("# Titel\n\n```python\nprint(1)\n```\n"), asset
    for tool in TOOLS:
        others = [other for other in TOOLS if other != tool]
        assert not NEEDED_BY[f"assets/javascripts/werkzeuge/{tool}.js"](
            samples[f"assets/javascripts/werkzeuge/{others[0]}.js"]
        ), tool
