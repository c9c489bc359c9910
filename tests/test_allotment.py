"""Credits on today's plans: allotment, cap, expiry, oldest first, credit-backs (C9-C11, A13-A18).

Each edge is tested on both sides: day 90 and 91 of a credit, a credit-back on day 90 and 91
after sending, the billing day in a short month, an allotment that reaches the cap. The
expected numbers come from `support.expected_plan_history`, simulated day by day from the rules.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from inmail_explained import (
    ERAS,
    PLANS_ATTESTED_FROM,
    POLICY_CHANGE,
    BeforeSubscription,
    EntryKind,
    Member,
    Network,
    NoCreditsLeft,
    Plan,
    PlanAccount,
    PremiumRequired,
    Reaction,
    billing_day,
    billing_days,
    expiry_day,
    open_account,
)
from inmail_explained.ledger import CreditAccount

from .support import LIFETIME, expected_billing_days, expected_plan_history, statement_totals

DAY = timedelta(days=1)


def plan_member(plan: Plan, subscribed: date, name: str = "Lena") -> Member:
    return Member(name=name, plan=plan, subscribed_on=subscribed)


def setup(plan: Plan, subscribed: date) -> tuple[Network, Member, Member]:
    net = Network()
    lena = net.add(plan_member(plan, subscribed))
    erik = net.add(Member(name="Erik"))
    return net, lena, erik


def assert_matches(
    net: Network, member: Member, events: list[tuple[str, date]], until: date
) -> None:
    """Every day's balance, and the statement's totals, equal the day-by-day simulation."""
    assert member.plan is not None
    assert member.subscribed_on is not None
    expected = expected_plan_history(member.plan.value, member.subscribed_on, events, until)
    day = member.subscribed_on - DAY
    while day <= until:
        assert net.credits(member, on=day) == expected.balance(day), day
        day += DAY
    entries = net.ledger(member, on=until)
    assert statement_totals(entries) == expected.totals
    assert sum(entry.change for entry in entries) == expected.balance(until)


# -- Member ------------------------------------------------------------------------------------


def test_a_plan_member_is_premium_exactly_when_the_plan_is() -> None:
    """C9: premium follows from the plan; start credits are 0; the text names the plan."""
    lena = plan_member(Plan.RECRUITER_LITE, date(2026, 1, 31))
    assert (lena.premium, lena.inmail_credits) == (True, 0)
    assert str(lena) == f"Lena (Premium, {Plan.RECRUITER_LITE} seit 31.01.2026)"
    basic = plan_member(Plan.BASIC, PLANS_ATTESTED_FROM)
    assert basic.premium is False
    given = Member(name="P", premium=True, plan=Plan.PREMIUM_CAREER, subscribed_on=ERAS[2].day)
    assert given.premium is True


@pytest.mark.parametrize(
    ("fields", "field", "error", "cited"),
    [
        pytest.param(
            {"plan": Plan.RECRUITER, "subscribed_on": ERAS[2].day},
            "plan",
            "plan_not_documented",
            "A13",
            id="undocumented-plan",
        ),
        pytest.param(
            {"plan": Plan.BASIC, "premium": True, "subscribed_on": ERAS[2].day},
            "plan",
            "plan_contradicts_premium",
            "C9",
            id="premium-basic",
        ),
        pytest.param(
            {"plan": Plan.PREMIUM_CAREER, "premium": False, "subscribed_on": ERAS[2].day},
            "plan",
            "plan_contradicts_premium",
            "C9",
            id="basic-premium-career",
        ),
        pytest.param(
            {"plan": Plan.PREMIUM_CAREER, "inmail_credits": 3, "subscribed_on": ERAS[2].day},
            "plan",
            "plan_credits_from_allotment",
            "C9",
            id="start-credits-on-a-plan",
        ),
        pytest.param(
            {"plan": Plan.PREMIUM_CAREER},
            "subscribed_on",
            "plan_requires_subscription",
            "A14",
            id="no-billing-day",
        ),
        pytest.param(
            {"subscribed_on": ERAS[2].day},
            "subscribed_on",
            "subscription_requires_plan",
            "C9",
            id="billing-day-without-plan",
        ),
        pytest.param(
            {"plan": Plan.PREMIUM_CAREER, "subscribed_on": PLANS_ATTESTED_FROM - DAY},
            "subscribed_on",
            "subscription_before_plans",
            "A13",
            id="day-before-plans",
        ),
    ],
)
def test_contradictions_name_field_rule_and_what_to_do(
    fields: dict[str, object], field: str, error: str, cited: str
) -> None:
    """C9, A13, A14: one error, on the field, citing the rule and saying what to do instead."""
    with pytest.raises(ValidationError) as info:
        Member(name="Lena", **fields)  # type: ignore[arg-type]
    (found,) = info.value.errors()
    assert (found["loc"], found["type"]) == ((field,), error)
    assert cited in found["msg"]
    assert any(word in found["msg"] for word in ("Gib", "Lass", "Wähle")), found["msg"]


def test_the_first_day_of_plans_is_accepted() -> None:
    """A13: the other side of the edge: a subscription on `PLANS_ATTESTED_FROM` is fine."""
    assert plan_member(Plan.PREMIUM_CAREER, PLANS_ATTESTED_FROM).subscribed_on == (
        PLANS_ATTESTED_FROM
    )


def test_an_invalid_plan_does_not_bring_a_second_error() -> None:
    """M4: a plan of the wrong type is the one error; the billing day check stays silent."""
    with pytest.raises(ValidationError) as info:
        Member(name="Lena", plan="recruiter-lite", subscribed_on=ERAS[2].day)  # type: ignore[arg-type]
    assert [error["loc"] for error in info.value.errors()] == [("plan",)]


def test_members_without_a_plan_get_the_article_account() -> None:
    """C6: no plan, the start credits that never expire; a plan, its lots."""
    assert isinstance(open_account(Member(name="A", premium=True, inmail_credits=2)), CreditAccount)
    assert isinstance(open_account(plan_member(Plan.PREMIUM_CAREER, ERAS[2].day)), PlanAccount)
    with pytest.raises(ValueError, match="Recruiter"):
        PlanAccount(Plan.RECRUITER, ERAS[2].day)


# -- billing days (A14) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subscribed", "first_three"),
    [
        pytest.param(
            date(2026, 1, 31), [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)], id="31st"
        ),
        pytest.param(
            date(2027, 12, 30),
            [date(2027, 12, 30), date(2028, 1, 30), date(2028, 2, 29)],
            id="leap",
        ),
        pytest.param(
            date(2026, 2, 28), [date(2026, 2, 28), date(2026, 3, 28), date(2026, 4, 28)], id="28th"
        ),
    ],
)
def test_billing_day_in_a_short_month(subscribed: date, first_three: list[date]) -> None:
    """A14: the same day each month; in a shorter month its last day, then back to the day."""
    got = [billing_day(Plan.RECRUITER_LITE, subscribed, number) for number in range(3)]
    assert got == first_three
    until = first_three[-1]
    assert got == expected_billing_days("recruiter-lite", subscribed, until)


def test_sales_navigator_bills_on_the_first() -> None:
    """A14: Sales Navigator Core's first allotment on the subscription day, then on the 1st."""
    days = billing_days(Plan.SALES_NAVIGATOR_CORE, date(2026, 1, 15))
    assert [next(days) for _ in range(3)] == [date(2026, 1, 15), date(2026, 2, 1), date(2026, 3, 1)]


