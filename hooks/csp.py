"""MkDocs hook: every page carries a Content-Security-Policy that allows only the site itself.

The policy is a ``<meta http-equiv="Content-Security-Policy">`` right after ``<meta charset>``,
before any script or style sheet. It turns the promise that the site loads nothing from other
hosts (hooks/offline.py checks the markup) into a rule the browser enforces, also for what
scripts add at run time:

- ``default-src 'self'``: scripts, style sheets, fonts, images, requests, workers and frames only
  from the site's own origin.
- ``script-src 'self'`` and the SHA-256 hash of every inline script on any page: Material's
  ``__md_scope`` and palette snippets, hooks/lazy_search.py. The hashes are the union over the
  whole site, because Material's instant navigation keeps the first page's policy while it
  shows the next pages and runs their inline scripts. No ``'unsafe-inline'``, no ``'unsafe-eval'``.
- ``style-src 'self' 'unsafe-inline'``: mermaid draws each diagram as an SVG with its own
  ``<style>`` element and ``style`` attributes, generated in the browser, so no hash can cover
  them. Inline styles cannot run code.
- ``img-src 'self' data:``: Material's icons in its style sheets are ``data:`` SVGs.
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``: no plug-ins, no foreign
  ``<base>``, no form sent elsewhere.

The meta element is written after the build (``on_post_build``), into every HTML file of the
site, because the policy needs the inline scripts of all pages. `make serve` leaves it out: the
preview server adds a live-reload script of its own to each page. docs/mitmachen.md explains how
to send the same policy as an HTTP header.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# Inline scripts the browser runs: no src, and no type or a JavaScript one (not JSON data blocks).
_INLINE_SCRIPT = re.compile(
    r'<script(?![^>]*\bsrc=)(?![^>]*\btype="(?!text/javascript"|module")[^"]*")[^>]*>'
    r"(?P<code>.*?)</script>",
    re.DOTALL,
)
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.IGNORECASE)


_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    """Write the site-wide policy into every HTML file of the built site (not under serve)."""
    if _serving:
        return  # `mkdocs serve` adds an inline live-reload script to every page it sends
    pages = sorted(Path(config.site_dir).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    policy = content_security_policy(texts.values())
    for path, text in texts.items():
        path.write_text(with_policy(text, policy, path.name), encoding="utf-8")


def script_hashes(html: str) -> set[str]:
    """The CSP source expressions (``'sha256-…'``) of the inline scripts in `html`."""
    return {
        "'sha256-{}'".format(
            base64.b64encode(hashlib.sha256(match["code"].encode()).digest()).decode()
        )
        for match in _INLINE_SCRIPT.finditer(html)
    }


def content_security_policy(pages: Iterable[str]) -> str:
    """The policy for a site made of the HTML texts `pages`."""
    hashes = set().union(*(script_hashes(html) for html in pages))
    script_src = ("script-src", " ".join(["'self'", *sorted(hashes)]))
    directives = [FIXED_DIRECTIVES[0], script_src, *FIXED_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy(html: str, policy: str, name: str) -> str:
    """`html` with the policy as a meta element right after its ``<meta charset>``."""
    if 'http-equiv="Content-Security-Policy"' in html:
        raise PluginError(f"{name}: hat schon eine Content-Security-Policy.")
    match = _CHARSET.search(html)
    if match is None:
        raise PluginError(f"{name}: kein <meta charset>; hooks/csp.py findet keinen Platz.")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: match.end()] + meta + html[match.end() :]
