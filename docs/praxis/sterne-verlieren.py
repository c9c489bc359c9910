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
# # Wie Sterne verloren gehen
#
# Zur Zeit des Artikels, 2013, bekam, wer InMails verschickte, dafür eine Bewertung in Sternen,
# und die sah jede Person, die eine InMail von ihm erhielt; wann LinkedIn die Sterne abschaffte,
# ist nicht belegt. Es zählten nur die letzten 10 Reaktionen: Je zwei negative darunter („Kein
# Interesse“ oder Spam) kosteten einen Stern. Eine schlechte Phase drückte die Sterne also schnell
# nach unten, und sie kamen erst zurück, wenn die negativen Reaktionen aus diesem Fenster der
# letzten 10 herausgerutscht waren. Auf dieser Seite verfolgst du das Reaktion für Reaktion.
#
# Diese Seite ist ein ausführbares Notebook: Jede Zahl im Text wird im Code nachgerechnet und mit
# `assert` geprüft. Lade es dir herunter und probiere eigene Reaktionsfolgen aus, als
# <a href="sterne-verlieren.ipynb" download>Notebook für Jupyter</a> oder als
# <a href="sterne-verlieren.py" download>Python-Datei</a> (Jupytext-Format). Was du dafür
# installierst, steht unter <a href="../../selbst-ausprobieren/#einrichten">Selbst
# ausprobieren</a>.

# %% [markdown]
# ## Die Regeln F2, F3 und A4
#
# - **Nur die letzten 10 zählen (F2).** LinkedIn bewertet dich nach den letzten 10 Reaktionen auf
#   deine InMails. Die Reihenfolge bestimmt der Tag der Reaktion, nicht der Tag, an dem du die
#   InMail verschickt hast; reagieren zwei am selben Tag, zählt die Reihenfolge, in der sie
#   eingetragen wurden.
# - **Zwei negative kosten einen Stern (F3).** Du startest mit 5 Sternen, und solange noch niemand
#   reagiert hat, bleibt es dabei. Laut Artikel kosten mindestens zwei negative Bewertungen unter
#   den letzten 10 einen Stern. Negativ sind „Kein Interesse“ und Spam, positiv ist „Antworten“.
# - **Jedes weitere Paar kostet noch einen (A4).** Was bei vier oder mehr negativen Bewertungen
#   passiert, sagt der Artikel nicht. Das Modell führt die Regel gleichmäßig fort.
#
# <div class="admonition note">
# <p class="admonition-title">Modellannahme A4</p>
# <p>Sterne = 5 − (negative Bewertungen unter den letzten 10) // 2. Null oder eine negative
# ergeben 5 Sterne, zwei oder drei ergeben 4, vier oder fünf ergeben 3 – bis hinunter zu
# 0 Sternen bei zehn negativen.</p>
# </div>
#
# Bewertet werden nur bezahlte InMails (Annahme A3). Eine kostenlose Nachricht an einen Kontakt
# kann niemand als Spam markieren.

# %% summary="Vorbereitung: Importe und zeige_grafik (SVG mit Alternativtext)"
import base64
import builtins
import html
import io
from datetime import date, timedelta

import matplotlib
from matplotlib.figure import Figure

from inmail_explained import (
    FEEDBACK_WINDOW,
    MAX_STARS,
    Channel,
    Member,
    NotAnInMail,
    Reaction,
    article_network,
    is_negative,
)

matplotlib.rcParams["svg.fonttype"] = "none"  # Schrift bleibt Text: kleinere Datei
matplotlib.rcParams["svg.hashsalt"] = "sterne-verlieren"  # bei jedem Lauf dieselbe SVG


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


assert FEEDBACK_WINDOW == 10
assert MAX_STARS == 5

# %% [markdown]
# Mit den <a href="../../#die-beispielpersonen">Beispielpersonen</a> siehst du A3 sofort: Anna
# und Ben sind vernetzt, Annas Nachricht an Ben ist also kostenlos (K1), und Ben kann sie nicht
# bewerten.

# %%
net = article_network()
anna, ben = net.member("Anna"), net.member("Ben")
nachricht = net.send(anna, ben, on=date(2013, 7, 1))
assert nachricht.channel is Channel.CONNECTION

try:
    net.react(nachricht, Reaction.SPAM, on=date(2013, 7, 2))
except NotAnInMail as error:
    print(error.code)
else:
    raise AssertionError("eine kostenlose Nachricht darf nicht bewertet werden (A3)")

