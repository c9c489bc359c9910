"""MkDocs hook: the three tools under docs/werkzeuge/ take every answer from the library.

Kanal-Finder, Guthaben-Rechner and Sterne-Rechner are small forms in the browser, but no rule is
written in JavaScript. At build time this hook asks `inmail_explained` for every answer the form
can ask for and writes the result into the page:

- **Kanal-Finder:** the inputs form a finite grid (3 kinds of sender × 5 relations × OpenLink ×
  contact setting = 60 combinations). For each one the hook builds a real `Network` and records
  `profile_button`, `options`, and what `send` does by default and through each offered channel
  (the `InMailError` code and German message when it refuses). The network is built by the very
  Python code the page shows for that choice (`kanal_vorlage`): the hook runs it.
- **Guthaben-Rechner:** the answer depends on the era (the refund rule in force on the send day),
  the reaction and the reaction's day offset. Eras are found by asking `refund_policy` for every
  day the form accepts. For each era, reaction and offset 0…N (N one day beyond the largest
  window) the hook sends an InMail, records the reaction and reads the refund from the ledger;
  it checks that nothing changes beyond N and that the answer does not depend on the send day
  within an era, so the browser only adds days to a date and looks the answer up.
- **Sterne-Rechner:** the window size `FEEDBACK_WINDOW`, which reactions are negative, and the
  stars for 0…10 negatives in the window, each from `stars_for`; the hook checks on many
  sequences that nothing but the negatives in the window decides the stars.

A page marks the place of a tool with ``<div data-werkzeug="kanal-finder"></div>``. The hook
replaces it with the form (hidden until docs/assets/javascripts/werkzeuge.js starts it), an
empty result area with an aria-live announcement, the data as JSON in a ``<template>`` (not a
``<script>``: Material's instant navigation re-runs inline scripts as JavaScript; the Kanal-Finder's
in a compact form, `kanal_seitendaten`), and the complete
decision table as static HTML, which is all a reader without JavaScript gets. Rule IDs link to
docs/referenz/regeln.md and, as that page names it under "Erklärt in", to a glossary page. Only
pages with a tool load werkzeuge.js and werkzeuge.css (`on_page_content`, `on_post_page`).

Each tool also shows the Python code for the reader's current choice. The code is a template
with ``$name`` placeholders (`fuelle`); the page's own ```python example (inside
``<div data-werkzeug-code="…" markdown>``) is that template filled for the form's start values,
and tests/test_werkzeuge_data.py checks that it stays so.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from inmail_explained import (
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    FEEDBACK_WINDOW,
    MAX_STARS,
    POLICY_CHANGE,
    Channel,
    InMailError,
    Member,
    Network,
    Reaction,
    TimeWentBackwards,
    is_negative,
    is_response,
    rating_window,
    refund_policy,
    stars_for,
)

DOCS_DIR = Path(__file__).resolve().parents[1] / "docs"
"""The documentation sources, for use outside a build (tests)."""

REGELN_SEITE = "referenz/regeln.md"
FEHLER_SEITE = "referenz/fehler.md"
WERKZEUGE = ("kanal-finder", "guthaben-rechner", "sterne-rechner")
"""The tools, by the name used in the page marker and in the HTML."""

Json = dict[str, Any]

_MARKER = re.compile(r'<div data-werkzeug="(?P<name>[a-z-]+)"></div>')
_REGEL_ID = re.compile(r"\b[MKCFA]\d[ab]?\b")
_REGEL_KOPF = re.compile(
    r"^#{2,6} (?P<id>[MKCFA]\d[ab]?) (?P<titel>.+?) \{#(?P<anker>[a-z0-9-]+)\}[ \t]*$", re.M
)
_ERKLAERT = re.compile(r"\*\*Erklärt in:\*\*(?P<text>.*?)(?:\n- |\n\n|\Z)", re.S)
_GLOSSAR_LINK = re.compile(r"\[(?P<titel>[^\]]+)\]\(\.\./(?P<datei>glossar/[a-z0-9-]+\.md)\)")
_PLATZHALTER = re.compile(r"\$([a-z_]+)")
_ZEILEN_PLATZHALTER = re.compile(r"^(?P<einzug>[ ]*)\$(?P<name>[a-z_]+)$")


def _pruefe(bedingung: bool, meldung: str) -> None:
    """Stop the build with `meldung` unless `bedingung` holds (also under ``python -O``)."""
    if not bedingung:
        raise PluginError(f"werkzeuge: {meldung}")


# -- code templates ------------------------------------------------------------------------------


def fuelle(
    vorlage: str,
    code: Mapping[str, str | Sequence[str]],
    ausgabe: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Fill a code template; docs/assets/javascripts/werkzeuge.js has the same function.

    A line that is only ``$name`` (after indentation) becomes one line per entry of a list:
    ``ausgabe[name]`` as ``#>`` output lines, or ``code[name]`` as code lines; an empty list
    removes the line. Any other ``$name`` is replaced by the string ``code[name]``.
    """
    ausgabe = ausgabe or {}
    zeilen: list[str] = []
    for zeile in vorlage.split("\n"):
        ganz = _ZEILEN_PLATZHALTER.match(zeile)
        liste = code.get(ganz["name"]) if ganz else None
        if ganz and ganz["name"] in ausgabe:
            zeilen += [f"{ganz['einzug']}#> {text}".rstrip() for text in ausgabe[ganz["name"]]]
            continue
        if ganz and liste is not None and not isinstance(liste, str):
            zeilen += [f"{ganz['einzug']}{text}" for text in liste]
            continue

        def ersetze(treffer: re.Match[str]) -> str:
            wert = code.get(treffer[1])
            return wert if isinstance(wert, str) else treffer[0]

        zeilen.append(_PLATZHALTER.sub(ersetze, zeile))
    return "\n".join(zeilen)


