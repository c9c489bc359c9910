"""The five ways one member can write to another (K1-K5), in the article's order.

`Channel` is the vocabulary; `ChannelOption` is one way that is open from a sender to a
recipient, with its cost. `open_channels` decides which ways are open from the facts about the two
members (connected? a group the recipient moderates? a shared discussion? the recipient's
settings), and `profile_button` picks the one button a profile shows (K7). Both are plain
functions: `Network.options` only finds the facts in the network and asks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from pydantic import BaseModel, ConfigDict

from .members import Member

INMAIL_COST = 1
"""Credits one InMail costs at the moment of sending (C2)."""


class Channel(Enum):
    """A way to write to a member; members are ordered as K1..K5 (the order of preference).

    Each member carries the German `label` of the button the sender clicks, a German `title`,
    where the button is (`place`), the rule that opens it (`rule`) and its `cost` in credits.
    """

    CONNECTION = "connection"
    MODERATOR = "moderator"
    PRIVATE_REPLY = "private-reply"
    OPENLINK = "openlink"
    INMAIL = "inmail"

    @property
    def label(self) -> str:
        """The button label the sender sees, exactly as on screen."""
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
    def rule(self) -> str:
        """The rule ID that opens this channel."""
        return _RULES[self]

    @property
    def cost(self) -> int:
        """Credits this channel costs per message: only InMails cost (C2, C3)."""
        return INMAIL_COST if self is Channel.INMAIL else 0

    @property
    def rank(self) -> int:
        """Position in the order of preference, 1 (K1) to 5 (K5)."""
        return list(Channel).index(self) + 1

    def __str__(self) -> str:
        return self.title


_LABELS = {
    Channel.CONNECTION: "Nachricht senden",
    Channel.MODERATOR: "Nachricht senden",
    Channel.PRIVATE_REPLY: "Privat antworten",
    Channel.OPENLINK: "InMail senden",
    Channel.INMAIL: "InMail senden",
}
_TITLES = {
    Channel.CONNECTION: "Nachricht an einen Kontakt",
    Channel.MODERATOR: "Nachricht an einen Gruppenmoderator",
    Channel.PRIVATE_REPLY: "Private Antwort in einer Gruppendiskussion",
    Channel.OPENLINK: "OpenLink-Nachricht",
    Channel.INMAIL: "InMail",
}
_PLACES = {
    Channel.CONNECTION: "Profil",
    Channel.MODERATOR: "Gruppenseite",
    Channel.PRIVATE_REPLY: "Gruppendiskussion",
    Channel.OPENLINK: "Profil",
    Channel.INMAIL: "Profil",
}
_RULES = {
    Channel.CONNECTION: "K1",
    Channel.MODERATOR: "K2",
    Channel.PRIVATE_REPLY: "K3",
    Channel.OPENLINK: "K4",
    Channel.INMAIL: "K5",
}

PROFILE_CHANNELS = (Channel.CONNECTION, Channel.OPENLINK, Channel.INMAIL)
"""The channels whose button sits on the profile, by precedence K1 > K4 > K5 (K7)."""


def price_text(cost: int) -> str:
    """A cost in words, as the site writes it: "kostenlos" or "1 InMail-Guthaben" (C2, C3)."""
    return "kostenlos" if cost == 0 else f"{cost} InMail-Guthaben"


class ChannelOption(BaseModel):
    """One open way from a sender to a recipient.

    Attributes:
        channel: The channel.
        cost: Credits it costs to send (1 for an InMail, otherwise 0).
        via: Where the way runs through, if anywhere: the group (K2) or the discussion (K3).

    """

    model_config = ConfigDict(frozen=True)

    channel: Channel
    cost: int
    via: str | None = None

    @property
    def label(self) -> str:
        """The button label for this option."""
        return self.channel.label

    @property
    def rule(self) -> str:
        """The rule ID that opens this option."""
        return self.channel.rule

    @property
    def price(self) -> str:
        """The cost in words: "kostenlos" or "1 InMail-Guthaben" (`price_text`)."""
        return price_text(self.cost)

    def __str__(self) -> str:
        where = f" über „{self.via}“" if self.via else ""
        return f"{self.channel.rule} {self.channel.title}{where}: „{self.label}“, {self.price}"


def open_channels(
    recipient: Member,
    *,
    connected: bool,
    moderated_group: str | None = None,
    shared_discussion: str | None = None,
) -> list[ChannelOption]:
    """Every way to write to `recipient`, given the facts between sender and recipient (K1-K6).

    Args:
        recipient: The member to write to; their OpenLink (K4) and contact setting (K5, K6) count.
        connected: Whether the two are connected (K1).
        moderated_group: A group the recipient moderates and the sender belongs to (K2, A1).
        shared_discussion: The title of a discussion the recipient took part in, in a group the
            sender belongs to (K3).

    Returns:
        The open ways, ordered K1..K5 (preference); empty when there is none (K6). K5 is open
        when the recipient is no connection, has no OpenLink and accepts InMails (assumption A5:
        group ways do not hide the InMail button).

    Example:
        ```python
        from inmail_explained import Member
        from inmail_explained.channels import open_channels

        carla = Member(name="Carla", premium=True, openlink=True)
        options = open_channels(carla, connected=False, moderated_group="Recruiting DACH")
        print([(option.rule, option.via, option.cost) for option in options])
        #> [('K2', 'Recruiting DACH', 0), ('K4', None, 0)]
        ```

    """
    options: list[ChannelOption] = []
    if connected:
        options.append(ChannelOption(channel=Channel.CONNECTION, cost=0))
    if moderated_group is not None:
        options.append(ChannelOption(channel=Channel.MODERATOR, cost=0, via=moderated_group))
    if shared_discussion is not None:
        options.append(ChannelOption(channel=Channel.PRIVATE_REPLY, cost=0, via=shared_discussion))
    if recipient.openlink:
        options.append(ChannelOption(channel=Channel.OPENLINK, cost=0))
    if not connected and not recipient.openlink and recipient.accepts_inmail:
        options.append(ChannelOption(channel=Channel.INMAIL, cost=Channel.INMAIL.cost))
    return options


def profile_button(options: Sequence[ChannelOption]) -> str | None:
    """The one message button a profile shows, by precedence K1 > K4 > K5, or ``None`` (K6, K7).

    Args:
        options: The open ways, ordered K1..K5, as `open_channels` returns them.

    """
    on_profile = (option for option in options if option.channel in PROFILE_CHANNELS)
    return next((option.label for option in on_profile), None)
