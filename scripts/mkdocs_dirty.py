"""What `mkdocs serve --dirty` (as `make serve` runs it) needs to stay right.

MkDocs then rebuilds only the pages whose source is newer than their output. That is right for
the pages the generator rewrote, and wrong for three things this module mends: the search
index would keep only the rebuilt pages (`merge_search_index`), the output of a deleted page
would stay (`remove_stale`), and a change to what every page shows (mkdocs.yml, theme
overrides, the glossary) would reach no unchanged page (`site_wide_digest`, then
`empty_folder`). The hook keeps one `DirtyBuilds` per edition; tested in
tests/test_mkdocs_support.py.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from mkdocs_search import INDEX, write_index

# Files every page depends on beyond its own source: a change to one rebuilds every page.
SITE_WIDE = ("docs/overrides", "docs/includes")


def site_wide_digest(root: Path, config_file: Path) -> str:
    digest = hashlib.blake2b(config_file.read_bytes(), digest_size=16)
    for folder in SITE_WIDE:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def empty_folder(folder: Path) -> None:
    """Remove what `folder` holds (so MkDocs' dirty build rebuilds every page)."""
    for child in folder.iterdir() if folder.is_dir() else ():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def remove_stale(site: Path, previous: set[str], current: set[str]) -> list[str]:
    """Delete the built files of sources gone since the last build; return what went."""
    gone = sorted(previous - current)
    for rel in gone:
        (site / rel).unlink(missing_ok=True)
    return gone


def search_entries(index: dict) -> dict[str, list[dict]]:
    """A search index's entries by page address."""
    entries: dict[str, list[dict]] = {}
    for entry in index.get("docs", []):
        entries.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return entries


def read_search_entries(path: Path) -> dict[str, list[dict]]:
    return search_entries(json.loads(path.read_text("utf-8"))) if path.is_file() else {}


def merge_search_index(index: dict, earlier: dict[str, list[dict]], rebuilt: set[str],
                       pages: set[str]) -> dict[str, list[dict]]:
    """This build's entries (of the pages it rebuilt) over earlier ones, for pages that still
    exist; `index["docs"]` is set to the merged entries, which are returned by page."""
    merged = {url: entries for url, entries in earlier.items() if url in pages}
    merged.update({url: [] for url in rebuilt})
    merged.update(search_entries(index))
    index["docs"] = [entry for entries in merged.values() for entry in entries]
    return merged


class DirtyWarning(logging.Filter):
    """Drops MkDocs' warning, at every dirty build, of what this module takes care of."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


class DirtyBuilds:
    """What is kept from one dirty build to the next."""

    def __init__(self) -> None:
        self.site_wide: str | None = None
        self.outputs: set[str] | None = None  # site files of the previous build's sources
        self.pages: set[str] = set()  # addresses of this build's pages
        self.search: dict[str, list[dict]] | None = None  # search entries by page address
        self.rebuilt: set[str] = set()

    def before(self, root: Path, site: Path, config_file: Path) -> bool:
        """At the start of a build; True if a site-wide change emptied the site."""
        current = site_wide_digest(root, config_file)
        emptied = self.site_wide not in (None, current)
        if emptied:
            empty_folder(site)
        self.site_wide = current
        if self.search is None:  # `build --dirty` over an earlier site: keep its entries
            self.search = read_search_entries(site / INDEX)
        self.rebuilt = set()
        return emptied

    def files(self, site: Path, outputs: set[str], pages: set[str]) -> None:
        if self.outputs is not None:
            remove_stale(site, self.outputs, outputs)
        self.outputs, self.pages = outputs, pages

    def after(self, site: Path) -> bool:
        """At the end of a build: the search index made whole again; False if there is none."""
        path = site / INDEX
        if not path.is_file():
            return False
        index = json.loads(path.read_text("utf-8"))
        self.search = merge_search_index(index, self.search or {}, self.rebuilt, self.pages)
        write_index(path, index)
        return True
