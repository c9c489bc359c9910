"""The built notebook pages (templates/notebook.html.j2): light, German, prose first.

They link the committed, pruned notebook.css instead of inlining mkdocs-jupyter's CSS, and that
file is what scripts/notebook_css.py makes of these very pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import notebook_css  # scripts/ is on pytest's pythonpath (pyproject.toml)
import pytest

from devtools.site_pages import page_file
from tests.browser.browsing import notebook_pages

ROOT = Path(__file__).resolve().parents[2]


def _notebooks(site_dir: Path) -> list[tuple[str, str]]:
    pages = notebook_pages(site_dir)
    assert len(pages) == len(list((ROOT / "docs" / "praxis").glob("*.py"))), pages
    return [(page, page_file(site_dir, page).read_text(encoding="utf-8")) for page in pages]


def test_committed_notebook_css_is_current(site_dir: Path) -> None:
    """After a change of the notebooks, the template or mkdocs-jupyter: `make notebook-css`."""
    committed = notebook_css.TARGET.read_text(encoding="utf-8")
    assert notebook_css.notebook_css(site_dir) == committed, "veraltet: make notebook-css"


def test_notebook_pages_link_the_shared_style_sheet_instead_of_inline_css(site_dir: Path) -> None:
    for page, html in _notebooks(site_dir):
        article = html[html.index("<article") :]
        assert "<style" not in html, page
        links = re.findall(r'<link [^>]*href="([^"]*notebook\.css)"', article)
        assert len(links) == 1, page
        assert (page_file(site_dir, page).parent / links[0]).resolve().is_file(), links[0]


def test_notebook_code_has_materials_copy_button_and_stays_out_of_search(site_dir: Path) -> None:
    for page, html in _notebooks(site_dir):
        for gone in ("clipboard-copy", "Copy to Clipboard", "cell-id="):
            assert gone not in html, (page, gone)
        cells = re.findall(r'<div class="highlight-ipynb[^>]*>(<pre[^>]*>)(<code>)?', html)
        assert cells, page
        for pre, code in cells:
            assert "data-search-exclude" in pre, (page, pre)
            assert code, (page, pre)


@pytest.mark.parametrize("name", ["ein-jahr-guthaben", "sterne-verlieren"])
def test_notebook_page_opens_with_prose_and_folds_the_set_up(site_dir: Path, name: str) -> None:
    html = page_file(site_dir, f"praxis/{name}/").read_text(encoding="utf-8")
    notebook = html[html.index('class="jupyter-wrapper"') :]
    first_code = notebook.index("highlight-ipynb")
    assert "<h1" in notebook[:first_code], "the title comes first"
    assert notebook.count("<p>", 0, first_code) >= 2, "then the introduction"
    folded = notebook[notebook.index("<details") : notebook.index("</details>")]
    assert "<summary>Vorbereitung" in folded
    assert "def zeige_grafik" in re.sub(r"<[^>]+>", "", folded), "the helper is folded away"
