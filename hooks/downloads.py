"""MkDocs hook: the library as a wheel, so that learners need nothing but Python.

``downloads/inmail_explained-<version>-py3-none-any.whl`` is built from this checkout.
"Selbst ausprobieren" links it and shows the commands that install it into a fresh venv
(tests/browser/test_downloads.py does exactly that). The notebooks' downloads come from
hooks/notebooks.py.

The wheel is built once per content of the package and its metadata: ``make serve`` rebuilds the
site after every saved page, and an unchanged library is not packed again.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

DOWNLOADS = "downloads"
PACKAGE = Path("src") / "inmail_explained"
METADATA = ("pyproject.toml", "README.md")  # what hatchling writes into the wheel besides src

_built: dict[str, tuple[str, bytes]] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the wheel."""
    root = Path(config.config_file_path).parent
    key = _wheel_key(root)
    if key not in _built:
        _built.clear()
        _built[key] = _wheel(root)
    name, content = _built[key]
    files.append(File.generated(config, name, content=content))
    return files


def _wheel_key(root: Path) -> str:
    """A hash of every file that goes into the wheel."""
    digest = hashlib.sha256()
    paths = [root / name for name in METADATA] + sorted((root / PACKAGE).rglob("*"))
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _wheel(root: Path) -> tuple[str, bytes]:
    """The wheel's path in the site and its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        built = Path(next(WheelBuilder(str(root)).build(directory=folder, versions=["standard"])))
        return f"{DOWNLOADS}/{built.name}", built.read_bytes()
