"""MkDocs hook: each notebook runs once per build; its page and its ``.ipynb`` come from that run.

The notebooks are jupytext files (docs/praxis/*.py). Before any page is rendered, this hook runs
all of them at once, one kernel each (they are independent, and two cores run two kernels in the
time of one), and writes each executed notebook to ``.cache/notebooks/praxis/<name>.ipynb``. The
notebook's page then points at that file: mkdocs-jupyter (``execute: false``) only turns it into
HTML. The same file is offered beside the page for download, next to the jupytext ``.py``.

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
from dataclasses import dataclass
from pathlib import Path

import jupytext  # type: ignore[import-untyped]  # no type information shipped
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from nbclient import NotebookClient

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


@event_priority(50)  # before mkdocs-jupyter's on_files, which picks the notebook pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Run the notebooks, point their pages at the executed copies, offer both for download."""
    root = Path(config.config_file_path).parent
    notebooks: list[tuple[File, Notebook]] = []
    for file in files:
        if is_notebook(file):
            assert file.abs_src_path is not None
            source = Path(file.abs_src_path)
            notebooks.append((file, Notebook(source, executed_path(source, root))))
    run_all([notebook for _, notebook in notebooks], root)
    for file, notebook in notebooks:
        name = notebook.source.stem
        files.remove(file)
        page = File.generated(config, file.src_uri, abs_src_path=str(notebook.executed))
        files.append(page)
        folder = f"{NOTEBOOKS}{name}/"
        # As content, not as a path: mkdocs-jupyter would take a file at an .ipynb path for a page.
        for download in (notebook.executed, notebook.source):
            suffix = download.suffix
            content = download.read_bytes()
            files.append(File.generated(config, f"{folder}{name}{suffix}", content=content))
    return files


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