def fuehre_aus(code: str, ausgaben: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Run filled code whose output placeholders (`ausgaben`) are still in it, line for line.

    The code is cut at each output placeholder line; each piece runs in the same namespace, and
    what it prints becomes that placeholder's output. Returns the outputs and the namespace.
    """
    namensraum: dict[str, Any] = {"__name__": "werkzeug"}
    gedruckt: dict[str, list[str]] = {}
    stueck: list[str] = []
    for zeile in [*code.split("\n"), "$__ende"]:
        ganz = _ZEILEN_PLATZHALTER.match(zeile)
        if ganz is None or ganz["name"] not in (*ausgaben, "__ende"):
            stueck.append(zeile)
            continue
        puffer = io.StringIO()
        with contextlib.redirect_stdout(puffer):
            exec(compile("\n".join(stueck), "<werkzeug>", "exec"), namensraum)
        gedruckt[ganz["name"]] = puffer.getvalue().splitlines()
        stueck = ["" for _ in stueck]  # keep line numbers in tracebacks right
    _pruefe(gedruckt.pop("__ende") == [], "Ausgabe nach dem letzten Platzhalter")
    return gedruckt, namensraum


def _py_text(text: str) -> str:
    """A Python string literal in double quotes (the style of the site's examples)."""
    return json.dumps(text, ensure_ascii=False)


def _py_datum(tag: date) -> str:
    return f"date({tag.year}, {tag.month}, {tag.day})"


def _py_argumente(werte: Mapping[str, object]) -> str:
    """``, premium=True, inmail_credits=1`` for keyword arguments (empty for none)."""
    return "".join(f", {name}={wert!r}" for name, wert in werte.items())


# -- rules and where they are explained ----------------------------------------------------------


def regel_verzeichnis(regeln_md: str, fehler_md: str) -> Json:
    """Rule ID → title, link to its section on the rules page, and its glossary page.

    Read from docs/referenz/regeln.md: every heading ``### K2 Title {#k2}`` and the first glossary
    link of its "Erklärt in" line. Error codes → link to their section on the error page.
    """
    koepfe = list(_REGEL_KOPF.finditer(regeln_md))
    _pruefe(len(koepfe) > 20, f"{REGELN_SEITE}: zu wenige Regelüberschriften gefunden")
    regeln: Json = {}
    for nummer, kopf in enumerate(koepfe):
        ende = koepfe[nummer + 1].start() if nummer + 1 < len(koepfe) else len(regeln_md)
        abschnitt = regeln_md[kopf.end() : ende]
        eintrag: Json = {
            "titel": kopf["titel"],
            "href": f"{REGELN_SEITE}#{kopf['anker']}",
        }
        erklaert = _ERKLAERT.search(abschnitt)
        glossar = _GLOSSAR_LINK.search(erklaert["text"]) if erklaert else None
        if glossar:
            eintrag["glossar"] = {"titel": glossar["titel"], "href": glossar["datei"]}
        regeln[kopf["id"]] = eintrag
    anker = set(re.findall(r"\{#([a-z0-9-]+)\}", fehler_md))
    return {"regeln": regeln, "fehleranker": sorted(anker)}


def regel_ids(text: str) -> list[str]:
    """The rule IDs a German library message cites, in order, without repeats."""
    return list(dict.fromkeys(_REGEL_ID.findall(text)))


# -- Kanal-Finder --------------------------------------------------------------------------------

SENDETAG = date(2014, 3, 1)
"""The day the Kanal-Finder sends on; the channel rules do not depend on it."""

KNOPF_REGEL = "K7"
"""The rule that explains which one button a profile shows (precedence K1 > K4 > K5, else K6)."""


@dataclass(frozen=True)
class Wert:
    """One choice of a form input: its value, German label and its part of the code."""

    wert: str
    label: str
    code: Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True)
class Eingabe:
    """A radio group (a fieldset of its own) or a checkbox (`werte` = on, off)."""

    name: str
    art: Literal["radio", "checkbox"]
    label: str
    werte: tuple[Wert, ...]
    start: str

    def wert(self, name: str) -> Wert:
        """The choice with this value."""
        return next(wert for wert in self.werte if wert.wert == name)


def _absender(wert: str, label: str, **member: object) -> Wert:
    return Wert(wert, label, {"absender": _py_argumente(member)})


def _gruppe(moderatoren: str, mitglieder: str) -> str:
    return (
        f"net.add_group({_py_text(EXAMPLE_GROUP)}, moderators=[{moderatoren}], "
        f"members=[{mitglieder}])"
    )


KANAL_EINGABEN = (
    Eingabe(
        "absender",
        "radio",
        "Dein Konto (A)",
        (
            _absender("basis", "Basis"),
            _absender("premium-leer", "Premium, 0 InMail-Guthaben", premium=True),
            _absender("premium", "Premium mit InMail-Guthaben", premium=True, inmail_credits=1),
        ),
        start="premium",
    ),
    Eingabe(
        "beziehung",
        "radio",
        "Wie stehst du zu B?",
        (
            Wert("kontakt", "B ist dein Kontakt", {"beziehung": ("net.connect(a, b)",)}),
            Wert(
                "gruppe",
                "Ihr seid in derselben Gruppe",
                {"beziehung": (_gruppe("", "a, b"),)},
            ),
            Wert(
                "moderator",
                "B moderiert eine Gruppe, in der du Mitglied bist",
                {"beziehung": (_gruppe("b", "a"),)},
            ),
            Wert(
                "diskussion",
                "B hat in einer Diskussion deiner Gruppe geschrieben",
                {
                    "beziehung": (
                        f"gruppe = {_gruppe('', 'a, b')}",
                        "net.start_discussion(gruppe, author=b, "
                        f"title={_py_text(EXAMPLE_DISCUSSION)})",
                    )
                },
            ),
            Wert("unbekannt", "Ihr kennt euch nicht", {"beziehung": ()}),
        ),
        start="unbekannt",
    ),
    Eingabe(
        "openlink",
        "checkbox",
        "B hat OpenLink eingeschaltet (dafür braucht B Premium)",
        (
            Wert("an", "an", {"empfaenger": _py_argumente({"premium": True, "openlink": True})}),
            Wert("aus", "aus", {"empfaenger": ""}),
        ),
        start="aus",
    ),
    Eingabe(
        "inmails",
        "checkbox",
        "B nimmt InMails an (Kontakteinstellung)",
        (
            Wert("an", "ja", {"empfaenger": ""}),
            Wert("aus", "nein", {"empfaenger": _py_argumente({"accepts_inmail": False})}),
        ),
        start="an",
    ),
)
"""The Kanal-Finder's inputs, in the order of the form and of a combination's key."""

KANAL_FELDER = (
    (None, ("absender",)),
    (None, ("beziehung",)),
    ("Einstellungen von B", ("openlink", "inmails")),
)
"""Fieldsets of the form: legend (``None``: the radio group's label) and the inputs inside."""

KANAL_VORLAGE = """\
from datetime import date

from inmail_explained import InMailError, Member, Network


def netz():
    \"\"\"Baut das Netzwerk deiner Auswahl, bei jedem Aufruf neu.\"\"\"
    net = Network()
    a = net.add(Member(name="A"$absender))
    b = net.add(Member(name="B"$empfaenger))
    $beziehung
    return net, a, b


net, a, b = netz()
print(net.profile_button(a, b))
$knopf
for option in net.options(a, b):
    print(option)
$wege

# Senden ohne via (der erste Weg), dann über jeden Weg, jedes Mal in einem frischen Netzwerk
for via in [None, *(option.channel for option in net.options(a, b))]:
    net, a, b = netz()
    wie = "ohne via" if via is None else f"via=Channel.{via.name}"
    try:
        mail = net.send(a, b, on=$sendetag, via=via)
    except InMailError as error:
        print(f"{wie}: {error.code}")
    else:
        print(f"{wie}: {mail.channel.rule}, Kosten {mail.cost}")
        assert net.credits(a, on=mail.sent_on) == a.inmail_credits - mail.cost, "C2, C3"
$senden"""
"""The Kanal-Finder's code; ``$sendetag`` is filled here, the rest from the reader's choice."""

KANAL_AUSGABEN = ("knopf", "wege", "senden")


def kanal_schluessel(auswahl: Sequence[str]) -> str:
    """The key of a combination: the chosen values in the order of `KANAL_EINGABEN`."""
    return "|".join(auswahl)


def kanal_code(auswahl: Sequence[str]) -> dict[str, str | list[str]]:
    """The code placeholders for a combination: every chosen value adds its part, in order."""
    code: dict[str, str | list[str]] = {}
    for eingabe, name in zip(KANAL_EINGABEN, auswahl, strict=True):
        for platz, teil in eingabe.wert(name).code.items():
            if isinstance(teil, str):
                bisher = code.get(platz, "")
                code[platz] = (bisher if isinstance(bisher, str) else "") + teil
            else:
                bisher_liste = code.get(platz, [])
                code[platz] = [*(bisher_liste if isinstance(bisher_liste, list) else []), *teil]
    return code


def kanal_vorlage() -> str:
    """The template with the fixed placeholders filled in."""
    return fuelle(KANAL_VORLAGE, {"sendetag": _py_datum(SENDETAG)})


Netzbauer = Callable[[], tuple[Network, Member, Member]]


def _versuch(netz: Netzbauer, via: Channel | None, fehler: Json) -> Json:
    """Send from A to B in a fresh network, by default or through `via`; record a refusal."""
    net, a, b = netz()
    try:
        mail = net.send(a, b, on=SENDETAG, via=via)
    except InMailError as error:
        bekannt = fehler.setdefault(
            error.code,
            {
                "meldung": error.message,
                "regeln": regel_ids(error.message),
                "href": f"{FEHLER_SEITE}#{error.code}",
            },
        )
        _pruefe(
            bekannt["meldung"] == error.message,
            f"{error.code}: zwei verschiedene Meldungen ({bekannt['meldung']!r}, "
            f"{error.message!r}); das Datenformat kennt je Code nur eine",
        )
        return {"fehler": error.code}
    return {"kanal": mail.channel.value, "kosten": mail.cost}


def kanal_finder_daten() -> Json:
    """Every combination of the Kanal-Finder, answered by a real network each.

    Returns:
        ``eingaben`` (the form), ``kanaele`` (facts per channel), ``fehler`` (message and rules
        per error code), ``vorlage`` and ``ausgaben`` (the code), ``start`` (key of the start
        combination) and ``kombinationen``: key → ``knopf`` (label or ``None``), ``wege``
        (per offered channel: ``kanal``, ``kosten``, ``ueber``, ``text`` = ``str(option)``,
        ``senden``), ``standard`` (what ``send`` without ``via`` does), ``regeln`` and
        ``ausgabe`` (what the code prints, per output placeholder). A send result is
        ``{"kanal", "kosten"}`` or ``{"fehler": code}``.
    """
    vorlage = kanal_vorlage()
    fehler: Json = {}
    kombinationen: Json = {}
    for auswahl in product(*([wert.wert for wert in eingabe.werte] for eingabe in KANAL_EINGABEN)):
        code = fuelle(vorlage, kanal_code(auswahl))
        ausgabe, namensraum = fuehre_aus(code, KANAL_AUSGABEN)
        netz: Netzbauer = namensraum["netz"]
        net, a, b = netz()
        optionen = net.options(a, b)
        wege: list[Json] = [
            {
                "kanal": option.channel.value,
                "kosten": option.cost,
                "ueber": option.via,
                "text": str(option),
                "senden": _versuch(netz, option.channel, fehler),
            }
            for option in optionen
        ]
        standard = _versuch(netz, None, fehler)
        regeln = [KNOPF_REGEL, *(option.rule for option in optionen)]
        for ergebnis in [standard, *(weg["senden"] for weg in wege)]:
            if "fehler" in ergebnis:
                regeln += fehler[ergebnis["fehler"]]["regeln"]
        kombinationen[kanal_schluessel(auswahl)] = {
            "knopf": net.profile_button(a, b),
            "wege": wege,
            "standard": standard,
            "regeln": list(dict.fromkeys(regeln)),
            "ausgabe": ausgabe,
        }
    return {
        "eingaben": [
            {
                "name": eingabe.name,
                "art": eingabe.art,
                "label": eingabe.label,
                "start": eingabe.start,
                "werte": [
                    {"wert": wert.wert, "label": wert.label, "code": wert.code}
                    for wert in eingabe.werte
                ],
            }
            for eingabe in KANAL_EINGABEN
        ],
        "kanaele": {
            channel.value: {
                "regel": channel.rule,
                "titel": channel.title,
                "knopf": channel.label,
                "ort": channel.place,
                "kosten": channel.cost,
            }
            for channel in Channel
        },
        "fehler": fehler,
        "knopfregel": KNOPF_REGEL,
        "vorlage": vorlage,
        "ausgaben": list(KANAL_AUSGABEN),
        "start": kanal_schluessel([eingabe.start for eingabe in KANAL_EINGABEN]),
        "kombinationen": kombinationen,
    }


# -- Guthaben-Rechner ----------------------------------------------------------------------------

ZEITRAUM = (date(2010, 1, 1), date(2016, 12, 31))
"""The send days the form accepts (the site describes 2013 to 2015)."""

GUTHABEN_START = (date(2014, 3, 1), Reaction.NOT_INTERESTED, 19)
"""The form's start values (send day, reaction, its day): the specification's late decline."""

_KEINE = "keine"
"""The form value for "no reaction"."""

GUTHABEN_VORLAGE = """\
from datetime import date

from inmail_explained import Reaction, example_network, refund_policy

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on=$versand)
$reaktion
regel = refund_policy(mail.sent_on)
print(regel.rule, regel.name)
$regel
gutschrift = net.refund_on(mail)
print(gutschrift)
$gutschrift
if gutschrift is None:
    assert net.credits(anna, on=date.max) == anna.inmail_credits - mail.cost, "bleibt weg"
else:
    assert net.credits(anna, on=gutschrift) == anna.inmail_credits, "ist wieder da"\
"""
"""The Guthaben-Rechner's code; ``$reaktion`` is `GUTHABEN_REAKTION` or nothing."""

GUTHABEN_REAKTION = "net.react(mail, Reaction.$name, on=$tag)"

GUTHABEN_VORLAGE_ZU_FRUEH = """\
from datetime import date

from inmail_explained import Reaction, TimeWentBackwards, example_network

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on=$versand)
try:
    net.react(mail, Reaction.$name, on=$tag)
except TimeWentBackwards as error:
    print(error.code)
else:
    raise AssertionError("eine Reaktion vor dem Versand gibt es nicht")
$fehler\
"""
"""The code when the reaction day lies before the send day."""


def guthaben_fall(
    versand: date, reaktion: Reaction | None, tag: int = 0
) -> tuple[int | None, bool, str | None]:
    """Send one InMail on `versand`, react `tag` days later; read the refund from the ledger.

    A network of just sender and recipient is enough (and fast); the page's code uses the cast.

    Returns:
        The refund's day offset from `versand` (``None``: no refund), whether the reaction was a
        response in time (`RefundPolicy.responded_in_time`), and the ledger's reason text.

    """
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=versand)
    reagiert = None if reaktion is None else versand + timedelta(days=tag)
    if reaktion is not None and reagiert is not None:
        net.react(mail, reaktion, on=reagiert)
    gutschriften = [
        eintrag
        for eintrag in net.ledger(anna, on=date.max)
        if eintrag.message_id == mail.id and eintrag.change > 0
    ]
    zurueck = net.refund_on(mail)
    _pruefe(
        [eintrag.on for eintrag in gutschriften] == ([] if zurueck is None else [zurueck]),
        f"Kontoauszug und refund_on widersprechen sich ({versand}, {reaktion}, {tag})",
    )
    rechtzeitig = refund_policy(versand).responded_in_time(versand, reaktion, reagiert)
    grund = gutschriften[0].reason if gutschriften else None
    return (None if zurueck is None else (zurueck - versand).days), rechtzeitig, grund


