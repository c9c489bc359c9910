"""Helpers shared by the test files: what a network shows from outside, and German text checks.

`snapshot` collects every observable piece of a network's state through the public API, so a
test can show that a refused operation changed nothing (M4).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from inmail_explained import (
    ARTICLE_DAY,
    LINKEDIN_LAUNCH,
    EntryKind,
    LedgerEntry,
    Member,
    Network,
    PlanRequired,
    Reaction,
    TimeWentBackwards,
)

FIXED_DAYS = (
    LINKEDIN_LAUNCH,
    date(2014, 3, 1),
    date(2014, 12, 31),
    date(2015, 1, 1),
    date(2015, 6, 1),
    date(2016, 12, 31),
    date(2030, 1, 1),
)
"""Days on which every snapshot looks at every member's credits, whatever happened."""

_PROBE_NAMES = ("Zeitprobe Eins", "Zeitprobe Zwei")


def observed_days(net: Network) -> list[date]:
    """The days worth looking at: fixed ones plus the edges of every InMail's refund windows."""
    days = set(FIXED_DAYS)
    for message in net.messages:
        for offset in (-1, 0, 7, 8, 90, 91):
            days.add(message.sent_on + timedelta(days=offset))
        refunded = net.refund_on(message)
        if refunded is not None:
            days.update({refunded - timedelta(days=1), refunded})
    return sorted(days)


def first_open_day(net: Network, days: list[date]) -> date | None:
    """The first of `days` on which a new event would be accepted (C7), probed on a copy.

    Shows whether a refused operation moved the network's clock: it must not.
    """
    probe = copy.deepcopy(net)
    first = probe.add(Member(name=_PROBE_NAMES[0]))
    second = probe.add(Member(name=_PROBE_NAMES[1]))
    probe.connect(first, second)
    for day in days:
        try:
            probe.send(first, second, on=day)
        except TimeWentBackwards:
            continue
        return day
    return None


def ledger_day(member: Member, days: list[date]) -> date:
    """How far a snapshot reads a ledger: to the end without a plan, else the last day looked at.

    A plan's statement goes on month by month (C9), so its end is never reached.
    """
    return date.max if member.plan is None else max(days)


def credits_or_code(net: Network, member: Member, day: date) -> int | str:
    """The member's credits on `day`, or the code of the refusal for start credits (A13)."""
    try:
        return net.credits(member, on=day)
    except PlanRequired as refused:
        return refused.code


def ledger_or_code(net: Network, member: Member, day: date) -> tuple[LedgerEntry, ...] | str:
    """The member's statement up to `day`, or the code of the refusal for start credits (A13)."""
    try:
        return tuple(net.ledger(member, on=day))
    except PlanRequired as refused:
        return refused.code


def snapshot(net: Network, *, days: list[date] | None = None, clock: bool = True) -> dict[str, Any]:
    """Everything a network shows through its public API.

    Members, connections, groups, discussions, messages, reactions, refunds, every member's
    credits on `days` (default: `observed_days`), ledgers, ratings, stars, every pair's options and,
    with `clock`, the first day open for a new event (probed on a copy, the slow part).
    """
    members = net.members
    looked_at = observed_days(net) if days is None else days
    pairs = [(a, b) for a in members for b in members if a.name != b.name]
    return {
        "repr": repr(net),
        "members": members,
        "connections": frozenset(
            frozenset((a.name, b.name)) for a, b in pairs if net.connected(a, b)
        ),
        "groups": net.groups,
        "discussions": net.discussions,
        "messages": net.messages,
        "reactions": tuple(net.reaction(message) for message in net.messages),
        "refunds": tuple(net.refund_on(message) for message in net.messages),
        "credits": {
            m.name: tuple(credits_or_code(net, m, day) for day in looked_at) for m in members
        },
        "ledgers": {m.name: ledger_or_code(net, m, ledger_day(m, looked_at)) for m in members},
        "ratings": {m.name: tuple(net.ratings(m)) for m in members},
        "stars": {m.name: net.stars(m) for m in members},
        "options": {(a.name, b.name): tuple(net.options(a, b, on=ARTICLE_DAY)) for a, b in pairs},
        "first-open-day": first_open_day(net, looked_at) if clock else None,
    }


