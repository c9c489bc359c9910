"""The site's recurring cast: one small network that every page's examples start from."""

from __future__ import annotations

from .members import Member
from .network import Network

EXAMPLE_GROUP = "Recruiting DACH"
"""The one group of the example network."""

EXAMPLE_DISCUSSION = "Wie schreibe ich gute InMails?"
"""The title of the example group's one discussion."""


def example_network() -> Network:
    """A fresh network with the five people every page talks about.

    - Anna: Premium recruiter with 3 InMail credits, connected with Ben, member of the group.
    - Ben: Basic member, connected with Anna, member of the group, started its discussion.
    - Carla: Premium with OpenLink, moderates the group and commented in the discussion.
    - Dora: Basic member who accepts no InMails, in no group, connected with nobody.
    - Erik: Basic member, a stranger to everyone.

    Example:
        ```python
        from inmail_explained import example_network

        net = example_network()
        anna, erik = net.member("Anna"), net.member("Erik")
        assert net.profile_button(anna, erik) == "InMail senden"
        ```

    """
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=3))
    ben = net.add(Member(name="Ben"))
    carla = net.add(Member(name="Carla", premium=True, openlink=True))
    net.add(Member(name="Dora", accepts_inmail=False))
    net.add(Member(name="Erik"))
    net.connect(anna, ben)
    group = net.add_group(EXAMPLE_GROUP, moderators=[carla], members=[anna, ben])
    discussion = net.start_discussion(group, author=ben, title=EXAMPLE_DISCUSSION)
    net.comment(discussion, carla)
    return net
