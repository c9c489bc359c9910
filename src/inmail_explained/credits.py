"""InMail credits: what an InMail costs and when the credit comes back (C2, C4, C5).

The refund rule changed on `POLICY_CHANGE`. An InMail is judged by the rule in force on the day
it was sent: `refund_policy(sent_on)` returns that rule as a `RefundPolicy` value, so both eras
can be shown side by side.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from .boundary import checked
from .ids import RuleId
from .periods import POLICY_CHANGE
from .reactions import Reaction

USD_PER_INMAIL = 10
"""The article's rule of thumb: one InMail is worth about 10 US dollars (C2)."""

LEGACY_WINDOW_DAYS = 7
"""Old "Antwortgarantie": without a response within this many days, the credit comes back (C4a)."""

LEGACY_REFUND_DELAY_DAYS = LEGACY_WINDOW_DAYS + 1
"""Old rule: the credit comes back on this day after sending, i.e. `sent_on + 8 days` (C4a)."""

RESPONSE_WINDOW_DAYS = 90
"""New rule: the credit comes back only for a response within this many days (C4b)."""

TODAY_WORDING_RULE: RuleId = "C8"
"""Today's wording of the credit-back; it behaves as the 90-day rule (C4b)."""

RESPONSES = frozenset({Reaction.REPLY, Reaction.NOT_INTERESTED})
"""Reactions that count as a response; marking as spam does not (C5, A2)."""


def is_response(reaction: Reaction) -> bool:
    """Whether a reaction counts as a response for the refund rules (C5, A2)."""
    return reaction in RESPONSES


class RefundPolicy(BaseModel):
    """One of the two refund rules (C4a, C4b).

    Attributes:
        rule: The rule ID, ``C4a`` or ``C4b``.
        name: The German name of the rule.
        window_days: Days after sending within which a response counts ("within N days" means
            ``(responded_on - sent_on).days <= N``).
        refund_if_responded: ``False`` for the old rule (refund when nobody responds in time),
            ``True`` for the new one (refund only when somebody responds in time).

    """

    model_config = ConfigDict(frozen=True)

    rule: RuleId
    name: str
    window_days: int
    refund_if_responded: bool

    def responded_in_time(
        self, sent_on: date, reaction: Reaction | None, reacted_on: date | None
    ) -> bool:
        """Whether there was a response (C5) within the window (C4)."""
        if reaction is None or reacted_on is None or not is_response(reaction):
            return False
        return (reacted_on - sent_on).days <= self.window_days

    def refund_on(
        self, sent_on: date, reaction: Reaction | None = None, reacted_on: date | None = None
    ) -> date | None:
        """The day the credit comes back, or ``None`` if it does not (C4a, C4b).

        Args:
            sent_on: The day the InMail was sent.
            reaction: The recipient's reaction so far, if any.
            reacted_on: The day of that reaction.

        Returns:
            Old rule: ``sent_on + 8 days`` unless a response came within 7 days; a later response
            takes nothing back. New rule: the day of a response within 90 days, else ``None``.

        """
        in_time = self.responded_in_time(sent_on, reaction, reacted_on)
        if self.refund_if_responded:
            return reacted_on if in_time else None
        return None if in_time else sent_on + timedelta(days=LEGACY_REFUND_DELAY_DAYS)


ANSWER_GUARANTEE = RefundPolicy(
    rule="C4a",
    name="Antwortgarantie",
    window_days=LEGACY_WINDOW_DAYS,
    refund_if_responded=False,
)
"""The old rule for InMails sent before `POLICY_CHANGE` (C4a)."""

NINETY_DAY_RULE = RefundPolicy(
    rule="C4b",
    name="90-Tage-Regel",
    window_days=RESPONSE_WINDOW_DAYS,
    refund_if_responded=True,
)
"""The rule for InMails sent on or after `POLICY_CHANGE` (C4b)."""


@checked
def refund_policy(sent_on: date) -> RefundPolicy:
    """The refund rule that applies to an InMail sent on `sent_on` (C4)."""
    return ANSWER_GUARANTEE if sent_on < POLICY_CHANGE else NINETY_DAY_RULE
