"""Debian's Chromium with the same flags for the browser tests, the page weights and Lighthouse."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
"""Flags for a quiet, reproducible browser in a container: no sandbox, no GPU, no updates."""
HEADLESS = "--headless=new"
"""Playwright starts Chromium headless by itself; Lighthouse needs it said."""


def launch(playwright: Playwright) -> Browser:
    """Chromium, headless, with `CHROMIUM_ARGS`."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def lighthouse_chrome_flags() -> str:
    """The same flags as one string for Lighthouse's ``--chrome-flags``."""
    return " ".join([HEADLESS, *CHROMIUM_ARGS])
