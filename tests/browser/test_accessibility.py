"""Accessibility beyond the visit of every page: what only exists after interaction.

Every page itself is checked with axe in the light and (its colour rules) the dark scheme and on a
phone-sized screen by test_every_page.py. Here: that axe runs every required rule and that the dark
pass covers every colour rule, the open search with
results, a shown tooltip after instant navigation, and that each glossary term takes the keyboard
focus once per section.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from devtools.site_pages import page_file, site_pages
from tests.browser.axe import (
    AXE_OPTIONS,
    COLOUR_TAG,
    DARK_RULES,
    REQUIRED_TAGS,
    SCHEMES,
    WIDE,
    new_page,
    report,
    start_axe,
)


@pytest.fixture(scope="module")
def scheme_pages(browser: Browser) -> Iterator[dict[str, Page]]:
    """One wide page per colour scheme."""
    pages: dict[str, Page] = {
        scheme: new_page(browser, color_scheme=scheme, viewport=WIDE) for scheme in SCHEMES
    }
    yield pages
    for page in pages.values():
        page.context.close()


def test_axe_runs_the_required_rules(scheme_pages: dict[str, Page], base_url: str) -> None:
    """Guard against a silently narrower run: every required tag has enabled rules."""
    page = scheme_pages["light"]
    page.goto(base_url)
    enabled = page.evaluate(
        """options => {
            axe.configure({rules: Object.entries(options.rules)
                .map(([id, rule]) => ({id, enabled: rule.enabled}))});
            return axe._audit.rules.filter(rule => rule.enabled)
                .map(rule => ({id: rule.id, tags: rule.tags}));
        }""",
        AXE_OPTIONS,
    )
    for tag in REQUIRED_TAGS:
        assert any(tag in rule["tags"] for rule in enabled), f"axe prüft keine Regel mit Tag {tag}"
    colour_rules = sorted(rule["id"] for rule in enabled if COLOUR_TAG in rule["tags"])
    assert colour_rules == sorted(DARK_RULES), "der dunkle Durchgang muss jede Farbregel prüfen"


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
        # The address changes before Material has swapped the content in: wait for the new page.
        expect(page.locator("article h1")).to_contain_text("Antwortgarantie und 90-Tage-Regel")
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
