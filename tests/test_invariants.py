"""Properties over random histories: the credit ledger (C6), stars (F2-F4), refunds (C4), the cap.

The expected values come from `tests/support.py`, which writes the rules of RULES.md down again
with its own numbers: the library's constants and ledger are what is checked, not what checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from inmail_explained import (
    ANSWER_GUARANTEE,
    ARTICLE_PERIOD_END,
    LATEST_SUBSCRIPTION,
    LINKEDIN_LAUNCH,
    NINETY_DAY_RULE,
    PLANS_ATTESTED_FROM,
    Member,
    Message,
    Network,
    NoCreditsLeft,
    Plan,
    PlanRequired,
    Reaction,
    refund_policy,
    stars_for,
)

from .support import (
    PLAN_NUMBERS,
    PLANS_FROM,
    SWITCH,
    WINDOW,
    expected_billing_days,
    expected_refund,
    expected_stars,
)


@dataclass
class Sent:
    """The test's own record of one InMail."""

    message: Message
    reaction: Reaction | None = None
    reacted_on: date | None = None

    @property
    def refund(self) -> date | None:
        return expected_refund(self.message.sent_on, self.reaction, self.reacted_on)


def expected_balance(start: int, history: list[Sent], day: date) -> int:
    """C6: start credits - InMails sent + refunds credited, up to and including `day`."""
    paid = sum(1 for sent in history if sent.message.sent_on <= day)
    refunds = sum(1 for sent in history if sent.refund is not None and sent.refund <= day)
    return start - paid + refunds


Step = tuple[str, int, int, Reaction]
"""("send", days after the latest event, -, -) or ("react", days after sending, which, how)."""

steps = st.lists(
    st.tuples(
        st.sampled_from(["send", "send", "react"]),
        st.one_of(st.integers(0, 4), st.sampled_from([0, 1, 6, 7, 8, 9, 89, 90, 91, 92])),
        st.integers(0, 30),
        st.sampled_from(Reaction),
    ),
    max_size=30,
)


@given(
    start=st.integers(1, 4),
    first_day=st.dates(date(2014, 9, 1), date(2015, 2, 1)),
    plan=steps,
)
def test_c6_balance_follows_the_rules(start: int, first_day: date, plan: list[Step]) -> None:
    """C2, C4, C6: balance = start - sent + refunds on every day; never negative; settled once."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=start))
    erik = net.add(Member(name="Erik"))
    history: list[Sent] = []
    ratings: list[Reaction] = []
    today = first_day
    for action, days, pick, reaction in plan:
        if action == "send":
            today += timedelta(days=days % 5)
            if today >= PLANS_ATTESTED_FROM:  # start credits have no answer then (A13)
                with pytest.raises(PlanRequired):
                    net.send(anna, erik, on=today)
                continue
            if expected_balance(start, history, today) < 1:
                try:
                    net.send(anna, erik, on=today)
                except NoCreditsLeft:
                    event("C2: refused without credit")
                    continue
                raise AssertionError(f"C2: an InMail without credit on {today} was accepted")
            mail = net.send(anna, erik, on=today)
            assert mail.cost == 1
            shown = today <= ARTICLE_PERIOD_END  # F4: stars vouched for until then
            assert mail.sender_stars == (expected_stars(ratings) if shown else None)
            history.append(Sent(mail))
            continue
        open_mails = [sent for sent in history if sent.reaction is None]
        if open_mails:
            chosen = open_mails[pick % len(open_mails)]
            today = max(today, chosen.message.sent_on + timedelta(days=days))
            net.react(chosen.message, reaction, on=today)
            chosen.reaction, chosen.reacted_on = reaction, today
            ratings.append(reaction)

    events = {sent.message.sent_on for sent in history} | {
        sent.refund for sent in history if sent.refund is not None
    }
    checked = sorted(events | {d - timedelta(days=1) for d in events} | {first_day, today})
    for day in (day for day in checked if day < PLANS_ATTESTED_FROM):
        balance = net.credits(anna, on=day)
        assert balance == expected_balance(start, history, day), day
        assert balance >= 0
    last = PLANS_ATTESTED_FROM - timedelta(days=1)  # the last day start credits answer for
    ledger = net.ledger(anna, on=last)
    for sent in history:
        rule = "C4a" if sent.message.sent_on < SWITCH else "C4b"
        event(f"{rule}: {'refund' if sent.refund else 'no refund'}")
        lines = [entry.change for entry in ledger if entry.message_id == sent.message.id]
        assert lines == ([-1] if sent.refund is None or sent.refund > last else [-1, 1])
        assert net.refund_on(sent.message) == sent.refund
    assert net.stars(anna) == expected_stars(ratings)


@given(
    count=st.integers(1, 24),
    data=st.data(),
)
def test_f2_f3_stars_over_the_last_ten(count: int, data: st.DataObject) -> None:
    """F2, F3: stars = 5 - negatives // 2 over the last 10 ratings, by reaction date."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=count))
    erik = net.add(Member(name="Erik"))
    day = date(2015, 2, 1)
    mails = [net.send(anna, erik, on=day) for _ in range(count)]
    order = data.draw(st.permutations(range(count)), label="reaction order")
    recorded: list[Reaction] = []
    for index in order:
        day += timedelta(days=data.draw(st.integers(0, 2), label="days to the next reaction"))
        reaction = data.draw(st.sampled_from(Reaction), label="reaction")
        net.react(mails[index], reaction, on=day)
        recorded.append(reaction)
        assert net.ratings(anna) == recorded
        assert net.stars(anna) == expected_stars(recorded)
        assert 0 <= net.stars(anna) <= 5


