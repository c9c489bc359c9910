"""The monthly cap of group messages (K11, A11): at most 15 new group conversations a month.

From 18 June 2015 a member may begin at most 15 free conversations a calendar month with fellow
group members, over every group way (K2, K3, K10) and every group together. A message counts when
it is the first group message between the two members in either direction, so replies and
follow-ups are free of the cap (A11). The numbers here are the source's (LinkedIn Help,
"Communicating with a Fellow Group Member", 18 June 2015), written out, not read from the library.
"""

from __future__ import annotations

from datetime import date

import pytest

from inmail_explained import (
    Channel,
    GroupMessageLimit,
    InMailError,
    Member,
    Network,
    PremiumRequired,
)
from inmail_explained.channels import open_channels

from .support import snapshot

C = Channel
CAP = 15
JULY = date(2015, 7, 20)


def crowd(
    count: int, *, premium: bool = False, accepts: bool = True
) -> tuple[Network, Member, list[Member]]:
    """Anna and `count` fellow members of one group nobody moderates."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=premium, inmail_credits=1 if premium else 0))
    others = [net.add(Member(name=f"M{n:02}", accepts_inmail=accepts)) for n in range(count)]
    net.add_group("Vertrieb", moderators=[], members=[anna, *others])
    return net, anna, others


def begin(net: Network, sender: Member, recipients: list[Member], on: date) -> None:
    for recipient in recipients:
        assert net.send(sender, recipient, on=on).channel is C.GROUP_MEMBER


def test_no_cap_on_17_june_2015() -> None:
    """K10: until 17 June 2015 any number of group conversations, all free."""
    net, anna, others = crowd(CAP + 5)
    begin(net, anna, others, date(2015, 6, 17))


def test_cap_from_18_june_2015() -> None:
    """K11: on 18 June 2015 the 15th conversation goes, the 16th does not through the group."""
    net, anna, others = crowd(CAP + 1, accepts=False)
    begin(net, anna, others[:CAP], date(2015, 6, 18))
    assert net.options(anna, others[CAP], on=date(2015, 6, 18)) == []
    before = snapshot(net)
    with pytest.raises(GroupMessageLimit) as info:
        net.send(anna, others[CAP], on=date(2015, 6, 18))
    assert info.value.variant == "no_other_way"
    assert "(K11)" in info.value.message
    assert "01.07.2015" in info.value.message
    assert "Juni 2015" in info.value.message
    assert snapshot(net) == before


def test_messages_before_the_cap_do_not_use_it_up() -> None:
    """K11, A11: conversations begun on 17 June do not count toward June's 15 from the 18th."""
    net, anna, others = crowd(2 * CAP + 1)
    begin(net, anna, others[:CAP], date(2015, 6, 17))
    begin(net, anna, others[CAP : 2 * CAP], date(2015, 6, 18))
    assert C.GROUP_MEMBER not in [
        o.channel for o in net.options(anna, others[-1], on=date(2015, 6, 18))
    ]


def test_15th_and_16th_in_a_month_and_the_next_month() -> None:
    """K11: the 15th goes, the 16th takes the next way, and on the 1st of the next month it goes."""
    net, anna, others = crowd(CAP + 1, premium=True)
    begin(net, anna, others[: CAP - 1], JULY)
    assert [o.channel for o in net.options(anna, others[CAP - 1], on=JULY)] == [
        C.GROUP_MEMBER,
        C.INMAIL,
    ]
    begin(net, anna, others[CAP - 1 : CAP], JULY)
    last = others[CAP]
    assert [o.channel for o in net.options(anna, last, on=date(2015, 7, 31))] == [C.INMAIL]
    with pytest.raises(GroupMessageLimit) as info:
        net.send(anna, last, on=date(2015, 7, 31), via=C.GROUP_MEMBER)
    assert info.value.variant == "other_ways"
    assert "„InMail“" in info.value.message
    assert [o.channel for o in net.options(anna, last, on=date(2015, 8, 1))] == [
        C.GROUP_MEMBER,
        C.INMAIL,
    ]
    assert net.send(anna, last, on=date(2015, 8, 1)).channel is C.GROUP_MEMBER


def test_the_16th_without_via_takes_the_next_way() -> None:
    """K11, C1: with the month used up, `send` without via takes the InMail, with its own rules."""
    net, anna, others = crowd(CAP + 1)
    begin(net, anna, others[:CAP], JULY)
    with pytest.raises(PremiumRequired):
        net.send(anna, others[CAP], on=JULY)


