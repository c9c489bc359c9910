"""Every member's InMail credits in one network: who may send an InMail, and the statement.

`Accounts` opens a member's account when the member joins (`allotment.open_account`: start
credits, or a plan's allotments), books each InMail (C2) and each reaction (C4, A17) as
`Network` records them, and answers the balance and the statement for a day (C6, C9-C11, A7).
It also refuses an InMail the sender cannot pay for (C1, C2, C9, C14), and a cancellation the
model cannot book (C14), before anything is recorded. Start credits (a Premium member without a
plan) are the article's model: on a day of today's plans (C9-C11, from `PLANS_ATTESTED_FROM`) the
model has no answer for them and refuses with `PlanRequired` (A13).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .allotment import Account, PlanAccount, open_account
from .channels import Channel
from .errors import (
    BeforeSubscription,
    CannotCancel,
    NoCreditsLeft,
    PlanCancelled,
    PlanRequired,
    PremiumRequired,
)
from .ids import RuleId
from .members import Member
from .periods import PLANS_ATTESTED_FROM
from .records import LedgerEntry, Message, ReactionRecord
from .rules import rule_holds

PLAN_RULE: RuleId = "C9"
"""From the day this rule holds on, credits come from plans: start credits have no answer (A13)."""


class Accounts:
    """The credit account of every member of one network (C2, C4, C6, C9-C11)."""

    def __init__(self) -> None:
        self._accounts: dict[str, Account] = {}

    def open(self, member: Member) -> None:
        """Open the account of a member who just joined."""
        self._accounts[member.name] = open_account(member)

    def require_inmail(self, sender: Member, on: date) -> None:
        """Refuse an InMail: Basic (C1), start credits (A13), early (A14), ended (C14), unpaid."""
        if not sender.premium:
            raise PremiumRequired(sender=sender)
        self._require_answer(sender, on)
        if (
            sender.plan is not None
            and sender.subscribed_on is not None
            and on < sender.subscribed_on
        ):
            raise BeforeSubscription(
                sender=sender, plan=sender.plan, subscribed_on=sender.subscribed_on, on=on
            )
        account = self._accounts[sender.name]
        cancelled = account.cancellation if isinstance(account, PlanAccount) else None
        if cancelled is not None and cancelled.ends_on <= on:
            raise PlanCancelled(
                sender=sender,
                plan=sender.plan,
                cancelled_on=cancelled.on,
                ends_on=cancelled.ends_on,
            )
        if self.balance(sender, on) < Channel.INMAIL.cost:
            raise NoCreditsLeft(sender=sender, on=on)

    def cancel(self, member: Member, on: date) -> None:
        """Cancel a member's plan on day `on` (C14, A22), or refuse with `CannotCancel`."""
        account = self._accounts[member.name]
        if not isinstance(account, PlanAccount) or not account.plan.premium:
            raise CannotCancel(variant="no_plan", member=member)
        if account.cancellation is not None:
            raise CannotCancel(
                variant="twice",
                member=member,
                plan=account.plan,
                cancelled_on=account.cancellation.on,
            )
        if on < account.subscribed_on:
            raise CannotCancel(
                variant="before_subscription",
                member=member,
                plan=account.plan,
                subscribed_on=account.subscribed_on,
                on=on,
            )
        account.cancel(on)

    def record_inmail(self, message: Message) -> None:
        """Book an InMail on its sender's account (C2)."""
        self._accounts[message.sender.name].record_inmail(message)

    def record_reaction(self, message: Message, reacted: ReactionRecord) -> None:
        """Book a reaction to an InMail on its sender's account: a refund, maybe (C4, A17)."""
        self._accounts[message.sender.name].record_reaction(message, reacted)

    def balance(self, member: Member, on: date) -> int:
        """The member's credits at the end of day `on`.

        Raises:
            PlanRequired: Start credits on a day of today's plans (C9, A13).

        """
        self._require_answer(member, on)
        return self._accounts[member.name].balance(on)

    def statement(
        self, member: Member, on: date, reactions: Mapping[int, ReactionRecord]
    ) -> list[LedgerEntry]:
        """The member's statement up to and including `on`, ordered by day (C6).

        Raises:
            PlanRequired: Start credits on a day of today's plans (C9, A13).

        """
        self._require_answer(member, on)
        return self._accounts[member.name].statement(on, reactions)

    @staticmethod
    def _require_answer(member: Member, on: date) -> None:
        """Refuse start credits on a day of today's plans: the model has no answer (C9, A13)."""
        if member.premium and member.plan is None and rule_holds(PLAN_RULE, on):
            raise PlanRequired(member=member, on=on, first=PLANS_ATTESTED_FROM)
