"""MkDocs hook: the built site loads nothing from a third-party host.

1. It ships mermaid itself: the ES module build from `node_modules/mermaid/dist/` (from `npm ci`,
   version pinned in package-lock.json), `mermaid.esm.min.mjs` and its chunks, is added to the site
   under `assets/javascripts/vendor/mermaid/`; `docs/assets/javascripts/diagramme.js` imports it
   when a diagram comes into view. The browser then fetches only the chunks a diagram type needs
   (a flowchart: ~235 KB gzip instead of ~980 KB for the single-file `mermaid.min.js`).
   (The notebook pages' template, templates/notebook.html.j2, leaves out what mkdocs-jupyter
   would load from CDNs.)
2. It fails the build if a page still loads a script, style sheet, font, image or frame from
   another host, or names one of the usual CDNs at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

MERMAID_DIST = Path("node_modules/mermaid/dist")
MERMAID_SOURCE = MERMAID_DIST / "mermaid.esm.min.mjs"  # imports ./chunks/mermaid.esm.min/*.mjs
MERMAID_CHUNKS = "chunks/mermaid.esm.min"
MERMAID_DEST = "assets/javascripts/vendor/mermaid"

CDN_NAMES = ("unpkg", "jsdelivr", "googleapis", "gstatic", "cdnjs", "mathjax")
_CDN_NAMES = re.compile("|".join(CDN_NAMES), re.IGNORECASE)
_LOADING_TAG = re.compile(r"<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*>")
_URL_ATTRIBUTE = re.compile(r"\s(?:src|href|srcset|data)\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)")
_CSS_URL = re.compile(r"(?:url\(|@import)\s*[\"']?((?:https?:)?//[^\"')\s]+)")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pinned mermaid build (module entry point and all its chunks) to the site."""
    dist = Path(config.config_file_path).parent / MERMAID_DIST
    source = Path(config.config_file_path).parent / MERMAID_SOURCE
    if not source.is_file():
        raise PluginError(f"{MERMAID_SOURCE} fehlt: erst `npm ci` ausführen (oder `make build`).")
    for path in [source, *sorted((dist / MERMAID_CHUNKS).glob("*.mjs"))]:
        dest = f"{MERMAID_DEST}/{path.relative_to(dist).as_posix()}"
        files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Refuse any load from another host."""
    problems = remote_loads(output, own_host=urlsplit(config.site_url or "").netloc)
    if problems:
        listed = "\n  ".join(problems)
        raise PluginError(f"{page.file.src_path} lädt von fremden Hosts:\n  {listed}")
    return output


def remote_loads(html: str, own_host: str) -> list[str]:
    """Return every reference in `html` that would make a browser contact another host."""
    # The names in lower case first: str.find is ~40 times quicker than the case-blind pattern,
    # which then only runs to quote a page that names a CDN.
    lowered = html.lower()
    named = any(name in lowered for name in CDN_NAMES)
    problems = [
        f"CDN erwähnt: …{html[max(m.start() - 40, 0) : m.end() + 40]}…"
        for m in (_CDN_NAMES.finditer(html) if named else ())
    ]
    urls = [m.group(1) for tag in _LOADING_TAG.findall(html) for m in _URL_ATTRIBUTE.finditer(tag)]
    urls += [m.group(1) for m in _CSS_URL.finditer(html)]
    problems += [url for url in urls if urlsplit(url).netloc != own_host]
    return problems
