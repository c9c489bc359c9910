"""The five ways one member can write to another, the profile button, and invitations (K1-K9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from inmail_explained import (
    ARTICLE_DAY,
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    PROFILE_CHANNELS,
    Channel,
    ChannelOption,
    ChannelUnavailable,
    ContactBlocked,
    Member,
    Network,
    NotConnected,
    SelfMessage,
    article_network,
)
from inmail_explained.channels import open_channels, profile_button

from .support import snapshot

C = Channel
DAY = date(2015, 3, 2)


@pytest.mark.parametrize(
    ("channel", "rank", "rule", "label", "place", "cost"),
    [
        pytest.param(C.CONNECTION, 1, "K1", "Nachricht senden", "Profil", 0, id="k1-connection"),
        pytest.param(
            C.MODERATOR, 2, "K2", "Nachricht senden", "Gruppenseite", 0, id="k2-moderator"
        ),
        pytest.param(
            C.PRIVATE_REPLY, 3, "K3", "Privat antworten", "Gruppendiskussion", 0, id="k3-private"
        ),
        pytest.param(
            C.GROUP_MEMBER, 4, "K10", None, "Mitgliederliste der Gruppe", 0, id="k10-member-list"
        ),
        pytest.param(C.OPENLINK, 5, "K4", "InMail senden", "Profil", 0, id="k4-openlink"),
        pytest.param(C.MESSAGE_REQUEST, 6, "K19", None, "Gruppe", 0, id="k19-message-request"),
        pytest.param(C.INMAIL, 7, "K5", "InMail senden", "Profil", 1, id="k5-inmail"),
        pytest.param(
            C.INVITATION, 8, "K20", None, "Profil, beim Vernetzen", 0, id="k20-invitation"
        ),
    ],
)
def test_channel_table(
    channel: Channel, rank: int, rule: str, label: str | None, place: str, cost: int
) -> None:
    """K1-K5, K10: each channel has its rank, rule, article label (K13), place and cost."""
    assert (channel.rank, channel.rule, channel.label, channel.place, channel.cost) == (
        rank,
        rule,
        label,
        place,
        cost,
    )
    assert list(Channel)[rank - 1] is channel


@pytest.mark.parametrize(
    ("channel", "title"),
    [
        pytest.param(C.CONNECTION, "Nachricht an einen Kontakt", id="k1"),
        pytest.param(C.MODERATOR, "Nachricht an einen Gruppenmoderator", id="k2"),
        pytest.param(C.PRIVATE_REPLY, "Private Antwort in einer Gruppendiskussion", id="k3"),
        pytest.param(C.OPENLINK, "OpenLink-Nachricht", id="k4"),
        pytest.param(C.INMAIL, "InMail", id="k5"),
    ],
)
def test_channel_prints_its_german_title(channel: Channel, title: str) -> None:
    """K1-K5: a channel prints as its German title."""
    assert channel.title == title
    assert str(channel) == title


def test_profile_channels_by_precedence() -> None:
    """K7: the profile's button channels in order of precedence are K1, K4, K5."""
    assert PROFILE_CHANNELS == (C.CONNECTION, C.OPENLINK, C.INMAIL)


