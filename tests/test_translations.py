"""Translations stay in step with the English: a changed English text makes its translation
out of date (file and line), and mistakes in a translation file are data errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, build, current_entry, english_digest_of, write_korean_events
from timeline.problems import DataError
from timeline.read import read_chronology
from timeline.translations import check_translations


@pytest.fixture
def data(translation_data: Path) -> Path:
    return translation_data


def test_a_changed_english_text_makes_its_translation_out_of_date(data: Path):
    write_korean_events(data, current_entry(data, "hearings", "    title: 서울 공개 청문회\n"
                                            "    summary: 청문회가 열렸다.\n"))
    (coverage,) = check_translations(data, read_chronology(data))
    assert coverage.summary() == "ko: 1/4 events translated, 0 out of date"
    events = data / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("Public hearings", "Hearings"), "utf-8")
    (coverage,) = check_translations(data, read_chronology(data))
    assert coverage.summary() == "ko: 1/4 events translated, 1 out of date"
    assert str(coverage.stale[0]).startswith("data/ko/events.yaml:3:17: 'hearings': the English has changed")


def test_a_change_to_what_is_not_translated_keeps_the_translation_current(data: Path):
    before = english_digest_of(data, "hearings")
    events = data / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("date: 2013-08-20", "date: 2013-08-21", 1), "utf-8")
    assert english_digest_of(data, "hearings") == before


@pytest.mark.parametrize(("body", "message"), [
    ("  - id: nowhere\n    title: t\n    summary: s\n",
     "data/ko/events.yaml:2:9: id must name a record of data/events.yaml, got 'nowhere'"),
    ("  - id: hearings\n    summary: s\n",
     "data/ko/events.yaml:2:9: 'hearings': missing required field 'title'"),
    ("  - id: hearings\n    title: t\n    summary: s\n  - id: hearings\n    title: t\n    summary: s\n",
     "data/ko/events.yaml:5:9: duplicate id, got 'hearings' (also at line 2)"),
    ("  - title: t\n", "data/ko/events.yaml:2:5: each entry needs the id of the English record"),
])
def test_mistakes_in_a_translation_are_data_errors_with_their_place(data: Path, body: str, message: str):
    write_korean_events(data, body)
    with pytest.raises(DataError) as caught:
        check_translations(data, read_chronology(data))
    assert [str(p) for p in caught.value.problems] == [message]


def test_the_real_translations_are_valid():
    reports = check_translations(ROOT / "data", read_chronology(ROOT / "data"))
    assert reports[0].translated["tags"] and reports[0].translated["events"]


def test_the_build_names_each_out_of_date_translation_with_its_place(fixture_project: Path):
    data = fixture_project / "data"
    (data / "ko").mkdir()
    write_korean_events(data, "  - id: hearings\n    translates: 'abcd0123'\n    title: 청문회\n"
                        "    summary: 열렸다.\n")
    result = build(fixture_project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "ko: 1/4 events translated, 1 out of date",
        "data/ko/events.yaml:3:17: 'hearings': the English has changed since this was translated "
        f"(translates: {english_digest_of(data, 'hearings')} is current)"]
