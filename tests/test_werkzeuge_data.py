"""The tools' data (hooks/werkzeuge.py) agrees with the library, case by case.

The expected answers here are computed afresh: each test builds its own network with the public
API, independently of the hook's code templates. The functions `kanal_netz`, `kanal_erwartet`,
`guthaben_erwartet` and `laufe_beispiel` are also used by tests/browser/test_werkzeuge.py.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.exceptions import PluginError

import inmail_explained.credits
import inmail_explained.feedback
from inmail_explained import (
    EXAMPLE_DISCUSSION,
    EXAMPLE_GROUP,
    FEEDBACK_WINDOW,
    LEGACY_WINDOW_DAYS,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    Channel,
    InMailError,
    Member,
    Network,
    Reaction,
    TimeWentBackwards,
    example_network,
    is_negative,
    is_response,
    rating_window,
    refund_policy,
    stars_for,
)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _lade_hook() -> ModuleType:
    """Import hooks/werkzeuge.py as the module `werkzeuge` (mkdocs loads it by path, too)."""
    if "werkzeuge" in sys.modules:
        return sys.modules["werkzeuge"]
    spec = importlib.util.spec_from_file_location("werkzeuge", ROOT / "hooks" / "werkzeuge.py")
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules["werkzeuge"] = modul
    spec.loader.exec_module(modul)
    return modul


if TYPE_CHECKING:
    import werkzeuge  # mypy checks hooks/ as top-level modules
else:
    werkzeuge = _lade_hook()

# -- independent oracles -------------------------------------------------------------------------

ABSENDER: dict[str, dict[str, Any]] = {
    "basis": {},
    "premium-leer": {"premium": True},
    "premium": {"premium": True, "inmail_credits": 1},
}
BEZIEHUNGEN = ("kontakt", "gruppe", "moderator", "diskussion", "unbekannt")
KOMBINATIONEN = [
    (absender, beziehung, openlink, inmails)
    for absender, beziehung, openlink, inmails in product(
        ABSENDER, BEZIEHUNGEN, (True, False), (True, False)
    )
]
"""Every Kanal-Finder choice: sender, relation, OpenLink on, accepts InMails."""


def kanal_schluessel(absender: str, beziehung: str, openlink: bool, inmails: bool) -> str:
    return "|".join((absender, beziehung, "an" if openlink else "aus", "an" if inmails else "aus"))


def kanal_netz(
    absender: str, beziehung: str, openlink: bool, inmails: bool
) -> tuple[Network, Member, Member]:
    """A fresh network with A and B related as chosen."""
    net = Network()
    a = net.add(Member(name="A", **ABSENDER[absender]))
    b = net.add(Member(name="B", premium=openlink, openlink=openlink, accepts_inmail=inmails))
    if beziehung == "kontakt":
        net.connect(a, b)
    elif beziehung == "gruppe":
        net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
    elif beziehung == "moderator":
        net.add_group(EXAMPLE_GROUP, moderators=[b], members=[a])
    elif beziehung == "diskussion":
        gruppe = net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
        net.start_discussion(gruppe, author=b, title=EXAMPLE_DISCUSSION)
    return net, a, b


@dataclass(frozen=True)
class Versuch:
    """What `send` did: the channel and cost, or the error code and German message."""

    kanal: str | None = None
    kosten: int | None = None
    fehler: str | None = None
    meldung: str | None = None


@dataclass(frozen=True)
class Weg:
    kanal: str
    regel: str
    kosten: int
    ueber: str | None
    text: str
    senden: Versuch


@dataclass(frozen=True)
class KanalErwartet:
    knopf: str | None
    wege: list[Weg]
    standard: Versuch


def _sende(kombination: tuple[str, str, bool, bool], via: Channel | None) -> Versuch:
    net, a, b = kanal_netz(*kombination)
    try:
        mail = net.send(a, b, on=werkzeuge.SENDETAG, via=via)
    except InMailError as error:
        return Versuch(fehler=error.code, meldung=error.message)
    return Versuch(kanal=mail.channel.value, kosten=mail.cost)


def kanal_erwartet(absender: str, beziehung: str, openlink: bool, inmails: bool) -> KanalErwartet:
    """The Kanal-Finder's answer for one choice, straight from the library."""
    kombination = (absender, beziehung, openlink, inmails)
    net, a, b = kanal_netz(*kombination)
    wege = [
        Weg(
            option.channel.value,
            option.rule,
            option.cost,
            option.via,
            str(option),
            _sende(kombination, option.channel),
        )
        for option in net.options(a, b)
    ]
    return KanalErwartet(net.profile_button(a, b), wege, _sende(kombination, None))


