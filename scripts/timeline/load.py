"""Load a YAML data file, keeping the line and column of every key and value.

PyYAML silently keeps the last of two equal keys and expands aliases; this loader reports
duplicate keys, reads only true/false as booleans and leaves dates as text (as YAML 1.2
does), refuses anchors/aliases (no "billion laughs") and never constructs Python
objects from tags (safe constructor only). It uses libyaml when present.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

from .problems import DataError, Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Position = tuple[int, int]  # 1-based line, column
_START = object()  # key of a mapping's own position among its keys' positions (never a YAML key)
# Far above any real chronology (10,000 events is about 7 MiB); refusing larger files up
# front keeps memory bounded whatever is pasted in.
MAX_BYTES = 32 * 2**20


class _AliasError(yaml.MarkedYAMLError):
    pass


class Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that records positions and collects duplicate keys."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.positions: dict[int, dict | list] = {}
        self.duplicates: list[tuple[Position, str]] = []

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasError(
                problem="anchors and aliases (&name / *name) are not supported in data files",
                problem_mark=node.start_mark,
            )
        try:
            return super().construct_object(node, deep=deep)
        except (KeyError, IndexError, TypeError, ValueError):  # e.g. `!!bool 1`: not one of its values
            raise ConstructorError(None, None, f"cannot read this value for the tag '{node.tag}'",
                                   node.start_mark) from None

    def _marked_mapping(self, node: MappingNode) -> tuple[dict, dict]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        self.flatten_mapping(node)
        mapping: dict = {}
        marks: dict = {_START: _pos(node.start_mark)}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node)
            if not isinstance(key, Hashable):
                raise ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                first = marks[key][0][0]
                self.duplicates.append(
                    (_pos(key_node.start_mark), f"duplicate key {key!r} (first given at line {first})")
                )
                continue
            mapping[key] = self.construct_object(value_node)
            marks[key] = (_pos(key_node.start_mark), _pos(value_node.start_mark))
        return mapping, marks

    def construct_mapping(self, node, deep=False):
        return self._marked_mapping(node)[0]

    def construct_yaml_map(self, node):
        data: dict = {}
        yield data
        mapping, marks = self._marked_mapping(node)
        data.update(mapping)
        self.positions[id(data)] = marks

    def construct_yaml_seq(self, node):
        data: list = []
        yield data
        data.extend(self.construct_object(child) for child in node.value)
        self.positions[id(data)] = [_pos(child.start_mark) for child in node.value]


# YAML 1.2 booleans: only true/false. YAML 1.1 also reads yes/no/on/off as booleans, which
# would turn a vote's `yes:` and `no:` keys, or a title "NO", into true/false. Dates stay
# text: the model parses them, with its own precision rules and messages.
_BOOL = "tag:yaml.org,2002:bool"
_DROP = {_BOOL, "tag:yaml.org,2002:timestamp"}
Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROP]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_yaml_map)
Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_yaml_seq)


def _pos(mark) -> Position:
    return (mark.line + 1, mark.column + 1)


@dataclass
class Document:
    """A loaded data file: its parsed content and where each part of it was written."""

    name: str
    data: object
    positions: dict[int, dict | list] = field(repr=False)
    problems: list[Problem] = field(default_factory=list)  # e.g. duplicate keys

    def where(self, path: tuple, key: bool = False) -> Position:
        """Line and column of the value at `path`; of its key if `key`; else nearest parent."""
        obj, here = self.data, (1, 1)
        for step in path:
            marks = self.positions.get(id(obj))
            if isinstance(obj, dict) and isinstance(marks, dict):
                here = marks[_START]
                if step not in marks:
                    break
                here = marks[step][0 if key and step == path[-1] else 1]
            elif isinstance(obj, list) and isinstance(marks, list) and isinstance(step, int):
                if not 0 <= step < len(obj):
                    break
                here = marks[step]
            else:
                break
            obj = obj[step]
        return here


def load(path: Path, name: str) -> Document:
    """Parse one YAML file; raise DataError if it cannot be read at all.

    Duplicate keys do not stop the load (the first value is kept): they are returned in
    `Document.problems`, so the rest of the file is still checked in the same run.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        msg = (f"the file is {size / 2**20:.0f} MiB; a data file may be at most "
               f"{MAX_BYTES // 2**20} MiB, so split it or remove what does not belong")
        raise DataError([Problem(name, 1, 1, msg)])
    return parse(path.read_bytes(), name)


def parse(raw: bytes, name: str) -> Document:
    """`load` of a file's bytes (read already)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        msg = f"the file must be UTF-8 text, got the byte 0x{bad}"
        raise DataError([Problem(name, line, col, msg)]) from None
    loader = Loader(text.removeprefix("\ufeff"))
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        tag = re.search(r"for the tag '([^']*)'", what)
        if isinstance(exc, ConstructorError) and tag:
            shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
            what = f"YAML tags such as {shown!r} are not allowed in data files"
        elif not isinstance(exc, (ConstructorError, _AliasError)):
            what = "YAML syntax error: " + what
        raise DataError([Problem(name, line, col, what)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        msg = f"the file contains a character that YAML does not allow, got {_char(exc.character)!r}"
        raise DataError([Problem(name, line, col, msg)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, 1, 1, f"YAML error: {exc}")]) from None
    except RecursionError:
        raise DataError([Problem(name, 1, 1, "the file is nested too deeply")]) from None
    finally:
        loader.dispose()
    duplicates = [Problem(name, ln, col, msg) for (ln, col), msg in loader.duplicates]
    return Document(name, data, loader.positions, duplicates)


def _char(c: int | str) -> str:
    return chr(c) if isinstance(c, int) else c
