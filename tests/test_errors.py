"""Every refusal: its code, its German message, and that it changes nothing (M4)."""

from __future__ import annotations

import copy
import pickle
import re
import traceback
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, get_args

import pytest

import inmail_explained
from inmail_explained import (
    ERROR_CLASSES,
    ERROR_CODES,
    EXAMPLE_GROUP,
    LINKEDIN_LAUNCH,
    PLANS_ATTESTED_FROM,
    STATUS_DAY,
    AlreadyConnected,
    AlreadyMember,
    AlreadyReacted,
    BeforeSubscription,
    CannotCancel,
    Channel,
    ChannelUnavailable,
    ContactBlocked,
    Discussion,
    DuplicateGroup,
    DuplicateName,
    ErrorCode,
    GroupMessageLimit,
    InMailError,
    InvalidArgument,
    InvitationNoteLimit,
    Member,
    Network,
    NoCreditsLeft,
    NotAnInMail,
    NotConnected,
    NotDocumented,
    NotGroupMember,
    Plan,
    PlanCancelled,
    PlanRequired,
    PremiumRequired,
    Reaction,
    SelfConnection,
    SelfMessage,
    TimeWentBackwards,
    UnknownDiscussion,
    UnknownGroup,
    UnknownMember,
    UnknownMessage,
    article_network,
)
from inmail_explained.errors import format_field, slots

from .support import looks_german, snapshot

LATEST = date(2015, 1, 5)
"""The day of the busy network's latest event."""

LATER = date(2015, 2, 1)
"""A day after it, for operations that would be allowed by time."""

CAPPED = date(2015, 7, 20)
"""A day on which the monthly cap of group messages applies (K11)."""

PLAN_START = date(2025, 1, 1)
"""The first billing day of Pia's plan in the busy network (C9, A14)."""


def busy_network() -> Network:
    """The example network after some traffic under both refund rules.

    Anna's InMail of 2014-12-20 was answered (no refund, C4a); Ben wrote to Carla (K2); Anna's
    InMail of 2015-01-05 is pending (C4b). Fiona is Premium without credits; Pia's Premium Career
    plan begins on `PLAN_START`.
    """
    net = article_network()
    net.add(Member(name="Fiona", premium=True))
    net.add(Member(name="Pia", plan=Plan.PREMIUM_CAREER, subscribed_on=PLAN_START))
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


def _send_after_cancelling(net: Network) -> Action:
    net.cancel(m(net, "Pia"), on=PLAN_START)
    return lambda: net.send(m(net, "Pia"), m(net, "Erik"), on=PLAN_START)


def _cancel_twice(net: Network) -> Action:
    net.cancel(m(net, "Pia"), on=PLAN_START)
    return lambda: net.cancel(m(net, "Pia"), on=PLAN_START)


def _foreign_message(net: Network) -> Action:
    other = article_network()
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


def _group_month_used_up(net: Network) -> Action:
    """Anna begins 15 group conversations in July 2015; a 16th through the group is refused."""
    others = [net.add(Member(name=f"Mitglied {number}")) for number in range(16)]
    net.add_group("Vertrieb", moderators=[], members=[m(net, "Anna"), *others])
    for other in others[:15]:
        assert net.send(m(net, "Anna"), other, on=CAPPED).channel is Channel.GROUP_MEMBER
    return lambda: net.send(m(net, "Anna"), others[15], on=CAPPED, via=Channel.GROUP_MEMBER)


NOTES_MONTH = date(2026, 12, 1)
"""A day on which a Basic member has five invitations with a note a month (K17)."""


