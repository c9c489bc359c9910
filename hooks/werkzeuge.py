"""MkDocs hook: the three tools under docs/werkzeuge/ take every answer from the library.

Kanal-Finder, Guthaben-Rechner and Sterne-Rechner are small forms in the browser, but no rule is
written in JavaScript. At build time this hook asks `inmail_explained` for every answer the form
can ask for and writes the result into the page:

- **Kanal-Finder:** the inputs form a finite grid (3 kinds of sender × 5 relations × OpenLink ×
  contact setting = 60 combinations). For each one the hook builds a real `Network` and records
  `profile_button`, `options`, and what `send` does by default and through each offered channel
  (the `InMailError` code and German message when it refuses). The network is built by the very
  Python code the page shows for that choice (`channel_template`): the hook runs it.
- **Guthaben-Rechner:** the answer depends on the era (the refund rule in force on the send day),
  the reaction and the reaction's day offset. Eras are found by asking `refund_policy` for every
  day the form accepts. For each era, reaction and offset 0…N (N one day beyond the largest
  window) the hook sends an InMail, records the reaction and reads the refund from the ledger;
  it checks that nothing changes beyond N and that the answer does not depend on the send day
  within an era, so the browser only adds days to a date and looks the answer up.
- **Sterne-Rechner:** the window size `FEEDBACK_WINDOW`, which reactions are negative, and the
  stars for 0…10 negatives in the window, each from `stars_for`; the hook checks on many
  sequences that nothing but the negatives in the window decides the stars.

A page marks the place of a tool with ``<div data-werkzeug="kanal-finder"></div>``. The hook
replaces it with the form (hidden until docs/assets/javascripts/werkzeuge.js starts it), an
empty result area with an aria-live announcement, the data as JSON in a ``<template>`` (not a
``<script>``: Material's instant navigation re-runs inline scripts as JavaScript; the Kanal-Finder's
in a compact form, `channel_page_data`), and the complete
decision table as static HTML, which is all a reader without JavaScript gets. Rule IDs link to
docs/referenz/regeln.md and, as that page names it under "Erklärt in", to a glossary page. Only
pages with a tool load werkzeuge.js and werkzeuge.css (`on_page_content`, `on_post_page`).

Each tool also shows the Python code for the reader's current choice. The code is a template
with ``$name`` placeholders (`fill_template`); the page's own ```python example (inside
``<div data-werkzeug-code="…" markdown>``) is that template filled for the form's start values,
and tests/test_werkzeuge_data.py checks that it stays so.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from inmail_explained import (
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    FEEDBACK_WINDOW,
    MAX_STARS,
    POLICY_CHANGE,
    Channel,
    InMailError,
    Member,
    Network,
    Reaction,
    TimeWentBackwards,
    is_negative,
    is_response,
    rating_window,
    refund_policy,
    stars_for,
)

DOCS_DIR = Path(__file__).resolve().parents[1] / "docs"
"""The documentation sources, for use outside a build (tests)."""

RULES_PAGE = "referenz/regeln.md"
ERRORS_PAGE = "referenz/fehler.md"
TOOLS = ("kanal-finder", "guthaben-rechner", "sterne-rechner")
"""The tools, by the name used in the page marker and in the HTML."""

Json = dict[str, Any]

_MARKER = re.compile(r'<div data-werkzeug="(?P<name>[a-z-]+)"></div>')
_RULE_ID = re.compile(r"\b[MKCFA]\d[ab]?\b")
_RULE_HEADING = re.compile(
    r"^#{2,6} (?P<id>[MKCFA]\d[ab]?) (?P<title>.+?) \{#(?P<anchor>[a-z0-9-]+)\}[ \t]*$", re.M
)
_EXPLAINED_IN = re.compile(r"\*\*Erklärt in:\*\*(?P<text>.*?)(?:\n- |\n\n|\Z)", re.S)
_GLOSSARY_LINK = re.compile(r"\[(?P<title>[^\]]+)\]\(\.\./(?P<file_path>glossar/[a-z0-9-]+\.md)\)")
_PLACEHOLDER = re.compile(r"\$([a-z_]+)")
_LINE_PLACEHOLDER = re.compile(r"^(?P<indent>[ ]*)\$(?P<name>[a-z_]+)$")


def _check(condition: bool, message: str) -> None:
    """Stop the build with `message` unless `condition` holds (also under ``python -O``)."""
    if not condition:
        raise PluginError(f"werkzeuge: {message}")


# -- code templates ------------------------------------------------------------------------------


def fill_template(
    template: str,
    code: Mapping[str, str | Sequence[str]],
    output: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Fill a code template; docs/assets/javascripts/werkzeuge.js has the same function.

    A line that is only ``$name`` (after indentation) becomes one line per entry of a list:
    ``output[name]`` as ``#>`` output lines, or ``code[name]`` as code lines; an empty list
    removes the line. Any other ``$name`` is replaced by the string ``code[name]``.
    """
    output = output or {}
    lines: list[str] = []
    for line in template.split("\n"):
        whole = _LINE_PLACEHOLDER.match(line)
        items = code.get(whole["name"]) if whole else None
        if whole and whole["name"] in output:
            lines += [f"{whole['indent']}#> {text}".rstrip() for text in output[whole["name"]]]
            continue
        if whole and items is not None and not isinstance(items, str):
            lines += [f"{whole['indent']}{text}" for text in items]
            continue

        def replace(hit: re.Match[str]) -> str:
            value = code.get(hit[1])
            return value if isinstance(value, str) else hit[0]

        lines.append(_PLACEHOLDER.sub(replace, line))
    return "\n".join(lines)


