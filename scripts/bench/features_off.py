"""Comparison step (``--features-off``): Lighthouse on a build without palette toggle and features.

No target: it shows how much of the performance score the theme's JavaScript costs.
"""

from __future__ import annotations

from pathlib import Path

from devtools import ROOT
from devtools.site_build import build_site

from .lighthouse import LIGHTHOUSE_PAGES, lighthouse, lighthouse_row
from .report import Report

# The config inherits mkdocs.yml, so it has to sit next to it (hooks and docs resolve from there).
FEATURES_OFF_CONFIG = ROOT / ".bench-features-off.yml"
FEATURES_OFF = """\
INHERIT: mkdocs.yml
theme:
  palette: []
  features: []
"""


def build_features_off(site_dir: Path) -> Path:
    """Build our site without the palette toggle and Material's features; return its folder.

    The config is written for the build and removed again.
    """
    FEATURES_OFF_CONFIG.write_text(FEATURES_OFF, encoding="utf-8")
    try:
        build_site(site_dir, config=FEATURES_OFF_CONFIG)
    finally:
        FEATURES_OFF_CONFIG.unlink()
    return site_dir


def report_features_off(report: Report, runs: int, url: str, folder: Path) -> None:
    """Lighthouse rows for the pages of the comparison build, under their own heading."""
    report.say("Zum Vergleich (kein Ziel), gebaut ohne Farbschalter und Material-Funktionen:")
    for page in LIGHTHOUSE_PAGES:
        result = lighthouse(url + page, runs, folder)
        row = lighthouse_row(result) if not result.error else f"lief nicht: {result.error}"
        report.say(f"{'/' + page:<28} {row}")