def _notes_used_up(net: Network) -> Action:
    """Ben (Basic) invites five strangers with a note in December 2026; a sixth is refused."""
    others = [net.add(Member(name=f"Fremde {number}")) for number in range(6)]
    for other in others[:5]:
        mail = net.send(m(net, "Ben"), other, on=NOTES_MONTH, via=Channel.INVITATION)
        assert mail.channel is Channel.INVITATION
    return lambda: net.send(m(net, "Ben"), others[5], on=NOTES_MONTH, via=Channel.INVITATION)


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
    pytest.param(GroupMessageLimit, _group_month_used_up, id="k11-sixteenth-group-message"),
    pytest.param(InvitationNoteLimit, _notes_used_up, id="k17-sixth-invitation-note"),
    pytest.param(
        NotDocumented,
        lambda net: lambda: net.profile_button(m(net, "Anna"), m(net, "Erik"), on=LATER),
        id="k13-label-not-documented",
    ),
    pytest.param(
        NotDocumented,
        lambda net: lambda: net.stars(m(net, "Anna"), on=LATER),
        id="f3-stars-not-documented",
    ),
    pytest.param(
        SelfConnection,
        lambda net: lambda: net.invite(m(net, "Anna"), m(net, "Anna"), net.group(EXAMPLE_GROUP)),
        id="k9-invite-oneself",
    ),
    pytest.param(
        BeforeSubscription,
        lambda net: lambda: net.send(m(net, "Pia"), m(net, "Erik"), on=LATER),
        id="c9-a14-plan-not-begun",
    ),
    pytest.param(
        PlanRequired,
        lambda net: lambda: net.send(m(net, "Anna"), m(net, "Erik"), on=STATUS_DAY),
        id="a13-start-credits-sent-today",
    ),
    pytest.param(
        PlanRequired,
        lambda net: lambda: net.credits(m(net, "Anna"), on=PLANS_ATTESTED_FROM),
        id="a13-start-credits-read-on-a-plan-day",
    ),
    pytest.param(PlanCancelled, _send_after_cancelling, id="c14-a22-send-after-cancelling"),
    pytest.param(
        CannotCancel,
        lambda net: lambda: net.cancel(m(net, "Anna"), on=LATER),
        id="c14-cancel-without-plan",
    ),
    pytest.param(
        CannotCancel,
        lambda net: lambda: net.cancel(m(net, "Pia"), on=LATER),
        id="c14-cancel-before-subscription",
    ),
    pytest.param(CannotCancel, _cancel_twice, id="c14-cancel-twice"),
    *[
        pytest.param(InvalidArgument, scenario, id=f"m4-{name}")
        for name, scenario in (
            (
                "date-as-text",
                lambda net: lambda: net.send(m(net, "Anna"), m(net, "Erik"), on="2015-02-01"),
            ),
            ("name-for-member", lambda net: lambda: net.send(m(net, "Anna"), "Erik", on=LATER)),
            ("dict-for-member", lambda net: lambda: net.add({"name": "Zoe"})),
            ("date-missing", lambda net: lambda: net.send(m(net, "Anna"), m(net, "Erik"))),
            (
                "date-without-name",
                lambda net: lambda: net.send(m(net, "Anna"), m(net, "Erik"), LATER),
            ),
            (
                "unknown-argument",
                lambda net: (
                    lambda: net.send(m(net, "Anna"), m(net, "Erik"), on=LATER, channel="inmail")
                ),
            ),
            ("given-twice", lambda net: lambda: net.connected(m(net, "Anna"), first=m(net, "Ben"))),
            ("too-many", lambda net: lambda: net.member("Anna", "Ben")),
            ("reaction-as-text", lambda net: lambda: net.react(net.messages[2], "reply", on=LATER)),
            (
                "blank-title",
                lambda net: (
                    lambda: net.start_discussion(
                        net.group(EXAMPLE_GROUP), author=m(net, "Anna"), title=" "
                    )
                ),
            ),
            (
                "day-before-linkedin",
                lambda net: lambda: net.send(m(net, "Anna"), m(net, "Erik"), on=date(1, 1, 1)),
            ),
            (
                "year-2000-credits",
                lambda net: lambda: net.credits(m(net, "Anna"), on=date(2000, 1, 1)),
            ),
            (
                "invalid-copy",
                lambda net: (
                    lambda: net.add(Member(name="Bea").model_copy(update={"openlink": True}))
                ),
            ),
            (
                "registry-date-as-text",
                lambda net: lambda: inmail_explained.in_force("K1", "2015-01-01"),  # type: ignore[arg-type]
            ),
            (
                "registry-day-too-early",
                lambda net: lambda: inmail_explained.rules_in_force(date(2003, 5, 4)),
            ),
            ("registry-id-not-text", lambda net: lambda: inmail_explained.rule(1)),  # type: ignore[arg-type]
        )
    ],
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
    assert len(set(ERROR_CODES)) == len(ERROR_CODES) == 27


