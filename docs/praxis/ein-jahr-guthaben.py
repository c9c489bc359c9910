# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Ein Jahr Guthaben
#
# Dieselben 24 InMails, dieselben Reaktionen – und doch endet das Jahr mit einem anderen
# Guthaben, je nachdem, ob die InMails 2014 oder 2015 verschickt wurden. Bis Ende 2014 galt die
# alte Antwortgarantie (C4a): Bekommst du binnen 7 Tagen keine Antwort, kommt das Guthaben
# zurück. Seit dem 1. Januar 2015 gilt die 90-Tage-Regel (C4b): Das Guthaben kommt nur zurück,
# wenn die Person binnen 90 Tagen reagiert – auch ein „Kein Interesse“ zählt. Auf dieser Seite
# spielst du ein ganzes Recruiting-Jahr unter beiden Regeln durch und siehst Tag für Tag, wie
# sich das Guthaben entwickelt.
#
# Diese Seite ist ein ausführbares Notebook: Jede Zahl im Text wird im Code nachgerechnet und mit
# `assert` geprüft. Lade es dir herunter und spiel selbst mit den Reaktionen, als
# <a href="ein-jahr-guthaben.ipynb" download>Notebook für Jupyter</a> oder als
# <a href="ein-jahr-guthaben.py" download>Python-Datei</a> (Jupytext-Format). Neben der
# Bibliothek `inmail_explained` brauchst du nur matplotlib; wie du beides installierst, steht
# unter <a href="../../selbst-ausprobieren/#einrichten">Selbst ausprobieren</a>.

# %% summary="Vorbereitung: Importe und zeige_grafik (SVG mit Alternativtext)"
import base64
import builtins
import html
import io
from datetime import date, timedelta

import matplotlib
from matplotlib.dates import MonthLocator, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from inmail_explained import (
    ANSWER_GUARANTEE,
    NINETY_DAY_RULE,
    POLICY_CHANGE,
    STATUS_DAY,
    USD_PER_INMAIL,
    Channel,
    EntryKind,
    Member,
    Plan,
    Reaction,
    article_network,
    example_network,
    refund_policy,
)

matplotlib.rcParams["svg.fonttype"] = "none"  # Schrift bleibt Text: kleinere Datei
matplotlib.rcParams["svg.hashsalt"] = "ein-jahr-guthaben"  # bei jedem Lauf dieselbe SVG

MONATE = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]


def zeige_grafik(fig: Figure, alt: str) -> None:
    """Zeigt `fig` als SVG mit dem Alternativtext `alt` (im Skript: nur den Text)."""
    puffer = io.StringIO()
    fig.savefig(puffer, format="svg", metadata={"Date": None})
    if not hasattr(builtins, "__IPYTHON__"):
        print(f"Grafik: {alt}")
        return
    from IPython.display import HTML, display

    daten = base64.b64encode(puffer.getvalue().encode("utf-8")).decode("ascii")
    display(HTML(f'<img src="data:image/svg+xml;base64,{daten}" alt="{html.escape(alt)}">'))


# %% [markdown]
# ## Rita und ihr Jahresplan
#
# Du startest mit den <a href="../../#die-beispielpersonen">Beispielpersonen</a> der Seite und
# nimmst eine neue hinzu: Rita, Recruiterin mit Premium-Konto. Sie schreibt jeden Monat zwei
# Menschen an, die sie nicht kennt – 24 InMails im Jahr. Die erste geht an Erik, die übrigen an
# 23 neue Kandidatinnen und Kandidaten.
#
# <div class="admonition note">
# <p class="admonition-title">Modellannahme</p>
# <p>Für 2014 und 2015 belegen die Quellen kein monatliches Nachladen von InMails; Kontingente
# je Tarif gibt es im Modell erst ab Mai 2019 (Annahme A13). Rita bekommt deshalb zu
# Jahresbeginn einmal 15 InMails Startguthaben, die für das ganze Jahr reichen müssen. Mehr
# kommt nur über Gutschriften nach C4a oder C4b dazu. Wie es heute aussieht, zeigt der
# Abschnitt „Rita heute“ weiter unten.</p>
# </div>
#
# Die Reaktionen stehen fest in einer Liste, ohne Zufall: Wer antwortet, wer „Kein Interesse“
# klickt, wer die InMail als Spam markiert, wer gar nicht reagiert – und nach wie vielen Tagen.
# `None` heißt: keine Reaktion.

