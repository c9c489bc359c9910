"""Tools for working on the site, shared by `make bench` (scripts/bench/) and tests/browser/.

Not part of the library or its wheel: building the site, serving it like a static host, the list
of its pages, the Chromium they are loaded in, and the `make serve` watcher.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository: mkdocs.yml, docs/, hooks/, src/."""
