"""Domain errors: one base class, one stable code per refusal.

Every refusal of the reference library is an `InMailError` subclass. The `code` is a stable,
kebab-case string (the closed set `ErrorCode`); the message is German and says what to do
instead. Each code has its own section on the site's error reference (`DOCS_URL`), and the message
ends with a link to it. A refused operation changes nothing (M4).
"""

from __future__ import annotations

from typing import ClassVar, Literal, get_args

DOCS_URL = "https://inmail-explained.github.io/"
"""Where the site is published; the error reference lives below it."""

ERROR_PAGE = "referenz/fehler/"
"""Path of the error reference page below `DOCS_URL`."""

ErrorCode = Literal[
    "premium-required",
    "no-credits-left",
    "contact-blocked",
    "channel-unavailable",
    "not-connected",
    "unknown-member",
    "duplicate-name",
    "unknown-group",
    "duplicate-group",
    "not-group-member",
    "already-member",
    "unknown-discussion",
    "unknown-message",
    "already-connected",
    "already-reacted",
    "not-an-inmail",
    "time-went-backwards",
    "self-message",
    "self-connection",
]
"""Every code an `InMailError` can carry."""

ERROR_CODES: tuple[ErrorCode, ...] = get_args(ErrorCode)
"""The codes as a tuple, in the order of the reference page."""


class InMailError(Exception):
    """Base class of every refusal; carries a stable `code` and a German message."""

    code: ClassVar[ErrorCode]

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(f"{message} Mehr dazu: {self.docs_url()}")

    @classmethod
    def docs_url(cls) -> str:
        """The address of this error's section on the error reference page."""
        return f"{DOCS_URL}{ERROR_PAGE}#{cls.code}"


class PremiumRequired(InMailError):
    """A Basic member tried to send an InMail (C1)."""

    code = "premium-required"


class NoCreditsLeft(InMailError):
    """A Premium member with no InMail credit left tried to send an InMail (C2)."""

    code = "no-credits-left"


class ContactBlocked(InMailError):
    """There is no way at all from the sender to the recipient (K6)."""

    code = "contact-blocked"


class ChannelUnavailable(InMailError):
    """The channel asked for with `via=` is not among the sender's options (K1-K5)."""

    code = "channel-unavailable"


class NotConnected(InMailError):
    """Only connections can be invited into a group (K9)."""

    code = "not-connected"


class UnknownMember(InMailError):
    """The member was never added to this network, or differs from the one added (M1)."""

    code = "unknown-member"


class DuplicateName(InMailError):
    """A member with this name is already in the network (M1)."""

    code = "duplicate-name"


class UnknownGroup(InMailError):
    """The group was never created in this network."""

    code = "unknown-group"


class DuplicateGroup(InMailError):
    """A group with this name already exists in the network."""

    code = "duplicate-group"


class NotGroupMember(InMailError):
    """The member is not a member of the group, but the action requires it (K2, K3, K9)."""

    code = "not-group-member"


class AlreadyMember(InMailError):
    """The member to invite or to join already belongs to the group (K9)."""

    code = "already-member"


class UnknownDiscussion(InMailError):
    """The discussion was never started in this network (K3)."""

    code = "unknown-discussion"


class UnknownMessage(InMailError):
    """The message was not sent in this network (F1)."""

    code = "unknown-message"


class AlreadyConnected(InMailError):
    """The two members are connected already (K1)."""

    code = "already-connected"


class AlreadyReacted(InMailError):
    """The recipient has reacted to this InMail before; one reaction per InMail (F1)."""

    code = "already-reacted"


class NotAnInMail(InMailError):
    """Only paid InMails take reactions and ratings (F1, A3)."""

    code = "not-an-inmail"


class TimeWentBackwards(InMailError):
    """An event is dated before the latest recorded event or before its InMail (C7)."""

    code = "time-went-backwards"


class SelfMessage(InMailError):
    """Nobody writes to themselves (K8)."""

    code = "self-message"


class SelfConnection(InMailError):
    """Nobody connects to or invites themselves (K1, K9)."""

    code = "self-connection"


ERROR_CLASSES: tuple[type[InMailError], ...] = (
    PremiumRequired,
    NoCreditsLeft,
    ContactBlocked,
    ChannelUnavailable,
    NotConnected,
    UnknownMember,
    DuplicateName,
    UnknownGroup,
    DuplicateGroup,
    NotGroupMember,
    AlreadyMember,
    UnknownDiscussion,
    UnknownMessage,
    AlreadyConnected,
    AlreadyReacted,
    NotAnInMail,
    TimeWentBackwards,
    SelfMessage,
    SelfConnection,
)
"""Every concrete error class, in the order of `ERROR_CODES`."""
