"""MkDocs hook: the three tools under docs/werkzeuge/ show the library's decision tables.

A page marks the place of a tool with ``<div data-werkzeug="kanal-finder"></div>``. This hook
asks `inmail_explained.tables` for the tool's rows, turns them into the JSON data the tool's
script reads, and renders overrides/partials/werkzeuge/<tool>.html (Jinja, autoescaped) in the
marker's place: the form, the result area, the data in a ``<template>`` (not a ``<script>``:
Material's instant navigation re-runs inline scripts) and the no-JS table. No rule and no HTML
lives here, and nothing is checked at build time that tests/test_tables.py can prove.

The Python code each tool shows for the reader's choice is written out here per case (the
Guthaben-Rechner's with slots for its dates, see `SLOT`); the pages' own ```python examples are
these codes for the start values (tests/test_werkzeuge_data.py).

Rule titles and anchors come from the rules page's table of contents, and the glossary page of
each rule from its rendered "Erklärt in" line, so both are read after every page is rendered
(`on_page_context`), not scraped from its Markdown.
"""

from __future__ import annotations

import json
import posixpath
import re
from datetime import date
from typing import Any

import jinja2
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from inmail_explained import (
    CASE_SEND_DAY,
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    FEEDBACK_WINDOW,
    MAX_STARS,
    Channel,
    ChannelCase,
    Member,
    Network,
    Reaction,
    RefundKind,
    Refused,
    Relation,
    SendOutcome,
    TimeWentBackwards,
    channel_cases,
    is_negative,
    is_response,
    refund_eras,
    refund_table,
    star_table,
)

TOOLS = ("kanal-finder", "guthaben-rechner", "sterne-rechner")
RULES_PAGE, ERRORS_PAGE = "referenz/regeln.md", "referenz/fehler.md"
BUTTON_RULE = "K7"
"""The rule that explains the one button on a profile (K1 > K4 > K5, else none)."""
STAR_RULES = ("F2", "F3")

DATE_RANGE = (date(2010, 1, 1), date(2016, 12, 31))
"""The send days the Guthaben-Rechner accepts (the site describes 2013 to 2015)."""
CREDIT_START = (date(2014, 3, 1), Reaction.NOT_INTERESTED, 19)
"""The Guthaben-Rechner's start: the specification's late decline (send day, reaction, day)."""
STAR_START = (*(Reaction.SPAM, Reaction.NOT_INTERESTED), *[Reaction.REPLY] * 3, Reaction.SPAM)
STAR_START += (*[Reaction.REPLY] * 2, Reaction.NOT_INTERESTED, *[Reaction.REPLY] * 2, Reaction.SPAM)
"""The Sterne-Rechner's start: 12 ratings, two old negatives already out of the window."""

SLOT = "\x00"
"""Marks a slot in code: ``f"{SLOT}sent{SLOT}"``. Code with slots travels as alternating
literal text and slot names (``"…".split(SLOT)``); the script fills the names, e.g. dates."""

_MARKER = re.compile(r'<div data-werkzeug="(?P<name>[a-z-]+)"></div>')
_RULE_ID = re.compile(r"\b[MKCFA]\d[ab]?\b")


def slot(name: str) -> str:
    """A slot named `name` in a code text (see `SLOT`)."""
    return f"{SLOT}{name}{SLOT}"


def rule_ids(text: str) -> list[str]:
    """The rule IDs a German library message cites, in order, without repeats."""
    return list(dict.fromkeys(_RULE_ID.findall(text)))


def _py(value: object) -> str:
    """A Python literal as the site's examples write it (double quotes, ``date(2014, 3, 1)``)."""
    if isinstance(value, date):
        return f"date({value.year}, {value.month}, {value.day})"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _arguments(member: Member) -> str:
    """``, premium=True, inmail_credits=1``: a member's arguments besides the defaults."""
    changed = member.model_dump(exclude_defaults=True, exclude={"name"})
    return "".join(f", {name}={_py(value)}" for name, value in changed.items())


# -- the code each tool shows --------------------------------------------------------------------


def _send_line(how: str, outcome: SendOutcome) -> str:
    if isinstance(outcome, Refused):
        return f"#> {how}: {outcome.code}"
    return f"#> {how}: {outcome.channel.rule}, Kosten {outcome.cost}"


