"""Results kept from one run of the generator to the next in the same process.

`mkdocs serve` runs the generator after every edit. Most pages show records that did not
change, so their text is looked up by a key naming everything they show (digests of those
records, the generator's own code, the site settings) instead of being rendered again. A
key that is not asked for in a run is dropped at its end, so the memo holds one site's worth.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self) -> None:
        self._previous: dict[Hashable, object] = {}
        self._current: dict[Hashable, object] = {}
        self.hits = self.misses = 0

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

    @property
    def empty(self) -> bool:
        return not self._previous

    def start(self) -> None:
        """Begin a run: what the last completed run used stays available."""
        self._current = {}
        self.hits = self.misses = 0

    def finish(self) -> None:
        """End a run that completed: keep only what it used."""
        self._previous, self._current = self._current, {}


def digest(*parts: str | bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.digest()


def code_digest(folder: Path) -> bytes:
    """A digest of the generator's modules and templates, so a code edit renders afresh."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files))
