"""Every class of data mistake gets its exact `file:line:col: message`, all at once, exit 1.

Each case is a file in tests/bad_input/: `events--NAME.yaml` (or `actors--`, `tags--`) replaces
that file of the fixture data; `NAME.expected` holds the exact report. To add a case, add the
pair; to see what a new case prints, run `python scripts/build.py --check` on a copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, build, snapshot
from timeline.problems import DataError
from timeline.read import read_chronology

CASES = sorted((Path(__file__).parent / "bad_input").glob("*.yaml"))


def with_case(tmp: Path, case: Path) -> Path:
    data = tmp / "data"
    shutil.copytree(FIXTURE_DATA, data, dirs_exist_ok=True)
    replaced = case.name.split("--")[0]
    shutil.copy(case, data / f"{replaced}.yaml")
    if replaced == "events":  # the fixture's roll call is of an event these cases do not have
        (data / "rollcalls.yaml").unlink()
    return data


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported_exactly(case: Path, tmp_path: Path):
    with pytest.raises(DataError) as caught:
        read_chronology(with_case(tmp_path, case))
    assert caught.value.report() + "\n" == case.with_suffix(".expected").read_text("utf-8")


def test_every_case_has_its_expectation():
    expected = sorted(Path(__file__).parent.joinpath("bad_input").glob("*.expected"))
    assert [p.stem for p in expected] == [c.stem for c in CASES]


def test_fixture_data_is_valid():
    assert len(read_chronology(FIXTURE_DATA).events) == 4


def test_cli_reports_all_problems_and_leaves_pages_untouched(fixture_project: Path):
    assert build(fixture_project).returncode == 0
    before = snapshot(fixture_project / "docs")
    events = fixture_project / "data" / "events.yaml"
    text = events.read_text("utf-8")
    events.write_text(
        text.replace("date: 2013-03-21\n    title", "date: 21 March 2013\n    title")
        .replace("type: hearing", "type: hearings")
        .replace("tags: [votes]", "tags: [vote]"),
        "utf-8",
    )
    result = build(fixture_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    changed = events.read_text("utf-8").splitlines()
    row = {needle: next(i + 1 for i, line in enumerate(changed) if needle in line)
           for needle in ("21 March 2013", "type: hearings", "tags: [vote]")}
    at = "data/events.yaml:{}:{}: event "
    assert lines[0].startswith(at.format(row["21 March 2013"], 11) + "'inquiry-created': date must be")
    assert lines[1].startswith(at.format(row["type: hearings"], 11) + "'hearings': type must be one of:")
    assert lines[2].startswith(at.format(row["tags: [vote]"], 12) + "'assembly-vote': tags.1 must be")
    assert lines[3:] == ["3 errors", "Nothing was written: fix the data and run the build again."]
    assert snapshot(fixture_project / "docs") == before


def test_check_mode_writes_nothing(fixture_project: Path):
    before = snapshot(fixture_project)
    result = build(fixture_project, "--check")
    assert result.returncode == 0, result.stderr
    assert snapshot(fixture_project) == before


def test_cli_refuses_a_hand_written_page_whose_front_matter_does_not_parse(fixture_project: Path):
    """MkDocs drops such front matter without a word; the build says where it breaks."""
    assert build(fixture_project).returncode == 0
    page = fixture_project / "docs" / "about.md"
    page.write_text(page.read_text("utf-8").replace(
        "description: About", "description: About: the site,", 1), "utf-8")
    before = snapshot(fixture_project / "docs")
    for args in ((), ("--check",), ("--force",)):
        result = build(fixture_project, *args)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[0].startswith(
            "docs/about.md:2:19: the front matter is not valid YAML (mapping values are not allowed here)")
    assert snapshot(fixture_project / "docs") == before
