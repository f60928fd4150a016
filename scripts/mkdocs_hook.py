"""MkDocs hook: regenerate the pages from data/ before every build, and watch data/ in serve.

A thin convenience over scripts/build.py, which does all the work and does not need MkDocs.
Under `mkdocs serve` the generator's modules are reloaded before each build, since MkDocs
loads hooks once: edits to the generator or its templates then show without a restart.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

SCRIPTS = Path(__file__).resolve().parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.timeline")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    generator = _reload() if _serving else build
    root = Path(config.config_file_path).resolve().parent
    try:
        log.info(generator.generate(root))
    except generator.DataError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise PluginError(
            f"{len(exc.problems)} data error(s): the pages were left as they were"
        ) from None


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / "data"))
    server.watch(str(SCRIPTS / "timeline"))
    return server


def _reload():
    """Fresh copies of the generator's modules, dependencies first, then of build.py."""
    modules = ("problems", "dates", "load", "model", "validate", "exports", "ical", "feed",
               "reference", "charts", "cite", "indexes", "render", "schema", "write")
    for name in modules:
        importlib.reload(importlib.import_module(f"timeline.{name}"))
    spec = importlib.util.spec_from_file_location("timeline_build", SCRIPTS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
