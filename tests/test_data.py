"""The real data: it validates, its JSON Schemas are the generated ones, and it keeps the rules a
reader relies on beyond what the build enforces (data lint)."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import ROOT
from timeline.chronology import Chronology, reading_order
from timeline.generate import render_pages
from timeline.read import read_chronology
from timeline.schema import schemas

UN_SYMBOL = re.compile(r"^(A|S|E)/[A-Za-z0-9.\-]+(/[A-Za-z0-9.\-]+)*$")


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    return read_chronology(ROOT / "data")


def test_real_data_validates(chronology: Chronology):
    assert len(chronology.events) >= 75


def test_committed_schemas_are_fresh():
    for name, text in schemas().items():
        committed = (ROOT / "data" / "schema" / name).read_text("utf-8")
        assert committed == text, f"data/schema/{name} is stale: run python scripts/build.py"


def test_data_files_point_editors_to_their_schema():
    for name in ("events", "actors", "tags"):
        first = (ROOT / "data" / f"{name}.yaml").read_text("utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{name}.schema.json"
        schema = json.loads((ROOT / "data" / "schema" / f"{name}.schema.json").read_text())
        assert schema["required"] == [name]


def test_every_event_is_sourced_with_web_addresses(chronology: Chronology):
    for event in chronology.events:
        for source in event.sources:
            assert source.url is None or re.match(r"^https?://[^\s]+$", source.url), event.id
        assert all(s.url for s in event.sources) or event.notes or any(s.note for s in event.sources), (
            f"{event.id}: a source without an address must say why (a note)")


def test_every_un_symbol_matches_the_un_pattern(chronology: Chronology):
    for symbol in chronology.documents:
        assert UN_SYMBOL.match(symbol), symbol


def test_events_are_in_reading_order(chronology: Chronology):
    assert chronology.events == sorted(chronology.events, key=reading_order)
    assert chronology.events[0].date.year == 2002


def test_every_actor_tag_and_document_defined_is_used(chronology: Chronology):
    events = chronology.events
    used_actors = {ref for e in events for ref in (*e.bodies, *e.people, *(p.state for p in e.positions))}
    assert set(chronology.actors) - used_actors == set()
    assert set(chronology.tags) - {ref for e in events for ref in e.tags} == set()
    assert set(chronology.documents) - {ref for e in events for ref in e.documents} == set()


def test_every_event_is_typed_tagged_and_dated_as_added(chronology: Chronology):
    for event in chronology.events:
        assert event.type and event.tags and event.added, event.id


def test_quotes_are_short(chronology: Chronology):
    for event in chronology.events:
        for quote in event.quotes:
            assert len(quote.text.split()) <= 40, event.id


def test_generated_pages_are_never_committed(chronology: Chronology):
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    generated = {f"docs/{rel}" for rel in render_pages(chronology)}
    assert generated & set(tracked.stdout.split()) == set()
