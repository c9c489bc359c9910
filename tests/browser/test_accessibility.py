"""Accessibility: axe-core finds no violation on any page, in the light and in the dark scheme.

axe runs with all the rules it enables by default (WCAG 2.0/2.1 A and AA, best practices) plus
`target-size` (WCAG 2.2 AA), which axe leaves off by default. No rule is switched off; what
Material and mkdocs-jupyter got wrong is fixed in hooks/a11y.py, docs/assets/javascripts/
barrierefreiheit.js and docs/assets/stylesheets/extra.css.

Every page of the built site is checked after its diagrams are drawn, with the light scheme in
one browser context and the dark scheme in another; axe runs in both at the same time (two
renderer processes, two cores), and once more on a phone-sized screen. Further checks cover
what only exists after interaction: the open search with results, and a shown tooltip after
instant navigation.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from devtools.site_pages import page_file, site_pages
from tests.browser.browsing import SHARDS, serve_sitemap_locally, shard, wait_for_diagrams

SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
BODY_SCHEME = {"light": "default", "dark": "slate"}
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
WIDE: ViewportSize = {"width": 1280, "height": 900}
NARROW: ViewportSize = {"width": 375, "height": 800}
NARROW_RULES = [
    "scrollable-region-focusable",
    "landmark-unique",
    "target-size",
    "region",
    "nested-interactive",
]
NARROW_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": NARROW_RULES},
}
REQUIRED_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")


def axe_source() -> str:
    """axe-core's script, as bundled with axe-playwright-python (a dev dependency)."""
    spec = find_spec("axe_playwright_python")
    assert spec is not None, "axe-playwright-python fehlt: `make install`"
    assert spec.origin is not None
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def start_axe(page: Page, options: dict[str, Any] = AXE_OPTIONS) -> None:
    """Start axe on the page's document without waiting for it (see `axe_violations`).

    Running transitions (a fading search result, a tooltip) would be measured half-way, in
    colours the page never rests in: axe starts when they are over. It starts in a task of its
    own, so this call returns at once and axe can run in several pages at the same time.
    """
    page.evaluate(
        """options => {
            const transitions = document.getAnimations().map(animation => animation.finished);
            const started = new Promise(resolve => setTimeout(resolve));  // returns at once
            window.__axe = started
                .then(() => Promise.allSettled(transitions))
                .then(() => axe.run(document, options));
        }""",
        options,
    )


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Wait for the run started by `start_axe` and return its violations."""
    result: dict[str, Any] = page.evaluate("window.__axe")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def report(pages: dict[str, Page]) -> str:
    """Wait for the axe runs in `pages` (scheme → page); describe their violations, if any."""
    found = {scheme: axe_violations(page) for scheme, page in pages.items()}
    return "\n".join(
        f"[{scheme}]\n{describe(violations)}" for scheme, violations in found.items() if violations
    )


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation and up to five of its elements, with axe's explanation."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … und {len(violation['nodes']) - 5} weitere Elemente")
    return "\n".join(lines)


def new_page(browser: Browser, base_url: str, site_dir: Path, **options: Any) -> Page:
    """A page in a context of its own, with axe injected into every document it loads."""
    context = browser.new_context(locale="de-DE", **options)
    context.add_init_script(axe_source())
    serve_sitemap_locally(context, base_url, site_dir)
    return context.new_page()


@pytest.fixture(scope="module")
def scheme_pages(browser: Browser, base_url: str, site_dir: Path) -> Iterator[dict[str, Page]]:
    """One wide page per colour scheme."""
    pages: dict[str, Page] = {
        scheme: new_page(browser, base_url, site_dir, color_scheme=scheme, viewport=WIDE)
        for scheme in SCHEMES
    }
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture(scope="module")
def narrow_page(browser: Browser, base_url: str, site_dir: Path) -> Iterator[Page]:
    """A phone-sized page, light scheme."""
    page = new_page(browser, base_url, site_dir, color_scheme="light", viewport=NARROW)
    yield page
    page.context.close()


def test_axe_runs_the_required_rules(scheme_pages: dict[str, Page], base_url: str) -> None:
    """Guard against a silently narrower run: every required tag has enabled rules."""
    page = scheme_pages["light"]
    page.goto(base_url)
    enabled = page.evaluate(
        """options => {
            axe.configure({rules: Object.entries(options.rules)
                .map(([id, rule]) => ({id, enabled: rule.enabled}))});
            return axe._audit.rules.filter(rule => rule.enabled).map(rule => rule.tags);
        }""",
        AXE_OPTIONS,
    )
    for tag in REQUIRED_TAGS:
        assert any(tag in tags for tags in enabled), f"axe prüft keine Regel mit Tag {tag}"


@pytest.mark.parametrize("part", range(SHARDS))
def test_every_page(
    scheme_pages: dict[str, Page],
    narrow_page: Page,
    base_url: str,
    site_dir: Path,
    subtests: Any,
    part: int,
) -> None:
    """No page of the site has an axe violation: light, dark, and on a narrow screen.

    On a phone-sized screen (or zoomed in), wide tables and code scroll sideways and the
    sidebars fold away. The colours stay the same, so the narrow pass only runs the rules whose
    outcome depends on the layout (`NARROW_RULES`). The three pages load and run axe at the
    same time.
    """
    pages = {**scheme_pages, f"{NARROW['width']} px": narrow_page}
    for path in shard(site_dir, part):
        with subtests.test(msg=path or "/"):
            for page in pages.values():
                page.goto(base_url + path, wait_until="commit")
            for page in pages.values():
                page.wait_for_load_state("load")
            for scheme, page in scheme_pages.items():
                assert page.evaluate("document.body.dataset.mdColorScheme") == BODY_SCHEME[scheme]
                wait_for_diagrams(page)
                start_axe(page)
            start_axe(narrow_page, NARROW_OPTIONS)
            problems = report(pages)
            assert not problems, f"axe auf /{path}:\n{problems}"


def test_open_search_with_results(scheme_pages: dict[str, Page], base_url: str) -> None:
    """The search dialog, open and showing results, in both schemes."""
    for page in scheme_pages.values():
        page.goto(base_url)
        search = page.locator(".md-search__input")
        search.click()
        search.fill("Guthaben")
        search.press("End")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        start_axe(page)
    problems = report(scheme_pages)
    assert not problems, f"axe bei offener Suche:\n{problems}"


def test_tooltip_after_instant_navigation(scheme_pages: dict[str, Page], base_url: str) -> None:
    """After instant navigation (no new document) and with a tooltip shown, both schemes."""
    for page in scheme_pages.values():
        page.goto(base_url + "glossar/")
        page.evaluate("window.__ohneNeuladen = true")
        primary = page.get_by_role("navigation", name="Navigation")
        primary.get_by_role("link", name="Antwortgarantie und 90-Tage-Regel").click()
        page.wait_for_url("**/glossar/antwortgarantie/")
        assert page.evaluate("window.__ohneNeuladen === true"), "keine Instant-Navigation"
        page.locator("article abbr").first.hover()
        expect(page.locator(".md-tooltip2--active")).to_be_visible()
        start_axe(page)
    problems = report(scheme_pages)
    assert not problems, f"axe nach Instant-Navigation:\n{problems}"


class _GlossaryTerms(HTMLParser):
    """Collects, per term and section, whether its <abbr>s take focus and stand outside a link.

    A section is the text before the first <h2> or an <h2> with all up to the next one; a term
    is named "term (Abschnitt n)".
    """

    def __init__(self) -> None:
        super().__init__()
        self.focusable: dict[str, int] = {}
        self.outside_links: set[str] = set()
        self._in_article = False
        self._in_link = 0
        self._section = 0
        self._abbr: tuple[bool, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article = True
        elif tag == "a":
            self._in_link += 1
        elif tag == "h2":
            self._section += 1
        elif tag == "abbr" and self._in_article:
            self._abbr = (dict(attrs).get("tabindex") == "0", [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        elif tag == "a":
            self._in_link -= 1
        elif tag == "abbr" and self._abbr is not None:
            focusable, text = self._abbr
            term = f"{' '.join(''.join(text).split())} (Abschnitt {self._section})"
            self.focusable[term] = self.focusable.get(term, 0) + focusable
            if not self._in_link:
                self.outside_links.add(term)
            self._abbr = None

    def handle_data(self, data: str) -> None:
        if self._abbr is not None:
            self._abbr[1].append(data)


def test_each_glossary_term_takes_focus_once_per_section(site_dir: Path) -> None:
    """hooks/a11y.py: a term's first tooltip in a section is reachable by Tab, repetitions not.

    A term that only appears inside links is exempt: it cannot take focus inside a link, and
    the link leads to the page that explains it.
    """
    for path in site_pages(site_dir):
        terms = _GlossaryTerms()
        terms.feed(page_file(site_dir, path).read_text(encoding="utf-8"))
        twice = sorted(term for term, count in terms.focusable.items() if count > 1)
        assert not twice, f"/{path}: mehrfach fokussierbar: {twice}"
        never = sorted(term for term in terms.outside_links if terms.focusable[term] == 0)
        assert not never, f"/{path}: nie per Tastatur erreichbar: {never}"
