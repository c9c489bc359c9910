"""Domain errors: one base class, one stable code and one German message per refusal.

Every refusal of the reference library is an `InMailError` subclass, and defining one is a single
class statement: its `code` (a stable kebab-case string of the closed set `ErrorCode`) and its
German message `template` with named ``{slots}``, or several `variants` when one refusal has more
than one wording. A rule or assumption the message cites is written as a slot named by its ID,
``({C1})``: the class statement fills it in, so `template` reads ``(C1)``, and every error's `rules`
lists the IDs its message cites, taken from the same slots (with the value of a ``{rule}`` slot,
where the message names a channel's rule). Message and `rules` cannot disagree. The class registers
itself; `ERROR_CLASSES` and `ERROR_CODES` list every error in the order of definition, which is the
order of the site's error reference (`DOCS_URL`).

The place that raises an error passes structured values (members, dates, channels, names); this
module formats them (a member as its name, a date as ``dd.mm.yyyy``, several values as „a“, „b“)
into `fields`, and `message` is ``template.format_map(fields)``. So a tool can show the same
message for other values without taking the text apart. `str(error)` is the message plus a link
to the error's section of the reference. A refused operation changes nothing (M4).

`InMailError` itself is abstract: ``InMailError("…")`` raises a `TypeError` that names the
subclasses to raise instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from string import Formatter
from typing import Any, ClassVar, Literal

from .ids import RuleRef, is_rule_ref
from .members import Member

DOCS_URL = "https://inmail-explained.github.io/"
"""Where the site is published; the error reference lives below it."""

ERROR_PAGE = "referenz/fehler/"
"""Path of the error reference page below `DOCS_URL`."""

ErrorCode = Literal[
    "premium-required",
    "no-credits-left",
    "contact-blocked",
    "channel-unavailable",
    "not-connected",
    "unknown-member",
    "duplicate-name",
    "unknown-group",
    "duplicate-group",
    "not-group-member",
    "already-member",
    "unknown-discussion",
    "unknown-message",
    "already-connected",
    "already-reacted",
    "not-an-inmail",
    "time-went-backwards",
    "self-message",
    "self-connection",
    "group-message-limit",
    "invitation-note-limit",
    "not-documented",
    "before-subscription",
    "plan-required",
    "plan-cancelled",
    "cannot-cancel",
    "invalid-argument",
]
"""Every code an `InMailError` can carry; a class statement with another code fails type checks."""

_SLOT = re.compile(r"\{(\w+)\}")
_REGISTRY: dict[str, type[InMailError]] = {}


def format_field(value: object) -> str:
    """The text a value shows in a message: a member's name, a date as ``dd.mm.yyyy``, „a“, „b“.

    Enum values (`Channel`, `Reaction`) show their German title or label, numbers and strings
    themselves.
    """
    if isinstance(value, Member):
        return value.name
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, list | tuple):
        return ", ".join(f"„{format_field(item)}“" for item in value)
    return str(value)


class _KeepSlots(dict[str, str]):
    """Fills citation slots with their ID and leaves every other slot as it is."""

    def __missing__(self, key: str) -> str:
        return f"{{{key}}}"


RULE_SLOT = "rule"
"""A slot whose value is a rule ID, e.g. the rule of the channel a message names."""


def _citations(source: str) -> tuple[RuleRef | None, ...]:
    """The citation slots of a template as written in the class, in order, without repeats.

    ``None`` stands for the `RULE_SLOT`, whose ID comes with the values.
    """
    cited: list[RuleRef | None] = []
    for _, name, _, _ in Formatter().parse(source):
        if name is not None and is_rule_ref(name):
            cited.append(name)
        elif name == RULE_SLOT:
            cited.append(None)
    return tuple(dict.fromkeys(cited))  # each once, in the order of first mention


def _cite(source: str) -> str:
    """The template with its citation slots filled in: ``({C1})`` becomes ``(C1)``."""
    refs: dict[str, str] = {
        name: name for _, name, _, _ in Formatter().parse(source) if name and is_rule_ref(name)
    }
    return source.format_map(_KeepSlots(refs))


def slots(template: str) -> frozenset[str]:
    """The names of the ``{slots}`` in a message template."""
    return frozenset(_SLOT.findall(template))


class InMailError(Exception):
    """Base class of every refusal; abstract, raise one of `ERROR_CLASSES`.

    A subclass names its `code` in the class statement,
    ``class NoCreditsLeft(InMailError, code="no-credits-left")``, and its German message as
    `template` (or as `variants`, one template per wording). It is raised with the structured
    values for the template's slots: ``NoCreditsLeft(sender=anna, on=date(2015, 3, 2))``, or
    ``TimeWentBackwards(variant="before_sending", sent_on=..., reacted_on=...)``.

    Example:
        ```python
        from datetime import date

        from inmail_explained import Member, NoCreditsLeft

        error = NoCreditsLeft(sender=Member(name="Anna", premium=True), on=date(2015, 3, 2))
        print(error.fields)
        #> {'sender': 'Anna', 'on': '02.03.2015'}
        assert error.template.format_map(error.fields) == error.message
        ```

    Attributes:
        code: The stable kebab-case code of the class.
        rules: The rule and assumption IDs the message cites, in the order it cites them.
        variant: Which of the class's `variants` this is, or ``None`` for a single `template`.
        template: The German message with its ``{slots}``.
        fields: The formatted value of every slot.
        message: The German message, ``template.format_map(fields)``, without the link.

    """

    code: ClassVar[ErrorCode]
    variants: ClassVar[Mapping[str, str]] = {}
    citations: ClassVar[Mapping[str | None, tuple[RuleRef | None, ...]]] = {}
    template: str
    variant: str | None
    rules: tuple[RuleRef, ...]
    fields: dict[str, str]
    message: str

    def __init_subclass__(cls, *, code: ErrorCode, **kwargs: Any) -> None:
        """Register a concrete error: its code is new and it has a template or variants."""
        super().__init_subclass__(**kwargs)
        if ("template" in vars(cls)) == ("variants" in vars(cls)):
            raise TypeError(f"{cls.__name__} needs a template or variants, exactly one of them")
        if code in _REGISTRY:
            raise TypeError(f"error code {code!r} belongs to {_REGISTRY[code].__name__} already")
        cls.code = code
        if "template" in vars(cls):
            cls.citations = {None: _citations(cls.template)}
            cls.template = _cite(cls.template)
        else:
            cls.citations = {name: _citations(text) for name, text in cls.variants.items()}
            cls.variants = {name: _cite(text) for name, text in cls.variants.items()}
        _REGISTRY[code] = cls

    def __new__(cls, *args: object, **kwargs: object) -> InMailError:
        """Refuse to create the abstract base class itself, with or without a text."""
        if cls is InMailError:
            names = ", ".join(error.__name__ for error in _REGISTRY.values())
            raise TypeError(
                "InMailError ist die gemeinsame Basisklasse aller Ablehnungen und wird selbst "
                f"nicht geworfen. Wirf eine ihrer Unterklassen: {names}."
            )
        return super().__new__(cls, *args, **kwargs)

    def __init__(self, *, variant: str | None = None, **values: object) -> None:
        """Format the values for the template's slots; `variant` picks one of `variants`."""
        cls = type(self)
        template = cls._template(variant)
        expected = slots(template)
        if set(values) != expected:
            raise TypeError(
                f"{cls.__name__} needs the values {sorted(expected)}, got {sorted(values)}"
            )
        self.variant = variant
        self.template = template
        self.fields = {name: format_field(value) for name, value in values.items()}
        self.rules = cls.rules_of(variant, self.fields.get(RULE_SLOT))
        self.message = template.format_map(self.fields)
        super().__init__(f"{self.message} Mehr dazu: {self.docs_url()}")

    @classmethod
    def _template(cls, variant: str | None) -> str:
        if not cls.variants:
            if variant is not None:
                raise TypeError(f"{cls.__name__} has no variants, got {variant!r}")
            return cls.template
        if variant is None or variant not in cls.variants:
            raise TypeError(f"{cls.__name__} needs a variant of {sorted(cls.variants)}")
        return cls.variants[variant]

    @classmethod
    def rules_of(cls, variant: str | None = None, rule: str | None = None) -> tuple[RuleRef, ...]:
        """The IDs a message of this class (and `variant`) cites, `rule` for its ``{rule}`` slot.

        Raises:
            TypeError: The message has a ``{rule}`` slot and `rule` is not a rule ID.

        """
        cited: list[RuleRef] = []
        for ref in cls.citations[variant]:
            if ref is None:
                if rule is None or not is_rule_ref(rule):
                    raise TypeError(f"{cls.__name__} needs a rule ID for {{rule}}, got {rule!r}")
                ref = rule
            cited.append(ref)
        return tuple(dict.fromkeys(cited))  # the slot's rule may also be cited by name

    @classmethod
    def docs_url(cls) -> str:
        """The address of this error's section on the error reference page."""
        return f"{DOCS_URL}{ERROR_PAGE}#{cls.code}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild from the variant and the formatted fields (formatting text keeps it as it is),
        # so copy, deepcopy and pickle give the same message, and the link only once.
        return (_rebuild, (type(self), self.variant, self.fields))


