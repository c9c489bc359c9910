"""Every sender's ratings in one network, and the stars they give (F1-F4, A4, A8).

`Ratings` keeps the reactions each sender's InMails received, in the order of their days (the
network records reactions in date order, C7; ties as recorded, F2), and answers the stars over
all of them or up to a day while the sources vouch for the stars, and the stars an InMail
carries when it is sent (F4).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from .errors import NotDocumented
from .feedback import stars_for
from .ids import RuleId
from .members import Member
from .reactions import Reaction
from .rules import rule, rule_holds

STARS_RULE: RuleId = "F3"
"""The rule that gives a sender stars; `Network.stars` answers only while it is vouched for."""

SHOWN_STARS_RULE: RuleId = "F4"
"""The rule that shows the sender's stars with an InMail (`Message.sender_stars`)."""


class Ratings:
    """The ratings of every member of one network, by reaction day (F2)."""

    def __init__(self) -> None:
        self._ratings: dict[str, list[Reaction]] = {}
        self._days: dict[str, list[date]] = {}

    def open(self, member: Member) -> None:
        """Start the (empty) ratings of a member who just joined."""
        self._ratings[member.name] = []
        self._days[member.name] = []

    def record(self, sender: Member, reaction: Reaction, on: date) -> None:
        """Record a rating of the sender's InMail given on `on` (after every earlier one, C7)."""
        self._ratings[sender.name].append(reaction)
        self._days[sender.name].append(on)

    def of(self, member: Member) -> list[Reaction]:
        """Every rating the member received, by reaction day, ties as recorded (F2)."""
        return list(self._ratings[member.name])

    def stars(self, member: Member, on: date | None = None) -> int:
        """The stars over every rating so far, or over those given up to `on` (F2, F3, A4, A8).

        Raises:
            NotDocumented: `on` is after the days the sources vouch for the stars (F3).

        """
        ratings = self._ratings[member.name]
        if on is None:
            return stars_for(ratings)
        if not rule_holds(STARS_RULE, on):
            raise NotDocumented(
                variant="stars", member=member, on=on, until=rule(STARS_RULE).last_day
            )
        return stars_for(ratings[: bisect_right(self._days[member.name], on)])

    def shown(self, sender: Member, on: date) -> int | None:
        """The stars an InMail sent on `on` carries, or ``None`` when no source shows them (F4)."""
        return stars_for(self._ratings[sender.name]) if rule_holds(SHOWN_STARS_RULE, on) else None