def epochen(von: date, bis: date) -> list[tuple[date, date]]:
    """The spans of send days with the same refund rule, found by asking for every day."""
    spannen: list[tuple[date, date]] = []
    anfang, tag = von, von
    while tag < bis:
        morgen = tag + timedelta(days=1)
        if refund_policy(morgen) != refund_policy(tag):
            spannen.append((anfang, tag))
            anfang = morgen
        tag = morgen
    spannen.append((anfang, bis))
    return spannen


def _tabelle_fuer(versand: date, grenze: int) -> tuple[Json, set[str]]:
    """Answers for one send day: no reaction, and each reaction on day 0…`grenze`."""
    gruende: set[str] = set()

    def fall(reaktion: Reaction | None, tag: int) -> list[Any]:
        zurueck, rechtzeitig, grund = guthaben_fall(versand, reaktion, tag)
        if grund:
            gruende.add(grund)
        return [zurueck, rechtzeitig]

    tabelle: Json = {
        "keine": fall(None, 0),
        "reaktionen": {
            reaktion.value: [fall(reaktion, tag) for tag in range(grenze + 1)]
            for reaktion in Reaction
        },
    }
    return tabelle, gruende


def guthaben_daten() -> Json:
    """The Guthaben-Rechner's lookup table, per era, computed through the network.

    Returns:
        ``stichtag`` (`POLICY_CHANGE`), ``zeitraum``, ``grenze`` N, ``reaktionen`` (label, enum
        name, whether it counts as a response), ``epochen`` (per era: first day or ``None``,
        rule, name, window, reason text of the refund, and the answers ``keine`` and
        ``reaktionen[value][tag]`` for tag 0…N as ``[refund offset or None, in time]``; beyond N
        the answer of N holds), ``zu_frueh`` (the error for a reaction before sending, with
        ``{versand}`` and ``{reaktion}`` in its message), the code templates and ``start``.
    """
    von, bis = ZEITRAUM
    spannen = epochen(von, bis)
    _pruefe(
        [anfang for anfang, _ in spannen[1:]] == [POLICY_CHANGE],
        f"erwartet genau einen Regelwechsel am POLICY_CHANGE {POLICY_CHANGE}, gefunden: "
        f"{[str(anfang) for anfang, _ in spannen[1:]]}",
    )
    grenze = max(refund_policy(anfang).window_days for anfang, _ in spannen) + 1
    liste: list[Json] = []
    for nummer, (anfang, ende) in enumerate(spannen):
        policy = refund_policy(anfang)
        # the send day next to the change is the most telling; the table must hold for any other
        nah = ende if nummer == 0 else anfang
        tabelle, gruende = _tabelle_fuer(nah, grenze)
        for anderer in {anfang, ende, anfang + (ende - anfang) // 2} - {nah}:
            _pruefe(
                _tabelle_fuer(anderer, grenze)[0] == tabelle,
                f"{policy.rule}: die Antwort hängt vom Versandtag ab ({anderer} ≠ {nah})",
            )
        for reaktion in Reaction:
            letzte = tabelle["reaktionen"][reaktion.value][grenze]
            for tag in (*range(grenze + 1, 2 * grenze + 2), 365, 3 * 365):
                zurueck, rechtzeitig, _ = guthaben_fall(nah, reaktion, tag)
                _pruefe(
                    [zurueck, rechtzeitig] == letzte,
                    f"{policy.rule}, {reaktion.label}: Tag {tag} weicht von Tag {grenze} ab; "
                    "die Grenze N ist zu klein",
                )
        _pruefe(len(gruende) <= 1, f"{policy.rule}: mehrere Gutschriftgründe {gruende}")
        liste.append(
            {
                "ab": None if nummer == 0 else anfang.isoformat(),
                "bis": ende.isoformat(),
                "regel": policy.rule,
                "name": policy.name,
                "fenster": policy.window_days,
                "grund": next(iter(gruende), None),
                **tabelle,
            }
        )
    return {
        "stichtag": POLICY_CHANGE.isoformat(),
        "zeitraum": [von.isoformat(), bis.isoformat()],
        "grenze": grenze,
        "reaktionen": [
            {"wert": _KEINE, "label": "keine Reaktion", "name": None, "antwort": False},
            *(
                {
                    "wert": reaktion.value,
                    "label": f"„{reaktion.label}“",
                    "name": reaktion.name,
                    "antwort": is_response(reaktion),
                }
                for reaktion in Reaction
            ),
        ],
        "epochen": liste,
        "zu_frueh": _zu_frueh(),
        "vorlage": GUTHABEN_VORLAGE,
        "vorlage_reaktion": GUTHABEN_REAKTION,
        "vorlage_zu_frueh": GUTHABEN_VORLAGE_ZU_FRUEH,
        "start": {
            "versand": GUTHABEN_START[0].isoformat(),
            "reaktion": GUTHABEN_START[1].value,
            "tag": GUTHABEN_START[2],
        },
    }


def _zu_frueh() -> Json:
    """The library's refusal of a reaction dated before its InMail, as a message template."""
    versand, reagiert = date(2014, 3, 2), date(2014, 3, 1)
    net = Network()
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=1))
    erik = net.add(Member(name="Erik"))
    mail = net.send(anna, erik, on=versand)
    try:
        net.react(mail, Reaction.REPLY, on=reagiert)
    except TimeWentBackwards as error:
        vorlage = error.message
        for tag, name in ((versand, "{versand}"), (reagiert, "{reaktion}")):
            text = f"{tag:%d.%m.%Y}"
            _pruefe(vorlage.count(text) == 1, f"{text} nicht genau einmal in {vorlage!r}")
            vorlage = vorlage.replace(text, name)
        return {
            "code": error.code,
            "meldung": vorlage,
            "regeln": regel_ids(vorlage),
            "href": f"{FEHLER_SEITE}#{error.code}",
        }
    raise PluginError("werkzeuge: eine Reaktion vor dem Versand wurde angenommen")


