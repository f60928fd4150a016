"""`mkdocs serve`: a saved YAML edit reaches the served page without a restart, and the
pages the hook writes do not make the server build again. With `--dirty` (as `make serve` runs
it) only changed pages are rebuilt, yet search, listings and deleted pages stay right."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, timeout: float, what: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited while waiting for {what}:\n{log.read_text()}")
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}:\n{log.read_text()}")


@contextlib.contextmanager
def serving(project: Path, *options: str):
    """`mkdocs serve` on a free port: yields (base address, wait) where wait(predicate,
    seconds, what) polls until the predicate holds, failing with the server's log."""
    port = free_port()
    log_path = project / "serve.log"
    log = log_path.open("w")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
         f"127.0.0.1:{port}", *options],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    try:
        yield (f"http://127.0.0.1:{port}/",
               lambda predicate, seconds, what: wait_for(predicate, seconds, what, server, log_path))
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_a_saved_edit_is_served_without_restart(project: Path):
    log_path = project / "serve.log"
    with serving(project) as (base, wait):
        url = f"{base}events/hrc-res-25-25/"
        wait(lambda: fetch(url), 60, "the first build")
        events = project / "data" / "events.yaml"
        old = "title: Human Rights Council resolution 25/25 acts on the Commission's findings"
        events.write_text(events.read_text("utf-8").replace(old, "title: Edited while serving"))
        wait(lambda: "Edited while serving" in (fetch(url) or ""), 30, "the edited title")
        timeline = fetch(f"{base}timeline/") or ""
        assert "Edited while serving" in timeline
        # The pages the generator writes are not watched: the edit causes one build, not a
        # second one for the pages the first wrote (a hook whose writes were watched could
        # even build forever).
        time.sleep(5)
        assert log_path.read_text().count("Detected file changes") == 1, log_path.read_text()
        # A page written by hand is watched.
        about = project / "docs" / "about.md"
        about.write_text(about.read_text("utf-8").replace("# About this site", "# About this site, edited"))
        wait(lambda: "About this site, edited" in (fetch(f"{base}about/") or ""), 30, "the edited page")


NEW_EVENT = """
  - id: added-while-serving
    date: 2015-06-01
    title: An event added while serving
    summary: Added by a test, then removed.
    bodies: [assembly]
    sources:
      - title: A source
        publisher: Example
        url: https://example.org/added
    added: 2026-11-28
"""


def _search_pages(base: str) -> dict[str, list[str]]:
    """Titles of the search index's entries, by page address."""
    pages: dict[str, list[str]] = {}
    for entry in json.loads(fetch(f"{base}search/search_index.json") or '{"docs": []}')["docs"]:
        pages.setdefault(entry["location"].split("#", 1)[0], []).append(entry["title"])
    return pages


def test_dirty_serve_keeps_search_listings_and_deletions_right(fixture_project: Path):
    project = fixture_project
    events = project / "data" / "events.yaml"
    original = events.read_text("utf-8")
    with serving(project, "--dirty") as (base, wait):
        page = f"{base}events/hearings/"
        wait(lambda: fetch(page), 60, "the first build")
        before = _search_pages(base)
        assert "events/hearings/" in before and "about/" in before

        # An edit reaches the page, every listing of it and search; other pages stay indexed.
        events.write_text(original.replace("title: Public hearings [in] Seoul",
                                           "title: Hearings edited while serving"))
        wait(lambda: "Hearings edited while serving" in (fetch(page) or ""), 30, "the edit")
        for listing in ("timeline/", "years/2013/", "bodies/assembly/", "tags/inquiry/"):
            if "hearings/" in (fetch(base + listing) or ""):
                assert "Hearings edited while serving" in (fetch(base + listing) or ""), listing
        wait(lambda: "Hearings edited while serving" in _search_pages(base).get("events/hearings/", []),
             30, "the edit in the search index")
        after = _search_pages(base)
        assert after.keys() == before.keys()
        assert "Public hearings [in] Seoul" not in after["events/hearings/"]

        # An event added, then deleted: its page and its search entries go with it.
        new = f"{base}events/added-while-serving/"
        events.write_text(original + NEW_EVENT)
        wait(lambda: fetch(new), 30, "the added event")
        wait(lambda: "events/added-while-serving/" in _search_pages(base), 30, "its search entries")
        events.write_text(original)
        wait(lambda: fetch(new) is None, 30, "the deleted event's page to go")
        wait(lambda: "events/added-while-serving/" not in _search_pages(base), 30,
             "its search entries to go")
        assert "added-while-serving" not in (fetch(f"{base}timeline/") or "")
        assert _search_pages(base).keys() == before.keys()

        # A change every page shows (here the footer, from mkdocs.yml) reaches pages whose
        # data did not change.
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace(
            "copyright: Text and data", "copyright: Changed while serving · Text and data"))
        wait(lambda: "Changed while serving" in (fetch(f"{base}events/inquiry-created/") or ""),
             60, "the site-wide change on an unchanged page")
    # MkDocs' warning that dirty builds leave pages stale is not shown: the hook sees to it.
    assert "A 'dirty' build is being performed" not in (project / "serve.log").read_text()


def _korean_search_pages(base: str) -> set[str]:
    index = json.loads(fetch(f"{base}ko/search/search_index.json") or '{"docs": []}')
    return {entry["location"].split("#", 1)[0] for entry in index["docs"]}


def test_make_serve_serves_the_korean_edition_and_a_korean_edit_reaches_it(project: Path):
    korean = project / "data" / "ko" / "events.yaml"
    original = korean.read_text("utf-8")
    old = "title: 유엔 북한인권조사위원회 보고서, 북한에서 반인도범죄가 자행됐다고 결론"
    assert old in original
    with serving(project, "--dirty") as (base, wait):  # as make serve runs it
        page = f"{base}ko/events/coi-report/"
        wait(lambda: "반인도범죄가 자행됐다고 결론" in (fetch(page) or ""), 120, "the Korean edition")
        english = fetch(f"{base}events/coi-report/") or ""
        assert 'hreflang="ko"' in english and "Commission of Inquiry report" in english
        before = _korean_search_pages(base)
        assert "events/coi-report/" in before and "about/" in before
        korean.write_text(original.replace(old, "title: 서비스 중에 고친 제목"), "utf-8")
        wait(lambda: "서비스 중에 고친 제목" in (fetch(page) or ""), 30, "the Korean edit")
        assert "서비스 중에 고친 제목" in (fetch(f"{base}ko/timeline/") or "")
        wait(lambda: _korean_search_pages(base) == before, 30, "the whole Korean search index")
