"""The shape of the tools' data: exactly what their scripts and templates read.

hooks/werkzeuge.py fills these models from `inmail_explained.tables`; `ToolData.for_script` is
their ``model_dump(mode="json")``, the JSON a tool's script (docs/assets/javascripts/werkzeuge/)
finds in its ``<template data-werkzeug-daten>``: dates as ISO text, enums as their values.
Nothing here is part of the library: the library answers the questions, this module only says
how the tools carry the answers. Hrefs are source paths (``referenz/fehler.md#code``); the hook
resolves them per page.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from inmail_explained import (
    Channel,
    Era,
    ErrorCode,
    PlanDay,
    Reaction,
    RefundRow,
    RuleId,
    RuleRef,
)
from inmail_explained.plans import Plan

TIMELINE_PLANS = tuple(plan for plan in Plan if plan.documented and plan.monthly_inmails)
"""The plans the Guthaben-Rechner's plan picker offers: a documented allotment above 0 (C9)."""

PLAN_TIMELINE_MONTHS = 6
"""How many months the plan picker shows (`inmail_explained.plan_timeline`)."""


class View(BaseModel):
    """A part of a tool's data: frozen, no field the scripts do not read, dumped by alias."""

    model_config = ConfigDict(frozen=True, extra="forbid", serialize_by_alias=True)


# -- shared -------------------------------------------------------------------------------------


class Link(View):
    """A glossary page: its title and source path."""

    title: str
    href: str


class RuleEntry(View):
    """A cited rule or assumption: title, section on the Regeln page, first glossary page."""

    title: str
    href: str
    glossary: Link | None = None


class ToolData(View):
    """A tool's data. `rules` (every rule it cites, by ID) is filled in last (`with_rules`)."""

    CITES: ClassVar[tuple[RuleRef, ...]] = ()
    """Rules the tool cites that appear nowhere in its data."""

    rules: dict[str, RuleEntry] = {}

    def for_script(self) -> dict[str, JsonValue]:
        """What the tool's script reads."""
        return self.model_dump(mode="json")


class ErrorView(View):
    """A refusal the tool shows: the library's German message, the IDs it cites, its section."""

    message: str
    rules: list[RuleRef]
    href: str


# -- Kanal-Finder -------------------------------------------------------------------------------


class SentView(View):
    """`Network.send` succeeded: channel, cost, price, the channel's rule and title that day."""

    channel: Channel
    cost: int
    price: str
    rule: RuleId
    title: str


class RefusedView(View):
    """`Network.send` refused: the error's code (its message is in `ChannelData.error`)."""

    error: ErrorCode


class WayView(View):
    """An open way on the era's day (label ``None``: not documented), and sending through it.

    `remark`: the note's limits (K16, K17, K21) or what is unknown of K19; ``None`` otherwise.
    """

    channel: Channel
    rule: RuleId
    title: str
    label: str | None
    cost: int
    price: str
    via_name: str | None
    send: SentView | RefusedView
    remark: str | None


class UnknownWay(View):
    """A way whose facts fit, on a day before any source vouches for it (K19, K20).

    Its rule, title and the first day a source vouches for it (German, ``dd.mm.yyyy``). The tool
    says "nicht belegt", not "klappt nicht".
    """

    rule: RuleId
    title: str
    since: str


class Combination(View):
    """One case: the button, the way behind it (index), the ways, the default, rules, code.

    `unknown` lists the ways the sources do not vouch for on the era's day (`UnknownWay`).
    """

    button: str | None
    profile: int | None
    ways: list[WayView]
    standard: SentView | RefusedView
    unknown: list[UnknownWay]
    rules: list[RuleRef]
    code: list[int]


class Place(View):
    """Where a channel's message is written (`Channel.place`)."""

    place: str


class ChannelData(ToolData):
    """The Kanal-Finder's data: per era and case its answers, the code as indices into `lines`."""

    channels: dict[str, Place]
    error: dict[str, dict[str, ErrorView]]
    button_rule: RuleId
    eras: list[Era]
    label_missing: str
    label_rule: RuleId
    lines: list[str]
    combinations: dict[str, Combination]


# -- Guthaben-Rechner ---------------------------------------------------------------------------


class CreditReaction(View):
    """A reaction the form offers, and whether it counts as a response (C5)."""

    value: Reaction
    name: str
    label: str
    response: bool


class RefundRowView(RefundRow):
    """A row of `inmail_explained.refund_table` as it is, with its code (text and slots)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: list[str]


class RefundEraView(View):
    """A refund rule, its send days, the ledger's reason for a refund, and its rows."""

    first_day: date | None
    last_day: date | None
    rule: RuleId
    name: str
    window: int
    reason: str
    rows: list[RefundRowView]


class TooEarly(View):
    """The refusal of a reaction dated before its InMail (C7): message and code with slots."""

    code: ErrorCode
    message: list[str]
    rules: list[RuleRef]
    href: str
    python: dict[str, list[str]]


class CreditStart(View):
    """The form's start values."""

    sent: date
    reaction: Reaction
    day: int
    plan: Plan


class CreditEraView(View):
    """A "Zeitpunkt": the era, the send days sharing its credit rules, and those rules."""

    key: str
    title: str
    day: date
    first_day: date | None
    last_day: date | None
    expiry_days: int | None
    rule: RuleId
    name: str
    rules: list[RuleId]


class Expiry(View):
    """When credit-backs expire: the rule, its first send day, the lifetime in days."""

    rule: RuleId
    first: date = Field(serialization_alias="from")
    days: int


class PlanView(View):
    """A plan in the plan picker: its numbers, its timeline and the timeline's last day.

    `rollover`: unused credits roll over (C15) instead of expiring (C11).
    """

    value: Plan
    title: str
    monthly: int | None
    cap: int | None
    rollover: bool
    start: date
    last: date
    rows: list[PlanDay]


class Cites(View):
    """Rules a part of the tool names by ID."""

    rules: list[RuleId]


class CreditData(ToolData):
    """The Guthaben-Rechner's data."""

    reactions: list[CreditReaction]
    eras: list[RefundEraView]
    too_early: TooEarly
    start: CreditStart
    until: date
    zeitpunkte: list[CreditEraView]
    verfall: Expiry
    tarife: list[PlanView]
    tarif_regeln: Cites


# -- Sterne-Rechner -----------------------------------------------------------------------------


class StarReaction(View):
    """A rating button: the reaction, whether it is negative, its line of code."""

    value: Reaction
    label: str
    negative: bool
    line: str


class StarData(ToolData):
    """The Sterne-Rechner's data: window, stars per negatives, reactions, code with slots."""

    CITES: ClassVar[tuple[RuleRef, ...]] = ("F2", "F3")
    """The window and the stars (the script links them all)."""

    window: int
    max: int
    start: list[Reaction]
    stars: list[int]
    reactions: list[StarReaction]
    code: list[str]
