"""Decision tables: every answer the site's tools give, as rows computed by the library.

The tools under "Werkzeuge" answer finite questions, so each one is a table:

- `channel_cases`: per era (`periods.ERAS`), one `ChannelCase` per combination of sender,
  relation and the recipient's two settings (60), each answered by a real `Network` on the era's
  day: the profile button (K6, K7, K13), the open ways (K1-K5, K10, K12, K19, K20) and what
  `Network.send` does by default and through each way (C1, C2, K6); the ways whose start is not
  found and lies after the day (`undocumented_channels`).
- `refund_eras` and `refund_table`: which refund rule applies to which send days (C4), and per
  rule, reaction and span of reaction days whether and when the credit comes back (C4a, C4b, C5).
- `credit_eras`: per `Era` the credit rules of its day: the refund rule, and whether a credit
  (a credit-back too) expires (C4a, C4b, C8, C11, A17); `plan_timeline`: a plan's allotments,
  cap forfeits, expiries and balance over a few months (C9-C11, A14-A18).
- `star_table`: the stars for each number of negative ratings in the window (F2, F3).

Nothing here restates a rule: each row is what `Network`, `RefundPolicy` and `stars_for` answer.

Example:
    ```python
    from inmail_explained import NINETY_DAY_RULE, Reaction, refund_table, star_table

    for row in refund_table(NINETY_DAY_RULE):
        if row.reaction is Reaction.REPLY:
            print(row)
    #> Antworten, Tag 0 bis 90: Gutschrift am Tag der Reaktion
    #> Antworten, ab Tag 91: keine Gutschrift

    print([row.stars for row in star_table()])
    #> [5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0]
    ```

"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from itertools import product

from pydantic import BaseModel, ConfigDict

from .allotment import billing_day, last_billing_number
from .boundary import checked
from .channels import (
    MESSAGE_REQUEST_UNKNOWN,
    Channel,
    ChannelOption,
    channel_rule,
    channel_title,
    price_text,
    undocumented_channels,
)
from .credits import TODAY_WORDING_RULE, RefundPolicy, is_response, refund_policy
from .errors import ErrorCode, InMailError
from .example import EXAMPLE_DISCUSSION, EXAMPLE_GROUP
from .feedback import FEEDBACK_WINDOW, is_negative, stars_for
from .ids import RuleId, RuleRef
from .invitations import invitation_note
from .members import Member
from .network import Network
from .periods import ERAS, POLICY_CHANGE, STATUS_DAY, Era
from .plans import CREDIT_LIFETIME_DAYS, EXPIRY_BILLING_PERIODS, EXPIRY_RULE, CreditExpiry, Plan
from .reactions import Reaction
from .records import EntryKind
from .rules import in_force, rule, rule_holds

CASE_SEND_DAY = date(2014, 3, 1)
"""The send day the refund tables count their days from (a day of the article's period)."""

_FROZEN = ConfigDict(frozen=True)


PLAN_SENDER = Plan.PREMIUM_CAREER
"""The plan of a Premium sender in a channel case from 1 May 2019 on (C9, A13)."""

PLAN_RULE: RuleId = "C9"
"""From the first day this rule holds, a Premium sender of a channel case is on a plan (A13)."""

SPENT_ON = "C"
"""The member a channel case's Premium sender without credits sent the allotment to (C2, C9)."""


class SenderKind(Enum):
    """The sender's account in a channel case: Basic, Premium without or with a credit (C1, C2)."""

    BASIC = "basic"
    PREMIUM_NO_CREDITS = "premium-no-credits"
    PREMIUM = "premium"

    def member(self, name: str, on: date | None = None) -> Member:
        """A member with this account on day `on` (M3, A13).

        Up to 30 April 2019 (and without `on`), Premium ones have start credits, 0 or 1. From
        1 May 2019, where start credits have no answer, they are on Premium Career since `on`
        (`PLAN_SENDER`); `case_network` spends the allotment of the one without credits.
        """
        premium = self is not SenderKind.BASIC
        if premium and on is not None and rule_holds(PLAN_RULE, on):
            return Member(name=name, plan=PLAN_SENDER, subscribed_on=on)
        credits = 1 if self is SenderKind.PREMIUM else 0
        return Member(name=name, premium=premium, inmail_credits=credits)


class Relation(Enum):
    """How the sender is related to the recipient in a channel case (K1, K2, K3, K10, K5)."""

    CONNECTION = "connection"
    SAME_GROUP = "same-group"
    MODERATOR = "moderator"
    DISCUSSION = "discussion"
    STRANGER = "stranger"


_NO_GROUP = (Relation.CONNECTION, Relation.STRANGER)
"""The relations in which sender and recipient share no group (`case_network`)."""


class Sent(BaseModel):
    """`Network.send` succeeded: the channel it took, its rule and title that day, its cost."""

    model_config = _FROZEN

    channel: Channel
    cost: int
    rule: RuleId
    title: str

    @property
    def price(self) -> str:
        """The cost in words, as `ChannelOption.price` writes it."""
        return price_text(self.cost)


class Refused(BaseModel):
    """`Network.send` refused: the error's code, German message and the IDs it cites."""

    model_config = _FROZEN

    code: ErrorCode
    message: str
    rules: tuple[RuleRef, ...] = ()


SendOutcome = Sent | Refused
"""What one call of `Network.send` did."""


class Way(BaseModel):
    """One open way (`Network.options`), what sending through it does (``via=``), and a remark.

    The remark gives the invitation's note limits (`invitation_note`, K16, K17, K21) and what is
    not known about the message request (K19), with the rules it cites (`remark_rules`); ``None``
    for the other ways.
    """

    model_config = _FROZEN

    option: ChannelOption
    send: SendOutcome
    remark: str | None = None
    remark_rules: tuple[RuleId, ...] = ()


def _way(option: ChannelOption, send: SendOutcome, sender: Member, on: date) -> Way:
    """The way with what its row adds: the note's limits (K20) or what is unknown (K19)."""
    if option.channel is Channel.INVITATION:
        note = invitation_note(sender, on=on)
        rules = (note.chars.rule, note.per_month.rule)
        return Way(option=option, send=send, remark=str(note), remark_rules=rules)
    if option.channel is Channel.MESSAGE_REQUEST:
        unknown = (option.channel.rule,)
        return Way(option=option, send=send, remark=MESSAGE_REQUEST_UNKNOWN, remark_rules=unknown)
    return Way(option=option, send=send)


class ChannelCase(BaseModel):
    """The answers for one combination of sender, relation and the recipient's settings.

    Attributes:
        era: The day the case is answered for.
        sender: The sender's account.
        relation: How the sender is related to the recipient.
        openlink: The recipient has OpenLink (later Open Profile) switched on (and Premium, M2).
        accepts_inmail: The recipient's contact setting (K5, K6).
        profile: The way behind the one button on the recipient's profile, or ``None`` (K6, K7).
        button: That button's label, or ``None``: no button, or its label is not documented
            for the era's day (K13; then `profile` is set).
        ways: The open ways in order of preference, each with the outcome of sending through it.
        default: What `Network.send` without ``via`` does (the first open way).
        unknown: The ways whose facts fit but whose start the sources do not give, on a day
            before the first they vouch for (K19, K20): neither offered nor refused.

    """

    model_config = _FROZEN

    era: Era
    sender: SenderKind
    relation: Relation
    openlink: bool
    accepts_inmail: bool
    profile: ChannelOption | None
    button: str | None
    ways: tuple[Way, ...]
    default: SendOutcome
    unknown: tuple[Channel, ...] = ()


def case_network(
    sender: SenderKind,
    relation: Relation,
    *,
    openlink: bool,
    accepts_inmail: bool,
    on: date | None = None,
) -> tuple[Network, Member, Member]:
    """A fresh network with sender A and recipient B related as given, for day `on`.

    From 1 May 2019 a Premium sender is on a plan (`SenderKind.member`); the one without credits
    has spent the allotment on InMails to `SPENT_ON` that day (C2, C9).

    Example:
        ```python
        from inmail_explained import ARTICLE_DAY, Relation, SenderKind, case_network

        net, a, b = case_network(
            SenderKind.BASIC, Relation.MODERATOR, openlink=False, accepts_inmail=True
        )
        for option in net.options(a, b, on=ARTICLE_DAY):
            print(option.rule, option.via, option.cost)
        #> K2 Recruiting DACH 0
        #> K5 None 1
        ```

    """
    net = Network()
    a = net.add(sender.member("A", on))
    recipient = Member(name="B", premium=openlink, openlink=openlink, accepts_inmail=accepts_inmail)
    b = net.add(recipient)
    if sender is SenderKind.PREMIUM_NO_CREDITS and on is not None and a.plan is not None:
        spent = net.add(Member(name=SPENT_ON))
        for _ in range(net.credits(a, on=on)):
            net.send(a, spent, on=on)
    if relation is Relation.CONNECTION:
        net.connect(a, b)
    elif relation is Relation.MODERATOR:
        net.add_group(EXAMPLE_GROUP, moderators=[b], members=[a])
    elif relation is not Relation.STRANGER:
        group = net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
        if relation is Relation.DISCUSSION:
            net.start_discussion(group, author=b, title=EXAMPLE_DISCUSSION)
    return net, a, b


def _send(
    sender: SenderKind,
    relation: Relation,
    openlink: bool,
    accepts: bool,
    via: Channel | None,
    on: date,
) -> SendOutcome:
    """Send from A to B on day `on` in a fresh network, by default or through `via`."""
    net, a, b = case_network(sender, relation, openlink=openlink, accepts_inmail=accepts, on=on)
    try:
        mail = net.send(a, b, on=on, via=via)
    except InMailError as error:
        return Refused(code=error.code, message=error.message, rules=error.rules)
    return Sent(
        channel=mail.channel,
        cost=mail.cost,
        rule=channel_rule(mail.channel, on),
        title=channel_title(mail.channel, on),
    )


def channel_cases(era: Era = ERAS[-1]) -> tuple[ChannelCase, ...]:
    """Every combination the Kanal-Finder offers for an era, answered by a real network each.

    Each case is asked on the era's day (K1-K13, C1, C2); the default is today (`STATUS_DAY`).
    Order: sender, relation, OpenLink on before off, accepts InMails before not.

    Example:
        ```python
        from inmail_explained import ERAS, Relation, SenderKind, channel_cases

        cases = channel_cases(ERAS[0])  # zur Zeit des Artikels
        print(len(cases))
        #> 60
        case = next(
            case
            for case in cases
            if case.sender is SenderKind.BASIC
            and case.relation is Relation.STRANGER
            and not case.openlink
            and case.accepts_inmail
        )
        print(case.button, [str(way.option) for way in case.ways])
        #> InMail senden ['K5 InMail: „InMail senden“, 1 InMail-Guthaben']
        print(case.default.code)
        #> premium-required
        today = channel_cases()
        print(today[0].era.key, today[0].profile, today[0].button)
        #> heute K1 Nachricht an einen Kontakt: Beschriftung nicht belegt, kostenlos None
        ```

    """
    cases: list[ChannelCase] = []
    for sender, relation, openlink, accepts in product(
        SenderKind, Relation, (True, False), (True, False)
    ):
        net, a, b = case_network(
            sender, relation, openlink=openlink, accepts_inmail=accepts, on=era.day
        )
        facts = (sender, relation, openlink, accepts)
        ways = tuple(
            _way(option, _send(*facts, option.channel, era.day), a, era.day)
            for option in net.options(a, b, on=era.day)
        )
        unknown = undocumented_channels(
            connected=relation is Relation.CONNECTION,
            fellow_group=None if relation in _NO_GROUP else EXAMPLE_GROUP,
            on=era.day,
        )
        profile = net.profile_option(a, b, on=era.day)
        cases.append(
            ChannelCase(
                era=era,
                sender=sender,
                relation=relation,
                openlink=openlink,
                accepts_inmail=accepts,
                profile=profile,
                button=None if profile is None else profile.label,
                ways=ways,
                default=_send(*facts, None, era.day),
                unknown=tuple(unknown),
            )
        )
    return tuple(cases)


# -- refunds -------------------------------------------------------------------------------------


class RefundEra(BaseModel):
    """The send days one refund rule applies to (C4).

    Attributes:
        policy: The rule.
        first_day: The first send day, or ``None`` for "since ever".
        last_day: The last send day, or ``None`` for "from then on".

    """

    model_config = _FROZEN

    policy: RefundPolicy
    first_day: date | None
    last_day: date | None


def refund_eras() -> tuple[RefundEra, ...]:
    """The two refund eras, split at `POLICY_CHANGE`, each with the rule `refund_policy` names.

    Example:
        ```python
        from inmail_explained import refund_eras

        for era in refund_eras():
            print(era.policy.rule, era.first_day, era.last_day)
        #> C4a None 2014-12-31
        #> C4b 2015-01-01 None
        ```

    """
    last_old = POLICY_CHANGE - timedelta(days=1)
    return (
        RefundEra(policy=refund_policy(last_old), first_day=None, last_day=last_old),
        RefundEra(policy=refund_policy(POLICY_CHANGE), first_day=POLICY_CHANGE, last_day=None),
    )


class RefundKind(Enum):
    """When the credit comes back in a `RefundRow`."""

    DAY_OFFSET = "day-offset"
    """On a fixed day after sending (`RefundRow.refund_day`)."""
    ON_REACTION_DAY = "on-reaction-day"
    """On the day of the reaction."""
    NONE = "none"
    """Not at all."""


class RefundRow(BaseModel):
    """One row of a refund table: a reaction on any day of a span, and what follows.

    Attributes:
        reaction: The reaction, or ``None`` for no reaction at all.
        first_day: The first reaction day of the span, counted from the send day (0).
        last_day: The last one, or ``None`` for "and every later day".
        counts_as_response: Whether the reaction is a response (C5).
        in_time: Whether it is a response within the rule's window (C4).
        refund: When the credit comes back.
        refund_day: The day after sending, for `RefundKind.DAY_OFFSET`; else ``None``.

    """

    model_config = _FROZEN

    reaction: Reaction | None
    first_day: int
    last_day: int | None
    counts_as_response: bool
    in_time: bool
    refund: RefundKind
    refund_day: int | None = None

    def covers(self, day: int) -> bool:
        """Whether a reaction on `day` after sending falls into this row."""
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)

    def __str__(self) -> str:
        what = "keine Reaktion" if self.reaction is None else self.reaction.label
        if self.reaction is None:
            days = ""
        elif self.last_day is None:
            days = f", ab Tag {self.first_day}"
        elif self.last_day == self.first_day:
            days = f", Tag {self.first_day}"
        else:
            days = f", Tag {self.first_day} bis {self.last_day}"
        if self.refund is RefundKind.NONE:
            refund = "keine Gutschrift"
        elif self.refund is RefundKind.ON_REACTION_DAY:
            refund = "Gutschrift am Tag der Reaktion"
        else:
            refund = f"Gutschrift am Tag {self.refund_day} nach dem Versand"
        return f"{what}{days}: {refund}"


