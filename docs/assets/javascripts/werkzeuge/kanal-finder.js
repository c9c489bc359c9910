/*
 * Kanal-Finder (docs/werkzeuge/kanal-finder.md): the form's choice (era, account, relation, B's
 * two settings) is the key of one of the 3 × 60 cases in the data
 * (`inmail_explained.channel_cases` per era); this script shows that case's answers and its
 * precomputed code. Rule, title and label of a way come with the case, since they depend on the
 * era; a label the sources do not document is shown as such (`label_missing`), never guessed,
 * and so is a way the sources do not vouch for on the era's day (`unknown`, K19, K20).
 * Shared helpers: gemeinsam.js.
 */
(() => {
  "use strict";

  function start(app, data, { fill, single, setCode, announce, ruleLink, ruleLinks, ruleList }) {
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const { channels, rules } = data;

    function selection() {
      const { zeitpunkt, absender, beziehung, openlink, inmails } = form.elements;
      return [zeitpunkt.value, absender.value, beziehung.value, String(openlink.checked), String(inmails.checked)];
    }

    function labelText(way) {
      return way.label === null ? data.label_missing : `„${way.label}“`;
    }

    /* What `send` did: refused with its error, or sent (briefly, or with channel and price). A
       refusal where a way the sources do not vouch for may apply (`unknown`) is "nicht belegt". */
    function sendResult(result, era, brief = false, unknown = []) {
      if (result.error !== undefined) {
        const info = data.error[era][result.error];
        const links = info.rules.length ? fill(app, "in-klammern", { text: ruleLinks(rules, info.rules) }) : null;
        const values = { code: result.error, message: info.message, rules: links };
        if (unknown.length) {
          values.rule = ruleLinks(rules, unknown.map((way) => way.rule));
        }
        const shown = single(app, unknown.length ? "senden-offen" : "senden-nein", values);
        shown.dataset.fehler = result.error;
        shown.querySelector("a").href = info.href;
        return shown;
      }
      const values = { rule: ruleLink(rules, result.rule), title: result.title, price: result.price };
      const shown = single(app, brief ? "senden-ja-kurz" : "senden-ja", values);
      Object.assign(shown.dataset, { kanal: result.channel, kosten: result.cost });
      return shown;
    }

    function waysTable(combo, era) {
      if (!combo.ways.length) {
        return fill(app, "keine-wege");
      }
      const table = single(app, "wege");
      for (const way of combo.ways) {
        const { place: where } = channels[way.channel];
        const place = way.via_name ? fill(app, "ort-ueber", { place: where, via: way.via_name }) : where;
        const row = single(app, "weg", {
          rule: ruleLink(rules, way.rule),
          title: way.title,
          place,
          button: labelText(way),
          price: way.price,
          send: sendResult(way.send, era, true),
          remark: way.remark === null ? null : fill(app, "weg-hinweis", { text: way.remark }),
        });
        row.dataset.kanal = way.channel;
        row.querySelector("[data-kosten]").dataset.kosten = way.cost;
        table.tBodies[0].append(row);
      }
      return table;
    }

    function buttonSummary(combo) {
      if (combo.profile === null) {
        return fill(app, "ansage-kein-knopf");
      }
      if (combo.button === null) {
        return fill(app, "ansage-knopf-unbelegt", { missing: data.label_missing });
      }
      return fill(app, "ansage-knopf", { button: combo.button });
    }

    function summary(combo) {
      const standard = combo.standard;
      const parts = [
        buttonSummary(combo),
        fill(app, combo.ways.length === 1 ? "ansage-ein-weg" : "ansage-wege", { count: combo.ways.length }),
        standard.error === undefined
          ? fill(app, "ansage-senden-ja", { rule: standard.rule, price: standard.price })
          : combo.unknown.length
            ? fill(app, "ansage-senden-offen", { title: combo.unknown.map((way) => way.title).join(", ") })
            : fill(app, "ansage-senden-nein", { code: standard.error }),
      ];
      return parts.map((part) => part.textContent.trim()).join(" ");
    }

    function button(combo) {
      const rule = ruleLink(rules, data.button_rule);
      if (combo.profile === null) {
        return fill(app, "kein-knopf", { rule });
      }
      if (combo.button === null) {
        const missing = data.label_missing;
        const { title } = combo.ways[combo.profile];
        return fill(app, "knopf-unbelegt", { title, missing, rule, label_rule: ruleLink(rules, data.label_rule) });
      }
      return fill(app, "knopf", { button: combo.button, rule });
    }

    function show() {
      const choice = selection();
      const combo = data.combinations[choice.join("|")];
      destination.replaceChildren(
        fill(app, "ergebnis", {
          button: button(combo),
          standard: sendResult(combo.standard, choice[0], false, combo.unknown),
          unknown: combo.unknown.map((way) =>
            fill(app, "weg-offen", { title: way.title, rule: ruleLink(rules, way.rule), since: way.since }),
          ),
          ways: waysTable(combo, choice[0]),
          rules: ruleList(app, rules, combo.rules),
        }),
      );
      const shown = destination.querySelector("[data-ergebnis='knopf']");
      shown.dataset.knopf = combo.button ?? "";
      shown.dataset.knopfWeg = combo.profile === null ? "" : combo.ways[combo.profile].channel;
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
