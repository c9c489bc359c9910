"""Repository-wide pytest setup: what is collected, and how doc examples check their output.

Doc examples are the ```python fences in README.md, docs/**/*.md and the docstrings under src/,
collected by pytest-markdown-docs (`--markdown-docs`, see pyproject.toml). That plugin runs a
fence but ignores what it prints. Here its default runner is replaced by one that also compares
the printed output with the fence's `#>` comment lines (the convention of pydantic's docs):

    print(1 + 1)
    #> 2

Every fence is checked, with no per-fence option: printed lines without `#>` lines fail, and so do
`#>` lines that the fence does not print.

Coverage (pytest-cov, `--cov=inmail_explained` with branches) measures what the library's tests
run of it: not the collection (`pytest_collection`), not the browser tests
(`pytest_collection_modifyitems`). In a pytest-xdist worker, one measurement runs, not two
(`pytest_sessionstart`).

Docstrings follow the Google style, so an example sits indented under an `Example:` heading. Plain
CommonMark reads that as paragraph text, not as a fence; the parser below un-indents such section
bodies first, so those examples run too.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import io
import pkgutil
import re
import tokenize
from collections.abc import Generator, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pytest_markdown_docs._runners import DefaultRunner, register_runner
from pytest_markdown_docs.definitions import FenceTestDefinition
from pytest_markdown_docs.plugin import MarkdownDocstringCodeModule

pytest_plugins = ["pytester"]  # tests/test_doc_examples_meta.py runs pytest on a probe page

# Jupytext notebooks (docs/praxis/*.py) are executed at build time (hooks/notebook_run.py).
# Without this, pytest-markdown-docs would import them at collection like any other .py file.
collect_ignore_glob = ["docs/praxis/*.py"]

OUTPUT_PREFIX = "#>"
LIBRARY = "inmail_explained"
BROWSER_TESTS = Path(__file__).parent / "tests" / "browser"
NOTEBOOK_HOOK_TESTS = Path(__file__).parent / "tests" / "test_hook_notebooks.py"
"""Tests of hooks/notebook_run.py: the notebooks run in kernels, nbconvert renders them here."""
SOURCES = Path(__file__).parent / "src"
"""The only Python files whose docstrings hold doc examples."""

_EXAMPLE_SECTION = re.compile(r"^(?P<indent>[ ]*)(?:Examples?|Beispiele?):[ ]*$")


def unindent_example_sections(text: str) -> str:
    """Move the body of Google-style `Example:` sections to the heading's indentation.

    The number of lines stays the same, so reported line numbers stay right.
    """
    lines = text.split("\n")
    result: list[str] = []
    body_indent: int | None = None
    heading_indent = 0
    for line in lines:
        if body_indent is not None:
            indent = len(line) - len(line.lstrip(" "))
            if not line.strip():
                result.append(line)
                continue
            if body_indent == -1 and indent > heading_indent:
                body_indent = indent
            if body_indent > heading_indent and indent >= body_indent:
                result.append(" " * heading_indent + line[body_indent:])
                continue
            body_indent = None
        heading = _EXAMPLE_SECTION.match(line)
        if heading:
            heading_indent = len(heading["indent"])
            body_indent = -1
        result.append(line)
    return "\n".join(result)


class DocstringAwareMarkdownIt(MarkdownIt):
    """CommonMark, with the bodies of `Example:` sections read as top-level markdown."""

    def parse(self, src: str, env: Any = None) -> list[Token]:
        """Parse `src` after `unindent_example_sections`."""
        return super().parse(unindent_example_sections(src), env)


def pytest_markdown_docs_markdown_it() -> MarkdownIt:
    """Give pytest-markdown-docs the parser above (the hook takes the first result).

    One parser for the whole collection: pytest-markdown-docs asks for one per docstring (about
    1,100 per process), and building one costs more than parsing a docstring with it.
    """
    return _markdown_parser()


@cache
def _markdown_parser() -> MarkdownIt:
    return DocstringAwareMarkdownIt("commonmark")


def expected_output(source: str) -> list[str]:
    """Return the text of a fence's `#>` comment lines, in order, without the prefix.

    Only real comments count (found with `tokenize`), so a `#>` inside a string is not output.
    One space after the prefix is part of the prefix: `#> 2` expects the line `2`.
    """
    lines: list[str] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and token.string.startswith(OUTPUT_PREFIX):
            text = token.string.removeprefix(OUTPUT_PREFIX)
            lines.append(text.removeprefix(" ").rstrip())
    return lines


class OutputMismatchError(AssertionError):
    """A doc example printed something other than its `#>` lines say."""


def check_output(source: str, printed: str) -> None:
    """Raise `OutputMismatchError` unless `printed` matches the `#>` lines of `source`.

    Lines are compared without trailing whitespace; a trailing newline does not count.
    """
    expected = expected_output(source)
    actual = [line.rstrip() for line in printed.splitlines()]
    if expected == actual:
        return
    if not expected:
        raise OutputMismatchError(
            "the example prints, but has no `#>` lines; add them after the print call:\n"
            + "\n".join(f"#> {line}".rstrip() for line in actual)
        )
    diff = difflib.unified_diff(
        expected, actual, fromfile="expected (#> lines)", tofile="printed", lineterm=""
    )
    raise OutputMismatchError("printed output differs from the `#>` lines:\n" + "\n".join(diff))


@register_runner(default=True)
class OutputCheckingRunner(DefaultRunner):
    """Run a fence like pytest-markdown-docs does, then check its stdout against `#>` lines."""

    def runtest(
        self, test: FenceTestDefinition, args: dict[str, Any], *, asyncio_runner: Any = None
    ) -> None:
        """Execute the fence with stdout captured, then compare (see `check_output`)."""
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                super().runtest(test, args, asyncio_runner=asyncio_runner)
        except Exception as error:
            if printed.getvalue():
                error.add_note(f"printed before the error:\n{printed.getvalue().rstrip()}")
            raise
        check_output(test.source, printed.getvalue())

    def repr_failure(
        self,
        test: FenceTestDefinition,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        """Show an output mismatch as a diff; other failures as pytest-markdown-docs does."""
        if isinstance(excinfo.value, OutputMismatchError):
            return f"{test.source_path}:{test.start_line}: {excinfo.value}"
        report: str = super().repr_failure(test, excinfo, style)
        return report


def coverage_controller(config: pytest.Config) -> Any | None:
    """pytest-cov's controller in this process, or None when coverage is off (`--no-cov`)."""
    plugin = config.pluginmanager.get_plugin("_cov")
    return getattr(plugin, "cov_controller", None)


