"""The start page and every glossary page answer today first, in plain words.

A reader who lands on a term page sees, before anything else, one to three plain sentences: what
the term means today, or when it existed and what took its place. Rule IDs stay traceable on a
quiet line of their own (``Regeln: …`` with the class ``regeln``), not in that first paragraph,
and no code block comes before it. The term pages then tell the article's world under "So war es
2013".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
GLOSSARY = sorted((DOCS / "glossar").glob("*.md"))
PAGES = [DOCS / "index.md", *GLOSSARY]
TERM_PAGES = [page for page in GLOSSARY if page.name != "index.md"]

_RULE_ID = re.compile(r"(?<![A-Za-z0-9#/-])[MKCFWA]\d+[ab]?(?![0-9])")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def before_and_first_paragraph(page: Path) -> tuple[str, str]:
    """The Markdown between the page's title and its first paragraph, and that paragraph."""
    text = _FRONT_MATTER.sub("", page.read_text("utf-8")).lstrip("\n")
    after_title = text.split("\n", 1)[1] if text.startswith("# ") else text
    blocks = after_title.strip("\n").split("\n\n")
    before: list[str] = []
    for block in blocks:
        if block.startswith(("```", "///", "!!!", "|", "#", "<", "-", "{:")):
            before.append(block)
            continue
        return "\n\n".join(before), block
    raise AssertionError(f"{page.name}: kein Absatz")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_the_first_paragraph_is_plain_prose(page: Path) -> None:
    """No rule ID, no code and nothing but the title before the first paragraph."""
    before, first = before_and_first_paragraph(page)
    assert before == "", f"{page.name}: vor dem ersten Absatz steht {before[:60]!r}"
    assert not _RULE_ID.search(first), f"{page.name}: Regel-ID im ersten Absatz: {first!r}"
    assert "`" not in first, f"{page.name}: Code im ersten Absatz"
    sentences = re.findall(r"[.!?](?:\s|$)", first)
    assert 1 <= len(sentences) <= 3, f"{page.name}: {len(sentences)} Sätze im ersten Absatz"


def test_a_page_with_code_before_its_first_paragraph_fails(tmp_path: Path) -> None:
    """The check itself: a code block above the first paragraph is reported."""
    page = tmp_path / "probe.md"
    page.write_text("# Probe\n\n```python\nprint(1)\n```\n\nEin Absatz mit K5.\n", "utf-8")
    before, first = before_and_first_paragraph(page)
    assert before.startswith("```")
    assert _RULE_ID.search(first)


@pytest.mark.parametrize("page", TERM_PAGES, ids=lambda page: page.name)
def test_term_pages_tell_2013_in_their_own_section(page: Path) -> None:
    text = page.read_text("utf-8")
    assert re.search(r"^## So war es 2013 \{#artikelzeit\}$", text, re.M), page.name


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_rule_lines_are_quiet(page: Path) -> None:
    """Each "Regeln: …" line carries the class that styles it small and grey."""
    text = page.read_text("utf-8")
    for hit in re.finditer(r"^Regeln: .*?(?=\n\n|\Z)", text, re.M | re.S):
        assert hit.group(0).endswith("{: .regeln }"), f"{page.name}: {hit.group(0)[:50]!r}"
