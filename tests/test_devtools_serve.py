"""devtools/serve.py: which edits make `make serve` start the server afresh."""

from __future__ import annotations

import os
from pathlib import Path

from devtools import ROOT
from devtools.serve import WATCHED, changed, snapshot


def test_added_modified_and_removed_files_count_as_changes(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    kept, edited, removed = (
        tmp_path / "pkg" / name for name in ("kept.py", "edited.md", "gone.j2")
    )
    for path in (kept, edited, removed):
        path.write_text("x = 1\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    watched = (tmp_path / "pkg", config)
    before = snapshot(watched)
    assert changed(before, snapshot(watched)) == []

    for path in (edited, config):
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    removed.unlink()
    added = tmp_path / "pkg" / "new.html"
    added.write_text("<p>neu</p>\n", encoding="utf-8")
    (tmp_path / "outside.py").write_text("not watched\n", encoding="utf-8")

    assert changed(before, snapshot(watched)) == sorted([edited, removed, added, config])


def test_bytecode_caches_are_not_edits(tmp_path: Path) -> None:
    (tmp_path / "__pycache__").mkdir()
    before = snapshot((tmp_path,))
    (tmp_path / "__pycache__" / "hook.cpython-312.pyc").write_bytes(b"\0")
    assert changed(before, snapshot((tmp_path,))) == []


def test_what_a_page_rebuild_would_not_show_restarts_the_server() -> None:
    """The library, the hooks, every page's frame and appendix, and the configuration."""
    names = {path.relative_to(ROOT).as_posix() for path in WATCHED}
    assert names == {"src", "hooks", "includes", "overrides", "templates", "mkdocs.yml"}
    assert "docs" not in names, "pages are MkDocs' own quick rebuild (mkdocs serve --dirty)"
