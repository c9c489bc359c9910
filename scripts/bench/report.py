"""The report: printed line by line as the run goes, with PASS/FAIL per target at the end."""

from __future__ import annotations

import os

from devtools.static_host import Sent


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


def machine_load() -> str:
    """The load average, since other work on the machine distorts times and scores."""
    one, five, _ = os.getloadavg()
    return f"Last {one:.1f} (1 min) / {five:.1f} (5 min) auf {os.cpu_count()} Kernen"
