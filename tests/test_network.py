"""The network: the example cast, groups, discussions, invitations, messages and time (C7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from inmail_explained import (
    ARTICLE_DAY,
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    AlreadyMember,
    Channel,
    ContactBlocked,
    Discussion,
    Group,
    InvalidArgument,
    Member,
    Message,
    Network,
    NotGroupMember,
    Reaction,
    SelfConnection,
    TimeWentBackwards,
    article_network,
)

from .support import snapshot

DAY = date(2015, 3, 1)
STAR_DAY = date(2014, 3, 1)
"""A day on which the stars are vouched for (F1-F4, until 30 April 2014)."""


def days(n: int) -> timedelta:
    """`n` days."""
    return timedelta(days=n)


# -- the example cast ------------------------------------------------------------------------


def test_example_cast() -> None:
    """M1, K1-K3: the example network holds Anna, Ben, Carla, Dora and Erik as documented."""
    net = article_network()
    assert net.members == (
        Member(name="Anna", premium=True, inmail_credits=3),
        Member(name="Ben"),
        Member(name="Carla", premium=True, openlink=True),
        Member(name="Dora", accepts_inmail=False),
        Member(name="Erik"),
    )
    connected = {
        (a.name, b.name) for a in net.members for b in net.members if a != b and net.connected(a, b)
    }
    assert connected == {("Anna", "Ben"), ("Ben", "Anna")}
    assert net.groups == (
        Group(name=EXAMPLE_GROUP, moderators=("Carla",), members=("Carla", "Anna", "Ben")),
    )
    assert net.discussions == (
        Discussion(
            id=0, group=EXAMPLE_GROUP, title=EXAMPLE_DISCUSSION, author="Ben", commenters=("Carla",)
        ),
    )
    assert (EXAMPLE_GROUP, EXAMPLE_DISCUSSION) == (
        "Recruiting DACH",
        "Wie schreibe ich gute InMails?",
    )
    assert net.messages == ()
    assert [net.credits(m, on=DAY) for m in net.members] == [3, 0, 0, 0, 0]


def test_article_network_is_fresh_each_time() -> None:
    """C6: the example network is built anew on each call; one page's InMails do not leak."""
    first = article_network()
    first.send(first.member("Anna"), first.member("Erik"), on=DAY)
    second = article_network()
    assert second.messages == ()
    assert second.credits(second.member("Anna"), on=DAY) == 3


# -- groups and discussions ------------------------------------------------------------------


def test_moderators_are_members_too() -> None:
    """K2: moderators are members of their group, listed first and without repeats."""
    net = Network()
    ada, bea, cem = (net.add(Member(name=name)) for name in ("Ada", "Bea", "Cem"))
    group = net.add_group("Vertrieb", moderators=[bea, bea], members=[ada, bea, cem, ada])
    assert group == Group(name="Vertrieb", moderators=("Bea",), members=("Bea", "Ada", "Cem"))
    assert net.group("Vertrieb") == group
    assert net.groups == (group,)


def test_group_without_members_besides_moderators() -> None:
    """K2: a group may start with its moderators alone."""
    net = Network()
    mia = net.add(Member(name="Mia"))
    group = net.add_group("Leer", moderators=[mia])
    assert (group.moderators, group.members) == (("Mia",), ("Mia",))


def test_discussion_author_must_belong_to_the_group() -> None:
    """K3: an outsider cannot start a discussion; nothing is recorded."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(NotGroupMember) as info:
        net.start_discussion(net.group(EXAMPLE_GROUP), author=net.member("Erik"), title="Hallo")
    assert "Erik" in info.value.message
    assert EXAMPLE_GROUP in info.value.message
    assert snapshot(net) == before


def test_commenter_must_belong_to_the_group() -> None:
    """K3: an outsider cannot comment; the discussion keeps its commenters."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(NotGroupMember):
        net.comment(net.discussions[0], net.member("Dora"))
    assert snapshot(net) == before


def test_comments_recorded_once_in_order() -> None:
    """K3: commenters are kept in order without repeats; the author is a participant once."""
    net = article_network()
    topic = net.discussions[0]
    anna, ben = net.member("Anna"), net.member("Ben")
    after_anna = net.comment(topic, anna)
    again = net.comment(topic, anna)
    by_author = net.comment(topic, ben)
    assert after_anna.commenters == ("Carla", "Anna")
    assert again == after_anna
    assert by_author.commenters == ("Carla", "Anna", "Ben")
    assert by_author.participants == ("Ben", "Carla", "Anna")
    assert net.discussions == (by_author,)


