"""Performance budget of the site: page weight, Lighthouse scores and build time (`make bench`).

A benchmark, not a test: it prints a report with PASS/FAIL per target and always exits 0 (unless
it cannot run at all). It is never part of `make test`.

What it does, in one run:

1. Builds the site strictly into a temporary folder, once cold (mkdocs-jupyter's notebook cache
   cleared, so both notebooks are executed) and once warm, and times both builds.
2. Builds a bare one-page Material site (Material's defaults plus ``font: false``) as the
   yardstick.
3. Serves both on 127.0.0.1 with a small server that answers like a static host: gzip (level 6)
   for text files when the browser asks for it, ``Cache-Control: max-age=600``, HTTP/1.1.
4. Loads every page of the site, and the bare page, in headless Chromium (Playwright, fresh
   profile, Lighthouse's mobile viewport 412×823) and waits until no request has come in for a
   second. The page's weight is the sum over every request the server saw in that time: the
   HTML and every style sheet, script, image, font, search index and worker it loaded on first
   view, including what Material's search worker fetches. "roh" is the size of the files,
   "gzip" the bytes of the bodies sent (headers left out).
   Pages with a diagram are also scrolled to it, to show what the diagram costs when it is drawn.
5. Runs Lighthouse (npm, pinned in package.json; mobile preset, simulated slow 4G) on the start
   page, a glossary page, a notebook page and the bare page; scores and metrics are the median
   of three runs (``--lighthouse-runs``), since they vary with the load of the machine.

Targets: Lighthouse 100 in all four categories on those pages; every page's gzip weight at most
1.3 times the bare page's; the cold build under 10 s.

With ``--features-off`` it also builds the same site without Material's colour-palette toggle and
with no Material features (``theme.features: []``), and runs Lighthouse on the same pages: a
comparison, no target, that shows how much of the performance score the theme's JavaScript costs.

Usage: ``python scripts/bench.py [--lighthouse-runs N] [--no-lighthouse] [--features-off]``
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
JUPYTER_CACHE = ROOT / ".cache" / "mkdocs-jupyter"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIGHTHOUSE_CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking"
)
# Lighthouse's mobile preset emulates a Moto G Power: the same viewport for the weights.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True}

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
WEIGHT_BUDGET = 1.3  # × the bare page's gzip weight
COLD_BUILD_BUDGET = 10.0  # seconds
QUIET_SECONDS = 1.0  # a page has finished loading when no request came for this long
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".py"}
MERMAID_MARK = "mermaid"  # requests whose path contains this count as the diagram library

BARE_CONFIG = """\
site_name: Bare
theme:
  name: material
  font: false
"""
# The comparison build for --features-off: our site, without the palette toggle and features.
FEATURES_OFF_CONFIG = ROOT / ".bench-features-off.yml"
FEATURES_OFF = """\
INHERIT: mkdocs.yml
theme:
  palette: []
  features: []
"""
BARE_PAGE = """\
# Bare

