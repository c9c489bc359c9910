/*
 * Werkzeuge: Kanal-Finder, Guthaben-Rechner und Sterne-Rechner (docs/werkzeuge/).
 *
 * No rule lives here. hooks/werkzeuge.py asks the Python library for every answer at build
 * time and writes them into the page as JSON (<template data-werkzeug-daten>, not a <script>:
 * Material's instant navigation would run it); this script reads the form, looks the answer up,
 * and shows it. The
 * Guthaben-Rechner adds days to a date, the Sterne-Rechner takes the last `fenster` entries of
 * a list; which rule applies, what comes back and how many stars that is, is all in the data.
 *
 * Each tool also shows the Python code for the current choice: the page's ```python example
 * (inside [data-werkzeug-code]) is replaced by the data's template, filled by `fuelle`, the
 * same function as in the hook.
 *
 * Only pages with a tool load this script (hooks/werkzeuge.py puts it into the page's content).
 * Material's instant navigation runs such a script again on each visit of a tool page; it then
 * does nothing, the first run's `document$` subscription starts the tools on every new page.
 */
(() => {
  "use strict";

  if (window.werkzeugeGeladen) {
    return;
  }
  window.werkzeugeGeladen = true;

  const TAG_MS = 86400000;

  /* -- small helpers ------------------------------------------------------------------------ */

  function el(tag, eigenschaften = {}, ...kinder) {
    const element = document.createElement(tag);
    for (const [name, wert] of Object.entries(eigenschaften)) {
      if (wert === null || wert === undefined || wert === false) {
        continue;
      }
      if (name === "text") {
        element.textContent = wert;
      } else if (name.startsWith("data-") || name.startsWith("aria-") || name === "class") {
        element.setAttribute(name, wert === true ? "" : wert);
      } else {
        element[name] = wert;
      }
    }
    element.append(...kinder.flat(Infinity).filter((kind) => kind !== null && kind !== undefined));
    return element;
  }

  /* The same as `fuelle` in hooks/werkzeuge.py: `$name` alone on a line becomes the lines of
     ausgabe[name] (as "#> …") or code[name]; any other `$name` the string code[name]. */
  function fuelle(vorlage, code, ausgabe = {}) {
    const zeilen = [];
    for (const zeile of vorlage.split("\n")) {
      const ganz = /^( *)\$([a-z_]+)$/.exec(zeile);
      if (ganz && Object.hasOwn(ausgabe, ganz[2])) {
        zeilen.push(...ausgabe[ganz[2]].map((text) => `${ganz[1]}#> ${text}`.trimEnd()));
      } else if (ganz && Array.isArray(code[ganz[2]])) {
        zeilen.push(...code[ganz[2]].map((text) => ganz[1] + text));
      } else {
        zeilen.push(
          zeile.replace(/\$([a-z_]+)/g, (alles, name) =>
            typeof code[name] === "string" ? code[name] : alles,
          ),
        );
      }
    }
    return zeilen.join("\n");
  }

  const originale = new WeakMap();

  /* Show `text` in the page's code example; the highlighted original returns when it fits. */
  function setzeCode(name, text) {
    const code = document.querySelector(`[data-werkzeug-code="${name}"] pre code`);
    if (code === null) {
      return;
    }
    if (!originale.has(code)) {
      originale.set(code, { html: code.innerHTML, text: code.textContent.trimEnd() });
    }
    const original = originale.get(code);
    if (text.trimEnd() === original.text) {
      if (code.innerHTML !== original.html) {
        code.innerHTML = original.html;
      }
    } else {
      code.textContent = `${text.trimEnd()}\n`;
    }
  }

  function melde(app, text) {
    const ansage = app.querySelector("[data-werkzeug-ansage]");
    if (ansage.textContent !== text) {
      ansage.textContent = text;
    }
  }

  function regelLink(id, regeln) {
    const regel = regeln[id];
    return el("a", { href: regel.href, title: `${id} ${regel.titel}`, text: id });
  }

  function regelLinks(ids, regeln) {
    return ids.flatMap((id, nummer) => [nummer > 0 ? ", " : null, regelLink(id, regeln)]);
  }

  function regelListe(ids, regeln) {
    return el(
      "ul",
      { class: "werkzeug-regeln", "data-ergebnis": "regeln" },
      ids.map((id) => {
        const regel = regeln[id];
        const glossar = regel.glossar
          ? [" – im Glossar: ", el("a", { href: regel.glossar.href, text: regel.glossar.titel })]
          : [];
        return el("li", { "data-regel": id }, regelLink(id, regeln), ` ${regel.titel}`, glossar);
      }),
    );
  }

  function guthaben(anzahl) {
    return anzahl === 0 ? "kostenlos" : `${anzahl} InMail-Guthaben`;
  }

  /* -- dates (UTC, so that no clock change shifts a day) ------------------------------------ */

  function alsZahl(iso) {
    const [jahr, monat, tag] = iso.split("-").map(Number);
    return Date.UTC(jahr, monat - 1, tag);
  }

  function plusTage(iso, tage) {
    return new Date(alsZahl(iso) + tage * TAG_MS).toISOString().slice(0, 10);
  }

  function datumDe(iso) {
    return new Date(alsZahl(iso)).toLocaleDateString("de-DE", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  }

  function datumPunkte(iso) {
    const [jahr, monat, tag] = iso.split("-");
    return `${tag}.${monat}.${jahr}`;
  }

  function pythonDatum(iso) {
    const [jahr, monat, tag] = iso.split("-").map(Number);
    return `date(${jahr}, ${monat}, ${tag})`;
  }

  function zeitEl(iso) {
    return el("time", { dateTime: iso, text: datumDe(iso) });
  }

  /* -- Kanal-Finder ------------------------------------------------------------------------- */

  function kanalFinder(app, daten) {
    const form = app.querySelector("[data-werkzeug-form]");
    const ziel = app.querySelector("[data-werkzeug-ergebnis]");
    const { kanaele, fehler, regeln } = daten;

    function auswahl() {
      return daten.eingaben.map((eingabe) => {
        if (eingabe.art === "checkbox") {
          return eingabe.werte[form.elements[eingabe.name].checked ? 0 : 1].wert;
        }
        return form.elements[eingabe.name].value;
      });
    }

    function codeWerte(werte) {
      const code = {};
      daten.eingaben.forEach((eingabe, nummer) => {
        const wert = eingabe.werte.find((kandidat) => kandidat.wert === werte[nummer]);
        for (const [platz, teil] of Object.entries(wert.code)) {
          code[platz] =
            typeof teil === "string" ? (code[platz] ?? "") + teil : [...(code[platz] ?? []), ...teil];
        }
      });
      return code;
    }

    function senden(ergebnis, kurz = false) {
      if (ergebnis.fehler !== undefined) {
        const info = fehler[ergebnis.fehler];
        return el(
          "span",
          { class: "werkzeug-nein", "data-fehler": ergebnis.fehler },
          "klappt nicht: ",
          el("a", { href: info.href }, el("code", { text: ergebnis.fehler })),
          ` – ${info.meldung} `,
          info.regeln.length ? ["(", regelLinks(info.regeln, regeln), ")"] : null,
        );
      }
      const kanal = kanaele[ergebnis.kanal];
      return el(
        "span",
        { class: "werkzeug-ja", "data-kanal": ergebnis.kanal, "data-kosten": ergebnis.kosten },
        kurz ? "klappt" : ["klappt: über ", regelLink(kanal.regel, regeln)],
        kurz ? null : ` (${kanal.titel}), ${guthaben(ergebnis.kosten)}`,
      );
    }

    function ansage(kombi) {
      const knopf = kombi.knopf === null ? "Kein Knopf auf dem Profil." : `Knopf: „${kombi.knopf}“.`;
      const wege =
        kombi.wege.length === 1 ? "1 Weg ist offen." : `${kombi.wege.length} Wege sind offen.`;
      const standard = kombi.standard;
      const schicken =
        standard.fehler !== undefined
          ? `Senden ohne Wahl klappt nicht: ${standard.fehler}.`
          : `Senden ohne Wahl klappt über ${kanaele[standard.kanal].regel}, ` +
            `${guthaben(standard.kosten)}.`;
      return `${knopf} ${wege} ${schicken}`;
    }

    function zeige() {
      const werte = auswahl();
      const kombi = daten.kombinationen[werte.join("|")];
      const wegeTabelle = kombi.wege.length
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
                ["Regel", "Weg", "Wo", "Knopf", "Kosten", "Senden über diesen Weg"].map((kopf) =>
                  el("th", { scope: "col", text: kopf }),
                ),
              ),
            ),
            el(
              "tbody",
              {},
              kombi.wege.map((weg) => {
                const kanal = kanaele[weg.kanal];
                const ort = weg.ueber ? `${kanal.ort} „${weg.ueber}“` : kanal.ort;
                return el(
                  "tr",
                  { "data-kanal": weg.kanal },
                  el("td", {}, regelLink(kanal.regel, regeln)),
                  el("td", { text: kanal.titel }),
                  el("td", { text: ort }),
                  el("td", { text: `„${kanal.knopf}“` }),
                  el("td", { text: guthaben(weg.kosten), "data-kosten": weg.kosten }),
                  el("td", {}, senden(weg.senden, true)),
                );
              }),
            ),
          )
        : el("p", { "data-ergebnis": "wege", text: "Kein Weg von dir zu B ist offen." });
      ziel.replaceChildren(
        el(
          "dl",
          { class: "werkzeug-liste" },
          el("dt", { text: "Knopf auf dem Profil von B" }),
          el(
            "dd",
            { "data-ergebnis": "knopf", "data-knopf": kombi.knopf ?? "" },
            kombi.knopf === null ? "kein Knopf " : `„${kombi.knopf}“ `,
            "(",
            regelLink(daten.knopfregel, regeln),
            ")",
          ),
          el("dt", { text: "Senden ohne Wahl des Weges (der erste offene Weg)" }),
          el("dd", { "data-ergebnis": "standard" }, senden(kombi.standard)),
        ),
        wegeTabelle,
        el("p", { class: "werkzeug-zwischentitel", text: "Die Regeln dazu:" }),
        regelListe(kombi.regeln, regeln),
      );
      melde(app, ansage(kombi));
      const ausgabe = Object.fromEntries(
        Object.entries(kombi.ausgabe).map(([platz, zeilen]) => [
          platz,
          zeilen.map((nummer) => daten.texte[nummer]),
        ]),
      );
      setzeCode("kanal-finder", fuelle(daten.vorlage, codeWerte(werte), ausgabe));
    }

    form.addEventListener("change", zeige);
    form.addEventListener("submit", (ereignis) => ereignis.preventDefault());
    zeige();
  }

  /* -- Guthaben-Rechner --------------------------------------------------------------------- */

  function guthabenRechner(app, daten) {
    const form = app.querySelector("[data-werkzeug-form]");
    const ziel = app.querySelector("[data-werkzeug-ergebnis]");
    const reaktionstag = app.querySelector("[data-werkzeug-reaktionstag]");
    const { regeln } = daten;
    const [von, bis] = daten.zeitraum;

    function epocheFuer(versand) {
      return daten.epochen.filter((epoche) => epoche.ab === null || epoche.ab <= versand).at(-1);
    }

    function problem(text) {
      ziel.replaceChildren(el("p", { class: "werkzeug-nein", "data-ergebnis": "problem", text }));
      melde(app, text);
    }

    function zeige() {
      const versand = form.elements.versand.value;
      const reaktion = daten.reaktionen.find((r) => r.wert === form.elements.reaktion.value);
      const keine = reaktion.name === null;
      const tagFeld = form.elements.tag;
      tagFeld.disabled = keine;
      const tag = Number(tagFeld.value);
      const tagGueltig = keine || (tagFeld.value.trim() !== "" && Number.isInteger(tag));
      reaktionstag.textContent =
        !keine && tagGueltig && versand ? `= ${datumDe(plusTage(versand, tag))}` : "";
      if (!versand || versand < von || versand > bis) {
        problem(`Wähle ein Versanddatum zwischen dem ${datumDe(von)} und dem ${datumDe(bis)}.`);
        return;
      }
      if (!tagGueltig || Math.abs(tag) > Number(tagFeld.max)) {
        problem(`Gib den Tag der Reaktion als ganze Zahl von 0 bis ${tagFeld.max} ein.`);
        return;
      }
      const epoche = epocheFuer(versand);
      const reagiert = keine ? null : plusTage(versand, tag);
      const werte = { versand: pythonDatum(versand), tag: pythonDatum(reagiert ?? versand) };
      werte.name = keine ? "" : reaktion.name;
      const regelDd = el(
        "dd",
        { "data-ergebnis": "regel", "data-regel": epoche.regel },
        regelLink(epoche.regel, regeln),
        ` ${epoche.name}: `,
        epoche.ab === null
          ? `Versand vor dem ${datumDe(daten.stichtag)}`
          : `Versand ab dem ${datumDe(epoche.ab)}`,
        `, Antwortfenster ${epoche.fenster} Tage`,
      );

      if (!keine && tag < 0) {
        const info = daten.zu_frueh;
        const meldung = info.meldung
          .replace("{versand}", datumPunkte(versand))
          .replace("{reaktion}", datumPunkte(reagiert));
        ziel.replaceChildren(
          el(
            "dl",
            { class: "werkzeug-liste" },
            el("dt", { text: "Regel für das Versanddatum" }),
            regelDd,
            el("dt", { text: "Reaktion" }),
            el(
              "dd",
              { class: "werkzeug-nein", "data-ergebnis": "fehler", "data-fehler": info.code },
              "geht nicht: ",
              el("a", { href: info.href }, el("code", { text: info.code })),
              ` – ${meldung} (`,
              regelLinks(info.regeln, regeln),
              ")",
            ),
          ),
        );
        melde(app, `Eine Reaktion vor dem Versand geht nicht: ${info.code}.`);
        setzeCode(
          "guthaben-rechner",
          fuelle(daten.vorlage_zu_frueh, werte, { fehler: [info.code] }),
        );
        return;
      }

      const [zurueck, rechtzeitig] = keine
        ? epoche.keine
        : epoche.reaktionen[reaktion.wert][Math.min(tag, daten.grenze)];
      const gutschrift = zurueck === null ? null : plusTage(versand, zurueck);

      let beurteilung;
      if (keine) {
        beurteilung = "keine Reaktion";
      } else {
        const wann = [zeitEl(reagiert), ` (Tag ${tag})`];
        if (!reaktion.antwort) {
          beurteilung = [reaktion.label, " am ", wann, ": zählt nicht als Antwort"];
        } else if (rechtzeitig) {
          beurteilung = [
            reaktion.label,
            " am ",
            wann,
            `: eine Antwort innerhalb von ${epoche.fenster} Tagen`,
          ];
        } else {
          beurteilung = [
            reaktion.label,
            " am ",
            wann,
            `: eine Antwort, aber nach mehr als ${epoche.fenster} Tagen`,
          ];
        }
      }

      const zeitleiste = [
        { art: "versand", tag: 0, iso: versand, text: "Versand; das Guthaben wird abgebucht" },
        keine ? null : { art: "reaktion", tag, iso: reagiert, text: `Reaktion ${reaktion.label}` },
        {
          art: "fensterende",
          tag: epoche.fenster,
          iso: plusTage(versand, epoche.fenster),
          text: `letzter Tag des Antwortfensters (${epoche.fenster} Tage, ${epoche.regel})`,
        },
        gutschrift === null
          ? null
          : {
              art: "gutschrift",
              tag: zurueck,
              iso: gutschrift,
              text: "Gutschrift: das Guthaben ist wieder da",
            },
      ]
        .filter((eintrag) => eintrag !== null)
        .sort((a, b) => a.tag - b.tag);

      ziel.replaceChildren(
        el(
          "dl",
          { class: "werkzeug-liste" },
          el("dt", { text: "Regel für das Versanddatum" }),
          regelDd,
          el("dt", { text: "Reaktion" }),
          el(
            "dd",
            {
              "data-ergebnis": "reaktion",
              "data-antwort": keine ? "nein" : reaktion.antwort ? "ja" : "nein",
              "data-rechtzeitig": rechtzeitig ? "ja" : "nein",
            },
            beurteilung,
          ),
          el("dt", { text: "Kommt das Guthaben zurück?" }),
          el(
            "dd",
            {
              "data-ergebnis": "gutschrift",
              "data-datum": gutschrift ?? "",
              class: gutschrift === null ? "werkzeug-nein" : "werkzeug-ja",
            },
            gutschrift === null
              ? "nein, das Guthaben bleibt weg"
              : ["ja, am ", zeitEl(gutschrift), ` (Tag ${zurueck}): ${epoche.grund}`],
          ),
        ),
        el("p", { class: "werkzeug-zwischentitel", text: "Zeitleiste:" }),
        el(
          "ol",
          { class: "werkzeug-zeitleiste", "data-ergebnis": "zeitleiste" },
          zeitleiste.map((eintrag) =>
            el(
              "li",
              { "data-tag": eintrag.tag, "data-art": eintrag.art },
              el("span", { class: "werkzeug-tag", text: `Tag ${eintrag.tag}` }),
              " ",
              zeitEl(eintrag.iso),
              `: ${eintrag.text}`,
            ),
          ),
        ),
      );
      melde(
        app,
        `${epoche.regel} ${epoche.name}: ` +
          (gutschrift === null
            ? "Das Guthaben kommt nicht zurück."
            : `Das Guthaben kommt am ${datumDe(gutschrift)} zurück.`),
      );
      werte.reaktion = keine ? [] : [fuelle(daten.vorlage_reaktion, werte)];
      setzeCode(
        "guthaben-rechner",
        fuelle(daten.vorlage, werte, {
          regel: [`${epoche.regel} ${epoche.name}`],
          gutschrift: [gutschrift ?? "None"],
        }),
      );
    }

    form.addEventListener("input", zeige);
    form.addEventListener("change", zeige);
    form.addEventListener("submit", (ereignis) => ereignis.preventDefault());
    zeige();
  }

  /* -- Sterne-Rechner ----------------------------------------------------------------------- */

  function sterneRechner(app, daten) {
    const ziel = app.querySelector("[data-werkzeug-ergebnis]");
    const { regeln } = daten;
    const reaktionen = Object.fromEntries(daten.reaktionen.map((r) => [r.wert, r]));
    let folge = [...daten.start];

    function zeige() {
      const zaehlt = folge.slice(-daten.fenster);
      const alt = folge.length - zaehlt.length;
      const negativ = zaehlt.filter((wert) => reaktionen[wert].negativ).length;
      const sterne = daten.sterne[negativ];
      const bild = "★".repeat(sterne) + "☆".repeat(daten.max - sterne);
      ziel.replaceChildren(
        el(
          "p",
          { class: "werkzeug-sterne", "data-ergebnis": "sterne", "data-sterne": sterne },
          el("span", { "aria-hidden": "true", class: "werkzeug-sternbild", text: bild }),
          " ",
          el("strong", { text: `${sterne} von ${daten.max} Sternen` }),
        ),
        el(
          "p",
          { "data-ergebnis": "fenster", "data-zaehlt": zaehlt.length, "data-negativ": negativ },
          `${folge.length} ${folge.length === 1 ? "Bewertung" : "Bewertungen"}; es zählen die ` +
            `letzten ${daten.fenster}, hier ${zaehlt.length}, davon ${negativ} negativ (`,
          regelLinks(["F2", "F3"], regeln),
          ").",
        ),
        folge.length
          ? el(
              "ol",
              { class: "werkzeug-folge", "data-ergebnis": "folge" },
              folge.map((wert, nummer) => {
                const reaktion = reaktionen[wert];
                const imFenster = nummer >= alt;
                return el(
                  "li",
                  {
                    class: imFenster ? "werkzeug-zaehlt" : "werkzeug-alt",
                    "data-reaktion": wert,
                    "data-zaehlt": imFenster ? "ja" : "nein",
                  },
                  `„${reaktion.label}“`,
                  el("span", {
                    class: "werkzeug-art",
                    text: ` ${reaktion.negativ ? "negativ" : "positiv"}, ${
                      imFenster ? "zählt" : "zählt nicht mehr"
                    }`,
                  }),
                );
              }),
            )
          : el("p", { "data-ergebnis": "folge", text: "Noch keine Bewertung." }),
      );
      melde(
        app,
        `${sterne} von ${daten.max} Sternen: ${negativ} negativ unter den letzten ` +
          `${zaehlt.length} von ${folge.length} Bewertungen.`,
      );
      setzeCode(
        "sterne-rechner",
        fuelle(
          daten.vorlage,
          { bewertungen: folge.map((wert) => `Reaction.${reaktionen[wert].name},`) },
          { fenster: [`${zaehlt.length} ${negativ}`], sterne: [String(sterne)] },
        ),
      );
    }

    app.addEventListener("click", (ereignis) => {
      const knopf = ereignis.target.closest("button");
      if (knopf === null || !app.contains(knopf)) {
        return;
      }
      if (knopf.dataset.reaktion) {
        folge.push(knopf.dataset.reaktion);
      } else if (knopf.dataset.aktion === "zurueck") {
        folge.pop();
      } else if (knopf.dataset.aktion === "leeren") {
        folge = [];
      } else if (knopf.dataset.aktion === "start") {
        folge = [...daten.start];
      }
      zeige();
    });
    zeige();
  }

  /* -- start on every page ------------------------------------------------------------------ */

  const WERKZEUGE = {
    "kanal-finder": kanalFinder,
    "guthaben-rechner": guthabenRechner,
    "sterne-rechner": sterneRechner,
  };

  function starte() {
    for (const app of document.querySelectorAll("[data-werkzeug-app]")) {
      if (app.dataset.gestartet !== undefined) {
        continue;
      }
      const daten = JSON.parse(app.querySelector("template[data-werkzeug-daten]").content.textContent);
      app.dataset.gestartet = "";
      app.hidden = false;
      WERKZEUGE[app.dataset.werkzeugApp](app, daten);
      const rahmen = app.closest("[data-werkzeug-rahmen]");
      rahmen.querySelector("[data-werkzeug-ohne-js]").hidden = true;
      const alle = rahmen.querySelector("details[data-werkzeug-alle]");
      if (alle !== null) {
        alle.open = false;
      }
    }
  }

  document$.subscribe(starte);
})();