def run_filled(code: str, outputs: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Run filled code whose output placeholders (`outputs`) are still in it, line for line.

    The code is cut at each output placeholder line; each piece runs in the same namespace, and
    what it prints becomes that placeholder's output. Returns the outputs and the namespace.
    """
    namespace: dict[str, Any] = {"__name__": "werkzeug"}
    printed: dict[str, list[str]] = {}
    chunk: list[str] = []
    for line in [*code.split("\n"), "$__end"]:
        whole = _LINE_PLACEHOLDER.match(line)
        if whole is None or whole["name"] not in (*outputs, "__end"):
            chunk.append(line)
            continue
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(compile("\n".join(chunk), "<werkzeug>", "exec"), namespace)
        printed[whole["name"]] = buffer.getvalue().splitlines()
        chunk = ["" for _ in chunk]  # keep line numbers in tracebacks right
    _check(printed.pop("__end") == [], "Ausgabe nach dem letzten Platzhalter")
    return printed, namespace


def _py_text(text: str) -> str:
    """A Python string literal in double quotes (the style of the site's examples)."""
    return json.dumps(text, ensure_ascii=False)


def _py_date(day: date) -> str:
    return f"date({day.year}, {day.month}, {day.day})"


def _py_arguments(values: Mapping[str, object]) -> str:
    """``, premium=True, inmail_credits=1`` for keyword arguments (empty for none)."""
    return "".join(f", {name}={value!r}" for name, value in values.items())


# -- rules and where they are explained ----------------------------------------------------------


def rule_index(rules_md: str, errors_md: str) -> Json:
    """Rule ID → title, link to its section on the rules page, and its glossary page.

    Read from docs/referenz/regeln.md: every heading ``### K2 Title {#k2}`` and the first glossary
    link of its "Erklärt in" line. Error codes → link to their section on the error page.
    """
    headings = list(_RULE_HEADING.finditer(rules_md))
    _check(len(headings) > 20, f"{RULES_PAGE}: zu wenige Regelüberschriften gefunden")
    rules: Json = {}
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(rules_md)
        section = rules_md[heading.end() : end]
        entry: Json = {
            "title": heading["title"],
            "href": f"{RULES_PAGE}#{heading['anchor']}",
        }
        explained = _EXPLAINED_IN.search(section)
        glossary = _GLOSSARY_LINK.search(explained["text"]) if explained else None
        if glossary:
            entry["glossary"] = {"title": glossary["title"], "href": glossary["file_path"]}
        rules[heading["id"]] = entry
    anchor = set(re.findall(r"\{#([a-z0-9-]+)\}", errors_md))
    return {"rules": rules, "error_anchors": sorted(anchor)}


def rule_ids(text: str) -> list[str]:
    """The rule IDs a German library message cites, in order, without repeats."""
    return list(dict.fromkeys(_RULE_ID.findall(text)))


# -- Kanal-Finder --------------------------------------------------------------------------------

SEND_DAY = date(2014, 3, 1)
"""The day the Kanal-Finder sends on; the channel rules do not depend on it."""

BUTTON_RULE = "K7"
"""The rule that explains which one button a profile shows (precedence K1 > K4 > K5, else K6)."""


@dataclass(frozen=True)
class Choice:
    """One choice of a form input: its value, German label and its part of the code."""

    value: str
    label: str
    code: Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class Field:
    """A radio group (a fieldset of its own) or a checkbox (`values` = on, off)."""

    name: str
    kind: Literal["radio", "checkbox"]
    label: str
    values: tuple[Choice, ...]
    start: str

    def value(self, name: str) -> Choice:
        """The choice with this value."""
        return next(value for value in self.values if value.value == name)


def _sender(value: str, label: str, **member: object) -> Choice:
    return Choice(value, label, {"sender": _py_arguments(member)})


def _group(moderators_code: str, members_code: str) -> str:
    return (
        f"net.add_group({_py_text(EXAMPLE_GROUP)}, moderators=[{moderators_code}], "
        f"members=[{members_code}])"
    )


CHANNEL_INPUTS = (
    Field(
        "absender",
        "radio",
        "Dein Konto (A)",
        (
            _sender("basis", "Basis"),
            _sender("premium-leer", "Premium, 0 InMail-Guthaben", premium=True),
            _sender("premium", "Premium mit InMail-Guthaben", premium=True, inmail_credits=1),
        ),
        start="premium",
    ),
    Field(
        "beziehung",
        "radio",
        "Wie stehst du zu B?",
        (
            Choice("kontakt", "B ist dein Kontakt", {"relation": ("net.connect(a, b)",)}),
            Choice(
                "gruppe",
                "Ihr seid in derselben Gruppe",
                {"relation": (_group("", "a, b"),)},
            ),
            Choice(
                "moderator",
                "B moderiert eine Gruppe, in der du Mitglied bist",
                {"relation": (_group("b", "a"),)},
            ),
            Choice(
                "diskussion",
                "B hat in einer Diskussion deiner Gruppe geschrieben",
                {
                    "relation": (
                        f"gruppe = {_group('', 'a, b')}",
                        "net.start_discussion(gruppe, author=b, "
                        f"title={_py_text(EXAMPLE_DISCUSSION)})",
                    )
                },
            ),
            Choice("unbekannt", "Ihr kennt euch nicht", {"relation": ()}),
        ),
        start="unbekannt",
    ),
    Field(
        "openlink",
        "checkbox",
        "B hat OpenLink eingeschaltet (dafür braucht B Premium)",
        (
            Choice("an", "an", {"recipient": _py_arguments({"premium": True, "openlink": True})}),
            Choice("aus", "aus", {"recipient": ""}),
        ),
        start="aus",
    ),
    Field(
        "inmails",
        "checkbox",
        "B nimmt InMails an (Kontakteinstellung)",
        (
            Choice("an", "ja", {"recipient": ""}),
            Choice("aus", "nein", {"recipient": _py_arguments({"accepts_inmail": False})}),
        ),
        start="an",
    ),
)
"""The Kanal-Finder's inputs, in the order of the form and of a combination's key."""

CHANNEL_FIELDSETS = (
    (None, ("absender",)),
    (None, ("beziehung",)),
    ("Einstellungen von B", ("openlink", "inmails")),
)
"""Fieldsets of the form: legend (``None``: the radio group's label) and the inputs inside."""

CHANNEL_TEMPLATE = """\
from datetime import date

from inmail_explained import InMailError, Member, Network


def netz():
    \"\"\"Baut das Netzwerk deiner Auswahl, bei jedem Aufruf neu.\"\"\"
    net = Network()
    a = net.add(Member(name="A"$sender))
    b = net.add(Member(name="B"$recipient))
    $relation
    return net, a, b


net, a, b = netz()
print(net.profile_button(a, b))
$button
for option in net.options(a, b):
    print(option)
$ways

# Senden ohne via (der erste Weg), dann über jeden Weg, jedes Mal in einem frischen Netzwerk
for via in [None, *(option.channel for option in net.options(a, b))]:
    net, a, b = netz()
    wie = "ohne via" if via is None else f"via=Channel.{via.name}"
    try:
        mail = net.send(a, b, on=$send_day, via=via)
    except InMailError as error:
        print(f"{wie}: {error.code}")
    else:
        print(f"{wie}: {mail.channel.rule}, Kosten {mail.cost}")
        assert net.credits(a, on=mail.sent_on) == a.inmail_credits - mail.cost, "C2, C3"
$send"""
"""The Kanal-Finder's code; ``$send_day`` is filled here, the rest from the reader's choice."""

CHANNEL_OUTPUTS = ("button", "ways", "send")


def channel_key(selection: Sequence[str]) -> str:
    """The key of a combination: the chosen values in the order of `CHANNEL_INPUTS`."""
    return "|".join(selection)


def channel_code(selection: Sequence[str]) -> dict[str, str | list[str]]:
    """The code placeholders for a combination: every chosen value adds its part, in order."""
    code: dict[str, str | list[str]] = {}
    for field, name in zip(CHANNEL_INPUTS, selection, strict=True):
        for placeholder, part in field.value(name).code.items():
            if isinstance(part, str):
                so_far = code.get(placeholder, "")
                code[placeholder] = (so_far if isinstance(so_far, str) else "") + part
            else:
                so_far_list = code.get(placeholder, [])
                code[placeholder] = [*(so_far_list if isinstance(so_far_list, list) else []), *part]
    return code


def channel_template() -> str:
    """The template with the fixed placeholders filled in."""
    return fill_template(CHANNEL_TEMPLATE, {"send_day": _py_date(SEND_DAY)})


NetworkBuilder = Callable[[], tuple[Network, Member, Member]]


def _attempt(build_network: NetworkBuilder, via: Channel | None, errors_by_code: Json) -> Json:
    """Send from A to B in a fresh network, by default or through `via`; record a refusal."""
    net, a, b = build_network()
    try:
        mail = net.send(a, b, on=SEND_DAY, via=via)
    except InMailError as error:
        known = errors_by_code.setdefault(
            error.code,
            {
                "message": error.message,
                "rules": rule_ids(error.message),
                "href": f"{ERRORS_PAGE}#{error.code}",
            },
        )
        _check(
            known["message"] == error.message,
            f"{error.code}: zwei verschiedene Meldungen ({known['message']!r}, "
            f"{error.message!r}); das Datenformat kennt je Code nur eine",
        )
        return {"error": error.code}
    return {"channel": mail.channel.value, "cost": mail.cost}


def channel_finder_data() -> Json:
    """Every combination of the Kanal-Finder, answered by a real network each.

    Returns:
        ``fields`` (the form), ``channels`` (facts per channel), ``error`` (message and rules
        per error code), ``template`` and ``outputs`` (the code), ``start`` (key of the start
        combination) and ``combinations``: key → ``button`` (label or ``None``), ``ways``
        (per offered channel: ``channel``, ``cost``, ``via_name``, ``text`` = ``str(option)``,
        ``send``), ``standard`` (what ``send`` without ``via`` does), ``rules`` and
        ``output`` (what the code prints, per output placeholder). A send result is
        ``{"kanal", "kosten"}`` or ``{"fehler": code}``.
    """
    template = channel_template()
    error: Json = {}
    combinations: Json = {}
    for selection in product(
        *([value.value for value in field.values] for field in CHANNEL_INPUTS)
    ):
        code = fill_template(template, channel_code(selection))
        output, namespace = run_filled(code, CHANNEL_OUTPUTS)
        build_network: NetworkBuilder = namespace["netz"]
        net, a, b = build_network()
        offered = net.options(a, b)
        ways: list[Json] = [
            {
                "channel": option.channel.value,
                "cost": option.cost,
                "via_name": option.via,
                "text": str(option),
                "send": _attempt(build_network, option.channel, error),
            }
            for option in offered
        ]
        standard = _attempt(build_network, None, error)
        rules = [BUTTON_RULE, *(option.rule for option in offered)]
        for result in [standard, *(way["send"] for way in ways)]:
            if "error" in result:
                rules += error[result["error"]]["rules"]
        combinations[channel_key(selection)] = {
            "button": net.profile_button(a, b),
            "ways": ways,
            "standard": standard,
            "rules": list(dict.fromkeys(rules)),
            "output": output,
        }
    return {
        "fields": [
            {
                "name": field.name,
                "kind": field.kind,
                "label": field.label,
                "start": field.start,
                "values": [
                    {"value": value.value, "label": value.label, "code": value.code}
                    for value in field.values
                ],
            }
            for field in CHANNEL_INPUTS
        ],
        "channels": {
            channel.value: {
                "rule": channel.rule,
                "title": channel.title,
                "button": channel.label,
                "place": channel.place,
                "cost": channel.cost,
            }
            for channel in Channel
        },
        "error": error,
        "button_rule": BUTTON_RULE,
        "template": template,
        "outputs": list(CHANNEL_OUTPUTS),
        "start": channel_key([field.start for field in CHANNEL_INPUTS]),
        "combinations": combinations,
    }


# -- Guthaben-Rechner ----------------------------------------------------------------------------

DATE_RANGE = (date(2010, 1, 1), date(2016, 12, 31))
"""The send days the form accepts (the site describes 2013 to 2015)."""

CREDIT_START = (date(2014, 3, 1), Reaction.NOT_INTERESTED, 19)
"""The form's start values (send day, reaction, its day): the specification's late decline."""

_NONE = "keine"
"""The form value for "no reaction"."""

CREDIT_TEMPLATE = """\
from datetime import date

from inmail_explained import Reaction, example_network, refund_policy

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on=$sent)
$reaction
regel = refund_policy(mail.sent_on)
print(regel.rule, regel.name)
$rule
gutschrift = net.refund_on(mail)
print(gutschrift)
$refund
if gutschrift is None:
    assert net.credits(anna, on=date.max) == anna.inmail_credits - mail.cost, "bleibt weg"
else:
    assert net.credits(anna, on=gutschrift) == anna.inmail_credits, "ist wieder da"\
"""
"""The Guthaben-Rechner's code; ``$reaction`` is `CREDIT_REACTION` or nothing."""

CREDIT_REACTION = "net.react(mail, Reaction.$name, on=$day)"

CREDIT_TEMPLATE_TOO_EARLY = """\
from datetime import date

from inmail_explained import Reaction, TimeWentBackwards, example_network

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on=$sent)
try:
    net.react(mail, Reaction.$name, on=$day)
except TimeWentBackwards as error:
    print(error.code)
else:
    raise AssertionError("eine Reaktion vor dem Versand gibt es nicht")
$error\
"""
"""The code when the reaction day lies before the send day."""


def credit_case(
    sent: date, reaction: Reaction | None, day: int = 0
) -> tuple[int | None, bool, str | None]:
    """Send one InMail on `sent`, react `day` days later; read the refund from the ledger.

    A network of just sender and recipient is enough (and fast); the page's code uses the cast.

    Returns:
        The refund's day offset from `sent` (``None``: no refund), whether the reaction was a
        response in time (`RefundPolicy.responded_in_time`), and the ledger's reason text.

    """
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=sent)
    reacted_on = None if reaction is None else sent + timedelta(days=day)
    if reaction is not None and reacted_on is not None:
        net.react(mail, reaction, on=reacted_on)
    refunds = [
        entry
        for entry in net.ledger(anna, on=date.max)
        if entry.message_id == mail.id and entry.change > 0
    ]
    refund_offset = net.refund_on(mail)
    _check(
        [entry.on for entry in refunds] == ([] if refund_offset is None else [refund_offset]),
        f"Kontoauszug und refund_on widersprechen sich ({sent}, {reaction}, {day})",
    )
    in_time = refund_policy(sent).responded_in_time(sent, reaction, reacted_on)
    reason = refunds[0].reason if refunds else None
    return (None if refund_offset is None else (refund_offset - sent).days), in_time, reason


def eras(earliest: date, until: date) -> list[tuple[date, date]]:
    """The spans of send days with the same refund rule, found by asking for every day."""
    spans: list[tuple[date, date]] = []
    start_day, day = earliest, earliest
    while day < until:
        next_day = day + timedelta(days=1)
        if refund_policy(next_day) != refund_policy(day):
            spans.append((start_day, day))
            start_day = next_day
        day = next_day
    spans.append((start_day, until))
    return spans


def _table_for(sent: date, limit: int) -> tuple[Json, set[str]]:
    """Answers for one send day: no reaction, and each reaction on day 0…`limit`."""
    reasons: set[str] = set()

    def case(reaction: Reaction | None, day: int) -> list[Any]:
        refund_offset, in_time, reason = credit_case(sent, reaction, day)
        if reason:
            reasons.add(reason)
        return [refund_offset, in_time]

    table: Json = {
        "no_reaction": case(None, 0),
        "reactions": {
            reaction.value: [case(reaction, day) for day in range(limit + 1)]
            for reaction in Reaction
        },
    }
    return table, reasons


def credit_data() -> Json:
    """The Guthaben-Rechner's lookup table, per era, computed through the network.

    Returns:
        ``change_day`` (`POLICY_CHANGE`), ``date_range``, ``limit`` N, ``reactions`` (label, enum
        name, whether it counts as a response), ``eras`` (per era: first day or ``None``,
        rule, name, window, reason text of the refund, and the answers ``no_reaction`` and
        ``reactions[value][day]`` for tag 0…N as ``[refund offset or None, in time]``; beyond N
        the answer of N holds), ``too_early`` (the error for a reaction before sending, with
        ``{sent}`` and ``{reacted_on}`` in its message), the code templates and ``start``.
    """
    earliest, until = DATE_RANGE
    spans = eras(earliest, until)
    _check(
        [start_day for start_day, _ in spans[1:]] == [POLICY_CHANGE],
        f"erwartet genau einen Regelwechsel am POLICY_CHANGE {POLICY_CHANGE}, gefunden: "
        f"{[str(start_day) for start_day, _ in spans[1:]]}",
    )
    limit = max(refund_policy(start_day).window_days for start_day, _ in spans) + 1
    items: list[Json] = []
    for index, (start_day, end) in enumerate(spans):
        policy = refund_policy(start_day)
        # the send day next to the change is the most telling; the table must hold for any other
        near = end if index == 0 else start_day
        table, reasons = _table_for(near, limit)
        for other in {start_day, end, start_day + (end - start_day) // 2} - {near}:
            _check(
                _table_for(other, limit)[0] == table,
                f"{policy.rule}: die Antwort hängt vom Versandtag ab ({other} ≠ {near})",
            )
        for reaction in Reaction:
            last = table["reactions"][reaction.value][limit]
            for day in (*range(limit + 1, 2 * limit + 2), 365, 3 * 365):
                refund_offset, in_time, _ = credit_case(near, reaction, day)
                _check(
                    [refund_offset, in_time] == last,
                    f"{policy.rule}, {reaction.label}: Tag {day} weicht von Tag {limit} ab; "
                    "die Grenze N ist zu klein",
                )
        _check(len(reasons) <= 1, f"{policy.rule}: mehrere Gutschriftgründe {reasons}")
        items.append(
            {
                "since": None if index == 0 else start_day.isoformat(),
                "until": end.isoformat(),
                "rule": policy.rule,
                "name": policy.name,
                "window": policy.window_days,
                "reason": next(iter(reasons), None),
                **table,
            }
        )
    return {
        "change_day": POLICY_CHANGE.isoformat(),
        "date_range": [earliest.isoformat(), until.isoformat()],
        "limit": limit,
        "reactions": [
            {"value": _NONE, "label": "keine Reaktion", "name": None, "response": False},
            *(
                {
                    "value": reaction.value,
                    "label": f"„{reaction.label}“",
                    "name": reaction.name,
                    "response": is_response(reaction),
                }
                for reaction in Reaction
            ),
        ],
        "eras": items,
        "too_early": _too_early(),
        "template": CREDIT_TEMPLATE,
        "template_reaction": CREDIT_REACTION,
        "template_too_early": CREDIT_TEMPLATE_TOO_EARLY,
        "start": {
            "sent": CREDIT_START[0].isoformat(),
            "reaction": CREDIT_START[1].value,
            "day": CREDIT_START[2],
        },
    }


def _too_early() -> Json:
    """The library's refusal of a reaction dated before its InMail, as a message template."""
    sent, reacted_on = date(2014, 3, 2), date(2014, 3, 1)
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=sent)
    try:
        net.react(mail, Reaction.REPLY, on=reacted_on)
    except TimeWentBackwards as error:
        template = error.message
        for day, name in ((sent, "{sent}"), (reacted_on, "{reacted_on}")):
            text = f"{day:%d.%m.%Y}"
            _check(template.count(text) == 1, f"{text} nicht genau einmal in {template!r}")
            template = template.replace(text, name)
        return {
            "code": error.code,
            "message": template,
            "rules": rule_ids(template),
            "href": f"{ERRORS_PAGE}#{error.code}",
        }
    raise PluginError("werkzeuge: eine Reaktion vor dem Versand wurde angenommen")


def credit_code(sent: date, reaction: str, day: int) -> tuple[str, dict[str, str | list[str]]]:
    """The template and code placeholders for a choice (as werkzeuge.js fills them)."""
    name = None if reaction == _NONE else Reaction(reaction).name
    values: dict[str, str | list[str]] = {
        "sent": _py_date(sent),
        "day": _py_date(sent + timedelta(days=day)),
        "name": name or "",
    }
    if name is not None and day < 0:
        return CREDIT_TEMPLATE_TOO_EARLY, values
    values["reaction"] = [] if name is None else [fill_template(CREDIT_REACTION, values)]
    return CREDIT_TEMPLATE, values


# -- Sterne-Rechner ------------------------------------------------------------------------------

STAR_START = (
    Reaction.SPAM,
    Reaction.NOT_INTERESTED,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.SPAM,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.NOT_INTERESTED,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.SPAM,
)
"""The sequence the Sterne-Rechner starts with: two old negatives have left the window."""

STAR_ACTIONS = (
    ("zurueck", "Letzte entfernen"),
    ("leeren", "Alle entfernen"),
    ("start", "Beispiel laden"),
)
"""The Sterne-Rechner's buttons besides the reactions: value of ``data-aktion`` and label."""

STAR_TEMPLATE = """\
from inmail_explained import Reaction, is_negative, rating_window, stars_for

bewertungen = [
    $ratings
]
fenster = rating_window(bewertungen)
negativ = [bewertung for bewertung in fenster if is_negative(bewertung)]
print(len(fenster), len(negativ))
$window
print(stars_for(bewertungen))
$stars\
"""


def star_data() -> Json:
    """Window size, negative reactions and stars per number of negatives in the window (F1-F3).

    The hook checks on every sequence up to 6 ratings and on 400 random longer ones that the
    stars are the table's entry for the negatives among the last `FEEDBACK_WINDOW` ratings.
    """
    window = FEEDBACK_WINDOW
    reactions = list(Reaction)
    negative = [reaction for reaction in reactions if is_negative(reaction)]
    positive = [reaction for reaction in reactions if not is_negative(reaction)]
    _check(bool(negative) and bool(positive), "es braucht negative und positive Reaktionen")
    stars = [
        stars_for(negative[:1] * count + positive[:1] * (window - count))
        for count in range(window + 1)
    ]
    _check(stars_for([]) == stars[0] == MAX_STARS, "ohne Bewertung gibt es nicht alle Sterne")
    rng = random.Random(20150101)
    sequences: list[Sequence[Reaction]] = [
        sequence for length in range(7) for sequence in product(reactions, repeat=length)
    ]
    sequences += [rng.choices(reactions, k=rng.randrange(window + 15)) for _ in range(400)]
    for sequence in sequences:
        counted = sequence[-window:]
        _check(list(rating_window(sequence)) == list(counted), f"Fenster von {sequence}")
        count = sum(1 for reaction in counted if is_negative(reaction))
        _check(stars_for(sequence) == stars[count], f"Sterne für {sequence}")
    return {
        "window": window,
        "max": MAX_STARS,
        "stars": stars,
        "reactions": [
            {
                "value": reaction.value,
                "label": reaction.label,
                "name": reaction.name,
                "negative": is_negative(reaction),
            }
            for reaction in reactions
        ],
        "start": [reaction.value for reaction in STAR_START],
        "template": STAR_TEMPLATE,
    }


def star_code(sequence: Iterable[str]) -> dict[str, str | list[str]]:
    """The code placeholders for a sequence of reaction values."""
    return {"ratings": [f"Reaction.{Reaction(value).name}," for value in sequence]}


# -- HTML ----------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json_html(data: Json) -> str:
    """The data as text for a ``<template>``: JSON with ``&``, ``<`` and ``>`` escaped."""
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=False)