GERMAN_WORDS = frozenset(
    {
        "auf",
        "das",
        "der",
        "die",
        "diese",
        "dies",
        "ein",
        "eine",
        "einen",
        "es",
        "gibt",
        "hat",
        "ist",
        "kann",
        "kein",
        "keine",
        "keinen",
        "mit",
        "nicht",
        "nur",
        "oder",
        "schon",
        "sich",
        "und",
        "zu",
        "zuerst",
    }
)
"""Short German function words; a German sentence of some length uses several of them."""

ENGLISH_WORDS = frozenset({"the", "is", "not", "cannot", "please", "already", "only", "with"})
"""English function words that have no place in a German message."""


def words(text: str) -> set[str]:
    """The lower-cased words of a text."""
    return set(re.findall(r"[a-zäöüß]+", text.lower()))


def looks_german(text: str) -> bool:
    """Whether a text uses at least two German function words and no English ones."""
    found = words(text)
    return len(found & GERMAN_WORDS) >= 2 and not found & ENGLISH_WORDS


# -- the rules, written down again from RULES.md -------------------------------------------------
# Property and state-machine tests compare the library with these, so they use their own numbers
# rather than the library's constants.

SWITCH = date(2015, 1, 1)  # C4: the day the 90-day rule starts
OLD_WINDOW = 7  # C4a: a response within 7 days keeps the credit spent
OLD_CREDIT_DAY = 8  # C4a: otherwise it comes back on sent_on + 8 days
NEW_WINDOW = 90  # C4b: a response within 90 days brings the credit back on that day
WINDOW = 10  # F2: the last 10 ratings
RESPONSES = (Reaction.REPLY, Reaction.NOT_INTERESTED)  # C5, A2
NEGATIVES = (Reaction.NOT_INTERESTED, Reaction.SPAM)  # F1


def expected_refund(
    sent_on: date, reaction: Reaction | None, reacted_on: date | None
) -> date | None:
    """C4a, C4b, C5: the day an InMail's credit comes back, or None, straight from the rules."""
    responded = reaction in RESPONSES and reacted_on is not None
    elapsed = (reacted_on - sent_on).days if reacted_on is not None else None
    if sent_on < SWITCH:
        if responded and elapsed is not None and elapsed <= OLD_WINDOW:
            return None
        return sent_on + timedelta(days=OLD_CREDIT_DAY)
    if responded and elapsed is not None and elapsed <= NEW_WINDOW:
        return reacted_on
    return None


def expected_stars(ratings: list[Reaction]) -> int:
    """F2, F3, A4: 5 - negatives // 2 over the last 10 ratings (oldest first)."""
    return 5 - sum(1 for rating in ratings[-WINDOW:] if rating in NEGATIVES) // 2


# -- today's plans, written down again from RULES.md (C9-C11, C14, C15, A13-A22) ----------------

PLAN_NUMBERS = {
    "premium-career": (5, 15),
    "premium-business": (15, 45),
    "sales-navigator-core": (50, 150),
    "recruiter-lite": (30, 120),
}
"""C9, C10: the monthly allotment and the cap of each plan with documented numbers (Help 75)."""
FIRST_OF_MONTH = frozenset({"sales-navigator-core"})  # A14: later allotments on the 1st
ROLLOVER = frozenset({"recruiter-lite"})  # C15, A21: nothing expires, up to 4 months' worth
PLANS_FROM = date(2019, 5, 1)  # A13: the first day the sources give plans for
LIFETIME = 90  # C11, A15: a credit-back is usable through day 90 after it came, gone on day 91
PERIODS = 3  # A20: an allotment is gone on the billing day 3 periods later, before its allotment


def expected_billing_days(plan: str, subscribed: date, until: date) -> list[date]:
    """A14: the subscription day, then the same day each month (or the month's last day)."""
    days: list[date] = []
    number = 0
    while True:
        year, month = divmod(subscribed.month - 1 + number, 12)
        year += subscribed.year
        if number and plan in FIRST_OF_MONTH:
            day = date(year, month + 1, 1)
        else:
            last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(days=1)).day
            day = date(year, month + 1, min(subscribed.day, last))
        if day > until:
            return days
        days.append(day)
        number += 1


