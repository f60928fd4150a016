"""A corpus of hostile payloads in every text field and every address: each one is refused
with a message, or the built site shows it as text. Checked by parsing the built HTML."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from conftest import FIXTURE_DATA, build, mkdocs
from htmlpage import parse
from timeline.load import load
from timeline.problems import DataError
from timeline.read import read_chronology

pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!-- comment --><style>body{display:none}</style>",
    "[link](javascript:alert(1))",
    "[link](data:text/html,<script>alert(1)</script>)",
    "[link](vbscript:msgbox(1))",
    "[link]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![image](https://tracker.example/pixel.png)",
    "{: onclick=\"alert(1)\" }",
    "text {: .evil onclick=alert(1) }",
    "{{ 7 * 7 }} {% raw %}{% endraw %}",
    "\u202eevil\u202c",
    "null \x00 byte",
    "control \x07 bell",
    "*" * 5000,
    "A" * 100_000,
]
TEXT_FIELDS = [("title",), ("summary",), ("location",), ("date_label",), ("notes", 0),
               ("sources", 0, "title"), ("sources", 0, "publisher"), ("sources", 0, "note"),
               ("quotes", 0, "text"), ("quotes", 0, "by"), ("vote", "label"), ("vote", "note"),
               ("other_dates", 0, "label"), ("corrections", 0, "replaced"), ("corrections", 0, "change")]
URL_PAYLOADS = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "//evil.example/x", "https://ok.example/\"><script>",
                "https://ok.example/ onmouseover=alert(1)", "http://x.example/a)b(c"]
EVIL_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


def base_event() -> dict:
    event = dict(load(FIXTURE_DATA / "events.yaml", "data/events.yaml").data["events"][0])
    event.update(notes=["n"], other_dates=[{"date": "2013-03-22", "label": "l"}],
                 vote={"without_vote": True, "label": "v", "note": "n"},
                 date_label="d", location="Geneva",
                 corrections=[{"date": "2026-11-29", "replaced": "r", "change": "c"}])
    event["sources"] = [dict(event["sources"][0], note="s")]
    return event


def put(event: dict, path: tuple, value: str) -> None:
    target = event
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def cases() -> list[tuple[str, tuple, str]]:
    text = [(f"t{i}-{j}", path, payload) for i, payload in enumerate(PAYLOADS)
            for j, path in enumerate(TEXT_FIELDS)]
    urls = [(f"u{i}", ("sources", 0, "url"), payload) for i, payload in enumerate(URL_PAYLOADS)]
    return text + urls


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    """Try every case alone: keep those the validator accepts, build them all in one site."""
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("inject") / "project")
    shutil.rmtree(project / "data" / "ko")  # translations of the real data, not of the fixture
    shutil.copytree(FIXTURE_DATA, project / "data", dirs_exist_ok=True)
    fixture = load(FIXTURE_DATA / "events.yaml", "data/events.yaml").data["events"]
    accepted, refused = [], []
    for ident, path, payload in cases():
        event = base_event()
        event["id"] = f"inject-{ident}"
        put(event, path, payload)
        (project / "data" / "events.yaml").write_text(
            yaml.safe_dump({"events": fixture + [event]}, allow_unicode=True), "utf-8")
        try:
            read_chronology(project / "data")
            accepted.append(event)
        except DataError as exc:
            assert all(re.match(r"^data/events\.yaml:\d+:\d+: ", str(p)) for p in exc.problems)
            refused.append((ident, payload))
    (project / "data" / "events.yaml").write_text(
        yaml.safe_dump({"events": fixture + accepted}, allow_unicode=True), "utf-8")
    assert build(project).returncode == 0
    result = mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project, accepted, refused


def test_dangerous_addresses_and_characters_are_refused(outcome):
    _, _, refused = outcome
    refused_payloads = {payload for _, payload in refused}
    for payload in ("javascript:alert(1)", "vbscript:msgbox(1)", "//evil.example/x",
                    "[link](javascript:alert(1))", "![image](https://tracker.example/pixel.png)",
                    "\u202eevil\u202c", "null \x00 byte"):
        assert payload in refused_payloads, payload


def test_no_payload_becomes_a_live_element_or_attribute(outcome):
    project, accepted, _ = outcome
    assert len(accepted) > 100
    for html in (project / "site").rglob("*.html"):
        page = parse(html)
        for element in page.elements:
            assert not any(name.startswith("on") for name in element.attrs), (html, element)
            # An embeddable view carries its own small stylesheet (embed.html.j2), no data in it.
            allowed = ("style",) if "embed" in html.relative_to(project / "site").parts else ()
            forbidden = {"iframe", "img", "object", "embed", "style"} - set(allowed)
            assert element.tag not in forbidden, (html, element)
            for attr in ("href", "src", "action", "formaction", "xlink:href"):
                assert not EVIL_SCHEMES.match(element.attrs.get(attr) or ""), (html, element)
            if element.tag == "script":
                if element.attrs.get("type") in ("application/ld+json", "application/json"):
                    assert "<" not in element.text
                    json.loads(element.text)
                else:
                    assert "alert" not in element.text and "msgbox" not in element.text, html
        assert not any(a.tag == "a" and "evil" in (a.attrs.get("class") or "") for a in page.elements)


def test_payloads_are_shown_as_text(outcome):
    project, accepted, _ = outcome
    by_id = {e["id"]: e for e in accepted}
    title_case = next(i for i, e in by_id.items() if e["title"] == "<script>alert(1)</script>")
    page = parse(project / "site" / "events" / title_case / "index.html")
    assert page.heading() == "<script>alert(1)</script>"
    jinja = next(i for i, e in by_id.items() if e["title"].startswith("{{ 7 * 7 }}"))
    assert parse(project / "site" / "events" / jinja / "index.html").heading().startswith("{{ 7 * 7 }}")
