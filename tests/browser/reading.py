"""What a reader reads in a tool: its visible text, checked for tokens that leak from code.

A tool's ``inner_text`` (the code example below it is outside the frame, where ``None`` is Python)
must not show ``null``, ``undefined``, ``NaN``, ``None`` or ``[object Object]`` in any state.
"""

from __future__ import annotations

import re
from typing import Any

BAD_TOKENS = re.compile(r"null|undefined|NaN|None|\[object Object\]")


class Reader:
    """Reads a tool's visible text after each step and remembers every bad token it met."""

    def __init__(self, page: Any, name: str) -> None:
        self.frame = page.locator(f"[data-werkzeug-rahmen='{name}']")
        self.states = 0
        self.found: list[tuple[str, str]] = []

    def read(self, state: str) -> str:
        text: str = self.frame.inner_text()
        self.found += [(state, hit) for hit in BAD_TOKENS.findall(text)]
        self.states += 1
        return text
