"""Channels by date: each edge of the channel rules, tested on both of its days.

OpenLink becomes Open Profile on 1 May 2014 (K4 until 30 April, K12 from 1 May, A9); the article's
button labels are vouched for until 30 April 2014 (K13, A8); the group ways end with the 2018
rebuild (K2, K3, K10 until 15 August 2018, A12); the stars are vouched for until 30 April 2014
(F1-F4, A8). Undated calls mean today (`STATUS_DAY`); every day of the article's period gives the
same answers as `ARTICLE_DAY`.
The expected values are written out here from the sources (docs/referenz/regeln.md), not read
from the library.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from inmail_explained import (
    ARTICLE_DAY,
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    LABEL_NOT_DOCUMENTED,
    STATUS_DAY,
    Channel,
    ChannelOption,
    ChannelUnavailable,
    ContactBlocked,
    Member,
    Network,
    NotDocumented,
    Reaction,
    article_network,
    example_network,
)
from inmail_explained.channels import (
    channel_label,
    channel_rule,
    channel_title,
    open_channels,
    profile_button,
)

from .support import snapshot

C = Channel

LAST_OPENLINK_DAY = date(2014, 4, 30)
FIRST_OPEN_PROFILE_DAY = date(2014, 5, 1)
LAST_GROUP_DAY = date(2018, 8, 15)
FIRST_REBUILT_DAY = date(2018, 8, 16)
TODAY = STATUS_DAY


def _with(recipient: Member, **facts: object) -> list[tuple[str, str, str | None]]:
    """(rule, title, label) of every way to `recipient` given the facts."""
    options = open_channels(recipient, **facts)  # type: ignore[arg-type]
    return [(option.rule, option.title, option.label) for option in options]


# -- K4 / K12: OpenLink becomes Open Profile ------------------------------------------------------


def test_k4_until_30_april_2014() -> None:
    """K4: on the last OpenLink day the way is "OpenLink-Nachricht" behind "InMail senden"."""
    carla = Member(name="Carla", premium=True, openlink=True)
    assert _with(carla, connected=False, on=LAST_OPENLINK_DAY) == [
        ("K4", "OpenLink-Nachricht", "InMail senden")
    ]


def test_k12_from_1_may_2014() -> None:
    """K12, K13: from 1 May 2014 the free way is Open Profile, and its label is not documented."""
    carla = Member(name="Carla", premium=True, openlink=True)
    assert _with(carla, connected=False, on=FIRST_OPEN_PROFILE_DAY) == [
        ("K12", "Open-Profile-Nachricht", None)
    ]
    assert _with(carla, connected=False, on=TODAY) == [
        ("K12", "Open-Profile-Nachricht", None),
        ("K20", "Einladung mit persönlicher Nachricht", None),
    ]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(LAST_OPENLINK_DAY, [C.OPENLINK], id="k4-ignores-the-contact-setting"),
        pytest.param(FIRST_OPEN_PROFILE_DAY, [], id="k12-needs-the-recipient-to-accept"),
    ],
)
def test_open_profile_needs_the_recipient_to_accept(on: date, expected: list[Channel]) -> None:
    """K4, K12, K6: OpenLink was open whatever B's setting; Open Profile only if B accepts (O1)."""
    net = Network()
    erik = net.add(Member(name="Erik"))
    carla = net.add(Member(name="Carla", premium=True, openlink=True, accepts_inmail=False))
    assert [option.channel for option in net.options(erik, carla, on=on)] == expected
    if not expected:
        with pytest.raises(ContactBlocked):
            net.send(erik, carla, on=on)
    else:
        message = net.send(erik, carla, on=on)
        assert (message.channel, message.rule, message.cost) == (C.OPENLINK, "K4", 0)


def test_open_profile_message_is_free_for_basic_members() -> None:
    """K12, C3: a Basic member writes to an Open Profile for free."""
    net = article_network()
    erik, carla = net.member("Erik"), net.member("Carla")
    message = net.send(erik, carla, on=TODAY)
    assert (message.channel, message.cost, message.sender_stars) == (C.OPENLINK, 0, None)
    assert message.rule == "K12"
    assert net.send(erik, carla, on=TODAY, via=C.OPENLINK).channel.rule == "K4"  # the article's


