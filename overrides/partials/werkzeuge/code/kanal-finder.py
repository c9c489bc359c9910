{#- The Kanal-Finder's code for one case (hooks/werkzeuge.py, not escaped): its `#>` lines are
    the case's answers, and tests/test_werkzeuge_data.py runs it. From May 2019 a Premium sender
    is on a plan (A13); the one without credits has spent the day's allotment first. -#}
{% macro arguments(member) %}{% for name, value in member.model_dump(exclude_defaults=True).items() if name != "name" %}, {{ name }}={{ value }}{% endfor %}{% endmacro %}
{% macro outcome(result) %}{% if result.code is defined %}{{ result.code }}{% else %}{{ result.rule }}, Kosten {{ result.cost }}{% endif %}{% endmacro %}
from datetime import date

{% if a.plan %}
from inmail_explained import InMailError, Member, Network, Plan
{% else %}
from inmail_explained import InMailError, Member, Network
{% endif %}

tag = date({{ day.year }}, {{ day.month }}, {{ day.day }})  # {{ case.era.title }}


def netz():
    """Baut das Netzwerk deiner Auswahl, bei jedem Aufruf neu."""
    net = Network()
{% if a.plan %}
    a = net.add(Member(name="A", plan=Plan.{{ a.plan.name }}, subscribed_on=tag))
{% else %}
    a = net.add(Member(name="A"{{ arguments(a) }}))
{% endif %}
    b = net.add(Member(name="B"{{ arguments(b) }}))
{% if spent %}
    c = net.add(Member(name="{{ spent_on }}"))
    for _ in range(net.credits(a, on=tag)):  # A hat das Kontingent schon verbraucht
        net.send(a, c, on=tag)
{% endif %}
{% if case.relation.value == "connection" %}
    net.connect(a, b)
{% elif case.relation.value == "same-group" %}
    net.add_group("{{ lib.EXAMPLE_GROUP }}", moderators=[], members=[a, b])
{% elif case.relation.value == "moderator" %}
    net.add_group("{{ lib.EXAMPLE_GROUP }}", moderators=[b], members=[a])
{% elif case.relation.value == "discussion" %}
    gruppe = net.add_group("{{ lib.EXAMPLE_GROUP }}", moderators=[], members=[a, b])
    net.start_discussion(gruppe, author=b, title="{{ lib.EXAMPLE_DISCUSSION }}")
{% endif %}
    return net, a, b


net, a, b = netz()
print(net.profile_option(a, b, on=tag))  # der Weg hinter dem Knopf auf dem Profil
#> {{ case.profile }}
for option in net.options(a, b, on=tag):
    print(option)
{% for way in case.ways %}
#> {{ way.option }}
{% endfor %}

# Senden ohne via (der erste Weg), dann über jeden Weg, jedes Mal in einem frischen Netzwerk
for via in [None, *(option.channel for option in net.options(a, b, on=tag))]:
    net, a, b = netz()
    vorher = net.credits(a, on=tag)
    wie = "ohne via" if via is None else f"via=Channel.{via.name}"
    try:
        mail = net.send(a, b, on=tag, via=via)
    except InMailError as error:
        print(f"{wie}: {error.code}")
    else:
        print(f"{wie}: {mail.rule}, Kosten {mail.cost}")
        assert net.credits(a, on=mail.sent_on) == vorher - mail.cost, "C2, C3"
#> ohne via: {{ outcome(case.default) }}
{% for way in case.ways %}
#> via=Channel.{{ way.option.channel.name }}: {{ outcome(way.send) }}
{% endfor %}
