"""Keyboard alone: every tool can be used without a mouse, and the focus is always visible.

The tools are found in the built site (the pages under werkzeuge/ with a tool on them), and what
each test expects is read from the tool's own markup: the tab stops in document order (per radio
group only the checked button, no disabled control), the radio groups, the check boxes and the
live region. A tool with another layout is tested the same way.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from devtools.site_pages import page_file, site_pages

TAB_LIMIT = 250  # more Tab presses than any page here has focus stops

# The tab stops of a tool, as the browser should visit them; each is marked with its position.
_MARK_TAB_STOPS = """
app => {
  const stops = [];
  const groupsSeen = new Set();
  const controls = app.querySelectorAll("input, select, textarea, button, a[href], [tabindex]");
  for (const element of controls) {
    if (element.disabled || element.tabIndex < 0 || element.closest("[hidden], [inert]")) continue;
    if (!element.getClientRects().length) continue;  // not rendered
    if (element.type === "radio") {
      if (groupsSeen.has(element.name)) continue;
      groupsSeen.add(element.name);
      const group = app.querySelectorAll(`input[type=radio][name="${element.name}"]`);
      const checked = [...group].find((radio) => radio.checked) ?? group[0];
      checked.dataset.testStopp = String(stops.length);
      stops.push(checked.id || checked.name);
      continue;
    }
    element.dataset.testStopp = String(stops.length);
    stops.push(element.id || element.name || element.textContent.trim());
  }
  return stops;
}
"""
# Counts changes of the tool's live region (role=status / aria-live): what a screen reader hears.
_WATCH_ANNOUNCEMENTS = """
app => {
  const region = app.querySelector("[aria-live]");
  window.__ansagen = 0;
  new MutationObserver(() => { window.__ansagen += 1; })
    .observe(region, {childList: true, characterData: true, subtree: true});
}
"""
# Whether the focused element shows where the focus is: an outline or a box shadow, on itself
# or on its label (a hidden radio button, as in Material's content tabs and palette switch, shows
# its focus on the label that the reader sees).
_FOCUS_VISIBLE = """
() => {
  const element = document.activeElement;
  const shows = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  };
  const next = element.nextElementSibling;
  const labels = [...(element.labels ?? []), ...(next?.tagName === "LABEL" ? [next] : [])];
  return [element, ...labels].some(shows);
}
"""


def tool_pages(site_dir: Path) -> list[str]:
    """The pages that carry a tool."""
    return [
        path
        for path in site_pages(site_dir)
        if path.startswith("werkzeuge/")
        and "data-werkzeug-app" in page_file(site_dir, path).read_text(encoding="utf-8")
    ]


def open_tool(page: Page, base_url: str, path: str) -> Locator:
    """Open a tool page and wait until its script has started the tool."""
    page.goto(base_url + path)
    app = page.locator("[data-werkzeug-app][data-gestartet]")
    app.wait_for()
    app.evaluate(_WATCH_ANNOUNCEMENTS)
    return app


def focused_stop(page: Page) -> str | None:
    """The tab-stop mark of the focused element, if it has one."""
    mark: str | None = page.evaluate("document.activeElement?.dataset?.testStopp ?? null")
    return mark


def announcements(page: Page) -> int:
    """How often the live region has changed since the tool was opened."""
    count: int = page.evaluate("window.__ansagen")
    return count


@pytest.fixture
def tools(site_dir: Path) -> list[str]:
    """The tool pages; the site has at least one."""
    found = tool_pages(site_dir)
    assert found, "keine Werkzeug-Seite gefunden"
    return found


def test_tab_reaches_every_control_in_order_with_visible_focus(
    page: Page, base_url: str, tools: list[str]
) -> None:
    """From the top of the page, Tab visits each control of the tool once, in document order."""
    for path in tools:
        app = open_tool(page, base_url, path)
        expected: list[str] = app.evaluate(_MARK_TAB_STOPS)
        visited: list[str] = []
        invisible: list[str] = []
        last_mark = None
        for _ in range(TAB_LIMIT):
            page.keyboard.press("Tab")
            mark = focused_stop(page)
            if mark is not None and mark != last_mark:
                last_mark = mark
                visited.append(expected[int(mark)])
                if not page.evaluate(_FOCUS_VISIBLE):
                    invisible.append(expected[int(mark)])
            if len(visited) == len(expected):
                break
        assert visited == expected, f"/{path}: Tab-Reihenfolge"
        assert not invisible, f"/{path}: Fokus nicht sichtbar auf {invisible}"


def test_arrow_keys_move_within_each_radio_group_and_are_announced(
    page: Page, base_url: str, tools: list[str]
) -> None:
    """ArrowDown checks and focuses the next radio button, round each group; results are announced.

    A tool announces a result only when it differs from the last one, so a single step may stay
    silent (a late reply refunds like no reply). Number fields are first set to their minimum by
    keyboard, and over all steps of a tool the live region must speak at least once.
    """
    groups_tested = 0
    for path in tools:
        app = open_tool(page, base_url, path)
        numbers = app.locator("input[type=number][min]:not([disabled])")
        for index in range(numbers.count()):
            numbers.nth(index).focus()
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.type(numbers.nth(index).get_attribute("min") or "")
        names: list[str] = app.evaluate(
            "app => [...new Set([...app.querySelectorAll('input[type=radio]')].map(r => r.name))]"
        )
        before = announcements(page)
        for name in names:
            radios = app.locator(f"input[type=radio][name='{name}']:not([disabled])")
            start = _checked_index(radios)
            radios.nth(start).focus()
            for step in range(1, radios.count() + 1):
                page.keyboard.press("ArrowDown")
                following = radios.nth((start + step) % radios.count())
                assert following.is_checked(), f"/{path} {name}: ArrowDown, Schritt {step}"
                assert following.evaluate("r => r === document.activeElement"), f"/{path} {name}"
            groups_tested += 1
        if names:
            assert announcements(page) > before, f"/{path}: Optionsfelder ohne jede Ansage"
    assert groups_tested, "kein Werkzeug mit Optionsfeldern gefunden"


def test_space_toggles_each_check_box_and_is_announced(
    page: Page, base_url: str, tools: list[str]
) -> None:
    """Space on a focused check box toggles it, twice back again; each change is announced."""
    boxes_tested = 0
    for path in tools:
        app = open_tool(page, base_url, path)
        boxes = app.locator("input[type=checkbox]:not([disabled])")
        for index in range(boxes.count()):
            box = boxes.nth(index)
            was = box.is_checked()
            box.focus()
            before = announcements(page)
            page.keyboard.press("Space")
            assert box.is_checked() != was, f"/{path}: Leertaste auf Kästchen {index}"
            assert announcements(page) > before, f"/{path}: keine Ansage nach Kästchen {index}"
            page.keyboard.press("Space")
            assert box.is_checked() == was
            boxes_tested += 1
    assert boxes_tested, "kein Werkzeug mit Kontrollkästchen gefunden"


def test_buttons_work_with_enter_and_are_announced(
    page: Page, base_url: str, tools: list[str]
) -> None:
    """Enter on each of a tool's buttons changes what the live region says."""
    for path in tools:
        app = open_tool(page, base_url, path)
        buttons = app.locator("button:not([disabled])")
        for index in range(buttons.count()):
            buttons.nth(index).focus()
            before = announcements(page)
            page.keyboard.press("Enter")
            assert announcements(page) > before, f"/{path}: Knopf {index} ohne Ansage"


def test_focus_is_visible_on_every_stop_of_a_page(page: Page, base_url: str) -> None:
    """Tabbing through a content page: each element that takes focus shows it."""
    page.goto(base_url + "glossar/antwortgarantie/")
    invisible = []
    first: Any = None
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        current = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e === document.body ? null : e.outerHTML.slice(0, 120); }"
        )
        if current is None or current == first:
            break
        first = first or current
        if not page.evaluate(_FOCUS_VISIBLE):
            invisible.append(re.sub(r"\s+", " ", current))
    assert not invisible, "Fokus nicht sichtbar:\n" + "\n".join(invisible)


def _checked_index(radios: Locator) -> int:
    for index in range(radios.count()):
        if radios.nth(index).is_checked():
            return index
    return 0
