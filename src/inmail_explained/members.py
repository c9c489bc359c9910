"""Members and the checks on a member's own data (M1-M3).

A `Member` is a frozen value: its name, whether it is Premium, whether OpenLink is on, whether
it accepts InMails, and how many InMail credits it starts with. Invalid combinations are refused
by pydantic with a `ValidationError` that names the field and the rule (M4); each rule has
its own error type (``openlink_requires_premium``, ``credits_require_premium``,
``credits_negative``, ``name_blank``). When `premium` itself is invalid, the checks that depend
on it stay silent, so only the real mistake is reported.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError


class Member(BaseModel):
    """A LinkedIn member as the rules see it (M1).

    Attributes:
        name: Unique, non-empty name; it identifies the member in a `Network`.
        premium: Premium account (default: Basic).
        openlink: OpenLink switched on: anyone may write for free (K4). Premium only (M2).
        accepts_inmail: The contact setting: InMails from strangers allowed (K5, K6).
        inmail_credits: InMail credits at the start. Premium only, never negative (M3).

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

    def __str__(self) -> str:
        account = "Premium" if self.premium else "Basis"
        extras = [account]
        if self.openlink:
            extras.append("OpenLink")
        if not self.accepts_inmail:
            extras.append("keine InMails")
        if self.premium:
            extras.append(f"{self.inmail_credits} InMail-Guthaben")
        return f"{self.name} ({', '.join(extras)})"
