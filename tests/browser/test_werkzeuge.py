"""The three tools in a real browser: every answer they show is the library's.

Each test opens a tool page once and walks through its cases with the real controls (radio
buttons, check boxes, date and number fields, buttons, also by keyboard), reading what the page
shows after each step. The expected answers come from the library, computed here (the oracles
live in tests/test_werkzeuge_data.py). The code the page shows for each choice is run, too, and
must print its own `#>` lines.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import product
from typing import Any

import pytest

from inmail_explained import (
    ERAS,
    FEEDBACK_WINDOW,
    LEGACY_WINDOW_DAYS,
    PLANS_ATTESTED_FROM,
    POLICY_CHANGE,
    RESPONSE_WINDOW_DAYS,
    Channel,
    Reaction,
    TimeWentBackwards,
    article_network,
    credit_eras,
    is_negative,
    rating_window,
    refund_policy,
    stars_for,
)
from tests.browser.axe import AXE_OPTIONS, DARK_OPTIONS, axe_source, axe_violations, start_axe
from tests.browser.conftest import PageLog
from tests.browser.reading import Reader
from tests.test_werkzeuge_data import (
    COMBINATIONS,
    ERA_DAYS,
    LABEL_MISSING,
    RELATIONS,
    SENDERS,
    Attempt,
    ExpectedChannels,
    expected_channels,
    expected_credit,
    expected_plan_rows,
    run_example,
)
from werkzeuge_daten import TIMELINE_PLANS  # hooks/ is on pytest's pythonpath (pyproject.toml)

TOOLS = ("kanal-finder", "guthaben-rechner", "sterne-rechner")


def open_tool(page: Any, base_url: str, name: str) -> Any:
    """Open a tool page and wait until its script has started the tool."""
    page.goto(f"{base_url}werkzeuge/{name}/")
    app = page.locator(f"[data-werkzeug-app='{name}'][data-gestartet]")
    app.wait_for()
    return app


def by_keyboard(page: Any, selector: str, key_name: str = "Space") -> None:
    """Focus a control and press a key on it: Space checks a radio button or toggles a box."""
    page.focus(selector)
    page.keyboard.press(key_name)


def no_errors(page_log: PageLog) -> None:
    assert page_log.console_errors == []
    assert page_log.failed_requests == []
    assert page_log.foreign_requests == []


# -- Kanal-Finder --------------------------------------------------------------------------------

_READ_CHANNEL = """
app => {
  const resultArea = app.querySelector("[data-werkzeug-ergebnis]");
  const attempt = (span) => span.dataset.fehler !== undefined
    ? {error: span.dataset.fehler, text: span.textContent}
    : {channel: span.dataset.kanal, cost: Number(span.dataset.kosten), text: span.textContent};
  const button = resultArea.querySelector('[data-ergebnis="knopf"]');
  return {
    button: button.dataset.knopf, buttonWay: button.dataset.knopfWeg,
    buttonText: button.textContent,
    standard: attempt(resultArea.querySelector('[data-ergebnis="standard"] > span')),
    ways: [...resultArea.querySelectorAll('[data-ergebnis="wege"] tbody tr')].map(tr => ({
      channel: tr.dataset.kanal,
      cells: [...tr.cells].map(cell => cell.textContent),
      cost: Number(tr.cells[4].dataset.kosten),
      remark: tr.cells[1].querySelector("[data-hinweis]")?.textContent ?? null,
      ruleLink: tr.cells[0].querySelector("a").href,
      send: attempt(tr.cells[5].querySelector("span")),
    })),
    unknown: [...resultArea.querySelectorAll('[data-ergebnis="unbekannt"]')].map(dd => ({
      rule: dd.previousElementSibling.querySelector("a, span").textContent, text: dd.textContent,
    })),
    rules: [...resultArea.querySelectorAll('[data-ergebnis="regeln"] li')].map(li => ({
      id: li.dataset.regel, links: [...li.querySelectorAll("a")].map(a => a.href),
    })),
    announcement: app.querySelector("[data-werkzeug-ansage]").textContent,
    code: document.querySelector('[data-werkzeug-code="kanal-finder"] pre code').textContent,
  };
}
"""


def _check_attempt(shown: dict[str, Any], expected: Attempt) -> None:
    if expected.error is not None:
        assert shown.get("error") == expected.error
        assert expected.message is not None
        assert expected.message in shown["text"]
    else:
        assert (shown.get("channel"), shown.get("cost")) == (expected.channel, expected.cost)
        assert shown["text"].startswith("klappt")


def test_channel_finder_every_combination(page: Any, base_url: str, page_log: PageLog) -> None:
    """Each era × all 60 combinations, set with the form's controls, show the library's answer.

    Every state's visible text is read as well (`Reader`: no leaked ``null`` or ``None``), and
    once more with the table of all combinations open.
    """
    app = open_tool(page, base_url, "kanal-finder")
    reader = Reader(page, "kanal-finder")
    reader.read("start")
    rules_page = f"{base_url}referenz/regeln/#"
    seen = set()
    set_up: tuple[str, str, str, bool, bool] = ("artikel", "premium", "stranger", False, True)
    for era, sender, relation, openlink, inmails in COMBINATIONS:
        # by keyboard, and only the controls that change, as a reader would
        if era != set_up[0]:
            by_keyboard(page, f"#kf-zeitpunkt-{era}")
        if sender != set_up[1]:
            by_keyboard(page, f"#kf-absender-{sender}")
        if relation != set_up[2]:
            by_keyboard(page, f"#kf-beziehung-{relation}")
        if openlink != set_up[3]:
            by_keyboard(page, "#kf-openlink")
        if inmails != set_up[4]:
            by_keyboard(page, "#kf-inmails")
        set_up = (era, sender, relation, openlink, inmails)
        assert page.is_checked(f"#kf-zeitpunkt-{era}")
        assert page.is_checked("#kf-openlink") == openlink
        shown = app.evaluate(_READ_CHANNEL)
        expected = expected_channels(era, sender, relation, openlink, inmails)
        case = set_up

        assert shown["button"] == (expected.button or ""), case
        assert shown["buttonWay"] == (expected.profile or ""), case
        assert ("kein Knopf" in shown["buttonText"]) == (expected.profile is None), case
        undocumented = expected.profile is not None and expected.button is None
        assert (LABEL_MISSING in shown["buttonText"]) == undocumented, case
        _check_attempt(shown["standard"], expected.standard)
        assert [way["channel"] for way in shown["ways"]] == [w.channel for w in expected.ways], case
        for way, should, remark in zip(shown["ways"], expected.ways, expected.remarks, strict=True):
            channel = Channel(should.channel)
            assert way["remark"] == remark, case
            assert way["cells"][:4] == [
                should.rule,
                should.title + (remark or ""),
                f"{channel.place} „{should.via_name}“" if should.via_name else channel.place,
                should.label_text,
            ], case
            assert way["cost"] == should.cost
            assert ("kostenlos" in way["cells"][4]) == (should.cost == 0)
            assert way["ruleLink"] == rules_page + should.rule.lower()
            _check_attempt(way["send"], should.send)
        assert [way["rule"] for way in shown["unknown"]] == expected.unknown, case
        assert all(way["text"].startswith("nicht belegt") for way in shown["unknown"]), case
        if expected.unknown and expected.standard.error is not None:
            assert shown["standard"]["text"].startswith("nicht belegt"), case
        shown_rules = [rule["id"] for rule in shown["rules"]]
        assert {w.rule for w in expected.ways} <= set(shown_rules), case
        assert set(expected.unknown) <= set(shown_rules), case
        for rule in shown["rules"]:
            assert rule["links"][0] == rules_page + rule["id"].lower()
            assert all(link.startswith(base_url) for link in rule["links"])
        assert shown["announcement"], "die Zusammenfassung fehlt"
        run_example(shown["code"])
        reader.read("|".join(map(str, case)))
        seen.add(case)
    assert len(seen) == len(ERA_DAYS) * len(SENDERS) * len(RELATIONS) * 2 * 2 == 180
    page.locator("details[data-werkzeug-alle] summary").click()
    reader.read("alle Kombinationen offen")
    assert reader.found == []
    assert reader.states == 1 + len(seen) + 1 == 182
    no_errors(page_log)


def test_channel_finder_by_keyboard(page: Any, base_url: str) -> None:
    """Arrow keys move through a radio group, Space toggles a check box; the result follows."""
    app = open_tool(page, base_url, "kanal-finder")
    page.locator("#kf-absender-premium").focus()
    page.keyboard.press("ArrowUp")  # Premium, 0 InMail-Guthaben
    assert page.locator("#kf-absender-premium-no-credits").is_checked()
    assert app.locator("[data-ergebnis='standard'] [data-fehler]").get_attribute("data-fehler") == (
        "no-credits-left"
    )
    page.keyboard.press("Tab")  # to the checked radio of the next group
    page.keyboard.press("ArrowUp")  # B hat in einer Diskussion deiner Gruppe geschrieben
    assert page.locator("#kf-beziehung-discussion").is_checked()
    assert app.locator("[data-ergebnis='standard'] [data-kanal]").get_attribute("data-kanal") == (
        Channel.PRIVATE_REPLY.value
    )
    page.keyboard.press("Tab")  # OpenLink
    page.keyboard.press("Space")
    assert page.locator("#kf-openlink").is_checked()
    assert app.locator("[data-ergebnis='knopf']").get_attribute("data-knopf") == "InMail senden"
    announcement = app.locator("[data-werkzeug-ansage]")
    assert announcement.get_attribute("aria-live") == "polite"
    assert "„InMail senden“" in (announcement.text_content() or "")


def test_channel_finder_era_by_keyboard(page: Any, base_url: str) -> None:
    """The Zeitpunkt group comes first; arrow keys change the era, and the answer follows."""
    app = open_tool(page, base_url, "kanal-finder")
    legend = page.locator("[data-werkzeug-form] fieldset legend").first
    assert legend.text_content() == "Zeitpunkt"
    labels = [page.locator(f"label[for='kf-zeitpunkt-{era}']").text_content() for era in ERA_DAYS]
    assert labels == [era.title for era in ERAS]
    assert page.locator("#kf-zeitpunkt-artikel").is_checked()
    button = app.locator("[data-ergebnis='knopf']")
    assert button.get_attribute("data-knopf") == "InMail senden"
    page.locator("#kf-zeitpunkt-artikel").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator("#kf-zeitpunkt-2015").is_checked()
    assert button.get_attribute("data-knopf") == ""
    assert button.get_attribute("data-knopf-weg") == Channel.INMAIL.value
    assert LABEL_MISSING in (button.text_content() or "")
    assert LABEL_MISSING in (app.locator("[data-werkzeug-ansage]").text_content() or "")
    page.keyboard.press("Tab")  # to the checked radio of the next group
    assert page.evaluate("document.activeElement.id") == "kf-absender-premium"


# -- Guthaben-Rechner ----------------------------------------------------------------------------

_READ_CREDIT = """
app => {
  const resultArea = app.querySelector("[data-werkzeug-ergebnis]");
  const single = (name) => resultArea.querySelector(`[data-ergebnis="${name}"]`);
  return {
    rule: single("regel")?.dataset.regel ?? null,
    refund: single("gutschrift")?.dataset.datum ?? null,
    expires: single("verfall")?.dataset.datum ?? null,
    era: app.querySelector('input[name="zeitpunkt"]:checked')?.value ?? null,
    response: single("reaktion")?.dataset.antwort ?? null,
    in_time: single("reaktion")?.dataset.rechtzeitig ?? null,
    error: single("fehler")?.dataset.fehler ?? null,
    errorText: single("fehler")?.textContent ?? null,
    problem: single("problem")?.textContent ?? null,
    timeline: [...resultArea.querySelectorAll('[data-ergebnis="zeitleiste"] li')].map(li => [
      li.dataset.art, Number(li.dataset.tag), li.querySelector("time").dateTime,
    ]),
    dayDisabled: app.querySelector("#gr-tag").disabled,
    code: document.querySelector('[data-werkzeug-code="guthaben-rechner"] pre code').textContent,
  };
}
"""


class CreditPage:
    """The Guthaben-Rechner on an open page: set a choice with its controls, compare."""

    def __init__(self, page: Any, app: Any) -> None:
        self.page, self.app = page, app
        self.cases = 0
        self.set_up = {name: page.input_value(f"#gr-{name}") for name in ("versand", "tag")} | {
            "reaktion": page.eval_on_selector("#gr-reaktion-keine", "e => e.form.reaktion.value")
        }

    def set_control(self, name: str, value: str) -> None:
        """Use a control only when its value changes, as a reader would."""
        if self.set_up[name] == value:
            return
        if name == "reaktion":
            by_keyboard(self.page, f"#gr-reaktion-{value}")
        else:
            self.page.fill(f"#gr-{name}", value)
        self.set_up[name] = value

    def choose(self, sent: date, reaction: Reaction | None, day: int) -> dict[str, Any]:
        self.set_control("versand", sent.isoformat())
        self.set_control("reaktion", reaction.value if reaction else "keine")
        if reaction is not None:
            self.set_control("tag", str(day))
        shown: dict[str, Any] = self.app.evaluate(_READ_CREDIT)
        return shown

    def check(self, sent: date, reaction: Reaction | None, day: int) -> None:
        shown = self.choose(sent, reaction, day)
        expected = expected_credit(sent, reaction, day)
        case = (sent, reaction, day)
        assert shown["rule"] == expected.rule, case
        assert shown["refund"] == (expected.refund.isoformat() if expected.refund else ""), case
        assert shown["dayDisabled"] == (reaction is None)
        if reaction is not None:
            assert shown["response"] == ("ja" if expected.response else "nein"), case
            assert shown["in_time"] == ("ja" if expected.in_time else "nein"), case
        should = [["versand", 0, sent.isoformat()]]
        if reaction is not None:
            reacted_on = sent + timedelta(days=day)
            should.append(["reaktion", day, reacted_on.isoformat()])
        end = sent + timedelta(days=expected.window)
        should.append(["fensterende", expected.window, end.isoformat()])
        if expected.refund is not None:
            refund_offset = (expected.refund - sent).days
            should.append(["gutschrift", refund_offset, expected.refund.isoformat()])
        assert shown["expires"] == (expected.expires and expected.expires.isoformat()), case
        if expected.expires is not None:
            expiry_offset = (expected.expires - sent).days
            should.append(["verfall", expiry_offset, expected.expires.isoformat()])
        eras = [era for era in credit_eras() if era.covers(sent)]
        assert shown["era"] == (eras[0].era.key if eras else None), case
        assert sorted(shown["timeline"]) == sorted(should), case
        days = [entry[1] for entry in shown["timeline"]]
        assert days == sorted(days), "die Zeitleiste ist nach Tagen geordnet"
        run_example(shown["code"])
        self.cases += 1


def test_credit_calculator_edges_and_sample(page: Any, base_url: str, page_log: PageLog) -> None:
    """Both sides of each window edge and of the policy change, every reaction, 50 random."""
    calculator = CreditPage(page, open_tool(page, base_url, "guthaben-rechner"))
    days = sorted(
        {0, LEGACY_WINDOW_DAYS, LEGACY_WINDOW_DAYS + 1, RESPONSE_WINDOW_DAYS}
        | {RESPONSE_WINDOW_DAYS + 1}
    )
    assert days == [0, 7, 8, 90, 91]
    send_days = (
        date(2014, 3, 1),
        POLICY_CHANGE - timedelta(days=1),
        POLICY_CHANGE,
        date(2015, 6, 15),
    )
    for sent in send_days:
        calculator.check(sent, None, 0)
        for reaction, day in product(Reaction, days):
            calculator.check(sent, reaction, day)
    assert calculator.cases == len(send_days) * (1 + len(Reaction) * len(days)) == 64

    rng = random.Random(20150101)
    earliest = date.fromisoformat(page.get_attribute("#gr-versand", "min"))
    until = date.fromisoformat(page.get_attribute("#gr-versand", "max"))
    for _ in range(50):
        sent = earliest + timedelta(days=rng.randrange((until - earliest).days + 1))
        reaction = rng.choice([None, *Reaction])
        day = rng.choice([rng.randrange(120), rng.randrange(1500)])
        calculator.check(sent, reaction, day)
    assert calculator.cases == 64 + 50
    no_errors(page_log)


def test_credit_calculator_eras_and_todays_edges(
    page: Any, base_url: str, page_log: PageLog
) -> None:
    """Zeitpunkt sets the era's day; today a credit-back expires: day 90/91 both ways.

    The start is today (the status day), so today's radio is checked already; choosing the
    other eras and then today's moves the send date each time.
    """
    calculator = CreditPage(page, open_tool(page, base_url, "guthaben-rechner"))
    assert calculator.app.evaluate(_READ_CREDIT)["era"] == ERAS[-1].key
    for era in (*ERAS[:-1], ERAS[-1]):
        by_keyboard(page, f"#gr-zeitpunkt-{era.key}")
        assert page.input_value("#gr-versand") == era.day.isoformat()
        calculator.set_up["versand"] = era.day.isoformat()
        shown = calculator.app.evaluate(_READ_CREDIT)
        assert shown["era"] == era.key
        assert shown["rule"] == refund_policy(era.day).rule
    today = ERAS[-1].day
    first_expiry = PLANS_ATTESTED_FROM  # C11 is vouched for from here (A13)
    for sent in (today, first_expiry - timedelta(days=1), first_expiry):
        for reaction, day in product(
            (Reaction.REPLY, Reaction.NOT_INTERESTED, Reaction.SPAM),
            (0, RESPONSE_WINDOW_DAYS, RESPONSE_WINDOW_DAYS + 1),
        ):
            calculator.check(sent, reaction, day)
        calculator.check(sent, None, 0)
    reply_on_day_90 = calculator.choose(today, Reaction.REPLY, RESPONSE_WINDOW_DAYS)
    refund = today + timedelta(days=RESPONSE_WINDOW_DAYS)
    assert reply_on_day_90["expires"] == (refund + timedelta(days=91)).isoformat()
    assert calculator.choose(today, Reaction.REPLY, 91)["expires"] is None
    no_errors(page_log)


def test_plan_picker_shows_each_plans_timeline(page: Any, base_url: str, page_log: PageLog) -> None:
    """C9-C11: the chosen plan's allotments, forfeits, expiries and balances, by keyboard."""
    app = open_tool(page, base_url, "guthaben-rechner")
    for plan in reversed(TIMELINE_PLANS):
        by_keyboard(page, f"#gr-tarif-{plan.value}")
        table = app.locator(f"[data-werkzeug-tarifleiste] table[data-tarif='{plan.value}']")
        rows = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(row => [row.dataset.tag, Number(row.dataset.guthaben)])"
        )
        assert rows == [[day.on.isoformat(), day.balance] for day in expected_plan_rows(plan)]
        caption = table.locator("caption").text_content() or ""
        assert f"{plan.monthly_inmails} InMails im Monat" in caption
        assert f"höchstens {plan.max_inmails}" in caption
    no_errors(page_log)


