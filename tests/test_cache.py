"""The memo `mkdocs serve` keeps: an edit to any kind of record reaches every page that shows it,
and pages taken from the memo are exactly the pages rendered afresh."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import jinja2
import pytest

import timeline.cache
import timeline.produce
from conftest import FIXTURE_DATA
from timeline.cache import Memo, memoized
from timeline.generate import generate, render_pages
from timeline.read import read_chronology
from timeline.settings import Settings

# Edits as `mkdocs serve` sees them, applied one after another to a copy of the fixture data:
# one of each kind of record.
EDITS = [
    ("event", "events.yaml", "title: Public hearings [in] Seoul", "title: Renamed hearings"),
    ("event date", "events.yaml", "date: 2013-08-20\n    end_date: 2013-08-24", "date: 2012-01-05"),
    ("event link", "events.yaml", "related: [inquiry-created]", "related: [report-released]"),
    ("actor", "actors.yaml", "name: Example Council", "name: Renamed Council"),
    ("tag", "tags.yaml", "name: Votes", "name: Recorded votes"),
    ("document", "documents.yaml", "title: Report of the inquiry (fixture)", "title: Renamed report"),
]


def _render(data: Path, settings: Settings, memo: Memo | None = None) -> dict[str, str]:
    if memo is None:
        return render_pages(read_chronology(data), settings)
    with memo.run():
        return render_pages(read_chronology(data), settings)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.mark.parametrize("upto", range(1, len(EDITS) + 1), ids=[e[0] for e in EDITS])
def test_every_edit_reaches_every_page_that_shows_it(data: Path, upto: int):
    memo, settings = Memo(), Settings()
    before = _render(data, settings, memo)
    for what, name, old, new in EDITS[:upto]:
        path = data / name
        assert old in path.read_text("utf-8"), what
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    remembered = _render(data, settings, memo)
    fresh = _render(data, settings)
    assert remembered == fresh
    assert memo.hits, "the memo was never used"
    assert remembered != before


def test_a_settings_change_reaches_every_page(data: Path):
    memo = Memo()
    _render(data, Settings(), memo)
    for settings in (Settings(base="https://example.org/"), Settings(directory_urls=False)):
        assert _render(data, settings, memo) == _render(data, settings)


def test_an_unchanged_run_renders_nothing_but_the_pages_of_every_event(data: Path):
    memo = Memo()
    _render(data, Settings(), memo)
    _render(data, Settings(), memo)
    assert memo.misses == 0


def test_memoized_functions_compute_afresh_outside_a_run():
    calls = []

    @memoized
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    memo = Memo()
    assert double(2) == double(2) == 4 and calls == [2, 2]
    with memo.run():
        assert double(3) == double(3) == 6
    with memo.run():
        assert double(3) == 6
    assert calls == [2, 2, 3]


def test_pages_written_before_a_failed_run_are_put_right_when_the_edit_is_undone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A run that fails after writing some pages must not leave them behind: pages the next
    run takes from the memo are written again if they differ, not assumed to be in place."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    events = tmp_path / "data" / "events.yaml"
    page = tmp_path / "docs" / "events" / "hearings.md"
    memo = Memo()
    generate(tmp_path, memo=memo, force=True)
    before = page.read_text("utf-8")
    original = events.read_text("utf-8")
    events.write_text(original.replace("Public hearings", "Edited hearings"), "utf-8")
    render = timeline.produce._render

    def failing(site, task_page):
        if task_page.path == "documents.md":  # shows every event; rendered after its page
            raise RuntimeError("a failure mid-run")
        return render(site, task_page)

    monkeypatch.setattr(timeline.produce, "_render", failing)
    with pytest.raises(RuntimeError):
        generate(tmp_path, memo=memo)
    assert "Edited hearings" in page.read_text("utf-8")  # written before the failure
    monkeypatch.setattr(timeline.produce, "_render", render)
    events.write_text(original, "utf-8")  # the edit undone: every page is as the memo has it
    generate(tmp_path, memo=memo)
    assert page.read_text("utf-8") == before


def _compiled(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Load every template of `folder` in a new environment; the names it had to compile."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder),
                             bytecode_cache=timeline.cache.CompiledTemplates(folder / "__pycache__"))
    compiled: list[str] = []
    compile_source = env.compile
    monkeypatch.setattr(env, "compile", lambda source, name=None, filename=None, *args, **kw:
                        compiled.append(name) or compile_source(source, name, filename, *args, **kw))
    for name in sorted(env.list_templates(filter_func=lambda n: n.endswith(".j2"))):
        assert env.get_template(name).render(x=1) == f"{name} 1"
    return compiled


def test_templates_are_compiled_once_until_they_or_the_code_change(tmp_path: Path, monkeypatch):
    for name in ("a.j2", "b.j2"):
        (tmp_path / name).write_text(name + " {{ x }}")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _compiled(tmp_path, monkeypatch) == ["a.j2", "b.j2"]
    assert not (tmp_path / "__pycache__").exists()  # as Python: no bytecode written
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert _compiled(tmp_path, monkeypatch) == ["a.j2", "b.j2"]
    assert _compiled(tmp_path, monkeypatch) == []  # a later process compiles nothing
    for kept in (tmp_path / "__pycache__").iterdir():
        kept.write_bytes(kept.read_bytes()[:30])  # damaged
    assert _compiled(tmp_path, monkeypatch) == ["a.j2", "b.j2"]
    assert _compiled(tmp_path, monkeypatch) == []
    (tmp_path / "b.j2").write_text("b.j2 {{ x }}{# changed #}")
    assert _compiled(tmp_path, monkeypatch) == ["b.j2"]
    monkeypatch.setattr(timeline.cache, "code_digest", lambda: b"other code")
    assert _compiled(tmp_path, monkeypatch) == ["a.j2", "b.j2"]  # e.g. the environment's settings


def test_templates_are_compiled_in_memory_where_they_cannot_be_kept(tmp_path: Path, monkeypatch):
    """E.g. a read-only checkout (simulated so: the tests may run as root)."""
    (tmp_path / "a.j2").write_text("a.j2 {{ x }}")
    (tmp_path / "__pycache__").write_text("not a folder")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert _compiled(tmp_path, monkeypatch) == ["a.j2"]
    assert _compiled(tmp_path, monkeypatch) == ["a.j2"]
