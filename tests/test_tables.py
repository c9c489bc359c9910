"""The decision tables (inmail_explained.tables) agree with the library and with the rules.

The properties here are the checks the tools' build used to run: the eras are where
`refund_policy` changes, a refund row's answer does not depend on the send day within an era and
holds for every later day, and only the negatives in the window decide the stars. The expected
refunds and stars come from tests/support.py, which writes the rules down again from RULES.md.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import pairwise, product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inmail_explained import (
    ANSWER_GUARANTEE,
    ERAS,
    FEEDBACK_WINDOW,
    LATEST_SUBSCRIPTION,
    LINKEDIN_LAUNCH,
    NINETY_DAY_RULE,
    PLANS_ATTESTED_FROM,
    Channel,
    ChannelCase,
    Era,
    InMailError,
    Member,
    Network,
    NotDocumented,
    Plan,
    Reaction,
    RefundKind,
    RefundPolicy,
    RefundRow,
    Refused,
    Relation,
    SenderKind,
    Sent,
    case_network,
    channel_cases,
    credit_eras,
    is_negative,
    plan_timeline,
    refund_eras,
    refund_policy,
    refund_table,
    star_table,
    stars_for,
)
from tests.support import (
    NEGATIVES,
    OLD_CREDIT_DAY,
    OLD_WINDOW,
    ROLLOVER,
    SWITCH,
    WINDOW,
    expected_billing_days,
    expected_plan_history,
    expected_refund,
    expected_stars,
)

send_days = st.dates(LINKEDIN_LAUNCH, date(2030, 12, 31))
reactions = st.sampled_from(Reaction)

# -- channel cases -------------------------------------------------------------------------------

CASES = [case for era in ERAS for case in channel_cases(era)]


def test_channel_cases_cover_every_era_and_combination_once() -> None:
    keys = [(c.era, c.sender, c.relation, c.openlink, c.accepts_inmail) for c in CASES]
    assert keys == list(product(ERAS, SenderKind, Relation, (True, False), (True, False)))
    assert len(set(keys)) == 3 * 60
    assert [e.key for e in ERAS] == ["artikel", "2015", "heute"]


def test_undated_channel_cases_are_todays() -> None:
    """A8: without an era the cases are today's."""
    assert channel_cases() == channel_cases(ERAS[-1])


def _era_case(key: str, sender: SenderKind, relation: Relation, openlink: bool) -> ChannelCase:
    return next(
        c
        for c in CASES
        if (c.era.key, c.sender, c.relation, c.openlink, c.accepts_inmail)
        == (key, sender, relation, openlink, True)
    )


def test_same_group_opens_the_member_list_until_the_rebuild() -> None:
    """K10, A12, K19, K20: the member list in 2013 and 2015; today the message request.

    And today the invitation with a note, after the InMail (A23).
    """
    rules = {
        key: [
            w.option.rule for w in _era_case(key, SenderKind.BASIC, Relation.SAME_GROUP, False).ways
        ]
        for key in ("artikel", "2015", "heute")
    }
    assert rules == {
        "artikel": ["K10", "K5"],
        "2015": ["K10", "K5"],
        "heute": ["K19", "K5", "K20"],
    }


def test_openlink_becomes_open_profile_and_labels_end() -> None:
    """K4, K12, K13: 2013 "OpenLink-Nachricht" behind "InMail senden"; later no documented label."""
    article = _era_case("artikel", SenderKind.BASIC, Relation.STRANGER, True)
    assert (article.button, article.ways[0].option.rule) == ("InMail senden", "K4")
    for key in ("2015", "heute"):
        case = _era_case(key, SenderKind.BASIC, Relation.STRANGER, True)
        assert case.button is None
        assert case.profile is not None
        assert (case.profile.rule, case.profile.title) == ("K12", "Open-Profile-Nachricht")
        assert isinstance(case.default, Sent)
        assert (case.default.rule, case.default.title) == ("K12", "Open-Profile-Nachricht")


def test_no_group_way_today() -> None:
    """A12: today no case offers a way through a group."""
    for case in CASES:
        group_ways = [w for w in case.ways if w.option.channel.group_route]
        assert (case.era.key == "heute") <= (group_ways == [])


@pytest.mark.parametrize("sender", SenderKind)
def test_sender_kinds_are_the_accounts_they_name(sender: SenderKind) -> None:
    member = sender.member("A")
    assert member.premium == (sender is not SenderKind.BASIC)
    assert member.inmail_credits == (1 if sender is SenderKind.PREMIUM else 0)


