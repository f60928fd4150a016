"""The writer replaces only changed files, removes pages of deleted records, and stays inside docs/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timeline.write import MANIFEST, write_if_changed, write_pages


def test_unchanged_files_are_not_rewritten(tmp_path: Path):
    write_pages(tmp_path, {"a.md": "A", "events/b.md": "B"})
    stamp = (tmp_path / "a.md").stat().st_mtime_ns
    os.utime(tmp_path / "a.md", ns=(stamp - 10**9, stamp - 10**9))
    written, removed = write_pages(tmp_path, {"a.md": "A", "events/b.md": "B2"})
    assert (written, removed) == (["events/b.md"], [])
    assert (tmp_path / "a.md").stat().st_mtime_ns == stamp - 10**9
    assert (tmp_path / "events/b.md").read_text() == "B2"


def test_pages_of_deleted_records_are_removed_but_not_hand_written_files(tmp_path: Path):
    (tmp_path / "about.md").write_text("hand-written")
    write_pages(tmp_path, {"index.md": "i", "events/old.md": "o"})
    written, removed = write_pages(tmp_path, {"index.md": "i"})
    assert (written, removed) == ([], ["events/old.md"])
    assert not (tmp_path / "events").exists()
    assert (tmp_path / "about.md").read_text() == "hand-written"
    assert (tmp_path / MANIFEST).read_text() == "index.md\n"


def test_no_temporary_files_are_left(tmp_path: Path):
    write_pages(tmp_path, {"index.md": "i", "events/x.md": "x"})
    assert sorted(p.name for p in tmp_path.rglob(".*.tmp")) == []


def test_a_page_that_exists_is_replaced_whole(tmp_path: Path):
    """A reader that opened the old page reads all of the old page: the new one takes its
    place at once, it is not written into it."""
    page = tmp_path / "a.md"
    write_if_changed(page, b"old page " * 1000)
    with page.open("rb") as reader:
        assert write_if_changed(page, b"new page " * 1000)
        assert reader.read() == b"old page " * 1000
    assert page.read_bytes() == b"new page " * 1000


def test_a_new_page_that_cannot_be_written_leaves_no_file(tmp_path: Path):
    with pytest.raises(TypeError):
        write_if_changed(tmp_path / "events" / "a.md", "text, not bytes")  # type: ignore[arg-type]
    assert list((tmp_path / "events").iterdir()) == []


@pytest.mark.parametrize("fails", ["write", "close"])
def test_a_new_page_whose_writing_fails_midway_leaves_no_file(tmp_path: Path, monkeypatch, fails: str):
    real = getattr(os, fails)
    calls = []

    def failing(*args):
        calls.append(args)
        if fails == "close" or len(calls) > 1:  # a first part written, then the disk is full
            real(*args)
            raise OSError(28, "No space left on device")
        return real(args[0], args[1][:10])

    monkeypatch.setattr(os, fails, failing)
    with pytest.raises(OSError):
        write_if_changed(tmp_path / "a.md", b"x" * 100)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_link_to_nothing_is_replaced_by_the_page(tmp_path: Path):
    (tmp_path / "a.md").symlink_to(tmp_path / "gone.md")
    assert write_if_changed(tmp_path / "a.md", b"page")
    assert not (tmp_path / "a.md").is_symlink() and (tmp_path / "a.md").read_bytes() == b"page"


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "events/../../x.md", ""])
def test_paths_outside_the_output_folder_are_refused(tmp_path: Path, bad: str):
    out = tmp_path / "docs"
    out.mkdir()
    with pytest.raises(ValueError):
        write_pages(out, {bad: "x"})
    assert list(tmp_path.rglob("*")) == [out]


def test_a_folder_linked_to_elsewhere_is_refused(tmp_path: Path):
    out, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "events").symlink_to(elsewhere)
    with pytest.raises(ValueError):
        write_pages(out, {"events/x.md": "x"})
    assert list(elsewhere.iterdir()) == []