def test_billing_and_expiry_end_with_the_calendar() -> None:
    """The last representable month has the last allotment; a credit then never expires."""
    assert list(billing_days(Plan.PREMIUM_CAREER, date(9999, 11, 30))) == [
        date(9999, 11, 30),
        date(9999, 12, 30),
    ]
    assert expiry_day(date(9999, 12, 30)) is None
    last = date.max - timedelta(days=LIFETIME + 1)
    assert expiry_day(last) == date.max
    assert expiry_day(last + DAY) is None
    account = PlanAccount(Plan.PREMIUM_CAREER, date(9999, 6, 30))
    assert account.balance(date.max) == 15
    assert [entry.on for entry in account.statement(date.max, {})][-2:] == [
        date(9999, 12, 30),
        date(9999, 12, 30),
    ]


# -- expiry (C11, A15) and oldest first (A16) -----------------------------------------------------


def test_a_credit_is_usable_on_day_90_and_gone_on_day_91() -> None:
    """C11, A15: the first allotment is still there on day 90; on day 91 it has expired."""
    subscribed = date(2026, 3, 1)
    net, lena, _ = setup(Plan.RECRUITER_LITE, subscribed)
    day_90 = subscribed + timedelta(days=LIFETIME)
    before = net.credits(lena, on=day_90)
    after = net.credits(lena, on=day_90 + DAY)
    grants_by_91 = len(expected_billing_days("recruiter-lite", subscribed, day_90 + DAY))
    assert before == 30 * grants_by_91
    assert after == before - 30
    last = net.ledger(lena, on=day_90 + DAY)[-1]
    assert (last.on, last.change) == (day_90 + DAY, -30)
    assert "C11" in last.reason
    assert "01.03.2026" in last.reason
    assert all(entry.on <= day_90 for entry in net.ledger(lena, on=day_90))


