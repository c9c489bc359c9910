"""axe-core in the browser tests: the rules it runs, runs in several pages at once, reports.

axe runs with all the rules it enables by default (WCAG 2.0/2.1 A and AA, best practices) plus
`target-size` (WCAG 2.2 AA), which axe leaves off by default. No rule is switched off; what
Material and mkdocs-jupyter got wrong is fixed in hooks/a11y.py, overrides/partials/,
templates/notebook.html.j2, docs/assets/javascripts/barrierefreiheit.js and
docs/assets/stylesheets/extra.css.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

from playwright.sync_api import Browser, Page, ViewportSize

SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")
BODY_SCHEME = {"light": "default", "dark": "slate"}
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
WIDE: ViewportSize = {"width": 1280, "height": 900}
NARROW: ViewportSize = {"width": 375, "height": 800}
NARROW_RULES = [
    "scrollable-region-focusable",
    "landmark-unique",
    "target-size",
    "region",
    "nested-interactive",
]
NARROW_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": NARROW_RULES},
}
COLOUR_TAG = "cat.color"
"""axe's category of the rules whose outcome depends on colours."""
DARK_RULES = ["color-contrast", "link-in-text-block"]
"""The rules run again in the dark scheme: every enabled rule of `COLOUR_TAG`.

The dark scheme is the same document with other colours (Material switches a CSS attribute on
``<body>``): the markup, the names, the focus order and the layout do not change, so the other
rules come to the same result as in the light window. test_accessibility.py checks that this list
is every enabled colour rule.
"""
DARK_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": DARK_RULES},
}
REQUIRED_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core's script from `npm ci` (package.json pins the version, the same as Lighthouse's)."""


@cache
def axe_source() -> str:
    """axe-core's script (`AXE_SCRIPT`), read once per test process."""
    assert AXE_SCRIPT.exists(), f"{AXE_SCRIPT} fehlt: `make install` (npm ci) ausführen"
    return AXE_SCRIPT.read_text(encoding="utf-8")


def start_axe(page: Page, options: dict[str, Any] = AXE_OPTIONS, context: object = None) -> None:
    """Start axe on the page's document without waiting for it (see `axe_violations`).

    Running transitions (a fading search result, a tooltip) would be measured half-way, in
    colours the page never rests in: axe starts when they are over. It starts in a task of its
    own, so this call returns at once and axe can run in several pages at the same time.
    `context` is axe's context (what to include or exclude); by default the whole document.
    """
    page.evaluate(
        """([options, context]) => {
            const transitions = document.getAnimations().map(animation => animation.finished);
            const started = new Promise(resolve => setTimeout(resolve));  // returns at once
            window.__axe = started
                .then(() => Promise.allSettled(transitions))
                .then(() => axe.run(context ?? document, options));
        }""",
        [options, context],
    )


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Wait for the run started by `start_axe` and return its violations."""
    result: dict[str, Any] = page.evaluate("window.__axe")
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def report(pages: dict[str, Page]) -> str:
    """Wait for the axe runs in `pages` (scheme → page); describe their violations, if any."""
    found = {scheme: axe_violations(page) for scheme, page in pages.items()}
    return "\n".join(
        f"[{scheme}]\n{describe(violations)}" for scheme, violations in found.items() if violations
    )


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation and up to five of its elements, with axe's explanation."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … und {len(violation['nodes']) - 5} weitere Elemente")
    return "\n".join(lines)


def new_page(browser: Browser, **options: Any) -> Page:
    """A page in a context of its own, with axe injected into every document it loads."""
    context = browser.new_context(locale="de-DE", **options)
    context.add_init_script(axe_source())
    return context.new_page()
