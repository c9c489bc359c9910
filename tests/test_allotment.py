"""Credits on today's plans: allotment, cap, expiry, rollover, credit-backs, cancelling (C9-C15).

Each edge is tested on both sides: the day before and the billing day on which an allotment
expires (A20), day 90 and 91 of a credit-back (A15, A17), a credit-back on day 90 and 91 after
sending, the billing day in a short month, the cap of a plan that rolls over (C15, A21), a
cancellation's last day (C14, A22). The expected numbers come from
`support.expected_plan_history`, simulated day by day from the rules.
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
    CannotCancel,
    Channel,
    CreditExpiry,
    EntryKind,
    LedgerEntry,
    Member,
    Network,
    NoCreditsLeft,
    Plan,
    PlanAccount,
    PlanCancelled,
    PremiumRequired,
    Reaction,
    billing_day,
    billing_days,
    cancellation_end,
    expiry_day,
    open_account,
)
from inmail_explained.allotment import last_billing_number
from inmail_explained.ledger import CreditAccount

from .support import (
    LIFETIME,
    PLAN_NUMBERS,
    ROLLOVER,
    expected_billing_days,
    expected_plan_history,
    statement_totals,
)

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


# -- expiry (C11, A20, A15) and oldest first (A16) -------------------------------------------------


def test_an_allotment_is_usable_until_the_third_billing_day_after() -> None:
    """C11, A20: the allotment of 1 March is there on 31 May and gone on 1 June, before the new."""
    subscribed = date(2026, 3, 1)
    net, lena, _ = setup(Plan.PREMIUM_CAREER, subscribed)
    gone = billing_day(Plan.PREMIUM_CAREER, subscribed, 3)
    assert gone == date(2026, 6, 1)
    assert net.credits(lena, on=gone - DAY) == 15
    assert net.credits(lena, on=gone) == 15
    lines = [(e.change, e.kind, e.reason) for e in net.ledger(lena, on=gone) if e.on == gone]
    assert lines == [
        (
            -5,
            EntryKind.EXPIRY,
            "Verfallen nach drei Abrechnungszeiträumen: Kontingent vom 01.03.2026 (C11, A20)",
        ),
        (5, EntryKind.ALLOTMENT, f"Monatliches Kontingent {Plan.PREMIUM_CAREER.title} (C9)"),
    ]
    assert_matches(net, lena, [], gone + timedelta(days=40))


@pytest.mark.parametrize(
    "plan",
    [Plan.PREMIUM_CAREER, Plan.PREMIUM_BUSINESS, Plan.SALES_NAVIGATOR_CORE, Plan.RECRUITER_LITE],
)
@pytest.mark.parametrize(
    "subscribed", [date(2025, 1, 1), date(2025, 1, 31), date(2025, 2, 28), date(2026, 11, 30)]
)
def test_a_member_who_never_sends_holds_the_cap_from_the_third_allotment_on(
    plan: Plan, subscribed: date
) -> None:
    """C10, C11, C15, A20, A21: the cap is reached and then held on every day (100 % of days)."""
    net, lena, _ = setup(plan, subscribed)
    assert plan.monthly_inmails is not None
    assert plan.max_inmails is not None
    assert plan.cap_months is not None
    months = plan.max_inmails // plan.monthly_inmails
    assert months == plan.cap_months
    full = billing_day(plan, subscribed, months - 1)
    assert full is not None
    days = [full + timedelta(days=n) for n in range(400)]
    assert [net.credits(lena, on=day) for day in days] == [plan.max_inmails] * len(days)
    assert net.credits(lena, on=full - DAY) == plan.max_inmails - plan.monthly_inmails


def test_the_credit_curves_of_premium_career_and_recruiter_lite() -> None:
    """C9-C11, C15: subscribed 1 Jan 2025, never sending: 5, 10, 15, 15 and 30, 60, 90, 120."""
    for plan, curve in (
        (Plan.PREMIUM_CAREER, [5, 10, 15, 15, 15, 15, 15]),
        (Plan.RECRUITER_LITE, [30, 60, 90, 120, 120, 120, 120]),
    ):
        net, lena, _ = setup(plan, date(2025, 1, 1))
        assert [net.credits(lena, on=date(2025, month, 15)) for month in range(1, 8)] == curve
        assert net.credits(lena, on=date(2025, 5, 31)) == curve[-1]
        april_to_december = [date(2025, 4, 1) + timedelta(days=n) for n in range(275)]
        at_cap = sum(net.credits(lena, on=day) == plan.max_inmails for day in april_to_december)
        assert at_cap == len(april_to_december)


def test_plans_say_how_their_credits_end() -> None:
    """C11, C15: typed data, not text: 90 days for Premium and Sales Navigator, else rollover."""
    assert {plan for plan in Plan if plan.expiry is CreditExpiry.AFTER_90_DAYS} == {
        Plan.PREMIUM_CAREER,
        Plan.PREMIUM_BUSINESS,
        Plan.SALES_NAVIGATOR_CORE,
    }
    assert {plan for plan in Plan if plan.expiry is CreditExpiry.ROLLOVER} == {
        Plan.RECRUITER_LITE,
        Plan.RECRUITER,
    }
    assert (Plan.BASIC.expiry, Plan.BASIC.cap_months) == (None, None)
    for plan in Plan:
        if plan.documented and plan.monthly_inmails:
            assert (plan.monthly_inmails, plan.max_inmails) == PLAN_NUMBERS[plan.value]
            assert plan.max_inmails == plan.monthly_inmails * (plan.cap_months or 0)
            assert (plan.value in ROLLOVER) == (plan.expiry is CreditExpiry.ROLLOVER)


def test_recruiter_lite_credits_roll_over_and_only_the_excess_is_forfeited() -> None:
    """C15, A18, A21: nothing expires; the fifth allotment is forfeited whole on its day."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.RECRUITER_LITE, subscribed)
    net.send(lena, erik, on=subscribed)
    fifth = billing_day(Plan.RECRUITER_LITE, subscribed, 4)
    assert fifth == date(2026, 7, 1)
    ledger = net.ledger(lena, on=date(2027, 3, 1))
    assert [e for e in ledger if e.kind is EntryKind.EXPIRY] == []
    assert net.credits(lena, on=fifth - DAY) == 119
    lines = [(e.change, e.reason) for e in ledger if e.on == fifth]
    assert lines == [
        (30, f"Monatliches Kontingent {Plan.RECRUITER_LITE.title} (C9)"),
        (-29, "Verfällt: über dem Höchststand von 120 (C10, C15, A18)"),
    ]
    assert_matches(net, lena, [("inmail", subscribed)], date(2026, 9, 1))