# %%
ANTWORT, KEIN_INTERESSE, SPAM = Reaction.REPLY, Reaction.NOT_INTERESTED, Reaction.SPAM
START_GUTHABEN = 15

JAHRESPLAN = [
    # (Monat, Tag, an, Reaktion, nach Tagen)
    (1, 6, "Erik", ANTWORT, 3),
    (1, 20, "Felix", None, None),
    (2, 3, "Greta", SPAM, 1),
    (2, 17, "Hanna", ANTWORT, 12),
    (3, 3, "Ilias", KEIN_INTERESSE, 2),
    (3, 17, "Jana", None, None),
    (4, 7, "Kemal", ANTWORT, 7),
    (4, 21, "Lena", ANTWORT, 95),
    (5, 5, "Mira", None, None),
    (5, 19, "Noah", KEIN_INTERESSE, 30),
    (6, 2, "Olga", ANTWORT, 1),
    (6, 16, "Paul", None, None),
    (7, 7, "Quirin", ANTWORT, 8),
    (7, 21, "Rosa", SPAM, 4),
    (8, 4, "Samir", None, None),
    (8, 18, "Tilda", KEIN_INTERESSE, 5),
    (9, 1, "Ugur", ANTWORT, 90),
    (9, 15, "Vera", None, None),
    (10, 6, "Willi", ANTWORT, 2),
    (10, 20, "Xenia", None, None),
    (11, 3, "Yusuf", ANTWORT, 20),
    (11, 17, "Zoe", None, None),
    (12, 1, "Aylin", KEIN_INTERESSE, 3),
    (12, 15, "Bruno", ANTWORT, 6),
]
assert len(JAHRESPLAN) == 24, "zwei InMails pro Monat"

# %% [markdown]
# ## Das Jahr durchspielen
#
# `simuliere(jahr)` baut jedes Mal ein frisches Netzwerk und trägt alle Ereignisse des Jahres ein.
# Weil in einem Netzwerk die Zeit nur vorwärts läuft (C7), werden Versand und Reaktionen erst nach
# Datum sortiert; am selben Tag kommt der Versand vor der Reaktion. Jede Nachricht geht als InMail
# hinaus, denn Rita ist mit niemandem vernetzt, und niemand hat OpenLink (K5).

# %%
VERSAND, REAKTION = 0, 1


def simuliere(jahr, tarif=None):
    """Ritas Jahr mit Versand im Jahr `jahr`: gibt Netzwerk, Rita und ihre InMails zurück.

    Ohne `tarif` hat Rita ein Startguthaben; mit `tarif` bekommt sie ab dem 1. Januar dessen
    monatliches Kontingent (C9) und startet ohne Guthaben.
    """
    net = article_network() if tarif is None else example_network()
    if tarif is None:
        rita = Member(name="Rita", premium=True, inmail_credits=START_GUTHABEN)
    else:
        rita = Member(name="Rita", plan=tarif, subscribed_on=date(jahr, 1, 1))
    rita = net.add(rita)
    ereignisse = []
    for nummer, (monat, tag, _, reaktion, nach_tagen) in enumerate(JAHRESPLAN):
        gesendet = date(jahr, monat, tag)
        ereignisse.append((gesendet, VERSAND, nummer))
        if reaktion is not None:
            ereignisse.append((gesendet + timedelta(days=nach_tagen), REAKTION, nummer))
    ereignisse.sort()
    inmails = {}
    for tag, art, nummer in ereignisse:
        _, _, name, reaktion, _ = JAHRESPLAN[nummer]
        if art == VERSAND:
            # Erik gehört zu den Beispielpersonen, die anderen kommen neu dazu.
            empfaenger = net.member(name) if name == "Erik" else net.add(Member(name=name))
            inmails[nummer] = net.send(rita, empfaenger, on=tag)
        else:
            net.react(inmails[nummer], reaktion, on=tag)
    return net, rita, [inmails[nummer] for nummer in range(len(JAHRESPLAN))]


net_2014, rita_2014, inmails_2014 = simuliere(2014)
net_2015, rita_2015, inmails_2015 = simuliere(2015)

