"""Nothing is cut off: every page at 375 px (a phone) and 1366 px (a laptop) shows all its content.

Only tables and code may be wider than the text column, and then they scroll in their own box.
Anything else that sticks out past the article's right edge, or whose content a box with
``overflow: hidden`` clips, would be cut off for the reader; the message names those elements.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize

from devtools.site_pages import site_pages
from tests.browser.browsing import RequestTracker, reveal_lazy_content, wait_for_diagrams

WIDTHS = [ViewportSize(width=375, height=812), ViewportSize(width=1366, height=768)]

_CUT_OFF = """
() => {
  const article = document.querySelector(".md-content__inner");
  if (!article) return [];
  const right = article.getBoundingClientRect().right;
  const edge = Math.min(right, document.documentElement.clientWidth);
  const scrolls = "pre, code, table, .md-typeset__scrollwrap, .highlight, .highlight-ipynb, "
    + ".tabbed-labels, .tabbed-control, .diagramm, .jp-OutputArea-output, mjx-container, .MathJax";
  const name = (element) => {
    const classes = element.className && typeof element.className === "string"
      ? "." + element.className.trim().split(/\\s+/).join(".") : "";
    return `${element.tagName.toLowerCase()}${classes}`;
  };
  const out = [];
  for (const element of article.querySelectorAll("*")) {
    if (element.closest(scrolls)) continue;
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.right > edge + 1) {
      out.push(`${name(element)} ragt heraus (bis ${Math.round(box.right)} px)`);
    }
    const style = getComputedStyle(element);
    const clips = ["hidden", "clip"].includes(style.overflowX);
    const hidden = element.matches(".visually-hidden");
    if (clips && !hidden && element.scrollWidth > element.clientWidth + 1) {
      out.push(`${name(element)} schneidet ab (${element.scrollWidth} > ${element.clientWidth})`);
    }
  }
  return out.slice(0, 5);
}
"""


@pytest.mark.parametrize("viewport", WIDTHS, ids=lambda viewport: f"{viewport['width']}px")
def test_no_content_is_cut_off(
    page: Page, base_url: str, site_dir: Path, viewport: ViewportSize
) -> None:
    """On every page only tables and code are wider than the article, and nothing is clipped."""
    page.set_viewport_size(viewport)
    tracker = RequestTracker(page)
    cut_off = {}
    for path in site_pages(site_dir):
        page.goto(base_url + path)
        reveal_lazy_content(page)
        if page.locator(".diagramm").count():
            wait_for_diagrams(page)
        tracker.wait_idle(page)
        found = page.evaluate(_CUT_OFF)
        if found:
            cut_off[path or "/"] = found
    assert not cut_off, f"abgeschnitten bei {viewport['width']} px: {cut_off}"
