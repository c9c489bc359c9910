"""A state machine drives a network at random and checks it against the rules after every step.

The machine keeps its own small model of the network (members, connections, groups,
discussions, InMails and reactions) and works out from RULES.md what each operation must do:
succeed, or be refused with one of the errors that apply. A refused operation must change nothing
(M4). After every step, every member's balance on several days is recomputed from the model (C6),
and so are the stars (F2, F3).

Members on today's plans (C9-C15) join too and may cancel, and the clock may jump to the days of
their subscriptions, over billing days and expiries: their balances come from a day-by-day
simulation of the rules (`support.expected_plan_history`), and their statements must add up by
kind: start + allotments - InMails + credit-backs - expired - forfeited - cancelled, never
negative, each InMail's debit and credit-back at most once (C6).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

import pytest
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from pydantic import ValidationError

from inmail_explained import (
    ARTICLE_DAY,
    ARTICLE_PERIOD_END,
    GROUPS_REBUILT,
    OPEN_PROFILE_START,
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
    EntryKind,
    Group,
    InMailError,
    InvitationNoteLimit,
    Member,
    Message,
    Network,
    NoCreditsLeft,
    NotAnInMail,
    NotConnected,
    NotGroupMember,
    Plan,
    PlanCancelled,
    PlanRequired,
    PremiumRequired,
    Reaction,
    SelfConnection,
    SelfMessage,
    TimeWentBackwards,
    UnknownMember,
)

from .support import (
    LIFETIME,
    PLAN_NUMBERS,
    PLANS_FROM,
    PlanHistory,
    expected_plan_history,
    expected_refund,
    expected_stars,
    snapshot,
    statement_totals,
)

T = TypeVar("T")

NAMES = ("Anna", "Ben", "Carla", "Dora", "Erik", "Fiona", "Gina")
GROUP_NAMES = ("Recruiting DACH", "Vertrieb", "Personal")
TITLES = ("Wie schreibe ich gute InMails?", "Gehälter", "Kaltakquise")

# (name, premium, openlink, accepts_inmail, inmail_credits), valid or not (M2, M3).
MemberSpec = tuple[str, bool, bool, bool, int]
member_specs = st.tuples(
    st.sampled_from(NAMES), st.booleans(), st.booleans(), st.booleans(), st.integers(-1, 3)
)
valid_member_specs = st.builds(
    lambda name, premium, openlink, accepts, credits: (
        name,
        premium,
        premium and openlink,
        accepts,
        credits if premium else 0,
    ),
    st.sampled_from(NAMES[1:]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.integers(0, 3),
)
"""Valid members other than Anna: her companions in `cast`."""

NOTE_FROM = date(2022, 10, 20)
"""K20: the first day a source vouches for a note on an invitation."""
NOTES_PER_MONTH_FROM = date(2023, 10, 17)
"""K17: the first day a source vouches for five notes a month."""

send_offsets = st.one_of(st.integers(-2, 6), st.integers(0, 6), st.sampled_from([-20, 8, 30, 91]))
"""Days after the latest event, mostly a few; negative ones go back in time (C7)."""

reaction_offsets = st.one_of(
    st.sampled_from([-1, 0, 1, 6, 7, 8, 9, 89, 90, 91]), st.integers(0, 100)
)
"""Days after the InMail was sent: the edges of both refund windows, and anything."""


subscription_days = st.sampled_from(
    [
        PLANS_FROM - timedelta(days=1),
        PLANS_FROM,
        date(2020, 1, 31),
        date(2020, 2, 29),
        date(2021, 12, 31),
    ]
)
"""A13, A14: the edge of the plans' period, and billing days that short months clamp."""

plan_offsets = st.one_of(
    st.sampled_from([0, 1, 28, 29, 30, 31, 59, LIFETIME - 1, LIFETIME, LIFETIME + 1, 120]),
    st.integers(0, 40),
)
"""Days after the later of the latest event and the subscription: billing days and expiries."""

