"""`make serve`: a quick preview that rebuilds only the saved page, and starts afresh when needed.

``mkdocs serve --dirty`` renders every page once at the start; after that, a saved page under
docs/ is the only page rendered again (Material's search index keeps the other pages' entries),
so the change shows within about a second. What a page does not show by itself is watched here
instead, by polling `WATCHED`: a change in src/ or hooks/ (MkDocs imports the library and the
hooks once per process), includes/ (the glossary of every page), overrides/ and templates/ (every
page's frame) or mkdocs.yml stops the server and starts a new one, which builds everything
afresh. Open pages reload by themselves once the new server is up (MkDocs' live reload keeps
asking). Notebooks run again only when the notebook or the library changed (hooks/notebooks.py).

Usage: ``python -m devtools.serve [mkdocs serve options]``
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from devtools import ROOT

WATCHED = (
    ROOT / "src",
    ROOT / "hooks",
    ROOT / "includes",
    ROOT / "overrides",
    ROOT / "templates",
    ROOT / "mkdocs.yml",
)
"""What a rebuild of the saved page alone would not show: a change here restarts the server."""
POLL_SECONDS = 0.5
STOP_SECONDS = 10.0

Snapshot = dict[Path, int]


def snapshot(watched: tuple[Path, ...] = WATCHED) -> Snapshot:
    """Modification time (ns) of every file in or under `watched`, bytecode caches left out."""
    paths: list[Path] = []
    for item in watched:
        if item.is_file():
            paths.append(item)
        elif item.is_dir():
            paths += (p for p in item.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return {path: path.stat().st_mtime_ns for path in sorted(paths)}


def changed(before: Snapshot, after: Snapshot) -> list[Path]:
    """The files added, removed or modified between two snapshots."""
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the server, if it still runs, and wait until it has let go of its port."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for_edits(process: subprocess.Popen[bytes], before: Snapshot) -> list[Path]:
    """The files changed since `before`, as soon as there are any; [] if the server ended."""
    while process.poll() is None:
        time.sleep(POLL_SECONDS)
        edits = changed(before, snapshot())
        if edits:
            return edits
    return []


def main(argv: list[str]) -> int:
    """Serve until the server ends by itself, or Ctrl+C or SIGTERM ends the watcher."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", *argv]
    while True:
        before = snapshot()
        process = subprocess.Popen(command, cwd=ROOT)
        try:
            edits = wait_for_edits(process, before)
        except KeyboardInterrupt:
            return 0
        finally:
            stop(process)
        if not edits:
            return process.returncode
        names = ", ".join(str(path.relative_to(ROOT)) for path in edits)
        print(f"make serve: {names} geändert – der Server startet neu.", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
