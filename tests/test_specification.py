"""RULES.md and the registry agree: every rule's period, confidence and assumptions, every example.

RULES.md writes each rule's metadata as a line ``Period: <start> – <end>. Confidence: <level>.
Assumptions: <IDs or none>.`` (plus ``Modelled: no.`` for a documented-only rule), and each
assumption ends with ``Rules: <IDs>.``. The registry (`inmail_explained.rules`) is the source of
truth; this test reads both and compares.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from inmail_explained import ASSUMPTIONS, RULES, Rule
from inmail_explained.rules import Assumption, Confidence
from tests.test_contract import CONTRACT

SPECIFICATION = Path(__file__).resolve().parents[1] / "RULES.md"
CONFIDENCE = {
    "high": Confidence.HIGH,
    "medium": Confidence.MEDIUM,
    "project rule": Confidence.PROJECT,
}

_ENTRY = re.compile(
    r"^- \*\*(?P<id>[MKCFWA]\d+[ab]?)\*\* (?P<body>.*?)(?=^- \*\*|^#|\Z)", re.M | re.S
)
_META = re.compile(
    r"Period: (?P<start>.+?) – (?P<end>.+?)\. Confidence: (?P<confidence>[a-z ]+)\."
    r" Assumptions: (?P<assumptions>[A0-9, ]+|none)\.(?P<modelled> Modelled: no\.)?",
)
_RULES_OF_ASSUMPTION = re.compile(r"Rules: (?P<rules>[A-Z0-9a-z, ]+)\.\s*$")
_ATTESTED = re.compile(r"unknown \(attested (?:from|until) (?P<day>\d{4}-\d{2}-\d{2})\)")
_FENCE = re.compile(r"^```python\n(?P<code>.*?)^```", re.M | re.S)


def entries() -> dict[str, str]:
    """Each bold ID of RULES.md with the text of its list item (line breaks as spaces)."""
    text = SPECIFICATION.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for hit in _ENTRY.finditer(text):
        assert hit["id"] not in found, f"{hit['id']} steht zweimal in RULES.md"
        found[hit["id"]] = " ".join(hit["body"].split())
    return found


def boundary(text: str) -> tuple[date | None, date | None]:
    """A written boundary as (date, attested date): ``2015-01-01``, ``always``/``open``, unknown."""
    if text in ("always", "open"):
        return None, None
    attested = _ATTESTED.fullmatch(text)
    if attested:
        return None, date.fromisoformat(attested["day"])
    return date.fromisoformat(text), None


def test_every_rule_and_assumption_is_specified_once() -> None:
    specified = set(entries())
    registered = {entry.id for entry in RULES} | {entry.id for entry in ASSUMPTIONS}
    assert specified == registered, sorted(specified ^ registered)


@pytest.mark.parametrize("entry", RULES, ids=lambda entry: entry.id)
def test_period_confidence_and_assumptions_match_the_registry(entry: Rule) -> None:
    meta = _META.search(entries()[entry.id])
    assert meta, f"{entry.id}: keine Zeile „Period: … Confidence: … Assumptions: …“"
    assert boundary(meta["start"]) == (entry.valid_from, entry.attested_from), entry.id
    assert boundary(meta["end"]) == (entry.valid_until, entry.attested_until), entry.id
    assert CONFIDENCE[meta["confidence"]] is entry.confidence, entry.id
    written = () if meta["assumptions"] == "none" else tuple(meta["assumptions"].split(", "))
    assert written == entry.assumptions, entry.id
    assert (meta["modelled"] is None) is entry.modelled, entry.id


@pytest.mark.parametrize("entry", ASSUMPTIONS, ids=lambda entry: entry.id)
def test_each_assumption_names_its_rules(entry: Assumption) -> None:
    hit = _RULES_OF_ASSUMPTION.search(entries()[entry.id])
    assert hit, f"{entry.id}: keine Zeile „Rules: …“"
    assert tuple(hit["rules"].split(", ")) == entry.rules


def test_boundaries_are_read_as_written() -> None:
    """The reader of the period line tells the three kinds of boundary apart."""
    assert boundary("always") == (None, None)
    assert boundary("2014-04-30") == (date(2014, 4, 30), None)
    assert boundary("unknown (attested until 2014-04-30)") == (None, date(2014, 4, 30))
    with pytest.raises(ValueError, match="bald"):
        boundary("bald")


def test_the_contract_example_is_unchanged_and_every_example_runs() -> None:
    """The contract (verbatim in tests/test_contract.py) and the dated example run as written."""
    fences = [hit["code"] for hit in _FENCE.finditer(SPECIFICATION.read_text(encoding="utf-8"))]
    assert CONTRACT in fences
    assert len(fences) == 2
    for code in fences:
        exec(compile(code, "RULES.md", "exec"), {})
