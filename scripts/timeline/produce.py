"""Every page of the table, in every edition, rendered and delivered: written into docs/ as
it is made (the pipeline), or handed back as text (`generate.render_pages`).

From scratch the pages are made in two processes, forked once so that they share the
records, and each delivers what it renders: only a yes or no per page travels back. Under
`mkdocs serve` (a memo run is open, see cache.py) a page is rendered again only if something
it shows changed, in this process.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from . import parallel
from .cache import Memo, active, page_key, shared_digest
from .chronology import Chronology
from .edition import Edition
from .indexes import Site
from .language import LANGUAGES, speaking
from .pages import Page, table
from .render import render_template
from .settings import Settings

Task = tuple[str, Site, Page]  # where the edition's pages go (its prefix), its site, a page
# (path under docs/, text, fresh) -> what the caller keeps. `fresh` is False for a page whose
# text is remembered from the last run under serve, which delivered it (cache.Memo.delivered).
Deliver = Callable[[str, str, bool], object]
# Below this many pages, starting processes costs more than it saves.
PARALLEL_FROM = 400


def tasks_of(chronology: Chronology, settings: Settings, editions: list[Edition | None]) -> list[Task]:
    """The page table of each edition (English if None)."""
    tasks: list[Task] = []
    for edition in editions:
        lang = LANGUAGES[edition.lang if edition else "en"]
        # The table names some pages (years, types) in its language.
        with speaking(lang.code), parallel.collector_paused():
            site = Site(chronology, dataclasses.replace(settings, base=settings.base + lang.prefix), edition)
            tasks += [(lang.prefix, site, page) for page in table(site)]
    return tasks


def path_of(task: Task) -> str:
    prefix, _, page = task
    return prefix + page.path


def produce(tasks: list[Task], deliver: Deliver) -> list:
    """Render each task's page and deliver it; returns what `deliver` returned, in order."""
    memo = active()
    if memo is not None:
        made = _remembered(memo, tasks)
        return [deliver(path_of(task), text, fresh) for task, (text, fresh) in zip(tasks, made, strict=True)]
    return _in_parallel(tasks, deliver)


def _remembered(memo: Memo, tasks: list[Task]) -> Iterator[tuple[str, bool]]:
    """Under serve: a page is rendered again only if something it shows changed. Yields each
    page's text, and whether it was rendered in this run."""
    shared: dict[int, bytes] = {}
    for task in tasks:
        _, site, page = task
        if id(site) not in shared:
            shared[id(site)] = shared_digest(site.chronology, site.settings, memo)
        shows = tuple(site.events) if page.shows is None else page.shows
        key = page_key(memo, shared[id(site)], path_of(task), page.template or "", shows, page.variant)
        fresh = not memo.delivered(key)
        yield memo.get(key, lambda s=site, p=page: _render(s, p)), fresh


def _render(site: Site, page: Page) -> str:
    with speaking(site.edition.lang):
        if page.export is not None:
            return page.export(site.chronology, site.settings.base)
        return render_template(page.template, page.path, site, **page.context)


def _in_parallel(tasks: list[Task], deliver: Deliver) -> list:
    """In two processes where that is quicker, each delivering what it renders. The exports,
    the largest single items, go first, so that neither process is left with them at the end."""
    def job(i: int) -> object:
        return deliver(path_of(tasks[i]), _render(tasks[i][1], tasks[i][2]), True)

    if len(tasks) < PARALLEL_FROM or not parallel.available():
        return [job(i) for i in range(len(tasks))]
    order = sorted(range(len(tasks)), key=lambda i: tasks[i][2].export is None)
    results: list = [None] * len(tasks)
    for i, result in zip(order, parallel.forked_map(job, order, chunksize=16), strict=True):
        results[i] = result
    return results
