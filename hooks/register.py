"""MkDocs hook: each rule's period, source and confidence, and the timeline, read from the registry.

The registry (`inmail_explained.rules`) is the one place where a rule's period is written. Pages
mark where its data goes with markers that stay invisible without this hook:

- ``<!-- regel: K4 -->`` on its own line inside a rule's list (Regeln page): the list items
  "Zeitraum", "Quelle", "Sicherheit", "Annahmen" and, for a documented-only rule, "Im Modell".
- ``<!-- annahme: A8 -->`` inside an assumption's list: the item "Betrifft" (its rules).
- ``<!-- zeitleiste -->`` on its own line (Zeitleiste page): every day of change as a section with
  one entry per rule that begins, ends or stops being vouched for on it, each with its source.
- a ```` ```mermaid ```` fence whose only line is ``%% zeitleiste``: a gantt chart of the periods.

Everything is Markdown, inserted before MkDocs renders the page (``on_page_markdown``), so links
are checked like any other; a source's ``<https://…>`` autolinks become links named by their host.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from datetime import date, timedelta
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from inmail_explained import RULES, STATUS_DAY, Rule, assumption, change_days, rule
from inmail_explained.ids import ASSUMPTION_IDS, AssumptionId, is_rule_id
from inmail_explained.periods import MONTH_NAMES
from inmail_explained.rules import Family

RULES_PAGE = "referenz/regeln.md"
NOT_MODELLED = "nur dokumentiert, die Bibliothek rechnet es nicht nach"

CHART_CONFIG = (
    "---",
    "config:",
    "  gantt:",
    "    leftPadding: 150",
    "    barHeight: 22",
    "    fontSize: 13",
    "    sectionFontSize: 13",
    "  themeVariables:",
    "    sectionBkgColor: transparent",
    "    altSectionBkgColor: transparent",
    "    sectionBkgColor2: transparent",
    "---",
)
"""Room on the left for the families' names, labels a little larger than mermaid's default, and
no coloured bands behind the families: the page's own background keeps their names readable in
the light and the dark scheme alike."""

_DAY = timedelta(days=1)
_RULE_MARKER = re.compile(r"^<!-- regel: (?P<id>\S+) -->$", re.M)
_ASSUMPTION_MARKER = re.compile(r"^<!-- annahme: (?P<id>\S+) -->$", re.M)
_TIMELINE_MARKER = re.compile(r"^<!-- zeitleiste -->$", re.M)
_CHART_FENCE = re.compile(r"^```mermaid\n%% zeitleiste\n```$", re.M)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")


def german_date(day: date) -> str:
    """A day as German readers write it: ``1. Mai 2014``."""
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def period_text(entry: Rule) -> str:
    """The rule's period in German, unknown boundaries said as unknown."""
    if entry.valid_from is not None:
        parts = [f"ab {german_date(entry.valid_from)}"]
    elif entry.attested_from is not None:
        parts = [f"Beginn unbekannt, belegt ab {german_date(entry.attested_from)}"]
    else:
        parts = ["ohne Stichtag"]
    if entry.valid_until is not None:
        parts.append(f"bis {german_date(entry.valid_until)}")
    elif entry.attested_until is not None:
        parts.append(f"Ende unbekannt, belegt bis {german_date(entry.attested_until)}")
    else:
        parts.append("bis heute")
    return "; ".join(parts)


def source_markdown(text: str) -> str:
    """A registry source as Markdown: each autolink named by its host, a full stop at the end."""

    def named(hit: re.Match[str]) -> str:
        host = urlsplit(hit["url"]).hostname or hit["url"]
        return f"[{host.removeprefix('www.')}]({hit['url']})"

    linked = _AUTOLINK.sub(named, text.strip())
    return linked if linked.endswith(".") else f"{linked}."


def rule_link(rule_id: str, rules_page: str) -> str:
    """A link to the rule's entry: ``[K4](#k4)`` on the Regeln page, else to that page."""
    return f"[{rule_id}]({rules_page}#{rule_id.lower()})"


def rule_items(entry: Rule, rules_page: str = "") -> str:
    """The list items that the marker ``<!-- regel: ID -->`` stands for."""
    items = [
        f"- **Zeitraum:** {period_text(entry)}",
        f"- **Quelle:** {source_markdown(entry.source)}",
        f"- **Sicherheit:** {entry.confidence.value}",
    ]
    if entry.assumptions:
        linked = ", ".join(rule_link(a, rules_page) for a in entry.assumptions)
        items.append(f"- **Annahmen:** {linked}")
    if not entry.modelled:
        items.append(f"- **Im Modell:** {NOT_MODELLED}")
    return "\n".join(items)


def assumption_items(assumption_id: AssumptionId, rules_page: str = "") -> str:
    """The list item that the marker ``<!-- annahme: ID -->`` stands for."""
    affected = ", ".join(rule_link(r, rules_page) for r in assumption(assumption_id).rules)
    return f"- **Betrifft:** {affected}"


def _named(entry: Rule, rules_page: str) -> str:
    return f"[{entry.id} {entry.title}]({rules_page}#{entry.id.lower()})"