@dataclass(frozen=True)
class GuthabenErwartet:
    regel: str
    name: str
    fenster: int
    gutschrift: date | None
    antwort: bool
    rechtzeitig: bool


def guthaben_erwartet(versand: date, reaktion: Reaction | None, tag: int) -> GuthabenErwartet:
    """Send from Anna to Erik on `versand`, react `tag` days later; what comes back when."""
    net = example_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    mail = net.send(anna, erik, on=versand)
    reagiert = versand + timedelta(days=tag) if reaktion else None
    if reaktion is not None and reagiert is not None:
        net.react(mail, reaktion, on=reagiert)
    policy = refund_policy(versand)
    zurueck = net.refund_on(mail)
    start = anna.inmail_credits
    if zurueck is not None:
        if zurueck > versand:
            assert net.credits(anna, on=zurueck - timedelta(days=1)) == start - 1
        assert net.credits(anna, on=zurueck) == start
    else:
        assert net.credits(anna, on=date.max) == start - 1
    return GuthabenErwartet(
        regel=policy.rule,
        name=policy.name,
        fenster=policy.window_days,
        gutschrift=zurueck,
        antwort=reaktion is not None and is_response(reaktion),
        rechtzeitig=policy.responded_in_time(versand, reaktion, reagiert),
    )


def erwartete_ausgabe(code: str) -> list[str]:
    """The `#>` lines of a code example, without the prefix (see conftest.py)."""
    return [
        zeile.strip().removeprefix("#>").removeprefix(" ")
        for zeile in code.splitlines()
        if zeile.strip().startswith("#>")
    ]


def laufe_beispiel(code: str) -> None:
    """Run a code example and check that it prints exactly its `#>` lines."""
    gedruckt = io.StringIO()
    with contextlib.redirect_stdout(gedruckt):
        exec(compile(code, "<beispiel>", "exec"), {"__name__": "beispiel"})
    assert gedruckt.getvalue().splitlines() == erwartete_ausgabe(code), code


def seitenbeispiel(name: str) -> str:
    """The ```python example inside ``data-werkzeug-code="name"`` on the tool's page."""
    text = (DOCS / "werkzeuge" / f"{name}.md").read_text("utf-8")
    treffer = re.search(
        rf'<div [^>]*data-werkzeug-code="{name}"[^>]*markdown>\n\n```python\n(.*?)\n```\n\n</div>',
        text,
        re.S,
    )
    assert treffer, f"{name}.md: kein Beispiel in <div data-werkzeug-code=…>"
    return treffer[1]


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def daten() -> dict[str, Any]:
    return werkzeuge.werkzeug_daten(DOCS)


# -- the template function -----------------------------------------------------------------------


def test_fuelle_expands_lines_and_words() -> None:
    vorlage = "a = f($x)\n    $liste\n$aus\nende"
    assert werkzeuge.fuelle(vorlage, {"x": "1", "liste": ["b()", "c()"]}, {"aus": ["2", ""]}) == (
        "a = f(1)\n    b()\n    c()\n#> 2\n#>\nende"
    )
    assert werkzeuge.fuelle(vorlage, {"x": "1", "liste": []}, {"aus": []}) == "a = f(1)\nende"
    assert werkzeuge.fuelle("$unbekannt", {}) == "$unbekannt"


# -- Kanal-Finder --------------------------------------------------------------------------------


def test_kanal_finder_has_every_combination(daten: dict[str, Any]) -> None:
    kanal = daten["kanal-finder"]
    erwartet = {kanal_schluessel(*kombination) for kombination in KOMBINATIONEN}
    assert set(kanal["kombinationen"]) == erwartet
    assert len(erwartet) == 60
    assert kanal["start"] in erwartet