LIMITS = {
    "subscribe": 3,
    "add_member": 8,
    "connect": 8,
    "add_group": 4,
    "start_discussion": 4,
    "comment": 6,
    "invite": 5,
    "join": 3,
    "write_to_oneself": 2,
    "stranger_is_unknown": 2,
}
"""How often a run may take each rule that does not send or react.

Hypothesis likes to repeat one rule many times; with these limits a run builds a small network
and then spends its remaining steps on sends and reactions, where the credit rules live.
"""


def within_limit(rule_name: str) -> Callable[[NetworkMachine], bool]:
    """A precondition: the rule has been taken fewer times than its limit in this run."""
    return lambda machine: machine.used.get(rule_name, 0) < LIMITS[rule_name]


def invalid_rules(spec: MemberSpec) -> set[str]:
    """M2, M3: the fields a member spec breaks."""
    _, premium, openlink, _, credits = spec
    broken = set()
    if openlink and not premium:
        broken.add("openlink")
    if credits < 0 or (credits > 0 and not premium):
        broken.add("inmail_credits")
    return broken


@dataclass
class Mail:
    """The model's record of one sent message."""

    message: Message
    reaction: Reaction | None = None
    reacted_on: date | None = None

    @property
    def paid(self) -> bool:
        return self.message.channel is Channel.INMAIL

    @property
    def refund(self) -> date | None:
        if not self.paid:
            return None
        return expected_refund(self.message.sent_on, self.reaction, self.reacted_on)


@dataclass
class Topic:
    """The model's record of one discussion."""

    discussion: Discussion
    group: str
    participants: list[str] = field(default_factory=list)


