/*
 * Sterne-Rechner (docs/werkzeuge/sterne-rechner.md): the reader builds a sequence of reactions;
 * this script takes its last `window` entries, counts the negative ones (as the data marks them)
 * and looks the stars up in the data's star table (`inmail_explained.star_table`).
 * Shared helpers: gemeinsam.js.
 */
(() => {
  "use strict";

  function start(app, data, { fill, single, fillSlots, setCode, announce, ruleLinks }) {
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const reactions = Object.fromEntries(data.reactions.map((r) => [r.value, r]));
    let sequence = [...data.start];

    function sequenceList(old) {
      if (!sequence.length) {
        return fill(app, "keine-folge");
      }
      const list = single(app, "folge");
      sequence.forEach((value, index) => {
        const reaction = reactions[value];
        const counts = index >= old;
        const item = single(app, "bewertung", {
          label: reaction.label,
          kind: fill(app, reaction.negative ? "negativ" : "positiv"),
          counts: fill(app, counts ? "zaehlt" : "zaehlt-nicht"),
        });
        item.className = counts ? "werkzeug-zaehlt" : "werkzeug-alt";
        Object.assign(item.dataset, { reaktion: value, zaehlt: counts ? "ja" : "nein" });
        list.append(item);
      });
      return list;
    }

    function show() {
      const counted = sequence.slice(-data.window);
      const old = sequence.length - counted.length;
      const negatives = counted.filter((value) => reactions[value].negative).length;
      const stars = data.stars[negatives];
      const count = sequence.length === 1 ? fill(app, "eine-bewertung") : fill(app, "bewertungen", { count: sequence.length });
      const values = { stars, max: data.max, window: data.window, counted: counted.length, negatives };
      const shown = fill(app, "ergebnis", {
        ...values,
        picture: "★".repeat(stars) + "☆".repeat(data.max - stars),
        count,
        rules: ruleLinks(data.rules, Object.keys(data.rules)), // F2, F3
        sequence: sequenceList(old),
      });
      shown.querySelector("[data-ergebnis='sterne']").dataset.sterne = stars;
      Object.assign(shown.querySelector("[data-ergebnis='fenster']").dataset, { zaehlt: counted.length, negativ: negatives });
      destination.replaceChildren(shown);
      announce(app, fill(app, "ansage", { ...values, count: sequence.length }).textContent);
      const ratings = sequence.map((value) => reactions[value].line).join("");
      setCode("sterne-rechner", fillSlots(data.code, { ratings, counted: counted.length, negatives, stars }));
    }

    app.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button === null || !app.contains(button)) {
        return;
      }
      if (button.dataset.reaktion) {
        sequence.push(button.dataset.reaktion);
      } else if (button.dataset.aktion === "zurueck") {
        sequence.pop();
      } else if (button.dataset.aktion === "leeren") {
        sequence = [];
      } else if (button.dataset.aktion === "start") {
        sequence = [...data.start];
      }
      show();
    });
    show();
  }

  const tools = (window.werkzeuge ??= { starters: {} });
  tools.starters["sterne-rechner"] = start;
  tools.start?.();
})();
