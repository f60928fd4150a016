"""MkDocs hook: regenerate the pages from data/ before every build, and watch data/ in serve.

A thin convenience over scripts/build.py, which does all the work and does not need MkDocs.
Under `mkdocs serve`:
- the generator's modules are reloaded when their code changes (MkDocs loads hooks once),
  and pages whose records did not change are not rendered again (a memo kept between builds);
- with `--dirty` (as `make serve` runs it), MkDocs rebuilds only the pages the generator
  rewrote. This hook keeps that honest: the search index keeps every page (MkDocs' search
  would keep only the rebuilt ones), output of deleted pages is removed, and a change to
  what every page shows (mkdocs.yml, theme overrides, the glossary) rebuilds everything.
In every build, each page's HTML is held compressed between MkDocs' two passes, which
keeps a 10,000-event build in about half the memory.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import logging
import shutil
import sys
import zlib
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SCRIPTS = Path(__file__).resolve().parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import build  # noqa: E402
from timeline.memo import Memo, code_digest  # noqa: E402

log = logging.getLogger("mkdocs.hooks.timeline")
# Files every page depends on beyond its own source: a change to one rebuilds every page.
SITE_WIDE = ("docs/overrides", "docs/includes")


class _Session:
    """State kept from one build to the next under `mkdocs serve` (or `mkdocs build --dirty`)."""

    def __init__(self, dirty: bool) -> None:
        self.dirty = dirty
        self.memo = Memo()
        self.generator = build
        self.code = _code()
        self.site_wide: str | None = None
        self.outputs: set[str] | None = None  # site files of the previous build's sources
        self.pages: set[str] = set()  # addresses of this build's pages
        self.search: dict[str, list[dict]] | None = None  # search entries by page address
        self.rebuilt: set[str] = set()
        self.bytecode = _TemplateCode()


class _TemplateCode(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between builds (MkDocs compiles them afresh)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # refused if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_session: _Session | None = None
# Memory: MkDocs converts every page, then builds them all, so every page's HTML is held at
# once (over 400 MiB at 10,000 events). Between the two passes it is kept compressed here
# (see on_page_content), and once a page is written its HTML is let go.
_held: dict[str, bytes] = {}


def _code() -> bytes:
    """A digest of the generator's code: its modules, its templates and build.py."""
    return code_digest(SCRIPTS / "timeline") + hashlib.blake2b(
        (SCRIPTS / "build.py").read_bytes(), digest_size=16).digest()


def on_startup(command: str, dirty: bool) -> None:
    global _session
    _session = _Session(dirty) if command == "serve" or dirty else None
    if dirty:  # MkDocs warns at every dirty build of what this hook takes care of
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())
        log.info("dirty builds: this hook keeps search, listings and deleted pages up to date")


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_pre_build(config) -> None:
    _held.clear()
    root = Path(config.config_file_path).resolve().parent
    generator, memo = (_reloaded(), _session.memo) if _session else (build, None)
    try:
        # Under serve, the first build renders even if docs/ is up to date, to fill the memo.
        log.info(generator.generate(root, memo=memo, force=bool(memo and memo.empty)))
    except generator.DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise PluginError(
            f"{len(exc.problems)} data error(s): the pages were left as they were"
        ) from None
    if _session and _session.dirty:
        site = Path(config.site_dir)
        _rebuild_all_if_site_wide_changed(root, site, config.config_file_path)
        if _session.search is None:  # `build --dirty` over an earlier site: keep its entries
            _session.search = _read_search_index(site)
        _session.rebuilt = set()


def on_env(env, config, files):
    if _session:
        env.bytecode_cache = _session.bytecode
    return env


def on_files(files, config):
    if _session and _session.dirty:
        outputs = {f.dest_uri for f in files}
        site = Path(config.site_dir)
        for stale in (_session.outputs or set()) - outputs:  # sources deleted since the last build
            (site / stale).unlink(missing_ok=True)
        _session.outputs = outputs
        _session.pages = {"" if f.url in (".", "./") else f.url for f in files.documentation_pages()}
    return files


@event_priority(-100)  # after every other handler of the event
def on_page_content(html, page, config, files):
    page.markdown = ""  # converted: not needed again ("", not None: the title reads it)
    _held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
    return ""


@event_priority(100)  # before every other handler, search included
def on_page_context(context, page, config, nav):
    held = _held.pop(page.file.src_uri, None)
    if held is not None:
        page.content = zlib.decompress(held).decode("utf-8")
    if _session and _session.dirty:
        _session.rebuilt.add(page.url)
    return context


def on_post_page(output, page, config):
    page.content = page.toc = None
    return output


def on_post_build(config) -> None:
    if _session and _session.dirty:
        _complete_search_index(config)


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "data"))
    server.watch(str(SCRIPTS / "timeline"))
    return server


def _reloaded():
    """The generator, with fresh copies of its modules if their code changed since the last build."""
    code = _code()
    if code == _session.code:
        return _session.generator
    modules = ("problems", "dates", "memo", "load", "model", "validate", "exports", "ical",
               "feed", "reference", "charts", "cite", "indexes", "render", "schema", "write")
    for name in modules:
        importlib.reload(importlib.import_module(f"timeline.{name}"))
    spec = importlib.util.spec_from_file_location("timeline_build", SCRIPTS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _session.generator, _session.code, _session.memo = module, code, Memo()
    return module


def _rebuild_all_if_site_wide_changed(root: Path, site: Path, config_file: str) -> None:
    """Under --dirty MkDocs rebuilds a page only if its source is newer than its output:
    after a change every page shows, emptying the site makes every page be rebuilt."""
    digest = hashlib.blake2b(Path(config_file).read_bytes(), digest_size=16)
    for folder in SITE_WIDE:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    current = digest.hexdigest()
    if _session.site_wide not in (None, current) and site.is_dir():
        log.info("a site-wide file changed: rebuilding every page")
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    _session.site_wide = current


def _complete_search_index(config) -> None:
    """Merge this build's search entries (of the pages rebuilt) with those of earlier builds."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text("utf-8"))
    fresh: dict[str, list[dict]] = {url: [] for url in _session.rebuilt}
    for entry in index["docs"]:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    merged = {url: entries for url, entries in (_session.search or {}).items()
              if url in _session.pages}
    merged.update(fresh)
    _session.search = merged
    index["docs"] = [entry for entries in merged.values() for entry in entries]
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")
    for plugin in config.plugins.values():  # the theme's own merge assumes one page per build
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


def _read_search_index(site: Path) -> dict[str, list[dict]]:
    path = site / "search" / "search_index.json"
    entries: dict[str, list[dict]] = {}
    if path.is_file():
        for entry in json.loads(path.read_text("utf-8"))["docs"]:
            entries.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return entries
