"""How each state voted, as the pages and exports show it: a state's record across a series,
the years its vote changed, links both ways between events and states, the exports read back
with real parsers, and the Korean edition's names, order and words."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest

from conftest import ROOT
from timeline.edition import Edition
from timeline.generate import render_pages
from timeline.read import read_chronology
from timeline.settings import Settings
from timeline.standings import Standings
from timeline.translations import check_translations

BASE = "https://timeline.example/"


@pytest.fixture(scope="module")
def chronology():
    return read_chronology(ROOT / "data")


@pytest.fixture(scope="module")
def pages(chronology):
    return render_pages(chronology, Settings(BASE))


@pytest.fixture(scope="module")
def korean(chronology):
    (coverage,) = check_translations(ROOT / "data", chronology)
    rendered = render_pages(chronology, Settings(BASE + "ko/"), Edition.of(chronology, coverage))
    return {path.removeprefix("ko/"): text for path, text in rendered.items()}


def _rows(page: str) -> list[tuple[str, str, str]]:
    """(date, body, vote words) of each row of a state page's record table."""
    return [(date, body, words.strip()) for date, body, words in re.findall(
        r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>.*?</td><td><span[^>]*>[^<]*</span> ([^<(;·]+)", page)]


def test_a_state_page_shows_its_record_across_the_assembly_series(pages):
    page = pages["states/republic-of-korea.md"]
    assembly = [(date[-4:], words) for date, body, words in _rows(page) if body == "UNGA"]
    assert assembly[:9] == [
        ("2005", "abstained"), ("2006", "voted in favour"), ("2007", "abstained"),
        ("2008", "voted in favour"), ("2009", "voted in favour"), ("2010", "voted in favour"),
        ("2011", "voted in favour"), ("2012", "adopted without a vote"), ("2013", "adopted without a vote")]
    assert ("2014", "voted in favour") in assembly and ("2025", "adopted without a vote") == assembly[-1]
    council = [(date[-4:], words) for date, body, words in _rows(page) if body == "CHR"]
    assert council == [("2003", "did not vote"), ("2004", "abstained"), ("2005", "abstained")]


def test_the_years_a_vote_changed_with_what_came_between(chronology):
    standings = Standings(chronology)
    korea = [(c.body, c.before.event.date.year, c.before.outcome, c.after.event.date.year, c.after.outcome)
             for c in standings.changes("republic-of-korea")]
    assert ("general-assembly", 2005, "abstaining", 2006, "in_favour") in korea
    assert ("general-assembly", 2006, "in_favour", 2007, "abstaining") in korea
    assert ("general-assembly", 2007, "abstaining", 2008, "in_favour") in korea
    # Not voting is not a vote to change from: 2003 (did not vote) -> 2004 (abstained) is no change.
    assert not [c for c in korea if c[0] == "commission-on-human-rights"]
    # Adoptions without a vote stand between two votes, named, not skipped.
    algeria = {(c.before.event.date.year, c.after.event.date.year): c for c in standings.changes("algeria")}
    assert [r.event.date.year for r in algeria[(2011, 2014)].between] == [2012, 2013]


def test_a_disputed_vote_is_marked_and_never_a_change(chronology, pages):
    standings = Standings(chronology)
    south_africa = [r for r in standings.record("south-africa") if r.event.id == "ga-2007"][0]
    assert south_africa.cast.disputed is not None and not south_africa.counts
    assert all(c.before.event.id != "ga-2007" and c.after.event.id != "ga-2007"
               for c in standings.changes("south-africa"))
    assert "(disputed: Erik Voeten" in pages["states/south-africa.md"]


def test_events_and_states_link_both_ways(pages):
    assert 'href="../../states/republic-of-korea/">Republic of Korea</a>' in pages["events/ga-2006.md"]
    assert 'href="../../events/ga-2006/">' in pages["states/republic-of-korea.md"]
    assert "[Republic of Korea](../states/republic-of-korea.md)" in pages["bodies/republic-of-korea.md"]
    states = pages["states/index.md"]
    for state in ("japan", "eswatini", "serbia-and-montenegro"):
        assert f'href="../states/{state}/"' in states


def test_a_deduced_list_says_so_and_why(pages):
    page = pages["events/unsc-2017.md"]
    assert "The list in favour is deduced, not recorded" in page and "(10 + 3 + 2 = 15)" in page
    assert "deduced from the body&#39;s membership that year" in pages["states/italy.md"]


def test_the_states_table_has_a_cell_per_state_and_roll_call(chronology, pages):
    table = pages["states/index.md"].split('<table class="tl-states">')[1].split("</table>")[0]
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', table)
    assert len(rows) == len(Standings(chronology).states_in_use())
    assert all(row.count("<td") == len(chronology.rollcalls) for row in rows)
    korea = next(r for r in rows if "republic-of-korea" in r)
    # The Commission 2003-2005, then the Council from 2008: grouped by body, then by year.
    assert re.findall(r'class="tl-v-([a-z_-]+)"', korea)[:4] == ["not_voting", "abstaining", "abstaining",
                                                                   "in_favour"]


def test_the_exports_carry_every_roll_call(chronology, pages):
    rows = list(csv.DictReader(io.StringIO(pages["data/rollcalls.csv"].removeprefix("\ufeff"))))
    assert len(rows) == sum(len(r.listed()) for r in chronology.rollcalls)
    fiji = next(r for r in rows if r["event_id"] == "ga-res-64-175" and r["state_id"] == "fiji")
    assert (fiji["vote"], fiji["disputed"], fiji["status"], fiji["iso3"]) == (
        "in_favour", "not_voting", "one-source", "FJI")
    assert fiji["record_url"] == "https://digitallibrary.un.org/record/674407"
    data = json.loads(pages["data/events.json"])
    jsonschema.Draft202012Validator(json.loads(pages["data/events.schema.json"])).validate(data)
    assert len(data["rollcalls"]) == len(chronology.rollcalls)
    assert len(data["states"]) == len(chronology.states)


def test_the_korean_edition_names_states_as_korean_institutions_do_in_korean_order(korean):
    names = re.findall(r'<tr><th scope="row"><a href="[^"]+">([^<]+)</a>',
                       korean["states/index.md"].split('<table class="tl-states">')[1])
    hangul = [n for n in names if re.match("[가-힣]", n)]
    assert hangul == sorted(hangul) and len(hangul) > 180
    assert {"에스와티니", "호주", "남아프리카공화국", "세르비아 몬테네그로", "한국"} <= set(names)
    assert "# 에스와티니" in korean["states/eswatini.md"]


def test_did_not_vote_is_not_abstaining_in_korean(korean):
    page = korean["events/ga-2007.md"]
    assert "<li><strong>표결 불참 (10)</strong>" in page and "<li><strong>기권 (59)</strong>" in page
    assert "표결에 불참" in korean["states/azerbaijan.md"]


def test_a_change_is_read_across_a_disputed_vote_not_from_it():
    from timeline.chronology import Chronology
    from timeline.model import Event
    from timeline.rollcalls import RollCall, State

    def event(ident: str, year: int) -> Event:
        return Event.model_validate({
            "id": ident, "date": f"{year}-12-18", "title": ident, "summary": "s",
            "bodies": ["general-assembly"], "vote": {"yes": 1, "no": 0, "abstain": 1},
            "sources": [{"title": "t", "publisher": "p"}]})

    def rollcall(ident: str, yes: str, abstain: str, disputed: bool = False) -> RollCall:
        return RollCall.model_validate({
            "event": ident, "status": "one-source", "in_favour": [yes], "abstaining": [abstain],
            "disputed": [{"state": "A", "other": "in_favour", "according_to": "x"}] if disputed else []})

    states = {s: State(id=s.lower(), name=s, recorded=[s]) for s in ("A", "B")}
    chronology = Chronology([event("e1", 2005), event("e2", 2006), event("e3", 2007)], {}, {}, {},
                            {s.id: s for s in states.values()},
                            [rollcall("e1", "A", "B"), rollcall("e2", "B", "A", disputed=True),
                             rollcall("e3", "B", "A")])
    (change,) = Standings(chronology).changes("a")
    assert (change.before.event.id, change.after.event.id) == ("e1", "e3")  # in favour -> abstained
    assert [r.event.id for r in change.between] == ["e2"]
