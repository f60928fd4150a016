"""The real data: it validates, and its JSON Schemas are the ones generated from the model."""

from __future__ import annotations

import json

from conftest import ROOT

from timeline.schema import schemas
from timeline.validate import read_chronology


def test_real_data_validates():
    chronology = read_chronology(ROOT / "data")
    assert len(chronology.events) >= 15


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
