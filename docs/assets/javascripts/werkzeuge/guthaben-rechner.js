/*
 * Guthaben-Rechner (docs/werkzeuge/guthaben-rechner.md): the send date picks the era, the
 * reaction and its day pick a row of that era's refund table (`inmail_explained.refund_table`);
 * this script only adds days to dates and fills the row's answer and code into the skeletons.
 * "Zeitpunkt" sets the send date to an era's day and shows the era a send date belongs to
 * (`inmail_explained.credit_eras`); for InMails sent from the first day of expiry (C11) on, a
 * credit-back expires like any credit (A17). The second part, the plan picker, has a form of its
 * own and shows a plan's timeline (`inmail_explained.plan_timeline`): a sentence, a small chart
 * of the balance (an inline SVG drawn from the same rows, styled by classes in werkzeuge.css)
 * and the table. Shared helpers: gemeinsam.js.
 */
(() => {
  "use strict";

  function start(app, data, helpers) {
    const { fill, single, fillSlots, setCode, announce, ruleLink, ruleLinks } = helpers;
    const { plusDays, dateText, dateDots, pythonDate, timeElement } = helpers;
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const reactionDay = app.querySelector("[data-werkzeug-reaktionstag]");
    const { rules, eras, zeitpunkte, verfall, tarife, tarif_regeln } = data;
    const planArea = app.querySelector("[data-werkzeug-tarifleiste]");
    const planForm = app.querySelector("[data-werkzeug-tarifform]");
    const { min: earliest, max: until } = form.elements.versand;

    function eraFor(sent) {
      return eras.filter((era) => era.first_day === null || era.first_day <= sent).at(-1);
    }

    function rowFor(era, reaction, day) {
      return era.rows.find(
        (row) =>
          row.reaction === (reaction?.value ?? null) &&
          (reaction === undefined || (row.first_day <= day && (row.last_day === null || day <= row.last_day))),
      );
    }

    function problem(name, values) {
      const shown = single(app, name, values);
      destination.replaceChildren(shown);
      announce(app, shown.textContent);
    }

    function ruleLine(era) {
      const since = era.first_day === null
        ? fill(app, "vor-dem", { date: dateText(eras[1].first_day) })
        : fill(app, "ab-dem", { date: dateText(era.first_day) });
      const shown = single(app, "versandregel", { link: ruleLink(rules, era.rule), name: era.name, since, window: era.window });
      shown.dataset.regel = era.rule;
      return shown;
    }

    function tooEarly(era, reaction, slots) {
      const info = data.too_early;
      const shown = fill(app, "ergebnis-zu-frueh", {
        rule: ruleLine(era),
        code: info.code,
        message: fillSlots(info.message, slots),
        rules: ruleLinks(rules, info.rules),
      });
      const refusal = shown.querySelector("[data-ergebnis='fehler']");
      refusal.dataset.fehler = info.code;
      refusal.querySelector("a").href = info.href;
      destination.replaceChildren(shown);
      announce(app, fill(app, "ansage-zu-frueh", { code: info.code }).textContent);
      setCode("guthaben-rechner", fillSlots(info.python[reaction.value], slots));
    }

    function showEra(sent) {
      const era = zeitpunkte.find(
        (e) => sent && (e.first_day === null || e.first_day <= sent) && (e.last_day === null || sent <= e.last_day),
      );
      for (const radio of form.elements.zeitpunkt) {
        radio.checked = radio.value === era?.key;
      }
    }

    function planEvents(plan, row) {
      const until = row.usable_until === null ? null : fill(app, "tarif-nutzbar", { date: timeElement(row.usable_until) });
      return [
        row.granted ? fill(app, "tarif-kontingent", { count: row.granted, until }) : null,
        row.forfeited ? fill(app, "tarif-hoechststand", { count: row.forfeited, cap: plan.cap }) : null,
        row.expired ? fill(app, "tarif-verfall", { count: row.expired }) : null,
      ];
    }

    /* The balance over the plan's months as an SVG step line: the cap dashed, a dot where an
       allotment comes and where credits expire. Sizes are in the viewBox's units. */
    const SVG = "http://www.w3.org/2000/svg";
    function svgElement(name, attributes, text = "") {
      const element = document.createElementNS(SVG, name);
      for (const [key, value] of Object.entries(attributes)) {
        element.setAttribute(key, String(value));
      }
      element.textContent = text;
      return element;
    }

    function planChart(plan, label) {
      const [width, height, left, right, top, bottom] = [360, 180, 30, 8, 12, 26];
      const first = Date.parse(plan.start);
      const span = Date.parse(plusDays(plan.last, 1)) - first;
      const high = Math.max(plan.cap, ...plan.rows.map((row) => row.balance));
      const x = (iso) => left + ((Date.parse(iso) - first) / span) * (width - left - right);
      const y = (value) => top + (1 - value / high) * (height - top - bottom);
      const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "werkzeug-bild-svg" });
      svg.append(svgElement("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), class: "werkzeug-bild-achse" }));
      svg.append(svgElement("line", { x1: left, x2: width - right, y1: y(plan.cap), y2: y(plan.cap), class: "werkzeug-bild-kappe" }));
      for (const value of [0, plan.cap]) {
        svg.append(svgElement("text", { x: left - 4, y: y(value) + 4, class: "werkzeug-bild-zahl" }, value));
      }
      const lang = document.documentElement.lang;
      for (let month = plan.start; month <= plan.last; month = nextMonth(month)) {
        const name = new Date(Date.parse(month)).toLocaleDateString(lang, { month: "short", timeZone: "UTC" });
        svg.append(svgElement("line", { x1: x(month), x2: x(month), y1: y(0), y2: y(0) + 4, class: "werkzeug-bild-achse" }));
        svg.append(svgElement("text", { x: x(month) + 2, y: height - 8, class: "werkzeug-bild-monat" }, name));
      }
      let path = `M${x(plan.start)},${y(0)}`;
      for (const row of plan.rows) {
        path += ` H${x(row.on).toFixed(2)} V${y(row.balance).toFixed(2)}`;
      }
      path += ` H${x(plusDays(plan.last, 1))}`;
      svg.append(svgElement("path", { d: path, class: "werkzeug-bild-linie" }));
      for (const row of plan.rows) {
        const kind = row.expired ? "minus" : "plus";
        svg.append(svgElement("circle", { cx: x(row.on).toFixed(2), cy: y(row.balance).toFixed(2), r: 3, class: `werkzeug-bild-${kind}` }));
      }
      return svg;
    }

    function nextMonth(iso) {
      const [year, month] = iso.split("-").map(Number);
      return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    }

    /* Fresh links to the rules the plan part cites (C9-C11, C15), for one place each. */
    function planLinks() {
      const [c9, c10, c11, c15] = tarif_regeln.rules.map((id) => ruleLink(rules, id));
      return { c9, c10, c11, c15 };
    }

    /* How a plan's unused credits end, as a template: expiry (C11, A20) or rollover (C15). */
    function planEnd(plan, prefix) {
      const { c11, c15 } = planLinks();
      return plan.rollover
        ? fill(app, `${prefix}-uebertrag`, { days: verfall.days, c15 })
        : fill(app, `${prefix}-verfall`, { days: verfall.days, c11 });
    }

    function showPlan() {
      const plan = tarife.find((p) => p.value === planForm.elements.tarif.value);
      const balances = plan.rows.map((row) => row.balance);
      const full = plan.rows.findIndex((row) => row.balance === plan.cap);
      const after = full < 0 ? [] : balances.slice(full);
      const sentence = single(app, "tarif-satz", {
        monthly: plan.monthly,
        cap: plan.cap,
        ...planLinks(),
        ende: planEnd(plan, "tarif-satz"),
        full: full < 0 ? null : fill(app, "tarif-satz-voll", {
          date: timeElement(plan.rows[full].on),
          last: timeElement(plan.last),
          low: Math.min(...after),
          cap: plan.cap,
        }),
      });
      const label = fill(app, "tarif-bild-text", {
        title: plan.title,
        first: dateText(plan.start),
        last: dateText(plan.last),
        low: Math.min(...balances),
        high: Math.max(...balances),
      }).textContent;
      const figure = single(app, "tarif-bild", { cap: plan.cap });
      figure.prepend(planChart(plan, label));
      const table = single(app, "tarif-tabelle", {
        title: plan.title,
        monthly: plan.monthly,
        cap: plan.cap,
        start: timeElement(plan.start),
        ...planLinks(),
        ende: planEnd(plan, "tarif-ende"),
      });
      table.dataset.tarif = plan.value;
      const body = table.querySelector("tbody");
      for (const row of plan.rows) {
        const line = single(app, "tarif-zeile", { on: timeElement(row.on), events: planEvents(plan, row), balance: row.balance });
        Object.assign(line.dataset, { tag: row.on, kontingent: row.granted, verfaellt: row.forfeited });
        Object.assign(line.dataset, { verfallen: row.expired, guthaben: row.balance, bis: row.usable_until ?? "" });
        body.append(line);
      }
      const wrapper = Object.assign(document.createElement("div"), { className: "werkzeug-tabelle-rahmen" });
      wrapper.append(table);
      planArea.replaceChildren(sentence, figure, wrapper);
    }

    function show() {
      const sent = form.elements.versand.value;
      showEra(sent);
      const reaction = data.reactions.find((r) => r.value === form.elements.reaktion.value);
      const dayField = form.elements.tag;
      dayField.disabled = reaction === undefined;
      const day = Number(dayField.value);
      const dayValid = reaction === undefined || (dayField.value.trim() !== "" && Number.isInteger(day));
      const reactedOn = reaction !== undefined && dayValid && sent ? plusDays(sent, day) : null;
      reactionDay.replaceChildren(reactedOn ? fill(app, "reaktionstag", { date: dateText(reactedOn) }) : "");
      if (!sent || sent < earliest || sent > until) {
        problem("problem-datum", { earliest: dateText(earliest), until: dateText(until) });
        return;
      }
      if (!dayValid || Math.abs(day) > Number(dayField.max)) {
        problem("problem-tag", { max: dayField.max });
        return;
      }
      const era = eraFor(sent);
      const slots = {
        sent_code: pythonDate(sent),
        reacted_code: pythonDate(reactedOn ?? sent),
        sent_on: dateDots(sent),
        reacted_on: dateDots(reactedOn ?? sent),
      };
      if (reaction !== undefined && day < 0) {
        tooEarly(era, reaction, slots);
        return;
      }
      const row = rowFor(era, reaction, day);
      const refundDay = { none: null, "on-reaction-day": day, "day-offset": row.refund_day }[row.refund];
      const refund = refundDay === null ? null : plusDays(sent, refundDay);

      let assessment = fill(app, "keine-reaktion");
      if (reaction !== undefined) {
        const verdict = !reaction.response ? "keine-antwort" : row.in_time ? "antwort-rechtzeitig" : "antwort-zu-spaet";
        assessment = fill(app, "bewertung", {
          label: reaction.label,
          date: timeElement(reactedOn),
          day,
          verdict: fill(app, verdict, { window: era.window }),
        });
      }
      const refundLine = refund === null
        ? single(app, "gutschrift-nein")
        : single(app, "gutschrift-ja", { date: timeElement(refund), day: refundDay, reason: era.reason });
      refundLine.dataset.datum = refund ?? "";
      const expires = refund !== null && sent >= verfall.from ? plusDays(refund, verfall.days + 1) : null;
      let expiryLine = null;
      if (expires !== null) {
        expiryLine = single(app, "gutschrift-verfall", {
          last: timeElement(plusDays(refund, verfall.days)),
          date: timeElement(expires),
          rule: ruleLink(rules, verfall.rule),
          days: verfall.days + 1,
        });
        expiryLine.dataset.datum = expires;
      }

      const timeline = [
        { kind: "versand", day: 0, iso: sent },
        reaction === undefined ? null : { kind: "reaktion", day, iso: reactedOn },
        { kind: "fensterende", day: era.window, iso: plusDays(sent, era.window) },
        refund === null ? null : { kind: "gutschrift", day: refundDay, iso: refund },
        expires === null ? null : { kind: "verfall", day: refundDay + verfall.days + 1, iso: expires },
      ]
        .filter((entry) => entry !== null)
        .sort((a, b) => a.day - b.day);

      const shown = fill(app, "ergebnis", { rule: ruleLine(era), assessment, refund: refundLine, expiry: expiryLine });
      const reactionLine = shown.querySelector("[data-ergebnis='reaktion']");
      reactionLine.dataset.antwort = reaction?.response ? "ja" : "nein";
      reactionLine.dataset.rechtzeitig = row.in_time ? "ja" : "nein";
      const list = shown.querySelector("[data-ergebnis='zeitleiste']");
      for (const entry of timeline) {
        const rule = entry.kind === "verfall" ? verfall.rule : era.rule;
        const text = fill(app, `zeit-${entry.kind}`, { label: reaction?.label, window: era.window, rule });
        const item = single(app, "zeitpunkt", { day: entry.day, date: timeElement(entry.iso), text });
        Object.assign(item.dataset, { tag: entry.day, art: entry.kind });
        list.append(item);
      }
      destination.replaceChildren(shown);
      const values = { rule: era.rule, name: era.name, date: refund === null ? "" : dateText(refund) };
      announce(app, fill(app, refund === null ? "ansage-nein" : "ansage-ja", values).textContent);
      setCode("guthaben-rechner", fillSlots(row.code, { ...slots, refund }));
    }

    function changed(event) {
      if (event.target.name === "zeitpunkt") {
        form.elements.versand.value = zeitpunkte.find((e) => e.key === event.target.value).day;
      }
      show();
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", (event) => event.preventDefault());
    planForm.addEventListener("change", showPlan);
    planForm.addEventListener("submit", (event) => event.preventDefault());
    show();
    showPlan();
  }

  const tools = (window.werkzeuge ??= { starters: {} });
  tools.starters["guthaben-rechner"] = start;
  tools.start?.();
})();
