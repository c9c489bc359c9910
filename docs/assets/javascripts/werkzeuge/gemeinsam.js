/*
 * Shared part of the tools under docs/werkzeuge/ (Kanal-Finder, Guthaben-Rechner, Sterne-Rechner).
 *
 * No rule and no German text lives in these scripts. hooks/werkzeuge.py writes each tool's data
 * (the library's decision tables, as JSON in <template data-werkzeug-daten>) and its skeletons
 * (<template data-vorlage="…"> with <slot name="…"> placeholders, German text included) into the
 * page. A tool's script looks its answer up in the data and fills skeletons with it.
 *
 * Each tool's script registers a start function in `window.werkzeuge.starters`. Scripts may load
 * in any order, and Material's instant navigation runs them again on each visit of a tool page:
 * whichever runs last starts the tools, and a tool starts only once per page.
 */
(() => {
  "use strict";

  const tools = (window.werkzeuge ??= { starters: {} });
  if (tools.helpers !== undefined) {
    return;
  }
  const DAY_MS = 86400000;

  /* A copy of the skeleton `name` of a tool, each <slot name="x"> replaced by values.x: text,
     a node or a list of those (nothing for null or undefined, also inside a list). */
  function fill(app, name, values = {}) {
    const fragment = app.querySelector(`template[data-vorlage="${name}"]`).content.cloneNode(true);
    for (const slot of fragment.querySelectorAll("slot")) {
      const value = values[slot.name];
      const parts = [value].flat(Infinity).filter((part) => part !== null && part !== undefined);
      slot.replaceWith(...parts.map((part) => (part instanceof Node ? part : String(part))));
    }
    return fragment;
  }

  /* The one element of a filled skeleton (for its attributes). */
  function single(app, name, values) {
    return fill(app, name, values).firstElementChild;
  }

  /* Text with slots comes as [text, slot name, text, slot name, …, text]; fill in the names. */
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

  /* Say `text` in the tool's live region (only when it changed). */
  function announce(app, text) {
    const announcement = app.querySelector("[data-werkzeug-ansage]");
    const clean = text.replace(/\s+/g, " ").trim();
    if (announcement.textContent !== clean) {
      announcement.textContent = clean;
    }
  }

  function link(href, text, title = "") {
    return Object.assign(document.createElement("a"), { href, textContent: text, title });
  }

  /* A rule's ID, linked to its section (as text where the rules page has none yet). */
  function ruleLink(rules, id) {
    const { href, title } = rules[id];
    return href ? link(href, id, `${id} ${title}`) : Object.assign(document.createElement("span"), { textContent: id, title: `${id} ${title}` });
  }

  function ruleLinks(rules, ids) {
    return ids.flatMap((id, index) => (index > 0 ? [", ", ruleLink(rules, id)] : [ruleLink(rules, id)]));
  }

  /* The list of rules behind an answer, each with its title and glossary page. */
  function ruleList(app, rules, ids) {
    const list = single(app, "regeln");
    for (const id of ids) {
      const { title, glossary } = rules[id];
      const more = glossary ? fill(app, "glossar", { link: link(glossary.href, glossary.title) }) : null;
      const item = single(app, "regel", { link: ruleLink(rules, id), title, glossary: more });
      item.dataset.regel = id;
      list.append(item);
    }
    return list;
  }

  /* -- dates (UTC, so that no clock change shifts a day) -------------------------------------- */

  function asNumber(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return Date.UTC(year, month - 1, day);
  }

  function plusDays(iso, days) {
    return new Date(asNumber(iso) + days * DAY_MS).toISOString().slice(0, 10);
  }

  function dateText(iso) {
    return new Date(asNumber(iso)).toLocaleDateString(document.documentElement.lang, {
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

  function timeElement(iso) {
    return Object.assign(document.createElement("time"), { dateTime: iso, textContent: dateText(iso) });
  }

  tools.helpers = {
    fill,
    single,
    fillSlots,
    setCode,
    announce,
    link,
    ruleLink,
    ruleLinks,
    ruleList,
    plusDays,
    dateText,
    dateDots,
    pythonDate,
    timeElement,
  };

  tools.start = () => {
    for (const app of document.querySelectorAll("[data-werkzeug-app]")) {
      const starter = tools.starters[app.dataset.werkzeugApp];
      if (app.dataset.gestartet !== undefined || starter === undefined) {
        continue;
      }
      const data = JSON.parse(app.querySelector("template[data-werkzeug-daten]").content.textContent);
      app.dataset.gestartet = "";
      app.hidden = false;
      starter(app, data, tools.helpers);
      const frame = app.closest("[data-werkzeug-rahmen]");
      frame.querySelector("[data-werkzeug-ohne-js]").hidden = true;
      const allTable = frame.querySelector("details[data-werkzeug-alle]");
      if (allTable !== null) {
        allTable.open = false;
      }
    }
  };

  document$.subscribe(tools.start);
})();
