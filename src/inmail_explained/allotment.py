"""Credits on today's plans: allotment, cap, expiry, rollover and cancellation (C9-C11, C14, C15).

A member on a plan (`Member.plan`) has no start credits. On each billing day the plan grants
its monthly allotment (C9, A14); what would take the balance above the plan's cap is forfeited
(C10, A18). Every credit is a lot dated the day it came; an InMail takes a credit from the oldest
lot (A16). How a lot ends depends on the plan (`Plan.expiry`):

- Premium and Sales Navigator (`CreditExpiry.AFTER_90_DAYS`): a month's allotment expires on the
  billing day three periods later, before that day's allotment arrives (C11, A20), so a member
  who does not send holds the cap of three months' worth from the third allotment on. A
  credit-back under the 90-day rule is a new lot dated the day of the response, usable through
  day `CREDIT_LIFETIME_DAYS` after it and gone on the day after (C4b, C8, A15, A17).
- Recruiter and Recruiter Lite (`CreditExpiry.ROLLOVER`): nothing expires; unused credits roll
  over, and only what exceeds four months' worth is forfeited, on the billing day or when a
  credit-back comes (C15, A18, A21).

Cancelling (`PlanAccount.cancel`, C14, A22) sets the balance to zero on the day (Sales
Navigator: on the next 1st, the end of the billing cycle) and ends the allotments.

`PlanAccount` keeps one such member's statement up to date event by event; `open_account`
gives every member the account that fits (`ledger.CreditAccount` without a plan). After the
last event the account settles within a few billing periods into a state that repeats every
month (`_steady`); a later day is then reached in one step, so a balance on any day costs about
the same however far away it is. A statement still lists every month's lines up to its day.

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
    #> 2026-04-30 -5 Verfallen nach drei Abrechnungszeiträumen: Kontingent vom 31.01.2026 (C11, A20)
    #> 2026-04-30 5 Monatliches Kontingent Premium Career (C9)

    print(net.credits(lena, on=date(2026, 4, 29)), net.credits(lena, on=date(2026, 5, 2)))
    #> 15 15
    ```

"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from .ledger import CreditAccount, debit_entry, refund_day, refund_entry
from .members import Member
from .plans import CREDIT_LIFETIME_DAYS, EXPIRY_BILLING_PERIODS, CreditExpiry, Plan
from .records import EntryKind, LedgerEntry, Message, ReactionRecord

FIRST_OF_MONTH_PLANS = frozenset({Plan.SALES_NAVIGATOR_CORE})
"""Plans whose later allotments come on the 1st of every month (A14)."""

CYCLE_END_ON_CANCEL_PLANS = FIRST_OF_MONTH_PLANS
"""Plans whose credits stay usable after cancelling until the billing cycle ends (C14, A22)."""

_MONTHS = 12
_LIFETIME_AND_A_DAY = timedelta(days=CREDIT_LIFETIME_DAYS + 1)
_LAST_EXPIRING = date.max - _LIFETIME_AND_A_DAY
_PERIOD_WORDS = {3: "drei", 4: "vier"}
_CYCLE_EXPIRY = (
    f"Verfallen nach {_PERIOD_WORDS.get(EXPIRY_BILLING_PERIODS, str(EXPIRY_BILLING_PERIODS))} "
    "Abrechnungszeiträumen: Kontingent vom"
)


def grant_reason(plan: Plan) -> str:
    """The statement's reason for a plan's monthly allotment (C9)."""
    return f"Monatliches Kontingent {plan.title} (C9)"


def forfeit_reason(cap: int, plan: Plan | None = None) -> str:
    """The statement's reason for what would take the balance above the cap (C10, A18; C15)."""
    if plan is not None and plan.expiry is CreditExpiry.ROLLOVER:
        return f"Verfällt: über dem Höchststand von {cap} (C10, C15, A18)"
    return f"Verfällt: über dem Höchststand von {cap} (C10, A18)"


def expiry_reason(granted_on: date) -> str:
    """The statement's reason for what is left of a credit-back on its expiry day (C11, A15)."""
    return (
        f"Verfallen nach {CREDIT_LIFETIME_DAYS} Tagen: Gutschrift vom {granted_on:%d.%m.%Y} "
        "(C11, A15, A17)"
    )


