"""The built HTML, CSS and JS name no third-party host to load anything from (privacy)."""

from __future__ import annotations

import re
from pathlib import Path

# Tags and attributes that make a browser fetch something. `href` on <a> only navigates, and
# <link rel="canonical"> only names the page's public address.
_TAG = re.compile(r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*>", re.I)
_URL = re.compile(r"\s(?:src|href|srcset|data)\s*=\s*[\"']?(?P<url>(?:https?:)?//[^\"'\s>]+)", re.I)
_CSS_URL = re.compile(r"(?:url\(|@import)\s*[\"']?(?P<url>(?:https?:)?//[^\"')\s]+)")
_CDN = re.compile(r"unpkg\.com|jsdelivr|googleapis|gstatic|cdnjs|mathjax", re.IGNORECASE)


def test_pages_load_nothing_from_other_hosts(site_dir: Path) -> None:
    """No page loads a script, style, font, image or frame from another host."""
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20, "die gebaute Seite ist unvollständig"
    offenders = [
        f"{page.relative_to(site_dir)}: {url['url']}"
        for page in pages
        for tag in _TAG.finditer(page.read_text("utf-8"))
        if 'rel="canonical"' not in tag[0]
        for url in _URL.finditer(tag[0])
    ]
    assert offenders == []


def test_pages_and_own_styles_name_no_cdn(site_dir: Path) -> None:
    """Neither the pages nor our own CSS/JS name a CDN or load fonts from elsewhere.

    Material's own bundle keeps a CDN fallback for mermaid in its code; it never runs here,
    because our diagrams do not use Material's mermaid integration (see hooks/offline.py).
    """
    assets = site_dir / "assets"
    own = [*site_dir.rglob("*.html"), *assets.glob("stylesheets/*.css")]
    own += [path for path in assets.glob("javascripts/*.js") if "bundle." not in path.name]
    offenders = [
        str(path.relative_to(site_dir))
        for path in own
        if _CDN.search(path.read_text("utf-8")) or _CSS_URL.search(path.read_text("utf-8"))
    ]
    assert offenders == []
