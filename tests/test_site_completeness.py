"""The reference pages and the code agree: every rule is tested, every error code documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inmail_explained import ASSUMPTIONS, ERROR_CLASSES, ERROR_CODES, RULES, InMailError, rule
from inmail_explained.errors import slots
from inmail_explained.ids import is_rule_id

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RULES_PAGE = DOCS / "referenz" / "regeln.md"
ERRORS_PAGE = DOCS / "referenz" / "fehler.md"

_RULE_HEADING = re.compile(
    r"^#{2,4} (?P<id>[MKCFWA]\d+[ab]?) (?P<title>.*) \{#(?P<anchor>[a-z0-9]+)\}$", re.M
)
_FENCE = re.compile(r"^```python\n(?P<code>.*?)^```", re.M | re.S)


def rule_ids_on_rules_page() -> list[str]:
    """The rule IDs that the "Regeln" page lists, in page order."""
    return [match["id"] for match in _RULE_HEADING.finditer(RULES_PAGE.read_text("utf-8"))]


def cited(rule_id: str, text: str) -> bool:
    """Whether `text` names the rule ID as a word (K1 but not K10, C4 also in C4a)."""
    return re.search(rf"(?<![A-Za-z0-9]){rule_id}(?![0-9])", text) is not None


def test_rules_page_lists_every_rule_of_the_specification() -> None:
    """The "Regeln" page has an entry with an ASCII anchor for every rule ID of RULES.md."""
    specification = ROOT / "RULES.md"
    specified = set(re.findall(r"\*\*([MKCFW]\d+[ab]?)\*\*", specification.read_text("utf-8")))
    listed = set(rule_ids_on_rules_page())
    assert specified, "RULES.md names no rule IDs in bold"
    assert specified <= listed, f"Ohne Eintrag auf regeln.md: {sorted(specified - listed)}"
    for match in _RULE_HEADING.finditer(RULES_PAGE.read_text("utf-8")):
        assert match["anchor"] == match["id"].lower(), f"Anker von {match['id']}"


def test_rules_page_has_an_entry_for_every_registered_rule_and_assumption() -> None:
    """The "Regeln" page and the registry list the same IDs; headings begin with the title."""
    registered = [entry.id for entry in RULES] + [entry.id for entry in ASSUMPTIONS]
    assert sorted(rule_ids_on_rules_page()) == sorted(registered)
    for match in _RULE_HEADING.finditer(RULES_PAGE.read_text("utf-8")):
        if is_rule_id(match["id"]):
            assert match["title"].startswith(rule(match["id"]).title), match["id"]


def test_each_entry_takes_its_period_and_source_from_the_registry() -> None:
    """Each rule's section has its own marker for hooks/register.py, and no source typed by hand."""
    text = RULES_PAGE.read_text("utf-8")
    sections = re.split(r"^#{2,4} ", text, flags=re.M)
    for match in _RULE_HEADING.finditer(text):
        section = next(part for part in sections if part.startswith(f"{match['id']} "))
        kind = "annahme" if match["id"].startswith("A") else "regel"
        markers = re.findall(r"^<!-- (regel|annahme): (\S+) -->$", section, re.M)
        assert markers == [(kind, match["id"])], match["id"]
        assert "**Quelle:**" not in section, f"{match['id']}: Quelle von Hand"


@pytest.mark.parametrize("rule_id", rule_ids_on_rules_page())
def test_every_rule_is_cited_by_a_test_or_an_example(rule_id: str) -> None:
    """Each rule ID on the "Regeln" page is named by a unit test or by a docs example."""
    tests = "\n".join(
        path.read_text("utf-8")
        for path in (ROOT / "tests").rglob("test_*.py")
        if path.name != Path(__file__).name
    )
    examples = "\n".join(
        fence["code"]
        for page in DOCS.rglob("*.md")
        for fence in _FENCE.finditer(page.read_text("utf-8"))
    )
    assert cited(rule_id, tests) or cited(rule_id, examples), f"{rule_id}: kein Test, kein Beispiel"


@pytest.mark.parametrize("code", ERROR_CODES)
def test_every_error_code_has_its_section(code: str) -> None:
    """The "Fehler" page has a section whose anchor is exactly the error code."""
    headings = re.findall(r"^## (\S+) \{#([a-z-]+)\}$", ERRORS_PAGE.read_text("utf-8"), re.M)
    assert (code, code) in headings, f"Abschnitt `## {code} {{#{code}}}` fehlt auf fehler.md"


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda cls: cls.code)
def test_error_messages_link_to_their_section(error_class: type[InMailError]) -> None:
    """An error's text ends with the address of its own section on the "Fehler" page."""
    variant = next(iter(error_class.variants), None)
    template = error_class.variants[variant] if variant else error_class.template
    values = dict.fromkeys(slots(template), "Etwas") | (
        {"rule": "K1"} if "rule" in slots(template) else {}
    )
    error = error_class(variant=variant, **values)
    assert str(error).endswith(f"referenz/fehler/#{error_class.code}")
    assert str(error).startswith(error.message)


def test_site_url_matches_the_error_links() -> None:
    """mkdocs.yml's `site_url` is the address the error messages link to."""
    from inmail_explained.errors import DOCS_URL

    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(rf"^site_url: {re.escape(DOCS_URL)}$", config, re.M)
