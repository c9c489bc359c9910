"""MkDocs hook: what the site offers for download, so that learners need nothing but Python.

1. The library as a wheel, ``downloads/inmail_explained-<version>-py3-none-any.whl``, built from
   this checkout. "Selbst ausprobieren" links it and shows the command that installs it into a
   fresh venv (tests/browser/test_downloads.py does exactly that).
2. Each notebook (docs/praxis/*.py) also as an executed ``.ipynb`` beside its page and its
   jupytext ``.py`` (which mkdocs-jupyter copies there, ``include_source``): the format Jupyter
   users open with a double click, outputs and figures included. The notebook runs in the
   folder mkdocs runs in, like mkdocs-jupyter runs it. Under ``mkdocs serve`` it is written
   without running it, so that the preview stays quick.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import jupytext  # type: ignore[import-untyped]  # no type information shipped
import nbformat
from hatchling.builders.wheel import WheelBuilder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from nbclient import NotebookClient

DOWNLOADS = "downloads"
NOTEBOOKS = "praxis/"
KERNEL = "python3"

_run = {"notebooks": True}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is a build (notebooks run) or the preview (they do not)."""
    _run["notebooks"] = command != "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the wheel and, for every notebook page, its executed ``.ipynb``."""
    root = Path(config.config_file_path).parent
    wheel, wheel_bytes = _wheel(root)
    files.append(File.generated(config, wheel, content=wheel_bytes))
    for file in list(files):
        if file.src_uri.startswith(NOTEBOOKS) and file.src_uri.endswith(".py"):
            name = Path(file.src_uri).stem
            dest = f"{NOTEBOOKS}{name}/{name}.ipynb"
            text = ipynb(file.abs_src_path, execute=_run["notebooks"])
            files.append(File.generated(config, dest, content=text))
    return files


def ipynb(path: str | None, *, execute: bool = True) -> str:
    """The jupytext notebook at `path` as ``.ipynb`` text, run from top to bottom if `execute`."""
    notebook = jupytext.read(path)
    if execute:
        NotebookClient(notebook, kernel_name=KERNEL, timeout=600).execute()
    return str(nbformat.writes(notebook)) + "\n"  # type: ignore[no-untyped-call]


def _wheel(root: Path) -> tuple[str, bytes]:
    """The wheel's path in the site and its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        built = Path(next(WheelBuilder(str(root)).build(directory=folder, versions=["standard"])))
        return f"{DOWNLOADS}/{built.name}", built.read_bytes()