def _rule_link(rule: str, rules: Json) -> str:
    entry = rules[rule]
    return f'<a href="{_e(entry["href"])}" title="{_e(rule)} {_e(entry["title"])}">{rule}</a>'


def _tool_frame(name: str, form: str, data: Json, table: str) -> str:
    """The tool: a note for readers without JavaScript, the hidden form, data, static table."""
    return (
        f'<div class="werkzeug-rahmen" data-werkzeug-rahmen="{name}">\n'
        f'<p class="werkzeug-ohne-js" data-werkzeug-ohne-js>Dieses Werkzeug braucht '
        f"JavaScript. Alle seine Antworten stehen auch in der Tabelle darunter.</p>\n"
        f'<div class="werkzeug" data-werkzeug-app="{name}" hidden>\n'
        f'<form class="werkzeug-eingaben" autocomplete="off" data-werkzeug-form>\n{form}'
        f"</form>\n"
        f'<div class="werkzeug-ausgabe">\n'
        f'<p class="werkzeug-ansage" role="status" aria-live="polite" aria-atomic="true" '
        f"data-werkzeug-ansage></p>\n"
        f"<div data-werkzeug-ergebnis></div>\n</div>\n"
        f"<template data-werkzeug-daten data-search-exclude>{_json_html(data)}</template>\n"
        f"</div>\n{table}</div>\n"
    )


