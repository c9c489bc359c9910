/*
 * Werkzeuge: Kanal-Finder, Guthaben-Rechner und Sterne-Rechner (docs/werkzeuge/).
 *
 * No rule lives here. hooks/werkzeuge.py asks the Python library for every answer at build
 * time and writes them into the page as JSON (<template data-werkzeug-daten>, not a <script>:
 * Material's instant navigation would run it); this script reads the form, looks the answer up,
 * and shows it. The
 * Guthaben-Rechner adds days to a date, the Sterne-Rechner takes the last `window` entries of
 * a list; which rule applies, what comes back and how many stars that is, is all in the data.
 *
 * Each tool also shows the Python code for the current choice: the page's ```python example
 * (inside [data-werkzeug-code]) is replaced by the data's template, filled by `fillTemplate`, the
 * same function as in the hook.
 *
 * Only pages with a tool load this script (hooks/werkzeuge.py puts it into the page's content).
 * Material's instant navigation runs such a script again on each visit of a tool page; it then
 * does nothing, the first run's `document$` subscription starts the tools on every new page.
 */
(() => {
  "use strict";

  if (window.toolsLoaded) {
    return;
  }
  window.toolsLoaded = true;

  const DAY_MS = 86400000;

  /* -- small helpers ------------------------------------------------------------------------ */

  function el(tagName, properties = {}, ...children) {
    const element = document.createElement(tagName);
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === "text") {
        element.textContent = value;
      } else if (name.startsWith("data-") || name.startsWith("aria-") || name === "class") {
        element.setAttribute(name, value === true ? "" : value);
      } else {
        element[name] = value;
      }
    }
    element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
    return element;
  }

  /* Text with slots comes as [text, slot name, text, slot name, …, text]; fill the names. */
  function fillSlots(parts, values) {
    return parts.map((part, index) => (index % 2 === 1 ? String(values[part]) : part)).join("");
  }

  const originals = new WeakMap();

  /* Show `text` in the page's code example; the highlighted original returns when it fits. */
  function setCode(name, text) {
    const code = document.querySelector(`[data-werkzeug-code="${name}"] pre code`);
    if (code === null) {
      return;
    }
    if (!originals.has(code)) {
      originals.set(code, { html: code.innerHTML, text: code.textContent.trimEnd() });
    }
    const original = originals.get(code);
    if (text.trimEnd() === original.text) {
      if (code.innerHTML !== original.html) {
        code.innerHTML = original.html;
      }
    } else {
      code.textContent = `${text.trimEnd()}\n`;
    }
  }

  function announce(app, text) {
    const announcement = app.querySelector("[data-werkzeug-ansage]");
    if (announcement.textContent !== text) {
      announcement.textContent = text;
    }
  }

  function ruleLink(id, rules) {
    const rule = rules[id];
    return el("a", { href: rule.href, title: `${id} ${rule.title}`, text: id });
  }

  function ruleLinks(ids, rules) {
    return ids.flatMap((id, index) => [index > 0 ? ", " : null, ruleLink(id, rules)]);
  }

  function ruleList(ids, rules) {
    return el(
      "ul",
      { class: "werkzeug-regeln", "data-ergebnis": "regeln" },
      ids.map((id) => {
        const rule = rules[id];
        const glossary = rule.glossary
          ? [" – im Glossar: ", el("a", { href: rule.glossary.href, text: rule.glossary.title })]
          : [];
        return el("li", { "data-regel": id }, ruleLink(id, rules), ` ${rule.title}`, glossary);
      }),
    );
  }

  /* -- dates (UTC, so that no clock change shifts a day) ------------------------------------ */

  function asNumber(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return Date.UTC(year, month - 1, day);
  }

  function plusDays(iso, days) {
    return new Date(asNumber(iso) + days * DAY_MS).toISOString().slice(0, 10);
  }

  function dateDe(iso) {
    return new Date(asNumber(iso)).toLocaleDateString("de-DE", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  }

  function dateDots(iso) {
    const [year, month, day] = iso.split("-");
    return `${day}.${month}.${year}`;
  }

  function pythonDate(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return `date(${year}, ${month}, ${day})`;
  }

  function timeEl(iso) {
    return el("time", { dateTime: iso, text: dateDe(iso) });
  }

  /* -- Kanal-Finder ------------------------------------------------------------------------- */

  function channelFinder(app, data) {
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const { channels, error, rules } = data;

    function selection() {
      const { absender, beziehung, openlink, inmails } = form.elements;
      return [absender.value, beziehung.value, String(openlink.checked), String(inmails.checked)];
    }

    function sendResult(result, short = false) {
      if (result.error !== undefined) {
        const info = error[result.error];
        return el(
          "span",
          { class: "werkzeug-nein", "data-fehler": result.error },
          "klappt nicht: ",
          el("a", { href: info.href }, el("code", { text: result.error })),
          ` – ${info.message} `,
          info.rules.length ? ["(", ruleLinks(info.rules, rules), ")"] : null,
        );
      }
      const channel = channels[result.channel];
      return el(
        "span",
        { class: "werkzeug-ja", "data-kanal": result.channel, "data-kosten": result.cost },
        short ? "klappt" : ["klappt: über ", ruleLink(channel.rule, rules)],
        short ? null : ` (${channel.title}), ${result.price}`,
      );
    }

    function summary(combo) {
      const button = combo.button === null ? "Kein Knopf auf dem Profil." : `Knopf: „${combo.button}“.`;
      const ways =
        combo.ways.length === 1 ? "1 Weg ist offen." : `${combo.ways.length} Wege sind offen.`;
      const standard = combo.standard;
      const sending =
        standard.error !== undefined
          ? `Senden ohne Wahl klappt nicht: ${standard.error}.`
          : `Senden ohne Wahl klappt über ${channels[standard.channel].rule}, ` +
            `${standard.price}.`;
      return `${button} ${ways} ${sending}`;
    }

    function show() {
      const values = selection();
      const combo = data.combinations[values.join("|")];
      const waysTable = combo.ways.length
        ? el(
            "table",
            { "data-ergebnis": "wege" },
            el("caption", { text: "Offene Wege von dir (A) zu B, in der Rangfolge K1 bis K5" }),
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                ["Regel", "Weg", "Wo", "Knopf", "Kosten", "Senden über diesen Weg"].map((heading) =>
                  el("th", { scope: "col", text: heading }),
                ),
              ),
            ),
            el(
              "tbody",
              {},
              combo.ways.map((way) => {
                const channel = channels[way.channel];
                const place = way.via_name ? `${channel.place} „${way.via_name}“` : channel.place;
                return el(
                  "tr",
                  { "data-kanal": way.channel },
                  el("td", {}, ruleLink(channel.rule, rules)),
                  el("td", { text: channel.title }),
                  el("td", { text: place }),
                  el("td", { text: `„${channel.button}“` }),
                  el("td", { text: way.price, "data-kosten": way.cost }),
                  el("td", {}, sendResult(way.send, true)),
                );
              }),
            ),
          )
        : el("p", { "data-ergebnis": "wege", text: "Kein Weg von dir zu B ist offen." });
      destination.replaceChildren(
        el(
          "dl",
          { class: "werkzeug-liste" },
          el("dt", { text: "Knopf auf dem Profil von B" }),
          el(
            "dd",
            { "data-ergebnis": "knopf", "data-knopf": combo.button ?? "" },
            combo.button === null ? "kein Knopf " : `„${combo.button}“ `,
            "(",
            ruleLink(data.button_rule, rules),
            ")",
          ),
          el("dt", { text: "Senden ohne Wahl des Weges (der erste offene Weg)" }),
          el("dd", { "data-ergebnis": "standard" }, sendResult(combo.standard)),
        ),
        waysTable,
        el("p", { class: "werkzeug-zwischentitel", text: "Die Regeln dazu:" }),
        ruleList(combo.rules, rules),
      );
      announce(app, summary(combo));
      setCode("kanal-finder", combo.code.map((index) => data.lines[index]).join("\n"));
    }

    form.addEventListener("change", show);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
  }

  /* -- Guthaben-Rechner --------------------------------------------------------------------- */

  function creditCalculator(app, data) {
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const reactionDay = app.querySelector("[data-werkzeug-reaktionstag]");
    const { rules } = data;
    const [earliest, until] = data.date_range;

    function eraFor(sent) {
      return data.eras.filter((era) => era.first_day === null || era.first_day <= sent).at(-1);
    }

    function problem(text) {
      destination.replaceChildren(el("p", { class: "werkzeug-nein", "data-ergebnis": "problem", text }));
      announce(app, text);
    }

    function show() {
      const sent = form.elements.versand.value;
      const reaction = data.reactions.find((r) => r.value === form.elements.reaktion.value);
      const noReaction = reaction === undefined;
      const dayField = form.elements.tag;
      dayField.disabled = noReaction;
      const day = Number(dayField.value);
      const dayValid = noReaction || (dayField.value.trim() !== "" && Number.isInteger(day));
      reactionDay.textContent =
        !noReaction && dayValid && sent ? `= ${dateDe(plusDays(sent, day))}` : "";
      if (!sent || sent < earliest || sent > until) {
        problem(`Wähle ein Versanddatum zwischen dem ${dateDe(earliest)} und dem ${dateDe(until)}.`);
        return;
      }
      if (!dayValid || Math.abs(day) > Number(dayField.max)) {
        problem(`Gib den Tag der Reaktion als ganze Zahl von 0 bis ${dayField.max} ein.`);
        return;
      }
      const era = eraFor(sent);
      const reactedOn = noReaction ? null : plusDays(sent, day);
      const slots = {
        sent_code: pythonDate(sent),
        reacted_code: pythonDate(reactedOn ?? sent),
        sent_on: dateDots(sent),
        reacted_on: dateDots(reactedOn ?? sent),
      };
      const ruleDd = el(
        "dd",
        { "data-ergebnis": "regel", "data-regel": era.rule },
        ruleLink(era.rule, rules),
        ` ${era.name}: `,
        era.first_day === null
          ? `Versand vor dem ${dateDe(data.eras[1].first_day)}`
          : `Versand ab dem ${dateDe(era.first_day)}`,
        `, Antwortfenster ${era.window} Tage`,
      );

      if (!noReaction && day < 0) {
        const info = data.too_early;
        const message = fillSlots(info.message, slots);
        destination.replaceChildren(
          el(
            "dl",
            { class: "werkzeug-liste" },
            el("dt", { text: "Regel für das Versanddatum" }),
            ruleDd,
            el("dt", { text: "Reaktion" }),
            el(
              "dd",
              { class: "werkzeug-nein", "data-ergebnis": "fehler", "data-fehler": info.code },
              "geht nicht: ",
              el("a", { href: info.href }, el("code", { text: info.code })),
              ` – ${message} (`,
              ruleLinks(info.rules, rules),
              ")",
            ),
          ),
        );
        announce(app, `Eine Reaktion vor dem Versand geht nicht: ${info.code}.`);
        setCode("guthaben-rechner", fillSlots(info.python[reaction.value], slots));
        return;
      }

      const row = era.rows.find(
        (candidate) =>
          candidate.reaction === (noReaction ? null : reaction.value) &&
          (noReaction ||
            (candidate.first_day <= day && (candidate.last_day === null || day <= candidate.last_day))),
      );
      const inTime = row.in_time;
      const refundOffset = {
        none: null,
        "on-reaction-day": day,
        "day-offset": row.refund_day,
      }[row.refund];
      const refund = refundOffset === null ? null : plusDays(sent, refundOffset);

      let assessment;
      if (noReaction) {
        assessment = "keine Reaktion";
      } else {
        const verdict = !reaction.response
          ? ": zählt nicht als Antwort"
          : inTime
            ? `: eine Antwort innerhalb von ${era.window} Tagen`
            : `: eine Antwort, aber nach mehr als ${era.window} Tagen`;
        assessment = [reaction.label, " am ", timeEl(reactedOn), ` (Tag ${day})`, verdict];
      }

      const timeline = [
        { kind: "versand", day: 0, iso: sent, text: "Versand; das Guthaben wird abgebucht" },
        noReaction ? null : { kind: "reaktion", day, iso: reactedOn, text: `Reaktion ${reaction.label}` },
        {
          kind: "fensterende",
          day: era.window,
          iso: plusDays(sent, era.window),
          text: `letzter Tag des Antwortfensters (${era.window} Tage, ${era.rule})`,
        },
        refund === null
          ? null
          : {
              kind: "gutschrift",
              day: refundOffset,
              iso: refund,
              text: "Gutschrift: das Guthaben ist wieder da",
            },
      ]
        .filter((entry) => entry !== null)
        .sort((a, b) => a.day - b.day);

      destination.replaceChildren(
        el(
          "dl",
          { class: "werkzeug-liste" },
          el("dt", { text: "Regel für das Versanddatum" }),
          ruleDd,
          el("dt", { text: "Reaktion" }),
          el(
            "dd",
            {
              "data-ergebnis": "reaktion",
              "data-antwort": noReaction ? "nein" : reaction.response ? "ja" : "nein",
              "data-rechtzeitig": inTime ? "ja" : "nein",
            },
            assessment,
          ),
          el("dt", { text: "Kommt das Guthaben zurück?" }),
          el(
            "dd",
            {
              "data-ergebnis": "gutschrift",
              "data-datum": refund ?? "",
              class: refund === null ? "werkzeug-nein" : "werkzeug-ja",
            },
            refund === null
              ? "nein, das Guthaben bleibt weg"
              : ["ja, am ", timeEl(refund), ` (Tag ${refundOffset}): ${era.reason}`],
          ),
        ),
        el("p", { class: "werkzeug-zwischentitel", text: "Zeitleiste:" }),
        el(
          "ol",
          { class: "werkzeug-zeitleiste", "data-ergebnis": "zeitleiste" },
          timeline.map((entry) =>
            el(
              "li",
              { "data-tag": entry.day, "data-art": entry.kind },
              el("span", { class: "werkzeug-tag", text: `Tag ${entry.day}` }),
              " ",
              timeEl(entry.iso),
              `: ${entry.text}`,
            ),
          ),
        ),
      );
      announce(
        app,
        `${era.rule} ${era.name}: ` +
          (refund === null
            ? "Das Guthaben kommt nicht zurück."
            : `Das Guthaben kommt am ${dateDe(refund)} zurück.`),
      );
      setCode("guthaben-rechner", fillSlots(row.code, { ...slots, refund }));
    }

    form.addEventListener("input", show);
    form.addEventListener("change", show);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
  }

  /* -- Sterne-Rechner ----------------------------------------------------------------------- */

  function starCalculator(app, data) {
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const { rules } = data;
    const reactions = Object.fromEntries(data.reactions.map((r) => [r.value, r]));
    let sequence = [...data.start];

    function show() {
      const counted = sequence.slice(-data.window);
      const old = sequence.length - counted.length;
      const negative = counted.filter((value) => reactions[value].negative).length;
      const stars = data.stars[negative];
      const picture = "★".repeat(stars) + "☆".repeat(data.max - stars);
      destination.replaceChildren(
        el(
          "p",
          { class: "werkzeug-sterne", "data-ergebnis": "sterne", "data-sterne": stars },
          el("span", { "aria-hidden": "true", class: "werkzeug-sternbild", text: picture }),
          " ",
          el("strong", { text: `${stars} von ${data.max} Sternen` }),
        ),
        el(
          "p",
          { "data-ergebnis": "fenster", "data-zaehlt": counted.length, "data-negativ": negative },
          `${sequence.length} ${sequence.length === 1 ? "Bewertung" : "Bewertungen"}; es zählen die ` +
            `letzten ${data.window}, hier ${counted.length}, davon ${negative} negativ (`,
          ruleLinks(["F2", "F3"], rules),
          ").",
        ),
        sequence.length
          ? el(
              "ol",
              { class: "werkzeug-folge", "data-ergebnis": "folge" },
              sequence.map((value, index) => {
                const reaction = reactions[value];
                const inWindow = index >= old;
                return el(
                  "li",
                  {
                    class: inWindow ? "werkzeug-zaehlt" : "werkzeug-alt",
                    "data-reaktion": value,
                    "data-zaehlt": inWindow ? "ja" : "nein",
                  },
                  `„${reaction.label}“`,
                  el("span", {
                    class: "werkzeug-art",
                    text: ` ${reaction.negative ? "negativ" : "positiv"}, ${
                      inWindow ? "zählt" : "zählt nicht mehr"
                    }`,
                  }),
                );
              }),
            )
          : el("p", { "data-ergebnis": "folge", text: "Noch keine Bewertung." }),
      );
      announce(
        app,
        `${stars} von ${data.max} Sternen: ${negative} negativ unter den letzten ` +
          `${counted.length} von ${sequence.length} Bewertungen.`,
      );
      setCode(
        "sterne-rechner",
        fillSlots(data.code, {
          ratings: sequence.map((value) => reactions[value].line).join(""),
          counted: counted.length,
          negatives: negative,
          stars,
        }),
      );
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

  /* -- start on every page ------------------------------------------------------------------ */

  const TOOLS = {
    "kanal-finder": channelFinder,
    "guthaben-rechner": creditCalculator,
    "sterne-rechner": starCalculator,
  };

  function startTools() {
    for (const app of document.querySelectorAll("[data-werkzeug-app]")) {
      if (app.dataset.gestartet !== undefined) {
        continue;
      }
      const data = JSON.parse(app.querySelector("template[data-werkzeug-daten]").content.textContent);
      app.dataset.gestartet = "";
      app.hidden = false;
      TOOLS[app.dataset.werkzeugApp](app, data);
      const frame = app.closest("[data-werkzeug-rahmen]");
      frame.querySelector("[data-werkzeug-ohne-js]").hidden = true;
      const allTable = frame.querySelector("details[data-werkzeug-alle]");
      if (allTable !== null) {
        allTable.open = false;
      }
    }
  }

  document$.subscribe(startTools);
})();
