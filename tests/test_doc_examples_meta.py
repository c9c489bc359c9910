"""Checks on the doc examples themselves, not on the library.

Every page under docs/ runs at least one ```python example, every fence written is a fence run
(none hidden by indentation or `notest`), and the output check of conftest.py really fails on a
wrong `#>` line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pytest_markdown_docs.definitions import FenceTestDefinition
from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# Pages that may go without an executed example, each with its reason. Keep this short.
EXEMPT_PAGES: dict[str, str] = {}

NOTEST_FENCE = re.compile(r"^\s*(`{3,}|~{3,}).*\bnotest\b", re.MULTILINE)
PYTHON_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(\{\s*\.)?(python3?|py)\b", re.MULTILINE)


def _markdown_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _page_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _collected_fences(page: Path, config: pytest.Config) -> list[FenceTestDefinition]:
    """The fences of `page` that pytest-markdown-docs turns into tests, with this repo's parser."""
    return list(
        extract_fence_tests(
            config.hook.pytest_markdown_docs_markdown_it(),
            page.read_text(encoding="utf-8"),
            start_line_offset=0,
            source_path=page,
            fence_syntax=FenceSyntax.superfences,
        )
    )


@pytest.mark.parametrize("page", _markdown_pages(), ids=_page_id)
def test_every_page_runs_an_example(page: Path, pytestconfig: pytest.Config) -> None:
    """Every docs page holds at least one ```python fence that pytest collects and runs."""
    name = page.relative_to(DOCS).as_posix()
    if name in EXEMPT_PAGES:
        pytest.skip(f"exempt: {EXEMPT_PAGES[name]}")
    assert _collected_fences(page, pytestconfig), f"{name} has no executed ```python example"


@pytest.mark.parametrize("page", [*_markdown_pages(), ROOT / "README.md"], ids=_page_id)
def test_no_example_is_hidden_from_pytest(page: Path, pytestconfig: pytest.Config) -> None:
    """Every ```python fence on a page runs: none is indented under `!!!` or `===`."""
    written = len(PYTHON_FENCE.findall(page.read_text(encoding="utf-8")))
    collected = len(_collected_fences(page, pytestconfig))
    assert collected == written, (
        f"{_page_id(page)}: {written} ```python fences, but only {collected} run as tests. "
        "Fences indented under `!!!` admonitions or `===` tabs are invisible to pytest; "
        "use the block syntax (`/// note` … `///`, `/// tab | Titel` … `///`)."
    )


def test_exempt_pages_exist() -> None:
    """An exemption names a page that exists, so the list cannot go stale."""
    missing = [name for name in EXEMPT_PAGES if not (DOCS / name).is_file()]
    assert not missing, f"exempt pages that do not exist: {missing}"


def test_no_example_is_switched_off() -> None:
    """No fence in the docs, the README or a docstring carries `notest`."""
    sources = [*DOCS.rglob("*.md"), ROOT / "README.md", *(ROOT / "src").rglob("*.py")]
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in sources
        for match in NOTEST_FENCE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "fences with `notest`:\n" + "\n".join(offenders)


def test_every_docstring_example_is_collected() -> None:
    """Each ```python fence in a docstring under src/ becomes a test; none is silently skipped."""
    written = Counter(
        {
            path.relative_to(ROOT).as_posix(): len(PYTHON_FENCE.findall(path.read_text("utf-8")))
            for path in (ROOT / "src").rglob("*.py")
        }
    )
    collection = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "--no-cov",
            "-p",
            "no:cacheprovider",
            "src",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert collection.returncode in (0, 5), collection.stdout + collection.stderr
    collected = Counter(
        line.split("::", 1)[0] for line in collection.stdout.splitlines() if "::" in line
    )
    assert +collected == +written, (
        f"```python fences per file: {dict(+written)}\ncollected as tests: {dict(+collected)}"
    )


PROBE_PAGE = """\
# Probe

```python
print("richtig")
#> richtig
```

```python
print("falsch")
#> anders
```

```python
print("ohne Erwartung")
```

```python
zahl = 1
#> fehlt
```

/// tab | Im Tab
```python
print("im Tab")
#> im Tab
```
///

/// admonition | Hinweis
    type: note

```{.python}
for i in range(2):
    print(i)
    #> 0
    #> 1
```
///

```python
text = "#> ein String, kein Kommentar"
assert text.startswith("#>")
```
"""


def test_output_check_fails_on_wrong_output(pytester: pytest.Pytester) -> None:
    """A wrong, missing or surplus `#>` line fails; fences in `///` blocks are collected."""
    pytester.makeconftest((ROOT / "conftest.py").read_text(encoding="utf-8"))
    pytester.makefile(".md", probe=PROBE_PAGE)

    result = pytester.runpytest_subprocess(
        "--markdown-docs", "--markdown-docs-syntax=superfences", "-p", "no:cacheprovider"
    )

    result.assert_outcomes(passed=4, failed=3)
    result.stdout.fnmatch_lines(
        [
            "*probe.md:8: printed output differs from the `#>` lines:",
            "-anders",
            "+falsch",
            "*probe.md:13: the example prints, but has no `#>` lines*",
            "#> ohne Erwartung",
            "*probe.md:17: printed output differs*",
            "-fehlt",
        ]
    )