assert all(mail.channel is Channel.INMAIL for mail in inmails_2014 + inmails_2015)
assert all(refund_policy(mail.sent_on) is ANSWER_GUARANTEE for mail in inmails_2014)
assert all(refund_policy(mail.sent_on) is NINETY_DAY_RULE for mail in inmails_2015)
assert inmails_2015[0].sent_on >= POLICY_CHANGE

# %% [markdown]
# ## Wann kommt das Guthaben zurück?
#
# `net.refund_on(mail)` sagt dir für jede InMail, an welchem Tag ihr Guthaben zurückkommt, oder
# `None`, wenn es weg ist. Die Tabelle stellt beide Jahre nebeneinander.


# %%
def gutschrift(net, mail):
    tag = net.refund_on(mail)
    return "–" if tag is None else f"{tag:%d.%m.}"


print(f"{'an':<7} {'Reaktion':<15} {'Tage':>4}   {'C4a (2014)':<10}   {'C4b (2015)':<10}")
for (_, _, name, reaktion, nach_tagen), mail_2014, mail_2015 in zip(
    JAHRESPLAN, inmails_2014, inmails_2015, strict=True
):
    text = "keine" if reaktion is None else reaktion.label
    frist = "" if nach_tagen is None else nach_tagen
    print(
        f"{name:<7} {text:<15} {frist:>4}   {gutschrift(net_2014, mail_2014):<10}"
        f"   {gutschrift(net_2015, mail_2015):<10}"
    )

# %% [markdown]
# Was die Tabelle zeigt:
#
# - **Antwortgarantie (C4a):** Das Guthaben kommt genau am 8. Tag nach dem Versand zurück, wenn
#   bis zum 7. Tag keine Antwort kam. Das gilt für Schweigen, für Spam (Spam ist keine Antwort,
#   Annahme A2) und für späte Antworten. Kemal antwortet am 7. Tag: knapp in der Frist, also keine
#   Gutschrift. Quirin antwortet am 8. Tag: zu spät, Rita bekommt ihr Guthaben zurück, und
#   Quirins Antwort nimmt es ihr nicht wieder weg.
# - **90-Tage-Regel (C4b):** Das Guthaben kommt am Tag der Reaktion zurück, wenn „Antworten“ oder
#   „Kein Interesse“ binnen 90 Tagen kommt. Ugur antwortet am 90. Tag und zählt noch, Lena
#   antwortet nach 95 Tagen und zählt nicht mehr. Schweigen und Spam kosten Rita ihr Guthaben.


# %%
def gutschriften(net, inmails):
    return [mail for mail in inmails if net.refund_on(mail) is not None]


gutschriften_2014 = gutschriften(net_2014, inmails_2014)
gutschriften_2015 = gutschriften(net_2015, inmails_2015)
print(f"Gutschriften mit Antwortgarantie (C4a): {len(gutschriften_2014)} von 24")
print(f"Gutschriften mit 90-Tage-Regel (C4b):   {len(gutschriften_2015)} von 24")

assert len(gutschriften_2014) == 16, len(gutschriften_2014)
assert len(gutschriften_2015) == 13, len(gutschriften_2015)
# C4a: immer am 8. Tag nach dem Versand
assert all(net_2014.refund_on(m) == m.sent_on + timedelta(days=8) for m in gutschriften_2014)
# C4b: am Tag der Reaktion, und nur für „Antworten“ oder „Kein Interesse“
assert all(net_2015.reaction(m) in (ANTWORT, KEIN_INTERESSE) for m in gutschriften_2015)


def empfaenger(mails):
    return {mail.recipient.name for mail in mails}


# Die Grenzfälle aus dem Text
assert "Kemal" not in empfaenger(gutschriften_2014), "Antwort am 7. Tag: keine Gutschrift (C4a)"
assert "Quirin" in empfaenger(gutschriften_2014), "Antwort am 8. Tag: Gutschrift bleibt (C4a)"
assert "Ugur" in empfaenger(gutschriften_2015), "Antwort am 90. Tag zählt noch (C4b)"
assert "Lena" not in empfaenger(gutschriften_2015), "Antwort nach 95 Tagen zählt nicht (C4b)"
# Spam ist keine Antwort (A2): Gutschrift nach C4a, keine nach C4b
assert {"Greta", "Rosa"} <= empfaenger(gutschriften_2014) - empfaenger(gutschriften_2015)

