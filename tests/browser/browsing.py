"""Helpers for the browser tests: notebook pages, instant navigation, waiting for a page to settle.

The list of pages itself is devtools/site_pages.py, shared with `make bench`.
"""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Page, Request

from devtools.site_pages import page_file, site_pages

SHARDS = 4
"""The tests that visit every page split the pages into this many parts, one test each, so that
pytest-xdist spreads them over the cores (`make test` runs ``pytest -n auto``)."""

COLLECT_CSP_VIOLATIONS = """
window.__cspVerstoesse = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspVerstoesse.push(
    `${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`
  );
});
"""
"""An init script: Chromium reports every breach of the page's Content-Security-Policy as a
`securitypolicyviolation` event; this collects them in the page (see `csp_violations`)."""


def shard(site_dir: Path, index: int) -> list[str]:
    """Part `index` (0 … SHARDS-1) of the site's pages; together the parts are every page once."""
    return site_pages(site_dir)[index::SHARDS]


def csp_violations(page: Page) -> list[str]:
    """The violations seen in the current document so far (`COLLECT_CSP_VIOLATIONS`)."""
    found: list[str] = page.evaluate("window.__cspVerstoesse")
    return found


def notebook_pages(site_dir: Path) -> list[str]:
    """The pages that mkdocs-jupyter rendered from a notebook."""
    return [
        page
        for page in site_pages(site_dir)
        if 'class="jupyter-wrapper"' in page_file(site_dir, page).read_text(encoding="utf-8")
    ]


class RequestTracker:
    """Counts a page's requests in flight, so a test can wait until none is left."""

    def __init__(self, page: Page) -> None:
        self.pending: set[Request] = set()
        page.on("request", lambda request: self.pending.add(request))
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))

    def wait_idle(self, page: Page, timeout: float = 10.0, quiet: float = 0.05) -> None:
        """Return once no request has been in flight for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        idle_since: float | None = None
        while time.monotonic() < deadline:
            page.wait_for_timeout(20)  # lets Playwright deliver the request events
            if self.pending:
                idle_since = None
                continue
            now = time.monotonic()
            idle_since = idle_since or now
            if now - idle_since >= quiet:
                return
        in_flight = ", ".join(request.url for request in self.pending)
        raise AssertionError(f"Nach {timeout} s noch offene Anfragen: {in_flight}")


def reveal_lazy_content(page: Page) -> None:
    """Scroll each lazily loaded image, frame and diagram into view, so that it loads."""
    page.evaluate(
        """async () => {
            const lazy = document.querySelectorAll("[loading=lazy], .diagramm");
            for (const element of lazy) {
                element.scrollIntoView({block: "center"});
                await new Promise(requestAnimationFrame);
            }
            window.scrollTo(0, 0);
        }"""
    )


def wait_for_diagrams(page: Page) -> None:
    """Wait until every mermaid diagram on the page is drawn as SVG in the current colour scheme.

    Diagrams are drawn once one comes near the screen. Scrolling to them once is not enough
    after instant navigation: Material may still swap the content or scroll back to the top
    after the address has changed. So every poll brings the first undrawn diagram into view
    again, until all are drawn. After a switch between light and dark, diagramme.js draws them
    again; its ``data-gezeichnet`` names the theme of the drawing, so the old one does not count.
    """
    page.wait_for_function(  # a function, not an expression: that would need eval (see CSP)
        """() => {
            const dark = document.body.dataset.mdColorScheme === 'slate';
            const theme = dark ? 'dark' : 'default';
            const waiting = [...document.querySelectorAll('.diagramm')]
              .filter(d => !(d.dataset.gezeichnet === theme && d.querySelector('svg')));
            waiting[0]?.scrollIntoView({block: 'center'});
            return waiting.length === 0;
        }""",
        polling=250,
    )
