"""Which pages the built site has, read from the site itself.

The pages come from `sitemap.xml` plus `404.html`, which MkDocs leaves out of the sitemap, so a
new page is tested and measured without anyone adding it to a list.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

NOT_FOUND_PAGE = "404.html"

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def built_for(site_dir: Path) -> str | None:
    """The address the site is built for, from the home page's canonical link; else None.

    MkDocs writes canonical links only when `site_url` is set (a bare build may leave it out).
    """
    index = site_dir / "index.html"
    home = _CANONICAL.search(index.read_text(encoding="utf-8")) if index.exists() else None
    return home.group(1) if home else None


def site_url(site_dir: Path) -> str:
    """The address the site is built for (`site_url`), from the home page's canonical link."""
    url = built_for(site_dir)
    assert url, "index.html hat keinen canonical-Link: ist site_url in mkdocs.yml gesetzt?"
    return url


def site_pages(site_dir: Path, *, not_found: bool = True) -> list[str]:
    """Every page of the built site as a path relative to its root: "", "glossar/", …, "404.html".

    The sitemap lists absolute URLs under `site_url`. `not_found=False` leaves out 404.html.
    """
    prefix = site_url(site_dir)
    locations = [
        element.text or ""
        for element in ElementTree.parse(site_dir / "sitemap.xml").iter(f"{_SITEMAP_NS}loc")
    ]
    pages = []
    for location in locations:
        assert location.startswith(prefix), f"{location} liegt nicht unter {prefix}"
        pages.append(location.removeprefix(prefix))
    assert "" in pages, "Die Startseite fehlt in sitemap.xml"
    if not_found and (site_dir / NOT_FOUND_PAGE).exists():
        pages.append(NOT_FOUND_PAGE)
    return pages


def page_file(site_dir: Path, page: str) -> Path:
    """The HTML file that serves `page` (a path from `site_pages`)."""
    path = site_dir / urlsplit(page).path
    return path / "index.html" if page == "" or page.endswith("/") else path
