"""What MkDocs needs beyond the generator, as plain functions: fast tests of each (the real
`mkdocs serve --dirty` runs in test_serve.py)."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

import jinja2
import mkdocs_dirty as dirty
import mkdocs_support as support
import mkdocs_watch
import pytest

from conftest import FIXTURE_DATA, copy_project


def _entry(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_merge_keeps_earlier_entries_of_pages_not_rebuilt_and_drops_deleted_pages():
    earlier = {"": [_entry("")], "a/": [_entry("a/"), _entry("a/#x")], "gone/": [_entry("gone/")]}
    index = {"config": {}, "docs": [_entry("a/", "new")]}
    merged = dirty.merge_search_index(index, earlier, rebuilt={"a/"}, pages={"", "a/"})
    assert merged == {"": [_entry("")], "a/": [_entry("a/", "new")]}
    assert index["docs"] == [_entry(""), _entry("a/", "new")]


def test_merge_empties_a_rebuilt_page_that_lost_its_entries():
    merged = dirty.merge_search_index({"docs": []}, {"a/": [_entry("a/")]}, {"a/"}, {"a/"})
    assert merged == {"a/": []}


def test_remove_stale_deletes_only_outputs_of_sources_gone(tmp_path: Path):
    for rel in ("keep/index.html", "gone/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text("x")
    gone = dirty.remove_stale(tmp_path, {"keep/index.html", "gone/index.html"}, {"keep/index.html"})
    assert gone == ["gone/index.html"]
    assert (tmp_path / "keep/index.html").is_file() and not (tmp_path / "gone/index.html").exists()


def test_site_wide_digest_follows_config_overrides_and_glossary(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    (tmp_path / "docs" / "includes").mkdir(parents=True)
    glossary = tmp_path / "docs" / "includes" / "abbreviations.md"
    glossary.write_text("*[UN]: United Nations\n")
    first = dirty.site_wide_digest(tmp_path, config)
    assert dirty.site_wide_digest(tmp_path, config) == first
    glossary.write_text("*[UN]: the United Nations\n")
    second = dirty.site_wide_digest(tmp_path, config)
    config.write_text("site_name: y\n")
    assert len({first, second, dirty.site_wide_digest(tmp_path, config)}) == 3


def test_dirty_builds_empty_the_site_after_a_site_wide_change(tmp_path: Path):
    root, site = tmp_path, tmp_path / "site"
    (root / "mkdocs.yml").write_text("site_name: x\n")
    (site / "page").mkdir(parents=True)
    (site / "page" / "index.html").write_text("x")
    builds = dirty.DirtyBuilds()
    assert not builds.before(root, site, root / "mkdocs.yml")
    assert (site / "page" / "index.html").is_file()
    (root / "mkdocs.yml").write_text("site_name: y\n")
    assert builds.before(root, site, root / "mkdocs.yml")
    assert list(site.iterdir()) == []


def test_dirty_builds_write_the_merged_index(tmp_path: Path):
    index_path = tmp_path / "search" / "search_index.json"
    index_path.parent.mkdir()
    index_path.write_text(json.dumps({"docs": [_entry("a/")]}))
    builds = dirty.DirtyBuilds()
    builds.search, builds.pages, builds.rebuilt = {"b/": [_entry("b/")]}, {"a/", "b/"}, {"a/"}
    assert builds.after(tmp_path)
    assert {e["location"] for e in json.loads(index_path.read_text())["docs"]} == {"a/", "b/"}
    assert not builds.after(tmp_path / "elsewhere")


def test_held_pages_give_back_the_same_html_once():
    held = support.HeldPages()
    held.hold("a.md", "<p>한국어 & more</p>" * 100)
    held.hold("b.md", "<p>b</p>")
    assert held.release("a.md") == "<p>한국어 & more</p>" * 100
    assert held.release("a.md") is None
    held.hold("c.md", "<p>c</p>")  # held after a release: nothing held before is overwritten
    assert (held.release("c.md"), held.release("b.md")) == ("<p>c</p>", "<p>b</p>")
    held.hold("d.md", "<p>d</p>")
    held.clear()  # the build is over: what it held is gone, and so is the file
    assert held.release("d.md") is None
    held.hold("e.md", "<p>e</p>")  # the next build
    assert held.release("e.md") == "<p>e</p>"
    held.clear()


def test_the_dirty_warning_is_dropped_and_nothing_else():
    keep = dirty.DirtyWarning().filter
    warning = "A 'dirty' build is being performed"
    assert not keep(logging.LogRecord("mkdocs", logging.WARNING, "", 0, warning, (), None))
    assert keep(logging.LogRecord("mkdocs", logging.WARNING, "", 0, "Doc file has a broken link", (), None))


def test_a_session_renders_afresh_after_a_code_change_and_reports_data_problems(tmp_path: Path, monkeypatch):
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "data" / "ko")  # translations of the real data, not of the fixture
    shutil.copytree(FIXTURE_DATA, root / "data", dirs_exist_ok=True)
    monkeypatch.setattr(support, "PACKAGE", root / "scripts" / "timeline")
    for name in [n for n in sys.modules if n.split(".")[0] == "timeline"]:  # put back afterwards
        monkeypatch.setitem(sys.modules, name, sys.modules[name])
    session = support.Session()
    assert "written" in support.generate(root, session)
    first_memo = session.memo
    assert "up to date" in support.generate(root, session)
    assert session.memo is first_memo
    (root / "scripts" / "timeline" / "templates" / "tags.md.j2").write_text("changed\n")
    support.generate(root, session)
    assert session.memo is not first_memo
    events = root / "data" / "events.yaml"
    events.write_text(events.read_text().replace("date: 2013-03-21", "date: 2013-02-30", 1))
    with pytest.raises(support.Refused) as refused:
        support.generate(root, session)
    assert refused.value.problems and refused.value.problems[0].startswith("data/events.yaml:")


def test_under_serve_the_themes_templates_are_compiled_once_until_they_change(tmp_path):
    (tmp_path / "t.html").write_text("{{ 1 + 1 }}")

    class Theme:
        dirs = [str(tmp_path)]

        def get_env(self):
            return jinja2.Environment(loader=jinja2.FileSystemLoader(self.dirs))

    def compiles(env) -> list:
        made, compile_ = [], env.compile
        env.compile = lambda *args, **kwargs: made.append(args) or compile_(*args, **kwargs)
        return made

    theme = Theme()
    support.ThemeFiles().keep(theme)
    first = theme.get_env()
    assert first.get_template("t.html").render() == "2"
    second = theme.get_env()  # a later build of the session, or the search plugin's own
    made = compiles(second)
    assert second.get_template("t.html").render() == "2" and made == []
    (tmp_path / "t.html").write_text("{{ 2 + 2 }}")
    third = theme.get_env()
    made = compiles(third)
    assert third.get_template("t.html").render() == "4" and len(made) == 1


def test_serve_watches_what_is_written_by_hand_and_not_the_generated_pages(tmp_path: Path):
    docs = tmp_path / "docs"
    assert mkdocs_watch.watched(docs) == [docs]  # nothing generated yet: all of it
    generated = ["index.md", "events/a.md", "events/b.md", "ko/index.md", "ko/events/a.md",
                 "data/events.json"]
    hand = ["about.md", "robots.txt", "ko/about.md", "assets/x.css", "assets/images/y.svg",
            "overrides/main.html"]
    for rel in [*generated, *hand, ".generated-stamp"]:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(rel)
    (docs / ".generated-pages").write_text("".join(f"{rel}\n" for rel in generated))
    assert mkdocs_watch.watched(docs) == [docs / "assets", docs / "overrides", docs / "about.md",
                                     docs / "robots.txt", docs / "ko" / "about.md"]


def test_serve_looks_at_the_data_often_and_at_the_rest_at_its_own_pace(tmp_path: Path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        (tmp_path / "data").mkdir()
        (tmp_path / "docs").mkdir()
        mkdocs_watch.watch_often(server, [tmp_path / "data"])
        server.watch(str(tmp_path / "docs"))
        intervals = {Path(e.watch.path).name: e.timeout for e in server.observer.emitters}
        assert intervals == {"data": 0.1, "docs": server.observer.timeout}
        assert server.observer.timeout > 0.1
    finally:
        server.server_close()


class _Server:
    """What a serve session is told to watch (MkDocs' LiveReloadServer: watch, unwatch)."""

    def __init__(self, *watched: Path):
        self.watched = {str(p) for p in watched}

    def watch(self, path: str) -> None:
        self.watched.add(path)

    def unwatch(self, path: str) -> None:
        self.watched.remove(path)  # KeyError if not watched, as MkDocs


def test_serve_takes_over_watching_docs_and_adds_a_hand_written_page_made_since(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "events").mkdir(parents=True)
    for rel in ("index.md", "events/a.md", "about.md"):
        (docs / rel).write_text(rel)
    (docs / ".generated-pages").write_text("index.md\nevents/a.md\n")
    server = _Server(docs, tmp_path / "mkdocs.yml")
    watch = mkdocs_watch.HandWritten(server, docs)  # as serve starts
    assert server.watched == {str(docs / "about.md"), str(tmp_path / "mkdocs.yml")}
    (docs / "new.md").write_text("written during serve")
    (docs / "events" / "b.md").write_text("generated by a later build")
    (docs / ".generated-pages").write_text("index.md\nevents/a.md\nevents/b.md\n")
    watch.refresh()  # after a build
    assert server.watched == {str(docs / "about.md"), str(docs / "new.md"), str(tmp_path / "mkdocs.yml")}


def test_serve_leaves_docs_alone_where_it_was_not_watching_it(tmp_path: Path):
    server = _Server(tmp_path / "mkdocs.yml")
    mkdocs_watch.HandWritten(server, tmp_path / "docs").refresh()
    assert server.watched == {str(tmp_path / "mkdocs.yml")}


def test_serve_watches_a_first_hand_written_page_made_during_the_session(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("generated")
    (docs / ".generated-pages").write_text("index.md\n")
    server = _Server(docs)
    watch = mkdocs_watch.HandWritten(server, docs)  # nothing in docs/ is written by hand yet
    assert server.watched == set()
    (docs / "about.md").write_text("written during serve")
    watch.refresh()
    assert server.watched == {str(docs / "about.md")}
