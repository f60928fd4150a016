"""What MkDocs needs beyond running the generator: a serve session of both editions, and
builds that are quicker and use less memory. (What `--dirty` builds need is in mkdocs_dirty.py.)

Plain functions and small classes, tested on their own (tests/test_mkdocs_support.py); the hook
(mkdocs_hook.py) calls them at MkDocs' events. Nothing here is needed for a correct site:
`python scripts/build.py && mkdocs build` gives the same pages without any of it.

Under `mkdocs serve` a `Session` keeps the generator's memo between builds, and imports the
generator anew when its code changes (MkDocs loads a hook, and so what it imports, once); and
`build_edition` builds the other editions into the served site, so one server serves all.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import typing
import zlib
from pathlib import Path

import jinja2

from timeline import freshness  # the hook's folder is on sys.path while it loads

PACKAGE = Path(__file__).resolve().parent / "timeline"


class Refused(Exception):
    """The data has problems; `problems` are their `file:line:col: message` lines."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} data error(s)")
        self.problems = problems


def generate(root: Path, session: Session | None = None) -> str:
    """Run the generator once (within a serve session, if given); Refused on data problems."""
    if _building_edition:
        return "pages were generated before the first edition's build"
    # MkDocs puts the hook's folder on sys.path only while it loads the hook; the generator
    # is imported at the first build (and again after a code edit), so put it back then.
    if str(PACKAGE.parent) not in sys.path:
        sys.path.insert(0, str(PACKAGE.parent))
    if session is None and freshness.pages_current(root):
        return freshness.UP_TO_DATE  # and the generator is not even imported
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
_building_edition = False  # within build_edition: the generator ran for the first edition


def build_edition(config_file: Path, site_dir: Path, dirty: bool) -> None:
    """Build another edition into `site_dir` (under serve: into the served site's folder).

    MkDocs keeps a hook loaded once per path, so the edition's hook keeps its own serve
    session and dirty-build state from one build to the next, as the served edition's does.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    global _building_edition
    config = load_config(str(config_file), site_dir=str(site_dir))
    if config_file not in _served:
        config.plugins.on_startup(command="serve", dirty=dirty)
        _served.add(config_file)
    _building_edition = True
    try:
        build(config, dirty=dirty)
    finally:
        _building_edition = False


class Session:
    """The generator as `mkdocs serve` runs it: a memo between builds, fresh code on edits."""

    def __init__(self) -> None:
        self.code: bytes | None = None
        self.memo = None
        self._module = None

    def generator(self):
        code = freshness.read_code_digest(PACKAGE)
        if code != self.code:
            for name in [n for n in sys.modules if n == "timeline" or n.startswith("timeline.")]:
                del sys.modules[name]
            self._module = importlib.import_module("timeline.generate")
            self.code, self.memo = code, self._module.Memo()
        return self._module


class HeldPages:
    """Page HTML kept between MkDocs' convert and build passes, compressed, in a temporary
    file rather than in memory.

    MkDocs converts every page, then builds them all, so every page's HTML is held at once
    (over 400 MiB at 10,000 events); compressed it is a tenth of that, and in a file (which
    the system deletes once it is closed) none of it is in the build process's memory.
    `clear` lets everything go and closes the file: the hook calls it before and after
    each build.
    """

    def __init__(self) -> None:
        self._file: typing.BinaryIO | None = None
        self._held: dict[str, tuple[int, int]] = {}  # key -> (offset, length) in the file

    def hold(self, key: str, html: str) -> None:
        data = zlib.compress(html.encode("utf-8"), 1)
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        self._file.seek(0, os.SEEK_END)
        self._held[key] = (self._file.tell(), len(data))
        self._file.write(data)

    def release(self, key: str) -> str | None:
        held = self._held.pop(key, None)
        if held is None:
            return None
        self._file.seek(held[0])
        return zlib.decompress(self._file.read(held[1])).decode("utf-8")

    def clear(self) -> None:
        self._held.clear()
        if self._file is not None:
            self._file.close()
            self._file = None


class ThemeFiles:
    """The theme's static files listed, and its templates compiled, once per serve session:
    MkDocs lists the theme's folders anew at every build (Material's thousands of icons) and
    compiles its templates afresh (the search plugin alone compiles its language template
    five times while reading its settings), for each edition."""

    def __init__(self) -> None:
        self._listed: dict[tuple, list[str]] = {}
        self._code = TemplateCode()

    def clear(self) -> None:
        self._listed.clear()

    def keep(self, theme) -> None:
        """Make `theme.get_env()` give environments that list the theme's files from here and
        keep their compiled templates here (each is compiled again if its source changed)."""
        make_env, listed, code = theme.get_env, self._listed, self._code

        def get_env():
            env = make_env()
            env.bytecode_cache = code
            list_templates = env.list_templates

            def remembered(extensions=None, filter_func=None):
                key = (tuple(theme.dirs), extensions and tuple(extensions),
                       filter_func and filter_func.__code__)
                if key not in listed:
                    listed[key] = list_templates(extensions, filter_func)
                return listed[key]

            env.list_templates = remembered
            return env

        theme.get_env = get_env


class TemplateCode(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between builds (MkDocs compiles them afresh)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # refused if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