# %% [markdown]
# ## Das Guthaben Tag für Tag
#
# `net.credits(rita, on=tag)` rechnet den Kontostand am Ende eines Tages aus: Startguthaben, minus
# eine InMail pro Versand, plus jede Gutschrift bis zu diesem Tag (C6). Du fragst ihn für jeden
# Tag des Jahres ab. Alle Ereignisse sind schon eingetragen; ein Stand zeigt also, was diese
# Ereignisse bis zu jenem Tag bewirken (Annahme A7).


# %%
def tage(jahr):
    erster = date(jahr, 1, 1)
    return [erster + timedelta(days=n) for n in range((date(jahr, 12, 31) - erster).days + 1)]


verlauf_2014 = [net_2014.credits(rita_2014, on=tag) for tag in tage(2014)]
verlauf_2015 = [net_2015.credits(rita_2015, on=tag) for tag in tage(2015)]

ende_2014, ende_2015 = verlauf_2014[-1], verlauf_2015[-1]
print(f"Stand am 31. Dezember 2014: {ende_2014} InMails (tiefster Stand {min(verlauf_2014)})")
print(f"Stand am 31. Dezember 2015: {ende_2015} InMails (tiefster Stand {min(verlauf_2015)})")

assert len(verlauf_2014) == len(verlauf_2015) == 365
assert verlauf_2014[0] == verlauf_2015[0] == START_GUTHABEN
assert ende_2014 == START_GUTHABEN - 24 + 16 == 7, ende_2014
assert ende_2015 == START_GUTHABEN - 24 + 13 == 4, ende_2015
assert min(verlauf_2014) == 7, "2014 ist der Endstand zugleich der tiefste"
assert min(verlauf_2015) == 2, "2015 geht es zwischendurch bis auf 2 hinunter"
# Nach dem 31. Dezember ändert sich nichts mehr: Alle InMails sind abgerechnet.
assert net_2014.credits(rita_2014, on=date(2015, 12, 31)) == ende_2014
assert net_2015.credits(rita_2015, on=date(2016, 12, 31)) == ende_2015

# %% [markdown]
# Die Grafik legt beide Jahre übereinander: Die Achse zeigt nur Tag und Monat, die Legende sagt,
# welches Jahr welche Kurve ist.


# %%
def im_jahr_2014(tag):
    """Derselbe Kalendertag in 2014, damit beide Jahre übereinander liegen."""
    return tag.replace(year=2014)


fig = Figure(figsize=(6.4, 3.8), layout="constrained")
ax = fig.subplots()
ax.step(
    tage(2014),
    verlauf_2014,
    where="post",
    color="#1f5fa8",
    label="Versand 2014: Antwortgarantie (C4a)",
)
ax.step(
    [im_jahr_2014(tag) for tag in tage(2015)],
    verlauf_2015,
    where="post",
    color="#c2410c",
    linestyle="--",
    label="Versand 2015: 90-Tage-Regel (C4b)",
)
ax.set_title("Ritas InMail-Guthaben im Jahresverlauf: alte und neue Regel")
ax.set_xlabel("Datum")
ax.set_ylabel("InMail-Guthaben")
ax.xaxis.set_major_locator(MonthLocator())
ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: MONATE[num2date(x).month - 1]))
ax.yaxis.set_major_locator(MaxNLocator(integer=True))
ax.set_xlim(date(2014, 1, 1), date(2014, 12, 31))
ax.set_ylim(0, START_GUTHABEN + 1)
ax.grid(alpha=0.3)
ax.legend(loc="upper right")

zeige_grafik(
    fig,
    "Stufendiagramm von Ritas InMail-Guthaben vom 1. Januar bis 31. Dezember. Beide Kurven "
    f"beginnen bei {START_GUTHABEN} InMails. Mit Versand 2014 und Antwortgarantie (C4a) sinkt "
    f"das Guthaben langsam und endet bei {ende_2014}, denn {len(gutschriften_2014)} der 24 InMails "
    f"kommen zurück. Mit Versand 2015 und 90-Tage-Regel (C4b) sinkt es tiefer, bis auf "
    f"{min(verlauf_2015)}, und endet bei {ende_2015}, denn nur {len(gutschriften_2015)} InMails "
    "kommen zurück.",
)

# %% [markdown]
# ## Was das in Dollar bedeutet
#
# Nach der Faustregel des Artikels ist eine InMail etwa 10 US-Dollar wert. Verbraucht sind nur
# die InMails, deren Guthaben nicht zurückkam.

