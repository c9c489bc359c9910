"""The records a network keeps and returns: groups, discussions, messages, reactions, ledger lines.

Every record is a frozen pydantic model; `Network` creates them and hands them out, and the rule
functions in `channels` and `ledger` read them. Nothing here changes state or checks a rule.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from .channels import Channel, channel_rule
from .ids import RuleId
from .members import Member
from .reactions import Reaction

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
"""A name or title: not empty and not only white space."""


def counted(number: int, singular: str, plural: str) -> str:
    """A German count with its noun: ``1 Mitglied``, ``3 Mitglieder``."""
    return f"{number} {singular if number == 1 else plural}"


class Group(BaseModel):
    """A LinkedIn group: its moderators and members (moderators are members too).

    Attributes:
        name: Unique group name.
        moderators: Names of the moderators (K2).
        members: Names of all members, moderators included, in the order they joined.

    """

    model_config = ConfigDict(frozen=True)

    name: Text
    moderators: tuple[str, ...]
    members: tuple[str, ...]

    def __str__(self) -> str:
        return f"Gruppe „{self.name}“ ({counted(len(self.members), 'Mitglied', 'Mitglieder')})"


class Discussion(BaseModel):
    """A discussion in a group: its author and everyone who commented (K3).

    Attributes:
        id: Number of the discussion in its network.
        group: Name of the group.
        title: The discussion's title.
        author: Name of the member who started it.
        commenters: Names of the members who commented, in order, without repeats.

    """

    model_config = ConfigDict(frozen=True)

    id: int
    group: str
    title: Text
    author: str
    commenters: tuple[str, ...] = ()

    @property
    def participants(self) -> tuple[str, ...]:
        """The author and every commenter: everyone reachable by "Privat antworten" (K3)."""
        return (self.author, *(name for name in self.commenters if name != self.author))

    def __str__(self) -> str:
        return f"Diskussion „{self.title}“ in „{self.group}“"


class Message(BaseModel):
    """A sent message.

    Attributes:
        id: Number of the message in its network.
        sender: Who wrote it.
        recipient: Who received it.
        channel: The channel it went through.
        sent_on: The day it was sent.
        cost: Credits it cost (1 for an InMail, otherwise 0; C2, C3).
        via: The group or discussion it went through (K2, K3), if any.
        sender_stars: The sender's stars at sending, shown to the recipient of an InMail (F4);
            ``None`` for free messages.

    """

    model_config = ConfigDict(frozen=True)

    id: int
    sender: Member
    recipient: Member
    channel: Channel
    sent_on: date
    cost: int
    via: str | None = None
    sender_stars: int | None = None

    @property
    def rule(self) -> RuleId:
        """The rule of the way it went, on the day it was sent: K12 for OpenLink from May 2014."""
        return channel_rule(self.channel, self.sent_on)

    def __str__(self) -> str:
        text = (
            f"{self.channel.title} von {self.sender.name} an {self.recipient.name}"
            f" am {self.sent_on:%d.%m.%Y}"
        )
        if self.sender_stars is not None:
            text += f" ({counted(self.sender_stars, 'Stern', 'Sterne')})"
        return text


class ReactionRecord(BaseModel):
    """A recipient's recorded reaction to an InMail (C5, F1).

    Attributes:
        reaction: What the recipient did.
        on: The day they did it.

    """

    model_config = ConfigDict(frozen=True)

    reaction: Reaction
    on: date


class EntryKind(Enum):
    """What a line of a credit statement books (`LedgerEntry.kind`), with the rules behind it."""

    START = "start"
    """The start credits, dated `date.min` (C6); only without a plan."""
    INMAIL = "inmail"
    """An InMail's cost on its sending day (C2)."""
    REFUND = "refund"
    """A credit that comes back (C4a, C4b; on a plan a new lot, A17)."""
    ALLOTMENT = "allotment"
    """A plan's monthly allotment (C9)."""
    FORFEIT = "forfeit"
    """What would take the balance above the plan's cap (C10, A18)."""
    EXPIRY = "expiry"
    """What is left of a lot on its expiry day (C11; A20 for an allotment, A15 for a
    credit-back)."""
    CANCELLATION = "cancellation"
    """What a cancelled plan's balance loses when it ends, or a credit-back after it (C14, A22)."""


class LedgerEntry(BaseModel):
    """One line of a member's credit statement (C6).

    Attributes:
        on: The day the change takes effect.
        change: Credits added (positive) or taken (negative).
        reason: German text, e.g. "Startguthaben", "InMail an …" or "Gutschrift (…)".
        kind: What the line books (one of seven kinds; the reason says it in German).
        message_id: The InMail concerned, if any.

    """

    model_config = ConfigDict(frozen=True)

    on: date
    change: int
    reason: str
    kind: EntryKind
    message_id: int | None = None