@pytest.mark.parametrize(
    ("sender", "recipient", "expected"),
    [
        pytest.param(
            "Anna", "Ben", [C.CONNECTION, C.PRIVATE_REPLY], id="k1-connection-replaces-inmail"
        ),
        pytest.param(
            "Ben", "Anna", [C.CONNECTION, C.GROUP_MEMBER], id="k1-both-directions-k10-beside"
        ),
        pytest.param(
            "Ben",
            "Carla",
            [C.MODERATOR, C.PRIVATE_REPLY, C.OPENLINK],
            id="k2-k3-k4-openlink-replaces-inmail",
        ),
        pytest.param("Carla", "Ben", [C.PRIVATE_REPLY, C.INMAIL], id="k3-author-a5-inmail-stays"),
        pytest.param(
            "Carla", "Anna", [C.GROUP_MEMBER, C.INMAIL], id="k10-group-member-who-wrote-nothing"
        ),
        pytest.param("Anna", "Erik", [C.INMAIL], id="k5-stranger"),
        pytest.param("Erik", "Anna", [C.INMAIL], id="k5-offered-to-basic-too"),
        pytest.param("Erik", "Carla", [C.OPENLINK], id="k4-outside-the-group-only-openlink"),
        pytest.param("Dora", "Carla", [C.OPENLINK], id="k4-for-a-basic-stranger"),
        pytest.param("Anna", "Dora", [], id="k6-no-way-to-dora"),
        pytest.param("Erik", "Dora", [], id="k6-no-way-from-a-stranger"),
        pytest.param("Dora", "Erik", [C.INMAIL], id="k5-own-setting-does-not-matter"),
    ],
)
def test_options_in_the_article_network(
    sender: str, recipient: str, expected: list[Channel]
) -> None:
    """K1-K6, K10, A5, A10: the ways open between the example cast, in order of preference."""
    net = article_network()
    options = net.options(net.member(sender), net.member(recipient), on=ARTICLE_DAY)
    assert [option.channel for option in options] == expected
    assert [option.cost for option in options] == [channel.cost for channel in expected]


def test_options_are_ordered_k1_to_k5_for_every_pair() -> None:
    """K1-K5: for every pair of the example cast, options are in strictly rising rank."""
    net = article_network()
    checked = 0
    for sender in net.members:
        for recipient in net.members:
            if sender == recipient:
                continue
            ranks = [
                option.channel.rank for option in net.options(sender, recipient, on=ARTICLE_DAY)
            ]
            assert ranks == sorted(set(ranks))
            checked += 1
    assert checked == 20


@pytest.mark.parametrize(
    ("sender_fields", "recipient_fields"),
    [
        pytest.param({}, {"accepts_inmail": False}, id="k1-basic-to-basic-refusing-inmails"),
        pytest.param(
            {"premium": True, "inmail_credits": 2},
            {"premium": True, "openlink": True},
            id="k1-premium-to-openlink",
        ),
        pytest.param({}, {}, id="k1-basic-to-basic"),
    ],
)
def test_k1_connection_always_works(
    sender_fields: dict[str, bool | int], recipient_fields: dict[str, bool | int]
) -> None:
    """K1: connected members can always write, for free, whatever the contact settings say."""
    net = Network()
    sender = net.add(Member(name="Anna", **sender_fields))  # type: ignore[arg-type]
    recipient = net.add(Member(name="Dora", **recipient_fields))  # type: ignore[arg-type]
    net.connect(sender, recipient)
    assert net.options(sender, recipient, on=ARTICLE_DAY)[0] == ChannelOption.on_day(
        C.CONNECTION, ARTICLE_DAY, cost=0
    )
    assert net.profile_button(sender, recipient, on=ARTICLE_DAY) == "Nachricht senden"
    message = net.send(sender, recipient, on=DAY)
    assert (message.channel, message.cost, message.sender_stars) == (C.CONNECTION, 0, None)


def _moderated_network() -> tuple[Network, Member, Member, Member]:
    """A group moderated by Mia (no OpenLink, accepts InMails), with member Max; Ole is outside."""
    net = Network()
    mia = net.add(Member(name="Mia"))
    max_ = net.add(Member(name="Max", premium=True, inmail_credits=1))
    ole = net.add(Member(name="Ole", premium=True, inmail_credits=1))
    net.add_group("Personal", moderators=[mia], members=[max_])
    return net, mia, max_, ole


def test_k2_moderator_reachable_for_members() -> None:
    """K2, A5: a group member may write to the moderator; the InMail stays possible beside it."""
    net, mia, max_, _ = _moderated_network()
    options = net.options(max_, mia, on=ARTICLE_DAY)
    assert options == [
        ChannelOption.on_day(C.MODERATOR, ARTICLE_DAY, cost=0, via="Personal"),
        ChannelOption.on_day(C.INMAIL, ARTICLE_DAY, cost=1),
    ]


