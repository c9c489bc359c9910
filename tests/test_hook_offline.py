"""hooks/offline.py: a page that would contact another host, or names a CDN, fails the build."""

from __future__ import annotations

import pytest

from offline import remote_loads

OWN = "inmail-explained.github.io"


def test_a_page_of_its_own_passes() -> None:
    html = (
        f'<link rel="canonical" href="https://{OWN}/glossar/"><script src="../assets/a.js">'
        '</script><img src="abbildung-1.svg" alt="Grafik"><p>Kein fremder Host.</p>'
    )
    assert remote_loads(html, OWN) == []


@pytest.mark.parametrize("name", ["unpkg", "JsDelivr", "GOOGLEAPIS", "gstatic", "cdnJS", "MathJax"])
def test_a_cdn_named_anywhere_in_any_case_is_reported(name: str) -> None:
    problems = remote_loads(f"<p>Früher kam das von {name}.</p>", OWN)
    assert len(problems) == 1
    assert problems[0].startswith("CDN erwähnt: …<p>Früher kam das von")
    assert name in problems[0]


def test_every_load_from_another_host_is_reported() -> None:
    html = (
        '<script src="https://example.org/x.js"></script>'
        '<img srcset="//bilder.example.net/b.png 2x" alt="">'
        "<style>@import 'https://fonts.example.com/f.css';</style>"
        f'<iframe src="https://{OWN}/eingebettet/"></iframe>'
    )
    assert remote_loads(html, OWN) == [
        "https://example.org/x.js",
        "//bilder.example.net/b.png",
        "https://fonts.example.com/f.css",
    ]