def _rebuild(cls: type[InMailError], variant: str | None, fields: dict[str, str]) -> InMailError:
    return cls(variant=variant, **fields)


class PremiumRequired(InMailError, code="premium-required"):
    """A Basic member tried to send an InMail (C1)."""

    template = (
        "{sender} hat ein Basis-Konto; nur Premium-Mitglieder können InMails senden ({C1}). "
        "Wechsle zu Premium, vernetze dich zuerst oder schreibe über eine gemeinsame Gruppe."
    )


class NoCreditsLeft(InMailError, code="no-credits-left"):
    """A Premium member with no InMail credit left tried to send an InMail (C2)."""

    template = (
        "{sender} hat am {on} kein InMail-Guthaben mehr ({C2}). "
        "Warte auf eine Gutschrift oder nutze einen kostenlosen Weg."
    )


class ContactBlocked(InMailError, code="contact-blocked"):
    """There is no way at all from the sender to the recipient (K6).

    Variants: ``groups`` while group ways exist in the model (K2, K3), ``no_groups`` after the
    2018 rebuild (A12), when only a connection helps.
    """

    variants: ClassVar[Mapping[str, str]] = {
        "groups": (
            "{recipient} nimmt keine InMails an, und {sender} hat keinen anderen Weg dorthin "
            "({K6}). Vernetzt euch ({K1}), oder tritt einer Gruppe bei, die {recipient} moderiert "
            "({K2}) oder in deren Diskussionen {recipient} schreibt ({K3})."
        ),
        "no_groups": (
            "{recipient} nimmt keine InMails an, und {sender} hat keinen anderen Weg dorthin "
            "({K6}). Vernetzt euch ({K1}); Wege über Gruppen kennt das Modell nach dem Neubau der "
            "Gruppen 2018 nicht mehr ({A12})."
        ),
    }


