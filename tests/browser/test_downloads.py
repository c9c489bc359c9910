"""What the site offers for download (hooks/downloads.py) works where a learner uses it.

The set-up commands of "Selbst ausprobieren" run as written, on the oldest Python the library
supports, in a folder that holds only the wheel from the built site (as the page's own link
downloads it): they create a fresh venv, install the wheel from the file (pip fetches pydantic)
and start the console, which runs the page's first example. The Windows tab installs the same
file. The notebooks' ``.ipynb`` open with nbformat and run from top to bottom.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "selbst-ausprobieren.md"
OLDEST_PYTHON = "3.11"  # requires-python in pyproject.toml
_FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
_TAB = re.compile(
    r"^/// tab \| (?P<title>[^\n]+)\n```(?:bash|powershell)\n(?P<commands>.*?)^```",
    re.DOTALL | re.MULTILINE,
)
VENV_PYTHON = {
    "Linux und macOS": "inmail-venv/bin/python",
    "Windows": r"inmail-venv\Scripts\python",
}


def _tabs(text: str) -> dict[str, list[list[str]]]:
    """The command blocks of each platform tab in page order; the first sets up the library."""
    tabs: dict[str, list[list[str]]] = {}
    for match in _TAB.finditer(text):
        tabs.setdefault(match["title"], []).append(match["commands"].splitlines())
    return tabs


def _oldest_python() -> str:
    """A Python 3.11 interpreter: on PATH, or from pyenv when its shims do not expose it."""
    pyenv = sorted((Path.home() / ".pyenv" / "versions").glob(f"{OLDEST_PYTHON}*/bin/python3"))
    for candidate in [f"python{OLDEST_PYTHON}", *map(str, pyenv)]:
        try:
            probe = subprocess.run(
                [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                check=False,
            )
        except FileNotFoundError:
            continue
        if probe.stdout.strip() == OLDEST_PYTHON:
            return candidate
    message = f"Python {OLDEST_PYTHON} fehlt: der Test installiert die Wheel in diese Version."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_wheel_alone_runs_the_first_example_of_selbst_ausprobieren(
    site_dir: Path, tmp_path: Path
) -> None:
    wheels = sorted((site_dir / "downloads").glob("*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]
    text = PAGE.read_text(encoding="utf-8")
    assert f"(downloads/{wheel.name})" in text, "the page links the wheel for download"
    tabs = _tabs(text)
    assert set(tabs) == set(VENV_PYTHON), tabs
    for title, blocks in tabs.items():
        commands = [line for block in blocks for line in block]
        assert not any("://" in line for line in commands), f"{title}: no address in a command"
        # Every pip or jupyter call names the venv's interpreter: no bare `-m pip ...` fragment.
        module_calls = [line for line in commands if " -m pip " in line or " -m jupyter " in line]
        assert module_calls, title
        assert all(line.startswith(f"{VENV_PYTHON[title]} -m ") for line in module_calls), title
        assert blocks[0][1] == f"{VENV_PYTHON[title]} -m pip install {wheel.name}", (
            f"{title}: the library is installed from the downloaded file"
        )

    # The Linux commands as written, in the folder the browser saved the wheel to.
    shutil.copy(wheel, tmp_path)
    create, install, console = (shlex.split(line) for line in tabs["Linux und macOS"][0])
    assert create == ["python3", "-m", "venv", "inmail-venv"]
    subprocess.run([_oldest_python(), *create[1:]], cwd=tmp_path, check=True)
    python = str(tmp_path / install[0])
    subprocess.run(
        [python, *install[1:], "--quiet", "--disable-pip-version-check"], cwd=tmp_path, check=True
    )
    example = _FENCE.search(text)
    assert example is not None
    code = example.group(1)
    expected = [line.strip()[3:] for line in code.splitlines() if line.strip().startswith("#> ")]
    # The console started by the page's last command, with the first example on its input.
    assert console == [install[0]]
    run = subprocess.run(
        [python], input=code, capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert run.stdout.splitlines() == expected
    installed = subprocess.run(
        [python, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True, check=True
    ).stdout
    assert "inmail-explained==" in installed.lower().replace("_", "-")


@pytest.mark.parametrize("name", ["ein-jahr-guthaben", "sterne-verlieren"])
def test_ipynb_download_is_executed_and_runs_again(site_dir: Path, name: str) -> None:
    path = site_dir / "praxis" / name / f"{name}.ipynb"
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, name
    assert all(cell.execution_count for cell in code), "the download comes executed"
    assert any(cell.outputs for cell in code), "with its outputs"
    NotebookClient(
        notebook, kernel_name="python3", timeout=600, shutdown_kernel="immediate"
    ).execute()
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert errors == []
