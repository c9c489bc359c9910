/*
 * Kanal-Finder (docs/werkzeuge/kanal-finder.md): the form's choice is the key of one of the 60
 * cases in the data (`inmail_explained.channel_cases`); this script shows that case's answers
 * and its precomputed code. Shared helpers: gemeinsam.js.
 */
(() => {
  "use strict";

  function start(app, data, { fill, single, setCode, announce, ruleLink, ruleLinks, ruleList }) {
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const { channels, error, rules } = data;

    function selection() {
      const { absender, beziehung, openlink, inmails } = form.elements;
      return [absender.value, beziehung.value, String(openlink.checked), String(inmails.checked)];
    }

    /* What `send` did: refused with its error, or sent (briefly, or with channel and price). */
    function sendResult(result, brief = false) {
      if (result.error !== undefined) {
        const info = error[result.error];
        const links = info.rules.length ? fill(app, "in-klammern", { text: ruleLinks(rules, info.rules) }) : null;
        const shown = single(app, "senden-nein", { code: result.error, message: info.message, rules: links });
        shown.dataset.fehler = result.error;
        shown.querySelector("a").href = info.href;
        return shown;
      }
      const channel = channels[result.channel];
      const values = { rule: ruleLink(rules, channel.rule), title: channel.title, price: result.price };
      const shown = single(app, brief ? "senden-ja-kurz" : "senden-ja", values);
      Object.assign(shown.dataset, { kanal: result.channel, kosten: result.cost });
      return shown;
    }

    function waysTable(combo) {
      if (!combo.ways.length) {
        return fill(app, "keine-wege");
      }
      const table = single(app, "wege");
      for (const way of combo.ways) {
        const channel = channels[way.channel];
        const place = way.via_name ? fill(app, "ort-ueber", { place: channel.place, via: way.via_name }) : channel.place;
        const row = single(app, "weg", {
          rule: ruleLink(rules, channel.rule),
          title: channel.title,
          place,
          button: channel.button,
          price: way.price,
          send: sendResult(way.send, true),
        });
        row.dataset.kanal = way.channel;
        row.querySelector("[data-kosten]").dataset.kosten = way.cost;
        table.tBodies[0].append(row);
      }
      return table;
    }

    function summary(combo) {
      const standard = combo.standard;
      const parts = [
        combo.button === null ? fill(app, "ansage-kein-knopf") : fill(app, "ansage-knopf", { button: combo.button }),
        fill(app, combo.ways.length === 1 ? "ansage-ein-weg" : "ansage-wege", { count: combo.ways.length }),
        standard.error !== undefined
          ? fill(app, "ansage-senden-nein", { code: standard.error })
          : fill(app, "ansage-senden-ja", { rule: channels[standard.channel].rule, price: standard.price }),
      ];
      return parts.map((part) => part.textContent.trim()).join(" ");
    }

    function show() {
      const combo = data.combinations[selection().join("|")];
      const button = combo.button === null ? "kein-knopf" : "knopf";
      destination.replaceChildren(
        fill(app, "ergebnis", {
          button: fill(app, button, { button: combo.button, rule: ruleLink(rules, data.button_rule) }),
          standard: sendResult(combo.standard),
          ways: waysTable(combo),
          rules: ruleList(app, rules, combo.rules),
        }),
      );
      destination.querySelector("[data-ergebnis='knopf']").dataset.knopf = combo.button ?? "";
      announce(app, summary(combo));
      setCode("kanal-finder", combo.code.map((index) => data.lines[index]).join("\n"));
    }

    form.addEventListener("change", show);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
  }

  const tools = (window.werkzeuge ??= { starters: {} });
  tools.starters["kanal-finder"] = start;
  tools.start?.();
})();
