"""The credit ledger kept per event equals the ledger recomputed from all events (C4, C6, F2).

The network updates each member's credits, statement and ratings as events come in. These tests
replay random histories of several senders and compare, after every event, what the network says
with a small recomputation from the whole history, written here again from RULES.md (with the
refund rule of `tests/support.py`), not with the library's ledger functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from inmail_explained import (
    PLANS_ATTESTED_FROM,
    Channel,
    LedgerEntry,
    Member,
    Message,
    Network,
    NoCreditsLeft,
    PlanRequired,
    Reaction,
)
from inmail_explained.ledger import CreditAccount, ledger_entries, refund_day
from inmail_explained.records import EntryKind, ReactionRecord

from .support import SWITCH, expected_refund, expected_stars

START = EntryKind.START


@dataclass
class Event:
    """One recorded InMail of the history, with the reaction to it if any."""

    message: Message
    reaction: Reaction | None = None
    reacted_on: date | None = None


@dataclass
class Reacted:
    """One recorded reaction, in the order recorded."""

    sender: str
    reaction: Reaction


def reference_ledger(start: int, sender: str, history: list[Event]) -> list[LedgerEntry]:
    """C6 recomputed from scratch: start, each InMail's debit and its refund, ordered by day.

    Lines of one day keep the order: start credits, then the InMails in sending order, each
    debit before its refund.
    """
    lines: list[tuple[date, int, int, LedgerEntry]] = [
        (
            date.min,
            -1,
            0,
            LedgerEntry(on=date.min, change=start, reason="Startguthaben", kind=EntryKind.START),
        )
    ]
    mine = [item for item in history if item.message.sender.name == sender]
    for position, item in enumerate(mine):
        mail = item.message
        debit = LedgerEntry(
            on=mail.sent_on,
            change=-1,
            reason=f"InMail an {mail.recipient.name}",
            kind=EntryKind.INMAIL,
            message_id=mail.id,
        )
        lines.append((mail.sent_on, position, 0, debit))
        refund = expected_refund(mail.sent_on, item.reaction, item.reacted_on)
        if refund is not None:
            rule = "Antwortgarantie, C4a" if mail.sent_on < SWITCH else "90-Tage-Regel, C4b"
            credit = LedgerEntry(
                on=refund,
                change=1,
                reason=f"Gutschrift ({rule})",
                kind=EntryKind.REFUND,
                message_id=mail.id,
            )
            lines.append((refund, position, 1, credit))
    return [line[3] for line in sorted(lines, key=lambda line: line[:3])]


def reference_balance(start: int, sender: str, history: list[Event], day: date) -> int:
    """C6: start credits - InMails sent + refunds credited, up to and including `day`."""
    return sum(
        entry.change for entry in reference_ledger(start, sender, history) if entry.on <= day
    )


SENDERS = ("Anna", "Fiona", "Gerd")
RECIPIENTS = ("Erik", "Hanna")

Step = tuple[str, int, int, int, Reaction]
"""(kind, who, whom or which InMail, days, reaction): "send" or "react"."""

steps = st.lists(
    st.tuples(
        st.sampled_from(["send", "send", "react"]),
        st.integers(0, len(SENDERS) - 1),
        st.integers(0, 40),
        st.one_of(st.integers(0, 3), st.sampled_from([6, 7, 8, 9, 89, 90, 91])),
        st.sampled_from(Reaction),
    ),
    max_size=40,
)


def days_to_check(history: list[Event], today: date) -> list[date]:
    """Every day on which some balance can change, the day before each, and `today`."""
    changes: set[date] = {today}
    for item in history:
        changes.add(item.message.sent_on)
        changes.add(item.message.sent_on + timedelta(days=8))
        if item.reacted_on is not None:
            changes.add(item.reacted_on)
    return sorted(changes | {day - timedelta(days=1) for day in changes})


def check_against_reference(
    net: Network, starts: dict[str, int], history: list[Event], ratings: list[Reacted], today: date
) -> None:
    """The network's answers for every sender equal the recomputation from `history`."""
    last = PLANS_ATTESTED_FROM - timedelta(days=1)  # the last day start credits answer for
    days = [day for day in days_to_check(history, today) if day <= last]
    for name, start in starts.items():
        member = net.member(name)
        shown = reference_ledger(start, name, history)
        assert net.ledger(member, on=last) == [entry for entry in shown if entry.on <= last]
        for day in days:
            assert net.credits(member, on=day) == reference_balance(start, name, history, day)
        mine = [rated.reaction for rated in ratings if rated.sender == name]
        assert net.ratings(member) == mine
        assert net.stars(member) == expected_stars(mine)
    for item in history:
        expected = expected_refund(item.message.sent_on, item.reaction, item.reacted_on)
        assert net.refund_on(item.message) == expected