@pytest.mark.parametrize("relation", Relation)
def test_case_network_builds_the_relation(relation: Relation) -> None:
    net, a, b = case_network(SenderKind.BASIC, relation, openlink=False, accepts_inmail=False)
    assert net.connected(a, b) == (relation is Relation.CONNECTION)
    moderated = [g for g in net.groups if b.name in g.moderators and a.name in g.members]
    assert bool(moderated) == (relation is Relation.MODERATOR)
    shared = [g for g in net.groups if {a.name, b.name} <= set(g.members)]
    assert bool(shared) == (
        relation is not Relation.CONNECTION and relation is not Relation.STRANGER
    )
    assert [d.author for d in net.discussions] == (
        [b.name] if relation is Relation.DISCUSSION else []
    )


def _outcome(
    era: Era, case_args: tuple[SenderKind, Relation, bool, bool], via: Channel | None
) -> object:
    """Send in a fresh network on the era's day as a reader would, and describe the outcome."""
    sender, relation, openlink, accepts = case_args
    net, a, b = case_network(
        sender, relation, openlink=openlink, accepts_inmail=accepts, on=era.day
    )
    before = net.credits(a, on=era.day)
    try:
        mail = net.send(a, b, on=era.day, via=via)
    except InMailError as error:
        return ("refused", error.code, error.message)
    assert net.credits(a, on=mail.sent_on) == before - mail.cost
    option = next(o for o in net.options(a, b, on=era.day) if o.channel is mail.channel)
    return ("sent", mail.channel, mail.cost, option.rule, option.title)


def _described(outcome: Sent | Refused) -> object:
    if isinstance(outcome, Refused):
        return ("refused", outcome.code, outcome.message)
    assert outcome.price == ("kostenlos" if outcome.cost == 0 else "1 InMail-Guthaben")
    return ("sent", outcome.channel, outcome.cost, outcome.rule, outcome.title)


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=lambda c: f"{c.era.key}-{c.sender.value}-{c.relation.value}-{c.openlink}",
)
def test_channel_case_is_what_the_network_does(case: ChannelCase) -> None:
    """Button, ways and sending through each way, as the network says on the era's day."""
    args = (case.sender, case.relation, case.openlink, case.accepts_inmail)
    day = case.era.day
    net, a, b = case_network(*args[:2], openlink=args[2], accepts_inmail=args[3], on=day)
    assert case.profile == net.profile_option(a, b, on=day)
    if case.profile is None or case.profile.label is not None:
        assert case.button == net.profile_button(a, b, on=day)
    else:
        assert case.button is None
        with pytest.raises(NotDocumented):
            net.profile_button(a, b, on=day)
    assert [way.option for way in case.ways] == net.options(a, b, on=day)
    assert _described(case.default) == _outcome(case.era, args, None)
    for way in case.ways:
        assert _described(way.send) == _outcome(case.era, args, way.option.channel)


def test_channel_cases_know_each_refusal() -> None:
    """The Kanal-Finder's refusals, each with one message per era; today nobody is blocked (K20).

    A stranger can always be invited with a note today, so `contact-blocked` stays in the past.
    """
    messages: dict[tuple[str, str], set[str]] = {}
    for case in CASES:
        for outcome in [case.default, *(way.send for way in case.ways)]:
            if isinstance(outcome, Refused):
                messages.setdefault((case.era.key, outcome.code), set()).add(outcome.message)
    codes = {"premium-required", "no-credits-left", "contact-blocked"}
    expected = set(product([era.key for era in ERAS], codes)) - {("heute", "contact-blocked")}
    assert set(messages) == expected
    assert all(len(texts) == 1 for texts in messages.values())


# -- refund eras and tables ----------------------------------------------------------------------


def test_eras_meet_at_the_switch() -> None:
    old, new = refund_eras()
    assert (old.first_day, old.last_day, new.first_day, new.last_day) == (
        None,
        SWITCH - timedelta(days=1),
        SWITCH,
        None,
    )
    assert (old.policy, new.policy) == (ANSWER_GUARANTEE, NINETY_DAY_RULE)


