"""End to end in Chromium: the site's features work (every page itself: test_every_page.py).

The features: German search, glossary tooltips (mouse and keyboard), the mermaid diagram, content
tabs, the light/dark switch, the notebooks' figures, and all of that again after Material's
instant navigation (a click on a link that replaces the page without loading a new document).
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from abkuerzungen import ABBREVIATIONS, read_glossary
from devtools import ROOT
from tests.browser.browsing import (
    notebook_pages,
    wait_for_diagrams,
)
from tests.browser.conftest import PageLog

GLOSSARY_SOURCE = ROOT / ABBREVIATIONS
NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"
# A few of the most frequent German words: a German sentence of some length contains one.
GERMAN_WORDS = {"der", "die", "das", "und", "mit", "von", "im", "ein", "eine", "den", "für", "auf"}


def glossary() -> dict[str, str]:
    """Term → explanation, as hooks/abkuerzungen.py gives them to every page."""
    entries = read_glossary(GLOSSARY_SOURCE)
    assert entries, f"{GLOSSARY_SOURCE} enthält keine Abkürzungen"
    return entries


def no_problems(log: PageLog) -> dict[str, list[str]]:
    """The non-empty lists of `log`, for an assertion that prints them."""
    return {
        name: entries
        for name, entries in (
            ("Konsolenfehler", log.console_errors),
            ("fehlgeschlagene Anfragen", log.failed_requests),
            ("Anfragen an fremde Hosts", log.foreign_requests),
        )
        if entries
    }


def mark_document(page: Page) -> None:
    """Mark the current document; `assert_same_document` then proves there was no reload."""
    page.evaluate("window.__ohneNeuladen = true")


def assert_same_document(page: Page) -> None:
    """Fail if the page was loaded anew since `mark_document` (no instant navigation)."""
    assert page.evaluate("window.__ohneNeuladen === true"), "Seite neu geladen: keine Instant-Nav."


def arrive(page: Page, url: str, title: str) -> None:
    """Wait until instant navigation has shown the page `url` titled `title`, in this document.

    The fragment is not compared: when the reader left a page scrolled to a section, Material's
    `navigation.tracking` may still write that section's anchor (``#was-zaehlt``) onto the new
    address while the next page swaps in. The address without fragment and the title must match.
    """
    page.wait_for_url(lambda address: fnmatch(address.partition("#")[0], url.replace("**", "*")))
    expect(page).to_have_title(re.compile(rf"^{re.escape(title)}\b"))
    assert_same_document(page)


def nav_link(page: Page, name: str) -> Locator:
    """A link of Material's main navigation (the left sidebar)."""
    return page.get_by_role("navigation", name="Navigation").get_by_role(
        "link", name=name, exact=True
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Antwortgarantie", "glossar/antwortgarantie/"),
        ("OpenLink", "glossar/openlink/"),
        ("Sterne", "glossar/sterne/"),
        # The question „Bekomme ich es zurück, wenn jemand „Kein Interesse“ anklickt?“ carries the
        # words in its title and answers them in two sentences, with a link to the Antwortgarantie.
        ("Kein Interesse", "haeufige-fragen/"),
    ],
)
def test_search_finds_the_glossary_page(
    page: Page, page_log: PageLog, base_url: str, query: str, expected: str
) -> None:
    """Typed into Material's search, a glossary term finds the page that answers it first."""
    page.goto(base_url)
    search = page.locator(".md-search__input")
    search.click()
    search.fill(query)
    search.press("End")  # Material searches on keyup
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible()
    href = first.get_attribute("href") or ""
    assert href.split("?")[0].split("#")[0] == base_url + expected, f"{query!r}: {href}"
    first.click()
    page.wait_for_url(f"{base_url}{expected}**")
    assert not no_problems(page_log), no_problems(page_log)


def expect_tooltip(page: Page, abbr: Locator) -> str:
    """The tooltip for `abbr` is shown, explains its term, and describes the abbr; its id."""
    term = " ".join(abbr.inner_text().split())
    explanation = glossary()[term]
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(explanation)
    tooltip_id = tooltip.get_attribute("id") or "-"
    expect(abbr).to_have_attribute("aria-describedby", tooltip_id)
    return tooltip_id


def expect_tooltip_gone(page: Page, tooltip_id: str) -> None:
    """The tooltip `tooltip_id` is no longer shown."""
    expect(page.locator(f"[id='{tooltip_id}'].md-tooltip2--active")).to_have_count(0)


def tab_to_first_abbr(page: Page, limit: int = 100) -> Locator:
    """Press Tab, as a keyboard user would, until a glossary term has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            page.evaluate("document.activeElement.dataset.testFokus = ''")
            return page.locator("abbr[data-test-fokus]")
    raise AssertionError(f"Nach {limit}× Tab hatte kein Glossarbegriff den Fokus")


def test_tooltip_on_hover(page: Page, base_url: str) -> None:
    """Pointing at a glossary term shows its explanation."""
    page.goto(base_url + "glossar/antwortgarantie/")
    abbr = page.locator("article abbr").first
    abbr.hover()
    expect_tooltip(page, abbr)


def test_tooltip_on_keyboard_focus(page: Page, base_url: str) -> None:
    """Tabbing to a glossary term shows its explanation, and it goes when focus moves on."""
    page.goto(base_url + "glossar/antwortgarantie/")
    abbr = tab_to_first_abbr(page)
    tooltip_id = expect_tooltip(page, abbr)
    page.keyboard.press("Tab")
    expect_tooltip_gone(page, tooltip_id)


def expect_diagram(page: Page) -> None:
    """The start page's flowchart is drawn as SVG, with its accessible title."""
    expect(page.locator(".diagramm")).to_have_count(1)
    wait_for_diagrams(page)
    svg = page.locator(".diagramm svg")
    expect(svg).to_have_count(1)
    expect(svg).to_be_visible()
    expect(svg).to_contain_text("Seid ihr vernetzt?")
    expect(svg.locator("title")).to_have_text("Welcher Knopf auf einem Profil erscheint")
    expect(page.locator(".diagramm")).not_to_contain_text("flowchart TD")