A bare Material page: the theme's defaults, no extensions, no extra CSS or JavaScript.
"""


# ---------------------------------------------------------------------------------------------
# Building


def build(config: Path, site_dir: Path, *, cwd: Path) -> float:
    """Build strictly and return the wall-clock seconds; stop the benchmark if the build fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [*MKDOCS, "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"mkdocs build --strict ist fehlgeschlagen ({config}):\n{result.stderr}")
    return seconds


def build_bare(folder: Path) -> Path:
    """Write and build the bare one-page Material site; return its site folder."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(BARE_PAGE, encoding="utf-8")
    build(folder / "mkdocs.yml", folder / "site", cwd=folder)
    return folder / "site"


def build_features_off(site_dir: Path) -> Path:
    """Build our site without the palette toggle and Material's features; return its folder.

    The config inherits mkdocs.yml, so it has to sit next to it (hooks and docs resolve from
    there); it is written for the build and removed again.
    """
    FEATURES_OFF_CONFIG.write_text(FEATURES_OFF, encoding="utf-8")
    try:
        build(FEATURES_OFF_CONFIG, site_dir, cwd=ROOT)
    finally:
        FEATURES_OFF_CONFIG.unlink()
    return site_dir


# ---------------------------------------------------------------------------------------------
# Serving like a static host, with a log of what was sent


@dataclass(frozen=True)
class Sent:
    """One response: the path, its status, the file's size and the body bytes on the wire."""

    path: str
    status: int
    raw: int
    wire: int


class StaticHost(ThreadingHTTPServer):
    """Serves `root` on 127.0.0.1 and records every response in `log`."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.log: list[Sent] = []
        self.lock = threading.Lock()
        self._gzipped: dict[Path, bytes] = {}

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a browser drops a connection it no longer needs; report the rest."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        """The address of the served folder."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def gzipped(self, path: Path, data: bytes) -> bytes:
        """`data` (the content of `path`) gzip-compressed, compressed once per file."""
        with self.lock:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._gzipped[path]

    def record(self, sent: Sent) -> None:
        """Add a response to the log."""
        with self.lock:
            self.log.append(sent)

    def since(self, start: int) -> list[Sent]:
        """The responses from number `start` on."""
        with self.lock:
            return self.log[start:]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StaticHost

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the terminal."""

    def _respond(self, *, body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        file = (self.server.root / url_path.lstrip("/")).resolve()
        if file.is_dir() and not url_path.endswith("/"):
            self._send(301, b"", {"Location": url_path + "/"}, url_path, body=body)
            return
        if file.is_dir():
            file = file / "index.html"
        status = 200
        if not file.is_file() or self.server.root not in file.parents:
            status, file = 404, self.server.root / "404.html"
        data = file.read_bytes() if file.is_file() else b"Not found"
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or file.suffix in (".js", ".mjs", ".json", ".svg"):
            content_type += "; charset=utf-8"
        headers = {"Content-Type": content_type, "Cache-Control": "max-age=600"}
        raw = len(data)
        if file.suffix in COMPRESSIBLE:
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                data = self.server.gzipped(file, data)
                headers["Content-Encoding"] = "gzip"
        self._send(status, data, headers, url_path, body=body, raw=raw)

    def _send(
        self,
        status: int,
        data: bytes,
        headers: dict[str, str],
        path: str,
        *,
        body: bool,
        raw: int = 0,
    ) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(data))}.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)
        self.server.record(Sent(path, status, raw, len(data) if body else 0))


@contextlib.contextmanager
def serve(root: Path) -> Iterator[StaticHost]:
    """Serve `root` in a background thread for the duration of the block."""
    host = StaticHost(root)
    thread = threading.Thread(target=host.serve_forever, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        host.shutdown()
        host.server_close()


# ---------------------------------------------------------------------------------------------
# Page weight


@dataclass
class Weight:
    """What one page loaded on first view (and, with a diagram, when scrolled to it)."""

    path: str
    responses: list[Sent]
    later: list[Sent] = field(default_factory=list)  # loaded after scrolling to a diagram

    @property
    def raw(self) -> int:
        """Size of all files loaded."""
        return sum(r.raw for r in self.responses)

    @property
    def wire(self) -> int:
        """Bytes sent for all of them (gzip where the server compresses)."""
        return sum(r.wire for r in self.responses)

    @property
    def mermaid_wire(self) -> int:
        """The part of `wire` that is the diagram library."""
        return sum(r.wire for r in self.responses if MERMAID_MARK in r.path)

    @property
    def failed(self) -> list[str]:
        """Requests answered with an error."""
        return [f"{r.status} {r.path}" for r in self.responses + self.later if r.status >= 400]


def _wait_until_quiet(host: StaticHost, start: int, page: Any, limit: float = 20.0) -> None:
    """Wait until no request has reached `host` for QUIET_SECONDS (at most `limit` seconds)."""
    deadline = time.monotonic() + limit
    seen, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(host.since(start))
        if count != seen:
            seen, quiet_since = count, time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_SECONDS:
            return
        page.wait_for_timeout(100)


def measure(browser: Browser, host: StaticHost, path: str) -> Weight:
    """Load `path` in a fresh browser context and return every response it caused."""
    context = browser.new_context(**MOBILE)  # type: ignore[arg-type]  # dict of known keys
    page = context.new_page()
    start = len(host.since(0))
    page.goto(host.url + path, wait_until="load")
    _wait_until_quiet(host, start, page)
    weight = Weight(path, host.since(start))
    diagram = page.query_selector(".diagramm")
    if diagram is not None:
        middle = len(host.since(0))
        diagram.scroll_into_view_if_needed()
        with contextlib.suppress(Exception):  # a diagram that is never drawn shows as a 0 below
            page.wait_for_selector(".diagramm[data-gezeichnet]", timeout=30_000)
        _wait_until_quiet(host, middle, page)
        weight.later = host.since(middle)
    context.close()
    return weight


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path ('' is the start page), 404 page left out."""
    pages = sorted(str(index.parent.relative_to(site)) + "/" for index in site.rglob("index.html"))
    return ["" if page == "./" else page for page in pages]


# ---------------------------------------------------------------------------------------------
# Lighthouse


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
            f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
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


# ---------------------------------------------------------------------------------------------
# Report


def kb(size: float) -> str:
    """Bytes as kilobytes with one decimal (1 KB = 1000 bytes)."""
    return f"{size / 1000:.1f}"


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def largest(responses: list[Sent], count: int = 6) -> str:
    """The largest responses (gzip), for the explanation under the table."""
    ordered = sorted(responses, key=lambda r: r.wire, reverse=True)[:count]
    return ", ".join(f"{r.path} {kb(r.wire)}" for r in ordered)


class Report:
    """Prints the report as it goes and collects the targets for the summary."""

    def __init__(self) -> None:
        self.targets: list[tuple[bool, str]] = []

    def say(self, line: str = "") -> None:
        """Print one line at once (the whole run takes minutes)."""
        print(line, flush=True)

    def section(self, title: str) -> None:
        """A blank line and a section title."""
        self.say()
        self.say(f"== {title} ==")

    def target(self, ok: bool, text: str) -> None:
        """Record a target for the summary."""
        self.targets.append((ok, text))

    def summary(self) -> None:
        """PASS/FAIL per target."""
        self.section("Ziele")
        for ok, text in self.targets:
            self.say(f"{verdict(ok)}  {text}")
        passed = sum(ok for ok, _ in self.targets)
        self.say(f"{passed} von {len(self.targets)} Zielen erreicht (make bench endet mit 0).")


def report_builds(report: Report, cold: float, warm: float) -> None:
    """Build times against the budget."""
    report.section("Build (mkdocs build --strict, Wanduhrzeit des ganzen Prozesses)")
    report.say(f"kalt (Notebook-Cache geleert, Notebooks laufen): {cold:5.1f} s")
    report.say(f"warm (Notebook-Cache vorhanden):                {warm:5.1f} s")
    report.target(cold < COLD_BUILD_BUDGET, f"Build kalt {cold:.1f} s < {COLD_BUILD_BUDGET:.0f} s")


def report_weights(report: Report, weights: list[Weight], bare: Weight) -> None:
    """The weight table: every page against the bare page."""
    report.section("Seitengewicht beim ersten Aufruf")
    report.say("Gemessen: jede Anfrage, die headless Chromium (Playwright, 412×823 wie Lighthouse")
    report.say("mobil, leerer Cache) beim Laden stellte, bis 1 s lang keine mehr kam. roh = Größe")
    report.say("der Dateien, gzip = über die Leitung geschickte Bytes (Level 6, ohne Header).")
    report.say(f"1 KB = 1000 Bytes. Budget: gzip ≤ {WEIGHT_BUDGET}× die bare Seite.")
    report.say()
    report.say(
        f"{'Seite':<36} {'Anfr.':>5} {'roh KB':>8} {'×bare':>6} {'gzip KB':>8} {'×bare':>6}"
        f" {'mermaid':>8}  Budget"
    )
    report.say(
        f"{'bare Material-Seite (Vergleich)':<36} {len(bare.responses):>5} {kb(bare.raw):>8}"
        f" {1:>6.2f} {kb(bare.wire):>8} {1:>6.2f} {'–':>8}"
    )
    for weight in weights:
        ratio = weight.wire / bare.wire
        mermaid = kb(weight.mermaid_wire) if weight.mermaid_wire else "–"
        report.say(
            f"{'/' + weight.path:<36} {len(weight.responses):>5} {kb(weight.raw):>8}"
            f" {weight.raw / bare.raw:>6.2f} {kb(weight.wire):>8} {ratio:>6.2f} {mermaid:>8}"
            f"  {verdict(ratio <= WEIGHT_BUDGET)}"
        )
    report.say()
    report.say(f"bare Seite lädt (gzip KB): {largest(bare.responses, 10)}")
    shared = _shared(weights)
    if shared:
        report.say(f"jede unserer Seiten lädt (gzip KB): {largest(shared, 20)}")
    over = [w for w in weights if w.wire / bare.wire > WEIGHT_BUDGET]
    for weight in over:
        own = [r for r in weight.responses if r not in shared]
        report.say(
            f"über Budget /{weight.path}: {kb(weight.wire - WEIGHT_BUDGET * bare.wire)} KB zu viel;"
            f" dazu kommen auf dieser Seite: {largest(own)}"
        )
    for weight in [bare, *weights]:
        if weight.failed:
            report.say(f"fehlgeschlagene Anfragen auf /{weight.path}: {', '.join(weight.failed)}")
    report.target(
        not over,
        f"Gewicht: {len(weights) - len(over)} von {len(weights)} Seiten"
        f" ≤ {WEIGHT_BUDGET}× bare (gzip)",
    )


def _shared(weights: list[Weight]) -> list[Sent]:
    """The responses every page loaded (same path on all pages)."""
    if not weights:
        return []
    common = set.intersection(*({r.path for r in w.responses} for w in weights))
    return [r for r in weights[0].responses if r.path in common]


def report_mermaid(report: Report, site: Path, weights: list[Weight], bare: Weight) -> None:
    """What the diagram library costs, on first view and once a diagram is drawn."""
    report.section("Mermaid (Diagramme)")
    chunks = sorted(site.glob("assets/javascripts/vendor/mermaid/**/*.mjs"))
    single = next(site.rglob("mermaid.min.js"), None)
    if chunks:
        raw = sum(path.stat().st_size for path in chunks)
        report.say(
            f"ausgeliefert: ES-Modul-Build, {len(chunks)} Dateien, zusammen {kb(raw)} KB roh;"
            " der Browser holt nur die Teile, die ein Diagrammtyp braucht"
        )
    if single is not None:
        data = single.read_bytes()
        packed = len(gzip.compress(data, compresslevel=6, mtime=0))
        report.say(f"ausgeliefert: {single.name}, roh {kb(len(data))} KB, gzip {kb(packed)} KB")
    with_diagram = [w for w in weights if w.later or w.mermaid_wire]
    if not with_diagram:
        report.say("keine Seite mit Diagramm gefunden")
    for weight in with_diagram:
        first = (
            f"lädt beim ersten Aufruf {kb(weight.mermaid_wire)} KB mermaid (mitgezählt)"
            if weight.mermaid_wire
            else "lädt beim ersten Aufruf kein mermaid (Diagramm liegt unterhalb)"
        )
        later = sum(r.wire for r in weight.later)
        together = (weight.wire + later) / bare.wire
        report.say(
            f"/{weight.path}: {first}; bis zum Diagramm gescrollt kommen {kb(later)} KB gzip"
            f" in {len(weight.later)} Anfragen dazu (zusammen {together:.1f}× bare)"
        )


def report_lighthouse(
    report: Report,
    runs: int,
    bare_url: str,
    site_url: str,
    folder: Path,
    features_off_url: str | None = None,
) -> None:
    """Lighthouse scores and metrics for the chosen pages and the bare page.

    With `features_off_url`, the same pages of the build without palette toggle and features
    follow under their own heading; they are a comparison, not a target.
    """
    report.section(f"Lighthouse {_lighthouse_version()} (mobil, Median aus {runs} Lauf/Läufen)")
    labels = " ".join(f"{label:>5}" for label in ("Perf", "A11y", "BP", "SEO"))
    metrics = " ".join(f"{label:>7}" for label in METRICS.values())
    report.say(f"{'Seite':<28} {labels}  {metrics}")
    flagged: list[str] = []
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
        report.say(f"{label:<28} {_lighthouse_row(result)}")
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
    if features_off_url is not None:
        report.say("Zum Vergleich (kein Ziel), gebaut ohne Farbschalter und Material-Funktionen:")
        for page in LIGHTHOUSE_PAGES:
            result = lighthouse(features_off_url + page, runs, folder)
            row = _lighthouse_row(result) if not result.error else f"lief nicht: {result.error}"
            report.say(f"{'/' + page:<28} {row}")


def _lighthouse_row(result: LighthouseResult) -> str:
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


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"Last {one:.1f} (1 min) / {five:.1f} (5 min) auf {os.cpu_count()} Kernen"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report; 0 unless the benchmark itself cannot run."""
    parser = argparse.ArgumentParser(description="Performance-Budget der Seite (make bench).")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse-Läufe je Seite, Median (3)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="Lighthouse auslassen")
    parser.add_argument(
        "--features-off",
        action="store_true",
        help="Vergleich: Lighthouse auch ohne Farbschalter und Material-Funktionen",
    )
    args = parser.parse_args(argv)
    report = Report()
    report.say(f"make bench: {_load()} – andere Last auf der Maschine verfälscht Zeiten und Perf.")
    with tempfile.TemporaryDirectory(prefix="inmail-bench-") as temp:
        folder = Path(temp)
        site = folder / "site"
        shutil.rmtree(JUPYTER_CACHE, ignore_errors=True)
        cold = build(ROOT / "mkdocs.yml", site, cwd=ROOT)
        warm = build(ROOT / "mkdocs.yml", site, cwd=ROOT)
        report_builds(report, cold, warm)
        bare_site = build_bare(folder / "bare")
        with serve(site) as ours, serve(bare_site) as bare_host:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                bare = measure(browser, bare_host, "")
                weights = [measure(browser, ours, page) for page in site_pages(site)]
                browser.close()
            report_weights(report, weights, bare)
            report_mermaid(report, site, weights, bare)
            if not args.no_lighthouse:
                with contextlib.ExitStack() as comparison:
                    features_off_url = None
                    if args.features_off:
                        plain = build_features_off(folder / "features-off")
                        features_off_url = comparison.enter_context(serve(plain)).url
                    report_lighthouse(
                        report,
                        args.lighthouse_runs,
                        bare_host.url,
                        ours.url,
                        folder,
                        features_off_url,
                    )
    report.say()
    report.say(f"Ende: {_load()}")
    report.summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
