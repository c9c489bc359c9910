"""Credits on today's plans: the monthly allotment, the cap and the 90-day expiry (C9-C11).

A member on a plan (`Member.plan`) has no start credits. On each billing day the plan grants
its monthly allotment (C9, A14); what would take the balance above the plan's cap is forfeited
(C10, A18). Every credit is a lot dated the day it came: usable through day
`CREDIT_LIFETIME_DAYS` after that day (day 0) and gone on the day after (C11, A15). An InMail
takes a credit from the oldest lot (A16); a credit-back under the 90-day rule is a new lot dated
the day of the response, with its own 90 days, capped like a grant (C4b, C8, A17, A18).

`PlanAccount` keeps one such member's statement up to date event by event; `open_account`
gives every member the account that fits (`ledger.CreditAccount` without a plan).

Example:
    ```python
    from datetime import date

    from inmail_explained import Member, Network, Plan

    net = Network()
    lena = net.add(
        Member(name="Lena", plan=Plan.PREMIUM_CAREER, subscribed_on=date(2026, 1, 31))
    )
    for entry in net.ledger(lena, on=date(2026, 5, 2)):
        print(entry.on, entry.change, entry.reason)
    #> 2026-01-31 5 Monatliches Kontingent Premium Career (C9)
    #> 2026-02-28 5 Monatliches Kontingent Premium Career (C9)
    #> 2026-03-31 5 Monatliches Kontingent Premium Career (C9)
    #> 2026-04-30 5 Monatliches Kontingent Premium Career (C9)
    #> 2026-04-30 -5 Verfällt: über dem Höchststand von 15 (C10, A18)
    #> 2026-05-02 -5 Verfallen nach 90 Tagen: Guthaben vom 31.01.2026 (C11, A15)

    print(net.credits(lena, on=date(2026, 5, 1)), net.credits(lena, on=date(2026, 5, 2)))
    #> 15 10
    ```

"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .ledger import CreditAccount, debit_entry, refund_day, refund_entry
from .members import Member
from .plans import CREDIT_LIFETIME_DAYS, Plan
from .records import EntryKind, LedgerEntry, Message, ReactionRecord

FIRST_OF_MONTH_PLANS = frozenset({Plan.SALES_NAVIGATOR_CORE})
"""Plans whose later allotments come on the 1st of every month (A14)."""

_MONTHS = 12
_LIFETIME_AND_A_DAY = timedelta(days=CREDIT_LIFETIME_DAYS + 1)
_LAST_EXPIRING = date.max - _LIFETIME_AND_A_DAY

_Sink = Callable[[LedgerEntry, int], None]
"""Where a statement line goes, with the balance after it: booked, projected or ignored."""


def grant_reason(plan: Plan) -> str:
    """The statement's reason for a plan's monthly allotment (C9)."""
    return f"Monatliches Kontingent {plan.title} (C9)"


def forfeit_reason(cap: int) -> str:
    """The statement's reason for what would take the balance above the cap (C10, A18)."""
    return f"Verfällt: über dem Höchststand von {cap} (C10, A18)"


def expiry_reason(granted_on: date) -> str:
    """The statement's reason for what is left of a lot on its expiry day (C11, A15)."""
    return (
        f"Verfallen nach {CREDIT_LIFETIME_DAYS} Tagen: Guthaben vom {granted_on:%d.%m.%Y} "
        "(C11, A15)"
    )


def expiry_day(granted_on: date) -> date | None:
    """The day a credit that came on `granted_on` is gone (C11, A15): day 91, if there is one."""
    if granted_on > _LAST_EXPIRING:
        return None
    return granted_on + _LIFETIME_AND_A_DAY


def billing_day(plan: Plan, subscribed_on: date, number: int) -> date | None:
    """The day of a plan's `number`-th allotment, counted from 0 on `subscribed_on` (A14).

    The same day of the month as the subscription, or the month's last day where the month is
    shorter; for `FIRST_OF_MONTH_PLANS` the 1st of each month after the first allotment.
    ``None`` after the last representable month.
    """
    months = subscribed_on.year * _MONTHS + subscribed_on.month - 1 + number
    year, month = divmod(months, _MONTHS)
    if year > date.max.year:
        return None
    if number and plan in FIRST_OF_MONTH_PLANS:
        return date(year, month + 1, 1)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(subscribed_on.day, last))


def billing_days(plan: Plan, subscribed_on: date) -> Iterator[date]:
    """Every billing day of a plan from `subscribed_on` on (A14), up to the last representable."""
    number = 0
    while (day := billing_day(plan, subscribed_on, number)) is not None:
        yield day
        number += 1


@dataclass
class _Lot:
    """Credits that came on one day and are still there (A15, A16, A17)."""

    granted_on: date
    left: int


@dataclass
class _State:
    """A plan account's lots, balance and next allotment, after every day up to `through`."""

    lots: deque[_Lot]
    balance: int
    number: int
    through: date | None

    def copy(self) -> _State:
        lots = deque(_Lot(lot.granted_on, lot.left) for lot in self.lots)
        return _State(lots, self.balance, self.number, self.through)


