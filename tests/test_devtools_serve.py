"""devtools/serve.py: which edits make `make serve` start the server afresh."""

from __future__ import annotations

import os
from pathlib import Path

from devtools.serve import changed, snapshot


def test_added_modified_and_removed_python_files_count_as_changes(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    kept, edited, removed = (tmp_path / "pkg" / f"{name}.py" for name in ("kept", "edited", "gone"))
    for path in (kept, edited, removed):
        path.write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("no Python\n", encoding="utf-8")
    before = snapshot((tmp_path,))
    assert changed(before, snapshot((tmp_path,))) == []

    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    removed.unlink()
    added = tmp_path / "new.py"
    added.write_text("y = 2\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("still no Python\n", encoding="utf-8")

    assert changed(before, snapshot((tmp_path,))) == sorted([edited, removed, added])
