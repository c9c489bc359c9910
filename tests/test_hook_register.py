"""hooks/register.py: rule periods, sources, confidence and the Zeitleiste, from the registry."""

from __future__ import annotations

import re
from datetime import date

import pytest
from mkdocs.exceptions import PluginError

from inmail_explained import RULES, STATUS_DAY, Family, Rule, assumption, change_days, rule
from inmail_explained.ids import AssumptionId, RuleId
from register import (
    NOT_MODELLED,
    german_date,
    period_text,
    render,
    rule_items,
    rules_page_from,
    source_markdown,
    strip_bar,
    strip_markdown,
    strip_period,
    strip_span,
    timeline_markdown,
    undated_rules,
)


def _rule(**fields: object) -> Rule:
    base: dict[str, object] = {
        "id": "C12",
        "title": "Probe",
        "family": Family.CREDITS,
        "source": "Quelle",
        "confidence": "hoch",
    }
    return Rule.model_validate(base | fields)


def test_german_dates() -> None:
    assert german_date(date(2014, 5, 1)) == "1. Mai 2014"
    assert german_date(date(2011, 3, 15)) == "15. März 2011"
    assert german_date(date(2014, 12, 31)) == "31. Dezember 2014"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "ohne Stichtag; bis heute"),
        ({"valid_until": date(2014, 12, 31)}, "ohne Stichtag; bis 31. Dezember 2014"),
        ({"valid_from": date(2015, 1, 1)}, "ab 1. Januar 2015; bis heute"),
        (
            {"attested_until": date(2014, 4, 30)},
            "ohne Stichtag; Ende unbekannt, belegt bis 30. April 2014",
        ),
        (
            {"attested_from": date(2019, 5, 1)},
            "Beginn unbekannt, belegt ab 1. Mai 2019; bis heute",
        ),
        (
            {"valid_from": date(2015, 6, 18), "attested_until": date(2018, 8, 15)},
            "ab 18. Juni 2015; Ende unbekannt, belegt bis 15. August 2018",
        ),
    ],
)
def test_periods_say_unknown_boundaries_as_unknown(fields: dict[str, date], expected: str) -> None:
    assert period_text(_rule(**fields)) == expected


def test_sources_link_their_addresses_by_host() -> None:
    text = "Hilfe; <https://www.example.org/a/b> (2015)"
    assert source_markdown(text) == "Hilfe; [example.org](https://www.example.org/a/b) (2015)."
    assert source_markdown("Projektregel.") == "Projektregel."
    assert source_markdown("<http://x.example:443/c>").startswith("[x.example](http://x.example")


def test_rule_items_show_the_registry_data() -> None:
    k11 = rule("K11")
    items = rule_items(k11)
    assert f"- **Zeitraum:** {period_text(k11)}" in items
    assert "- **Quelle:** " in items
    assert "[thechiefstoryteller.com](http://" in items
    assert "- **Sicherheit:** hoch" in items
    assert "- **Annahmen:** [A11](#a11), [A12](#a12)" in items
    assert NOT_MODELLED not in items
    assert all(line.startswith("- **") for line in items.split("\n"))


@pytest.mark.parametrize("rule_id", ["K14", "K15", "C12", "F5", "W1", "W2"])
def test_documented_only_rules_say_so(rule_id: RuleId) -> None:
    assert not rule(rule_id).modelled
    assert f"- **Im Modell:** {NOT_MODELLED}" in rule_items(rule(rule_id))


@pytest.mark.parametrize(
    ("assumption_id", "rule_id"),
    [
        ("A8", "F3"),
        ("A8", "K13"),
        ("A9", "K12"),
        ("A10", "K10"),
        ("A11", "K11"),
        ("A12", "K10"),
        ("A13", "C9"),
        ("A14", "C9"),
        ("A15", "C11"),
        ("A16", "C11"),
        ("A17", "C4b"),
        ("A18", "C10"),
    ],
)
def test_assumption_markers_name_the_rules_they_affect(
    assumption_id: AssumptionId, rule_id: RuleId
) -> None:
    rendered = render(f"<!-- annahme: {assumption_id} -->", "regeln.md")
    assert rendered.startswith("- **Betrifft:** ")
    assert f"[{rule_id}](regeln.md#{rule_id.lower()})" in rendered
    assert rendered.count("](regeln.md#") == len(assumption(assumption_id).rules)


def test_markers_are_replaced_and_unknown_ids_refused() -> None:
    page = "Text\n\n<!-- regel: C4b -->\n- **Erklärt in:** x\n"
    rendered = render(page, "")
    assert "<!--" not in rendered
    assert "- **Zeitraum:** ab 1. Januar 2015" in rendered
    assert rendered.endswith("- **Erklärt in:** x\n")
    assert (
        render("kein Marker <!-- regel: K1 --> im Satz", "")
        == "kein Marker <!-- regel: K1 --> im Satz"
    )
    with pytest.raises(PluginError, match="Keine Regel 'Z9'"):
        render("<!-- regel: Z9 -->", "")
    with pytest.raises(PluginError, match="Keine Annahme 'A99'"):
        render("<!-- annahme: A99 -->", "")


def test_links_point_at_the_rules_page_from_where_the_page_is() -> None:
    assert rules_page_from("referenz/regeln.md") == ""
    assert rules_page_from("referenz/zeitleiste.md") == "regeln.md"
    assert rules_page_from("index.md") == "referenz/regeln.md"
    assert rules_page_from("glossar/openlink.md") == "../referenz/regeln.md"


