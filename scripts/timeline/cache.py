"""The one place results are kept from one run of the generator to the next.

`mkdocs serve` runs the generator after every edit, and most of what it makes shows records
that did not change. The pipeline opens a run of a `Memo` it keeps (`with memo.run():`); while
a run is open, a function marked `@memoized` is called only for arguments not seen in the last
run, and a page (see `pages.Page`) is rendered only if something it shows changed. Keys are
made here and nowhere else: from the arguments' digests, the records a page declares it shows,
and what every page shows (names of actors, tags and documents, the settings, the code).
Outside a run (the command line, the tests) everything is computed afresh.

One thing is also kept on disk, as Python keeps its compiled modules: the compiled templates
(`CompiledTemplates`), so that each process from scratch compiles only what changed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

import jinja2
from pydantic import BaseModel

from .freshness import code_digest
from .language import current

T = TypeVar("T")
_active: ContextVar[Memo | None] = ContextVar("memo", default=None)


class Memo:
    """Values by key; a key not asked for in a completed run is dropped at its end."""

    def __init__(self) -> None:
        self._previous: dict[Hashable, object] = {}
        self._current: dict[Hashable, object] = {}
        self._digests: dict[int, tuple[object, bytes]] = {}
        self._digests_before: dict[int, tuple[object, bytes]] = {}  # the last run's, by identity
        self._interrupted = False  # the last run failed: what it made may be partly in place
        self.hits = self.misses = 0

    @property
    def empty(self) -> bool:
        return not self._previous

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if key in self._current:
            return self._current[key]  # type: ignore[return-value]
        if key in self._previous:
            self.hits += 1
            value = self._previous[key]
        else:
            self.misses += 1
            value = make()
        self._current[key] = value
        return value  # type: ignore[return-value]

    def delivered(self, key: Hashable) -> bool:
        """Whether the value of `key` was made in the last completed run (or already in this
        one) and no run failed since: what was made from it (a page written) is still in place."""
        return not self._interrupted and (key in self._previous or key in self._current)

    def digest(self, record: BaseModel) -> bytes:
        """A record's content digest, computed once (records are immutable): an entry whose text
        did not change is the same record in the next run, and keeps its digest."""
        key = id(record)
        held = self._digests.get(key)
        if held is None or held[0] is not record:
            held = self._digests_before.get(key)
            if held is None or held[0] is not record:
                held = (record, digest(record.model_dump_json()))
            self._digests[key] = held
        return held[1]

    def digest_of_all(self, records: tuple) -> bytes:
        """One digest of a page's records (None for a missing neighbour), computed once per run
        for each tuple: many pages share one (every state page shows every decision)."""
        held = self._digests.get(id(records))
        if held is None or held[0] is not records:
            held = (records, digest(*(self.digest(r) if r is not None else bytes(16) for r in records)))
            self._digests[id(records)] = held
        return held[1]

    @contextlib.contextmanager
    def run(self) -> Iterator[Memo]:
        """One run of the generator: what the last completed run used stays available."""
        self._current, self._digests_before, self._digests = {}, self._digests, {}
        self.hits = self.misses = 0
        token = _active.set(self)
        try:
            yield self
        except BaseException:
            self._interrupted = True  # e.g. pages written before a failure: deliver all again
            raise
        finally:
            _active.reset(token)
        self._previous, self._current = self._current, {}
        self._digests_before = {}  # this run's digests stay for the next; the last run's go
        self._interrupted = False


def active() -> Memo | None:
    return _active.get()


def memoized(fn: Callable[..., T]) -> Callable[..., T]:
    """Mark a pure function of records, text and settings as safe to remember between runs."""
    @functools.wraps(fn)
    def wrapper(*args):
        memo = _active.get()
        if memo is None:
            return fn(*args)
        key = (fn.__module__, fn.__qualname__, current().code, *(_part(memo, a) for a in args))
        return memo.get(key, lambda: fn(*args))
    return wrapper


def _part(memo: Memo, value: object) -> Hashable:
    if isinstance(value, BaseModel):
        return memo.digest(value)
    if isinstance(value, type):
        return value.__qualname__
    if isinstance(value, (list, tuple)):
        return tuple(_part(memo, v) for v in value)
    return value  # text, numbers, settings (frozen dataclasses)


def page_key(memo: Memo, shared: bytes, path: str, template: str, shows: tuple,
             variant: str = "") -> Hashable:
    """The key of a page: what every page shows, its own path and template, its records, and
    anything else it declares it shows (`variant`: e.g. the state of its translation)."""
    return (shared, path, template, variant, memo.digest_of_all(shows))


def shared_digest(chronology, settings, memo: Memo | None = None) -> bytes:
    """What any page may show besides its own records: names of actors, tags, documents and
    states, the roll calls (an event's, a state's, the states table), the settings and the
    generator's own code. With a memo, each record's digest is the one it keeps."""
    groups = (*(records.values() for records in (chronology.actors, chronology.tags,
                                                  chronology.documents, chronology.states)),
              chronology.rollcalls)
    if memo is not None:
        return digest(code_digest(), repr(settings), *(b"".join(map(memo.digest, g)) + b"|" for g in groups))
    return digest(code_digest(), repr(settings), *(json.dumps([r.model_dump(mode="json") for r in g])
                                                   for g in groups))


def digest(*parts: str | bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.digest()


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates as Jinja2 compiles them, kept in `folder`: a process from scratch (each
    worker of one) then compiles none that did not change. What a template compiles to depends
    on the environment's settings too, so any change to the generator's code compiles them all
    afresh. Nothing is written where Python writes no bytecode (PYTHONDONTWRITEBYTECODE) or
    cannot (a read-only checkout)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), "%s.jinja2")

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha1(code_digest() + source.encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged: compiled again, and written anew
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # compiled in memory only