def _refund_offset(policy: RefundPolicy, reaction: Reaction, day: int) -> int | None:
    """The refund's day after sending for a reaction on `day`, from `policy` (C4)."""
    refund = policy.refund_on(CASE_SEND_DAY, reaction, CASE_SEND_DAY + timedelta(days=day))
    return None if refund is None else (refund - CASE_SEND_DAY).days


def _fits(row: RefundRow, day: int, offset: int | None) -> bool:
    """Whether a refund on day `offset` for a reaction on `day` gives the answer of `row`."""
    if row.refund is RefundKind.ON_REACTION_DAY:
        return offset == day
    return offset == row.refund_day


def _reaction_rows(policy: RefundPolicy, reaction: Reaction) -> list[RefundRow]:
    """Reaction days 0 to one past the window, grouped into rows with the same answer."""
    limit = policy.window_days + 1
    offsets = [_refund_offset(policy, reaction, day) for day in range(limit + 2)]
    rows: list[RefundRow] = []
    for day in range(limit + 1):
        offset = offsets[day]
        in_time = policy.responded_in_time(
            CASE_SEND_DAY, reaction, CASE_SEND_DAY + timedelta(days=day)
        )
        if rows and rows[-1].in_time == in_time and _fits(rows[-1], day, offset):
            rows[-1] = rows[-1].model_copy(update={"last_day": day})
            continue
        if offset is None:
            kind, refund_day = RefundKind.NONE, None
        elif offset == day and offsets[day + 1] == day + 1:
            kind, refund_day = RefundKind.ON_REACTION_DAY, None
        else:
            kind, refund_day = RefundKind.DAY_OFFSET, offset
        rows.append(
            RefundRow(
                reaction=reaction,
                first_day=day,
                last_day=day,
                counts_as_response=is_response(reaction),
                in_time=in_time,
                refund=kind,
                refund_day=refund_day,
            )
        )
    rows[-1] = rows[-1].model_copy(update={"last_day": None})
    return rows


