"""Build step: our site cold and warm, against a plain build of the same Markdown, side by side.

The plain build is the yardstick for what the project adds to a build: the same pages, Markdown
extensions and abbreviations, Material with its search and mkdocstrings with the same settings,
but no hooks, no overrides/ templates, no extra CSS or JavaScript and no notebooks. Both are
built cold, one after the other, in the same run; the target is that ours takes at most
`BUILD_RATIO_BUDGET` times as long.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # no type information installed
from mkdocs.utils.yaml import get_yaml_loader

from devtools import ROOT
from devtools.site_build import build_site

from .report import Report

BUILD_RATIO_BUDGET = 1.5
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
        "hooks": [],
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


def report_builds(report: Report, cold: float, warm: float, plain: float) -> None:
    """Build times, ours against the plain build of the same Markdown."""
    report.section("Build (mkdocs build --strict, Wanduhrzeit des ganzen Prozesses)")
    report.say(f"unsere Seite, kalt (alle Notebooks laufen):      {cold:5.1f} s")
    report.say(f"unsere Seite, warm (Notebook-Läufe vorhanden):    {warm:5.1f} s")
    report.say(f"schlicht (Material, Suche, mkdocstrings, kalt):  {plain:5.1f} s")
    ratio = cold / plain
    report.say(f"kalt gegen schlicht: {ratio:.2f}×")
    report.target(
        ratio <= BUILD_RATIO_BUDGET,
        f"Build kalt {cold:.1f} s ≤ {BUILD_RATIO_BUDGET}× schlicht ({plain:.1f} s): {ratio:.2f}×",
    )


def _name(plugin: str | dict[str, Any]) -> str:
    """A plugin entry's name (``search`` or ``{"search": {...}}``)."""
    return plugin if isinstance(plugin, str) else next(iter(plugin))
