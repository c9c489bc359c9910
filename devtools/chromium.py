"""Debian's Chromium with the same flags for the browser tests, the page weights and Lighthouse.

Two of Debian's packages, built from the same Chromium release:

- `HEADLESS_SHELL` (package ``chromium-headless-shell``): the same Blink and V8 without the
  browser's window layer, the build Playwright uses for headless runs. The browser tests and the
  page weights load every page in it; a page load costs about a third less CPU time than in the
  full browser, with the same layout, styles and scripts.
- `CHROMIUM` (package ``chromium``): the full browser, for Lighthouse (`make bench`), which starts
  Chrome through its own launcher.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
INSTALL = "apt-get update && apt-get install -y chromium chromium-headless-shell"
"""The command (as root) that installs both."""
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
    """Chromium's headless shell (`HEADLESS_SHELL`) with `CHROMIUM_ARGS`."""
    return playwright.chromium.launch(executable_path=str(HEADLESS_SHELL), args=CHROMIUM_ARGS)


def lighthouse_chrome_flags() -> str:
    """The same flags as one string for Lighthouse's ``--chrome-flags``."""
    return " ".join([HEADLESS, *CHROMIUM_ARGS])
