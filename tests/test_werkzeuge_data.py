"""The tools' data (hooks/werkzeuge.py) agrees with the library, case by case.

The expected answers here are computed afresh: each test builds its own network with the public
API, independently of the hook's code templates. The functions `channel_network`,
`expected_channels`, `expected_credit` and `run_example` are also used by
tests/browser/test_werkzeuge.py.
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


def _load_hook() -> ModuleType:
    """Import hooks/werkzeuge.py as the module `werkzeuge` (mkdocs loads it by path, too)."""
    if "werkzeuge" in sys.modules:
        return sys.modules["werkzeuge"]
    spec = importlib.util.spec_from_file_location("werkzeuge", ROOT / "hooks" / "werkzeuge.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["werkzeuge"] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import werkzeuge  # mypy checks hooks/ as top-level modules
else:
    werkzeuge = _load_hook()

# -- independent oracles -------------------------------------------------------------------------

SENDERS: dict[str, dict[str, Any]] = {
    "basis": {},
    "premium-leer": {"premium": True},
    "premium": {"premium": True, "inmail_credits": 1},
}
RELATIONS = ("kontakt", "gruppe", "moderator", "diskussion", "unbekannt")
COMBINATIONS = [
    (sender, relation, openlink, inmails)
    for sender, relation, openlink, inmails in product(
        SENDERS, RELATIONS, (True, False), (True, False)
    )
]
"""Every Kanal-Finder choice: sender, relation, OpenLink on, accepts InMails."""


def channel_key(sender: str, relation: str, openlink: bool, inmails: bool) -> str:
    return "|".join((sender, relation, "an" if openlink else "aus", "an" if inmails else "aus"))


def channel_network(
    sender: str, relation: str, openlink: bool, inmails: bool
) -> tuple[Network, Member, Member]:
    """A fresh network with A and B related as chosen."""
    net = Network()
    a = net.add(Member(name="A", **SENDERS[sender]))
    b = net.add(Member(name="B", premium=openlink, openlink=openlink, accepts_inmail=inmails))
    if relation == "kontakt":
        net.connect(a, b)
    elif relation == "gruppe":
        net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
    elif relation == "moderator":
        net.add_group(EXAMPLE_GROUP, moderators=[b], members=[a])
    elif relation == "diskussion":
        group = net.add_group(EXAMPLE_GROUP, moderators=[], members=[a, b])
        net.start_discussion(group, author=b, title=EXAMPLE_DISCUSSION)
    return net, a, b


@dataclass(frozen=True)
class Attempt:
    """What `send` did: the channel and cost, or the error code and German message."""

    channel: str | None = None
    cost: int | None = None
    error: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Way:
    channel: str
    rule: str
    cost: int
    via_name: str | None
    text: str
    send: Attempt


@dataclass(frozen=True)
class ExpectedChannels:
    button: str | None
    ways: list[Way]
    standard: Attempt


def _send(combination: tuple[str, str, bool, bool], via: Channel | None) -> Attempt:
    net, a, b = channel_network(*combination)
    try:
        mail = net.send(a, b, on=werkzeuge.SEND_DAY, via=via)
    except InMailError as error:
        return Attempt(error=error.code, message=error.message)
    return Attempt(channel=mail.channel.value, cost=mail.cost)


def expected_channels(
    sender: str, relation: str, openlink: bool, inmails: bool
) -> ExpectedChannels:
    """The Kanal-Finder's answer for one choice, straight from the library."""
    combination = (sender, relation, openlink, inmails)
    net, a, b = channel_network(*combination)
    ways = [
        Way(
            option.channel.value,
            option.rule,
            option.cost,
            option.via,
            str(option),
            _send(combination, option.channel),
        )
        for option in net.options(a, b)
    ]
    return ExpectedChannels(net.profile_button(a, b), ways, _send(combination, None))


@dataclass(frozen=True)
class ExpectedCredit:
    rule: str
    name: str
    window: int
    refund: date | None
    response: bool
    in_time: bool


