"""A member's credit statement as a function of events: InMails sent and reactions (C2, C4, C6).

`refund_day` applies the refund rule in force on the sending day (C4a, C4b) to one InMail and its
reaction; `ledger_entries` lists start credits, every InMail's debit and every refund, ordered by
day. Both are plain functions of records, so they can be called without a `Network`.

`CreditAccount` keeps the same numbers up to date event by event, so that a network answers
"how many credits on day X?" at a cost that does not grow with the history (C6).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Mapping
from datetime import date

from .channels import INMAIL_COST
from .credits import RefundPolicy, refund_policy
from .records import EntryKind, LedgerEntry, Message, ReactionRecord

START_REASON = "Startguthaben"
"""The reason of the statement's first line, the start credits."""


def refund_day(message: Message, reacted: ReactionRecord | None = None) -> date | None:
    """The day an InMail's credit comes back, as far as its reaction so far says (C4, A7).

    Args:
        message: A paid InMail.
        reacted: The recipient's reaction, if any yet.

    Returns:
        The day of the refund under the rule of the sending day, or ``None``.

    """
    return refund_policy(message.sent_on).refund_on(
        message.sent_on,
        None if reacted is None else reacted.reaction,
        None if reacted is None else reacted.on,
    )


def debit_entry(message: Message) -> LedgerEntry:
    """The statement line of an InMail's cost, on its sending day (C2)."""
    return LedgerEntry(
        on=message.sent_on,
        change=-message.cost,
        reason=f"InMail an {message.recipient.name}",
        kind=EntryKind.INMAIL,
        message_id=message.id,
    )


def refund_entry(message: Message, on: date) -> LedgerEntry:
    """The statement line of an InMail's refund on day `on`, naming the rule (C4a or C4b)."""
    return LedgerEntry(
        on=on,
        change=message.cost,
        reason=refund_reason(refund_policy(message.sent_on)),
        kind=EntryKind.REFUND,
        message_id=message.id,
    )


def refund_reason(policy: RefundPolicy) -> str:
    """The statement's reason for a refund under `policy`, naming the rule (C4a or C4b)."""
    return f"Gutschrift ({policy.name}, {policy.rule})"


def ledger_entries(
    start_credits: int,
    inmails: Iterable[Message],
    reactions: Mapping[int, ReactionRecord],
) -> list[LedgerEntry]:
    """The whole credit statement: start credits, each InMail's debit and refund, by day (C6).

    Args:
        start_credits: The member's credits at the start (dated `date.min`).
        inmails: The member's paid InMails, in the order sent.
        reactions: Recorded reactions by message id.

    Returns:
        The lines ordered by day; lines of the same day keep the order start, then per InMail
        (in sending order) its debit before its refund.

    Example:
        ```python
        from datetime import date

        from inmail_explained import Channel, Member, Message
        from inmail_explained.ledger import ledger_entries

        anna, erik = Member(name="Anna", premium=True, inmail_credits=1), Member(name="Erik")
        mail = Message(id=0, sender=anna, recipient=erik, channel=Channel.INMAIL,
                       sent_on=date(2014, 3, 1), cost=1)
        for entry in ledger_entries(1, [mail], {}):
            print(entry.on, entry.change, entry.reason)
        #> 0001-01-01 1 Startguthaben
        #> 2014-03-01 -1 InMail an Erik
        #> 2014-03-09 1 Gutschrift (Antwortgarantie, C4a)
        ```

    """
    entries = [
        LedgerEntry(on=date.min, change=start_credits, reason=START_REASON, kind=EntryKind.START)
    ]
    for message in inmails:
        entries.append(debit_entry(message))
        refunded = refund_day(message, reactions.get(message.id))
        if refunded is not None:
            entries.append(refund_entry(message, refunded))
    entries.sort(key=lambda entry: entry.on)  # stable: same-day lines keep the order above
    return entries


class CreditAccount:
    """One member's credits, updated per event instead of recomputed from the history (C6, A7).

    Keeps the days of the member's InMails (in sending order, so sorted by C7) and the refund
    day of each InMail that has one, sorted. A new InMail adds its debit and, under the old rule,
    the refund it will get unless someone responds within 7 days (C4a, A7); a reaction replaces
    that InMail's refund by the one its rule now gives. The balance on a day is then two binary
    searches.

    Args:
        start_credits: The member's credits at the start.

    """

    def __init__(self, start_credits: int) -> None:
        self.start_credits = start_credits
        self.inmails: list[Message] = []
        self._debit_days: list[date] = []
        self._refund_days: list[date] = []
        self._refund_by_message: dict[int, date] = {}

    def record_inmail(self, message: Message) -> None:
        """Book an InMail the member sent; its `sent_on` is not before any earlier one (C7)."""
        self.inmails.append(message)
        self._debit_days.append(message.sent_on)
        self._set_refund(message.id, refund_day(message))

    def record_reaction(self, message: Message, reacted: ReactionRecord) -> None:
        """Book the recipient's reaction to one of the member's InMails (C4a, C4b, C5)."""
        earlier = self._refund_by_message.pop(message.id, None)
        if earlier is not None:
            del self._refund_days[bisect_left(self._refund_days, earlier)]
        self._set_refund(message.id, refund_day(message, reacted))

    def balance(self, on: date) -> int:
        """The credits at the end of day `on`: start - InMails sent + refunds credited (C6)."""
        paid = bisect_right(self._debit_days, on)
        refunded = bisect_right(self._refund_days, on)
        return self.start_credits + (refunded - paid) * INMAIL_COST

    def statement(self, on: date, reactions: Mapping[int, ReactionRecord]) -> list[LedgerEntry]:
        """Every line of the statement up to and including `on`, ordered by day (C6, A7)."""
        entries = ledger_entries(self.start_credits, self.inmails, reactions)
        return [entry for entry in entries if entry.on <= on]

    def _set_refund(self, message_id: int, on: date | None) -> None:
        if on is not None:
            self._refund_by_message[message_id] = on
            insort(self._refund_days, on)
