"""Notebook pages: the pruned style sheet (scripts/notebook_css.py) and the figures' alt text.

tests/browser/test_notebook_pages.py checks the built pages and that the committed style sheet
is current; these tests pin down the rules on small inputs.
"""

from __future__ import annotations

from pathlib import Path

import notebook_css  # scripts/ and hooks/ are on pytest's pythonpath (pyproject.toml)
import pytest
from mkdocs.exceptions import PluginError

import notebook_images

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


class _Page:
    class file:  # noqa: N801  # stands in for mkdocs' File, read as page.file.src_path
        src_path = "praxis/x.py"
        dest_path = "praxis/x/index.html"


@pytest.mark.parametrize(
    "img",
    [
        "<img src='x.svg'>",
        '<img src="x.svg" alt="">',
        f'<img src="x.svg" alt="{notebook_images.NBCONVERT_PLACEHOLDER_ALT}">',
    ],
)
def test_notebook_figure_without_german_alt_text_stops_the_build(img: str) -> None:
    page = f'<div class="jupyter-wrapper"><p>Text</p>{img}</div>'
    with pytest.raises(PluginError, match="Alternativtext"):
        notebook_images.on_post_page(page, _Page, None)  # type: ignore[arg-type]


def test_images_outside_notebook_pages_are_left_alone() -> None:
    page = '<p><img src="x.svg"></p>'
    assert notebook_images.on_post_page(page, _Page, None) == page  # type: ignore[arg-type]


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
