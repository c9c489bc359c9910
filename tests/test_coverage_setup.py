"""How coverage is measured (conftest.py) works with and without it."""

from __future__ import annotations

import os
import subprocess
import sys

from devtools import ROOT

WITHOUT_BROWSER = "tests/browser/test_third_party.py"
"""Browser-folder tests that read the built files only: quick, and run without Chromium too."""


def test_browser_tests_run_without_coverage_too() -> None:
    """``--no-cov`` (as `make bench` runs them): no `no_cover` mark that pytest-cov cannot pause."""
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "--no-cov", WITHOUT_BROWSER],
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-2000:]
