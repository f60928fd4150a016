"""What readers get from the built site: the visual timeline, vote charts, citations and
JSON-LD, facet pages, the glossary, and the offline copy (a real MkDocs build)."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import build, mkdocs, run
from htmlpage import parse
from timeline.read import read_chronology

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("readers") / "project")
    assert build(project).returncode == 0
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def chronology(built):
    return read_chronology(built / "data")


def svg_links(page) -> dict[str, str]:
    """{href: accessible name} of the event marks drawn in the page's visual timeline."""
    return {e.attrs["href"]: e.attrs.get("aria-label", "") for e in page.find("a")
            if "tl-mark" in (e.attrs.get("class") or "")}


@pytest.mark.parametrize("page, prefix", [("index.html", "events/"), ("timeline/index.html", "../events/")])
def test_every_event_is_a_named_link_in_the_visual_timeline(built, chronology, page, prefix):
    links = svg_links(parse(built / "site" / page))
    assert set(links) == {f"{prefix}{e.id}/" for e in chronology.events}
    for event in chronology.events:
        name = links[f"{prefix}{event.id}/"]
        assert name.endswith(": " + event.title) and str(event.date.year) in name
        assert (built / "site" / "events" / event.id / "index.html").is_file()


def test_vote_bars_show_the_numbers_in_the_data(built, chronology):
    counted = [e for e in chronology.events if e.vote and e.vote.yes is not None]
    assert len(counted) > 10
    for event in counted:
        page = parse(built / "site" / "events" / event.id / "index.html")
        bars = [e for e in page.elements if e.tag == "svg" and "tl-vote" in (e.attrs.get("class") or "")]
        committee = event.committee_vote
        assert len(bars) == 1 + bool(committee and committee.yes is not None), event.id
        label = bars[-1].attrs["aria-label"]  # the committee stage first, the decision last
        assert f"{event.vote.yes} in favour" in label
        for n, what in ((event.vote.no, "against"), (event.vote.abstain, "abstentions")):
            assert (f"{n} {what}" in label) == (n is not None), (event.id, label)


def test_votes_page_tables_match_the_data(built, chronology):
    html = (built / "site" / "votes" / "index.html").read_text("utf-8")
    page = parse(built / "site" / "votes" / "index.html")
    assert len([e for e in page.find("svg") if "tl-trend" in (e.attrs.get("class") or "")]) == 3
    for event in chronology.events:
        for vote in (event.committee_vote, event.vote):
            if not vote or (event.bodies[:1] == ["ga-third-committee"]):
                continue
            rows = re.findall(rf'href="\.\./events/{event.id}/".*?</tr>', html, re.S)
            outcomes = [re.findall(r"<td[^>]*>(.*?)</td>", row)[-1] for row in rows]
            if vote.without_vote:
                expected = "Adopted without a vote."
            else:
                expected = ", ".join(f"{'not confirmed' if n is None else n} {what}" for n, what in (
                    (vote.yes, "in favour"), (vote.no, "against"), (vote.abstain, "abstentions")))
            shown = [o for o in outcomes if o.startswith(expected[0].upper() + expected[1:])]
            assert shown, (event.id, outcomes)
            assert any(("single source" in o) == (vote.confidence == "likely") for o in shown), event.id


def test_event_pages_offer_citations_and_json_ld(built, chronology):
    for event in chronology.events:
        page = parse(built / "site" / "events" / event.id / "index.html")
        scripts = [s for s in page.find("script") if s.attrs.get("type") == "application/ld+json"]
        assert len(scripts) == 1, event.id
        data = json.loads(scripts[0].text)
        assert data["@type"] == "Event" and data["startDate"] == str(event.date)
        assert data["name"] == event.title
        assert len(data["subjectOf"]) == len(event.sources)
        codes = [c.text for c in page.find("code")]
        assert any(c.startswith(f"@misc{{nkhrt-{event.id},") for c in codes), event.id
        assert page.find("h2")[-1].text.replace("¶", "").strip() == "Cite this event"


def test_facet_pages_list_their_events(built, chronology):
    for event in chronology.events[:: 10]:
        for facet in (f"types/{event.type}", f"years/{event.date.year}",
                      f"tags/{event.tags[0]}", f"bodies/{event.bodies[0]}"):
            links = parse(built / "site" / facet / "index.html").links()
            assert f"../../events/{event.id}/" in links, (facet, event.id)


def test_timeline_filter_index_covers_every_event(built, chronology):
    page = parse(built / "site" / "timeline" / "index.html")
    index = json.loads(next(s.text for s in page.find("script") if s.attrs.get("id") == "tl-facets"))
    assert set(index) == {e.id for e in chronology.events}
    assert index["hrc-res-25-25"] == {"body": chronology.event_ids["hrc-res-25-25"].bodies,
                                      "type": ["resolution"], "year": ["2014"],
                                      "tag": chronology.event_ids["hrc-res-25-25"].tags}
    form = next(e for e in page.elements if e.attrs.get("id") == "tl-filter")
    assert "hidden" in form.attrs  # shown by the script; the page is complete without it


def test_glossary_explains_abbreviations_on_every_page(built):
    for html in ("index.html", "events/coi-report/index.html", "about/index.html"):
        titles = {a.attrs.get("title") for a in parse(built / "site" / html).find("abbr")}
        assert "Democratic People's Republic of Korea (North Korea)" in titles, html


def test_print_stylesheet_shows_link_addresses(built):
    css = (built / "site" / "assets" / "stylesheets" / "extra.css").read_text("utf-8")
    rule = css[css.index("@media print"):]
    assert 'content: " <" attr(href) ">"' in rule and ".md-sidebar" in rule


def test_offline_zip_opens_and_its_links_resolve(built, tmp_path):
    target = tmp_path / "offline.zip"
    result = run([sys.executable, str(built / "scripts" / "offline.py"), "--zip", str(target)], cwd=built)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        archive.extractall(tmp_path / "out")
    root = tmp_path / "out" / "nk-human-rights-timeline"
    assert (root / "search" / "search_index.js").is_file()  # search without a server
    assert (root / "ko" / "search" / "search_index.js").is_file()
    for html in ("index.html", "timeline.html", "events/coi-report.html", "ko/index.html",
                 "ko/events/coi-report.html"):  # both editions
        page = root / html
        for element in parse(page).elements:
            ref = element.attrs.get("href") or element.attrs.get("src") or ""
            local = ref and not re.match(r"^(https?:|mailto:|#)", ref)
            if element.tag in ("a", "link", "script", "img") and local:
                assert (page.parent / ref.split("#")[0]).resolve().exists(), (html, ref)
            if element.tag in ("script", "link", "img") and element.attrs.get("rel") != "canonical":
                assert not re.match(r"^(https?:)?//", ref), (html, ref)