def channel_code(case: ChannelCase) -> str:
    """The Kanal-Finder's code for a case; its ``#>`` lines are the case's answers."""
    group = f"net.add_group({_py(EXAMPLE_GROUP)}, moderators=[%s], members=[%s])"
    relation = {
        Relation.CONNECTION: ["net.connect(a, b)"],
        Relation.SAME_GROUP: [group % ("", "a, b")],
        Relation.MODERATOR: [group % ("b", "a")],
        Relation.DISCUSSION: [
            "gruppe = " + group % ("", "a, b"),
            f"net.start_discussion(gruppe, author=b, title={_py(EXAMPLE_DISCUSSION)})",
        ],
        Relation.STRANGER: [],
    }[case.relation]
    recipient = Member(
        name="B", premium=case.openlink, openlink=case.openlink, accepts_inmail=case.accepts_inmail
    )
    ways = [f"via=Channel.{way.option.channel.name}" for way in case.ways]
    return "\n".join(
        [
            "from datetime import date",
            "",
            "from inmail_explained import InMailError, Member, Network",
            "",
            "",
            "def netz():",
            '    """Baut das Netzwerk deiner Auswahl, bei jedem Aufruf neu."""',
            "    net = Network()",
            f'    a = net.add(Member(name="A"{_arguments(case.sender.member("A"))}))',
            f'    b = net.add(Member(name="B"{_arguments(recipient)}))',
            *(f"    {line}" for line in relation),
            "    return net, a, b",
            "",
            "",
            "net, a, b = netz()",
            "print(net.profile_button(a, b))",
            f"#> {case.button}",
            "for option in net.options(a, b):",
            "    print(option)",
            *(f"#> {way.option}" for way in case.ways),
            "",
            "# Senden ohne via (der erste Weg), dann über jeden Weg, jedes Mal in einem "
            "frischen Netzwerk",
            "for via in [None, *(option.channel for option in net.options(a, b))]:",
            "    net, a, b = netz()",
            '    wie = "ohne via" if via is None else f"via=Channel.{via.name}"',
            "    try:",
            f"        mail = net.send(a, b, on={_py(CASE_SEND_DAY)}, via=via)",
            "    except InMailError as error:",
            '        print(f"{wie}: {error.code}")',
            "    else:",
            '        print(f"{wie}: {mail.channel.rule}, Kosten {mail.cost}")',
            "        assert net.credits(a, on=mail.sent_on) == a.inmail_credits - mail.cost, "
            '"C2, C3"',
            _send_line("ohne via", case.default),
            *(_send_line(how, way.send) for how, way in zip(ways, case.ways, strict=True)),
        ]
    )


_CREDIT_HEAD = """\
from datetime import date

from inmail_explained import Reaction, {imports}example_network{policy}

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on={sent})
"""


def credit_code(reaction: Reaction | None, rule: str, refund: str, sent: str, day: str) -> str:
    """The Guthaben-Rechner's code: `rule` and `refund` are its output, `sent`, `day` dates."""
    react = [] if reaction is None else [f"net.react(mail, Reaction.{reaction.name}, on={day})"]
    return _CREDIT_HEAD.format(imports="", policy=", refund_policy", sent=sent) + "\n".join(
        [
            *react,
            "regel = refund_policy(mail.sent_on)",
            "print(regel.rule, regel.name)",
            f"#> {rule}",
            "gutschrift = net.refund_on(mail)",
            "print(gutschrift)",
            f"#> {refund}",
            "if gutschrift is None:",
            "    assert net.credits(anna, on=date.max) == anna.inmail_credits - mail.cost, "
            '"bleibt weg"',
            "else:",
            '    assert net.credits(anna, on=gutschrift) == anna.inmail_credits, "ist wieder da"',
        ]
    )


def too_early_code(reaction: Reaction, code: str, sent: str, day: str) -> str:
    """The Guthaben-Rechner's code when the reaction is dated before sending."""
    head = _CREDIT_HEAD.format(imports="TimeWentBackwards, ", policy="", sent=sent)
    return head + "\n".join(
        [
            "try:",
            f"    net.react(mail, Reaction.{reaction.name}, on={day})",
            "except TimeWentBackwards as error:",
            "    print(error.code)",
            "else:",
            '    raise AssertionError("eine Reaktion vor dem Versand gibt es nicht")',
            f"#> {code}",
        ]
    )


def star_code(ratings: str, counted: str, negatives: str, stars: str) -> str:
    """The Sterne-Rechner's code; `ratings` is one ``    Reaction.X,`` line per rating."""
    return "\n".join(
        [
            "from inmail_explained import Reaction, is_negative, rating_window, stars_for",
            "",
            "bewertungen = [",
            f"{ratings}]",
            "fenster = rating_window(bewertungen)",
            "negativ = [bewertung for bewertung in fenster if is_negative(bewertung)]",
            "print(len(fenster), len(negativ))",
            f"#> {counted} {negatives}",
            "print(stars_for(bewertungen))",
            f"#> {stars}",
        ]
    )


def rating_line(reaction: Reaction) -> str:
    """One line of the Sterne-Rechner's list of ratings."""
    return f"    Reaction.{reaction.name},\n"


