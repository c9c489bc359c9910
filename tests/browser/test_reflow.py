"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide no page scrolls sideways.

320 CSS pixels are a 1280 px window at 400 % zoom. Only tables and code blocks may scroll, inside
their own box.

Every page of the built site is checked, with its diagrams drawn and lazy content loaded. When a
page is too wide, the message names the elements that stick out (outside tables and code).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize

from tests.browser.browsing import (
    SHARDS,
    RequestTracker,
    reveal_lazy_content,
    shard,
    wait_for_diagrams,
)

NARROW = ViewportSize(width=320, height=640)
# Elements that stick out past the right edge, outside what may scroll on its own.
_STICKING_OUT = """
() => {
  const width = document.scrollingElement.clientWidth;
  const scrolls = "pre, code, table, .md-typeset__scrollwrap, .highlight, .highlight-ipynb";
  const out = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest(scrolls)) continue;
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) {
      const classes = element.className && typeof element.className === "string"
        ? "." + element.className.trim().split(/\\s+/).join(".") : "";
      out.push(`${element.tagName.toLowerCase()}${classes} (bis ${Math.round(box.right)} px)`);
    }
  }
  return out.slice(-5);
}
"""


@pytest.mark.parametrize("part", range(SHARDS))
def test_no_page_scrolls_sideways_at_320_px(
    page: Page, base_url: str, site_dir: Path, part: int
) -> None:
    """document.scrollingElement is no wider than the window on any page."""
    page.set_viewport_size(NARROW)
    tracker = RequestTracker(page)
    too_wide = {}
    for path in shard(site_dir, part):
        page.goto(base_url + path)
        reveal_lazy_content(page)
        if page.locator(".diagramm").count():
            wait_for_diagrams(page)
        tracker.wait_idle(page)
        scroll_width, client_width = page.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        if scroll_width > client_width:
            too_wide[path or "/"] = (scroll_width, page.evaluate(_STICKING_OUT))
    assert not too_wide, f"breiter als {NARROW['width']} px: {too_wide}"