@pytest.mark.parametrize("kombination", KOMBINATIONEN, ids=lambda k: kanal_schluessel(*k))
def test_kanal_finder_answer_is_the_librarys(
    daten: dict[str, Any], kombination: tuple[str, str, bool, bool]
) -> None:
    kanal = daten["kanal-finder"]
    gezeigt = kanal["kombinationen"][kanal_schluessel(*kombination)]
    erwartet = kanal_erwartet(*kombination)

    def versuch(ergebnis: dict[str, Any]) -> Versuch:
        if "fehler" in ergebnis:
            code = ergebnis["fehler"]
            return Versuch(fehler=code, meldung=kanal["fehler"][code]["meldung"])
        return Versuch(kanal=ergebnis["kanal"], kosten=ergebnis["kosten"])

    assert gezeigt["knopf"] == erwartet.knopf
    assert versuch(gezeigt["standard"]) == erwartet.standard
    assert [
        Weg(
            weg["kanal"],
            kanal["kanaele"][weg["kanal"]]["regel"],
            weg["kosten"],
            weg["ueber"],
            weg["text"],
            versuch(weg["senden"]),
        )
        for weg in gezeigt["wege"]
    ] == erwartet.wege
    # every rule of an open way and every rule an error message cites is linked
    zitiert = [weg.regel for weg in erwartet.wege]
    for ergebnis in [erwartet.standard, *(weg.senden for weg in erwartet.wege)]:
        zitiert += re.findall(r"\b[KCMF]\d[ab]?\b", ergebnis.meldung or "")
    assert set(zitiert) <= set(gezeigt["regeln"])
    # the code for this choice prints what the tool shows
    code = werkzeuge.fuelle(
        kanal["vorlage"],
        werkzeuge.kanal_code(kanal_schluessel(*kombination).split("|")),
        gezeigt["ausgabe"],
    )
    laufe_beispiel(code)
    assert gezeigt["ausgabe"]["knopf"] == [str(erwartet.knopf)]
    assert gezeigt["ausgabe"]["wege"] == [weg.text for weg in erwartet.wege]


def test_kanal_finder_channels_and_errors(daten: dict[str, Any]) -> None:
    kanal = daten["kanal-finder"]
    assert list(kanal["kanaele"]) == [channel.value for channel in Channel]
    for channel in Channel:
        assert kanal["kanaele"][channel.value] == {
            "regel": channel.rule,
            "titel": channel.title,
            "knopf": channel.label,
            "ort": channel.place,
            "kosten": channel.cost,
        }
    assert set(kanal["fehler"]) == {"premium-required", "no-credits-left", "contact-blocked"}
    for code, fehler in kanal["fehler"].items():
        assert fehler["href"] == f"referenz/fehler.md#{code}"


def test_kanal_page_data_holds_every_answer(daten: dict[str, Any]) -> None:
    """The compact data on the page (kanal_seitendaten) loses nothing werkzeuge.js reads."""
    kanal = daten["kanal-finder"]
    seite = werkzeuge.kanal_seitendaten(kanal)
    assert len(seite["texte"]) == len(set(seite["texte"])), "jeder Text einmal"
    assert set(seite["kombinationen"]) == set(kanal["kombinationen"])
    for schluessel, kombi in kanal["kombinationen"].items():
        gezeigt = seite["kombinationen"][schluessel]
        ausgabe = {
            platz: [seite["texte"][nummer] for nummer in nummern]
            for platz, nummern in gezeigt["ausgabe"].items()
        }
        assert ausgabe == kombi["ausgabe"], schluessel
        assert gezeigt["wege"] == [
            {name: wert for name, wert in weg.items() if name != "text"} for weg in kombi["wege"]
        ]
        for name in ("knopf", "standard", "regeln"):
            assert gezeigt[name] == kombi[name]
        zitiert = {kanal["kanaele"][weg["kanal"]]["regel"] for weg in kombi["wege"]}
        assert {*kombi["regeln"], *zitiert} <= set(seite["regeln"]), schluessel
    for name in ("kanaele", "fehler", "knopfregel", "vorlage"):
        assert seite[name] == kanal[name]
    for eingabe, gekuerzt in zip(kanal["eingaben"], seite["eingaben"], strict=True):
        assert (gekuerzt["name"], gekuerzt["art"]) == (eingabe["name"], eingabe["art"])
        assert gekuerzt["werte"] == [
            {"wert": w["wert"], "code": w["code"]} for w in eingabe["werte"]
        ]
    assert {regel for f in kanal["fehler"].values() for regel in f["regeln"]} <= set(
        seite["regeln"]
    )
    assert seite["regeln"] == {regel: kanal["regeln"][regel] for regel in seite["regeln"]}