def cycle_expiry_reason(granted_on: date) -> str:
    """The reason for what is left of an allotment three billing periods later (C11, A20)."""
    day = "%02d.%02d.%04d" % (granted_on.day, granted_on.month, granted_on.year)  # noqa: UP031
    return f"{_CYCLE_EXPIRY} {day} (C11, A20)"


def cancel_reason(cancelled_on: date, ends_on: date) -> str:
    """The reason for the balance that ends with a cancellation (C14, A22)."""
    if cancelled_on == ends_on:
        return f"Tarif gekündigt am {cancelled_on:%d.%m.%Y}: Guthaben verfällt (C14, A22)"
    return (
        f"Abrechnungszeitraum nach der Kündigung vom {cancelled_on:%d.%m.%Y} zu Ende: "
        "Guthaben verfällt (C14, A22)"
    )


def after_cancel_reason(cancelled_on: date) -> str:
    """The reason for a credit-back that comes after the plan has ended (C14, A22)."""
    return f"Verfällt: Tarif gekündigt am {cancelled_on:%d.%m.%Y} (C14, A22)"


def expiry_day(granted_on: date) -> date | None:
    """The day a credit-back that came on `granted_on` is gone (C11, A15): day 91, if any."""
    if granted_on > _LAST_EXPIRING:
        return None
    return granted_on + _LIFETIME_AND_A_DAY


def cancellation_end(plan: Plan, cancelled_on: date) -> date:
    """The day the balance becomes zero after cancelling on `cancelled_on` (C14, A22).

    Premium and Recruiter: that same day. Sales Navigator: the end of the billing cycle, the
    next 1st (`date.max` in the last representable month, so the credits then stay).
    """
    if plan not in CYCLE_END_ON_CANCEL_PLANS:
        return cancelled_on
    if cancelled_on.year == date.max.year and cancelled_on.month == _MONTHS:
        return date.max
    year, month = divmod(cancelled_on.year * _MONTHS + cancelled_on.month, _MONTHS)
    return date(year, month + 1, 1)


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


def last_billing_number(plan: Plan, subscribed_on: date, day: date) -> int:
    """The number of the last allotment on or before `day` (-1: none yet), in constant time."""
    number = (day.year - subscribed_on.year) * _MONTHS + day.month - subscribed_on.month
    granted = billing_day(plan, subscribed_on, number) if number >= 0 else None
    if granted is None or granted > day:
        number -= 1
    return max(number, -1)


@dataclass
class _Lot:
    """Credits that came on one day and are still there (A15-A17, A20).

    `expires_on` is the day the lot is gone (``None``: it does not expire); `allotment` tells an
    allotment from a credit-back, for the statement's reason.
    """

    granted_on: date
    left: int
    expires_on: date | None
    allotment: bool


@dataclass(frozen=True)
class _Months:
    """The statement lines of billing days `first` to `last` in the steady state, unexpanded.

    In that state every billing day books the same two lines (`PlanAccount._expand`) and
    the balance at the end of each day is `balance`; `statement` expands them when asked.
    """

    first: int
    last: int
    first_day: date
    balance: int


_Line = LedgerEntry | _Months
_Sink = Callable[[_Line, int], None]
"""Where a statement line goes, with the balance after it: booked, projected or ignored."""


@dataclass
class _State:
    """A plan account's lots, balance and next allotment, after every day up to `through`."""

    lots: list[_Lot]
    balance: int
    number: int
    through: date | None
    ended: bool = False

    def copy(self) -> _State:
        lots = [_Lot(lot.granted_on, lot.left, lot.expires_on, lot.allotment) for lot in self.lots]
        return _State(lots, self.balance, self.number, self.through, self.ended)


@dataclass
class _Cancellation:
    """When the member cancelled, and the day the balance becomes zero (C14, A22)."""

    on: date
    ends_on: date


@dataclass
class _Statement:
    """The booked lines (steady months unexpanded), with the day and balance after each."""

    lines: list[_Line] = field(default_factory=list)
    days: list[date] = field(default_factory=list)
    balances: list[int] = field(default_factory=list)