class PlanAccount:
    """One plan member's credits, kept as dated lots and a statement, event by event (C6, C9-C11).

    Allotments and expiries happen as time passes; they are applied up to the day of each
    recorded event, in the order: expiries of the day, then the allotment, then the event. The
    statement so far and the balance after each of its lines are kept, so the balance on a past
    day is a binary search; a later day is projected from the current lots (A7).

    Args:
        plan: The member's plan, with documented numbers.
        subscribed_on: The first billing day (A14).

    Raises:
        ValueError: The plan's numbers are not documented (`Member` refuses such a plan first).

    """

    def __init__(self, plan: Plan, subscribed_on: date) -> None:
        if plan.monthly_inmails is None or plan.max_inmails is None:
            raise ValueError(f"{plan.title}: allotment and cap are not documented")
        self.plan = plan
        self.subscribed_on = subscribed_on
        self.monthly = plan.monthly_inmails
        self.cap = plan.max_inmails
        self.start_credits = 0
        self.inmails: list[Message] = []
        self._state = _State(deque(), 0, 0, None)
        self._entries: list[LedgerEntry] = []
        self._days: list[date] = []
        self._balances: list[int] = []

    # -- events --------------------------------------------------------------------------------

    def record_inmail(self, message: Message) -> None:
        """Book an InMail: one credit from the oldest lot on its sending day (C2, A16).

        The network has checked that a credit is left on that day (`balance`).
        """
        self.inmails.append(message)
        self._advance(self._state, message.sent_on, self._book)
        lots = self._state.lots
        lots[0].left -= message.cost
        if not lots[0].left:
            lots.popleft()
        self._state.balance -= message.cost
        self._book(debit_entry(message), self._state.balance)

    def record_reaction(self, message: Message, reacted: ReactionRecord) -> None:
        """Book a credit-back, if the reaction brings one: a new lot of that day (C4b, A17, A18).

        Plans begin after `POLICY_CHANGE`, so the 90-day rule applies: the credit comes back on
        the day of a response, which is the day of this event (C7).
        """
        refunded = refund_day(message, reacted)
        if refunded is not None:
            self._advance(self._state, refunded, self._book)
            self._credit(self._state, refunded, message.cost, message, self._book)

    # -- reading -------------------------------------------------------------------------------

    def balance(self, on: date) -> int:
        """The credits at the end of day `on` (C6, A7)."""
        through = self._state.through
        if through is not None and on <= through:
            index = bisect_right(self._days, on)
            return self._balances[index - 1] if index else 0
        state = self._state.copy()
        self._advance(state, on, None)
        return state.balance

    def statement(self, on: date, reactions: Mapping[int, ReactionRecord]) -> list[LedgerEntry]:
        """Every line of the statement up to and including `on`, ordered by day (C6, A7).

        The credit-backs are booked as the reactions come, so `reactions` is not read again.
        A day after the latest event is projected: the subscription goes on, one allotment a
        month, so the statement and the time it takes grow with the months in between.
        """
        through = self._state.through
        if through is not None and on <= through:
            return self._entries[: bisect_right(self._days, on)]
        projected: list[LedgerEntry] = []
        self._advance(self._state.copy(), on, lambda entry, _: projected.append(entry))
        return [*self._entries, *projected]

    # -- time and lots -------------------------------------------------------------------------

    def _advance(self, state: _State, day: date, sink: _Sink | None) -> None:
        """Move `state` through `day`: a day's expiries before its allotment (A14, A15).

        With `sink` ``None`` only the balance is followed, without statement lines.
        """
        grant = billing_day(self.plan, self.subscribed_on, state.number)
        while True:
            expiry = expiry_day(state.lots[0].granted_on) if state.lots else None
            if expiry is not None and expiry <= day and (grant is None or expiry <= grant):
                lot = state.lots.popleft()
                state.balance -= lot.left
                if sink is not None:
                    reason = expiry_reason(lot.granted_on)
                    line = LedgerEntry(
                        on=expiry, change=-lot.left, reason=reason, kind=EntryKind.EXPIRY
                    )
                    sink(line, state.balance)
            elif grant is not None and grant <= day:
                state.number += 1
                if self.monthly:
                    self._credit(state, grant, self.monthly, None, sink)
                grant = billing_day(self.plan, self.subscribed_on, state.number)
            else:
                break
        if state.through is None or day > state.through:
            state.through = day

    def _credit(
        self, state: _State, on: date, amount: int, message: Message | None, sink: _Sink | None
    ) -> None:
        """Add `amount` as a lot of day `on`; what exceeds the cap is forfeited (A18).

        The statement line is the allotment, or the credit-back of `message`.
        """
        kept = min(amount, self.cap - state.balance)
        state.balance += amount
        if sink is not None:
            if message is None:
                reason = grant_reason(self.plan)
                grant = LedgerEntry(on=on, change=amount, reason=reason, kind=EntryKind.ALLOTMENT)
                sink(grant, state.balance)
            else:
                sink(refund_entry(message, on), state.balance)
        if kept < amount:
            state.balance += kept - amount
            if sink is not None:
                reason = forfeit_reason(self.cap)
                message_id = None if message is None else message.id
                forfeit = LedgerEntry(
                    on=on,
                    change=kept - amount,
                    reason=reason,
                    kind=EntryKind.FORFEIT,
                    message_id=message_id,
                )
                sink(forfeit, state.balance)
        if kept:
            if state.lots and state.lots[-1].granted_on == on:
                state.lots[-1].left += kept
            else:
                state.lots.append(_Lot(on, kept))

    def _book(self, entry: LedgerEntry, balance: int) -> None:
        """Add a line to the statement, with the balance after it."""
        self._entries.append(entry)
        self._days.append(entry.on)
        self._balances.append(balance)


Account = CreditAccount | PlanAccount
"""The credit account of one member: start credits (the article) or a plan (today)."""


def open_account(member: Member) -> Account:
    """The account that fits a member: with a plan its lots (C9-C11), else start credits (C6)."""
    if member.plan is not None and member.subscribed_on is not None:
        return PlanAccount(member.plan, member.subscribed_on)
    return CreditAccount(member.inmail_credits)