def test_k2_needs_membership() -> None:
    """K2, A1: someone outside the group does not reach the moderator through it."""
    net, mia, _, ole = _moderated_network()
    assert [option.channel for option in net.options(ole, mia, on=ARTICLE_DAY)] == [C.INMAIL]


def test_k2_is_one_way() -> None:
    """K2, K10: a moderator reaches a plain member only through the member list, like anyone."""
    net, mia, max_, _ = _moderated_network()
    assert [option.channel for option in net.options(mia, max_, on=ARTICLE_DAY)] == [
        C.GROUP_MEMBER,
        C.INMAIL,
    ]


def test_k2_to_a_moderator_refusing_inmails() -> None:
    """K2, K6: a moderator refusing InMails stays reachable via the group; no profile button."""
    net = Network()
    mia = net.add(Member(name="Mia", accepts_inmail=False))
    max_ = net.add(Member(name="Max"))
    net.add_group("Personal", moderators=[mia], members=[max_])
    assert [option.channel for option in net.options(max_, mia, on=ARTICLE_DAY)] == [C.MODERATOR]
    assert net.profile_button(max_, mia, on=ARTICLE_DAY) is None
    message = net.send(max_, mia, on=DAY)
    assert (message.channel, message.via, message.cost) == (C.MODERATOR, "Personal", 0)


def test_k3_reaches_author_and_commenters() -> None:
    """K3: a group member reaches the author and each commenter of a discussion privately."""
    net = Network()
    ada, bea, cem, dan = (net.add(Member(name=name)) for name in ("Ada", "Bea", "Cem", "Dan"))
    group = net.add_group("Vertrieb", moderators=[], members=[ada, bea, cem, dan])
    topic = net.start_discussion(group, author=bea, title="Kaltakquise")
    net.comment(topic, cem)
    reply = ChannelOption.on_day(C.PRIVATE_REPLY, ARTICLE_DAY, cost=0, via="Kaltakquise")
    assert net.options(ada, bea, on=ARTICLE_DAY) == [
        reply,
        ChannelOption.on_day(C.INMAIL, ARTICLE_DAY, cost=1),
    ]
    assert net.options(ada, cem, on=ARTICLE_DAY) == [
        reply,
        ChannelOption.on_day(C.INMAIL, ARTICLE_DAY, cost=1),
    ]
    assert net.options(bea, cem, on=ARTICLE_DAY)[0] == reply
    assert net.options(cem, bea, on=ARTICLE_DAY)[0] == reply
    member_list = ChannelOption.on_day(C.GROUP_MEMBER, ARTICLE_DAY, cost=0, via="Vertrieb")
    assert net.options(ada, dan, on=ARTICLE_DAY) == [
        member_list,
        ChannelOption.on_day(C.INMAIL, ARTICLE_DAY, cost=1),
    ]


def test_k3_needs_membership_of_the_group() -> None:
    """K3: only members of the discussion's group reach its participants privately."""
    net = article_network()
    erik, ben = net.member("Erik"), net.member("Ben")
    assert C.PRIVATE_REPLY not in [
        option.channel for option in net.options(erik, ben, on=ARTICLE_DAY)
    ]


def test_k3_private_reply_goes_through_the_discussion() -> None:
    """K3: a private reply is free and names the discussion it went through."""
    net = article_network()
    carla, ben = net.member("Carla"), net.member("Ben")
    message = net.send(carla, ben, on=DAY)
    assert (message.channel, message.via, message.cost) == (C.PRIVATE_REPLY, EXAMPLE_DISCUSSION, 0)
    assert net.credits(carla, on=DAY) == 0


def test_k4_openlink_free_for_basic_with_inmail_button() -> None:
    """K4: a Basic member writes to an OpenLink member for free; the button says "InMail senden"."""
    net = article_network()
    erik, carla = net.member("Erik"), net.member("Carla")
    assert net.profile_button(erik, carla, on=ARTICLE_DAY) == "InMail senden"
    message = net.send(erik, carla, on=DAY)
    assert (message.channel, message.cost, message.sender_stars) == (C.OPENLINK, 0, None)
    assert net.inbox(carla) == [message]


