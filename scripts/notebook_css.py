"""The notebook pages' style sheet (docs/assets/stylesheets/notebook.css), pruned for this site.

mkdocs-jupyter's own template inlines about 590 KB of CSS into every notebook page: the Pygments
colours, JupyterLab's complete ``index.css`` scoped to ``.jupyter-wrapper`` and the JupyterLab
light theme, while nbconvert's lab template only emits a handful of JupyterLab classes
(``jp-Cell``, ``jp-InputArea``, ``jp-OutputArea``, ``highlight-ipynb``, …). The site's template
(templates/notebook.html.j2) links this file instead, which holds only the rules that can apply
(:func:`prune_css`): a selector is kept when it matches an element of at least one notebook page,
after the parts that depend on the moment (``:hover``, ``::before``, the colour scheme that
Material sets at run time, classes Material's JavaScript adds) have been dropped from it.
Dropping them makes a selector match more, never less, so nothing that could apply is lost.
Custom properties (``--jp-…``) that nothing reads are dropped as well. Dark mode keeps working:
mkdocs-jupyter's dark-mode rules hang on ``[data-md-color-scheme=slate]``, which is ignored for
matching and therefore kept.

The file is generated and committed: ``make notebook-css`` builds the site and rewrites it;
tests/browser/test_notebook_pages.py fails when it is not what this script makes of the
built pages (after a change of the notebooks, the template or mkdocs-jupyter).

Usage: ``python scripts/notebook_css.py [SITE_DIR]`` (default: site)
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tinycss2  # type: ignore[import-untyped]  # no type information shipped
from bs4 import BeautifulSoup
from mkdocs_jupyter import convert  # type: ignore[import-untyped]  # no type information shipped
from soupsieve import SelectorSyntaxError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_CSS = "assets/stylesheets/notebook.css"
TARGET = ROOT / "docs" / NOTEBOOK_CSS

_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL)
_NOTEBOOK_PAGE = 'class="jupyter-wrapper"'


def mkdocs_jupyter_css() -> str:
    """The CSS that mkdocs-jupyter's own template inlines into every notebook page."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "leer.ipynb"
        path.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
        html = convert.nb2html(str(path), mathjax_version=2, include_mermaidjs=False)
    blocks = _STYLE_BLOCK.findall(html)
    if not blocks:
        raise SystemExit("mkdocs-jupyter schreibt keine <style>-Blöcke mehr: Skript anpassen.")
    return "\n".join(blocks)


def notebook_css(site: Path) -> str:
    """The pruned style sheet for the notebook pages of the site built into `site`."""
    pages = [
        text
        for path in sorted(site.rglob("index.html"))
        if _NOTEBOOK_PAGE in (text := path.read_text(encoding="utf-8"))
    ]
    if not pages:
        raise SystemExit(f"{site} enthält keine Notebook-Seite: erst `make build`.")
    # Custom properties stay when anything else the site ships reads them.
    readers = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(site.rglob("*"))
        if path.suffix in (".css", ".js") and not path.as_posix().endswith(NOTEBOOK_CSS)
    ]
    return prune_css(mkdocs_jupyter_css(), pages, also_reading=readers)


def main(argv: Sequence[str]) -> None:
    """Write the pruned style sheet for the site in ``argv[0]`` (default: site)."""
    site = Path(argv[0] if argv else "site")
    TARGET.write_text(notebook_css(site), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} Bytes")


# Pruning


def prune_css(css: str, documents: Sequence[str], also_reading: Iterable[str] = ()) -> str:
    """Return the rules of `css` that can apply to an element of one of the HTML `documents`.

    `also_reading` are other style sheets and scripts: a custom property that one of them
    mentions is kept even if no kept rule of `css` reads it.
    """
    matcher = _Matcher(documents)
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = _prune_rules(rules, matcher)
    used = _used_custom_properties(kept, also_reading)
    text = "\n".join(css for rule in kept if (css := rule.css(used)))  # a rule a line
    return ('@charset "UTF-8";\n' if not text.isascii() else "") + text + "\n"