def _radio(group: str, name: str, value: str, label: str, chosen: bool) -> str:
    element_id = f"{group}-{name}-{value}"
    return (
        f'<div class="werkzeug-wahl"><input type="radio" id="{element_id}" name="{name}" '
        f'value="{_e(value)}"{" checked" if chosen else ""}> '
        f'<label for="{element_id}">{label}</label></div>\n'
    )


def channel_finder_html(data: Json, rules: Json) -> str:
    """Form, data and the table of every combination for the Kanal-Finder."""
    fields = {field.name: field for field in CHANNEL_INPUTS}
    form = ""
    for legend, names in CHANNEL_FIELDSETS:
        form += f"<fieldset>\n<legend>{_e(legend or fields[names[0]].label)}</legend>\n"
        for name in names:
            field = fields[name]
            if field.kind == "radio":
                for value in field.values:
                    form += _radio(
                        "kf", name, value.value, _e(value.label), value.value == field.start
                    )
            else:
                on_choice = field.values[0]
                form += (
                    f'<div class="werkzeug-wahl"><input type="checkbox" id="kf-{name}" '
                    f'name="{name}" value="{_e(on_choice.value)}"'
                    f"{' checked' if field.start == on_choice.value else ''}> "
                    f'<label for="kf-{name}">{_e(field.label)}</label></div>\n'
                )
        form += "</fieldset>\n"
    channels, error = data["channels"], data["error"]

    def result(send: Json) -> str:
        if "error" in send:
            return (
                f'klappt nicht: <a href="{_e(error[send["error"]]["href"])}">'
                f"<code>{_e(send['error'])}</code></a>"
            )
        cost = "kostenlos" if send["cost"] == 0 else f"{send['cost']} Guthaben"
        return f"klappt: {_rule_link(channels[send['channel']]['rule'], rules)}, {cost}"

    lines: dict[str, list[str]] = {}
    for key, combo in data["combinations"].items():
        selection = key.split("|")
        sender = fields["absender"].value(selection[0]).label
        cells = [
            fields[e.name].value(w).label for e, w in zip(CHANNEL_INPUTS, selection, strict=True)
        ][1:]
        button = f"„{_e(combo['button'])}“" if combo["button"] else "kein Knopf"
        ways = (
            "<br>".join(
                f"{_rule_link(channels[way['channel']]['rule'], rules)} "
                f"{_e(channels[way['channel']]['title'])}: {result(way['send'])}"
                for way in combo["ways"]
            )
            or "keiner"
        )
        lines.setdefault(sender, []).append(
            "<tr>"
            + "".join(f"<td>{_e(cell)}</td>" for cell in cells)
            + f"<td>{button}</td><td>{ways}</td><td>{result(combo['standard'])}</td></tr>"
        )
    headings = (
        "Beziehung",
        "OpenLink",
        "nimmt InMails an",
        "Knopf auf dem Profil",
        "Wege (K1 bis K5) und Senden darüber",
        "Senden ohne Wahl des Weges",
    )
    tables = "".join(
        f"<table data-werkzeug-tabelle>\n<caption>Dein Konto: {_e(sender)}</caption>\n"
        "<thead><tr>"
        + "".join(f'<th scope="col">{heading}</th>' for heading in headings)
        + "</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n"
        for sender, rows in lines.items()
    )
    count = len(data["combinations"])
    table = (
        f'<details class="werkzeug-tabelle" open data-search-exclude data-werkzeug-alle>\n'
        f"<summary>Alle {count} Kombinationen als Tabelle</summary>\n"
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n{tables}'
        "</div></div>\n</details>\n"
    )
    return _tool_frame("kanal-finder", form, channel_page_data(data), table)


