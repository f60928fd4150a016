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
    """An edition's configuration as the hook finds it before a build: the theme's search
    plugin has read its settings and made its index; `in_utf8` has been called, as the hook's
    `pre_build` does (the whole site's builds, in test_editions, read what it writes)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(str(path))
        config = config.plugins.on_config(config)
        assert mkdocs_search.in_utf8(config.plugins)
        return config
    finally:
        os.chdir(old)


def _search(config):
    return next(p for p in config.plugins.values() if hasattr(p, "search_index"))


def _write(config, site):
    """The search plugin's end of a build, as MkDocs runs it after the hook is configured,
    writing into `site`."""
    handlers = config.plugins.events["post_build"]
    assert _search(config).on_post_build not in handlers  # it would write the index again
    handler = next(h for h in handlers if h.__module__ == "mkdocs_search")
    config.site_dir = str(site)
    handler(config=config)
    return (site / "search" / "search_index.json").read_text("utf-8")


def test_the_hook_has_the_theme_write_the_same_index_in_utf8(tmp_path):
    for path in (ROOT / "mkdocs.yml", ROOT / "ko" / "mkdocs.yml"):
        config = _configured(path)
        index = _search(config).search_index
        index.entries = [dict(entry) for entry in ENTRIES]
        written = _write(config, tmp_path / path.parent.name)
        themes_own = type(index).generate_search_index(index, None)
        assert json.loads(written) == json.loads(themes_own)
        assert written == json.dumps(json.loads(themes_own), separators=(",", ":"), ensure_ascii=False)
        assert "북한인권조사위원회" in written and "북한인권조사위원회" not in themes_own
        assert len(written.encode("utf-8")) < len(themes_own.encode("utf-8"))


def test_an_empty_index_is_still_the_themes_json(tmp_path):
    config = _configured(ROOT / "mkdocs.yml")
    index = _search(config).search_index
    index.entries = []
    assert json.loads(_write(config, tmp_path)) == json.loads(type(index).generate_search_index(index, None))


def test_a_dirty_reload_keeps_the_themes_own_merge(tmp_path):
    config = _configured(ROOT / "ko" / "mkdocs.yml")
    plugin = _search(config)
    previous = type(plugin.search_index)(**{"lang": ["ko"]})
    previous.entries = [dict(ENTRIES[1])]
    plugin.search_index_prev = previous
    plugin.search_index.entries = [dict(ENTRIES[0])]
    assert json.loads(_write(config, tmp_path))["docs"] == [ENTRIES[1], ENTRIES[0]]


def test_it_leaves_a_plugin_it_does_not_know_alone():
    class Other:
        config = {"lang": ["en"]}

        def on_post_build(self, *, config):
            pass

    class Plugins(dict):
        events = {"post_build": []}

    other = Other()
    plugins = Plugins(other=other)
    plugins.events["post_build"].append(other.on_post_build)
    assert mkdocs_search.in_utf8(plugins) is False
    assert plugins.events["post_build"] == [other.on_post_build]
