"""End to end, both editions: `make build`'s commands on a temporary copy, then the built
HTML read with a real parser: languages, the switcher to the same page, hreflang both ways,
link previews, and the Korean search index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build, mkdocs
from htmlpage import parse

pytestmark = pytest.mark.slow
EVENT = "events/coi-report/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("editions") / "project")
    assert build(project).returncode == 0
    for args in (("build", "--strict"), ("build", "--strict", "-f", "ko/mkdocs.yml")):
        result = mkdocs(project, *args)
        assert result.returncode == 0, result.stderr
    return project / "site"


def _meta(page, name: str) -> list[str]:
    return [e.attrs["content"] for e in page.find("meta")
            if e.attrs.get("property") == name or e.attrs.get("name") == name]


def _alternates(page) -> dict[str, str]:
    return {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("link")
            if e.attrs.get("rel") == "alternate" and e.attrs.get("hreflang")}


def test_every_english_page_has_its_korean_page(site: Path):
    english = {p.relative_to(site) for p in site.rglob("index.html") if "ko" not in p.relative_to(site).parts}
    korean = {p.relative_to(site / "ko") for p in (site / "ko").rglob("index.html")}
    assert english and english == korean


@pytest.mark.parametrize(("edition", "lang", "other", "locale", "other_locale"), [
    ("", "en", "ko", "en_US", "ko_KR"), ("ko/", "ko", "en", "ko_KR", "en_US")])
def test_an_event_page_names_its_language_and_links_to_itself_in_the_other(
        site: Path, edition: str, lang: str, other: str, locale: str, other_locale: str):
    page = parse(site / edition / EVENT / "index.html")
    assert page.find("html")[0].attrs["lang"] == lang
    base = "http://127.0.0.1:8000/"
    assert _alternates(page) == {"en": base + EVENT, "ko": base + "ko/" + EVENT, "x-default": base + EVENT}
    switcher = {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("a")
                if "md-select__link" in (e.attrs.get("class") or "")}
    target = (site / edition / EVENT / switcher[other] / "index.html").resolve()
    assert target == (site / ("ko/" if other == "ko" else "") / EVENT / "index.html").resolve()
    assert _meta(page, "og:locale") == [locale] and _meta(page, "og:locale:alternate") == [other_locale]
    assert _meta(page, "og:type") == ["article"] and _meta(page, "article:published_time") == ["2014-02-17"]
    assert _meta(page, "og:url") == [base + edition + EVENT]
    image = _meta(page, "og:image")[0]
    assert image == f"{base}assets/images/preview-{lang}.png" and (site / image[len(base):]).is_file()
    assert _meta(page, "twitter:card") == ["summary_large_image"]
    assert page.heading() in _meta(page, "og:title")[0]
    icon = next(e.attrs["href"] for e in page.find("link") if e.attrs.get("rel") == "icon")
    assert (site / edition / EVENT / icon).resolve() == site / "assets" / "images" / "favicon.png"


def test_the_korean_page_is_in_korean(site: Path):
    page = parse(site / "ko" / EVENT / "index.html")
    assert page.heading() == "유엔 북한인권조사위원회 보고서, 북한에서 반인도범죄가 자행됐다고 결론"
    assert any(p.text.startswith("2014년 2월 17일 (") for p in page.find("p"))
    description = _meta(page, "og:description")[0]
    assert description.startswith("2014년 2월 17일: ") and "조사위원회" in description
    headings = [h.text.replace("¶", "").strip() for h in page.find("h2")]
    assert "출처" in headings and "Sources" not in headings


def test_the_korean_search_index_holds_korean_words(site: Path):
    text = (site / "ko" / "search" / "search_index.json").read_text("utf-8")
    index = json.loads(text)
    assert "ko" in index["config"]["lang"]
    assert any("조사위원회" in doc["title"] + doc["text"] for doc in index["docs"])
    assert "조사위원회" in text and "\\u" not in text  # in UTF-8, not escaped
    # A state is found by its Korean name: its page's title is that name.
    assert any(doc["title"] == "에스와티니" and doc["location"].startswith("states/eswatini/")
               for doc in index["docs"])


def test_long_lists_found_elsewhere_stay_out_of_the_search_index(site: Path):
    """A state's record table and chart, and the tables of the Votes and UN documents pages, list
    events whose own pages search finds: kept out of the index, they would make every symbol or
    year match hundreds of entries. Each page's title and introduction stay in it."""
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    korea = " ".join(d["title"] + d["text"] for d in docs
                     if d["location"].startswith("states/republic-of-korea/"))
    assert "Republic of Korea" in korea and "A/RES/60/173" not in korea and "voted in favour" in korea
    votes = " ".join(d["text"] for d in docs if d["location"].startswith("votes/"))
    tally = "88 in favour, 21 against, 60 abstentions"  # 2005's plenary vote: a row of the table
    assert "recorded votes" in votes and tally not in votes
    assert any(tally in d["text"] for d in docs if d["location"].startswith("events/ga-res-60-173/"))
    documents = " ".join(d["text"] for d in docs if d["location"].startswith("documents/"))
    assert "UN documents are cited" in documents and "A/HRC/25/63" not in documents
    assert any("A/HRC/25/63" in d["text"] for d in docs if d["location"].startswith("events/"))
