"""The built site served on 127.0.0.1 like a static host, with a log of every response.

It answers as a plain static host would: gzip (level 6) for text files when the browser asks for
it, ``Cache-Control: max-age=600``, HTTP/1.1, ``404.html`` for a missing file. The log lets
`make bench` add up what a page loaded; the browser tests simply use the address.

One file differs from the built one: ``sitemap.xml`` lists the pages under the host's own address
instead of `site_url`, as it would on a host the site was built for. Material's instant
navigation only intercepts links to pages in the sitemap, and it keeps the sitemap's port: with
the built file, no link on 127.0.0.1:<port> matched and every click loaded a whole new page.
(`mkdocs serve` rewrites `site_url` the same way.)
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from devtools.site_pages import built_for

SITEMAP = "/sitemap.xml"
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".py"}


@dataclass(frozen=True)
class Sent:
    """One response: the path, its status, the file's size and the body bytes on the wire."""

    path: str
    status: int
    raw: int
    wire: int


class StaticHost(ThreadingHTTPServer):
    """Serves `root` on 127.0.0.1 and records every response in `log`."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.log: list[Sent] = []
        self.lock = threading.Lock()
        self._gzipped: dict[Path, bytes] = {}
        self.site_url = built_for(self.root)
        """The address the site was built for, which ``sitemap.xml`` names (None: no address)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a browser drops a connection it no longer needs; report the rest."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        """The address of the served folder."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def local_sitemap(self, data: bytes) -> bytes:
        """The built ``sitemap.xml`` (`data`) with `site_url` moved to this host's address."""
        if self.site_url is None:
            return data
        return data.replace(self.site_url.encode(), self.url.encode())

    def gzipped(self, path: Path, data: bytes) -> bytes:
        """`data` (the content of `path`) gzip-compressed, compressed once per file."""
        with self.lock:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._gzipped[path]

    def record(self, sent: Sent) -> None:
        """Add a response to the log."""
        with self.lock:
            self.log.append(sent)

    def since(self, start: int) -> list[Sent]:
        """The responses from number `start` on."""
        with self.lock:
            return self.log[start:]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StaticHost

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the terminal."""

    def _respond(self, *, body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        file = (self.server.root / url_path.lstrip("/")).resolve()
        if file.is_dir() and not url_path.endswith("/"):
            self._send(301, b"", {"Location": url_path + "/"}, url_path, body=body)
            return
        if file.is_dir():
            file = file / "index.html"
        status = 200
        if not file.is_file() or self.server.root not in file.parents:
            status, file = 404, self.server.root / "404.html"
        data = file.read_bytes() if file.is_file() else b"Not found"
        if url_path == SITEMAP and status == 200:
            data = self.server.local_sitemap(data)
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or file.suffix in (".js", ".mjs", ".json", ".svg"):
            content_type += "; charset=utf-8"
        headers = {"Content-Type": content_type, "Cache-Control": "max-age=600"}
        raw = len(data)
        if file.suffix in COMPRESSIBLE:
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                data = self.server.gzipped(file, data)
                headers["Content-Encoding"] = "gzip"
        self._send(status, data, headers, url_path, body=body, raw=raw)

    def _send(
        self,
        status: int,
        data: bytes,
        headers: dict[str, str],
        path: str,
        *,
        body: bool,
        raw: int = 0,
    ) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)
        self.server.record(Sent(path, status, raw, len(data) if body else 0))


@contextlib.contextmanager
def serve(root: Path) -> Iterator[StaticHost]:
    """Serve `root` in a background thread for the duration of the block."""
    host = StaticHost(root)
    thread = threading.Thread(target=host.serve_forever, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        host.shutdown()
        host.server_close()