def test_credit_calculator_refuses_a_reaction_before_sending(page: Any, base_url: str) -> None:
    calculator = CreditPage(page, open_tool(page, base_url, "guthaben-rechner"))
    shown = calculator.choose(date(2015, 3, 2), Reaction.REPLY, -1)
    net = article_network()
    mail = net.send(net.member("Anna"), net.member("Erik"), on=date(2015, 3, 2))
    with pytest.raises(TimeWentBackwards) as error:
        net.react(mail, Reaction.REPLY, on=date(2015, 3, 1))
    assert shown["error"] == error.value.code
    assert error.value.message in shown["errorText"]
    run_example(shown["code"])
    page.fill("#gr-tag", "")
    assert "ganze Zahl" in (calculator.app.evaluate(_READ_CREDIT)["problem"] or "")


# -- Sterne-Rechner ------------------------------------------------------------------------------

_READ_STARS = """
app => {
  const resultArea = app.querySelector("[data-werkzeug-ergebnis]");
  const windowPara = resultArea.querySelector('[data-ergebnis="fenster"]');
  return {
    stars: Number(resultArea.querySelector('[data-ergebnis="sterne"]').dataset.sterne),
    counted: Number(windowPara.dataset.zaehlt),
    negative: Number(windowPara.dataset.negativ),
    sequence: [...resultArea.querySelectorAll('[data-ergebnis="folge"] li')].map(li => [
      li.dataset.reaktion, li.dataset.zaehlt,
    ]),
    code: document.querySelector('[data-werkzeug-code="sterne-rechner"] pre code').textContent,
  };
}
"""


