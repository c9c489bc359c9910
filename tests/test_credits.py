"""InMail credits: cost, the two refund rules, and the ledger (C1-C6)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inmail_explained import (
    ANSWER_GUARANTEE,
    LEGACY_REFUND_DELAY_DAYS,
    LEGACY_WINDOW_DAYS,
    LINKEDIN_LAUNCH,
    NINETY_DAY_RULE,
    PLANS_ATTESTED_FROM,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    RESPONSES,
    USD_PER_INMAIL,
    Channel,
    EntryKind,
    LedgerEntry,
    Member,
    Message,
    Network,
    NoCreditsLeft,
    PremiumRequired,
    Reaction,
    RefundPolicy,
    article_network,
    is_response,
    refund_policy,
)

from .support import snapshot

OLD_DAY = date(2014, 3, 1)
"""A sending day under the old rule (C4a)."""

NEW_DAY = date(2015, 3, 1)
"""A sending day under the 90-day rule (C4b)."""


def days(n: int) -> timedelta:
    """`n` days."""
    return timedelta(days=n)


def one_inmail(sent_on: date, credits: int = 1) -> tuple[Network, Member, Message]:
    """A network where Anna (Premium, `credits` credits) sent one InMail to Erik on `sent_on`."""
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=credits))
    erik = net.add(Member(name="Erik"))
    return net, anna, net.send(anna, erik, on=sent_on)


def test_the_numbers_of_the_rules() -> None:
    """C2, C4: $10 an InMail; the rule changes on 2015-01-01; windows of 7 (day 8) and 90 days."""
    numbers = (USD_PER_INMAIL, POLICY_CHANGE, LEGACY_WINDOW_DAYS, LEGACY_REFUND_DELAY_DAYS)
    assert numbers == (10, date(2015, 1, 1), 7, 8)
    assert RESPONSE_WINDOW_DAYS == 90


def test_c1_basic_cannot_send_an_inmail() -> None:
    """C1: a Basic member who tries to send an InMail is refused; nothing is sent."""
    net = article_network()
    before = snapshot(net)
    with pytest.raises(PremiumRequired) as info:
        net.send(net.member("Erik"), net.member("Anna"), on=OLD_DAY, via=Channel.INMAIL)
    assert "Premium" in info.value.message
    assert "(C1)" in info.value.message
    assert snapshot(net) == before


def test_c2_inmail_costs_one_credit_at_sending() -> None:
    """C2: sending an InMail takes one credit on the day of sending, not before."""
    net, anna, mail = one_inmail(NEW_DAY, credits=3)
    assert (mail.channel, mail.cost) == (Channel.INMAIL, 1)
    assert net.credits(anna, on=NEW_DAY - days(1)) == 3
    assert net.credits(anna, on=NEW_DAY) == 2
    assert net.credits(anna, on=NEW_DAY + days(1000)) == 2


def test_c2_no_credits_left_changes_nothing() -> None:
    """C2: with 0 credits an InMail is refused and nothing changes."""
    net = Network()
    fiona = net.add(Member(name="Fiona", premium=True))
    erik = net.add(Member(name="Erik"))
    before = snapshot(net)
    with pytest.raises(NoCreditsLeft) as info:
        net.send(fiona, erik, on=NEW_DAY)
    assert "(C2)" in info.value.message
    assert snapshot(net) == before
    assert net.credits(fiona, on=NEW_DAY) == 0


def test_c2_last_credit_spent_then_refused() -> None:
    """C2: the last credit can be spent; the next InMail on the same day is refused."""
    net, anna, _ = one_inmail(NEW_DAY, credits=1)
    before = snapshot(net)
    with pytest.raises(NoCreditsLeft):
        net.send(anna, net.member("Erik"), on=NEW_DAY)
    assert snapshot(net) == before


def test_c4a_refunded_credit_can_be_spent_from_day_8() -> None:
    """C4a: without credit Anna waits; on sent+8 the refund lets her send again."""
    net, anna, _ = one_inmail(OLD_DAY, credits=1)
    erik = net.member("Erik")
    with pytest.raises(NoCreditsLeft):
        net.send(anna, erik, on=OLD_DAY + days(7))
    second = net.send(anna, erik, on=OLD_DAY + days(8))
    assert second.cost == 1
    assert net.credits(anna, on=OLD_DAY + days(8)) == 0


@pytest.mark.parametrize(
    ("sender", "recipient"),
    [
        pytest.param("Anna", "Ben", id="c3-k1-connection"),
        pytest.param("Ben", "Carla", id="c3-k2-moderator"),
        pytest.param("Carla", "Ben", id="c3-k3-private-reply"),
        pytest.param("Erik", "Carla", id="c3-k4-openlink"),
    ],
)
def test_c3_free_channels_never_cost(sender: str, recipient: str) -> None:
    """C3: K1-K4 messages cost nothing, on the day and ever after, and leave no ledger line."""
    net = article_network()
    author = net.member(sender)
    checked_days = [NEW_DAY - days(1), NEW_DAY, NEW_DAY + days(8), NEW_DAY + days(400)]
    before = [net.credits(author, on=day) for day in checked_days]
    message = net.send(author, net.member(recipient), on=NEW_DAY)
    assert message.channel is not Channel.INMAIL
    assert message.cost == 0
    assert [net.credits(author, on=day) for day in checked_days] == before
    last = PLANS_ATTESTED_FROM - days(1)  # the last day start credits answer for (A13)
    assert [entry.reason for entry in net.ledger(author, on=last)] == ["Startguthaben"]
    assert net.refund_on(message) is None


def test_c3_basic_without_credit_writes_for_free() -> None:
    """C3: a Basic member with no credit still writes along K1-K4."""
    net = article_network()
    ben = net.member("Ben")
    sent = [net.send(ben, net.member(name), on=NEW_DAY) for name in ("Anna", "Carla")]
    assert [message.channel for message in sent] == [Channel.CONNECTION, Channel.MODERATOR]
    assert net.credits(ben, on=NEW_DAY) == 0


@pytest.mark.parametrize(
    ("reaction", "after", "refund_after"),
    [
        pytest.param(None, None, 8, id="c4a-refund-after-7-days"),
        pytest.param(Reaction.REPLY, 0, None, id="c4a-reply-same-day-no-refund"),
        pytest.param(Reaction.REPLY, 7, None, id="c4a-reply-on-day-7-no-refund"),
        pytest.param(Reaction.REPLY, 8, 8, id="c4a-reply-on-day-8-refund-stays"),
        pytest.param(Reaction.NOT_INTERESTED, 7, None, id="c4a-decline-on-day-7-no-refund"),
        pytest.param(Reaction.NOT_INTERESTED, 8, 8, id="c4a-decline-on-day-8-refund-stays"),
        pytest.param(Reaction.SPAM, 1, 8, id="c4a-spam-is-no-response"),
        pytest.param(Reaction.SPAM, 7, 8, id="c4a-spam-on-day-7-is-no-response"),
        pytest.param(Reaction.REPLY, 30, 8, id="c4a-late-reply-takes-nothing-back"),
    ],
)
def test_c4a_answer_guarantee(
    reaction: Reaction | None, after: int | None, refund_after: int | None
) -> None:
    """C4a: before 2015 the credit comes back on sent+8 unless a response came within 7 days."""
    net, anna, mail = one_inmail(OLD_DAY)
    if reaction is not None and after is not None:
        net.react(mail, reaction, on=OLD_DAY + days(after))
    expected = None if refund_after is None else OLD_DAY + days(refund_after)
    assert net.refund_on(mail) == expected
    assert net.credits(anna, on=OLD_DAY + days(7)) == 0
    assert net.credits(anna, on=OLD_DAY + days(8)) == (0 if expected is None else 1)
    assert net.credits(anna, on=OLD_DAY + days(365)) == (0 if expected is None else 1)


@pytest.mark.parametrize(
    ("reaction", "after", "refunded"),
    [
        pytest.param(None, None, False, id="c4b-no-response-no-refund"),
        pytest.param(Reaction.REPLY, 0, True, id="c4b-reply-same-day"),
        pytest.param(Reaction.REPLY, 8, True, id="c4b-reply-on-day-8"),
        pytest.param(Reaction.REPLY, 90, True, id="c4b-reply-on-day-90"),
        pytest.param(Reaction.REPLY, 91, False, id="c4b-reply-on-day-91-too-late"),
        pytest.param(Reaction.NOT_INTERESTED, 90, True, id="c4b-decline-counts-as-response"),
        pytest.param(Reaction.NOT_INTERESTED, 91, False, id="c4b-decline-on-day-91-too-late"),
        pytest.param(Reaction.SPAM, 5, False, id="c4b-spam-is-no-response"),
    ],
)
def test_c4b_ninety_day_rule(reaction: Reaction | None, after: int | None, refunded: bool) -> None:
    """C4b: from 2015 the credit comes back on the day of a response within 90 days, else never."""
    net, anna, mail = one_inmail(NEW_DAY)
    if reaction is not None and after is not None:
        net.react(mail, reaction, on=NEW_DAY + days(after))
    expected = NEW_DAY + days(after) if refunded and after is not None else None
    assert net.refund_on(mail) == expected
    by_day_8 = refunded and after is not None and after <= 8
    assert net.credits(anna, on=NEW_DAY + days(8)) == (1 if by_day_8 else 0)
    assert net.credits(anna, on=NEW_DAY + days(365)) == (1 if refunded else 0)


@pytest.mark.parametrize(
    ("sent_on", "reacted_after", "refund_day"),
    [
        pytest.param(date(2014, 3, 1), None, date(2014, 3, 9), id="c4a-credited-on-sent-plus-8"),
        pytest.param(date(2015, 3, 1), 90, date(2015, 5, 30), id="c4b-credited-on-reaction-day"),
        pytest.param(date(2015, 3, 1), 0, date(2015, 3, 1), id="c4b-credited-on-sending-day"),
    ],
)
def test_refund_credited_on_its_day_not_before(
    sent_on: date, reacted_after: int | None, refund_day: date
) -> None:
    """C4a, C4b: queried the day before the refund day the credit is still out; on it, back."""
    net, anna, mail = one_inmail(sent_on)
    if reacted_after is not None:
        net.react(mail, Reaction.REPLY, on=sent_on + days(reacted_after))
    assert net.refund_on(mail) == refund_day
    if refund_day > sent_on:
        assert net.credits(anna, on=refund_day - days(1)) == 0
    assert net.credits(anna, on=refund_day) == 1


def test_c4a_refund_shown_before_day_8_is_recorded() -> None:
    """C4a, A7: asked on day 8 with nothing recorded since sending, the refund is already shown."""
    net, anna, mail = one_inmail(OLD_DAY)
    assert net.credits(anna, on=OLD_DAY + days(8)) == 1
    net.react(mail, Reaction.REPLY, on=OLD_DAY + days(3))
    assert net.credits(anna, on=OLD_DAY + days(8)) == 0


def test_c4b_pending_inmail_shows_no_refund() -> None:
    """C4b, A7: without a response recorded yet, no refund is shown, not even 90 days later."""
    net, anna, _ = one_inmail(NEW_DAY)
    assert net.credits(anna, on=NEW_DAY + days(90)) == 0


@pytest.mark.parametrize(
    ("sent_on", "rule", "no_answer_refund", "reply_on_day_3_refund"),
    [
        pytest.param(
            date(2014, 12, 31), "C4a", date(2015, 1, 8), None, id="sent-2014-12-31-old-rule"
        ),
        pytest.param(
            date(2015, 1, 1), "C4b", None, date(2015, 1, 4), id="sent-2015-01-01-new-rule"
        ),
    ],
)
def test_c4_the_sending_day_picks_the_rule(
    sent_on: date, rule: str, no_answer_refund: date | None, reply_on_day_3_refund: date | None
) -> None:
    """C4: the rule in force on the day of sending decides, even when the refund falls in 2015."""
    assert refund_policy(sent_on).rule == rule
    net, _, silent = one_inmail(sent_on, credits=2)
    answered = net.send(net.member("Anna"), net.member("Erik"), on=sent_on)
    net.react(answered, Reaction.REPLY, on=sent_on + days(3))
    assert net.refund_on(silent) == no_answer_refund
    assert net.refund_on(answered) == reply_on_day_3_refund


@pytest.mark.parametrize(
    ("sent_on", "policy"),
    [
        pytest.param(LINKEDIN_LAUNCH, ANSWER_GUARANTEE, id="c4a-earliest-date"),
        pytest.param(date(2013, 6, 1), ANSWER_GUARANTEE, id="c4a-article-year"),
        pytest.param(date(2014, 12, 31), ANSWER_GUARANTEE, id="c4a-last-day"),
        pytest.param(date(2015, 1, 1), NINETY_DAY_RULE, id="c4b-first-day"),
        pytest.param(date.max, NINETY_DAY_RULE, id="c4b-latest-date"),
    ],
)
def test_refund_policy_by_sending_day(sent_on: date, policy: RefundPolicy) -> None:
    """C4: InMails sent before 2015-01-01 fall under C4a, from that day on under C4b."""
    assert refund_policy(sent_on) == policy


@pytest.mark.parametrize(
    ("policy", "rule", "name", "window", "refund_if_responded"),
    [
        pytest.param(ANSWER_GUARANTEE, "C4a", "Antwortgarantie", 7, False, id="c4a"),
        pytest.param(NINETY_DAY_RULE, "C4b", "90-Tage-Regel", 90, True, id="c4b"),
    ],
)
def test_policy_values(
    policy: RefundPolicy, rule: str, name: str, window: int, refund_if_responded: bool
) -> None:
    """C4a, C4b: each rule carries its ID, German name, window and direction."""
    assert (policy.rule, policy.name, policy.window_days, policy.refund_if_responded) == (
        rule,
        name,
        window,
        refund_if_responded,
    )


@pytest.mark.parametrize(
    ("reaction", "response"),
    [
        pytest.param(Reaction.REPLY, True, id="c5-reply-is-a-response"),
        pytest.param(Reaction.NOT_INTERESTED, True, id="c5-decline-is-a-response"),
        pytest.param(Reaction.SPAM, False, id="c5-spam-is-no-response"),
    ],
)
def test_c5_responses(reaction: Reaction, response: bool) -> None:
    """C5, A2: replies and declines are responses; marking as spam is not."""
    assert is_response(reaction) is response
    assert (reaction in RESPONSES) is response


def test_c6_ledger_statement() -> None:
    """C6: the statement lists start credits, InMails and refunds; it adds up to the balance."""
    net = article_network()
    anna, erik, ben = net.member("Anna"), net.member("Erik"), net.member("Ben")
    first = net.send(anna, erik, on=date(2014, 12, 20))
    net.send(anna, ben, on=date(2014, 12, 21))
    second = net.send(anna, erik, on=date(2015, 1, 2))
    net.react(second, Reaction.REPLY, on=date(2015, 1, 5))
    assert net.ledger(anna, on=date(2015, 12, 31)) == [
        LedgerEntry(on=date.min, change=3, reason="Startguthaben", kind=EntryKind.START),
        LedgerEntry(on=date(2014, 12, 20), change=-1, reason="InMail an Erik",
                    kind=EntryKind.INMAIL, message_id=0),
        LedgerEntry(on=date(2014, 12, 28), change=1, reason="Gutschrift (Antwortgarantie, C4a)",
                    kind=EntryKind.REFUND, message_id=0),
        LedgerEntry(on=date(2015, 1, 2), change=-1, reason="InMail an Erik",
                    kind=EntryKind.INMAIL, message_id=2),
        LedgerEntry(on=date(2015, 1, 5), change=1, reason="Gutschrift (90-Tage-Regel, C4b)",
                    kind=EntryKind.REFUND, message_id=2),
    ]  # fmt: skip
    assert first.id == 0
    assert [entry.on for entry in net.ledger(anna, on=date(2014, 12, 27))] == [
        date.min,
        date(2014, 12, 20),
    ]
    assert net.credits(anna, on=date(2014, 12, 27)) == 2
    assert net.credits(anna, on=date(2015, 1, 5)) == 3


def test_c6_each_inmail_settled_at_most_once() -> None:
    """C6: a refunded InMail gives back exactly what it cost, once, whatever follows."""
    net, anna, mail = one_inmail(NEW_DAY)
    net.react(mail, Reaction.REPLY, on=NEW_DAY + days(1))
    later = NEW_DAY + days(500)
    ledger = net.ledger(anna, on=later)
    refunds = [entry for entry in ledger if entry.change > 0 and entry.message_id is not None]
    assert [(entry.message_id, entry.change) for entry in refunds] == [(mail.id, mail.cost)]
    assert net.credits(anna, on=later) == 1