# %%
verbraucht_2014 = START_GUTHABEN - ende_2014
verbraucht_2015 = START_GUTHABEN - ende_2015
for jahr, verbraucht in ((2014, verbraucht_2014), (2015, verbraucht_2015)):
    print(f"{jahr}: {verbraucht} InMails verbraucht, etwa {verbraucht * USD_PER_INMAIL} US-Dollar")

assert (verbraucht_2014, verbraucht_2015) == (8, 11)

# %% [markdown]
# ## Über den Jahreswechsel
#
# Welche Regel gilt, entscheidet allein der Tag des Versands. Eine InMail vom 29. Dezember 2014
# fällt unter die Antwortgarantie, auch wenn die Antwort erst im neuen Jahr kommt: Eine Antwort
# am 3. Januar 2015 liegt in der 7-Tage-Frist, also gibt es keine Gutschrift – obwohl seit dem
# 1. Januar 2015 für neue InMails genau diese Antwort eine Gutschrift bringen würde.

# %%
net = article_network()
rita = net.add(Member(name="Rita", premium=True, inmail_credits=1))
erik = net.member("Erik")
mail = net.send(rita, erik, on=date(2014, 12, 29))
net.react(mail, ANTWORT, on=date(2015, 1, 3))

assert refund_policy(mail.sent_on) is ANSWER_GUARANTEE
assert net.refund_on(mail) is None, "Antwort binnen 7 Tagen: keine Gutschrift (C4a)"
assert net.credits(rita, on=date(2015, 12, 31)) == 0
# Dieselbe Antwort auf eine InMail vom 29. Dezember 2015 brächte eine Gutschrift (C4b):
assert NINETY_DAY_RULE.refund_on(date(2015, 12, 29), ANTWORT, date(2016, 1, 3)) == date(2016, 1, 3)

# %% [markdown]
# ## Rita heute: Recruiter Lite
#
# Heute gibt es kein Startguthaben mehr, das ein Jahr reichen muss. Rita hat den Tarif
# Recruiter Lite: An jedem Abrechnungstag kommt das monatliche Kontingent (C9), und mehr als der
# Höchststand geht nicht (C10; was darüber ginge, verfällt sofort, Annahme A18). Nach 90 Tagen
# verfällt bei Recruiter Lite nichts: Ungenutzte InMails werden übertragen, bis zum Vierfachen des
# Monatskontingents (C15; dass das auch für Recruiter Lite gilt, ist die Annahme A21). Eine
# Gutschrift nach der 90-Tage-Regel ist ein neues Guthaben (A17), und beim Versand wird das
# älteste zuerst verbraucht (A16). Dieselben 24 InMails und Reaktionen, diesmal im Jahr des Stands
# der Seite:

# %%
HEUTE = STATUS_DAY.year
TARIF = Plan.RECRUITER_LITE
net_heute, rita_heute, inmails_heute = simuliere(HEUTE, TARIF)
verlauf_heute = [net_heute.credits(rita_heute, on=tag) for tag in tage(HEUTE)]
auszug = net_heute.ledger(rita_heute, on=date(HEUTE, 12, 31))


def summe(zeilen):
    return sum(zeile.change for zeile in zeilen)


def nach_art(zeilen, art):
    return [zeile for zeile in zeilen if zeile.kind is art]


kontingent = summe(nach_art(auszug, EntryKind.ALLOTMENT))
verfallen = -summe(nach_art(auszug, EntryKind.EXPIRY))
ueber_hoechststand = -summe(nach_art(auszug, EntryKind.FORFEIT))
gutschriften_heute = gutschriften(net_heute, inmails_heute)
ende_heute = verlauf_heute[-1]

print(f"{TARIF.title}: {TARIF.monthly_inmails} InMails im Monat, höchstens {TARIF.max_inmails}")
print(f"Kontingent im Jahr:        {kontingent}")
print(f"InMails verschickt:        {len(inmails_heute)}")
print(f"Gutschriften (C4b):        {len(gutschriften_heute)}")
print(f"verfallen nach 90 Tagen:   {verfallen}")
print(f"über dem Höchststand:      {ueber_hoechststand}")
print(f"Stand am 31. Dezember {HEUTE}: {ende_heute} (höchster Stand {max(verlauf_heute)})")

