"""MkDocs hook: each notebook runs once per build; its page and its ``.ipynb`` come from that run.

The notebooks are jupytext files (docs/praxis/*.py). When the build has its files, this hook
starts all of them at once, one kernel each, in the background while the other pages are
rendered, and writes each executed notebook to ``.cache/notebooks/praxis/<name>-<key>.ipynb``.
The notebook's page points at that file and waits for it: mkdocs-jupyter (``execute: false``)
only turns it into HTML. The same file is offered beside the page for download, next to the
jupytext ``.py``.

A run is kept while nothing it depends on changed: the key is a hash of the notebook, every file
of the library (src/inmail_explained), constraints.txt (the package versions) and the Python
version. So a rebuild after an edit of a Markdown page runs no kernel, while a changed notebook
or library always runs afresh, in ``make serve`` too. Kernels are stopped at once after the last
cell (``shutdown_kernel="immediate"``): nothing waits for a kernel to shut down.
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jupytext  # type: ignore[import-untyped]  # no type information shipped
import nbformat
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = "praxis/"
"""The folder under docs/ whose ``.py`` files are notebooks (mkdocs-jupyter's ``include``)."""
CACHE = Path(".cache") / "notebooks"
"""Executed notebooks, relative to the project folder; one file per notebook and key."""
KERNEL = "python3"
CELL_TIMEOUT = 600  # seconds a single cell may run
LIBRARY = Path("src") / "inmail_explained"
CONSTRAINTS = Path("constraints.txt")

# mkdocs-jupyter appends the highlighting CSS of an ``.ipynb`` page after its HTML, as the text
# of a Python list in a <style> element; the pruned notebook.css carries that CSS already.
_APPENDED_STYLE_START = "\n        <style>\n        ['"
_APPENDED_STYLE_END = "']\n        </style>\n        "


@dataclass(frozen=True)
class Notebook:
    """One notebook of the site: its jupytext source and where its executed copy is kept."""

    source: Path
    executed: Path


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


async def _execute(source: Path, target: Path, root: Path) -> None:
    """Run the notebook at `source` in the project folder and write it to `target`."""
    notebook = jupytext.read(source)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(root)}},
    )
    await client.async_execute()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(str(nbformat.writes(notebook)) + "\n", encoding="utf-8")  # type: ignore[no-untyped-call]
    partial.replace(target)


def run_all(notebooks: list[Notebook], root: Path) -> None:
    """Run every notebook whose executed copy is missing, all at the same time."""
    missing = [notebook for notebook in notebooks if not notebook.executed.exists()]
    if not missing:
        return

    async def run() -> None:
        await asyncio.gather(*(_execute(n.source, n.executed, root) for n in missing))

    asyncio.run(run())
    for notebook in missing:
        stale = notebook.executed.parent.glob(f"{notebook.source.stem}-*.ipynb")
        for old in stale:
            if old != notebook.executed:
                old.unlink()


def is_notebook(file: File) -> bool:
    """Whether `file` is one of the notebooks (a jupytext ``.py`` under praxis/)."""
    return file.src_uri.startswith(NOTEBOOKS) and file.src_uri.endswith(".py")


@dataclass
class _Build:
    """This build's notebooks and their run, which may still be going on in the background."""

    notebooks: list[Notebook] = field(default_factory=list)
    run: Future[None] | None = None
    dirty: bool = False  # `mkdocs serve --dirty` asks each page file whether it changed at once

    def wait(self) -> None:
        """Block until the notebooks have run; a failing cell fails the build here."""
        if self.run is not None:
            try:
                self.run.result()
            except CellExecutionError as error:
                raise PluginError(
                    f"Eine Zelle eines Notebooks ist fehlgeschlagen: {error}"
                ) from error
            finally:
                self.run = None


_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether pages are rebuilt only when changed (``mkdocs serve --dirty``)."""
    _build.dirty = dirty


@event_priority(50)  # before mkdocs-jupyter's on_files, which picks the notebook pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start the notebooks' run and point their pages at the executed copies.

    The run goes on in the background while the other pages are rendered (the kernels are
    processes of their own, the build uses one core); a notebook page waits for it. Under
    ``mkdocs serve --dirty`` it runs before anything else: MkDocs compares the executed copy's
    time with the page's before rendering it.
    """
    root = Path(config.config_file_path).parent
    _build.notebooks = []
    for file in [file for file in files if is_notebook(file)]:
        assert file.abs_src_path is not None
        source = Path(file.abs_src_path)
        notebook = Notebook(source, executed_path(source, root))
        _build.notebooks.append(notebook)
        files.remove(file)
        files.append(File.generated(config, file.src_uri, abs_src_path=str(notebook.executed)))
        download = f"{NOTEBOOKS}{source.stem}/{source.name}"
        files.append(File.generated(config, download, abs_src_path=str(source)))
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebooks")
    _build.run = executor.submit(run_all, list(_build.notebooks), root)
    executor.shutdown(wait=False)
    if _build.dirty:
        _build.wait()
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A notebook page waits until the notebooks have run."""
    if is_notebook(page.file):
        _build.wait()
    return page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Offer each executed notebook as ``.ipynb`` beside its page.

    Added only now, when every page is read: mkdocs-jupyter's on_files would take a file with an
    ``.ipynb`` path for a page of its own. MkDocs copies the files after this event.
    """
    _build.wait()
    for notebook in _build.notebooks:
        name = notebook.source.stem
        content = notebook.executed.read_bytes()
        files.append(File.generated(config, f"{NOTEBOOKS}{name}/{name}.ipynb", content=content))
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Drop the highlighting CSS that mkdocs-jupyter appends to a notebook page as list text."""
    if not is_notebook(page.file):
        return html
    start = html.rfind(_APPENDED_STYLE_START)
    if start == -1 or not html.endswith(_APPENDED_STYLE_END):
        raise PluginError(
            f"{page.file.src_uri}: mkdocs-jupyter hat die Notebook-Seite anders als erwartet "
            "ausgegeben (kein angehängtes <style> am Ende); hooks/notebooks.py anpassen."
        )
    return html[:start]