def channel_page_data(data: Json) -> Json:
    """The Kanal-Finder's data as its page carries it: what werkzeuge.js reads, each text once.

    `channel_finder_data` holds more than the script needs (labels, ``text`` of each way, the
    rules of the other tools), and what the code prints repeats across the 60 combinations. The
    page gets ``texts``, every distinct printed line once, and each combination's ``output``
    refers to its lines by their index there; the labels, each way's ``text`` and the rules no
    answer cites are left out. The static table is written from the full data.
    """
    texts: dict[str, int] = {}
    combinations: Json = {}
    cited = {data["button_rule"], *(channel["rule"] for channel in data["channels"].values())}
    cited |= {rule for entry in data["error"].values() for rule in entry["rules"]}
    for key, combo in data["combinations"].items():
        cited |= set(combo["rules"])
        combinations[key] = {
            **combo,
            "ways": [
                {name: value for name, value in way.items() if name != "text"}
                for way in combo["ways"]
            ],
            "output": {
                placeholder: [texts.setdefault(line, len(texts)) for line in lines]
                for placeholder, lines in combo["output"].items()
            },
        }
    return {
        "fields": [
            {
                "name": field["name"],
                "kind": field["kind"],
                "values": [{"value": w["value"], "code": w["code"]} for w in field["values"]],
            }
            for field in data["fields"]
        ],
        **{name: data[name] for name in ("channels", "error", "button_rule", "template")},
        "rules": {rule: data["rules"][rule] for rule in sorted(cited)},
        "texts": list(texts),
        "combinations": combinations,
    }