@given(st.lists(st.sampled_from(Reaction), max_size=40))
def test_f3_stars_for_any_sequence(ratings: list[Reaction]) -> None:
    """F2, F3: `stars_for` counts the negatives of the last 10 only, two per star."""
    assert stars_for(ratings) == expected_stars(ratings)
    assert stars_for(ratings) == stars_for(ratings[-WINDOW:])


@given(
    sent_on=st.one_of(
        st.dates(date(2014, 12, 1), date(2015, 1, 31)),
        st.dates(LINKEDIN_LAUNCH, date(2100, 1, 1)),
    ),
    reaction=st.none() | st.sampled_from(Reaction),
    after=st.one_of(st.sampled_from([0, 6, 7, 8, 9, 89, 90, 91]), st.integers(0, 400)),
)
def test_c4_refund_policy_for_any_date(
    sent_on: date, reaction: Reaction | None, after: int
) -> None:
    """C4, C4a, C4b: the rule follows the sending day; its refund day follows the windows."""
    policy = refund_policy(sent_on)
    assert policy == (ANSWER_GUARANTEE if sent_on < SWITCH else NINETY_DAY_RULE)
    reacted_on = None if reaction is None else sent_on + timedelta(days=after)
    assert policy.refund_on(sent_on, reaction, reacted_on) == expected_refund(
        sent_on, reaction, reacted_on
    )


@given(
    sent_on=st.dates(date(2014, 6, 1), date(2015, 6, 1)),
    reaction=st.none() | st.sampled_from(Reaction),
    after=st.one_of(st.sampled_from([0, 7, 8, 90, 91]), st.integers(0, 120)),
)
def test_c4_network_refund_for_any_date(
    sent_on: date, reaction: Reaction | None, after: int
) -> None:
    """C4, C6: a single InMail's refund day and the balance around it follow the rules."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    mail = net.send(anna, net.add(Member(name="Erik")), on=sent_on)
    reacted_on = None
    if reaction is not None:
        reacted_on = sent_on + timedelta(days=after)
        net.react(mail, reaction, on=reacted_on)
    refund = expected_refund(sent_on, reaction, reacted_on)
    assert net.refund_on(mail) == refund
    if refund is None:
        assert net.credits(anna, on=PLANS_ATTESTED_FROM - timedelta(days=1)) == 0
    else:
        assert net.credits(anna, on=refund - timedelta(days=1)) == (refund == sent_on)
        assert net.credits(anna, on=refund) == 1


@given(
    plan=st.sampled_from([Plan.PREMIUM_CAREER, Plan.SALES_NAVIGATOR_CORE, Plan.RECRUITER_LITE]),
    subscribed=st.dates(PLANS_FROM, LATEST_SUBSCRIPTION),
    far=st.dates(date(2030, 1, 1), date.max),
)
def test_c10_a_member_who_never_sends_holds_the_cap(
    plan: Plan, subscribed: date, far: date
) -> None:
    """C10, C11, C15, A20, A21: from the last month the cap needs on, 100 % of days at the cap.

    Before, the balance climbs by one allotment a month; on any later day, however far, it is
    the cap (and the statement adds up to it).
    """
    monthly, cap = PLAN_NUMBERS[plan.value]
    net = Network()
    member = net.add(Member(name="Pia", plan=plan, subscribed_on=subscribed))
    billing = expected_billing_days(plan.value, subscribed, subscribed + timedelta(days=500))
    full = billing[cap // monthly - 1]
    for number, day in enumerate(billing[: cap // monthly]):
        assert net.credits(member, on=day) == monthly * (number + 1)
    days = [full + timedelta(days=n) for n in range(0, 400, 3)]
    at_cap = [net.credits(member, on=day) == cap for day in days]
    assert sum(at_cap) / len(at_cap) == 1.0
    assert net.credits(member, on=far) == cap
    event(plan.value)
