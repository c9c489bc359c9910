{#- The Guthaben-Rechner's code (hooks/werkzeuge.py, not escaped); `sent`, `day` and `refund`
    may be slots that the script fills with the reader's dates. -#}
from datetime import date

{% if too_early %}
from inmail_explained import Reaction, TimeWentBackwards, example_network
{% else %}
from inmail_explained import Reaction, example_network, refund_policy
{% endif %}

net = example_network()
anna, erik = net.member("Anna"), net.member("Erik")
mail = net.send(anna, erik, on={{ sent }})
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
gutschrift = net.refund_on(mail)
print(gutschrift)
#> {{ refund }}
if gutschrift is None:
    assert net.credits(anna, on=date.max) == anna.inmail_credits - mail.cost, "bleibt weg"
else:
    assert net.credits(anna, on=gutschrift) == anna.inmail_credits, "ist wieder da"
{% endif %}
