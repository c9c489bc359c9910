"""The three tools in a real browser: every answer they show is the library's.

Each test opens a tool page once and walks through its cases with the real controls (radio
buttons, check boxes, date and number fields, buttons, also by keyboard), reading what the page
shows after each step. The expected answers come from the library, computed here (the oracles
live in tests/test_werkzeuge_data.py). The code the page shows for each choice is run, too, and
must print its own `#>` lines.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from inmail_explained import (
    FEEDBACK_WINDOW,
    LEGACY_WINDOW_DAYS,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    Channel,
    Reaction,
    TimeWentBackwards,
    example_network,
    is_negative,
    rating_window,
    stars_for,
)
from tests.browser.conftest import PageLog
from tests.test_werkzeuge_data import (
    ABSENDER,
    BEZIEHUNGEN,
    KOMBINATIONEN,
    Versuch,
    guthaben_erwartet,
    kanal_erwartet,
    laufe_beispiel,
)

WERKZEUGE = ("kanal-finder", "guthaben-rechner", "sterne-rechner")


def oeffne(page: Any, base_url: str, name: str) -> Any:
    """Open a tool page and wait until its script has started the tool."""
    page.goto(f"{base_url}werkzeuge/{name}/")
    app = page.locator(f"[data-werkzeug-app='{name}'][data-gestartet]")
    app.wait_for()
    return app


def per_tastatur(page: Any, selektor: str, taste: str = "Space") -> None:
    """Focus a control and press a key on it: Space checks a radio button or toggles a box."""
    page.focus(selektor)
    page.keyboard.press(taste)


def keine_fehler(page_log: PageLog) -> None:
    assert page_log.console_errors == []
    assert page_log.failed_requests == []
    assert page_log.foreign_requests == []


# -- Kanal-Finder --------------------------------------------------------------------------------

_LIES_KANAL = """
app => {
  const erg = app.querySelector("[data-werkzeug-ergebnis]");
  const versuch = (span) => span.dataset.fehler !== undefined
    ? {fehler: span.dataset.fehler, text: span.textContent}
    : {kanal: span.dataset.kanal, kosten: Number(span.dataset.kosten), text: span.textContent};
  const knopf = erg.querySelector('[data-ergebnis="knopf"]');
  return {
    knopf: knopf.dataset.knopf, knopfText: knopf.textContent,
    standard: versuch(erg.querySelector('[data-ergebnis="standard"] > span')),
    wege: [...erg.querySelectorAll('[data-ergebnis="wege"] tbody tr')].map(tr => ({
      kanal: tr.dataset.kanal,
      zellen: [...tr.cells].map(zelle => zelle.textContent),
      kosten: Number(tr.cells[4].dataset.kosten),
      regelLink: tr.cells[0].querySelector("a").href,
      senden: versuch(tr.cells[5].querySelector("span")),
    })),
    regeln: [...erg.querySelectorAll('[data-ergebnis="regeln"] li')].map(li => ({
      id: li.dataset.regel, links: [...li.querySelectorAll("a")].map(a => a.href),
    })),
    ansage: app.querySelector("[data-werkzeug-ansage]").textContent,
    code: document.querySelector('[data-werkzeug-code="kanal-finder"] pre code').textContent,
  };
}
"""


def _pruefe_versuch(gezeigt: dict[str, Any], erwartet: Versuch) -> None:
    if erwartet.fehler is not None:
        assert gezeigt.get("fehler") == erwartet.fehler
        assert erwartet.meldung is not None
        assert erwartet.meldung in gezeigt["text"]
    else:
        assert (gezeigt.get("kanal"), gezeigt.get("kosten")) == (erwartet.kanal, erwartet.kosten)
        assert gezeigt["text"].startswith("klappt")


def test_kanal_finder_every_combination(page: Any, base_url: str, page_log: PageLog) -> None:
    """All 60 combinations, set with the form's controls, show the library's answer."""
    app = oeffne(page, base_url, "kanal-finder")
    regelseite = f"{base_url}referenz/regeln/#"
    gesehen = set()
    eingestellt: tuple[str, str, bool, bool] = ("premium", "unbekannt", False, True)  # start
    for absender, beziehung, openlink, inmails in KOMBINATIONEN:
        # by keyboard, and only the controls that change, as a reader would
        if absender != eingestellt[0]:
            per_tastatur(page, f"#kf-absender-{absender}")
        if beziehung != eingestellt[1]:
            per_tastatur(page, f"#kf-beziehung-{beziehung}")
        if openlink != eingestellt[2]:
            per_tastatur(page, "#kf-openlink")
        if inmails != eingestellt[3]:
            per_tastatur(page, "#kf-inmails")
        eingestellt = (absender, beziehung, openlink, inmails)
        assert page.is_checked("#kf-openlink") == openlink
        gezeigt = app.evaluate(_LIES_KANAL)
        erwartet = kanal_erwartet(absender, beziehung, openlink, inmails)
        fall = (absender, beziehung, openlink, inmails)

        assert gezeigt["knopf"] == (erwartet.knopf or ""), fall
        assert ("kein Knopf" in gezeigt["knopfText"]) == (erwartet.knopf is None), fall
        _pruefe_versuch(gezeigt["standard"], erwartet.standard)
        assert [weg["kanal"] for weg in gezeigt["wege"]] == [w.kanal for w in erwartet.wege], fall
        for weg, soll in zip(gezeigt["wege"], erwartet.wege, strict=True):
            kanal = Channel(soll.kanal)
            assert weg["zellen"][:4] == [
                soll.regel,
                kanal.title,
                f"{kanal.place} „{soll.ueber}“" if soll.ueber else kanal.place,
                f"„{kanal.label}“",
            ], fall
            assert weg["kosten"] == soll.kosten
            assert ("kostenlos" in weg["zellen"][4]) == (soll.kosten == 0)
            assert weg["regelLink"] == regelseite + soll.regel.lower()
            _pruefe_versuch(weg["senden"], soll.senden)
        gezeigte_regeln = [regel["id"] for regel in gezeigt["regeln"]]
        assert {w.regel for w in erwartet.wege} <= set(gezeigte_regeln), fall
        for regel in gezeigt["regeln"]:
            assert regel["links"][0] == regelseite + regel["id"].lower()
            assert all(link.startswith(base_url) for link in regel["links"])
        assert gezeigt["ansage"], "die Zusammenfassung fehlt"
        laufe_beispiel(gezeigt["code"])
        gesehen.add(fall)
    assert len(gesehen) == len(ABSENDER) * len(BEZIEHUNGEN) * 2 * 2 == 60
    keine_fehler(page_log)


def test_kanal_finder_by_keyboard(page: Any, base_url: str) -> None:
    """Arrow keys move through a radio group, Space toggles a check box; the result follows."""
    app = oeffne(page, base_url, "kanal-finder")
    page.locator("#kf-absender-premium").focus()
    page.keyboard.press("ArrowUp")  # Premium, 0 InMail-Guthaben
    assert page.locator("#kf-absender-premium-leer").is_checked()
    assert app.locator("[data-ergebnis='standard'] [data-fehler]").get_attribute("data-fehler") == (
        "no-credits-left"
    )
    page.keyboard.press("Tab")  # to the checked radio of the next group
    page.keyboard.press("ArrowUp")  # B hat in einer Diskussion deiner Gruppe geschrieben
    assert page.locator("#kf-beziehung-diskussion").is_checked()
    assert app.locator("[data-ergebnis='standard'] [data-kanal]").get_attribute("data-kanal") == (
        Channel.PRIVATE_REPLY.value
    )
    page.keyboard.press("Tab")  # OpenLink
    page.keyboard.press("Space")
    assert page.locator("#kf-openlink").is_checked()
    assert app.locator("[data-ergebnis='knopf']").get_attribute("data-knopf") == "InMail senden"
    ansage = app.locator("[data-werkzeug-ansage]")
    assert ansage.get_attribute("aria-live") == "polite"
    assert "„InMail senden“" in (ansage.text_content() or "")


# -- Guthaben-Rechner ----------------------------------------------------------------------------

_LIES_GUTHABEN = """
app => {
  const erg = app.querySelector("[data-werkzeug-ergebnis]");
  const eins = (name) => erg.querySelector(`[data-ergebnis="${name}"]`);
  return {
    regel: eins("regel")?.dataset.regel ?? null,
    gutschrift: eins("gutschrift")?.dataset.datum ?? null,
    antwort: eins("reaktion")?.dataset.antwort ?? null,
    rechtzeitig: eins("reaktion")?.dataset.rechtzeitig ?? null,
    fehler: eins("fehler")?.dataset.fehler ?? null,
    fehlerText: eins("fehler")?.textContent ?? null,
    problem: eins("problem")?.textContent ?? null,
    zeitleiste: [...erg.querySelectorAll('[data-ergebnis="zeitleiste"] li')].map(li => [
      li.dataset.art, Number(li.dataset.tag), li.querySelector("time").dateTime,
    ]),
    tagGesperrt: app.querySelector("#gr-tag").disabled,
    code: document.querySelector('[data-werkzeug-code="guthaben-rechner"] pre code').textContent,
  };
}
"""


class GuthabenSeite:
    """The Guthaben-Rechner on an open page: set a choice with its controls, compare."""

    def __init__(self, page: Any, app: Any) -> None:
        self.page, self.app = page, app
        self.faelle = 0
        self.eingestellt = {
            name: page.input_value(f"#gr-{name}") for name in ("versand", "tag")
        } | {"reaktion": page.eval_on_selector("#gr-reaktion-keine", "e => e.form.reaktion.value")}

    def stelle(self, name: str, wert: str) -> None:
        """Use a control only when its value changes, as a reader would."""
        if self.eingestellt[name] == wert:
            return
        if name == "reaktion":
            per_tastatur(self.page, f"#gr-reaktion-{wert}")
        else:
            self.page.fill(f"#gr-{name}", wert)
        self.eingestellt[name] = wert

    def waehle(self, versand: date, reaktion: Reaction | None, tag: int) -> dict[str, Any]:
        self.stelle("versand", versand.isoformat())
        self.stelle("reaktion", reaktion.value if reaktion else "keine")
        if reaktion is not None:
            self.stelle("tag", str(tag))
        gezeigt: dict[str, Any] = self.app.evaluate(_LIES_GUTHABEN)
        return gezeigt

    def pruefe(self, versand: date, reaktion: Reaction | None, tag: int) -> None:
        gezeigt = self.waehle(versand, reaktion, tag)
        erwartet = guthaben_erwartet(versand, reaktion, tag)
        fall = (versand, reaktion, tag)
        assert gezeigt["regel"] == erwartet.regel, fall
        assert gezeigt["gutschrift"] == (
            erwartet.gutschrift.isoformat() if erwartet.gutschrift else ""
        ), fall
        assert gezeigt["tagGesperrt"] == (reaktion is None)
        if reaktion is not None:
            assert gezeigt["antwort"] == ("ja" if erwartet.antwort else "nein"), fall
            assert gezeigt["rechtzeitig"] == ("ja" if erwartet.rechtzeitig else "nein"), fall
        soll = [["versand", 0, versand.isoformat()]]
        if reaktion is not None:
            reagiert = versand + timedelta(days=tag)
            soll.append(["reaktion", tag, reagiert.isoformat()])
        ende = versand + timedelta(days=erwartet.fenster)
        soll.append(["fensterende", erwartet.fenster, ende.isoformat()])
        if erwartet.gutschrift is not None:
            zurueck = (erwartet.gutschrift - versand).days
            soll.append(["gutschrift", zurueck, erwartet.gutschrift.isoformat()])
        assert sorted(gezeigt["zeitleiste"]) == sorted(soll), fall
        tage = [eintrag[1] for eintrag in gezeigt["zeitleiste"]]
        assert tage == sorted(tage), "die Zeitleiste ist nach Tagen geordnet"
        laufe_beispiel(gezeigt["code"])
        self.faelle += 1


def test_guthaben_rechner_edges_and_sample(page: Any, base_url: str, page_log: PageLog) -> None:
    """Both sides of each window edge and of the policy change, every reaction, 50 random."""
    seite = GuthabenSeite(page, oeffne(page, base_url, "guthaben-rechner"))
    tage = sorted(
        {0, LEGACY_WINDOW_DAYS, LEGACY_WINDOW_DAYS + 1, RESPONSE_WINDOW_DAYS}
        | {RESPONSE_WINDOW_DAYS + 1}
    )
    assert tage == [0, 7, 8, 90, 91]
    versandtage = (
        date(2014, 3, 1),
        POLICY_CHANGE - timedelta(days=1),
        POLICY_CHANGE,
        date(2015, 6, 15),
    )
    for versand in versandtage:
        seite.pruefe(versand, None, 0)
        for reaktion, tag in product(Reaction, tage):
            seite.pruefe(versand, reaktion, tag)
    assert seite.faelle == len(versandtage) * (1 + len(Reaction) * len(tage)) == 64

    zufall = random.Random(20150101)
    von = date.fromisoformat(page.get_attribute("#gr-versand", "min"))
    bis = date.fromisoformat(page.get_attribute("#gr-versand", "max"))
    for _ in range(50):
        versand = von + timedelta(days=zufall.randrange((bis - von).days + 1))
        reaktion = zufall.choice([None, *Reaction])
        tag = zufall.choice([zufall.randrange(120), zufall.randrange(1500)])
        seite.pruefe(versand, reaktion, tag)
    assert seite.faelle == 64 + 50
    keine_fehler(page_log)


def test_guthaben_rechner_refuses_a_reaction_before_sending(page: Any, base_url: str) -> None:
    seite = GuthabenSeite(page, oeffne(page, base_url, "guthaben-rechner"))
    gezeigt = seite.waehle(date(2015, 3, 2), Reaction.REPLY, -1)
    net = example_network()
    mail = net.send(net.member("Anna"), net.member("Erik"), on=date(2015, 3, 2))
    with pytest.raises(TimeWentBackwards) as fehler:
        net.react(mail, Reaction.REPLY, on=date(2015, 3, 1))
    assert gezeigt["fehler"] == fehler.value.code
    assert fehler.value.message in gezeigt["fehlerText"]
    laufe_beispiel(gezeigt["code"])
    page.fill("#gr-tag", "")
    assert "ganze Zahl" in (seite.app.evaluate(_LIES_GUTHABEN)["problem"] or "")


# -- Sterne-Rechner ------------------------------------------------------------------------------

_LIES_STERNE = """
app => {
  const erg = app.querySelector("[data-werkzeug-ergebnis]");
  const fenster = erg.querySelector('[data-ergebnis="fenster"]');
  return {
    sterne: Number(erg.querySelector('[data-ergebnis="sterne"]').dataset.sterne),
    zaehlt: Number(fenster.dataset.zaehlt),
    negativ: Number(fenster.dataset.negativ),
    folge: [...erg.querySelectorAll('[data-ergebnis="folge"] li')].map(li => [
      li.dataset.reaktion, li.dataset.zaehlt,
    ]),
    code: document.querySelector('[data-werkzeug-code="sterne-rechner"] pre code').textContent,
  };
}
"""


def test_sterne_rechner_every_window(page: Any, base_url: str, page_log: PageLog) -> None:
    """0 to 10 negatives in a full window, partial windows, old negatives dropping out, undo."""
    app = oeffne(page, base_url, "sterne-rechner")
    knopf = {
        reaktion: app.locator(f"button[data-reaktion='{reaktion.value}']") for reaktion in Reaction
    }
    folge: list[Reaction] = [Reaction(li[0]) for li in app.evaluate(_LIES_STERNE)["folge"]]
    volle_fenster: set[int] = set()
    schritte = 0

    def pruefe() -> None:
        nonlocal schritte
        gezeigt = app.evaluate(_LIES_STERNE)
        fenster = list(rating_window(folge))
        negativ = sum(1 for reaktion in fenster if is_negative(reaktion))
        assert gezeigt["sterne"] == stars_for(folge), folge
        assert (gezeigt["zaehlt"], gezeigt["negativ"]) == (len(fenster), negativ), folge
        alt = len(folge) - len(fenster)
        assert gezeigt["folge"] == [
            [reaktion.value, "ja" if nummer >= alt else "nein"]
            for nummer, reaktion in enumerate(folge)
        ]
        if len(fenster) == FEEDBACK_WINDOW:
            volle_fenster.add(negativ)
        laufe_beispiel(gezeigt["code"])
        schritte += 1

    def dazu(reaktion: Reaction, *, tastatur: bool = True) -> None:
        if tastatur:
            knopf[reaktion].focus()
            page.keyboard.press("Enter")
        else:
            knopf[reaktion].click()
        folge.append(reaktion)
        pruefe()

    pruefe()  # the start sequence
    app.locator("button[data-aktion='leeren']").click()
    folge.clear()
    pruefe()
    negative = [r for r in Reaction if is_negative(r)]
    for nummer in range(FEEDBACK_WINDOW):  # 1…10 negatives, the window filling up
        dazu(negative[nummer % len(negative)])
    for _ in range(FEEDBACK_WINDOW):  # old negatives drop out: 9…0 negatives
        dazu(Reaction.REPLY)
    for nummer in range(FEEDBACK_WINDOW):  # and come in again: 1…10
        dazu(negative[nummer % len(negative)], tastatur=False)
    for _ in range(5):  # undo: older ratings come back into the window
        app.locator("button[data-aktion='zurueck']").click()
        folge.pop()
        pruefe()
    zufall = random.Random(4)
    for _ in range(30):
        if folge and zufall.random() < 0.2:
            app.locator("button[data-aktion='zurueck']").press("Enter")
            folge.pop()
            pruefe()
        else:
            dazu(zufall.choice(list(Reaction)))
    app.locator("button[data-aktion='start']").click()
    folge[:] = [Reaction(li[0]) for li in app.evaluate(_LIES_STERNE)["folge"]]
    pruefe()
    assert volle_fenster == set(range(FEEDBACK_WINDOW + 1))
    assert schritte == 2 + 3 * FEEDBACK_WINDOW + 5 + 30 + 1
    keine_fehler(page_log)


# -- without JavaScript, after instant navigation, accessibility -----------------------------------


def test_without_javascript_the_tables_show_every_answer(browser: Any, base_url: str) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    try:
        for name in WERKZEUGE:
            page.goto(f"{base_url}werkzeuge/{name}/")
            assert page.locator(f"[data-werkzeug-app='{name}']").is_hidden()
            assert page.locator("[data-werkzeug-ohne-js]").is_visible()
            assert page.locator("table[data-werkzeug-tabelle]").first.is_visible()
        page.goto(f"{base_url}werkzeuge/kanal-finder/")
        zeilen = page.locator("table[data-werkzeug-tabelle] tbody tr")
        assert zeilen.count() == len(KOMBINATIONEN)
        knoepfe = zeilen.evaluate_all("rows => rows.map(row => row.cells[3].textContent)")
        erwartet = [kanal_erwartet(*kombination).knopf for kombination in KOMBINATIONEN]
        assert knoepfe == [f"„{knopf}“" if knopf else "kein Knopf" for knopf in erwartet]
        page.goto(f"{base_url}werkzeuge/sterne-rechner/")
        sterne = page.locator("table[data-werkzeug-tabelle] tr").nth(1)
        zellen = sterne.evaluate("row => [...row.cells].slice(1).map(cell => cell.textContent)")
        assert zellen == [
            str(stars_for([Reaction.SPAM] * anzahl)) for anzahl in range(FEEDBACK_WINDOW + 1)
        ]
        page.goto(f"{base_url}werkzeuge/guthaben-rechner/")
        titel = page.locator("table[data-werkzeug-tabelle] caption").all_text_contents()
        assert [t.split()[0] for t in titel] == ["C4a", "C4b"]
    finally:
        context.close()


def test_tools_start_after_instant_navigation(
    page: Any, base_url: str, site_dir: Path, page_log: PageLog
) -> None:
    """Material swaps the page without reloading; each tool starts once, and works.

    Material only intercepts links to pages of its sitemap, and maps the sitemap's addresses to
    the current host without its port. Served here on a random port, the sitemap is handed out
    with the test server's address, as it would match on the public site.
    """
    sitemap = re.sub(
        r"<loc>https?://[^/<]+/", f"<loc>{base_url}", (site_dir / "sitemap.xml").read_text("utf-8")
    )
    page.route(
        "**/sitemap.xml",
        lambda route: route.fulfill(body=sitemap, content_type="application/xml"),
    )
    page.goto(base_url, wait_until="networkidle")  # Material reads sitemap.xml first
    geladen = (
        "[...document.querySelectorAll('script[src], link[rel=stylesheet]')]"
        ".map(e => e.src || e.href).filter(a => a.includes('/werkzeuge.'))"
    )
    assert page.evaluate(geladen) == [], "Seiten ohne Werkzeug laden dessen Skript nicht"
    page.evaluate("window.ohneNeuladen = true")
    page.locator("nav.md-nav--primary a[href$='werkzeuge/sterne-rechner/']").first.click()
    app = page.locator("[data-werkzeug-app='sterne-rechner'][data-gestartet]")
    app.wait_for()
    assert len(page.evaluate(geladen)) == 2, "Skript und Stil kommen mit dem Werkzeug"
    assert (
        page.locator(".werkzeug-knopf").first.evaluate("e => getComputedStyle(e).cursor")
        == "pointer"
    ), "werkzeuge.css wirkt"
    assert page.evaluate("window.ohneNeuladen") is True, "Material hat neu geladen"
    vorher = app.locator("[data-ergebnis='folge'] li").count()
    app.locator("button[data-reaktion='reply']").click()
    assert app.locator("[data-ergebnis='folge'] li").count() == vorher + 1
    page.locator("nav.md-nav--primary a[href$='werkzeuge/kanal-finder/']").first.click()
    kanal = page.locator("[data-werkzeug-app='kanal-finder'][data-gestartet]")
    kanal.wait_for()
    page.check("#kf-absender-basis")
    assert kanal.locator("[data-fehler='premium-required']").count() == 2
    page.go_back()
    app.wait_for()
    assert page.evaluate("window.ohneNeuladen") is True
    app.locator("button[data-reaktion='spam']").click()
    assert app.locator("[data-ergebnis='folge'] li").count() == vorher + 1
    keine_fehler(page_log)


@pytest.mark.parametrize("farbschema", ["light", "dark"])
@pytest.mark.parametrize("name", WERKZEUGE)
def test_tools_have_no_axe_violations(
    browser: Any, base_url: str, name: str, farbschema: str
) -> None:
    """No axe violation on the page with the tool in use, in light and dark mode."""
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    context = browser.new_context(locale="de-DE", color_scheme=farbschema)
    page = context.new_page()
    try:
        app = oeffne(page, base_url, name)
        schema = "slate" if farbschema == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == schema
        if name == "kanal-finder":  # an error with its message and links
            page.check("#kf-absender-basis")
            page.locator("details[data-werkzeug-alle] summary").click()
        elif name == "guthaben-rechner":
            page.check("#gr-reaktion-keine")
        else:
            app.locator("button[data-reaktion='spam']").click()
        # the tool, its tables and its code; the rest of the page is test_accessibility.py's
        bereiche = {"include": [["[data-werkzeug-rahmen]"], ["[data-werkzeug-code]"]]}
        ergebnis = Axe().run(page, context=bereiche)
        verstoesse = [
            f"{v['id']}: {[knoten['target'] for knoten in v['nodes']][:3]}"
            for v in ergebnis.response["violations"]
        ]
        assert verstoesse == []
    finally:
        context.close()
