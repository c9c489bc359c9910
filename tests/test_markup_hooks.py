"""hooks/valid_html.py: what the Nu HTML Checker rejects goes; changed markup stops the build.

The browser tests check the built site; these pin down each rule on small inputs.
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

import valid_html  # hooks/ is on pytest's pythonpath (pyproject.toml)

SIGNATURE_ANCHOR = '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>'
BLOCK_ANCHOR = '<a id="__codelineno-3-1" name="__codelineno-3-1" href="#__codelineno-3-1"></a>'


def test_line_anchors_leave_signatures_only() -> None:
    page = (
        f'<div class="doc-signature highlight"><pre><span></span><code>{SIGNATURE_ANCHOR}'
        '<span class="n">f</span></code></pre></div>'
        f'<div class="highlight"><pre><span></span><code>{BLOCK_ANCHOR}x = 1</code></pre></div>'
    )
    fixed = valid_html.fix_page(page, "x.md")
    assert SIGNATURE_ANCHOR not in fixed
    assert '<code><span class="n">f</span></code>' in fixed
    assert BLOCK_ANCHOR in fixed


def test_toc_title_without_its_toggle_becomes_a_div() -> None:
    title = '<label class="md-nav__title" for="__toc"><span class="md-icon"></span>Inhalt</label>'
    assert valid_html.fix_page(title, "x.md") == (
        '<div class="md-nav__title"><span class="md-icon"></span>Inhalt</div>'
    )
    with_toggle = f'<input class="md-toggle" type="checkbox" id="__toc">{title}'
    assert valid_html.fix_page(with_toggle, "x.md") == with_toggle


def test_changed_markup_stops_the_build_naming_the_page() -> None:
    signature = '<div class="doc-signature"><pre><code>f()</code></pre></div>'
    with pytest.raises(PluginError, match=r"^api\.md: Signaturen von mkdocstrings"):
        valid_html.fix_page(signature, "api.md")
    title = '<span class="md-nav__title" for="__toc">Inhalt</span>'
    with pytest.raises(PluginError, match=r"^x\.md: Titel des Inhaltsverzeichnisses"):
        valid_html.fix_page(title, "x.md")