# -- K13: the article's labels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewer", "profile", "label"),
    [
        pytest.param("Anna", "Ben", "Nachricht senden", id="k1"),
        pytest.param("Erik", "Carla", "InMail senden", id="k4"),
        pytest.param("Anna", "Erik", "InMail senden", id="k5"),
    ],
)
def test_k13_labels_until_30_april_2014(viewer: str, profile: str, label: str) -> None:
    """K13: the article's labels hold on its last day; a day later the label is not documented."""
    net = article_network()
    a, b = net.member(viewer), net.member(profile)
    assert net.profile_button(a, b, on=LAST_OPENLINK_DAY) == label
    assert net.profile_button(a, b, on=ARTICLE_DAY) == label
    before = snapshot(net)
    with pytest.raises(NotDocumented) as info:
        net.profile_button(a, b, on=FIRST_OPEN_PROFILE_DAY)
    assert info.value.code == "not-documented"
    assert info.value.variant == "label"
    assert "(K13)" in info.value.message
    assert "30.04.2014" in info.value.message
    assert snapshot(net) == before
    option = net.profile_option(a, b, on=FIRST_OPEN_PROFILE_DAY)
    assert option is not None
    assert option.label is None
    assert str(option).endswith(f"{LABEL_NOT_DOCUMENTED}, {option.price}")


def test_no_button_stays_none_on_every_day() -> None:
    """K6: where there is no button, there is no label to miss: ``None``, no error."""
    net = article_network()
    anna, dora = net.member("Anna"), net.member("Dora")
    for on in (LAST_OPENLINK_DAY, FIRST_OPEN_PROFILE_DAY, TODAY):
        assert net.profile_button(anna, dora, on=on) is None
        assert net.profile_option(anna, dora, on=on) is None


def test_profile_option_is_the_button_way() -> None:
    """K7: the profile's way is the first of K1, K4/K12, K5 among the options."""
    net = article_network()
    ben, carla = net.member("Ben"), net.member("Carla")
    option = net.profile_option(ben, carla, on=ARTICLE_DAY)
    assert option is not None
    assert (option.channel, option.rule, option.label) == (C.OPENLINK, "K4", "InMail senden")
    later = net.profile_option(ben, carla, on=FIRST_OPEN_PROFILE_DAY)
    assert later is not None
    assert (later.channel, later.rule, later.label) == (C.OPENLINK, "K12", None)


def test_k10_has_no_documented_label() -> None:
    """K10, K13: even in the article's period the member list's button label is not documented."""
    net = article_network()
    carla, anna = net.member("Carla"), net.member("Anna")
    member_list = net.options(carla, anna, on=ARTICLE_DAY)[0]
    assert (member_list.channel, member_list.rule, member_list.label) == (
        C.GROUP_MEMBER,
        "K10",
        None,
    )
    assert member_list.via == EXAMPLE_GROUP
    assert str(member_list) == (
        f"K10 Nachricht an ein Gruppenmitglied über „{EXAMPLE_GROUP}“: "
        f"{LABEL_NOT_DOCUMENTED}, kostenlos"
    )


def test_plain_profile_button_function_names_the_day() -> None:
    """K13: the plain function raises for an undocumented label and names the day asked for."""
    erik = Member(name="Erik")
    options = open_channels(erik, connected=False, on=TODAY)
    with pytest.raises(NotDocumented) as info:
        profile_button(options, TODAY)
    assert "01.12.2026" in info.value.message
    assert profile_button(open_channels(erik, connected=False, on=ARTICLE_DAY)) == "InMail senden"


# -- K10 with A10 ----------------------------------------------------------------------------------


