"""The network: members, their connections and groups, and every message sent between them.

`Network` is the one mutable object of the library. It records structure (members, connections,
groups, discussions) and dated events (messages and reactions). Each public method checks all of
its input first and records only then, so a refused call changes nothing (M4). Dated events move
forward in time (C7); the date is always a parameter, there is no hidden clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, validate_call

from .channels import PROFILE_CHANNELS, Channel, ChannelOption
from .credits import refund_policy
from .errors import (
    AlreadyConnected,
    AlreadyMember,
    AlreadyReacted,
    ChannelUnavailable,
    ContactBlocked,
    DuplicateGroup,
    DuplicateName,
    NoCreditsLeft,
    NotAnInMail,
    NotConnected,
    NotGroupMember,
    PremiumRequired,
    SelfConnection,
    SelfMessage,
    TimeWentBackwards,
    UnknownDiscussion,
    UnknownGroup,
    UnknownMember,
    UnknownMessage,
)
from .feedback import stars_for
from .members import Member
from .reactions import Reaction

_ARGS = ConfigDict(strict=True, arbitrary_types_allowed=True)
_F = TypeVar("_F", bound=Callable[..., Any])

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
"""A name or title: not empty and not only white space."""


def _checked(function: _F) -> _F:
    """Validate a public method's arguments strictly, so bad input fails with a clear error."""
    return validate_call(config=_ARGS)(function)


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
        return f"Gruppe „{self.name}“ ({_count(len(self.members), 'Mitglied', 'Mitglieder')})"


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

    def __str__(self) -> str:
        text = (
            f"{self.channel.title} von {self.sender.name} an {self.recipient.name}"
            f" am {self.sent_on:%d.%m.%Y}"
        )
        if self.sender_stars is not None:
            text += f" ({_count(self.sender_stars, 'Stern', 'Sterne')})"
        return text


class LedgerEntry(BaseModel):
    """One line of a member's credit statement (C6).

    Attributes:
        on: The day the change takes effect.
        change: Credits added (positive) or taken (negative).
        reason: German text: "Startguthaben", "InMail an …" or "Gutschrift (…)".
        message_id: The InMail concerned, if any.

    """

    model_config = ConfigDict(frozen=True)

    on: date
    change: int
    reason: str
    message_id: int | None = None


class _Reacted(BaseModel):
    """A recorded reaction to an InMail."""

    model_config = ConfigDict(frozen=True)

    reaction: Reaction
    on: date