def guthaben_code(versand: date, reaktion: str, tag: int) -> tuple[str, dict[str, str | list[str]]]:
    """The template and code placeholders for a choice (as werkzeuge.js fills them)."""
    name = None if reaktion == _KEINE else Reaction(reaktion).name
    werte: dict[str, str | list[str]] = {
        "versand": _py_datum(versand),
        "tag": _py_datum(versand + timedelta(days=tag)),
        "name": name or "",
    }
    if name is not None and tag < 0:
        return GUTHABEN_VORLAGE_ZU_FRUEH, werte
    werte["reaktion"] = [] if name is None else [fuelle(GUTHABEN_REAKTION, werte)]
    return GUTHABEN_VORLAGE, werte


# -- Sterne-Rechner ------------------------------------------------------------------------------

STERNE_START = (
    Reaction.SPAM,
    Reaction.NOT_INTERESTED,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.SPAM,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.NOT_INTERESTED,
    Reaction.REPLY,
    Reaction.REPLY,
    Reaction.SPAM,
)
"""The sequence the Sterne-Rechner starts with: two old negatives have left the window."""

STERNE_AKTIONEN = (
    ("zurueck", "Letzte entfernen"),
    ("leeren", "Alle entfernen"),
    ("start", "Beispiel laden"),
)
"""The Sterne-Rechner's buttons besides the reactions: value of ``data-aktion`` and label."""

