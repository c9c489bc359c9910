"""The tools' data (hooks/werkzeuge.py) agrees with the library, case by case, and its code runs.

The expected answers here are computed afresh: each oracle builds its own network with the
public API, independently of `inmail_explained.tables` and of the hook. Code a tool shows is run
and checked against its `#>` lines by the one output checker of the doc examples (conftest.py).
`channel_network`, `expected_channels`, `expected_credit` and `run_example` are also used by
tests/browser/test_werkzeuge.py.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import PluginError
from pydantic import JsonValue, ValidationError

import werkzeuge  # hooks/ is on pytest's pythonpath (pyproject.toml)
from conftest import check_output
from inmail_explained import (
    ERAS,
    ERROR_CLASSES,
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    PLANS_ATTESTED_FROM,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    STATUS_DAY,
    Channel,
    ChannelOption,
    EntryKind,
    InMailError,
    Member,
    Network,
    NotDocumented,
    Plan,
    Reaction,
    RuleId,
    TimeWentBackwards,
    article_network,
    invitation_note,
    is_negative,
    is_response,
    rating_window,
    refund_policy,
    rule,
    stars_for,
)

from .support import ROLLOVER, expected_billing_days, expected_plan_history

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


# -- independent oracles -------------------------------------------------------------------------

ERA_DAYS = {"artikel": date(2013, 7, 1), "2015": date(2015, 7, 1), "heute": date(2026, 12, 1)}
"""The Kanal-Finder's Zeitpunkt choices (form values) and the days they stand for (the design's
ERAS: the article, summer 2015 after the group cap, today), written out here."""

LABEL_MISSING = "Beschriftung nicht belegt"
"""What the tool says where the sources document no label (K13)."""

SENDERS: dict[str, dict[str, Any]] = {
    "basic": {},
    "premium-no-credits": {"premium": True},
    "premium": {"premium": True, "inmail_credits": 1},
}
RELATIONS = ("connection", "same-group", "moderator", "discussion", "stranger")
COMBINATIONS = list(product(ERA_DAYS, SENDERS, RELATIONS, (True, False), (True, False)))
"""Every Kanal-Finder choice: era, sender, relation, OpenLink on, accepts InMails (form values)."""


def channel_key(era: str, sender: str, relation: str, openlink: bool, inmails: bool) -> str:
    """The key of a choice, as the script builds it from the form."""
    return "|".join((era, sender, relation, str(openlink).lower(), str(inmails).lower()))


def channel_network(
    sender: str, relation: str, openlink: bool, inmails: bool, day: date
) -> tuple[Network, Member, Member]:
    """A fresh network with A and B related as chosen, for day `day`.

    From 1 May 2019 start credits have no answer (A13): a Premium A is on Premium Career since
    `day`, and A without credits has spent the allotment on InMails to C that day.
    """
    net = Network()
    if sender != "basic" and day >= PLANS_ATTESTED_FROM:
        a = net.add(Member(name="A", plan=Plan.PREMIUM_CAREER, subscribed_on=day))
    else:
        a = net.add(Member(name="A", **SENDERS[sender]))
    b = net.add(Member(name="B", premium=openlink, openlink=openlink, accepts_inmail=inmails))
    if sender == "premium-no-credits" and a.plan is not None:
        c = net.add(Member(name="C"))
        for _ in range(net.credits(a, on=day)):
            net.send(a, c, on=day)
    if relation == "connection":
        net.connect(a, b)
    elif relation == "same-group":
        net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
    elif relation == "moderator":
        net.add_group(EXAMPLE_GROUP, moderators=[b], members=[a])
    elif relation == "discussion":
        group = net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
        net.start_discussion(group, author=b, title=EXAMPLE_DISCUSSION)
    return net, a, b


@dataclass(frozen=True)
class Attempt:
    """What `send` did: the channel and cost, or the error code and German message."""

    channel: str | None = None
    cost: int | None = None
    error: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Way:
    channel: str
    rule: str
    title: str
    label: str | None
    cost: int
    via_name: str | None
    text: str
    send: Attempt

    @property
    def label_text(self) -> str:
        """The label as the tool shows it: in quotes, or that it is not documented."""
        return LABEL_MISSING if self.label is None else f"„{self.label}“"


@dataclass(frozen=True)
class ExpectedChannels:
    button: str | None
    profile: str | None
    """The channel behind the profile's one button, or ``None`` without a button."""
    ways: list[Way]
    standard: Attempt
    unknown: list[str]
    """The rules of the ways the sources do not vouch for on the day (K19, K20): "nicht belegt"."""
    remarks: list[str | None]
    """Per way: the invitation's note limits (K16, K17, K21), what is unknown of K19, or None."""


