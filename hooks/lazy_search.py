"""MkDocs hook: the search index is downloaded when someone searches, not with every page.

Material starts its search worker on every page and at once downloads ``search/search_index.json``
– the full text of the site, about 64 KB gzip here, the largest single file of a first visit and
most of the weight a page has beyond a bare Material page. Most visitors never search.

This hook puts a small inline script before Material's ``bundle.js``. It holds back Material's
request for the index (an ``XMLHttpRequest``) until the reader shows that they want to search:
focus on the search field (click, tap, the ``/``, ``s`` or ``f`` keys, ``?q=`` in the address)
or a pointer over it. A page opened from a search result (``?h=``, Material highlights the
words) asks for the index straight away. Until the index has arrived, Material shows its
"Suche wird initialisiert" placeholder, as it does on a slow connection.

Should a future Material request the index differently, the script simply has nothing to hold
back: search keeps working and the index is loaded eagerly again (``make bench`` shows it).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')

SCRIPT = """<script>
/* hooks/lazy_search.py: load the search index only when someone searches. */
(() => {
  "use strict";
  let freigeben;
  const gewuenscht = new Promise((resolve) => { freigeben = resolve; });
  const zurueck = new WeakSet();
  const XHR = XMLHttpRequest.prototype;
  const { open, send } = XHR;
  XHR.open = function (method, url, ...rest) {
    if (new URL(String(url), location.href).pathname.endsWith("/search/search_index.json")) {
      zurueck.add(this);
    }
    return open.call(this, method, url, ...rest);
  };
  XHR.send = function (...args) {
    if (!zurueck.has(this)) {
      return send.apply(this, args);
    }
    gewuenscht.then(() => send.apply(this, args));
  };
  const suche = (event) => event.target instanceof Element
    && event.target.closest("[data-md-component=search], label[for=__search]") !== null;
  for (const art of ["focusin", "pointerover", "touchstart"]) {
    document.addEventListener(art, (event) => { if (suche(event)) freigeben(); },
      { capture: true, passive: true });
  }
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__search") freigeben();
  }, true);
  if (/[?&][hq]=/.test(location.search)) freigeben();
})();
</script>
"""


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Insert the script right before Material's bundle on every page."""
    if 'name="search"' not in output:  # no search form: Material loads no index either
        return output
    match = _BUNDLE.search(output)
    if match is None:
        raise PluginError(
            f"{page.file.src_path}: Materials bundle.js nicht gefunden; "
            "hooks/lazy_search.py passt nicht mehr zum Theme."
        )
    return output[: match.start()] + SCRIPT + output[match.start() :]