def test_the_code_type_lists_the_registered_codes() -> None:
    """The closed `ErrorCode` type and the registry name the same codes in the same order."""
    assert get_args(ErrorCode) == ERROR_CODES


@pytest.mark.parametrize("code", ERROR_CODES)
def test_codes_are_kebab_case(code: str) -> None:
    """M4: every code is a stable kebab-case word group."""
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)


def _subclasses(cls: type[InMailError]) -> set[type[InMailError]]:
    direct = set(cls.__subclasses__())
    return direct.union(*(_subclasses(sub) for sub in direct))


def test_every_error_class_is_listed_and_exported() -> None:
    """M4: every InMailError subclass of the library is in ERROR_CLASSES and exported."""
    library = {cls for cls in _subclasses(InMailError) if cls.__module__.startswith("inmail_")}
    assert library == set(ERROR_CLASSES)
    for cls in ERROR_CLASSES:
        assert getattr(inmail_explained, cls.__name__) is cls
        assert cls.__name__ in inmail_explained.__all__
        assert cls.__doc__


@pytest.mark.parametrize(
    ("call", "parameter", "given", "example"),
    [
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), on="2015-02-01"),
            "on",
            "'2015-02-01' vom Typ str",
            "on=date(2015, 2, 1)",
            id="date-as-text",
        ),
        pytest.param(
            lambda net: net.add({"name": ""}),
            "member",
            "{'name': ''} vom Typ dict",
            "member=Member(name='Zoe')",
            id="member-as-dict",
        ),
        pytest.param(
            lambda net: net.react(net.messages[2], "reply", on=LATER),
            "reaction",
            "'reply' vom Typ str",
            "reaction=Reaction.REPLY",
            id="reaction-as-text",
        ),
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), on=LATER, via="inmail"),
            "via",
            "'inmail' vom Typ str",
            "via=Channel.INMAIL",
            id="channel-as-text",
        ),
        pytest.param(
            lambda net: net.send("Anna", m(net, "Erik"), on=LATER),
            "sender",
            "'Anna' vom Typ str",
            "sender=net.member('Anna')",
            id="positional-name-for-member",
        ),
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), LATER),
            "on",
            None,
            "on=date(2015, 2, 1)",
            id="date-without-its-name",
        ),
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik")),
            "on",
            None,
            "on=date(2015, 3, 2)",
            id="date-missing",
        ),
        pytest.param(
            lambda net: net.credits(m(net, "Anna"), on=datetime(2015, 2, 1, 9, 30)),
            "on",
            "datetime.datetime(2015, 2, 1, 9, 30) vom Typ datetime",
            "on=date(2015, 2, 1)",
            id="datetime-for-date",
        ),
        pytest.param(
            lambda net: net.send(m(net, "Anna"), m(net, "Erik"), on=date(1, 1, 1)),
            "on",
            "date(1, 1, 1)",
            "on=date(2003, 5, 5)",
            id="year-one",
        ),
        pytest.param(
            lambda net: net.add_group("Neu", moderators=[{"name": "Anna"}]),
            "moderators",
            "[{'name': 'Anna'}] vom Typ list",
            "moderators=[net.member('Anna')]",
            id="dict-in-a-list-of-members",
        ),
    ],
)
def test_invalid_arguments_change_nothing(
    call: Callable[[Network], object], parameter: str, given: str | None, example: str
) -> None:
    """M4, A19: one `InvalidArgument` names the argument, the value and how to write it.

    It is raised without pydantic's error as its cause or context, and nothing changes.
    """
    net = busy_network()
    before = snapshot(net)
    with pytest.raises(InvalidArgument) as info:
        call(net)
    error = info.value
    assert error.fields["parameter"] == parameter
    assert error.fields["example"] == example
    if given is not None:
        assert error.fields["given"] == given
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert "pydantic" not in "".join(traceback.format_exception(error))
    assert looks_german(error.message), error.message
    assert snapshot(net) == before


