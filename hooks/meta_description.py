"""MkDocs hook: each page gets its own ``<meta name="description">``.

Material writes ``page.meta.description`` (front matter ``description:``) or, failing that, the
``site_description`` of mkdocs.yml into every page – so all pages told search engines the same
sentence. A page without its own ``description:`` now gets its first paragraph as description,
shortened at a word boundary to at most `MAX_LENGTH` characters. A page that has one keeps it;
the start page keeps the site description.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MAX_LENGTH = 160

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set the page's description from its first paragraph, unless it has one."""
    if page.meta.get("description") or page.is_homepage:
        return html_text
    description = first_paragraph(html_text)
    if description:
        page.meta["description"] = description
    return html_text


def first_paragraph(html_text: str, limit: int = MAX_LENGTH) -> str:
    """The text of the first non-empty paragraph, shortened to `limit` characters with "…"."""
    for match in _PARAGRAPH.finditer(html_text):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if text:
            return shorten(text, limit)
    return ""


def shorten(text: str, limit: int) -> str:
    """`text`, shortened to at most `limit` characters.

    Whole sentences are kept if they fill at least half of `limit`; otherwise whole words,
    followed by "…".
    """
    if len(text) <= limit:
        return text
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text[: limit + 1])]
    if sentence_ends and sentence_ends[-1] >= limit // 2:
        return text[: sentence_ends[-1]]
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"