def test_a10_member_list_only_where_k2_and_k3_do_not_reach() -> None:
    """A10, K10: the member list is offered only where no moderator or discussion way reaches."""
    ben = Member(name="Ben")
    group, topic = EXAMPLE_GROUP, EXAMPLE_DISCUSSION
    assert [
        o.channel for o in open_channels(ben, connected=False, fellow_group=group, on=ARTICLE_DAY)
    ] == [
        C.GROUP_MEMBER,
        C.INMAIL,
    ]
    for facts in ({"moderated_group": group}, {"shared_discussion": topic}):
        options = open_channels(ben, connected=False, fellow_group=group, **facts)  # type: ignore[arg-type]
        assert C.GROUP_MEMBER not in [o.channel for o in options]


def test_k10_is_free_and_goes_through_the_group() -> None:
    """K10, C3: a message from the member list is free and records the group."""
    net = article_network()
    carla, anna = net.member("Carla"), net.member("Anna")
    message = net.send(carla, anna, on=date(2013, 7, 1))
    assert (message.channel, message.via, message.cost) == (C.GROUP_MEMBER, EXAMPLE_GROUP, 0)


# -- A12: the group ways end with the 2018 rebuild ------------------------------------------------


def _group_network() -> tuple[Network, Member, Member, Member, Member]:
    """Max belongs to a group moderated by Mia, with Bea (who discussed) and Ute (silent)."""
    net = Network()
    mia, max_, bea, ute = (
        net.add(Member(name=name, accepts_inmail=False)) for name in ("Mia", "Max", "Bea", "Ute")
    )
    group = net.add_group("Personal", moderators=[mia], members=[max_, bea, ute])
    net.start_discussion(group, author=bea, title="Neue Stellen")
    return net, mia, max_, bea, ute


@pytest.mark.parametrize(
    ("recipient", "channel"),
    [
        pytest.param(1, C.MODERATOR, id="k2"),
        pytest.param(3, C.PRIVATE_REPLY, id="k3"),
        pytest.param(4, C.GROUP_MEMBER, id="k10"),
    ],
)
def test_a12_group_ways_until_15_august_2018(recipient: int, channel: Channel) -> None:
    """K2, K3, K10, A12: open on 15 August 2018, gone on 16 August 2018."""
    net, *people = _group_network()
    max_, other = people[1], people[recipient - 1]
    assert [o.channel for o in net.options(max_, other, on=LAST_GROUP_DAY)] == [channel]
    assert net.options(max_, other, on=FIRST_REBUILT_DAY) == []
    with pytest.raises(ContactBlocked, match=r"Vernetzt euch \(K1\); Wege über Gruppen") as refused:
        net.send(max_, other, on=FIRST_REBUILT_DAY)
    assert "(K2)" not in str(refused.value), "after the rebuild no group way is suggested (A12)"
    assert net.send(max_, other, on=LAST_GROUP_DAY).channel is channel
    with pytest.raises(ContactBlocked):  # nothing else is open: B accepts no InMails
        net.send(max_, other, on=FIRST_REBUILT_DAY, via=channel)


def test_a12_a_group_way_asked_for_after_the_rebuild() -> None:
    """A12, K5: after the rebuild only the InMail is left; asking for the group way is refused."""
    net = article_network()
    ben, carla = net.member("Ben"), net.member("Carla")
    assert [o.channel for o in net.options(ben, carla, on=FIRST_REBUILT_DAY)] == [C.OPENLINK]
    with pytest.raises(ChannelUnavailable):
        net.send(ben, carla, on=FIRST_REBUILT_DAY, via=C.MODERATOR)


# -- F1-F4: the stars ------------------------------------------------------------------------------


