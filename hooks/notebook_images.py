"""MkDocs hook: notebook figures have German alt text and are files of their own, loaded lazily.

nbconvert gives every ``<img>`` without alt text the English placeholder "No description has
been provided for this image". The notebooks here show their figures themselves (``zeige_grafik``:
an SVG in an ``<img>`` with a German ``alt``), so the placeholder only appears when a figure
slipped through, e.g. a plain ``plt.show()``: the build then fails and names the page.

The notebooks (docs/praxis/*.py) show their figures as ``<img src="data:image/svg+xml;base64,…">``
(``zeige_grafik``). Inline, a figure is part of the page's HTML: it is downloaded with the page
even when it sits far below the first screen, base64 makes it a third larger and compresses
poorly, and without ``width``/``height`` the browser cannot reserve its space (layout shift).

For every such image on a notebook page this hook writes the decoded file next to the page
(``abbildung-1.svg``, …), points the ``<img>`` at it and adds ``width``/``height`` (from the SVG's
own size, or a PNG's header), ``loading="lazy"`` and ``decoding="async"``. Material's
``.md-typeset img`` rule (``max-width: 100%; height: auto``) keeps it as wide as before.
"""

from __future__ import annotations

import base64
import re
import struct
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"

_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r"\salt=\"([^\"]*)\"")
_DATA_SRC = re.compile(
    r'\ssrc="data:image/(svg\+xml|png|jpeg|gif|webp);base64,([A-Za-z0-9+/=\s]+)"'
)
_EXTENSIONS = {"svg+xml": "svg", "png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp"}
# CSS pixels per unit of an SVG length.
_UNITS = {
    "": 1.0,
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 9.6 / 2.54,
}
_SVG_TAG = re.compile(rb"<svg\b[^>]*>")
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*([a-z]*)\s*$")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """On notebook pages: refuse images without alt text, write inline images to files."""
    start = output.find('<div class="jupyter-wrapper">')
    if start == -1:
        return output
    missing = [tag[:80] for tag in _IMG.findall(output, start) if not _has_alt(tag)]
    if missing:
        listed = "\n  ".join(missing)
        raise PluginError(
            f"{page.file.src_path}: Bild ohne Alternativtext (nbconvert setzte "
            f"„{NBCONVERT_PLACEHOLDER_ALT}“). Zeige Grafiken mit zeige_grafik(fig, alt=…):\n"
            f"  {listed}"
        )
    folder = Path(config.site_dir) / Path(page.file.dest_path).parent
    count = 0

    def extract(match: re.Match[str]) -> str:
        nonlocal count
        tag = match.group()
        source = _DATA_SRC.search(tag)
        if source is None:
            return tag
        count += 1
        data = base64.b64decode("".join(source.group(2).split()))
        name = f"abbildung-{count}.{_EXTENSIONS[source.group(1)]}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        extra = ' loading="lazy" decoding="async"'
        size = image_size(data)
        if size is not None and not re.search(r"\s(?:width|height)=", tag):
            extra += f' width="{size[0]}" height="{size[1]}"'
        return tag[: source.start()] + f' src="{name}"{extra}' + tag[source.end() :]

    return _IMG.sub(extract, output)


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in CSS pixels of an SVG or PNG image, or None if they are not stated."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    tag = _SVG_TAG.search(data)
    if tag is None:
        return None
    attributes = dict(re.findall(r'\s([\w:-]+)="([^"]*)"', tag.group().decode("utf-8", "replace")))
    lengths = [_pixels(attributes.get(name, "")) for name in ("width", "height")]
    if lengths[0] is not None and lengths[1] is not None:
        return round(lengths[0]), round(lengths[1])
    box = attributes.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    return None


def _pixels(length: str) -> float | None:
    match = _LENGTH.match(length)
    if match is None or match.group(2) not in _UNITS:
        return None
    return float(match.group(1)) * _UNITS[match.group(2)]


def _has_alt(tag: str) -> bool:
    match = _ALT.search(tag)
    return match is not None and match.group(1).strip() not in ("", NBCONVERT_PLACEHOLDER_ALT)
