"""The benchmark's data generator makes valid chronologies, so `make bench` cannot rot."""

from __future__ import annotations

from bench.synth import synthesize

from conftest import FIXTURE_DATA
from timeline.generate import render_pages
from timeline.read import read_chronology


def test_synthetic_data_is_valid_and_renders(tmp_path):
    synthesize(60, tmp_path / "data")
    chronology = read_chronology(tmp_path / "data")
    assert len(chronology.events) == 60
    assert any(e.vote for e in chronology.events) and any(e.related for e in chronology.events)
    pages = render_pages(chronology)
    assert len([p for p in pages if p.startswith("events/")]) == 60


def test_large_synthetic_data_switches_the_overview_to_year_bars(tmp_path):
    synthesize(1600, tmp_path / "data")
    pages = render_pages(read_chronology(tmp_path / "data"))
    assert "tl-year-bar" in pages["index.md"] and "tl-year-bar" in pages["timeline.md"]
    assert "years/2010.md" in pages["timeline.md"] and 'id="tl-filter"' not in pages["timeline.md"]


def test_the_overview_switches_to_year_bars_before_the_timeline_stops_listing(tmp_path):
    synthesize(600, tmp_path / "data")
    pages = render_pages(read_chronology(tmp_path / "data"))
    home, timeline = pages["index.md"], pages["timeline.md"]
    assert "tl-year-bar" in home and "Each bar counts the events of a year" in home
    assert "tl-year-bar" in timeline and 'id="tl-filter"' in timeline
    fixture_home = render_pages(read_chronology(FIXTURE_DATA))["index.md"]
    assert "tl-year-bar" not in fixture_home and "Each mark is an event" in fixture_home
