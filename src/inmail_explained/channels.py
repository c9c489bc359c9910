"""The five ways one member can write to another (K1-K5), in the article's order.

`Channel` is the vocabulary; `ChannelOption` is one way that is open from a sender to a
recipient, with its cost. Which options are open is decided by `Network.options`, which needs the
network's connections and groups; the per-channel facts (button label, cost, rule) live here.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict

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
