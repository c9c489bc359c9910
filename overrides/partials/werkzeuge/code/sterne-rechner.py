{#- The Sterne-Rechner's code (hooks/werkzeuge.py, not escaped); every value is a slot. -#}
from inmail_explained import Reaction, is_negative, rating_window, stars_for

bewertungen = [
{{ ratings }}]
fenster = rating_window(bewertungen)
negativ = [bewertung for bewertung in fenster if is_negative(bewertung)]
print(len(fenster), len(negativ))
#> {{ counted }} {{ negatives }}
print(stars_for(bewertungen))
#> {{ stars }}