class _Matcher:
    """Answers whether a selector can match an element of one of the documents."""

    def __init__(self, documents: Sequence[str]) -> None:
        self._soups = [BeautifulSoup(document, "html.parser") for document in documents]
        self._classes: set[str] = set()
        self._ids: set[str] = set()
        self._tags: set[str] = set()
        for soup in self._soups:
            for element in soup.find_all(True):
                self._tags.add(element.name.lower())
                self._classes.update(element.get_attribute_list("class"))
                if element.get("id"):
                    self._ids.add(str(element["id"]))
        self._cache: dict[str, bool] = {}

    def matches(self, selector: str) -> bool:
        if selector not in self._cache:
            self._cache[selector] = self._matches(timeless(selector))
        return self._cache[selector]

    def _matches(self, selector: str) -> bool:
        # Quick rejection: a class, id or tag named outside brackets that no document has.
        outside = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", selector)
        if any(name not in self._classes for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", outside)):
            return False
        if any(name not in self._ids for name in re.findall(r"#(-?[_a-zA-Z][\w-]*)", outside)):
            return False
        tags = re.findall(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)", outside)
        if any(tag.lower() not in self._tags for tag in tags):
            return False
        try:
            return any(soup.select_one(selector) is not None for soup in self._soups)
        except (SelectorSyntaxError, NotImplementedError, ValueError):
            return True  # a selector this check does not understand is kept


# Pseudo-classes that describe structure, not a moment: they stay in the selector.
_STRUCTURAL = {
    "first-child",
    "last-child",
    "only-child",
    "nth-child",
    "nth-last-child",
    "first-of-type",
    "last-of-type",
    "only-of-type",
    "nth-of-type",
    "nth-last-of-type",
    "empty",
    "root",
}
_IDENT = re.compile(r"-?[_a-zA-Z\\][\w\\-]*|")


def timeless(selector: str) -> str:
    """`selector` without the parts that depend on the moment or on what JavaScript adds later.

    Dropped are pseudo-elements, pseudo-classes other than structural ones (``:hover``,
    ``:not(…)``, ``:is(…)``, …), attributes Material sets at run time (``[data-md-color-scheme]``)
    and Material's own classes (``.md-typeset__scrollwrap`` wraps tables only once its script
    has run). ``a:hover .x::before`` becomes ``a .x``, ``[data-md-color-scheme=slate] .x``
    becomes ``* .x``: the result matches whatever `selector` can match at some moment, or more.
    """
    if ":" not in selector and "[" not in selector and ".md-" not in selector:
        return selector.strip() or "*"  # nothing to drop (most selectors)
    out: list[str] = []
    i, n = 0, len(selector)
    while i < n:
        char = selector[i]
        if char == "[":
            end = _closing(selector, i, "[", "]")
            if selector[i + 1 : end - 1].strip().startswith("data-md-"):
                _drop(out)
            else:
                out.append(selector[i:end])
            i = end
        elif char == ":":
            double = selector[i + 1 : i + 2] == ":"
            j = i + 1 + double
            name = _IDENT.match(selector, j)
            assert name is not None  # the pattern matches the empty string too
            end = name.end()
            if selector[end : end + 1] == "(":
                end = _closing(selector, end, "(", ")")
            if not double and name.group().lower() in _STRUCTURAL:
                out.append(selector[i:end])
            else:
                _drop(out)
            i = end
        elif char in ".#":
            name = _IDENT.match(selector, i + 1)
            assert name is not None
            if char == "." and name.group().startswith("md-"):
                _drop(out)
            else:
                out.append(selector[i : name.end()])
            i = name.end()
        else:
            out.append(char)
            i += 1
    return "".join(out).strip() or "*"


def _drop(out: list[str]) -> None:
    """A simple selector was dropped: where it stood alone, `*` stands in for it."""
    if not out or out[-1][-1] in " >+~(,":
        out.append("*")


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """Index after the bracket that closes the one at `start` (quotes are respected)."""
    depth, quote = 0, ""
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


# ---------------------------------------------------------------------------------------------
# Rules: keep, drop, write


@dataclass
class _Kept:
    """A rule that stays: a style rule with its matching selectors, or an at-rule."""

    rule: Any
    selectors: list[str] = field(default_factory=list)
    children: list[_Kept] | None = None  # the kept rules inside @media, @supports, …

    def css(self, used: set[str] | None) -> str:
        """The rule as compact CSS; `used`, if given, limits the custom properties written."""
        rule = self.rule
        if rule.type == "at-rule":
            prelude = " ".join(_text(rule.prelude).split())
            if self.children is not None:
                inner = "".join(child.css(used) for child in self.children)
                return f"@{rule.at_keyword} {prelude}{{{inner}}}" if inner else ""
            if rule.content is None:
                return f"@{rule.at_keyword} {prelude};"
            return f"@{rule.at_keyword} {prelude}{{{_text(rule.content).strip()}}}"
        selectors = ",".join(self.selectors)
        declarations = _declarations(rule)
        if declarations is None:
            return f"{selectors}{{{_text(rule.content).strip()}}}"
        body = ";".join(
            f"{d.name}:{_text(d.value).strip()}{'!important' if d.important else ''}"
            for d in declarations
            if used is None or not d.name.startswith("--") or d.name in used
        )
        return f"{selectors}{{{body}}}" if body else ""


def _text(nodes: Any) -> str:
    return str(tinycss2.serialize(nodes))


def _prune_rules(rules: Iterable[Any], matcher: _Matcher) -> list[_Kept]:
    kept: list[_Kept] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule) if matcher.matches(s)]
            if selectors:
                kept.append(_Kept(rule, selectors))
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            if rule.content is not None and rule.lower_at_keyword in _GROUPING:
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                children = _prune_rules(inner, matcher)
                if children:
                    kept.append(_Kept(rule, children=children))
            else:
                kept.append(_Kept(rule))  # @keyframes, @font-face, @page: decided below
    # @keyframes only when a kept rule names the animation.
    keyframes = [k for k in kept if k.rule.type == "at-rule" and k.children is None]
    others = " ".join(k.css(None) for k in kept if k not in keyframes)
    return [
        k
        for k in kept
        if k not in keyframes
        or not k.rule.lower_at_keyword.endswith("keyframes")
        or re.search(rf"(?<![\w-]){re.escape(_text(k.rule.prelude).strip())}(?![\w-])", others)
    ]


