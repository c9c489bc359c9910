"""hooks/code_names.py: a name's ``<span class="n">`` goes only where it changes nothing seen."""

from __future__ import annotations

import re
from pathlib import Path

import material  # type: ignore[import-untyped]  # no type information shipped
import pytest

from code_names import unwrap_names

ROOT = Path(__file__).resolve().parents[1]
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
OWN_CSS = ROOT / "docs" / "assets" / "stylesheets"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<span class="n">credits</span>(<span class="n">on</span>=', "credits(on="),
        ('<span class="n"></span>x', "x"),
        (  # a cross-reference of mkdocstrings stays whole
            '<span class="n"><a href="../bausteine/#M">Member</a></span>',
            '<span class="n"><a href="../bausteine/#M">Member</a></span>',
        ),
        ('<span class="nb">print</span><span class="nf">f</span>', None),  # other tokens
        ('<span class="n x">a</span><span  class="n">b</span>', None),
    ],
)
def test_only_a_plain_name_span_is_unwrapped(html: str, expected: str | None) -> None:
    assert unwrap_names(html) == (html if expected is None else expected)


def test_material_gives_names_the_codes_own_colour() -> None:
    """Both schemes: ``--md-code-hl-name-color`` is the code's colour, the only one for ``.n``."""
    sheets = sorted(MATERIAL_CSS.glob("*.min.css"))
    assert len(sheets) == 2, sheets  # main and palette
    text = "".join(sheet.read_text(encoding="utf-8") for sheet in sheets)
    values = re.findall(r"--md-code-hl-name-color:([^;}]+)", text)
    assert values, "Material setzt --md-code-hl-name-color nicht mehr"
    assert set(values) == {"var(--md-code-fg-color)"}, values
    rules = re.findall(r"([^{}]*\.highlight \.n(?:,[^{}]*)?)\{([^}]*)\}", text)
    assert [body for _, body in rules] == ["color:var(--md-code-hl-name-color)"], rules


def test_no_own_style_sheet_styles_names() -> None:
    for sheet in sorted(OWN_CSS.glob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"\.n\b(?!-)", text), f"{sheet.name} gestaltet .n"
        assert "--md-code-hl-name-color" not in text, sheet.name
