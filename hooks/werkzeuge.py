"""MkDocs hook: the three tools under docs/werkzeuge/ show the library's decision tables.

A page marks a tool's place with ``<div data-werkzeug="kanal-finder"></div>``. This hook asks
`inmail_explained.tables` for the tool's rows, turns them into the JSON its script reads, and
renders overrides/partials/werkzeuge/<tool>.html (autoescaped) there: form, result area, data in a
``<template>`` (an inline ``<script>`` would re-run on instant navigation), skeletons, no-JS table.
The code shown per case comes from code/<tool>.py, with slots for what the reader picks freely
(`SLOT`). Every fact comes from the library as a value: the rules an error cites
(`InMailError.rules`), rule titles and glossary pages from the registry (`Rule.title`,
`Rule.explained_in`). No rule and no HTML lives here; tests/test_tables.py proves what the build
used to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from string import Formatter

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from pydantic import JsonValue

import inmail_explained as lib
import werkzeuge_daten as v
from inmail_explained import ChannelCase, Reaction, RuleId, RuleRef, SendOutcome
from inmail_explained.channels import LABELS_RULE
from inmail_explained.groupcap import GROUP_CAP_RULE
from inmail_explained.ids import is_rule_ref
from inmail_explained.ledger import refund_reason
from inmail_explained.rules import entry
from inmail_explained.tables import SPENT_ON, timeline_end

TOOLS = ("kanal-finder", "guthaben-rechner", "sterne-rechner")
TEMPLATES = Path(__file__).resolve().parents[1] / "overrides" / "partials" / "werkzeuge"
"""The tools' templates: ``<tool>.html`` (HTML, autoescaped) and ``code/<tool>.py`` (code)."""
RULES_PAGE, ERRORS_PAGE = "referenz/regeln.md", "referenz/fehler.md"
BUTTON_RULE: RuleId = "K7"
"""The rule that explains the one button on a profile (K1 > K4 > K5, else none)."""
LABEL_RULE = LABELS_RULE
"""The rule cited where a label is not documented for the era's day."""
CAP_RULE = GROUP_CAP_RULE
"""The rule cited next to group ways on days the monthly cap applies."""

CREDIT_START = v.CreditStart(
    sent=lib.STATUS_DAY, reaction=Reaction.NOT_INTERESTED, day=19, plan=v.TIMELINE_PLANS[0]
)
"""The Guthaben-Rechner's start: today ("heute", the status day), Erik declines on day 19. The
send days it accepts run from 2010 (the form's minimum, guthaben-rechner.html) to the status
day."""
PLAN_RULES: tuple[RuleId, ...] = ("C9", "C10", "C11", "C15")
"""The rules the plan picker cites: allotment, cap, expiry."""
STAR_START = ["spam", "not-interested", "reply", "reply", "reply", "spam"]
STAR_START += ["reply", "reply", "not-interested", "reply", "reply", "spam"]
"""The Sterne-Rechner's start (`Reaction` values): the first two negatives are out of the window."""

SLOT = "\x00"
"""Marks a slot in code, ``f"{SLOT}sent{SLOT}"``. Such text travels as alternating literal text
and slot names (``text.split(SLOT)``); the script fills in the names."""

_MARKER = re.compile(r'<div data-werkzeug="(?P<name>[a-z-]+)"></div>')


def slot(name: str) -> str:
    """A slot named `name` (see `SLOT`)."""
    return f"{SLOT}{name}{SLOT}"


CODE = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES / "code"),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
"""Code is text, not HTML: not escaped, and a block tag takes its line with it."""


def code(tool: str, **values: object) -> str:
    """A tool's code from code/<tool>.py, without the last line's newline."""
    return CODE.get_template(f"{tool}.py").render(**values).rstrip("\n")


def channel_code(case: ChannelCase) -> str:
    """The Kanal-Finder's code for a case; its ``#>`` lines are the case's answers."""
    flags = {"openlink": case.openlink, "accepts_inmail": case.accepts_inmail}
    _, a, b = lib.case_network(case.sender, case.relation, **flags, on=case.era.day)
    spent = case.sender is lib.SenderKind.PREMIUM_NO_CREDITS and a.plan is not None
    return code(
        "kanal-finder",
        case=case,
        a=a,
        b=b,
        lib=lib,
        day=case.era.day,
        spent=spent,
        spent_on=SPENT_ON,
    )


