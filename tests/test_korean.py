"""The Korean edition: every page at the same path under ko/, Korean dates and votes from
Babel's data and the catalogue, notices on translations that are out of date or missing,
quotations kept in the original, and the established Korean terms throughout."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from conftest import ROOT, current_entry, english_digest_of, write_korean_events
from timeline.dates import PartialDate, display_span
from timeline.edition import Edition
from timeline.generate import render_pages
from timeline.language import LOCALE_DIR, speaking
from timeline.language import _ as gettext
from timeline.model import Vote
from timeline.problems import DataError
from timeline.read import read_chronology
from timeline.reference import MODELS, descriptions
from timeline.render import vote_text
from timeline.translations import check_translations, english_text

sys.path.insert(0, str(ROOT / "scripts"))
import messages  # noqa: E402  (scripts/messages.py: what `make messages` collects)

STALE = "이 번역은 최신 영어 원문을 반영하지 않는다"
MISSING = "아직 번역되지 않음"


@pytest.fixture
def data(translation_data: Path) -> Path:
    return translation_data


def _catalogue():
    with (LOCALE_DIR / "ko" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


def _korean_pages(data: Path) -> dict[str, str]:
    chronology = read_chronology(data)
    (coverage,) = check_translations(data, chronology)
    return render_pages(chronology, edition=Edition.of(chronology, coverage))


@pytest.mark.parametrize(("date", "korean"), [
    (PartialDate(2014, 3, 28), "2014년 3월 28일"),
    (PartialDate(2014, 3), "2014년 3월"),
    (PartialDate(2014), "2014년"),
])
def test_korean_dates_as_korean_institutions_write_them(date: PartialDate, korean: str):
    with speaking("ko"):
        assert date.display() == korean
    assert date.display() != korean  # the English edition is untouched


def test_korean_date_spans():
    with speaking("ko"):
        assert display_span(PartialDate(2013, 8, 20), PartialDate(2013, 8, 24)) == "2013년 8월 20일~24일"
        across = display_span(PartialDate(2013, 10, 30), PartialDate(2013, 11, 2))
        assert across == "2013년 10월 30일~11월 2일"


def test_korean_votes():
    with speaking("ko"):
        assert vote_text(Vote(yes=30, no=6, abstain=11)) == "찬성 30, 반대 6, 기권 11."
        assert vote_text(Vote(without_vote=True)) == "표결 없이 채택."
        assert vote_text(Vote(yes=9, no=5, abstain=None)) == "찬성 9, 반대 5, 기권 미확인."


def test_every_page_has_its_korean_counterpart_at_the_same_path(data: Path):
    english = render_pages(read_chronology(data))
    korean = _korean_pages(data)
    assert set(korean) == {"ko/" + path for path in english}


def test_the_field_reference_of_the_open_data_page_is_in_korean(data: Path):
    page = _korean_pages(data)["ko/data.md"].split("## 필드 설명", 1)[1]
    for _title, model in MODELS:
        for name in model.model_fields:
            row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
            kind, description = row.split("|")[2], row.split("|")[4]
            assert re.search("[가-힣]", kind) and re.search("[가-힣]", description), row
    for english in ("Votes in favour", "list of", "one of:", "(mapping)", "whole number", "### Event"):
        assert english not in page
    assert "### 사건 (data/events.yaml)" in page and "| `date` | 날짜 | 예 |" in page
    assert "다음 중 하나: resolution, report, meeting" in page  # the values, as the data has them
    with speaking("ko"):
        assert all(gettext(description) != description for description, _model in descriptions())


CORRECTIONS = ("    corrections:\n      - replaced: 서울과 도쿄 공개 청문회\n"
               "        change: 제목에 도쿄가 있었다.\n"
               "      - replaced: 2013년 8월 21일\n        change: 날짜를 고쳤다.\n")


def test_a_current_translation_shows_korean_text_and_no_notice(data: Path):
    write_korean_events(data, current_entry(data, "hearings",
                     "    title: 서울 공개 청문회\n    summary: 청문회가 열렸다.\n" + CORRECTIONS))
    page = _korean_pages(data)["ko/events/hearings.md"]
    assert "# 서울 공개 청문회" in page and "청문회가 열렸다." in page
    assert "**2013년 8월 20일~24일**" in page
    assert STALE not in page and MISSING not in page
    assert "Public hearings" not in page


def test_an_out_of_date_translation_is_shown_under_a_notice_with_the_current_english(data: Path):
    write_korean_events(data, current_entry(data, "hearings",
                     "    title: 서울 공개 청문회\n    summary: 청문회가 열렸다.\n"))
    events = data / "events.yaml"
    changed = events.read_text("utf-8").replace("Hearings were held.", "Hearings were held in public.")
    events.write_text(changed, "utf-8")
    page = _korean_pages(data)["ko/events/hearings.md"]
    assert STALE in page and "# 서울 공개 청문회" in page
    assert '<a href="../../../events/hearings/" hreflang="en" lang="en">최신 영어 원문 보기</a>' in page


def test_an_untranslated_event_shows_the_english_under_a_notice(data: Path):
    page = _korean_pages(data)["ko/events/hearings.md"]
    assert MISSING in page and "# Public hearings \\[in\\] Seoul" in page
    assert "## 출처" in page  # the interface is Korean all the same


def test_a_quotation_keeps_its_original_words_beside_an_unofficial_translation(data: Path):
    write_korean_events(data, current_entry(data, "inquiry-created",
                     "    title: 이사회, 조사 설치\n    summary: 이사회가 조사를 설치했다.\n"
                     "    quotes:\n      - 짧은 인용 구절\n"))
    attributions = "attributions:\n  - en: Jane Doe\n    ko: 제인 도\n"
    (data / "ko" / "attributions.yaml").write_text(attributions, "utf-8")
    page = _korean_pages(data)["ko/events/inquiry-created.md"]
    assert "> “a short quoted passage”" in page
    assert "> 비공식 번역: “짧은 인용 구절”" in page
    assert "> — 제인 도 (출처 1: Example Council)" in page  # who said it, in Korean; sources as they are


def test_a_translation_that_no_longer_fits_the_english_is_an_error_only_while_current(data: Path):
    entry = ("  - id: hearings\n    translates: '{}'\n    title: t\n    summary: s\n"
             "    notes:\n      - 주석\n")
    write_korean_events(data, entry.format(english_digest_of(data, "hearings")))
    with pytest.raises(DataError) as caught:
        check_translations(data, read_chronology(data))
    assert [str(p) for p in caught.value.problems] == [
        "data/ko/events.yaml:6:5: 'hearings': 'notes' is not in the English record, "
        "so it cannot be translated"]
    write_korean_events(data, entry.format("00000000"))  # out of date: the note is left out, no error
    (coverage,) = check_translations(data, read_chronology(data))
    assert "notes" not in coverage.entries["events"]["hearings"]


def test_every_interface_string_has_its_korean_translation():
    catalogue = _catalogue()
    wanted = {m.id for m in messages.extract() if m.id}
    done = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
    assert wanted - done == set(), "run `make messages` and translate the new strings"


# The established Korean terms (data/ko/terms.yaml), against the real translations.

TERMS = yaml.safe_load((ROOT / "data" / "ko" / "terms.yaml").read_text("utf-8"))["terms"]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def real() -> tuple:
    chronology = read_chronology(ROOT / "data")
    (coverage,) = check_translations(ROOT / "data", chronology)
    return chronology, coverage


def test_each_translation_names_bodies_and_people_as_korean_institutions_do(real):
    chronology, coverage = real
    wrong = []
    for key in ("events", "actors", "tags", "documents"):
        records = {"events": chronology.event_ids, "actors": chronology.actors, "tags": chronology.tags,
                   "documents": chronology.documents}[key]
        for ref, entry in coverage.entries[key].items():
            if ref in coverage.stale_refs.get(key, ()):
                continue
            english = " ".join(_strings(english_text(records[ref], key)))
            korean = " ".join(_strings({k: v for k, v in entry.items() if k != "translates"}))
            wrong += [f"{key}/{ref}: {term['english']} is not {' or '.join(term['korean'])}"
                      for term in TERMS if re.search(term["english"], english, re.IGNORECASE)
                      and not any(form in korean for form in term["korean"])]
    assert wrong == []


def test_no_korean_text_of_the_site_uses_a_refused_variant(real):
    chronology, coverage = real
    texts = {f"data/ko/{p.name}": p.read_text("utf-8") for p in (ROOT / "data" / "ko").glob("*.yaml")
             if p.name != "terms.yaml"}
    texts["messages.po"] = "\n".join(m.string for m in _catalogue() if m.string)
    hand_written = ("about.md", "sources-and-method.md", "contributing.md", "performance.md")
    texts.update({f"docs/ko/{name}": (ROOT / "docs" / "ko" / name).read_text("utf-8")
                  for name in hand_written})
    texts.update(render_pages(chronology, edition=Edition.of(chronology, coverage)))
    found = [f"{name}: {variant}" for name, text in texts.items()
             for term in TERMS for variant in term.get("refuse", []) if variant in text]
    assert found == []


def test_unanimity_is_said_only_where_the_english_says_it(real):
    chronology, coverage = real
    for ref, entry in coverage.entries["events"].items():
        korean = " ".join(_strings(entry))
        if "만장일치" in korean:
            assert "unanimous" in " ".join(_strings(english_text(chronology.event_ids[ref], "events")))


# The open data of the Korean edition: the same formats, read with real parsers.

def test_the_korean_exports_carry_the_korean_text_and_say_how_current_it_is(data: Path):
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET

    import icalendar
    import jsonschema

    write_korean_events(data, current_entry(data, "hearings",
                     "    title: 서울 공개 청문회\n    summary: 청문회가 열렸다.\n"))
    english = render_pages(read_chronology(data))
    pages = _korean_pages(data)
    exported = json.loads(pages["ko/data/events.json"])
    jsonschema.Draft202012Validator(json.loads(english["data/events.schema.json"])).validate(exported)
    assert exported["language"] == "ko" and json.loads(english["data/events.json"])["language"] == "en"
    by_id = {e["id"]: e for e in exported["events"]}
    assert by_id["hearings"]["title"] == "서울 공개 청문회" and by_id["hearings"]["translation"] == "current"
    assert by_id["report-released"]["translation"] == "not-translated"
    assert by_id["hearings"]["url"] == "http://127.0.0.1:8000/ko/events/hearings/"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(pages["ko/data/events.csv"].lstrip("\ufeff")))}
    assert rows["hearings"]["title"] == "서울 공개 청문회"
    calendar = icalendar.Calendar.from_ical(pages["ko/data/events.ics"])
    assert calendar["x-wr-calname"] == "북한인권 연표"
    assert "서울 공개 청문회" in [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert calendar.to_ical() == pages["ko/data/events.ics"].encode("utf-8")  # as icalendar writes it
    feed = ET.fromstring(pages["ko/feed.xml"].encode())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.findtext("a:title", namespaces=ns) == "북한인권 연표: 새 항목과 정정된 항목"
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert "정정: 서울 공개 청문회" in titles  # a corrected record, as its English entry says


def test_an_attribution_is_rendered_by_its_english_text_and_shown_in_english_once_that_changes(data: Path):
    (data / "ko" / "attributions.yaml").write_text(
        "attributions:\n  - en: A wire service\n    ko: 한 통신사\n", "utf-8")
    write_korean_events(data, current_entry(data, "assembly-vote",
                     "    title: 총회, 결의 채택\n    summary: 표결로 채택했다.\n"))
    page = _korean_pages(data)["ko/events/assembly-vote.md"]
    assert "단일 출처: 한 통신사에 따른 것으로" in page and "(한 통신사에 따름, 단일 출처)" in page
    events = data / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("A wire service", "Another wire service"), "utf-8")
    assert "Another wire service" in _korean_pages(data)["ko/events/assembly-vote.md"]
    (coverage,) = check_translations(data, read_chronology(data))  # `make check` says so
    assert [str(p) for p in coverage.stale] == [
        "data/ko/attributions.yaml:2:5: no event says 'A wire service' any more: "
        "render its new text (or remove this entry)"]