def test_stars_until_30_april_2014() -> None:
    """F3, F4: stars on the last vouched day; from 1 May 2014 not documented, InMails carry none."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=4))
    erik = net.add(Member(name="Erik"))
    first = net.send(anna, erik, on=date(2014, 4, 1))
    second = net.send(anna, erik, on=date(2014, 4, 2))
    net.react(first, Reaction.SPAM, on=date(2014, 4, 20))
    net.react(second, Reaction.SPAM, on=LAST_OPENLINK_DAY)
    assert net.stars(anna, on=date(2014, 4, 29)) == 5  # one negative so far
    assert net.stars(anna, on=LAST_OPENLINK_DAY) == 4  # two negatives cost a star
    last = net.send(anna, erik, on=LAST_OPENLINK_DAY)
    assert last.sender_stars == 4
    later = net.send(anna, erik, on=FIRST_OPEN_PROFILE_DAY)
    assert later.sender_stars is None
    assert str(later) == "InMail von Anna an Erik am 01.05.2014"
    with pytest.raises(NotDocumented) as info:
        net.stars(anna, on=FIRST_OPEN_PROFILE_DAY)
    assert info.value.variant == "stars"
    assert "(F3)" in info.value.message
    net.react(later, Reaction.REPLY, on=FIRST_OPEN_PROFILE_DAY)  # reactions are still recorded
    assert net.reaction(later) is Reaction.REPLY
    assert net.ratings(anna) == [Reaction.SPAM, Reaction.SPAM, Reaction.REPLY]


# -- undated means today; the article's period answers alike --------------------------------------


def _answers(net: Network, on: date | None) -> list[object]:
    answers: list[object] = []
    for sender in net.members:
        for recipient in net.members:
            if sender != recipient:
                answers.append(net.options(sender, recipient, on=on))
                answers.append(net.profile_option(sender, recipient, on=on))
                answers.append(net.profile_button(sender, recipient, on=on))
    return answers


ARTICLE_ANSWERS = _answers(article_network(), ARTICLE_DAY)


@given(on=st.dates(date(2013, 1, 1), LAST_OPENLINK_DAY))
def test_every_day_of_the_article_period_answers_as_article_day(on: date) -> None:
    """A8, K1-K13: on every day of the article's period the answers equal `ARTICLE_DAY`'s."""
    assert _answers(article_network(), on) == ARTICLE_ANSWERS


@pytest.mark.parametrize("network", [example_network, article_network])
def test_undated_means_today(network: Callable[[], Network]) -> None:
    """A8, K12, K13: without `on` the network answers for `STATUS_DAY`, never for the article."""
    net = network()
    for sender in net.members:
        for recipient in net.members:
            if sender == recipient:
                continue
            today = net.options(sender, recipient, on=STATUS_DAY)
            assert net.options(sender, recipient) == today
            assert net.profile_option(sender, recipient) == net.profile_option(
                sender, recipient, on=STATUS_DAY
            )
            if net.profile_option(sender, recipient) is not None:
                with pytest.raises(NotDocumented) as info:
                    net.profile_button(sender, recipient)
                assert info.value.fields["on"] == "01.12.2026"
    ben, carla = net.member("Ben"), net.member("Carla")
    assert [option.rule for option in net.options(ben, carla)] == ["K12", "K19", "K20"]
    assert channel_rule(Channel.OPENLINK) == "K12"
    assert channel_title(Channel.OPENLINK) == "Open-Profile-Nachricht"
    assert channel_label(Channel.INMAIL) is None


def test_the_day_after_the_article_period_differs() -> None:
    """A8, K12: the property above is not empty: a day later the answers change."""
    net = article_network()
    erik, carla = net.member("Erik"), net.member("Carla")
    assert net.options(erik, carla, on=FIRST_OPEN_PROFILE_DAY) != net.options(
        erik, carla, on=ARTICLE_DAY
    )


# -- ChannelOption by hand -------------------------------------------------------------------------


def test_a_hand_made_option_takes_todays_values() -> None:
    """K12, K13: an option made from channel and cost alone has today's rule, title and label."""
    option = ChannelOption(channel=C.OPENLINK, cost=0)
    assert (option.rule, option.title, option.label) == (
        "K12",
        "Open-Profile-Nachricht",
        None,
    )
    assert option == ChannelOption.on_day(C.OPENLINK, STATUS_DAY)
    assert ChannelOption.model_validate({"channel": "inmail", "cost": 1}).rule == "K5"
    assert ChannelOption.model_validate(option) == option
    with pytest.raises(ValidationError) as info:
        ChannelOption(channel="brief", cost=0)  # type: ignore[arg-type]
    assert info.value.errors()[0]["loc"] == ("channel",)
    with pytest.raises(ValidationError) as info:
        ChannelOption.model_validate("K5")
    assert info.value.errors()[0]["type"] == "model_type"
