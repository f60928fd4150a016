"""Embeddable views: one per theme, body, person and year plus the whole chronology, small,
marked noindex, in both editions, and the code the pages offer for them."""

from __future__ import annotations

import gzip
import re

import pytest

from conftest import ROOT
from timeline.edition import Edition
from timeline.generate import render_pages
from timeline.read import read_chronology
from timeline.settings import Settings
from timeline.translations import check_translations

BASE = "https://timeline.example/"


@pytest.fixture(scope="module")
def chronology():
    return read_chronology(ROOT / "data")


@pytest.fixture(scope="module")
def pages(chronology):
    return render_pages(chronology, Settings(BASE))


def test_there_is_a_view_for_every_theme_body_person_and_year(chronology, pages):
    views = {p for p in pages if p.startswith("embed/")}
    expected = {"embed/timeline.html"}
    expected |= {f"embed/tags/{t}.html" for t in chronology.tags}
    expected |= {f"embed/{'bodies' if a.kind == 'body' else 'people'}/{a.id}.html"
                 for a in chronology.actors.values()}
    expected |= {f"embed/years/{e.date.year}.html" for e in chronology.events}
    assert views == expected


def test_each_view_is_small_and_kept_out_of_search_engines(pages):
    views = {p: t for p, t in pages.items() if p.startswith("embed/")}
    largest = max(views, key=lambda p: len(views[p]))
    assert len(gzip.compress(views[largest].encode())) < 20 * 1024, largest
    for text in views.values():
        assert '<meta name="robots" content="noindex">' in text
        # Nothing is loaded from elsewhere (the links go to this site's own pages).
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text.split("<footer>")[0])


def test_a_view_lists_its_events_with_their_dates_marks_and_links(chronology, pages):
    view = pages["embed/tags/icc-referral.html"]
    events = [e for e in chronology.events if "icc-referral" in e.tags]
    assert view.count("<li>") == len(events)
    assert '<a href="../../events/ga-res-69-188/" target="_blank" rel="noopener">' in view
    corrected = next(e for e in events if e.corrections)
    assert re.search(rf'events/{corrected.id}/"[^>]*>[^<]*</a> <span class="m">corrected</span>', view)
    assert "<h1>ICC referral</h1>" in view and view.count("<h1>") == 1


def test_theme_body_person_and_year_pages_offer_the_code(pages):
    for page, view in (("tags/icc-referral.md", "embed/tags/icc-referral.html"),
                       ("bodies/security-council.md", "embed/bodies/security-council.html"),
                       ("people/michael-kirby.md", "embed/people/michael-kirby.html"),
                       ("years/2014.md", "embed/years/2014.html")):
        text = pages[page]
        assert "## Embed this {: #embed data-search-exclude }" in text
        assert f"&lt;iframe src=&#34;{BASE}{view}&#34;" in text
        for attribute in ("loading=&#34;lazy&#34;", "referrerpolicy=&#34;no-referrer&#34;", "title=&#34;"):
            assert attribute in text
        assert f"event.origin !== &#34;{BASE[:-1]}&#34;" in text  # the host checks who sends the height
    assert "Embed this" not in pages["types/resolution.md"]


def test_the_korean_pages_embed_the_korean_views(chronology):
    (coverage,) = check_translations(ROOT / "data", chronology)
    korean = render_pages(chronology, Settings(BASE), Edition.of(chronology, coverage))
    assert '<html lang="ko">' in korean["ko/embed/years/2014.html"]
    code = f"&lt;iframe src=&#34;{BASE}ko/embed/tags/icc-referral.html&#34;"
    assert code in korean["ko/tags/icc-referral.md"]
