"""The network: members, their connections and groups, and every message sent between them.

`Network` is the one mutable object of the library. It records structure (members, connections,
groups, discussions) and dated events (messages and reactions). Each public method validates its
input once, at the boundary (types strictly, members and records as this network's own, and the
rule checks), and records only then, so a refused call changes nothing (M4). Deciding is left to
plain functions (`channels.open_channels` for the open ways) and each rule family's bookkeeping
to its own class: `groupcap.GroupCap` (K11), `accounts.Accounts` (credits) and
`ratings.Ratings` (stars); the records it returns live in `records`. Dated events move forward
in time (C7); the date is always a parameter, there is no hidden clock. Reading calls take an
optional day (`on`); without one they answer for today, the status day of the sources
(`periods.STATUS_DAY`); pass ``on=ARTICLE_DAY`` for the article's period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from .accounts import Accounts
from .boundary import checked
from .channels import (
    Channel,
    ChannelOption,
    open_channels,
    profile_button,
    profile_option,
)
from .errors import (
    AlreadyConnected,
    AlreadyMember,
    AlreadyReacted,
    ChannelUnavailable,
    ContactBlocked,
    DuplicateGroup,
    DuplicateName,
    NotAnInMail,
    NotConnected,
    NotGroupMember,
    SelfConnection,
    SelfMessage,
    TimeWentBackwards,
    UnknownDiscussion,
    UnknownGroup,
    UnknownMember,
    UnknownMessage,
)
from .groupcap import GROUP_CAP_RULE as GROUP_CAP_RULE  # re-exported: importable here as before
from .groupcap import GroupCap
from .ids import RuleId
from .invitations import NoteCount
from .ledger import refund_day
from .members import Member
from .periods import STATUS_DAY
from .ratings import SHOWN_STARS_RULE as SHOWN_STARS_RULE  # re-exported: importable here
from .ratings import STARS_RULE as STARS_RULE
from .ratings import Ratings
from .reactions import Reaction
from .records import Discussion as Discussion  # re-exported: importable from here as before
from .records import Group as Group
from .records import LedgerEntry as LedgerEntry
from .records import Message as Message
from .records import ReactionRecord, Text, counted
from .rules import rule_holds

PRIVATE_REPLY_RULE: RuleId = "K3"
"""While it is vouched for, a refusal for want of any way suggests the group ways (K2, K3)."""

_checked = checked
"""Check a public method's arguments strictly at the boundary (`boundary.checked`, M4, A19)."""


@dataclass
class _History:
    """What one member sent and received, kept per member as messages come in."""

    sent: list[Message] = field(default_factory=list)
    received: list[Message] = field(default_factory=list)


