"""The search index in UTF-8: the theme's own JSON, with Korean written as Korean."""

from __future__ import annotations

import json
import os

import mkdocs_search
from mkdocs.config import load_config

from conftest import ROOT

ENTRIES = [{"location": "events/coi-report/", "title": "유엔 북한인권조사위원회 보고서",
            "text": "<p>반인도범죄 \\u2014 “quotes” &amp; 2014년 2월 17일</p>"},
           {"location": "about/", "title": "About", "text": ""}]


def _configured(path):
    """An edition's configuration after the `config` event: the theme's search plugin has made
    its index, and the hook has run."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(str(path))
        return config.plugins.on_config(config)
    finally:
        os.chdir(old)


def _search(config):
    return next(p for p in config.plugins.values() if hasattr(p, "search_index"))


def test_the_hook_has_the_theme_write_the_same_index_in_utf8():
    for path in (ROOT / "mkdocs.yml", ROOT / "ko" / "mkdocs.yml"):
        index = _search(_configured(path)).search_index
        index.entries = [dict(entry) for entry in ENTRIES]
        written = index.generate_search_index(None)
        themes_own = type(index).generate_search_index(index, None)
        assert json.loads(written) == json.loads(themes_own)
        assert "북한인권조사위원회" in written and "북한인권조사위원회" not in themes_own
        assert len(written.encode("utf-8")) < len(themes_own.encode("utf-8"))


def test_a_dirty_reload_keeps_the_themes_own_merge():
    index = _search(_configured(ROOT / "ko" / "mkdocs.yml")).search_index
    previous = type(index)(**{"lang": ["ko"]})
    previous.entries = [dict(ENTRIES[1])]
    index.entries = [dict(ENTRIES[0])]
    assert json.loads(index.generate_search_index(previous))["docs"] == [ENTRIES[1], ENTRIES[0]]


def test_it_leaves_a_plugin_it_does_not_know_alone():
    class Other:
        config = {"lang": ["en"]}

    assert mkdocs_search.in_utf8({"other": Other()}) is False