class NetworkMachine(RuleBasedStateMachine):
    """Random members, connections, groups, discussions, invitations, sends and reactions."""

    def __init__(self) -> None:
        super().__init__()
        self.net = Network()
        self.members: dict[str, Member] = {}
        self.connections: set[frozenset[str]] = set()
        self.groups: dict[str, tuple[list[str], list[str]]] = {}  # moderators, members
        self.topics: list[Topic] = []
        self.mails: list[Mail] = []
        self.reactions: list[Mail] = []  # in the order recorded
        self.start = date(2014, 11, 1)
        self.latest: date | None = None
        self.used: dict[str, int] = {}
        self.plan_events: dict[str, list[tuple[str, date]]] = {}  # per plan member, in order
        self.plan_ends: dict[str, date] = {}  # C14, A22: the day a cancelled plan's balance ends
        self._histories: dict[tuple[str, int, date], PlanHistory] = {}

    # -- the model, from RULES.md -----------------------------------------------------------

    def connected(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.connections

    def notes_left(self, a: str, on: date) -> int | None:
        """K17, A24: a Basic sender's invitations with a note left in `on`'s calendar month."""
        if self.members[a].premium or on < NOTES_PER_MONTH_FROM:
            return None
        used = [
            mail.message.sent_on
            for mail in self.mails
            if mail.message.sender.name == a
            and mail.message.channel is Channel.INVITATION
            and on.replace(day=1) <= mail.message.sent_on <= on
        ]
        return max(5 - len(used), 0)

    def invitation_open(self, a: str, b: str, on: date) -> bool:
        """K20: to anyone not connected, from the first day a source vouches for a note."""
        return not self.connected(a, b) and on >= NOTE_FROM

    def options(self, a: str, b: str, on: date = ARTICLE_DAY) -> list[Channel]:
        """K1-K5, K10, K12, K19, K20 and A5, A10, A12, A23: the ways from a to b on `on`.

        With at most six members nobody begins 15 group conversations in a month, so the cap
        (K11) never applies here; tests/test_group_cap.py checks it.
        """
        recipient = self.members[b]
        ways = []
        if self.connected(a, b):
            ways.append(Channel.CONNECTION)
        groups = on < GROUPS_REBUILT  # A12: no group way after the 2018 rebuild
        if groups and any(b in mods and a in mems for mods, mems in self.groups.values()):
            ways.append(Channel.MODERATOR)
        if groups and any(
            a in self.groups[t.group][1] and b in t.participants for t in self.topics
        ):
            ways.append(Channel.PRIVATE_REPLY)
        fellows = groups and any(a in mems and b in mems for _, mems in self.groups.values())
        if fellows and not (set(ways) & {Channel.MODERATOR, Channel.PRIVATE_REPLY}):
            ways.append(Channel.GROUP_MEMBER)
        open_profile = on >= OPEN_PROFILE_START  # K12: the recipient must accept InMails too
        if recipient.openlink and (not open_profile or recipient.accepts_inmail):
            ways.append(Channel.OPENLINK)
        shared = any(a in mems and b in mems for _, mems in self.groups.values())
        if on >= STATUS_DAY and shared:  # K19: a message request, from the day it is vouched for
            ways.append(Channel.MESSAGE_REQUEST)
        if not self.connected(a, b) and not recipient.openlink and recipient.accepts_inmail:
            ways.append(Channel.INMAIL)
        if self.invitation_open(a, b, on) and self.notes_left(a, on) != 0:
            ways.append(Channel.INVITATION)
        return ways

    def plan_history(self, name: str, until: date) -> PlanHistory:
        """C9-C11, A14-A18: a plan member's days, simulated from the rules (cached per state)."""
        member = self.members[name]
        assert member.plan is not None
        assert member.subscribed_on is not None
        events = self.plan_events[name]
        key = (name, len(events), until)
        if key not in self._histories:
            self._histories[key] = expected_plan_history(
                member.plan.value, member.subscribed_on, events, until
            )
        return self._histories[key]

    def balance(self, name: str, day: date) -> int:
        """C6: start credits - InMails sent + refunds credited, up to and including `day`.

        On a plan: + allotments - expired - forfeited, from the simulation (C9-C11).
        """
        if name in self.plan_events:
            return self.plan_history(name, max(day, *self.days())).balance(day)
        mine = [mail for mail in self.mails if mail.paid and mail.message.sender.name == name]
        paid = sum(1 for mail in mine if mail.message.sent_on <= day)
        refunded = sum(1 for mail in mine if mail.refund is not None and mail.refund <= day)
        return self.members[name].inmail_credits - paid + refunded

    def stars(self, name: str) -> int:
        """F2, F3: over the ratings in the order of reaction dates, ties as recorded."""
        ratings = [mail for mail in self.reactions if mail.message.sender.name == name]
        ratings.sort(key=lambda mail: mail.reacted_on or date.min)
        return expected_stars([mail.reaction for mail in ratings if mail.reaction is not None])

    def days(self) -> list[date]:
        """The days to compare balances on: where they change, the day before, and later."""
        base = self.latest or self.start
        days = {self.start - timedelta(days=1), base, base + timedelta(days=8)}
        for name in self.plan_events:
            subscribed = self.members[name].subscribed_on
            assert subscribed is not None
            for offset in (-1, 0, LIFETIME, LIFETIME + 1):
                days.add(subscribed + timedelta(days=offset))
            if base >= subscribed:
                days.update({base + timedelta(days=31), base + timedelta(days=LIFETIME + 1)})
        for mail in self.mails[-6:]:
            if mail.paid:
                days.add(mail.message.sent_on)
                if mail.refund is not None:
                    days.update({mail.refund - timedelta(days=1), mail.refund})
        return sorted(days)

    def take(self, rule_name: str) -> None:
        """Count one use of a rule with a limit (see `LIMITS`)."""
        self.used[rule_name] = self.used.get(rule_name, 0) + 1

    def today(self, offset: int) -> date:
        return (self.latest or self.start) + timedelta(days=offset)

    def backwards(self, on: date) -> bool:
        return self.latest is not None and on < self.latest

    def perform(self, errors: set[type[InMailError]], action: Callable[[], T]) -> T | None:
        """Run `action`: succeed if no error applies, else raise one of them and change nothing."""
        if not errors:
            return action()
        # The clock is not probed here: the model keeps the latest date, and the next dated step
        # would fail if a refused one had moved the network's clock.
        before = snapshot(self.net, days=self.days(), clock=False)
        with pytest.raises(InMailError) as info:
            action()
        assert type(info.value) in errors, (type(info.value), errors)
        assert snapshot(self.net, days=self.days(), clock=False) == before
        event(f"refused: {info.value.code}")
        return None

    # -- rules -------------------------------------------------------------------------------

    @initialize(
        start=st.dates(date(2014, 11, 15), date(2015, 1, 10)),
        credits=st.sampled_from([4, 1, 2, 8]),
        others=st.lists(valid_member_specs, min_size=1, max_size=3, unique_by=lambda s: s[0]),
        subscriber=st.none()
        | st.tuples(
            st.sampled_from([plan for plan in Plan if plan.value in PLAN_NUMBERS]),
            subscription_days.filter(lambda day: day >= PLANS_FROM),
        ),
    )
    def cast(
        self,
        start: date,
        credits: int,
        others: list[MemberSpec],
        subscriber: tuple[Plan, date] | None,
    ) -> None:
        """Anna, Premium with some credits, one to three others, and maybe Gina on a plan."""
        self.start = start
        self.add_member(("Anna", True, False, True, credits))
        for spec in others:
            self.add_member(spec)
        if subscriber is not None:
            self.subscribe("Gina", *subscriber)

    @precondition(within_limit("subscribe"))
    @rule(name=st.sampled_from(NAMES[1:]), plan=st.sampled_from(Plan), on=subscription_days)
    def subscribe(self, name: str, plan: Plan, on: date) -> None:
        """C9, A13: a member on a plan joins; undocumented plans and early days are refused."""
        self.take("subscribe")
        broken = set()
        if not plan.documented:
            broken.add("plan")
        elif on < PLANS_FROM:
            broken.add("subscribed_on")
        if broken:
            with pytest.raises(ValidationError) as info:
                Member(name=name, plan=plan, subscribed_on=on)
            assert {error["loc"][0] for error in info.value.errors()} == broken
            return
        member = Member(name=name, plan=plan, subscribed_on=on)
        assert member.premium == (plan is not Plan.BASIC)
        errors: set[type[InMailError]] = {DuplicateName} if name in self.members else set()
        if self.perform(errors, lambda: self.net.add(member)) is not None:
            self.members[name] = member
            if plan.value in PLAN_NUMBERS:
                self.plan_events[name] = []
            event(f"subscribed: {plan.value}")

    @precondition(within_limit("add_member"))
    @rule(spec=member_specs)
    def add_member(self, spec: MemberSpec) -> None:
        """M1-M4: valid members join under a new name; invalid ones are refused by validation."""
        self.take("add_member")
        name, premium, openlink, accepts, credits = spec
        broken = invalid_rules(spec)
        if broken:
            with pytest.raises(ValidationError) as info:
                Member(
                    name=name,
                    premium=premium,
                    openlink=openlink,
                    accepts_inmail=accepts,
                    inmail_credits=credits,
                )
            assert {error["loc"][0] for error in info.value.errors()} == broken
            return
        member = Member(
            name=name,
            premium=premium,
            openlink=openlink,
            accepts_inmail=accepts,
            inmail_credits=credits,
        )
        errors: set[type[InMailError]] = {DuplicateName} if name in self.members else set()
        if self.perform(errors, lambda: self.net.add(member)) is not None:
            self.members[name] = member

    @precondition(within_limit("connect"))
    @precondition(lambda self: self.members)
    @rule(data=st.data())
    def connect(self, data: st.DataObject) -> None:
        """K1: two members connect once; not with themselves."""
        self.take("connect")
        a = data.draw(st.sampled_from(sorted(self.members)))
        b = data.draw(st.sampled_from(sorted(self.members)))
        errors: set[type[InMailError]] = set()
        if a == b:
            errors.add(SelfConnection)
        elif self.connected(a, b):
            errors.add(AlreadyConnected)
        self.perform(errors, lambda: self.net.connect(self.members[a], self.members[b]))
        if not errors:
            self.connections.add(frozenset((a, b)))

    @precondition(within_limit("add_group"))
    @precondition(lambda self: self.members)
    @rule(data=st.data(), name=st.sampled_from(GROUP_NAMES))
    def add_group(self, data: st.DataObject, name: str) -> None:
        """K2: a new group; its moderators are members too."""
        self.take("add_group")
        names = sorted(self.members)
        moderators = data.draw(st.lists(st.sampled_from(names), max_size=2))
        members = data.draw(st.lists(st.sampled_from(names), max_size=4))
        errors: set[type[InMailError]] = {DuplicateGroup} if name in self.groups else set()
        group = self.perform(
            errors,
            lambda: self.net.add_group(
                name,
                moderators=[self.members[n] for n in moderators],
                members=[self.members[n] for n in members],
            ),
        )
        if group is not None:
            mods = list(dict.fromkeys(moderators))
            everyone = list(dict.fromkeys(moderators + members))
            assert group == Group(name=name, moderators=tuple(mods), members=tuple(everyone))
            self.groups[name] = (mods, everyone)

    @precondition(within_limit("start_discussion"))
    @precondition(lambda self: self.groups)
    @rule(data=st.data(), title=st.sampled_from(TITLES))
    def start_discussion(self, data: st.DataObject, title: str) -> None:
        """K3: a group member starts a discussion; an outsider cannot."""
        self.take("start_discussion")
        group = data.draw(st.sampled_from(sorted(self.groups)))
        author = data.draw(st.sampled_from(sorted(self.members)))
        errors: set[type[InMailError]] = set()
        if author not in self.groups[group][1]:
            errors.add(NotGroupMember)
        started = self.perform(
            errors,
            lambda: self.net.start_discussion(
                self.net.group(group), author=self.members[author], title=title
            ),
        )
        if started is not None:
            self.topics.append(Topic(started, group, [author]))

    @precondition(within_limit("comment"))
    @precondition(lambda self: self.topics)
    @rule(data=st.data())
    def comment(self, data: st.DataObject) -> None:
        """K3: a group member comments; an outsider cannot."""
        self.take("comment")
        topic = data.draw(st.sampled_from(self.topics))
        commenter = data.draw(st.sampled_from(sorted(self.members)))
        errors: set[type[InMailError]] = set()
        if commenter not in self.groups[topic.group][1]:
            errors.add(NotGroupMember)
        updated = self.perform(
            errors, lambda: self.net.comment(topic.discussion, self.members[commenter])
        )
        if updated is not None:
            if commenter not in topic.participants:
                topic.participants.append(commenter)
            assert set(updated.participants) == set(topic.participants)

    @precondition(within_limit("invite"))
    @precondition(lambda self: self.groups)
    @rule(data=st.data())
    def invite(self, data: st.DataObject) -> None:
        """K9, A6: a member invites a connection, who joins at once; strangers are refused."""
        self.take("invite")
        group = data.draw(st.sampled_from(sorted(self.groups)))
        members = self.groups[group][1]
        sender = data.draw(st.sampled_from(sorted(self.members)))
        invitable = sorted(
            name for name in self.members if self.connected(sender, name) and name not in members
        )
        aim = sender in members and invitable and data.draw(st.booleans())
        recipient = data.draw(st.sampled_from(invitable if aim else sorted(self.members)))
        errors: set[type[InMailError]] = set()
        if sender == recipient:
            errors.add(SelfConnection)
        elif not self.connected(sender, recipient):
            errors.add(NotConnected)
        if sender not in members:
            errors.add(NotGroupMember)
        if recipient in members and sender != recipient:
            errors.add(AlreadyMember)
        updated = self.perform(
            errors,
            lambda: self.net.invite(
                self.members[sender], self.members[recipient], self.net.group(group)
            ),
        )
        if updated is not None:
            members.append(recipient)
            assert list(updated.members) == members

    @precondition(within_limit("join"))
    @precondition(lambda self: self.groups)
    @rule(data=st.data())
    def join(self, data: st.DataObject) -> None:
        """K2, K3: anyone joins a group on their own, once."""
        self.take("join")
        group = data.draw(st.sampled_from(sorted(self.groups)))
        name = data.draw(st.sampled_from(sorted(self.members)))
        members = self.groups[group][1]
        errors: set[type[InMailError]] = {AlreadyMember} if name in members else set()
        updated = self.perform(
            errors, lambda: self.net.join(self.members[name], self.net.group(group))
        )
        if updated is not None:
            members.append(name)
            assert list(updated.members) == members

    def check_send(self, a: str, b: str, on: date, via: Channel | None) -> None:
        """K1-K7, C1-C3, C7, F4: a message goes the way asked for or the best way, or is refused."""
        sender, recipient = self.members[a], self.members[b]
        assert [
            o.channel for o in self.net.options(sender, recipient, on=ARTICLE_DAY)
        ] == self.options(a, b, on=ARTICLE_DAY)
        ways = self.options(a, b, on)
        assert [o.channel for o in self.net.options(sender, recipient, on=on)] == ways
        on_profile = [
            w
            for w in self.options(a, b, on=ARTICLE_DAY)
            if w in (Channel.CONNECTION, Channel.OPENLINK, Channel.INMAIL)
        ]
        button = on_profile[0].label if on_profile else None
        assert self.net.profile_button(sender, recipient, on=ARTICLE_DAY) == button  # K7
        errors: set[type[InMailError]] = set()
        chosen: Channel | None = None
        notes_over = self.invitation_open(a, b, on) and self.notes_left(a, on) == 0
        if notes_over and (via is Channel.INVITATION or (via is None and not ways)):
            errors.add(InvitationNoteLimit)  # K17
        elif not ways:
            errors.add(ContactBlocked)
        elif via is not None and via not in ways:
            errors.add(ChannelUnavailable)
        elif via is not None:
            chosen = via
        else:  # A23: a Basic member passes over the InMail where another way is open (C1)
            usable = [way for way in ways if sender.premium or way is not Channel.INMAIL]
            chosen = (usable or ways)[0]
        if chosen is Channel.INMAIL:
            if not sender.premium:
                errors.add(PremiumRequired)
            elif sender.plan is None and on >= PLANS_FROM:
                errors.add(PlanRequired)  # start credits have no answer then (A13)
            elif sender.subscribed_on is not None and on < sender.subscribed_on:
                errors.add(BeforeSubscription)  # C9, A14
            elif a in self.plan_ends and self.plan_ends[a] <= on:
                errors.add(PlanCancelled)  # C14, A22
            elif self.balance(a, on) < 1:
                errors.add(NoCreditsLeft)
        if self.backwards(on):
            errors.add(TimeWentBackwards)
        stars = self.stars(a)
        message = self.perform(errors, lambda: self.net.send(sender, recipient, on=on, via=via))
        if message is None:
            return
        assert message.channel is chosen
        assert message.sent_on == on
        assert message.cost == (1 if chosen is Channel.INMAIL else 0)
        shown = chosen is Channel.INMAIL and on <= ARTICLE_PERIOD_END  # F4 vouched for until then
        assert message.sender_stars == (stars if shown else None)
        if chosen is Channel.MODERATOR:
            assert message.via is not None
            assert b in self.groups[message.via][0]
            assert a in self.groups[message.via][1]
        self.mails.append(Mail(message))
        self.latest = on
        if chosen is Channel.INMAIL and a in self.plan_events:
            self.plan_events[a].append(("inmail", on))
            event("sent: inmail on a plan")
        event(f"sent: {message.channel.value}")

    @precondition(lambda self: len(self.members) >= 2)
    @rule(data=st.data(), offset=send_offsets, via=st.none() | st.sampled_from(Channel))
    def send(self, data: st.DataObject, offset: int, via: Channel | None) -> None:
        """K1-K7: anyone writes to anyone else, by any channel or the best one."""
        a = data.draw(st.sampled_from(sorted(self.members)))
        b = data.draw(st.sampled_from(sorted(set(self.members) - {a})))
        self.check_send(a, b, self.today(offset), via)

    @precondition(lambda self: len(self.members) >= 2)
    @rule(data=st.data(), offset=send_offsets, via=st.sampled_from([None, Channel.INMAIL]))
    def send_from_premium(self, data: st.DataObject, offset: int, via: Channel | None) -> None:
        """K5, C2: a Premium member writes, preferably an InMail to someone who accepts one."""
        premium = sorted(name for name, member in self.members.items() if member.premium)
        a = data.draw(st.sampled_from(premium))
        others = sorted(set(self.members) - {a})
        reachable = [b for b in others if Channel.INMAIL in self.options(a, b, on=ARTICLE_DAY)]
        b = data.draw(st.sampled_from(reachable or others))
        self.check_send(a, b, self.today(offset), via)

    @precondition(lambda self: any(self.members[n].premium for n in self.plan_events))
    @rule(data=st.data(), offset=plan_offsets, via=st.sampled_from([None, Channel.INMAIL]))
    def send_from_plan_member(self, data: st.DataObject, offset: int, via: Channel | None) -> None:
        """C9-C11: time passes to a plan member's days, over billing days; they send an InMail."""
        names = sorted(n for n in self.plan_events if self.members[n].premium)
        a = data.draw(st.sampled_from(names))
        subscribed = self.members[a].subscribed_on
        assert subscribed is not None
        others = sorted(set(self.members) - {a})
        reachable = [b for b in others if Channel.INMAIL in self.options(a, b, on=ARTICLE_DAY)]
        b = data.draw(st.sampled_from(reachable or others))
        base = max(self.latest or self.start, subscribed)
        self.check_send(a, b, base + timedelta(days=offset), via)

    @precondition(lambda self: self.plan_events)
    @rule(data=st.data(), offset=plan_offsets, early=st.booleans())
    def cancel_plan(self, data: st.DataObject, offset: int, early: bool) -> None:
        """C14, A22: a plan member cancels; twice or before the subscription is refused."""
        name = data.draw(st.sampled_from(sorted(self.plan_events)))
        member = self.members[name]
        subscribed = member.subscribed_on
        assert subscribed is not None
        on = subscribed - timedelta(days=1) if early else self.today(offset)
        errors: set[type[InMailError]] = set()
        if self.backwards(on):
            errors.add(TimeWentBackwards)
        elif name in self.plan_ends or on < subscribed:
            errors.add(CannotCancel)
        self.perform(errors, lambda: self.net.cancel(member, on=on))
        if not errors:
            first_of_month = member.plan is Plan.SALES_NAVIGATOR_CORE
            next_first = date(on.year + on.month // 12, on.month % 12 + 1, 1)
            self.plan_ends[name] = next_first if first_of_month else on
            self.plan_events[name].append(("cancel", on))
            self.latest = on
            event("cancelled a plan")

    @precondition(
        lambda self: any(
            mail.paid and mail.reaction is None and mail.message.sender.name in self.plan_events
            for mail in self.mails
        )
    )
    @rule(data=st.data(), reaction=st.sampled_from(Reaction), offset=plan_offsets)
    def react_to_plan_inmail(self, data: st.DataObject, reaction: Reaction, offset: int) -> None:
        """C4b, A17: a reaction to a plan member's open InMail, often on day 90 or 91."""
        open_mails = [
            mail
            for mail in self.mails
            if mail.paid and mail.reaction is None and mail.message.sender.name in self.plan_events
        ]
        mail = data.draw(st.sampled_from(open_mails))
        on = mail.message.sent_on + timedelta(days=offset)
        self.check_react(mail, reaction, max(on, self.latest or on))

    def check_react(self, mail: Mail, reaction: Reaction, on: date) -> None:
        """F1, C5, C7: one reaction per InMail, not before it was sent or the latest event."""
        errors: set[type[InMailError]] = set()
        if not mail.paid:
            errors.add(NotAnInMail)
        if mail.reaction is not None:
            errors.add(AlreadyReacted)
        if on < mail.message.sent_on or self.backwards(on):
            errors.add(TimeWentBackwards)
        self.perform(errors, lambda: self.net.react(mail.message, reaction, on=on))
        if not errors:
            mail.reaction, mail.reacted_on = reaction, on
            self.reactions.append(mail)
            self.latest = on
            sender = mail.message.sender.name
            if sender in self.plan_events and mail.refund is not None:
                assert mail.refund == on  # C4b: on the day of the response
                self.plan_events[sender].append(("credit-back", on))
                event("credit-back on a plan")
            era = "C4a" if mail.message.sent_on < date(2015, 1, 1) else "C4b"
            event(f"reacted: {reaction.value} ({era})")

    @precondition(lambda self: self.mails)
    @rule(data=st.data(), reaction=st.sampled_from(Reaction), offset=reaction_offsets)
    def react(self, data: st.DataObject, reaction: Reaction, offset: int) -> None:
        """F1, C7: a reaction to any message, dated `offset` days after it was sent."""
        mail = data.draw(st.sampled_from(self.mails))
        self.check_react(mail, reaction, mail.message.sent_on + timedelta(days=offset))

    @precondition(lambda self: any(mail.paid and mail.reaction is None for mail in self.mails))
    @rule(data=st.data(), reaction=st.sampled_from(Reaction), offset=reaction_offsets)
    def react_to_open_inmail(self, data: st.DataObject, reaction: Reaction, offset: int) -> None:
        """C4, F1: a reaction to an InMail without one, on its window edges if time allows."""
        open_mails = [mail for mail in self.mails if mail.paid and mail.reaction is None]
        mail = data.draw(st.sampled_from(open_mails))
        on = mail.message.sent_on + timedelta(days=offset)
        self.check_react(mail, reaction, max(on, self.latest or on))

    @precondition(within_limit("write_to_oneself"))
    @precondition(lambda self: self.members)
    @rule(data=st.data(), offset=send_offsets)
    def write_to_oneself(self, data: st.DataObject, offset: int) -> None:
        """K8: nobody writes to themselves; nothing changes."""
        self.take("write_to_oneself")
        member = self.members[data.draw(st.sampled_from(sorted(self.members)))]
        self.perform(
            {SelfMessage, TimeWentBackwards},
            lambda: self.net.send(member, member, on=self.today(offset)),
        )

    @precondition(within_limit("stranger_is_unknown"))
    @rule(on=send_offsets)
    def stranger_is_unknown(self, on: int) -> None:
        """M1: a member who was never added cannot send; nothing changes."""
        self.take("stranger_is_unknown")
        stranger = Member(name="Zoe", premium=True, inmail_credits=3)
        target = next(iter(self.members.values()), stranger)
        self.perform({UnknownMember}, lambda: self.net.send(stranger, target, on=self.today(on)))

    # -- invariants --------------------------------------------------------------------------

    @invariant()
    def balances_follow_the_rules(self) -> None:
        """C2, C4, C6: every member's balance equals the model's, and is never negative."""
        for name, member in self.members.items():
            for day in self.days():
                if member.premium and member.plan is None and day >= PLANS_FROM:
                    with pytest.raises(PlanRequired):  # start credits have no answer (A13)
                        self.net.credits(member, on=day)
                    continue
                expected = self.balance(name, day)
                assert expected >= 0, (name, day)
                assert self.net.credits(member, on=day) == expected, (name, day)

    @invariant()
    def plan_statements_add_up(self) -> None:
        """C6: start + allotments - InMails + credit-backs - expired - forfeited, once each."""
        for name in self.plan_events:
            until = max(self.days())
            ledger = self.net.ledger(self.members[name], on=until)
            totals = statement_totals(ledger)
            expected = self.plan_history(name, until)
            assert totals == expected.totals, name
            balance = 0
            for entry in ledger:
                balance += entry.change
            assert balance == self.net.credits(self.members[name], on=until) >= 0
            debits = [e.message_id for e in ledger if e.kind is EntryKind.INMAIL]
            backs = [e.message_id for e in ledger if e.kind is EntryKind.REFUND]
            forfeits = {e.message_id for e in ledger if e.kind is EntryKind.FORFEIT} - {None}
            assert len(debits) == len(set(debits))
            assert len(backs) == len(set(backs))
            assert set(backs) <= set(debits)
            assert forfeits <= set(backs)

    @invariant()
    def stars_follow_the_rules(self) -> None:
        """F2, F3: everybody's stars equal 5 - negatives // 2 over their last 10 ratings."""
        for name, member in self.members.items():
            assert self.net.stars(member) == self.stars(name), name

    @invariant()
    def structure_matches_the_model(self) -> None:
        """M1, K1-K3: members, groups, discussions, messages and reactions are as recorded."""
        assert self.net.members == tuple(self.members.values())
        assert {g.name: (list(g.moderators), list(g.members)) for g in self.net.groups} == (
            self.groups
        )
        assert [set(d.participants) for d in self.net.discussions] == [
            set(t.participants) for t in self.topics
        ]
        assert self.net.messages == tuple(mail.message for mail in self.mails)
        assert [self.net.reaction(mail.message) for mail in self.mails] == [
            mail.reaction for mail in self.mails
        ]


TestNetwork = NetworkMachine.TestCase
"""Runs with the loaded Hypothesis profile (tests/conftest.py): examples and steps per example."""
