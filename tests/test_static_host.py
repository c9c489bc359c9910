"""The test server (devtools/static_host.py) answers like the host the site was built for."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.request import Request, urlopen

from devtools.static_host import serve

SITE_URL = "https://example.org/inmail/"
SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{SITE_URL}</loc></url><url><loc>{SITE_URL}glossar/</loc></url>
</urlset>
"""


def built_site(folder: Path) -> Path:
    """A site of one page built for `SITE_URL`, with its sitemap."""
    (folder / "index.html").write_text(
        f'<!doctype html><link rel="canonical" href="{SITE_URL}"><title>Start</title>',
        encoding="utf-8",
    )
    (folder / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    return folder


def fetch(url: str, *, gzipped: bool = False) -> bytes:
    """The body at `url`, asking for gzip when `gzipped`."""
    headers = {"Accept-Encoding": "gzip"} if gzipped else {}
    with urlopen(Request(url, headers=headers)) as response:
        body: bytes = response.read()
        return gzip.decompress(body) if gzipped else body


def test_sitemap_lists_the_pages_under_the_hosts_own_address(tmp_path: Path) -> None:
    """Instant navigation matches the sitemap's addresses: they are the test server's."""
    with serve(built_site(tmp_path)) as host:
        for gzipped in (False, True):
            sitemap = fetch(host.url + "sitemap.xml", gzipped=gzipped).decode()
            assert sitemap == SITEMAP.replace(SITE_URL, host.url)


def test_every_other_file_is_sent_as_built(tmp_path: Path) -> None:
    """Only the sitemap is rewritten; a page keeps its canonical link to `SITE_URL`."""
    site = built_site(tmp_path)
    with serve(site) as host:
        assert fetch(host.url) == (site / "index.html").read_bytes()


def test_a_site_built_without_an_address_is_served_as_built(tmp_path: Path) -> None:
    """Without a canonical link (no `site_url`), the sitemap has nothing to move."""
    (tmp_path / "index.html").write_text("<!doctype html><title>Start</title>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    with serve(tmp_path) as host:
        assert fetch(host.url + "sitemap.xml").decode() == SITEMAP
