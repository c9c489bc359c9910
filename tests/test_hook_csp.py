"""hooks/csp.py: which inline scripts a page's policy allows, and where the policy goes."""

from __future__ import annotations

import base64
import hashlib

import pytest
from mkdocs.exceptions import PluginError

import csp

HEAD_SCRIPT = '__md_scope=new URL("..",location)'
BODY_SCRIPT = 'var palette=__md_get("__palette")'
PAGE = (
    f'<html><head><meta charset="utf-8"><script>{HEAD_SCRIPT}</script></head>'
    f'<body><script>{BODY_SCRIPT}</script><script src="x.js"></script>'
    '<script type="application/json">{"a": 1}</script></body></html>'
)


def sha256(code: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'"


def test_every_inline_script_is_hashed_but_not_files_or_data() -> None:
    assert csp.script_hashes(PAGE) == {sha256(HEAD_SCRIPT), sha256(BODY_SCRIPT)}


def test_only_body_scripts_are_shared_with_other_pages() -> None:
    """Another page's <head> never runs in this document; its <body> may, via instant navigation."""
    assert csp.body_script_hashes(PAGE) == {sha256(BODY_SCRIPT)}


def test_policy_allows_only_the_site_and_the_given_hashes() -> None:
    policy = csp.content_security_policy({sha256(BODY_SCRIPT)})
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == f"'self' {sha256(BODY_SCRIPT)}"
    assert directives["object-src"] == "'none'"
    assert "unsafe-eval" not in policy
    assert "unsafe-inline" not in directives["script-src"]


def test_policy_goes_right_after_the_charset_once() -> None:
    html = csp.with_policy(PAGE, "default-src 'self'", "index.html")
    assert html.startswith(
        '<html><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    )
    with pytest.raises(PluginError, match="schon"):
        csp.with_policy(html, "default-src 'self'", "index.html")
    with pytest.raises(PluginError, match="charset"):
        csp.with_policy("<html><head></head></html>", "default-src 'self'", "x.html")