def test_second_discussion_gets_the_next_id() -> None:
    """K3: discussions are numbered in the order started and listed in that order."""
    net = article_network()
    anna = net.member("Anna")
    second = net.start_discussion(net.group(EXAMPLE_GROUP), author=anna, title="Gehälter")
    assert (second.id, second.author, second.commenters) == (1, "Anna", ())
    assert [d.title for d in net.discussions] == [EXAMPLE_DISCUSSION, "Gehälter"]


@pytest.mark.parametrize(
    "title",
    [pytest.param("", id="empty-title"), pytest.param("   ", id="blank-title")],
)
def test_discussion_title_must_not_be_blank(title: str) -> None:
    """M4: a blank discussion title is refused, naming the argument; nothing is recorded."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(InvalidArgument) as info:
        net.start_discussion(net.group(EXAMPLE_GROUP), author=net.member("Anna"), title=title)
    assert (info.value.variant, info.value.fields["parameter"]) == ("blank", "title")
    assert snapshot(net) == before


# -- invitations (K9, A6) --------------------------------------------------------------------


def test_invitation_accepted_at_once() -> None:
    """K9, A6: an invited connection is a member at once and may start a discussion."""
    net = article_network()
    ben, erik = net.member("Ben"), net.member("Erik")
    net.connect(ben, erik)
    group = net.invite(ben, erik, net.group(EXAMPLE_GROUP))
    assert group.members == ("Carla", "Anna", "Ben", "Erik")
    assert net.group(EXAMPLE_GROUP) == group
    topic = net.start_discussion(group, author=erik, title="Neu hier")
    assert topic.author == "Erik"


def test_invitation_with_a_stale_group_object() -> None:
    """K9, A6: the group passed in may be an older copy; the network's current one counts."""
    net = article_network()
    anna, dora, erik = net.member("Anna"), net.member("Dora"), net.member("Erik")
    stale = net.group(EXAMPLE_GROUP)
    net.connect(anna, dora)
    net.connect(anna, erik)
    net.invite(anna, dora, stale)
    group = net.invite(anna, erik, stale)
    assert group.members == ("Carla", "Anna", "Ben", "Dora", "Erik")


@pytest.mark.parametrize(
    ("inviter", "invitee", "error"),
    [
        pytest.param("Anna", "Ben", AlreadyMember, id="k9-member-already"),
        pytest.param("Anna", "Anna", SelfConnection, id="k9-invite-oneself"),
    ],
)
def test_invitation_refused(inviter: str, invitee: str, error: type[Exception]) -> None:
    """K9: inviting oneself or a member is refused and the group stays as it was."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(error):
        net.invite(net.member(inviter), net.member(invitee), net.group(EXAMPLE_GROUP))
    assert snapshot(net) == before


def test_inviter_must_belong_to_the_group() -> None:
    """K9: only a member of the group can invite a connection into it."""
    net = article_network()
    dora, erik = net.member("Dora"), net.member("Erik")
    net.connect(dora, erik)
    before = snapshot(net)
    with pytest.raises(NotGroupMember):
        net.invite(dora, erik, net.group(EXAMPLE_GROUP))
    assert snapshot(net) == before


def test_anyone_may_join_a_group() -> None:
    """K2, K3: a member joins on their own; then the moderator and the discussion are in reach."""
    net = article_network()
    erik, carla, ben = net.member("Erik"), net.member("Carla"), net.member("Ben")
    assert [o.channel for o in net.options(erik, carla, on=ARTICLE_DAY)] == [Channel.OPENLINK]
    group = net.join(erik, net.group(EXAMPLE_GROUP))
    assert group.members == ("Carla", "Anna", "Ben", "Erik")
    assert net.group(EXAMPLE_GROUP) == group
    assert [o.channel for o in net.options(erik, carla, on=ARTICLE_DAY)] == [
        Channel.MODERATOR,
        Channel.PRIVATE_REPLY,
        Channel.OPENLINK,
    ]
    assert [o.channel for o in net.options(erik, ben, on=ARTICLE_DAY)] == [
        Channel.PRIVATE_REPLY,
        Channel.INMAIL,
    ]


def test_joining_twice_is_refused() -> None:
    """K2: a member of a group cannot join it again; the group stays as it was."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(AlreadyMember) as info:
        net.join(net.member("Ben"), net.group(EXAMPLE_GROUP))
    assert "Ben" in info.value.message
    assert snapshot(net) == before