def _spans(values: Sequence[list[Any]]) -> list[tuple[int, int | None, Any, bool]]:
    """Group day offsets 0…N with the same answer into rows of the static table.

    Returns (first day, last day or ``None`` for "and every later day", answer, in time), where
    the answer is a fixed refund offset, ``None`` (no refund) or `ON_REACTION_DAY`.
    """
    groups: list[tuple[int, int | None, Any, bool]] = []
    for day, (refund_offset, in_time) in enumerate(values):
        if groups:
            first, _, kind, timely = groups[-1]
            fits = refund_offset == day if kind == ON_REACTION_DAY else refund_offset == kind
            if fits and timely == in_time:
                groups[-1] = (first, day, kind, timely)
                continue
        next_offset = values[day + 1][0] if day + 1 < len(values) else None
        on_the_day = refund_offset == day and next_offset == day + 1
        groups.append((day, day, ON_REACTION_DAY if on_the_day else refund_offset, in_time))
    first, _, kind, timely = groups[-1]
    groups[-1] = (first, None, kind, timely)
    return groups


ON_REACTION_DAY = "am Tag der Reaktion"

_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def date_de(day: date) -> str:
    """A date as the site writes it in prose: "1. Januar 2015"."""
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def _refund_text(kind: Any) -> str:
    if kind == ON_REACTION_DAY:
        return f"ja, {ON_REACTION_DAY}"
    if kind is None:
        return "nein"
    return f"ja, am Tag {kind} nach dem Versand"


