"""The browser tests run without coverage's tracer, in a pytest-xdist worker as in one process.

conftest.py marks them `no_cover`, and pytest-cov pauses its measurement while they run. In a
pytest-xdist worker that pause used to hand the tracing to a second measurement underneath (see
`pytest_sessionstart` in conftest.py): Playwright's Python side ran traced, and the collection
did too.
"""

from __future__ import annotations

import sys


def test_no_tracer_while_a_browser_test_runs() -> None:
    assert sys.gettrace() is None, f"Ein Tracer läuft mit: {sys.gettrace()!r}"