STERNE_VORLAGE = """\
from inmail_explained import Reaction, is_negative, rating_window, stars_for

bewertungen = [
    $bewertungen
]
fenster = rating_window(bewertungen)
negativ = [bewertung for bewertung in fenster if is_negative(bewertung)]
print(len(fenster), len(negativ))
$fenster
print(stars_for(bewertungen))
$sterne\
"""


def sterne_daten() -> Json:
    """Window size, negative reactions and stars per number of negatives in the window (F1-F3).

    The hook checks on every sequence up to 6 ratings and on 400 random longer ones that the
    stars are the table's entry for the negatives among the last `FEEDBACK_WINDOW` ratings.
    """
    fenster = FEEDBACK_WINDOW
    reaktionen = list(Reaction)
    negativ = [reaktion for reaktion in reaktionen if is_negative(reaktion)]
    positiv = [reaktion for reaktion in reaktionen if not is_negative(reaktion)]
    _pruefe(bool(negativ) and bool(positiv), "es braucht negative und positive Reaktionen")
    sterne = [
        stars_for(negativ[:1] * anzahl + positiv[:1] * (fenster - anzahl))
        for anzahl in range(fenster + 1)
    ]
    _pruefe(stars_for([]) == sterne[0] == MAX_STARS, "ohne Bewertung gibt es nicht alle Sterne")
    zufall = random.Random(20150101)
    folgen: list[Sequence[Reaction]] = [
        folge for laenge in range(7) for folge in product(reaktionen, repeat=laenge)
    ]
    folgen += [zufall.choices(reaktionen, k=zufall.randrange(fenster + 15)) for _ in range(400)]
    for folge in folgen:
        zaehlt = folge[-fenster:]
        _pruefe(list(rating_window(folge)) == list(zaehlt), f"Fenster von {folge}")
        anzahl = sum(1 for reaktion in zaehlt if is_negative(reaktion))
        _pruefe(stars_for(folge) == sterne[anzahl], f"Sterne für {folge}")
    return {
        "fenster": fenster,
        "max": MAX_STARS,
        "sterne": sterne,
        "reaktionen": [
            {
                "wert": reaktion.value,
                "label": reaktion.label,
                "name": reaktion.name,
                "negativ": is_negative(reaktion),
            }
            for reaktion in reaktionen
        ],
        "start": [reaktion.value for reaktion in STERNE_START],
        "vorlage": STERNE_VORLAGE,
    }


def sterne_code(folge: Iterable[str]) -> dict[str, str | list[str]]:
    """The code placeholders for a sequence of reaction values."""
    return {"bewertungen": [f"Reaction.{Reaction(wert).name}," for wert in folge]}


# -- HTML ----------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json_html(daten: Json) -> str:
    """The data as text for a ``<template>``: JSON with ``&``, ``<`` and ``>`` escaped."""
    return html.escape(json.dumps(daten, ensure_ascii=False, separators=(",", ":")), quote=False)


def _regel_link(regel: str, regeln: Json) -> str:
    eintrag = regeln[regel]
    return f'<a href="{_e(eintrag["href"])}" title="{_e(regel)} {_e(eintrag["titel"])}">{regel}</a>'


