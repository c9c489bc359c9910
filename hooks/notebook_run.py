"""The notebooks' run, in a process of its own: each notebook executed once, its page rendered.

hooks/notebooks.py starts this program (``python hooks/notebook_run.py JOB``, JOB a `Job` as JSON)
when a build needs a notebook that has not run, or a page not yet rendered, for the current keys.
It is a process of its own so that the kernels' client and mkdocs-jupyter's conversion (nbconvert,
about a second per build) use the second core while the build renders the other pages. It steps
back for the build (`step_back`, which its kernels inherit): the build's own pages are the longer
part of a cold build, and the notebook pages are built last, so the run takes the time the build
leaves over, and the build is not interrupted for it.

For each notebook of the job it writes, next to each other in ``.cache/notebooks/praxis/``:

- the executed notebook (``<name>-<run key>.ipynb``), which the page offers for download;
- its page as mkdocs-jupyter renders it (``<name>-<run key>.<render key>.json``, a
  `RenderedPage`): the HTML, the headings of the table of contents and the first heading.

Then it removes the notebook's older files. A failing cell ends the program with exit status 3
and a German message on stdout that names the notebook and shows the cell (nothing of that
notebook is written); the build stops with that message.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import jupytext  # type: ignore[import-untyped]  # no type information shipped
import nbformat
from mkdocs_jupyter import convert  # type: ignore[import-untyped]  # no type information shipped
from mkdocs_jupyter.plugin import _get_nb_toc_tokens  # type: ignore[import-untyped]
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = "python3"
CELL_TIMEOUT = 600  # seconds a single cell may run
EXIT_CELL_FAILED = 3  # not 1, the status of any uncaught exception
_ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Task:
    """One notebook: its jupytext source and the two files this program writes for it."""

    source: str
    executed: str
    rendered: str


@dataclass(frozen=True)
class Job:
    """What hooks/notebooks.py asks for: the notebooks and how mkdocs-jupyter renders a page.

    `options` are the keyword arguments of mkdocs-jupyter's ``convert.nb2html`` as its plugin
    derives them from mkdocs.yml; `toc_depth` and `toc` are the plugin's settings for the table
    of contents (`toc` is false where mkdocs-jupyter takes no headings from the notebook).
    """

    root: str
    tasks: list[Task]
    options: dict[str, Any]
    toc_depth: int
    toc: bool

    def to_json(self) -> str:
        """The job as the command line's argument."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Job:
        """The job from its `to_json` text."""
        data = json.loads(text)
        return cls(**{**data, "tasks": [Task(**task) for task in data["tasks"]]})


@dataclass(frozen=True)
class RenderedPage:
    """A notebook's page as mkdocs-jupyter renders it: what its ``Page.render`` would set."""

    content: str
    toc_tokens: list[dict[str, Any]]
    title: str | None

    def write(self, path: Path) -> None:
        """Write the page to `path` as JSON (whole or not at all)."""
        write_whole(path, json.dumps(asdict(self), ensure_ascii=False))

    @classmethod
    def read(cls, path: Path) -> RenderedPage:
        """The page `write` wrote to `path`."""
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def write_whole(target: Path, text: str) -> None:
    """Write `text` to `target` whole or not at all: beside it first, then renamed into place.

    The file beside it is named for this process, so two runs never write into the same one.
    """
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)


async def execute(source: Path, target: Path, root: Path) -> None:
    """Run the notebook at `source` in the project folder and write it to `target`.

    The kernel is stopped at once after the last cell: nothing waits for it to shut down.
    """
    notebook = jupytext.read(source)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(root)}},
    )
    await client.async_execute()
    write_whole(target, str(nbformat.writes(notebook)) + "\n")  # type: ignore[no-untyped-call]


def render(executed: Path, job: Job) -> RenderedPage:
    """The page of the executed notebook, as mkdocs-jupyter's plugin renders it."""
    content = convert.nb2html(str(executed), image_dependencies={}, **job.options)
    toc_tokens, title = _get_nb_toc_tokens(str(executed), job.toc_depth) if job.toc else ([], None)
    return RenderedPage(content=str(content), toc_tokens=list(toc_tokens), title=title)


class NotebookFailed(Exception):
    """A cell of a notebook failed: the message names the notebook and shows the cell."""

    def __init__(self, source: Path, root: Path, error: CellExecutionError) -> None:
        name = source.relative_to(root) if source.is_relative_to(root) else source
        # nbclient colours the traceback for a terminal; the build's log is plain text.
        cell = _ANSI_COLOUR.sub("", str(error)).strip()
        super().__init__(
            f"{name}: Eine Zelle des Notebooks ist fehlgeschlagen. Korrigiere sie und baue "
            f"neu; nichts von diesem Notebook wurde geschrieben.\n{cell}"
        )


async def run_task(task: Task, job: Job) -> None:
    """Execute the notebook if its run is missing, render its page, drop its older files."""
    source, executed, rendered = Path(task.source), Path(task.executed), Path(task.rendered)
    executed.parent.mkdir(parents=True, exist_ok=True)
    if not executed.exists():
        try:
            await execute(source, executed, Path(job.root))
        except CellExecutionError as error:
            raise NotebookFailed(source, Path(job.root), error) from error
    if not rendered.exists():
        render(executed, job).write(rendered)
    for old in executed.parent.iterdir():
        if is_run_file(old.name, source.stem) and old not in (executed, rendered):
            old.unlink()


def is_run_file(name: str, stem: str) -> bool:
    """Whether `name` is a file of this program for the notebook `stem`, of any key.

    Not the files of another notebook whose name begins the same (``jahr`` and ``jahr-zwei``).
    """
    return re.fullmatch(rf"{re.escape(stem)}-[0-9a-f]{{16}}\.[^/]+", name) is not None


async def run(job: Job) -> None:
    """All notebooks at the same time, one kernel each; each page is rendered when its run ends."""
    await asyncio.gather(*(run_task(task, job) for task in job.tasks))


def step_back() -> None:
    """Run (with the kernels this process starts) only on a core the build leaves idle.

    Linux's idle scheduling class (``SCHED_IDLE``); elsewhere the lowest priority (``nice 19``).
    With normal priority, or ``nice 10``, the build's process was still interrupted some 300
    times per cold build, about half a second of its time.
    """
    if hasattr(os, "SCHED_IDLE"):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    else:
        os.nice(19)


def main(argv: list[str]) -> int:
    """Run the job given as JSON in `argv[1]`: 0, or `EXIT_CELL_FAILED` with the message on stdout.

    The message goes to stdout because stderr also carries the kernels' own log lines.
    """
    step_back()
    try:
        asyncio.run(run(Job.from_json(argv[1])))
    except NotebookFailed as failure:
        print(failure)
        return EXIT_CELL_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
