"""`make serve`: ``mkdocs serve``, started afresh whenever a Python file in src/ or hooks/ changes.

``mkdocs serve`` rebuilds on every change, but inside one Python process: the library is imported
once (a change in src/ would not reach the tools' answers), and MkDocs loads each hook once and
keeps it. So this watcher polls the ``*.py`` files under `WATCHED` and, on a change, stops the
server and starts a new one, which imports everything afresh; a change in src/ also clears
mkdocs-jupyter's notebook cache, so the notebooks run with the changed library. Open pages reload
by themselves once the new server is up (MkDocs' live reload keeps asking). Every other change
(docs/, includes/, overrides/, mkdocs.yml) is MkDocs' own live reload, without a restart.

Usage: ``python -m devtools.serve [mkdocs serve options]``
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from devtools import ROOT
from devtools.site_build import JUPYTER_CACHE

WATCHED = (ROOT / "src", ROOT / "hooks")
POLL_SECONDS = 1.0
STOP_SECONDS = 10.0

Snapshot = dict[Path, int]


def snapshot(folders: tuple[Path, ...] = WATCHED) -> Snapshot:
    """Modification time (ns) of every Python file under `folders`."""
    return {path: path.stat().st_mtime_ns for f in folders for path in sorted(f.rglob("*.py"))}


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
    command = [sys.executable, "-m", "mkdocs", "serve", *argv]
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
        if any((ROOT / "src") in path.parents for path in edits):
            shutil.rmtree(JUPYTER_CACHE, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
