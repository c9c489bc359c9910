"""MkDocs hook: every page carries a Content-Security-Policy that allows only the site itself.

The policy is a ``<meta http-equiv="Content-Security-Policy">`` right after ``<meta charset>``,
before any script or style sheet. It turns the promise that the site loads nothing from other
hosts (hooks/offline.py checks the markup) into a rule the browser enforces, also for what
scripts add at run time:

- ``default-src 'self'``: scripts, style sheets, fonts, images, requests, workers and frames only
  from the site's own origin.
- ``script-src 'self'`` and the SHA-256 hashes of the inline scripts that can run in a page's
  document: its own (Material's ``__md_scope`` snippet in ``<head>``, which differs with the
  page's depth), and every inline script in the ``<body>`` of any page (Material's palette and
  tab snippets, overrides/partials/lazy-search.html), because Material's instant navigation
  keeps the first page's policy while it swaps in the next pages' bodies. Another page's
  ``<head>`` scripts never run in this document, so their hashes are left out.
  No ``'unsafe-inline'``, no ``'unsafe-eval'``.
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
    """Write each page's policy into every HTML file of the built site (not under serve)."""
    if _serving:
        return  # `mkdocs serve` adds an inline live-reload script to every page it sends
    pages = sorted(Path(config.site_dir).rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    shared = set().union(*(body_script_hashes(text) for text in texts.values()))
    for path, text in texts.items():
        policy = content_security_policy(script_hashes(text) | shared)
        path.write_text(with_policy(text, policy, path.name), encoding="utf-8")


def script_hashes(html: str) -> set[str]:
    """The CSP source expressions (``'sha256-…'``) of the inline scripts in `html`."""
    return {
        "'sha256-{}'".format(
            base64.b64encode(hashlib.sha256(match["code"].encode()).digest()).decode()
        )
        for match in _INLINE_SCRIPT.finditer(html)
    }


def body_script_hashes(html: str) -> set[str]:
    """The hashes of the inline scripts after ``</head>``: those instant navigation may run."""
    return script_hashes(html[html.find("</head>") :])


def content_security_policy(hashes: Iterable[str]) -> str:
    """The policy that allows the site's own files and the inline scripts with these hashes."""
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
