"""A strict build of the site (or of another MkDocs config) into a folder of one's choice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from devtools import ROOT

GLOSSARY_HOOK = "hooks/abkuerzungen.py"
"""The hook that gives Markdown's ``abbr`` extension the glossary (includes/abkuerzungen.md).

It is part of "the same Markdown": the benchmark's plain and peer builds, which leave out the
project's other hooks, keep this one (as they kept the file appended to every page before)."""

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
"""What the Makefile exports for a build: no MkDocs 2 notice, and nbconvert does not look for
exporters in every installed package when mkdocs-jupyter imports it (half a second per build)."""

NOTEBOOK_CACHE = ROOT / ".cache" / "notebooks"
"""The notebook runs that hooks/notebooks.py keeps: each executed notebook and its rendered page
(keyed on notebook, library, versions, and for the page on the conversion options and template)."""


class BuildFailed(RuntimeError):
    """`mkdocs build --strict` ended with an error; the message holds its output."""


def build_site(
    site_dir: Path,
    *,
    config: Path = ROOT / "mkdocs.yml",
    cwd: Path = ROOT,
    cold: bool = False,
    strict: bool = True,
) -> float:
    """Build `config` strictly into `site_dir` and return the wall-clock seconds.

    With `cold`, the kept notebook runs are cleared first, so the build runs and renders every
    notebook as on a fresh clone. `strict=False` is only for the benchmark's peer page, whose
    links to the rest of the site have no target.

    Raises:
        BuildFailed: when the build fails.
    """
    if cold:
        shutil.rmtree(NOTEBOOK_CACHE, ignore_errors=True)
    env = {**os.environ, **BUILD_ENV}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict"]
    command += ["--quiet"]
    command += ["-f", str(config), "-d", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build ist fehlgeschlagen ({config}):\n{result.stderr}")
    return seconds