def _werkzeug_rahmen(name: str, formular: str, daten: Json, tabelle: str) -> str:
    """The tool: a note for readers without JavaScript, the hidden form, data, static table."""
    return (
        f'<div class="werkzeug-rahmen" data-werkzeug-rahmen="{name}">\n'
        f'<p class="werkzeug-ohne-js" data-werkzeug-ohne-js>Dieses Werkzeug braucht '
        f"JavaScript. Alle seine Antworten stehen auch in der Tabelle darunter.</p>\n"
        f'<div class="werkzeug" data-werkzeug-app="{name}" hidden>\n'
        f'<form class="werkzeug-eingaben" autocomplete="off" data-werkzeug-form>\n{formular}'
        f"</form>\n"
        f'<div class="werkzeug-ausgabe">\n'
        f'<p class="werkzeug-ansage" role="status" aria-live="polite" aria-atomic="true" '
        f"data-werkzeug-ansage></p>\n"
        f"<div data-werkzeug-ergebnis></div>\n</div>\n"
        f"<template data-werkzeug-daten data-search-exclude>{_json_html(daten)}</template>\n"
        f"</div>\n{tabelle}</div>\n"
    )


def _radio(gruppe: str, name: str, wert: str, label: str, gewaehlt: bool) -> str:
    kennung = f"{gruppe}-{name}-{wert}"
    return (
        f'<div class="werkzeug-wahl"><input type="radio" id="{kennung}" name="{name}" '
        f'value="{_e(wert)}"{" checked" if gewaehlt else ""}> '
        f'<label for="{kennung}">{label}</label></div>\n'
    )


def kanal_finder_html(daten: Json, regeln: Json) -> str:
    """Form, data and the table of every combination for the Kanal-Finder."""
    eingaben = {eingabe.name: eingabe for eingabe in KANAL_EINGABEN}
    formular = ""
    for legende, namen in KANAL_FELDER:
        formular += f"<fieldset>\n<legend>{_e(legende or eingaben[namen[0]].label)}</legend>\n"
        for name in namen:
            eingabe = eingaben[name]
            if eingabe.art == "radio":
                for wert in eingabe.werte:
                    formular += _radio(
                        "kf", name, wert.wert, _e(wert.label), wert.wert == eingabe.start
                    )
            else:
                an = eingabe.werte[0]
                formular += (
                    f'<div class="werkzeug-wahl"><input type="checkbox" id="kf-{name}" '
                    f'name="{name}" value="{_e(an.wert)}"'
                    f"{' checked' if eingabe.start == an.wert else ''}> "
                    f'<label for="kf-{name}">{_e(eingabe.label)}</label></div>\n'
                )
        formular += "</fieldset>\n"
    kanaele, fehler = daten["kanaele"], daten["fehler"]

    def ergebnis(senden: Json) -> str:
        if "fehler" in senden:
            return (
                f'klappt nicht: <a href="{_e(fehler[senden["fehler"]]["href"])}">'
                f"<code>{_e(senden['fehler'])}</code></a>"
            )
        kosten = "kostenlos" if senden["kosten"] == 0 else f"{senden['kosten']} Guthaben"
        return f"klappt: {_regel_link(kanaele[senden['kanal']]['regel'], regeln)}, {kosten}"

    zeilen: dict[str, list[str]] = {}
    for schluessel, kombi in daten["kombinationen"].items():
        auswahl = schluessel.split("|")
        absender = eingaben["absender"].wert(auswahl[0]).label
        zellen = [
            eingaben[e.name].wert(w).label for e, w in zip(KANAL_EINGABEN, auswahl, strict=True)
        ][1:]
        knopf = f"„{_e(kombi['knopf'])}“" if kombi["knopf"] else "kein Knopf"
        wege = (
            "<br>".join(
                f"{_regel_link(kanaele[weg['kanal']]['regel'], regeln)} "
                f"{_e(kanaele[weg['kanal']]['titel'])}: {ergebnis(weg['senden'])}"
                for weg in kombi["wege"]
            )
            or "keiner"
        )
        zeilen.setdefault(absender, []).append(
            "<tr>"
            + "".join(f"<td>{_e(zelle)}</td>" for zelle in zellen)
            + f"<td>{knopf}</td><td>{wege}</td><td>{ergebnis(kombi['standard'])}</td></tr>"
        )
    koepfe = (
        "Beziehung",
        "OpenLink",
        "nimmt InMails an",
        "Knopf auf dem Profil",
        "Wege (K1 bis K5) und Senden darüber",
        "Senden ohne Wahl des Weges",
    )
    tabellen = "".join(
        f"<table data-werkzeug-tabelle>\n<caption>Dein Konto: {_e(absender)}</caption>\n"
        "<thead><tr>"
        + "".join(f'<th scope="col">{kopf}</th>' for kopf in koepfe)
        + "</tr></thead>\n<tbody>\n"
        + "\n".join(reihen)
        + "\n</tbody>\n</table>\n"
        for absender, reihen in zeilen.items()
    )
    anzahl = len(daten["kombinationen"])
    tabelle = (
        f'<details class="werkzeug-tabelle" open data-search-exclude data-werkzeug-alle>\n'
        f"<summary>Alle {anzahl} Kombinationen als Tabelle</summary>\n"
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n{tabellen}'
        "</div></div>\n</details>\n"
    )
    return _werkzeug_rahmen("kanal-finder", formular, kanal_seitendaten(daten), tabelle)


def kanal_seitendaten(daten: Json) -> Json:
    """The Kanal-Finder's data as its page carries it: what werkzeuge.js reads, each text once.

    `kanal_finder_daten` holds more than the script needs (labels, ``text`` of each way, the
    rules of the other tools), and what the code prints repeats across the 60 combinations. The
    page gets ``texte``, every distinct printed line once, and each combination's ``ausgabe``
    refers to its lines by their index there; the labels, each way's ``text`` and the rules no
    answer cites are left out. The static table is written from the full data.
    """
    texte: dict[str, int] = {}
    kombinationen: Json = {}
    zitiert = {daten["knopfregel"], *(kanal["regel"] for kanal in daten["kanaele"].values())}
    zitiert |= {regel for eintrag in daten["fehler"].values() for regel in eintrag["regeln"]}
    for schluessel, kombi in daten["kombinationen"].items():
        zitiert |= set(kombi["regeln"])
        kombinationen[schluessel] = {
            **kombi,
            "wege": [
                {name: wert for name, wert in weg.items() if name != "text"}
                for weg in kombi["wege"]
            ],
            "ausgabe": {
                platz: [texte.setdefault(zeile, len(texte)) for zeile in zeilen]
                for platz, zeilen in kombi["ausgabe"].items()
            },
        }
    return {
        "eingaben": [
            {
                "name": eingabe["name"],
                "art": eingabe["art"],
                "werte": [{"wert": w["wert"], "code": w["code"]} for w in eingabe["werte"]],
            }
            for eingabe in daten["eingaben"]
        ],
        **{name: daten[name] for name in ("kanaele", "fehler", "knopfregel", "vorlage")},
        "regeln": {regel: daten["regeln"][regel] for regel in sorted(zitiert)},
        "texte": list(texte),
        "kombinationen": kombinationen,
    }


