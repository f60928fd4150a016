"""Corrections in the open: each correction of an entry is shown on its page (newest first,
each at an address that never changes), marked in lists, listed on the Corrections page, in
the feed and the exports, translated with the staleness check, and a translation's own
corrections appear only in its edition. Also the Report-an-error link."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURE_DATA, current_entry, english_digest_of, write_korean_events
from timeline import corrections
from timeline.edition import Edition
from timeline.generate import render_pages
from timeline.problems import DataError
from timeline.read import read_chronology
from timeline.report import report_url
from timeline.settings import Settings
from timeline.translations import check_translations

BASE = "https://timeline.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
ANOTHER = """      - date: 2026-11-29
        replaced: Hearings were held twice.
        change: The summary counted the hearings twice.
"""


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(read_chronology(FIXTURE_DATA), Settings(BASE))


def _with_another_correction(data: Path) -> None:
    """A second correction of `hearings` on the day of its last one, added at the end."""
    events = data / "events.yaml"
    text = events.read_text("utf-8")
    text = text.replace("    added: 2026-11-20\n", ANOTHER + "    added: 2026-11-20\n", 1)
    events.write_text(text, "utf-8")


def test_the_event_page_shows_its_corrections_newest_first_each_at_its_own_address(pages):
    page = pages["events/hearings.md"]
    section = page[page.index("## Corrections {: #corrections }"):page.index("## Sources")]
    items = re.findall(r'<li id="([^"]+)"><strong>([^<]+)</strong>: (.*?)</li>', section)
    assert [(anchor, day) for anchor, day, _ in items] == [
        ("correction-2026-11-29", "29 November 2026"), ("correction-2026-11-25", "25 November 2026")]
    assert items[1][2] == ("The title named Tokyo; the hearings of this entry were held in Seoul only. "
                           "It said: “Public hearings in Seoul and Tokyo”")
    # The date line says so, and the citation gives the day of the last correction.
    assert '<a href="#corrections">Corrected on 29 November 2026</a>' in page
    assert "(last corrected 29 November 2026; accessed" in page
    assert "note = {Event of 20–24 August 2013; last corrected 29 November 2026;" in page
    assert "Corrections" not in pages["events/report-released.md"]


def test_a_corrected_entry_is_marked_beside_its_title_in_lists(pages):
    for path in ("timeline.md", "years/2013.md", "tags/inquiry.md", "bodies/council.md"):
        lines = [line for line in pages[path].splitlines() if line.startswith("<li><strong>")]
        marked = [line for line in lines if '<span class="tl-corrected">corrected</span>' in line]
        assert len(marked) == 1 and ">Public hearings [in] Seoul</a> <span" in marked[0], path


def test_the_corrections_page_lists_every_correction_newest_first_linking_each(pages):
    links = re.findall(r'<a href="([^"]+)">', pages["corrections.md"].split('<ul class="tl-corrections">')[1])
    assert links == ["../events/hearings/#correction-2026-11-29", "../events/hearings/#correction-2026-11-25"]


def test_the_corrections_page_says_when_there_are_none():
    chronology = read_chronology(FIXTURE_DATA)
    events = [e.model_copy(update={"corrections": []}) for e in chronology.events]
    pages = render_pages(type(chronology)(events, chronology.actors, chronology.tags, chronology.documents))
    assert "No entry has been corrected yet." in pages["corrections.md"]
    assert "tl-corrected" not in pages["timeline.md"]


def test_anchors_never_change_as_corrections_are_added(tmp_path: Path):
    data = tmp_path / "data"
    import shutil

    shutil.copytree(FIXTURE_DATA, data)
    before = [c.anchor for c in corrections.of(read_chronology(data).event_ids["hearings"])]
    _with_another_correction(data)
    after = [c.anchor for c in corrections.of(read_chronology(data).event_ids["hearings"])]
    assert after == [*before, "correction-2026-11-29-2"]


def test_each_correction_is_a_feed_entry_with_its_permanent_address(pages):
    feed = ET.fromstring(pages["feed.xml"])
    entries = {e.findtext(f"{ATOM}id"): e for e in feed.iter(f"{ATOM}entry")}
    first = entries[BASE + "events/hearings/#correction-2026-11-25"]
    assert first.findtext(f"{ATOM}title") == "Correction: Public hearings [in] Seoul"
    assert first.findtext(f"{ATOM}updated") == "2026-11-25T00:00:00Z"
    assert first.find(f"{ATOM}link").attrib["href"] == BASE + "events/hearings/#correction-2026-11-25"
    assert first.findtext(f"{ATOM}summary").endswith("It said: “Public hearings in Seoul and Tokyo”")
    # The newest entry first: the day's correction before the record's own update.
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    assert ids[:2] == [BASE + "events/hearings/#correction-2026-11-29", BASE + "events/hearings/"]
    assert feed.findtext(f"{ATOM}updated") == "2026-11-29T00:00:00Z"


def test_the_exports_carry_the_corrections(pages):
    data = json.loads(pages["data/events.json"])
    jsonschema.Draft202012Validator(json.loads(pages["data/events.schema.json"])).validate(data)
    (hearings,) = [e for e in data["events"] if e["id"] == "hearings"]
    assert [(c["date"], c["url"]) for c in hearings["corrections"]] == [
        ("2026-11-25", BASE + "events/hearings/#correction-2026-11-25"),
        ("2026-11-29", BASE + "events/hearings/#correction-2026-11-29")]
    rows = list(csv.DictReader(io.StringIO(pages["data/corrections.csv"].removeprefix("\ufeff"))))
    assert [(r["event_id"], r["date"], r["edition"], r["replaced"]) for r in rows] == [
        ("hearings", "2026-11-29", "", "2013-08-21"),
        ("hearings", "2026-11-25", "", "Public hearings in Seoul and Tokyo")]
    assert rows[0]["url"] == BASE + "events/hearings/#correction-2026-11-29"
    schema = json.loads(pages["data/events.schema.json"])
    assert "replaced" in schema["$defs"]["ExportedCorrection"]["properties"]


def test_a_correction_makes_the_translation_out_of_date_until_it_is_translated(translation_data: Path):
    data = translation_data
    before = english_digest_of(data, "hearings")
    _with_another_correction(data)
    assert english_digest_of(data, "hearings") != before
    old = "    corrections:\n" + "".join(f"      - replaced: {w}\n        change: 바꿈\n" for w in ("a", "b"))
    write_korean_events(data, f"  - id: hearings\n    translates: '{before}'\n    title: 청문회\n"
                        f"    summary: 열렸다.\n{old}")
    (coverage,) = check_translations(data, read_chronology(data))
    assert coverage.stale_refs["events"] == {"hearings"}
    # Translated as the English now has it: current, and each correction in Korean.
    three = old + "      - replaced: 두 번\n        change: 요약이 청문회를 두 번 셌다.\n"
    entry = current_entry(data, "hearings", f"    title: 청문회\n    summary: 열렸다.\n{three}")
    write_korean_events(data, entry)
    chronology = read_chronology(data)
    (coverage,) = check_translations(data, chronology)
    assert not coverage.stale
    edition = Edition.of(chronology, coverage)
    assert edition.chronology.event_ids["hearings"].corrections[2].change == "요약이 청문회를 두 번 셌다."


def test_a_current_translation_must_give_every_correction(translation_data: Path):
    write_korean_events(translation_data, current_entry(
        translation_data, "hearings", "    title: 청문회\n    summary: 열렸다.\n"
        "    corrections:\n      - replaced: a\n        change: b\n"))
    with pytest.raises(DataError) as caught:
        check_translations(translation_data, read_chronology(translation_data))
    assert [str(p) for p in caught.value.problems] == [
        "data/ko/events.yaml:6:5: 'hearings': 'corrections' must have 2 item(s), as the English has, got 1"]


OWN = """    translation_corrections:
      - date: 2026-12-01
        replaced: 청문회가 두 번 열렸다.
        change: 영어에 없는 '두 번'을 넣었기에 뺐다.
