"""Today's ways to a stranger: the invitation with a note and the message request.

K16, K21 (the note's length), K17 and A24 (five a calendar month for Basic), K20 (the way itself),
K19 (the message request to a fellow group member), A23 (their rank), and what the model says
before the sources vouch for them: "nicht belegt", never "no".
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inmail_explained import (
    ARTICLE_DAY,
    STATUS_DAY,
    TODAY_CHANNELS,
    Channel,
    ContactBlocked,
    InvitationNoteLimit,
    Limit,
    Member,
    Network,
    PremiumRequired,
    RuleId,
    invitation_note,
    rule,
)
from inmail_explained.channels import open_channels, undocumented_channels

TODAY = STATUS_DAY
ARTICLE = ARTICLE_DAY
NOTE_FIRST = date(2022, 10, 20)
"""The first day a source vouches for a note on an invitation (K16, K20)."""
BASIC_CHARS_FIRST = date(2025, 11, 30)
"""The first day a source names 200 characters for a Basic account (K21)."""
MONTHLY_FIRST = date(2023, 10, 17)
"""The first day a source vouches for five notes a month (K17)."""

BASIC = Member(name="Ben")
PREMIUM = Member(name="Pia", premium=True)


def _stranger_network(
    count: int, *, accepts_inmail: bool = True
) -> tuple[Network, Member, list[Member]]:
    net = Network()
    ben = net.add(BASIC)
    others = [
        net.add(Member(name=f"Fremde {n}", accepts_inmail=accepts_inmail)) for n in range(count)
    ]
    return net, ben, others


# -- the numbers (K16, K17, K21) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "on", "chars", "monthly"),
    [
        pytest.param(BASIC, TODAY, "200 Zeichen (K21)", "5 Einladungen mit Nachricht (K17)"),
        pytest.param(PREMIUM, TODAY, "300 Zeichen (K16)", "ohne Grenze (K17)"),
        pytest.param(
            BASIC,
            BASIC_CHARS_FIRST - timedelta(days=1),
            "nicht belegt (K21)",
            "5 Einladungen mit Nachricht (K17)",
            id="basic-length-before-its-first-day",
        ),
        pytest.param(PREMIUM, NOTE_FIRST, "300 Zeichen (K16)", "nicht belegt (K17)"),
        pytest.param(PREMIUM, ARTICLE, "nicht belegt (K16)", "nicht belegt (K17)"),
        pytest.param(
            BASIC,
            MONTHLY_FIRST,
            "nicht belegt (K21)",
            "5 Einladungen mit Nachricht (K17)",
            id="basic-monthly-from-its-first-day",
        ),
    ],
)
def test_note_limits_are_typed_values_with_their_rule(
    member: Member, on: date, chars: str, monthly: str
) -> None:
    note = invitation_note(member, on=on)
    assert (str(note.chars), str(note.per_month)) == (chars, monthly)
    assert str(note) == f"Länge: {chars}; im Monat: {monthly}"


def test_unknown_is_not_no_limit() -> None:
    """A23-A24: "ohne Grenze" (Premium today) and "nicht belegt" (before K17) differ."""
    today = invitation_note(PREMIUM, on=TODAY).per_month
    before = invitation_note(PREMIUM, on=ARTICLE).per_month
    assert (today.unlimited, today.documented, today.value) == (True, True, None)
    assert (before.unlimited, before.documented, before.value) == (False, False, None)
    assert Limit(rule="K17", unit="x", value=5).unlimited is False


def test_the_rules_say_when_they_are_vouched_for() -> None:
    """K16, K17, K19, K20, K21 are computed; each starts on its first attested day, open-ended."""
    refs: tuple[RuleId, ...] = ("K16", "K17", "K19", "K20", "K21")
    firsts = {ref: rule(ref).attested_from for ref in refs}
    assert firsts == {
        "K16": NOTE_FIRST,
        "K17": MONTHLY_FIRST,
        "K19": TODAY,
        "K20": NOTE_FIRST,
        "K21": BASIC_CHARS_FIRST,
    }
    assert all(rule(ref).modelled for ref in refs)
    assert all(rule(ref).last_day is None for ref in refs)
    assert [channel.rule for channel in TODAY_CHANNELS] == ["K19", "K20"]


# -- the ways (K19, K20, A23) ---------------------------------------------------------------------


def test_ways_rank_message_request_before_inmail_and_invitation_last() -> None:
    """A23: K1 ... K4/K12, K19, K5, K20; both new ways are free (C3) and have no label (K13)."""
    ranks = [channel.rule for channel in Channel]
    assert ranks[-3:] == ["K19", "K5", "K20"]
    for channel in TODAY_CHANNELS:
        assert (channel.cost, channel.label, channel.group_route) == (0, None, False)


def test_the_invitation_opens_to_anyone_not_connected_from_its_first_day() -> None:
    """K20: offered from 20 October 2022 on, never to a connection; before it, "nicht belegt"."""
    erik = Member(name="Erik", accepts_inmail=False)
    day_before = NOTE_FIRST - timedelta(days=1)
    assert [o.rule for o in open_channels(erik, connected=False, on=NOTE_FIRST)] == ["K20"]
    assert open_channels(erik, connected=False, on=day_before) == []
    assert [o.rule for o in open_channels(erik, connected=True, on=TODAY)] == ["K1"]
    assert undocumented_channels(connected=False, on=day_before) == [Channel.INVITATION]
    assert undocumented_channels(connected=False, on=NOTE_FIRST) == []
    assert undocumented_channels(connected=True, on=ARTICLE) == []


def test_the_message_request_opens_through_a_shared_group_today() -> None:
    """K19: a shared group opens the message request today; in 2013 it is not vouched for."""
    erik = Member(name="Erik", accepts_inmail=False)
    today = open_channels(erik, connected=True, fellow_group="Recruiting DACH", on=TODAY)
    assert [(o.rule, o.via) for o in today] == [("K1", None), ("K19", "Recruiting DACH")]
    assert undocumented_channels(connected=True, fellow_group="G", on=ARTICLE) == [
        Channel.MESSAGE_REQUEST
    ]
    assert undocumented_channels(connected=False, fellow_group="G", on=ARTICLE) == [
        Channel.MESSAGE_REQUEST,
        Channel.INVITATION,
    ]
    assert undocumented_channels(connected=False, fellow_group="G", on=TODAY) == []


def test_a_message_request_is_sent_for_free_and_not_counted() -> None:
    """K19, C3: free; no monthly number is documented, so none is counted (not K11)."""
    net, ben, others = _stranger_network(20, accepts_inmail=False)
    net.add_group("Recruiting DACH", moderators=[], members=[ben, *others])
    for other in others:
        mail = net.send(ben, other, on=TODAY)
        assert (mail.channel, mail.cost, mail.rule, mail.via) == (
            Channel.MESSAGE_REQUEST,
            0,
            "K19",
            "Recruiting DACH",
        )


def test_basic_default_send_to_a_stranger_is_the_invitation() -> None:
    """A23, C1: the InMail ranks first, but a Basic member passes over it to the invitation."""
    net, ben, (erik,) = _stranger_network(1)
    assert [option.rule for option in net.options(ben, erik, on=TODAY)] == ["K5", "K20"]
    with pytest.raises(PremiumRequired):
        net.send(ben, erik, on=TODAY, via=Channel.INMAIL)
    mail = net.send(ben, erik, on=TODAY)
    assert (mail.channel, mail.cost, mail.rule) == (Channel.INVITATION, 0, "K20")


def test_a_basic_member_with_no_note_left_hears_c1() -> None:
    """A23, K17: the five notes of the month used, only the InMail is left: Basic hears C1."""
    net, ben, others = _stranger_network(6)
    for other in others[:5]:
        assert net.send(ben, other, on=TODAY).channel is Channel.INVITATION
    with pytest.raises(PremiumRequired):
        net.send(ben, others[5], on=TODAY)


def test_where_nothing_else_is_open_the_default_is_the_invitation() -> None:
    """K6 only before K20: today a stranger who refuses InMails is still invited with a note."""
    net, ben, (erik,) = _stranger_network(1, accepts_inmail=False)
    with pytest.raises(ContactBlocked):
        net.send(ben, erik, on=NOTE_FIRST - timedelta(days=1))
    assert net.send(ben, erik, on=TODAY).channel is Channel.INVITATION


# -- five a calendar month (K17, A24) -------------------------------------------------------------


def test_a_sixth_note_in_a_month_is_refused_and_changes_nothing() -> None:
    """K17, A24, M4: five in December; the sixth with `via` is refused, in January it works."""
    net, ben, others = _stranger_network(7)
    for other in others[:5]:
        net.send(ben, other, on=TODAY, via=Channel.INVITATION)
    before = net.messages
    with pytest.raises(InvitationNoteLimit) as refused:
        net.send(ben, others[5], on=date(2026, 12, 31), via=Channel.INVITATION)
    assert refused.value.code == "invitation-note-limit"
    assert refused.value.rules == ("K17",)
    assert "01.01.2027" in refused.value.message
    assert "Premium" in refused.value.message
    assert net.messages == before
    assert [o.rule for o in net.options(ben, others[5], on=date(2026, 12, 31))] == ["K5"]
    assert net.send(ben, others[5], on=date(2027, 1, 1), via=Channel.INVITATION).rule == "K20"


def test_without_via_the_limit_refuses_only_where_no_other_way_is_open() -> None:
    """K17: the InMail stays open (and Basic hears C1); a stranger refusing InMails: K17."""
    net, ben, others = _stranger_network(7, accepts_inmail=False)
    pia = net.add(Member(name="Pia 2", premium=True, inmail_credits=1))
    for other in others[:5]:
        assert net.send(ben, other, on=TODAY).channel is Channel.INVITATION
    with pytest.raises(InvitationNoteLimit):
        net.send(ben, others[5], on=TODAY)
    inmail_open = net.add(Member(name="Offen"))
    with pytest.raises(PremiumRequired):
        net.send(ben, inmail_open, on=TODAY)
    with pytest.raises(PremiumRequired):
        net.send(ben, inmail_open, on=TODAY, via=Channel.INMAIL)
    net.connect(ben, others[6])
    assert net.send(ben, others[6], on=TODAY).channel is Channel.CONNECTION
    assert net.send(pia, others[5], on=TODAY, via=Channel.INVITATION).rule == "K20"


def test_premium_and_days_before_k17_have_no_count() -> None:
    """K17: Premium has no limit; before 17 October 2023 no number is vouched for."""
    net = Network()
    pia = net.add(PREMIUM)
    ben = net.add(BASIC)
    others = [net.add(Member(name=f"Fremde {n}")) for n in range(8)]
    for other in others:
        net.send(pia, other, on=date(2023, 1, 2), via=Channel.INVITATION)
        net.send(ben, other, on=date(2023, 1, 2), via=Channel.INVITATION)
    for other in others:
        assert net.send(pia, other, on=TODAY, via=Channel.INVITATION).rule == "K20"
