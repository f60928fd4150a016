"""The pipeline as a whole, on data at its edges."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import timeline.entries
import timeline.parallel
import timeline.produce
from conftest import FIXTURE_DATA, run, snapshot
from timeline.freshness import UP_TO_DATE, fingerprint, is_current
from timeline.generate import generate
from timeline.settings import Settings


def test_a_chronology_with_no_events_yet_builds_an_empty_site(tmp_path: Path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "events.yaml").write_text("events: []\n", "utf-8")
    (tmp_path / "data" / "rollcalls.yaml").unlink()  # no event, so no vote to call the roll of
    assert generate(tmp_path).startswith("0 events: ")
    home = (tmp_path / "docs" / "index.md").read_text("utf-8")
    assert "**0 events**" in home
    assert "No events yet" in (tmp_path / "docs" / "timeline.md").read_text("utf-8")


def test_pages_made_in_two_processes_are_those_made_in_one(project: Path, monkeypatch: pytest.MonkeyPatch):
    """From scratch the workers parse, render and write; the pages are the same bytes as a
    run in one process makes, in both editions, and the summary counts what they wrote."""
    monkeypatch.setattr(timeline.produce, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(timeline.entries, "PARALLEL_FROM", 10**9)
    generate(project, out=project / "one")
    monkeypatch.setattr(timeline.produce, "PARALLEL_FROM", 1)
    monkeypatch.setattr(timeline.entries, "PARALLEL_FROM", 1)
    monkeypatch.setattr(timeline.parallel, "WORKERS", 2)  # forked even on a one-core machine
    summary = generate(project, out=project / "two")
    one, two = snapshot(project / "one"), snapshot(project / "two")
    assert any(path.startswith("ko/events/") for path in two)
    assert two == one
    assert f"{len(two) - 2} written" in summary  # all but the manifest and the stamp


CHECK = """
import sys
from pathlib import Path
sys.path.insert(0, "scripts")
import mkdocs_support
print(mkdocs_support.generate(Path(".")))
print("generator imported:", "timeline.generate" in sys.modules)
"""


def test_current_pages_are_known_without_importing_the_generator(fixture_project: Path):
    """Each edition's `mkdocs build` asks the hook first; when docs/ is current it answers
    from the stamp alone. A data edit, or a generated page gone, makes it run again."""
    def check() -> list[str]:
        result = run([sys.executable, "-c", CHECK], cwd=fixture_project)
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    assert check()[-1] == "generator imported: True"  # from scratch: it runs
    assert check() == [UP_TO_DATE, "generator imported: False"]
    events = fixture_project / "data" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("date: 2013-03-21", "date: 2013-03-22", 1), "utf-8")
    assert not is_current(fixture_project / "docs", fingerprint(fixture_project, Settings.from_config(
        fixture_project / "mkdocs.yml")))
    assert " 0 written" not in check()[0]
    (fixture_project / "docs" / "documents.md").unlink()
    assert "1 written" in check()[0]
    assert check() == [UP_TO_DATE, "generator imported: False"]