# %% [markdown]
# ## 24 Reaktionen hintereinander
#
# Rita, Recruiterin mit Premium-Konto, kommt neu zu den Beispielpersonen dazu. Sie schickt ab dem
# 1. Juli 2013 jeden Montag eine InMail an eine neue Person, und zwei Tage später kommt die
# Reaktion. Das spielt bewusst in der Zeit des Artikels: Wann LinkedIn die Sterne abgeschafft hat,
# ist nicht belegt, und die Bibliothek rechnet Sterne nur bis zum 30. April 2014 (F1 bis F4).
# Die Reaktionen stehen fest in einer Liste: ein guter Start, dann eine schlechte Phase, dann
# eine lange Reihe von Antworten, am Ende eine Spam-Welle.
#
# <div class="admonition note">
# <p class="admonition-title">Modellannahme</p>
# <p>Rita startet mit 24 InMails Guthaben, eine für jede Woche. So spielt das Guthaben hier
# keine Rolle; wie es sich entwickelt, zeigt
# <a href="../ein-jahr-guthaben/">Ein Jahr Guthaben</a>.</p>
# </div>

# %%
A, K, S = Reaction.REPLY, Reaction.NOT_INTERESTED, Reaction.SPAM  # Antworten, Kein Interesse, Spam

REAKTIONEN = [
    A, A, K, A, S, A, K, S, A, S,  # 1–10: guter Start, dann eine schlechte Phase
    A, A, A, A, A, A, A, A,        # 11–18: nur Antworten
    S, S, K, S, S, K,              # 19–24: eine Spam-Welle
]  # fmt: skip

net = article_network()
rita = net.add(Member(name="Rita", premium=True, inmail_credits=len(REAKTIONEN)))
inmails = []
sterne = []  # sterne[n] = Ritas Sterne nach Reaktion n + 1
for nummer, reaktion in enumerate(REAKTIONEN, start=1):
    montag = date(2013, 7, 1) + timedelta(weeks=nummer - 1)
    person = net.add(Member(name=f"Kandidat {nummer:02d}"))
    mail = net.send(rita, person, on=montag)
    net.react(mail, reaktion, on=montag + timedelta(days=2))
    inmails.append(mail)
    sterne.append(net.stars(rita))

print(" ".join(str(anzahl) for anzahl in sterne))

# %% [markdown]
# Die Sterne an einzelnen Stellen, und warum (die Nummern zählen die Reaktionen):
#
# - Nach Reaktion 3 steht die erste negative Bewertung im Fenster: Eine allein kostet nichts,
#   es bleibt bei 5 Sternen.
# - Nach Reaktion 5 sind es zwei negative: 4 Sterne.
# - Nach Reaktion 8 sind es vier: 3 Sterne. Nach Reaktion 10 sind es fünf, das bleiben 3 Sterne.
# - Ab Reaktion 11 kommen nur noch Antworten. Trotzdem ändert sich erst etwas, als Reaktion 15
#   die Spam-Markierung von Reaktion 5 aus dem Fenster schiebt: 4 Sterne. Nach Reaktion 18 liegt
#   nur noch eine negative im Fenster (Nr. 10): wieder 5 Sterne.
# - Die Spam-Welle am Ende drückt Rita auf 2 Sterne: Nach Reaktion 24 sind sechs der letzten 10
#   negativ.


# %%
def sterne_nach(nummer):
    """Ritas Sterne nach Reaktion `nummer` (gezählt ab 1)."""
    return sterne[nummer - 1]


def negative_im_fenster(nummer):
    """Wie viele der letzten 10 Reaktionen bis einschließlich `nummer` negativ sind."""
    fenster = REAKTIONEN[max(nummer - FEEDBACK_WINDOW, 0) : nummer]
    return sum(is_negative(reaktion) for reaktion in fenster)


assert sterne_nach(3) == 5, "eine negative Bewertung allein kostet keinen Stern"
assert sterne_nach(5) == 4, "zwei negative: ein Stern weniger"
assert sterne_nach(8) == 3, "vier negative: zwei Sterne weniger"
assert sterne_nach(10) == 3, "fünf negative: 5 - 5 // 2 = 3"
assert sterne_nach(14) == 3, "Antworten allein helfen erst, wenn Negative aus dem Fenster fallen"
assert sterne_nach(15) == 4, "Reaktion 5 (Spam) ist aus dem Fenster gerutscht"
assert sterne_nach(18) == 5, "nur noch Reaktion 10 ist negativ"
assert sterne_nach(24) == 2, "sechs negative unter den letzten 10"
assert min(sterne) == 2
# A4 an jeder Stelle: 5 - negative // 2 über die letzten 10
assert all(
    sterne_nach(nummer) == MAX_STARS - negative_im_fenster(nummer) // 2
    for nummer in range(1, len(REAKTIONEN) + 1)
)

# %% [markdown]
# ## Was Empfänger sehen (F4)
#
# Jede InMail trägt die Sterne, die Rita beim Versand hatte. Die erste geht mit 5 Sternen hinaus,
# jede weitere mit dem Stand nach der Reaktion der Vorwoche. Wer Ritas letzte InMail bekam, sah
# also 3 Sterne, obwohl sie eine Woche später nur noch 2 hat.

# %%
assert inmails[0].sender_stars == 5
assert [mail.sender_stars for mail in inmails[1:]] == sterne[:-1]
assert inmails[-1].sender_stars == 3
assert net.stars(rita) == 2

