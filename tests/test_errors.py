"""Every refusal: its code, its German message, and that it changes nothing (M4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

import inmail_explained
from inmail_explained import (
    ERROR_CLASSES,
    ERROR_CODES,
    EXAMPLE_GROUP,
    AlreadyConnected,
    AlreadyMember,
    AlreadyReacted,
    Channel,
    ChannelUnavailable,
    ContactBlocked,
    Discussion,
    DuplicateGroup,
    DuplicateName,
    InMailError,
    Member,
    Network,
    NoCreditsLeft,
    NotAnInMail,
    NotConnected,
    NotGroupMember,
    PremiumRequired,
    Reaction,
    SelfConnection,
    SelfMessage,
    TimeWentBackwards,
    UnknownDiscussion,
    UnknownGroup,
    UnknownMember,
    UnknownMessage,
    example_network,
)

from .support import looks_german, snapshot

LATEST = date(2015, 1, 5)
"""The day of the busy network's latest event."""

LATER = date(2015, 2, 1)
"""A day after it, for operations that would be allowed by time."""


def busy_network() -> Network:
    """The example network after some traffic under both refund rules.

    Anna's InMail of 2014-12-20 was answered (no refund, C4a); Ben wrote to Carla (K2); Anna's
    InMail of 2015-01-05 is pending (C4b). Fiona is Premium without credits.
    """
    net = example_network()
    net.add(Member(name="Fiona", premium=True))
    anna, ben, carla, erik = (net.member(n) for n in ("Anna", "Ben", "Carla", "Erik"))
    answered = net.send(anna, erik, on=date(2014, 12, 20))
    net.send(ben, carla, on=date(2014, 12, 22))
    net.react(answered, Reaction.REPLY, on=date(2014, 12, 24))
    net.send(anna, erik, on=LATEST)
    return net


Action = Callable[[], object]
Scenario = Callable[[Network], Action]
"""Prepares a busy network if needed, then returns the refused operation."""


def m(net: Network, name: str) -> Member:
    """The member `name` of `net`."""
    return net.member(name)


def _foreign_message(net: Network) -> Action:
    other = example_network()
    mail = other.send(m(other, "Anna"), m(other, "Erik"), on=LATER)
    return lambda: net.react(mail, Reaction.REPLY, on=LATER)


def _outsider_invites(net: Network) -> Action:
    net.connect(m(net, "Dora"), m(net, "Erik"))
    return lambda: net.invite(m(net, "Dora"), m(net, "Erik"), net.group(EXAMPLE_GROUP))


def _second_reaction(net: Network) -> Action:
    mail = net.messages[0]
    return lambda: net.react(mail, Reaction.SPAM, on=LATER)


def _last_credit_spent(net: Network) -> Action:
    net.send(m(net, "Anna"), m(net, "Ben"), on=LATER)  # free, moves the clock
    mail = net.send(m(net, "Anna"), m(net, "Erik"), on=LATER)  # the last credit
    assert mail.cost == 1
    return lambda: net.send(m(net, "Anna"), m(net, "Erik"), on=LATER)