class ChannelUnavailable(InMailError, code="channel-unavailable"):
    """The channel asked for with `via=` is not among the sender's options (K1-K5)."""

    template = (
        "Von {sender} zu {recipient} gibt es keinen Weg „{channel}“ ({rule}). "
        "Möglich sind: {offered}."
    )


class NotConnected(InMailError, code="not-connected"):
    """Only connections can be invited into a group (K9)."""

    template = (
        "{recipient} ist kein Kontakt von {sender}: Unbekannte kann man nicht in Gruppen "
        "einladen ({K9}). Vernetzt euch zuerst, oder teile den Link zur Gruppe, damit "
        "{recipient} selbst beitreten kann (net.join(...))."
    )


class UnknownMember(InMailError, code="unknown-member"):
    """The member was never added to this network, or differs from the one added (M1).

    Variants: ``name`` (asked for by a name nobody has), ``member`` (a member from elsewhere).
    """

    variants: ClassVar[Mapping[str, str]] = {
        "name": (
            "Im Netzwerk gibt es kein Mitglied namens „{name}“. "
            "Füge es zuerst mit net.add(...) hinzu."
        ),
        "member": (
            "{member} gehört nicht zu diesem Netzwerk (oder mit anderen Angaben). "
            "Nimm das Mitglied, das net.add(...) zurückgegeben hat."
        ),
    }


class DuplicateName(InMailError, code="duplicate-name"):
    """A member with this name is already in the network (M1)."""

    template = "Es gibt schon ein Mitglied namens „{name}“. Wähle einen anderen Namen ({M1})."


class UnknownGroup(InMailError, code="unknown-group"):
    """The group was never created in this network."""

    template = (
        "Die Gruppe „{group}“ gibt es in diesem Netzwerk nicht. "
        "Lege sie zuerst mit net.add_group(...) an."
    )


class DuplicateGroup(InMailError, code="duplicate-group"):
    """A group with this name already exists in the network."""

    template = "Es gibt schon eine Gruppe „{group}“. Wähle einen anderen Namen."