def _sections(markdown: str) -> dict[str, str]:
    """The timeline's day sections: heading text → its entries."""
    parts = re.split(r"^### (.+) \{#am-[0-9-]+\}$", markdown, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_day_of_change_has_its_section() -> None:
    markdown = timeline_markdown(RULES, "regeln.md")
    days = _sections(markdown)
    assert list(days) == [german_date(day) for day in change_days()]
    assert re.findall(r"^## (\d{4}) ", markdown, re.M) == sorted(
        {str(day.year) for day in change_days()}
    )
    for entries in days.values():
        lines = [line for line in entries.split("\n") if line and not line.startswith("## ")]
        assert lines, "ein Tag ohne Eintrag"
        assert all(line.startswith("- **") for line in lines)


@pytest.mark.parametrize(
    ("day", "rule_id", "what"),
    [
        ("15. März 2011", "C12", "Erstmals belegt"),
        ("1. Mai 2014", "K4", "Endet"),
        ("1. Mai 2014", "K12", "Beginnt"),
        ("1. Mai 2014", "F3", "Nicht mehr belegt"),
        ("1. August 2014", "F5", "Beginnt"),
        ("1. Januar 2015", "C4a", "Endet"),
        ("1. Januar 2015", "C4b", "Beginnt"),
        ("1. Januar 2015", "C12", "Nicht mehr belegt"),
        ("18. Juni 2015", "K11", "Beginnt"),
        ("14. Oktober 2015", "K14", "Beginnt"),
        ("16. August 2018", "K2", "Endet"),
        ("16. August 2018", "K3", "Nicht mehr angenommen"),
        ("16. August 2018", "K15", "Beginnt"),
        ("1. Mai 2019", "C9", "Erstmals belegt"),
        ("1. Mai 2019", "C10", "Erstmals belegt"),
        ("1. Mai 2019", "C11", "Erstmals belegt"),
        ("25. November 2021", "W1", "Erstmals belegt"),
        ("25. November 2021", "W2", "Beginnt"),
        ("1. Dezember 2026", "C8", "Erstmals belegt"),
    ],
)
def test_each_change_is_a_dated_entry_with_its_source(day: str, rule_id: RuleId, what: str) -> None:
    entries = _sections(timeline_markdown(RULES, "regeln.md"))[day]
    line = next(line for line in entries.split("\n") if f"#{rule_id.lower()})" in line)
    assert line.startswith(f"- **{what}")
    assert f"Quelle: {source_markdown(rule(rule_id).source)}" in line


def _strip_rows(markdown: str) -> dict[str, str]:
    """The strip's rows by rule ID: ID → the whole row."""
    rows = re.findall(r"^- .*<small>([A-Z]\d+[ab]?)</small>.*$", markdown, re.M)
    lines = [line for line in markdown.split("\n") if line.startswith("- ")]
    return dict(zip(rows, lines, strict=True))


def test_the_strip_names_every_dated_rule_in_words() -> None:
    """One row per dated rule, led by its title as a link, its period in words and a bar."""
    markdown = strip_markdown(RULES, "regeln.md")
    rows = _strip_rows(markdown)
    dated = [entry for entry in RULES if entry not in undated_rules()]
    assert sorted(rows) == sorted(entry.id for entry in dated)
    for entry in dated:
        row = rows[entry.id]
        assert f"[{entry.title}](regeln.md#{entry.id.lower()})" in row, entry.id
        assert f'<span class="zs-zeit">{strip_period(entry)}</span>' in row, entry.id
        assert 'class="zs-balken' in row, entry.id
    families = re.findall(r'<p class="zs-familie">([^<]+)<', markdown)
    assert families == [f.value for f in Family if any(e.family is f for e in dated)]


def test_bars_span_the_period_and_fade_where_it_is_unknown() -> None:
    """K11 runs from June 2015 to the rebuild, faded at its assumed end; C8 fades in."""
    span = strip_span(RULES)
    assert span == (date(2011, 1, 1), date(STATUS_DAY.year + 1, 1, 1))
    k11 = strip_bar(rule("K11"), span)
    assert "zs-ende-offen" in k11
    assert "zs-beginn-offen" not in k11
    von, bis = (float(x) for x in re.findall(r"--(?:von|bis):([0-9.]+)%", k11))
    assert von < bis
    c8 = strip_bar(rule("C8"), span)
    assert "zs-beginn-offen" in c8, "C8 began before today: its start is unknown"
    assert strip_period(rule("C8")) == "Beginn unbekannt; belegt für heute (Stand 1. Dezember 2026)"
    assert strip_period(rule("K4")) == "Bis 30. April 2014"


def test_assumed_ends_are_not_called_attested() -> None:
    """K3, K10, K11: sources from 2011 to 2015, the 2018 end is A12; K2's source names the month."""
    for rule_id in ("K3", "K10", "K11"):
        text = period_text(rule(rule_id))
        assert "belegt bis" not in text, rule_id
        assert "angenommen bis 15. August 2018 (Annahme A12" in text, rule_id
    assert "bis August 2018 (als letzten Tag nimmt das Modell den 15. August 2018" in period_text(
        rule("K2")
    )


def test_undated_rules_are_left_out_of_the_timeline() -> None:
    undated = {entry.id for entry in undated_rules()}
    assert {"M1", "K1", "C2"} <= undated
    assert not undated & {"C4a", "K11", "F3", "W2"}
    assert "#m1)" not in timeline_markdown(RULES, "regeln.md")