_GROUPING = ("media", "supports", "container", "layer")


def _selectors(rule: Any) -> list[str]:
    """The comma-separated selectors of a style rule, each as text."""
    parts: list[list[Any]] = [[]]
    for token in rule.prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [" ".join(_text(part).split()) for part in parts if part]


def _declarations(rule: Any) -> list[Any] | None:
    """The declarations of a style rule, or None if its block holds anything else."""
    items = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    if any(item.type != "declaration" for item in items):
        return None
    return list(items)


_VAR_NAME = re.compile(r"--[\w-]+")


def _used_custom_properties(kept: Sequence[_Kept], others: Iterable[str]) -> set[str]:
    """Custom properties read by a kept declaration, by a read definition, or by `others`."""
    definitions: dict[str, list[str]] = {}
    used: set[str] = set()
    for item in _style_rules(kept):
        declarations = _declarations(item.rule)
        if declarations is None:
            used.update(_VAR_NAME.findall(_text(item.rule.content)))
            continue
        for declaration in declarations:
            value = _text(declaration.value)
            if declaration.name.startswith("--"):
                definitions.setdefault(declaration.name, []).append(value)
            else:
                used.update(_VAR_NAME.findall(value))
    for item in kept:
        if item.rule.type == "at-rule" and item.children is None:
            used.update(_VAR_NAME.findall(item.css(None)))
    for text in others:
        used.update(name for name in _VAR_NAME.findall(text) if name in definitions)
    pending = list(used)
    while pending:
        for value in definitions.get(pending.pop(), []):
            for name in _VAR_NAME.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    return used


def _style_rules(kept: Sequence[_Kept]) -> Iterable[_Kept]:
    for item in kept:
        if item.children is not None:
            yield from _style_rules(item.children)
        elif item.rule.type == "qualified-rule":
            yield item


if __name__ == "__main__":
    main(sys.argv[1:])
