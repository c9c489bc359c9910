{#- The Guthaben-Rechner's code (hooks/werkzeuge.py, not escaped); `sent`, `day` and `refund`
    may be slots that the script fills with the reader's dates. Anna has start credits on send
    days before 1 May 2019 and a plan from then on: start credits have no answer then (A13). -#}
from datetime import date

{% if too_early %}
from inmail_explained import PLANS_ATTESTED_FROM, Member, Network, Plan, Reaction, TimeWentBackwards
{% else %}
from inmail_explained import PLANS_ATTESTED_FROM, Member, Network, Plan, Reaction, refund_policy
{% endif %}

gesendet = {{ sent }}
net = Network()
if gesendet < PLANS_ATTESTED_FROM:  # Startguthaben wie im Artikel
    anna = net.add(Member(name="Anna", premium=True, inmail_credits=3))
else:  # ab Mai 2019 mit Tarif (C9-C11)
    anna = net.add(Member(name="Anna", plan=Plan.PREMIUM_CAREER, subscribed_on=gesendet))

erik = net.add(Member(name="Erik"))
mail = net.send(anna, erik, on=gesendet)
{% if too_early %}
try:
    net.react(mail, Reaction.{{ reaction }}, on={{ day }})
except TimeWentBackwards as error:
    print(error.code)
else:
    raise AssertionError("eine Reaktion vor dem Versand gibt es nicht")
#> {{ error_code }}
{% else %}
{% if reaction %}
net.react(mail, Reaction.{{ reaction }}, on={{ day }})
{% endif %}
regel = refund_policy(mail.sent_on)
print(regel.rule, regel.name)
#> {{ rule }}
print(net.refund_on(mail))  # der Tag, an dem das Guthaben zurückkommt, oder None
#> {{ refund }}
{% endif %}
