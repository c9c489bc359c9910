"""Today's plans and their InMail credits: allotment, cap and what happens to unused ones (C9-C15).

The numbers are those of LinkedIn's help (answer 75) as the sources found it; where a plan's
numbers are not documented, the value is ``None``. Before `PLANS_ATTESTED_FROM` the sources give
no numbers, so the model uses start credits for earlier days, as the article does (A13).

How unused credits end is typed data on each plan (`Plan.expiry`), not read from a text:
Premium and Sales Navigator credits expire after 90 days, three months' worth at most (C11,
A20); Recruiter and Recruiter Lite credits roll over, and only what exceeds four months' worth
is forfeited on the billing day (C15, A21).

Example:
    ```python
    from inmail_explained import CreditExpiry, Plan

    for plan in Plan:
        print(f"{plan.title}: {plan.monthly_inmails} im Monat, höchstens {plan.max_inmails}")
    #> Basis: 0 im Monat, höchstens 0
    #> Premium Career: 5 im Monat, höchstens 15
    #> Premium Business: 15 im Monat, höchstens 45
    #> Sales Navigator Core: 50 im Monat, höchstens 150
    #> Recruiter Lite: 30 im Monat, höchstens 120
    #> Recruiter: None im Monat, höchstens None

    print([plan.title for plan in Plan if plan.expiry is CreditExpiry.ROLLOVER])
    #> ['Recruiter Lite', 'Recruiter']
    ```

"""

from __future__ import annotations

from enum import Enum

from .ids import RuleId


class CreditExpiry(Enum):
    """What happens to a plan's unused credits (C11, C15)."""

    AFTER_90_DAYS = "90-tage"
    """They expire after 90 days: three months' worth at most (C11, A20); Premium, Sales
    Navigator."""
    ROLLOVER = "uebertrag"
    """They roll over, up to four months' worth; the rest is forfeited on the billing day (C15,
    A21); Recruiter, Recruiter Lite."""


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
    def expiry(self) -> CreditExpiry | None:
        """How unused credits end (C11, C15); ``None`` for Basic, which has none."""
        return _EXPIRY[self]

    @property
    def cap_months(self) -> int | None:
        """How many months' allotments the cap holds: 3 (C10, C11) or 4 (C15); Basic ``None``."""
        expiry = self.expiry
        if expiry is None:
            return None
        return ROLLOVER_MONTHS if expiry is CreditExpiry.ROLLOVER else EXPIRY_BILLING_PERIODS

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
_EXPIRY: dict[Plan, CreditExpiry | None] = {
    Plan.BASIC: None,
    Plan.PREMIUM_CAREER: CreditExpiry.AFTER_90_DAYS,
    Plan.PREMIUM_BUSINESS: CreditExpiry.AFTER_90_DAYS,
    Plan.SALES_NAVIGATOR_CORE: CreditExpiry.AFTER_90_DAYS,
    Plan.RECRUITER_LITE: CreditExpiry.ROLLOVER,
    Plan.RECRUITER: CreditExpiry.ROLLOVER,
}

EXPIRY_BILLING_PERIODS = 3
"""An allotment of a 90-day plan expires on the billing day this many periods later, before
that day's allotment arrives (C11, A20): so the cap of three months' worth is reached."""

ROLLOVER_MONTHS = 4
"""Recruiter and Recruiter Lite keep up to this many months' allotments (C15, A21)."""

CREDIT_LIFETIME_DAYS = 90
"""A credit-back can be used up to and including this many days after it came (C11, A15, A17);
an allotment lives until the allotment `EXPIRY_BILLING_PERIODS` periods later (A20)."""

EXPIRY_RULE: RuleId = "C11"
"""The rule that lets credits expire after 90 days (vouched for from 2019, A13)."""

ROLLOVER_RULE: RuleId = "C15"
"""The rule that lets Recruiter credits roll over up to four months' worth (C15, A21)."""

CANCELLATION_RULE: RuleId = "C14"
"""The rule for cancelling a plan (X3): the balance becomes zero (C14, A22)."""