def refund_table(policy: RefundPolicy) -> tuple[RefundRow, ...]:
    """Whether and when the credit comes back under `policy`, per reaction and span of days.

    The first row is "no reaction"; then, per reaction in the order of `Reaction`, the reaction
    days from 0 on, grouped where the answer is the same. The last row of each reaction holds for
    every later day. The answers come from `RefundPolicy.refund_on` and
    `RefundPolicy.responded_in_time` (C4a, C4b, C5).

    Example:
        ```python
        from inmail_explained import ANSWER_GUARANTEE, refund_table

        for row in refund_table(ANSWER_GUARANTEE):
            print(row)
        #> keine Reaktion: Gutschrift am Tag 8 nach dem Versand
        #> Antworten, Tag 0 bis 7: keine Gutschrift
        #> Antworten, ab Tag 8: Gutschrift am Tag 8 nach dem Versand
        #> Kein Interesse, Tag 0 bis 7: keine Gutschrift
        #> Kein Interesse, ab Tag 8: Gutschrift am Tag 8 nach dem Versand
        #> Spam, ab Tag 0: Gutschrift am Tag 8 nach dem Versand
        ```

    """
    refund = policy.refund_on(CASE_SEND_DAY)
    refund_day = None if refund is None else (refund - CASE_SEND_DAY).days
    no_reaction = RefundRow(
        reaction=None,
        first_day=0,
        last_day=None,
        counts_as_response=False,
        in_time=False,
        refund=RefundKind.NONE if refund_day is None else RefundKind.DAY_OFFSET,
        refund_day=refund_day,
    )
    return (no_reaction, *(row for r in Reaction for row in _reaction_rows(policy, r)))


