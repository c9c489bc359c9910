"""The monthly cap on group messages (K11, A11): its bookkeeping and its refusal in one place.

From 18 June 2015 a sender may begin `GROUP_MESSAGES_PER_MONTH` conversations per calendar month
through a group (K2, K3, K10). A message counts once per pair of members: the first group
message between two members begins the conversation, replies and follow-ups do not count (A11).
`GroupCap` keeps the first group message per pair and the counted days per sender, as
`Network` records messages, and answers how many are left and whether a send is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .channels import GROUP_MESSAGES_PER_MONTH, Channel, ChannelOption
from .errors import GroupMessageLimit
from .ids import RuleId
from .members import Member
from .periods import month_title, next_month_start, used_this_month
from .records import Message
from .rules import rule_holds

GROUP_CAP_RULE: RuleId = "K11"
"""The rule that caps the free group messages per calendar month."""


class GroupCap:
    """The counted group messages of every sender in one network (K11, A11)."""

    def __init__(self) -> None:
        self._first: dict[frozenset[str], date] = {}
        self._counted: dict[str, list[date]] = {}

    def left(self, sender: Member, recipient: Member, on: date) -> int | None:
        """The sender's counted group messages left in `on`'s month, or ``None``: no cap applies.

        ``None`` before 18 June 2015, or when the two have written to each other through a
        group before (a reply or follow-up does not count, A11).
        """
        if not rule_holds(GROUP_CAP_RULE, on):
            return None
        first = self._first.get(frozenset((sender.name, recipient.name)))
        if first is not None and first <= on:
            return None
        days = self._counted.get(sender.name, [])
        used = used_this_month(days, on)
        return max(GROUP_MESSAGES_PER_MONTH - used, 0)

    @staticmethod
    def apply(options: Sequence[ChannelOption], left: int | None) -> list[ChannelOption]:
        """The open ways once the cap is applied: at 0 left, no group way (K11)."""
        return [o for o in options if left != 0 or not o.channel.group_route]

    def refusal(
        self,
        sender: Member,
        recipient: Member,
        on: date,
        uncapped: Sequence[ChannelOption],
        via: Channel | None,
    ) -> GroupMessageLimit | None:
        """The refusal when the cap took away the way asked for, or every way there was."""
        left = self.left(sender, recipient, on)
        options = self.apply(uncapped, left)
        if left != 0 or (via is not None and any(o.channel is via for o in options)):
            return None
        wanted = [o for o in uncapped if o.channel.group_route and via in (None, o.channel)]
        if not wanted or (via is None and options):
            return None
        values: dict[str, object] = {
            "sender": sender,
            "recipient": recipient,
            "month": month_title(on),
            "limit": GROUP_MESSAGES_PER_MONTH,
            "next_month": next_month_start(on),
        }
        if options:
            offered = [option.title for option in options]
            return GroupMessageLimit(variant="other_ways", offered=offered, **values)
        return GroupMessageLimit(variant="no_other_way", **values)

    def record(self, message: Message) -> None:
        """Count a group message that begins a conversation, on days the cap applies."""
        if not message.channel.group_route:
            return
        pair = frozenset((message.sender.name, message.recipient.name))
        if pair not in self._first:
            if rule_holds(GROUP_CAP_RULE, message.sent_on):
                self._counted.setdefault(message.sender.name, []).append(message.sent_on)
            self._first[pair] = message.sent_on
