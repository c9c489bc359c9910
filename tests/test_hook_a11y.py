"""hooks/a11y.py: glossary marks once per section, never in headings, reachable by keyboard.

One pass over the page's content. A kept mark is the first focus stop of its term in the section
unless it sits inside a link, button, label or ``<summary>``; markup the hook does not know stops
the build. The other accessibility fixes are in overrides/partials/ (tests/test_overrides.py) and
templates/notebook.html.j2.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import a11y  # hooks/ is on pytest's pythonpath (pyproject.toml)


def abbr(term: str) -> str:
    """A glossary mark as Markdown's abbr extension writes it."""
    return f'<abbr title="Erklärung von {term}">{term}</abbr>'


def focusable(term: str) -> str:
    """The same mark as a focus stop."""
    return f'<abbr tabindex="0" title="Erklärung von {term}">{term}</abbr>'


def marks(page: str) -> str:
    return a11y.glossary_marks(page, "x.md")


def test_a_term_is_marked_once_per_section() -> None:
    page = (
        f"<p>{abbr('InMail')} und {abbr('InMail')}, {abbr('OpenLink')}.</p>"
        f"<h3>Teil</h3><p>{abbr('InMail')} und {abbr('OpenLink')}</p>"
        f'<h2 id="zwei">Zwei</h2><p>{abbr("InMail")}, {abbr("InMail")}</p>'
    )
    assert marks(page) == (
        f"<p>{focusable('InMail')} und InMail, {focusable('OpenLink')}.</p>"
        "<h3>Teil</h3><p>InMail und OpenLink</p>"
        f'<h2 id="zwei">Zwei</h2><p>{focusable("InMail")}, InMail</p>'
    )


def test_headings_carry_no_mark_and_do_not_count_as_the_first_mention() -> None:
    page = (
        f"<h1>{abbr('InMail')} erklärt</h1><p>{abbr('InMail')}</p>"
        f'<h2 id="a">Die {abbr("InMail")}<a class="headerlink" href="#a">¶</a></h2>'
        f"<p>Eine {abbr('InMail')}</p>"
    )
    assert marks(page) == (
        f"<h1>InMail erklärt</h1><p>{focusable('InMail')}</p>"
        f'<h2 id="a">Die InMail<a class="headerlink" href="#a">¶</a></h2>'
        f"<p>Eine {focusable('InMail')}</p>"
    )


def test_every_definition_term_keeps_its_mark_but_a_link_holds_no_second_focus_stop() -> None:
    page = (
        f'<h2 id="i">I</h2><dl><dt><a href="inmail/">{abbr("InMail")}</a></dt>'
        f"<dd>Eine {abbr('InMail')} kostet {abbr('Guthaben')}.</dd>"
        f'<dt><a href="guthaben/">{abbr("Guthaben")}</a></dt><dd>{abbr("Guthaben")}</dd></dl>'
    )
    assert marks(page) == (
        f'<h2 id="i">I</h2><dl><dt><a href="inmail/">{abbr("InMail")}</a></dt>'
        f"<dd>Eine InMail kostet {focusable('Guthaben')}.</dd>"
        f'<dt><a href="guthaben/">{abbr("Guthaben")}</a></dt><dd>Guthaben</dd></dl>'
    )


@pytest.mark.parametrize("tag", ["a", "button", "label", "summary"])
def test_a_mark_inside_a_focusable_element_is_no_focus_stop(tag: str) -> None:
    page = f'<{tag} x="1">{abbr("API")}</{tag}><p>{abbr("API")}</p><h2>B</h2><p>{abbr("API")}</p>'
    assert (
        marks(page)
        == f'<{tag} x="1">{abbr("API")}</{tag}><p>API</p><h2>B</h2><p>{focusable("API")}</p>'
    )


def test_a_mark_without_explanation_or_with_tabindex_stays_as_it_is() -> None:
    page = '<p><abbr>ohne</abbr> <abbr tabindex="-1" title="a">API</abbr></p>'
    assert marks(page) == page


def test_unknown_abbr_markup_stops_the_build_naming_the_page() -> None:
    with pytest.raises(PluginError, match=r"^x\.md: ein <abbr>"):
        marks('<p><abbr title="a">API <b>neu</b></abbr></p>')


def test_notebook_code_cells_must_be_focusable() -> None:
    cell = '<div class="highlight-ipynb hl-python" tabindex="0"><pre>x</pre></div>'
    a11y.check_notebook_code(cell + cell, "praxis/n.py")
    bare = cell.replace(' tabindex="0"', "")
    with pytest.raises(PluginError, match=r'^praxis/n\.py: Codezellen ohne tabindex="0"'):
        a11y.check_notebook_code(cell + bare, "praxis/n.py")
    with pytest.raises(PluginError, match=r"^praxis/n\.py: Codezellen"):
        a11y.check_notebook_code("<p>keine Zelle</p>", "praxis/n.py")


def test_a_notebook_page_is_checked_when_its_content_comes() -> None:
    """Read without content (hooks/notebooks.py fills it in later), then checked with it."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri="praxis/n.py"))
    assert a11y.on_page_content("", page, None, None) == ""  # type: ignore[arg-type]
    with pytest.raises(PluginError, match=r"^praxis/n\.py: Codezellen"):
        a11y.on_page_content("<p>keine Zelle</p>", page, None, None)  # type: ignore[arg-type]
