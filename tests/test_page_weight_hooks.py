"""The hooks behind the performance budget: notebook figures, search index, page assets, CSS.

`make bench` measures what they achieve; these tests pin down their rules on small inputs.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:  # mypy checks hooks/ as top-level modules
    import css_minify
    import lazy_search
    import meta_description
    import notebook_images
    import page_assets
else:
    css_minify = _load_hook("css_minify")
    notebook_images = _load_hook("notebook_images")
    lazy_search = _load_hook("lazy_search")
    page_assets = _load_hook("page_assets")
    meta_description = _load_hook("meta_description")


@pytest.mark.parametrize(
    ("image", "size"),
    [
        (
            b'<?xml version="1.0"?>\n<svg width="460.8pt" height="273.6pt" viewBox="0 0 1 1">',
            (614, 365),
        ),
        (b'<svg viewBox="0 0 300 150" xmlns="http://www.w3.org/2000/svg">', (300, 150)),
        (b'<svg width="100%" height="100%">', None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0", (640, 480)),
    ],
)
def test_image_size_in_css_pixels(image: bytes, size: tuple[int, int] | None) -> None:
    assert notebook_images.image_size(image) == size


def test_lazy_search_script_comes_before_materials_bundle() -> None:
    page = (
        '<form class="md-search__form" name="search"></form>'
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    )
    output = lazy_search.on_post_page(page, None, None)  # type: ignore[arg-type]
    assert output.index("search_index.json") < output.index("bundle.a5f9d56c")


def test_mkdocstrings_css_only_where_api_objects_are() -> None:
    head = '<head><link rel="stylesheet" href="../assets/_mkdocstrings.css"></head>'
    plain = page_assets.on_post_page(head + "<body><p>Text</p></body>", None, None)  # type: ignore[arg-type]
    api = page_assets.on_post_page(
        head + '<body><div class="doc doc-object doc-class"></div></body>',
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
    )
    assert "_mkdocstrings.css" not in plain
    assert "_mkdocstrings.css" in api


def test_diagram_script_only_where_a_diagram_is() -> None:
    assert page_assets.needed_scripts('<p>Text</p><div class="highlight"></div>') == []
    assert page_assets.needed_scripts('<div class="diagramm">flowchart TD</div>') == [
        "assets/javascripts/diagramme.js"
    ]


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("/* why */\n.a  >  .b ,\n.c {\n  color:  red ;\n}\n", ".a>.b,.c{color:red;}\n"),
        (".a :hover{margin:0 auto}", ".a :hover{margin:0 auto}\n"),  # descendant, not .a:hover
        (".a{width:calc(100% - 2px)}", ".a{width:calc(100% - 2px)}\n"),
        ('.a::before{content:"/* { x } */"}', '.a::before{content:"/* { x } */"}\n'),
        (
            "@media (min-width: 30em) and (hover) {\n  .a { top: 0 }\n}",
            ("@media (min-width:30em) and (hover){.a{top:0}}\n"),
        ),
    ],
)
def test_css_minify_drops_only_what_changes_nothing(css: str, expected: str) -> None:
    assert css_minify.minify_css(css) == expected


def test_css_minify_keeps_every_rule_of_the_own_style_sheets() -> None:
    import tinycss2  # type: ignore[import-untyped]  # no type information shipped

    def rules(css: str) -> list[tuple[str, str]]:
        parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        return [
            (
                "".join(tinycss2.serialize(rule.prelude).split()),
                "".join(tinycss2.serialize(rule.content or []).split()).replace(";}", "}"),
            )
            for rule in parsed
        ]

    for sheet in sorted((ROOT / "docs").rglob("*.css")):
        css = sheet.read_text(encoding="utf-8")
        minified = css_minify.minify_css(css)
        assert len(minified) < len(css)
        assert rules(minified) == rules(css), sheet


def test_description_is_the_first_paragraph_shortened_at_a_sentence_or_word() -> None:
    content = "<h1>T</h1><p> </p><p>Erster Satz mit <a href='#'>Link</a>. Zweiter Satz.</p>"
    assert meta_description.first_paragraph(content) == "Erster Satz mit Link. Zweiter Satz."
    assert meta_description.first_paragraph(content, limit=30) == "Erster Satz mit Link."
    assert meta_description.shorten("eins zwei drei vier", 12) == "eins zwei…"
