"""MkDocs hook: each notebook runs once per build; its page and its ``.ipynb`` come from that run.

The notebooks are jupytext files (docs/praxis/*.py). Once the build has its settings, this hook
starts hooks/notebook_run.py in a process of its own, if anything is missing: it runs each
notebook that has not run for its current key (all at once, one kernel each) and renders its page
with mkdocs-jupyter's conversion, with the options mkdocs-jupyter's plugin takes from mkdocs.yml.

Meanwhile the build goes on with every other page, on the other core: a notebook page is built
last and takes its content only when its template is about to be rendered (``on_page_context``);
there it waits for the run, if it has not ended yet, and takes the rendered page instead of
converting the notebook again in the build's process. The other hooks' ``on_page_content`` then
run on that content; when the page was read, its content was still empty. Its title is the
notebook's first heading, as with mkdocs-jupyter; since the other pages' navigation shows the
title they saw, the build stops if the heading differs from the title in mkdocs.yml's nav. The
executed notebook is written beside the page for download, next to the jupytext ``.py``.

A run is kept while nothing it depends on changed: the run key is a hash of the notebook, every
file of the library (src/inmail_explained), constraints.txt (the package versions) and the Python
version; the rendered page's key adds the conversion options and the template. So a rebuild
after an edit of a Markdown page starts no process and runs no kernel, while a changed notebook
or library always runs afresh, in ``make serve`` too. Kernels are stopped at once after the last
cell (``shutdown_kernel="immediate"``): nothing waits for a kernel to shut down.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import MethodType
from typing import IO, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from notebook_run import EXIT_CELL_FAILED, Job, RenderedPage, Task

NOTEBOOKS = "praxis/"
"""The folder under docs/ whose ``.py`` files are notebooks (mkdocs-jupyter's ``include``)."""
CACHE = Path(".cache") / "notebooks"
"""Executed notebooks and rendered pages, relative to the project folder (one each per key)."""
LIBRARY = Path("src") / "inmail_explained"
CONSTRAINTS = Path("constraints.txt")
RUNNER = Path(__file__).with_name("notebook_run.py")
JUPYTER_PLUGIN = "mkdocs-jupyter"

# mkdocs-jupyter appends the highlighting CSS of an ``.ipynb`` page after its HTML, as the text
# of a Python list in a <style> element; the pruned notebook.css carries that CSS already.
_APPENDED_STYLE_START = "\n        <style>\n        ['"
_APPENDED_STYLE_END = "']\n        </style>\n        "


@dataclass(frozen=True)
class Notebook:
    """One notebook of the site: its jupytext source, its executed copy and its rendered page."""

    source: Path
    executed: Path
    rendered: Path


def run_key(source: Path, root: Path) -> str:
    """A hash of everything a notebook's run depends on (see the module docstring)."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for path in [source, root / CONSTRAINTS, *sorted((root / LIBRARY).rglob("*.py"))]:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def executed_path(source: Path, root: Path) -> Path:
    """Where the executed copy of `source` is kept for its current run key."""
    return root / CACHE / NOTEBOOKS / f"{source.stem}-{run_key(source, root)}.ipynb"


def render_key(options: dict[str, Any]) -> str:
    """A hash of the conversion options and of the template they name (if any)."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode())
    template = options.get("custom_template")
    if template:
        digest.update(Path(template).read_bytes())
    return digest.hexdigest()[:12]


def rendered_path(executed: Path, options: dict[str, Any]) -> Path:
    """Where the page rendered from `executed` with `options` is kept."""
    return executed.with_name(f"{executed.stem}.{render_key(options)}.json")


def conversion(plugin: BasePlugin[Any], config: MkDocsConfig) -> tuple[dict[str, Any], int, bool]:
    """mkdocs-jupyter's ``nb2html`` options, ``toc_depth`` and whether it reads headings.

    The same arguments its plugin passes when it renders a page itself (mkdocs_jupyter/plugin.py,
    ``on_pre_page``); tests/test_hook_notebooks.py compares both renderings.
    """
    settings = plugin.config
    if settings["execute"] or settings["markdown_cell_processor"] != "jupyter":
        raise PluginError(
            "hooks/notebooks.py führt die Notebooks selbst aus und lässt sie von nbconvert "
            "darstellen: in mkdocs.yml bei mkdocs-jupyter `execute: false` und "
            "`markdown_cell_processor: jupyter` setzen."
        )
    options = {
        name: settings[name]
        for name in (
            "kernel_name",
            "theme",
            "allow_errors",
            "show_input",
            "no_input",
            "no_prompt",
            "remove_tag_config",
            "highlight_extra_classes",
            "include_requirejs",
            "custom_mathjax_url",
            "custom_template",
            "mathjax_version",
            "html_exporter_options",
        )
    }
    options |= {
        "execute": False,
        "include_mermaidjs": config.theme.name != "material",
        "include_mathjax": False,
        "markdown_cell_processor": "jupyter",
    }
    headings = not settings["html_exporter_options"].get("exclude_markdown", False)
    return options, int(settings["toc_depth"]), headings


def is_notebook(file: File) -> bool:
    """Whether `file`'s page is one of the notebooks (`notebook_sources`)."""
    return file.src_uri in _build.notebooks


@dataclass
class _Build:
    """This build's notebooks and their run, which may still be going on in another process."""

    notebooks: dict[str, Notebook] = field(default_factory=dict)  # by the page's src_uri
    run: subprocess.Popen[bytes] | None = None
    message: IO[bytes] | None = None  # the run's stdout: why it failed, if it did
    log: IO[bytes] | None = None  # the run's stderr, with its kernels' log lines
    ignore_h1_titles: bool = False
    files: Files | None = None  # this build's files, for the notebook pages' on_page_content
    titles: dict[str, str | None] = field(default_factory=dict)  # before mkdocs-jupyter's render

    def start(self, job: Job) -> None:
        """Start hooks/notebook_run.py on `job` (its process runs until `wait`)."""
        # Files, not pipes, so that no output can block the process; open until `wait`.
        self.message = tempfile.TemporaryFile()  # noqa: SIM115
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        # Without nbconvert's search for exporters in every installed package (half a second).
        env = {**os.environ, "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
        command = [sys.executable, str(RUNNER), job.to_json()]
        self.run = subprocess.Popen(
            command, cwd=job.root, env=env, stdout=self.message, stderr=self.log
        )

    def wait(self) -> None:
        """Block until the notebooks have run; a failing cell fails the build here."""
        returncode, message, log = self._finish()
        if returncode == EXIT_CELL_FAILED and message:
            raise PluginError(message)
        if returncode != 0:
            raise PluginError(f"hooks/notebook_run.py endete mit Status {returncode}:\n{log}")

    def discard(self) -> None:
        """Let a run that an earlier, failed build left behind end, whatever its outcome.

        Under ``make serve`` a build can fail before it waits for its run; the next build
        must not start a second run on the same files meanwhile. It runs what is still missing.
        """
        self._finish()

    def _finish(self) -> tuple[int, str, str]:
        """Wait for the run: its exit status, its stdout and its stderr (0 and "" if none)."""
        if self.run is None or self.message is None or self.log is None:
            return 0, "", ""
        returncode = self.run.wait()
        message, log = (_read(output) for output in (self.message, self.log))
        self.run = self.message = self.log = None
        return returncode, message, log


def _read(output: IO[bytes]) -> str:
    """The text written to `output`, which is closed afterwards."""
    with output:
        output.seek(0)
        return output.read().decode("utf-8", "replace").strip()


_build = _Build()


def notebook_sources(docs_dir: Path) -> list[Path]:
    """The notebooks: the jupytext ``.py`` files directly in docs/praxis/.

    The same as mkdocs-jupyter's ``include`` in mkdocs.yml, known before MkDocs lists the files.
    """
    return sorted((docs_dir / NOTEBOOKS).glob("*.py"))


@event_priority(100)  # first: the run starts while the plugins still set themselves up
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Find the notebooks and start their run if one is missing.

    The run goes on in another process while the site's files are listed and its pages read and
    rendered; a notebook page, built last (`on_files`), waits for it (`on_page_context`).
    """
    _build.discard()
    root = Path(config.config_file_path).parent
    plugin = config.plugins[JUPYTER_PLUGIN]
    options, toc_depth, headings = conversion(plugin, config)
    _build.ignore_h1_titles = bool(plugin.config["ignore_h1_titles"])
    _build.notebooks = {}
    _build.titles = {}
    for source in notebook_sources(Path(config.docs_dir)):
        executed = executed_path(source, root)
        _build.notebooks[f"{NOTEBOOKS}{source.name}"] = Notebook(
            source, executed, rendered_path(executed, options)
        )
    missing = [
        Task(str(notebook.source), str(notebook.executed), str(notebook.rendered))
        for notebook in _build.notebooks.values()
        if not (notebook.executed.exists() and notebook.rendered.exists())
    ]
    if missing:
        _build.start(Job(str(root), missing, options, toc_depth, headings))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Move the notebook pages to the end: MkDocs reads and builds the pages in this order.

    A notebook that is no page of this build (excluded in mkdocs.yml) is not offered either.
    """
    _build.files = files
    pages = {file.src_uri for file in files}
    _build.notebooks = {uri: nb for uri, nb in _build.notebooks.items() if uri in pages}
    for file in [file for file in files if is_notebook(file)]:
        files.remove(file)
        files.append(file)
    return files


@event_priority(-50)  # after mkdocs-jupyter's on_pre_page, which sets the page's render method
def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A notebook page is read without content; it takes it from the run in `on_page_context`.

    mkdocs-jupyter's own render method would convert the notebook here; this one leaves the
    content empty and keeps the title from mkdocs.yml's nav for the other pages' navigation.
    """
    if not is_notebook(page.file):
        return page
    _build.titles[page.file.src_uri] = page.title

    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])

    page.render = MethodType(render, page)  # type: ignore[method-assign]
    return page


@event_priority(100)  # before the search plugin's, which indexes the page's content
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """A notebook page waits for the run and sets what mkdocs-jupyter's render would set.

    That is content, table of contents and title, from hooks/notebook_run.py's rendering; the
    content passes through every ``on_page_content`` of the build (hooks/a11y.py checks it).
    """
    notebook = _build.notebooks.get(page.file.src_uri)
    if notebook is None:
        return context
    _build.wait()
    rendered = RenderedPage.read(notebook.rendered)
    title = page_title(page, rendered.title, _build.titles.get(page.file.src_uri))
    if page.title is not None and title != page.title:
        raise PluginError(
            f"{page.file.src_uri}: Die erste Überschrift des Notebooks („{title}“) weicht vom "
            f"Titel in der Navigation von mkdocs.yml ab („{page.title}“). Schreibe beide gleich."
        )
    page.title = title
    page.toc = get_toc(rendered.toc_tokens)  # type: ignore[arg-type]
    assert _build.files is not None
    page.content = config.plugins.on_page_content(
        rendered.content, page=page, config=config, files=_build.files
    )
    return context


def page_title(page: Page, heading: str | None, explicit_title: str | None) -> str | None:
    """The page's title as mkdocs-jupyter sets it: the notebook's first heading, unless ….

    … mkdocs.yml says ``ignore_h1_titles``, or the notebook's front matter has metadata and a
    title is given there or in the nav (`explicit_title`, the title before the page was read).
    """
    has_metadata = getattr(page, "_mkdocs_jupyter_has_metadata", False)
    preserve_title = has_metadata and (explicit_title is not None or "title" in page.meta)
    if heading is not None and not _build.ignore_h1_titles and not preserve_title:
        return heading
    current: str | None = page.title
    return current


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Offer each notebook's jupytext source as ``.py`` beside its page.

    Added only now, when every page is read: mkdocs-jupyter's on_files would take it for a page.
    """
    for notebook in _build.notebooks.values():
        source = notebook.source
        download = f"{NOTEBOOKS}{source.stem}/{source.name}"
        files.append(File.generated(config, download, abs_src_path=str(source)))
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Write each executed notebook as ``.ipynb`` beside its page, once the run has ended."""
    _build.wait()
    for notebook in _build.notebooks.values():
        name = notebook.source.stem
        content = notebook.executed.read_bytes()
        File.generated(config, f"{NOTEBOOKS}{name}/{name}.ipynb", content=content).copy_file()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Drop the highlighting CSS that mkdocs-jupyter appends to a notebook page as list text."""
    if not is_notebook(page.file) or not html:  # empty until on_page_context
        return html
    start = html.rfind(_APPENDED_STYLE_START)
    if start == -1 or not html.endswith(_APPENDED_STYLE_END):
        raise PluginError(
            f"{page.file.src_uri}: mkdocs-jupyter hat die Notebook-Seite anders als erwartet "
            "ausgegeben (kein angehängtes <style> am Ende); hooks/notebooks.py anpassen."
        )
    return html[:start]