# -- Guthaben-Rechner ----------------------------------------------------------------------------


def _nachgeschlagen(daten: dict[str, Any], versand: date, reaktion: str, tag: int) -> Any:
    """Look an answer up as werkzeuge.js does: era by first day, day capped at N."""
    guthaben = daten["guthaben-rechner"]
    epoche = [e for e in guthaben["epochen"] if e["ab"] is None or e["ab"] <= versand.isoformat()]
    gewaehlt = epoche[-1]
    if reaktion == "keine":
        zurueck, rechtzeitig = gewaehlt["keine"]
    else:
        zurueck, rechtzeitig = gewaehlt["reaktionen"][reaktion][min(tag, guthaben["grenze"])]
    gutschrift = None if zurueck is None else versand + timedelta(days=zurueck)
    return gewaehlt, gutschrift, rechtzeitig


def test_guthaben_eras_follow_the_policy_change(daten: dict[str, Any]) -> None:
    guthaben = daten["guthaben-rechner"]
    assert guthaben["stichtag"] == POLICY_CHANGE.isoformat()
    alt, neu = guthaben["epochen"]
    assert (alt["ab"], alt["bis"], neu["ab"]) == (
        None,
        (POLICY_CHANGE - timedelta(days=1)).isoformat(),
        POLICY_CHANGE.isoformat(),
    )
    for epoche, tag in ((alt, POLICY_CHANGE - timedelta(days=1)), (neu, POLICY_CHANGE)):
        policy = refund_policy(tag)
        assert (epoche["regel"], epoche["name"], epoche["fenster"]) == (
            policy.rule,
            policy.name,
            policy.window_days,
        )
    assert guthaben["grenze"] > max(LEGACY_WINDOW_DAYS + 1, RESPONSE_WINDOW_DAYS)
    reaktionen = {r["wert"]: r for r in guthaben["reaktionen"]}
    for reaktion in Reaction:
        assert reaktionen[reaktion.value]["antwort"] == is_response(reaktion)
        assert reaktionen[reaktion.value]["label"] == f"„{reaktion.label}“"


def _guthaben_faelle() -> Iterator[tuple[date, str, int]]:
    for versand in (POLICY_CHANGE - timedelta(days=1), POLICY_CHANGE):
        yield versand, "keine", 0
        for reaktion, tag in product(Reaction, range(RESPONSE_WINDOW_DAYS + 3)):
            yield versand, reaktion.value, tag


def test_guthaben_every_day_up_to_n(daten: dict[str, Any]) -> None:
    """Each era, reaction and day 0…N+1 next to the change, as the library says."""
    for versand, reaktion, tag in _guthaben_faelle():
        art = None if reaktion == "keine" else Reaction(reaktion)
        erwartet = guthaben_erwartet(versand, art, tag)
        epoche, gutschrift, rechtzeitig = _nachgeschlagen(daten, versand, reaktion, tag)
        assert (epoche["regel"], gutschrift, rechtzeitig) == (
            erwartet.regel,
            erwartet.gutschrift,
            erwartet.rechtzeitig,
        ), (versand, reaktion, tag)


