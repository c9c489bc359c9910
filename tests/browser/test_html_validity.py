"""Every page of the built site is valid HTML: the Nu HTML Checker finds no error.

The checker (npm package `vnu-jar`, pinned in package-lock.json) runs on the machine's Java over
all HTML files of the site in one call. Without Java the test is skipped with a hint; under CI
(``CI=true``) it fails instead. Markup that the checker rejects is fixed where it is written
(hooks/valid_html.py); the only message let through is listed in `ACCEPTED` with its reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA_HINT = "Java fehlt für den HTML-Check: als root `apt-get install -y default-jre-headless`."


@dataclass(frozen=True)
class Accepted:
    """A checker message that is let through: its text, where it must occur, and why."""

    message: str
    extract: tuple[str, ...]
    reason: str

    def covers(self, found: dict[str, str]) -> bool:
        """Whether the checker's message `found` is this one, at one of the named places."""
        return found.get("message", "").startswith(self.message) and any(
            place in found.get("extract", "") for place in self.extract
        )


ACCEPTED = (
    Accepted(
        message="Attribute “autocomplete” is only allowed when the input type is",
        extract=('id="__drawer" autocomplete="off"', 'id="__search" autocomplete="off"'),
        reason=(
            "Material's hidden drawer and search toggles (base.html, outside any block) carry "
            'autocomplete="off" so that Firefox does not restore them as checked after a '
            "reload, which would reopen the menu or the search. Browsers ignore it otherwise; "
            "it neither reaches assistive technology nor changes any form data."
        ),
    ),
)


def _java() -> str:
    java = shutil.which("java")
    if java:
        return java
    if os.environ.get("CI") == "true":
        pytest.fail(f"Unter CI muss der HTML-Check laufen. {JAVA_HINT}")
    pytest.skip(JAVA_HINT)


def check_site(site_dir: Path) -> list[dict[str, str]]:
    """Every message of the Nu HTML Checker for the HTML files under `site_dir`."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} fehlt: erst `npm ci` ausführen (oder `make install`)."
    command = [_java(), "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html"]
    done = subprocess.run([*command, str(site_dir)], capture_output=True, text=True, check=False)
    messages: list[dict[str, str]] = json.loads(done.stderr)["messages"]
    return messages


def test_every_page_is_valid_html(site_dir: Path) -> None:
    messages = check_site(site_dir)
    checked = {message["url"] for message in messages}
    errors = [
        message
        for message in messages
        if message["type"] != "info" and not any(rule.covers(message) for rule in ACCEPTED)
    ]
    listed = "\n".join(
        f"{Path(message['url'].removeprefix('file:')).relative_to(site_dir)}:"
        f"{message.get('lastLine', '?')}: {message['message']}"
        for message in errors
    )
    assert not errors, f"{len(errors)} Fehler im HTML:\n{listed}"
    assert checked, "Der Checker hat keine Meldung geliefert: hat er die Seiten überhaupt gelesen?"
