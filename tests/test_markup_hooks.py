"""hooks/valid_html.py: what the Nu HTML Checker rejects goes; changed markup stops the build.

The browser tests check the built site; these pin down each rule on small inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import valid_html  # hooks/ is on pytest's pythonpath (pyproject.toml)

ROOT = Path(__file__).resolve().parents[1]


def test_code_blocks_have_no_line_anchors() -> None:
    """mkdocs.yml leaves `anchor_linenums` off: nobody links to a line (see hooks/valid_html.py)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "anchor_linenums" not in config


def test_toc_title_without_its_toggle_becomes_a_div() -> None:
    title = '<label class="md-nav__title" for="__toc"><span class="md-icon"></span>Inhalt</label>'
    assert valid_html.fix_page(title, "x.md") == (
        '<div class="md-nav__title"><span class="md-icon"></span>Inhalt</div>'
    )
    with_toggle = f'<input class="md-toggle" type="checkbox" id="__toc">{title}'
    assert valid_html.fix_page(with_toggle, "x.md") == with_toggle


def test_changed_markup_stops_the_build_naming_the_page() -> None:
    title = '<span class="md-nav__title" for="__toc">Inhalt</span>'
    with pytest.raises(PluginError, match=r"^x\.md: Titel des Inhaltsverzeichnisses"):
        valid_html.fix_page(title, "x.md")
