"""The rules registry: every rule of the model with its period, source and confidence.

This is the one place where a rule's period is written down. `rule(id)` returns a `Rule`;
`rules_in_force(on)` lists the rules that hold on a day; `assumption(id)` returns one of the
model's assumptions (A1-A24). The Regeln and Zeitleiste pages and the tests read them from here.

A period is `valid_from` to `valid_until`, both days included; `None` means open: since always, or
still today. Where the sources do not say when a rule began or ended, the boundary is unknown: the
date stays `None` and `attested_from` / `attested_until` give the first / last day a source
vouches for. Such a rule counts as in force only on days the sources vouch for, so the model never
claims more than they say.

Example:
    ```python
    from datetime import date

    from inmail_explained import rule, rules_in_force

    print(rule("C4a").valid_until, rule("C4b").valid_from, rule("C4b").valid_until)
    #> 2014-12-31 2015-01-01 None
    print([r.id for r in rules_in_force(date(2015, 7, 1)) if r.id in ("C4a", "C4b")])
    #> ['C4b']
    ```

"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import Enum

from pydantic import BaseModel, ConfigDict, model_validator

from .boundary import checked
from .glossary import GlossaryPage
from .ids import AssumptionId, RuleId, RuleRef
from .periods import (
    ARTICLE_PERIOD_END,
    EU_CONSENT_RULING,
    GROUP_CAP_START,
    GROUPS_REBUILT,
    GROUPS_REDESIGN,
    OPEN_PROFILE_START,
    PLANS_ATTESTED_FROM,
    POLICY_CHANGE,
    STATUS_DAY,
)

_DAY = timedelta(days=1)


class Family(Enum):
    """What a rule is about; the Regeln page has one section per family."""

    MEMBERS = "Mitglieder"
    CHANNELS = "Kanäle"
    GROUPS = "Gruppen"
    CREDITS = "Guthaben"
    FEEDBACK = "Feedback und Sterne"
    ADVERTISING = "Werbung"


class Confidence(Enum):
    """How sure the sources make a rule (the German word is the value)."""

    HIGH = "hoch"
    """Several independent sources, or LinkedIn's own text."""
    MEDIUM = "mittel"
    """One good source, or versions that disagree in detail."""
    PROJECT = "Projektregel"
    """Not a fact about LinkedIn: a rule of this model (validation, time, accounting)."""


class Assumption(BaseModel):
    """A modelling assumption: where the sources are silent, the model decides (A1-A24).

    Attributes:
        id: The assumption's ID, e.g. ``A8``.
        title: Its German title.
        rules: The IDs of the rules it affects.
        explained_in: The glossary pages that explain it, as for `Rule.explained_in`.
        source: Where an assumption reads several sources together, the sources it reads
            (German, Markdown); ``None`` where it only fills a gap of its rules' sources.

    """

    model_config = ConfigDict(frozen=True)

    id: AssumptionId
    title: str
    rules: tuple[RuleId, ...]
    explained_in: tuple[GlossaryPage, ...] = ()
    source: str | None = None


class Rule(BaseModel):
    """One rule with its period (`valid_from` to `valid_until`, both days included).

    Attributes:
        id: The rule's ID, e.g. ``C4b``.
        title: Its German title.
        family: What it is about.
        valid_from: The first day it holds; ``None``: since before any day the model knows of,
            or unknown (then `attested_from` is set).
        valid_until: The last day it holds; ``None``: still today, or unknown (then
            `attested_until` is set).
        attested_from: When the start is unknown: the first day a source vouches for.
        attested_until: When the end is unknown: the last day a source vouches for.
        source: Where the rule comes from (German, Markdown).
        confidence: How sure the sources make it.
        assumptions: The IDs of the assumptions it rests on.
        explained_in: The glossary pages that explain it, first the main one; the Regeln page
            links them under "Erklärt in", and the tools link the first one.
        modelled: ``False`` for a documented fact that the library does not compute
            (advertising, the groups' redesigns, Recruiter's response rate).
        end_assumed_by: The assumption that dates the rule's last day where the sources do not
            (A12 for the group ways: their sources are from 2011 to 2015, the model carries
            them to the rebuild of August 2018). Pages then say "angenommen", not "belegt".

    """

    model_config = ConfigDict(frozen=True)

    id: RuleId
    title: str
    family: Family
    valid_from: date | None = None
    valid_until: date | None = None
    attested_from: date | None = None
    attested_until: date | None = None
    source: str
    confidence: Confidence
    assumptions: tuple[AssumptionId, ...] = ()
    explained_in: tuple[GlossaryPage, ...] = ()
    modelled: bool = True
    end_assumed_by: str | None = None

    @model_validator(mode="after")
    def _one_kind_of_boundary(self) -> Rule:
        if self.valid_from is not None and self.attested_from is not None:
            raise ValueError(f"{self.id}: valid_from und attested_from schließen sich aus")
        if self.valid_until is not None and self.attested_until is not None:
            raise ValueError(f"{self.id}: valid_until und attested_until schließen sich aus")
        start, end = self.first_day, self.last_day
        if start is not None and end is not None and end < start:
            raise ValueError(f"{self.id}: Zeitraum endet vor seinem Beginn")
        if self.end_assumed_by is not None and self.end_assumed_by not in self.assumptions:
            raise ValueError(f"{self.id}: {self.end_assumed_by} fehlt unter den Annahmen")
        if self.end_assumed_by is not None and end is None:
            raise ValueError(f"{self.id}: end_assumed_by ohne letzten Tag")
        return self

    @property
    def start_known(self) -> bool:
        """Whether the sources say when the rule began (or it has always held)."""
        return self.attested_from is None

    @property
    def end_known(self) -> bool:
        """Whether the sources say when the rule ended (or that it holds today)."""
        return self.attested_until is None

    @property
    def first_day(self) -> date | None:
        """The first day the model applies the rule: `valid_from` or `attested_from`."""
        return self.valid_from if self.start_known else self.attested_from

    @property
    def last_day(self) -> date | None:
        """The last day the model applies the rule: `valid_until` or `attested_until`."""
        return self.valid_until if self.end_known else self.attested_until

    def in_force(self, on: date) -> bool:
        """Whether the model applies the rule on day `on` (only where the sources vouch for it)."""
        start, end = self.first_day, self.last_day
        return (start is None or start <= on) and (end is None or on <= end)


