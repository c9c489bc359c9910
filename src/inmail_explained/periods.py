"""The days on which the rules changed, named once (see `rules` for the registry that uses them).

Every rule of the model holds for a period. The periods begin and end on the days below; each
constant says which rule it bounds and where the day comes from. Where a source gives only a month,
the model takes the first day of that month and says so as an assumption (A9).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

LINKEDIN_LAUNCH = date(2003, 5, 5)
"""The day LinkedIn went online: the earliest day the model answers for (A19).

Source: LinkedIn's blog, "Moving Trucks and Birthday Cakes" (2007-05-04), on "the fourth
anniversary of LinkedIn's launch on May 5, 2003". A date before it is refused at the API's
boundary (`boundary`).
"""

ARTICLE_DAY = date(2013, 7, 1)
"""A day of the article's year, 2013 (A8): pass ``on=ARTICLE_DAY`` to ask for the article's period.

Every day up to `ARTICLE_PERIOD_END` gives the same answers; the tests check that. Undated calls
mean `STATUS_DAY`, not this day.
"""

ARTICLE_PERIOD_END = date(2014, 4, 30)
"""The last day of the article's period: the day before the first documented change (A8)."""

OPEN_PROFILE_START = date(2014, 5, 1)
"""OpenLink is called Open Profile from "about May 2014" on (K12, A9)."""

POLICY_CHANGE = date(2015, 1, 1)
"""InMails sent on or after this day fall under the 90-day rule (C4b); before it, C4a."""

GROUP_CAP_START = date(2015, 6, 18)
"""From this day on, at most 15 free messages a month to fellow group members (K11)."""

GROUPS_REDESIGN = date(2015, 10, 14)
"""Groups became members-only and lost pre-approval of posts (K14, documented only)."""

GROUPS_REBUILT = date(2018, 8, 16)
"""Groups were rebuilt inside the main site; the moderator role ended (K15, K2)."""

PLANS_ATTESTED_FROM = date(2019, 5, 1)
"""The earliest dated source for monthly allotments, the cap and the 90-day expiry (C9-C11, A13)."""

EU_CONSENT_RULING = date(2021, 11, 25)
"""The EU Court of Justice's ruling C-102/20: inbox advertising needs prior consent (W2)."""

STATUS_DAY = date(2026, 12, 1)
"""The day the sources of the model were last checked: what the site calls "heute" (A8).

Undated calls mean this day: leaving out ``on=`` asks for today. It is a fixed day, not a clock.
"""

LATEST_SUBSCRIPTION = date(2027, 12, 1)
"""The latest first billing day a plan member may have: one year after `STATUS_DAY` (A19).

The plans' numbers are those of `STATUS_DAY`; a subscription that begins further ahead would be a
guess about plans nobody has described yet.
"""

GROUP_CAP_SUMMER = date(2015, 7, 1)
"""The day the tools take for "2015, after the group cap": after K11 began, before K14."""


MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
"""The German month names, January first."""


def month_start(day: date) -> date:
    """The first day of the calendar month `day` falls in (A11 counts per calendar month)."""
    return day.replace(day=1)


def used_this_month(days: Sequence[date], on: date) -> int:
    """How many of `days` (sorted) fall in `on`'s calendar month, up to and including `on`."""
    return bisect_right(days, on) - bisect_left(days, month_start(on))


def next_month_start(day: date) -> date:
    """The first day of the calendar month after the one `day` falls in."""
    if day.month == 12:
        return date(day.year + 1, 1, 1)
    return date(day.year, day.month + 1, 1)


def month_title(day: date) -> str:
    """The calendar month of `day` in German words, e.g. ``Juni 2015``."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


class Era(BaseModel):
    """A day the site's tools can answer for, with its German name.

    Attributes:
        key: A short key for the tools' forms, e.g. ``heute``.
        title: The German name the tools show.
        day: The day the library evaluates the rules on.

    """

    model_config = ConfigDict(frozen=True)

    key: str
    title: str
    day: date


ERAS = (
    Era(key="artikel", title="Zur Zeit des Artikels (2013)", day=ARTICLE_DAY),
    Era(key="2015", title="Sommer 2015, nach der Gruppengrenze", day=GROUP_CAP_SUMMER),
    Era(key="heute", title="Heute (Stand Dezember 2026)", day=STATUS_DAY),
)
"""The three days every tool answers for: the article, 2015 after the group cap, today."""
