"""The rule and assumption IDs, as types: a rule is named in code only by one of these.

`RuleId` lists every rule of the registry (`rules.RULES`), `AssumptionId` every assumption
(`rules.ASSUMPTIONS`), in registry order; a test checks that both lists match. A constant such as
``GROUP_CAP_RULE: RuleId = "K11"`` is checked by mypy, so a mistyped ID fails the type check, and
pydantic refuses an unknown ID where a record carries one.
"""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

RuleId = Literal[
    "M1", "M2", "M3", "M4",
    "K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "K10", "K11", "K12", "K13", "K14", "K15",
    "K16", "K17", "K18", "K19", "K20", "K21",
    "C1", "C2", "C3", "C4", "C4a", "C4b", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13",
    "C14", "C15",
    "F1", "F2", "F3", "F4", "F5",
    "W1", "W2",
]  # fmt: skip
"""Every rule ID of the registry, in its order."""

AssumptionId = Literal[
    "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9",
    "A10", "A11", "A12", "A13", "A14", "A15", "A16", "A17", "A18", "A19",
    "A20", "A21", "A22", "A23", "A24",
]  # fmt: skip
"""Every assumption ID, in order."""

RuleRef = RuleId | AssumptionId
"""What a message or a tool may cite: a rule or an assumption."""

RULE_IDS: tuple[RuleId, ...] = get_args(RuleId)
ASSUMPTION_IDS: tuple[AssumptionId, ...] = get_args(AssumptionId)


def is_rule_id(text: str) -> TypeGuard[RuleId]:
    """Whether `text` is a rule ID of the registry (for IDs read from a page or a form)."""
    return text in RULE_IDS


def is_rule_ref(text: str) -> TypeGuard[RuleRef]:
    """Whether `text` is a rule or an assumption ID."""
    return text in RULE_IDS or text in ASSUMPTION_IDS