def day_entries(day: date, rules: Iterable[Rule], rules_page: str) -> list[str]:
    """The timeline's entries for one day of change: what begins, ends, or is no longer vouched."""
    entries = []
    for entry in rules:
        source = f"Quelle: {source_markdown(entry.source)}"
        if entry.first_day == day and entry.start_known:
            entries.append(f"- **Beginnt:** {_named(entry, rules_page)}. {source}")
        elif entry.first_day == day:
            what = "**Erstmals belegt** (wann es begann, ist unbekannt)"
            entries.append(f"- {what}: {_named(entry, rules_page)}. {source}")
        if entry.last_day is not None and entry.last_day + _DAY == day:
            last = german_date(entry.last_day)
            if entry.end_known:
                what = f"**Endet** (letzter Tag: {last})"
            else:
                what = f"**Nicht mehr belegt** (Ende unbekannt, belegt bis {last})"
            entries.append(f"- {what}: {_named(entry, rules_page)}. {source}")
    return entries


def timeline_markdown(rules: tuple[Rule, ...] = RULES, rules_page: str = RULES_PAGE) -> str:
    """Every day of change as a section (one per year, one per day), with its entries."""
    blocks: list[str] = []
    year = None
    for day in change_days(rules):
        if day.year != year:
            year = day.year
            blocks.append(f"## {year} {{#jahr-{year}}}")
        blocks.append(f"### {german_date(day)} {{#am-{day.isoformat()}}}")
        blocks.append("\n".join(day_entries(day, rules, rules_page)))
    return "\n\n".join(blocks)


def chart_start(rules: Iterable[Rule]) -> date:
    """The chart's left edge: 1 January of the earliest year a rule's period names."""
    days = [e.first_day for e in rules if e.first_day is not None]
    days += [e.last_day for e in rules if e.last_day is not None]
    return date(min(days).year, 1, 1)


def chart_label(entry: Rule) -> str:
    """A bar's label: the rule's ID, and a question mark for each unknown boundary.

    Titles would not fit: mermaid writes a label that is wider than its bar beside the bar, and
    on the left edge it is cut off. The titles stand in the entries above the chart.
    """
    unknown = [
        f"{side} ?"
        for side, known in (("Beginn", entry.start_known), ("Ende", entry.end_known))
        if not known
    ]
    return f"{entry.id} ({', '.join(unknown)})" if unknown else entry.id


def chart_source(rules: tuple[Rule, ...] = RULES) -> str:
    """A mermaid gantt chart: one bar per rule with a date, grouped by family."""
    start, end = chart_start(rules), STATUS_DAY + _DAY
    lines = [
        *CHART_CONFIG,
        "gantt",
        "    accTitle: Die Zeiträume der Regeln mit Datum",
        (
            "    accDescr: Ein Balken je Regel mit Datum, beschriftet mit ihrer ID und nach Themen"
            f" geordnet. Ein Balken ohne Anfangsdatum fängt am linken Rand an ({start.year}),"
            f" einer ohne Ende reicht bis heute ({german_date(STATUS_DAY)}). Ist ein Beginn oder"
            " ein Ende unbekannt, steht ein Fragezeichen dabei, und der Balken zeigt nur die"
            " belegten Tage. Die Einträge über dem Diagramm nennen dieselben Tage als Text."
        ),
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y",
        "    todayMarker off",
    ]
    dated = [e for e in rules if e.first_day is not None or e.last_day is not None]
    for family in Family:
        bars = [e for e in dated if e.family is family]
        lines += [f"    section {family.value}"] if bars else []
        for entry in bars:
            first = entry.first_day or start
            after = entry.last_day + _DAY if entry.last_day is not None else end
            lines.append(f"    {chart_label(entry)} : {first.isoformat()}, {after.isoformat()}")
    return "\n".join(lines)


def undated_rules(rules: Iterable[Rule] = RULES) -> list[Rule]:
    """The rules without any date: they hold throughout, so the timeline leaves them out."""
    return [e for e in rules if e.first_day is None and e.last_day is None]


def render(markdown: str, rules_page: str) -> str:
    """The Markdown with every marker replaced (see the module's docstring)."""

    def one_rule(hit: re.Match[str]) -> str:
        if not is_rule_id(hit["id"]):
            raise PluginError(f"register: Keine Regel {hit['id']!r}")
        return rule_items(rule(hit["id"]), rules_page)

    def one_assumption(hit: re.Match[str]) -> str:
        for known in ASSUMPTION_IDS:
            if known == hit["id"]:
                return assumption_items(known, rules_page)
        raise PluginError(f"register: Keine Annahme {hit['id']!r}")

    markdown = _RULE_MARKER.sub(one_rule, markdown)
    markdown = _ASSUMPTION_MARKER.sub(one_assumption, markdown)
    markdown = _TIMELINE_MARKER.sub(lambda _: timeline_markdown(RULES, rules_page), markdown)
    return _CHART_FENCE.sub(lambda _: f"```mermaid\n{chart_source()}\n```", markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the markers; links to rules point at the Regeln page, relative to this page."""
    return render(markdown, rules_page_from(page.file.src_uri))


def rules_page_from(src_uri: str) -> str:
    """The Regeln page's address relative to the page `src_uri`; empty on the Regeln page."""
    if src_uri == RULES_PAGE:
        return ""
    return posixpath.relpath(RULES_PAGE, posixpath.dirname(src_uri) or ".")