# -- credits by era and plans today ------------------------------------------------------------


class CreditEra(BaseModel):
    """The credit rules of one `Era`'s day, and the send days that share them (C4, C8, C11).

    Attributes:
        era: The era (key, German title, day).
        first_day: The first send day with the same credit rules, or ``None`` for "since ever".
        last_day: The last one, or ``None`` for "from then on".
        policy: The refund rule for InMails sent then (C4a or C4b).
        rules: The credit rules that apply, in order: the refund rule, C8 and C11 where in force.
        expiry_days: A credit-back can be used this many days after it came, on Premium and
            Sales Navigator (C11, A15, A17; an allotment until the third billing day after, A20,
            and on Recruiter nothing expires, C15); ``None`` where credits do not expire.

    """

    model_config = _FROZEN

    era: Era
    first_day: date | None
    last_day: date | None
    policy: RefundPolicy
    rules: tuple[RuleId, ...]
    expiry_days: int | None

    def covers(self, day: date) -> bool:
        """Whether an InMail sent on `day` falls under these rules."""
        return (self.first_day is None or self.first_day <= day) and (
            self.last_day is None or day <= self.last_day
        )


@checked
def expiry_applies(day: date) -> bool:
    """Whether credits that come on `day`, credit-backs too, expire (C11, A13, A17)."""
    return in_force(EXPIRY_RULE, day)