def test_replies_and_follow_ups_do_not_count() -> None:
    """A11: replies and follow-ups in begun conversations go on when the month is used up."""
    net, anna, others = crowd(2 * CAP + 1, accepts=False)
    for other in others[:CAP]:  # 15 members begin a conversation with Anna
        assert net.send(other, anna, on=JULY).channel is C.GROUP_MEMBER
    for other in others[:CAP]:  # Anna's replies are free of the cap
        assert net.send(anna, other, on=JULY).channel is C.GROUP_MEMBER
    begin(net, anna, others[CAP : 2 * CAP], JULY)  # and she still begins 15 of her own
    for other in others[: 2 * CAP]:  # follow-ups go on
        assert net.send(anna, other, on=JULY).channel is C.GROUP_MEMBER
    with pytest.raises(GroupMessageLimit):
        net.send(anna, others[-1], on=JULY)


def test_the_cap_counts_every_group_way_and_every_group() -> None:
    """K11: messages to moderators (K2), private replies (K3) and the member list (K10) add up."""
    net = Network()
    anna = net.add(Member(name="Anna"))
    mods = [net.add(Member(name=f"Mod {n}", accepts_inmail=False)) for n in range(5)]
    authors = [net.add(Member(name=f"Autor {n}", accepts_inmail=False)) for n in range(5)]
    plain = [net.add(Member(name=f"Mitglied {n}", accepts_inmail=False)) for n in range(6)]
    net.add_group("Eins", moderators=mods, members=[anna])
    group = net.add_group("Zwei", moderators=[], members=[anna, *authors, *plain])
    for author in authors:
        net.start_discussion(group, author=author, title=f"Thema von {author.name}")
    sent = [net.send(anna, other, on=JULY).channel for other in [*mods, *authors, *plain[:5]]]
    assert sent == [C.MODERATOR] * 5 + [C.PRIVATE_REPLY] * 5 + [C.GROUP_MEMBER] * 5
    with pytest.raises(GroupMessageLimit):
        net.send(anna, plain[5], on=JULY)


def test_connections_do_not_count() -> None:
    """K1, K11: messages to connections are no group messages and leave the month's 15."""
    net, anna, others = crowd(CAP + 1, accepts=False)
    for other in others[:CAP]:
        net.connect(anna, other)
        assert net.send(anna, other, on=JULY).channel is C.CONNECTION
    assert net.send(anna, others[CAP], on=JULY).channel is C.GROUP_MEMBER


def test_december_points_to_january() -> None:
    """K11, A11: the month after December is January of the next year."""
    net, anna, others = crowd(CAP + 1, accepts=False)
    begin(net, anna, others[:CAP], date(2015, 12, 31))
    with pytest.raises(GroupMessageLimit) as info:
        net.send(anna, others[CAP], on=date(2015, 12, 31))
    assert "Dezember 2015" in info.value.message
    assert "01.01.2016" in info.value.message


def test_asking_for_an_earlier_day_of_the_month() -> None:
    """A11: a preview for a day before the conversations began counts none of them."""
    net, anna, others = crowd(CAP + 1, accepts=False)
    begin(net, anna, others[:CAP], JULY)
    early = date(2015, 7, 10)
    assert [o.channel for o in net.options(anna, others[0], on=early)] == [C.GROUP_MEMBER]
    assert [o.channel for o in net.options(anna, others[CAP], on=early)] == [C.GROUP_MEMBER]
    assert net.options(anna, others[CAP], on=JULY) == []


def test_a_way_the_cap_did_not_take_is_refused_as_unavailable() -> None:
    """K11, K1-K5: asking for a way that was never open is not blamed on the cap."""
    net, anna, others = crowd(CAP + 1, premium=True)
    begin(net, anna, others[:CAP], JULY)
    with pytest.raises(InMailError) as info:
        net.send(anna, others[CAP], on=JULY, via=C.MODERATOR)
    assert info.value.code == "channel-unavailable"


@pytest.mark.parametrize(("left", "offered"), [(None, True), (1, True), (0, False)])
def test_k11_no_group_way_is_offered_once_the_month_is_used_up(
    left: int | None, offered: bool
) -> None:
    """open_channels with 0 counted group messages left offers no group way, only the others."""
    recipient = Member(name="Gerd", openlink=True, premium=True, accepts_inmail=True)
    ways = open_channels(
        recipient,
        connected=False,
        moderated_group="Recruiting",
        shared_discussion="Gehälter",
        on=date(2015, 7, 1),
        group_messages_left=left,
    )
    channels = [way.channel for way in ways]
    group_ways = {Channel.MODERATOR, Channel.PRIVATE_REPLY}
    assert (group_ways <= set(channels)) is offered
    assert Channel.OPENLINK in channels, "Open Profile is no group way and stays open"
