"""Invitations with a personal note (K16, K17, K20, K21, A24): how long a note, how many a month.

`invitation_note` gives a member's two numbers for a day as typed values (`Limit`), each with its
rule: the note's length (300 characters, K16; for a Basic account 200, K21) and the invitations
with a note a month (5 for a Basic account, none for Premium, K17). Where the sources do not
vouch for a day, the value says "nicht belegt" instead of a number. `NoteCount` keeps, per
sender, the days of the invitations with a note that a `Network` recorded, and refuses a sixth in
a calendar month (`InvitationNoteLimit`).

Example:
    ```python
    from datetime import date

    from inmail_explained import Member, invitation_note

    basis = Member(name="Ben")
    print(invitation_note(basis, on=date(2026, 12, 1)))
    #> Länge: 200 Zeichen (K21); im Monat: 5 Einladungen mit Nachricht (K17)
    print(invitation_note(Member(name="Pia", premium=True), on=date(2026, 12, 1)))
    #> Länge: 300 Zeichen (K16); im Monat: ohne Grenze (K17)
    print(invitation_note(basis, on=date(2023, 1, 2)))
    #> Länge: nicht belegt (K21); im Monat: nicht belegt (K17)
    ```

"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from .boundary import checked
from .channels import Channel, ChannelOption
from .errors import InvitationNoteLimit
from .ids import RuleId
from .members import Member
from .periods import month_title, next_month_start, used_this_month
from .records import Message
from .rules import (
    INVITATION_NOTE_CHARS,
    INVITATION_NOTE_CHARS_BASIC,
    INVITATION_NOTES_PER_MONTH_BASIC,
    rule_holds,
)

NOTE_CHARS_RULE: RuleId = "K16"
"""The note's length on Premium's side (300 characters)."""

NOTE_CHARS_BASIC_RULE: RuleId = "K21"
"""The note's length for a Basic account (200 characters), from the first day a source names it."""

NOTES_PER_MONTH_RULE: RuleId = "K17"
"""Five invitations with a note a month for a Basic account; Premium has no such limit."""

NOT_DOCUMENTED = "nicht belegt"
"""What a `Limit` says where the sources give no number for the day."""


class Limit(BaseModel):
    """A number the sources give for a day, with its rule: a value, no limit, or not documented.

    Attributes:
        rule: The rule that gives the number (or says that it is not documented).
        unit: What is counted, in German ("Zeichen").
        value: The number; ``None`` with `documented`: there is no limit.
        documented: ``False``: the sources do not say for this day (then `value` is ``None``).

    """

    model_config = ConfigDict(frozen=True)

    rule: RuleId
    unit: str
    value: int | None = None
    documented: bool = True

    @property
    def unlimited(self) -> bool:
        """Whether the sources say there is no limit (Premium's notes a month, K17)."""
        return self.documented and self.value is None

    def __str__(self) -> str:
        if not self.documented:
            return f"{NOT_DOCUMENTED} ({self.rule})"
        if self.value is None:
            return f"ohne Grenze ({self.rule})"
        return f"{self.value} {self.unit} ({self.rule})"


class InvitationNote(BaseModel):
    """What a member may write on invitations on a day (K16, K17, K21).

    Attributes:
        chars: The longest note, in characters.
        per_month: How many invitations with a note a calendar month (A24).

    """

    model_config = ConfigDict(frozen=True)

    chars: Limit
    per_month: Limit

    def __str__(self) -> str:
        return f"Länge: {self.chars}; im Monat: {self.per_month}"


@checked
def invitation_note(member: Member, *, on: date) -> InvitationNote:
    """The length of a note and the notes a month for `member` on day `on` (K16, K17, K21).

    A Premium member: 300 characters from the first day a source names them (K16) and no monthly
    limit (K17). A Basic member: 200 characters from 30 November 2025 (K21; in October 2022 a
    source reported 300 for every account, when that changed is not found, so no number before),
    5 a month (K17). Before the sources vouch for a number, it is "nicht belegt".
    """
    return _note(member, on)


def _note(member: Member, on: date) -> InvitationNote:
    """`invitation_note` without the boundary's checks."""
    if member.premium:
        chars_rule, chars_value = NOTE_CHARS_RULE, INVITATION_NOTE_CHARS
        monthly: int | None = None
    else:
        chars_rule, chars_value = NOTE_CHARS_BASIC_RULE, INVITATION_NOTE_CHARS_BASIC
        monthly = INVITATION_NOTES_PER_MONTH_BASIC
    chars_known = rule_holds(chars_rule, on)
    monthly_known = rule_holds(NOTES_PER_MONTH_RULE, on)
    return InvitationNote(
        chars=Limit(
            rule=chars_rule,
            unit="Zeichen",
            value=chars_value if chars_known else None,
            documented=chars_known,
        ),
        per_month=Limit(
            rule=NOTES_PER_MONTH_RULE,
            unit="Einladungen mit Nachricht",
            value=monthly if monthly_known else None,
            documented=monthly_known,
        ),
    )


class NoteCount:
    """The invitations with a note every sender of one network sent, by day (K17, A24)."""

    def __init__(self) -> None:
        self._days: dict[str, list[date]] = {}

    def left(self, sender: Member, on: date) -> int | None:
        """The sender's invitations with a note left in `on`'s month, or ``None``: no limit."""
        limit = _note(sender, on).per_month.value
        if limit is None:
            return None
        days = self._days.get(sender.name, [])
        used = used_this_month(days, on)
        return max(limit - used, 0)

    @staticmethod
    def apply(options: Sequence[ChannelOption], left: int | None) -> list[ChannelOption]:
        """The open ways once the limit is applied: at 0 left, no invitation with a note."""
        return [o for o in options if left != 0 or o.channel is not Channel.INVITATION]

    def refusal(
        self,
        sender: Member,
        recipient: Member,
        on: date,
        options: Sequence[ChannelOption],
        via: Channel | None,
    ) -> InvitationNoteLimit | None:
        """The refusal when the limit took away the way asked for, or the only way there was."""
        left = self.left(sender, on)
        offered = any(option.channel is Channel.INVITATION for option in options)
        if left != 0 or not offered:
            return None
        if via is Channel.INVITATION or (via is None and not self.apply(options, left)):
            return InvitationNoteLimit(
                sender=sender,
                recipient=recipient,
                month=month_title(on),
                limit=INVITATION_NOTES_PER_MONTH_BASIC,
                next_month=next_month_start(on),
            )
        return None

    def record(self, message: Message) -> None:
        """Count an invitation with a note (events come in date order, C7)."""
        if message.channel is Channel.INVITATION:
            self._days.setdefault(message.sender.name, []).append(message.sent_on)