# -- connections -------------------------------------------------------------------------------


def test_connection_is_mutual() -> None:
    """K1: a connection works both ways."""
    net = article_network()
    dora, erik = net.member("Dora"), net.member("Erik")
    assert not net.connected(erik, dora)
    net.connect(dora, erik)
    assert net.connected(dora, erik)
    assert net.connected(erik, dora)


# -- messages, inbox, sent ---------------------------------------------------------------------


def _traffic() -> tuple[Network, list[Message]]:
    """Anna writes to Erik (InMail) and Ben (K1), Ben to Carla (K2), Erik to Carla (K4)."""
    net = article_network()
    anna, ben, carla, erik = (net.member(n) for n in ("Anna", "Ben", "Carla", "Erik"))
    sent = [
        net.send(anna, erik, on=DAY),
        net.send(anna, ben, on=DAY),
        net.send(ben, carla, on=DAY + days(1)),
        net.send(erik, carla, on=DAY + days(2)),
    ]
    return net, sent


def test_messages_numbered_in_order() -> None:
    """C7: every message gets the next number and is listed in the order sent."""
    net, sent = _traffic()
    assert [message.id for message in sent] == [0, 1, 2, 3]
    assert net.messages == tuple(sent)
    assert [m.channel for m in sent] == [
        Channel.INMAIL,
        Channel.CONNECTION,
        Channel.MODERATOR,
        Channel.OPENLINK,
    ]


@pytest.mark.parametrize(
    ("name", "inbox", "sent"),
    [
        pytest.param("Anna", [], [0, 1], id="anna-sent-two"),
        pytest.param("Ben", [1], [2], id="ben-received-and-sent"),
        pytest.param("Carla", [2, 3], [], id="carla-received-two"),
        pytest.param("Erik", [0], [3], id="erik-got-the-inmail"),
        pytest.param("Dora", [], [], id="dora-nothing"),
    ],
)
def test_inbox_and_sent(name: str, inbox: list[int], sent: list[int]) -> None:
    """K1-K5: inbox and sent folder list a member's messages of every channel in order."""
    net, _ = _traffic()
    member = net.member(name)
    assert [message.id for message in net.inbox(member)] == inbox
    assert [message.id for message in net.sent(member)] == sent


def test_reaction_recorded_and_read_back() -> None:
    """F1: the recorded reaction is read back; before it, there is none."""
    net, sent = _traffic()
    assert net.reaction(sent[0]) is None
    net.react(sent[0], Reaction.NOT_INTERESTED, on=DAY + days(3))
    assert net.reaction(sent[0]) is Reaction.NOT_INTERESTED
    assert net.reaction(sent[1]) is None


def test_ledger_only_lists_inmails() -> None:
    """C3, C6: free messages never show up in the credit statement."""
    net, _ = _traffic()
    ledger = net.ledger(net.member("Anna"), on=DAY)
    assert [(entry.change, entry.reason) for entry in ledger] == [
        (3, "Startguthaben"),
        (-1, "InMail an Erik"),
    ]


# -- time (C7) ---------------------------------------------------------------------------------


def test_c7_same_day_is_fine() -> None:
    """C7: an event on the day of the latest event is accepted."""
    net, sent = _traffic()
    late = DAY + days(2)
    again = net.send(net.member("Ben"), net.member("Anna"), on=late)
    net.react(sent[0], Reaction.REPLY, on=late)
    assert again.sent_on == late
    assert net.reaction(sent[0]) is Reaction.REPLY


@pytest.mark.parametrize(
    ("sender", "recipient"),
    [
        pytest.param("Anna", "Erik", id="c7-inmail-before-latest"),
        pytest.param("Anna", "Ben", id="c7-free-message-before-latest"),
    ],
)
def test_c7_send_before_latest_event_refused(sender: str, recipient: str) -> None:
    """C7: a message dated before the latest recorded event is refused; nothing changes."""
    net, _ = _traffic()
    before = snapshot(net)
    with pytest.raises(TimeWentBackwards) as info:
        net.send(net.member(sender), net.member(recipient), on=DAY + days(1))
    assert "03.03.2015" in info.value.message
    assert "(C7)" in info.value.message
    assert snapshot(net) == before


