/*
 * Guthaben-Rechner (docs/werkzeuge/guthaben-rechner.md): the send date picks the era, the
 * reaction and its day pick a row of that era's refund table (`inmail_explained.refund_table`);
 * this script only adds days to dates and fills the row's answer and code into the skeletons.
 * "Zeitpunkt" sets the send date to an era's day and shows the era a send date belongs to
 * (`inmail_explained.credit_eras`); for InMails sent from the first day of expiry (C11) on, a
 * credit-back expires like any credit (A17). The plan picker shows a plan's timeline (`inmail_explained.plan_timeline`).
 * Shared helpers: gemeinsam.js.
 */
(() => {
  "use strict";

  function start(app, data, helpers) {
    const { fill, single, fillSlots, setCode, announce, ruleLink, ruleLinks } = helpers;
    const { plusDays, dateText, dateDots, pythonDate, timeElement } = helpers;
    const form = app.querySelector("[data-werkzeug-form]");
    const destination = app.querySelector("[data-werkzeug-ergebnis]");
    const reactionDay = app.querySelector("[data-werkzeug-reaktionstag]");
    const { rules, eras, zeitpunkte, verfall, tarife } = data;
    const planArea = app.querySelector("[data-werkzeug-tarifleiste]");
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

    function showPlan() {
      const plan = tarife.find((p) => p.value === form.elements.tarif.value);
      const table = single(app, "tarif-tabelle", {
        title: plan.title,
        monthly: plan.monthly,
        cap: plan.cap,
        days: verfall.days,
        start: timeElement(plan.start),
        c9: ruleLink(rules, "C9"),
        c10: ruleLink(rules, "C10"),
        c11: ruleLink(rules, "C11"),
      });
      table.dataset.tarif = plan.value;
      const body = table.querySelector("tbody");
      for (const row of plan.rows) {
        const line = single(app, "tarif-zeile", {
          on: timeElement(row.on),
          granted: row.granted || "–",
          forfeited: row.forfeited || "–",
          expired: row.expired || "–",
          balance: row.balance,
          usable: row.usable_until === null ? "–" : timeElement(row.usable_until),
        });
        Object.assign(line.dataset, { tag: row.on, kontingent: row.granted, verfaellt: row.forfeited });
        Object.assign(line.dataset, { verfallen: row.expired, guthaben: row.balance, bis: row.usable_until ?? "" });
        body.append(line);
      }
      planArea.replaceChildren(table);
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
      if (event.target.name === "tarif") {
        showPlan();
        return;
      }
      if (event.target.name === "zeitpunkt") {
        form.elements.versand.value = zeitpunkte.find((e) => e.key === event.target.value).day;
      }
      show();
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", (event) => event.preventDefault());
    show();
    showPlan();
  }

  const tools = (window.werkzeuge ??= { starters: {} });
  tools.starters["guthaben-rechner"] = start;
  tools.start?.();
})();