SCENARIOS: list[Any] = [
    pytest.param(
        PremiumRequired,
        lambda net: lambda: net.send(m(net, "Ben"), m(net, "Erik"), on=LATER),
        id="c1-basic-sends-inmail",
    ),
    pytest.param(
        NoCreditsLeft,
        lambda net: lambda: net.send(m(net, "Fiona"), m(net, "Erik"), on=LATER),
        id="c2-zero-credits",
    ),
    pytest.param(NoCreditsLeft, _last_credit_spent, id="c2-last-credit-spent"),
    pytest.param(
        ContactBlocked,
        lambda net: lambda: net.send(m(net, "Anna"), m(net, "Dora"), on=LATER),
        id="k6-stranger-refuses-inmails",
    ),
    pytest.param(
        ChannelUnavailable,
        lambda net: lambda: net.send(m(net, "Ben"), m(net, "Carla"), on=LATER, via=Channel.INMAIL),
        id="k4-no-inmail-to-openlink",
    ),
    pytest.param(
        ChannelUnavailable,
        lambda net: (
            lambda: net.send(m(net, "Anna"), m(net, "Erik"), on=LATER, via=Channel.CONNECTION)
        ),
        id="k1-stranger-is-no-connection",
    ),
    pytest.param(
        NotConnected,
        lambda net: lambda: net.invite(m(net, "Anna"), m(net, "Erik"), net.group(EXAMPLE_GROUP)),
        id="k9-invite-a-stranger",
    ),
    pytest.param(UnknownMember, lambda net: lambda: net.member("Zoe"), id="unknown-name"),
    pytest.param(
        UnknownMember,
        lambda net: lambda: net.send(Member(name="Zoe"), m(net, "Erik"), on=LATER),
        id="sender-from-elsewhere",
    ),
    pytest.param(
        UnknownMember,
        lambda net: (
            lambda: net.send(
                Member(name="Anna", premium=True, inmail_credits=99), m(net, "Erik"), on=LATER
            )
        ),
        id="same-name-other-details",
    ),
    pytest.param(
        UnknownMember,
        lambda net: lambda: net.add_group("Neu", moderators=[m(net, "Anna"), Member(name="Zoe")]),
        id="group-with-unknown-moderator",
    ),
    pytest.param(
        UnknownMember,
        lambda net: lambda: net.connect(m(net, "Anna"), Member(name="Zoe")),
        id="connect-to-unknown",
    ),
    pytest.param(
        DuplicateName,
        lambda net: lambda: net.add(Member(name="Anna")),
        id="m1-duplicate-name",
    ),
    pytest.param(UnknownGroup, lambda net: lambda: net.group("Gibt es nicht"), id="unknown-group"),
    pytest.param(
        UnknownGroup,
        lambda net: (
            lambda: net.start_discussion(
                Network().add_group("Fremd", moderators=[]), author=m(net, "Anna"), title="Hallo"
            )
        ),
        id="group-from-elsewhere",
    ),
    pytest.param(
        DuplicateGroup,
        lambda net: lambda: net.add_group(EXAMPLE_GROUP, moderators=[m(net, "Dora")]),
        id="duplicate-group",
    ),
    pytest.param(
        NotGroupMember,
        lambda net: (
            lambda: net.start_discussion(
                net.group(EXAMPLE_GROUP), author=m(net, "Erik"), title="Hallo"
            )
        ),
        id="k3-outsider-starts-discussion",
    ),
    pytest.param(
        NotGroupMember,
        lambda net: lambda: net.comment(net.discussions[0], m(net, "Erik")),
        id="k3-outsider-comments",
    ),
    pytest.param(NotGroupMember, _outsider_invites, id="k9-outsider-invites"),
    pytest.param(
        AlreadyMember,
        lambda net: lambda: net.invite(m(net, "Anna"), m(net, "Ben"), net.group(EXAMPLE_GROUP)),
        id="k9-invite-a-member",
    ),
    pytest.param(
        UnknownDiscussion,
        lambda net: (
            lambda: net.comment(
                Discussion(id=7, group=EXAMPLE_GROUP, title="Nie gestartet", author="Ben"),
                m(net, "Anna"),
            )
        ),
        id="discussion-never-started",
    ),
    pytest.param(
        UnknownDiscussion,
        lambda net: (
            lambda: net.comment(
                Discussion(id=0, group=EXAMPLE_GROUP, title="Anderer Titel", author="Ben"),
                m(net, "Anna"),
            )
        ),
        id="discussion-with-a-known-number",
    ),
    pytest.param(UnknownMessage, _foreign_message, id="f1-message-from-elsewhere"),
    pytest.param(
        AlreadyConnected,
        lambda net: lambda: net.connect(m(net, "Ben"), m(net, "Anna")),
        id="k1-connected-already",
    ),
    pytest.param(AlreadyReacted, _second_reaction, id="f1-second-reaction"),
    pytest.param(
        NotAnInMail,
        lambda net: lambda: net.react(net.messages[1], Reaction.REPLY, on=LATER),
        id="f1-a3-free-message-not-rated",
    ),
    pytest.param(
        TimeWentBackwards,
        lambda net: lambda: net.send(m(net, "Anna"), m(net, "Ben"), on=date(2015, 1, 4)),
        id="c7-send-before-latest",
    ),
    pytest.param(
        TimeWentBackwards,
        lambda net: lambda: net.react(net.messages[2], Reaction.REPLY, on=date(2015, 1, 4)),
        id="c7-reaction-before-sending",
    ),
    pytest.param(
        SelfMessage,
        lambda net: lambda: net.send(m(net, "Anna"), m(net, "Anna"), on=LATER),
        id="k8-write-to-oneself",
    ),
    pytest.param(
        SelfConnection,
        lambda net: lambda: net.connect(m(net, "Erik"), m(net, "Erik")),
        id="connect-to-oneself",
    ),
    pytest.param(
        SelfConnection,
        lambda net: lambda: net.invite(m(net, "Anna"), m(net, "Anna"), net.group(EXAMPLE_GROUP)),
        id="k9-invite-oneself",
    ),
]


