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


# Hosts that carry copies of others' texts (aggregators, mirrors, staging sites). A source there
# must say what it is a copy of, and is cited only where no original was found.
COPY_HOSTS = re.compile(
    r"townhall\.com|pressreader|scoop\.co\.nz|miragenews|articlefeed|liquisearch|wikimili|"
    r"girlsrightsplatform|humanrightsvoices|right-docs\.org|vdocuments?\.|scribd\.com|docslib|"
    r"studylib|einnews|genocidewatch|hatenablog|blogspot\.|staging\.|web\.(test|dev)\.ohchr")


def test_copies_are_labelled_as_copies(chronology: Chronology):
    unlabelled = [(e.id, s.url) for e in chronology.events for s in e.sources
                  if s.url and COPY_HOSTS.search(s.url) and not s.copy_of]
    assert unlabelled == []


# The annual series, from the fact sheets: every year has its event.
def _years(chronology: Chronology, body: str) -> list[int]:
    return sorted(e.date.year for e in chronology.events
                  if e.type == "resolution" and e.bodies[:1] == [body])


def test_every_year_of_each_series_has_one_resolution(chronology: Chronology):
    assert _years(chronology, "general-assembly") == list(range(2005, 2026))
    assert _years(chronology, "commission-on-human-rights") == [2003, 2004, 2005]
    assert _years(chronology, "human-rights-council") == list(range(2008, 2026))


# (year, plenary date, plenary outcome) from the General Assembly summary table of
# facts-annual-record.md; None = adopted without a vote.
GA_PLENARY = [
    (2005, "2005-12-16", (88, 21, 60)), (2006, "2006-12-19", (99, 21, 56)),
    (2007, "2007-12-18", (101, 22, 59)), (2008, "2008-12-18", (94, 22, 63)),
    (2009, "2009-12-18", (99, 20, 63)), (2010, "2010-12-21", (106, 20, 57)),
    (2011, "2011-12-19", (123, 16, 51)), (2012, "2012-12-20", None), (2013, "2013-12-18", None),
    (2014, "2014-12-18", (116, 20, 53)), (2015, "2015-12-17", (119, 19, 48)),
    (2016, "2016-12-19", None), (2017, "2017-12-19", None), (2018, "2018-12-17", None),
    (2019, "2019-12-18", None), (2020, "2020-12-16", None), (2021, "2021-12-16", None),
    (2022, "2022-12-15", None), (2023, "2023-12-19", None), (2024, "2024-12-17", None),
    (2025, "2025-12-18", None),
]
# Symbols the sheet leaves unconfirmed, never published. A/RES/65/225, A/RES/78/218,
# A/HRC/RES/13/14 and A/HRC/RES/16/8 were once here: the roll calls' records and the December
# 2026 review confirmed them.
UNCONFIRMED = {"A/RES/76/177", "A/HRC/RES/19/13"}


def _matches_the_sheet(chronology: Chronology, bodies: tuple[str, ...], table: list) -> None:
    by_year = {e.date.year: e for e in chronology.events
               if e.type == "resolution" and e.bodies[:1] and e.bodies[0] in bodies}
    for year, day, outcome in table:
        event = by_year[year]
        assert str(event.date) == day, event.id
        vote = event.vote
        assert (None if vote.without_vote else (vote.yes, vote.no, vote.abstain)) == outcome, event.id


def test_general_assembly_dates_and_tallies_match_the_fact_sheet(chronology: Chronology):
    _matches_the_sheet(chronology, ("general-assembly",), GA_PLENARY)


def test_unconfirmed_symbols_are_not_published(chronology: Chronology):
    assert UNCONFIRMED & set(chronology.documents) == set()
    for event in chronology.events:
        assert UNCONFIRMED & set(event.documents) == set(), event.id


def test_south_koreas_position_is_given_on_most_resolutions(chronology: Chronology):
    resolutions = [e for e in chronology.events
                   if e.type == "resolution" and e.bodies[:1] != ["ga-third-committee"]]
    with_korea = [e for e in resolutions if any(p.state == "republic-of-korea" for p in e.positions)]
    assert len(with_korea) >= 0.9 * len(resolutions)


# (year, adoption date, outcome) from the Council summary table of facts-annual-record.md.
COUNCIL = [
    (2003, "2003-04-16", (28, 10, 14)), (2004, "2004-04-15", (29, 8, 16)),
    (2005, "2005-04-14", (30, 9, 14)), (2008, "2008-03-27", (22, 7, 18)),
    (2009, "2009-03-26", (26, 6, 15)), (2010, "2010-03-25", (28, 5, 13)),
    (2011, "2011-03-24", (30, 3, 11)), (2012, "2012-03-22", None), (2013, "2013-03-21", None),
    (2014, "2014-03-28", (30, 6, 11)), (2015, "2015-03-27", (27, 6, 14)),
    (2016, "2016-03-23", None), (2017, "2017-03-24", None), (2018, "2018-03-23", None),
    (2019, "2019-03-22", None), (2020, "2020-06-22", None), (2021, "2021-03-23", None),
    (2022, "2022-04-01", None), (2023, "2023-04-04", None), (2024, "2024-04-04", None),
    (2025, "2025-04-03", None),
]


def test_council_dates_and_tallies_match_the_fact_sheet(chronology: Chronology):
    _matches_the_sheet(chronology, ("commission-on-human-rights", "human-rights-council"), COUNCIL)


# Tallies that an earlier version stated and a roll call has since replaced (with a correction
# on the event): no statement of either edition gives them again. A note may still report
# them as the figures of the one source that gave them, naming it, as disagreements are shown.
REPLACED_TALLIES = {"ga-2010": (("106-21-55", "106 votes to 21", "106 in favour, 21 against",
                                 "찬성 106, 반대 21", "106 대 21"), ("Asian Age", "아시안 에이지"))}


def test_no_text_still_states_a_replaced_tally():
    from timeline.edition import Edition
    from timeline.translations import check_translations

    chronology = read_chronology(ROOT / "data")
    editions = [chronology] + [Edition.of(chronology, c).chronology
                               for c in check_translations(ROOT / "data", chronology)]
    for event_id, (spellings, sources) in REPLACED_TALLIES.items():
        for edition in editions:
            event = edition.event_ids[event_id]
            assert event.corrections and event.vote.confidence == "verified", event_id
            statements = [event.title, event.summary, event.date_label or "",
                          *(v.note or "" for v in (event.vote, event.committee_vote) if v),
                          *(v.label or "" for v in (event.vote, event.committee_vote) if v),
                          *(q.text for q in event.quotes), *(d.label for d in event.other_dates)]
            for text in statements:
                assert not any(s in text for s in spellings), (event_id, text)
            for note in event.notes:
                if any(s in note for s in spellings):
                    assert any(source in note for source in sources), (event_id, note)
