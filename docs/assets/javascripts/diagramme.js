/*
 * Mermaid-Diagramme ohne CDN, und erst, wenn man sie sieht.
 *
 * ```mermaid fences become <div class="diagramm"> (see mkdocs.yml). This script loads the mermaid
 * build shipped with the site (the ES module build under assets/javascripts/vendor/mermaid/, added
 * by hooks/offline.py) and replaces the source with an SVG drawing.
 *
 * Mermaid is large: the module build fetches only the parts a flowchart needs (~235 KB gzip,
 * against ~980 KB for the single-file mermaid.min.js), and only once a diagram comes within
 * 200 px of the screen. A page whose diagram is further down loads no mermaid on first view;
 * until it is drawn, the diagram's source stays readable as text.
 *
 * Only pages with a diagram load this script (hooks/page_assets.py puts it into the page's
 * content). Material's instant navigation runs such a script again on each visit of such a page;
 * it then does nothing: the first run's `document$` subscription draws the diagrams of every page
 * Material shows from then on. It also redraws when the reader switches between light and dark
 * mode.
 */
(() => {
  "use strict";

  if (window.diagrammeGeladen) {
    return;
  }
  window.diagrammeGeladen = true;

  const MERMAID_URL = new URL("vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  const VORLAUF = "0px 0px 200px 0px"; // start loading a little before the diagram is visible
  let mermaidGeladen = null;
  let beobachter = null;
  let naechsteId = 0;

  function ladeMermaid() {
    if (mermaidGeladen === null) {
      mermaidGeladen = import(MERMAID_URL)
        .then((modul) => modul.default)
        .catch((fehler) => {
          mermaidGeladen = null;
          throw new Error(`mermaid konnte nicht geladen werden: ${MERMAID_URL}`, { cause: fehler });
        });
    }
    return mermaidGeladen;
  }

  function mermaidThema() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default";
  }

  async function zeichneDiagramme() {
    const diagramme = document.querySelectorAll(".diagramm");
    if (diagramme.length === 0) {
      return;
    }
    const mermaid = await ladeMermaid();
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: mermaidThema() });
    for (const diagramm of diagramme) {
      diagramm.dataset.quelle ??= diagramm.textContent;
      const { svg } = await mermaid.render(`diagramm-${naechsteId++}`, diagramm.dataset.quelle);
      diagramm.innerHTML = svg;
      diagramm.dataset.gezeichnet = "";
    }
  }

  function zeichne() {
    zeichneDiagramme().catch((fehler) => console.error(fehler));
  }

  // On each page: draw all of its diagrams once the first one comes near the screen.
  function zeichneWennSichtbar() {
    beobachter?.disconnect();
    const diagramme = document.querySelectorAll(".diagramm");
    if (diagramme.length === 0) {
      return;
    }
    if (!("IntersectionObserver" in window)) {
      zeichne();
      return;
    }
    beobachter = new IntersectionObserver(
      (eintraege, selbst) => {
        if (eintraege.some((eintrag) => eintrag.isIntersecting)) {
          selbst.disconnect();
          zeichne();
        }
      },
      { rootMargin: VORLAUF },
    );
    for (const diagramm of diagramme) {
      beobachter.observe(diagramm);
    }
  }

  document$.subscribe(zeichneWennSichtbar);
  // A new colour scheme: redraw what is drawn already (the rest is drawn in the new scheme later).
  new MutationObserver(() => {
    if (document.querySelector(".diagramm[data-gezeichnet]") !== null) {
      zeichne();
    }
  }).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"],
  });
})();
