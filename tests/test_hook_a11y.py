"""hooks/a11y.py: the four markup fixes, each on a small piece of Material's or notebook HTML."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import a11y

SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">'
    '<label class="md-search__overlay" for="__search"></label></div>'
)
NAV = (
    '<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="0">'
    '<span class="md-nav__icon md-icon"></span></label>'
    '<nav class="md-nav" aria-labelledby="__nav_2_label">'
    '<label class="md-nav__title" for="__nav_2"><span class="md-nav__icon"></span>'
    "Glossar &amp; mehr</label></nav>"
)


def article(body: str) -> str:
    return f'<article class="md-content__inner md-typeset">{body}</article>'


def test_search_dialog_gets_a_name() -> None:
    named = a11y.name_search_dialog(SEARCH, "x.md")
    assert 'role="dialog" aria-label="Suche">' in named
    assert a11y.name_search_dialog(named, "x.md") == named, "named once only"


def test_page_without_search_is_left_alone_and_changed_markup_stops_the_build() -> None:
    assert a11y.name_search_dialog("<p>ohne Suche</p>", "x.md") == "<p>ohne Suche</p>"
    changed = SEARCH.replace('role="dialog"', "")
    with pytest.raises(PluginError, match=r"x\.md: Suchdialog"):
        a11y.name_search_dialog(changed, "x.md")


def test_icon_only_section_toggle_gets_the_section_title() -> None:
    fixed = a11y.name_nav_sections(NAV)
    assert (
        '<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="0">'
        '<span class="visually-hidden">Glossar &amp; mehr</span><span class="md-nav__icon'
    ) in fixed
    assert 'aria-labelledby="__nav_2_label"' in fixed, "Material finds the <nav> by it"


def test_toggle_with_text_or_without_title_keeps_its_markup() -> None:
    with_text = NAV.replace('<span class="md-nav__icon md-icon"></span></label>', "Glossar</label>")
    assert a11y.name_nav_sections(with_text) == with_text
    no_title = NAV.replace('for="__nav_2"><span class="md-nav__icon">', 'for="__nav_9"><span>')
    assert a11y.name_nav_sections(no_title) == no_title


def test_first_occurrence_of_each_term_becomes_focusable() -> None:
    body = (
        '<p><abbr title="a">API</abbr> <abbr title="a">API</abbr> <abbr title="b">SQL</abbr>'
        "<abbr>ohne</abbr></p>"
    )
    fixed = a11y.focusable_abbreviations(body)
    assert fixed.count('tabindex="0"') == 2
    assert fixed.startswith('<p><abbr tabindex="0" title="a">API</abbr> <abbr title="a">API')
    assert '<abbr tabindex="0" title="b">SQL</abbr>' in fixed
    assert "<abbr>ohne</abbr>" in fixed, "without an explanation there is nothing to show"


@pytest.mark.parametrize("tag", ["a", "button", "label", "summary"])
def test_terms_inside_focusable_elements_stay_unfocusable(tag: str) -> None:
    body = f'<{tag} x="1"><abbr title="a">API</abbr></{tag}><p><abbr title="a">API</abbr></p>'
    fixed = a11y.focusable_abbreviations(body)
    inside = f'<{tag} x="1"><abbr title="a">API</abbr></{tag}>'
    assert fixed == inside + '<p><abbr tabindex="0" title="a">API</abbr></p>', (
        "the occurrence outside the element is the first focus stop"
    )


def test_notebook_code_cells_become_scrollable_by_keyboard() -> None:
    cell = '<div class="highlight-ipynb hl-python"><pre>x</pre></div>'
    assert a11y.focusable_notebook_code(cell) == (
        '<div class="highlight-ipynb hl-python" tabindex="0"><pre>x</pre></div>'
    )


def test_whole_page_gets_all_fixes_but_terms_only_inside_the_article() -> None:
    term = '<abbr title="a">API</abbr>'
    page = SEARCH + NAV + f"<header>{term}</header>" + article(term)
    fixed = a11y.fix_page(page, "x.md")
    assert 'aria-label="Suche"' in fixed
    assert 'class="visually-hidden"' in fixed
    assert fixed.count('tabindex="0" title="a"') == 1
    assert f"<header>{term}</header>" in fixed


def test_static_templates_are_fixed_and_other_files_left_alone() -> None:
    config = MkDocsConfig()
    assert 'aria-label="Suche"' in a11y.on_post_template(SEARCH, "404.html", config)
    assert a11y.on_post_template(SEARCH, "sitemap.xml", config) == SEARCH
