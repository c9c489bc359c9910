"""Today's plans and their InMail credits: the monthly allotment and the cap (C9, C10).

The numbers are those of LinkedIn's help (answer 75) as the sources found it; where a plan's
numbers are not documented, the value is ``None``. Before `PLANS_ATTESTED_FROM` the sources give
no numbers, so the model uses start credits for earlier days, as the article does (A13).

Example:
    ```python
    from inmail_explained import Plan

    for plan in Plan:
        print(f"{plan.title}: {plan.monthly_inmails} im Monat, höchstens {plan.max_inmails}")
    #> Basis: 0 im Monat, höchstens 0
    #> Premium Career: 5 im Monat, höchstens 15
    #> Premium Business: 15 im Monat, höchstens 45
    #> Sales Navigator Core: 50 im Monat, höchstens 150
    #> Recruiter Lite: 30 im Monat, höchstens 120
    #> Recruiter: None im Monat, höchstens None
    ```

"""

from __future__ import annotations

from enum import Enum

from .ids import RuleId


class Plan(Enum):
    """A LinkedIn plan as today's help describes it (C9, C10).

    Each member carries its German `title`, its `monthly_inmails` (the allotment on each
    billing day) and `max_inmails` (the most a member can hold), ``None`` where not documented.
    """

    BASIC = "basic"
    PREMIUM_CAREER = "premium-career"
    PREMIUM_BUSINESS = "premium-business"
    SALES_NAVIGATOR_CORE = "sales-navigator-core"
    RECRUITER_LITE = "recruiter-lite"
    RECRUITER = "recruiter"

    @property
    def title(self) -> str:
        """The plan's name as the site writes it."""
        return _TITLES[self]

    @property
    def monthly_inmails(self) -> int | None:
        """InMail credits granted on each billing day (C9); ``None``: not documented."""
        return _NUMBERS[self][0]

    @property
    def max_inmails(self) -> int | None:
        """The most credits a member on this plan can hold (C10); ``None``: not documented."""
        return _NUMBERS[self][1]

    @property
    def premium(self) -> bool:
        """Whether the plan is a paid one (every plan but Basic)."""
        return self is not Plan.BASIC

    @property
    def documented(self) -> bool:
        """Whether the sources give both numbers of this plan."""
        return self.monthly_inmails is not None and self.max_inmails is not None

    def __str__(self) -> str:
        return self.title


_TITLES = {
    Plan.BASIC: "Basis",
    Plan.PREMIUM_CAREER: "Premium Career",
    Plan.PREMIUM_BUSINESS: "Premium Business",
    Plan.SALES_NAVIGATOR_CORE: "Sales Navigator Core",
    Plan.RECRUITER_LITE: "Recruiter Lite",
    Plan.RECRUITER: "Recruiter",
}
_NUMBERS: dict[Plan, tuple[int | None, int | None]] = {
    Plan.BASIC: (0, 0),
    Plan.PREMIUM_CAREER: (5, 15),
    Plan.PREMIUM_BUSINESS: (15, 45),
    Plan.SALES_NAVIGATOR_CORE: (50, 150),
    Plan.RECRUITER_LITE: (30, 120),
    Plan.RECRUITER: (None, None),  # "up to 4 x the monthly allotment"; the allotment varies
}

CREDIT_LIFETIME_DAYS = 90
"""A credit can be used up to and including this many days after it was granted (C11, A15)."""

EXPIRY_RULE: RuleId = "C11"
"""The rule that lets credits expire after `CREDIT_LIFETIME_DAYS` (vouched for from 2019, A13)."""
