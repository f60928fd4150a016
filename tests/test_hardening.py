"""Hostile and broken input: every outcome is a build or a clear `file:line:col` refusal,
never a traceback, a hang, code execution or a half-written output folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA, build, run, snapshot
from timeline.generate import generate, render_pages
from timeline.load import load
from timeline.problems import DataError
from timeline.read import read_chronology

PROBLEM = re.compile(r"^data/[a-z]+\.yaml:\d+:\d+: \S")
VALID = load(FIXTURE_DATA / "events.yaml", "data/events.yaml").data["events"]


def outcome(events_text: str) -> str:
    """Validate and render fixture data whose events.yaml is `events_text`."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        (data / "events.yaml").write_text(events_text, "utf-8")
        try:
            chronology = read_chronology(data)
        except DataError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert PROBLEM.match(str(problem)), str(problem)
            return "refused"
        render_pages(chronology)
        return "built"


def dump(events: object) -> str:
    return yaml.safe_dump({"events": events}, allow_unicode=True, sort_keys=False)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40), st.dates().map(str), st.sampled_from(["NO", "on", "2014-02-30"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
FIELDS = sorted({k for e in VALID for k in e})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_is_built_or_refused(text):
    assert outcome(text) in ("built", "refused")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values)
def test_arbitrary_yaml_documents_are_built_or_refused(document):
    assert outcome(yaml.safe_dump(document, allow_unicode=True)) in ("built", "refused")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(VALID) - 1), st.sampled_from(FIELDS),
       st.sampled_from(["drop", "replace", "unicode", "empty", "duplicate"]), values,
       st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_mutated_events_are_built_or_refused(index, field, how, value, text):
    events = [dict(e) for e in VALID]
    event = events[index]
    if how == "drop":
        event.pop(field, None)
    elif how == "replace":
        event[field] = value
    elif how == "unicode":
        event[field] = text
    elif how == "empty":
        event[field] = [] if isinstance(event.get(field), list) else ""
    source = dump(events)
    if how == "duplicate":
        source = source.replace(f"\n  title: {event['title']}", f"\n  title: x\n  title: {event['title']}", 1)
    assert outcome(source) in ("built", "refused")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), values)
def test_a_refused_build_never_touches_the_output(tmp_path_factory, field, value):
    root = tmp_path_factory.mktemp("root")
    shutil.copytree(FIXTURE_DATA, root / "data")
    generate(root, out=root / "docs")
    before = snapshot(root / "docs")
    events = [dict(e) for e in VALID]
    events[0][field] = value
    (root / "data" / "events.yaml").write_text(dump(events), "utf-8")
    try:
        generate(root, out=root / "docs")
    except DataError:
        assert snapshot(root / "docs") == before


BASE = ("events:\n  - id: ok\n    date: 2014\n    title: t\n    summary: s\n"
        "    sources: [{title: t, publisher: p}]\n")


@pytest.mark.parametrize("name, text, expected", [
    ("billion laughs", "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)),
     "anchors and aliases"),
    ("deep nesting", "events: " + "[" * 5000 + "]" * 5000 + "\n", "maximum nesting depth"),
    ("python tag", 'events: !!python/object/apply:os.system ["touch pwned"]\n', "YAML tags such as"),
    ("tabs", BASE.replace("    title", "\ttitle"), "tab character"),
    ("nul character", BASE.replace("title: t", "title: t\x00"), "character that YAML does not allow"),
    ("bidi override", BASE.replace("title: t", "title: t\u202eevil"), "text-direction characters"),
])
def test_yaml_hazards_are_refused_with_a_message(name, text, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        shutil.copytree(FIXTURE_DATA, tmp_path / "data")
        (tmp_path / "data" / "events.yaml").write_text(text, "utf-8")
        read_chronology(tmp_path / "data")
    assert expected in caught.value.report()
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("transform", [
    lambda t: "\ufeff" + t,                  # a byte-order mark, as some editors save
    lambda t: t.replace("\n", "\r\n"),       # Windows line ends
])
def test_bom_and_crlf_files_build(transform):
    assert outcome(transform((FIXTURE_DATA / "events.yaml").read_text("utf-8"))) == "built"


@pytest.mark.slow
def test_a_huge_file_is_refused_quickly_in_bounded_memory(fixture_project):
    one = (FIXTURE_DATA / "events.yaml").read_text("utf-8").split("events:\n", 1)[1]
    with (fixture_project / "data" / "events.yaml").open("w", encoding="utf-8") as f:
        f.write("events:\n")
        for i in range(25_000):  # 100,000 events
            f.write(re.sub(r"- id: ([a-z-]+)", rf"- id: \1-{i}", one))
    # Peak memory of this process image: VmHWM (ru_maxrss would include the forking parent).
    code = ("import re, runpy, sys; sys.argv = ['build.py', '--check']; sys.path.insert(0, 'scripts')\n"
            "try:\n    runpy.run_path('scripts/build.py', run_name='__main__')\n"
            "except SystemExit as e:\n    code = e.code\n"
            "status = open('/proc/self/status').read()\n"
            "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)); sys.exit(code)")
    result = run([sys.executable, "-c", code], cwd=fixture_project, timeout=60)
    assert result.returncode == 1
    assert "data/events.yaml:1:1: the file is" in result.stderr and "at most 32 MiB" in result.stderr
    assert int(result.stdout.split()[-1]) < 300_000, result.stdout  # peak memory in KiB


@pytest.mark.slow
def test_killing_the_build_never_leaves_a_partial_page(fixture_project, tmp_path):
    docs = fixture_project / "docs"
    assert build(fixture_project).returncode == 0
    old = snapshot(docs)
    events = fixture_project / "data" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("title: ", "title: Renamed "), "utf-8")
    reference = shutil.copytree(fixture_project, tmp_path / "reference")
    assert build(reference).returncode == 0
    new = snapshot(reference / "docs")
    assert new != old
    for delay in [0.25 + 0.05 * i for i in range(12)]:
        process = subprocess.Popen([sys.executable, "scripts/build.py"], cwd=fixture_project,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        for rel, content in snapshot(docs).items():
            if not Path(rel).name.startswith("."):  # hidden temporary files: MkDocs skips them
                assert content in (old.get(rel), new.get(rel)), f"{rel} is neither old nor new"
    assert build(fixture_project).returncode == 0
    final = {k: v for k, v in snapshot(docs).items() if not k.endswith(".tmp")}
    assert final == new


def test_the_unmutated_fixture_builds():
    assert outcome(dump(VALID)) == "built"