def _spannen(werte: Sequence[list[Any]]) -> list[tuple[int, int | None, Any, bool]]:
    """Group day offsets 0…N with the same answer into rows of the static table.

    Returns (first day, last day or ``None`` for "and every later day", answer, in time), where
    the answer is a fixed refund offset, ``None`` (no refund) or `AM_REAKTIONSTAG`.
    """
    gruppen: list[tuple[int, int | None, Any, bool]] = []
    for tag, (zurueck, rechtzeitig) in enumerate(werte):
        if gruppen:
            erster, _, art, zeit = gruppen[-1]
            passt = zurueck == tag if art == AM_REAKTIONSTAG else zurueck == art
            if passt and zeit == rechtzeitig:
                gruppen[-1] = (erster, tag, art, zeit)
                continue
        naechster = werte[tag + 1][0] if tag + 1 < len(werte) else None
        am_tag = zurueck == tag and naechster == tag + 1
        gruppen.append((tag, tag, AM_REAKTIONSTAG if am_tag else zurueck, rechtzeitig))
    erster, _, art, zeit = gruppen[-1]
    gruppen[-1] = (erster, None, art, zeit)
    return gruppen


AM_REAKTIONSTAG = "am Tag der Reaktion"

_MONATE = (
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


def datum_de(tag: date) -> str:
    """A date as the site writes it in prose: "1. Januar 2015"."""
    return f"{tag.day}. {_MONATE[tag.month - 1]} {tag.year}"


def _gutschrift_text(art: Any) -> str:
    if art == AM_REAKTIONSTAG:
        return f"ja, {AM_REAKTIONSTAG}"
    if art is None:
        return "nein"
    return f"ja, am Tag {art} nach dem Versand"


def guthaben_rechner_html(daten: Json, regeln: Json) -> str:
    """Form, data and the refund table per era for the Guthaben-Rechner."""
    von, bis = daten["zeitraum"]
    start = daten["start"]
    formular = (
        "<fieldset>\n<legend>Versand der InMail</legend>\n"
        '<div class="werkzeug-feld"><label for="gr-versand">Versanddatum</label> '
        f'<input type="date" id="gr-versand" name="versand" min="{von}" max="{bis}" '
        f'value="{start["versand"]}" required></div>\n</fieldset>\n'
        "<fieldset>\n<legend>Reaktion von Erik</legend>\n"
    )
    for reaktion in daten["reaktionen"]:
        formular += _radio(
            "gr",
            "reaktion",
            reaktion["wert"],
            _e(reaktion["label"]),
            reaktion["wert"] == start["reaktion"],
        )
    formular += (
        '<div class="werkzeug-feld"><label for="gr-tag">Reaktion am Tag … nach dem Versand '
        '(0 = am selben Tag)</label> <input type="number" id="gr-tag" name="tag" min="0" '
        f'max="9999" step="1" inputmode="numeric" value="{start["tag"]}" required> '
        '<output for="gr-versand gr-tag" data-werkzeug-reaktionstag></output></div>\n'
        "</fieldset>\n"
    )
    labels = {reaktion["wert"]: reaktion for reaktion in daten["reaktionen"]}
    tabellen = ""
    for epoche in daten["epochen"]:
        zeitraum = (
            f"Versand bis {datum_de(date.fromisoformat(epoche['bis']))}"
            if epoche["ab"] is None
            else f"Versand ab {datum_de(date.fromisoformat(epoche['ab']))}"
        )
        reihen = [
            "<tr><td>keine Reaktion</td><td>–</td><td>nein</td><td>nein</td>"
            f"<td>{_gutschrift_text(epoche['keine'][0])}</td></tr>"
        ]
        for wert, werte in epoche["reaktionen"].items():
            for erster, letzter, art, rechtzeitig in _spannen(werte):
                if letzter is None:
                    tage = f"ab Tag {erster}"
                elif letzter == erster:
                    tage = f"Tag {erster}"
                else:
                    tage = f"Tag {erster} bis {letzter}"
                reihen.append(
                    f"<tr><td>{_e(labels[wert]['label'])}</td><td>{tage}</td>"
                    f"<td>{'ja' if labels[wert]['antwort'] else 'nein'}</td>"
                    f"<td>{'ja' if rechtzeitig else 'nein'}</td>"
                    f"<td>{_gutschrift_text(art)}</td></tr>"
                )
        tabellen += (
            "<table data-werkzeug-tabelle>\n"
            f"<caption>{_regel_link(epoche['regel'], regeln)} {_e(epoche['name'])}: "
            f"{zeitraum}, Antwortfenster {epoche['fenster']} Tage</caption>\n<thead><tr>"
            '<th scope="col">Reaktion</th><th scope="col">Reaktionstag nach dem Versand</th>'
            '<th scope="col">zählt als Antwort</th><th scope="col">rechtzeitig</th>'
            '<th scope="col">Guthaben kommt zurück</th></tr></thead>\n<tbody>\n'
            + "\n".join(reihen)
            + "\n</tbody>\n</table>\n"
        )
    tabelle = (
        '<div class="werkzeug-tabelle" data-search-exclude>\n'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n'
        f"{tabellen}</div></div>\n</div>\n"
    )
    return _werkzeug_rahmen("guthaben-rechner", formular, daten, tabelle)


def sterne_rechner_html(daten: Json, regeln: Json) -> str:
    """Buttons, data and the table negatives → stars for the Sterne-Rechner."""
    knoepfe = "".join(
        f'<button type="button" class="werkzeug-knopf" data-reaktion="{_e(r["wert"])}">'
        f'„{_e(r["label"])}“ <span class="werkzeug-art">'
        f"({'negativ' if r['negativ'] else 'positiv'})</span></button>\n"
        for r in daten["reaktionen"]
    )
    formular = (
        f"<fieldset>\n<legend>Reaktion anhängen (die neueste kommt ans Ende)</legend>\n"
        f'<div class="werkzeug-knoepfe">\n{knoepfe}</div>\n</fieldset>\n'
        '<div class="werkzeug-knoepfe">\n'
        + "".join(
            f'<button type="button" class="werkzeug-knopf" data-aktion="{aktion}">'
            f"{label}</button>\n"
            for aktion, label in STERNE_AKTIONEN
        )
        + "</div>\n"
    )
    negative = " und ".join(f"„{r['label']}“" for r in daten["reaktionen"] if r["negativ"])
    anzahlen = "".join(f"<td>{anzahl}</td>" for anzahl in range(len(daten["sterne"])))
    sterne = "".join(f"<td>{sterne}</td>" for sterne in daten["sterne"])
    tabelle = (
        '<div class="werkzeug-tabelle" data-search-exclude>\n'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n'
        "<table data-werkzeug-tabelle>\n"
        f"<caption>Sterne nach der Zahl negativer Bewertungen ({_e(negative)}) unter den "
        f"letzten {daten['fenster']} ({_regel_link('F2', regeln)}, "
        f"{_regel_link('F3', regeln)})</caption>\n<tbody>\n"
        f'<tr><th scope="row">negative Bewertungen im Fenster</th>{anzahlen}</tr>\n'
        f'<tr><th scope="row">Sterne (von {daten["max"]})</th>{sterne}</tr>\n'
        "</tbody>\n</table>\n</div></div>\n</div>\n"
    )
    return _werkzeug_rahmen("sterne-rechner", formular, daten, tabelle)


# -- building the site ---------------------------------------------------------------------------


@cache
def _alle_daten(regeln_md: str, fehler_md: str) -> tuple[Json, Json]:
    """Rules and the data of every tool; computed once per process for the same rule pages."""
    verzeichnis = regel_verzeichnis(regeln_md, fehler_md)
    daten = {
        "kanal-finder": kanal_finder_daten(),
        "guthaben-rechner": guthaben_daten(),
        "sterne-rechner": sterne_daten(),
    }
    regeln = verzeichnis["regeln"]
    zitiert = {"F2", "F3", KNOPF_REGEL}
    zitiert |= {
        regel
        for kombi in daten["kanal-finder"]["kombinationen"].values()
        for regel in kombi["regeln"]
    }
    zitiert |= {epoche["regel"] for epoche in daten["guthaben-rechner"]["epochen"]}
    zitiert |= set(daten["guthaben-rechner"]["zu_frueh"]["regeln"])
    zitiert |= {kanal["regel"] for kanal in daten["kanal-finder"]["kanaele"].values()}
    _pruefe(zitiert <= set(regeln), f"Regeln fehlen in {REGELN_SEITE}: {zitiert - set(regeln)}")
    codes = {*daten["kanal-finder"]["fehler"], daten["guthaben-rechner"]["zu_frueh"]["code"]}
    fehlend = codes - set(verzeichnis["fehleranker"])
    _pruefe(not fehlend, f"Fehlercodes ohne Abschnitt in {FEHLER_SEITE}: {fehlend}")
    benutzt = {regel: regeln[regel] for regel in sorted(zitiert)}
    for name in daten:
        daten[name]["regeln"] = benutzt
    return daten, regeln


def werkzeug_daten(docs_dir: Path = DOCS_DIR) -> dict[str, Json]:
    """The data of every tool, with links as paths of source files (``referenz/regeln.md#k1``)."""
    return _alle_daten(*_regelseiten(docs_dir))[0]


def _regelseiten(docs_dir: Path) -> tuple[str, str]:
    return (
        (docs_dir / REGELN_SEITE).read_text("utf-8"),
        (docs_dir / FEHLER_SEITE).read_text("utf-8"),
    )


_HTML = {
    "kanal-finder": kanal_finder_html,
    "guthaben-rechner": guthaben_rechner_html,
    "sterne-rechner": sterne_rechner_html,
}


def _relative_links(daten: Any, aufloesen: Callable[[str], str]) -> Any:
    """A copy of the data with every ``href`` turned into a URL relative to the page."""
    if isinstance(daten, dict):
        return {
            schluessel: aufloesen(wert)
            if schluessel == "href"
            else _relative_links(wert, aufloesen)
            for schluessel, wert in daten.items()
        }
    if isinstance(daten, list):
        return [_relative_links(wert, aufloesen) for wert in daten]
    return daten


SKRIPT = "assets/javascripts/werkzeuge.js"
STIL = "assets/stylesheets/werkzeuge.css"
"""The tools' script and style sheet; only pages with a tool load them (`on_page_content`)."""

_STIL_LINKS: dict[str, str] = {}
"""Page → relative address of `STIL`, from `on_page_content` for `on_post_page`."""


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each tool marker with the tool, its data, its static table and its script.

    Only pages with a tool load werkzeuge.js and werkzeuge.css. Material's instant navigation
    keeps that working: it runs a ``<script src>`` of the new page's content and adds the new
    page's ``<link>`` elements to ``<head>`` (and removes the old page's).
    """
    _STIL_LINKS.pop(page.file.src_uri, None)
    gefunden = _MARKER.findall(html_text)
    if not gefunden:
        return html_text
    unbekannt = set(gefunden) - set(WERKZEUGE)
    _pruefe(not unbekannt, f"{page.file.src_uri}: unbekanntes Werkzeug {unbekannt}")
    _pruefe(len(gefunden) == len(set(gefunden)), f"{page.file.src_uri}: Werkzeug doppelt")
    daten, _ = _alle_daten(*_regelseiten(Path(config.docs_dir)))

    def aufloesen(href: str) -> str:
        pfad, _, anker = href.partition("#")
        ziel = files.get_file_from_path(pfad)
        _pruefe(ziel is not None, f"Linkziel {pfad} fehlt")
        assert ziel is not None
        return ziel.url_relative_to(page.file) + (f"#{anker}" if anker else "")

    def ersetze(treffer: re.Match[str]) -> str:
        name = treffer["name"]
        seitendaten = _relative_links(daten[name], aufloesen)
        return _HTML[name](seitendaten, seitendaten["regeln"])

    _STIL_LINKS[page.file.src_uri] = aufloesen(STIL)
    skript = f'<script src="{_e(aufloesen(SKRIPT))}" defer></script>\n'
    return _MARKER.sub(ersetze, html_text) + skript


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Link the tools' style sheet in ``<head>`` of the pages that show a tool."""
    stil = _STIL_LINKS.get(page.file.src_uri)
    if stil is None:
        return output
    link = f'<link rel="stylesheet" href="{_e(stil)}">\n'
    _pruefe("</head>" in output, f"{page.file.src_uri}: kein </head>")
    return output.replace("</head>", f"{link}</head>", 1)
