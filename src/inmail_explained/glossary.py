"""The glossary pages that explain the rules, each with the term a link to it shows.

`Rule.explained_in` and `Assumption.explained_in` name these pages (the Regeln page links them
under "Erklärt in", and the tools link a rule's first one), so the site never has to read them
back from a rendered page.
"""

from __future__ import annotations

from enum import Enum


class GlossaryPage(Enum):
    """A glossary page: its path below ``docs/`` is the value, `term` the link's text."""

    PREMIUM = "glossar/premium.md"
    OPENLINK = "glossar/openlink.md"
    OPEN_PROFILE = "glossar/open-profile.md"
    CONNECTION_MESSAGE = "glossar/kontaktnachricht.md"
    MODERATORS = "glossar/moderatoren.md"
    PRIVATE_REPLY = "glossar/privat-antworten.md"
    GROUP_MESSAGE = "glossar/gruppennachricht.md"
    INMAIL = "glossar/inmail.md"
    CONTACT_SETTINGS = "glossar/kontakteinstellungen.md"
    GROUP_INVITATIONS = "glossar/gruppeneinladungen.md"
    CREDITS = "glossar/guthaben.md"
    ALLOTMENT = "glossar/kontingent.md"
    ANSWER_GUARANTEE = "glossar/antwortgarantie.md"
    STARS = "glossar/sterne.md"
    MESSAGE_ADS = "glossar/message-ads.md"
    INVITATION_NOTE = "glossar/einladung-mit-nachricht.md"

    @property
    def term(self) -> str:
        """The term a link to the page shows, as the Regeln page writes it."""
        return _TERMS[self]


_TERMS = {
    GlossaryPage.PREMIUM: "Premium",
    GlossaryPage.OPENLINK: "OpenLink",
    GlossaryPage.OPEN_PROFILE: "Open Profile",
    GlossaryPage.CONNECTION_MESSAGE: "Nachricht an Kontakte",
    GlossaryPage.MODERATORS: "Moderatoren",
    GlossaryPage.PRIVATE_REPLY: "Privat antworten",
    GlossaryPage.GROUP_MESSAGE: "Gruppennachricht",
    GlossaryPage.INMAIL: "InMail",
    GlossaryPage.CONTACT_SETTINGS: "Kontakteinstellungen",
    GlossaryPage.GROUP_INVITATIONS: "Gruppeneinladungen",
    GlossaryPage.CREDITS: "Guthaben",
    GlossaryPage.ALLOTMENT: "monatliches Kontingent",
    GlossaryPage.ANSWER_GUARANTEE: "Antwortgarantie",
    GlossaryPage.STARS: "Sterne",
    GlossaryPage.MESSAGE_ADS: "Message Ads",
    GlossaryPage.INVITATION_NOTE: "Einladung mit Nachricht",
}
