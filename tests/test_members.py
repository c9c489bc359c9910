"""Members and the checks on a member's own data (M1-M4)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from inmail_explained import (
    LATEST_SUBSCRIPTION,
    DuplicateName,
    InvalidArgument,
    Member,
    Network,
    Plan,
)

from .support import snapshot


def test_defaults() -> None:
    """M1: a member is Basic, without OpenLink, accepts InMails and holds no credits by default."""
    member = Member(name="Ben")
    assert (member.premium, member.openlink, member.accepts_inmail, member.inmail_credits) == (
        False,
        False,
        True,
        0,
    )


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"premium": True, "openlink": True}, id="premium-with-openlink"),
        pytest.param({"premium": True, "inmail_credits": 25}, id="premium-with-credits"),
        pytest.param({"premium": True, "inmail_credits": 0}, id="premium-without-credits"),
        pytest.param({"accepts_inmail": False}, id="basic-refusing-inmails"),
        pytest.param(
            {"premium": True, "openlink": True, "accepts_inmail": False, "inmail_credits": 3},
            id="everything-switched",
        ),
    ],
)
def test_valid_combinations_keep_their_values(fields: dict[str, Any]) -> None:
    """M1-M3: a valid combination is accepted and keeps exactly the values given."""
    member = Member(name="Carla", **fields)
    assert member.model_dump() == {
        "name": "Carla",
        "premium": False,
        "openlink": False,
        "accepts_inmail": True,
        "inmail_credits": 0,
        "plan": None,
        "subscribed_on": None,
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "field", "error_type", "message"),
    [
        pytest.param(
            {"name": "Ben", "openlink": True},
            "openlink",
            "openlink_requires_premium",
            "OpenLink gibt es nur mit Premium (M2)",
            id="m2-openlink-without-premium",
        ),
        pytest.param(
            {"name": "Ben", "inmail_credits": 1},
            "inmail_credits",
            "credits_require_premium",
            "InMail-Guthaben gibt es nur mit Premium (M3)",
            id="m3-credits-without-premium",
        ),
        pytest.param(
            {"name": "Anna", "premium": True, "inmail_credits": -1},
            "inmail_credits",
            "credits_negative",
            "InMail-Guthaben kann nicht negativ sein (M3)",
            id="m3-negative-credits-premium",
        ),
        pytest.param(
            {"name": "Ben", "inmail_credits": -3},
            "inmail_credits",
            "credits_negative",
            "InMail-Guthaben kann nicht negativ sein (M3)",
            id="m3-negative-credits-basic",
        ),
        pytest.param(
            {"name": ""},
            "name",
            "name_blank",
            "Der Name darf nicht leer sein (M1)",
            id="m1-empty-name",
        ),
        pytest.param(
            {"name": " \t "},
            "name",
            "name_blank",
            "Der Name darf nicht leer sein (M1)",
            id="m1-blank-name",
        ),
    ],
)
def test_rule_violations_name_field_and_rule(
    fields: dict[str, Any], field: str, error_type: str, message: str
) -> None:
    """M4: an invalid member is refused with an error naming the field and the rule (M1-M3)."""
    with pytest.raises(ValidationError) as info:
        Member(**fields)
    errors = info.value.errors()
    assert [(error["loc"], error["type"], error["msg"]) for error in errors] == [
        ((field,), error_type, message)
    ]
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("fields", "reported"),
    [
        pytest.param(
            {"name": "Ben", "premium": "ja", "openlink": True},
            [(("premium",), "bool_type")],
            id="m2-silent-when-premium-is-invalid",
        ),
        pytest.param(
            {"name": "Ben", "premium": "ja", "inmail_credits": 2},
            [(("premium",), "bool_type")],
            id="m3-silent-when-premium-is-invalid",
        ),
        pytest.param(
            {"name": "", "premium": 1, "inmail_credits": -1},
            [
                (("name",), "name_blank"),
                (("premium",), "bool_type"),
                (("inmail_credits",), "credits_negative"),
            ],
            id="every-independent-mistake-reported",
        ),
    ],
)
def test_only_real_mistakes_reported(
    fields: dict[str, Any], reported: list[tuple[tuple[str], str]]
) -> None:
    """M4: all real mistakes are named, but no M2/M3 error follows from an invalid `premium`."""
    with pytest.raises(ValidationError) as info:
        Member(**fields)
    assert [(error["loc"], error["type"]) for error in info.value.errors()] == reported


@pytest.mark.parametrize(
    ("fields", "field", "error_type"),
    [
        pytest.param({"name": 7}, "name", "string_type", id="name-not-a-string"),
        pytest.param({}, "name", "missing", id="name-missing"),
        pytest.param({"name": "Ben", "premium": "ja"}, "premium", "bool_type", id="premium-text"),
        pytest.param({"name": "Ben", "premium": 1}, "premium", "bool_type", id="premium-number"),
        pytest.param(
            {"name": "Ben", "accepts_inmail": None},
            "accepts_inmail",
            "bool_type",
            id="accepts-inmail-none",
        ),
        pytest.param(
            {"name": "Anna", "premium": True, "inmail_credits": 1.0},
            "inmail_credits",
            "int_type",
            id="credits-float",
        ),
        pytest.param(
            {"name": "Anna", "premium": True, "inmail_credits": "2"},
            "inmail_credits",
            "int_type",
            id="credits-text",
        ),
        pytest.param({"name": "Ben", "vip": True}, "vip", "extra_forbidden", id="unknown-field"),
    ],
)
def test_wrong_types_are_refused_strictly(
    fields: dict[str, Any], field: str, error_type: str
) -> None:
    """M4: wrong types are not coerced; the error names the offending field."""
    with pytest.raises(ValidationError) as info:
        Member(**fields)
    errors = info.value.errors()
    assert [(error["loc"], error["type"]) for error in errors] == [((field,), error_type)]


def test_member_is_frozen() -> None:
    """M1: a member is a frozen value; switching Premium on afterwards is refused."""
    anna = Member(name="Anna", premium=True, inmail_credits=2)
    with pytest.raises(ValidationError) as info:
        anna.premium = False  # type: ignore[misc]
    assert info.value.errors()[0]["type"] == "frozen_instance"
    assert anna.premium


def test_unique_name_in_a_network() -> None:
    """M1: a second member with a taken name is refused, whatever else differs."""
    net = Network()
    first = net.add(Member(name="Anna", premium=True, inmail_credits=2))
    with pytest.raises(DuplicateName) as info:
        net.add(Member(name="Anna"))
    assert "Anna" in info.value.message
    assert "(M1)" in info.value.message
    assert net.members == (first,)
    assert net.member("Anna") is first


def test_add_returns_the_member_in_order() -> None:
    """M1: `add` returns the member, and `members` lists everyone in the order added."""
    net = Network()
    ben = net.add(Member(name="Ben"))
    anna = net.add(Member(name="Anna", premium=True))
    assert ben == Member(name="Ben")
    assert net.members == (ben, anna)
    assert net.member("Anna") is anna


@pytest.mark.parametrize(
    ("not_a_member", "given"),
    [
        pytest.param("Zoe", "'Zoe' vom Typ str", id="a-name"),
        pytest.param(
            {"name": "Zoe", "openlink": True},
            "{'name': 'Zoe', 'openlink': True} vom Typ dict",
            id="a-dict-breaking-m2",
        ),
        pytest.param({"name": "Zoe"}, "{'name': 'Zoe'} vom Typ dict", id="a-valid-dict"),
        pytest.param(None, "None vom Typ NoneType", id="nothing"),
    ],
)
def test_add_refuses_invalid_input(not_a_member: object, given: str) -> None:
    """M4: `add` takes only a Member, not a name or a dict; the refusal says how to write it."""
    net = Network()
    net.add(Member(name="Anna"))
    before = snapshot(net)
    with pytest.raises(InvalidArgument) as info:
        net.add(not_a_member)  # type: ignore[arg-type]
    assert info.value.message == (
        f"net.add(...) erwartet für member ein Mitglied (Member), bekam aber {given} (M4). "
        "Schreibe es so: member=Member(name='Zoe')."
    )
    assert snapshot(net) == before


@pytest.mark.parametrize(
    ("update", "text"),
    [
        pytest.param(
            {"openlink": True},
            "das Feld openlink: OpenLink gibt es nur mit Premium (M2)",
            id="m2-copied-with-openlink",
        ),
        pytest.param(
            {"inmail_credits": 5},
            "das Feld inmail_credits: InMail-Guthaben gibt es nur mit Premium (M3)",
            id="m3-copied-with-credits",
        ),
        pytest.param(
            {"inmail_credits": -1},
            "das Feld inmail_credits: InMail-Guthaben kann nicht negativ sein (M3)",
            id="m3-copied-negative",
        ),
    ],
)
def test_add_refuses_member_that_skipped_validation(update: dict[str, Any], text: str) -> None:
    """M4: a member copied with invalid fields (pydantic skips validation) is refused by `add`.

    The refusal keeps the member check's German text.
    """
    net = Network()
    invalid = Member(name="Bea").model_copy(update=update)
    with pytest.raises(InvalidArgument) as info:
        net.add(invalid)
    assert info.value.variant == "invalid"
    assert info.value.fields["reason"] == text
    assert net.members == ()


@pytest.mark.parametrize(
    ("member", "text"),
    [
        pytest.param(Member(name="Ben"), "Ben (Basis)", id="basic"),
        pytest.param(
            Member(name="Anna", premium=True, inmail_credits=3),
            "Anna (Premium, 3 InMail-Guthaben)",
            id="premium-with-credits",
        ),
        pytest.param(
            Member(name="Carla", premium=True, openlink=True),
            "Carla (Premium, OpenLink, 0 InMail-Guthaben)",
            id="premium-with-openlink",
        ),
        pytest.param(
            Member(name="Dora", accepts_inmail=False),
            "Dora (Basis, keine InMails)",
            id="no-inmails",
        ),
    ],
)
def test_str_in_german(member: Member, text: str) -> None:
    """M1: a member prints as name plus its German account facts."""
    assert str(member) == text


def test_a_subscription_far_ahead_is_refused() -> None:
    """A19: a first billing day after `LATEST_SUBSCRIPTION` is refused; that day itself is fine."""
    with pytest.raises(ValidationError) as info:
        Member(name="Pia", plan=Plan.PREMIUM_CAREER, subscribed_on=date(9999, 1, 1))
    (found,) = info.value.errors()
    assert (found["loc"], found["type"]) == (("subscribed_on",), "subscription_too_late")
    assert "(A19)" in found["msg"]
    latest = Member(name="Pia", plan=Plan.PREMIUM_CAREER, subscribed_on=LATEST_SUBSCRIPTION)
    assert latest.subscribed_on == LATEST_SUBSCRIPTION
