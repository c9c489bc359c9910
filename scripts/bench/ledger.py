"""Ledger step: how the library's cost per event grows with the history, through its public API.

Every InMail asks the ledger whether a credit is left, so a ledger that is recomputed from the
whole history makes each send slower than the one before. Two measurements:

1. One sender, one run: 500 InMails, then 2,000 in a fresh network. A flat cost per event makes
   the second take 4 times as long; the target allows `RATIO_TARGET` times.
2. Throughput: 1,000, 10,000 and 100,000 events – sends, each followed by a reaction to the
   previous InMail, so refunds, stars and the ledger all take part – spread over `SENDERS`
   senders and a year; events per second, and the senders' credits at the end.

3. Members on a plan (C9-C11): one Sales Navigator Core member, each InMail answered the same
   day (so a credit-back, A17), spread over `DAYS` days with their allotments and expiries;
   `PLAN_SIZES` events, and the same ratio target for the larger against the smaller.

4. Far days (A7): one Sales Navigator Core member with a year of daily events (an InMail a day,
   every other one answered the same day). `credits` on `date.max` and an InMail on 9999-12-01
   against the same calls on a day near the last event (the reference, measured in the same
   run): the target is under `FAR_TARGET_MS` each. `ledger` on `date.max` lists two lines for
   each of the about 96,000 months in between, so it has no target; its time and length are
   shown beside the ledger of the near day.

A size that runs longer than `TIME_LIMIT` seconds is stopped there (its rate so far is shown)
and the larger sizes are skipped, so `make bench` ends even with a quadratic ledger.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from itertools import cycle

from inmail_explained import PLANS_ATTESTED_FROM, Member, Network, Plan, Reaction

from .report import Report

TIME_LIMIT = 60.0  # seconds per measured size
RATIO_SIZES = (500, 2_000)
RATIO_TARGET = 6.0
THROUGHPUT_SIZES = (1_000, 10_000, 100_000)
SENDERS = 10
RECIPIENTS = 50
START = date(2014, 1, 6)
DAYS = 365
PLAN = Plan.SALES_NAVIGATOR_CORE
PLAN_SIZES = (1_000, 4_000)
REACTIONS = (Reaction.REPLY, Reaction.NOT_INTERESTED, Reaction.REPLY, Reaction.SPAM)
FAR_TARGET_MS = 10.0
FAR_START = date(2025, 1, 1)
FAR_SEND_DAY = date(9999, 12, 1)
FAR_REPEATS = 5


@dataclass(frozen=True)
class Timing:
    """One measured size: events done, seconds taken, and whether `TIME_LIMIT` stopped it."""

    events: int
    planned: int
    seconds: float

    @property
    def stopped(self) -> bool:
        """Whether the run ended before all planned events."""
        return self.events < self.planned

    @property
    def per_second(self) -> float:
        """Events per second."""
        return self.events / self.seconds if self.seconds else 0.0


def network(senders: int, credits_each: int) -> tuple[Network, list[Member], list[Member]]:
    """Premium senders with enough credits, and strangers who accept InMails."""
    net = Network()
    sending = [
        net.add(Member(name=f"Sender {n}", premium=True, inmail_credits=credits_each))
        for n in range(senders)
    ]
    receiving = [net.add(Member(name=f"Empfänger {n}")) for n in range(RECIPIENTS)]
    return net, sending, receiving


def time_sends(count: int) -> Timing:
    """`count` InMails from one sender on one day."""
    net, (sender,), recipients = network(1, count)
    targets = cycle(recipients)
    started = time.perf_counter()
    done = 0
    while done < count and time.perf_counter() - started < TIME_LIMIT:
        net.send(sender, next(targets), on=START)
        done += 1
    return Timing(done, count, time.perf_counter() - started)


def time_events(count: int) -> tuple[Timing, int]:
    """`count` events of `SENDERS` senders over `DAYS` days; also their credits at the end."""
    sends = (count + 1) // 2
    net, senders, recipients = network(SENDERS, sends // SENDERS + 1)
    who, whom, how = cycle(senders), cycle(recipients), cycle(REACTIONS)
    started = time.perf_counter()
    done, day = 0, START
    while done < count and time.perf_counter() - started < TIME_LIMIT:
        day = START + timedelta(days=done * DAYS // count)
        mail = net.send(next(who), next(whom), on=day)
        done += 1
        if done < count:
            net.react(mail, next(how), on=day)
            done += 1
    seconds = time.perf_counter() - started
    left = sum(net.credits(sender, on=day) for sender in senders)
    return Timing(done, count, seconds), left


def time_plan_events(count: int) -> tuple[Timing, int]:
    """`count` events of one plan member over `DAYS` days: sends, each answered the same day."""
    net = Network()
    sender = net.add(Member(name="Abonnentin", plan=PLAN, subscribed_on=PLANS_ATTESTED_FROM))
    targets = cycle([net.add(Member(name=f"Empfänger {n}")) for n in range(RECIPIENTS)])
    started = time.perf_counter()
    done, day = 0, PLANS_ATTESTED_FROM
    while done < count and time.perf_counter() - started < TIME_LIMIT:
        day = PLANS_ATTESTED_FROM + timedelta(days=done * DAYS // count)
        mail = net.send(sender, next(targets), on=day)
        done += 1
        if done < count:
            net.react(mail, Reaction.REPLY, on=day)
            done += 1
    seconds = time.perf_counter() - started
    return Timing(done, count, seconds), net.credits(sender, on=day)


def report_plans(report: Report) -> None:
    """Events per second for a member on a plan, and how the cost grows with the history."""
    report.say()
    report.say(f"Tarif {PLAN.title} (Kontingent, Höchststand, Verfall), {DAYS} Tage:")
    timings = []
    for count in PLAN_SIZES:
        timing, left = time_plan_events(count)
        timings.append(timing)
        report.say(
            f"{number(count):>7} Ereignisse: {_took(timing)},"
            f" {number(round(timing.per_second))} Ereignisse/s, Guthaben danach {number(left)}"
        )
    small, large = timings
    if small.stopped or large.stopped:
        report.target(False, f"Ledger mit Tarif: nach {TIME_LIMIT:.0f} s abgebrochen")
        return
    ratio = large.seconds / small.seconds
    sizes = f"{number(PLAN_SIZES[1])} Ereignisse {ratio:.1f}× so lange wie {number(PLAN_SIZES[0])}"
    report.say(f"{sizes} (linear wäre {PLAN_SIZES[1] / PLAN_SIZES[0]:.0f}×)")
    report.target(ratio <= RATIO_TARGET, f"Ledger mit Tarif: {sizes} (Ziel ≤ {RATIO_TARGET:.0f}×)")


def busy_plan_member() -> tuple[Network, Member, Member, date]:
    """A Sales Navigator Core member with an InMail a day for a year, every other one answered."""
    net = Network()
    member = net.add(Member(name="Abonnentin", plan=PLAN, subscribed_on=FAR_START))
    recipients = [net.add(Member(name=f"Empfänger {n}")) for n in range(RECIPIENTS)]
    day = FAR_START
    for n in range(DAYS):
        day = FAR_START + timedelta(days=n)
        mail = net.send(member, recipients[n % RECIPIENTS], on=day)
        if n % 2:
            net.react(mail, Reaction.REPLY, on=day)
    return net, member, recipients[0], day


def milliseconds(call: Callable[[], object], repeats: int = FAR_REPEATS) -> float:
    """The best of `repeats` runs of `call`, in milliseconds."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def report_far_days(report: Report) -> None:
    """Far days: credits and an InMail on the calendar's last days, against a near day (A7)."""
    report.say()
    report.say(f"Ferne Tage ({PLAN.title}, ein Jahr lang jeden Tag eine InMail):")
    net, member, _, last = busy_plan_member()
    near = last + timedelta(days=30)
    credits_near = milliseconds(partial(net.credits, member, on=near))
    credits_far = milliseconds(partial(net.credits, member, on=date.max))
    report.say(f"  credits: {near} {credits_near:8.2f} ms, {date.max} {credits_far:8.2f} ms")
    report.target(
        credits_far < FAR_TARGET_MS,
        f"credits am {date.max}: {credits_far:.2f} ms (Ziel < {FAR_TARGET_MS:.0f} ms,"
        f" naher Tag {credits_near:.2f} ms)",
    )
    ledger_near = milliseconds(partial(net.ledger, member, on=near))
    ledger_far = milliseconds(partial(net.ledger, member, on=date.max), 1)
    report.say(f"  ledger: {near} {ledger_near:8.2f} ms, {date.max} {ledger_far:8.2f} ms")
    lines = len(net.ledger(member, on=date.max))
    report.say(f"  ledger bis {date.max}: {number(lines)} Zeilen (zwei je Monat; ohne Ziel)")
    sends = []
    for on in (near, FAR_SEND_DAY):
        fresh, sender, to, _ = busy_plan_member()
        started = time.perf_counter()
        fresh.send(sender, to, on=on)
        sends.append((time.perf_counter() - started) * 1000)
    report.say(f"  send: {near} {sends[0]:8.2f} ms, {FAR_SEND_DAY} {sends[1]:8.2f} ms")
    report.target(
        sends[1] < FAR_TARGET_MS,
        f"send am {FAR_SEND_DAY}: {sends[1]:.2f} ms (Ziel < {FAR_TARGET_MS:.0f} ms,"
        f" naher Tag {sends[0]:.2f} ms)",
    )


