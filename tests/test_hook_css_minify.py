"""hooks/css_minify.py: the own style sheets lose comments and needless whitespace, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2  # type: ignore[import-untyped]  # no type information shipped
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import css_minify

ROOT = Path(__file__).resolve().parents[1]


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
        (".a{top:0} /* one */ /* two */ .b{top:1px}", ".a{top:0}.b{top:1px}\n"),
    ],
)
def test_minify_drops_only_what_changes_nothing(css: str, expected: str) -> None:
    assert css_minify.minify_css(css) == expected


def test_minify_keeps_every_rule_of_the_own_style_sheets() -> None:
    def rules(css: str) -> list[tuple[str, str]]:
        parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        return [
            (
                "".join(tinycss2.serialize(rule.prelude).split()),
                "".join(tinycss2.serialize(rule.content or []).split()).replace(";}", "}"),
            )
            for rule in parsed
        ]

    sheets = sorted((ROOT / "docs").rglob("*.css"))
    assert sheets
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        minified = css_minify.minify_css(css)
        assert len(minified) < len(css)
        assert rules(minified) == rules(css), sheet


def test_only_own_unminified_style_sheets_are_rewritten(tmp_path: Path) -> None:
    """Own ``.css`` files are minified; ``*.min.css``, other files and generated ones are not."""
    docs = tmp_path / "docs"
    docs.mkdir()
    spaced = ".a {\n  top: 0;\n}\n"
    for name in ("own.css", "vendor.min.css", "page.md"):
        (docs / name).write_text(spaced, encoding="utf-8")
    site = str(tmp_path / "site")
    files = Files([File(name, str(docs), site, False) for name in ("own.css", "vendor.min.css")])
    files.append(File("page.md", str(docs), site, False))
    generated = File("made.css", None, site, False)
    generated.generated_by = "a plugin"
    generated.content_string = spaced
    files.append(generated)

    css_minify.on_files(files, MkDocsConfig())

    contents = {file.src_uri: file.content_string for file in files}
    assert contents == {
        "own.css": ".a{top:0;}\n",
        "vendor.min.css": spaced,
        "page.md": spaced,
        "made.css": spaced,
    }
