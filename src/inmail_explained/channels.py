"""The ways one member can write to another (K1-K5, K10, K12, K19, K20), in order of preference.

`Channel` is the vocabulary; `ChannelOption` is one way that is open from a sender to a
recipient on a day, with its cost, its rule, its title and its button label on that day.
`open_channels` decides which ways are open from the facts about the two members (connected? a
group the recipient moderates? a shared discussion? a shared group? the recipient's settings?
free group messages left this month?) and the day, and `profile_option` / `profile_button` pick
the one button a profile shows (K7). All are plain functions: `Network.options` only finds the
facts in the network and asks them.

Which rules hold on the day comes from the registry (`rules.in_force`): OpenLink (K4) until
30 April 2014, Open Profile (K12) from 1 May 2014; the article's labels (K13) only as long as the
sources vouch for them; the group routes (K2, K3, K10) until the 2018 rebuild (A12).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from .errors import NotDocumented
from .ids import RuleId
from .members import Member
from .periods import STATUS_DAY
from .rules import rule, rule_holds

INMAIL_COST = 1
"""Credits one InMail costs at the moment of sending (C2)."""


class Channel(Enum):
    """A way to write to a member, in order of preference: K1, K2, K3, K10, K4/K12, K19, K5, K20.

    Each member carries the German `label` of the button the sender clicks in the article's
    period (``None`` where even that is not documented: K10, K19, K20), a German `title`, where the
    button is (`place`), the rule that opens it in the article's period (`rule`) and its `cost`
    in credits. What changes with the day (K12's rule and title, undocumented labels) is on
    `ChannelOption`.
    """

    CONNECTION = "connection"
    MODERATOR = "moderator"
    PRIVATE_REPLY = "private-reply"
    GROUP_MEMBER = "group-member"
    OPENLINK = "openlink"
    MESSAGE_REQUEST = "message-request"
    INMAIL = "inmail"
    INVITATION = "invitation"

    @property
    def label(self) -> str | None:
        """The button label of the article's period, exactly as on screen (K13), if documented."""
        return _LABELS[self]

    @property
    def title(self) -> str:
        """The German name of the channel."""
        return _TITLES[self]

    @property
    def place(self) -> str:
        """Where the button is (German)."""
        return _PLACES[self]

    @property
    def rule(self) -> RuleId:
        """The rule ID that opens this channel."""
        return _RULES[self]

    @property
    def cost(self) -> int:
        """Credits this channel costs per message: only InMails cost (C2, C3)."""
        return INMAIL_COST if self is Channel.INMAIL else 0

    @property
    def rank(self) -> int:
        """Position in the order of preference, 1 (K1) to 8 (K20)."""
        return list(Channel).index(self) + 1

    @property
    def group_route(self) -> bool:
        """Whether the way runs through a group: K2, K3, K10 (K11 counts these, A11, A12)."""
        return self in GROUP_CHANNELS

    def __str__(self) -> str:
        return self.title


_LABELS: dict[Channel, str | None] = {
    Channel.CONNECTION: "Nachricht senden",
    Channel.MODERATOR: "Nachricht senden",
    Channel.PRIVATE_REPLY: "Privat antworten",
    Channel.GROUP_MEMBER: None,
    Channel.OPENLINK: "InMail senden",
    Channel.MESSAGE_REQUEST: None,
    Channel.INVITATION: None,
    Channel.INMAIL: "InMail senden",
}
_TITLES = {
    Channel.CONNECTION: "Nachricht an einen Kontakt",
    Channel.MODERATOR: "Nachricht an einen Gruppenmoderator",
    Channel.PRIVATE_REPLY: "Private Antwort in einer Gruppendiskussion",
    Channel.GROUP_MEMBER: "Nachricht an ein Gruppenmitglied",
    Channel.OPENLINK: "OpenLink-Nachricht",
    Channel.MESSAGE_REQUEST: "Nachrichtenanfrage",
    Channel.INVITATION: "Einladung mit persönlicher Nachricht",
    Channel.INMAIL: "InMail",
}
_PLACES = {
    Channel.CONNECTION: "Profil",
    Channel.MODERATOR: "Gruppenseite",
    Channel.PRIVATE_REPLY: "Gruppendiskussion",
    Channel.GROUP_MEMBER: "Mitgliederliste der Gruppe",
    Channel.OPENLINK: "Profil",
    Channel.MESSAGE_REQUEST: "Gruppe",
    Channel.INVITATION: "Profil, beim Vernetzen",
    Channel.INMAIL: "Profil",
}
_RULES: dict[Channel, RuleId] = {
    Channel.CONNECTION: "K1",
    Channel.MODERATOR: "K2",
    Channel.PRIVATE_REPLY: "K3",
    Channel.GROUP_MEMBER: "K10",
    Channel.OPENLINK: "K4",
    Channel.MESSAGE_REQUEST: "K19",
    Channel.INVITATION: "K20",
    Channel.INMAIL: "K5",
}

PROFILE_CHANNELS = (Channel.CONNECTION, Channel.OPENLINK, Channel.INMAIL)
"""The channels whose button sits on the profile, by precedence K1 > K4/K12 > K5 (K7)."""

GROUP_CHANNELS = (Channel.MODERATOR, Channel.PRIVATE_REPLY, Channel.GROUP_MEMBER)
"""The ways through a group (K2, K3, K10): offered until the 2018 rebuild, capped by K11."""

GROUP_MESSAGES_PER_MONTH = 15
"""Counted group messages a sender may begin per calendar month from 18 June 2015 on (K11)."""

OPEN_PROFILE_RULE: RuleId = "K12"
"""The rule of `Channel.OPENLINK` from the day OpenLink became Open Profile on."""

OPEN_PROFILE_TITLE = "Open-Profile-Nachricht"
"""The title of `Channel.OPENLINK` under K12."""

LABELS_RULE: RuleId = "K13"
"""The rule that vouches for the article's button labels (`Channel.label`)."""

TODAY_CHANNELS = (Channel.MESSAGE_REQUEST, Channel.INVITATION)
"""Today's ways to a stranger that the article does not list (K19, K20): offered only from the
first day a source vouches for them; before it, `undocumented_channels` names them."""

MESSAGE_REQUEST_UNKNOWN = "ob B erst annehmen muss und wie viele im Monat gehen: nicht belegt (K19)"
"""What the sources leave open about the message request (K19)."""

LABEL_NOT_DOCUMENTED = "Beschriftung nicht belegt"
"""What the site writes where a button's label is not documented for the day (K13, L1)."""


def price_text(cost: int) -> str:
    """A cost in words, as the site writes it: "kostenlos" or "1 InMail-Guthaben" (C2, C3)."""
    return "kostenlos" if cost == 0 else f"{cost} InMail-Guthaben"


def channel_rule(channel: Channel, on: date = STATUS_DAY) -> RuleId:
    """The rule that opens `channel` on day `on`: K12 for `Channel.OPENLINK` from May 2014."""
    if channel is Channel.OPENLINK and rule_holds(OPEN_PROFILE_RULE, on):
        return OPEN_PROFILE_RULE
    return channel.rule


def channel_title(channel: Channel, on: date = STATUS_DAY) -> str:
    """The German name of `channel` on day `on`: "Open-Profile-Nachricht" under K12."""
    if channel_rule(channel, on) == OPEN_PROFILE_RULE:
        return OPEN_PROFILE_TITLE
    return channel.title


def channel_label(channel: Channel, on: date = STATUS_DAY) -> str | None:
    """The button label of `channel` on day `on`, or ``None`` where it is not documented (K13)."""
    return channel.label if rule_holds(LABELS_RULE, on) else None


class ChannelOption(BaseModel):
    """One open way from a sender to a recipient on a day.

    Built by `open_channels` with the values of its day. Made by hand with only `channel`,
    `cost` and `via`, it takes today's values (`STATUS_DAY`): whatever of `rule`, `title` and
    `label` is left out is the channel's on that day (`channel_rule`, `channel_title`,
    `channel_label`).

    Attributes:
        channel: The channel.
        cost: Credits it costs to send (1 for an InMail, otherwise 0).
        via: Where the way runs through, if anywhere: the group (K2, K10) or the discussion (K3).
        rule: The rule that opens it on the day: K4 or K12 for `Channel.OPENLINK`.
        title: Its German name on the day ("OpenLink-Nachricht" or "Open-Profile-Nachricht").
        label: Its button label on the day, or ``None``: not documented for that day (K13).

    """

    model_config = ConfigDict(frozen=True)

    channel: Channel
    cost: int
    via: str | None = None
    rule: RuleId = "K1"  # always filled in from the channel (`_today_values`)
    title: str = ""
    label: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _today_values(cls, data: Any) -> Any:
        """Fill in what the caller left out with the channel's values of today (`STATUS_DAY`)."""
        if not isinstance(data, dict):
            return data
        try:
            channel = Channel(data.get("channel"))
        except ValueError:
            return data  # the field's own validation names the problem
        defaults = {
            "rule": channel_rule(channel, STATUS_DAY),
            "title": channel_title(channel, STATUS_DAY),
            "label": channel_label(channel, STATUS_DAY),
        }
        return defaults | data

    @classmethod
    def on_day(
        cls, channel: Channel, on: date, *, cost: int | None = None, via: str | None = None
    ) -> ChannelOption:
        """The option for `channel` with the rule, title and label of day `on`."""
        return cls(
            channel=channel,
            cost=channel.cost if cost is None else cost,
            via=via,
            rule=channel_rule(channel, on),
            title=channel_title(channel, on),
            label=channel_label(channel, on),
        )

    @property
    def price(self) -> str:
        """The cost in words: "kostenlos" or "1 InMail-Guthaben" (`price_text`)."""
        return price_text(self.cost)

    @property
    def label_text(self) -> str:
        """The label in quotes, or "Beschriftung nicht belegt" (`LABEL_NOT_DOCUMENTED`)."""
        return LABEL_NOT_DOCUMENTED if self.label is None else f"„{self.label}“"

    def __str__(self) -> str:
        where = f" über „{self.via}“" if self.via else ""
        return f"{self.rule} {self.title}{where}: {self.label_text}, {self.price}"


def open_channels(
    recipient: Member,
    *,
    connected: bool,
    moderated_group: str | None = None,
    shared_discussion: str | None = None,
    fellow_group: str | None = None,
    on: date = STATUS_DAY,
    group_messages_left: int | None = None,
) -> list[ChannelOption]:
    """Every way to write to `recipient` on day `on`, given the facts between the two (K1-K20).

    Args:
        recipient: The member to write to; their OpenLink/Open Profile (K4, K12) and contact
            setting (K5, K6) count.
        connected: Whether the two are connected (K1).
        moderated_group: A group the recipient moderates and the sender belongs to (K2, A1).
        shared_discussion: The title of a discussion the recipient took part in, in a group the
            sender belongs to (K3).
        fellow_group: A group both belong to (K10, K19); its member list is offered only where K2
            and K3 do not reach the recipient (A10). Today it opens the message request (K19),
            whatever the other group facts; coworkers are not modelled.
        on: The day; undated means today (`STATUS_DAY`).
        group_messages_left: How many counted group messages the sender has left this month
            (K11); ``None``: no cap applies to this message. At 0 no group way is offered.

    Returns:
        The open ways, ordered K1, K2, K3, K10, K4/K12, K19, K5, K20 (preference, A23); empty
        when there is none (K6). Group ways only until the 2018 rebuild (A12). K4 is open when
        the recipient has OpenLink; K12 from May 2014 only when the recipient also accepts
        InMails (O1). K19 (a shared group) and K20 (no connection) only on the days a source
        vouches for them. K5 is open when the recipient is no connection, has no OpenLink and
        accepts InMails (A5: group ways do not hide the InMail button).

    Example:
        ```python
        from inmail_explained import ARTICLE_DAY, Member
        from inmail_explained.channels import open_channels

        carla = Member(name="Carla", premium=True, openlink=True)
        today = open_channels(carla, connected=False, moderated_group="Recruiting DACH")
        print([(option.rule, option.label) for option in today])
        #> [('K12', None), ('K20', None)]
        in_2013 = open_channels(
            carla, connected=False, moderated_group="Recruiting DACH", on=ARTICLE_DAY
        )
        print([(option.rule, option.via, option.cost) for option in in_2013])
        #> [('K2', 'Recruiting DACH', 0), ('K4', None, 0)]
        ```

    """
    routes: list[tuple[Channel, str | None]] = []
    if connected:
        routes.append((Channel.CONNECTION, None))
    if group_messages_left is None or group_messages_left > 0:
        if moderated_group is not None:
            routes.append((Channel.MODERATOR, moderated_group))
        if shared_discussion is not None:
            routes.append((Channel.PRIVATE_REPLY, shared_discussion))
        if fellow_group is not None and moderated_group is None and shared_discussion is None:
            routes.append((Channel.GROUP_MEMBER, fellow_group))
    if recipient.openlink and (rule_holds(Channel.OPENLINK.rule, on) or recipient.accepts_inmail):
        routes.append((Channel.OPENLINK, None))
    if fellow_group is not None:
        routes.append((Channel.MESSAGE_REQUEST, fellow_group))
    if not connected and not recipient.openlink and recipient.accepts_inmail:
        routes.append((Channel.INMAIL, None))
    if not connected:
        routes.append((Channel.INVITATION, None))
    return [
        ChannelOption.on_day(channel, on, via=via)
        for channel, via in routes
        if rule_holds(channel_rule(channel, on), on)
    ]


def undocumented_channels(
    *, connected: bool, fellow_group: str | None = None, on: date = STATUS_DAY
) -> list[Channel]:
    """Today's ways (K19, K20) whose facts fit on day `on`, before any source vouches for them.

    Neither is offered on such a day, and neither is refused: when the message request (K19) or
    the invitation with a personal note (K20) began is not found, so for an earlier day the
    answer is "nicht belegt", not "no".

    Example:
        ```python
        from datetime import date

        from inmail_explained.channels import undocumented_channels

        print(undocumented_channels(connected=False, on=date(2013, 7, 1)))
        #> [<Channel.INVITATION: 'invitation'>]
        print(undocumented_channels(connected=False, on=date(2026, 12, 1)))
        #> []
        ```

    """
    # Both rules hold from their first attested day on, open-ended: not in force means before.
    fits = {Channel.MESSAGE_REQUEST: fellow_group is not None, Channel.INVITATION: not connected}
    return [
        channel for channel in TODAY_CHANNELS if fits[channel] and not rule_holds(channel.rule, on)
    ]


def profile_option(options: Sequence[ChannelOption]) -> ChannelOption | None:
    """The one way whose button a profile shows, by precedence K1 > K4/K12 > K5, or ``None``.

    Args:
        options: The open ways in the order of preference, as `open_channels` returns them.

    """
    return next((option for option in options if option.channel in PROFILE_CHANNELS), None)


def profile_button(options: Sequence[ChannelOption], on: date = STATUS_DAY) -> str | None:
    """The label of the one message button on a profile, or ``None`` without one (K6, K7).

    Args:
        options: The open ways in the order of preference, as `open_channels` returns them for
            day `on`.
        on: The day, for the message of `NotDocumented`.

    Raises:
        NotDocumented: There is a button, but its label is not documented for day `on` (K13).

    """
    option = profile_option(options)
    if option is None:
        return None
    if option.label is None:
        raise NotDocumented(
            variant="label",
            channel=option.title,
            rule=option.rule,
            on=on,
            until=rule(LABELS_RULE).last_day,
        )
    return option.label