def test_k4_openlink_ignores_the_contact_setting() -> None:
    """K4, K6: OpenLink stays open even when the member refuses InMails."""
    net = Network()
    olga = net.add(Member(name="Olga", premium=True, openlink=True, accepts_inmail=False))
    udo = net.add(Member(name="Udo"))
    assert [option.channel for option in net.options(udo, olga, on=ARTICLE_DAY)] == [C.OPENLINK]
    assert net.profile_button(udo, olga, on=ARTICLE_DAY) == "InMail senden"


def test_k5_button_shown_to_basic() -> None:
    """K5: a Basic member sees "InMail senden" on a stranger's profile, although it cannot send."""
    net = article_network()
    assert (
        net.profile_button(net.member("Erik"), net.member("Anna"), on=ARTICLE_DAY)
        == "InMail senden"
    )


def test_k6_no_button_and_no_way() -> None:
    """K6: a stranger refusing InMails shows no button, and sending is refused."""
    net = article_network()
    anna, dora = net.member("Anna"), net.member("Dora")
    assert net.profile_button(anna, dora, on=ARTICLE_DAY) is None
    with pytest.raises(ContactBlocked, match=r"moderiert \(K2\) oder in deren Diskussionen"):
        net.send(anna, dora, on=DAY)


@pytest.mark.parametrize(
    ("connected", "openlink", "accepts", "button", "profile_channel"),
    [
        pytest.param(True, True, True, "Nachricht senden", C.CONNECTION, id="k1-beats-k4"),
        pytest.param(True, False, True, "Nachricht senden", C.CONNECTION, id="k1-beats-k5"),
        pytest.param(True, False, False, "Nachricht senden", C.CONNECTION, id="k1-despite-k6"),
        pytest.param(False, True, True, "InMail senden", C.OPENLINK, id="k4-beats-k5"),
        pytest.param(False, True, False, "InMail senden", C.OPENLINK, id="k4-despite-k6"),
        pytest.param(False, False, True, "InMail senden", C.INMAIL, id="k5-alone"),
        pytest.param(False, False, False, None, None, id="k6-none"),
    ],
)
def test_k7_one_button_by_precedence(
    connected: bool,
    openlink: bool,
    accepts: bool,
    button: str | None,
    profile_channel: Channel | None,
) -> None:
    """K7: the profile shows one button, by precedence K1 > K4 > K5 > none (K6)."""
    net = Network()
    viewer = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    profile = net.add(
        Member(name="Paul", premium=openlink, openlink=openlink, accepts_inmail=accepts)
    )
    if connected:
        net.connect(viewer, profile)
    assert net.profile_button(viewer, profile, on=ARTICLE_DAY) == button
    on_profile = [
        o.channel
        for o in net.options(viewer, profile, on=ARTICLE_DAY)
        if o.channel in PROFILE_CHANNELS
    ]
    assert next(iter(on_profile), None) is profile_channel


def test_k7_group_ways_are_not_on_the_profile() -> None:
    """K7: K2 and K3 never make the profile button; with only those, the profile shows none."""
    net = Network()
    mia = net.add(Member(name="Mia", accepts_inmail=False))
    max_ = net.add(Member(name="Max"))
    group = net.add_group("Personal", moderators=[mia], members=[max_])
    net.start_discussion(group, author=mia, title="Willkommen")
    assert [o.channel for o in net.options(max_, mia, on=ARTICLE_DAY)] == [
        C.MODERATOR,
        C.PRIVATE_REPLY,
    ]
    assert net.profile_button(max_, mia, on=ARTICLE_DAY) is None