@given(send_days)
def test_every_day_lies_in_the_era_of_its_rule(day: date) -> None:
    """Probing days: the era that covers a day has the rule `refund_policy` gives for it."""
    covering = [
        era
        for era in refund_eras()
        if (era.first_day is None or era.first_day <= day)
        and (era.last_day is None or day <= era.last_day)
    ]
    assert [era.policy for era in covering] == [refund_policy(day)]


def _row(policy_rows: tuple[RefundRow, ...], reaction: Reaction | None, day: int) -> RefundRow:
    """The one row for a reaction on `day` (``None``: no reaction)."""
    rows = [row for row in policy_rows if row.reaction is reaction and row.covers(day)]
    assert len(rows) == 1, (reaction, day, rows)
    return rows[0]


@given(send_days, st.one_of(st.none(), reactions), st.integers(0, 3_000))
def test_refund_row_is_the_networks_answer_on_any_send_day(
    sent: date, reaction: Reaction | None, day: int
) -> None:
    """Any send day of an era, any reaction day (far beyond the window): row = ledger."""
    row = _row(refund_table(refund_policy(sent)), reaction, day)
    net = Network()
    if sent < PLANS_ATTESTED_FROM:  # start credits, as in the article (A13)
        anna = net.add(Member(name="Anna", premium=True, inmail_credits=3))
    else:
        first = min(sent, LATEST_SUBSCRIPTION)  # the latest first billing day (A19)
        anna = net.add(Member(name="Anna", plan=Plan.PREMIUM_CAREER, subscribed_on=first))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=sent)
    reacted_on = None if reaction is None else sent + timedelta(days=day)
    if reaction is not None and reacted_on is not None:
        net.react(mail, reaction, on=reacted_on)
    if row.refund is RefundKind.NONE:
        shown = None
    elif row.refund is RefundKind.ON_REACTION_DAY:
        shown = reacted_on
    else:
        assert row.refund_day is not None
        shown = sent + timedelta(days=row.refund_day)
    assert shown == net.refund_on(mail) == expected_refund(sent, reaction, reacted_on)
    responses = (Reaction.REPLY, Reaction.NOT_INTERESTED)  # C5, A2
    assert row.counts_as_response == (reaction in responses)
    assert row.in_time == refund_policy(sent).responded_in_time(sent, reaction, reacted_on)


@pytest.mark.parametrize("policy", [ANSWER_GUARANTEE, NINETY_DAY_RULE])
def test_refund_rows_cover_every_day_once(policy: RefundPolicy) -> None:
    rows = refund_table(policy)
    assert rows[0].reaction is None
    for reaction in Reaction:
        spans = [(row.first_day, row.last_day) for row in rows if row.reaction is reaction]
        assert spans[0][0] == 0
        assert spans[-1][1] is None
        for (_, last), (first, _) in pairwise(spans):
            assert last is not None
            assert first == last + 1


def test_old_rule_table_reads_like_the_rule() -> None:
    """C4a: a response up to day 7 keeps the credit spent; otherwise it is back on day 8."""
    rows = refund_table(ANSWER_GUARANTEE)
    reply = [row for row in rows if row.reaction is Reaction.REPLY]
    assert [(row.first_day, row.last_day, row.refund, row.refund_day) for row in reply] == [
        (0, OLD_WINDOW, RefundKind.NONE, None),
        (OLD_WINDOW + 1, None, RefundKind.DAY_OFFSET, OLD_CREDIT_DAY),
    ]


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (
            RefundRow(
                reaction=Reaction.SPAM,
                first_day=3,
                last_day=3,
                counts_as_response=False,
                in_time=False,
                refund=RefundKind.DAY_OFFSET,
                refund_day=8,
            ),
            "Spam, Tag 3: Gutschrift am Tag 8 nach dem Versand",
        ),
        (
            RefundRow(
                reaction=Reaction.REPLY,
                first_day=2,
                last_day=5,
                counts_as_response=True,
                in_time=True,
                refund=RefundKind.ON_REACTION_DAY,
            ),
            "Antworten, Tag 2 bis 5: Gutschrift am Tag der Reaktion",
        ),
    ],
)
def test_refund_row_text(row: RefundRow, text: str) -> None:
    assert str(row) == text
    assert row.covers(row.first_day)
    assert not row.covers(row.first_day - 1)
    assert row.last_day is not None
    assert not row.covers(row.last_day + 1)


# -- stars ---------------------------------------------------------------------------------------


