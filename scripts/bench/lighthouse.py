"""Lighthouse step: scores and metrics (mobile preset, median of runs) of chosen pages."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devtools import ROOT
from devtools.chromium import CHROMIUM, lighthouse_chrome_flags

from .report import Report

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ["", "glossar/antwortgarantie/", "praxis/ein-jahr-guthaben/"]
CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Barrierefreiheit",
    "best-practices": "Best Practices",
    "seo": "SEO",
}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}


@dataclass
class LighthouseResult:
    """Median scores (0–100) and metrics of one page over the runs, and the audits it failed."""

    scores: dict[str, float]
    metrics: dict[str, float]
    failed: dict[str, list[str]]
    error: str = ""


def lighthouse(url: str, runs: int, folder: Path) -> LighthouseResult:
    """Run Lighthouse (mobile preset) `runs` times on `url`; scores and metrics are medians."""
    reports: list[dict[str, Any]] = []
    for run in range(runs):
        output = folder / f"lighthouse-{abs(hash(url))}-{run}.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            f"--chrome-flags={lighthouse_chrome_flags()}",
        ]
        env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not output.exists():
            message = (result.stderr or result.stdout).strip().splitlines()[-3:]
            return LighthouseResult({}, {}, {}, error=" / ".join(message) or "ohne Ausgabe")
        reports.append(json.loads(output.read_text(encoding="utf-8")))
    scores = {
        key: statistics.median(100 * (r["categories"][key]["score"] or 0) for r in reports)
        for key in CATEGORIES
    }
    metrics = {
        key: statistics.median(r["audits"][key]["numericValue"] for r in reports) for key in METRICS
    }
    failed: dict[str, list[str]] = {}
    last = reports[-1]
    for key in CATEGORIES:
        for ref in last["categories"][key]["auditRefs"]:
            audit = last["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                failed.setdefault(key, []).append(f"{ref['id']}{shown}")
    return LighthouseResult(scores, metrics, failed)


def report_lighthouse(
    report: Report,
    runs: int,
    bare_url: str,
    site_url: str,
    folder: Path,
) -> dict[str, LighthouseResult]:
    """Lighthouse scores and metrics for the chosen pages and the bare page.

    Returns:
        Our pages' results by label (``/glossar/…``), for the comparison with the peer.
    """
    report.section(f"Lighthouse {_lighthouse_version()} (mobil, Median aus {runs} Lauf/Läufen)")
    labels = " ".join(f"{label:>5}" for label in ("Perf", "A11y", "BP", "SEO"))
    metrics = " ".join(f"{label:>7}" for label in METRICS.values())
    report.say(f"{'Seite':<28} {labels}  {metrics}")
    flagged: list[str] = []
    measured: dict[str, LighthouseResult] = {}
    pages = [("bare Material-Seite", bare_url)]
    pages += [("/" + page, site_url + page) for page in LIGHTHOUSE_PAGES]
    for label, url in pages:
        result = lighthouse(url, runs, folder)
        ours = label.startswith("/")
        if result.error:
            report.say(f"{label:<28} Lighthouse lief nicht: {result.error}")
            if ours:
                report.target(False, f"Lighthouse {label}: lief nicht")
            continue
        report.say(f"{label:<28} {lighthouse_row(result)}")
        if ours:
            measured[label] = result
        flagged += [
            f"{label} {CATEGORIES[key]}: {', '.join(audits)}"
            for key, audits in result.failed.items()
        ]
        if ours:
            low = [
                f"{CATEGORIES[k]} {result.scores[k]:.0f}"
                for k in CATEGORIES
                if result.scores[k] < 100
            ]
            report.target(
                not low,
                f"Lighthouse {label}: alle vier Kategorien 100"
                + (f" (nicht: {', '.join(low)})" if low else ""),
            )
    if flagged:
        report.say("Beanstandet (Audits mit Gewicht, nicht bestanden; aus dem letzten Lauf):")
        for line in flagged:
            report.say(f"  {line}")
    return measured


def lighthouse_row(result: LighthouseResult) -> str:
    """Scores and metrics of one page as one row of the table."""
    scores = " ".join(f"{result.scores[key]:>5.0f}" for key in CATEGORIES)
    values = " ".join(_metric(key, result.metrics[key]) for key in METRICS)
    return f"{scores}  {values}"


def _metric(key: str, value: float) -> str:
    if key == "cumulative-layout-shift":
        return f"{value:>7.3f}"
    return f"{value / 1000:>6.2f}s"


def _lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    if not package.exists():
        return "(nicht installiert: npm ci)"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])