def test_a_credit_back_is_usable_on_day_90_and_gone_on_day_91() -> None:
    """C11, A15, A17: a credit-back keeps its own 90 days, whatever the billing days."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    mail = net.send(lena, erik, on=date(2026, 3, 5))
    back = date(2026, 3, 20)
    net.react(mail, Reaction.REPLY, on=back)
    day_90 = back + timedelta(days=LIFETIME)
    lines = [e for e in net.ledger(lena, on=day_90 + DAY) if "20.03.2026" in e.reason]
    assert [(e.on, e.change, e.kind) for e in lines] == [(day_90 + DAY, -1, EntryKind.EXPIRY)]
    assert lines[0].reason == "Verfallen nach 90 Tagen: Gutschrift vom 20.03.2026 (C11, A15, A17)"
    assert all(entry.on <= day_90 for entry in net.ledger(lena, on=day_90))
    assert_matches(net, lena, [("inmail", mail.sent_on), ("credit-back", back)], day_90 + DAY * 9)


def test_an_inmail_uses_the_oldest_credit() -> None:
    """A16, A20: an InMail on the day before expiry uses the oldest allotment; the rest goes."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    gone = date(2026, 6, 1)
    net.send(lena, erik, on=gone - DAY)
    expiry = next(e for e in net.ledger(lena, on=gone) if e.kind is EntryKind.EXPIRY)
    assert (expiry.on, expiry.change) == (gone, -4)  # 5 granted on 1 March, one used on 31 May
    assert_matches(net, lena, [("inmail", gone - DAY)], gone + timedelta(days=40))


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
        net.send(basic, erik, on=date(2026, 6, 1), via=Channel.INMAIL)
    assert net.credits(basic, on=date(2026, 3, 1)) == 0  # the one billing day: no jump
    assert net.ledger(basic, on=date(2027, 1, 1)) == []
    assert net.credits(basic, on=date(2027, 1, 1)) == 0


