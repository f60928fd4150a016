"""The pipeline: read the data, render every page of the table, write what changed.

    from timeline.generate import generate
    print(generate(Path(".")))            # as `python scripts/build.py` does

The command line, the MkDocs hook, the offline copy, the benchmark and the tests all call
`generate`. It does not depend on MkDocs: after it, any MkDocs-compatible builder gives the
site. On a data problem it raises DataError listing every problem, and writes nothing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .cache import Memo
from .chronology import Chronology
from .edition import Edition
from .freshness import STAMP, UP_TO_DATE, fingerprint, is_current
from .frontmatter import check_front_matter
from .parallel import collector_paused
from .problems import DataError, Problem
from .produce import Task, path_of, produce, tasks_of
from .read import read_chronology
from .schema import schemas
from .settings import Settings
from .translations import Coverage, check_translations
from .write import MANIFEST, check_paths, finish, write_if_changed


def generate(root: Path, *, settings: Settings | None = None, out: Path | None = None,
             check: bool = False, force: bool = False, memo: Memo | None = None) -> str:
    """Validate and render; write into `out` (default docs/) unless `check`. Returns a summary.

    When nothing the output depends on changed since the last successful run there is nothing
    to do (so the hook costs next to nothing after `python scripts/build.py`); `force` redoes
    it. A `memo` kept between runs (as `mkdocs serve` does) spares work on unchanged records.
    Pages are written as they are rendered, each atomically; the stamp that says the pages
    are complete is written last.
    """
    settings = settings or Settings.from_config(root / "mkdocs.yml")
    out = out or root / "docs"
    current = "" if check else fingerprint(root, settings)
    if not check and not force and is_current(out, current):
        _check_pages(out, set((out / MANIFEST).read_text("utf-8").split()), [])
        return UP_TO_DATE
    with memo.run() if memo is not None else contextlib.nullcontext():
        chronology, coverage, tasks = _plan(root, settings)
        paths = [path_of(task) for task in tasks]
        _check_pages(out, set(paths), [])
        if check:
            produce(tasks, lambda path, text, fresh: None)  # every page renders: nothing is written
            return _checked(root, chronology, coverage, paths)
        out = check_paths(out, paths)
        (out / STAMP).unlink(missing_ok=True)  # until every page is written, none is complete
        changed = produce(tasks, lambda path, text, fresh: _write(out / path, text, fresh))
    for name, text in schemas().items():
        write_if_changed(root / "data" / "schema" / name, text.encode())
    removed = finish(out, paths)
    write_if_changed(out / STAMP, current.encode())
    return (f"{len(chronology.events)} events: {len(paths)} pages, "
            f"{sum(map(bool, changed))} written, {len(removed)} removed{_coverage(coverage)}")


def _plan(root: Path, settings: Settings) -> tuple[Chronology, list[Coverage], list[Task]]:
    with collector_paused():
        chronology = read_chronology(root / "data")
        coverage = check_translations(root / "data", chronology)
    editions = [None, *(Edition.of(chronology, report) for report in coverage
                        if report.lang in settings.languages)]
    return chronology, coverage, tasks_of(chronology, settings, editions)


def _checked(root: Path, chronology: Chronology, coverage: list[Coverage], paths: list[str]) -> str:
    """`--check`: the data is valid; the schemas must be current; the coverage and what is stale."""
    schema_dir = root / "data" / "schema"
    stale = [name for name, text in schemas().items()
             if not (schema_dir / name).is_file() or (schema_dir / name).read_text("utf-8") != text]
    if stale:
        raise DataError([Problem(f"data/schema/{name}", 1, 1,
                                 "out of date with the model: run python scripts/build.py")
                         for name in stale])
    return f"ok: {len(chronology.events)} events, {len(paths)} pages would be generated{_coverage(coverage)}"


def _coverage(coverage: list[Coverage]) -> str:
    """Each translation's coverage, then each entry out of date, with its place."""
    return "".join(f"\n{c.summary()}" + "".join(f"\n{p}" for p in c.stale) for c in coverage)


def _check_pages(out: Path, generated: set[str], problems: list[Problem]) -> None:
    """The pages written by hand beside the generated ones: their front matter must parse."""
    problems += check_front_matter(out, generated, out.name)
    if problems:
        raise DataError(problems)


def render_pages(chronology: Chronology, settings: Settings | None = None,
                 edition: Edition | None = None) -> dict[str, str]:
    """Every generated file of one edition (English if none), as {path under docs/: text}."""
    tasks = tasks_of(chronology, settings or Settings(), [edition])
    return dict(zip(map(path_of, tasks), produce(tasks, lambda path, text, fresh: text), strict=True))


def _write(path: Path, text: str, fresh: bool) -> bool:
    """Write a page if its bytes changed; a page remembered from the last run under serve was
    written then, so only its presence is checked."""
    if not fresh and path.is_file():
        return False
    return write_if_changed(path, text.encode())
