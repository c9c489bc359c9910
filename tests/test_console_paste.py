"""Every doc example also works when pasted line by line into the Python console.

The pages invite learners to paste examples into `python3.11`. The classic console (3.11, 3.12,
and `code.InteractiveConsole`) reads one line at a time and ends a compound statement (`for`,
`with`, `try`, `if`, `def`, `class`) only at an empty line. A block followed directly by
unindented code is a `SyntaxError` there, although the same fence runs fine as a file; an empty
line inside a function body ends the function early, and its next line is an `IndentationError`.

Each ```python fence of README.md, docs/**/*.md and the docstrings under src/ is collected as
pytest-markdown-docs collects it (with the parser of conftest.py), fed to `code.InteractiveConsole`
line by line, and must raise nothing and print exactly its `#>` lines (`check_output` of
conftest.py, the same check as for the fence run as a file).

The console also echoes the value of a bare expression (`net.add(...)` shows the member). That
is how the console works, not a broken example, so echoed values are not compared.
"""

from __future__ import annotations

import ast
import code
import contextlib
import io
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests

from conftest import check_output, pytest_markdown_docs_markdown_it
from tests.test_doc_examples_meta import PYTHON_FENCE

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Fence:
    """One ```python fence: where it is written, and its code as a learner copies it."""

    path: Path
    line: int
    source: str

    @property
    def id(self) -> str:
        """`docs/page.md:12`, the line of the fence's first code line."""
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def _fences_in(text: str, path: Path, line_offset: int) -> Iterator[Fence]:
    for test in extract_fence_tests(
        pytest_markdown_docs_markdown_it(),
        text,
        start_line_offset=line_offset,
        source_path=path,
        fence_syntax=FenceSyntax.superfences,
    ):
        # pytest-markdown-docs pads the code with one newline per line above the fence, so that
        # tracebacks name the right line; the learner copies only the fence's own lines.
        yield Fence(path, test.start_line + 1, test.source[test.start_line :])


def _docstring_fences(path: Path) -> Iterator[Fence]:
    """The fences in the docstrings of a module, its classes and functions (as `inspect.getdoc`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        docstring = ast.get_docstring(node, clean=True)
        if docstring:
            yield from _fences_in(docstring, path, node.body[0].lineno - 1)


def _all_fences() -> list[Fence]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    fences = [fence for page in pages for fence in _fences_in(page.read_text("utf-8"), page, 0)]
    for module in sorted((ROOT / "src").rglob("*.py")):
        fences.extend(_docstring_fences(module))
    return fences


FENCES = _all_fences()


class PastingConsole(code.InteractiveConsole):
    """The console a learner pastes into; it records tracebacks instead of writing them."""

    def __init__(self) -> None:
        super().__init__(locals={"__name__": "__console__", "__doc__": None})
        self.errors: list[str] = []

    def showsyntaxerror(self, filename: str | None = None, **kwargs: object) -> None:
        """Record a `SyntaxError` (or `IndentationError`) of the pasted lines."""
        error = sys.exc_info()[1]
        assert error is not None
        self.errors.append("".join(traceback.format_exception_only(error)).rstrip())

    def showtraceback(self) -> None:
        """Record an exception raised while a pasted statement ran."""
        error = sys.exc_info()[1]
        assert error is not None
        self.errors.append("".join(traceback.format_exception(error)).rstrip())


@dataclass(frozen=True)
class Pasted:
    """What the console showed: printed text, and the errors it reported."""

    printed: str
    errors: list[str]


def paste(source: str) -> Pasted:
    """Feed `source` to a fresh console one line at a time, as pasting into `python3.11` does.

    After the last line, an open block is ended with one empty line (the learner presses Enter).
    """
    console = PastingConsole()
    printed = io.StringIO()
    displayhook = sys.displayhook
    sys.displayhook = lambda value: None  # echoed expression values are not printed output
    try:
        with contextlib.redirect_stdout(printed):
            more = False
            for line in source.splitlines():
                more = console.push(line)
            if more:
                console.push("")
    finally:
        sys.displayhook = displayhook
    return Pasted(printed.getvalue(), console.errors)


@pytest.mark.parametrize("fence", FENCES, ids=[fence.id for fence in FENCES])
def test_example_pastes_into_the_console(fence: Fence) -> None:
    """The fence, pasted line by line, raises nothing and prints exactly its `#>` lines."""
    pasted = paste(fence.source)
    assert not pasted.errors, (
        f"{fence.id}: pasted into the console, the example fails (a block needs an empty line "
        "after it, and none inside it):\n" + "\n\n".join(pasted.errors)
    )
    check_output(fence.source, pasted.printed)


def test_every_fence_is_pasted() -> None:
    """The paste test sees as many ```python fences per file as are written."""
    sources = [
        ROOT / "README.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "src").rglob("*.py"),
    ]
    written = Counter(
        {
            path.relative_to(ROOT).as_posix(): len(PYTHON_FENCE.findall(path.read_text("utf-8")))
            for path in sources
        }
    )
    pasted = Counter(fence.path.relative_to(ROOT).as_posix() for fence in FENCES)
    assert +pasted == +written


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("for i in range(2):\n    print(i)\nprint('fertig')", "SyntaxError"),
        ("def f():\n    x = 1\n\n    return x\n", "IndentationError"),
        ("assert 1 == 2", "AssertionError"),
    ],
    ids=["block-without-empty-line", "empty-line-in-function", "failing-assert"],
)
def test_paste_reports_what_the_console_rejects(source: str, error: str) -> None:
    """The console helper really sees the mistakes it is there to catch."""
    assert any(error in text for text in paste(source).errors)


def test_paste_runs_a_block_ended_by_an_empty_line() -> None:
    """With an empty line after the block, the same lines paste and print as in a file."""
    source = "for i in range(2):\n    print(i)\n#> 0\n#> 1\n\nprint('fertig')\n#> fertig\n"
    pasted = paste(source)
    assert pasted.errors == []
    check_output(source, pasted.printed)
