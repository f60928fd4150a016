"""What MkDocs needs beyond running the generator: a serve session, `--dirty` builds kept right,
and less memory.

Plain functions and small classes, tested on their own (tests/test_mkdocs_support.py); the hook
(mkdocs_hook.py) calls them at MkDocs' events. Nothing here is needed for a correct site:
`python scripts/build.py && mkdocs build` gives the same pages without any of it.

Under `mkdocs serve` a `Session` keeps the generator's memo between builds, and imports the
generator anew when its code changes (MkDocs loads a hook, and so what it imports, once).

Under `mkdocs serve --dirty` (as `make serve` runs it) MkDocs rebuilds only the pages whose
source is newer than their output. That is right for the pages the generator rewrote, and
wrong for three things this module mends: the search index would keep only the rebuilt pages
(`merge_search_index`), the output of a deleted page would stay (`remove_stale`), and a change
to what every page shows (mkdocs.yml, theme overrides, the glossary) would reach no unchanged
page (`site_wide_digest`, then `empty_folder`).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import shutil
import sys
import zlib
from pathlib import Path

import jinja2

from timeline.cache import read_code_digest  # the hook's folder is on sys.path while it loads

PACKAGE = Path(__file__).resolve().parent / "timeline"

# Files every page depends on beyond its own source: a change to one rebuilds every page.
SITE_WIDE = ("docs/overrides", "docs/includes")


class Refused(Exception):
    """The data has problems; `problems` are their `file:line:col: message` lines."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} data error(s)")
        self.problems = problems


def generate(root: Path, session: Session | None = None) -> str:
    """Run the generator once (within a serve session, if given); Refused on data problems."""
    # MkDocs puts the hook's folder on sys.path only while it loads the hook; the generator
    # is imported at the first build (and again after a code edit), so put it back then.
    if str(PACKAGE.parent) not in sys.path:
        sys.path.insert(0, str(PACKAGE.parent))
    module = session.generator() if session else importlib.import_module("timeline.generate")
    memo = session.memo if session else None
    try:
        # Under serve, the first build renders even if docs/ is up to date, to fill the memo.
        return module.generate(root, memo=memo, force=bool(memo and memo.empty))
    except module.DataError as exc:
        raise Refused([str(p) for p in exc.problems]) from None


# The other editions: each has its mkdocs.yml in a folder of this name, and its site there.
EDITIONS = ("ko",)


_served: set[Path] = set()  # editions whose hook has been told a serve session started


def build_edition(config_file: Path, site_dir: Path, dirty: bool) -> None:
    """Build another edition into `site_dir` (under serve: into the served site's folder).

    MkDocs keeps a hook loaded once per path, so the edition's hook keeps its own serve
    session and dirty-build state from one build to the next, as the served edition's does.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    if config_file not in _served:
        config.plugins.on_startup(command="serve", dirty=dirty)
        _served.add(config_file)
    build(config, dirty=dirty)


class Session:
    """The generator as `mkdocs serve` runs it: a memo between builds, fresh code on edits."""

    def __init__(self) -> None:
        self.code: bytes | None = None
        self.memo = None
        self._module = None

    def generator(self):
        code = read_code_digest(PACKAGE)
        if code != self.code:
            for name in [n for n in sys.modules if n == "timeline" or n.startswith("timeline.")]:
                del sys.modules[name]
            self._module = importlib.import_module("timeline.generate")
            self.code, self.memo = code, self._module.Memo()
        return self._module


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


class HeldPages:
    """Page HTML kept compressed between MkDocs' convert and build passes.

    MkDocs converts every page, then builds them all, so every page's HTML is held at once
    (over 400 MiB at 10,000 events); compressed, and let go once written, it is a fraction.
    """

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def hold(self, key: str, html: str) -> None:
        self._held[key] = zlib.compress(html.encode("utf-8"), 1)

    def release(self, key: str) -> str | None:
        held = self._held.pop(key, None)
        return None if held is None else zlib.decompress(held).decode("utf-8")

    def clear(self) -> None:
        self._held.clear()


class TemplateCode(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between builds (MkDocs compiles them afresh)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # refused if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


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
            self.search = read_search_entries(site / "search" / "search_index.json")
        self.rebuilt = set()
        return emptied

    def files(self, site: Path, outputs: set[str], pages: set[str]) -> None:
        if self.outputs is not None:
            remove_stale(site, self.outputs, outputs)
        self.outputs, self.pages = outputs, pages

    def after(self, site: Path) -> bool:
        """At the end of a build: the search index made whole again; False if there is none."""
        path = site / "search" / "search_index.json"
        if not path.is_file():
            return False
        index = json.loads(path.read_text("utf-8"))
        self.search = merge_search_index(index, self.search or {}, self.rebuilt, self.pages)
        path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")
        return True
