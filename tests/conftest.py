"""Test setup for tests/: the Hypothesis profiles.

Pick a profile with the environment variable ``HYPOTHESIS_PROFILE``; the default is ``ci``:

- ``ci``: deterministic (``derandomize``), no example database, small enough that the whole suite
  stays fast on two cores.
- ``dev``: random, with the example database, four times the examples.
- ``thorough``: for a long run before a release, e.g. ``HYPOTHESIS_PROFILE=thorough make test``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=240, stateful_step_count=50, deadline=None)
settings.register_profile(
    "thorough", max_examples=2_000, stateful_step_count=60, deadline=None, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
