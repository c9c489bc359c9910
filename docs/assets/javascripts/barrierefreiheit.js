/*
 * Barrierefreiheit: fixes for markup that Material's JavaScript creates in the browser.
 *
 * What the build writes is fixed at build time (overrides/partials/, templates/notebook.html.j2,
 * hooks/a11y.py); this script covers the rest, on every page Material shows (`document$`, also
 * after instant navigation):
 *
 * 1. Material wraps each code block's copy button in a <nav class="md-code__nav">. A page with
 *    several code blocks so had several unnamed navigation landmarks (axe: landmark-unique),
 *    although a copy button is no navigation. They get role="none"; the button stays.
 * 2. Material's tooltips (glossary terms, buttons) are appended to the end of <body>, outside
 *    every landmark (axe: region). They only show, for the eye, the description that the term or
 *    button already has through aria-describedby (which reads hidden elements too). They get
 *    aria-hidden="true", so screen readers do not find them a second time at the end of the page.
 * 3. Material wraps tables in a <div class="md-typeset__scrollwrap"> that scrolls sideways when
 *    the table is wider than the screen. Keyboard users could not scroll it (axe:
 *    scrollable-region-focusable): while it overflows, it takes focus, like code blocks do.
 */
(() => {
  "use strict";

  function unlabelledNavigation() {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
  }

  function hiddenTooltips(root) {
    for (const tooltip of root.querySelectorAll(".md-tooltip2:not([aria-hidden])")) {
      tooltip.setAttribute("aria-hidden", "true");
    }
  }

  function scrollableTables() {
    for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        wrapper.setAttribute("tabindex", "0");
      } else {
        wrapper.removeAttribute("tabindex");
      }
    }
  }

  function check() {
    unlabelledNavigation();
    scrollableTables();
  }

  let pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        check();
      });
    }
  }

  // Material may mount a page's components before or after this subscriber runs: check now and
  // once more in the next frame.
  document$.subscribe(() => {
    check();
    soon();
  });
  // Tooltips are created when they are first shown, long after the page was set up.
  new MutationObserver(() => hiddenTooltips(document.body)).observe(document.body, {
    childList: true,
  });
  window.addEventListener("resize", soon);
})();
