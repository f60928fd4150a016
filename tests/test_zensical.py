"""Zensical, the second builder, publishes the same site as MkDocs.

One temporary copy of the project is built both ways: with MkDocs as `make build` does (both
editions, without the offline zip) and with Zensical as `make build-zensical` does
(scripts/zensical_build.py). Every page MkDocs publishes is then read with a real parser in
both builds: Zensical must publish it too, with the same title (its <h1>), the same links to
event pages and the same language; and its links must lead to its own files.

What legitimately differs, and is therefore not compared:

- the search index: MkDocs' search plugin writes search/search_index.json (for lunr, with the
  languages of `lang: [ko, en]` in the Korean edition), Zensical its own search.json, in
  another format, for its own search, which takes no language setting;
- the sitemap: MkDocs writes sitemap.xml.gz beside sitemap.xml, Zensical sitemap.xml alone;
- the theme's own files: scripts and stylesheets under assets/ (each builder's, their names
  hashed), the footer's "Made with" link, and the form of some links its templates write
  (`./feed.xml` for `feed.xml`): the same address, written otherwise;
- the 404 page is each theme's own; both builds have one and it is not compared;
- the offline zip (downloads/) is made from MkDocs' build by scripts/offline.py: the About
  pages' link to it leads nowhere in Zensical's build (nor in this test's MkDocs build);
- links written by hand in raw HTML that leave their edition: the Korean Contributing and
  Performance pages link to the English ones. MkDocs leaves a link in raw HTML as written;
  Zensical reads it from the page's source file, as it does a Markdown link, so there these
  lead one folder too high (the English pages are a click away in the language selector).
  The generated pages have no such link: the generator writes their links for each builder
  (`Settings.zensical()`), and this test is what says that it does.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import build, copy_project, mkdocs, run
from htmlpage import parse

pytestmark = pytest.mark.slow

# (the folder of the page, the link) that lead nowhere in Zensical's build and why: above.
ZIP = "downloads/nk-human-rights-timeline.zip"
KNOWN_DEAD = {("about", "../../" + ZIP), ("ko/about", "../../../" + ZIP),
              ("ko/contributing", "../../../contributing/"), ("ko/performance", "../../../performance/")}
DEAD_IN_MKDOCS = {("about", "../" + ZIP), ("ko/about", "../../" + ZIP)}  # no zip in this build


@dataclass(frozen=True)
class Page:
    lang: str | None
    title: str | None
    events: frozenset[str]  # the links to event pages
    dead: frozenset[str]  # the relative links that lead to no file of the build


def read(site: Path) -> dict[str, Page]:
    """Every page (index.html) of a built site, by its folder."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        page = parse(html)
        hrefs = [a.attrs.get("href") or "" for a in page.find("a")]
        dead = set()
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = (html.parent / unquote(parts.path)).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                dead.add(href)
        headings = page.find("h1")
        pages[html.parent.relative_to(site).as_posix()] = Page(
            page.find("html")[0].attrs.get("lang"),
            headings[0].text.replace("¶", "").strip() if headings else None,
            frozenset(h for h in hrefs if "events/" in h), frozenset(dead))
    return pages


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    assert build(project).returncode == 0
    for args in (("build", "--strict"), ("build", "--strict", "-f", "ko/mkdocs.yml")):
        result = mkdocs(project, *args)
        assert result.returncode == 0, result.stderr
    result = run([sys.executable, "scripts/zensical_build.py"], cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", project / "site-zensical"


@pytest.fixture(scope="module")
def pages(builds) -> tuple[dict[str, Page], dict[str, Page]]:
    return read(builds[0]), read(builds[1])


def test_zensical_publishes_every_page_of_mkdocs_and_no_other(pages):
    by_mkdocs, by_zensical = pages
    assert len(by_mkdocs) > 800 and "ko/events/coi-report" in by_mkdocs
    assert sorted(by_zensical) == sorted(by_mkdocs)


def test_each_page_has_the_same_title_links_to_events_and_language(pages):
    by_mkdocs, by_zensical = pages
    differ = [(path, field, getattr(page, field), getattr(other, field))
              for path, page in by_mkdocs.items() if (other := by_zensical.get(path))
              for field in ("title", "events", "lang") if getattr(page, field) != getattr(other, field)]
    assert differ == []
    assert by_zensical["ko/events/coi-report"].lang == "ko" and by_zensical["events/coi-report"].lang == "en"
    assert sum(len(page.events) for page in by_zensical.values()) > 5000


def test_the_links_of_zensicals_pages_lead_to_its_files_except_the_known_ones(pages):
    by_mkdocs, by_zensical = pages
    dead = {(path, href) for path, page in by_zensical.items() for href in page.dead}
    assert dead == KNOWN_DEAD
    assert {(path, href) for path, page in by_mkdocs.items() for href in page.dead} == DEAD_IN_MKDOCS


def test_the_files_that_differ_are_the_search_index_and_the_sitemap_archive(builds):
    def files(site: Path) -> set[str]:  # besides the theme's own scripts and stylesheets
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
                and not {"javascripts", "stylesheets"} & set(p.relative_to(site).parts)}

    by_mkdocs, by_zensical = files(builds[0]), files(builds[1])
    assert by_mkdocs - by_zensical == {f"{edition}{name}" for edition in ("", "ko/")
                                       for name in ("search/search_index.json", "sitemap.xml.gz")}
    assert by_zensical - by_mkdocs == {"search.json", "ko/search.json"}