def test_c7_free_messages_move_the_clock_too() -> None:
    """C7: a free message is a recorded event; an InMail dated before it is refused."""
    net = article_network()
    net.send(net.member("Anna"), net.member("Ben"), on=DAY)
    with pytest.raises(TimeWentBackwards):
        net.send(net.member("Anna"), net.member("Erik"), on=DAY - days(1))


def test_c7_reaction_before_sending_refused() -> None:
    """C7: a reaction dated before its InMail was sent is refused; the message says why."""
    net, sent = _traffic()
    before = snapshot(net)
    with pytest.raises(TimeWentBackwards) as info:
        net.react(sent[0], Reaction.REPLY, on=DAY - days(1))
    assert "01.03.2015" in info.value.message
    assert "gesendet" in info.value.message
    assert snapshot(net) == before


def test_c7_reaction_before_latest_event_refused() -> None:
    """C7: a reaction after sending but before the latest recorded event is refused."""
    net, sent = _traffic()
    before = snapshot(net)
    with pytest.raises(TimeWentBackwards):
        net.react(sent[0], Reaction.REPLY, on=DAY + days(1))
    assert snapshot(net) == before


def test_c7_reactions_move_the_clock() -> None:
    """C7: after a reaction, a message dated before it is refused."""
    net, sent = _traffic()
    net.react(sent[0], Reaction.REPLY, on=DAY + days(10))
    with pytest.raises(TimeWentBackwards):
        net.send(net.member("Anna"), net.member("Ben"), on=DAY + days(9))


def test_c7_structure_is_undated() -> None:
    """C7: connections, groups and discussions carry no date and may follow any event."""
    net, _ = _traffic()
    dora, erik = net.member("Dora"), net.member("Erik")
    net.connect(dora, erik)
    group = net.add_group("Später", moderators=[dora], members=[erik])
    net.start_discussion(group, author=erik, title="Nachtrag")
    assert net.options(erik, dora, on=ARTICLE_DAY)[0].channel is Channel.CONNECTION


def test_c7_refused_send_does_not_move_the_clock() -> None:
    """C7, M4: a send refused for another reason leaves the latest date where it was."""
    net, _ = _traffic()
    with pytest.raises(ContactBlocked):
        net.send(net.member("Anna"), net.member("Dora"), on=DAY + days(100))
    message = net.send(net.member("Anna"), net.member("Ben"), on=DAY + days(2))
    assert message.sent_on == DAY + days(2)


# -- arguments are validated (M4) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "variant"),
    [
        pytest.param("2015-03-01", "wrong_type", id="date-as-text"),
        pytest.param(None, "wrong_type", id="no-date"),
        pytest.param(date(2003, 5, 4), "too_early", id="day-before-linkedin"),
    ],
)
def test_send_needs_a_real_date(on: object, variant: str) -> None:
    """M4, A19: `send` refuses a date that is not a `date` of LinkedIn's time; nothing is sent."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(InvalidArgument) as info:
        net.send(net.member("Anna"), net.member("Erik"), on=on)  # type: ignore[arg-type]
    assert (info.value.variant, info.value.fields["parameter"]) == (variant, "on")
    assert snapshot(net) == before


def test_group_name_must_not_be_empty() -> None:
    """M4: an empty group name is refused, naming the argument; no group is created."""
    net = article_network()
    with pytest.raises(InvalidArgument) as info:
        net.add_group(name="", moderators=[net.member("Anna")])
    assert (info.value.variant, info.value.fields["parameter"]) == ("blank", "name")
    assert len(net.groups) == 1


# -- German output -----------------------------------------------------------------------------


def test_network_repr_in_german() -> None:
    """M1, K2: the network's repr counts members, groups and messages in German."""
    net = article_network()
    net.add_group("Zweite", moderators=[net.member("Dora")])
    net.send(net.member("Anna"), net.member("Erik"), on=DAY)
    net.send(net.member("Anna"), net.member("Ben"), on=DAY)
    assert repr(net) == "Network(5 Mitglieder, 2 Gruppen, 2 Nachrichten)"
    assert repr(Network()) == "Network(0 Mitglieder, 0 Gruppen, 0 Nachrichten)"


