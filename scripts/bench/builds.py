"""Build step: the site strictly, cold and warm, timed; and the bare Material page as yardstick."""

from __future__ import annotations

from pathlib import Path

from devtools.site_build import build_site

from .report import Report

COLD_BUILD_BUDGET = 10.0  # seconds

BARE_CONFIG = """\
site_name: Bare
theme:
  name: material
  font: false
"""
BARE_PAGE = """\
# Bare

A bare Material page: the theme's defaults, no extensions, no extra CSS or JavaScript.
"""


def build_ours(site: Path) -> tuple[float, float]:
    """Build the site into `site` cold (notebook cache cleared), then warm; both times in s."""
    cold = build_site(site, cold=True)
    warm = build_site(site)
    return cold, warm


def build_bare(folder: Path) -> Path:
    """Write and build the bare one-page Material site; return its site folder."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(BARE_PAGE, encoding="utf-8")
    build_site(folder / "site", config=folder / "mkdocs.yml", cwd=folder)
    return folder / "site"


def report_builds(report: Report, cold: float, warm: float) -> None:
    """Build times against the budget."""
    report.section("Build (mkdocs build --strict, Wanduhrzeit des ganzen Prozesses)")
    report.say(f"kalt (Notebook-Cache geleert, Notebooks laufen): {cold:5.1f} s")
    report.say(f"warm (Notebook-Cache vorhanden):                {warm:5.1f} s")
    report.target(cold < COLD_BUILD_BUDGET, f"Build kalt {cold:.1f} s < {COLD_BUILD_BUDGET:.0f} s")
