"""Every page of the built site, in two browser windows at once, checked for what a reader needs.

Each page is opened in two contexts side by side (one load each, the renderers share the cores),
with its diagrams drawn and its lazy images loaded, and checked:

- **light, 1366 px** (a laptop): HTTP 200, German, no console error, no failed request, no
  request to another host, no breach of the Content-Security-Policy (hooks/csp.py; an init
  script collects Chromium's `securitypolicyviolation` events), nothing cut off, and axe finds
  nothing (every rule it runs by default plus `target-size`, see tests/browser/axe.py);
- **dark, 1366 px**: the same window then switches the system to dark, as a reader's system does
  in the evening; Material follows (the site's default palette is "automatic"), diagramme.js
  draws the diagrams again, and axe's colour rules (`DARK_RULES`: contrast, links told apart from
  text) find nothing in the dark scheme either. Its other rules would read the same markup and
  layout as in light; a fresh load in dark is checked by test_werkzeuge.py and test_pages.py;
- **375 px** (a phone): nothing cut off, and axe finds nothing with the rules whose outcome
  depends on the layout (`NARROW_RULES`; the colours are those of the light window);
- **320 px** (a 1280 px window at 400 % zoom, WCAG 1.4.10 reflow): the phone's window, narrowed
  once its checks are done, does not scroll sideways.

"Cut off": only tables and code may be wider than the text column, and then they scroll in their
own box; anything else that sticks out past the article's right edge, or whose content a box with
``overflow: hidden`` clips, is named in the message. A page is left only when no request is in
flight (an aborted request would look like a failed one). The pages are split into `SHARDS`
parts, one test each, so that pytest-xdist spreads them over the cores.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tests.browser.axe import (
    AXE_OPTIONS,
    BODY_SCHEME,
    DARK_OPTIONS,
    NARROW_OPTIONS,
    axe_violations,
    describe,
    new_page,
    start_axe,
)
from tests.browser.browsing import (
    COLLECT_CSP_VIOLATIONS,
    SHARDS,
    RequestTracker,
    csp_violations,
    reveal_lazy_content,
    shard,
    wait_for_diagrams,
)
from tests.browser.conftest import PageLog

LAPTOP = ViewportSize(width=1366, height=768)
PHONE = ViewportSize(width=375, height=812)
ZOOMED = ViewportSize(width=320, height=640)


@dataclass
class Window:
    """One of the two contexts: its page, its request tracker, and what it saw go wrong."""

    page: Page
    tracker: RequestTracker
    log: PageLog = field(default_factory=PageLog)


@pytest.fixture(scope="module")
def windows(browser: Browser, base_url: str) -> Iterator[dict[str, Window]]:
    """The two contexts, each with axe injected into every document."""
    options: dict[str, dict[str, Any]] = {
        "hell": {"color_scheme": "light", "viewport": LAPTOP},
        "375 px": {"color_scheme": "light", "viewport": PHONE},
    }
    opened = {}
    for name, option in options.items():
        page = new_page(browser, **option)
        window = Window(page, RequestTracker(page))
        opened[name] = window
    light = opened["hell"]
    light.page.context.add_init_script(COLLECT_CSP_VIOLATIONS)
    light.log.watch(light.page, base_url)
    yield opened
    for window in opened.values():
        window.page.context.close()


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


def visit(windows: dict[str, Window], url: str) -> int:
    """Open `url` in both windows, in light, and wait until each shows what its checks need.

    Each window loads its lazy images, draws the page's diagrams (axe checks them) and waits
    until no request is in flight. Returns the HTTP status of the light window's load.
    """
    status = 0
    for name, window in windows.items():
        window.log.forget()
        window.page.emulate_media(color_scheme="light")  # the last page ended in dark
        window.page.set_viewport_size(PHONE if name == "375 px" else LAPTOP)
        response = window.page.goto(url, wait_until="commit")
        if name == "hell":
            status = response.status if response is not None else 0
    for window in windows.values():
        window.page.wait_for_load_state("load")
    for window in windows.values():
        reveal_lazy_content(window.page)
    for window in windows.values():
        if window.page.locator(".diagramm").count():
            wait_for_diagrams(window.page)
    for window in windows.values():
        window.tracker.wait_idle(window.page)
    return status


def switch_to_dark(window: Window) -> None:
    """Switch the window's system colour scheme to dark and wait until the page shows it."""
    page = window.page
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(
        "scheme => document.body.dataset.mdColorScheme === scheme",
        arg=BODY_SCHEME["dark"],
        timeout=10_000,
    )
    if page.locator(".diagramm").count():
        wait_for_diagrams(page)


@pytest.mark.parametrize("part", range(SHARDS))
def test_every_page(
    windows: dict[str, Window], base_url: str, site_dir: Path, subtests: Any, part: int
) -> None:
    """Every page passes every check of the module docstring, in its window."""
    light, phone = windows["hell"], windows["375 px"]
    for path in shard(site_dir, part):
        with subtests.test(msg=path or "/"):
            status = visit(windows, base_url + path)
            problems: dict[str, object] = {}
            if status != 200:
                problems["HTTP"] = status
            if light.page.evaluate("document.documentElement.lang") != "de":
                problems["Sprache"] = light.page.evaluate("document.documentElement.lang")
            for name, entries in (
                ("Konsolenfehler", light.log.console_errors),
                ("fehlgeschlagene Anfragen", light.log.failed_requests),
                ("Anfragen an fremde Hosts", light.log.foreign_requests),
                ("CSP-Verstöße", csp_violations(light.page)),
            ):
                if entries:
                    problems[name] = list(entries)
            for name, window in (("1366 px", light), ("375 px", phone)):
                if cut := window.page.evaluate(_CUT_OFF):
                    problems[f"abgeschnitten bei {name}"] = cut
            phone.page.set_viewport_size(ZOOMED)
            width, client = phone.page.evaluate(
                "() => [document.scrollingElement.scrollWidth, "
                "document.scrollingElement.clientWidth]"
            )
            if width > client:
                problems["breiter als 320 px"] = (width, phone.page.evaluate(_STICKING_OUT))
            phone.page.set_viewport_size(PHONE)
            body = light.page.evaluate("document.body.dataset.mdColorScheme")
            assert body == BODY_SCHEME["light"], f"/{path}: hell zeigt {body}"
            start_axe(light.page, AXE_OPTIONS)
            start_axe(phone.page, NARROW_OPTIONS)
            if violations := axe_violations(light.page):
                problems["axe hell"] = "\n" + describe(violations)
            switch_to_dark(light)
            start_axe(light.page, DARK_OPTIONS)
            for name, window in (("375 px", phone), ("dunkel", light)):
                if violations := axe_violations(window.page):
                    problems[f"axe {name}"] = "\n" + describe(violations)
            if light.log.console_errors:  # the switch to dark, the diagrams drawn again
                problems["Konsolenfehler"] = list(light.log.console_errors)
            assert not problems, f"/{path}: " + "\n".join(f"{k}: {v}" for k, v in problems.items())
