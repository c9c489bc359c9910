"""The contract of RULES.md ("Public API (contract)"), run verbatim.

The example is kept as text, character for character as in RULES.md, and executed: reformatting
or linting it would make it a different example.
"""

from __future__ import annotations

import ast

import inmail_explained

CONTRACT = """\
from datetime import date
from inmail_explained import (
    ARTICLE_DAY,
    Member, Network, Channel, Reaction,
    InMailError, PremiumRequired, NoCreditsLeft, ContactBlocked, ChannelUnavailable, NotConnected,
    POLICY_CHANGE, USD_PER_INMAIL,
)

net = Network()
anna = net.add(Member(name="Anna", premium=True, inmail_credits=2))   # returns the member
ben = net.add(Member(name="Ben"))
carla = net.add(Member(name="Carla", premium=True, openlink=True))
dora = net.add(Member(name="Dora", accepts_inmail=False))
net.connect(anna, ben)
gruppe = net.add_group("Recruiting DACH", moderators=[carla], members=[anna, ben])
thema = net.start_discussion(gruppe, author=ben, title="Wie schreibe ich gute InMails?")
net.comment(thema, carla)

assert net.profile_button(anna, ben, on=ARTICLE_DAY) == "Nachricht senden"           # K1
assert net.profile_button(ben, carla, on=ARTICLE_DAY) == "InMail senden"             # K4, but free
assert net.profile_button(anna, dora, on=ARTICLE_DAY) is None                        # K6
assert [o.channel for o in net.options(ben, carla, on=ARTICLE_DAY)] == [
    Channel.MODERATOR, Channel.PRIVATE_REPLY, Channel.OPENLINK]       # ordered as K1..K5
assert net.options(anna, ben, on=ARTICLE_DAY)[0].cost == 0

erik = net.add(Member(name="Erik"))
mail = net.send(anna, erik, on=date(2014, 3, 1))                     # best option: an InMail
assert mail.channel is Channel.INMAIL and mail.cost == 1 and mail.sender_stars == 5
assert net.credits(anna, on=date(2014, 3, 1)) == 1
assert net.credits(anna, on=date(2014, 3, 9)) == 2                   # C4a: no response in 7 days
net.react(mail, Reaction.NOT_INTERESTED, on=date(2014, 3, 20))       # late: the refund stays
assert net.stars(anna) == 5                                          # one negative is not enough

try:
    net.send(ben, erik, on=date(2014, 3, 21))                        # Ben is Basic
except PremiumRequired as error:
    assert error.code == "premium-required"
else:
    raise AssertionError("a Basic member must not send an InMail")
"""
"""The example of RULES.md, section "Public API (contract)", verbatim."""


def test_public_api_contract() -> None:
    """K1, K4, K6, K7, C2, C4a, F3, C1: the RULES.md example runs as written, asserts included."""
    namespace: dict[str, object] = {}
    exec(compile(CONTRACT, "RULES.md (Public API)", "exec"), namespace)
    net = namespace["net"]
    assert isinstance(net, inmail_explained.Network)
    assert net.messages == (namespace["mail"],)  # the refused send at the end recorded nothing


def test_contract_names_are_public() -> None:
    """Public API contract: every name the example imports is in `inmail_explained.__all__`."""
    imported = {
        alias.name
        for node in ast.walk(ast.parse(CONTRACT))
        if isinstance(node, ast.ImportFrom) and node.module == "inmail_explained"
        for alias in node.names
    }
    assert len(imported) == 13
    assert imported <= set(inmail_explained.__all__)