GROUP_RELATIONS = ("same-group", "moderator", "discussion")


def _unknown(day: date, relation: str) -> list[str]:
    """K19 (a shared group) and K20 (no connection) on a day before a source vouches for them."""
    fits: dict[RuleId, bool] = {
        "K19": relation in GROUP_RELATIONS,
        "K20": relation != "connection",
    }
    first = {ref: rule(ref).first_day for ref in fits}
    return [ref for ref, fit in fits.items() if fit and day < (first[ref] or date.max)]


def _remark(option: ChannelOption, sender: Member, day: date) -> str | None:
    if option.channel is Channel.INVITATION:
        return str(invitation_note(sender, on=day))
    if option.channel is Channel.MESSAGE_REQUEST:
        return "ob B erst annehmen muss und wie viele im Monat gehen: nicht belegt (K19)"
    return None


def _send(day: date, combination: tuple[str, str, bool, bool], via: Channel | None) -> Attempt:
    net, a, b = channel_network(*combination, day)
    try:
        mail = net.send(a, b, on=day, via=via)
    except InMailError as error:
        return Attempt(error=error.code, message=error.message)
    return Attempt(channel=mail.channel.value, cost=mail.cost)


def expected_channels(
    era: str, sender: str, relation: str, openlink: bool, inmails: bool
) -> ExpectedChannels:
    """The Kanal-Finder's answer for one choice, straight from the library on the era's day."""
    day = ERA_DAYS[era]
    combination = (sender, relation, openlink, inmails)
    net, a, b = channel_network(*combination, day)
    ways = [
        Way(
            option.channel.value,
            option.rule,
            option.title,
            option.label,
            option.cost,
            option.via,
            str(option),
            _send(day, combination, option.channel),
        )
        for option in net.options(a, b, on=day)
    ]
    profile = net.profile_option(a, b, on=day)
    if profile is not None and profile.label is None:
        with pytest.raises(NotDocumented):
            net.profile_button(a, b, on=day)
        button = None
    else:
        button = net.profile_button(a, b, on=day)
    channel = None if profile is None else profile.channel.value
    return ExpectedChannels(
        button,
        channel,
        ways,
        _send(day, combination, None),
        _unknown(day, relation),
        [_remark(option, a, day) for option in net.options(a, b, on=day)],
    )


@dataclass(frozen=True)
class ExpectedCredit:
    rule: str
    name: str
    window: int
    refund: date | None
    response: bool
    in_time: bool
    expires: date | None = None


def expected_expiry(sent: date, reaction: Reaction | None, reacted_on: date | None) -> date | None:
    """The day a credit-back is gone, from a member on a 90-day plan who sends the same InMail.

    Before plans the library refuses such a member (A13): then credits do not expire. On
    Recruiter credits roll over (C15), so the member has Premium Business (C11, A15, A17); she
    sends another InMail on the day of the reaction, so that the credit-back fits below the cap
    (A18).
    """
    try:
        member = Member(name="Lena", plan=Plan.PREMIUM_BUSINESS, subscribed_on=sent)
    except ValidationError:
        return None
    net = Network()
    lena, erik = net.add(member), net.add(Member(name="Erik"))
    mail = net.send(lena, erik, on=sent)
    if reaction is not None and reacted_on is not None:
        net.send(lena, erik, on=reacted_on)  # room below the cap for the credit-back
        net.react(mail, reaction, on=reacted_on)
    refund = net.refund_on(mail)
    if refund is None:
        return None
    ledger = net.ledger(lena, on=refund + timedelta(days=2 * RESPONSE_WINDOW_DAYS))
    gone = [
        e.on for e in ledger if e.change < 0 and f"Gutschrift vom {refund:%d.%m.%Y}" in e.reason
    ]
    assert len(gone) == 1, gone
    return gone[0]


@dataclass(frozen=True)
class ExpectedPlanDay:
    on: date
    balance: int


