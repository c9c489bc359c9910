"""Links: no broken internal link or anchor anywhere in the built site, checked offline.

Every `href`, `src`, `srcset` and CSS `url()` of the built site is resolved like a browser
would, relative to the file it is in, with the site at its `site_url`. References into the site
must name a file that exists, and a `#fragment` must be an `id` (or `<a name>`) in that file.
Links to other hosts are counted, not followed (the tests run without network). The sitemap's
URLs are checked too.

MkDocs' strict build already validates the links it sees in Markdown; this also covers what
the theme, the hooks and mkdocs-jupyter write, and anchors in the final HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from devtools.site_pages import site_url

_URL_ATTRIBUTES = {"href", "src", "data", "poster"}
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<url>[^'\")]+)\1\s*\)")
_SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class _Page(HTMLParser):
    """The ids a page defines and the URLs it references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in _URL_ATTRIBUTES and not (tag == "meta" or value == ""):
                self.references.append(value)
            elif name == "srcset":
                self.references += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "style":
                self.references += [m["url"] for m in _CSS_URL.finditer(value)]


@dataclass
class LinkReport:
    """What the link check found."""

    files: int = 0
    internal: int = 0
    fragments: int = 0
    external: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)


def check_site(site_dir: Path, base: str) -> LinkReport:
    """Check every reference in the HTML and CSS under `site_dir`, a site built for `base`."""
    report = LinkReport()
    pages: dict[Path, _Page] = {}

    def parsed(path: Path) -> _Page:
        if path not in pages:
            page = _Page()
            page.feed(path.read_text(encoding="utf-8"))
            pages[path] = page
        return pages[path]

    def target(url: str) -> Path:
        relative = unquote(urlsplit(url).path).removeprefix(urlsplit(base).path)
        path = site_dir / relative
        return path / "index.html" if relative in ("", ".") or relative.endswith("/") else path

    def check(source: Path, reference: str) -> None:
        if reference.startswith(_SKIPPED_SCHEMES):
            return
        here = base + source.relative_to(site_dir).as_posix()
        url = urljoin(here, reference)
        if not url.startswith(base):
            report.external.add(url)
            return
        report.internal += 1
        where = f"{source.relative_to(site_dir)}: {reference}"
        file = target(url)
        if not file.is_file():
            report.broken.append(f"{where} → {file.relative_to(site_dir)} fehlt")
            return
        fragment = unquote(urlsplit(url).fragment)
        if fragment and file.suffix == ".html":
            report.fragments += 1
            if fragment not in parsed(file).ids:
                report.broken.append(f"{where} → #{fragment} fehlt in {file.relative_to(site_dir)}")

    for html in sorted(site_dir.rglob("*.html")):
        report.files += 1
        for reference in parsed(html).references:
            check(html, reference)
    for css in sorted(site_dir.rglob("*.css")):
        report.files += 1
        for match in _CSS_URL.finditer(css.read_text(encoding="utf-8")):
            check(css, match["url"].strip())
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        for loc in ElementTree.parse(sitemap).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        ):
            check(sitemap, loc.text or "")
    return report


def test_no_broken_internal_links_or_anchors(site_dir: Path) -> None:
    """The built site has no broken internal link, asset reference or anchor."""
    report = check_site(site_dir, site_url(site_dir))
    assert report.files > 20, f"nur {report.files} Dateien geprüft"
    assert report.internal > 1000, f"nur {report.internal} interne Links gefunden"
    assert not report.broken, f"{len(report.broken)} kaputte Links:\n" + "\n".join(report.broken)
    print(  # shown with `pytest -s`: the figures for the record
        f"{report.files} Dateien, {report.internal} interne Verweise "
        f"(davon {report.fragments} mit Anker), {len(report.external)} externe Adressen"
    )


def test_the_checker_finds_what_is_broken(tmp_path: Path) -> None:
    """The checker itself: a missing page, a missing anchor and a missing asset are reported."""
    base = "https://example.org/docs/"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="oben">A</h1><a href="../b/">B</a><a href="../b/#da">da</a>'
        '<a href="../b/#weg">weg</a><a href="../fehlt/">fehlt</a><img src="../bild.png">'
        '<a href="https://example.com/">extern</a><a href="#oben">oben</a>'
        '<a href="/docs/a/#oben">absolut</a><a href="mailto:x@example.org">Post</a>',
        encoding="utf-8",
    )
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<p id="da">B</p>', encoding="utf-8")
    (tmp_path / "s.css").write_text("p { background: url('leer.png') }", encoding="utf-8")
    report = check_site(tmp_path, base)
    assert report.files == 3
    assert report.external == {"https://example.com/"}
    assert sorted(report.broken) == [
        "a/index.html: ../b/#weg → #weg fehlt in b/index.html",
        "a/index.html: ../bild.png → bild.png fehlt",
        "a/index.html: ../fehlt/ → fehlt/index.html fehlt",
        "s.css: leer.png → leer.png fehlt",
    ], report.broken
    assert report.internal == 8