@pytest.mark.parametrize(
    ("call", "text"),
    [
        pytest.param(
            lambda: inmail_explained.in_force("K1", "2015-01-01"),  # type: ignore[arg-type]
            "in_force(...) erwartet für on ein Datum (date), bekam aber '2015-01-01' vom Typ str "
            "(M4). Schreibe es so: on=date(2015, 1, 1).",
            id="in-force-date-as-text",
        ),
        pytest.param(
            lambda: inmail_explained.rules_in_force("…"),  # type: ignore[arg-type]
            "rules_in_force(...) erwartet für on ein Datum (date), bekam aber '…' vom Typ str "
            "(M4). Schreibe es so: on=date(2015, 3, 2).",
            id="rules-in-force-not-a-date",
        ),
        pytest.param(
            lambda: inmail_explained.rule(1),  # type: ignore[arg-type]
            "rule(...) erwartet für rule_id einen Text (str), bekam aber 1 vom Typ int (M4). "
            "Schreibe es so: rule_id='K1'.",
            id="rule-id-not-text",
        ),
        pytest.param(
            lambda: inmail_explained.refund_policy(date(2003, 5, 4)),
            "refund_policy(...) bekam sent_on=date(2003, 5, 4); dieser Tag liegt vor dem "
            "05.05.2003, an dem LinkedIn online ging (A19). Für frühere Tage kennt das Modell "
            "keine Regeln. Wähle einen Tag ab dann, etwa sent_on=date(2003, 5, 5).",
            id="refund-policy-day-before-linkedin",
        ),
        pytest.param(
            lambda: inmail_explained.assumption("A1", "A2"),  # type: ignore[call-arg]
            "assumption(...) nimmt höchstens 1 Argumente ohne Namen; 'A2' an Stelle 2 ist zu "
            "viel (M4). Die Argumente heißen: assumption_id.",
            id="assumption-too-many",
        ),
    ],
)
def test_registry_functions_check_their_arguments(call: Action, text: str) -> None:
    """M4, A19: the registry's functions refuse a wrong argument in German, dates included."""
    with pytest.raises(InvalidArgument) as info:
        call()
    assert info.value.message == text
    assert info.value.rules == (("A19",) if "LinkedIn" in text else ("M4",))


def test_a_day_of_linkedin_is_accepted() -> None:
    """A19: the other side of the edge: LinkedIn's first day and `date.max` are fine."""
    assert inmail_explained.in_force("M1", LINKEDIN_LAUNCH)
    assert inmail_explained.refund_policy(date.max).rule == "C4b"


def test_unknown_rule_ids_keep_their_message() -> None:
    """An unknown ID is a text of the right type: the registry's own KeyError names the IDs."""
    with pytest.raises(KeyError, match="Keine Regel 'Z9'"):
        inmail_explained.in_force("Z9", LINKEDIN_LAUNCH)  # type: ignore[arg-type]


def test_a_plan_member_before_the_subscription_is_told_so() -> None:
    """C9, A14: before the first billing day the refusal says so, not "kein Guthaben mehr"."""
    net = busy_network()
    with pytest.raises(BeforeSubscription) as info:
        net.send(m(net, "Pia"), m(net, "Erik"), on=date(2024, 12, 1))
    assert info.value.message == (
        "Pia hat den Tarif Premium Career erst ab dem 01.01.2025; am 01.12.2024 gibt es noch kein "
        "Guthaben aus dem Tarif (C9, A14). Sende ab dem 01.01.2025, oder gib einen früheren "
        "Abrechnungstag an (subscribed_on)."
    )
    assert net.send(m(net, "Pia"), m(net, "Erik"), on=PLAN_START).cost == 1


