"""Peer step: our pages against a peer of one glossary page, built without the project's work.

Lighthouse's performance score moves by several points between runs on this 2-core machine, so a
fixed target says more about the load than about the page. The peer is measured in the same run
instead: the glossary page `PEER_PAGE` with the same Markdown, the same abbreviations (the
glossary's hook, `GLOSSARY_HOOK`) and the same theme with its palette and features, but built with
plain Material: no other hooks, no overrides/ templates, no extra CSS or JavaScript, only the search
plugin. Our pages are printed as ratios to it (median of the runs each); the target is that every
measured page scores at least the peer's performance.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from devtools import ROOT
from devtools.site_build import GLOSSARY_HOOK, build_site

from .lighthouse import LighthouseResult, lighthouse, lighthouse_row
from .report import Report

PEER_PAGE = "glossar/antwortgarantie.md"
"""The page the peer is built from (also one of the measured pages)."""

PEER_URL = "glossar/antwortgarantie/"

# The config inherits mkdocs.yml (theme, Markdown extensions, snippets), so it sits next to it.
# An empty custom_dir replaces overrides/ (MkDocs does not accept `custom_dir: null` there).
PEER_CONFIG = ROOT / ".bench-peer.yml"
PEER = """\
INHERIT: mkdocs.yml
docs_dir: {docs}
strict: false
theme:
  custom_dir: {empty}
hooks: [{glossary}]
plugins: [search]
extra_css: []
extra_javascript: []
nav: [{page}]
"""


def build_peer(folder: Path) -> Path:
    """Build the peer page into `folder`/site and return that folder (the config is removed)."""
    docs, empty = folder / "docs", folder / "no-overrides"
    (docs / PEER_PAGE).parent.mkdir(parents=True)
    empty.mkdir()
    shutil.copy(ROOT / "docs" / PEER_PAGE, docs / PEER_PAGE)
    config = PEER.format(docs=docs, empty=empty, page=PEER_PAGE, glossary=GLOSSARY_HOOK)
    PEER_CONFIG.write_text(config, encoding="utf-8")
    try:
        build_site(folder / "site", config=PEER_CONFIG, strict=False)
    finally:
        PEER_CONFIG.unlink()
    return folder / "site"


def report_peer(
    report: Report, runs: int, url: str, ours: dict[str, LighthouseResult], folder: Path
) -> None:
    """Lighthouse on the peer, then each of our pages' performance and TBT as ratios to it."""
    report.section(f"Gegen die Vergleichsseite (/{PEER_URL} ohne Hooks, Median aus {runs})")
    peer = lighthouse(url + PEER_URL, runs, folder)
    if peer.error:
        report.say(f"Vergleichsseite: Lighthouse lief nicht: {peer.error}")
        report.target(False, "Lighthouse gegen die Vergleichsseite: lief nicht")
        return
    report.say(f"{'Vergleichsseite':<28} {lighthouse_row(peer)}")
    report.say(f"{'Seite':<28} {'Perf':>5} {'÷ Peer':>7} {'TBT':>7} {'÷ Peer':>7}")
    peer_perf = peer.scores["performance"]
    peer_tbt = peer.metrics["total-blocking-time"]
    behind = []
    for label, result in ours.items():
        perf = result.scores["performance"]
        tbt = result.metrics["total-blocking-time"]
        tbt_ratio = f"{tbt / peer_tbt:>7.2f}" if peer_tbt else f"{'–':>7}"
        report.say(f"{label:<28} {perf:>5.0f} {perf / peer_perf:>7.2f} {tbt:>5.0f}ms {tbt_ratio}")
        if perf < peer_perf:
            behind.append(f"{label} {perf:.0f} < {peer_perf:.0f}")
    report.target(
        not behind,
        "Lighthouse-Performance mindestens wie die Vergleichsseite"
        + (f" (nicht: {', '.join(behind)})" if behind else ""),
    )