# -- cap (C10, A18) ----------------------------------------------------------------------------


def test_an_allotment_that_would_pass_the_cap_forfeits_the_rest() -> None:
    """C10, A18: with a credit-back at the cap, the next allotment fits only in part."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    third = billing_day(Plan.PREMIUM_CAREER, subscribed, 2)
    assert third == date(2026, 3, 31)
    mail = net.send(lena, erik, on=third)  # 14 left
    net.react(mail, Reaction.REPLY, on=third)  # 15 again: a credit-back of 31 March
    fourth = billing_day(Plan.PREMIUM_CAREER, subscribed, 3)
    assert fourth == date(2026, 4, 30)
    lines = [(e.change, e.reason) for e in net.ledger(lena, on=fourth) if e.on == fourth]
    assert lines == [
        (-4, "Verfallen nach drei Abrechnungszeiträumen: Kontingent vom 31.01.2026 (C11, A20)"),
        (5, f"Monatliches Kontingent {Plan.PREMIUM_CAREER.title} (C9)"),
        (-1, "Verfällt: über dem Höchststand von 15 (C10, A18)"),
    ]
    assert net.credits(lena, on=fourth) == 15
    events = [("inmail", third), ("credit-back", third)]
    assert_matches(net, lena, events, date(2026, 8, 1))


def test_a_credit_back_at_the_cap_is_forfeited() -> None:
    """C10, A17, A18: a credit-back above the cap shows as its own line, with the InMail."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(Plan.RECRUITER_LITE, subscribed)
    mail = net.send(lena, erik, on=date(2026, 4, 30))  # 120 before, 119 after
    net.react(mail, Reaction.REPLY, on=date(2026, 5, 31))  # allotment first: 119 + 1 of 30
    day = date(2026, 5, 31)
    lines = [(e.change, e.message_id) for e in net.ledger(lena, on=day) if e.on == day]
    assert lines == [(30, None), (-29, None), (1, mail.id), (-1, mail.id)]
    assert net.credits(lena, on=day) == 120
    assert_matches(net, lena, [("inmail", mail.sent_on), ("credit-back", day)], date(2026, 9, 1))


# -- credit-backs (C4b, C8, A17) -----------------------------------------------------------------


@pytest.mark.parametrize("after", [LIFETIME, LIFETIME + 1], ids=["day-90", "day-91"])
def test_credit_back_on_day_90_and_91(after: int) -> None:
    """C4b, A17: a reply on day 90 brings a new credit with its own 90 days; on day 91 none."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_BUSINESS, subscribed)
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


def test_a_credit_back_on_a_billing_day_is_a_lot_of_its_own() -> None:
    """A17, A20: a credit-back on a billing day expires after 90 days, the allotment with A20."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.SALES_NAVIGATOR_CORE, subscribed)
    mail = net.send(lena, erik, on=subscribed)
    april = date(2026, 4, 1)
    net.react(mail, Reaction.REPLY, on=april)
    gone = april + timedelta(days=LIFETIME + 1)
    lines = [(e.on, e.change) for e in net.ledger(lena, on=gone) if "01.04.2026" in e.reason]
    assert lines == [(date(2026, 7, 1), -50), (gone, -1)]
    assert_matches(net, lena, [("inmail", subscribed), ("credit-back", april)], gone)


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


