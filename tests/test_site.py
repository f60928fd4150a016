"""End to end: real `python scripts/build.py` and `mkdocs build --strict` on a temporary copy."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import build, mkdocs, run, snapshot
from htmlpage import parse

pytestmark = pytest.mark.slow

NEW_EVENT = """
  - id: test-added-event
    date: 2015-12-10
    title: A newly added Security Council meeting
    type: meeting
    summary: Added by the end-to-end test.
    bodies: [security-council]
    tags: [security-council]
    sources:
      - title: Test source
        publisher: Test publisher
        url: https://example.org/source
"""


def site_build(root: Path) -> None:
    result = build(root)
    assert result.returncode == 0, result.stderr
    result = mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr


def test_an_added_event_appears_on_every_page_that_should_list_it(project: Path):
    with (project / "data" / "events.yaml").open("a", encoding="utf-8") as f:
        f.write(NEW_EVENT)
    site_build(project)
    site = project / "site"
    page = parse(site / "events" / "test-added-event" / "index.html")
    assert page.heading() == "A newly added Security Council meeting"
    assert page.find("title")[0].text.startswith("A newly added Security Council meeting - ")
    for listing, href in [
        ("timeline/index.html", "../events/test-added-event/"),
        ("bodies/security-council/index.html", "../../events/test-added-event/"),
        ("tags/security-council/index.html", "../../events/test-added-event/"),
    ]:
        links = parse(site / listing).links()
        assert links.get(href) == "A newly added Security Council meeting", listing


def test_event_pages_stay_out_of_the_sidebar(project: Path):
    site_build(project)
    page = parse(project / "site" / "events" / "coi-report" / "index.html")
    nav_links = [a for a in page.find("a") if "md-nav__link" in (a.attrs.get("class") or "")]
    assert nav_links and not any("events/" in (a.attrs.get("href") or "") for a in nav_links)


def test_hostile_text_never_becomes_live_html(fixture_project: Path):
    events = fixture_project / "data" / "events.yaml"
    text = events.read_text("utf-8")
    text = text.replace("title: Council creates an inquiry",
                        "title: '</title><script>alert(1)</script><img src=x onerror=alert(2)>'")
    text = text.replace("summary: Hearings were held.",
                        "summary: \"<b onmouseover=alert(3)>x</b>\\n\\n{: onclick=alert(4) }\\n\"")
    events.write_text(text, "utf-8")
    site_build(fixture_project)
    for html in (fixture_project / "site").rglob("*.html"):
        page = parse(html)
        for element in page.elements:
            assert not [a for a in element.attrs if a.startswith("on")], (html, element)
            assert element.tag not in ("img", "b"), (html, element)
        for script in page.find("script"):
            if script.attrs.get("type") in ("application/ld+json", "application/json"):
                assert "<" not in script.text, html  # data blocks: inert, and cannot close early
                json.loads(script.text)
            else:
                assert "alert" not in script.text, html
    title_page = parse(fixture_project / "site" / "events" / "inquiry-created" / "index.html")
    hostile = "</title><script>alert(1)</script><img src=x onerror=alert(2)>"
    assert title_page.heading() == hostile
    assert title_page.find("title")[0].text.startswith(hostile.replace("<", "&lt;").replace(">", "&gt;"))


def test_generator_runs_without_mkdocs(project: Path):
    code = ("import sys; sys.path.insert(0, 'scripts'); from pathlib import Path; "
            "from timeline.generate import generate; generate(Path('.')); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))")
    result = run([sys.executable, "-c", code], cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_any_mkdocs_builder_after_the_generator_gives_the_same_site(project: Path):
    site_build(project)
    with_hook = snapshot(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\nhooks:\n  - scripts/mkdocs_hook.py\n", "\n",
                             config.read_text("utf-8")), "utf-8")
    assert "mkdocs_hook" not in config.read_text("utf-8")
    result = mkdocs(project, "build", "--strict", "--site-dir", "plain-site")
    assert result.returncode == 0, result.stderr
    plain = snapshot(project / "plain-site")
    assert plain.keys() == with_hook.keys()
    pages = [name for name in with_hook if name.endswith(".html")]
    assert len(pages) > 200 and "events/coi-report/index.html" in pages
    assert [name for name in pages if plain[name] != with_hook[name]] == []


def test_a_data_error_stops_mkdocs_and_keeps_the_pages(project: Path):
    site_build(project)
    before = snapshot(project / "docs")
    events = project / "data" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("date: 2014-03-28", "date: 28/03/2014"))
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = "event 'hrc-res-25-25': date must be YYYY, YYYY-MM or YYYY-MM-DD, got '28/03/2014'"
    assert message in result.stderr
    assert snapshot(project / "docs") == before


def test_the_site_loads_nothing_from_other_hosts(project: Path):
    site_build(project)
    for html in (project / "site").rglob("*.html"):
        for element in parse(html).elements:
            for attr in ("src", "href", "srcset", "data-src"):
                value = element.attrs.get(attr) or ""
                loads = element.tag in ("script", "img", "iframe", "source", "link")
                if loads and element.attrs.get("rel") not in ("canonical", "alternate"):
                    assert not re.match(r"^(?:[a-z]+:)?//", value), (html, element)
    for css in (project / "site").rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?(?:https?:)?//", css.read_text("utf-8")), css


def test_a_second_build_with_nothing_changed_does_nothing(fixture_project: Path):
    assert build(fixture_project).returncode == 0
    again = build(fixture_project)
    assert again.returncode == 0 and "up to date" in again.stdout
    (fixture_project / "docs" / "timeline.md").unlink()
    restored = build(fixture_project)
    assert "1 written" in restored.stdout and (fixture_project / "docs" / "timeline.md").is_file()
    events = fixture_project / "data" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("Hearings were held.", "Hearings were held again."))
    changed = build(fixture_project)
    assert "up to date" not in changed.stdout and "written" in changed.stdout