# %% [markdown]
# ## Die Sterne als Treppe
#
# Oben siehst du jede Reaktion als Zeichen, unten Ritas Sterne nach dieser Reaktion. Der
# hinterlegte Bereich ist das Fenster der letzten 10 Bewertungen nach der letzten Reaktion: Nur
# was darin liegt, zählt für Ritas aktuelle 2 Sterne.

# %%
nummern = list(range(1, len(REAKTIONEN) + 1))
letzte = nummern[-1]
fenster_von = letzte - FEEDBACK_WINDOW + 1
darstellung = {
    A: ("Antworten", "o", "#15803d"),
    K: ("Kein Interesse", "s", "#c2410c"),
    S: ("Spam", "X", "#b91c1c"),
}

fig = Figure(figsize=(6.4, 4.4), layout="constrained")
oben, unten = fig.subplots(2, 1, sharex=True, height_ratios=[1, 3])
for achse in (oben, unten):
    achse.axvspan(fenster_von - 0.5, letzte + 0.5, color="#94a3b8", alpha=0.25)

for reaktion, (text, zeichen, farbe) in darstellung.items():
    stellen = [n for n, r in zip(nummern, REAKTIONEN, strict=True) if r is reaktion]
    oben.scatter(stellen, [0] * len(stellen), marker=zeichen, color=farbe, s=60, label=text)
oben.set_yticks([])
oben.set_ylabel("Reaktion")
oben.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=3, frameon=False)
oben.set_title("Ritas Sterne nach jeder Reaktion auf ihre InMails")

unten.step(nummern, sterne, where="post", color="#1f5fa8", linewidth=2)
unten.plot(nummern, sterne, "o", color="#1f5fa8", markersize=4)
unten.annotate(
    "letzte 10 Bewertungen",
    xy=((fenster_von + letzte) / 2, 0.3),
    ha="center",
    color="#334155",
)
unten.set_xlabel("Reaktion Nr. (nach Datum der Reaktion)")
unten.set_ylabel("Sterne")
unten.set_ylim(0, MAX_STARS + 0.5)
unten.set_xlim(0.5, letzte + 0.5)
unten.set_xticks(nummern[::2])
unten.set_yticks(range(MAX_STARS + 1))
unten.grid(alpha=0.3)

zeige_grafik(
    fig,
    f"Treppendiagramm von Ritas Sternen nach jeder ihrer {len(REAKTIONEN)} Reaktionen. Nach einem "
    f"guten Start fallen sie bis Reaktion 8 auf {sterne_nach(8)} Sterne, steigen durch eine Reihe "
    f"von Antworten bis Reaktion 18 wieder auf {sterne_nach(18)} und fallen durch eine "
    f"Spam-Welle bis Reaktion {letzte} auf {sterne_nach(letzte)}. Hervorgehoben sind die "
    f"Reaktionen {fenster_von} bis {letzte}, die letzten 10, von denen "
    f"{negative_im_fenster(letzte)} negativ sind.",
)

# %% [markdown]
# ## Der Tag der Reaktion zählt (F2)
#
# Das Fenster ordnet nach dem Tag der Reaktion. Schickt Rita zuerst eine InMail an Erik und
# einen Tag später eine an Ben, und markiert Ben seine zuerst als Spam, dann steht Eriks Antwort
# danach: Sie ist die neuere Bewertung, obwohl seine InMail älter ist.

# %%
net = article_network()
rita = net.add(Member(name="Rita", premium=True, inmail_credits=2))
an_erik = net.send(rita, net.member("Erik"), on=date(2014, 3, 3))
an_ben = net.send(rita, net.member("Ben"), on=date(2014, 3, 4))
net.react(an_ben, Reaction.SPAM, on=date(2014, 3, 5))
net.react(an_erik, Reaction.REPLY, on=date(2014, 3, 10))

assert net.ratings(rita) == [Reaction.SPAM, Reaction.REPLY]
assert net.stars(rita) == 5, "eine negative Bewertung kostet noch keinen Stern"

# %% [markdown]
# ## Stolperfallen
#
# - **Antworten helfen nicht sofort.** Eine Antwort verdrängt nur die älteste Bewertung im
#   Fenster. War die positiv, ändert sich nichts an deinen Sternen.
# - **Spam und „Kein Interesse“ wiegen gleich.** Für die Sterne zählen beide als negativ (F1).
#   Für das Guthaben unterscheiden sie sich: „Kein Interesse“ ist eine Reaktion, Spam nicht
#   (C5, Annahme A2).
# - **Keine Reaktion, keine Bewertung.** Wer eine InMail ignoriert, verändert deine Sterne nicht.
#
# ## Siehe auch
#
# - <a href="../../glossar/sterne/#sternetabelle">Sterne</a>: die Sternetabelle von 0 bis
#   10 negativen Bewertungen
# - <a href="../ein-jahr-guthaben/">Ein Jahr Guthaben</a>: was Reaktionen mit dem Guthaben machen