def test_start_credits_have_no_answer_on_a_day_of_plans() -> None:
    """A13, C9-C11: start credits answer up to 30 April 2019; from 1 May 2019 they are refused."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=3))
    erik = net.add(Member(name="Erik"))
    last_day = date(2019, 4, 30)
    assert net.send(anna, erik, on=last_day).cost == 1
    assert net.credits(anna, on=last_day) == 2
    assert net.ledger(anna, on=last_day)[-1].on == last_day
    with pytest.raises(PlanRequired) as info:
        net.send(anna, erik, on=PLANS_ATTESTED_FROM)
    assert info.value.message == (
        "Anna hat keinen Tarif, nur ein Startguthaben wie im Artikel. Am 01.05.2019 gelten aber "
        "die Tarife mit monatlichem Kontingent, Höchststand und Verfall nach 90 Tagen (C9, C10, "
        "C11); was dann aus einem Startguthaben wird, sagen die Quellen nicht (A13). Gib Anna "
        'einen Tarif, z. B. Member(name="Anna", plan=Plan.PREMIUM_CAREER, subscribed_on=date(2026, '
        "11, 1)), oder frage mit on= nach einem Tag vor dem 01.05.2019, z. B. on=ARTICLE_DAY."
    )
    assert info.value.rules == ("C9", "C10", "C11", "A13")
    with pytest.raises(PlanRequired):
        net.ledger(anna, on=STATUS_DAY)
    basic = net.add(Member(name="Ben"))
    assert net.credits(basic, on=STATUS_DAY) == 0  # Basic holds no credits on any day (M3)


# -- the structure of an error: template, fields, message -----------------------------------------


def _raised(scenario: Scenario) -> InMailError:
    net = busy_network()
    action = scenario(net)
    with pytest.raises(InMailError) as info:
        action()
    return info.value


@pytest.mark.parametrize(("error", "scenario"), SCENARIOS)
def test_message_is_the_template_filled_with_the_fields(
    error: type[InMailError], scenario: Scenario
) -> None:
    """The message is the class's template with its slots filled by the formatted fields."""
    raised = _raised(scenario)
    assert raised.template in (error.variants.values() if error.variants else [error.template])
    assert set(raised.fields) == slots(raised.template)
    assert all(isinstance(value, str) for value in raised.fields.values())
    assert raised.template.format_map(raised.fields) == raised.message
    assert not any(f"{{{name}}}" in raised.message for name in slots(raised.template))


@pytest.mark.parametrize(("error", "scenario"), SCENARIOS)
@pytest.mark.parametrize(
    "duplicate",
    [copy.copy, copy.deepcopy, lambda error: pickle.loads(pickle.dumps(error))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_an_error_survives_copy_and_pickle(
    error: type[InMailError], scenario: Scenario, duplicate: Callable[[InMailError], InMailError]
) -> None:
    """A copied or unpickled error is the same error: type, code, message, link once."""
    raised = _raised(scenario)
    again = duplicate(raised)
    assert type(again) is error
    seen = (again.code, again.variant, again.template, again.fields, again.message, str(again))
    assert seen == (
        raised.code,
        raised.variant,
        raised.template,
        raised.fields,
        raised.message,
        str(raised),
    )
    assert str(again).count("Mehr dazu") == 1


def test_a_reaction_before_its_inmail_names_both_days() -> None:
    """C7: the refusal of an early reaction fills the slots `sent_on` and `reacted_on`."""
    net = article_network()
    mail = net.send(m(net, "Anna"), m(net, "Erik"), on=date(2014, 3, 2))
    with pytest.raises(TimeWentBackwards) as info:
        net.react(mail, Reaction.REPLY, on=date(2014, 3, 1))
    assert info.value.fields == {"sent_on": "02.03.2014", "reacted_on": "01.03.2014"}
    assert "{sent_on}" in info.value.template
    assert "{reacted_on}" in info.value.template


def test_the_same_template_serves_other_values() -> None:
    """A tool can fill an error's template with other values and get the library's wording."""
    first = _raised(lambda net: lambda: net.send(m(net, "Fiona"), m(net, "Erik"), on=LATER))
    other = NoCreditsLeft(sender=Member(name="Zoe"), on=date(2016, 2, 29))
    assert other.template == first.template
    assert first.template.format_map(other.fields) == other.message
    assert other.message.startswith("Zoe hat am 29.02.2016 kein InMail-Guthaben mehr (C2).")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(date(2015, 1, 5), "05.01.2015", id="date"),
        pytest.param(Member(name="Ben"), "Ben", id="member"),
        pytest.param(Channel.OPENLINK, "OpenLink-Nachricht", id="channel"),
        pytest.param(Reaction.NOT_INTERESTED, "Kein Interesse", id="reaction"),
        pytest.param([Channel.CONNECTION, "K2"], "„Nachricht an einen Kontakt“, „K2“", id="list"),
        pytest.param("Recruiting DACH", "Recruiting DACH", id="text"),
    ],
)
def test_values_are_formatted_for_german_readers(value: object, text: str) -> None:
    """Members show their name, dates dd.mm.yyyy, channels and reactions their German words."""
    assert format_field(value) == text


