"""Open-data exports, read back with real parsers: JSON (+ its schema), CSV, iCalendar, Atom."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import icalendar
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from icalendar.parser import Contentline

import timeline.exports
from conftest import FIXTURE_DATA, build, snapshot
from timeline.exports import CSV_COLUMNS
from timeline.generate import render_pages
from timeline.ical import _text, fold
from timeline.read import read_chronology
from timeline.reference import MODELS
from timeline.settings import Settings

BASE = "https://timeline.example/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return render_pages(read_chronology(FIXTURE_DATA), Settings(BASE))


def test_json_follows_its_published_schema(files):
    data = json.loads(files["data/events.json"])
    jsonschema.Draft202012Validator(json.loads(files["data/events.schema.json"])).validate(data)
    assert (data["version"], data["license"], data["schema_version"]) == ("2026-11-29", "CC BY 4.0", "1")
    assert [e["id"] for e in data["events"]] == [
        "inquiry-created", "hearings", "report-released", "assembly-vote"]
    vote = data["events"][3]["vote"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (116, 20, 53)
    assert data["events"][1]["url"] == BASE + "events/hearings/"
    assert data["events"][1]["end_date"] == "2013-08-24"
    assert {a["id"] for a in data["actors"]} == {"council", "assembly", "jane-doe"}


def test_json_is_laid_out_as_python_lays_it_out():
    """One space per level, text as written (escaped only where JSON must): the same bytes as
    json.dumps gives, also for awkward text, so the file reads the same whoever writes it."""
    value = {"title": "Quotes \" and \\ and / <b>&", "ko": "북한 인권", "odd": "\x00\x1f\x7f\u2028 é",
             "n": [116, 0, None, True, False], "empty": [], "none": {}, "nested": [{"a": ["b"]}]}
    assert timeline.exports._dump(value, 2) == json.dumps(value, indent=1, ensure_ascii=False).replace(
        "\n", "\n  ")


def test_csv_has_one_row_per_event(files):
    raw = files["data/events.csv"].encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == ["inquiry-created", "hearings", "report-released", "assembly-vote"]
    assert rows[3]["vote_yes"] == "116" and rows[3]["date_precision"] == "month"
    assert rows[0]["tags"] == "inquiry; votes"
    assert rows[0]["vote_without_vote"] == "true"


def test_csv_keeps_korean_text_and_defuses_formulas(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("actors", "tags", "documents"):
        (data / f"{name}.yaml").write_text((FIXTURE_DATA / f"{name}.yaml").read_text())
    events = (FIXTURE_DATA / "events.yaml").read_text("utf-8")
    events = events.replace("title: Council creates an inquiry", "title: 조사위원회 설립")
    events = events.replace("title: The inquiry reports", "title: '=HYPERLINK(\"http://x\")'")
    (data / "events.yaml").write_text(events, "utf-8")
    text = render_pages(read_chronology(data), Settings(BASE))["data/events.csv"]
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0]["title"] == "조사위원회 설립"
    assert rows[2]["title"] == "'=HYPERLINK(\"http://x\")"


def test_calendar_has_an_all_day_entry_per_event(files):
    cal = icalendar.Calendar.from_ical(files["data/events.ics"])
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {f"{i}@nk-human-rights-timeline" for i in
                           ("inquiry-created", "hearings", "report-released", "assembly-vote")}
    hearings = events["hearings@nk-human-rights-timeline"]
    assert (hearings.decoded("DTSTART"), hearings.decoded("DTEND")) == (
        dt.date(2013, 8, 20), dt.date(2013, 8, 25))  # the end is exclusive
    month = events["assembly-vote@nk-human-rights-timeline"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (dt.date(2014, 12, 1), dt.date(2015, 1, 1))
    assert "known only to the month" in str(month["DESCRIPTION"])
    assert str(month["URL"]) == BASE + "events/assembly-vote/"


def test_calendar_is_written_as_icalendar_writes_it(files):
    text = files["data/events.ics"].encode("utf-8")
    assert icalendar.Calendar.from_ical(text).to_ical() == text


@pytest.mark.parametrize("line", [
    "SUMMARY:short",
    "DESCRIPTION:" + "a" * 62, "DESCRIPTION:" + "a" * 63, "DESCRIPTION:" + "a" * 200,
    "SUMMARY:" + "유엔 북한인권 조사위원회 설립" * 9,  # three octets a character
    "SUMMARY:" + "x" * 65 + "😀" * 30,  # four
    "DESCRIPTION:" + "b" * 61 + "\\n" + "c" * 100,  # an escape where the line folds
    "DESCRIPTION:" + "b" * 60 + "\\,^" * 40,
    "X-NAME;X-P=\"a^nb\":" + "é" * 80,
])
def test_calendar_lines_fold_as_icalendar_folds_them(line):
    assert fold(line) == Contentline(line).to_ical()
    assert Contentline.from_ical(fold(line).decode()) == line


@given(st.text())
def test_calendar_text_is_escaped_as_icalendar_escapes_it(value):
    assume("\\N" not in value)  # icalendar reads a written `\N` as a line break; we escape it
    assert _text(value) == icalendar.vText(value).to_ical().decode("utf-8")
    line = fold("SUMMARY:" + _text(value)).decode("utf-8")
    read = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n")["SUMMARY"]
    assert read == value.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("value", ["a\\Nb", "C:\\new", "\\"])
def test_calendar_text_keeps_a_backslash_as_written(value):
    assert _text(value) == value.replace("\\", "\\\\")


def test_feed_lists_new_and_updated_records_by_record_date(files):
    feed = ET.fromstring(files["feed.xml"])
    entries = [e for e in feed.findall(f"{ATOM}entry") if "#correction-" not in e.findtext(f"{ATOM}id")]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        BASE + "events/hearings/", BASE + "events/inquiry-created/", BASE + "events/assembly-vote/"]
    assert entries[0].findtext(f"{ATOM}title") == "Updated: Public hearings [in] Seoul"
    assert entries[0].findtext(f"{ATOM}updated") == "2026-11-29T00:00:00Z"
    assert entries[0].findtext(f"{ATOM}published") == "2026-11-20T00:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2026-11-29T00:00:00Z"


def test_data_page_documents_every_model_field(files):
    page = files["data.md"]
    for _title, model in MODELS:
        for name in model.model_fields:
            assert f"| `{name}` |" in page, name


@pytest.mark.slow
def test_two_builds_give_identical_bytes(fixture_project):
    assert build(fixture_project).returncode == 0
    first = snapshot(fixture_project / "docs")
    for path in (fixture_project / "docs").rglob("*"):
        if path.is_file() and path.name != "about.md":
            path.touch()
    (fixture_project / "docs" / "data" / "events.json").unlink()
    assert build(fixture_project).returncode == 0
    assert snapshot(fixture_project / "docs") == first
