"""What `mkdocs serve` watches: the data and the generator, looked at often, and of docs/ only
what is written by hand. The hook calls these as serve starts and after each build (tested
in tests/test_mkdocs_support.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline import freshness  # the hook's folder is on sys.path while it loads
from timeline.write import MANIFEST


def watched(docs: Path) -> list[Path]:
    """What serve watches in docs/: each folder holding no generated page, whole, and each
    hand-written file beside generated ones. The generator's own pages are left out: it writes
    them at the start of a build, and MkDocs would build again for them (holding back every
    page it serves until then). All of docs/ while nothing is generated yet."""
    manifest = docs / MANIFEST
    if not manifest.is_file():
        return [docs]
    generated = set(manifest.read_text("utf-8").split())  # paths with "/", on every system
    mixed = {"."} | {rel[:i] for rel in generated for i, c in enumerate(rel) if c == "/"}  # their folders
    found: list[Path] = []
    for folder, names, files in os.walk(docs):
        here = Path(folder).relative_to(docs).as_posix()
        prefix = "" if here == "." else here + "/"
        found += [Path(folder, n) for n in sorted(names) if prefix + n not in mixed]
        names[:] = sorted(n for n in names if prefix + n in mixed)
        found += [Path(folder, f) for f in sorted(files) if prefix + f not in generated
                  and f not in (MANIFEST, freshness.STAMP)]
    return found


class HandWritten:
    """docs/ as serve watches it: MkDocs' own watch of the folder is taken over (where it had
    one; else docs/ is left alone) and replaced by what `watched` finds; `refresh`, after
    each build, adds a hand-written page made since."""

    def __init__(self, server, docs: Path):
        self.server, self.docs, self.paths = server, docs, set()
        try:
            server.unwatch(str(docs))
        except KeyError:  # MkDocs did not watch it: nothing to take over
            self.server = None
        self.refresh()

    def refresh(self) -> None:
        if self.server is None:
            return
        paths = watched(self.docs)
        if self.docs in self.paths and paths != [self.docs]:  # pages were generated since
            self.server.unwatch(str(self.docs))
            self.paths.discard(self.docs)
        for path in paths:
            if path not in self.paths:
                self.server.watch(str(path))
                self.paths.add(path)


def watch_often(server, paths: list[Path], seconds: float = 0.1) -> None:
    """Have serve watch `paths`, looked at every `seconds`. MkDocs looks at what it watches
    every half second, so an edit waited a quarter of a second on average before its build
    began. The interval is the watcher's own, read as each watch starts; where it cannot be
    set, the paths are watched at MkDocs' pace."""
    observer = getattr(server, "observer", None)
    before = getattr(observer, "_timeout", None)
    if isinstance(before, int | float):
        observer._timeout = min(before, seconds)
    try:
        for path in paths:
            server.watch(str(path))
    finally:
        if isinstance(before, int | float):
            observer._timeout = before