@dataclass
class PlanHistory:
    """A plan member's credits day by day, simulated straight from the rules (C6, C9-C15).

    Attributes:
        balances: The balance at the end of every day from the subscription to `until`.
        totals: Everything that happened up to `until`, by kind: ``grants``, ``inmails``,
            ``credit_backs``, ``expired``, ``forfeited``, ``cancelled``.

    """

    balances: dict[date, int]
    totals: dict[str, int]

    def balance(self, day: date) -> int:
        """The balance at the end of `day` (0 before the subscription)."""
        return self.balances.get(day, 0)


def expected_plan_history(
    plan: str, subscribed: date, events: list[tuple[str, date]], until: date
) -> PlanHistory:
    """Day by day: expiries first, the end after a cancellation, the allotment, then the events.

    `events` are ``("inmail", day)``, ``("credit-back", day)`` and ``("cancel", day)`` in the
    order recorded. A lot is a credit's day, how much of it is left and the day it is gone
    (``None``: never). An allotment is gone on the billing day three periods later (A20), a
    credit-back on day 91 (A15, A17); on a rollover plan nothing expires (C15, A21). An InMail
    takes from the oldest lot (A16); what would take the balance above the cap is forfeited
    (A18). A cancellation ends the balance that day, on Sales Navigator on the next 1st; after
    that no allotment comes and a credit-back is lost (C14, A22).
    """
    monthly, cap = PLAN_NUMBERS[plan]
    billing = expected_billing_days(plan, subscribed, until + timedelta(days=130))
    grants = {day: number for number, day in enumerate(billing) if day <= until}
    rollover = plan in ROLLOVER
    lots: list[list[Any]] = []
    totals = dict.fromkeys(
        ("grants", "inmails", "credit_backs", "expired", "forfeited", "cancelled"), 0
    )
    balances: dict[date, int] = {}
    ends: date | None = None
    ended = False

    def add(day: date, amount: int, gone: date | None) -> None:
        if ended:
            totals["cancelled"] += amount
            return
        kept = min(amount, cap - sum(lot[1] for lot in lots))
        totals["forfeited"] += amount - kept
        lots.append([day, kept, gone])

    def end() -> None:
        nonlocal ended
        totals["cancelled"] += sum(lot[1] for lot in lots)
        lots.clear()
        ended = True

    by_day: dict[date, list[str]] = {}
    for kind, on in events:
        by_day.setdefault(on, []).append(kind)
    day = subscribed
    while day <= until:
        for lot in [lot for lot in lots if lot[2] == day]:
            totals["expired"] += lot[1]
            lots.remove(lot)
        if ends == day and not ended:
            end()
        if day in grants and not ended and (ends is None or day < ends):
            totals["grants"] += monthly
            number = grants[day]
            later = number + PERIODS
            add(day, monthly, None if rollover or later >= len(billing) else billing[later])
        for kind in by_day.get(day, []):
            if kind == "inmail":
                totals["inmails"] += 1
                oldest = next(lot for lot in lots if lot[1] > 0)
                oldest[1] -= 1
            elif kind == "credit-back":
                totals["credit_backs"] += 1
                add(day, 1, None if rollover else day + timedelta(days=LIFETIME + 1))
            else:
                if plan in FIRST_OF_MONTH:
                    ends = date(day.year + day.month // 12, day.month % 12 + 1, 1)
                else:
                    ends = day
                    end()
        lots = [lot for lot in lots if lot[1] > 0]
        balances[day] = sum(lot[1] for lot in lots)
        day += timedelta(days=1)
    return PlanHistory(balances, totals)


def statement_totals(ledger: list[LedgerEntry]) -> dict[str, int]:
    """C6: a plan member's statement summed by kind (`LedgerEntry.kind`).

    A plan member's credit-backs all fall under the 90-day rule (C4b); a line of start credits
    (no plan) fails.
    """
    totals = dict.fromkeys(
        ("grants", "inmails", "credit_backs", "expired", "forfeited", "cancelled"), 0
    )
    signs = {
        EntryKind.ALLOTMENT: ("grants", 1),
        EntryKind.INMAIL: ("inmails", -1),
        EntryKind.REFUND: ("credit_backs", 1),
        EntryKind.EXPIRY: ("expired", -1),
        EntryKind.FORFEIT: ("forfeited", -1),
        EntryKind.CANCELLATION: ("cancelled", -1),
    }
    for entry in ledger:
        assert entry.kind in signs, entry
        name, sign = signs[entry.kind]
        totals[name] += sign * entry.change
    return totals