class NotGroupMember(InMailError, code="not-group-member"):
    """The member is not a member of the group, but the action requires it (K2, K3, K9).

    Variants by the action refused: ``start_discussion``, ``comment``, ``invite``.
    """

    variants: ClassVar[Mapping[str, str]] = {
        action: (
            f"{{member}} ist nicht Mitglied der Gruppe „{{group}}“ und kann dort {text}. "
            "Tritt der Gruppe zuerst bei (net.join(...))."
        )
        for action, text in (
            ("start_discussion", "keine Diskussion starten"),
            ("comment", "nicht kommentieren"),
            ("invite", "niemanden einladen"),
        )
    }


class AlreadyMember(InMailError, code="already-member"):
    """The member to invite or to join already belongs to the group (K9).

    Variants: ``join`` and ``invite``.
    """

    variants: ClassVar[Mapping[str, str]] = {
        "join": "{member} ist schon Mitglied der Gruppe „{group}“; ein Beitritt ist nicht nötig.",
        "invite": (
            "{member} ist schon Mitglied der Gruppe „{group}“; eine Einladung ist nicht nötig."
        ),
    }


class UnknownDiscussion(InMailError, code="unknown-discussion"):
    """The discussion was never started in this network (K3)."""

    template = (
        "Die Diskussion „{title}“ gibt es in diesem Netzwerk nicht. "
        "Starte sie zuerst mit net.start_discussion(...)."
    )


class UnknownMessage(InMailError, code="unknown-message"):
    """The message was not sent in this network (F1)."""

    template = (
        "Diese Nachricht wurde nicht in diesem Netzwerk gesendet. "
        "Nimm die Nachricht, die net.send(...) zurückgegeben hat."
    )


class AlreadyConnected(InMailError, code="already-connected"):
    """The two members are connected already (K1)."""

    template = "{first} und {second} sind schon vernetzt; sie können sich direkt schreiben ({K1})."


class AlreadyReacted(InMailError, code="already-reacted"):
    """The recipient has reacted to this InMail before; one reaction per InMail (F1)."""

    template = (
        "{recipient} hat auf diese InMail schon am {reacted_on} mit „{reaction}“ reagiert; "
        "jede InMail nur einmal ({F1}). Wer mehr sagen will, schreibt eine eigene Nachricht."
    )


class NotAnInMail(InMailError, code="not-an-inmail"):
    """Only paid InMails take reactions and ratings (F1, A3)."""

    template = (
        "Nur InMails werden bewertet; diese Nachricht ging über den Weg „{channel}“ ({rule}) "
        "und ist kostenlos ({F1}). Antworte einfach mit einer eigenen Nachricht."
    )


class TimeWentBackwards(InMailError, code="time-went-backwards"):
    """An event is dated before the latest recorded event or before its InMail (C7).

    Variants: ``before_latest`` (slots ``latest``, ``on``) and ``before_sending`` (a reaction
    before its InMail; slots ``sent_on``, ``reacted_on``).
    """

    variants: ClassVar[Mapping[str, str]] = {
        "before_latest": (
            "Das letzte Ereignis war am {latest}; der {on} liegt davor ({C7}). "
            "Trage Ereignisse in zeitlicher Reihenfolge ein."
        ),
        "before_sending": (
            "Die InMail wurde erst am {sent_on} gesendet; eine Reaktion am {reacted_on} liegt "
            "davor ({C7}). Wähle ein späteres Datum."
        ),
    }


class SelfMessage(InMailError, code="self-message"):
    """Nobody writes to themselves (K8)."""

    template = (
        "{member} kann sich nicht selbst schreiben ({K8}). "
        "Wähle eine andere Empfängerin oder einen anderen Empfänger."
    )


class SelfConnection(InMailError, code="self-connection"):
    """Nobody connects to or invites themselves (K1, K9).

    Variants: ``connect`` and ``invite``.
    """

    variants: ClassVar[Mapping[str, str]] = {
        "connect": (
            "{member} kann sich nicht mit sich selbst vernetzen. "
            "Wähle zwei verschiedene Mitglieder."
        ),
        "invite": (
            "{member} kann sich nicht selbst einladen. Wer schon Mitglied ist, braucht keine "
            "Einladung; wer es nicht ist, tritt mit net.join(...) bei."
        ),
    }


