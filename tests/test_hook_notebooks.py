"""hooks/notebooks.py: a notebook runs again exactly when something it depends on changed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nbformat
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import notebooks
from notebook_run import Job, Task, render, run_task
from notebooks import (
    CONSTRAINTS,
    JUPYTER_PLUGIN,
    LIBRARY,
    Notebook,
    conversion,
    executed_path,
    notebook_sources,
    on_page_content,
    rendered_path,
    run_key,
)

ROOT = Path(__file__).resolve().parent.parent


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


@pytest.fixture
def jahr(monkeypatch: pytest.MonkeyPatch) -> notebooks._Build:
    """A build with one notebook, praxis/jahr.py."""
    notebook = Notebook(Path("docs/praxis/jahr.py"), Path("jahr.ipynb"), Path("jahr.json"))
    build = notebooks._Build(notebooks={"praxis/jahr.py": notebook})
    monkeypatch.setattr(notebooks, "_build", build)
    return build


@pytest.mark.usefixtures("jahr")
def test_the_appended_style_is_cut_from_a_notebook_page() -> None:
    html = "<div>Zellen</div>\n        <style>\n        ['pre { x }']\n        </style>\n        "
    page = _page("praxis/jahr.py")
    assert on_page_content(html, page, None, None) == "<div>Zellen</div>"  # type: ignore[arg-type]


@pytest.mark.usefixtures("jahr")
def test_a_notebook_page_without_the_appended_style_fails_the_build() -> None:
    with pytest.raises(PluginError, match=r"praxis/jahr\.py"):
        on_page_content("<div>Zellen</div>", _page("praxis/jahr.py"), None, None)  # type: ignore[arg-type]


@pytest.mark.usefixtures("jahr")
def test_other_pages_pass_unchanged() -> None:
    html = "<p>Text</p>"
    assert on_page_content(html, _page("glossar/inmail.md"), None, None) == html  # type: ignore[arg-type]
    assert on_page_content("", _page("praxis/jahr.py"), None, None) == ""  # type: ignore[arg-type]


def test_the_notebooks_are_the_py_files_directly_in_praxis(tmp_path: Path) -> None:
    praxis = tmp_path / "praxis"
    (praxis / "jahr").mkdir(parents=True)
    for name in ("jahr.py", "b.py", "index.md", "jahr/jahr.py"):
        (praxis / name).write_text("", encoding="utf-8")
    assert notebook_sources(tmp_path) == [praxis / "b.py", praxis / "jahr.py"]


def test_notebook_pages_are_built_last_and_only_those_of_this_build(
    jahr: notebooks._Build, tmp_path: Path
) -> None:
    jahr.notebooks["praxis/weg.py"] = jahr.notebooks["praxis/jahr.py"]  # excluded from the site
    files = Files(
        [
            File(path, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
            for path in ("index.md", "praxis/jahr.py", "praxis/index.md", "z.md")
        ]
    )
    notebooks.on_files(files, None)  # type: ignore[arg-type]
    assert [file.src_uri for file in files] == [
        "index.md",
        "praxis/index.md",
        "z.md",
        "praxis/jahr.py",
    ]
    assert list(jahr.notebooks) == ["praxis/jahr.py"]


# --- The run in its own process (hooks/notebook_run.py) and the pages it renders -------------


def _executed_notebook(path: Path) -> Path:
    """A small notebook as a kernel leaves it: a heading, prose, a cell with its output."""
    notebook = nbformat.v4.new_notebook(  # type: ignore[no-untyped-call]
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        }
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Ein Titel\n\nEin Satz.\n\n## Ein Abschnitt"),  # type: ignore[no-untyped-call]
        nbformat.v4.new_code_cell(  # type: ignore[no-untyped-call]
            "print(1 + 1)",
            execution_count=1,
            outputs=[nbformat.v4.new_output("stream", name="stdout", text="2\n")],  # type: ignore[no-untyped-call]
        ),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)  # type: ignore[no-untyped-call]
    return path


@pytest.fixture(scope="module")
def site_config() -> MkDocsConfig:
    """The site's mkdocs.yml, loaded (its plugins and hooks imported, nothing built)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def test_a_page_from_the_run_is_the_page_mkdocs_jupyter_renders(
    site_config: MkDocsConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same content, table of contents and title as mkdocs-jupyter's own rendering.

    Ours is read without content and takes it when its template is rendered, through every
    ``on_page_content`` of the site; theirs gets the same treatment after its render.
    """
    plugin = site_config.plugins[JUPYTER_PLUGIN]
    executed = _executed_notebook(tmp_path / "praxis" / "probe.ipynb")
    options, toc_depth, headings = conversion(plugin, site_config)
    job = Job(str(tmp_path), [], options, toc_depth, headings)
    # mkdocs-jupyter renders the executed notebook (the site's pages point at the jupytext source)
    monkeypatch.setitem(plugin.config, "include", ["praxis/*.ipynb"])

    def page(title: str | None = None) -> Page:
        file = File("praxis/probe.py", None, str(tmp_path / "site"), use_directory_urls=True)
        file.abs_src_path = str(executed)
        files = plugin.on_files(Files([file]), config=site_config)
        assert files is not None
        wrapped = files.get_file_from_path("praxis/probe.py")
        assert wrapped is not None
        return Page(title, wrapped, site_config)

    theirs = page()
    plugin.on_pre_page(theirs, config=site_config, files=Files([]))
    theirs.render(site_config, Files([]))
    assert theirs.content is not None
    expected = site_config.plugins.on_page_content(
        theirs.content, page=theirs, config=site_config, files=Files([])
    )

    rendered = tmp_path / "probe.json"
    render(executed, job).write(rendered)
    ours = page("Ein Titel")  # as in mkdocs.yml's nav
    plugin.on_pre_page(ours, config=site_config, files=Files([]))
    build = notebooks._Build(
        notebooks={"praxis/probe.py": Notebook(executed, executed, rendered)}, files=Files([])
    )
    monkeypatch.setattr(notebooks, "_build", build)
    notebooks.on_pre_page(ours, site_config, Files([]))
    ours.render(site_config, Files([]))
    assert ours.content == ""  # until its template is rendered
    notebooks.on_page_context({}, ours, site_config, Navigation([], []))

    assert ours.content == expected
    assert "Ein Satz." in str(ours.content)
    assert ours.title == theirs.title == "Ein Titel"
    assert [(item.title, [child.id for child in item.children]) for item in ours.toc] == [
        (item.title, [child.id for child in item.children]) for item in theirs.toc
    ]
    assert [child.title for item in ours.toc for child in item.children] == ["Ein Abschnitt"]

    other = page("Ein anderer Titel")
    notebooks.on_pre_page(other, site_config, Files([]))
    other.render(site_config, Files([]))
    with pytest.raises(PluginError, match=r"„Ein Titel“\) weicht vom Titel .* \(„Ein anderer"):
        notebooks.on_page_context({}, other, site_config, Navigation([], []))


def test_the_rendered_page_is_kept_per_options_and_template(tmp_path: Path) -> None:
    template = tmp_path / "notebook.html.j2"
    template.write_text("{% extends 'x' %}", encoding="utf-8")
    executed = tmp_path / "jahr-0123456789abcdef.ipynb"
    options: dict[str, Any] = {"no_prompt": True, "custom_template": str(template)}
    first = rendered_path(executed, options)
    assert first.parent == tmp_path
    assert first.name.startswith("jahr-0123456789abcdef.")
    assert first.suffix == ".json"
    assert rendered_path(executed, {**options, "no_prompt": False}) != first
    template.write_text("{% extends 'y' %}", encoding="utf-8")
    assert rendered_path(executed, options) != first


@pytest.mark.parametrize(
    "setting", [{"execute": True}, {"markdown_cell_processor": "mkdocs"}], ids=str
)
def test_settings_the_hook_does_not_render_stop_the_build(
    site_config: MkDocsConfig, setting: dict[str, Any]
) -> None:
    plugin = site_config.plugins[JUPYTER_PLUGIN]
    changed = SimpleNamespace(config={**plugin.config, **setting})
    with pytest.raises(PluginError, match="execute: false"):
        conversion(changed, site_config)  # type: ignore[arg-type]


def test_older_runs_of_a_notebook_are_removed_and_no_other_notebooks_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "praxis"
    executed = _executed_notebook(folder / "jahr-0123456789abcdef.ipynb")
    rendered = folder / "jahr-0123456789abcdef.abc.json"
    rendered.write_text("{}", encoding="utf-8")
    stale = [folder / "jahr-fedcba9876543210.ipynb", folder / "jahr-fedcba9876543210.abc.json"]
    others = [folder / "jahr-zwei-0123456789abcdef.ipynb", folder / "jahr.md"]
    for path in stale + others:
        path.write_text("{}", encoding="utf-8")
    task = Task(str(tmp_path / "jahr.py"), str(executed), str(rendered))
    asyncio.run(run_task(task, Job(str(tmp_path), [task], {}, 6, True)))
    assert sorted(folder.iterdir()) == sorted([executed, rendered, *others])


def test_a_failing_cell_stops_the_build_with_the_cell_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "docs" / "praxis" / "kaputt.py"
    source.parent.mkdir(parents=True)
    source.write_text("# %%\nx = 1\n\n# %%\nraise ValueError('Absicht')\n", encoding="utf-8")
    executed = tmp_path / "kaputt-0123456789abcdef.ipynb"
    rendered = tmp_path / "kaputt-0123456789abcdef.abc.json"
    build = notebooks._Build()
    build.start(Job(str(tmp_path), [Task(str(source), str(executed), str(rendered))], {}, 6, True))
    with pytest.raises(PluginError) as raised:
        build.wait()
    message = str(raised.value)
    assert message.startswith("docs/praxis/kaputt.py: Eine Zelle des Notebooks ist fehlgeschlagen.")
    assert "raise ValueError('Absicht')" in message
    assert "ValueError: Absicht" in message
    assert "\x1b[" not in message
    assert "IPKernelApp" not in message
    assert not executed.exists()
    assert not rendered.exists()
    build.wait()  # a second wait has nothing left to wait for


def test_a_run_that_crashed_fails_the_build_with_its_log_or_is_discarded(tmp_path: Path) -> None:
    """A run ends unexpectedly (here: its notebook is gone): `wait` shows its stderr.

    `discard`, for a run an earlier failed build left behind, waits for it and says nothing.
    """
    gone = Task(
        str(tmp_path / "fehlt.py"),
        str(tmp_path / "fehlt-0123456789abcdef.ipynb"),
        str(tmp_path / "fehlt-0123456789abcdef.abc.json"),
    )
    job = Job(str(tmp_path), [gone], {}, 6, True)
    build = notebooks._Build()
    build.start(job)
    build.discard()
    assert build.run is None
    build.start(job)
    with pytest.raises(PluginError, match=r"endete mit Status 1:\n(?s:.*)FileNotFoundError"):
        build.wait()