def test_an_inmail_on_day_90_uses_the_oldest_credit() -> None:
    """A15, A16: on day 90 the oldest credit is used; what is left of it expires on day 91."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    day_90 = subscribed + timedelta(days=LIFETIME)
    net.send(lena, erik, on=day_90)
    expiry = next(e for e in net.ledger(lena, on=day_90 + DAY) if e.on == day_90 + DAY)
    assert expiry.change == -4  # 5 granted on 1 March, one used on day 90
    assert_matches(net, lena, [("inmail", day_90)], day_90 + timedelta(days=40))


def test_without_credits_left_an_inmail_is_refused() -> None:
    """C2, C9: before the plan begins BeforeSubscription, once every lot is used NoCreditsLeft."""
    subscribed = date(2026, 3, 10)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    with pytest.raises(BeforeSubscription):
        net.send(lena, erik, on=subscribed - DAY)
    for _ in range(5):
        net.send(lena, erik, on=subscribed)
    with pytest.raises(NoCreditsLeft):
        net.send(lena, erik, on=subscribed + timedelta(days=28))
    assert net.credits(lena, on=subscribed + timedelta(days=28)) == 0
    assert net.credits(lena, on=subscribed - DAY) == 0
    net.send(lena, erik, on=subscribed + timedelta(days=31))  # 10 April: the next allotment
    assert net.credits(lena, on=subscribed + timedelta(days=31)) == 4


def test_a_basic_plan_sends_no_inmail() -> None:
    """C1, C9: Basic has no allotment and no Premium; the statement stays empty."""
    net, basic, erik = setup(Plan.BASIC, date(2026, 3, 1))
    with pytest.raises(PremiumRequired):
        net.send(basic, erik, on=date(2026, 6, 1))
    assert net.ledger(basic, on=date(2027, 1, 1)) == []
    assert net.credits(basic, on=date(2027, 1, 1)) == 0


# -- cap (C10, A18) ----------------------------------------------------------------------------


def test_an_allotment_that_reaches_the_cap_forfeits_the_rest() -> None:
    """C10, A18: the fourth allotment fits only up to the cap; the rest is its own line."""
    subscribed = date(2026, 1, 31)
    net, lena, _ = setup(Plan.PREMIUM_CAREER, subscribed)
    fourth = billing_day(Plan.PREMIUM_CAREER, subscribed, 3)
    assert fourth is not None
    third = billing_day(Plan.PREMIUM_CAREER, subscribed, 2)
    assert third is not None
    assert net.credits(lena, on=third) == 15  # just at the cap, nothing forfeited
    assert [e.change for e in net.ledger(lena, on=third) if e.kind is EntryKind.FORFEIT] == []
    lines = [(e.change, e.reason) for e in net.ledger(lena, on=fourth) if e.on == fourth]
    assert lines == [
        (5, f"Monatliches Kontingent {Plan.PREMIUM_CAREER.title} (C9)"),
        (-5, "Verfällt: über dem Höchststand von 15 (C10, A18)"),
    ]
    assert net.credits(lena, on=fourth) == 15


def test_a_credit_back_at_the_cap_is_forfeited() -> None:
    """C10, A17, A18: a credit-back above the cap shows as its own line, with the InMail."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    mail = net.send(lena, erik, on=date(2026, 3, 31))  # 15 before, 14 after
    net.react(mail, Reaction.REPLY, on=date(2026, 4, 30))  # allotment first: 14 + 1 kept of 5
    day = date(2026, 4, 30)
    lines = [(e.change, e.message_id) for e in net.ledger(lena, on=day) if e.on == day]
    assert lines == [(5, None), (-4, None), (1, mail.id), (-1, mail.id)]
    assert net.credits(lena, on=day) == 15
    assert_matches(net, lena, [("inmail", mail.sent_on), ("credit-back", day)], date(2026, 9, 1))


# -- credit-backs (C4b, C8, A17) -----------------------------------------------------------------


