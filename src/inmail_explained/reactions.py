"""How a recipient can react to an InMail (C5, F1)."""

from __future__ import annotations

from enum import Enum


class Reaction(Enum):
    """A recipient's reaction to an InMail, carrying the German `label` seen on screen.

    `REPLY` and `NOT_INTERESTED` are responses (C5); `NOT_INTERESTED` and `SPAM` are negative
    ratings (F1). Which reactions count for what is decided in `credits` and `feedback`.
    """

    REPLY = "reply"
    NOT_INTERESTED = "not-interested"
    SPAM = "spam"

    @property
    def label(self) -> str:
        """The German label, exactly as on screen."""
        return _LABELS[self]

    def __str__(self) -> str:
        return self.label


_LABELS = {
    Reaction.REPLY: "Antworten",
    Reaction.NOT_INTERESTED: "Kein Interesse",
    Reaction.SPAM: "Spam",
}