class Network:
    """A small LinkedIn: add members, connect them, create groups, send and react.

    Example:
        ```python
        from datetime import date
        from inmail_explained import Member, Network

        net = Network()
        anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
        erik = net.add(Member(name="Erik"))
        mail = net.send(anna, erik, on=date(2015, 3, 1))
        assert net.credits(anna, on=date(2015, 3, 1)) == 0
        ```

    """

    def __init__(self) -> None:
        self._members: dict[str, Member] = {}
        self._connections: set[frozenset[str]] = set()
        self._groups: dict[str, Group] = {}
        self._discussions: list[Discussion] = []
        self._messages: list[Message] = []
        self._reactions: dict[int, _Reacted] = {}
        self._latest: date | None = None

    # -- members and connections -------------------------------------------------------------

    @_checked
    def add(self, member: Member) -> Member:
        """Add a member and return it (M1: names are unique).

        Raises:
            DuplicateName: A member with this name exists already.

        """
        if member.name in self._members:
            raise DuplicateName(name=member.name)
        self._members[member.name] = member
        return member

    @_checked
    def member(self, name: str) -> Member:
        """The member with this name.

        Raises:
            UnknownMember: No member has this name.

        """
        if name not in self._members:
            raise UnknownMember(variant="name", name=name)
        return self._members[name]

    @property
    def members(self) -> tuple[Member, ...]:
        """Every member, in the order added."""
        return tuple(self._members.values())

    @_checked
    def connect(self, first: Member, second: Member) -> None:
        """Connect two members (1st degree), so they can always write to each other (K1).

        Raises:
            SelfConnection: Both are the same member.
            AlreadyConnected: They are connected already.

        """
        self._require(first, second)
        if first.name == second.name:
            raise SelfConnection(variant="connect", member=first)
        if self.connected(first, second):
            raise AlreadyConnected(first=first, second=second)
        self._connections.add(frozenset((first.name, second.name)))

    @_checked
    def connected(self, first: Member, second: Member) -> bool:
        """Whether two members are connected (K1)."""
        self._require(first, second)
        return frozenset((first.name, second.name)) in self._connections

    # -- groups and discussions --------------------------------------------------------------

    @_checked
    def add_group(
        self, name: Text, *, moderators: Sequence[Member], members: Sequence[Member] = ()
    ) -> Group:
        """Create a group; moderators are members too (K2).

        Raises:
            DuplicateGroup: A group with this name exists already.
            UnknownMember: A moderator or member is not in the network.

        """
        if name in self._groups:
            raise DuplicateGroup(group=name)
        self._require(*moderators, *members)
        names = [member.name for member in (*moderators, *members)]
        group = Group(
            name=name,
            moderators=tuple(dict.fromkeys(member.name for member in moderators)),
            members=tuple(dict.fromkeys(names)),
        )
        self._groups[name] = group
        return group

    @property
    def groups(self) -> tuple[Group, ...]:
        """Every group, in the order created."""
        return tuple(self._groups.values())

    @_checked
    def group(self, name: str) -> Group:
        """The group with this name.

        Raises:
            UnknownGroup: No group has this name.

        """
        return self._group_named(name)

    @property
    def discussions(self) -> tuple[Discussion, ...]:
        """Every discussion, in the order started."""
        return tuple(self._discussions)

    @_checked
    def start_discussion(self, group: Group, *, author: Member, title: Text) -> Discussion:
        """Start a discussion; its author must belong to the group (K3).

        Raises:
            UnknownGroup: The group is not in the network.
            NotGroupMember: The author is not a member of the group.

        """
        current = self._group(group)
        self._require_in_group(author, current, "start_discussion")
        discussion = Discussion(
            id=len(self._discussions), group=current.name, title=title, author=author.name
        )
        self._discussions.append(discussion)
        return discussion

    @_checked
    def comment(self, discussion: Discussion, member: Member) -> Discussion:
        """Record that a member commented in a discussion; they must belong to its group (K3).

        Returns:
            The discussion with the commenter added.

        Raises:
            UnknownDiscussion: The discussion is not in the network.
            NotGroupMember: The member is not a member of the discussion's group.

        """
        current = self._discussion(discussion)
        self._require_in_group(member, self._groups[current.group], "comment")
        if member.name in current.commenters:
            return current
        updated = current.model_copy(update={"commenters": (*current.commenters, member.name)})
        self._discussions[current.id] = updated
        return updated

    @_checked
    def join(self, member: Member, group: Group) -> Group:
        """Let a member join a group on their own, as anyone may (K2, K3).

        Returns:
            The group with the new member.

        Raises:
            UnknownGroup: The group is not in the network.
            AlreadyMember: The member belongs to the group already.
        """
        self._require(member)
        current = self._group(group)
        if member.name in current.members:
            raise AlreadyMember(variant="join", member=member, group=current.name)
        return self._add_to_group(current, member)

    @_checked
    def invite(self, sender: Member, recipient: Member, group: Group) -> Group:
        """Invite a connection into a group; strangers cannot be invited (K9).

        The invitation is modelled as accepted at once (assumption A6).

        Returns:
            The group with the new member.

        Raises:
            SelfConnection: Sender and recipient are the same member.
            NotConnected: The recipient is not a connection of the sender.
            NotGroupMember: The sender is not a member of the group.
            AlreadyMember: The recipient is a member already.

        """
        self._require(sender, recipient)
        current = self._group(group)
        if sender.name == recipient.name:
            raise SelfConnection(variant="invite", member=sender)
        if not self.connected(sender, recipient):
            raise NotConnected(sender=sender, recipient=recipient)
        self._require_in_group(sender, current, "invite")
        if recipient.name in current.members:
            raise AlreadyMember(variant="invite", member=recipient, group=current.name)
        return self._add_to_group(current, recipient)

    # -- channels ----------------------------------------------------------------------------

    @_checked
    def options(self, sender: Member, recipient: Member) -> list[ChannelOption]:
        """Every way the sender can write to the recipient, ordered K1..K5 (preference).

        K1 connected; K2 the recipient moderates a group the sender belongs to (A1); K3 the
        recipient wrote or commented in a discussion of a group the sender belongs to; K4 the
        recipient has OpenLink; K5 an InMail, when the recipient is not a connection, has no
        OpenLink and accepts InMails (assumption A5: group ways do not hide the InMail button).

        Raises:
            SelfMessage: Sender and recipient are the same member (K8).

        """
        self._require_other(sender, recipient)
        options: list[ChannelOption] = []
        connected = self.connected(sender, recipient)
        if connected:
            options.append(ChannelOption(channel=Channel.CONNECTION, cost=0))
        moderated = self._moderated_group(sender, recipient)
        if moderated is not None:
            options.append(ChannelOption(channel=Channel.MODERATOR, cost=0, via=moderated))
        discussion = self._shared_discussion(sender, recipient)
        if discussion is not None:
            options.append(
                ChannelOption(channel=Channel.PRIVATE_REPLY, cost=0, via=discussion.title)
            )
        if recipient.openlink:
            options.append(ChannelOption(channel=Channel.OPENLINK, cost=0))
        if not connected and not recipient.openlink and recipient.accepts_inmail:
            options.append(ChannelOption(channel=Channel.INMAIL, cost=Channel.INMAIL.cost))
        return options

    @_checked
    def profile_button(self, viewer: Member, profile: Member) -> str | None:
        """The one message button on a profile, by precedence K1 > K4 > K5, or ``None`` (K6, K7).

        Raises:
            SelfMessage: Viewer and profile are the same member (K8).

        """
        on_profile = (o for o in self.options(viewer, profile) if o.channel in PROFILE_CHANNELS)
        return next((option.label for option in on_profile), None)

    # -- messages, reactions, credits, stars -------------------------------------------------

    @_checked
    def send(
        self, sender: Member, recipient: Member, *, on: date, via: Channel | None = None
    ) -> Message:
        """Send a message on day `on`, through `via` or the first (best) option.

        An InMail needs Premium (C1) and costs one credit at sending (C2); every other channel is
        free (C3). The InMail carries the sender's stars at sending (F4).

        Raises:
            SelfMessage: Sender and recipient are the same member (K8).
            TimeWentBackwards: `on` is before the latest recorded event (C7).
            ContactBlocked: There is no way at all to the recipient (K6).
            ChannelUnavailable: `via` is not among the options (K1-K5).
            PremiumRequired: An InMail from a Basic member (C1).
            NoCreditsLeft: An InMail without a credit left on `on` (C2).

        """
        options = self.options(sender, recipient)
        self._require_forward(on)
        if not options:
            raise ContactBlocked(sender=sender, recipient=recipient)
        chosen = options[0] if via is None else self._pick(options, via, sender, recipient)
        stars = None
        if chosen.channel is Channel.INMAIL:
            self._require_inmail_allowed(sender, on)
            stars = self.stars(sender)
        message = Message(
            id=len(self._messages),
            sender=sender,
            recipient=recipient,
            channel=chosen.channel,
            sent_on=on,
            cost=chosen.cost,
            via=chosen.via,
            sender_stars=stars,
        )
        self._messages.append(message)
        self._latest = on
        return message

    @property
    def messages(self) -> tuple[Message, ...]:
        """Every message sent, in the order sent."""
        return tuple(self._messages)

    @_checked
    def inbox(self, member: Member) -> list[Message]:
        """The messages a member received, in the order sent."""
        self._require(member)
        return [message for message in self._messages if message.recipient.name == member.name]

    @_checked
    def sent(self, member: Member) -> list[Message]:
        """The messages a member sent, in the order sent."""
        self._require(member)
        return self._sent_by(member)

    @_checked
    def react(self, message: Message, reaction: Reaction, *, on: date) -> None:
        """Record the recipient's one reaction to an InMail on day `on` (C5, F1).

        Raises:
            UnknownMessage: The message was not sent in this network.
            NotAnInMail: The message is not a paid InMail (F1, A3).
            AlreadyReacted: The recipient reacted before (F1).
            TimeWentBackwards: `on` is before the sending or the latest recorded event (C7).

        """
        current = self._message(message)
        if current.channel is not Channel.INMAIL:
            raise NotAnInMail(channel=current.channel, rule=current.channel.rule)
        if current.id in self._reactions:
            earlier = self._reactions[current.id]
            raise AlreadyReacted(
                recipient=current.recipient, reacted_on=earlier.on, reaction=earlier.reaction
            )
        if on < current.sent_on:
            raise TimeWentBackwards(
                variant="before_sending", sent_on=current.sent_on, reacted_on=on
            )
        self._require_forward(on)
        self._reactions[current.id] = _Reacted(reaction=reaction, on=on)
        self._latest = on

    @_checked
    def reaction(self, message: Message) -> Reaction | None:
        """The recipient's reaction to a message so far, if any."""
        current = self._message(message)
        reacted = self._reactions.get(current.id)
        return None if reacted is None else reacted.reaction

    @_checked
    def refund_on(self, message: Message) -> date | None:
        """The day the InMail's credit comes back, as far as recorded so far (C4).

        Returns ``None`` for free messages and for InMails without a refund.
        """
        return self._refund_on(self._message(message))

    @_checked
    def ledger(self, member: Member, *, on: date) -> list[LedgerEntry]:
        """The member's credit statement up to and including `on`, ordered by day (C6).

        Start credits (dated `date.min`), minus one per InMail sent, plus every refund credited
        by then. What is shown for a day after the latest recorded event is what the events so
        far imply (assumption A7).
        """
        self._require(member)
        entries = [LedgerEntry(on=date.min, change=member.inmail_credits, reason="Startguthaben")]
        for message in self._sent_by(member):
            if message.channel is not Channel.INMAIL:
                continue
            entries.append(
                LedgerEntry(
                    on=message.sent_on,
                    change=-message.cost,
                    reason=f"InMail an {message.recipient.name}",
                    message_id=message.id,
                )
            )
            refunded = self._refund_on(message)
            if refunded is not None:
                policy = refund_policy(message.sent_on)
                entries.append(
                    LedgerEntry(
                        on=refunded,
                        change=message.cost,
                        reason=f"Gutschrift ({policy.name}, {policy.rule})",
                        message_id=message.id,
                    )
                )
        entries.sort(key=lambda entry: entry.on)
        return [entry for entry in entries if entry.on <= on]

    @_checked
    def credits(self, member: Member, *, on: date) -> int:
        """The member's InMail credits at the end of day `on` (C2, C4, C6, A7)."""
        return sum(entry.change for entry in self.ledger(member, on=on))

    @_checked
    def ratings(self, member: Member) -> list[Reaction]:
        """Every rating the member's InMails received, by reaction date, ties as recorded (F2)."""
        self._require(member)
        mine = {message.id for message in self._sent_by(member)}
        recorded = [reacted for mid, reacted in self._reactions.items() if mid in mine]
        recorded.sort(key=lambda reacted: reacted.on)  # stable: ties keep the recorded order
        return [reacted.reaction for reacted in recorded]

    @_checked
    def stars(self, member: Member) -> int:
        """The member's stars over the last 10 ratings: ``5 - negatives // 2`` (F2, F3, A4)."""
        return stars_for(self.ratings(member))

    # -- unchecked helpers for arguments already checked ---------------------------------------

    def _sent_by(self, member: Member) -> list[Message]:
        return [message for message in self._messages if message.sender.name == member.name]

    def _refund_on(self, message: Message) -> date | None:
        if message.channel is not Channel.INMAIL:
            return None
        reacted = self._reactions.get(message.id)
        return refund_policy(message.sent_on).refund_on(
            message.sent_on,
            None if reacted is None else reacted.reaction,
            None if reacted is None else reacted.on,
        )

    # -- checks ------------------------------------------------------------------------------

    def _require(self, *members: Member) -> None:
        for member in members:
            if self._members.get(member.name) != member:
                raise UnknownMember(variant="member", member=member)

    def _require_other(self, sender: Member, recipient: Member) -> None:
        self._require(sender, recipient)
        if sender.name == recipient.name:
            raise SelfMessage(member=sender)

    def _require_forward(self, on: date) -> None:
        if self._latest is not None and on < self._latest:
            raise TimeWentBackwards(variant="before_latest", latest=self._latest, on=on)

    def _require_inmail_allowed(self, sender: Member, on: date) -> None:
        if not sender.premium:
            raise PremiumRequired(sender=sender)
        if self.credits(sender, on=on) < Channel.INMAIL.cost:
            raise NoCreditsLeft(sender=sender, on=on)

    def _pick(
        self, options: list[ChannelOption], via: Channel, sender: Member, recipient: Member
    ) -> ChannelOption:
        for option in options:
            if option.channel is via:
                return option
        raise ChannelUnavailable(
            sender=sender,
            recipient=recipient,
            channel=via,
            rule=via.rule,
            offered=[option.channel for option in options],
        )

    def _group(self, group: Group) -> Group:
        return self._group_named(group.name)

    def _group_named(self, name: str) -> Group:
        current = self._groups.get(name)
        if current is None:
            raise UnknownGroup(group=name)
        return current

    def _discussion(self, discussion: Discussion) -> Discussion:
        index = discussion.id
        known = 0 <= index < len(self._discussions)
        current = self._discussions[index] if known else None
        if current is None or (current.group, current.title) != (
            discussion.group,
            discussion.title,
        ):
            raise UnknownDiscussion(title=discussion.title)
        return current

    def _message(self, message: Message) -> Message:
        index = message.id
        known = 0 <= index < len(self._messages)
        if not known or self._messages[index] != message:
            raise UnknownMessage()
        return self._messages[index]

    def _add_to_group(self, group: Group, member: Member) -> Group:
        updated = group.model_copy(update={"members": (*group.members, member.name)})
        self._groups[group.name] = updated
        return updated

    def _require_in_group(self, member: Member, group: Group, action: str) -> None:
        self._require(member)
        if member.name not in group.members:
            raise NotGroupMember(variant=action, member=member, group=group.name)

    def _moderated_group(self, sender: Member, recipient: Member) -> str | None:
        """K2 with A1: the first group the recipient moderates and the sender belongs to."""
        for group in self._groups.values():
            if recipient.name in group.moderators and sender.name in group.members:
                return group.name
        return None

    def _shared_discussion(self, sender: Member, recipient: Member) -> Discussion | None:
        """K3: the first discussion the recipient took part in, in a group of the sender's."""
        for discussion in self._discussions:
            group = self._groups[discussion.group]
            if sender.name in group.members and recipient.name in discussion.participants:
                return discussion
        return None

    def __repr__(self) -> str:
        counts = (
            _count(len(self._members), "Mitglied", "Mitglieder"),
            _count(len(self._groups), "Gruppe", "Gruppen"),
            _count(len(self._messages), "Nachricht", "Nachrichten"),
        )
        return f"Network({', '.join(counts)})"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
