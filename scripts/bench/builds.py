"""Build step: our site cold and warm, against a plain build of the same Markdown, side by side.

The plain build is the yardstick for what the project adds to a build: the same pages, Markdown
extensions and abbreviations (the glossary's hook, `GLOSSARY_HOOK`), Material with its search and
mkdocstrings with the same settings, but no other hooks, no overrides/ templates, no extra CSS or
JavaScript and no notebooks. Both are built cold, one after the other, in the same run, `ROUNDS`
times in turn (this machine's speed drifts by a third within minutes, so one pair could compare a
fast minute with a slow one); the target is that ours takes at most `BUILD_RATIO_BUDGET` times as
long, median against median.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

import yaml  # type: ignore[import-untyped]  # no type information installed
from mkdocs.utils.yaml import get_yaml_loader

from devtools import ROOT
from devtools.site_build import GLOSSARY_HOOK, build_site

from .report import Report

BUILD_RATIO_BUDGET = 1.5
ROUNDS = 3
NOTEBOOK_SUFFIX = ".py"  # the notebooks in the nav: docs/praxis/*.py

# The config inherits mkdocs.yml (theme, Markdown extensions, snippets), so it sits next to it.
PLAIN_CONFIG = ROOT / ".bench-plain.yml"

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
    """Build the site into `site` cold (no notebook run kept), then warm; both times in s."""
    cold = build_site(site, cold=True)
    warm = build_site(site)
    return cold, warm


@dataclass
class BuildTimes:
    """Seconds of each round: our site cold and warm, the plain build cold."""

    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)


def measure_builds(site: Path, plain_folder: Path) -> BuildTimes:
    """`ROUNDS` rounds of: our site cold and warm into `site`, the plain one into `plain_folder`."""
    times = BuildTimes()
    for _ in range(ROUNDS):
        cold, warm = build_ours(site)
        times.cold.append(cold)
        times.warm.append(warm)
        times.plain.append(build_plain(plain_folder))
    return times


def without_notebooks(nav: list[Any]) -> list[Any]:
    """The nav with every notebook page left out, sections kept."""
    kept: list[Any] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            kept.append({next(iter(item)): without_notebooks(value)})
        elif not str(value).endswith(NOTEBOOK_SUFFIX):
            kept.append(item)
    return kept


def plain_config(folder: Path) -> str:
    """The plain build's config (see the module docstring), inheriting mkdocs.yml."""
    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    plugins = [p for p in raw["plugins"] if _name(p) in ("search", "mkdocstrings")]
    empty = folder / "no-overrides"
    empty.mkdir(parents=True, exist_ok=True)
    plain = {
        "INHERIT": "mkdocs.yml",
        "strict": False,
        "theme": {"custom_dir": str(empty)},
        "hooks": [GLOSSARY_HOOK],
        "plugins": plugins,
        "extra_css": [],
        "extra_javascript": [],
        "exclude_docs": "praxis/*.py\n",
        "nav": without_notebooks(raw["nav"]),
    }
    return str(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False))


def build_plain(folder: Path) -> float:
    """Build the plain site cold into `folder`/site; the seconds it took (config removed)."""
    PLAIN_CONFIG.write_text(plain_config(folder), encoding="utf-8")
    try:
        return build_site(folder / "site", config=PLAIN_CONFIG, strict=False)
    finally:
        PLAIN_CONFIG.unlink()


def build_bare(folder: Path) -> Path:
    """Write and build the bare one-page Material site; return its site folder."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(BARE_PAGE, encoding="utf-8")
    build_site(folder / "site", config=folder / "mkdocs.yml", cwd=folder)
    return folder / "site"


def report_builds(report: Report, times: BuildTimes) -> None:
    """Build times (median, min to max of the rounds), ours against the plain build."""
    report.section(f"Build (mkdocs build --strict, Wanduhrzeit, Median von {ROUNDS} Runden)")
    for label, seconds in (
        ("unsere Seite, kalt (alle Notebooks laufen):     ", times.cold),
        ("unsere Seite, warm (Notebook-Läufe vorhanden):   ", times.warm),
        ("schlicht (Material, Suche, mkdocstrings, kalt): ", times.plain),
    ):
        report.say(f"{label} {median(seconds):5.1f} s ({min(seconds):.1f}–{max(seconds):.1f})")
    cold, plain = median(times.cold), median(times.plain)
    ratio = cold / plain
    report.say(f"kalt gegen schlicht: {ratio:.2f}×")
    report.target(
        ratio <= BUILD_RATIO_BUDGET,
        f"Build kalt {cold:.1f} s ≤ {BUILD_RATIO_BUDGET}× schlicht ({plain:.1f} s): {ratio:.2f}×",
    )


def _name(plugin: str | dict[str, Any]) -> str:
    """A plugin entry's name (``search`` or ``{"search": {...}}``)."""
    return plugin if isinstance(plugin, str) else next(iter(plugin))