def expected_plan_rows(plan: Plan, months: int = 6) -> list[ExpectedPlanDay]:
    """A plan's days from the status day on, without InMails, simulated from the rules.

    The days on which an allotment comes or credits expire over `months` billing months
    (support.expected_plan_history), with the balance at their end.
    """
    start = STATUS_DAY
    year, month = divmod(start.month - 1 + months, 12)
    end = date(start.year + year, month + 1, 1) - timedelta(days=1)
    history = expected_plan_history(plan.value, start, [], end)
    grants = set(expected_billing_days(plan.value, start, end))
    days = sorted(
        day
        for day in history.balances
        if day in grants or history.balance(day) < history.balance(day - timedelta(days=1))
    )
    return [ExpectedPlanDay(day, history.balance(day)) for day in days]


def expected_credit(sent: date, reaction: Reaction | None, day: int) -> ExpectedCredit:
    """Send from Anna to Erik on `sent`, react `day` days later; what comes back when.

    Anna has start credits before 1 May 2019 and a plan from the send day on after it (A13), as
    in the Guthaben-Rechner's code.
    """
    net = Network()
    if sent < PLANS_ATTESTED_FROM:
        anna = net.add(Member(name="Anna", premium=True, inmail_credits=3))
    else:
        anna = net.add(Member(name="Anna", plan=Plan.PREMIUM_CAREER, subscribed_on=sent))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=sent)
    reacted_on = sent + timedelta(days=day) if reaction else None
    if reaction is not None and reacted_on is not None:
        net.react(mail, reaction, on=reacted_on)
    policy = refund_policy(sent)
    refund_offset = net.refund_on(mail)
    last = max(sent, reacted_on or sent) + timedelta(days=RESPONSE_WINDOW_DAYS + 1)
    if anna.plan is None:
        last = min(last, PLANS_ATTESTED_FROM - timedelta(days=1))
    refunds = [e.on for e in net.ledger(anna, on=last) if e.kind is EntryKind.REFUND]
    assert refunds == ([] if refund_offset is None or refund_offset > last else [refund_offset])
    start = anna.inmail_credits
    if anna.plan is None and refund_offset is not None and refund_offset < PLANS_ATTESTED_FROM:
        if refund_offset > sent:
            assert net.credits(anna, on=refund_offset - timedelta(days=1)) == start - 1
        assert net.credits(anna, on=refund_offset) == start
    return ExpectedCredit(
        rule=policy.rule,
        name=policy.name,
        window=policy.window_days,
        refund=refund_offset,
        response=reaction is not None and is_response(reaction),
        in_time=policy.responded_in_time(sent, reaction, reacted_on),
        expires=expected_expiry(sent, reaction, reacted_on),
    )