def test_credit_backs_of_one_day_are_one_lot() -> None:
    """A15, A17: two credit-backs of the same day expire together, as one line on day 91."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    first, second = (net.send(lena, erik, on=date(2026, 3, 2)) for _ in range(2))
    back = date(2026, 3, 10)
    for mail in (first, second):
        net.react(mail, Reaction.REPLY, on=back)
    gone = back + timedelta(days=LIFETIME + 1)
    lines = [(e.on, e.change) for e in net.ledger(lena, on=gone) if "10.03.2026" in e.reason]
    assert lines == [(gone, -2)]
    events = [("inmail", first.sent_on)] * 2 + [("credit-back", back)] * 2
    assert_matches(net, lena, events, gone)


# -- cancelling (C14, A22) ------------------------------------------------------------------


@pytest.mark.parametrize("plan", [Plan.PREMIUM_CAREER, Plan.RECRUITER_LITE])
def test_cancelling_premium_or_recruiter_ends_the_balance_that_day(plan: Plan) -> None:
    """C14, A22: the balance becomes zero on the day, no allotment follows, InMails refused."""
    subscribed = date(2026, 1, 15)
    net, lena, erik = setup(plan, subscribed)
    mail = net.send(lena, erik, on=date(2026, 2, 20))
    cancelled = date(2026, 3, 15)  # a billing day: its allotment comes, then the end
    eve, before = (net.credits(lena, on=day) for day in (cancelled - DAY, cancelled))
    net.cancel(lena, on=cancelled)
    assert net.credits(lena, on=cancelled - DAY) == eve
    assert net.credits(lena, on=cancelled) == 0
    assert net.credits(lena, on=date(2027, 1, 1)) == 0
    last = net.ledger(lena, on=date(2027, 1, 1))[-1]
    assert (last.on, last.change, last.kind) == (cancelled, -before, EntryKind.CANCELLATION)
    assert last.reason == "Tarif gekündigt am 15.03.2026: Guthaben verfällt (C14, A22)"
    with pytest.raises(PlanCancelled) as info:
        net.send(lena, erik, on=cancelled)
    assert info.value.code == "plan-cancelled"
    assert info.value.rules == ("C14", "A22")
    net.react(mail, Reaction.REPLY, on=date(2026, 3, 20))  # comes back, but the plan has ended
    day = date(2026, 3, 20)
    assert [(e.change, e.kind) for e in net.ledger(lena, on=day) if e.on == day] == [
        (1, EntryKind.REFUND),
        (-1, EntryKind.CANCELLATION),
    ]
    assert net.credits(lena, on=day) == 0
    events = [("inmail", mail.sent_on), ("cancel", cancelled), ("credit-back", day)]
    assert_matches(net, lena, events, date(2026, 6, 1))


def test_cancelling_sales_navigator_keeps_the_credits_until_the_next_first() -> None:
    """C14, A22: usable until the billing cycle ends; on the 1st no allotment, zero instead."""
    subscribed = date(2026, 1, 15)
    net, lena, erik = setup(Plan.SALES_NAVIGATOR_CORE, subscribed)
    cancelled = date(2026, 3, 10)
    net.cancel(lena, on=cancelled)
    assert cancellation_end(Plan.SALES_NAVIGATOR_CORE, cancelled) == date(2026, 4, 1)
    assert net.credits(lena, on=cancelled) == 150
    net.send(lena, erik, on=date(2026, 3, 31))
    assert net.credits(lena, on=date(2026, 3, 31)) == 149
    assert net.credits(lena, on=date(2026, 4, 1)) == 0
    lines = [(e.change, e.kind) for e in net.ledger(lena, on=date(2026, 6, 1)) if e.on.month > 3]
    assert lines == [(-49, EntryKind.EXPIRY), (-100, EntryKind.CANCELLATION)]  # oldest first
    with pytest.raises(PlanCancelled):
        net.send(lena, erik, on=date(2026, 4, 1))
    events = [("cancel", cancelled), ("inmail", date(2026, 3, 31))]
    assert_matches(net, lena, events, date(2026, 6, 1))


def test_the_end_of_a_cancellation_in_the_last_month() -> None:
    """C14: Sales Navigator cancelled in December 9999 keeps its credits; Premium loses them."""
    assert cancellation_end(Plan.SALES_NAVIGATOR_CORE, date(9999, 12, 5)) == date.max
    assert cancellation_end(Plan.SALES_NAVIGATOR_CORE, date(2026, 12, 5)) == date(2027, 1, 1)
    assert cancellation_end(Plan.PREMIUM_CAREER, date(2026, 12, 5)) == date(2026, 12, 5)


def test_a_refused_cancellation_changes_nothing() -> None:
    """C14, M4: no plan, a second time, before the subscription: CannotCancel, nothing else."""
    subscribed = date(2026, 3, 1)
    net, lena, erik = setup(Plan.PREMIUM_CAREER, subscribed)
    basic = net.add(plan_member(Plan.BASIC, subscribed, name="Bea"))
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=2))
    for member, variant in ((erik, "no_plan"), (basic, "no_plan"), (anna, "no_plan")):
        with pytest.raises(CannotCancel) as info:
            net.cancel(member, on=subscribed)
        assert (info.value.code, info.value.variant) == ("cannot-cancel", variant)
    with pytest.raises(CannotCancel) as info:
        net.cancel(lena, on=subscribed - DAY)
    assert info.value.variant == "before_subscription"
    assert "01.03.2026" in info.value.message
    before = net.ledger(lena, on=date(2026, 9, 1))
    assert before[-1].kind is not EntryKind.CANCELLATION
    net.cancel(lena, on=date(2026, 4, 2))
    with pytest.raises(CannotCancel) as info:
        net.cancel(lena, on=date(2026, 4, 3))
    assert info.value.variant == "twice"
    assert "02.04.2026" in info.value.message
    assert net.credits(lena, on=date(2026, 9, 1)) == 0


# -- far days ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plan", [Plan.PREMIUM_CAREER, Plan.SALES_NAVIGATOR_CORE, Plan.RECRUITER_LITE]
)
def test_a_far_day_is_the_same_as_walking_there(plan: Plan) -> None:
    """A7: the one-step projection over steady months gives what month by month would."""
    subscribed = date(2026, 1, 31)
    net, lena, erik = setup(plan, subscribed)
    for n in range(12):
        mail = net.send(lena, erik, on=subscribed + timedelta(days=9 * n))
        if n % 2:
            net.react(mail, Reaction.REPLY, on=mail.sent_on + timedelta(days=3))
    far = date(2031, 7, 4)
    ledger = net.ledger(lena, on=far)
    assert sum(entry.change for entry in ledger) == net.credits(lena, on=far)
    assert ledger == sorted(ledger, key=lambda entry: entry.on)
    assert all(entry == LedgerEntry(**entry.model_dump()) for entry in ledger)
    for year in range(2026, 2032):
        day = date(year, 6, 10)
        assert net.credits(lena, on=day) == sum(e.change for e in ledger if e.on <= day)
    assert net.credits(lena, on=date.max) == plan.max_inmails
    assert net.ledger(lena, on=date.max)[-1].on.year == date.max.year
    net.send(lena, erik, on=date(9999, 12, 1))
    assert net.credits(lena, on=date(9999, 12, 1)) == (plan.max_inmails or 0) - 1
    assert net.credits(lena, on=date(5000, 6, 1)) == plan.max_inmails
    assert net.ledger(lena, on=date(5000, 6, 1))[-1].on < date(5000, 6, 2)


def test_last_billing_number() -> None:
    """A14: the number of the last allotment on or before a day, -1 before the first."""
    subscribed = date(2026, 1, 31)
    assert last_billing_number(Plan.PREMIUM_CAREER, subscribed, subscribed - DAY) == -1
    assert last_billing_number(Plan.PREMIUM_CAREER, subscribed, subscribed) == 0
    assert last_billing_number(Plan.PREMIUM_CAREER, subscribed, date(2026, 2, 27)) == 0
    assert last_billing_number(Plan.PREMIUM_CAREER, subscribed, date(2026, 2, 28)) == 1
    assert last_billing_number(Plan.SALES_NAVIGATOR_CORE, subscribed, date(2026, 2, 1)) == 1
    assert last_billing_number(Plan.PREMIUM_CAREER, subscribed, date(2025, 3, 1)) == -1