_ARTICLE = "Artikel"
_PROJECT = "Projektregel."
_HELP_75 = (
    "LinkedIn-Hilfe, Antwort 75 (Kopie ohne Datum, "
    "<https://ijcn.or.id/host-https-www.linkedin.com/help/linkedin/answer/75>)"
)
_HELP_A554514 = (
    "LinkedIn-Hilfe, Antwort a554514 (Kopie ohne Datum, <https://accionvegana.org/accio/"
    "0ITbvNmLulGZltmbpxmL3d3d6MHc0/help/linkedin/answer/a554514>)"
)
_EXPIRY_2019 = (
    "Kopie der Hilfe von 2019: „accumulate … but they will expire after 90 days“ "
    "(<https://massiveprogramming.blogspot.com/2019/05/inmail-crediting-and-renewal-process.html>)"
)
_GROUP_FREE = (
    "etn-training, 17. März 2011 (kostenlose Nachricht an Mitglieder einer gemeinsamen Gruppe, "
    "seit März 2011 nur aus der Gruppe heraus); „LinkedIn in 10 Minutes“ "
    "(<https://informit.com/articles/article.aspx?p=1390285&seqNum=3>)"
)
_GROUP_CAP = (
    "LinkedIn-Hilfe „Communicating with a Fellow Group Member“, geprüft am 18. Juni 2015, zitiert "
    "bei <http://thechiefstoryteller.com/blog/item/1043-communicating-with-a-fellow-group-member-"
    "linkedin-changes> (1. Juli 2015); "
    "<http://andybrandt531.com/2015/09/what-linkedin-did-on-summer-vacation/> (September 2015)"
)
_GROUPS_2018 = (
    "<https://mizzinformation.com/2018/08/16/linkedin-removes-email-moderation-capability-from-"
    "groups>; <http://engineering.linkedin.com/blog/2018/11/rebuilding-the-groups-experience-on-"
    "linkedin>"
)
_OPEN_PROFILE = (
    "<http://www.linkedintraining.net/what-is-openlink-on-linkedin/> („As from May 2014“); "
    "LinkedIn-Hilfe a_id 140, geprüft am 29. Mai 2014"
)
_RECRUITER_A412114 = (
    "Recruiter-Hilfe a412114 (zwei Kopien ohne Datum, <https://accionvegana.org/accio/"
    "0ITbvNmLulGZltmbpxmL3d3d6MHc0/help/recruiter/answer/a412114>)"
)
_CANCEL_HELP = (
    "LinkedIn-Hilfe a_id 50 (geprüft am 29. Mai 2014: „Access to all accumulated InMail credits "
    "will be lost upon cancellation“, zum Ende des Abrechnungszeitraums); heute LinkedIn-Hilfe "
    "75, 57013 und a102026 (Kopien ohne Datum)"
)
_ANNOUNCEMENT_2014 = "LinkedIns Ankündigung vom 25. September 2014; Kommentar 3 zum Artikel"
_HELP_A550555 = "LinkedIn-Hilfe a550555 (Kopie ohne Datum)"
_HELP_A554575 = "LinkedIn-Hilfe a554575 (Kopie ohne Datum, <https://www.garudax.id/help/linkedin/answer/a554575>)"
_NOTE_2022 = "<https://github.com/tomquirk/linkedin-api/issues/260> (20. Oktober 2022)"

