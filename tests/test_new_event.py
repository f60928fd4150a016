"""The new-event helper appends a valid, well-indented entry, keeps every other byte, and
refuses duplicates and invalid values."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import build, run
from timeline.read import read_chronology

ARGS = ["--date", "2016-03-23", "--title", "A new Council decision (test)", "--type", "decision",
        "--summary", "Added by the new-event helper's test.", "--source-title", "Test source",
        "--source-publisher", "Test publisher", "--source-url", "https://example.org/",
        "--body", "human-rights-council", "--tag", "resolutions"]


def helper(project: Path, *args: str):
    return run([sys.executable,
                str(project / "scripts" / "new_event.py"), *args], cwd=project)


def test_appends_a_valid_event_and_keeps_the_rest(project: Path):
    events = project / "data" / "events.yaml"
    before = events.read_text("utf-8")
    result = helper(project, *ARGS)
    assert result.returncode == 0, result.stderr
    after = events.read_text("utf-8")
    assert after.startswith(before.rstrip("\n"))  # comments and entries untouched
    event = read_chronology(project / "data").event_ids["a-new-council-decision-test"]
    assert str(event.date) == "2016-03-23"
    assert (event.bodies, event.tags) == (["human-rights-council"], ["resolutions"])
    assert build(project, "--check").returncode == 0


def test_refuses_a_duplicate_id(project: Path):
    events = project / "data" / "events.yaml"
    before = events.read_bytes()
    result = helper(project, *ARGS, "--id", "coi-report")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert events.read_bytes() == before


def test_refuses_invalid_values_and_writes_nothing(project: Path):
    events = project / "data" / "events.yaml"
    before = events.read_bytes()
    bad = [a if a != "2016-03-23" else "23/03/2016" for a in ARGS]
    result = helper(project, *bad)
    assert result.returncode == 1
    assert "date must be YYYY, YYYY-MM or YYYY-MM-DD, got '23/03/2016'" in result.stderr
    result = helper(project, *ARGS, "--body", "no-such-body")
    assert result.returncode == 1
    assert "bodies.2 must be the id of a body in data/actors.yaml" in result.stderr
    assert events.read_bytes() == before


def test_proposes_ids_from_titles():
    from new_event import propose_id
    assert propose_id("Human Rights Council resolution 25/25") == "human-rights-council-resolution-25-25"
    assert propose_id("Salmón named “Special Rapporteur”") == "salmon-named-special-rapporteur"


def test_writes_the_korean_translation_as_current_when_given(project: Path):
    korean = project / "data" / "ko" / "events.yaml"
    before = korean.read_text("utf-8")
    result = helper(project, *ARGS, "--ko-title", "새 인권이사회 결정(시험)",
                    "--ko-summary", "새 사건 도우미의 시험으로 추가했다.")
    assert result.returncode == 0, result.stderr
    assert korean.read_text("utf-8").startswith(before.rstrip("\n"))
    check = build(project, "--check")
    assert check.returncode == 0 and "ko: 100/100 events translated, 0 out of date" in check.stdout
    assert "/ko/events/a-new-council-decision-test/" in result.stdout


def test_a_korean_title_needs_its_summary(project: Path):
    result = helper(project, *ARGS, "--ko-title", "제목만")
    assert result.returncode == 2 and "--ko-title and --ko-summary go together" in result.stderr