class GroupMessageLimit(InMailError, code="group-message-limit"):
    """The sender has used this calendar month's free group messages (K11, A11).

    Variants: ``other_ways`` (another way to the recipient is open; slot ``offered``) and
    ``no_other_way``. Both name the ``limit``, the ``month`` and the day the next month begins.
    """

    variants: ClassVar[Mapping[str, str]] = {
        "other_ways": (
            "{sender} hat im {month} schon {limit} Nachrichten an Mitglieder gemeinsamer Gruppen "
            "begonnen; mehr erlaubt LinkedIn in einem Monat nicht ({K11}). Ab dem {next_month} "
            "geht es wieder. Bis dahin kannst du {recipient} so schreiben: {offered}."
        ),
        "no_other_way": (
            "{sender} hat im {month} schon {limit} Nachrichten an Mitglieder gemeinsamer Gruppen "
            "begonnen; mehr erlaubt LinkedIn in einem Monat nicht ({K11}). Ab dem {next_month} "
            "geht es wieder; einen anderen Weg zu {recipient} gibt es bis dahin nicht. "
            "Vernetzt euch ({K1}), dann zählt keine Grenze."
        ),
    }


class InvitationNoteLimit(InMailError, code="invitation-note-limit"):
    """A Basic member has used this calendar month's invitations with a note (K17, A24).

    The message names the ``limit``, the ``month`` and the day the next month begins.
    """

    template = (
        "{sender} hat im {month} schon {limit} Einladungen mit persönlicher Nachricht gesendet; "
        "mehr erlaubt LinkedIn einem Basis-Konto in einem Monat nicht ({K17}). Ab dem "
        "{next_month} geht es wieder. Bis dahin kannst du {recipient} ohne Nachricht einladen "
        "(das rechnet das Modell nicht), oder mit Premium gilt diese Grenze nicht."
    )


class NotDocumented(InMailError, code="not-documented"):
    """The sources do not say what LinkedIn showed on that day; the model does not guess.

    Variants: ``label`` (a profile button whose label is documented only until ``until``, K13)
    and ``stars`` (the stars are documented only until ``until``, F3).
    """

    variants: ClassVar[Mapping[str, str]] = {
        "label": (
            "Den Knopf für den Weg „{channel}“ ({rule}) gibt es am {on}, aber wie er beschriftet "
            "war, ist nicht belegt: Die Beschriftungen des Artikels gelten nur bis zum {until} "
            "({K13}). Frag mit net.profile_option(...) nach dem Weg selbst."
        ),
        "stars": (
            "Ob es am {on} noch Sterne für {member} gab, ist nicht belegt: Die Quellen beschreiben "
            "sie nur bis zum {until} ({F3}). Frag nach einem Tag bis dahin, oder lies die "
            "Bewertungen mit net.ratings(...)."
        ),
    }


class BeforeSubscription(InMailError, code="before-subscription"):
    """A plan member tried to send an InMail before the subscription began (C9, A14)."""

    template = (
        "{sender} hat den Tarif {plan} erst ab dem {subscribed_on}; am {on} gibt es noch kein "
        "Guthaben aus dem Tarif ({C9}, {A14}). Sende ab dem {subscribed_on}, oder gib einen "
        "früheren Abrechnungstag an (subscribed_on)."
    )


class PlanRequired(InMailError, code="plan-required"):
    """Start credits on a day of today's plans: sending or reading them has no answer (A13).

    A Premium member without a plan holds start credits, the article's model; from
    `periods.PLANS_ATTESTED_FROM` on, credits come from plans (C9-C11), and the sources do not
    say what would become of start credits then.
    """

    template = (
        "{member} hat keinen Tarif, nur ein Startguthaben wie im Artikel. Am {on} gelten aber die "
        "Tarife mit monatlichem Kontingent, Höchststand und Verfall nach 90 Tagen ({C9}, {C10}, "
        "{C11}); was dann aus einem Startguthaben wird, sagen die Quellen nicht ({A13}). Gib "
        '{member} einen Tarif, z. B. Member(name="{member}", plan=Plan.PREMIUM_CAREER, '
        "subscribed_on=date(2026, 11, 1)), oder frage mit on= nach einem Tag vor dem {first}, "
        "z. B. on=ARTICLE_DAY."
    )


