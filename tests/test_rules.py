"""The rules registry: complete, consistent, and each period on both sides of its edges."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

import inmail_explained
from inmail_explained import (
    ASSUMPTIONS,
    RULES,
    Family,
    Rule,
    assumption,
    change_days,
    in_force,
    rule,
    rules_in_force,
)
from inmail_explained.ids import ASSUMPTION_IDS, RULE_IDS, RuleId, is_rule_ref
from inmail_explained.rules import entry as registry_entry

DAY = timedelta(days=1)
DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_ids_are_unique_and_assumptions_known() -> None:
    ids = [entry.id for entry in RULES]
    assert len(ids) == len(set(ids))
    known_assumptions = {entry.id for entry in ASSUMPTIONS}
    for entry in RULES:
        assert set(entry.assumptions) <= known_assumptions, entry.id
    for known in ASSUMPTIONS:
        assert known.rules, known.id
        for rule_id in known.rules:
            assert rule_id in ids, (known.id, rule_id)


def test_every_rule_the_code_cites_is_registered() -> None:
    package = Path(inmail_explained.__file__).parent
    cited = {
        found
        for module in package.glob("*.py")
        for found in re.findall(r"\b[MKCFW]\d+[ab]?\b", module.read_text(encoding="utf-8"))
    }
    registered = {entry.id for entry in RULES}
    assert cited
    assert cited <= registered, sorted(cited - registered)


def test_every_assumption_an_entry_cites_is_in_force_with_it() -> None:
    """An assumption's rules name it back: the two lists agree."""
    for entry in ASSUMPTIONS:
        for rule_id in entry.rules:
            assert entry.id in rule(rule_id).assumptions, (entry.id, rule_id)


@pytest.mark.parametrize(
    ("rule_id", "last_old_day", "first_new_day", "old", "new"),
    [
        ("C4a", date(2014, 12, 31), date(2015, 1, 1), True, False),
        ("C4b", date(2014, 12, 31), date(2015, 1, 1), False, True),
        ("K4", date(2014, 4, 30), date(2014, 5, 1), True, False),
        ("K12", date(2014, 4, 30), date(2014, 5, 1), False, True),
        ("K11", date(2015, 6, 17), date(2015, 6, 18), False, True),
        ("K2", date(2018, 8, 15), date(2018, 8, 16), True, False),
        ("K10", date(2018, 8, 15), date(2018, 8, 16), True, False),
        ("F3", date(2014, 4, 30), date(2014, 5, 1), True, False),
        ("K13", date(2014, 4, 30), date(2014, 5, 1), True, False),
        ("C9", date(2019, 4, 30), date(2019, 5, 1), False, True),
        ("W2", date(2021, 11, 24), date(2021, 11, 25), False, True),
    ],
)
def test_both_sides_of_each_edge(
    rule_id: RuleId, last_old_day: date, first_new_day: date, old: bool, new: bool
) -> None:
    assert in_force(rule_id, last_old_day) is old
    assert in_force(rule_id, first_new_day) is new
    assert (rule(rule_id) in rules_in_force(first_new_day)) is new


def test_documented_periods_of_the_refund_rules() -> None:
    assert (rule("C4a").valid_from, rule("C4a").valid_until) == (None, date(2014, 12, 31))
    assert (rule("C4b").valid_from, rule("C4b").valid_until) == (date(2015, 1, 1), None)
    assert rule("C4a").end_known
    assert rule("C4b").end_known


def test_unknown_ends_stay_unknown() -> None:
    """When the stars ended is not found: no end date, only the last day a source vouches for."""
    stars = rule("F3")
    assert stars.valid_until is None
    assert not stars.end_known
    assert stars.attested_until == date(2014, 4, 30)
    assert stars.last_day == stars.attested_until


def test_change_days_are_the_edges() -> None:
    days = change_days()
    assert days == sorted(set(days))
    assert date(2015, 1, 1) in days
    assert date(2015, 6, 18) in days
    for day in days:
        assert {e.id for e in rules_in_force(day)} != {e.id for e in rules_in_force(day - DAY)}


def test_unknown_ids_are_named() -> None:
    with pytest.raises(KeyError, match="Keine Regel 'Z9'"):
        rule("Z9")  # type: ignore[arg-type]  # an untyped caller gets a clear error
    with pytest.raises(KeyError, match="Keine Annahme 'A99'"):
        assumption("A99")  # type: ignore[arg-type]
    assert assumption("A16").rules == ("C11",)


def _rule(**period: object) -> Rule:
    fields: dict[str, object] = {
        "id": "C12",
        "title": "x",
        "family": Family.CREDITS,
        "source": "s",
        "confidence": "hoch",
    }
    return Rule.model_validate(fields | period)


def test_a_rule_cannot_have_both_kinds_of_boundary() -> None:
    day = date(2015, 1, 1)
    with pytest.raises(ValidationError, match="valid_from und attested_from"):
        _rule(valid_from=day, attested_from=day)
    with pytest.raises(ValidationError, match="valid_until und attested_until"):
        _rule(valid_until=day, attested_until=day)
    with pytest.raises(ValidationError, match="endet vor seinem Beginn"):
        _rule(valid_from=day + DAY, valid_until=day)


def test_an_assumed_end_names_one_of_the_rules_assumptions_and_a_last_day() -> None:
    """end_assumed_by (the model dates the end, e.g. A12 for the groups) must fit the rule."""
    day = date(2018, 8, 15)
    with pytest.raises(ValidationError, match="A12 fehlt unter den Annahmen"):
        _rule(valid_until=day, end_assumed_by="A12")
    with pytest.raises(ValidationError, match="end_assumed_by ohne letzten Tag"):
        _rule(assumptions=("A12",), end_assumed_by="A12")
    assert _rule(valid_until=day, assumptions=("A12",), end_assumed_by="A12").last_day == day


def test_every_rule_names_only_assumptions_that_name_it_back() -> None:
    for entry in RULES:
        for assumption_id in entry.assumptions:
            assert entry.id in assumption(assumption_id).rules, (entry.id, assumption_id)


def test_the_id_types_list_the_registry() -> None:
    assert tuple(entry.id for entry in RULES) == RULE_IDS
    assert tuple(entry.id for entry in ASSUMPTIONS) == ASSUMPTION_IDS


def test_every_rule_and_assumption_names_a_glossary_page() -> None:
    for ref in (*RULE_IDS, *ASSUMPTION_IDS):
        pages = registry_entry(ref).explained_in
        assert pages, ref
        assert (DOCS / pages[0].value).is_file()


def test_the_rules_page_links_the_registry_glossary_pages() -> None:
    """Each "Erklärt in" line on the Regeln page names the registry's glossary pages, in order."""
    page = (DOCS / "referenz" / "regeln.md").read_text(encoding="utf-8")
    sections = re.split(r"^#{3,4} ", page, flags=re.MULTILINE)[1:]
    for section in sections:
        ref = section.split()[0]
        assert is_rule_ref(ref), ref
        line = re.search(r"\*\*Erklärt in:\*\*(.*?)(?=\n- \*\*|\n\n|\Z)", section, re.DOTALL)
        assert line is not None, ref
        links = re.findall(r"\[([^\]]*)\]\(\.\./(glossar/[^)#]+)\)", line.group(1))
        shown = [(glossary.term, glossary.value) for glossary in registry_entry(ref).explained_in]
        assert links == shown, ref