def _credit_rules(day: date) -> tuple[RefundPolicy, tuple[RuleId, ...], int | None]:
    policy = refund_policy(day)
    extra = tuple(r for r in (TODAY_WORDING_RULE, EXPIRY_RULE) if in_force(r, day))
    expires = CREDIT_LIFETIME_DAYS if expiry_applies(day) else None
    return policy, (policy.rule, *extra), expires


def credit_eras() -> tuple[CreditEra, ...]:
    """Per `ERAS` entry the credit rules of its day, and the span of send days sharing them.

    The spans meet where a credit rule begins: at `POLICY_CHANGE` (C4a to C4b), where the
    sources begin to vouch for expiry (C11, A13) and for today's wording (C8). Send days between
    2019 and the status day belong to no era: there C4b and C11 apply (`expiry_applies`).

    Example:
        ```python
        from inmail_explained import credit_eras

        for era in credit_eras():
            print(era.era.key, era.first_day, era.last_day, era.rules, era.expiry_days)
        #> artikel None 2014-12-31 ('C4a',) None
        #> 2015 2015-01-01 2019-04-30 ('C4b',) None
        #> heute 2026-12-01 None ('C4b', 'C8', 'C11') 90
        ```

    """
    starts = sorted(
        {POLICY_CHANGE, *(d for r in (EXPIRY_RULE, TODAY_WORDING_RULE) if (d := rule(r).first_day))}
    )
    eras: list[CreditEra] = []
    for era in ERAS:
        before = [day for day in starts if day <= era.day]
        after = [day for day in starts if day > era.day]
        first = before[-1] if before else None
        last = after[0] - timedelta(days=1) if after else None
        policy, rules, expires = _credit_rules(era.day)
        eras.append(
            CreditEra(
                era=era,
                first_day=first,
                last_day=last,
                policy=policy,
                rules=rules,
                expiry_days=expires,
            )
        )
    return tuple(eras)


