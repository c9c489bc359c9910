"""Reactions to InMails and the sender's stars (F1-F4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inmail_explained import (
    FEEDBACK_WINDOW,
    MAX_STARS,
    NEGATIVE,
    NEGATIVES_PER_STAR,
    AlreadyReacted,
    Channel,
    Member,
    Message,
    Network,
    NotAnInMail,
    Reaction,
    article_network,
    is_negative,
    rating_window,
    stars_for,
)

from .support import snapshot

R = Reaction
DAY = date(2014, 3, 1)
"""A day of the article's period: the stars are vouched for only until 30 April 2014 (F1-F4)."""


def inmails(count: int) -> tuple[Network, Member, list[Message]]:
    """Anna (Premium) sends `count` InMails to Erik on `DAY`."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=count))
    erik = net.add(Member(name="Erik"))
    return net, anna, [net.send(anna, erik, on=DAY) for _ in range(count)]


def react_in_turn(net: Network, mails: list[Message], reactions: list[Reaction]) -> None:
    """React to the mails in order, one day apart, starting the day after `DAY`."""
    for offset, (mail, reaction) in enumerate(zip(mails, reactions, strict=True), start=1):
        net.react(mail, reaction, on=DAY + timedelta(days=offset))


def test_the_numbers_of_the_rules() -> None:
    """F2, F3: the last 10 ratings count; 5 stars at most; every 2 negatives cost a star."""
    assert (FEEDBACK_WINDOW, MAX_STARS, NEGATIVES_PER_STAR) == (10, 5, 2)


@pytest.mark.parametrize(
    ("reaction", "label", "negative"),
    [
        pytest.param(R.REPLY, "Antworten", False, id="f1-reply-is-positive"),
        pytest.param(R.NOT_INTERESTED, "Kein Interesse", True, id="f1-decline-is-negative"),
        pytest.param(R.SPAM, "Spam", True, id="f1-spam-is-negative"),
    ],
)
def test_f1_reactions(reaction: Reaction, label: str, negative: bool) -> None:
    """F1: each reaction carries its German label and counts positive or negative."""
    assert reaction.label == label
    assert str(reaction) == label
    assert is_negative(reaction) is negative
    assert (reaction in NEGATIVE) is negative


@pytest.mark.parametrize(
    ("negatives", "stars"),
    [pytest.param(n, 5 - n // 2, id=f"f3-{n}-negatives-{5 - n // 2}-stars") for n in range(11)],
)
def test_f3_star_table(negatives: int, stars: int) -> None:
    """F3, A4: among 10 ratings, 0-1 negatives give 5 stars, 2-3 give 4, ..., 10 give 0."""
    net, anna, mails = inmails(10)
    negative = [R.NOT_INTERESTED, R.SPAM]
    ratings = [negative[i % 2] for i in range(negatives)] + [R.REPLY] * (10 - negatives)
    react_in_turn(net, mails, ratings)
    assert net.stars(anna) == stars
    assert stars_for(ratings) == stars


def test_f3_no_ratings_five_stars() -> None:
    """F3: a sender without any rating has 5 stars."""
    net, anna, mails = inmails(3)
    assert net.ratings(anna) == []
    assert net.stars(anna) == 5
    assert [net.reaction(mail) for mail in mails] == [None, None, None]
    assert stars_for([]) == 5


@pytest.mark.parametrize(
    ("ratings", "stars"),
    [
        pytest.param([R.SPAM], 5, id="f3-one-negative-is-not-enough"),
        pytest.param([R.SPAM, R.NOT_INTERESTED], 4, id="f3-two-negatives-cost-a-star"),
        pytest.param([R.SPAM, R.SPAM] + [R.REPLY] * 9, 5, id="f2-negative-drops-out-after-10"),
        pytest.param([R.SPAM, R.SPAM] + [R.REPLY] * 8, 4, id="f2-both-still-in-the-last-10"),
        pytest.param([R.REPLY] * 10 + [R.SPAM, R.SPAM], 4, id="f2-new-negatives-count"),
        pytest.param([R.SPAM] * 10 + [R.REPLY] * 10, 5, id="f2-ten-replies-wash-out-ten-spams"),
        pytest.param([R.SPAM] * 5 + [R.REPLY] * 9, 5, id="f2-only-one-negative-left-in-window"),
    ],
)
def test_f2_last_ten_by_reaction_date(ratings: list[Reaction], stars: int) -> None:
    """F2, F3: only the last 10 ratings count; older negatives drop out of the window."""
    net, anna, mails = inmails(len(ratings))
    react_in_turn(net, mails, ratings)
    assert net.ratings(anna) == ratings
    assert net.stars(anna) == stars


def test_f2_order_is_by_reaction_date_not_by_sending() -> None:
    """F2: the window follows reaction dates; the first InMails sent may be rated last."""
    net, anna, mails = inmails(11)
    # The two oldest InMails are declined last; the others are answered first, day by day.
    react_in_turn(net, mails[2:], [R.REPLY] * 9)
    net.react(mails[0], R.NOT_INTERESTED, on=DAY + timedelta(days=20))
    net.react(mails[1], R.SPAM, on=DAY + timedelta(days=21))
    assert net.ratings(anna) == [R.REPLY] * 9 + [R.NOT_INTERESTED, R.SPAM]
    assert net.stars(anna) == 4


@pytest.mark.parametrize(
    ("order", "stars"),
    [
        pytest.param([5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 10], 5, id="f2-tie-first-recorded-drops-out"),
        pytest.param([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 5], 4, id="f2-tie-last-recorded-stays"),
    ],
)
def test_f2_ties_in_recorded_order(order: list[int], stars: int) -> None:
    """F2: ratings of the same day count in the order recorded (mails 5 and 10 are spam)."""
    net, anna, mails = inmails(11)
    verdicts = [R.SPAM if index in (5, 10) else R.REPLY for index in range(11)]
    for index in order:
        net.react(mails[index], verdicts[index], on=DAY + timedelta(days=3))
    assert net.ratings(anna) == [verdicts[index] for index in order]
    assert net.stars(anna) == stars


def test_rating_window_keeps_the_last_ten_oldest_first() -> None:
    """F2: the window is the last 10 ratings, oldest first."""
    ratings = [R.SPAM] * 3 + [R.REPLY] * 8 + [R.NOT_INTERESTED]
    assert list(rating_window(ratings)) == [R.SPAM] + [R.REPLY] * 8 + [R.NOT_INTERESTED]


@pytest.mark.parametrize(
    ("sender", "recipient", "channel"),
    [
        pytest.param("Ben", "Anna", Channel.CONNECTION, id="f1-a3-connection-message-not-rated"),
        pytest.param("Ben", "Carla", Channel.MODERATOR, id="f1-a3-moderator-message-not-rated"),
        pytest.param("Erik", "Carla", Channel.OPENLINK, id="f1-a3-openlink-looks-like-inmail"),
    ],
)
def test_f1_only_inmails_are_rated(sender: str, recipient: str, channel: Channel) -> None:
    """F1, A3: a free message takes no reaction; the sender's rating is untouched."""
    net = article_network()
    author = net.member(sender)
    message = net.send(author, net.member(recipient), on=DAY)
    assert message.channel is channel
    before = snapshot(net)
    with pytest.raises(NotAnInMail) as info:
        net.react(message, R.SPAM, on=DAY)
    assert "(F1)" in info.value.message
    assert snapshot(net) == before
    assert net.reaction(message) is None
    assert net.ratings(author) == []


