"""hooks/abkuerzungen.py: the glossary's abbreviations, read once, for every page and docstring."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown import Markdown  # type: ignore[import-untyped]  # no type information installed
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import abkuerzungen
from devtools import ROOT


def config_with(extensions: list[str], folder: Path) -> MkDocsConfig:
    """A loaded config whose file sits in `folder` (the hook reads includes/ beside it)."""
    (folder / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(folder / "mkdocs.yml"))
    config.load_dict({"site_name": "Probe", "markdown_extensions": extensions})
    errors, warnings = config.validate()
    assert errors == []
    assert warnings == []
    return config


def write_glossary(folder: Path, text: str) -> None:
    path = folder / abkuerzungen.ABBREVIATIONS
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")


def test_every_line_of_the_projects_file_is_a_definition() -> None:
    lines = (ROOT / abkuerzungen.ABBREVIATIONS).read_text(encoding="utf-8").splitlines()
    glossary = abkuerzungen.read_glossary(ROOT / abkuerzungen.ABBREVIATIONS)
    assert len(glossary) == len([line for line in lines if line.strip()]) > 0
    assert glossary["InMail"].startswith("Bezahlte Nachricht")


def test_the_glossary_marks_terms_in_markdown(tmp_path: Path) -> None:
    write_glossary(tmp_path, "*[InMail]: Bezahlte Nachricht\n\n*[OpenLink]:   Premium-Funktion \n")
    config = abkuerzungen.on_config(config_with(["abbr"], tmp_path))
    assert config.mdx_configs["abbr"]["glossary"] == {
        "InMail": "Bezahlte Nachricht",
        "OpenLink": "Premium-Funktion",
    }
    markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    html = markdown.convert("Eine InMail, kein OpenLink, keine InMails.")
    assert html == (
        '<p>Eine <abbr title="Bezahlte Nachricht">InMail</abbr>, kein '
        '<abbr title="Premium-Funktion">OpenLink</abbr>, keine InMails.</p>'
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("*[InMail]: Bezahlte Nachricht\nInMail: ohne Stern\n", 2),
        ("*[InMail]:\n", 1),
        ("\n*[InMail] Bezahlte Nachricht\n", 2),
    ],
)
def test_a_line_in_another_form_stops_the_build_and_says_how_to_write_it(
    tmp_path: Path, text: str, line: int
) -> None:
    write_glossary(tmp_path, text)
    config = config_with(["abbr"], tmp_path)
    with pytest.raises(PluginError, match=rf"abkuerzungen\.md:{line}: .*\*\[Begriff\]: kurze"):
        abkuerzungen.on_config(config)
    assert "abbr" not in config.mdx_configs, "a refused glossary changes nothing"


def test_a_term_explained_twice_stops_the_build(tmp_path: Path) -> None:
    write_glossary(tmp_path, "*[InMail]: eins\n*[InMail]: zwei\n")
    with pytest.raises(PluginError, match=r":2: „InMail“ ist schon erklärt"):
        abkuerzungen.on_config(config_with(["abbr"], tmp_path))


def test_without_the_abbr_extension_the_build_stops(tmp_path: Path) -> None:
    write_glossary(tmp_path, "*[InMail]: Bezahlte Nachricht\n")
    with pytest.raises(PluginError, match="abbr"):
        abkuerzungen.on_config(config_with(["tables"], tmp_path))