class PlanDay(BaseModel):
    """One day of a plan's timeline on which its credits change (C9-C11, C15).

    Attributes:
        on: The day.
        granted: The monthly allotment that came (C9), else 0.
        forfeited: What would have gone above the cap (C10, C15, A18), else 0.
        expired: What was left of the allotment three billing days before (C11, A20), else 0.
        balance: The credits at the end of the day.
        usable_until: The last day the credits kept on this day can be used, if any came and
            they expire (the day before the third billing day after, A20; ``None`` on Recruiter
            and Recruiter Lite, whose credits roll over, C15).

    """

    model_config = _FROZEN

    on: date
    granted: int
    forfeited: int
    expired: int
    balance: int
    usable_until: date | None


_TIMELINE_KINDS = {
    EntryKind.ALLOTMENT: "granted",
    EntryKind.FORFEIT: "forfeited",
    EntryKind.EXPIRY: "expired",
}
"""The statement lines of a plan's timeline and the column each one adds to."""


@checked
def plan_timeline(plan: Plan, start: date = STATUS_DAY, months: int = 6) -> tuple[PlanDay, ...]:
    """A plan's first `months` billing months from `start`, without any InMail (C9-C11, C15).

    Without `start` and `months`: half a year from the status day (`STATUS_DAY`).

    Every day on which an allotment comes or credits expire, up to the end of the last month,
    as `Network.ledger` and `Network.credits` show it for a member subscribed on `start`.

    Example:
        ```python
        from datetime import date

        from inmail_explained import Plan, plan_timeline

        for day in plan_timeline(Plan.PREMIUM_CAREER, date(2026, 12, 1), 4):
            print(day.on, day.granted, day.forfeited, day.expired, day.balance)
        #> 2026-12-01 5 0 0 5
        #> 2027-01-01 5 0 0 10
        #> 2027-02-01 5 0 0 15
        #> 2027-03-01 5 0 5 15
        ```

    """
    net = Network()
    member = net.add(Member(name="Abo", plan=plan, subscribed_on=start))
    end = timeline_end(start, months)
    days: dict[date, dict[str, int]] = {}
    for entry in net.ledger(member, on=end):  # a member who never sends: only these three kinds
        kinds = days.setdefault(entry.on, dict.fromkeys(_TIMELINE_KINDS.values(), 0))
        kinds[_TIMELINE_KINDS[entry.kind]] += abs(entry.change)
    rows = []
    for on, kinds in sorted(days.items()):
        kept = kinds["granted"] - kinds["forfeited"]
        gone = _allotment_gone(plan, start, on) if kept else None
        rows.append(
            PlanDay(
                on=on,
                balance=net.credits(member, on=on),
                usable_until=None if gone is None else gone - timedelta(days=1),
                **kinds,
            )
        )
    return tuple(rows)


def _allotment_gone(plan: Plan, start: date, on: date) -> date | None:
    """The day the allotment of billing day `on` is gone (A20), ``None`` if it rolls over (C15)."""
    if plan.expiry is CreditExpiry.ROLLOVER:
        return None
    number = last_billing_number(plan, start, on)
    return billing_day(plan, start, number + EXPIRY_BILLING_PERIODS)


def timeline_end(start: date, months: int = 6) -> date:
    """The last day `plan_timeline(plan, start, months)` covers.

    That is the day before the first day of the month `months` months after `start`'s month.

    Example:
        ```python
        from datetime import date

        from inmail_explained.tables import timeline_end

        print(timeline_end(date(2026, 12, 1)))
        #> 2027-05-31
        ```
    """
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1) - timedelta(days=1)


# -- stars ---------------------------------------------------------------------------------------


class StarRow(BaseModel):
    """The stars for a number of negative ratings among the last `FEEDBACK_WINDOW` (F2, F3)."""

    model_config = _FROZEN

    negatives: int
    stars: int


def star_table() -> tuple[StarRow, ...]:
    """Stars for 0 to `FEEDBACK_WINDOW` negative ratings in a full window, from `stars_for`.

    Example:
        ```python
        from inmail_explained import star_table

        for row in star_table()[:3]:
            print(row)
        #> negatives=0 stars=5
        #> negatives=1 stars=5
        #> negatives=2 stars=4
        ```

    """
    negative = next(reaction for reaction in Reaction if is_negative(reaction))
    positive = next(reaction for reaction in Reaction if not is_negative(reaction))
    return tuple(
        StarRow(
            negatives=count,
            stars=stars_for([negative] * count + [positive] * (FEEDBACK_WINDOW - count)),
        )
        for count in range(FEEDBACK_WINDOW + 1)
    )