def credit_calculator_html(data: Json, rules: Json) -> str:
    """Form, data and the refund table per era for the Guthaben-Rechner."""
    earliest, until = data["date_range"]
    start = data["start"]
    form = (
        "<fieldset>\n<legend>Versand der InMail</legend>\n"
        '<div class="werkzeug-feld"><label for="gr-versand">Versanddatum</label> '
        f'<input type="date" id="gr-versand" name="versand" min="{earliest}" max="{until}" '
        f'value="{start["sent"]}" required></div>\n</fieldset>\n'
        "<fieldset>\n<legend>Reaktion von Erik</legend>\n"
    )
    for reaction in data["reactions"]:
        form += _radio(
            "gr",
            "reaktion",
            reaction["value"],
            _e(reaction["label"]),
            reaction["value"] == start["reaction"],
        )
    form += (
        '<div class="werkzeug-feld"><label for="gr-tag">Reaktion am Tag … nach dem Versand '
        '(0 = am selben Tag)</label> <input type="number" id="gr-tag" name="tag" min="0" '
        f'max="9999" step="1" inputmode="numeric" value="{start["day"]}" required> '
        '<output for="gr-versand gr-tag" data-werkzeug-reaktionstag></output></div>\n'
        "</fieldset>\n"
    )
    labels = {reaction["value"]: reaction for reaction in data["reactions"]}
    tables = ""
    for era in data["eras"]:
        date_range = (
            f"Versand bis {date_de(date.fromisoformat(era['until']))}"
            if era["since"] is None
            else f"Versand ab {date_de(date.fromisoformat(era['since']))}"
        )
        rows = [
            "<tr><td>keine Reaktion</td><td>–</td><td>nein</td><td>nein</td>"
            f"<td>{_refund_text(era['no_reaction'][0])}</td></tr>"
        ]
        for value, values in era["reactions"].items():
            for first, last_one, kind, in_time in _spans(values):
                if last_one is None:
                    days = f"ab Tag {first}"
                elif last_one == first:
                    days = f"Tag {first}"
                else:
                    days = f"Tag {first} bis {last_one}"
                rows.append(
                    f"<tr><td>{_e(labels[value]['label'])}</td><td>{days}</td>"
                    f"<td>{'ja' if labels[value]['response'] else 'nein'}</td>"
                    f"<td>{'ja' if in_time else 'nein'}</td>"
                    f"<td>{_refund_text(kind)}</td></tr>"
                )
        tables += (
            "<table data-werkzeug-tabelle>\n"
            f"<caption>{_rule_link(era['rule'], rules)} {_e(era['name'])}: "
            f"{date_range}, Antwortfenster {era['window']} Tage</caption>\n<thead><tr>"
            '<th scope="col">Reaktion</th><th scope="col">Reaktionstag nach dem Versand</th>'
            '<th scope="col">zählt als Antwort</th><th scope="col">rechtzeitig</th>'
            '<th scope="col">Guthaben kommt zurück</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n"
        )
    table = (
        '<div class="werkzeug-tabelle" data-search-exclude>\n'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n'
        f"{tables}</div></div>\n</div>\n"
    )
    return _tool_frame("guthaben-rechner", form, data, table)


