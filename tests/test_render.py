"""Rendering: golden pages for the fixture data, and the escaping that keeps data inert.

Run with UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA
from timeline.generate import render_pages
from timeline.read import read_chronology
from timeline.render import markdown, meta, text, url
from timeline.settings import Settings

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(read_chronology(FIXTURE_DATA))


def test_pages_match_golden_files(pages: dict[str, str]):
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, content in pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(content.encode("utf-8"))
    golden = {str(p.relative_to(GOLDEN)): p.read_bytes().decode("utf-8")
              for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden)
    for rel, content in pages.items():
        assert content == golden[rel], f"{rel} differs from tests/golden/{rel}"


def test_for_zensical_links_in_raw_html_are_written_from_the_page_source(pages: dict[str, str]):
    """MkDocs leaves a link in raw HTML as written, from the page's address (bodies/council/);
    Zensical reads it from the page's source file (bodies/council.md), as a Markdown link."""
    for_zensical = render_pages(read_chronology(FIXTURE_DATA), Settings().zensical())
    assert sorted(for_zensical) == sorted(pages)
    assert 'href="../../events/hearings/"' in pages["bodies/council.md"]
    assert 'href="../events/hearings/"' in for_zensical["bodies/council.md"]
    assert for_zensical["bodies/council.md"].replace('"../', '"../../') == pages["bodies/council.md"]
    # A folder's index.md is published at that folder: the same links for both.
    assert all(for_zensical[path] == text for path, text in pages.items() if path.endswith("index.md"))


def test_every_kind_of_page_is_generated(pages: dict[str, str]):
    assert {"index.md", "timeline.md", "bodies/index.md", "people/index.md", "tags/index.md",
            "events/hearings.md", "bodies/council.md", "people/jane-doe.md",
            "tags/inquiry.md"} <= pages.keys()


def test_related_events_link_both_ways(pages: dict[str, str]):
    assert 'href="../../events/inquiry-created/"' in pages["events/hearings.md"]
    assert 'href="../../events/hearings/"' in pages["events/inquiry-created.md"]


def test_year_and_month_precision_sort_after_days_they_cover(pages: dict[str, str]):
    timeline = pages["timeline.md"]
    assert timeline.index("17 February 2014") < timeline.index("December 2014")


@pytest.mark.parametrize("raw, safe", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("[x](javascript:y)", "\\[x\\]\\(javascript:y\\)"),
    ("{: onclick=x }", "\\{: onclick=x \\}"),
    ("a & b", "a &amp; b"),
    ("# not a heading", "\\# not a heading"),
])
def test_text_is_inert(raw: str, safe: str):
    assert text(raw) == safe


def test_markdown_keeps_formatting_but_not_html_or_attributes():
    assert markdown("*a* <b onclick=x>b</b> {: .c }") == (
        "*a* &lt;b onclick=x&gt;b&lt;/b&gt; &#123;: .c &#125;"
    )


def test_url_cannot_close_a_markdown_link():
    assert url('https://e.org/a(b) "c"') == "https://e.org/a%28b%29%20%22c%22"


def test_meta_is_quoted_and_escaped():
    assert meta('x" onload="y') == '"x&quot; onload=&quot;y"'


def test_interface_text_takes_any_value_name_and_escapes_values_as_jinja_does():
    from timeline.language import speaking
    from timeline.render import environment

    template = environment().from_string(
        '{{ _("%(message)s and %(n)s%%", message="<b>", n=3) }}|'
        "{% trans n=2 %}one item{% pluralize %}{{ n }} items{% endtrans %}")
    with speaking("en"):
        assert template.render() == "&lt;b&gt; and 3%|2 items"