def test_network_repr_singular() -> None:
    """M1, K2: the network's repr uses the German singular for one of a kind."""
    net = Network()
    anna = net.add(Member(name="Anna"))
    net.add_group("Eine", moderators=[anna])
    assert repr(net) == "Network(1 Mitglied, 1 Gruppe, 0 Nachrichten)"
    erik = net.add(Member(name="Erik"))
    net.connect(anna, erik)
    net.send(anna, erik, on=DAY)
    assert repr(net) == "Network(2 Mitglieder, 1 Gruppe, 1 Nachricht)"


def test_group_str_singular() -> None:
    """K2: a group of one prints the German singular, as the network's repr does."""
    net = Network()
    mia = net.add(Member(name="Mia"))
    assert str(net.add_group("Allein", moderators=[mia])) == "Gruppe „Allein“ (1 Mitglied)"


def test_message_str_one_star() -> None:
    """F4: an InMail from a sender with one star prints the German singular."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=9))
    erik = net.add(Member(name="Erik"))
    mails = [net.send(anna, erik, on=STAR_DAY) for _ in range(8)]
    for mail in mails:
        net.react(mail, Reaction.SPAM, on=STAR_DAY)
    message = net.send(anna, erik, on=STAR_DAY)
    assert message.sender_stars == 1
    assert str(message) == "InMail von Anna an Erik am 01.03.2014 (1 Stern)"


def test_group_and_discussion_str_in_german() -> None:
    """K2, K3: a group and a discussion print their German description."""
    net = article_network()
    assert str(net.group(EXAMPLE_GROUP)) == "Gruppe „Recruiting DACH“ (3 Mitglieder)"
    assert (
        str(net.discussions[0])
        == "Diskussion „Wie schreibe ich gute InMails?“ in „Recruiting DACH“"
    )


@pytest.mark.parametrize(
    ("recipient", "text"),
    [
        pytest.param("Erik", "InMail von Anna an Erik am 01.03.2014 (5 Sterne)", id="inmail"),
        pytest.param("Ben", "Nachricht an einen Kontakt von Anna an Ben am 01.03.2014", id="free"),
    ],
)
def test_message_str_in_german(recipient: str, text: str) -> None:
    """F4: a message prints channel, people and German date; an InMail adds the stars."""
    net = article_network()
    message = net.send(net.member("Anna"), net.member(recipient), on=STAR_DAY)
    assert str(message) == text


def test_records_are_importable_where_they_were() -> None:
    """The records moved to `records`; `network` and the package still offer the same classes."""
    import inmail_explained
    from inmail_explained import network, records

    for name in ("Group", "Discussion", "Message", "LedgerEntry"):
        assert getattr(network, name) is getattr(records, name) is getattr(inmail_explained, name)


def test_public_methods_do_not_call_each_other(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each public method validates its arguments once and never goes through another one."""
    depth = 0
    nested: list[str] = []

    def watched(name: str, method: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            nonlocal depth
            if depth:
                nested.append(name)
            depth += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth -= 1

        return call

    for name, method in vars(Network).items():
        if callable(method) and not name.startswith("_"):
            monkeypatch.setattr(Network, name, watched(name, method))
    net = article_network()
    anna, ben, carla, erik = (net.member(name) for name in ("Anna", "Ben", "Carla", "Erik"))
    mail = net.send(anna, erik, on=date(2015, 3, 2))
    net.send(ben, carla, on=date(2015, 3, 2), via=Channel.MODERATOR)
    net.react(mail, Reaction.REPLY, on=date(2015, 3, 3))
    net.profile_button(erik, carla, on=ARTICLE_DAY)
    dora = net.member("Dora")
    net.connect(anna, dora)
    net.invite(anna, dora, net.group("Recruiting DACH"))
    assert (net.credits(anna, on=date(2015, 3, 3)), net.stars(anna)) == (3, 5)
    assert net.ledger(anna, on=date(2015, 3, 3))[-1].change == 1
    assert net.refund_on(mail) == date(2015, 3, 3)
    assert nested == []