"""


def test_a_correction_of_the_translation_alone_is_shown_only_in_its_edition(translation_data: Path):
    data = translation_data
    text = ("    title: 보고서\n    summary: 발표했다.\n    date_label: 공개\n    notes: [주]\n"
            "    other_dates: [문서 날짜]\n" + OWN)
    write_korean_events(data, current_entry(data, "report-released", text))
    chronology = read_chronology(data)
    (coverage,) = check_translations(data, chronology)
    korean = {path.removeprefix("ko/"): text for path, text in
              render_pages(chronology, Settings(BASE), Edition.of(chronology, coverage)).items()}
    english = render_pages(chronology, Settings(BASE))
    assert '<li id="correction-ko-2026-12-01"><strong>2026년 12월 1일</strong> (이 번역만 고친 정정)' in (
        korean["events/report-released.md"])
    assert "correction-ko" not in english["events/report-released.md"] + english["corrections.md"]
    assert "#correction-ko-2026-12-01" in korean["corrections.md"]
    (event,) = [e for e in json.loads(korean["data/events.json"])["events"] if e["id"] == "report-released"]
    assert event["corrections"] == [{"date": "2026-12-01", "replaced": "청문회가 두 번 열렸다.",
                                     "change": "영어에 없는 '두 번'을 넣었기에 뺐다.", "edition": "ko",
                                     "url": BASE + "ko/events/report-released/#correction-ko-2026-12-01"}]
    assert "report-released,보고서,2026-12-01,ko," in korean["data/corrections.csv"]


@pytest.mark.parametrize(("own", "message"), [
    (OWN.replace("2026-12-01", "2099-12-01"),
     "data/ko/events.yaml:7:15: 'report-released': translation_corrections.1: date must not be in the "
     "future, got '2099-12-01'"),
    (OWN.replace("replaced: 청문회가 두 번 열렸다.", "replaced: ''"),
     "data/ko/events.yaml:8:19: 'report-released': translation_corrections.1: replaced must not be "
     "empty, got ''"),
    (OWN + "      - date: 2026-11-01\n        replaced: x\n        change: y\n",
     "data/ko/events.yaml:10:15: 'report-released': translation_corrections.2.date must not be before "
     "the correction above it (oldest first: add a new one at the end), got '2026-11-01'"),
])
def test_mistakes_in_a_translations_own_corrections_are_data_errors(translation_data: Path, own: str,
                                                                     message: str):
    write_korean_events(translation_data, current_entry(
        translation_data, "report-released", "    title: 보고서\n    summary: 발표했다.\n" + own))
    with pytest.raises(DataError) as caught:
        check_translations(translation_data, read_chronology(translation_data))
    assert [str(p) for p in caught.value.problems] == [message]


def test_report_an_error_opens_the_issue_form_with_the_event_filled_in():
    event = read_chronology(FIXTURE_DATA).event_ids["hearings"]
    assert report_url("https://github.com/owner/timeline", event) == (
        "https://github.com/owner/timeline/issues/new?template=report-an-error.yml"
        "&title=Error+in+hearings&event=hearings&event-title=Public+hearings+%5Bin%5D+Seoul")
    assert report_url("https://github.com/owner/timeline.git/", event).startswith(
        "https://github.com/owner/timeline/issues/new?")
    # Never a guessed address: no repository, another host, or not a repository's address.
    for repo in (None, "", "https://gitlab.com/owner/timeline", "https://github.com/owner",
                 "http://github.com/owner/timeline"):
        assert report_url(repo, event) is None
    form = (Path(__file__).parent.parent / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml").read_text()
    assert "id: event\n" in form and "id: event-title\n" in form


def test_event_pages_link_to_the_form_only_when_the_project_has_one():
    chronology = read_chronology(FIXTURE_DATA)
    with_repo = render_pages(chronology, Settings(BASE, repo_url="https://github.com/owner/timeline"))
    page = with_repo["events/hearings.md"]
    assert ('<a href="https://github.com/owner/timeline/issues/new?template=report-an-error.yml&amp;'
            'title=Error+in+hearings&amp;event=hearings&amp;') in page
    assert "The report is public and needs a GitHub account" in page
    assert "[About this site](../about.md#report-an-error)" in page
    assert "Report an error" not in render_pages(chronology, Settings(BASE))["events/hearings.md"]


def test_the_repository_address_is_read_from_repo_url(tmp_path: Path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nrepo_url: !ENV [REPO_URL]\n", "utf-8")
    monkeypatch.delenv("REPO_URL", raising=False)
    assert Settings.from_config(config).repo_url is None
    monkeypatch.setenv("REPO_URL", "https://github.com/owner/timeline")
    assert Settings.from_config(config).repo_url == "https://github.com/owner/timeline"


def test_a_translations_own_correction_cannot_predate_the_record(translation_data: Path):
    own = OWN.replace("2026-12-01", "2001-01-01")
    events = translation_data / "events.yaml"
    note = "        note: The report itself.\n"
    events.write_text(events.read_text("utf-8").replace(note, note + "    added: 2026-11-20\n", 1), "utf-8")
    write_korean_events(translation_data, current_entry(
        translation_data, "report-released", "    title: 보고서\n    summary: 발표했다.\n" + own))
    with pytest.raises(DataError) as caught:
        check_translations(translation_data, read_chronology(translation_data))
    assert [str(p) for p in caught.value.problems] == [
        "data/ko/events.yaml:7:15: 'report-released': translation_corrections.1.date must not be before the "
        "day the record was added (2026-11-20), got '2001-01-01'"]
