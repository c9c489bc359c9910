"""Glossary tooltips in Chromium (hooks/a11y.py): once per section, none in headings.

A page that mentions "InMail" in every paragraph underlines it once per section; the A–Z
glossary keeps a tooltip on every entry; each kept mark shows its tooltip and takes focus.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from abkuerzungen import ABBREVIATIONS, read_glossary
from devtools import ROOT

GLOSSARY_SOURCE = ROOT / ABBREVIATIONS
TERM_PAGE = "glossar/inmail/"
GLOSSARY_PAGE = "glossar/"
# Per section (text before the first h2, then each h2 up to the next): its marked terms.
_MARKS_PER_SECTION = """
() => {
  const sections = [[]];
  const article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.tagName === "H2") sections.push([]);
    if (node.tagName === "ABBR" && !node.closest("dt")) {
      sections.at(-1).push(node.textContent.trim());
    }
  }
  return sections;
}
"""


def test_a_term_is_marked_once_per_section_and_never_in_a_heading(
    page: Page, base_url: str
) -> None:
    """On a term's own page: no <abbr> in a heading, no term twice in a section."""
    page.goto(base_url + TERM_PAGE)
    expect(page.locator("article :is(h1, h2, h3, h4, h5, h6) abbr")).to_have_count(0)
    sections: list[list[str]] = page.evaluate(_MARKS_PER_SECTION)
    repeated = [sorted({t for t in terms if terms.count(t) > 1}) for terms in sections]
    assert not any(repeated), repeated
    assert sum(1 for terms in sections if "InMail" in terms) >= 2, "InMail nur einmal markiert"


def test_each_kept_mark_shows_its_tooltip_and_takes_focus(page: Page, base_url: str) -> None:
    """The page's last mark outside links (a later section) explains itself on hover and focus."""
    page.goto(base_url + TERM_PAGE)
    marks = page.locator("article abbr[title]:not(:is(a, button, label, summary) abbr)")
    assert marks.count() > 1
    last = marks.last
    expect(last).to_have_attribute("tabindex", "0")
    last.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    page.mouse.move(0, 0)
    last.focus()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()


def test_every_entry_of_the_glossary_keeps_its_tooltip(page: Page, base_url: str) -> None:
    """On the A–Z page, each entry that names a glossary term carries its mark."""
    terms = read_glossary(GLOSSARY_SOURCE)
    page.goto(base_url + GLOSSARY_PAGE)
    entries = page.locator("article dt")
    checked = 0
    for index in range(entries.count()):
        entry = entries.nth(index)
        text = entry.inner_text()
        if any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) for term in terms):
            assert entry.locator("abbr[title]").count() >= 1, f"ohne Tooltip: {text}"
            checked += 1
    assert checked >= 10, f"nur {checked} Einträge mit Glossarbegriff gefunden"
