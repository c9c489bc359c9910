"""Members and the checks on a member's own data (M1-M3, C9, A13).

A `Member` is a frozen value: its name, whether it is Premium, whether OpenLink is on, whether
it accepts InMails, and how many InMail credits it starts with; or, instead of start credits,
today's plan and the day the subscription began (C9-C11). Invalid combinations are refused by
pydantic with a `ValidationError` that names the field and the rule (M4); each rule has its own
error type (``openlink_requires_premium``, ``credits_require_premium``, ``credits_negative``,
``name_blank``, ``plan_contradicts_premium``, ``plan_not_documented``,
``plan_credits_from_allotment``, ``subscription_requires_plan``, ``plan_requires_subscription``,
``subscription_before_plans``, ``subscription_too_late``). When a field itself is invalid, the
checks that depend on it stay silent, so only the real mistake is reported.

Example:
    ```python
    from datetime import date

    from inmail_explained import Member, Plan

    lena = Member(name="Lena", plan=Plan.RECRUITER_LITE, subscribed_on=date(2026, 1, 31))
    print(lena.premium, lena.inmail_credits)
    #> True 0
    print(lena)
    #> Lena (Premium, Recruiter Lite seit 31.01.2026)
    ```

"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .periods import LATEST_SUBSCRIPTION, PLANS_ATTESTED_FROM
from .plans import Plan


class Member(BaseModel):
    """A LinkedIn member as the rules see it (M1).

    Attributes:
        name: Unique, non-empty name; it identifies the member in a `Network`.
        premium: Premium account (default: Basic).
        openlink: OpenLink switched on: anyone may write for free (K4). Premium only (M2).
        accepts_inmail: The contact setting: InMails from strangers allowed (K5, K6).
        inmail_credits: InMail credits at the start. Premium only, never negative (M3); 0 for a
            member on a plan, whose credits come from the plan (C9).
        plan: Today's plan, whose allotment, cap and expiry apply (C9-C11); ``None``: start
            credits that never expire, as in the article. Only plans with documented numbers;
            `premium` follows from it when not given.
        subscribed_on: The first billing day of the plan (A14), not before
            `PLANS_ATTESTED_FROM` (A13) and not after `LATEST_SUBSCRIPTION` (A19); given exactly
            when `plan` is.

    """

    # revalidate_instances: a copy made with `model_copy(update=...)` skips validation; checking
    # instances again wherever a Member is passed in keeps such a copy out of a network (M4).
    model_config = ConfigDict(
        frozen=True, strict=True, extra="forbid", revalidate_instances="always"
    )

    name: str = Field(description="Eindeutiger, nicht leerer Name (M1)")
    premium: bool = False
    openlink: bool = False
    accepts_inmail: bool = True
    inmail_credits: int = 0
    plan: Plan | None = None
    subscribed_on: date | None = Field(default=None, validate_default=True)

    @model_validator(mode="before")
    @classmethod
    def _premium_from_plan(cls, data: Any) -> Any:
        """A member on a plan is Premium exactly when the plan is, unless `premium` is given."""
        if isinstance(data, dict) and isinstance(data.get("plan"), Plan) and "premium" not in data:
            return {**data, "premium": data["plan"].premium}
        return data

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, name: str) -> str:
        """M1: the name is not empty and not only white space."""
        if not name.strip():
            raise PydanticCustomError("name_blank", "Der Name darf nicht leer sein (M1)")
        return name

    @field_validator("openlink")
    @classmethod
    def _openlink_needs_premium(cls, openlink: bool, info: ValidationInfo) -> bool:
        """M2: OpenLink is a Premium feature."""
        if openlink and info.data.get("premium") is False:
            raise PydanticCustomError(
                "openlink_requires_premium", "OpenLink gibt es nur mit Premium (M2)"
            )
        return openlink

    @field_validator("inmail_credits")
    @classmethod
    def _credits_need_premium(cls, credits: int, info: ValidationInfo) -> int:
        """M3: credits are never negative, and only Premium members hold any."""
        if credits < 0:
            raise PydanticCustomError(
                "credits_negative", "InMail-Guthaben kann nicht negativ sein (M3)"
            )
        if credits > 0 and info.data.get("premium") is False:
            raise PydanticCustomError(
                "credits_require_premium", "InMail-Guthaben gibt es nur mit Premium (M3)"
            )
        return credits

    @field_validator("plan")
    @classmethod
    def _plan_fits(cls, plan: Plan | None, info: ValidationInfo) -> Plan | None:
        """C9, A13: a documented plan, the account type it implies, credits only from it."""
        if plan is None:
            return plan
        if not plan.documented:
            raise PydanticCustomError(
                "plan_not_documented",
                "Für den Tarif {plan} nennen die Quellen weder Kontingent noch Höchststand "
                "(C9, C10, A13). Wähle einen Tarif mit bekannten Zahlen, oder lass plan weg und "
                "gib das Guthaben als inmail_credits an.",
                {"plan": plan.title},
            )
        premium = info.data.get("premium")
        if premium is not None and premium != plan.premium:
            raise PydanticCustomError(
                "plan_contradicts_premium",
                "Der Tarif {plan} passt nicht zu premium={premium} (C9): Er ist {kind} "
                "Premium-Tarif. Lass premium weg; es ergibt sich aus dem Tarif.",
                {
                    "plan": plan.title,
                    "premium": str(premium),
                    "kind": "ein" if plan.premium else "kein",
                },
            )
        if info.data.get("inmail_credits", 0) != 0:
            raise PydanticCustomError(
                "plan_credits_from_allotment",
                "Mit einem Tarif kommt das Guthaben aus dem monatlichen Kontingent (C9). Lass "
                "inmail_credits weg, oder lass plan weg, um mit einem Startguthaben zu rechnen.",
            )
        return plan

    @field_validator("subscribed_on")
    @classmethod
    def _subscription_fits(cls, day: date | None, info: ValidationInfo) -> date | None:
        """A14, A13: a plan has a first billing day, not before the sources give plans."""
        if "plan" not in info.data:
            return day
        plan = info.data["plan"]
        if day is None and plan is not None:
            raise PydanticCustomError(
                "plan_requires_subscription",
                "Ein Tarif braucht den ersten Abrechnungstag (C9, A14). Gib subscribed_on an.",
            )
        if day is not None and plan is None:
            raise PydanticCustomError(
                "subscription_requires_plan",
                "subscribed_on gilt nur mit einem Tarif (C9). Gib plan an oder lass "
                "subscribed_on weg.",
            )
        if day is not None and day < PLANS_ATTESTED_FROM:
            raise PydanticCustomError(
                "subscription_before_plans",
                "Tarife mit monatlichem Kontingent belegen die Quellen erst ab dem {first} "
                "(A13). Wähle einen Abrechnungstag ab dann, oder rechne für frühere Tage ohne "
                "Tarif mit einem Startguthaben (inmail_credits).",
                {"first": f"{PLANS_ATTESTED_FROM:%d.%m.%Y}"},
            )
        if day is not None and day > LATEST_SUBSCRIPTION:
            raise PydanticCustomError(
                "subscription_too_late",
                "Ein Abo, das erst am {day} beginnt, liegt zu weit in der Zukunft: Das Modell "
                "kennt die Tarife nur, wie sie am Stand der Quellen sind, und rechnet mit Abos, "
                "die bis zum {last} beginnen (A19). Wähle einen früheren Abrechnungstag.",
                {"day": f"{day:%d.%m.%Y}", "last": f"{LATEST_SUBSCRIPTION:%d.%m.%Y}"},
            )
        return day

    def __str__(self) -> str:
        account = "Premium" if self.premium else "Basis"
        extras = [account]
        if self.openlink:
            extras.append("OpenLink")
        if not self.accepts_inmail:
            extras.append("keine InMails")
        if self.plan is not None and self.subscribed_on is not None:
            extras.append(f"{self.plan.title} seit {self.subscribed_on:%d.%m.%Y}")
        elif self.premium:
            extras.append(f"{self.inmail_credits} InMail-Guthaben")
        return f"{self.name} ({', '.join(extras)})"
