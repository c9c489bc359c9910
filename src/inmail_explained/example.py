"""The site's recurring cast: one small network that every page's examples start from.

`example_network` is the cast of today (`STATUS_DAY`): Anna and Carla hold today's plans.
`article_network` is the same five people as the 2013 article describes them: Anna with start
credits, Carla with OpenLink. Both have the same connections, group and discussion, so the pages
tell one story then and now.
"""

from __future__ import annotations

from datetime import date

from .members import Member
from .network import Network
from .plans import Plan

EXAMPLE_GROUP = "Recruiting DACH"
"""The one group of the example network."""

EXAMPLE_DISCUSSION = "Wie schreibe ich gute InMails?"
"""The title of the example group's one discussion."""

ANNA_SUBSCRIBED_ON = date(2026, 10, 15)
"""The day Anna's Premium Career began in today's cast: two allotments by `STATUS_DAY` (C9, A14)."""

CARLA_SUBSCRIBED_ON = date(2026, 9, 1)
"""The day Carla's Premium Business began in today's cast (C9, A14)."""


def example_network() -> Network:
    """A fresh network with the five people every page talks about, as they are today.

    - Anna: recruiter on Premium Career since 15 October 2026 (`ANNA_SUBSCRIBED_ON`): 5 InMail
      credits on each billing day, the 15th (C9, A14), so 10 on 1 December 2026; connected with
      Ben, member of the group.
    - Ben: Basic member, connected with Anna, member of the group, started its discussion.
    - Carla: Premium Business since 1 September 2026 (`CARLA_SUBSCRIBED_ON`) with Open Profile
      on (K12), moderates the group and commented in the discussion.
    - Dora: Basic member who accepts no InMails, in no group, connected with nobody.
    - Erik: Basic member, a stranger to everyone.

    The group ways ended with the 2018 rebuild (A12): today, the group and the discussion open
    no way; for the article's cast and its group ways, see `article_network`.

    Example:
        ```python
        from datetime import date

        from inmail_explained import example_network

        net = example_network()
        anna, erik = net.member("Anna"), net.member("Erik")
        print(net.credits(anna, on=date(2026, 12, 1)))
        #> 10
        print(net.profile_option(anna, erik))
        #> K5 InMail: Beschriftung nicht belegt, 1 InMail-Guthaben
        ```

    """
    return _cast(
        Member(name="Anna", plan=Plan.PREMIUM_CAREER, subscribed_on=ANNA_SUBSCRIBED_ON),
        Member(
            name="Carla",
            plan=Plan.PREMIUM_BUSINESS,
            subscribed_on=CARLA_SUBSCRIBED_ON,
            openlink=True,
        ),
    )


def article_network() -> Network:
    """A fresh network with the same five people as the 2013 article describes them.

    - Anna: Premium recruiter with 3 InMail credits (start credits, the article's model),
      connected with Ben, member of the group.
    - Ben: Basic member, connected with Anna, member of the group, started its discussion.
    - Carla: Premium with OpenLink, moderates the group and commented in the discussion.
    - Dora: Basic member who accepts no InMails, in no group, connected with nobody.
    - Erik: Basic member, a stranger to everyone.

    Ask it with ``on=ARTICLE_DAY`` or another day of the article's period: without a day the
    library answers for today, and from 1 May 2019 on start credits have no answer (A13).

    Example:
        ```python
        from inmail_explained import ARTICLE_DAY, article_network

        net = article_network()
        anna, erik = net.member("Anna"), net.member("Erik")
        assert net.profile_button(anna, erik, on=ARTICLE_DAY) == "InMail senden"
        ```

    """
    return _cast(
        Member(name="Anna", premium=True, inmail_credits=3),
        Member(name="Carla", premium=True, openlink=True),
    )


def _cast(anna: Member, carla: Member) -> Network:
    """The network of Anna and Carla as given, with Ben, Dora, Erik, the group and discussion."""
    net = Network()
    net.add(anna)
    ben = net.add(Member(name="Ben"))
    net.add(carla)
    net.add(Member(name="Dora", accepts_inmail=False))
    net.add(Member(name="Erik"))
    net.connect(anna, ben)
    group = net.add_group(EXAMPLE_GROUP, moderators=[carla], members=[anna, ben])
    discussion = net.start_discussion(group, author=ben, title=EXAMPLE_DISCUSSION)
    net.comment(discussion, carla)
    return net