def credit_code(reaction: Reaction | None, **values: str) -> str:
    """The Guthaben-Rechner's code: ``sent``, ``day``; ``rule``, ``refund`` or ``error_code``."""
    name = None if reaction is None else reaction.name
    return code("guthaben-rechner", reaction=name, too_early="error_code" in values, **values)


def case_key(case: ChannelCase) -> str:
    """A Kanal-Finder case's key, as the script builds it from the form: era first."""
    flags = (str(flag).lower() for flag in (case.openlink, case.accepts_inmail))
    return "|".join([case.era.key, case.sender.value, case.relation.value, *flags])


def _outcome(outcome: SendOutcome, errors: dict[str, v.ErrorView]) -> v.SentView | v.RefusedView:
    if isinstance(outcome, lib.Refused):
        href = f"{ERRORS_PAGE}#{outcome.code}"
        errors[outcome.code] = v.ErrorView(
            message=outcome.message, rules=list(outcome.rules), href=href
        )
        return v.RefusedView(error=outcome.code)
    return v.SentView(**outcome.model_dump(), price=outcome.price)


def _way(way: lib.Way, send: v.SentView | v.RefusedView) -> v.WayView:
    """An open way on the era's day (label ``None``: not documented) and sending through it."""
    option = way.option
    fields = option.model_dump(exclude={"via"})
    return v.WayView(
        **fields, price=option.price, via_name=option.via, send=send, remark=way.remark
    )


def _case_rules(
    case: ChannelCase,
    outcomes: list[v.SentView | v.RefusedView],
    errors: dict[str, v.ErrorView],
) -> list[RuleRef]:
    """The rules behind a case: K7, each way's rule and its remark's, K11/K13, the errors'."""
    rules: list[RuleRef] = [BUTTON_RULE, *(way.option.rule for way in case.ways)]
    rules += [ref for way in case.ways for ref in way.remark_rules]
    if any(way.option.channel.group_route for way in case.ways) and lib.in_force(
        CAP_RULE, case.era.day
    ):
        rules.append(CAP_RULE)
    options = [way.option for way in case.ways] + ([case.profile] if case.profile else [])
    if any(option.label is None for option in options):
        rules.append(LABEL_RULE)
    for outcome in outcomes:
        rules += errors[outcome.error].rules if isinstance(outcome, v.RefusedView) else []
    return list(dict.fromkeys(rules))


def unknown_ways(case: ChannelCase) -> list[v.UnknownWay]:
    """The ways the sources do not vouch for on the case's day (K19, K20): "nicht belegt"."""
    found = [lib.rule(channel.rule) for channel in case.unknown]
    return [
        v.UnknownWay(rule=rule.id, title=channel.title, since=f"{rule.first_day:%d.%m.%Y}")
        for channel, rule in zip(case.unknown, found, strict=True)
    ]


def channel_data() -> v.ChannelData:
    """The Kanal-Finder's data: per era and case its answers and its code (indices into `lines`).

    A case's `profile` is the index of the way behind the profile's button (or ``None``); its
    `button` that way's label, ``None`` where not documented. Error messages name the era's day,
    so `error` holds them per era key.
    """
    lines: dict[str, int] = {}
    errors: dict[str, dict[str, v.ErrorView]] = {}
    combinations: dict[str, v.Combination] = {}
    for era in lib.ERAS:
        era_errors = errors.setdefault(era.key, {})
        for case in lib.channel_cases(era):
            ways = [_way(way, _outcome(way.send, era_errors)) for way in case.ways]
            default = _outcome(case.default, era_errors)
            options = [way.option for way in case.ways]
            unknown = unknown_ways(case)
            rules = _case_rules(case, [default, *(way.send for way in ways)], era_errors)
            rules += [way.rule for way in unknown if way.rule not in rules]
            combinations[case_key(case)] = v.Combination(
                button=case.button,
                profile=None if case.profile is None else options.index(case.profile),
                ways=ways,
                standard=default,
                unknown=unknown,
                rules=rules,
                code=[
                    lines.setdefault(line, len(lines)) for line in channel_code(case).split("\n")
                ],
            )
    return v.ChannelData(
        channels={c.value: v.Place(place=c.place) for c in lib.Channel},
        error=errors,
        button_rule=BUTTON_RULE,
        eras=list(lib.ERAS),
        label_missing=lib.LABEL_NOT_DOCUMENTED,
        label_rule=LABEL_RULE,
        lines=list(lines),
        combinations=combinations,
    )