@given(
    starts=st.tuples(*(st.integers(0, 3) for _ in SENDERS)),
    first_day=st.dates(date(2014, 11, 1), date(2015, 2, 1)),
    plan=steps,
)
def test_c6_incremental_ledger_equals_recomputation(
    starts: tuple[int, ...], first_day: date, plan: list[Step]
) -> None:
    """C2, C4, C6, F2, A7: after every event, credits, statement and ratings equal a recount."""
    net = Network()
    start_of = dict(zip(SENDERS, starts, strict=True))
    for name, start in start_of.items():
        net.add(Member(name=name, premium=True, inmail_credits=start))
    for name in RECIPIENTS:
        net.add(Member(name=name))
    history: list[Event] = []
    ratings: list[Reacted] = []
    today = first_day
    for kind, who, which, days, reaction in plan:
        if kind == "send":
            today += timedelta(days=days % 4)
            sender = net.member(SENDERS[who])
            recipient = net.member(RECIPIENTS[which % len(RECIPIENTS)])
            if today >= PLANS_ATTESTED_FROM:  # start credits have no answer then (A13)
                with pytest.raises(PlanRequired):
                    net.send(sender, recipient, on=today)
                continue
            if reference_balance(start_of[sender.name], sender.name, history, today) < 1:
                try:
                    net.send(sender, recipient, on=today)
                except NoCreditsLeft:
                    event("C2: refused without credit")
                    continue
                raise AssertionError(f"C2: an InMail without credit on {today} was accepted")
            history.append(Event(net.send(sender, recipient, on=today)))
        else:
            waiting = [item for item in history if item.reaction is None]
            if not waiting:
                continue
            chosen = waiting[which % len(waiting)]
            today = max(today, chosen.message.sent_on + timedelta(days=days))
            net.react(chosen.message, reaction, on=today)
            chosen.reaction, chosen.reacted_on = reaction, today
            ratings.append(Reacted(chosen.message.sender.name, reaction))
            elapsed = (today - chosen.message.sent_on).days
            rule = "C4a" if chosen.message.sent_on < SWITCH else "C4b"
            event(f"{rule}: reaction after {'<= 7' if elapsed <= 7 else '> 7'} days")
        check_against_reference(net, start_of, history, ratings, today)


def test_a7_answer_within_a_week_takes_back_the_previewed_refund() -> None:
    """C4a, A7: the refund on day 8 is shown at once, and a response within 7 days removes it."""
    sent_on = date(2014, 6, 2)
    anna = Member(name="Anna", premium=True, inmail_credits=1)
    mail = Message(
        id=4, sender=anna, recipient=Member(name="Erik"), channel=Channel.INMAIL, sent_on=sent_on,
        cost=1,
    )  # fmt: skip
    account = CreditAccount(1)
    account.record_inmail(mail)
    assert [account.balance(sent_on + timedelta(days=n)) for n in (-1, 0, 7, 8)] == [1, 0, 0, 1]
    account.record_reaction(mail, ReactionRecord(reaction=Reaction.REPLY, on=sent_on + days(7)))
    assert [account.balance(sent_on + timedelta(days=n)) for n in (-1, 0, 7, 8)] == [1, 0, 0, 0]
    assert refund_day(mail, ReactionRecord(reaction=Reaction.REPLY, on=sent_on + days(7))) is None
    reactions = {mail.id: ReactionRecord(reaction=Reaction.REPLY, on=sent_on + days(7))}
    assert [entry.change for entry in ledger_entries(1, account.inmails, reactions)] == [1, -1]


def test_c4a_late_answer_keeps_the_refund_on_day_8() -> None:
    """C4a: a response after 7 days, or spam at any time, leaves the refund where it was."""
    sent_on = date(2014, 6, 2)
    anna = Member(name="Anna", premium=True, inmail_credits=1)
    for reaction, after in ((Reaction.REPLY, 8), (Reaction.SPAM, 1)):
        mail = Message(
            id=0, sender=anna, recipient=Member(name="Erik"), channel=Channel.INMAIL,
            sent_on=sent_on, cost=1,
        )  # fmt: skip
        account = CreditAccount(1)
        account.record_inmail(mail)
        reacted = ReactionRecord(reaction=reaction, on=sent_on + days(after))
        account.record_reaction(mail, reacted)
        assert account.balance(sent_on + days(7)) == 0
        assert account.balance(sent_on + days(8)) == 1


def days(count: int) -> timedelta:
    """A span of `count` days."""
    return timedelta(days=count)