@pytest.mark.parametrize("arguments", [(), ("Etwas ging schief.",)], ids=["bare", "with-text"])
def test_the_base_class_is_abstract(arguments: tuple[str, ...]) -> None:
    """`InMailError` itself is never raised: creating one says which classes to raise instead."""
    with pytest.raises(TypeError) as info:
        InMailError(*arguments)
    text = str(info.value)
    assert "Basisklasse" in text
    assert all(cls.__name__ in text for cls in ERROR_CLASSES)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: DuplicateName(), id="missing-value"),
        pytest.param(lambda: DuplicateName(name="Anna", group="X"), id="extra-value"),
        pytest.param(lambda: DuplicateName(variant="name", name="Anna"), id="variant-not-offered"),
        pytest.param(lambda: SelfConnection(member="Anna"), id="variant-missing"),
        pytest.param(lambda: SelfConnection(variant="hug", member="Anna"), id="variant-unknown"),
        pytest.param(lambda: DuplicateName("Anna"), id="positional-text"),  # type: ignore[call-arg]
    ],
)
def test_wrong_values_for_an_error_are_refused(make: Callable[[], InMailError]) -> None:
    """An error needs exactly the values its template's slots name, and a known variant."""
    with pytest.raises(TypeError):
        make()


def test_a_new_error_needs_a_template_or_variants() -> None:
    """Defining an error without a message, or with both kinds, fails at the class statement."""
    with pytest.raises(TypeError, match="template or variants"):

        class Silent(InMailError, code="silent"):  # type: ignore[arg-type]
            """No message at all."""

    with pytest.raises(TypeError, match="template or variants"):

        class Both(InMailError, code="both"):  # type: ignore[arg-type]
            """Two kinds of message."""

            template = "{x}"
            variants = {"a": "{x}"}  # noqa: RUF012

    assert "silent" not in ERROR_CODES


def test_a_code_belongs_to_one_class() -> None:
    """Defining a second class with a code in use fails; the first keeps it."""
    with pytest.raises(TypeError, match="PremiumRequired"):

        class AlsoPremium(InMailError, code="premium-required"):
            """A second class for a code in use."""

            template = "Noch einmal."

    assert ERROR_CLASSES[0] is PremiumRequired


@pytest.mark.parametrize("rule", [None, "Z9", "K1 und K2"], ids=["missing", "unknown", "not-an-id"])
def test_a_rule_slot_needs_a_rule_id(rule: str | None) -> None:
    """rules_of names the class when the ``{rule}`` slot gets no rule ID of the registry."""
    with pytest.raises(TypeError, match="ChannelUnavailable needs a rule ID"):
        ChannelUnavailable.rules_of(rule=rule)


def test_the_rule_of_the_slot_is_cited_once() -> None:
    assert ChannelUnavailable.rules_of(rule="K4") == ("K4",)
