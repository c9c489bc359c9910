"""MkDocs hook: the glossary's abbreviations (includes/abkuerzungen.md) apply on every page.

Each line of the file is one definition, ``*[Begriff]: kurze Erklärung``, written as Markdown's
``abbr`` extension reads it. This hook reads the file once per build and hands the definitions to
that extension as its glossary, which it applies to every page and to every docstring that
mkdocstrings renders: each mention of a term becomes ``<abbr title="…">`` (hooks/a11y.py then keeps
the first mark per section).

The file used to be appended to every page by ``pymdownx.snippets`` (``auto_append``), and so to
each of the ~540 docstring parts of the API pages as well: each time Markdown parsed the 29 lines
again, one definition after the other, about 2 s of every cold build. The pages come out the same.

A line that is not a definition stops the build with a message that names it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ABBREVIATIONS = Path("includes") / "abkuerzungen.md"
"""The glossary's short explanations, relative to the project folder."""

_DEFINITION = re.compile(r"\*\[(?P<term>[^\]]+)\]:[ ]*(?P<explanation>\S.*)")


def read_glossary(path: Path) -> dict[str, str]:
    """Term → explanation, one per line of `path`; empty lines are skipped.

    Raises:
        PluginError: a line is not written as ``*[Begriff]: Erklärung``, or a term comes twice.
    """
    glossary: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text:
            continue
        definition = _DEFINITION.fullmatch(text)
        if definition is None:
            raise PluginError(
                f"{path}:{number}: Jede Zeile ist eine Abkürzung mit Erklärung, "
                f"so geschrieben: *[Begriff]: kurze Erklärung – gefunden: {text!r}"
            )
        term = definition["term"].strip()
        if term in glossary:
            raise PluginError(
                f"{path}:{number}: „{term}“ ist schon erklärt; "
                "jeder Begriff steht einmal in der Datei."
            )
        glossary[term] = definition["explanation"].strip()
    return glossary


@event_priority(100)  # before mkdocstrings sets up its Markdown for the docstrings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give the ``abbr`` extension the glossary (mkdocs.yml lists the extension)."""
    if "abbr" not in config.markdown_extensions:
        raise PluginError(
            "hooks/abkuerzungen.py braucht die Markdown-Erweiterung abbr: "
            "in mkdocs.yml unter markdown_extensions eintragen"
        )
    project = Path(config.config_file_path).parent
    config.mdx_configs.setdefault("abbr", {})["glossary"] = read_glossary(project / ABBREVIATIONS)
    return config
