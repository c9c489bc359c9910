"""The search index loads when someone searches (overrides/partials/lazy-search.html).

Material asks for search/search_index.json on every page; the inline script holds that request
back until the reader turns to the search, or opens a page from a search result.
"""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.browsing import RequestTracker

INDEX = "search/search_index.json"


def index_requests(page: Page) -> list[str]:
    """Start recording the page's requests for the search index."""
    requested: list[str] = []
    page.on(
        "request", lambda request: requested.append(request.url) if INDEX in request.url else None
    )
    return requested


def test_index_waits_until_the_reader_turns_to_the_search(page: Page, base_url: str) -> None:
    requested = index_requests(page)
    tracker = RequestTracker(page)
    page.goto(base_url + "glossar/")
    tracker.wait_idle(page, quiet=0.5)
    assert requested == [], "the index loaded before anyone searched"
    with page.expect_request(f"**/{INDEX}"):
        page.keyboard.press("/")  # Material's shortcut to the search field
    assert len(requested) == 1


def test_page_opened_from_a_search_result_loads_the_index_at_once(
    page: Page, base_url: str
) -> None:
    requested = index_requests(page)
    with page.expect_request(f"**/{INDEX}"):
        page.goto(base_url + "glossar/?h=guthaben")
    assert len(requested) == 1