@pytest.mark.parametrize(
    ("via", "channel", "cost", "through"),
    [
        pytest.param(None, C.MODERATOR, 0, EXAMPLE_GROUP, id="default-is-the-first-option"),
        pytest.param(C.MODERATOR, C.MODERATOR, 0, EXAMPLE_GROUP, id="via-moderator"),
        pytest.param(C.PRIVATE_REPLY, C.PRIVATE_REPLY, 0, EXAMPLE_DISCUSSION, id="via-private"),
        pytest.param(C.OPENLINK, C.OPENLINK, 0, None, id="via-openlink"),
    ],
)
def test_send_uses_via_or_the_best_option(
    via: Channel | None, channel: Channel, cost: int, through: str | None
) -> None:
    """K1-K5: `send` takes the channel asked for, or else the first (best) option."""
    net = article_network()
    ben, carla = net.member("Ben"), net.member("Carla")
    message = net.send(ben, carla, on=DAY, via=via)
    assert (message.channel, message.cost, message.via) == (channel, cost, through)


@pytest.mark.parametrize(
    ("sender", "recipient", "via"),
    [
        pytest.param("Ben", "Carla", C.INMAIL, id="inmail-to-openlink-member"),
        pytest.param("Anna", "Ben", C.INMAIL, id="inmail-to-a-connection"),
        pytest.param("Anna", "Erik", C.CONNECTION, id="connection-message-to-a-stranger"),
        pytest.param("Erik", "Carla", C.MODERATOR, id="moderator-message-from-outside"),
        pytest.param("Erik", "Ben", C.PRIVATE_REPLY, id="private-reply-from-outside"),
        pytest.param("Anna", "Erik", C.OPENLINK, id="openlink-without-openlink"),
    ],
)
def test_via_not_offered_is_refused(sender: str, recipient: str, via: Channel) -> None:
    """K1-K5: a channel that is not among the options is refused and nothing is sent."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(ChannelUnavailable) as info:
        net.send(net.member(sender), net.member(recipient), on=DAY, via=via)
    assert via.title in info.value.message
    assert snapshot(net) == before


def test_a5_inmail_beside_group_ways_costs_a_credit() -> None:
    """A5, K5: next to K2/K3 an InMail can still be chosen; it costs one credit."""
    net, mia, max_, _ = _moderated_network()
    message = net.send(max_, mia, on=DAY, via=C.INMAIL)
    # 2015: no stars are documented any more (F4), so the InMail carries none
    assert (message.channel, message.cost, message.sender_stars) == (C.INMAIL, 1, None)
    assert net.credits(max_, on=DAY) == 0


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda net, anna: net.options(anna, anna, on=ARTICLE_DAY), id="k8-options"),
        pytest.param(
            lambda net, anna: net.profile_button(anna, anna, on=ARTICLE_DAY), id="k8-profile-button"
        ),
        pytest.param(lambda net, anna: net.send(anna, anna, on=DAY), id="k8-send"),
    ],
)
def test_k8_nobody_writes_to_themselves(call: Callable[[Network, Member], object]) -> None:
    """K8: asking for a way to oneself is an error, and nothing is recorded."""
    net = article_network()
    anna = net.member("Anna")
    before = snapshot(net)
    with pytest.raises(SelfMessage) as info:
        call(net, anna)
    assert "(K8)" in info.value.message
    assert snapshot(net) == before


def test_k9_inviting_a_stranger_is_refused() -> None:
    """K9: only connections can be invited into a group; a stranger is refused."""
    net = article_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    before = snapshot(net)
    with pytest.raises(NotConnected) as info:
        net.invite(anna, erik, net.group(EXAMPLE_GROUP))
    assert "(K9)" in info.value.message
    assert snapshot(net) == before
    assert "Erik" not in net.group(EXAMPLE_GROUP).members


def test_k9_invited_connection_opens_group_ways() -> None:
    """K9, A6: an invited connection joins at once and then reaches the moderator (K2)."""
    net = article_network()
    anna, dora, carla = net.member("Anna"), net.member("Dora"), net.member("Carla")
    assert [o.channel for o in net.options(dora, carla, on=ARTICLE_DAY)] == [C.OPENLINK]
    net.connect(anna, dora)
    group = net.invite(anna, dora, net.group(EXAMPLE_GROUP))
    assert group.members == ("Carla", "Anna", "Ben", "Dora")
    assert [o.channel for o in net.options(dora, carla, on=ARTICLE_DAY)] == [
        C.MODERATOR,
        C.PRIVATE_REPLY,
        C.OPENLINK,
    ]


@pytest.mark.parametrize(
    ("option", "text"),
    [
        pytest.param(
            ChannelOption.on_day(C.CONNECTION, ARTICLE_DAY, cost=0),
            "K1 Nachricht an einen Kontakt: „Nachricht senden“, kostenlos",
            id="k1",
        ),
        pytest.param(
            ChannelOption.on_day(C.MODERATOR, ARTICLE_DAY, cost=0, via="Recruiting DACH"),
            "K2 Nachricht an einen Gruppenmoderator über „Recruiting DACH“: „Nachricht senden“,"
            " kostenlos",
            id="k2-names-the-group",
        ),
        pytest.param(
            ChannelOption.on_day(C.INMAIL, ARTICLE_DAY, cost=1),
            "K5 InMail: „InMail senden“, 1 InMail-Guthaben",
            id="k5-names-the-price",
        ),
    ],
)
def test_option_prints_in_german(option: ChannelOption, text: str) -> None:
    """K1-K5: an option prints its rule, title, route, button label and price in German."""
    assert str(option) == text
    assert option.label == option.channel.label
    assert option.rule == option.channel.rule


# -- the rule as a plain function, without a network ----------------------------------------------

RECIPIENTS = {
    "basic": Member(name="B"),
    "refuses-inmails": Member(name="B", accepts_inmail=False),
    "openlink": Member(name="B", premium=True, openlink=True),
    "openlink-refusing-inmails": Member(
        name="B", premium=True, openlink=True, accepts_inmail=False
    ),
}


@pytest.mark.parametrize("recipient", RECIPIENTS.values(), ids=RECIPIENTS.keys())
@pytest.mark.parametrize("connected", [False, True], ids=["stranger", "connected"])
@pytest.mark.parametrize("group", [None, "G"], ids=["no-group", "moderates"])
@pytest.mark.parametrize("discussion", [None, "D"], ids=["no-discussion", "discussed"])
def test_k1_k6_open_channels_from_the_facts(
    recipient: Member, connected: bool, group: str | None, discussion: str | None
) -> None:
    """K1-K7, A5: each fact opens its own way; the InMail only to strangers who accept it."""
    options = open_channels(
        recipient,
        connected=connected,
        moderated_group=group,
        shared_discussion=discussion,
        on=ARTICLE_DAY,
    )
    expected = [
        channel
        for channel, is_open in (
            (C.CONNECTION, connected),
            (C.MODERATOR, group is not None),
            (C.PRIVATE_REPLY, discussion is not None),
            (C.OPENLINK, recipient.openlink),
            (C.INMAIL, not connected and not recipient.openlink and recipient.accepts_inmail),
        )
        if is_open
    ]
    assert [option.channel for option in options] == expected
    assert [option.via for option in options if option.via] == [
        via for via in (group, discussion) if via
    ]
    on_profile = [channel for channel in expected if channel in PROFILE_CHANNELS]
    assert profile_button(options) == (on_profile[0].label if on_profile else None)


def test_the_network_asks_the_rule_function() -> None:
    """K1-K5: for every pair of the example cast, the network's options are the function's."""
    net = article_network()
    group = net.group(EXAMPLE_GROUP)
    for sender in net.members:
        for recipient in net.members:
            if sender == recipient:
                continue
            shares_group = sender.name in group.members
            expected = open_channels(
                recipient,
                connected=net.connected(sender, recipient),
                moderated_group=(
                    EXAMPLE_GROUP if shares_group and recipient.name in group.moderators else None
                ),
                shared_discussion=(
                    EXAMPLE_DISCUSSION
                    if shares_group and recipient.name in net.discussions[0].participants
                    else None
                ),
                fellow_group=(
                    EXAMPLE_GROUP if shares_group and recipient.name in group.members else None
                ),
                on=ARTICLE_DAY,
            )
            assert net.options(sender, recipient, on=ARTICLE_DAY) == expected
            assert net.profile_button(sender, recipient, on=ARTICLE_DAY) == profile_button(expected)