def report_ledger(report: Report) -> None:
    """Scaling of sends from one sender, and events per second for growing histories."""
    report.section("Ledger (Bibliothek: Network.send, react, credits)")
    small, large = (time_sends(count) for count in RATIO_SIZES)
    for timing in (small, large):
        report.say(f"{number(timing.planned):>7} InMails eines Absenders: {_took(timing)}")
    if small.stopped or large.stopped:
        report.target(False, f"Ledger: nach {TIME_LIMIT:.0f} s abgebrochen, kein Verhältnis")
    else:
        ratio = large.seconds / small.seconds
        sizes = (
            f"{number(RATIO_SIZES[1])} InMails {ratio:.1f}× so lange wie {number(RATIO_SIZES[0])}"
        )
        report.say(f"{sizes} (linear wäre {RATIO_SIZES[1] / RATIO_SIZES[0]:.0f}×)")
        report.target(ratio <= RATIO_TARGET, f"Ledger: {sizes} (Ziel ≤ {RATIO_TARGET:.0f}×)")
    report.say()
    report.say(f"Ereignisse (auf jede InMail eine Reaktion), {SENDERS} Absender, {DAYS} Tage:")
    stopped = False
    for count in THROUGHPUT_SIZES:
        if stopped:
            report.say(
                f"{number(count):>7} Ereignisse: übersprungen"
                f" (die kleinere Größe brauchte über {TIME_LIMIT:.0f} s)"
            )
            continue
        timing, left = time_events(count)
        report.say(
            f"{number(count):>7} Ereignisse: {_took(timing)},"
            f" {number(round(timing.per_second))} Ereignisse/s,"
            f" Guthaben danach zusammen {number(left)}"
        )
        stopped = timing.stopped
    report_plans(report)
    report_far_days(report)


def number(value: int) -> str:
    """An integer with German thousands separators: 10.000."""
    return f"{value:,}".replace(",", ".")


def _took(timing: Timing) -> str:
    if timing.stopped:
        return (
            f"nach {TIME_LIMIT:.0f} s abgebrochen bei {number(timing.events)}"
            f" von {number(timing.planned)} ({timing.seconds:.1f} s)"
        )
    return f"{timing.seconds:6.2f} s"
