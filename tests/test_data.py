"""The real data: it validates, and its JSON Schemas are the ones generated from the model."""

from __future__ import annotations

import json

from conftest import ROOT
from timeline.schema import schemas
from timeline.validate import read_chronology


def test_real_data_validates():
    chronology = read_chronology(ROOT / "data")
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


# Data lint over the real chronology: rules a reader relies on, beyond what the build enforces.

import re  # noqa: E402

import pytest  # noqa: E402

CHRONOLOGY = read_chronology(ROOT / "data")
EVENTS = CHRONOLOGY.events
UN_SYMBOL = re.compile(r"^(A|S|E)/[A-Za-z0-9.\-]+(/[A-Za-z0-9.\-]+)*$")


@pytest.mark.parametrize("event", EVENTS, ids=[e.id for e in EVENTS])
def test_every_event_is_sourced_with_web_addresses(event):
    assert event.sources
    for source in event.sources:
        assert source.url is None or re.match(r"^https?://[^\s]+$", source.url)
    assert all(s.url for s in event.sources) or event.notes or any(s.note for s in event.sources), (
        "a source without an address must say why (a note)"
    )


def test_every_un_symbol_matches_the_un_pattern():
    for symbol in CHRONOLOGY.documents:
        assert UN_SYMBOL.match(symbol), symbol


def test_ids_are_unique_and_related_events_exist():
    ids = [e.id for e in EVENTS]
    assert len(ids) == len(set(ids))
    for event in EVENTS:
        assert set(event.related) <= set(ids) - {event.id}, event.id


def test_events_sort_by_date():
    assert EVENTS == sorted(EVENTS, key=lambda e: (e.date, e.id))
    assert [e.date.year for e in EVENTS][0] == 2002


def test_every_actor_tag_and_document_defined_is_used():
    used_actors = {ref for e in EVENTS for ref in (*e.bodies, *e.people)}
    used_tags = {ref for e in EVENTS for ref in e.tags}
    used_documents = {ref for e in EVENTS for ref in e.documents}
    assert set(CHRONOLOGY.actors) - used_actors == set()
    assert set(CHRONOLOGY.tags) - used_tags == set()
    assert set(CHRONOLOGY.documents) - used_documents == set()


def test_every_event_is_typed_tagged_and_dated_as_added():
    for event in EVENTS:
        assert event.type and event.tags and event.added, event.id


def test_quotes_are_short():
    for event in EVENTS:
        for quote in event.quotes:
            assert len(quote.text.split()) <= 40, event.id


def test_generated_pages_are_never_committed(tmp_path):
    import subprocess

    from timeline.render import render
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    generated = {f"docs/{rel}" for rel in render(CHRONOLOGY)}
    assert generated & set(tracked.stdout.split()) == set()
