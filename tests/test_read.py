"""Reading the data entry by entry (quick, and under serve only what changed) gives exactly what
reading each whole file with positions gives: the same records, or it gives up on a problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import timeline.entries
import timeline.parallel
from conftest import FIXTURE_DATA
from timeline.cache import Memo
from timeline.entries import load_item, split_items
from timeline.load import Loader
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
    ("an anchor and its alias in one entry", SUMMARY,
     "    summary: &s Hearings were held.\n    date_label: *s\n"),
    ("a merge key", SUMMARY, SUMMARY + "    <<: {location: Seoul}\n"),
    ("an explicit text tag", SUMMARY, "    summary: !!str Hearings were held.\n"),
    ("a binary tag", SUMMARY, "    summary: !!binary SGVhcmluZ3M=\n"),
    ("a local tag", SUMMARY, "    summary: !note Hearings were held.\n"),
    ("a key that is a list", SUMMARY, SUMMARY + "    ? [a, b]\n    : c\n"),
    ("numbers, null and a YAML 1.1 boolean", SUMMARY,
     SUMMARY + "    x: {a: 0x1F, b: 1_000, c: .inf, d: ~, e: yes, f: 1:20, g: 2014-02-30}\n"),
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


def _positioned(text: str) -> object:
    loader = Loader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    assert not loader.duplicates
    return data[0]


entries = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
              st.sampled_from(["NO", "on", "2014-02-30", "0x1F", "1:20", "<<", "&a", "*a", "!x"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


@given(entries)
def test_an_entry_is_built_as_the_positioned_loader_builds_it(value):
    text = yaml.safe_dump([value], allow_unicode=True)
    assert load_item(text) == _positioned(text)


@given(st.text(max_size=200))
def test_an_entry_is_built_as_the_positioned_loader_builds_it_or_refused(text):
    try:
        quick = load_item(text)
    except (ValueError, yaml.YAMLError, RecursionError):
        return  # the file is then read by the positioned loader, which reports or keeps it
    assert quick == _positioned(text)


@pytest.mark.parametrize("text", [
    "- a: &x 1\n  b: *x\n", "- <<: {a: 1}\n", "- a: !!binary SGk=\n", "- a: !!timestamp 2014-02-17\n",
    "- a: !note x\n", "- a: !!str [x]\n", "- !!str {a: 1}\n", "- a: !!map\n", "- a: !!map [x]\n",
    "- a: !!seq x\n", "- ? [a]\n  : b\n", "- a: 1\n  a: 2\n", "- a: !!bool 1\n", "- a: !!float ''\n",
    "- a: " + "[" * 990 + "]" * 990 + "\n",
], ids=["alias", "merge key", "binary", "timestamp", "local tag", "text tag on a list",
        "text tag on a mapping", "mapping tag on a scalar", "mapping tag on a list", "list tag on a scalar",
        "list as a key", "duplicate key", "a value its tag cannot read", "an empty number", "deep nesting"])
def test_an_entry_the_positioned_loader_treats_specially_is_left_to_it(text):
    with pytest.raises(ValueError):
        load_item(text)


def test_split_items_needs_a_file_that_is_just_its_list():
    assert split_items("# note\nevents:\n- id: a\n- id: b\n", "events") == ["- id: a\n", "- id: b\n"]
    assert split_items("events: []\n", "events") is None
    assert split_items("%YAML 1.2\n---\nevents:\n  - id: a\n", "events") is None
    assert split_items("other:\n  - id: a\n", "events") is None
