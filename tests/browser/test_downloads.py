"""What the site offers for download (hooks/downloads.py) works where a learner uses it.

The wheel goes into a fresh venv on the oldest Python the library supports, with nothing else
(pip fetches pydantic), and runs the first example of "Selbst ausprobieren" there; the notebooks'
``.ipynb`` open with nbformat and run from top to bottom.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "selbst-ausprobieren.md"
OLDEST_PYTHON = "3.11"  # requires-python in pyproject.toml
_FENCE = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


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
    text = PAGE.read_text(encoding="utf-8")
    assert f"downloads/{wheels[0].name}" in text, "the page's install command names the wheel"
    venv = tmp_path / "venv"
    subprocess.run([_oldest_python(), "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheels[0])],
        check=True,
    )
    example = _FENCE.search(text)
    assert example is not None
    code = example.group(1)
    expected = [line.strip()[3:] for line in code.splitlines() if line.strip().startswith("#> ")]
    run = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
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
