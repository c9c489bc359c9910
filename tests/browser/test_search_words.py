"""Material's search finds the Häufige Fragen by the words readers type.

Each word is typed into the search field as a reader would; Material's worker (German stemmer and
stop words, lunr) answers, and among the results must be the question that answers it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

FAQ = "haeufige-fragen/"

WORDS = [
    ("kündigen", "kuendigen"),
    ("Kündigung", "kuendigen"),
    ("verfallen", "verfallen"),
    ("ablaufen", "verfallen"),
    ("zurückbekommen", "zurueck-ohne-antwort"),
    ("kostenlos", "ohne-premium"),
    ("wie viele", "wie-viele-inmails"),
]


@pytest.mark.parametrize(("word", "anchor"), WORDS, ids=[word for word, _ in WORDS])
def test_search_finds_the_answer(page: Page, base_url: str, word: str, anchor: str) -> None:
    """The result list links to the question (shown, or under „more on this page“)."""
    page.goto(base_url)
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.press_sequentially(word, delay=20)
    results = page.locator(".md-search-result__list")
    expect(results.locator("li").first).to_be_visible(timeout=15_000)
    # Material folds further hits of a page under a <details>; a reader opens it.
    for more in results.locator("details.md-search-result__more").all():
        more.locator("summary").click()
    link = results.locator(f'a[href*="/{FAQ}?"][href$="#{anchor}"]')
    expect(link.first).to_be_attached()