class Network:
    """A small LinkedIn: add members, connect them, create groups, send and react.

    Public methods validate their arguments and delegate to unchecked helpers; no public method
    calls another, so every argument is checked exactly once. Each member's messages, ratings
    and credit account are kept up to date per event, so an event costs the same however long
    the history is.

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
        self._reactions: dict[int, ReactionRecord] = {}
        self._histories: dict[str, _History] = {}
        self._group_cap = GroupCap()
        self._notes = NoteCount()
        self._accounts = Accounts()
        self._ratings = Ratings()
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
        self._histories[member.name] = _History()
        self._accounts.open(member)
        self._ratings.open(member)
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
        if self._are_connected(first, second):
            raise AlreadyConnected(first=first, second=second)
        self._connections.add(frozenset((first.name, second.name)))

    @_checked
    def connected(self, first: Member, second: Member) -> bool:
        """Whether two members are connected (K1)."""
        self._require(first, second)
        return self._are_connected(first, second)

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
        current = self._group_named(group.name)
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
        current = self._group_named(group.name)
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
        current = self._group_named(group.name)
        if sender.name == recipient.name:
            raise SelfConnection(variant="invite", member=sender)
        if not self._are_connected(sender, recipient):
            raise NotConnected(sender=sender, recipient=recipient)
        self._require_in_group(sender, current, "invite")
        if recipient.name in current.members:
            raise AlreadyMember(variant="invite", member=recipient, group=current.name)
        return self._add_to_group(current, recipient)

    # -- channels ----------------------------------------------------------------------------

    @_checked
    def options(
        self, sender: Member, recipient: Member, *, on: date | None = None
    ) -> list[ChannelOption]:
        """Every way the sender can write to the recipient on day `on`, in order of preference.

        Finds the facts in the network and asks `channels.open_channels`: K1 connected; K2 the
        recipient moderates a group the sender belongs to (A1); K3 the recipient wrote or
        commented in a discussion of a group the sender belongs to; K10 both belong to a group
        and neither K2 nor K3 reaches the recipient (A10); K4/K12, K5 and K6 follow from the
        recipient's settings. Group ways end with the 2018 rebuild (A12), and from 18 June 2015
        they are gone for the rest of a month in which the sender has begun 15 group
        conversations, unless this message would not count (K11, A11). Today a shared group
        opens the message request (K19), and to anyone not connected the invitation with a
        personal note (K20), for a Basic member five a calendar month (K17, A24). Coworkers are
        not modelled. Without `on`: today (`STATUS_DAY`).

        Raises:
            SelfMessage: Sender and recipient are the same member (K8).

        """
        self._require_other(sender, recipient)
        return self._options(sender, recipient, STATUS_DAY if on is None else on)

    @_checked
    def profile_option(
        self, viewer: Member, profile: Member, *, on: date | None = None
    ) -> ChannelOption | None:
        """The way behind the one message button on a profile, also where its label is unknown.

        By precedence K1 > K4/K12 > K5, or ``None`` without a button (K6, K7). Without `on`:
        today (`STATUS_DAY`).

        Raises:
            SelfMessage: Viewer and profile are the same member (K8).

        """
        self._require_other(viewer, profile)
        return profile_option(self._options(viewer, profile, STATUS_DAY if on is None else on))

    @_checked
    def profile_button(
        self, viewer: Member, profile: Member, *, on: date | None = None
    ) -> str | None:
        """The label of the one message button on a profile, or ``None`` (K6, K7, K13).

        By precedence K1 > K4/K12 > K5. Without `on`: today (`STATUS_DAY`).

        Raises:
            SelfMessage: Viewer and profile are the same member (K8).
            NotDocumented: There is a button, but its label is not documented for `on` (K13).

        """
        self._require_other(viewer, profile)
        day = STATUS_DAY if on is None else on
        return profile_button(self._options(viewer, profile, day), day)

    # -- messages and reactions --------------------------------------------------------------

    @_checked
    def send(
        self, sender: Member, recipient: Member, *, on: date, via: Channel | None = None
    ) -> Message:
        """Send a message on day `on`, through `via` or the first (best) option of that day.

        A Basic member, who cannot send an InMail (C1), passes over it to the next open way (A23):
        today the invitation with a personal note (K20); where the InMail is all that is left,
        the send is refused with `PremiumRequired`.

        An InMail needs Premium (C1) and costs one credit at sending (C2); every other channel is
        free (C3). The InMail carries the sender's stars at sending (F4), as long as the sources
        vouch for the stars; later `sender_stars` is ``None``. A group message that begins a
        conversation counts toward the month's cap from 18 June 2015 on (K11, A11), and a Basic
        member's invitation with a note toward the five a month (K17, A24).

        Raises:
            SelfMessage: Sender and recipient are the same member (K8).
            TimeWentBackwards: `on` is before the latest recorded event (C7).
            GroupMessageLimit: `via` is a group way, or the only ways are group ways, and the
                sender has used the month's group messages (K11).
            InvitationNoteLimit: `via` is `Channel.INVITATION`, or it is the only way, and the
                Basic sender has sent five invitations with a note this month (K17).
            ContactBlocked: There is no way at all to the recipient (K6).
            ChannelUnavailable: `via` is not among the options (K1-K12).
            PremiumRequired: An InMail from a Basic member (C1).
            PlanRequired: An InMail on start credits (no plan) on a day of today's plans, from
                1 May 2019 on (C9-C11, A13).
            BeforeSubscription: An InMail before the plan began (C9, A14).
            PlanCancelled: An InMail after a cancelled plan has ended (C14, A22).
            NoCreditsLeft: An InMail without a credit left on `on` (C2).

        """
        self._require_other(sender, recipient)
        self._require_forward(on)
        chosen = self._choose(sender, recipient, on, via)
        stars = None
        if chosen.channel is Channel.INMAIL:
            self._accounts.require_inmail(sender, on)
            stars = self._ratings.shown(sender, on)
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
        self._record_message(message)
        return message

    @property
    def messages(self) -> tuple[Message, ...]:
        """Every message sent, in the order sent."""
        return tuple(self._messages)

    @_checked
    def inbox(self, member: Member) -> list[Message]:
        """The messages a member received, in the order sent."""
        self._require(member)
        return list(self._histories[member.name].received)

    @_checked
    def sent(self, member: Member) -> list[Message]:
        """The messages a member sent, in the order sent."""
        self._require(member)
        return list(self._histories[member.name].sent)

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
        self._record_reaction(current, ReactionRecord(reaction=reaction, on=on))

    @_checked
    def reaction(self, message: Message) -> Reaction | None:
        """The recipient's reaction to a message so far, if any."""
        current = self._message(message)
        reacted = self._reactions.get(current.id)
        return None if reacted is None else reacted.reaction

    # -- credits and stars -------------------------------------------------------------------

    @_checked
    def refund_on(self, message: Message) -> date | None:
        """The day the InMail's credit comes back, as far as recorded so far (C4).

        Returns ``None`` for free messages and for InMails without a refund.
        """
        current = self._message(message)
        if current.channel is not Channel.INMAIL:
            return None
        return refund_day(current, self._reactions.get(current.id))

    @_checked
    def ledger(self, member: Member, *, on: date) -> list[LedgerEntry]:
        """The member's credit statement up to and including `on`, ordered by day (C6).

        Without a plan: start credits (dated `date.min`), minus one per InMail sent, plus every
        refund credited by then. On a plan: each allotment (C9), what the cap forfeits (C10,
        C15, A18), each InMail, each credit-back (C4b, A17), what expires (C11, A15, A20) and
        what a cancellation ends (C14, A22). What is shown for a day after the latest recorded
        event is what the events so far imply (A7).

        A plan's statement has about two lines for every month up to `on`, so its length and
        the time it takes grow with the months: up to `date.max` about 190,000 lines, around a
        second. `credits` lists no lines and answers for any day about as fast as for a near day.

        Raises:
            PlanRequired: Start credits (Premium without a plan) on a day of today's plans, from
                1 May 2019 on: the model has no answer for them (C9-C11, A13).

        """
        self._require(member)
        return self._accounts.statement(member, on, self._reactions)

    @_checked
    def credits(self, member: Member, *, on: date) -> int:
        """The member's InMail credits at the end of day `on` (C2, C4, C6, C9-C15, A7).

        However far `on` lies after the latest event, the answer takes about as long as for a
        near day: a plan's account settles within a few billing periods into a state that
        repeats every month, and reaches a later day in one step.

        Raises:
            PlanRequired: Start credits (Premium without a plan) on a day of today's plans, from
                1 May 2019 on: the model has no answer for them (C9-C11, A13).

        """
        self._require(member)
        return self._accounts.balance(member, on)

    @_checked
    def cancel(self, member: Member, *, on: date) -> None:
        """Cancel the member's plan on day `on` (C14, A22).

        Premium and Recruiter: the balance becomes zero that day. Sales Navigator: the credits
        stay usable until the billing cycle ends on the next 1st, then the balance becomes zero.
        No allotment comes after that; an InMail afterwards raises `PlanCancelled`, and a
        credit-back that comes later is forfeited. The statement shows the end as a line of kind
        `EntryKind.CANCELLATION`.

        Raises:
            TimeWentBackwards: `on` is before the latest recorded event (C7).
            CannotCancel: The member has no paid plan, cancelled before, or `on` is before the
                subscription (C14).

        """
        self._require(member)
        self._require_forward(on)
        self._accounts.cancel(member, on)
        self._latest = on

    @_checked
    def ratings(self, member: Member) -> list[Reaction]:
        """Every rating the member's InMails received, by reaction date, ties as recorded (F2)."""
        self._require(member)
        return self._ratings.of(member)

    @_checked
    def stars(self, member: Member, *, on: date | None = None) -> int:
        """The member's stars over the last 10 ratings: ``5 - negatives // 2`` (F2, F3, A4).

        Without `on`: over every rating recorded so far, whatever their days; no day is assumed,
        neither today nor the article's. With `on`: over the ratings given up to and including
        that day, as long as the sources vouch for the stars (F1-F4 until 30 April 2014, A8);
        when they ended is not documented.

        Raises:
            NotDocumented: `on` is after the days the sources vouch for the stars (F3).

        """
        self._require(member)
        return self._ratings.stars(member, on)

    # -- recording (arguments already checked) -------------------------------------------------

    def _record_message(self, message: Message) -> None:
        self._messages.append(message)
        sender = self._histories[message.sender.name]
        sender.sent.append(message)
        if message.channel is Channel.INMAIL:
            self._accounts.record_inmail(message)
        self._group_cap.record(message)
        self._notes.record(message)
        self._histories[message.recipient.name].received.append(message)
        self._latest = message.sent_on

    def _record_reaction(self, message: Message, reacted: ReactionRecord) -> None:
        # Reactions are recorded in date order (C7), so appending keeps the ratings ordered by
        # reaction date, ties as recorded (F2).
        self._reactions[message.id] = reacted
        self._ratings.record(message.sender, reacted.reaction, reacted.on)
        self._accounts.record_reaction(message, reacted)
        self._latest = reacted.on

    def _add_to_group(self, group: Group, member: Member) -> Group:
        updated = group.model_copy(update={"members": (*group.members, member.name)})
        self._groups[group.name] = updated
        return updated

    # -- reading (arguments already checked) ---------------------------------------------------

    def _are_connected(self, first: Member, second: Member) -> bool:
        return frozenset((first.name, second.name)) in self._connections

    def _options(
        self, sender: Member, recipient: Member, on: date, *, capped: bool = True
    ) -> list[ChannelOption]:
        discussion = self._shared_discussion(sender, recipient)
        uncapped = open_channels(
            recipient,
            connected=self._are_connected(sender, recipient),
            moderated_group=self._moderated_group(sender, recipient),
            shared_discussion=None if discussion is None else discussion.title,
            fellow_group=self._fellow_group(sender, recipient),
            on=on,
        )
        if not capped:
            return uncapped
        options = self._group_cap.apply(uncapped, self._group_cap.left(sender, recipient, on))
        return self._notes.apply(options, self._notes.left(sender, on))

    def _choose(
        self, sender: Member, recipient: Member, on: date, via: Channel | None
    ) -> ChannelOption:
        """The way a message takes: `via`, or else the first open way, after the month's caps.

        Raises what `send` lists for K11, K17, K6 and K1-K20, in that order.
        """
        uncapped = self._options(sender, recipient, on, capped=False)
        refused = self._group_cap.refusal(sender, recipient, on, uncapped, via)
        if refused is not None:
            raise refused
        grouped = self._group_cap.apply(uncapped, self._group_cap.left(sender, recipient, on))
        over = self._notes.refusal(sender, recipient, on, grouped, via)
        if over is not None:
            raise over
        options = self._notes.apply(grouped, self._notes.left(sender, on))
        if not options:
            variant = "groups" if rule_holds(PRIVATE_REPLY_RULE, on) else "no_groups"
            raise ContactBlocked(variant=variant, sender=sender, recipient=recipient)
        if via is None:
            return self._first_usable(sender, options)
        return self._pick(options, via, sender, recipient)

    @staticmethod
    def _first_usable(sender: Member, options: list[ChannelOption]) -> ChannelOption:
        """The first open way the sender can use: a Basic member passes over the InMail (C1, A23).

        Where the InMail is the only way left, it stays the answer, and `send` refuses it with
        `PremiumRequired`.
        """
        if not sender.premium:
            for option in options:
                if option.channel is not Channel.INMAIL:
                    return option
        return options[0]

    def _fellow_group(self, sender: Member, recipient: Member) -> str | None:
        """K10 and K19: the first group both belong to."""
        for group in self._groups.values():
            if sender.name in group.members and recipient.name in group.members:
                return group.name
        return None

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

    # -- checks at the boundary ----------------------------------------------------------------

    def _require(self, *members: Member) -> None:
        for member in members:
            known = self._members.get(member.name)
            if known is not member and known != member:
                raise UnknownMember(variant="member", member=member)

    def _require_other(self, sender: Member, recipient: Member) -> None:
        self._require(sender, recipient)
        if sender.name == recipient.name:
            raise SelfMessage(member=sender)

    def _require_forward(self, on: date) -> None:
        if self._latest is not None and on < self._latest:
            raise TimeWentBackwards(variant="before_latest", latest=self._latest, on=on)

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

    def _require_in_group(self, member: Member, group: Group, action: str) -> None:
        self._require(member)
        if member.name not in group.members:
            raise NotGroupMember(variant=action, member=member, group=group.name)

    def __repr__(self) -> str:
        counts = (
            counted(len(self._members), "Mitglied", "Mitglieder"),
            counted(len(self._groups), "Gruppe", "Gruppen"),
            counted(len(self._messages), "Nachricht", "Nachrichten"),
        )
        return f"Network({', '.join(counts)})"
