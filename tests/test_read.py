"""Reading the data entry by entry (quick, and under serve only what changed) gives exactly what
reading each whole file with positions gives: the same records, or it gives up on a problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import timeline.entries
import timeline.parallel
from conftest import FIXTURE_DATA
from timeline.cache import Memo
from timeline.entries import split_items
from timeline.problems import DataError
from timeline.read import read_chronology, read_quickly, read_with_positions
from timeline.validate import FILES

HEARINGS = "  - id: hearings\n    date: 2013-08-20\n"
SUMMARY = "    summary: Hearings were held.\n"

# (what the variant shows, text replaced in the fixture events.yaml, replacement)
VARIANTS = [
    ("unchanged", "", ""),
    ("a quoted title running over an entry-like line",
     "    title: Public hearings [in] Seoul\n", '    title: "Public hearings\n  - in Seoul"\n'),
    ("a flow list running over an entry-like line",
     "    tags: [inquiry]\n", "    tags: [inquiry,\n  - votes]\n"),
    ("a block scalar with list-like lines, deeper",
     SUMMARY, "    summary: |\n      Hearings:\n      - in Seoul\n    - and Tokyo\n"),
    ("an anchor in one entry, its alias in another",
     "    tags: [inquiry]\n", "    tags: &t [inquiry]\n"),
    ("a duplicate key in an entry", SUMMARY, SUMMARY + "    summary: Again.\n"),
    ("a top-level key after the list", "", "extra: true\n"),
    ("an entry whose dash stands alone on its line", HEARINGS,
     "  -\n    id: hearings\n    date: 2013-08-20\n"),
    ("a comment that looks like an entry", HEARINGS, "  # - id: not-an-entry\n" + HEARINGS),
    ("Windows line endings", "\n", "\r\n"),
    ("a document end marker", "", "...\n"),
    ("an invalid field", "    type: hearing\n", "    type: hearing\n    colour: red\n"),
    ("an unknown related id", "related: [inquiry-created]", "related: [inquiry-create]"),
]


def _outcome(data: Path, whole: bool = False, both: bool = False):
    """What a read gives: the records, or the problems (a quick read that gives up, too)."""
    try:
        if both:
            chronology = read_chronology(data)
        else:
            chronology = read_with_positions(data, "data") if whole else read_quickly(data, "data")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    if chronology is None:
        return "gave up"
    return chronology.events, chronology.actors, chronology.tags, chronology.documents


@pytest.mark.parametrize("in_parallel", [False, True], ids=["one process", "two processes"])
@pytest.mark.parametrize(("what", "old", "new"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_entry_by_entry_reads_equal_whole_file_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      what: str, old: str, new: str, in_parallel: bool):
    if in_parallel:  # as a large file is parsed from scratch: its entries in forked workers
        monkeypatch.setattr(timeline.entries, "PARALLEL_FROM", 1)
        monkeypatch.setattr(timeline.parallel, "WORKERS", 2)  # forked even on a one-core machine
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    events = data / "events.yaml"
    text = events.read_text("utf-8")
    if old == "":
        text += new
    else:
        assert old in text, what
        text = text.replace(old, new, 1 if old != "\n" else -1)
    events.write_bytes(text.encode("utf-8"))
    quick, whole = _outcome(data), _outcome(data, whole=True)
    assert quick in (whole, "gave up"), what  # where it cannot be sure, it leaves it to the other
    assert _outcome(data, both=True) == whole, what


def test_a_memo_rereads_only_changed_entries(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    memo = Memo()
    with memo.run():
        read_quickly(data, "data")
    events = data / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("Public hearings", "Hearings"), "utf-8")
    with memo.run():
        chronology = read_quickly(data, "data")
        misses, hits = memo.misses, memo.hits
    assert chronology.event_ids["hearings"].title == "Hearings [in] Seoul"
    assert misses == 1
    assert hits == sum(len(split_items((data / f"{key}.yaml").read_text("utf-8"), key))
                       for key in FILES) - 1


def test_split_items_needs_a_file_that_is_just_its_list():
    assert split_items("# note\nevents:\n- id: a\n- id: b\n", "events") == ["- id: a\n", "- id: b\n"]
    assert split_items("events: []\n", "events") is None
    assert split_items("%YAML 1.2\n---\nevents:\n  - id: a\n", "events") is None
    assert split_items("other:\n  - id: a\n", "events") is None
