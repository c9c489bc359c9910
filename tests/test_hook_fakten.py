"""hooks/fakten.py: numbers in prose come from the library; an unknown name fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from fakten import facts, fill, number
from inmail_explained import CREDIT_LIFETIME_DAYS, Plan
from inmail_explained.rules import INMAIL_BODY_CHARS, INVITATION_NOTES_PER_MONTH_BASIC

FAQ = Path(__file__).resolve().parents[1] / "docs" / "haeufige-fragen.md"


def test_values_come_from_the_library() -> None:
    """Plan numbers, constants and registry days, formatted for German readers."""
    known = facts()
    assert known["career_monat"] == str(Plan.PREMIUM_CAREER.monthly_inmails)
    assert known["recruiter_lite_max"] == str(Plan.RECRUITER_LITE.max_inmails)
    assert known["verfall_tage"] == str(CREDIT_LIFETIME_DAYS)
    assert known["notizen_basis_monat"] == str(INVITATION_NOTES_PER_MONTH_BASIC)
    assert known["text_zeichen"] == number(INMAIL_BODY_CHARS) == "2.000"
    assert known["garantie_bis"] == "31. Dezember 2014"


def test_placeholders_are_filled() -> None:
    assert fill("Stand {{ stand_monat }}: {{career_monat}}", facts()) == "Stand Dezember 2026: 5"


def test_an_unknown_name_fails_the_build() -> None:
    with pytest.raises(PluginError, match="unbekannter Name 'karriere_monat'"):
        fill("{{ karriere_monat }}", facts())


def test_every_placeholder_of_the_faq_is_known() -> None:
    """The FAQ uses only known names, and none of its answers types a plan number by hand."""
    text = FAQ.read_text("utf-8")
    names = set(re.findall(r"\{\{ *([a-z0-9_]+) *\}\}", text))
    assert names
    assert names <= set(facts())
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    paragraphs = prose.split("\n\n")  # without the quiet lines that name sources and rules
    prose = "\n\n".join(p for p in paragraphs if not p.endswith("{: .regeln }"))
    for plan in Plan:
        for value in (plan.monthly_inmails, plan.max_inmails):
            if value is not None and value > 4:  # 1-4 also occur in ordinary words
                assert not re.search(rf"(?<![\d.#-]){value}(?![\d.])", prose), (plan, value)
