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
 * mode. A drawn diagram carries the mermaid theme it was drawn in: data-gezeichnet="default"
 * (light) or "dark".
 */
(() => {
  "use strict";

  if (window.diagramsLoaded) {
    return;
  }
  window.diagramsLoaded = true;

  const MERMAID_URL = new URL("vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  const LOOKAHEAD = "0px 0px 200px 0px"; // start loading a little before the diagram is visible
  let mermaidLoaded = null;
  let observer = null;
  let nextId = 0;

  function loadMermaid() {
    if (mermaidLoaded === null) {
      mermaidLoaded = import(MERMAID_URL)
        .then((module) => module.default)
        .catch((error) => {
          mermaidLoaded = null;
          throw new Error(`mermaid konnte nicht geladen werden: ${MERMAID_URL}`, { cause: error });
        });
    }
    return mermaidLoaded;
  }

  function mermaidTheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default";
  }

  async function drawDiagrams() {
    const diagrams = document.querySelectorAll(".diagramm");
    if (diagrams.length === 0) {
      return;
    }
    const mermaid = await loadMermaid();
    const theme = mermaidTheme();
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme });
    for (const diagram of diagrams) {
      diagram.dataset.quelle ??= diagram.textContent;
      const { svg } = await mermaid.render(`diagramm-${nextId++}`, diagram.dataset.quelle);
      diagram.innerHTML = svg;
      diagram.dataset.gezeichnet = theme;
    }
  }

  function draw() {
    drawDiagrams().catch((error) => console.error(error));
  }

  // On each page: draw all of its diagrams once the first one comes near the screen.
  function drawWhenVisible() {
    observer?.disconnect();
    const diagrams = document.querySelectorAll(".diagramm");
    if (diagrams.length === 0) {
      return;
    }
    if (!("IntersectionObserver" in window)) {
      draw();
      return;
    }
    observer = new IntersectionObserver(
      (entries, ownObserver) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          ownObserver.disconnect();
          draw();
        }
      },
      { rootMargin: LOOKAHEAD },
    );
    for (const diagram of diagrams) {
      observer.observe(diagram);
    }
  }

  document$.subscribe(drawWhenVisible);
  // A new colour scheme: redraw what is drawn already (the rest is drawn in the new scheme later).
  new MutationObserver(() => {
    if (document.querySelector(".diagramm[data-gezeichnet]") !== null) {
      draw();
    }
  }).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"],
  });
})();
