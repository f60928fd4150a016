"""The benchmark's data generator makes valid chronologies, so `make bench` cannot rot."""

from __future__ import annotations

from bench.synth import synthesize

from timeline.render import render
from timeline.validate import read_chronology


def test_synthetic_data_is_valid_and_renders(tmp_path):
    synthesize(60, tmp_path / "data")
    chronology = read_chronology(tmp_path / "data")
    assert len(chronology.events) == 60
    assert any(e.vote for e in chronology.events) and any(e.related for e in chronology.events)
    pages = render(chronology)
    assert len([p for p in pages if p.startswith("events/")]) == 60


def test_large_synthetic_data_switches_the_overview_to_year_bars(tmp_path):
    synthesize(1600, tmp_path / "data")
    pages = render(read_chronology(tmp_path / "data"))
    assert "tl-year-bar" in pages["index.md"] and "tl-year-bar" in pages["timeline.md"]
    assert "years/2010.md" in pages["timeline.md"] and 'id="tl-filter"' not in pages["timeline.md"]