@contextlib.contextmanager
def coverage_paused(controller: Any) -> Iterator[None]:
    """pytest-cov's measurement (`coverage_controller`) paused for the ``with`` block."""
    controller.pause()
    try:
        yield
    finally:
        controller.resume()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """In a pytest-xdist worker, stop the measurement that pytest-cov started for the main process.

    pytest-cov reads the worker's options as the main process's (`-n` is among them) and starts a
    measurement for the main process in each worker too, before the worker's own. Its tracer lay
    underneath the worker's: whenever the worker's measurement was paused (the collection, every
    `no_cover` test), that one took over and traced every line again, for nothing (its data is
    never saved). This runs before pytest-cov's own `pytest_sessionstart`, which replaces it with
    the worker's measurement. tests/browser/test_untraced.py checks the outcome.
    """
    controller = coverage_controller(session.config)
    if controller is not None and hasattr(session.config, "workerinput"):
        controller.cov.stop()


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    """Collect with coverage paused, after importing every library module under coverage.

    Collection parses every Markdown page and docstring (pure Python): coverage's tracer, which
    sees every line of every module, made that three times slower, in each pytest-xdist worker
    (about 8 s). Importing the library first keeps its module-level lines (definitions,
    constants) measured, as they were when collection imported it.
    """
    controller = coverage_controller(session.config)
    if controller is None or not controller.started:
        return (yield)
    library = importlib.import_module(LIBRARY)
    for module in pkgutil.walk_packages(library.__path__, prefix=f"{LIBRARY}."):
        importlib.import_module(module.name)
    with coverage_paused(controller):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Set up a `no_cover` test's fixtures untraced too; pytest-cov pauses only around the call.

    Their fixtures serve only them (the browser, its windows, the loaded mkdocs.yml with every
    plugin): no fixture that a measured test uses is set up here first.
    """
    return (yield from _untraced(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Tear a `no_cover` test's fixtures down untraced (see `pytest_runtest_setup`)."""
    return (yield from _untraced(item))


def _untraced(item: pytest.Item) -> Iterator[None]:
    """Run a hook's inner part with coverage paused if `item` is marked `no_cover`."""
    controller = coverage_controller(item.config)
    if controller is None or not controller.started or not item.get_closest_marker("no_cover"):
        return (yield)
    with coverage_paused(controller):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(
    file_path: Path,
) -> Generator[None, list[pytest.Collector], list[pytest.Collector]]:
    """Read docstrings for examples under src/ only, not in every test module.

    pytest-markdown-docs would look for fences in every docstring of every ``.py`` file pytest
    collects, the test modules too, which hold none: about half a second per pytest process.
    """
    collectors: list[pytest.Collector] = yield
    if file_path.suffix != ".py" or SOURCES in file_path.parents:
        return collectors
    return [c for c in collectors if not isinstance(c, MarkdownDocstringCodeModule)]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the browser tests and the notebook hook's tests `no_cover` (coverage pauses for them).

    The browser tests check the built site in Chromium; the library's code they call only works
    out the answers the pages must show, which the library's own tests cover. The notebook hook's
    tests run the library only in Jupyter kernels, other processes that coverage never saw; here
    they run nbconvert and mkdocs-jupyter, which the tracer slowed down threefold (about 5 s). With
    ``--no-cov`` there is nothing to pause, and pytest-cov would fail on the mark.
    """
    if coverage_controller(config) is None:
        return
    for item in items:
        if BROWSER_TESTS in item.path.parents or item.path == NOTEBOOK_HOOK_TESTS:
            item.add_marker(pytest.mark.no_cover)
