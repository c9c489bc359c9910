"""The publishing workflow (.github/workflows/pages.yml) publishes only what passed every check."""

from __future__ import annotations

import re
from typing import Any

import yaml  # type: ignore[import-untyped]  # no type information installed

from devtools import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_deploy_waits_for_the_checks() -> None:
    jobs = workflow()["jobs"]
    assert jobs["deploy"]["needs"] == "test"
    commands = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert "bash .ci/run" in commands, "the job runs the project's CI script, make test included"
    uploads = [s for s in jobs["test"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert [s["with"]["path"] for s in uploads] == ["site"], "what make test built is published"


def test_the_python_is_one_the_makefile_accepts() -> None:
    """The site's toolchain needs Python 3.12 or newer; no step sets up another one."""
    test = workflow()["jobs"]["test"]
    version = re.fullmatch(r"python:3\.(\d+)-bookworm", test["container"])
    assert version is not None, test["container"]
    assert int(version.group(1)) >= 12
    assert not any("setup-python" in step.get("uses", "") for step in test["steps"])
    assert test["env"]["CI"] == "true", "browser tests fail instead of being skipped"