def run_example(code: str) -> None:
    """Run a code example and check that it prints exactly its `#>` lines (conftest.py)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<beispiel>", "exec"), {"__name__": "beispiel"})
    check_output(code, printed.getvalue())


def page_example(name: str) -> str:
    """The ```python example inside ``data-werkzeug-code="name"`` on the tool's page."""
    text = (DOCS / "werkzeuge" / f"{name}.md").read_text("utf-8")
    hit = re.search(
        rf'<div [^>]*data-werkzeug-code="{name}"[^>]*markdown>\n\n```python\n(.*?)\n```\n\n</div>',
        text,
        re.S,
    )
    assert hit, f"{name}.md: kein Beispiel in <div data-werkzeug-code=…>"
    return hit[1]


def fill_slots(parts: list[str], values: Mapping[str, object]) -> str:
    """Fill text with slots as the script does: odd entries are slot names."""
    return "".join(str(values[part]) if index % 2 else part for index, part in enumerate(parts))


def python_date(day: date) -> str:
    return f"date({day.year}, {day.month}, {day.day})"


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def finder() -> dict[str, Any]:
    return werkzeuge.channel_data().for_script()


@pytest.fixture(scope="module")
def credit() -> dict[str, Any]:
    return werkzeuge.credit_data().for_script()


@pytest.fixture(scope="module")
def stars() -> dict[str, Any]:
    return werkzeuge.star_data().for_script()


# -- Kanal-Finder --------------------------------------------------------------------------------


def channel_example(finder: dict[str, Any], key: str) -> str:
    """The code the Kanal-Finder shows for a choice, decoded as the script decodes it."""
    return "\n".join(finder["lines"][index] for index in finder["combinations"][key]["code"])


def test_channel_finder_has_every_combination(finder: dict[str, Any]) -> None:
    expected = {channel_key(*combination) for combination in COMBINATIONS}
    assert set(finder["combinations"]) == expected
    assert len(expected) == 3 * 60
    assert len(finder["lines"]) == len(set(finder["lines"])), "each code line once"
    assert [(era["key"], date.fromisoformat(era["day"])) for era in finder["eras"]] == list(
        ERA_DAYS.items()
    )
    assert finder["label_missing"] == LABEL_MISSING


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda k: channel_key(*k))
def test_channel_finder_answer_is_the_librarys(
    finder: dict[str, Any], combination: tuple[str, str, str, bool, bool]
) -> None:
    era = combination[0]
    shown = finder["combinations"][channel_key(*combination)]
    expected = expected_channels(*combination)

    def attempt(result: dict[str, Any]) -> Attempt:
        if "error" in result:
            code = result["error"]
            return Attempt(error=code, message=finder["error"][era][code]["message"])
        assert result["price"] == ("kostenlos" if result["cost"] == 0 else "1 InMail-Guthaben")
        return Attempt(channel=result["channel"], cost=result["cost"])

    assert shown["button"] == expected.button
    profile = None if shown["profile"] is None else shown["ways"][shown["profile"]]["channel"]
    assert profile == expected.profile
    assert attempt(shown["standard"]) == expected.standard
    fields = ("channel", "rule", "title", "label", "cost", "via_name")
    assert [(*(way[f] for f in fields), attempt(way["send"])) for way in shown["ways"]] == [
        (w.channel, w.rule, w.title, w.label, w.cost, w.via_name, w.send) for w in expected.ways
    ]
    assert [way["remark"] for way in shown["ways"]] == expected.remarks
    assert [way["rule"] for way in shown["unknown"]] == expected.unknown
    for way in shown["unknown"]:
        assert way["since"] == f"{rule(way['rule']).first_day:%d.%m.%Y}"
    # every rule of an open way, of a way not vouched for, and every rule an error cites is linked
    cited = [way.rule for way in expected.ways] + expected.unknown
    cited += [ref for remark in expected.remarks for ref in re.findall(r"\((K\d+)\)", remark or "")]
    for result in [expected.standard, *(way.send for way in expected.ways)]:
        cited += finder["error"][era][result.error]["rules"] if result.error else []
    if any(way.label is None for way in expected.ways):
        cited.append("K13")  # the label is not documented
    assert set(cited) <= set(shown["rules"])
    # the code for this choice prints what the tool shows
    code = channel_example(finder, channel_key(*combination))
    run_example(code)
    assert f"tag = date({ERA_DAYS[era].year}, {ERA_DAYS[era].month}, {ERA_DAYS[era].day})" in code
    profile_text = next((w.text for w in expected.ways if w.channel == expected.profile), None)
    assert f"#> {profile_text}" in code.split("\n")
    assert [line for line in code.split("\n") if line.startswith("#> K")] == [
        f"#> {text}" for text in [profile_text, *(way.text for way in expected.ways)] if text
    ]


def test_channel_finder_channels_and_errors(finder: dict[str, Any]) -> None:
    assert finder["channels"] == {channel.value: {"place": channel.place} for channel in Channel}
    for era in ERA_DAYS:
        errors = finder["error"][era]
        blocked = {"contact-blocked"} if era != "heute" else set()  # today: K20 to anyone
        assert set(errors) == {"premium-required", "no-credits-left", *blocked}
        for code, error in errors.items():
            assert error["href"] == f"referenz/fehler.md#{code}"
            error_class = next(cls for cls in ERROR_CLASSES if cls.code == code)
            variants: list[str | None] = [*error_class.variants] or [None]
            assert tuple(error["rules"]) in [error_class.rules_of(v) for v in variants]
    day = ERA_DAYS["heute"]
    assert f"{day:%d.%m.%Y}" in finder["error"]["heute"]["no-credits-left"]["message"]


# -- Guthaben-Rechner ----------------------------------------------------------------------------


def _looked_up(credit: dict[str, Any], sent: date, reaction: str, day: int) -> Any:
    """Look an answer up as the script does: era by first day, row by reaction and day."""
    era = [
        e for e in credit["eras"] if e["first_day"] is None or e["first_day"] <= sent.isoformat()
    ][-1]
    wanted = None if reaction == "keine" else reaction
    rows = [
        row
        for row in era["rows"]
        if row["reaction"] == wanted
        and (wanted is None or row["first_day"] <= day)
        and (wanted is None or row["last_day"] is None or day <= row["last_day"])
    ]
    assert len(rows) == 1, (sent, reaction, day)
    row = rows[0]
    offset = {"none": None, "on-reaction-day": day, "day-offset": row["refund_day"]}[row["refund"]]
    refund = None if offset is None else sent + timedelta(days=offset)
    return era, row, refund


def _assert_lookup_matches_library(
    credit: dict[str, Any], sent: date, reaction: str, day: int
) -> None:
    kind = None if reaction == "keine" else Reaction(reaction)
    expected = expected_credit(sent, kind, day)
    era, row, refund = _looked_up(credit, sent, reaction, day)
    assert (era["rule"], era["window"], refund, row["in_time"]) == (
        expected.rule,
        expected.window,
        expected.refund,
        expected.in_time,
    ), (sent, reaction, day)
    assert row["counts_as_response"] == expected.response


def _credit_cases() -> list[tuple[date, str, int]]:
    cases = []
    for sent in (POLICY_CHANGE - timedelta(days=1), POLICY_CHANGE):
        cases.append((sent, "keine", 0))
        for reaction, day in product(Reaction, range(RESPONSE_WINDOW_DAYS + 3)):
            cases.append((sent, reaction.value, day))
    return cases


def test_credit_every_day_up_to_the_windows(credit: dict[str, Any]) -> None:
    for sent, reaction, day in _credit_cases():
        _assert_lookup_matches_library(credit, sent, reaction, day)


def test_credit_random_days_and_offsets(credit: dict[str, Any]) -> None:
    """Any send day in the form's range, any day offset: lookup = library."""
    rng = random.Random(7)
    earliest, until = date(2010, 1, 1), STATUS_DAY  # the form's min and max
    values = ["keine", *(reaction.value for reaction in Reaction)]
    for _ in range(300):
        sent = earliest + timedelta(days=rng.randrange((until - earliest).days + 1))
        day = rng.choice([rng.randrange(100), rng.randrange(3000)])
        _assert_lookup_matches_library(credit, sent, rng.choice(values), day)


def test_credit_eras_and_reactions(credit: dict[str, Any]) -> None:
    old, new = credit["eras"]
    assert (old["first_day"], old["last_day"], new["first_day"]) == (
        None,
        (POLICY_CHANGE - timedelta(days=1)).isoformat(),
        POLICY_CHANGE.isoformat(),
    )
    assert [(r["value"], r["label"], r["response"]) for r in credit["reactions"]] == [
        (reaction.value, reaction.label, is_response(reaction)) for reaction in Reaction
    ]
    assert [era["reason"] for era in credit["eras"]] == [
        "Gutschrift (Antwortgarantie, C4a)",
        "Gutschrift (90-Tage-Regel, C4b)",
    ]


def test_credit_eras_are_the_librarys_days(credit: dict[str, Any]) -> None:
    """Zeitpunkt: each era's day, its refund rule, and whether a credit-back expires then."""
    eras = credit["zeitpunkte"]
    assert [(e["key"], e["title"], e["day"]) for e in eras] == [
        (era.key, era.title, era.day.isoformat()) for era in ERAS
    ]
    for era, shown in zip(ERAS, eras, strict=True):
        policy = refund_policy(era.day)
        assert (shown["rule"], shown["name"]) == (policy.rule, policy.name)
        expires = expected_expiry(era.day, Reaction.REPLY, era.day)
        assert shown["expiry_days"] == (None if expires is None else (expires - era.day).days - 1)
        assert policy.rule in shown["rules"]
    assert [e["first_day"] for e in eras][1] == POLICY_CHANGE.isoformat()
    assert eras[0]["last_day"] == (POLICY_CHANGE - timedelta(days=1)).isoformat()


def test_credit_back_expiry_begins_with_the_plans(credit: dict[str, Any]) -> None:
    """C11, A13, A17: a credit-back the day before expiry begins stays; from then it expires."""
    first = date.fromisoformat(credit["verfall"]["from"])
    day_before = first - timedelta(days=1)
    assert expected_expiry(day_before, Reaction.REPLY, day_before) is None
    expires = expected_expiry(first, Reaction.REPLY, first + timedelta(days=5))
    assert expires == first + timedelta(days=5 + credit["verfall"]["days"] + 1)


@pytest.mark.parametrize("plan", [p for p in Plan if p.documented and p.monthly_inmails])
def test_plan_timelines_are_the_simulated_days(credit: dict[str, Any], plan: Plan) -> None:
    """C9-C11, A14-A18: the plan picker's rows are the days the rules give, with balances."""
    shown = next(p for p in credit["tarife"] if p["value"] == plan.value)
    assert (shown["monthly"], shown["cap"]) == (plan.monthly_inmails, plan.max_inmails)
    assert shown["rollover"] == (plan.value in ROLLOVER)  # C15, A21
    rows = [(row["on"], row["balance"]) for row in shown["rows"]]
    assert rows == [(day.on.isoformat(), day.balance) for day in expected_plan_rows(plan)]
    grants = {row["on"] for row in shown["rows"] if row["granted"]}
    assert all(row["granted"] == plan.monthly_inmails for row in shown["rows"] if row["granted"])
    assert grants == {
        day.isoformat()
        for day in expected_billing_days(plan.value, STATUS_DAY, date.fromisoformat(rows[-1][0]))
    }


def credit_example(credit: dict[str, Any], sent: date, reaction: str, day: int) -> str:
    """The Guthaben-Rechner's code for a choice, filled as the script fills it."""
    reacted_on = sent + timedelta(days=day)
    slots = {"sent_code": python_date(sent), "reacted_code": python_date(reacted_on)}
    if reaction != "keine" and day < 0:
        return fill_slots(credit["too_early"]["python"][reaction], slots)
    _, row, refund = _looked_up(credit, sent, reaction, day)
    return fill_slots(row["code"], slots | {"refund": refund})


@pytest.mark.parametrize(
    ("sent", "reaction", "day"),
    [
        (date(2014, 3, 1), "not-interested", 19),
        (date(2014, 12, 31), "reply", 7),
        (date(2014, 12, 31), "reply", 8),
        (date(2015, 1, 1), "reply", 90),
        (date(2015, 1, 1), "not-interested", 91),
        (date(2015, 1, 1), "keine", 0),
        (date(2014, 12, 31), "keine", 0),
        (date(2014, 12, 31), "spam", 0),
        (date(2015, 3, 2), "spam", -1),
        (date(2015, 3, 2), "reply", -30),
    ],
)
def test_credit_code_prints_what_it_claims(
    credit: dict[str, Any], sent: date, reaction: str, day: int
) -> None:
    run_example(credit_example(credit, sent, reaction, day))


def test_credit_reaction_before_sending(credit: dict[str, Any]) -> None:
    too_early = credit["too_early"]
    net = article_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    mail = net.send(anna, erik, on=date(2015, 6, 10))
    with pytest.raises(TimeWentBackwards) as error:
        net.react(mail, Reaction.SPAM, on=date(2015, 6, 9))
    assert too_early["code"] == error.value.code
    message = fill_slots(
        too_early["message"], {"sent_on": "10.06.2015", "reacted_on": "09.06.2015"}
    )
    assert message == error.value.message
    assert too_early["rules"] == ["C7"]


# -- Sterne-Rechner ------------------------------------------------------------------------------


def stars_example(stars: dict[str, Any], sequence: list[Reaction]) -> str:
    """The Sterne-Rechner's code for a sequence, filled as the script fills it."""
    lines = {r["value"]: r["line"] for r in stars["reactions"]}
    negative = {r["value"]: r["negative"] for r in stars["reactions"]}
    window = [reaction.value for reaction in sequence][-stars["window"] :]
    negatives = sum(1 for value in window if negative[value])
    return fill_slots(
        stars["code"],
        {
            "ratings": "".join(lines[reaction.value] for reaction in sequence),
            "counted": len(window),
            "negatives": negatives,
            "stars": stars["stars"][negatives],
        },
    )


def test_star_data_is_the_librarys(stars: dict[str, Any]) -> None:
    assert {r["value"]: r["negative"] for r in stars["reactions"]} == {
        reaction.value: is_negative(reaction) for reaction in Reaction
    }
    rng = random.Random(3)
    for _ in range(200):
        sequence = rng.choices(list(Reaction), k=rng.randrange(30))
        window = sequence[-stars["window"] :]  # as the script: slice(-window)
        assert window == list(rating_window(sequence))
        negatives = sum(1 for reaction in window if is_negative(reaction))
        assert stars["stars"][negatives] == stars_for(sequence)


@pytest.mark.parametrize("length", [0, 1, 10, 11, 25])
def test_star_code_prints_what_it_claims(stars: dict[str, Any], length: int) -> None:
    run_example(stars_example(stars, random.Random(length).choices(list(Reaction), k=length)))


# -- the pages -----------------------------------------------------------------------------------


def test_page_examples_are_the_start_choices(
    finder: dict[str, Any], credit: dict[str, Any], stars: dict[str, Any]
) -> None:
    """Each page's executed example is the tool's code for the form's start values."""
    assert page_example("kanal-finder") == channel_example(
        finder, channel_key("artikel", "premium", "stranger", False, True)
    )
    start = credit["start"]
    sent = date.fromisoformat(start["sent"])
    assert page_example("guthaben-rechner") == credit_example(
        credit, sent, start["reaction"], start["day"]
    )
    sequence = [Reaction(value) for value in stars["start"]]
    assert page_example("sterne-rechner") == stars_example(stars, sequence)


# -- the hook's own logic ------------------------------------------------------------------------


def test_cited_rules_collects_every_reference() -> None:
    data: JsonValue = {
        "button_rule": "K7",
        "a": [{"rule": "C4a"}, {"rules": ["K1", "C2"]}],
        "rule": 3,
    }
    assert werkzeuge.cited_rules(data) == {"K7", "C4a", "K1", "C2"}


def test_links_resolve_only_hrefs() -> None:
    data: JsonValue = {"rules": {"C11": {"title": "x", "href": None}, "C2": {"href": "a.md"}}}
    resolved = werkzeuge.with_links(data, lambda path: f"../{path}")
    assert resolved == {"rules": {"C11": {"title": "x", "href": None}, "C2": {"href": "../a.md"}}}


def test_rule_entry_comes_from_the_registry() -> None:
    """Title, section and first glossary page of a cited rule or assumption, no page read."""
    assert werkzeuge.rule_entry("K2").model_dump() == {
        "title": "Nachricht an Moderatoren",
        "href": "referenz/regeln.md#k2",
        "glossary": {"title": "Moderatoren", "href": "glossar/moderatoren.md"},
    }
    glossary = werkzeuge.rule_entry("A12").glossary
    assert glossary is not None
    assert glossary.href == "glossar/gruppennachricht.md"


def test_refusals_cite_the_rules_the_error_names() -> None:
    """The rules of a refusal are the error's own (`InMailError.rules`), in the message's order."""
    from inmail_explained import TimeWentBackwards

    assert werkzeuge._too_early({"sent": "s", "day": "d"}).rules == ["C7"]
    assert TimeWentBackwards.rules_of("before_sending") == ("C7",)
    with pytest.raises(PluginError, match="unbekannte Regeln"):
        werkzeuge.cited({"rule": "K99"})


def test_templates_escape_what_they_are_given(stars: dict[str, Any]) -> None:
    rules = {rule: {"title": '<b title="x">&', "href": "a?b=1&c=<2>"} for rule in ("F2", "F3")}
    data = stars | {"rules": rules}
    html = werkzeuge.HTML.get_template("sterne-rechner.html").render(data=data, rules=rules)
    assert '<b title="x">' not in html
    assert 'title="F2 &lt;b title=&#34;x&#34;&gt;&amp;"' in html
    assert 'href="a?b=1&amp;c=&lt;2&gt;"' in html
    assert "<template data-werkzeug-daten data-search-exclude>{" in html
    assert "<b" not in html.split("<template data-werkzeug-daten")[1].split("</template>")[0]


def test_kanal_finder_static_table_has_every_case(finder: dict[str, Any]) -> None:
    rules = {rule: {"title": rule, "href": f"#{rule}"} for rule in werkzeuge.cited_rules(finder)}
    html = werkzeuge.HTML.get_template("kanal-finder.html").render(
        data=finder | {"rules": rules}, rules=rules
    )
    table = html.split("<details", 1)[1]
    rows = re.findall(r"<tr><td>", table)
    assert len(rows) == 3 * 60
    for era in ERA_DAYS:
        assert table.count(f'data-zeitpunkt="{era}"') == len(SENDERS)
    assert LABEL_MISSING in table  # said where a label is not documented, never invented
    assert html.count("1 InMail-Guthaben") > 0
    assert "1 Guthaben" not in html
