"""Performance budget of the site and of the library (`make bench`): one module per step.

A benchmark, not a test: it prints a report with PASS/FAIL per target and always exits 0 (unless
it cannot run at all). It is never part of `make test`. What it does, in one run (`__main__`
runs the steps in this order):

1. `builds`: builds the site strictly into a temporary folder, once cold (no kept notebook run,
   so both notebooks are executed) and once warm, and a plain build of the same Markdown
   (Material, search and mkdocstrings with the same settings; no hooks, overrides, extra CSS or
   JavaScript, notebooks) right after it: the target is cold ≤ 1.5× plain. It also builds a bare
   one-page Material site (Material's defaults plus ``font: false``), the weights' yardstick.
2. Serves both on 127.0.0.1 with devtools/static_host.py, which answers like a static host:
   gzip (level 6) for text files when the browser asks for it, ``Cache-Control: max-age=600``,
   HTTP/1.1.
3. `weights`: loads every page of the site (devtools/site_pages.py, 404 page left out) and the
   bare page in headless Chromium (Playwright, fresh profile, Lighthouse's mobile viewport
   412×823) and waits until no request has come in for a second. The page's weight is the sum
   over every request the server saw in that time: the HTML and every style sheet, script,
   image, font, search index and worker it loaded on first view, including what Material's
   search worker fetches. "roh" is the size of the files, "gzip" the bytes of the bodies sent
   (headers left out). Pages with a diagram are also scrolled to it.
4. `mermaid`: what the diagram library costs, on first view and once a diagram is drawn.
5. `lighthouse`: runs Lighthouse (npm, pinned in package.json; mobile preset, simulated slow 4G)
   on the start page, a glossary page, a notebook page and the bare page; scores and metrics
   are the median of three runs (``--lighthouse-runs``), since they vary with the machine's load.
6. `peer`: builds a peer of the glossary page /glossar/antwortgarantie/ (same Markdown,
   abbreviations and theme features, but plain Material: no hooks, templates, extra CSS or
   JavaScript), runs Lighthouse on it in the same run and prints our pages' performance and TBT
   as ratios to it. Scores vary by several points between runs on 2 cores; the peer, measured
   alongside, is the steadier yardstick.
7. `features_off` (only with ``--features-off``): builds the same site without Material's
   colour-palette toggle and with no Material features (``theme.features: []``) and runs
   Lighthouse on the same pages: a comparison, no target, that shows how much of the
   performance score the theme's JavaScript costs.
8. `loop`: `make serve` in a copy of the project: seconds from its start to the first page, and
   from each of five saves of a glossary page to the change on the served page (median, min,
   max). Targets: first page ≤ 10 s, save → visible ≤ 2 s (median).
9. `testtime` (left out with ``--no-test``): `make test`'s parts, as it runs them: lint and the
   strict build side by side, the fast tests, the browser tests (pytest-xdist over every core),
   then all tests in one pytest as `make test` runs them; target: lint ‖ build plus that one
   run (the wall time of `make test`) ≤ 3 minutes.
10. `ledger`: times the library's credit ledger through its public API (`Network.send`, `react`,
   `credits`): 500 against 2,000 InMails from one sender, and events per second for 1,000,
   10,000 and 100,000 sends and reactions of several senders. A size that runs longer than
   `ledger.TIME_LIMIT` is stopped there and the larger ones are skipped, so the run always ends.

Targets: Lighthouse 100 in all four categories on those pages, and performance at least the
peer's; every page's gzip weight at most
1.3 times the bare page's; the cold build under 10 s; 2,000 InMails from one sender take at most
6 times as long as 500.

Usage: ``python -m scripts.bench [--lighthouse-runs N] [--no-lighthouse] [--features-off]``
"""