def expected_credit(sent: date, reaction: Reaction | None, day: int) -> ExpectedCredit:
    """Send from Anna to Erik on `sent`, react `day` days later; what comes back when."""
    net = example_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    mail = net.send(anna, erik, on=sent)
    reacted_on = sent + timedelta(days=day) if reaction else None
    if reaction is not None and reacted_on is not None:
        net.react(mail, reaction, on=reacted_on)
    policy = refund_policy(sent)
    refund_offset = net.refund_on(mail)
    start = anna.inmail_credits
    if refund_offset is not None:
        if refund_offset > sent:
            assert net.credits(anna, on=refund_offset - timedelta(days=1)) == start - 1
        assert net.credits(anna, on=refund_offset) == start
    else:
        assert net.credits(anna, on=date.max) == start - 1
    return ExpectedCredit(
        rule=policy.rule,
        name=policy.name,
        window=policy.window_days,
        refund=refund_offset,
        response=reaction is not None and is_response(reaction),
        in_time=policy.responded_in_time(sent, reaction, reacted_on),
    )


def expected_output(code: str) -> list[str]:
    """The `#>` lines of a code example, without the prefix (see conftest.py)."""
    return [
        line.strip().removeprefix("#>").removeprefix(" ")
        for line in code.splitlines()
        if line.strip().startswith("#>")
    ]