class PlanCancelled(InMailError, code="plan-cancelled"):
    """A member whose cancelled plan has ended tried to send an InMail (C14, A22)."""

    template = (
        "{sender} hat den Tarif {plan} am {cancelled_on} gekündigt; seit dem {ends_on} gibt es "
        "kein InMail-Guthaben mehr und kein neues Kontingent ({C14}, {A22}). Schreibe über einen "
        "kostenlosen Weg (etwa als Kontakt), oder rechne mit einem neuen Mitglied, das einen "
        "Tarif ab einem späteren Tag hat (plan=…, subscribed_on=…)."
    )


class CannotCancel(InMailError, code="cannot-cancel"):
    """A cancellation the model refuses (C14); nothing changes (M4).

    Variants: ``no_plan`` (the member has no paid plan), ``twice`` (cancelled before, on
    ``cancelled_on``) and ``before_subscription`` (``on`` is before ``subscribed_on``).
    """

    variants: ClassVar[Mapping[str, str]] = {
        "no_plan": (
            "{member} hat keinen bezahlten Tarif, den man kündigen könnte ({C14}). Nur ein "
            "Mitglied mit plan=… und subscribed_on=… lässt sich kündigen."
        ),
        "twice": (
            "{member} hat den Tarif {plan} schon am {cancelled_on} gekündigt ({C14}). Eine "
            "Kündigung genügt; lies das Guthaben mit net.credits(...)."
        ),
        "before_subscription": (
            "{member} hat den Tarif {plan} erst ab dem {subscribed_on}; am {on} gibt es noch "
            "nichts zu kündigen ({C14}). Kündige an einem Tag ab dem {subscribed_on}."
        ),
    }


class InvalidArgument(InMailError, code="invalid-argument"):
    """A public call got an argument it cannot take (M4, A19); raised by `boundary.checked`.

    Every variant names the call (``function``), the argument (``parameter``, also for one given
    without a name) and, where there is one, the value given (``given``, as Python writes it) and
    how to write it right (``example``). Variants: ``wrong_type`` (with ``expected``), ``blank``
    (an empty text), ``invalid`` (a value whose own fields are invalid; ``reason``), ``missing``,
    ``keyword_only`` (given without its name at ``position``), ``too_many`` (more values without
    a name than the call takes; ``accepted``), ``unknown`` (a name the call does not know;
    ``accepted``), ``twice`` and ``too_early`` (a day before LinkedIn existed; ``launch``).
    """

    variants: ClassVar[Mapping[str, str]] = {
        "wrong_type": (
            "{function} erwartet für {parameter} {expected}, bekam aber {given} ({M4}). "
            "Schreibe es so: {example}."
        ),
        "blank": (
            "{function} erwartet für {parameter} einen Text, der nicht leer ist, bekam aber "
            "{given} ({M4}). Schreibe es so: {example}."
        ),
        "invalid": (
            "{function} erwartet für {parameter} {expected}, aber {given} ist ungültig: {reason} "
            "({M4}). Schreibe es so: {example}."
        ),
        "missing": (
            "{function} braucht das Argument {parameter}: {expected} ({M4}). "
            "Schreibe es so: {example}."
        ),
        "keyword_only": (
            "{function} nimmt {parameter} nur mit Namen an, nicht als {position}. Argument ohne "
            "Namen ({M4}). Schreibe es so: {example}."
        ),
        "too_many": (
            "{function} nimmt höchstens {count} Argumente ohne Namen; {given} an Stelle "
            "{position} ist zu viel ({M4}). Die Argumente heißen: {accepted}."
        ),
        "unknown": (
            "{function} kennt kein Argument {parameter} (bekam {parameter}={given}) ({M4}). "
            "Die Argumente heißen: {accepted}."
        ),
        "twice": (
            "{function} bekam {parameter} zweimal, ohne und mit Namen ({M4}). "
            "Gib es nur einmal an: {example}."
        ),
        "too_early": (
            "{function} bekam {parameter}={given}; dieser Tag liegt vor dem {launch}, an dem "
            "LinkedIn online ging ({A19}). Für frühere Tage kennt das Modell keine Regeln. "
            "Wähle einen Tag ab dann, etwa {example}."
        ),
    }


ERROR_CLASSES: tuple[type[InMailError], ...] = tuple(_REGISTRY.values())
"""Every concrete error class, in the order defined here (the order of the reference page)."""

ERROR_CODES: tuple[ErrorCode, ...] = tuple(error.code for error in ERROR_CLASSES)
"""The codes as a tuple, in the same order; `ErrorCode` lists the same codes (a test checks)."""
