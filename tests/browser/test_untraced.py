"""The browser tests run without coverage's tracer, in a pytest-xdist worker as in one process.

conftest.py marks them `no_cover`, and pytest-cov pauses its measurement while they run. In a
pytest-xdist worker that pause used to hand the tracing to a second measurement underneath (see
`pytest_sessionstart` in conftest.py): Playwright's Python side ran traced, and the collection
did too. conftest.py pauses it for their fixtures' set-up and tear-down as well.
"""

from __future__ import annotations

import sys

import pytest


def test_no_tracer_while_a_browser_test_runs() -> None:
    assert sys.gettrace() is None, f"Ein Tracer läuft mit: {sys.gettrace()!r}"


@pytest.fixture
def tracer_during_setup() -> object:
    """The tracer that runs while a browser test's fixtures are set up."""
    return sys.gettrace()


def test_no_tracer_while_a_browser_tests_fixtures_are_set_up(tracer_during_setup: object) -> None:
    assert tracer_during_setup is None, f"Ein Tracer läuft mit: {tracer_during_setup!r}"
