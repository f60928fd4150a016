"""Write generated files, touching only those whose bytes changed, never leaving half a page.

A file that exists is replaced atomically: written to a hidden temporary name beside it and
renamed over it, so a reader or `mkdocs serve` never sees half a page. A file that does not
exist yet is created in place (there is no earlier page to keep; a run from scratch so makes
each file once instead of twice, which on some file systems costs as much as rendering it),
and removed again if writing it fails. Unchanged files keep their timestamps, so serve does
not rebuild for nothing. A manifest of what was generated lets pages of deleted
records be removed without touching hand-written files.
"""

from __future__ import annotations

import os
from pathlib import Path

MANIFEST = ".generated-pages"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` unless it already holds exactly that: a new file in place, an
    existing one replaced atomically."""
    try:
        if _create(path, data):
            return True
    except FileNotFoundError:  # its folder does not exist yet
        path.parent.mkdir(parents=True, exist_ok=True)
        if _create(path, data):
            return True
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:  # a link to nothing: replaced by the file
        pass
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _create(path: Path, data: bytes) -> bool:
    """Create `path` holding `data`; False if it exists already. A failed write leaves no file.
    Written with the system's own calls: Python's file objects would ask three more questions
    of the system for each file (is it a terminal, its size, its position), and a run from
    scratch creates thousands."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        return False
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return True


def write_pages(out: Path, pages: dict[str, str]) -> tuple[list[str], list[str]]:
    """Bring `out` in line with `pages`; return (paths written, paths removed)."""
    out = check_paths(out, pages)
    written = [rel for rel in sorted(pages) if write_if_changed(out / rel, pages[rel].encode())]
    return written, finish(out, pages)


def check_paths(out: Path, paths) -> Path:
    """Refuse (ValueError) any path that would lead outside `out`, before anything is written;
    returns `out`, resolved."""
    out = out.resolve()
    for rel in paths:
        parts = rel.split("/")
        if rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"refusing to write outside {out}: {rel!r}")
    # A folder that is a link to elsewhere would lead outside too: check each folder once.
    for folder in {out / rel.rpartition("/")[0] for rel in paths}:
        if not folder.resolve().is_relative_to(out):
            raise ValueError(f"refusing to write outside {out}: {folder}")
    return out


def finish(out: Path, paths) -> list[str]:
    """After `paths` were written into `out` (checked): remove the files a previous run
    generated that are no longer among them, record `paths` in the manifest; returns those removed."""
    manifest = out / MANIFEST
    previous = set(manifest.read_text("utf-8").split()) if manifest.is_file() else set()
    removed = []
    for rel in sorted(previous - set(paths)):
        target = out / rel
        if target.resolve().is_relative_to(out) and target.is_file():
            target.unlink()
            removed.append(rel)
            _prune_empty(target.parent, out)
    write_if_changed(manifest, "".join(f"{rel}\n" for rel in sorted(paths)).encode())
    return removed


def _prune_empty(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
