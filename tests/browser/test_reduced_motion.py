"""With `prefers-reduced-motion: reduce`, nothing on the site moves.

After the interactions that animate by default (tooltip, content tabs, search with results, the
navigation drawer, the light/dark switch, a diagram drawn), no element may have a transition or
animation that lasts, no animation may be running, and scrolling must jump rather than glide.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.browsing import wait_for_diagrams

STILL_SECONDS = 0.001  # a shorter transition or animation cannot be seen
# Every element with a transition or animation longer than STILL_SECONDS, and running animations.
_MOTION = """
limit => {
  const seconds = (value) => Math.max(...value.split(",").map((part) =>
    part.trim().endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part)));
  const moving = [];
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      const transition = style.transitionProperty !== "none"
        && seconds(style.transitionDuration) + seconds(style.transitionDelay) > limit;
      const animation = style.animationName !== "none" && seconds(style.animationDuration) > limit;
      if (transition || animation) {
        const name = element.tagName.toLowerCase() + (pseudo ?? "")
          + (typeof element.className === "string" && element.className
            ? "." + element.className.trim().split(/\\s+/).join(".") : "");
        moving.push(`${name}: ${transition ? "transition" : "animation"}`);
      }
    }
  }
  for (const animation of document.getAnimations()) {
    const timing = animation.effect.getComputedTiming();
    if (timing.activeDuration > limit * 1000) {
      moving.push(`läuft: ${animation.animationName ?? animation.transitionProperty}`);
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") {
    moving.push("html: scroll-behavior smooth");
  }
  return [...new Set(moving)];
}
"""


def motion(page: Page) -> list[str]:
    """What still moves on the page (see _MOTION)."""
    found: list[str] = page.evaluate(_MOTION, STILL_SECONDS)
    return found


def test_nothing_moves_when_motion_is_reduced(page: Page, base_url: str) -> None:
    """Tooltips, tabs, search, drawer, palette and diagrams: no transition, no animation."""
    page.emulate_media(reduced_motion="reduce")
    found: dict[str, list[str]] = {}

    page.goto(base_url)
    wait_for_diagrams(page)
    found["Start mit Diagramm"] = motion(page)

    page.goto(base_url + "glossar/antwortgarantie/")
    page.locator("article abbr").first.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    found["Tooltip"] = motion(page)
    page.locator(".tabbed-set label").nth(1).click()
    found["Reiter"] = motion(page)

    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    found["Hell/Dunkel"] = motion(page)

    search = page.locator(".md-search__input")
    search.click()
    search.fill("InMail")
    search.press("End")  # Material searches on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    found["Suche"] = motion(page)
    page.keyboard.press("Escape")

    page.set_viewport_size({"width": 400, "height": 800})
    page.locator(".md-header label[for=__drawer]").click()
    found["Menü"] = motion(page)

    moving = {step: items for step, items in found.items() if items}
    assert not moving, moving
