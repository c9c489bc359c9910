"""MkDocs hook: each rule's period, source and confidence, and the timeline, read from the registry.

The registry (`inmail_explained.rules`) is the one place where a rule's period is written. Pages
mark where its data goes with markers that stay invisible without this hook:

- ``<!-- regel: K4 -->`` on its own line inside a rule's list (Regeln page): the list items
  "Zeitraum", "Quelle", "Sicherheit", "Annahmen" and, for a documented-only rule, "Im Modell".
- ``<!-- annahme: A8 -->`` inside an assumption's list: the item "Betrifft" (its rules).
- ``<!-- zeitleiste -->`` on its own line (Zeitleiste page): every day of change as a section with
  one entry per rule that begins, ends or stops being vouched for on it, each with its source.
- ``<!-- zeitstrahl -->`` on its own line (Zeitleiste page): every dated rule as a row with its
  title, its period in words and a bar over the years; on a phone the three stack.

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
from inmail_explained.periods import MONTH_NAMES, month_title
from inmail_explained.rules import Family

RULES_PAGE = "referenz/regeln.md"
NOT_MODELLED = "nur dokumentiert, die Bibliothek rechnet es nicht nach"

_DAY = timedelta(days=1)
_RULE_MARKER = re.compile(r"^<!-- regel: (?P<id>\S+) -->$", re.M)
_ASSUMPTION_MARKER = re.compile(r"^<!-- annahme: (?P<id>\S+) -->$", re.M)
_TIMELINE_MARKER = re.compile(r"^<!-- zeitleiste -->$", re.M)
_STRIP_MARKER = re.compile(r"^<!-- zeitstrahl -->$", re.M)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>\s]+)>")


def german_date(day: date) -> str:
    """A day as German readers write it: ``1. Mai 2014``."""
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def period_text(entry: Rule) -> str:
    """The rule's period in German, unknown boundaries said as unknown.

    Where an assumption sets the last day (`Rule.end_assumed_by`), the text says so: the sources
    of the group ways end years earlier, or name only the month.
    """
    if entry.attested_from == STATUS_DAY and entry.last_day is None:
        return f"Beginn unbekannt; belegt für heute (Stand {german_date(STATUS_DAY)})"
    if entry.valid_from is not None:
        parts = [f"ab {german_date(entry.valid_from)}"]
    elif entry.attested_from is not None:
        parts = [f"Beginn unbekannt, belegt ab {german_date(entry.attested_from)}"]
    else:
        parts = ["ohne Stichtag"]
    last, assumed = entry.last_day, entry.end_assumed_by
    if last is not None and assumed is not None and entry.end_known:
        parts.append(
            f"bis {month_title(last)} (als letzten Tag nimmt das Modell den {german_date(last)},"
            f" Annahme {assumed})"
        )
    elif last is not None and assumed is not None:
        parts.append(
            f"Ende unbekannt, angenommen bis {german_date(last)} (Annahme {assumed}; die Quellen"
            " sind älter)"
        )
    elif entry.valid_until is not None:
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
    entry = assumption(assumption_id)
    affected = ", ".join(rule_link(r, rules_page) for r in entry.rules)
    items = [f"- **Betrifft:** {affected}"]
    if entry.source is not None:
        items.append(f"- **Gelesen aus:** {source_markdown(entry.source)}")
    return "\n".join(items)


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
            if entry.end_known and entry.end_assumed_by is not None:
                month = month_title(entry.last_day)
                assumed = entry.end_assumed_by
                what = f"**Endet** im {month} (letzter Tag im Modell: {last}, {assumed})"
            elif entry.end_known:
                what = f"**Endet** (letzter Tag: {last})"
            elif entry.end_assumed_by is not None:
                what = (
                    f"**Nicht mehr angenommen** (Ende unbekannt; das Modell wendet die Regel bis"
                    f" {last} an, {entry.end_assumed_by})"
                )
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


def strip_span(rules: Iterable[Rule]) -> tuple[date, date]:
    """The strip's years: from 1 January of the earliest year a period names to New Year 2027."""
    days = [e.first_day for e in rules if e.first_day is not None]
    days += [e.last_day for e in rules if e.last_day is not None]
    return date(min(days).year, 1, 1), date(STATUS_DAY.year + 1, 1, 1)


def _percent(day: date, span: tuple[date, date]) -> str:
    start, end = span
    return f"{100 * (day - start).days / (end - start).days:.1f}%"


def strip_axis(span: tuple[date, date]) -> str:
    """The years under the strip: five labels at even steps from the first to the last year."""
    first, last = span[0].year, span[1].year
    step = -(-(last - first) // 4)
    years = [*range(first, last, step), last]
    labels = "".join(
        f'<span style="--x:{_percent(date(year, 1, 1), span)}">{year}</span>' for year in years
    )
    return f'<span class="zs-achse" aria-hidden="true">{labels}</span>'


def strip_bar(entry: Rule, span: tuple[date, date]) -> str:
    """One rule's bar: the days the model applies it, faded where a boundary is unknown.

    A rule the sources vouch for only on the status day (today's help, undated) gets no bar
    from that day on: it shows as a fade towards today, since its start is unknown.
    """
    first = entry.first_day or span[0]
    after = entry.last_day + _DAY if entry.last_day is not None else STATUS_DAY + _DAY
    classes = ["zs-balken"]
    if not entry.start_known:
        classes.append("zs-beginn-offen")
    if not entry.end_known or entry.end_assumed_by is not None:
        classes.append("zs-ende-offen")
    if entry.first_day is None:
        classes.append("zs-schon-immer")
    style = f"--von:{_percent(first, span)};--bis:{_percent(after, span)}"
    return f'<span class="{" ".join(classes)}" style="{style}" aria-hidden="true"></span>'


def strip_period(entry: Rule) -> str:
    """The period as the strip says it: without "ohne Stichtag" (the bar starts at the edge)."""
    text = period_text(entry).removeprefix("ohne Stichtag; ")
    return text[:1].upper() + text[1:]


def strip_markdown(rules: tuple[Rule, ...] = RULES, rules_page: str = RULES_PAGE) -> str:
    """Every dated rule as a row named by its title, grouped by family: title, period, bar."""
    span = strip_span(rules)
    dated = [e for e in rules if e.first_day is not None or e.last_day is not None]
    blocks = ['<div class="zeitstrahl" markdown="1">']
    for family in Family:
        rows = [e for e in dated if e.family is family]
        if not rows:
            continue
        blocks.append(f'<p class="zs-familie">{family.value}{strip_axis(span)}</p>')
        blocks.append(
            "\n".join(
                f'- <span class="zs-titel">[{e.title}]({rules_page}#{e.id.lower()})'
                f" <small>{e.id}</small></span>"
                f' <span class="zs-zeit">{strip_period(e)}</span> {strip_bar(e, span)}'
                for e in rows
            )
        )
    blocks.append("</div>")
    return "\n\n".join(blocks)


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
    return _STRIP_MARKER.sub(lambda _: strip_markdown(RULES, rules_page), markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the markers; links to rules point at the Regeln page, relative to this page."""
    return render(markdown, rules_page_from(page.file.src_uri))


def rules_page_from(src_uri: str) -> str:
    """The Regeln page's address relative to the page `src_uri`; empty on the Regeln page."""
    if src_uri == RULES_PAGE:
        return ""
    return posixpath.relpath(RULES_PAGE, posixpath.dirname(src_uri) or ".")
