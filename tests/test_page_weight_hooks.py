"""The hooks behind the notebook pages' weight: pruned notebook CSS, figures, copy buttons.

`make bench` measures what they achieve; these tests pin down their rules on small inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import notebook_css
import notebook_images
import notebooks

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<html><body data-md-color-scheme="default"><article class="md-typeset">
<div class="jupyter-wrapper"><div class="jp-Cell jp-CodeCell">
<div class="highlight-ipynb"><pre><span class="k">def</span></pre></div>
<table class="dataframe"><tr><td>1</td></tr></table>
</div></div></article></body></html>"""


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("a:hover .x::before", "a .x"),
        ("[data-md-color-scheme=slate] .jupyter-wrapper", "* .jupyter-wrapper"),
        (".jupyter-wrapper .md-typeset__scrollwrap", ".jupyter-wrapper *"),
        ("tr:nth-child(odd) > td:not(.x)", "tr:nth-child(odd) > td"),
        (".a:is(.b, .c)", ".a"),
        ("[class*=jp-] .x", "[class*=jp-] .x"),
        ("::selection", "*"),
    ],
)
def test_timeless_drops_what_depends_on_the_moment(selector: str, expected: str) -> None:
    assert notebook_css.timeless(selector) == expected


def test_prune_keeps_rules_that_can_match_and_drops_the_rest() -> None:
    css = """
    .jupyter-wrapper .jp-Cell{padding:5px}
    .jupyter-wrapper .jp-Toolbar{display:flex}
    .highlight-ipynb .k:hover,.highlight-ipynb .nope{color:green}
    [data-md-color-scheme=slate] .jupyter-wrapper table.dataframe{color:white}
    .jupyter-wrapper .md-typeset__scrollwrap{margin:0}
    @media print{.jp-Cell{break-inside:avoid}.jp-Toolbar{display:none}}
    @keyframes spin{to{transform:rotate(1turn)}}
    """
    pruned = notebook_css.prune_css(css, [PAGE])
    assert ".jupyter-wrapper .jp-Cell{padding:5px}" in pruned
    assert "jp-Toolbar" not in pruned, "no element has that class"
    assert ".highlight-ipynb .k:hover{color:green}" in pruned, "only the matching selector stays"
    assert "[data-md-color-scheme=slate] .jupyter-wrapper table.dataframe" in pruned, "dark mode"
    assert ".md-typeset__scrollwrap" in pruned, "Material's script adds it at run time"
    assert "@media print{.jp-Cell{break-inside:avoid}}" in pruned
    assert "@keyframes" not in pruned, "no kept rule names the animation"


def test_prune_drops_custom_properties_nobody_reads() -> None:
    css = """.jupyter-wrapper{--jp-used:1px;--jp-chain:var(--jp-deep);--jp-deep:red;
    --jp-unused:blue;--jp-read-elsewhere:0}
    .jp-Cell{margin:var(--jp-used);color:var(--jp-chain)}"""
    pruned = notebook_css.prune_css(css, [PAGE], also_reading=["x{top:var(--jp-read-elsewhere)}"])
    for name in ("--jp-used", "--jp-chain", "--jp-deep", "--jp-read-elsewhere"):
        assert f"{name}:" in pruned, name
    assert "--jp-unused" not in pruned


@pytest.mark.parametrize(
    ("image", "size"),
    [
        (
            b'<?xml version="1.0"?>\n<svg width="460.8pt" height="273.6pt" viewBox="0 0 1 1">',
            (614, 365),
        ),
        (b'<svg viewBox="0 0 300 150" xmlns="http://www.w3.org/2000/svg">', (300, 150)),
        (b'<svg width="100%" height="100%">', None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0", (640, 480)),
    ],
)
def test_image_size_in_css_pixels(image: bytes, size: tuple[int, int] | None) -> None:
    assert notebook_images.image_size(image) == size


# mkdocs-jupyter's markup for one code cell (notebook.html.j2 and nbconvert2.py, shortened).
NOTEBOOK_CELL = """<script>
(function (global, factory) { global.ClipboardCopyElement = factory(); }(this, function () {
  if (!window.customElements.get('clipboard-copy')) {}
  return ClipboardCopyElement;
}));
</script>
<script>
      document.addEventListener('clipboard-copy', function(event) {})
</script>
<div class="jupyter-wrapper"><div class="jp-Cell jp-CodeCell" id="cell-id=1">
<div class="CodeMirror cm-s-jupyter">
<div class="zeroclipboard-container">
<clipboard-copy for="cell-1", aria-label="Copy to Clipboard">
<div><span class="notice" hidden>Copied!</span><svg class="clipboard-copy-icon"></svg></div>
</clipboard-copy>
</div>
<div class="highlight-ipynb hl-python"><pre><span></span><span class="n">x</span>
<span class="o">=</span> <span class="mi">1</span>
</pre></div>
<div id="cell-1" class="clipboard-copy-txt">x = 1</div>
</div></div></div>"""


def test_notebook_cells_use_materials_copy_button() -> None:
    """mkdocs-jupyter's button, script and hidden second copy go; the code sits in <code>."""
    html = notebooks.use_materials_copy_button(NOTEBOOK_CELL)
    for gone in ("<script", "clipboard", "Copy to Clipboard", "Copied!", "x = 1"):
        assert gone not in html, gone
    assert (
        '<div class="highlight-ipynb hl-python"><pre id="zellcode-1">'
        '<span></span><code><span class="n">x</span>'
    ) in html
    assert "</span>\n</code></pre></div>" in html


def test_notebook_copy_button_change_stops_the_build_when_the_template_changed() -> None:
    changed = NOTEBOOK_CELL.replace('<div class="zeroclipboard-container">', "<div>")
    with pytest.raises(PluginError, match="mkdocs-jupyter"):
        notebooks.use_materials_copy_button(changed)
