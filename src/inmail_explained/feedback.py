"""InMail feedback: how recipients' reactions become the sender's stars (F1-F3).

Ratings arrive in the order of their reaction dates (F2); this module turns such a sequence into
stars. Collecting the ratings of one sender from a network is `Network.ratings`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .reactions import Reaction

FEEDBACK_WINDOW = 10
"""Only the last this-many ratings count (F2)."""

MAX_STARS = 5
"""Stars of a sender with no negative rating in the window, or with no rating yet (F3)."""

NEGATIVES_PER_STAR = 2
"""Each this-many negative ratings in the window cost one star (F3, assumption A4)."""

NEGATIVE = frozenset({Reaction.NOT_INTERESTED, Reaction.SPAM})
"""Ratings that count against the sender: "uninteressant" and spam (F1)."""


def is_negative(reaction: Reaction) -> bool:
    """Whether a rating counts against the sender (F1)."""
    return reaction in NEGATIVE


def rating_window(ratings: Sequence[Reaction]) -> Sequence[Reaction]:
    """The ratings that count: the last `FEEDBACK_WINDOW`, oldest first (F2).

    Args:
        ratings: All ratings of one sender, ordered by reaction date (ties in recorded order).

    """
    return ratings[-FEEDBACK_WINDOW:]


def stars_for(ratings: Sequence[Reaction]) -> int:
    """The sender's stars: ``5 - negatives // 2`` over the last 10 ratings (F2, F3, A4).

    Args:
        ratings: All ratings of one sender, ordered by reaction date (ties in recorded order).

    Returns:
        5 with 0-1 negatives or no ratings at all, 4 with 2-3, ..., 0 with 10.

    """
    negatives = sum(1 for rating in rating_window(ratings) if is_negative(rating))
    return MAX_STARS - negatives // NEGATIVES_PER_STAR
