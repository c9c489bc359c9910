"""hooks/mkdocstrings_css.py: mkdocstrings' style sheet is taken off the list for every page."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import mkdocstrings_css


def config_with(extra_css: list[str]) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "extra_css": extra_css})
    return config


def test_style_sheet_leaves_extra_css_and_the_others_stay() -> None:
    config = config_with([mkdocstrings_css.STYLE_SHEET, "assets/stylesheets/extra.css"])
    returned = mkdocstrings_css.on_config(config)
    assert returned.extra_css == ["assets/stylesheets/extra.css"]


def test_build_stops_when_mkdocstrings_added_no_such_sheet() -> None:
    config = config_with(["assets/stylesheets/extra.css"])
    with pytest.raises(PluginError, match="mkdocstrings"):
        mkdocstrings_css.on_config(config)
    assert config.extra_css == ["assets/stylesheets/extra.css"]
