"""`make test`'s wall time by part, against its budget: lint, build, fast tests, browser tests.

The parts run as `make test` runs them: lint and the strict build side by side, then pytest over
every core (pytest-xdist). For a time of each part, pytest runs once without and once with only
tests/browser. `make test` itself runs both in one pytest, which lets the browser tests fill the
gaps of the fast ones and collects once: so pytest runs a third time as `make test` runs it, and
the budget holds for lint ‖ build plus that run, the wall time of `make test`.

This machine's speed varies from minute to minute (the same loop took 1.0 s and 1.4 s in one
run of the bench): a fixed piece of Python work (`REFERENCE_LOOP`) is timed before and after the
parts, so a slow reading can be told from a slow suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from devtools import ROOT
from devtools.site_build import BUILD_ENV

from .report import Report

TEST_BUDGET = 180.0  # seconds: `make test` on an installed checkout
BIN = Path(sys.executable).parent
REFERENCE_LOOP = 20_000_000
"""Additions in the reference workload (about one second of one core with the venv's Python)."""


def reference_seconds() -> float:
    """CPU seconds of a fixed piece of pure-Python work: the machine's speed right now."""
    started = time.process_time()
    total = 0
    for number in range(REFERENCE_LOOP):
        total += number
    assert total == REFERENCE_LOOP * (REFERENCE_LOOP - 1) // 2
    return time.process_time() - started


@dataclass(frozen=True)
class TestParts:
    """Wall seconds per part, and the reference workload's seconds before and after them."""

    seconds: dict[str, float]
    reference_before: float
    reference_after: float


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Run `command` in the project folder; its wall time in seconds (it must succeed)."""
    started = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    return time.perf_counter() - started


def measure_test_parts(site: Path) -> TestParts:
    """Seconds per part: lint ‖ build, fast tests, browser tests, their sum, and `make test`."""
    lint = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."],
        [str(BIN / "mypy"), "--strict"],
    ]
    build = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-d", str(site)]
    env = {**os.environ, **BUILD_ENV, "INMAIL_SITE_DIR": str(site)}
    before = reference_seconds()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        linted = pool.submit(lambda: sum(_timed(command) for command in lint))
        built = pool.submit(_timed, build, env)
        parts = {"lint": linted.result(), "build": built.result()}
    parts["lint ‖ build"] = time.perf_counter() - started
    pytest = [str(BIN / "pytest"), "-n", "auto", "-q", "-p", "no:cacheprovider"]
    parts["schnelle Tests"] = _timed([*pytest, "--ignore=tests/browser"], env)
    parts["Browsertests"] = _timed([*pytest, "--no-cov", "tests/browser"], env)
    tests = parts["schnelle Tests"] + parts["Browsertests"]
    parts["Summe der Teile"] = parts["lint ‖ build"] + tests
    parts["pytest wie make test"] = _timed(pytest, env)
    parts["make test"] = parts["lint ‖ build"] + parts["pytest wie make test"]
    return TestParts(parts, reference_before=before, reference_after=reference_seconds())


def report_test_parts(report: Report, parts: TestParts) -> None:
    """Each part's seconds, the reference workload's, and `make test`'s against the budget."""
    report.section("make test nach Teilen (Wanduhrzeit)")
    for name, seconds in parts.seconds.items():
        report.say(f"{name:<20} {seconds:6.1f} s")
    report.say(
        f"Referenz (feste Python-Arbeit, ein Kern): {parts.reference_before:.2f} s vorher, "
        f"{parts.reference_after:.2f} s nachher (je kleiner, desto schneller die Maschine)"
    )
    total = parts.seconds["make test"]
    report.target(total <= TEST_BUDGET, f"make test {total:.0f} s ≤ {TEST_BUDGET:.0f} s")