def test_guthaben_random_days_and_offsets(daten: dict[str, Any]) -> None:
    """Any send day in the range, any day offset (also far beyond N): lookup = library."""
    zufall = random.Random(7)
    von, bis = (date.fromisoformat(tag) for tag in daten["guthaben-rechner"]["zeitraum"])
    werte = ["keine", *(reaktion.value for reaktion in Reaction)]
    for _ in range(300):
        versand = von + timedelta(days=zufall.randrange((bis - von).days + 1))
        tag = zufall.choice([zufall.randrange(100), zufall.randrange(3000)])
        reaktion = zufall.choice(werte)
        art = None if reaktion == "keine" else Reaction(reaktion)
        erwartet = guthaben_erwartet(versand, art, tag)
        epoche, gutschrift, rechtzeitig = _nachgeschlagen(daten, versand, reaktion, tag)
        assert (epoche["regel"], gutschrift, rechtzeitig) == (
            erwartet.regel,
            erwartet.gutschrift,
            erwartet.rechtzeitig,
        ), (versand, reaktion, tag)


def test_guthaben_reaction_before_sending(daten: dict[str, Any]) -> None:
    zu_frueh = daten["guthaben-rechner"]["zu_frueh"]
    net = example_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    mail = net.send(anna, erik, on=date(2015, 6, 10))
    with pytest.raises(TimeWentBackwards) as fehler:
        net.react(mail, Reaction.SPAM, on=date(2015, 6, 9))
    assert zu_frueh["code"] == fehler.value.code
    assert (
        zu_frueh["meldung"].format(versand="10.06.2015", reaktion="09.06.2015")
        == fehler.value.message
    )


def guthaben_beispiel(daten: dict[str, Any], versand: date, reaktion: str, tag: int) -> str:
    """The Guthaben-Rechner's code for a choice, filled as werkzeuge.js fills it."""
    vorlage, code = werkzeuge.guthaben_code(versand, reaktion, tag)
    if vorlage == werkzeuge.GUTHABEN_VORLAGE_ZU_FRUEH:
        return werkzeuge.fuelle(
            vorlage, code, {"fehler": [daten["guthaben-rechner"]["zu_frueh"]["code"]]}
        )
    epoche, gutschrift, _ = _nachgeschlagen(daten, versand, reaktion, tag)
    ausgabe = {
        "regel": [f"{epoche['regel']} {epoche['name']}"],
        "gutschrift": [str(gutschrift)],
    }
    return werkzeuge.fuelle(vorlage, code, ausgabe)


@pytest.mark.parametrize(
    ("versand", "reaktion", "tag"),
    [
        (date(2014, 3, 1), "not-interested", 19),
        (date(2014, 12, 31), "reply", 7),
        (date(2015, 1, 1), "reply", 90),
        (date(2015, 1, 1), "not-interested", 91),
        (date(2015, 1, 1), "keine", 0),
        (date(2014, 12, 31), "spam", 0),
        (date(2015, 3, 2), "spam", -1),
    ],
)
def test_guthaben_code_prints_what_it_claims(
    daten: dict[str, Any], versand: date, reaktion: str, tag: int
) -> None:
    laufe_beispiel(guthaben_beispiel(daten, versand, reaktion, tag))


# -- Sterne-Rechner ------------------------------------------------------------------------------


def test_sterne_table_and_window(daten: dict[str, Any]) -> None:
    sterne = daten["sterne-rechner"]
    assert sterne["fenster"] == FEEDBACK_WINDOW
    assert sterne["sterne"] == [
        stars_for([Reaction.SPAM] * anzahl + [Reaction.REPLY] * (FEEDBACK_WINDOW - anzahl))
        for anzahl in range(FEEDBACK_WINDOW + 1)
    ]
    assert {r["wert"]: r["negativ"] for r in sterne["reaktionen"]} == {
        reaktion.value: is_negative(reaktion) for reaktion in Reaction
    }
    zufall = random.Random(3)
    for _ in range(500):
        folge = zufall.choices(list(Reaction), k=zufall.randrange(30))
        fenster = folge[-sterne["fenster"] :]  # as werkzeuge.js: slice(-fenster)
        assert fenster == list(rating_window(folge))
        negativ = sum(1 for reaktion in fenster if sterne_negativ(sterne, reaktion))
        assert sterne["sterne"][negativ] == stars_for(folge)