# Nichts geht verloren oder zählt doppelt (C6): jede Zeile des Auszugs hat ihren Grund.
assert summe(auszug) == ende_heute
assert ende_heute == (
    kontingent - len(inmails_heute) + len(gutschriften_heute) - verfallen - ueber_hoechststand
)
assert kontingent == 12 * TARIF.monthly_inmails, "zwölf Abrechnungstage im Jahr"
assert all(refund_policy(mail.sent_on) is NINETY_DAY_RULE for mail in inmails_heute)
assert empfaenger(gutschriften_heute) == empfaenger(gutschriften_2015), "dieselbe Regel wie 2015"
assert max(verlauf_heute) <= TARIF.max_inmails
assert min(verlauf_heute[1:]) > 0, "das Kontingent reicht für zwei InMails im Monat"
assert verfallen == 0, "bei Recruiter Lite verfällt nichts nach 90 Tagen (C15)"
assert ueber_hoechststand > 0, "was über den Höchststand ginge, verfällt (C10, A18)"

# %% [markdown]
# Den Höchststand erreicht Rita am fünften Abrechnungstag, dem 1. Mai: Vom neuen Kontingent
# passt nur noch, was bis 120 fehlt, der Rest verfällt sofort und steht als eigene Zeile im
# Auszug. Ab dann ist das an jedem Abrechnungstag so.

# %%
mai = date(HEUTE, 5, 1)
vortag = mai - timedelta(days=1)
zeilen_mai = [z for z in auszug if z.on == mai]
print(f"{vortag:%d.%m.%Y}: {net_heute.credits(rita_heute, on=vortag)} InMails")
for zeile in zeilen_mai:
    print(f"{zeile.on:%d.%m.%Y}: {zeile.change:+d} {zeile.reason}")
print(f"{mai:%d.%m.%Y}: {net_heute.credits(rita_heute, on=mai)} InMails")

assert [z.kind for z in zeilen_mai] == [EntryKind.ALLOTMENT, EntryKind.FORFEIT]
assert net_heute.credits(rita_heute, on=vortag) < TARIF.max_inmails
assert net_heute.credits(rita_heute, on=mai) == TARIF.max_inmails
assert not any(z.kind is EntryKind.FORFEIT for z in auszug if z.on < mai), "vorher passt alles"

# %% [markdown]
# Mit Premium Business (15 im Monat, höchstens 45) wäre es anders: Dort verfällt jedes
# Monatskontingent am Abrechnungstag drei Zeiträume später, bevor das neue kommt (C11, Annahme
# A20). Rita verbraucht im Monat nur zwei InMails, also verfällt dort von April an jeden Monat
# der Rest eines Kontingents; eine Gutschrift verfällt nach ihren eigenen 90 Tagen (A15, A17):

# %%
net_premium, rita_premium, _ = simuliere(HEUTE, Plan.PREMIUM_BUSINESS)
auszug_premium = net_premium.ledger(rita_premium, on=date(HEUTE, 12, 31))
verfallen_premium = nach_art(auszug_premium, EntryKind.EXPIRY)
monatsreste = [zeile for zeile in verfallen_premium if "(C11, A20)" in zeile.reason]
print(
    f"Premium Business: {len(verfallen_premium)} Verfallszeilen, zusammen "
    f"{-summe(verfallen_premium)} InMails, davon {len(monatsreste)} Monatskontingente"
)
print(f"{verfallen_premium[0].on:%d.%m.%Y}: {verfallen_premium[0].reason}")

assert verfallen_premium[0].on == date(HEUTE, 4, 1), "das Januar-Kontingent geht am 1. April"
assert [zeile.on.month for zeile in monatsreste] == list(range(4, 13)), "April bis Dezember"

# %% [markdown]
# Die Grafik zeigt Ritas Jahr dreimal: mit Startguthaben unter der Antwortgarantie (2014) und
# unter der 90-Tage-Regel (2015), und heute mit Kontingent, Höchststand und Übertrag. Die Achse
# zeigt nur Tag und Monat.

