"""overrides/partials/: the copies of Material's partials differ from Material's only as named.

Each copy starts with a comment naming its changes; undoing exactly those gives the installed
Material's file. After an update of mkdocs-material this fails until the copy is taken anew.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SPEC = find_spec("material")
assert _SPEC is not None
assert _SPEC.origin is not None
MATERIAL = Path(_SPEC.origin).parent / "templates" / "partials"

NAV_TABINDEX = (
    ' tabindex="{{ tabindex }}"',
    '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}',
)
CHANGES = {
    "search.html": [('role="dialog">', 'role="dialog" aria-label="Suche">')],
    "nav-item.html": [
        NAV_TABINDEX,
        (
            '<span class="md-nav__icon md-icon"></span>\n              </label>',
            '<span class="visually-hidden">{{ nav_item.title | e }}</span>'
            '<span class="md-nav__icon md-icon"></span>\n              </label>',
        ),
    ],
}


def _body(template: str) -> str:
    """The template without its leading comment."""
    assert template.startswith("{#-"), "a copy names its changes in a leading comment"
    return template.split("-#}\n", 1)[1]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_copy_is_materials_partial_but_for_its_changes(name: str) -> None:
    ours = _body((ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"))
    for original, changed in CHANGES[name]:
        assert changed in ours, f"{name}: Änderung fehlt: {changed}"
        ours = ours.replace(changed, original)
    assert ours == _body((MATERIAL / name).read_text(encoding="utf-8"))


def test_section_toggle_names_its_section_and_search_its_dialog() -> None:
    nav = (ROOT / "overrides" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert nav.count('class="visually-hidden"') == 1
    assert nav.count('tabindex="{{ tabindex }}"') == nav.count("{% if tabindex %}") == 2
    search = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'aria-label="Suche"' in search
