"""Page weight step: every page loaded once in Chromium, every response the server sent added up."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Browser

from devtools.static_host import Sent, StaticHost

from .report import Report, kb, largest, verdict

# Lighthouse's mobile preset emulates a Moto G Power: the same viewport for the weights.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True}
WEIGHT_BUDGET = 1.3  # × the bare page's gzip weight
QUIET_SECONDS = 1.0  # a page has finished loading when no request came for this long
MERMAID_MARK = "mermaid"  # requests whose path contains this count as the diagram library


@dataclass
class Weight:
    """What one page loaded on first view (and, with a diagram, when scrolled to it)."""

    path: str
    responses: list[Sent]
    later: list[Sent] = field(default_factory=list)  # loaded after scrolling to a diagram

    @property
    def raw(self) -> int:
        """Size of all files loaded."""
        return sum(r.raw for r in self.responses)

    @property
    def wire(self) -> int:
        """Bytes sent for all of them (gzip where the server compresses)."""
        return sum(r.wire for r in self.responses)

    @property
    def mermaid_wire(self) -> int:
        """The part of `wire` that is the diagram library."""
        return sum(r.wire for r in self.responses if MERMAID_MARK in r.path)

    @property
    def failed(self) -> list[str]:
        """Requests answered with an error."""
        return [f"{r.status} {r.path}" for r in self.responses + self.later if r.status >= 400]


def _wait_until_quiet(host: StaticHost, start: int, page: Any, limit: float = 20.0) -> None:
    """Wait until no request has reached `host` for QUIET_SECONDS (at most `limit` seconds)."""
    deadline = time.monotonic() + limit
    seen, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(host.since(start))
        if count != seen:
            seen, quiet_since = count, time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_SECONDS:
            return
        page.wait_for_timeout(100)


def measure(browser: Browser, host: StaticHost, path: str) -> Weight:
    """Load `path` in a fresh browser context and return every response it caused."""
    context = browser.new_context(**MOBILE)  # type: ignore[arg-type]  # dict of known keys
    page = context.new_page()
    start = len(host.since(0))
    page.goto(host.url + path, wait_until="load")
    _wait_until_quiet(host, start, page)
    weight = Weight(path, host.since(start))
    diagram = page.query_selector(".diagramm")
    if diagram is not None:
        middle = len(host.since(0))
        diagram.scroll_into_view_if_needed()
        with contextlib.suppress(Exception):  # a diagram that is never drawn shows as a 0 below
            page.wait_for_selector(".diagramm[data-gezeichnet]", timeout=30_000)
        _wait_until_quiet(host, middle, page)
        weight.later = host.since(middle)
    context.close()
    return weight


def report_weights(report: Report, weights: list[Weight], bare: Weight) -> None:
    """The weight table: every page against the bare page."""
    report.section("Seitengewicht beim ersten Aufruf")
    report.say("Gemessen: jede Anfrage, die headless Chromium (Playwright, 412×823 wie Lighthouse")
    report.say("mobil, leerer Cache) beim Laden stellte, bis 1 s lang keine mehr kam. roh = Größe")
    report.say("der Dateien, gzip = über die Leitung geschickte Bytes (Level 6, ohne Header).")
    report.say(f"1 KB = 1000 Bytes. Budget: gzip ≤ {WEIGHT_BUDGET}× die bare Seite.")
    report.say()
    report.say(
        f"{'Seite':<36} {'Anfr.':>5} {'roh KB':>8} {'×bare':>6} {'gzip KB':>8} {'×bare':>6}"
        f" {'mermaid':>8}  Budget"
    )
    report.say(
        f"{'bare Material-Seite (Vergleich)':<36} {len(bare.responses):>5} {kb(bare.raw):>8}"
        f" {1:>6.2f} {kb(bare.wire):>8} {1:>6.2f} {'–':>8}"
    )
    for weight in weights:
        ratio = weight.wire / bare.wire
        mermaid = kb(weight.mermaid_wire) if weight.mermaid_wire else "–"
        report.say(
            f"{'/' + weight.path:<36} {len(weight.responses):>5} {kb(weight.raw):>8}"
            f" {weight.raw / bare.raw:>6.2f} {kb(weight.wire):>8} {ratio:>6.2f} {mermaid:>8}"
            f"  {verdict(ratio <= WEIGHT_BUDGET)}"
        )
    report.say()
    report.say(f"bare Seite lädt (gzip KB): {largest(bare.responses, 10)}")
    shared = _shared(weights)
    if shared:
        report.say(f"jede unserer Seiten lädt (gzip KB): {largest(shared, 20)}")
    over = [w for w in weights if w.wire / bare.wire > WEIGHT_BUDGET]
    for weight in over:
        own = [r for r in weight.responses if r not in shared]
        report.say(
            f"über Budget /{weight.path}: {kb(weight.wire - WEIGHT_BUDGET * bare.wire)} KB zu viel;"
            f" dazu kommen auf dieser Seite: {largest(own)}"
        )
    for weight in [bare, *weights]:
        if weight.failed:
            report.say(f"fehlgeschlagene Anfragen auf /{weight.path}: {', '.join(weight.failed)}")
    report.target(
        not over,
        f"Gewicht: {len(weights) - len(over)} von {len(weights)} Seiten"
        f" ≤ {WEIGHT_BUDGET}× bare (gzip)",
    )


def _shared(weights: list[Weight]) -> list[Sent]:
    """The responses every page loaded (same path on all pages)."""
    if not weights:
        return []
    common = set.intersection(*({r.path for r in w.responses} for w in weights))
    return [r for r in weights[0].responses if r.path in common]