def sterne_negativ(sterne: dict[str, Any], reaktion: Reaction) -> bool:
    return bool(next(r["negativ"] for r in sterne["reaktionen"] if r["wert"] == reaktion.value))


def sterne_beispiel(folge: list[Reaction]) -> str:
    """The Sterne-Rechner's code for a sequence, filled as werkzeuge.js fills it."""
    fenster = rating_window(folge)
    ausgabe = {
        "fenster": [f"{len(fenster)} {sum(1 for r in fenster if is_negative(r))}"],
        "sterne": [str(stars_for(folge))],
    }
    return werkzeuge.fuelle(
        werkzeuge.STERNE_VORLAGE, werkzeuge.sterne_code(r.value for r in folge), ausgabe
    )


@pytest.mark.parametrize("laenge", [0, 1, 10, 11, 25])
def test_sterne_code_prints_what_it_claims(laenge: int) -> None:
    laufe_beispiel(sterne_beispiel(random.Random(laenge).choices(list(Reaction), k=laenge)))


# -- the pages -----------------------------------------------------------------------------------


def test_page_examples_are_the_start_choices(daten: dict[str, Any]) -> None:
    """Each page's executed example is the tool's code for the form's start values."""
    kanal = daten["kanal-finder"]
    start = kanal["kombinationen"][kanal["start"]]
    assert seitenbeispiel("kanal-finder") == werkzeuge.fuelle(
        kanal["vorlage"], werkzeuge.kanal_code(kanal["start"].split("|")), start["ausgabe"]
    )
    anfang = daten["guthaben-rechner"]["start"]
    versand = date.fromisoformat(anfang["versand"])
    assert seitenbeispiel("guthaben-rechner") == guthaben_beispiel(
        daten, versand, anfang["reaktion"], anfang["tag"]
    )
    folge = [Reaction(wert) for wert in daten["sterne-rechner"]["start"]]
    assert seitenbeispiel("sterne-rechner") == sterne_beispiel(folge)


def test_rule_and_error_links_exist(daten: dict[str, Any]) -> None:
    regeln_md = (DOCS / "referenz" / "regeln.md").read_text("utf-8")
    fehler_md = (DOCS / "referenz" / "fehler.md").read_text("utf-8")
    regeln = daten["kanal-finder"]["regeln"]
    assert {"K1", "K2", "K3", "K4", "K5", "K6", "K7", "C1", "C2", "F2", "F3"} <= set(regeln)
    for regel, eintrag in regeln.items():
        assert eintrag["href"] == f"referenz/regeln.md#{regel.lower()}"
        assert f"{{#{regel.lower()}}}" in regeln_md
        if "glossar" in eintrag:
            assert (DOCS / eintrag["glossar"]["href"]).is_file()
    assert regeln["K2"]["glossar"]["href"] == "glossar/moderatoren.md"
    for name in werkzeuge.WERKZEUGE:
        for eintrag in daten[name].get("fehler", {}).values():
            assert f"{{#{eintrag['href'].partition('#')[2]}}}" in fehler_md


# -- a changed rule changes the tools ------------------------------------------------------------


def test_changed_star_rule_changes_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inmail_explained.feedback, "NEGATIVES_PER_STAR", 3)
    assert werkzeuge.sterne_daten()["sterne"] == [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2]


def test_changed_refund_rule_changes_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inmail_explained.credits, "LEGACY_REFUND_DELAY_DAYS", 10)
    alt = werkzeuge.guthaben_daten()["epochen"][0]
    assert alt["keine"] == [10, False]
    assert alt["reaktionen"]["spam"][0] == [10, False]


def test_a_second_policy_change_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def drei_regeln(sent_on: date) -> Any:
        if sent_on >= date(2016, 6, 1):
            return inmail_explained.credits.ANSWER_GUARANTEE
        return refund_policy(sent_on)

    monkeypatch.setattr(werkzeuge, "refund_policy", drei_regeln)
    with pytest.raises(PluginError, match="genau einen Regelwechsel"):
        werkzeuge.guthaben_daten()
