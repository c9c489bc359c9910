"""`make bench`: run the steps in order and print the report (see the package docstring)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from devtools.chromium import launch
from devtools.site_build import BuildFailed
from devtools.site_pages import site_pages
from devtools.static_host import serve

from .builds import build_bare, measure_builds, report_builds
from .features_off import build_features_off, report_features_off
from .ledger import report_ledger
from .lighthouse import report_lighthouse
from .loop import measure_loop, report_loop
from .mermaid import report_mermaid
from .peer import build_peer, report_peer
from .report import Report, machine_load
from .testtime import measure_test_parts, report_test_parts
from .weights import measure, report_weights


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report; 0 unless the benchmark itself cannot run."""
    parser = argparse.ArgumentParser(description="Performance-Budget der Seite (make bench).")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse-Läufe je Seite, Median (3)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="Lighthouse auslassen")
    parser.add_argument(
        "--no-test", action="store_true", help="make test nicht nach Teilen messen (spart Minuten)"
    )
    parser.add_argument(
        "--features-off",
        action="store_true",
        help="Vergleich: Lighthouse auch ohne Farbschalter und Material-Funktionen",
    )
    args = parser.parse_args(argv)
    report = Report()
    report.say(
        f"make bench: {machine_load()} – andere Last auf der Maschine verfälscht Zeiten und Perf."
    )
    with tempfile.TemporaryDirectory(prefix="inmail-bench-") as temp:
        folder = Path(temp)
        site = folder / "site"
        try:
            report_builds(report, measure_builds(site, folder / "plain"))
            bare_site = build_bare(folder / "bare")
        except BuildFailed as error:
            sys.exit(str(error))
        with serve(site) as ours, serve(bare_site) as bare_host:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                bare = measure(browser, bare_host, "")
                pages = site_pages(site, not_found=False)
                weights = [measure(browser, ours, page) for page in pages]
                browser.close()
            report_weights(report, weights, bare)
            report_mermaid(report, site, weights, bare)
            if not args.no_lighthouse:
                measured = report_lighthouse(
                    report, args.lighthouse_runs, bare_host.url, ours.url, folder
                )
                try:
                    peer_site = build_peer(folder / "peer")
                except BuildFailed as error:
                    sys.exit(str(error))
                with serve(peer_site) as peer:
                    report_peer(report, args.lighthouse_runs, peer.url, measured, folder)
                if args.features_off:
                    try:
                        features_off = build_features_off(folder / "features-off")
                    except BuildFailed as error:
                        sys.exit(str(error))
                    with serve(features_off) as comparison:
                        report_features_off(report, args.lighthouse_runs, comparison.url, folder)
        report_loop(report, measure_loop(folder / "loop"))
        if not args.no_test:
            report_test_parts(report, measure_test_parts(folder / "test-site"))
    report_ledger(report)
    report.say()
    report.say(f"Ende: {machine_load()}")
    report.summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