def test_star_calculator_every_window(page: Any, base_url: str, page_log: PageLog) -> None:
    """0 to 10 negatives in a full window, partial windows, old negatives dropping out, undo."""
    app = open_tool(page, base_url, "sterne-rechner")
    button = {
        reaction: app.locator(f"button[data-reaktion='{reaction.value}']") for reaction in Reaction
    }
    sequence: list[Reaction] = [Reaction(li[0]) for li in app.evaluate(_READ_STARS)["sequence"]]
    full_windows: set[int] = set()
    steps = 0

    def check() -> None:
        nonlocal steps
        shown = app.evaluate(_READ_STARS)
        window = list(rating_window(sequence))
        negative = sum(1 for reaction in window if is_negative(reaction))
        assert shown["stars"] == stars_for(sequence), sequence
        assert (shown["counted"], shown["negative"]) == (len(window), negative), sequence
        old = len(sequence) - len(window)
        assert shown["sequence"] == [
            [reaction.value, "ja" if index >= old else "nein"]
            for index, reaction in enumerate(sequence)
        ]
        if len(window) == FEEDBACK_WINDOW:
            full_windows.add(negative)
        run_example(shown["code"])
        steps += 1

    def append_reaction(reaction: Reaction, *, by_keys: bool = True) -> None:
        if by_keys:
            button[reaction].focus()
            page.keyboard.press("Enter")
        else:
            button[reaction].click()
        sequence.append(reaction)
        check()

    check()  # the start sequence
    app.locator("button[data-aktion='leeren']").click()
    sequence.clear()
    check()
    negative_labels = [r for r in Reaction if is_negative(r)]
    for index in range(FEEDBACK_WINDOW):  # 1…10 negatives, the window filling up
        append_reaction(negative_labels[index % len(negative_labels)])
    for _ in range(FEEDBACK_WINDOW):  # old negatives drop out: 9…0 negatives
        append_reaction(Reaction.REPLY)
    for index in range(FEEDBACK_WINDOW):  # and come in again: 1…10
        append_reaction(negative_labels[index % len(negative_labels)], by_keys=False)
    for _ in range(5):  # undo: older ratings come back into the window
        app.locator("button[data-aktion='zurueck']").click()
        sequence.pop()
        check()
    rng = random.Random(4)
    for _ in range(30):
        if sequence and rng.random() < 0.2:
            app.locator("button[data-aktion='zurueck']").press("Enter")
            sequence.pop()
            check()
        else:
            append_reaction(rng.choice(list(Reaction)))
    app.locator("button[data-aktion='start']").click()
    sequence[:] = [Reaction(li[0]) for li in app.evaluate(_READ_STARS)["sequence"]]
    check()
    assert full_windows == set(range(FEEDBACK_WINDOW + 1))
    assert steps == 2 + 3 * FEEDBACK_WINDOW + 5 + 30 + 1
    no_errors(page_log)


