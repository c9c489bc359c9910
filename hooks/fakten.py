"""MkDocs hook: the numbers in a page's prose come from the library, never typed by hand.

A page that sets ``fakten: true`` in its front matter may write ``{{ name }}`` where a number or
a date of the rules belongs, e.g. ``{{ career_monat }}`` for Premium Career's monthly allotment.
The hook replaces each name with its value from `facts()`, a mapping built from the library's
typed values (`Plan`, the constants next to each rule, the registry's days): the facts are passed
as values and only formatted here, never parsed from text. A name that `facts()` does not know
fails the build, so a page cannot show a number that has no home in the library.
"""

from __future__ import annotations

import re
from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from inmail_explained import (
    CREDIT_LIFETIME_DAYS,
    FEEDBACK_WINDOW,
    INMAIL_COST,
    LEGACY_REFUND_DELAY_DAYS,
    LEGACY_WINDOW_DAYS,
    MAX_STARS,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    STATUS_DAY,
    USD_PER_INMAIL,
    Plan,
)
from inmail_explained.channels import GROUP_MESSAGES_PER_MONTH
from inmail_explained.feedback import NEGATIVES_PER_STAR
from inmail_explained.ids import RuleId
from inmail_explained.periods import (
    ARTICLE_PERIOD_END,
    EU_CONSENT_RULING,
    GROUP_CAP_START,
    GROUPS_REBUILT,
    MONTH_NAMES,
    OPEN_PROFILE_START,
    PLANS_ATTESTED_FROM,
    month_title,
)
from inmail_explained.rules import (
    INMAIL_BODY_CHARS,
    INMAIL_BODY_CHARS_WIKI,
    INMAIL_SUBJECT_CHARS,
    INVITATION_NOTE_CHARS,
    INVITATION_NOTE_CHARS_BASIC,
    INVITATION_NOTES_PER_MONTH_BASIC,
    INVITATIONS_PER_WEEK,
    rule,
)

FLAG = "fakten"
"""The front-matter key that switches the hook on for a page."""

_PLACEHOLDER = re.compile(r"\{\{ *(?P<name>[a-z0-9_]+) *\}\}")
_PLAN_KEYS = {
    Plan.PREMIUM_CAREER: "career",
    Plan.PREMIUM_BUSINESS: "business",
    Plan.SALES_NAVIGATOR_CORE: "salesnav",
    Plan.RECRUITER_LITE: "recruiter_lite",
}


def number(value: int) -> str:
    """An integer as German readers write it: ``2.000``."""
    return f"{value:,}".replace(",", ".")


def german_day(day: date) -> str:
    """A day in German words: ``1. Januar 2015``."""
    return f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def _plan_numbers(plan: Plan) -> tuple[int, int]:
    monthly, cap = plan.monthly_inmails, plan.max_inmails
    if monthly is None or cap is None:
        raise PluginError(f"fakten: {plan.title} hat keine belegten Zahlen")
    return monthly, cap


def _attested_from(rule_id: RuleId) -> date:
    day = rule(rule_id).attested_from
    if day is None:
        raise PluginError(f"fakten: {rule_id} hat keinen ersten belegten Tag")
    return day


def _last_day(rule_id: RuleId) -> date:
    day = rule(rule_id).last_day
    if day is None:
        raise PluginError(f"fakten: {rule_id} hat keinen letzten Tag")
    return day


def _registry_days() -> dict[str, str]:
    """Days and months of the registry's periods, by the rule they bound."""
    return {
        "garantie_bis": german_day(_last_day("C4a")),
        "eu_urteil": german_day(EU_CONSENT_RULING),
        "zukauf_von_jahr": str(_attested_from("C12").year),
        "zukauf_bis_jahr": str(_last_day("C12").year),
        "notiz_zeichen_belegt_ab": month_title(_attested_from("K16")),
        "notizen_basis_belegt_ab": month_title(_attested_from("K17")),
        "notiz_zeichen_basis_belegt_ab": german_day(_attested_from("K21")),
        "einladung_belegt_ab": german_day(_attested_from("K20")),
        "einladungen_woche_belegt_ab": month_title(_attested_from("K18")),
    }


def facts() -> dict[str, str]:
    """Every name a page may use, with its value as the page shows it."""
    values: dict[str, str] = {}
    for plan, key in _PLAN_KEYS.items():
        monthly, cap = _plan_numbers(plan)
        values[f"{key}_monat"] = number(monthly)
        values[f"{key}_max"] = number(cap)
        values[f"{key}_faktor"] = number(cap // monthly)
    values |= _registry_days()
    values |= {
        "inmail_kosten": number(INMAIL_COST),
        "usd_je_inmail": number(USD_PER_INMAIL),
        "verfall_tage": number(CREDIT_LIFETIME_DAYS),
        "antwort_tage": number(RESPONSE_WINDOW_DAYS),
        "garantie_tage": number(LEGACY_WINDOW_DAYS),
        "garantie_gutschrift_tag": number(LEGACY_REFUND_DELAY_DAYS),
        "gruppen_monat": number(GROUP_MESSAGES_PER_MONTH),
        "sterne_max": number(MAX_STARS),
        "feedback_fenster": number(FEEDBACK_WINDOW),
        "negative_je_stern": number(NEGATIVES_PER_STAR),
        "notiz_zeichen": number(INVITATION_NOTE_CHARS),
        "notiz_zeichen_basis": number(INVITATION_NOTE_CHARS_BASIC),
        "notizen_basis_monat": number(INVITATION_NOTES_PER_MONTH_BASIC),
        "einladungen_woche": number(INVITATIONS_PER_WEEK),
        "betreff_zeichen": number(INMAIL_SUBJECT_CHARS),
        "text_zeichen": number(INMAIL_BODY_CHARS),
        "text_zeichen_wiki": number(INMAIL_BODY_CHARS_WIKI),
        "stand": german_day(STATUS_DAY),
        "stand_monat": month_title(STATUS_DAY),
        "artikel_ende": german_day(ARTICLE_PERIOD_END),
        "artikel_ende_monat": month_title(ARTICLE_PERIOD_END),
        "open_profile_ab": month_title(OPEN_PROFILE_START),
        "stichtag_90": german_day(POLICY_CHANGE),
        "gruppengrenze_ab": german_day(GROUP_CAP_START),
        "gruppen_neubau": month_title(GROUPS_REBUILT),
        "tarife_belegt_ab": month_title(PLANS_ATTESTED_FROM),
    }
    return values


def fill(markdown: str, known: dict[str, str]) -> str:
    """The Markdown with every ``{{ name }}`` replaced; an unknown name raises `PluginError`."""

    def one(hit: re.Match[str]) -> str:
        try:
            return known[hit["name"]]
        except KeyError:
            names = ", ".join(sorted(known))
            message = f"fakten: unbekannter Name {hit['name']!r}; bekannt: {names}"
            raise PluginError(message) from None

    return _PLACEHOLDER.sub(one, markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the numbers on pages with ``fakten: true``; leave every other page alone."""
    if not page.meta.get(FLAG):
        return markdown
    return fill(markdown, facts())
