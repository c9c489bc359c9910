"""Mermaid step: what the diagram library costs, on first view and once a diagram is drawn."""

from __future__ import annotations

import gzip
from pathlib import Path

from .report import Report, kb
from .weights import Weight


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
