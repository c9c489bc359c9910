"""The Guthaben- and Sterne-Rechner as a reader sees them: every control used, every state clean.

test_werkzeuge.py checks that each answer is the library's; this file checks what a reader reads
on the way (tests/browser/reading.py: no leaked ``null``, ``None`` and the like in any state), the
Guthaben-Rechner opening on today, its two parts apart and its tables whole at a phone's and a
laptop's width, and the no-JS tables folded once the script runs. The Kanal-Finder's 180 states
are read in test_werkzeuge.py's walk through every combination, which sets them anyway.
"""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from inmail_explained import ERAS, STATUS_DAY, Reaction
from tests.browser.conftest import PageLog
from tests.browser.reading import Reader
from tests.browser.test_werkzeuge import no_errors, open_tool
from werkzeuge_daten import TIMELINE_PLANS  # hooks/ is on pytest's pythonpath (pyproject.toml)

WIDTHS = (375, 1366)


def test_guthaben_rechner_every_control_reads_clean(
    page: Any, base_url: str, page_log: PageLog
) -> None:
    """Each era, each reaction at the window edges, bad input, each plan, the tables opened."""
    app = open_tool(page, base_url, "guthaben-rechner")
    reader = Reader(page, "guthaben-rechner")
    reader.read("start")
    days = ("0", "7", "8", "90", "91", "400", "-1", "", "2.5")
    for era, reaction in product(ERAS, ["keine", *(r.value for r in Reaction)]):
        page.check(f"#gr-zeitpunkt-{era.key}")
        page.check(f"#gr-reaktion-{reaction}")
        for day in days if reaction != "keine" else ("0",):
            if page.is_enabled("#gr-tag"):
                page.fill("#gr-tag", day)
            reader.read(f"{era.key} {reaction} Tag {day!r}")
    for sent in ("", "2009-12-31", "2019-05-01", STATUS_DAY.isoformat()):
        page.fill("#gr-versand", sent)
        reader.read(f"Versand {sent!r}")
    for plan in TIMELINE_PLANS:
        page.check(f"#gr-tarif-{plan.value}")
        text = reader.read(plan.title)
        assert f"{plan.monthly_inmails} InMails" in text
        chart = app.locator("[data-ergebnis='tarif-bild'] svg")
        assert chart.get_attribute("role") == "img"
        assert plan.title in (chart.get_attribute("aria-label") or "")
    page.locator("details[data-werkzeug-alle] summary").click()
    reader.read("alle Tabellen offen")
    assert reader.found == []
    assert reader.states == 1 + len(ERAS) * (1 + len(Reaction) * len(days)) + 4 + 4 + 1 == 94
    no_errors(page_log)


def test_sterne_rechner_every_button_reads_clean(
    page: Any, base_url: str, page_log: PageLog
) -> None:
    """Each reaction button, each action (also on an empty sequence), the table opened."""
    app = open_tool(page, base_url, "sterne-rechner")
    reader = Reader(page, "sterne-rechner")
    reader.read("start")
    buttons = app.locator("button")
    labels = buttons.all_inner_texts()
    assert len(labels) == len(Reaction) + 3
    for round_ in range(2):
        for index, label in enumerate(labels):
            buttons.nth(index).click()
            reader.read(f"{round_}: {label}")
    app.locator("button[data-aktion='leeren']").click()
    assert "Noch keine Bewertung" in reader.read("leer")
    app.locator("button[data-aktion='zurueck']").click()
    reader.read("leer, Letzte entfernen")
    page.locator("details[data-werkzeug-alle] summary").click()
    reader.read("Tabelle offen")
    assert reader.found == []
    assert reader.states == 1 + 2 * len(labels) + 3 == 16
    no_errors(page_log)


def test_guthaben_rechner_opens_on_today_in_two_parts(page: Any, base_url: str) -> None:
    """Today's era and date; the refund part and the plan part each with heading and form."""
    app = open_tool(page, base_url, "guthaben-rechner")
    assert page.is_checked(f"#gr-zeitpunkt-{ERAS[-1].key}")
    assert page.input_value("#gr-versand") == STATUS_DAY.isoformat()
    parts = app.locator("section.werkzeug-teil")
    assert parts.count() == 2
    assert parts.locator("h3").all_inner_texts() == [
        "InMail senden: Kommt das Guthaben zurück?",
        "Tarif heute: Kontingent, Höchststand und Verfall",
    ]
    assert parts.nth(0).locator("form #gr-versand").count() == 1
    assert parts.nth(0).locator("#gr-tarif-premium-career").count() == 0
    assert parts.nth(1).locator("form #gr-tarif-premium-career").count() == 1
    assert parts.nth(1).locator("[data-werkzeug-tarifleiste] table").count() == 1


_OVERFLOW = """
root => {
  const article = document.querySelector("article").getBoundingClientRect();
  return [...root.querySelectorAll("table")].filter(t => t.offsetParent !== null).map(table => {
    const box = table.getBoundingClientRect();
    const wrap = table.closest(".md-typeset__scrollwrap") ?? table.parentElement;
    const cells = [...table.querySelectorAll("th, td")].map(c => c.getBoundingClientRect().right);
    return {
      caption: (table.caption?.textContent ?? "").slice(0, 40),
      tableScroll: table.scrollWidth - table.clientWidth,
      wrapScroll: wrap.scrollWidth - wrap.clientWidth,
      pastArticle: Math.max(box.right, ...cells) - article.right,
    };
  }).filter(t => t.tableScroll > 1 || t.wrapScroll > 1 || t.pastArticle > 1);
}
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_guthaben_rechner_tables_are_whole(browser: Any, base_url: str, width: int) -> None:
    """No table or column of the tool is cut off at 375 px and at 1366 px, for every plan.

    The static tables are folded once the script runs; opened, they are whole on a laptop
    (on a phone they scroll sideways in their wrapper, as every wide table of the site does).
    """
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        app = open_tool(page, base_url, "guthaben-rechner")
        frame = page.locator("[data-werkzeug-rahmen='guthaben-rechner']")
        details = frame.locator("details[data-werkzeug-alle]")
        assert details.get_attribute("open") is None, "die Tabellen ohne JavaScript sind zu"
        assert frame.locator("[data-werkzeug-ohne-js]").is_hidden()
        checked = 0
        for plan in TIMELINE_PLANS:
            page.check(f"#gr-tarif-{plan.value}")
            assert app.locator("[data-werkzeug-tarifleiste] table").is_visible()
            assert app.evaluate(_OVERFLOW) == [], plan
            checked += 1
        svg = app.locator("[data-ergebnis='tarif-bild'] svg").bounding_box()
        article = page.locator("article").bounding_box()
        assert svg is not None
        assert article is not None
        assert svg["x"] + svg["width"] <= article["x"] + article["width"] + 1
        if width > 1000:
            details.locator("summary").click()
            assert frame.evaluate(_OVERFLOW) == []
        assert checked == len(TIMELINE_PLANS)
    finally:
        context.close()
