"""The Content-Security-Policy (hooks/csp.py): the site works under it, and it blocks the rest.

Chromium reports every breach of the policy as a `securitypolicyviolation` event in the page; an
init script collects them. Visiting and using the site must raise none: every page (notebooks
and diagrams included; checked during test_pages.py's visit of every page), instant navigation,
search, tooltips and the tools. A script and an
image from another host, or an inline script that no hash allows, injected into a page, must
each be blocked: an event, and nothing loaded or run. In those tests every request to another
host is aborted, so that even a failing test never contacts another machine.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from devtools.site_pages import page_file, site_pages
from tests.browser.browsing import (
    COLLECT_CSP_VIOLATIONS,
    csp_violations,
    wait_for_diagrams,
)
from tests.browser.conftest import PageLog

FOREIGN = "http://203.0.113.1"  # TEST-NET-3 (RFC 5737): an address that no one ever answers
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@pytest.fixture(autouse=True)
def _watched(page: Page) -> None:
    """Collect the page's violations."""
    page.context.add_init_script(COLLECT_CSP_VIOLATIONS)


@pytest.fixture
def aborted(page: Page, base_url: str) -> list[str]:
    """Abort every request to a host other than the test server, and list them.

    Only for the tests that inject foreign addresses: routing every request through Playwright
    slows pages with many requests (mermaid's chunks) down too much on a busy machine. The other
    tests rely on the `page` fixture, which records any request to another host.
    """
    urls: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.fallback()
        else:
            urls.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_local)
    return urls


def directives(html: str) -> dict[str, list[str]]:
    """The page's policy: directive → its source expressions."""
    match = _POLICY.search(html)
    assert match, "keine Content-Security-Policy"
    parts = (part.split() for part in match.group(1).split(";"))
    return {name: values for name, *values in parts}


def test_every_page_carries_the_policy_first(site_dir: Path) -> None:
    """Each page: the policy before any script or style, strict, with its inline scripts' hashes."""
    for path in site_pages(site_dir):
        html = page_file(site_dir, path).read_text(encoding="utf-8")
        policy = directives(html)
        head = html[: html.index("Content-Security-Policy")]
        assert "<script" not in head, f"/{path}: Policy nach einem Skript"
        assert "<link" not in head, f"/{path}: Policy nach einem Stylesheet"
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts, path
        assert "'unsafe-eval'" not in scripts, path
        for code in _INLINE_SCRIPT.findall(html):
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in scripts, f"/{path}: Inline-Skript ohne Hash"
        every_value = " ".join(" ".join(values) for values in policy.values())
        assert "http" not in every_value, f"/{path}: fremde Quelle"
        assert "*" not in every_value, f"/{path}: Platzhalter als Quelle"


def test_no_violation_while_using_the_site(page: Page, page_log: PageLog, base_url: str) -> None:
    """Instant navigation to a diagram, search with results, a tooltip: one document."""
    page.goto(base_url + "glossar/")
    page.evaluate("window.__ohneNeuladen = true")
    nav = page.get_by_role("navigation", name="Navigation")

    nav.get_by_role("link", name="Start", exact=True).click()
    page.wait_for_url(base_url)
    page.locator(".diagramm").first.wait_for(state="attached")  # the new content is in
    wait_for_diagrams(page)

    search = page.locator(".md-search__input")
    search.click()
    search.fill("Antwortgarantie")
    search.press("End")  # Material searches on keyup
    result = page.locator(".md-search-result__item > a").first
    expect(result).to_be_visible()
    result.click()
    page.wait_for_url("**/glossar/antwortgarantie/**")

    page.locator("article abbr").first.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()

    assert page.evaluate("window.__ohneNeuladen === true"), "Seite neu geladen: keine Instant-Nav."
    assert csp_violations(page) == []
    assert page_log.console_errors == []
    assert page_log.foreign_requests == []


def test_no_violation_while_using_the_tools(
    page: Page, page_log: PageLog, base_url: str, site_dir: Path
) -> None:
    """Each tool with every radio button and check box changed by keyboard, and its buttons."""
    tools = [path for path in site_pages(site_dir) if re.fullmatch(r"werkzeuge/.+/", path)]
    assert tools, "keine Werkzeug-Seiten gefunden"
    found = {}
    for path in tools:
        page.goto(base_url + path)
        app = page.locator("[data-werkzeug-app][data-gestartet]")
        app.wait_for()
        controls = app.locator("input[type=radio], input[type=checkbox], button")
        for index in range(controls.count()):
            controls.nth(index).focus()
            page.keyboard.press("Space")
        if csp_violations(page):
            found[path] = csp_violations(page)
    assert not found, found
    assert page_log.console_errors == []
    assert page_log.foreign_requests == []


@pytest.mark.parametrize(
    ("tag", "attribute", "directive"),
    [("script", "src", "script-src-elem"), ("img", "src", "img-src")],
)
def test_a_foreign_resource_is_blocked_before_it_is_requested(
    page: Page, base_url: str, aborted: list[str], tag: str, attribute: str, directive: str
) -> None:
    """A script or image from another host, added to a page, raises a violation, never loads.

    Chromium reports the blocked load as a request that failed for the reason "csp"; it never
    reaches the network, so the route that aborts every request to another host sees nothing.
    """
    failures: dict[str, str | None] = {}
    page.on("requestfailed", lambda request: failures.update({request.url: request.failure}))
    page.goto(base_url)
    url = f"{FOREIGN}/x.{'js' if tag == 'script' else 'png'}"
    outcome = page.evaluate(
        """([tag, attribute, url]) => new Promise((resolve) => {
            const element = document.createElement(tag);
            element.addEventListener("load", () => resolve("geladen"));
            element.addEventListener("error", () => resolve("blockiert"));
            element.setAttribute(attribute, url);
            document.body.append(element);
        })""",
        [tag, attribute, url],
    )
    assert outcome == "blockiert"
    page.wait_for_function("() => window.__cspVerstoesse.length > 0")
    assert [v.split(" (")[0] for v in csp_violations(page)] == [f"{directive} {url}"]
    assert failures.get(url) == "csp"  # the blocked reason, not a network error
    assert aborted == []


def test_an_inline_script_without_hash_does_not_run(
    page: Page, base_url: str, aborted: list[str]
) -> None:
    """Script text added to a page (as an injection would) is refused: a violation, no effect."""
    page.goto(base_url)
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__eingeschleust = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("() => window.__cspVerstoesse.length > 0")
    assert page.evaluate("window.__eingeschleust") is None
    assert [v.split(" ")[0] for v in csp_violations(page)] == ["script-src-elem"]
    assert aborted == []
