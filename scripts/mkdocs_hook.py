"""MkDocs hook: run the generator before every build; under serve, watch data/, not its pages.

All the work is done by the generator (timeline.generate), which does not need MkDocs. What
MkDocs needs beyond that (a serve session, what it watches, `--dirty` builds kept right,
page HTML held compressed between MkDocs' passes, the other editions under serve) is in
mkdocs_support.py, mkdocs_watch.py and mkdocs_dirty.py, as functions the hook calls;
mkdocs_raw_html.py and mkdocs_search.py make the same pages and search index sooner and
smaller.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import mkdocs_dirty as dirty_builds  # MkDocs puts the hook's folder on sys.path while loading it
import mkdocs_search
import mkdocs_support as support
import mkdocs_watch
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_raw_html import RawBlocks

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent  # the project: data/, docs/ (each edition's mkdocs.yml may sit elsewhere)

log = logging.getLogger("mkdocs.hooks.timeline")
_serve: support.Session | None = None  # kept between builds under serve or --dirty
_command = "build"
_dirty_mode = False
_dirty: dict[str, dirty_builds.DirtyBuilds] = {}  # by edition (config file): each has its own site
_held = support.HeldPages()
_theme_files = support.ThemeFiles()
_docs_watch: mkdocs_watch.HandWritten | None = None  # under serve: what of docs/ it watches

# The layers that reach into MkDocs' or Material's internals to make builds sooner, leaner or
# (under serve) quicker to follow an edit. None is needed for the pages, which are the same
# without them; TIMELINE_LAYERS=none builds with none (a test does), or a comma-separated
# list keeps only those named (the benchmark measures each so). The Performance page says
# what each touches and buys.
LAYERS = ("raw_html", "search_index", "held_pages", "theme_files", "watch")


def layers() -> set[str]:
    wanted = os.environ.get("TIMELINE_LAYERS", "all").strip()
    if wanted == "all":
        return set(LAYERS)
    return {name for name in wanted.split(",") if name in LAYERS}


def on_startup(command: str, dirty: bool) -> None:
    global _serve, _command, _dirty_mode
    _serve = support.Session() if command == "serve" or dirty else None
    _command, _dirty_mode = command, dirty
    _dirty.clear()
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(dirty_builds.DirtyWarning())
        log.info("dirty builds: this hook keeps search, listings and deleted pages up to date")


@event_priority(100)  # before the search plugin's on_config, which compiles theme templates
def on_config(config):
    if "raw_html" in layers():
        config.markdown_extensions.append(RawBlocks())  # the same HTML, sooner
    if _serve and "theme_files" in layers():
        _theme_files.keep(config.theme)
    return config


def on_pre_build(config) -> None:
    _held.clear()
    if "search_index" in layers():
        mkdocs_search.in_utf8(config.plugins)  # the same search index, smaller (its plugin is configured)
    root = ROOT
    try:
        log.info(support.generate(root, _serve))
    except support.Refused as exc:
        for problem in exc.problems:
            log.error(problem)
        raise PluginError(f"{len(exc.problems)} data error(s): the pages were left as they were") from None
    dirty = _dirty.setdefault(config.config_file_path, dirty_builds.DirtyBuilds()) if _dirty_mode else None
    if dirty and dirty.before(root, Path(config.site_dir), Path(config.config_file_path)):
        log.info("a site-wide file changed: rebuilding every page")
        _theme_files.clear()  # the overrides may have new files


def on_files(files, config):
    dirty = _dirty.get(config.config_file_path)
    if dirty:
        pages = {"" if f.url in (".", "./") else f.url for f in files.documentation_pages()}
        dirty.files(Path(config.site_dir), {f.dest_uri for f in files}, pages)
    return files


@event_priority(-100)  # after every other handler of the event
def on_page_content(html, page, config, files):
    page.markdown = ""  # converted: not needed again ("", not None: the title reads it)
    if "held_pages" not in layers():
        return html
    _held.hold(page.file.src_uri, html)
    return ""


@event_priority(100)  # before every other handler, search included
def on_page_context(context, page, config, nav):
    html = _held.release(page.file.src_uri)
    if html is not None:
        page.content = html
    dirty = _dirty.get(config.config_file_path)
    if dirty:
        dirty.rebuilt.add(page.url)
    return context


def on_post_page(output, page, config):
    page.content = page.toc = None
    return output


def on_post_build(config) -> None:
    _held.clear()
    dirty = _dirty.get(config.config_file_path)
    if dirty and dirty.after(Path(config.site_dir)):
        for plugin in config.plugins.values():  # the theme's own merge assumes one page per build
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None
    if _docs_watch and not config.extra.get("edition_path"):
        _docs_watch.refresh()  # a hand-written page made since
    if _command == "serve" and not config.extra.get("edition_path"):
        # One server for both editions: the Korean one is built into the served site's ko/.
        for edition in support.EDITIONS:
            support.build_edition(ROOT / edition / "mkdocs.yml", Path(config.site_dir) / edition, _dirty_mode)


def on_serve(server, config, builder):
    """Watch the data and the generator (often); in docs/, only what is written by hand."""
    global _docs_watch
    if "watch" not in layers():
        for path in (ROOT / "data", SCRIPTS / "timeline"):
            server.watch(str(path))
        return server
    mkdocs_watch.watch_often(server, [ROOT / "data", SCRIPTS / "timeline"])
    _docs_watch = mkdocs_watch.HandWritten(server, Path(config.docs_dir))
    return server