# -- without JavaScript, after instant navigation, accessibility -----------------------------------


def button_cell(expected: ExpectedChannels) -> str:
    """The no-JS table's button cell: the label, no button, or a button whose label is unknown."""
    if expected.profile is None:
        return "kein Knopf"
    if expected.button is None:
        title = next(way.title for way in expected.ways if way.channel == expected.profile)
        return f"Knopf für {title}: {LABEL_MISSING}"
    return f"„{expected.button}“"


def test_without_javascript_the_tables_show_every_answer(browser: Any, base_url: str) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    try:
        for name in TOOLS:
            page.goto(f"{base_url}werkzeuge/{name}/")
            assert page.locator(f"[data-werkzeug-app='{name}']").is_hidden()
            assert page.locator("[data-werkzeug-ohne-js]").is_visible()
            assert page.locator("table[data-werkzeug-tabelle]").first.is_visible()
        page.goto(f"{base_url}werkzeuge/kanal-finder/")
        lines = page.locator("table[data-werkzeug-tabelle] tbody tr")
        assert lines.count() == len(COMBINATIONS)
        buttons = lines.evaluate_all("rows => rows.map(row => row.cells[3].textContent)")
        assert buttons == [button_cell(expected_channels(*choice)) for choice in COMBINATIONS]
        page.goto(f"{base_url}werkzeuge/sterne-rechner/")
        stars = page.locator("table[data-werkzeug-tabelle] tr").nth(1)
        cells = stars.evaluate("row => [...row.cells].slice(1).map(cell => cell.textContent)")
        assert cells == [
            str(stars_for([Reaction.SPAM] * count)) for count in range(FEEDBACK_WINDOW + 1)
        ]
        page.goto(f"{base_url}werkzeuge/guthaben-rechner/")
        title = page.locator("table[data-werkzeug-tabelle] caption").all_text_contents()
        assert [t.split()[0] for t in title][:2] == ["C4a", "C4b"]
        eras = page.locator("table[data-werkzeug-tabelle]").nth(2).locator("tbody th")
        assert eras.all_text_contents() == [era.title for era in ERAS]
        for plan in TIMELINE_PLANS:
            rows = page.locator(f"table[data-tarif='{plan.value}'] tbody tr")
            balances = rows.evaluate_all("rows => rows.map(row => row.cells[2].textContent)")
            assert balances == [str(row.balance) for row in expected_plan_rows(plan)]
    finally:
        context.close()