# -- numbers of the invitation rules (K16, K17, K21: `invitations` computes with them) -----------

INVITATION_NOTE_CHARS = 300
"""The longest personal note on an invitation: every account by October 2022, Premium and Sales
Navigator today (K16)."""

INVITATION_NOTE_CHARS_BASIC = 200
"""The longest note a Basic account can add today; no LinkedIn text states it, start not found
(K21)."""

INVITATION_NOTES_PER_MONTH_BASIC = 5
"""Invitations with a personal note a Basic member may send a month today; Premium has no limit
(K17)."""

# -- numbers of the documented-only rules (the library does not compute them) --------------------

INVITATIONS_PER_WEEK = 100
"""About this many invitations a week for every plan; LinkedIn names no number (K18)."""

INMAIL_SUBJECT_CHARS = 200
"""The longest subject of an InMail today (C13)."""

INMAIL_BODY_CHARS = 2000
"""The longest text of an InMail today (C13)."""

INMAIL_BODY_CHARS_WIKI = 1900
"""An older German wiki's limit for an InMail's text, signature included (C13)."""

RULES: tuple[Rule, ...] = (
    # -- members ---------------------------------------------------------------------------------
    Rule(
        id="M1",
        title="Was ein Mitglied ausmacht",
        family=Family.MEMBERS,
        source=f"{_ARTICLE} (Premium, OpenLink, Kontakteinstellung, Kontingent); Datenmodell.",
        confidence=Confidence.PROJECT,
        explained_in=(GlossaryPage.PREMIUM,),
    ),
    Rule(
        id="M2",
        title="OpenLink und Open Profile nur mit Premium",
        family=Family.MEMBERS,
        source="LinkedIn-Hilfe und Ratgeber 2009 bis 2014; für heute LinkedIn-Hilfe a554575.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.OPENLINK, GlossaryPage.PREMIUM),
    ),
    Rule(
        id="M3",
        title="Guthaben nur mit Premium",
        family=Family.MEMBERS,
        source=f"{_ARTICLE}, erste Besonderheit der InMail; für heute LinkedIn-Hilfe 1584.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.PREMIUM,),
    ),
    Rule(
        id="M4",
        title="Ungültiges wird abgelehnt, nicht halb eingetragen",
        family=Family.MEMBERS,
        source=_PROJECT,
        confidence=Confidence.PROJECT,
        assumptions=("A19",),
        explained_in=(GlossaryPage.PREMIUM,),
    ),
    # -- channels --------------------------------------------------------------------------------
    Rule(
        id="K1",
        title="Nachricht an Kontakte",
        family=Family.CHANNELS,
        source=f"{_ARTICLE}, Überblick Punkt 1; für heute LinkedIn-Hilfe 1584.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CONNECTION_MESSAGE,),
    ),
    Rule(
        id="K2",
        title="Nachricht an Moderatoren",
        family=Family.GROUPS,
        valid_until=GROUPS_REBUILT - _DAY,
        source=f"{_ARTICLE}, Überblick Punkt 2; Ende: {_GROUPS_2018}",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.MODERATORS,),
        assumptions=("A1", "A12"),
        end_assumed_by="A12",
    ),
    Rule(
        id="K3",
        title="Privat antworten",
        family=Family.GROUPS,
        attested_until=GROUPS_REBUILT - _DAY,
        source=f"{_ARTICLE}, Überblick Punkt 3; ein Weg des Rechts aus K10 ({_GROUP_FREE}).",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.PRIVATE_REPLY,),
        assumptions=("A12",),
        end_assumed_by="A12",
    ),
    Rule(
        id="K4",
        title="OpenLink",
        family=Family.CHANNELS,
        valid_until=OPEN_PROFILE_START - _DAY,
        source=f"{_ARTICLE}, Überblick Punkt 4, Kommentare 1 und 2; Ende: {_OPEN_PROFILE}",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.OPENLINK,),
        assumptions=("A9",),
    ),
    Rule(
        id="K5",
        title="InMail",
        family=Family.CHANNELS,
        source=f"{_ARTICLE}, Überblick Punkt 5; für heute {_HELP_A554514}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.INMAIL,),
        assumptions=("A5",),
    ),
    Rule(
        id="K6",
        title="Kein Knopf",
        family=Family.CHANNELS,
        source=f"{_ARTICLE}, Absatz über den fehlenden Knopf „InMail senden“.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CONTACT_SETTINGS,),
    ),
    Rule(
        id="K7",
        title="Höchstens ein Knopf",
        family=Family.CHANNELS,
        source=f"{_ARTICLE}, Überblick Punkte 1, 4 und 5.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CONTACT_SETTINGS,),
        assumptions=("A5",),
    ),
    Rule(
        id="K8",
        title="Niemand schreibt sich selbst",
        family=Family.CHANNELS,
        source=_PROJECT,
        confidence=Confidence.PROJECT,
        explained_in=(GlossaryPage.CONTACT_SETTINGS,),
    ),
    Rule(
        id="K9",
        title="Einladen nur Kontakte",
        family=Family.GROUPS,
        attested_until=ARTICLE_PERIOD_END,
        source=f"{_ARTICLE}, Absatz über Gruppeneinladungen.",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.GROUP_INVITATIONS,),
        assumptions=("A6", "A8"),
    ),
    Rule(
        id="K10",
        title="Nachricht an Gruppenmitglieder",
        family=Family.GROUPS,
        attested_until=GROUPS_REBUILT - _DAY,
        source=_GROUP_FREE,
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.GROUP_MESSAGE,),
        assumptions=("A10", "A12"),
        end_assumed_by="A12",
    ),
    Rule(
        id="K11",
        title="Höchstens 15 Gruppennachrichten im Monat",
        family=Family.GROUPS,
        valid_from=GROUP_CAP_START,
        attested_until=GROUPS_REBUILT - _DAY,
        source=_GROUP_CAP,
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.GROUP_MESSAGE,),
        assumptions=("A11", "A12"),
        end_assumed_by="A12",
    ),
    Rule(
        id="K12",
        title="Open Profile",
        family=Family.CHANNELS,
        valid_from=OPEN_PROFILE_START,
        source=(
            f"{_OPEN_PROFILE}; für heute LinkedIn-Hilfe a554575 "
            "(<https://www.garudax.id/help/linkedin/answer/a554575>)"
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.OPEN_PROFILE, GlossaryPage.OPENLINK),
        assumptions=("A9",),
    ),
    Rule(
        id="K13",
        title="Knopfbeschriftungen wie im Artikel",
        family=Family.CHANNELS,
        attested_until=ARTICLE_PERIOD_END,
        source=f"{_ARTICLE}, Überblick und Kommentar 1; für heute nicht belegt.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CONTACT_SETTINGS, GlossaryPage.OPEN_PROFILE),
        assumptions=("A8",),
    ),
    Rule(
        id="K14",
        title="Gruppen nur noch für Mitglieder",
        family=Family.GROUPS,
        valid_from=GROUPS_REDESIGN,
        source=(
            "<https://smallbiztrends.com/2015/10/linkedin-groups-redesign-2015.html>; "
            "<http://allaboutleveragellc.com/how-will-the-changes-to-linkedin-groups-affect-you-"
            "as-members-and-moderators/>"
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.GROUP_MESSAGE, GlossaryPage.MODERATORS),
        modelled=False,
    ),
    Rule(
        id="K15",
        title="Gruppen neu gebaut, ohne Moderatoren",
        family=Family.GROUPS,
        valid_from=GROUPS_REBUILT,
        source=_GROUPS_2018,
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.MODERATORS, GlossaryPage.GROUP_MESSAGE),
        modelled=False,
    ),
    Rule(
        id="K16",
        title="Länge der persönlichen Nachricht in einer Einladung",
        family=Family.CHANNELS,
        attested_from=date(2022, 10, 20),
        source=(
            f"{_NOTE_2022}: {INVITATION_NOTE_CHARS} Zeichen für jedes Konto; heute für Premium "
            "und Sales Navigator linkedhelper.com (ohne Datum). Für die Zeit des Artikels nicht "
            "belegt."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.INVITATION_NOTE, GlossaryPage.PREMIUM),
    ),
    Rule(
        id="K17",
        title="Fünf Einladungen mit Nachricht im Monat für Basis-Mitglieder",
        family=Family.CHANNELS,
        attested_from=date(2023, 10, 17),
        source=(
            f"{_HELP_A550555}: „Basic and free LinkedIn members can include a personalized "
            "message to five connection requests per month“; in Kraft spätestens am 17. Oktober "
            "2023 (<https://github.com/tomquirk/linkedin-api/issues/353>), Beginn nicht belegt."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.INVITATION_NOTE, GlossaryPage.PREMIUM),
        assumptions=("A24",),
    ),
    Rule(
        id="K18",
        title="Etwa 100 Einladungen pro Woche",
        family=Family.CHANNELS,
        attested_from=date(2021, 5, 28),
        source=(
            "dux-soup.com (Blog); <https://github.com/joshiayush/inb/issues/1> (28. Mai 2021); "
            "LinkedIn-Hilfe a550555 und a551012 nennen keine Zahl, nur dass eine Sperre "
            "„typically lasts one week“."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.PREMIUM,),
        modelled=False,
    ),
    Rule(
        id="K19",
        title="Nachrichtenanfrage an Gruppenmitglieder und Kollegen",
        family=Family.GROUPS,
        attested_from=STATUS_DAY,
        source=(
            f"{_HELP_A554575}; ob die Empfängerin erst annehmen muss und wie viele im Monat "
            "gehen: nicht belegt."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.INVITATION_NOTE, GlossaryPage.GROUP_MESSAGE),
        assumptions=("A23",),
    ),
    Rule(
        id="K20",
        title="Einladung mit persönlicher Nachricht",
        family=Family.CHANNELS,
        attested_from=date(2022, 10, 20),
        source=(
            f"{_NOTE_2022} (eine Einladung trägt eine Nachricht); für heute {_HELP_A550555}. "
            "Einladungen gab es schon 2006 bis mindestens Mai 2013, mit etwa 3.000 fürs ganze "
            "Leben (<https://community.linkedin.com/questions/41541>, 19. Mai 2013); ob sie damals "
            "eine Nachricht tragen konnten: nicht belegt."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.INVITATION_NOTE,),
        assumptions=("A23",),
    ),
    Rule(
        id="K21",
        title="200 Zeichen für Basis-Konten",
        family=Family.CHANNELS,
        attested_from=date(2025, 11, 30),
        source=(
            "<https://github.com/lookr-fyi/job-application-bot-by-ollama-ai/issues/27> "
            "(30. November 2025); linkedhelper.com (ohne Datum). Kein Text von LinkedIn nennt die "
            f"{INVITATION_NOTE_CHARS_BASIC}; seit wann sie gelten: nicht belegt („seit 2023“ "
            "unbestätigt)."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.INVITATION_NOTE, GlossaryPage.PREMIUM),
    ),
    # -- credits ---------------------------------------------------------------------------------
    Rule(
        id="C1",
        title="Nur Premium sendet InMails",
        family=Family.CREDITS,
        source=f"{_ARTICLE}, erste Besonderheit; für heute LinkedIn-Hilfe 1584.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.PREMIUM,),
    ),
    Rule(
        id="C2",
        title="Eine InMail kostet ein Guthaben",
        family=Family.CREDITS,
        source=f"{_ARTICLE}, erste Besonderheit; für heute {_HELP_75}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CREDITS,),
    ),
    Rule(
        id="C3",
        title="Die anderen Wege sind kostenlos",
        family=Family.CREDITS,
        source=f"{_ARTICLE}, Überblick, Kommentar 1; für Open Profile LinkedIn-Hilfe a554575.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.CREDITS,),
    ),
    Rule(
        id="C4",
        title="Gutschrift nach Sendedatum",
        family=Family.CREDITS,
        source=_ANNOUNCEMENT_2014,
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ANSWER_GUARANTEE,),
    ),
    Rule(
        id="C4a",
        title="Antwortgarantie",
        family=Family.CREDITS,
        valid_until=POLICY_CHANGE - _DAY,
        source=(
            f"{_ARTICLE}, zweite Besonderheit (ohne Frist); die 7 Tage aus Quellen von 2012 bis "
            f"2015; Ende: {_ANNOUNCEMENT_2014}."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ANSWER_GUARANTEE,),
        assumptions=("A2",),
    ),
    Rule(
        id="C4b",
        title="90-Tage-Regel",
        family=Family.CREDITS,
        valid_from=POLICY_CHANGE,
        source=f"{_ANNOUNCEMENT_2014}; für heute {_HELP_75}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ANSWER_GUARANTEE,),
        assumptions=("A2", "A17"),
    ),
    Rule(
        id="C5",
        title="Was als Antwort zählt",
        family=Family.CREDITS,
        source=f"{_ANNOUNCEMENT_2014} („Reply“ oder „Not Interested“).",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ANSWER_GUARANTEE,),
        assumptions=("A2",),
    ),
    Rule(
        id="C6",
        title="Nichts geht verloren",
        family=Family.CREDITS,
        source=_PROJECT,
        confidence=Confidence.PROJECT,
        explained_in=(GlossaryPage.CREDITS,),
        assumptions=("A7",),
    ),
    Rule(
        id="C7",
        title="Die Zeit läuft nur vorwärts",
        family=Family.CREDITS,
        source=_PROJECT,
        confidence=Confidence.PROJECT,
        explained_in=(GlossaryPage.CREDITS,),
    ),
    Rule(
        id="C8",
        title="Gutschrift heute: angenommen, abgelehnt oder beantwortet",
        family=Family.CREDITS,
        attested_from=STATUS_DAY,
        source=f"{_HELP_75}; Recruiter-Hilfe a412114.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ANSWER_GUARANTEE, GlossaryPage.ALLOTMENT),
    ),
    Rule(
        id="C9",
        title="Monatliches Kontingent je Tarif",
        family=Family.CREDITS,
        attested_from=PLANS_ATTESTED_FROM,
        source=f"{_HELP_75}; Beginn: {_EXPIRY_2019}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ALLOTMENT, GlossaryPage.CREDITS),
        assumptions=("A13", "A14", "A18"),
    ),
    Rule(
        id="C10",
        title="Höchststand des Guthabens",
        family=Family.CREDITS,
        attested_from=PLANS_ATTESTED_FROM,
        source=f"{_HELP_75}; {_EXPIRY_2019}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ALLOTMENT,),
        assumptions=("A13", "A17", "A18", "A20", "A21"),
    ),
    Rule(
        id="C11",
        title="Guthaben verfällt nach 90 Tagen",
        family=Family.CREDITS,
        attested_from=PLANS_ATTESTED_FROM,
        source=f"{_HELP_A554514}; {_EXPIRY_2019}.",
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ALLOTMENT,),
        assumptions=("A13", "A15", "A16", "A17", "A20"),
    ),
    Rule(
        id="C12",
        title="Zukauf für etwa 10 US-Dollar",
        family=Family.CREDITS,
        attested_from=date(2011, 3, 15),
        attested_until=POLICY_CHANGE - _DAY,
        source=(
            f"{_ARTICLE} (Faustregel); <http://www.etn-training.co.uk/blog/2011/03/15/important-"
            "changes-to-linkedin> (15. März 2011)"
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.CREDITS,),
        modelled=False,
    ),
    Rule(
        id="C13",
        title="Länge einer InMail",
        family=Family.CREDITS,
        attested_from=STATUS_DAY,
        source=(
            f"{_HELP_A554514}; ein älteres deutsches Wiki nennt {INMAIL_BODY_CHARS_WIKI} Zeichen "
            "samt Signatur (<https://social-media-abc.de/mediawiki/index.php?oldid=14029&"
            "title=InMail>)."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.INMAIL,),
        modelled=False,
    ),
    Rule(
        id="C14",
        title="Kündigung: Das Guthaben wird null",
        family=Family.CREDITS,
        attested_from=PLANS_ATTESTED_FROM,
        source=(
            f"{_CANCEL_HELP}; Sales Navigator: Guthaben gilt bis zum Ende des "
            "Abrechnungszeitraums (LinkedIn-Hilfe 57013)."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.ALLOTMENT,),
        assumptions=("A13", "A22"),
    ),
    Rule(
        id="C15",
        title="Recruiter: Übertrag bis zum Vierfachen",
        family=Family.CREDITS,
        attested_from=PLANS_ATTESTED_FROM,
        source=(
            f"{_RECRUITER_A412114}; „expire after 90 days“ steht nur in Texten zu Premium und "
            f"Sales Navigator ({_HELP_75}; {_HELP_A554514}); Recruiter Lite hat 30 im Monat und "
            "höchstens 120 = 4 × 30."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.ALLOTMENT,),
        assumptions=("A13", "A18", "A21"),
    ),
    # -- feedback --------------------------------------------------------------------------------
    Rule(
        id="F1",
        title="Eine Reaktion je InMail",
        family=Family.FEEDBACK,
        attested_until=ARTICLE_PERIOD_END,
        source=f"{_ARTICLE}, dritte Besonderheit; wann die Sterne endeten: nicht belegt.",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.STARS,),
        assumptions=("A3", "A8"),
    ),
    Rule(
        id="F2",
        title="Nur die letzten 10 zählen",
        family=Family.FEEDBACK,
        attested_until=ARTICLE_PERIOD_END,
        source=f"{_ARTICLE}, dritte Besonderheit; wann die Sterne endeten: nicht belegt.",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.STARS,),
        assumptions=("A8",),
    ),
    Rule(
        id="F3",
        title="Die Sterne",
        family=Family.FEEDBACK,
        attested_until=ARTICLE_PERIOD_END,
        source=(
            f"{_ARTICLE}, dritte Besonderheit; <http://blog.securityrecruiter.com/2012/10/what-to-"
            "do-when-you-receive-linkedin.html> (16. Oktober 2012); wann die Sterne endeten: "
            "nicht belegt."
        ),
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.STARS,),
        assumptions=("A4", "A8"),
    ),
    Rule(
        id="F4",
        title="Wer die Sterne sieht",
        family=Family.FEEDBACK,
        attested_until=ARTICLE_PERIOD_END,
        source=f"{_ARTICLE}, dritte Besonderheit; wann die Sterne endeten: nicht belegt.",
        confidence=Confidence.MEDIUM,
        explained_in=(GlossaryPage.STARS,),
        assumptions=("A8",),
    ),
    Rule(
        id="F5",
        title="Antwortquote im Recruiter",
        family=Family.FEEDBACK,
        valid_from=date(2014, 8, 1),
        source=(
            "<https://business.linkedin.com/talent-solutions/blog/2014/07/inmail-policy-change> "
            "(10. Juli 2014)"
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.STARS,),
        assumptions=("A9",),
        modelled=False,
    ),
    # -- advertising -----------------------------------------------------------------------------
    Rule(
        id="W1",
        title="Message Ads sind Werbung, keine InMail",
        family=Family.ADVERTISING,
        attested_from=EU_CONSENT_RULING,
        source=(
            "LinkedIn-Hilfe a544586 (deutsch); <https://rootagency.be/en/linkedin-disables-"
            "sponsored-messages-europe/>; wann „Sponsored InMail“ umbenannt wurde: nicht belegt."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.MESSAGE_ADS,),
        modelled=False,
    ),
    Rule(
        id="W2",
        title="Werbung im Postfach nur mit Einwilligung",
        family=Family.ADVERTISING,
        valid_from=EU_CONSENT_RULING,
        source=(
            "Gerichtshof der EU, Urteil C-102/20 vom 25. November 2021 "
            "(<https://dpcuria.eu:443/case?reference=C-102/20>); LinkedIn-Hilfe a544586."
        ),
        confidence=Confidence.HIGH,
        explained_in=(GlossaryPage.MESSAGE_ADS,),
        modelled=False,
    ),
)
"""Every rule, grouped by family in the order of the Regeln page."""

ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption(
        id="A1",
        title="Moderatoren nur für Gruppenmitglieder",
        rules=("K2",),
        explained_in=(GlossaryPage.MODERATORS,),
    ),
    Assumption(
        id="A2",
        title="Spam ist keine Antwort",
        rules=("C5", "C4a", "C4b"),
        explained_in=(GlossaryPage.ANSWER_GUARANTEE,),
    ),
    Assumption(
        id="A3",
        title="Nur bezahlte InMails werden bewertet",
        rules=("F1",),
        explained_in=(GlossaryPage.STARS,),
    ),
    Assumption(
        id="A4",
        title="Ein Stern je 2 negative Bewertungen",
        rules=("F3",),
        explained_in=(GlossaryPage.STARS,),
    ),
    Assumption(
        id="A5",
        title="Die InMail bleibt neben den Gruppenwegen",
        rules=("K5", "K7"),
        explained_in=(GlossaryPage.INMAIL,),
    ),
    Assumption(
        id="A6",
        title="Einladungen gelten sofort",
        rules=("K9",),
        explained_in=(GlossaryPage.GROUP_INVITATIONS,),
    ),
    Assumption(
        id="A7",
        title="Guthaben für einen späteren Tag ist eine Vorschau",
        rules=("C6",),
        explained_in=(GlossaryPage.CREDITS,),
    ),
    Assumption(
        id="A8",
        title="Der Artikel gilt bis zur ersten belegten Änderung",
        rules=("K9", "K13", "F1", "F2", "F3", "F4"),
        explained_in=(GlossaryPage.STARS,),
    ),
    Assumption(
        id="A9",
        title="Eine Monatsangabe meint den Ersten des Monats",
        rules=("K4", "K12", "F5"),
        explained_in=(GlossaryPage.OPEN_PROFILE,),
    ),
    Assumption(
        id="A10",
        title="Die Mitgliederliste nur, wo kein Weg des Artikels führt",
        rules=("K10",),
        explained_in=(GlossaryPage.GROUP_MESSAGE,),
    ),
    Assumption(
        id="A11",
        title="Gezählt wird je Kalendermonat und je Gespräch einmal",
        rules=("K11",),
        explained_in=(GlossaryPage.GROUP_MESSAGE,),
    ),
    Assumption(
        id="A12",
        title="Gruppenwege nur bis zum Neubau 2018",
        rules=("K2", "K3", "K10", "K11"),
        explained_in=(GlossaryPage.GROUP_MESSAGE, GlossaryPage.MODERATORS),
    ),
    Assumption(
        id="A13",
        title="Tarife ab Mai 2019",
        rules=("C9", "C10", "C11", "C14", "C15"),
        explained_in=(GlossaryPage.ALLOTMENT,),
    ),
    Assumption(
        id="A14",
        title="Das Kontingent kommt am Abrechnungstag",
        rules=("C9",),
        explained_in=(GlossaryPage.ALLOTMENT,),
    ),
    Assumption(
        id="A15",
        title="Eine Gutschrift verfällt mit Ablauf ihres 90. Tages",
        rules=("C11",),
        explained_in=(GlossaryPage.ALLOTMENT,),
    ),
    Assumption(
        id="A16",
        title="Das älteste Guthaben zuerst",
        rules=("C11",),
        explained_in=(GlossaryPage.ALLOTMENT,),
    ),
    Assumption(
        id="A17",
        title="Eine Gutschrift ist ein neues Guthaben",
        rules=("C4b", "C10", "C11"),
        explained_in=(GlossaryPage.ALLOTMENT, GlossaryPage.ANSWER_GUARANTEE),
    ),
    Assumption(
        id="A18",
        title="Was über den Höchststand ginge, verfällt",
        rules=("C9", "C10", "C15"),
        explained_in=(GlossaryPage.ALLOTMENT,),
    ),
    Assumption(
        id="A19",
        title="Nur Tage, an denen es LinkedIn gab",
        rules=("M4",),
        explained_in=(GlossaryPage.PREMIUM,),
    ),
    Assumption(
        id="A20",
        title="Ein Monatskontingent verfällt, wenn das dritte danach kommt",
        rules=("C10", "C11"),
        explained_in=(GlossaryPage.ALLOTMENT,),
        source=(
            f"{_HELP_75} (Höchststand: drei Monatskontingente); {_HELP_A554514} und "
            f"{_EXPIRY_2019} („expire after 90 days“). Abrechnungstage liegen 28 bis 31 Tage "
            "auseinander; nur wenn ein Kontingent am Abrechnungstag drei Zeiträume später "
            "verfällt, bevor das neue kommt, ist der Höchststand erreichbar."
        ),
    ),
    Assumption(
        id="A21",
        title="Recruiter Lite wie Recruiter: Übertrag statt 90 Tage",
        rules=("C10", "C15"),
        explained_in=(GlossaryPage.ALLOTMENT,),
        source=(
            f"{_RECRUITER_A412114}; {_HELP_75} (Recruiter Lite: 30 im Monat, höchstens 120). "
            "Keine Seite sagt ausdrücklich, dass Recruiter Lite ohne 90-Tage-Verfall ist; "
            "nur so ist der Höchststand von 120 erreichbar."
        ),
    ),
    Assumption(
        id="A22",
        title="Kündigung wirkt am selben Tag, Sales Navigator am nächsten Ersten",
        rules=("C14",),
        explained_in=(GlossaryPage.ALLOTMENT,),
        source=(
            f"{_CANCEL_HELP}. 2014 endete der Zugang erst mit dem Abrechnungszeitraum; heute "
            "heißt es für Premium nur, das Guthaben werde bei der Kündigung null."
        ),
    ),
    Assumption(
        id="A23",
        title=(
            "Die Nachrichtenanfrage vor der InMail, die Einladung zuletzt; "
            "Basis geht an der InMail vorbei"
        ),
        rules=("K19", "K20"),
        explained_in=(GlossaryPage.INVITATION_NOTE,),
    ),
    Assumption(
        id="A24",
        title="Nachrichten in Einladungen zählen je Kalendermonat",
        rules=("K17",),
        explained_in=(GlossaryPage.INVITATION_NOTE,),
    ),
)
"""Every modelling assumption, in order."""