# %%
ab_mai = (mai - date(HEUTE, 1, 1)).days
fig = Figure(figsize=(6.4, 4.2), layout="constrained")
ax = fig.subplots()
ax.step(tage(2014), verlauf_2014, where="post", color="#1f5fa8", label="2014: Startguthaben, C4a")
ax.step(
    [im_jahr_2014(tag) for tag in tage(2015)],
    verlauf_2015,
    where="post",
    color="#c2410c",
    linestyle="--",
    label="2015: Startguthaben, C4b",
)
ax.step(
    [im_jahr_2014(tag) for tag in tage(HEUTE)],
    verlauf_heute,
    where="post",
    color="#15803d",
    linestyle="-.",
    label=f"{HEUTE}: {TARIF.title}, C4b, C9, C10, C15",
)
ax.axhline(TARIF.max_inmails, color="#15803d", linewidth=0.8, linestyle=":")
ax.set_title("Ritas InMail-Guthaben: 2014, 2015 und heute")
ax.set_xlabel("Datum")
ax.set_ylabel("InMail-Guthaben")
ax.xaxis.set_major_locator(MonthLocator())
ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: MONATE[num2date(x).month - 1]))
ax.yaxis.set_major_locator(MaxNLocator(integer=True))
ax.set_xlim(date(2014, 1, 1), date(2014, 12, 31))
ax.set_ylim(0, TARIF.max_inmails + 5)
ax.grid(alpha=0.3)
ax.legend(loc="center right")

zeige_grafik(
    fig,
    f"Stufendiagramm von Ritas InMail-Guthaben vom 1. Januar bis 31. Dezember in drei Jahren. "
    f"2014 und 2015 beginnt es bei {START_GUTHABEN} InMails Startguthaben und endet bei "
    f"{ende_2014} beziehungsweise {ende_2015}. {HEUTE} mit {TARIF.title} beginnt es bei "
    f"{verlauf_heute[0]}, steigt mit jedem Abrechnungstag um bis zu {TARIF.monthly_inmails}, "
    f"erreicht höchstens {max(verlauf_heute)} (Höchststand {TARIF.max_inmails}, gepunktete "
    f"Linie) am 1. Mai, liegt danach zwischen {min(verlauf_heute[ab_mai:])} und "
    f"{TARIF.max_inmails}; was darüber ginge, verfällt. Es endet bei {ende_heute}.",
)

# %% [markdown]
# ## Was du daraus mitnimmst
#
# - Mit derselben Liste von Reaktionen bekommt Rita 2014 **16** InMails zurück, 2015 nur **13**.
#   Ihr Jahr endet bei **7** statt **4** InMails.
# - Die alte Antwortgarantie belohnte Schweigen: Jede InMail ohne rechtzeitige Antwort kam zurück,
#   auch eine als Spam markierte. Die 90-Tage-Regel belohnt InMails, auf die jemand reagiert,
#   und sei es mit „Kein Interesse“.
# - Für die Regel zählt allein der Tag des Versands, nicht der Tag der Reaktion: Eine im
#   Dezember 2014 verschickte InMail fällt auch dann unter C4a, wenn die Antwort erst im
#   Januar 2015 kommt.
# - Heute bestimmen Kontingent und Höchststand das Guthaben mehr als die Gutschriften: Mit
#   Recruiter Lite verfällt nichts nach 90 Tagen, aber über 120 kommt Rita nie. Mit Premium
#   Business verfiele jeden Monat, was vom Kontingent drei Abrechnungszeiträume zuvor übrig ist.
#
# <div class="admonition tip">
# <p class="admonition-title">Selbst ausprobieren</p>
# <p>Ändere in <code>JAHRESPLAN</code> eine Reaktion oder die Zahl der Tage, und sieh nach, welche
# <code>assert</code>-Zeile widerspricht. Wird <code>START_GUTHABEN</code> zu klein, bricht
# <code>net.send</code> mitten im Jahr mit <code>NoCreditsLeft</code> ab: Rita hätte keine InMail
# mehr übrig (C2).</p>
# </div>
#
# ## Siehe auch
#
# - <a href="../../glossar/antwortgarantie/#grenztage">Antwortgarantie und 90-Tage-Regel</a>:
#   die Grenztage 7, 8, 90 und 91 einzeln nachgerechnet
# - <a href="../../glossar/guthaben/#faustregel">InMail-Guthaben</a>: die Faustregel von
#   10 US-Dollar pro InMail
# - <a href="../sterne-verlieren/">Wie Sterne verloren gehen</a>: was dieselben Reaktionen mit
#   Ritas Bewertung machen