def test_tools_start_after_instant_navigation(page: Any, base_url: str, page_log: PageLog) -> None:
    """Material swaps the page without reloading; each tool starts once, and works.

    Material only intercepts links to pages of its sitemap; the test server hands it out with its
    own address (devtools/static_host.py), as the public site does.
    """
    page.goto(base_url, wait_until="networkidle")  # Material reads sitemap.xml first
    loaded = (
        "[...document.querySelectorAll('script[src], link[rel=stylesheet]')]"
        ".map(e => e.src || e.href).filter(a => /[/]assets[/]\\w+[/]werkzeuge[/.]/.test(a))"
    )
    assert page.evaluate(loaded) == [], "Seiten ohne Werkzeug laden dessen Skript nicht"
    page.evaluate("window.ohneNeuladen = true")
    page.locator("nav.md-nav--primary a[href$='werkzeuge/sterne-rechner/']").first.click()
    app = page.locator("[data-werkzeug-app='sterne-rechner'][data-gestartet]")
    app.wait_for()
    assert len(page.evaluate(loaded)) == 3, "Skripte und Stil kommen mit dem Werkzeug"
    assert (
        page.locator(".werkzeug-knopf").first.evaluate("e => getComputedStyle(e).cursor")
        == "pointer"
    ), "werkzeuge.css wirkt"
    assert page.evaluate("window.ohneNeuladen") is True, "Material hat neu geladen"
    before = app.locator("[data-ergebnis='folge'] li").count()
    app.locator("button[data-reaktion='reply']").click()
    assert app.locator("[data-ergebnis='folge'] li").count() == before + 1
    page.locator("nav.md-nav--primary a[href$='werkzeuge/kanal-finder/']").first.click()
    channel = page.locator("[data-werkzeug-app='kanal-finder'][data-gestartet]")
    channel.wait_for()
    page.check("#kf-absender-basic")
    assert channel.locator("[data-fehler='premium-required']").count() == 2
    page.go_back()
    app.wait_for()
    assert page.evaluate("window.ohneNeuladen") is True
    app.locator("button[data-reaktion='spam']").click()
    assert app.locator("[data-ergebnis='folge'] li").count() == before + 1
    no_errors(page_log)


