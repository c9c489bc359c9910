/*
 * Mermaid-Diagramme ohne CDN.
 *
 * ```mermaid fences become <div class="diagramm"> (see mkdocs.yml). On pages that have one, this
 * script loads the mermaid build shipped with the site (assets/javascripts/vendor/mermaid.min.js,
 * added by hooks/offline.py) and replaces the source with an SVG drawing. It runs on every page
 * Material shows (`document$`, also after instant navigation) and redraws when the reader switches
 * between light and dark mode.
 */
(() => {
  "use strict";

  const MERMAID_URL = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  let mermaidGeladen = null;
  let naechsteId = 0;

  function ladeMermaid() {
    if (mermaidGeladen === null) {
      mermaidGeladen = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = MERMAID_URL;
        script.onload = () => resolve(window.mermaid);
        script.onerror = () => {
          mermaidGeladen = null;
          reject(new Error(`mermaid konnte nicht geladen werden: ${MERMAID_URL}`));
        };
        document.head.appendChild(script);
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

  document$.subscribe(zeichne);
  new MutationObserver(zeichne).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"],
  });
})();