_BY_ID: dict[str, Rule] = {entry.id: entry for entry in RULES}
_ASSUMPTIONS_BY_ID: dict[str, Assumption] = {entry.id: entry for entry in ASSUMPTIONS}


@checked
def rule(rule_id: RuleId) -> Rule:
    """The rule with this ID, e.g. ``rule("C4a")``.

    Raises:
        KeyError: No rule has this ID; the message lists the known IDs.

    """
    return _rule(rule_id)


def _rule(rule_id: str) -> Rule:
    """`rule` without the boundary's checks, for calls from inside the library."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        known = ", ".join(_BY_ID)
        raise KeyError(f"Keine Regel {rule_id!r}. Bekannt sind: {known}") from None


@checked
def assumption(assumption_id: AssumptionId) -> Assumption:
    """The modelling assumption with this ID, e.g. ``assumption("A16")``.

    Raises:
        KeyError: No assumption has this ID; the message lists the known IDs.

    """
    try:
        return _ASSUMPTIONS_BY_ID[assumption_id]
    except KeyError:
        known = ", ".join(_ASSUMPTIONS_BY_ID)
        raise KeyError(f"Keine Annahme {assumption_id!r}. Bekannt sind: {known}") from None


@checked
def rules_in_force(on: date) -> list[Rule]:
    """The rules that hold on day `on`, in registry order (where the sources vouch for them)."""
    return [entry for entry in RULES if entry.in_force(on)]


@checked
def in_force(rule_id: RuleId, on: date) -> bool:
    """Whether the rule with this ID holds on day `on`."""
    return _rule(rule_id).in_force(on)


def rule_holds(rule_id: RuleId, on: date) -> bool:
    """`in_force` without the boundary's checks, for the library's own calls on checked days."""
    return _BY_ID[rule_id].in_force(on)


def change_days(rules: Iterable[Rule] = RULES) -> list[date]:
    """Every day on which a rule begins or the day after one ends, sorted, without repeats."""
    days = set()
    for entry in rules:
        if entry.first_day is not None:
            days.add(entry.first_day)
        if entry.last_day is not None:
            days.add(entry.last_day + _DAY)
    return sorted(days)


def entry(ref: RuleRef) -> Rule | Assumption:
    """The rule or the assumption with this ID, e.g. ``entry("A12")``."""
    found: Rule | Assumption | None = _ASSUMPTIONS_BY_ID.get(ref)
    return _BY_ID[ref] if found is None else found
