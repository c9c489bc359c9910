"""hooks/notebooks.py: a notebook runs again exactly when something it depends on changed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from notebooks import CONSTRAINTS, LIBRARY, executed_path, on_page_content, run_key


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with a notebook, a library of two modules and a lock file."""
    (tmp_path / LIBRARY).mkdir(parents=True)
    (tmp_path / LIBRARY / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / LIBRARY / "rules.py").write_text("Y = 2\n", encoding="utf-8")
    (tmp_path / CONSTRAINTS).write_text("pydantic==2.14.0\n", encoding="utf-8")
    (tmp_path / "docs" / "praxis").mkdir(parents=True)
    (tmp_path / "docs" / "praxis" / "jahr.py").write_text("# %%\nprint(1)\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    return tmp_path


def key(project: Path) -> str:
    return run_key(project / "docs" / "praxis" / "jahr.py", project)


@pytest.mark.parametrize(
    "changed",
    ["docs/praxis/jahr.py", "src/inmail_explained/rules.py", "constraints.txt"],
    ids=["the-notebook", "the-library", "the-package-versions"],
)
def test_a_change_it_depends_on_runs_it_again(project: Path, changed: str) -> None:
    before = key(project)
    path = project / changed
    path.write_text(path.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert key(project) != before


def test_a_new_module_of_the_library_runs_it_again(project: Path) -> None:
    before = key(project)
    (project / LIBRARY / "plans.py").write_text("Z = 3\n", encoding="utf-8")
    assert key(project) != before


def test_an_edited_page_does_not_run_it_again(project: Path) -> None:
    before = key(project)
    (project / "docs" / "index.md").write_text("# Start, neu\n", encoding="utf-8")
    assert key(project) == before
    assert executed_path(project / "docs" / "praxis" / "jahr.py", project).name == (
        f"jahr-{before}.ipynb"
    )


def _page(src_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_the_appended_style_is_cut_from_a_notebook_page() -> None:
    html = "<div>Zellen</div>\n        <style>\n        ['pre { x }']\n        </style>\n        "
    page = _page("praxis/jahr.py")
    assert on_page_content(html, page, None, None) == "<div>Zellen</div>"  # type: ignore[arg-type]


def test_a_notebook_page_without_the_appended_style_fails_the_build() -> None:
    with pytest.raises(PluginError, match=r"praxis/jahr\.py"):
        on_page_content("<div>Zellen</div>", _page("praxis/jahr.py"), None, None)  # type: ignore[arg-type]


def test_other_pages_pass_unchanged() -> None:
    html = "<p>Text</p>"
    assert on_page_content(html, _page("glossar/inmail.md"), None, None) == html  # type: ignore[arg-type]