# -- the data each tool's script reads -----------------------------------------------------------


def case_key(case: ChannelCase) -> str:
    """A Kanal-Finder case's key, as the script builds it from the form."""
    flags = ("true" if flag else "false" for flag in (case.openlink, case.accepts_inmail))
    return "|".join([case.sender.value, case.relation.value, *flags])


def _outcome(outcome: SendOutcome, errors: dict[str, Any]) -> dict[str, Any]:
    if isinstance(outcome, Refused):
        href = f"{ERRORS_PAGE}#{outcome.code}"
        errors[outcome.code] = {"message": outcome.message, "href": href}
        errors[outcome.code]["rules"] = rule_ids(outcome.message)
        return {"error": outcome.code}
    return {"channel": outcome.channel.value, "cost": outcome.cost, "price": outcome.price}


def channel_data() -> dict[str, Any]:
    """The Kanal-Finder's data: per case its answers and its code (as indices of `lines`)."""
    lines: dict[str, int] = {}
    errors: dict[str, Any] = {}
    combinations = {}
    for case in channel_cases():
        ways = [
            {
                "channel": way.option.channel.value,
                "cost": way.option.cost,
                "price": way.option.price,
            }
            | {"via_name": way.option.via, "send": _outcome(way.send, errors)}
            for way in case.ways
        ]
        rules = [BUTTON_RULE, *(way.option.rule for way in case.ways)]
        default = _outcome(case.default, errors)
        for outcome in [default, *(way["send"] for way in ways)]:
            rules += errors[outcome["error"]]["rules"] if "error" in outcome else []
        code = [lines.setdefault(line, len(lines)) for line in channel_code(case).split("\n")]
        combinations[case_key(case)] = {"button": case.button, "ways": ways, "standard": default}
        combinations[case_key(case)] |= {"rules": list(dict.fromkeys(rules)), "code": code}
    channels = {c.value: {"rule": c.rule, "title": c.title, "button": c.label} for c in Channel}
    for channel in Channel:
        channels[channel.value]["place"] = channel.place
    return {"channels": channels, "error": errors, "button_rule": BUTTON_RULE} | {
        "lines": list(lines),
        "combinations": combinations,
    }


def credit_data() -> dict[str, Any]:
    """The Guthaben-Rechner's data: eras, and per era the refund rows with their code."""
    sent, day = slot("sent_code"), slot("reacted_code")
    eras = []
    for era in refund_eras():
        policy, rows = era.policy, []
        for row in refund_table(policy):
            refund = "None" if row.refund is RefundKind.NONE else slot("refund")
            code = credit_code(row.reaction, f"{policy.rule} {policy.name}", refund, sent, day)
            rows.append(
                {"reaction": row.reaction.value if row.reaction else None}
                | row.model_dump(mode="json", exclude={"reaction"})
                | {"code": code.split(SLOT)}
            )
        since = None if era.first_day is None else era.first_day.isoformat()
        last_day = None if era.last_day is None else era.last_day.isoformat()
        eras.append({"since": since, "last_day": last_day, "rule": policy.rule, "rows": rows})
        eras[-1] |= {"name": policy.name}
        eras[-1] |= {"window": policy.window_days, "reason": era.refund_reason}
    reactions = [
        {"value": r.value, "name": r.name, "label": f"„{r.label}“", "response": is_response(r)}
        for r in Reaction
    ]
    return {
        "date_range": [day.isoformat() for day in DATE_RANGE],
        "change_day": eras[1]["since"],
        "reactions": reactions,
        "eras": eras,
        "too_early": _too_early(),
        "start": {"sent": CREDIT_START[0].isoformat(), "reaction": CREDIT_START[1].value}
        | {"day": CREDIT_START[2]},
    }


def _too_early() -> dict[str, Any]:
    """The library's refusal of a reaction dated before its InMail, with slots for its dates."""
    sent_on, reacted_on = date(2014, 3, 2), date(2014, 3, 1)
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    mail = net.send(anna, net.add(Member(name="Erik")), on=sent_on)
    try:
        net.react(mail, Reaction.REPLY, on=reacted_on)
    except TimeWentBackwards as error:
        message = error.message
        for day, name in ((sent_on, "sent_on"), (reacted_on, "reacted_on")):
            message = message.replace(f"{day:%d.%m.%Y}", slot(name))
        code = {
            reaction.value: too_early_code(
                reaction, error.code, slot("sent_code"), slot("reacted_code")
            ).split(SLOT)
            for reaction in Reaction
        }
        return {"code": error.code, "message": message.split(SLOT), "rules": rule_ids(message)} | {
            "href": f"{ERRORS_PAGE}#{error.code}",
            "python": code,
        }
    raise PluginError("werkzeuge: eine Reaktion vor dem Versand wurde angenommen")


