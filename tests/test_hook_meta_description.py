"""hooks/meta_description.py: a page without its own description gets its first paragraph."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import meta_description

CONTENT = "<h1>T</h1><p> </p><p>Erster Satz mit <a href='#'>Link</a>. Zweiter Satz.</p><p>Mehr.</p>"


def fake_page(meta: dict[str, Any], *, homepage: bool = False) -> Page:
    """The two attributes the hook reads from a page."""
    return cast(Page, SimpleNamespace(meta=meta, is_homepage=homepage))


def describe(page: Page, content: str = CONTENT) -> None:
    returned = meta_description.on_page_content(content, page, MkDocsConfig(), Files([]))
    assert returned == content, "the content itself stays as it is"


def test_first_paragraph_is_shortened_at_a_sentence_or_word() -> None:
    assert meta_description.first_paragraph(CONTENT) == "Erster Satz mit Link. Zweiter Satz."
    assert meta_description.first_paragraph(CONTENT, limit=30) == "Erster Satz mit Link."
    assert meta_description.shorten("eins zwei drei vier", 12) == "eins zwei…"
    assert meta_description.shorten("kurz", 12) == "kurz"


def test_first_paragraph_unescapes_and_joins_whitespace() -> None:
    content = "<p>A &amp; B\n   <em>sagen</em>  „Hallo“</p>"
    assert meta_description.first_paragraph(content) == "A & B sagen „Hallo“"
    assert meta_description.first_paragraph("<h1>Nur Titel</h1><p></p>") == ""


def test_long_paragraph_stays_within_the_limit() -> None:
    words = " ".join(["Wort"] * 60)
    described = meta_description.first_paragraph(f"<p>{words}</p>")
    assert len(described) <= meta_description.MAX_LENGTH
    assert described.endswith("Wort…")


def test_page_without_description_gets_its_first_paragraph() -> None:
    page = fake_page({})
    describe(page)
    assert page.meta == {"description": "Erster Satz mit Link. Zweiter Satz."}


@pytest.mark.parametrize(("meta", "homepage"), [({"description": "Eigene."}, False), ({}, True)])
def test_own_description_and_start_page_are_left_alone(
    meta: dict[str, Any], homepage: bool
) -> None:
    page = fake_page(dict(meta), homepage=homepage)
    describe(page)
    assert page.meta == meta


def test_page_without_text_gets_no_description() -> None:
    page = fake_page({})
    describe(page, "<h1>Nur Titel</h1>")
    assert page.meta == {}
