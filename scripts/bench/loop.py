"""Writer's loop: `make serve` from start to first page, and from a saved page to its change.

The preview runs in a copy of the project in a temporary folder (the checkout is never edited):
docs/, hooks/, includes/, overrides/, templates/, src/, devtools/ and the configuration, with
node_modules/ linked and the kept notebook runs copied, as in a checkout someone works in. The
watcher is started as `make serve` starts it; the first page is the start page answering. Then
`SAVES` times a sentence is added to docs/glossar/inmail.md and the page is asked for every
`POLL_SECONDS` until it shows the sentence: that is one save→visible time.
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from devtools import ROOT
from devtools.site_build import NOTEBOOK_CACHE

from .report import Report

SAVES = 5
POLL_SECONDS = 0.05
START_TIMEOUT = 120.0
SAVE_TIMEOUT = 60.0
FIRST_PAGE_BUDGET = 10.0  # seconds from `make serve` to the first page
SAVE_BUDGET = 2.0  # seconds from a saved page to the change, median
EDITED_PAGE = "docs/glossar/inmail.md"
EDITED_URL = "glossar/inmail/"
COPIED = ("docs", "hooks", "includes", "overrides", "templates", "src", "devtools")
COPIED_FILES = ("mkdocs.yml", "pyproject.toml", "README.md", "constraints.txt")


@dataclass(frozen=True)
class LoopTimes:
    """Seconds from the start to the first page, and from each save to the visible change."""

    first_page: float
    saves: list[float]


def _copy_project(target: Path) -> None:
    """The parts of the project `make serve` reads, into `target`."""
    ignore = shutil.ignore_patterns("__pycache__")
    for name in COPIED:
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in COPIED_FILES:
        shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    if NOTEBOOK_CACHE.is_dir():
        shutil.copytree(NOTEBOOK_CACHE, target / NOTEBOOK_CACHE.relative_to(ROOT))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _page(url: str) -> str | None:
    """The page's text, or None while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        page = _page(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} zeigte nach {timeout:.0f} s nicht „{text}“")


def measure_loop(folder: Path) -> LoopTimes:
    """Start the preview in a copy of the project and time the first page and `SAVES` saves."""
    project = folder / "project"
    _copy_project(project)
    base = f"http://127.0.0.1:{_free_port()}/"
    address = base.removeprefix("http://").rstrip("/")
    command = [sys.executable, "-m", "devtools.serve", "--no-strict", "-a", address]
    server = subprocess.Popen(
        command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        first_page = _wait_for(base, "</html>", START_TIMEOUT)
        _wait_for(base + EDITED_URL, "</html>", START_TIMEOUT)
        saves = []
        page = project / EDITED_PAGE
        for number in range(1, SAVES + 1):
            marker = f"Messsatz{number}x{time.monotonic_ns()}"
            with page.open("a", encoding="utf-8") as file:
                file.write(f"\n{marker} steht hier.\n")
            saves.append(_wait_for(base + EDITED_URL, marker, SAVE_TIMEOUT))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return LoopTimes(first_page, saves)


def report_loop(report: Report, times: LoopTimes) -> None:
    """The preview's start and save→visible times against their budgets."""
    report.section("make serve: Start und gespeicherte Seite → sichtbar")
    saves = times.saves
    median = statistics.median(saves)
    report.say(f"Start bis erste Seite: {times.first_page:5.1f} s (Notebook-Läufe vorhanden)")
    report.say(
        f"Speichern → sichtbar ({len(saves)}×): Median {median:.2f} s, "
        f"min {min(saves):.2f} s, max {max(saves):.2f} s"
    )
    report.target(
        times.first_page <= FIRST_PAGE_BUDGET,
        f"make serve: erste Seite nach {times.first_page:.1f} s ≤ {FIRST_PAGE_BUDGET:.0f} s",
    )
    report.target(
        median <= SAVE_BUDGET,
        f"make serve: Speichern → sichtbar, Median {median:.2f} s ≤ {SAVE_BUDGET:.0f} s",
    )