@pytest.mark.parametrize("after", [LIFETIME, LIFETIME + 1], ids=["day-90", "day-91"])
def test_credit_back_on_day_90_and_91(after: int) -> None:
    """C4b, A17: a reply on day 90 brings a new credit with its own 90 days; on day 91 none."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.RECRUITER_LITE, subscribed)
    mail = net.send(lena, erik, on=date(2026, 3, 2))
    replied = mail.sent_on + timedelta(days=after)
    net.react(mail, Reaction.REPLY, on=replied)
    backs = [e for e in net.ledger(lena, on=date(2027, 1, 1)) if e.message_id == mail.id]
    events = [("inmail", mail.sent_on)]
    if after <= LIFETIME:
        assert [(e.on, e.change) for e in backs] == [(mail.sent_on, -1), (replied, 1)]
        assert "C4b" in backs[-1].reason
        events.append(("credit-back", replied))
        expiries = [e for e in net.ledger(lena, on=date(2027, 1, 1)) if e.kind is EntryKind.EXPIRY]
        assert any(f"{replied:%d.%m.%Y}" in e.reason for e in expiries)
    else:
        assert [(e.on, e.change) for e in backs] == [(mail.sent_on, -1)]
    assert_matches(net, lena, events, replied + timedelta(days=LIFETIME + 5))


def test_credit_back_keeps_its_own_90_days() -> None:
    """A17: the new credit outlives the lot the InMail was paid from."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    for _ in range(5):
        net.send(lena, erik, on=subscribed)  # every credit of 1 March used
    mail = net.messages[0]
    back = date(2026, 5, 5)  # not a billing day (nor is day 91): a lot of its own
    net.react(mail, Reaction.NOT_INTERESTED, on=back)
    gone = back + timedelta(days=LIFETIME + 1)
    ledger = net.ledger(lena, on=gone)
    assert [(e.on, e.change) for e in ledger if "05.05.2026" in e.reason] == [(gone, -1)]
    day_90 = gone - DAY
    assert net.credits(lena, on=gone) == net.credits(lena, on=day_90) - 1
    events = [("inmail", subscribed)] * 5 + [("credit-back", back)]
    assert_matches(net, lena, events, gone + DAY)


def test_plan_inmails_fall_under_the_ninety_day_rule() -> None:
    """C4: plans begin long after `POLICY_CHANGE`; a missing reaction brings nothing back."""
    net, lena, erik = setup(Plan.PREMIUM_BUSINESS, PLANS_ATTESTED_FROM)
    mail = net.send(lena, erik, on=PLANS_ATTESTED_FROM)
    assert mail.sent_on > POLICY_CHANGE
    assert net.refund_on(mail) is None
    net.react(mail, Reaction.SPAM, on=PLANS_ATTESTED_FROM + DAY)
    assert net.refund_on(mail) is None
    assert [e.change for e in net.ledger(lena, on=PLANS_ATTESTED_FROM + DAY)] == [15, -1]


# -- preview and statement (A7, C6) --------------------------------------------------------------


def test_a_later_day_is_projected_and_then_confirmed() -> None:
    """A7: what a later day shows before events equals what it shows once time got there."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(Plan.SALES_NAVIGATOR_CORE, subscribed)
    later = date(2026, 8, 15)
    projected = net.ledger(lena, on=later)
    balances = [net.credits(lena, on=subscribed + timedelta(days=n)) for n in range(200)]
    other = net.add(Member(name="Zoe"))
    net.connect(erik, other)
    net.send(erik, other, on=later)  # time passes: a free message on `later`
    assert net.ledger(lena, on=later) == projected
    assert [net.credits(lena, on=subscribed + timedelta(days=n)) for n in range(200)] == balances
    assert_matches(net, lena, [], later)


def test_a_mixed_year_matches_the_simulation() -> None:
    """C6, C9-C11, A14-A18: a year of InMails and reactions, every day against the model."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(Plan.PREMIUM_BUSINESS, subscribed)
    events: list[tuple[str, date]] = []
    day = subscribed
    mails = []
    for n in range(40):
        day += timedelta(days=(n * 7) % 11)
        if net.credits(lena, on=day) == 0:
            continue
        mails.append(net.send(lena, erik, on=day))
        events.append(("inmail", day))
        if n % 3 == 0 and len(mails) > 2 and net.reaction(mails[-3]) is None:
            mail = mails[-3]
            reaction = (Reaction.REPLY, Reaction.NOT_INTERESTED, Reaction.SPAM)[n % 9 // 3]
            net.react(mail, reaction, on=day)
            if reaction is not Reaction.SPAM and (day - mail.sent_on).days <= LIFETIME:
                events.append(("credit-back", day))
    assert_matches(net, lena, events, day + timedelta(days=120))


def test_credits_of_one_day_expire_together() -> None:
    """A15, A17: an allotment and a credit-back of the same day expire as one line on day 91."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.RECRUITER_LITE, subscribed)
    mail = net.send(lena, erik, on=subscribed)
    april = date(2026, 4, 1)
    net.react(mail, Reaction.REPLY, on=april)
    gone = april + timedelta(days=LIFETIME + 1)
    lines = [e.change for e in net.ledger(lena, on=gone) if "01.04.2026" in e.reason]
    assert lines == [-31]
    assert_matches(net, lena, [("inmail", subscribed), ("credit-back", april)], gone)