def test_diagram_renders_as_svg(page: Page, page_log: PageLog, base_url: str) -> None:
    """The mermaid source on the start page becomes a drawing."""
    page.goto(base_url)
    expect_diagram(page)
    assert not no_problems(page_log), no_problems(page_log)


def expect_tabs_switch(page: Page) -> None:
    """Clicking "Ab 2015" shows its tab and hides "Bis 2014", in every linked tab set."""
    sets = page.locator(".tabbed-set").filter(has=page.locator("label", has_text="Ab 2015"))
    assert sets.count() >= 1, "keine Reiter „Bis 2014“/„Ab 2015“"
    first = sets.first
    blocks = first.locator(".tabbed-block")
    expect(blocks.nth(0)).to_be_visible()
    expect(blocks.nth(1)).to_be_hidden()
    first.locator("label", has_text="Ab 2015").click()
    for index in range(sets.count()):  # content.tabs.link switches all sets with that label
        expect(sets.nth(index).locator(".tabbed-block").nth(0)).to_be_hidden()
        expect(sets.nth(index).locator(".tabbed-block").nth(1)).to_be_visible()
    first.locator("label", has_text="Bis 2014").click()
    expect(blocks.nth(0)).to_be_visible()


def test_content_tabs_switch(page: Page, base_url: str) -> None:
    """The "Bis 2014" / "Ab 2015" tabs of the Antwortgarantie page switch."""
    page.goto(base_url + "glossar/antwortgarantie/")
    expect_tabs_switch(page)


def scheme(page: Page) -> str:
    """Material's current colour scheme: "default" (light) or "slate" (dark)."""
    value: str = page.evaluate("document.body.dataset.mdColorScheme")
    return value


def test_dark_mode_persists(page: Page, base_url: str) -> None:
    """Switched to dark, the site stays dark after a reload, instant navigation and a new load."""
    page.emulate_media(color_scheme="light")
    page.goto(base_url + "glossar/")
    assert scheme(page) == "default"
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    body = page.locator("body")
    toggle.click()  # "automatic" (the default) → light
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle.click()  # light → dark
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate", "nach dem Neuladen wieder hell"
    mark_document(page)
    nav_link(page, "OpenLink").click()
    arrive(page, "**/glossar/openlink/", "OpenLink")
    assert scheme(page) == "slate", "nach Instant-Navigation wieder hell"
    page.goto(base_url + "referenz/regeln/")
    assert scheme(page) == "slate", "auf einer neu geladenen Seite wieder hell"


def test_notebook_pages_show_their_figures(page: Page, base_url: str, site_dir: Path) -> None:
    """Each notebook page shows at least one figure, loaded, with a German alt text."""
    pages = notebook_pages(site_dir)
    assert pages, "keine Notebook-Seiten gefunden"
    for path in pages:
        page.goto(base_url + path)
        figures = page.locator(".jupyter-wrapper img")
        assert figures.count() >= 1, f"/{path}: keine Grafik"
        for index in range(figures.count()):
            figure = figures.nth(index)
            figure.scroll_into_view_if_needed()
            expect(figure).to_be_visible()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=figure.element_handle()
            )
            alt = figure.get_attribute("alt") or ""
            words = set(re.findall(r"\w+", alt.lower()))
            assert alt != NBCONVERT_PLACEHOLDER_ALT, f"/{path}: Platzhalter-Alternativtext"
            assert len(words) >= 5, f"/{path}: Alt-Text zu kurz: {alt!r}"
            assert words & GERMAN_WORDS, f"/{path}: Alt-Text nicht deutsch: {alt!r}"


def test_instant_navigation_keeps_everything_working(
    page: Page, page_log: PageLog, base_url: str
) -> None:
    """Reached by clicks on navigation links, pages draw diagrams, switch tabs, show tooltips."""
    page.goto(base_url + "glossar/")
    mark_document(page)

    nav_link(page, "Start").click()
    arrive(page, base_url, "InMail erklärt")
    expect_diagram(page)

    nav_link(page, "Antwortgarantie und 90-Tage-Regel").click()
    arrive(page, "**/glossar/antwortgarantie/", "Antwortgarantie und 90-Tage-Regel")
    expect_tabs_switch(page)
    abbr = page.locator("article abbr").first
    abbr.hover()
    tooltip_id = expect_tooltip(page, abbr)
    page.mouse.move(0, 0)
    expect_tooltip_gone(page, tooltip_id)
    abbr = tab_to_first_abbr(page)  # on from the clicked link
    expect_tooltip(page, abbr)

    # Back to the start page through the logo in the header: the diagram is drawn again.
    page.locator(".md-header a.md-logo").click()
    arrive(page, base_url, "InMail erklärt")
    expect_diagram(page)
    assert not no_problems(page_log), no_problems(page_log)
