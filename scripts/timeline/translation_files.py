"""Reading translation files (data/<lang>/*.yaml) for translations.py: entry by entry where
that is enough, with the position of every value where a problem must say where it is.

    entries = read_entries(raw, "events")      # None if the file needs the full reading
    entries.data, entries.where(("events", 3, "translates"))
    document = read_document(path, name)       # load.Document: every position

Under serve each entry is remembered while its text is the same, so an edit re-parses one
entry; `where` knows the places of an entry's top-level fields and raises NeedPositions for
anything else (then read the file with read_document).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .cache import active, memoized
from .entries import load_item, load_items, split_items
from .load import MAX_BYTES, Document, load, parse


class NeedPositions(Exception):
    """A place the quick reading cannot tell: read the file with every position."""


class Entries:
    """A translation file read entry by entry: the data, and the places of top-level fields."""

    def __init__(self, key: str, items: list, texts: list[str], lines: list[int]):
        self.data, self.key, self.texts, self.lines, self.problems = {key: items}, key, texts, lines, []

    def where(self, path: tuple, key: bool = False) -> tuple[int, int]:
        if len(path) != 3 or path[0] != self.key:
            raise NeedPositions
        text = self.texts[path[1]]
        found = re.search(rf"^([ \t]*(?:- )?){re.escape(path[2])}:[ \t]*", text, re.MULTILINE)
        if not found:
            raise NeedPositions
        start = text.rfind("\n", 0, found.start()) + 1
        col = (found.start() + len(found.group(1)) if key else found.end()) - start + 1
        return self.lines[path[1]] + text.count("\n", 0, found.start()), col


@memoized
def _item(text: str) -> object:
    return load_item(text)


def read_entries(raw: bytes, key: str) -> Entries | None:
    try:
        text = raw.decode("utf-8")
        pieces = split_items(text, key)
        if not pieces:
            return None
        if active() is None:
            items = load_items(pieces)  # from scratch: many are parsed in two processes
        else:
            items = [_item(piece) for piece in pieces]
    except (UnicodeDecodeError, ValueError, yaml.YAMLError):
        return None
    first = text.removeprefix("\ufeff").index(pieces[0])
    lines, line = [], text.removeprefix("\ufeff").count("\n", 0, first) + 1
    for piece in pieces:
        lines.append(line)
        line += piece.count("\n")
    return Entries(key, items, pieces, lines)


def read_document(path: Path, name: str) -> Document:
    """A translation file, read with positions (kept under serve while its bytes are the same)."""
    if path.stat().st_size > MAX_BYTES:
        return load(path, name)  # refuses it, saying how large it is
    return _parsed(path.read_bytes(), name)


@memoized
def _parsed(raw: bytes, name: str) -> Document:
    return parse(raw, name)