def star_calculator_html(data: Json, rules: Json) -> str:
    """Buttons, data and the table negatives → stars for the Sterne-Rechner."""
    buttons = "".join(
        f'<button type="button" class="werkzeug-knopf" data-reaktion="{_e(r["value"])}">'
        f'„{_e(r["label"])}“ <span class="werkzeug-art">'
        f"({'negativ' if r['negative'] else 'positiv'})</span></button>\n"
        for r in data["reactions"]
    )
    form = (
        f"<fieldset>\n<legend>Reaktion anhängen (die neueste kommt ans Ende)</legend>\n"
        f'<div class="werkzeug-knoepfe">\n{buttons}</div>\n</fieldset>\n'
        '<div class="werkzeug-knoepfe">\n'
        + "".join(
            f'<button type="button" class="werkzeug-knopf" data-aktion="{action}">'
            f"{label}</button>\n"
            for action, label in STAR_ACTIONS
        )
        + "</div>\n"
    )
    negative_labels = " und ".join(f"„{r['label']}“" for r in data["reactions"] if r["negative"])
    counts = "".join(f"<td>{count}</td>" for count in range(len(data["stars"])))
    stars = "".join(f"<td>{stars}</td>" for stars in data["stars"])
    table = (
        '<div class="werkzeug-tabelle" data-search-exclude>\n'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n'
        "<table data-werkzeug-tabelle>\n"
        f"<caption>Sterne nach der Zahl negativer Bewertungen ({_e(negative_labels)}) unter den "
        f"letzten {data['window']} ({_rule_link('F2', rules)}, "
        f"{_rule_link('F3', rules)})</caption>\n<tbody>\n"
        f'<tr><th scope="row">negative Bewertungen im Fenster</th>{counts}</tr>\n'
        f'<tr><th scope="row">Sterne (von {data["max"]})</th>{stars}</tr>\n'
        "</tbody>\n</table>\n</div></div>\n</div>\n"
    )
    return _tool_frame("sterne-rechner", form, data, table)


# -- building the site ---------------------------------------------------------------------------


@cache
def _all_data(rules_md: str, errors_md: str) -> tuple[Json, Json]:
    """Rules and the data of every tool; computed once per process for the same rule pages."""
    index = rule_index(rules_md, errors_md)
    data = {
        "kanal-finder": channel_finder_data(),
        "guthaben-rechner": credit_data(),
        "sterne-rechner": star_data(),
    }
    rules = index["rules"]
    cited = {"F2", "F3", BUTTON_RULE}
    cited |= {
        rule for combo in data["kanal-finder"]["combinations"].values() for rule in combo["rules"]
    }
    cited |= {era["rule"] for era in data["guthaben-rechner"]["eras"]}
    cited |= set(data["guthaben-rechner"]["too_early"]["rules"])
    cited |= {channel["rule"] for channel in data["kanal-finder"]["channels"].values()}
    _check(cited <= set(rules), f"Regeln fehlen in {RULES_PAGE}: {cited - set(rules)}")
    codes = {*data["kanal-finder"]["error"], data["guthaben-rechner"]["too_early"]["code"]}
    missing = codes - set(index["error_anchors"])
    _check(not missing, f"Fehlercodes ohne Abschnitt in {ERRORS_PAGE}: {missing}")
    used = {rule: rules[rule] for rule in sorted(cited)}
    for name in data:
        data[name]["rules"] = used
    return data, rules


def tool_data(docs_dir: Path = DOCS_DIR) -> dict[str, Json]:
    """The data of every tool, with links as paths of source files (``referenz/regeln.md#k1``)."""
    return _all_data(*_rule_pages(docs_dir))[0]


def _rule_pages(docs_dir: Path) -> tuple[str, str]:
    return (
        (docs_dir / RULES_PAGE).read_text("utf-8"),
        (docs_dir / ERRORS_PAGE).read_text("utf-8"),
    )


_HTML = {
    "kanal-finder": channel_finder_html,
    "guthaben-rechner": credit_calculator_html,
    "sterne-rechner": star_calculator_html,
}


def _relative_links(data: Any, resolve: Callable[[str], str]) -> Any:
    """A copy of the data with every ``href`` turned into a URL relative to the page."""
    if isinstance(data, dict):
        return {
            key: resolve(value) if key == "href" else _relative_links(value, resolve)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_relative_links(value, resolve) for value in data]
    return data


SCRIPT = "assets/javascripts/werkzeuge.js"
STYLE = "assets/stylesheets/werkzeuge.css"
"""The tools' script and style sheet; only pages with a tool load them (`on_page_content`)."""

_STYLE_LINKS: dict[str, str] = {}
"""Page → relative address of `STYLE`, from `on_page_content` for `on_post_page`."""


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each tool marker with the tool, its data, its static table and its script.

    Only pages with a tool load werkzeuge.js and werkzeuge.css. Material's instant navigation
    keeps that working: it runs a ``<script src>`` of the new page's content and adds the new
    page's ``<link>`` elements to ``<head>`` (and removes the old page's).
    """
    _STYLE_LINKS.pop(page.file.src_uri, None)
    found = _MARKER.findall(html_text)
    if not found:
        return html_text
    unknown = set(found) - set(TOOLS)
    _check(not unknown, f"{page.file.src_uri}: unbekanntes Werkzeug {unknown}")
    _check(len(found) == len(set(found)), f"{page.file.src_uri}: Werkzeug doppelt")
    data, _ = _all_data(*_rule_pages(Path(config.docs_dir)))

    def resolve(href: str) -> str:
        path, _, anchor = href.partition("#")
        destination = files.get_file_from_path(path)
        _check(destination is not None, f"Linkziel {path} fehlt")
        assert destination is not None
        return destination.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

    def replace(hit: re.Match[str]) -> str:
        name = hit["name"]
        page_data = _relative_links(data[name], resolve)
        return _HTML[name](page_data, page_data["rules"])

    _STYLE_LINKS[page.file.src_uri] = resolve(STYLE)
    script = f'<script src="{_e(resolve(SCRIPT))}" defer></script>\n'
    return _MARKER.sub(replace, html_text) + script


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Link the tools' style sheet in ``<head>`` of the pages that show a tool."""
    style = _STYLE_LINKS.get(page.file.src_uri)
    if style is None:
        return output
    link = f'<link rel="stylesheet" href="{_e(style)}">\n'
    _check("</head>" in output, f"{page.file.src_uri}: kein </head>")
    return output.replace("</head>", f"{link}</head>", 1)
