"""The hooks that rewrite the finished pages' markup: valid HTML (and, below, the CSP and glossary).

The browser tests check the built site; these pin down each rule on small inputs.
"""

from __future__ import annotations

import calm_glossary  # hooks/ is on pytest's pythonpath (pyproject.toml)
import valid_html

SIGNATURE_ANCHOR = '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>'
BLOCK_ANCHOR = '<a id="__codelineno-3-1" name="__codelineno-3-1" href="#__codelineno-3-1"></a>'


def test_empty_tabindex_goes_and_a_real_one_stays() -> None:
    page = (
        '<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">A</label>'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">B</label>'
    )
    fixed = valid_html.fix_page(page)
    assert 'tabindex=""' not in fixed
    assert 'id="__nav_2_label">A</label>' in fixed
    assert 'id="__nav_3_label" tabindex="0">B</label>' in fixed


def test_line_anchors_leave_signatures_only() -> None:
    page = (
        f'<div class="doc-signature highlight"><pre><span></span><code>{SIGNATURE_ANCHOR}'
        '<span class="n">f</span></code></pre></div>'
        f'<div class="highlight"><pre><span></span><code>{BLOCK_ANCHOR}x = 1</code></pre></div>'
    )
    fixed = valid_html.fix_page(page)
    assert SIGNATURE_ANCHOR not in fixed
    assert '<code><span class="n">f</span></code>' in fixed
    assert BLOCK_ANCHOR in fixed


def test_toc_title_without_its_toggle_becomes_a_div() -> None:
    title = '<label class="md-nav__title" for="__toc"><span class="md-icon"></span>Inhalt</label>'
    assert valid_html.fix_page(title) == (
        '<div class="md-nav__title"><span class="md-icon"></span>Inhalt</div>'
    )
    with_toggle = f'<input class="md-toggle" type="checkbox" id="__toc">{title}'
    assert valid_html.fix_page(with_toggle) == with_toggle


def abbr(term: str) -> str:
    """A glossary mark as Markdown's abbr extension writes it."""
    return f'<abbr title="Erklärung von {term}">{term}</abbr>'


def test_a_term_is_marked_once_per_section() -> None:
    page = (
        f"<p>{abbr('InMail')} und {abbr('InMail')}, {abbr('OpenLink')}.</p>"
        f"<h3>Teil</h3><p>{abbr('InMail')} und {abbr('OpenLink')}</p>"
        f'<h2 id="zwei">Zwei</h2><p>{abbr("InMail")}, {abbr("InMail")}</p>'
    )
    calm = calm_glossary.calm_glossary(page)
    assert calm == (
        f"<p>{abbr('InMail')} und InMail, {abbr('OpenLink')}.</p>"
        "<h3>Teil</h3><p>InMail und OpenLink</p>"
        f'<h2 id="zwei">Zwei</h2><p>{abbr("InMail")}, InMail</p>'
    )


def test_headings_carry_no_mark_and_do_not_count_as_the_first_mention() -> None:
    page = (
        f"<h1>{abbr('InMail')} erklärt</h1><p>{abbr('InMail')}</p>"
        f'<h2 id="a">Die {abbr("InMail")}<a class="headerlink" href="#a">¶</a></h2>'
        f"<p>Eine {abbr('InMail')}</p>"
    )
    assert calm_glossary.calm_glossary(page) == (
        f"<h1>InMail erklärt</h1><p>{abbr('InMail')}</p>"
        f'<h2 id="a">Die InMail<a class="headerlink" href="#a">¶</a></h2>'
        f"<p>Eine {abbr('InMail')}</p>"
    )


def test_every_definition_term_keeps_its_mark() -> None:
    page = (
        f'<h2 id="i">I</h2><dl><dt><a href="inmail/">{abbr("InMail")}</a></dt>'
        f"<dd>Eine {abbr('InMail')} kostet {abbr('Guthaben')}.</dd>"
        f'<dt><a href="guthaben/">{abbr("Guthaben")}</a></dt><dd>{abbr("Guthaben")}</dd></dl>'
    )
    assert calm_glossary.calm_glossary(page) == (
        f'<h2 id="i">I</h2><dl><dt><a href="inmail/">{abbr("InMail")}</a></dt>'
        f"<dd>Eine InMail kostet {abbr('Guthaben')}.</dd>"
        f'<dt><a href="guthaben/">{abbr("Guthaben")}</a></dt><dd>Guthaben</dd></dl>'
    )
