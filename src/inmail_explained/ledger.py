"""A member's credit statement as a function of events: InMails sent and reactions (C2, C4, C6).

`refund_day` applies the refund rule in force on the sending day (C4a, C4b) to one InMail and its
reaction; `ledger_entries` lists start credits, every InMail's debit and every refund, ordered by
day. Both are plain functions of records, so they can be called without a `Network`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from .credits import refund_policy
from .records import LedgerEntry, Message, ReactionRecord

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
        message_id=message.id,
    )


def refund_entry(message: Message, on: date) -> LedgerEntry:
    """The statement line of an InMail's refund on day `on`, naming the rule (C4a or C4b)."""
    policy = refund_policy(message.sent_on)
    return LedgerEntry(
        on=on,
        change=message.cost,
        reason=f"Gutschrift ({policy.name}, {policy.rule})",
        message_id=message.id,
    )


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
    entries = [LedgerEntry(on=date.min, change=start_credits, reason=START_REASON)]
    for message in inmails:
        entries.append(debit_entry(message))
        refunded = refund_day(message, reactions.get(message.id))
        if refunded is not None:
            entries.append(refund_entry(message, refunded))
    entries.sort(key=lambda entry: entry.on)  # stable: same-day lines keep the order above
    return entries