@pytest.mark.parametrize("color_scheme_name", ["light", "dark"])
@pytest.mark.parametrize("name", TOOLS)
def test_tools_have_no_axe_violations(
    browser: Any, base_url: str, name: str, color_scheme_name: str
) -> None:
    """No axe violation with the tool in use: every rule in light, the colour rules in dark."""
    context = browser.new_context(locale="de-DE", color_scheme=color_scheme_name)
    context.add_init_script(axe_source())
    page = context.new_page()
    try:
        app = open_tool(page, base_url, name)
        schema = "slate" if color_scheme_name == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == schema
        if name == "kanal-finder":  # an error with its message and links
            page.check("#kf-absender-basic")
            page.locator("details[data-werkzeug-alle] summary").click()
        elif name == "guthaben-rechner":
            page.check("#gr-reaktion-keine")
        else:
            app.locator("button[data-reaktion='spam']").click()
        # the tool, its tables and its code; the rest of the page is test_accessibility.py's
        areas = {"include": [["[data-werkzeug-rahmen]"], ["[data-werkzeug-code]"]]}
        options = DARK_OPTIONS if color_scheme_name == "dark" else AXE_OPTIONS
        start_axe(page, options, areas)
        violations_found = [
            f"{v['id']}: {[node['target'] for node in v['nodes']][:3]}"
            for v in axe_violations(page)
        ]
        assert violations_found == []
    finally:
        context.close()
