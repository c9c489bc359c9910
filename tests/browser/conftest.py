"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium (its headless shell).

The site comes from `INMAIL_SITE_DIR` when set (``make test`` builds `site/` first and sets it),
otherwise it is built strictly into a temporary folder once per session. Without Chromium the
browser tests are skipped with a message that says how to install it; under CI (``CI=true``)
they fail instead, so a missing browser never passes silently.

Coverage does not measure these tests (the repository's conftest.py marks them `no_cover`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from devtools.chromium import HEADLESS_SHELL, INSTALL, launch
from devtools.site_build import build_site
from devtools.static_host import serve

INSTALL_HINT = f"Chromium fehlt ({HEADLESS_SHELL}): als root `{INSTALL}` ausführen."


def chromium_or_skip() -> Path:
    """The browser the tests drive; skip (or, under CI, fail) when it is missing."""
    if HEADLESS_SHELL.exists():
        return HEADLESS_SHELL
    if os.environ.get("CI") == "true":
        pytest.fail(f"Unter CI müssen die Browsertests laufen. {INSTALL_HINT}")
    pytest.skip(INSTALL_HINT)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: `INMAIL_SITE_DIR`, or a fresh strict build in a temporary folder."""
    given = os.environ.get("INMAIL_SITE_DIR")
    if given:
        path = Path(given).resolve()
        assert (path / "index.html").exists(), f"INMAIL_SITE_DIR={given} enthält keine index.html"
        return path
    target = tmp_path_factory.mktemp("site")
    build_site(target, cold=True)
    return target


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port, for the whole session."""
    with serve(site_dir) as host:
        yield host.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium headless shell, launched once per session (per pytest-xdist worker)."""
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@dataclass
class PageLog:
    """What a page did: console errors, failed requests, and requests to other hosts."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    _started: set[Any] = field(default_factory=set)
    """The requests made since the last `forget`."""

    def forget(self) -> None:
        """Start a new page: clear the lists."""
        self.console_errors.clear()
        self.failed_requests.clear()
        self.foreign_requests.clear()
        self._started.clear()

    def watch(self, page: Any, base_url: str) -> None:
        """Record the page's console errors, failed requests and requests to other hosts."""

        def on_console(message: Any) -> None:
            if message.type == "error":
                self.console_errors.append(message.text)

        def on_request(request: Any) -> None:
            self._started.add(request)
            if request.url.startswith(("http://", "https://")) and not request.url.startswith(
                base_url
            ):
                self.foreign_requests.append(request.url)

        def on_failure(request: Any) -> None:
            # A request of the page before `forget` (the favicon comes late) that leaving it
            # aborted is no failure of this page; every other failure is.
            if request in self._started or request.failure != "net::ERR_ABORTED":
                self.failed_requests.append(f"{request.url} {request.failure}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", on_request)
        page.on("requestfailed", on_failure)


@pytest.fixture
def page_log() -> PageLog:
    """An empty log for the `page` fixture to fill."""
    return PageLog()


@pytest.fixture
def page(browser: Any, base_url: str, page_log: PageLog) -> Iterator[Any]:
    """A fresh page (own context, German locale) that logs errors and foreign requests."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    page_log.watch(new_page, base_url)
    yield new_page
    context.close()