def credit_era_data() -> list[v.CreditEraView]:
    """The Guthaben-Rechner's "Zeitpunkt" choice: per era its day, send days and credit rules."""
    return [
        v.CreditEraView(
            key=era.era.key,
            title=era.era.title,
            day=era.era.day,
            first_day=era.first_day,
            last_day=era.last_day,
            expiry_days=era.expiry_days,
            rule=era.policy.rule,
            name=era.policy.name,
            rules=list(era.rules),
        )
        for era in lib.credit_eras()
    ]


def plan_data() -> list[v.PlanView]:
    """The plan picker's timelines: per plan its numbers, how credits end and its days (C9-C15)."""
    return [
        v.PlanView(
            value=plan,
            title=plan.title,
            monthly=plan.monthly_inmails,
            cap=plan.max_inmails,
            rollover=plan.expiry is lib.CreditExpiry.ROLLOVER,
            start=lib.STATUS_DAY,
            last=timeline_end(lib.STATUS_DAY, v.PLAN_TIMELINE_MONTHS),
            rows=list(lib.plan_timeline(plan, lib.STATUS_DAY, v.PLAN_TIMELINE_MONTHS)),
        )
        for plan in v.TIMELINE_PLANS
    ]


def expiry_data() -> v.Expiry:
    """When credit-backs expire: the rule, the first send day it applies to, the lifetime."""
    first = lib.rule(lib.EXPIRY_RULE).first_day
    if first is None:
        raise PluginError("werkzeuge: der Verfall hat keinen ersten Tag")
    return v.Expiry(rule=lib.EXPIRY_RULE, first=first, days=lib.CREDIT_LIFETIME_DAYS)


def credit_data() -> v.CreditData:
    """The Guthaben-Rechner's data: eras, and per era the refund rows, each with its code.

    Also the "Zeitpunkt" choice (`credit_era_data`), the expiry of a credit-back
    (`expiry_data`) and the plan picker's timelines (`plan_data`) with the rules they cite.
    """
    dates = {"sent": slot("sent_code"), "day": slot("reacted_code")}
    eras: list[v.RefundEraView] = []
    for era in lib.refund_eras():
        policy, rows = era.policy, list[v.RefundRowView]()
        for row in lib.refund_table(policy):
            refund = "None" if row.refund is lib.RefundKind.NONE else slot("refund")
            rule = f"{policy.rule} {policy.name}"
            shown = credit_code(row.reaction, rule=rule, refund=refund, **dates)
            rows.append(v.RefundRowView(**row.model_dump(), code=shown.split(SLOT)))
        eras.append(
            v.RefundEraView(
                first_day=era.first_day,
                last_day=era.last_day,
                rule=policy.rule,
                name=policy.name,
                window=policy.window_days,
                reason=refund_reason(policy),
                rows=rows,
            )
        )
    reactions = [
        v.CreditReaction(value=r, name=r.name, label=r.label, response=lib.is_response(r))
        for r in Reaction
    ]
    return v.CreditData(
        reactions=reactions,
        eras=eras,
        too_early=_too_early(dates),
        start=CREDIT_START,
        until=lib.STATUS_DAY,
        zeitpunkte=credit_era_data(),
        verfall=expiry_data(),
        tarife=plan_data(),
        tarif_regeln=v.Cites(rules=list(PLAN_RULES)),
    )


TOO_EARLY = (lib.TimeWentBackwards, "before_sending")
"""The library's refusal of a reaction dated before its InMail: class and variant (C7)."""


def _too_early(dates: dict[str, str]) -> v.TooEarly:
    """The refusal of a reaction dated before its InMail (`TOO_EARLY`), and its code.

    The message is the error's template as text with slots (`sent_on`, `reacted_on`: dd.mm.yyyy).
    """
    error, variant = TOO_EARLY
    parsed = Formatter().parse(error.variants[variant])
    message = [part for text, name, _, _ in parsed for part in (text, name) if part is not None]
    shown = {r.value: credit_code(r, error_code=error.code, **dates) for r in Reaction}
    return v.TooEarly(
        code=error.code,
        message=message,
        rules=list(error.rules_of(variant)),
        href=f"{ERRORS_PAGE}#{error.code}",
        python={value: text.split(SLOT) for value, text in shown.items()},
    )