@pytest.mark.parametrize(("error", "scenario"), SCENARIOS)
def test_refusal_changes_nothing(error: type[InMailError], scenario: Scenario) -> None:
    """M4: a refused operation raises its own error and leaves every observable state as it was."""
    net = busy_network()
    action = scenario(net)
    before = snapshot(net)
    with pytest.raises(InMailError) as info:
        action()
    assert type(info.value) is error
    assert info.value.code == error.code
    assert snapshot(net) == before


@pytest.mark.parametrize(("error", "scenario"), SCENARIOS)
def test_message_is_german_and_links_the_docs(error: type[InMailError], scenario: Scenario) -> None:
    """M4: the message is German and ends with the link to the error's section of the docs."""
    net = busy_network()
    action = scenario(net)
    with pytest.raises(error) as info:
        action()
    link = info.value.docs_url()
    assert str(info.value) == f"{info.value.message} Mehr dazu: {link}"
    assert link.startswith("https://")
    assert link.endswith(f"/referenz/fehler/#{error.code}")
    assert looks_german(info.value.message), info.value.message


def test_every_code_has_a_scenario() -> None:
    """M4: every error code of the library is raised by at least one scenario above."""
    raised = {param.values[0].code for param in SCENARIOS}
    assert raised == set(ERROR_CODES)


def test_codes_match_the_classes() -> None:
    """M4: the code list equals the classes' codes, in the same order, each code once."""
    assert tuple(cls.code for cls in ERROR_CLASSES) == ERROR_CODES
    assert len(set(ERROR_CODES)) == len(ERROR_CODES) == 19


@pytest.mark.parametrize("code", ERROR_CODES)
def test_codes_are_kebab_case(code: str) -> None:
    """M4: every code is a stable kebab-case word group."""
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)


def _subclasses(cls: type[InMailError]) -> set[type[InMailError]]:
    direct = set(cls.__subclasses__())
    return direct.union(*(_subclasses(sub) for sub in direct))


def test_every_error_class_is_listed_and_exported() -> None:
    """M4: every InMailError subclass is in ERROR_CLASSES and exported by the package."""
    assert _subclasses(InMailError) == set(ERROR_CLASSES)
    for cls in ERROR_CLASSES:
        assert getattr(inmail_explained, cls.__name__) is cls
        assert cls.__name__ in inmail_explained.__all__
        assert cls.__doc__


@pytest.mark.parametrize(
    ("call", "loc"),
    [
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), on="2015-02-01"),
            ("on",),
            id="date-as-text",
        ),
        pytest.param(lambda net: net.add({"name": ""}), (1, "name"), id="member-without-name"),
        pytest.param(
            lambda net: net.react(net.messages[2], "reply", on=LATER), (2,), id="reaction-as-text"
        ),
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), on=LATER, via="inmail"),
            ("via",),
            id="channel-as-text",
        ),
    ],
)
def test_invalid_arguments_change_nothing(
    call: Callable[[Network], object], loc: tuple[Any]
) -> None:
    """M4: wrong argument types are refused by validation, naming the argument; nothing changes."""
    net = busy_network()
    before = snapshot(net)
    with pytest.raises(ValidationError) as info:
        call(net)
    assert info.value.errors()[0]["loc"] == loc
    assert snapshot(net) == before
