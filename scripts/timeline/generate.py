"""The pipeline: read the data, render every page of the table, write what changed.

    from timeline.generate import generate
    print(generate(Path(".")))            # as `python scripts/build.py` does

The command line, the MkDocs hook, the offline copy, the benchmark and the tests all call
`generate`. It does not depend on MkDocs: after it, any MkDocs-compatible builder gives the
site. On a data problem it raises DataError listing every problem, and writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
from pathlib import Path

from .cache import Memo, active, code_digest, page_key, shared_digest
from .chronology import Chronology
from .edition import Edition
from .indexes import Site
from .language import LANGUAGES, speaking
from .pages import Page, table
from .problems import DataError, Problem
from .read import read_chronology
from .render import render_template
from .schema import schemas
from .settings import Settings
from .translations import check_translations
from .write import MANIFEST, write_if_changed, write_pages

STAMP = ".generated-stamp"
# Below this many pages, starting processes costs more than it saves.
PARALLEL_FROM = 400


def generate(root: Path, *, settings: Settings | None = None, out: Path | None = None,
             check: bool = False, force: bool = False, memo: Memo | None = None) -> str:
    """Validate and render; write into `out` (default docs/) unless `check`. Returns a summary.

    When nothing the output depends on changed since the last successful run there is nothing
    to do (so the hook costs next to nothing after `python scripts/build.py`); `force` redoes
    it. A `memo` kept between runs (as `mkdocs serve` does) spares work on unchanged records.
    """
    settings = settings or Settings.from_config(root / "mkdocs.yml")
    out = out or root / "docs"
    current = "" if check else fingerprint(root, settings)
    if not check and not force and _up_to_date(out, current):
        return "pages are up to date with data/ and the generator"
    if memo is None:
        chronology, coverage, pages = _run(root, settings)
    else:
        with memo.run():
            chronology, coverage, pages = _run(root, settings)
    translated = "".join(f"\n{c.summary()}" for c in coverage)
    if check:
        translated += "".join(f"\n{p}" for c in coverage for p in c.stale)
    schema_dir = root / "data" / "schema"
    if check:
        stale = [name for name, text in schemas().items()
                 if not (schema_dir / name).is_file() or (schema_dir / name).read_text("utf-8") != text]
        if stale:
            raise DataError([Problem(f"data/schema/{name}", 1, 1,
                                     "out of date with the model: run python scripts/build.py")
                             for name in stale])
        return f"ok: {len(chronology.events)} events, {len(pages)} pages would be generated{translated}"
    for name, text in schemas().items():
        write_if_changed(schema_dir / name, text.encode())
    written, removed = write_pages(out, pages)
    write_if_changed(out / STAMP, current.encode())
    return (f"{len(chronology.events)} events: {len(pages)} pages, "
            f"{len(written)} written, {len(removed)} removed{translated}")


def _run(root: Path, settings: Settings):
    chronology = read_chronology(root / "data")
    coverage = check_translations(root / "data", chronology)
    editions = [None, *(Edition.of(chronology, report) for report in coverage
                        if report.lang in settings.languages)]
    return chronology, coverage, _render_editions(chronology, settings, editions)


def render_pages(chronology: Chronology, settings: Settings | None = None,
                 edition: Edition | None = None) -> dict[str, str]:
    """Every generated file of one edition (English if none), as {path under docs/: text}."""
    return _render_editions(chronology, settings or Settings(), [edition])


Task = tuple[str, Site, Page]  # where the edition's pages go (its prefix), its site, a page


def _render_editions(chronology: Chronology, settings: Settings,
                     editions: list[Edition | None]) -> dict[str, str]:
    tasks: list[Task] = []
    for edition in editions:
        lang = LANGUAGES[edition.lang if edition else "en"]
        with speaking(lang.code):  # the table names some pages (years, types) in its language
            site = Site(chronology, dataclasses.replace(settings, base=settings.base + lang.prefix), edition)
            tasks += [(lang.prefix, site, page) for page in table(site)]
    memo = active()
    texts = _render_all(tasks) if memo is None else _render_remembered(memo, tasks)
    return {prefix + page.path: text for (prefix, _, page), text in zip(tasks, texts, strict=True)}


def _render_remembered(memo: Memo, tasks: list[Task]) -> list[str]:
    """Under serve: a page is rendered again only if something it shows changed."""
    shared: dict[int, bytes] = {}
    texts = []
    for prefix, site, page in tasks:
        if id(site) not in shared:
            shared[id(site)] = shared_digest(site.chronology, site.settings)
        shows = tuple(site.events) if page.shows is None else page.shows
        key = page_key(memo, shared[id(site)], prefix + page.path, page.template or "", shows, page.variant)
        texts.append(memo.get(key, lambda s=site, p=page: _render(s, p)))
    return texts


def _render(site: Site, page: Page) -> str:
    with speaking(site.edition.lang):
        if page.export is not None:
            return page.export(site.chronology, site.settings.base)
        return render_template(page.template, page.path, site, **page.context)


_work: list[Task] | None = None  # what forked workers render from


def _render_at(i: int) -> str:
    _, site, page = _work[i]
    return _render(site, page)


def _render_all(tasks: list[Task]) -> list[str]:
    """Every page of every edition, in two processes where that is quicker (forked once: they
    share the data). The exports, the largest single items, go first, so that neither process
    is left with them at the end."""
    global _work
    workers = min(2, os.cpu_count() or 1)
    if len(tasks) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_render(site, page) for _, site, page in tasks]
    order = sorted(range(len(tasks)), key=lambda i: tasks[i][2].export is None)
    _work = tasks
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done = pool.map(_render_at, order, chunksize=16)
    finally:
        _work = None
    texts = [""] * len(tasks)
    for i, text in zip(order, done, strict=True):
        texts[i] = text
    return texts


def fingerprint(root: Path, settings: Settings) -> str:
    """A hash of everything the output depends on: data, generator code, settings."""
    digest = hashlib.sha256(repr(settings).encode() + code_digest())
    for path in sorted((root / "data").glob("**/*.yaml")):  # translations (data/ko/) too
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        with path.open("rb") as f:  # in chunks: a large file is never held twice
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _up_to_date(out: Path, current: str) -> bool:
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text() != current:
        return False
    manifest = out / MANIFEST
    return manifest.is_file() and all((out / rel).is_file() for rel in manifest.read_text().split())