def star_data() -> v.StarData:
    """The Sterne-Rechner's data: window, stars per negatives, reactions, code with slots."""
    names = ("ratings", "counted", "negatives", "stars")
    shown = code("sterne-rechner", **{name: slot(name) for name in names})
    reactions = [
        v.StarReaction(
            value=r, label=r.label, negative=lib.is_negative(r), line=f"    Reaction.{r.name},\n"
        )
        for r in Reaction
    ]
    return v.StarData(
        window=lib.FEEDBACK_WINDOW,
        max=lib.MAX_STARS,
        start=[Reaction(value) for value in STAR_START],
        stars=[row.stars for row in lib.star_table()],
        reactions=reactions,
        code=shown.split(SLOT),
    )


TOOL_DATA: dict[str, Callable[[], v.ToolData]] = dict(
    zip(TOOLS, (channel_data, credit_data, star_data), strict=True)
)


def cited_rules(data: JsonValue) -> set[str]:
    """Every rule ID the tool's data refers to (``rule``, ``rules``, ``button_rule``)."""
    if isinstance(data, dict):
        found = {data[key] for key in ("rule", "button_rule") if isinstance(data.get(key), str)}
        rules = data.get("rules")
        found |= (
            {ref for ref in rules if isinstance(ref, str)} if isinstance(rules, list) else set()
        )
        return {str(ref) for ref in found}.union(*(cited_rules(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(cited_rules(value) for value in data))
    return set()


def with_links(data: JsonValue, resolve: Callable[[str], str]) -> JsonValue:
    """A copy of the data with every ``href`` (a source path, maybe with anchor) resolved."""
    if isinstance(data, dict):
        return {
            k: resolve(v) if k == "href" and isinstance(v, str) else with_links(v, resolve)
            for k, v in data.items()
        }
    return [with_links(value, resolve) for value in data] if isinstance(data, list) else data


def rule_entry(ref: RuleRef) -> v.RuleEntry:
    """A cited rule or assumption, from the registry: title, section and glossary page.

    The section is its entry on the Regeln page (anchor: the ID in lower case), the glossary page
    the first of `Rule.explained_in`.
    """
    found = entry(ref)
    glossary = found.explained_in[0] if found.explained_in else None
    return v.RuleEntry(
        title=found.title,
        href=f"{RULES_PAGE}#{ref.lower()}",
        glossary=None if glossary is None else v.Link(title=glossary.term, href=glossary.value),
    )


HTML = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)
"""The tools' HTML: every value escaped; `tojson` writes the data compactly."""
HTML.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}

_build: dict[str, Files] = {}
"""This build's files."""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start a build: remember its files (to resolve the tools' links)."""
    _build.clear()
    _build["files"] = files
    return files


def cited(data: JsonValue, also: tuple[RuleRef, ...] = ()) -> dict[str, v.RuleEntry]:
    """Each rule and assumption the tool's data cites (and `also`), by ID (`rule_entry`)."""
    refs = sorted(cited_rules(data) | set(also))
    unknown = [ref for ref in refs if not is_rule_ref(ref)]
    if unknown:
        raise PluginError(f"werkzeuge: unbekannte Regeln {unknown}")
    return {ref: rule_entry(ref) for ref in refs if is_rule_ref(ref)}


def with_rules(data: v.ToolData) -> v.ToolData:
    """The tool's data with `rules` filled in: every rule it cites (`cited`)."""
    return data.model_copy(update={"rules": cited(data.for_script(), data.CITES)})


def on_page_context(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    """Replace each tool marker in the page's content with the rendered tool."""
    found = _MARKER.findall(page.content or "")
    if len(found) != (page.content or "").count("<div data-werkzeug="):
        where = page.file.src_uri
        raise PluginError(f'werkzeuge: {where}: Marke nicht als <div data-werkzeug="…"></div>')
    if not found:
        return context
    if set(found) - set(TOOLS) or len(found) != len(set(found)):
        raise PluginError(f"werkzeuge: {page.file.src_uri}: unbekanntes oder doppeltes Werkzeug")
    files: Files = _build["files"]

    def resolve(path: str) -> str:
        target, _, anchor = path.partition("#")
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(f"werkzeuge: Linkziel {target} fehlt")
        return file.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")

    def render(hit: re.Match[str]) -> str:
        data = with_links(with_rules(TOOL_DATA[hit["name"]]()).for_script(), resolve)
        assert isinstance(data, dict)
        return HTML.get_template(f"{hit['name']}.html").render(data=data, rules=data["rules"])

    page.content = _MARKER.sub(render, page.content or "")
    return context