def run_example(code: str) -> None:
    """Run a code example and check that it prints exactly its `#>` lines."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<beispiel>", "exec"), {"__name__": "beispiel"})
    assert printed.getvalue().splitlines() == expected_output(code), code


def page_example(name: str) -> str:
    """The ```python example inside ``data-werkzeug-code="name"`` on the tool's page."""
    text = (DOCS / "werkzeuge" / f"{name}.md").read_text("utf-8")
    hit = re.search(
        rf'<div [^>]*data-werkzeug-code="{name}"[^>]*markdown>\n\n```python\n(.*?)\n```\n\n</div>',
        text,
        re.S,
    )
    assert hit, f"{name}.md: kein Beispiel in <div data-werkzeug-code=…>"
    return hit[1]


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return werkzeuge.tool_data(DOCS)


# -- the template function -----------------------------------------------------------------------


def test_fill_template_expands_lines_and_words() -> None:
    template = "a = f($x)\n    $items\n$aus\nende"
    assert werkzeuge.fill_template(
        template, {"x": "1", "items": ["b()", "c()"]}, {"aus": ["2", ""]}
    ) == ("a = f(1)\n    b()\n    c()\n#> 2\n#>\nende")
    assert (
        werkzeuge.fill_template(template, {"x": "1", "items": []}, {"aus": []}) == "a = f(1)\nende"
    )
    assert werkzeuge.fill_template("$unbekannt", {}) == "$unbekannt"


# -- Kanal-Finder --------------------------------------------------------------------------------


def test_channel_finder_has_every_combination(data: dict[str, Any]) -> None:
    finder = data["kanal-finder"]
    expected = {channel_key(*combination) for combination in COMBINATIONS}
    assert set(finder["combinations"]) == expected
    assert len(expected) == 60
    assert finder["start"] in expected


@pytest.mark.parametrize("combination", COMBINATIONS, ids=lambda k: channel_key(*k))
def test_channel_finder_answer_is_the_librarys(
    data: dict[str, Any], combination: tuple[str, str, bool, bool]
) -> None:
    finder = data["kanal-finder"]
    shown = finder["combinations"][channel_key(*combination)]
    expected = expected_channels(*combination)

    def attempt(result: dict[str, Any]) -> Attempt:
        if "error" in result:
            code = result["error"]
            return Attempt(error=code, message=finder["error"][code]["message"])
        return Attempt(channel=result["channel"], cost=result["cost"])

    assert shown["button"] == expected.button
    assert attempt(shown["standard"]) == expected.standard
    assert [
        Way(
            way["channel"],
            finder["channels"][way["channel"]]["rule"],
            way["cost"],
            way["via_name"],
            way["text"],
            attempt(way["send"]),
        )
        for way in shown["ways"]
    ] == expected.ways
    # every rule of an open way and every rule an error message cites is linked
    cited = [way.rule for way in expected.ways]
    for result in [expected.standard, *(way.send for way in expected.ways)]:
        cited += re.findall(r"\b[KCMF]\d[ab]?\b", result.message or "")
    assert set(cited) <= set(shown["rules"])
    # the code for this choice prints what the tool shows
    code = werkzeuge.fill_template(
        finder["template"],
        werkzeuge.channel_code(channel_key(*combination).split("|")),
        shown["output"],
    )
    run_example(code)
    assert shown["output"]["button"] == [str(expected.button)]
    assert shown["output"]["ways"] == [way.text for way in expected.ways]


def test_channel_finder_channels_and_errors(data: dict[str, Any]) -> None:
    finder = data["kanal-finder"]
    assert list(finder["channels"]) == [channel.value for channel in Channel]
    for channel in Channel:
        assert finder["channels"][channel.value] == {
            "rule": channel.rule,
            "title": channel.title,
            "button": channel.label,
            "place": channel.place,
            "cost": channel.cost,
        }
    assert set(finder["error"]) == {"premium-required", "no-credits-left", "contact-blocked"}
    for code, error in finder["error"].items():
        assert error["href"] == f"referenz/fehler.md#{code}"


def test_channel_page_data_holds_every_answer(data: dict[str, Any]) -> None:
    """The compact data on the page (kanal_seitendaten) loses nothing werkzeuge.js reads."""
    finder = data["kanal-finder"]
    page_data = werkzeuge.channel_page_data(finder)
    assert len(page_data["texts"]) == len(set(page_data["texts"])), "jeder Text einmal"
    assert set(page_data["combinations"]) == set(finder["combinations"])
    for key, combo in finder["combinations"].items():
        shown = page_data["combinations"][key]
        output = {
            placeholder: [page_data["texts"][index] for index in indices]
            for placeholder, indices in shown["output"].items()
        }
        assert output == combo["output"], key
        assert shown["ways"] == [
            {name: value for name, value in way.items() if name != "text"} for way in combo["ways"]
        ]
        for name in ("button", "standard", "rules"):
            assert shown[name] == combo[name]
        cited = {finder["channels"][way["channel"]]["rule"] for way in combo["ways"]}
        assert {*combo["rules"], *cited} <= set(page_data["rules"]), key
    for name in ("channels", "error", "button_rule", "template"):
        assert page_data[name] == finder[name]
    for field, compact in zip(finder["fields"], page_data["fields"], strict=True):
        assert (compact["name"], compact["kind"]) == (field["name"], field["kind"])
        assert compact["values"] == [
            {"value": w["value"], "code": w["code"]} for w in field["values"]
        ]
    assert {rule for f in finder["error"].values() for rule in f["rules"]} <= set(
        page_data["rules"]
    )
    assert page_data["rules"] == {rule: finder["rules"][rule] for rule in page_data["rules"]}


# -- Guthaben-Rechner ----------------------------------------------------------------------------


def _looked_up(data: dict[str, Any], sent: date, reaction: str, day: int) -> Any:
    """Look an answer up as werkzeuge.js does: era by first day, day capped at N."""
    credit = data["guthaben-rechner"]
    era = [e for e in credit["eras"] if e["since"] is None or e["since"] <= sent.isoformat()]
    chosen = era[-1]
    if reaction == "keine":
        refund_offset, in_time = chosen["no_reaction"]
    else:
        refund_offset, in_time = chosen["reactions"][reaction][min(day, credit["limit"])]
    refund = None if refund_offset is None else sent + timedelta(days=refund_offset)
    return chosen, refund, in_time


def test_credit_eras_follow_the_policy_change(data: dict[str, Any]) -> None:
    credit = data["guthaben-rechner"]
    assert credit["change_day"] == POLICY_CHANGE.isoformat()
    old, new = credit["eras"]
    assert (old["since"], old["until"], new["since"]) == (
        None,
        (POLICY_CHANGE - timedelta(days=1)).isoformat(),
        POLICY_CHANGE.isoformat(),
    )
    for era, day in ((old, POLICY_CHANGE - timedelta(days=1)), (new, POLICY_CHANGE)):
        policy = refund_policy(day)
        assert (era["rule"], era["name"], era["window"]) == (
            policy.rule,
            policy.name,
            policy.window_days,
        )
    assert credit["limit"] > max(LEGACY_WINDOW_DAYS + 1, RESPONSE_WINDOW_DAYS)
    reactions = {r["value"]: r for r in credit["reactions"]}
    for reaction in Reaction:
        assert reactions[reaction.value]["response"] == is_response(reaction)
        assert reactions[reaction.value]["label"] == f"„{reaction.label}“"


def _credit_cases() -> Iterator[tuple[date, str, int]]:
    for sent in (POLICY_CHANGE - timedelta(days=1), POLICY_CHANGE):
        yield sent, "keine", 0
        for reaction, day in product(Reaction, range(RESPONSE_WINDOW_DAYS + 3)):
            yield sent, reaction.value, day


def _assert_lookup_matches_library(
    data: dict[str, Any], sent: date, reaction: str, day: int
) -> None:
    """The page data's answer for one case equals the library's."""
    kind = None if reaction == "keine" else Reaction(reaction)
    expected = expected_credit(sent, kind, day)
    era, refund, in_time = _looked_up(data, sent, reaction, day)
    assert (era["rule"], refund, in_time) == (
        expected.rule,
        expected.refund,
        expected.in_time,
    ), (sent, reaction, day)


def test_credit_every_day_up_to_n(data: dict[str, Any]) -> None:
    """Each era, reaction and day 0…N+1 next to the change, as the library says."""
    for sent, reaction, day in _credit_cases():
        _assert_lookup_matches_library(data, sent, reaction, day)


def test_credit_random_days_and_offsets(data: dict[str, Any]) -> None:
    """Any send day in the range, any day offset (also far beyond N): lookup = library."""
    rng = random.Random(7)
    earliest, until = (date.fromisoformat(day) for day in data["guthaben-rechner"]["date_range"])
    values = ["keine", *(reaction.value for reaction in Reaction)]
    for _ in range(300):
        sent = earliest + timedelta(days=rng.randrange((until - earliest).days + 1))
        day = rng.choice([rng.randrange(100), rng.randrange(3000)])
        reaction = rng.choice(values)
        _assert_lookup_matches_library(data, sent, reaction, day)


def test_credit_reaction_before_sending(data: dict[str, Any]) -> None:
    too_early = data["guthaben-rechner"]["too_early"]
    net = example_network()
    anna, erik = net.member("Anna"), net.member("Erik")
    mail = net.send(anna, erik, on=date(2015, 6, 10))
    with pytest.raises(TimeWentBackwards) as error:
        net.react(mail, Reaction.SPAM, on=date(2015, 6, 9))
    assert too_early["code"] == error.value.code
    assert (
        too_early["message"].format(sent="10.06.2015", reacted_on="09.06.2015")
        == error.value.message
    )


def credit_example(data: dict[str, Any], sent: date, reaction: str, day: int) -> str:
    """The Guthaben-Rechner's code for a choice, filled as werkzeuge.js fills it."""
    template, code = werkzeuge.credit_code(sent, reaction, day)
    if template == werkzeuge.CREDIT_TEMPLATE_TOO_EARLY:
        return werkzeuge.fill_template(
            template, code, {"error": [data["guthaben-rechner"]["too_early"]["code"]]}
        )
    era, refund, _ = _looked_up(data, sent, reaction, day)
    output = {
        "rule": [f"{era['rule']} {era['name']}"],
        "refund": [str(refund)],
    }
    return werkzeuge.fill_template(template, code, output)


@pytest.mark.parametrize(
    ("sent", "reaction", "day"),
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
def test_credit_code_prints_what_it_claims(
    data: dict[str, Any], sent: date, reaction: str, day: int
) -> None:
    run_example(credit_example(data, sent, reaction, day))


# -- Sterne-Rechner ------------------------------------------------------------------------------


def test_star_table_and_window(data: dict[str, Any]) -> None:
    stars = data["sterne-rechner"]
    assert stars["window"] == FEEDBACK_WINDOW
    assert stars["stars"] == [
        stars_for([Reaction.SPAM] * count + [Reaction.REPLY] * (FEEDBACK_WINDOW - count))
        for count in range(FEEDBACK_WINDOW + 1)
    ]
    assert {r["value"]: r["negative"] for r in stars["reactions"]} == {
        reaction.value: is_negative(reaction) for reaction in Reaction
    }
    rng = random.Random(3)
    for _ in range(500):
        sequence = rng.choices(list(Reaction), k=rng.randrange(30))
        window = sequence[-stars["window"] :]  # as werkzeuge.js: slice(-fenster)
        assert window == list(rating_window(sequence))
        negative = sum(1 for reaction in window if stars_negative(stars, reaction))
        assert stars["stars"][negative] == stars_for(sequence)


def stars_negative(stars: dict[str, Any], reaction: Reaction) -> bool:
    return bool(next(r["negative"] for r in stars["reactions"] if r["value"] == reaction.value))


def stars_example(sequence: list[Reaction]) -> str:
    """The Sterne-Rechner's code for a sequence, filled as werkzeuge.js fills it."""
    window = rating_window(sequence)
    output = {
        "window": [f"{len(window)} {sum(1 for r in window if is_negative(r))}"],
        "stars": [str(stars_for(sequence))],
    }
    return werkzeuge.fill_template(
        werkzeuge.STAR_TEMPLATE, werkzeuge.star_code(r.value for r in sequence), output
    )


@pytest.mark.parametrize("length", [0, 1, 10, 11, 25])
def test_star_code_prints_what_it_claims(length: int) -> None:
    run_example(stars_example(random.Random(length).choices(list(Reaction), k=length)))


# -- the pages -----------------------------------------------------------------------------------


def test_page_examples_are_the_start_choices(data: dict[str, Any]) -> None:
    """Each page's executed example is the tool's code for the form's start values."""
    finder = data["kanal-finder"]
    start = finder["combinations"][finder["start"]]
    assert page_example("kanal-finder") == werkzeuge.fill_template(
        finder["template"], werkzeuge.channel_code(finder["start"].split("|")), start["output"]
    )
    start_day = data["guthaben-rechner"]["start"]
    sent = date.fromisoformat(start_day["sent"])
    assert page_example("guthaben-rechner") == credit_example(
        data, sent, start_day["reaction"], start_day["day"]
    )
    sequence = [Reaction(value) for value in data["sterne-rechner"]["start"]]
    assert page_example("sterne-rechner") == stars_example(sequence)


def test_rule_and_error_links_exist(data: dict[str, Any]) -> None:
    rules_md = (DOCS / "referenz" / "regeln.md").read_text("utf-8")
    errors_md = (DOCS / "referenz" / "fehler.md").read_text("utf-8")
    rules = data["kanal-finder"]["rules"]
    assert {"K1", "K2", "K3", "K4", "K5", "K6", "K7", "C1", "C2", "F2", "F3"} <= set(rules)
    for rule, entry in rules.items():
        assert entry["href"] == f"referenz/regeln.md#{rule.lower()}"
        assert f"{{#{rule.lower()}}}" in rules_md
        if "glossary" in entry:
            assert (DOCS / entry["glossary"]["href"]).is_file()
    assert rules["K2"]["glossary"]["href"] == "glossar/moderatoren.md"
    for name in werkzeuge.TOOLS:
        for entry in data[name].get("error", {}).values():
            assert f"{{#{entry['href'].partition('#')[2]}}}" in errors_md


# -- a changed rule changes the tools ------------------------------------------------------------


def test_changed_star_rule_changes_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inmail_explained.feedback, "NEGATIVES_PER_STAR", 3)
    assert werkzeuge.star_data()["stars"] == [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2]


def test_changed_refund_rule_changes_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inmail_explained.credits, "LEGACY_REFUND_DELAY_DAYS", 10)
    old = werkzeuge.credit_data()["eras"][0]
    assert old["no_reaction"] == [10, False]
    assert old["reactions"]["spam"][0] == [10, False]


def test_a_second_policy_change_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def three_rules(sent_on: date) -> Any:
        if sent_on >= date(2016, 6, 1):
            return inmail_explained.credits.ANSWER_GUARANTEE
        return refund_policy(sent_on)

    monkeypatch.setattr(werkzeuge, "refund_policy", three_rules)
    with pytest.raises(PluginError, match="genau einen Regelwechsel"):
        werkzeuge.credit_data()
