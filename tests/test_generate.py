"""The pipeline as a whole, on data at its edges."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import timeline.entries
import timeline.parallel
import timeline.produce
from conftest import FIXTURE_DATA, snapshot
from timeline.generate import generate


def test_a_chronology_with_no_events_yet_builds_an_empty_site(tmp_path: Path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "events.yaml").write_text("events: []\n", "utf-8")
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
