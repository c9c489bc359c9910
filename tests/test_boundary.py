"""The API boundary (boundary.py): every public call refuses a wrong argument in German.

For each checked function and each of its parameters, an argument of the wrong kind is refused
with one `InvalidArgument` that names the function and the parameter, shows the value given and
says how to write it, without pydantic's error as its cause, and the network stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from inmail_explained import (
    Channel,
    InvalidArgument,
    Member,
    Network,
    Plan,
    Reaction,
    RuleId,
    article_network,
    assumption,
    expiry_applies,
    in_force,
    plan_timeline,
    refund_policy,
    rule,
    rules_in_force,
)
from inmail_explained.boundary import _base, _example_for, _model_test, _quick, checked
from inmail_explained.records import Text

from .support import snapshot

DAY = date(2014, 3, 1)
WRONG = 2.5  # no parameter of the API takes a float


def calls() -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    """Each checked call with arguments that pass, by name."""
    net = article_network()
    anna, ben, erik = net.member("Anna"), net.member("Ben"), net.member("Erik")
    group = net.groups[0]
    discussion = net.discussions[0]
    message = net.send(anna, erik, on=DAY)
    return [
        ("net.add", net.add, {"member": Member(name="Zoe")}),
        ("net.member", net.member, {"name": "Anna"}),
        ("net.connect", net.connect, {"first": anna, "second": erik}),
        ("net.connected", net.connected, {"first": anna, "second": ben}),
        ("net.add_group", net.add_group, {"name": "Neu", "moderators": [anna]}),
        ("net.group", net.group, {"name": group.name}),
        ("net.comment", net.comment, {"discussion": discussion, "member": anna}),
        ("net.join", net.join, {"member": erik, "group": group}),
        ("net.options", net.options, {"sender": anna, "recipient": erik, "on": DAY}),
        ("net.profile_button", net.profile_button, {"viewer": anna, "profile": erik, "on": DAY}),
        (
            "net.send",
            net.send,
            {"sender": anna, "recipient": erik, "on": DAY, "via": Channel.INMAIL},
        ),
        ("net.react", net.react, {"message": message, "reaction": Reaction.REPLY, "on": DAY}),
        ("net.refund_on", net.refund_on, {"message": message}),
        ("net.credits", net.credits, {"member": anna, "on": DAY}),
        ("net.stars", net.stars, {"member": anna, "on": DAY}),
        ("rule", rule, {"rule_id": "K1"}),
        ("assumption", assumption, {"assumption_id": "A1"}),
        ("in_force", in_force, {"rule_id": "K1", "on": DAY}),
        ("rules_in_force", rules_in_force, {"on": DAY}),
        ("refund_policy", refund_policy, {"sent_on": DAY}),
        ("expiry_applies", expiry_applies, {"day": DAY}),
        ("plan_timeline", plan_timeline, {"plan": Plan.PREMIUM_CAREER, "months": 2}),
    ]


CASES = [(label, name) for label, _, arguments in calls() for name in arguments]


@pytest.mark.parametrize(("label", "name"), CASES, ids=[f"{c}-{n}" for c, n in CASES])
def test_a_wrong_argument_is_refused_in_german(label: str, name: str) -> None:
    function, arguments = next((f, a) for c, f, a in calls() if c == label)
    owner = getattr(function, "__self__", None)
    before = snapshot(owner) if owner is not None else None
    with pytest.raises(InvalidArgument) as refused:
        function(**(arguments | {name: WRONG}))
    message = str(refused.value)
    assert name in message, message
    assert "2.5" in message, message
    assert "Schreibe es so:" in message, message
    assert refused.value.__cause__ is None, "no pydantic error behind it"
    error = refused.value
    assert error.__context__ is None or error.__suppress_context__, "no pydantic frames shown"
    if owner is not None:
        assert snapshot(owner) == before, "a refused call changes nothing"


def test_a_stray_positional_value_that_fits_no_parameter_is_too_many() -> None:
    net = article_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    with pytest.raises(InvalidArgument) as refused:
        net.send(anna, erik, 2.5)  # type: ignore[arg-type,call-arg]  # a learner's mistake
    assert refused.value.variant == "too_many"
    assert "2.5" in str(refused.value)


def test_only_named_parameters_can_be_checked() -> None:
    """The boundary binds by name: a function with *args is refused when first called."""

    @checked
    def spread(*days: date) -> int:
        return len(days)

    with pytest.raises(TypeError, match="positional-only parameters, \\*args"):
        spread(DAY)


def test_a_rule_id_passes_as_text_and_a_constrained_text_goes_to_pydantic() -> None:
    """A text literal (a rule ID) has the quick test for text; a name with rules has none."""
    quick = _quick(RuleId)
    assert quick is not None
    assert quick("C4")
    assert not quick(4)
    with pytest.raises(InvalidArgument):
        rule(4)  # type: ignore[arg-type]  # a learner's mistake: the number without its letter
    assert _quick(Text) is None, "not empty, not only spaces: pydantic checks every call"
    with pytest.raises(InvalidArgument):
        Network().add_group(" ", moderators=[])


class Wrapper(BaseModel):
    """A record type no public function takes (for the helpers' general cases)."""

    name: str


class Revalidated(BaseModel):
    """A record that is validated on every call and is not frozen."""

    model_config = ConfigDict(revalidate_instances="always")

    name: str


def test_the_helpers_cover_optional_records_unions_and_unknown_types() -> None:
    """Cases the public API does not reach today, kept correct for the next function."""
    assert _quick(Wrapper | None) is not None, "a record that is never validated again"
    assert _quick(list[Wrapper] | None) is None, "a list has no quick test, with None neither"
    assert _quick(Revalidated) is None, "a record that may change is validated on every call"
    assert _base(int | str) == int | str, "a real union stays a union"
    assert not _model_test(Wrapper | None)(None), "None is fine where a record is optional"
    assert _model_test(Wrapper | None)(2.5)
    assert _model_test(list[Wrapper])([Wrapper(name="x"), {"name": "y"}]), "a dict in a list"
    assert not _model_test(list[Wrapper])("no list"), "pydantic names that mistake itself"
    assert _example_for("f(...)", "wrapper", Wrapper, 2.5) == "Wrapper(...)"


def test_a_member_is_validated_once_and_a_changed_copy_again() -> None:
    """A `Member` that passed skips pydantic on its next call; an equal or changed copy does not."""
    quick = _quick(Member | None)
    assert quick is not None
    assert quick(None)
    bea = Member(name="Bea, einmal geprüft")
    assert not quick(bea), "never checked yet"
    net = Network()
    net.add(bea)
    assert quick(bea)
    assert not quick(Member(name="Bea, einmal geprüft")), "another object: checked on its own"
    copy = bea.model_copy(update={"openlink": True})  # OpenLink without Premium: invalid
    assert not quick(copy)
    with pytest.raises(InvalidArgument):
        net.connect(bea, copy)
    assert not quick(copy)