def test_star_table_rows() -> None:
    rows = star_table()
    assert [row.negatives for row in rows] == list(range(WINDOW + 1))
    assert [row.stars for row in rows] == [
        expected_stars([NEGATIVES[0]] * count) for count in range(WINDOW + 1)
    ]


@given(st.lists(reactions, max_size=FEEDBACK_WINDOW + 20))
def test_stars_are_the_table_entry_for_the_negatives_in_the_window(
    ratings: list[Reaction],
) -> None:
    """Only the number of negatives among the last ratings decides the stars."""
    negatives = sum(1 for rating in ratings[-WINDOW:] if is_negative(rating))
    assert star_table()[negatives].stars == expected_stars(ratings) == network_stars(ratings)


@given(
    st.lists(reactions, max_size=15),
    st.lists(reactions, min_size=WINDOW, max_size=WINDOW),
    st.randoms(use_true_random=False),
)
def test_only_negatives_in_the_window_decide(
    older: list[Reaction], window: list[Reaction], rng: random.Random
) -> None:
    """Other old ratings, or the window's ratings in another order, give the same stars."""
    assert isinstance(rng, random.Random)
    shuffled = window[:]
    rng.shuffle(shuffled)
    other_old = [rng.choice(list(Reaction)) for _ in older]
    negatives = sum(1 for rating in window if is_negative(rating))
    assert stars_for(other_old + shuffled) == stars_for(older + window)
    assert stars_for(older + window) == star_table()[negatives].stars


def network_stars(ratings: list[Reaction]) -> int:
    """The stars of a sender whose InMails got `ratings`, in a real network (F1-F3)."""
    net = Network()
    sender = net.add(Member(name="Absenderin", premium=True, inmail_credits=len(ratings)))
    day = date(2015, 3, 1)
    for index, rating in enumerate(ratings):
        recipient = net.add(Member(name=f"Empfänger {index}"))
        mail = net.send(sender, recipient, on=day)
        net.react(mail, rating, on=day)
    return net.stars(sender)


# -- credits by era and plan timelines ------------------------------------------------------------


def test_credit_eras_meet_and_name_their_rules() -> None:
    """C4, C8, C11: one era per ERAS day; spans meet without gaps where an era follows."""
    eras = credit_eras()
    assert [era.era for era in eras] == list(ERAS)
    for era in eras:
        assert era.covers(era.era.day)
        assert era.policy == refund_policy(era.era.day)
        assert era.rules[0] == era.policy.rule
    article, summer, today = eras
    assert article.first_day is None
    assert article.last_day == SWITCH - timedelta(days=1)
    assert (summer.first_day, summer.last_day) == (SWITCH, PLANS_ATTESTED_FROM - timedelta(days=1))
    assert not summer.covers(PLANS_ATTESTED_FROM)
    assert (article.expiry_days, summer.expiry_days) == (None, None)
    assert today.expiry_days == 90
    assert today.last_day is None
    assert "C11" in today.rules
    assert "C8" in today.rules


@pytest.mark.parametrize("start", [date(2026, 12, 1), date(2027, 1, 31)], ids=["1st", "31st"])
def test_plan_timeline_is_the_simulated_plan(start: date) -> None:
    """C9-C11, C15, A14-A21: allotments, forfeits, expiries and balances as the rules give them."""
    for plan in (Plan.PREMIUM_CAREER, Plan.RECRUITER_LITE, Plan.SALES_NAVIGATOR_CORE):
        rows = plan_timeline(plan, start, 5)
        end = rows[-1].on
        history = expected_plan_history(plan.value, start, [], end)
        billing = expected_billing_days(plan.value, start, end + timedelta(days=100))
        for row in rows:
            assert row.balance == history.balance(row.on), (plan, row)
            before = history.balance(row.on - timedelta(days=1))
            assert row.balance - before == row.granted - row.forfeited - row.expired, (plan, row)
            if row.granted > row.forfeited and plan.value not in ROLLOVER:
                gone = billing[billing.index(row.on) + 3]  # A20
                assert row.usable_until == gone - timedelta(days=1)
            else:
                assert row.usable_until is None
        assert {row.on for row in rows if row.granted} == set(
            expected_billing_days(plan.value, start, end)
        )
        assert sum(row.forfeited for row in rows) == history.totals["forfeited"]
        assert sum(row.expired for row in rows) == history.totals["expired"]
        assert rows[-1].on < date(
            start.year + (start.month + 4) // 12, (start.month + 4) % 12 + 1, 1
        )