def test_f1_one_reaction_per_inmail() -> None:
    """F1: the recipient reacts once; a second reaction is refused and the first one stays."""
    net, anna, [mail] = inmails(1)
    net.react(mail, R.REPLY, on=DAY + timedelta(days=1))
    before = snapshot(net)
    with pytest.raises(AlreadyReacted) as info:
        net.react(mail, R.SPAM, on=DAY + timedelta(days=2))
    assert "Antworten" in info.value.message
    assert snapshot(net) == before
    assert net.reaction(mail) is R.REPLY
    assert net.ratings(anna) == [R.REPLY]


def test_f1_ratings_belong_to_the_sender_only() -> None:
    """F1: negative ratings count against the sender, not the recipient or anyone else."""
    net = article_network()
    anna, erik, carla = net.member("Anna"), net.member("Erik"), net.member("Carla")
    mails = [net.send(anna, erik, on=DAY) for _ in range(2)]
    react_in_turn(net, mails, [R.SPAM, R.SPAM])
    assert (net.stars(anna), net.stars(erik), net.stars(carla)) == (4, 5, 5)
    assert net.ratings(erik) == []


def test_f4_sender_stars_frozen_at_sending() -> None:
    """F4: an InMail carries the sender's stars at sending; later ratings do not change it."""
    net, anna, mails = inmails(3)
    assert [mail.sender_stars for mail in mails] == [5, 5, 5]
    net.react(mails[0], R.SPAM, on=DAY + timedelta(days=1))
    net.react(mails[1], R.NOT_INTERESTED, on=DAY + timedelta(days=1))
    later = net.send(anna, net.member("Erik"), on=DAY + timedelta(days=9))
    assert later.sender_stars == 4 == net.stars(anna)
    assert [mail.sender_stars for mail in net.messages] == [5, 5, 5, 4]
    assert [mail.sender_stars for mail in net.inbox(net.member("Erik"))] == [5, 5, 5, 4]


def test_f4_free_messages_carry_no_stars() -> None:
    """F4: only InMails show the sender's stars; free messages carry none."""
    net = article_network()
    message = net.send(net.member("Anna"), net.member("Ben"), on=DAY)
    assert message.channel is Channel.CONNECTION
    assert message.sender_stars is None
