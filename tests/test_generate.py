"""The pipeline as a whole, on data at its edges."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE_DATA
from timeline.generate import generate


def test_a_chronology_with_no_events_yet_builds_an_empty_site(tmp_path: Path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "events.yaml").write_text("events: []\n", "utf-8")
    assert generate(tmp_path).startswith("0 events: ")
    home = (tmp_path / "docs" / "index.md").read_text("utf-8")
    assert "**0 events**" in home
    assert "No events yet" in (tmp_path / "docs" / "timeline.md").read_text("utf-8")