def star_data() -> dict[str, Any]:
    """The Sterne-Rechner's data: window, stars per negatives, reactions, code with slots."""
    code = star_code(slot("ratings"), slot("counted"), slot("negatives"), slot("stars"))
    reactions = [
        {"value": r.value, "label": r.label, "negative": is_negative(r), "line": rating_line(r)}
        for r in Reaction
    ]
    stars = [row.stars for row in star_table()]
    return {"window": FEEDBACK_WINDOW, "max": MAX_STARS, "stars": stars, "reactions": reactions} | {
        "start": [reaction.value for reaction in STAR_START],
        "code": code.split(SLOT),
    }


def cited_rules(data: dict[str, Any]) -> set[str]:
    """Every rule ID a tool's data refers to (``rule``, ``rules``, ``button_rule``)."""
    if isinstance(data, dict):
        found = {data[key] for key in ("rule", "button_rule") if isinstance(data.get(key), str)}
        found |= set(data["rules"]) if isinstance(data.get("rules"), list) else set()
        return found.union(*(cited_rules(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(cited_rules(value) for value in data))
    return set()


TOOL_DATA = {
    "kanal-finder": channel_data,
    "guthaben-rechner": credit_data,
    "sterne-rechner": star_data,
}


# -- rules page ----------------------------------------------------------------------------------


def rule_index(rules_page: Page) -> dict[str, Any]:
    """Rule ID → title, link and glossary page, read from the rendered rules page.

    Titles and anchors come from its table of contents (``### K2 Title {#k2}``), the glossary
    page from the first glossary link of the rule's "Erklärt in" line.
    """
    rules: dict[str, Any] = {}

    def walk(items: list[AnchorLink]) -> None:
        for item in items:
            rule, _, title = item.title.partition(" ")
            if item.id == rule.lower():
                rules[rule] = {"title": title, "href": f"{RULES_PAGE}#{item.id}"}
            walk(item.children)

    walk(list(rules_page.toc))
    soup = BeautifulSoup(rules_page.content or "", "html.parser")
    for rule, entry in rules.items():
        heading = soup.find(id=rule.lower())
        explained = heading.find_next("strong", string="Erklärt in:") if heading else None
        link = explained.parent.find("a", href=re.compile("glossar/")) if explained else None
        if link is not None:
            url = posixpath.normpath(posixpath.join(rules_page.url, str(link["href"])))
            entry["glossary"] = {"title": link.get_text(), "url": url + "/"}
    return rules


# -- building the site ---------------------------------------------------------------------------

_state: dict[str, Any] = {}


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Keep the theme's template loader (with overrides/) for an autoescaping environment."""
    tools_env = jinja2.Environment(
        loader=env.loader, autoescape=True, undefined=jinja2.StrictUndefined
    )
    tools_env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    _state["env"] = tools_env
    _state["files"] = files
    return env


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Replace each tool marker in the page's content with the rendered tool."""
    found = _MARKER.findall(page.content or "")
    if not found:
        return context
    if set(found) - set(TOOLS) or len(found) != len(set(found)):
        raise PluginError(f"werkzeuge: {page.file.src_uri}: unbekanntes oder doppeltes Werkzeug")
    files: Files = _state["files"]

    def resolve(path: str) -> str:
        target, _, anchor = path.partition("#")
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(f"werkzeuge: Linkziel {target} fehlt")
        return file.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

    if "rules" not in _state:
        rules_file = files.get_file_from_path(RULES_PAGE)
        if rules_file is None or rules_file.page is None:
            raise PluginError(f"werkzeuge: {RULES_PAGE} fehlt")
        _state["rules"] = rule_index(rules_file.page)

    def render(hit: re.Match[str]) -> str:
        name = hit["name"]
        data = TOOL_DATA[name]()
        cited = sorted(cited_rules(data) | ({*STAR_RULES} if name == "sterne-rechner" else set()))
        rules = {rule: dict(_state["rules"][rule]) for rule in cited}
        for entry in rules.values():
            entry["href"] = resolve(entry["href"])
            if "glossary" in entry:
                url = entry["glossary"].pop("url")
                entry["glossary"]["href"] = get_relative_url(url, page.url)
        for error in data.get("error", {}).values():
            error["href"] = resolve(error["href"])
        if "too_early" in data:
            data["too_early"]["href"] = resolve(data["too_early"]["href"])
        data["rules"] = rules
        template = _state["env"].get_template(f"partials/werkzeuge/{name}.html")
        return template.render(data=data, rules=rules)

    page.content = _MARKER.sub(render, page.content or "")
    return context