class PlanAccount:
    """One plan member's credits, kept as dated lots and a statement, event by event (C6, C9-C15).

    Allotments, expiries and the end after a cancellation happen as time passes; they are
    applied up to the day of each recorded event, in the order: expiries of the day, the end
    after a cancellation, then the allotment, then the event. The statement so far and the
    balance after each of its lines are kept, so the balance on a past day is a binary search; a
    later day is projected from the current lots (A7). Once the account repeats itself month by
    month (`_steady`), the projection jumps to the last billing day before the day asked for, and
    the statement keeps those months as one unexpanded run.

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
        self.rollover = plan.expiry is CreditExpiry.ROLLOVER
        self._grant_reason = grant_reason(plan)
        self._forfeit_reason = forfeit_reason(self.cap, plan)
        self.start_credits = 0
        self.inmails: list[Message] = []
        self.cancellation: _Cancellation | None = None
        self._state = _State([], 0, 0, None)
        self._booked = _Statement()

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
            lots.pop(0)
        self._state.balance -= message.cost
        self._book(debit_entry(message), self._state.balance)

    def record_reaction(self, message: Message, reacted: ReactionRecord) -> None:
        """Book a credit-back, if the reaction brings one: a new lot of that day (C4b, A17, A18).

        Plans begin after `POLICY_CHANGE`, so the 90-day rule applies: the credit comes back on
        the day of a response, which is the day of this event (C7). After the end of a cancelled
        plan the credit-back is booked and forfeited at once (C14, A22).
        """
        refunded = refund_day(message, reacted)
        if refunded is not None:
            self._advance(self._state, refunded, self._book)
            self._credit(self._state, refunded, message.cost, message, self._book)

    def cancel(self, on: date) -> None:
        """Book a cancellation on day `on` (C14, A22): the balance ends on `cancellation_end`.

        The network has checked that the plan runs and has not been cancelled before.
        """
        self._advance(self._state, on, self._book)
        self.cancellation = _Cancellation(on, cancellation_end(self.plan, on))
        self._advance(self._state, on, self._book)

    # -- reading -------------------------------------------------------------------------------

    def balance(self, on: date) -> int:
        """The credits at the end of day `on` (C6, A7)."""
        through = self._state.through
        if through is not None and on <= through:
            index = bisect_right(self._booked.days, on)
            return self._booked.balances[index - 1] if index else 0
        state = self._state.copy()
        self._advance(state, on, None)
        return state.balance

    def statement(self, on: date, reactions: Mapping[int, ReactionRecord]) -> list[LedgerEntry]:
        """Every line of the statement up to and including `on`, ordered by day (C6, A7).

        The credit-backs are booked as the reactions come, so `reactions` is not read again.
        A day after the latest event is projected: the subscription goes on, one allotment a
        month. The statement has two lines for every month in between, so its length and the
        time it takes grow with the months (about a second for the 96,000 months to `date.max`).
        """
        through = self._state.through
        if through is not None and on <= through:
            lines = self._booked.lines[: bisect_right(self._booked.days, on)]
        else:
            projected: list[_Line] = []
            self._advance(self._state.copy(), on, lambda line, _: projected.append(line))
            lines = [*self._booked.lines, *projected]
        entries: list[LedgerEntry] = []
        for line in lines:
            if isinstance(line, LedgerEntry):
                entries.append(line)
            else:
                entries.extend(self._expand(line, on))
        return entries

    # -- time and lots -------------------------------------------------------------------------

    def _next_grant(self, state: _State) -> date | None:
        """The day of the next allotment, or ``None`` once the plan has ended (C14)."""
        if state.ended:
            return None
        grant = billing_day(self.plan, self.subscribed_on, state.number)
        ends_on = None if self.cancellation is None else self.cancellation.ends_on
        if grant is not None and ends_on is not None and grant >= ends_on:
            return None
        return grant

    def _advance(self, state: _State, day: date, sink: _Sink | None) -> None:
        """Move `state` through `day`: a day's expiries, the end, then its allotment (A14, A20).

        With `sink` ``None`` only the balance is followed, without statement lines.
        """
        grant = self._next_grant(state)
        while True:
            expiring = _first_expiring(state.lots)
            expiry = None if expiring is None else expiring.expires_on
            end = None
            if self.cancellation is not None and not state.ended:
                end = self.cancellation.ends_on
            if grant is not None and grant <= day and self._jump(state, day, sink):
                grant = self._next_grant(state)
            elif (
                expiry is not None
                and expiry <= day
                and (grant is None or expiry <= grant)
                and (end is None or expiry <= end)
            ):
                assert expiring is not None
                self._expire(state, expiring, sink)
            elif end is not None and end <= day and (grant is None or end <= grant):
                self._end(state, sink)
                grant = None
            elif grant is not None and grant <= day:
                state.number += 1
                if self.monthly:
                    self._credit(state, grant, self.monthly, None, sink)
                grant = self._next_grant(state)
            else:
                break
        if state.through is None or day > state.through:
            state.through = day

    def _expire(self, state: _State, lot: _Lot, sink: _Sink | None) -> None:
        state.lots.remove(lot)
        state.balance -= lot.left
        if sink is not None:
            assert lot.expires_on is not None
            reason = (cycle_expiry_reason if lot.allotment else expiry_reason)(lot.granted_on)
            line = LedgerEntry(
                on=lot.expires_on, change=-lot.left, reason=reason, kind=EntryKind.EXPIRY
            )
            sink(line, state.balance)

    def _end(self, state: _State, sink: _Sink | None) -> None:
        """The balance of a cancelled plan becomes zero; nothing comes any more (C14, A22)."""
        assert self.cancellation is not None
        left = state.balance
        state.lots.clear()
        state.balance = 0
        state.ended = True
        if sink is not None and left:
            reason = cancel_reason(self.cancellation.on, self.cancellation.ends_on)
            line = LedgerEntry(
                on=self.cancellation.ends_on,
                change=-left,
                reason=reason,
                kind=EntryKind.CANCELLATION,
            )
            sink(line, 0)

    def _steady(self, state: _State) -> bool:
        """Whether each further billing day books the same lines, without events (C9-C15).

        90-day plans: the lots are exactly the last three allotments, whole; rollover plans: the
        balance is at the cap, with nothing that expires. A plan without allotments is steady
        once its lots are gone. (After a cancellation no allotment is left to jump over.)
        """
        if not self.monthly:
            return not state.lots
        if self.rollover:
            return state.balance == self.cap and all(lot.expires_on is None for lot in state.lots)
        count = EXPIRY_BILLING_PERIODS
        if self.cap != count * self.monthly or len(state.lots) != count:
            return False
        first = state.number - count
        return all(
            lot.allotment
            and lot.left == self.monthly
            and lot.granted_on == billing_day(self.plan, self.subscribed_on, first + index)
            for index, lot in enumerate(state.lots)
        )

    def _jump(self, state: _State, day: date, sink: _Sink | None) -> bool:
        """From a steady state, book every allotment up to `day` at once (two or more)."""
        last = last_billing_number(self.plan, self.subscribed_on, day)
        if last <= state.number or not self._steady(state):
            return False
        first_day = billing_day(self.plan, self.subscribed_on, state.number)
        assert first_day is not None
        if sink is not None and self.monthly:
            sink(_Months(state.number, last, first_day, state.balance), state.balance)
        state.number = last + 1
        if self.monthly and not self.rollover:
            first = state.number - EXPIRY_BILLING_PERIODS
            state.lots = [self._allotment_lot(first + index) for index in range(len(state.lots))]
        return True

    def _allotment_lot(self, number: int) -> _Lot:
        granted = billing_day(self.plan, self.subscribed_on, number)
        assert granted is not None
        return _Lot(granted, self.monthly, self._lot_end(number), allotment=True)

    def _lot_end(self, number: int) -> date | None:
        """When the allotment `number` expires: the billing day three periods later (A20)."""
        if self.rollover:
            return None
        return billing_day(self.plan, self.subscribed_on, number + EXPIRY_BILLING_PERIODS)

    def _expand(self, months: _Months, on: date) -> Iterator[LedgerEntry]:
        """The lines of a steady run of months, up to and including day `on`.

        Each billing day is worked out once; the expiry line names the allotment three billing
        days before, which the loop still holds.
        """
        plan, subscribed_on, monthly = self.plan, self.subscribed_on, self.monthly
        grant_reason_, forfeit_reason_ = self._grant_reason, self._forfeit_reason
        earlier = deque(
            billing_day(plan, subscribed_on, months.first - back)
            for back in range(EXPIRY_BILLING_PERIODS, 0, -1)
        )
        for number in range(months.first, months.last + 1):
            granted = billing_day(plan, subscribed_on, number)
            assert granted is not None
            if granted > on:
                return
            grant = _entry(granted, monthly, grant_reason_, EntryKind.ALLOTMENT)
            if self.rollover:
                yield grant
                yield _entry(granted, -monthly, forfeit_reason_, EntryKind.FORFEIT)
                continue
            expired_on = earlier.popleft()
            assert expired_on is not None
            yield _entry(granted, -monthly, cycle_expiry_reason(expired_on), EntryKind.EXPIRY)
            yield grant
            earlier.append(granted)

    def _credit(
        self, state: _State, on: date, amount: int, message: Message | None, sink: _Sink | None
    ) -> None:
        """Add `amount` as a lot of day `on`; what exceeds the cap is forfeited (A18).

        The statement line is the allotment, or the credit-back of `message`. After a cancelled
        plan has ended, a credit-back is forfeited whole (C14, A22).
        """
        room = 0 if state.ended else self.cap - state.balance
        kept = min(amount, room)
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
                message_id = None if message is None else message.id
                if state.ended:
                    assert self.cancellation is not None
                    reason, kind = after_cancel_reason(self.cancellation.on), EntryKind.CANCELLATION
                else:
                    reason, kind = forfeit_reason(self.cap, self.plan), EntryKind.FORFEIT
                forfeit = LedgerEntry(
                    on=on, change=kept - amount, reason=reason, kind=kind, message_id=message_id
                )
                sink(forfeit, state.balance)
        if kept:
            if message is None:
                lot = _Lot(on, kept, self._lot_end(state.number - 1), allotment=True)
            else:
                lot = _Lot(on, kept, None if self.rollover else expiry_day(on), allotment=False)
            last = state.lots[-1] if state.lots else None
            if last is not None and (last.granted_on, last.expires_on, last.allotment) == (
                lot.granted_on,
                lot.expires_on,
                lot.allotment,
            ):
                last.left += kept
            else:
                state.lots.append(lot)

    def _book(self, line: _Line, balance: int) -> None:
        """Add a line to the statement, with the balance after it."""
        self._booked.lines.append(line)
        self._booked.days.append(line.on if isinstance(line, LedgerEntry) else line.first_day)
        self._booked.balances.append(balance)


_ENTRY_FIELDS = frozenset(LedgerEntry.model_fields)


def _entry(on: date, change: int, reason: str, kind: EntryKind) -> LedgerEntry:
    """A statement line of a steady month, built without validation (about 5 times faster).

    Its values are the account's own, already valid; the line equals the validated
    ``LedgerEntry(on=on, change=change, reason=reason, kind=kind)``.
    """
    entry = LedgerEntry.__new__(LedgerEntry)
    values = {"on": on, "change": change, "reason": reason, "kind": kind, "message_id": None}
    object.__setattr__(entry, "__dict__", values)
    object.__setattr__(entry, "__pydantic_fields_set__", _ENTRY_FIELDS)
    object.__setattr__(entry, "__pydantic_extra__", None)
    object.__setattr__(entry, "__pydantic_private__", None)
    return entry


def _first_expiring(lots: list[_Lot]) -> _Lot | None:
    """The lot that expires first (the oldest of those on the same day), if any expires."""
    first: _Lot | None = None
    first_day = date.max
    for lot in lots:
        if lot.expires_on is not None and (first is None or lot.expires_on < first_day):
            first, first_day = lot, lot.expires_on
    return first


Account = CreditAccount | PlanAccount
"""The credit account of one member: start credits (the article) or a plan (today)."""


def open_account(member: Member) -> Account:
    """The account that fits a member: with a plan its lots (C9-C11), else start credits (C6)."""
    if member.plan is not None and member.subscribed_on is not None:
        return PlanAccount(member.plan, member.subscribed_on)
    return CreditAccount(member.inmail_credits)
